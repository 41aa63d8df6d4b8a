/* sms.c: text messages through a driver (outbox or HTTP gateway) and one-time SMS codes */
#include "shared/sms.h"
#include "config.h"
#include "crypto.h"
#include "shared/throttle.h"
#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_OUTBOX_INSERT[] =
    "INSERT INTO sms_outbox (mobile, purpose, body, driver, status, error) VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_OUTBOX_FINISH[] = "UPDATE sms_outbox SET status = ?, error = ? WHERE id = ?";

/* ---- drivers ---- */

struct gw_reply {
  char text[160];
  size_t len;
};

/* Keeps the start of the gateway's answer for the error column; the rest is dropped. */
static size_t gw_write(char *p, size_t size, size_t n, void *ud) {
  struct gw_reply *g = ud;
  size_t total = size * n, room = sizeof g->text - 1 - g->len;
  size_t k = total < room ? total : room;
  memcpy(g->text + g->len, p, k);
  g->len += k;
  g->text[g->len] = 0;
  return total;
}

/* POSTs {"mobile","text"} to g_cfg.sms_url. 1 on a 2xx answer; otherwise 0 and error filled. */
static int driver_http(const char *mobile, const char *text, char *error, size_t elen) {
  static int inited;
  if (!inited) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    inited = 1;
  }
  if (!g_cfg.sms_url || !*g_cfg.sms_url) {
    snprintf(error, elen, "MALL_SMS_URL is not set");
    return 0;
  }
  json_t *o = json_pack("{s:s, s:s}", "mobile", mobile, "text", text);
  char *body = o ? json_dumps(o, JSON_COMPACT) : NULL;
  json_decref(o);
  if (!body) {
    snprintf(error, elen, "json encoding failed");
    return 0;
  }
  CURL *c = curl_easy_init();
  struct curl_slist *hdrs = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
  struct gw_reply reply = {"", 0};
  int ok = 0;
  if (c && hdrs) {
    char cerr[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_URL, g_cfg.sms_url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 5L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
    /* Without a write callback libcurl prints the answer to stdout, which is the FastCGI stream. */
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, gw_write);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (rc != CURLE_OK) snprintf(error, elen, "%s", cerr[0] ? cerr : curl_easy_strerror(rc));
    else if (status < 200 || status > 299) snprintf(error, elen, "HTTP %ld %s", status, reply.text);
    else ok = 1;
  } else {
    snprintf(error, elen, "curl init failed");
  }
  curl_slist_free_all(hdrs);
  if (c) curl_easy_cleanup(c);
  free(body);
  return ok;
}

NEOERR *sms_send(MYSQL *db, const char *mobile, const char *purpose, const char *text, int *sent) {
  *sent = 0;
  const char *driver = g_cfg.sms_driver && strcmp(g_cfg.sms_driver, "http") == 0 ? "http" : "outbox";
  if (strcmp(driver, "outbox") == 0) {
    /* The outbox is the delivery: developers and tests read it with `mallctl sms-outbox`. */
    NEOERR *err = db_exec(db, SQL_OUTBOX_INSERT, DBA(DS(mobile), DS(purpose), DS(text), DS(driver), DS("sent"), DS("")),
                          NULL, NULL);
    if (!err) *sent = 1;
    return nerr_pass(err);
  }
  long long id = 0;
  NEOERR *err = db_exec(db, SQL_OUTBOX_INSERT, DBA(DS(mobile), DS(purpose), DS(text), DS(driver), DS("queued"), DS("")),
                        NULL, &id);
  if (err) return nerr_pass(err);
  char error[255] = "";
  *sent = driver_http(mobile, text, error, sizeof error);
  /* Keep the column valid UTF-8 even if the gateway's answer was cut mid-character. */
  size_t l = strlen(error);
  while (l > 0 && ((unsigned char)error[l - 1] & 0x80)) error[--l] = 0;
  return nerr_pass(db_exec(db, SQL_OUTBOX_FINISH, DBA(DS(*sent ? "sent" : "failed"), DS(error), DI(id)), NULL, NULL));
}

/* ---- codes ---- */

#define SMS_CODE_QUEUE "sms-code" /* throttle_locks scope: one row per mobile that code requests queue on */

/* Read after the mobile's queue row is held (throttle_queue), so the read view sees every earlier code. */
static const char SQL_CODES_TODAY[] = "SELECT COUNT(*) FROM sms_codes WHERE mobile = ? AND created_at >= CURDATE()";
static const char SQL_CODE_LAST_AGE[] =
    "SELECT TIMESTAMPDIFF(SECOND, MAX(created_at), NOW()) FROM sms_codes WHERE mobile = ? AND purpose = ?";
static const char SQL_CODE_INSERT[] = "INSERT INTO sms_codes (mobile, purpose, ref, code_hash, expires_at, created_at) "
                                      "VALUES (?, ?, ?, ?, NOW() + INTERVAL ? SECOND, NOW())";
static const char SQL_CODE_VOID[] = "UPDATE sms_codes SET expires_at = created_at WHERE id = ?";
/* A new code retires the earlier live ones for the same purpose and ref: only the newest can be used. */
static const char SQL_CODE_VOID_OLDER[] =
    "UPDATE sms_codes SET expires_at = created_at "
    "WHERE mobile = ? AND purpose = ? AND ref = ? AND used_at IS NULL AND expires_at > NOW()";
/* A locking read: inside a payment it must not open the transaction's read view before the member lock
 * (see orders.c, the per-member limit). */
static const char SQL_CODE_NEWEST[] =
    "SELECT id, code_hash, attempts, (used_at IS NOT NULL) AS used, (expires_at > NOW()) AS alive "
    "FROM sms_codes WHERE mobile = ? AND purpose = ? AND ref = ? ORDER BY id DESC LIMIT 1 FOR UPDATE";
/* Every check counts as an attempt, and only while the code is alive: however many guesses arrive at
 * once, at most SMS_CODE_MAX_TRIES of them get compared. The right code is counted and used in one
 * statement, so it is used at most once. */
static const char SQL_CODE_ATTEMPT[] = "UPDATE sms_codes SET attempts = attempts + 1 "
                                       "WHERE id = ? AND used_at IS NULL AND attempts < ? AND expires_at > NOW()";
/* The usual case in one statement: the right code, still live (being the only live one for its ref,
 * it is the newest). Counted and used at once; anything else goes the long way to learn why. */
#define CODE_USE_MATCHING                                                                                              \
  "UPDATE sms_codes SET attempts = attempts + 1, used_at = NOW() WHERE mobile = ? AND purpose = ? AND ref = ? "        \
  "AND code_hash = ? AND used_at IS NULL AND attempts < ? AND expires_at > NOW()"
static const char SQL_CODE_USE_MATCHING[] = CODE_USE_MATCHING;
/* The same, pipelined inside a payment (sms_code_use_deferred). */
static const char SQL_CODE_USE_MATCHING_TX[] = CODE_USE_MATCHING " AND " DB_IN_TX;
static const char SQL_CODE_USE[] = "UPDATE sms_codes SET attempts = attempts + 1, used_at = NOW() "
                                   "WHERE id = ? AND used_at IS NULL AND attempts < ? AND expires_at > NOW()";

static void code_hash(const char *purpose, const char *mobile, const char *ref, const char *code, char out[65]) {
  char msg[400];
  snprintf(msg, sizeof msg, "sms-code|%s|%s|%s|%s", purpose, mobile, ref, code);
  crypto_hmac_hex(msg, out);
}

static void code_text(const char *purpose, const char *code, char *out, size_t len) {
  if (strcmp(purpose, "register") == 0)
    snprintf(out, len, "【积分商城】您的注册验证码是%s,5分钟内有效,请勿泄露。", code);
  else if (strcmp(purpose, "reset") == 0)
    snprintf(out, len, "【积分商城】您正在重置登录密码,验证码是%s,5分钟内有效,请勿泄露。", code);
  else snprintf(out, len, "【积分商城】您的验证码是%s,5分钟内有效,请勿泄露。", code);
}

struct issue {
  const char *mobile, *purpose, *ref, *hash;
  sms_send_result *res;
  long long id;
};

static NEOERR *issue_tx(MYSQL *db, void *arg) {
  struct issue *is = arg;
  long long today = 0, age = 0;
  int found = 0;
  is->id = 0;
  /* Concurrent sends to one mobile queue on its lock row, so the cap and cooldown cannot be raced past — on one
   * node or across a cluster's nodes. */
  NEOERR *err = throttle_queue(db, SMS_CODE_QUEUE, is->mobile);
  if (!err) err = db_query_ll(db, SQL_CODES_TODAY, DBA(DS(is->mobile)), &today, NULL);
  if (err) return nerr_pass(err);
  if (today >= SMS_CODE_DAILY_CAP) {
    is->res->status = SMS_SEND_DAILY_CAP;
    return STATUS_OK;
  }
  err = db_query_ll(db, SQL_CODE_LAST_AGE, DBA(DS(is->mobile), DS(is->purpose)), &age, &found);
  if (err) return nerr_pass(err);
  if (found && age < SMS_CODE_COOLDOWN) {
    is->res->status = SMS_SEND_COOLDOWN;
    is->res->seconds_left = SMS_CODE_COOLDOWN - (age < 0 ? 0 : age);
    return STATUS_OK;
  }
  is->res->status = SMS_SEND_OK;
  err = db_exec(db, SQL_CODE_VOID_OLDER, DBA(DS(is->mobile), DS(is->purpose), DS(is->ref)), NULL, NULL);
  if (err) return nerr_pass(err);
  return nerr_pass(db_exec(db, SQL_CODE_INSERT,
                           DBA(DS(is->mobile), DS(is->purpose), DS(is->ref), DS(is->hash), DI(SMS_CODE_TTL)), NULL,
                           &is->id));
}

NEOERR *sms_code_issue(MYSQL *db, const char *mobile, const char *purpose, const char *ref, int deliver,
                       sms_send_result *res) {
  char code[SMS_CODE_DIGITS + 1], hash[65];
  memset(res, 0, sizeof *res);
  if (crypto_digits(code, SMS_CODE_DIGITS) != 0) return nerr_raise(NERR_SYSTEM, "random");
  code_hash(purpose, mobile, ref ? ref : "", code, hash);
  struct issue is = {mobile, purpose, ref ? ref : "", hash, res, 0};
  NEOERR *err = db_tx(db, issue_tx, &is);
  if (!err && res->status == SMS_SEND_OK) err = throttle_prune(db, SMS_CODE_QUEUE, 2 * 86400);
  if (err || res->status != SMS_SEND_OK || !deliver) return nerr_pass(err);
  /* Texted after the commit: a slow gateway must not hold the row locks. */
  char text[300];
  int sent = 0;
  code_text(purpose, code, text, sizeof text);
  err = sms_send(db, mobile, purpose, text, &sent);
  if (!err && !sent) {
    res->status = SMS_SEND_FAILED;
    err = db_exec(db, SQL_CODE_VOID, DBA(DI(is.id)), NULL, NULL);
  }
  return nerr_pass(err);
}

NEOERR *sms_code_send(MYSQL *db, const char *mobile, const char *purpose, const char *ref, sms_send_result *res) {
  return nerr_pass(sms_code_issue(db, mobile, purpose, ref, 1, res));
}

void sms_code_given_hash(const char *purpose, const char *mobile, const char *ref, const char *code, char out[65]) {
  code_hash(purpose, mobile, ref ? ref : "", code ? code : "", out);
}

NEOERR *sms_code_use_deferred(MYSQL *db, const char *mobile, const char *purpose, const char *ref, const char *code,
                              long long *used) {
  char given[65];
  sms_code_given_hash(purpose, mobile, ref, code, given);
  return nerr_pass(db_exec_deferred(db, SQL_CODE_USE_MATCHING_TX,
                                    DBA(DS(mobile), DS(purpose), DS(ref ? ref : ""), DS(given), DI(SMS_CODE_MAX_TRIES)),
                                    used));
}

NEOERR *sms_code_verify(MYSQL *db, const char *mobile, const char *purpose, const char *ref, const char *code,
                        sms_verify_result *res) {
  memset(res, 0, sizeof *res);
  res->status = SMS_VERIFY_NONE;
  char given[65];
  long long n = 0;
  code_hash(purpose, mobile, ref ? ref : "", code ? code : "", given);
  NEOERR *err = db_exec(db, SQL_CODE_USE_MATCHING,
                        DBA(DS(mobile), DS(purpose), DS(ref ? ref : ""), DS(given), DI(SMS_CODE_MAX_TRIES)), &n, NULL);
  if (err || n == 1) {
    if (!err) res->status = SMS_VERIFY_OK;
    return nerr_pass(err);
  }
  long long id = 0;
  int attempts = 0, used = 0, alive = 0, found = 0;
  char stored[65];
  err = db_row(db, SQL_CODE_NEWEST, DBA(DS(mobile), DS(purpose), DS(ref ? ref : "")),
               DCOLS(DCOL_LL(&id), DCOL_STR(stored), DCOL_INT(&attempts), DCOL_INT(&used), DCOL_INT(&alive)), &found);
  if (err || !found) return nerr_pass(err);
  if (used) {
    res->status = SMS_VERIFY_USED;
    return STATUS_OK;
  }
  if (attempts >= SMS_CODE_MAX_TRIES) {
    res->status = SMS_VERIFY_DEAD;
    return STATUS_OK;
  }
  if (!alive) {
    res->status = SMS_VERIFY_EXPIRED;
    return STATUS_OK;
  }
  if (crypto_equal(given, stored)) {
    if ((err = db_exec(db, SQL_CODE_USE, DBA(DI(id), DI(SMS_CODE_MAX_TRIES)), &n, NULL))) return nerr_pass(err);
    /* Lost a race: another request used it (or the guesses ran out, or time did) in between. */
    res->status = n == 1 ? SMS_VERIFY_OK : SMS_VERIFY_USED;
    return STATUS_OK;
  }
  if ((err = db_exec(db, SQL_CODE_ATTEMPT, DBA(DI(id), DI(SMS_CODE_MAX_TRIES)), &n, NULL))) return nerr_pass(err);
  if (n != 1) {
    res->status = SMS_VERIFY_DEAD;
    return STATUS_OK;
  } /* used, dead or expired meanwhile */
  res->tries_left = SMS_CODE_MAX_TRIES - (attempts + 1);
  res->status = res->tries_left > 0 ? SMS_VERIFY_WRONG : SMS_VERIFY_DEAD;
  return STATUS_OK;
}

NEOERR *sms_code_spend(MYSQL *db, const char *mobile, const char *purpose, const char *ref, const char *code) {
  char given[65];
  code_hash(purpose, mobile, ref ? ref : "", code ? code : "", given);
  return nerr_pass(db_exec(db, SQL_CODE_USE_MATCHING,
                           DBA(DS(mobile), DS(purpose), DS(ref ? ref : ""), DS(given), DI(SMS_CODE_MAX_TRIES)), NULL,
                           NULL));
}

const char *sms_send_status_name(sms_send_status s) {
  switch (s) {
  case SMS_SEND_OK: return "sent";
  case SMS_SEND_COOLDOWN: return "cooldown";
  case SMS_SEND_DAILY_CAP: return "daily-cap";
  case SMS_SEND_FAILED: return "failed";
  }
  return "unknown";
}

const char *sms_verify_status_name(sms_verify_status s) {
  switch (s) {
  case SMS_VERIFY_OK: return "ok";
  case SMS_VERIFY_WRONG: return "wrong";
  case SMS_VERIFY_DEAD: return "dead";
  case SMS_VERIFY_EXPIRED: return "expired";
  case SMS_VERIFY_USED: return "used";
  case SMS_VERIFY_NONE: return "none";
  }
  return "unknown";
}
