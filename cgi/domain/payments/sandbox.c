/* sandbox.c: the sandbox payment provider (C5) — plays the hosted cashier in development and tests: its trades,
 * pay / fail, refunds, and signed notifications retried from an outbox in the shared database until acknowledged */
#include "payments/sandbox.h"
#include "crypto.h"
#include "log.h"
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_TRADE_INSERT[] =
    "INSERT IGNORE INTO sandbox_trades (trade_no, sandbox_no, amount_fen, subject, notify_url, return_url) "
    "VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_TRADE_ROW[] =
    "SELECT sandbox_no, amount_fen, state, notify_url, return_url FROM sandbox_trades WHERE trade_no = ?";
static const char SQL_TRADE_HDF[] =
    "SELECT trade_no, sandbox_no, amount_fen, CONCAT(amount_fen DIV 100, '.', LPAD(amount_fen MOD 100, 2, '0')) AS "
    "yuan, subject, state, return_url FROM sandbox_trades WHERE trade_no = ?";
static const char SQL_TRADE_FINISH[] =
    "UPDATE sandbox_trades SET state = ?, finished_at = NOW() WHERE trade_no = ? AND state = 'open'";
static const char SQL_TRADE_REFUND[] =
    "UPDATE sandbox_trades SET state = 'refunded', refunded_fen = ? WHERE trade_no = ? AND state = 'paid' "
    "AND amount_fen = ?";
static const char SQL_NOTE_INSERT[] = "INSERT INTO sandbox_notifications (trade_no, url, body) VALUES (?, ?, ?)";
static const char SQL_NOTE_DUE_ALL[] = "SELECT id, url, body FROM sandbox_notifications WHERE acked_at IS NULL "
                                       "AND next_at <= NOW() ORDER BY next_at, id LIMIT 50";
static const char SQL_NOTE_DUE_TRADE[] = "SELECT id, url, body FROM sandbox_notifications WHERE trade_no = ? "
                                         "AND acked_at IS NULL AND next_at <= NOW() ORDER BY id LIMIT 50";
/* One sender per try: the try is claimed by moving next_at on (from a due row only). */
static const char SQL_NOTE_CLAIM[] =
    "UPDATE sandbox_notifications SET tries = tries + 1, next_at = NOW() + INTERVAL LEAST(3600, 5 * POW(2, tries)) "
    "SECOND WHERE id = ? AND acked_at IS NULL AND next_at <= NOW()";
static const char SQL_NOTE_ACK[] = "UPDATE sandbox_notifications SET acked_at = NOW(), last_error = '' WHERE id = ?";
static const char SQL_NOTE_ERROR[] = "UPDATE sandbox_notifications SET last_error = ? WHERE id = ?";

/* ---- the provider interface ---- */

static NEOERR *sbx_create(MYSQL *db, const char *trade_no, long long amount_fen, const char *subject,
                          const char *notify_url, const char *return_url, char *cashier_url, size_t len) {
  char no[21], digits[18];
  if (crypto_digits(digits, 17) != 0) return nerr_raise(NERR_SYSTEM, "no randomness for a sandbox trade");
  snprintf(no, sizeof no, "SBX%s", digits);
  NEOERR *err = db_exec(db, SQL_TRADE_INSERT,
                        DBA(DS(trade_no), DS(no), DI(amount_fen), DS(subject), DS(notify_url), DS(return_url)), NULL,
                        NULL);
  if (!err) snprintf(cashier_url, len, "/sandbox-pay/cashier/%s", trade_no);
  return nerr_pass(err);
}

static NEOERR *sbx_query(MYSQL *db, const char *trade_no, pay_query_result *out) {
  char state[16] = "", notify[PAY_URL_MAX * 4 + 1], ret[PAY_URL_MAX * 4 + 1];
  int found = 0;
  memset(out, 0, sizeof *out);
  NEOERR *err = db_row(db, SQL_TRADE_ROW, DBA(DS(trade_no)),
                       DCOLS(DCOL_STR(out->provider_no), DCOL_LL(&out->amount_fen), DCOL_STR(state), DCOL_STR(notify),
                             DCOL_STR(ret)),
                       &found);
  if (err || !found) return nerr_pass(err);
  out->state = strcmp(state, "paid") == 0       ? PAYQ_PAID
               : strcmp(state, "refunded") == 0 ? PAYQ_REFUNDED
               : strcmp(state, "open") == 0     ? PAYQ_OPEN
                                                : PAYQ_FAILED;
  return STATUS_OK;
}

static NEOERR *sbx_refund(MYSQL *db, const char *trade_no, long long amount_fen, int *ok) {
  long long n = 0;
  *ok = 0;
  NEOERR *err = db_exec(db, SQL_TRADE_REFUND, DBA(DI(amount_fen), DS(trade_no), DI(amount_fen)), &n, NULL);
  if (err) return nerr_pass(err);
  if (n == 1) {
    *ok = 1;
    return STATUS_OK;
  }
  pay_query_result q;
  if ((err = sbx_query(db, trade_no, &q))) return nerr_pass(err);
  *ok = q.state == PAYQ_REFUNDED; /* refunded before: the same refund again */
  return STATUS_OK;
}

const pay_provider sandbox_provider = {"sandbox", sbx_create, sbx_query, sbx_refund};

/* ---- the cashier ---- */

NEOERR *sandbox_trade_get(MYSQL *db, const char *trade_no, HDF *hdf, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, hdf, prefix, SQL_TRADE_HDF, DBA(DS(trade_no)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

struct finish_arg {
  const char *trade_no;
  int pay;
  sandbox_result res;
  char *return_url;
  size_t len;
};

static NEOERR *tx_finish(MYSQL *db, void *arg) {
  struct finish_arg *a = arg;
  pay_query_result q;
  char state[16] = "", notify[PAY_URL_MAX * 4 + 1] = "", ret[PAY_URL_MAX * 4 + 1] = "";
  int found = 0;
  long long n = 0;
  a->res = SANDBOX_UNKNOWN;
  NEOERR *err = db_row(db, SQL_TRADE_ROW, DBA(DS(a->trade_no)),
                       DCOLS(DCOL_STR(q.provider_no), DCOL_LL(&q.amount_fen), DCOL_STR(state), DCOL_STR(notify),
                             DCOL_STR(ret)),
                       &found);
  if (err || !found) return nerr_pass(err);
  snprintf(a->return_url, a->len, "%s", ret);
  a->res = SANDBOX_FINISHED;
  const char *status = a->pay ? "paid" : "failed";
  if ((err = db_exec(db, SQL_TRADE_FINISH, DBA(DS(status), DS(a->trade_no)), &n, NULL)) || n != 1)
    return nerr_pass(err);
  a->res = SANDBOX_DONE;
  char text[300], sig[65], body[400];
  pay_notify_canonical(a->trade_no, q.provider_no, q.amount_fen, status, text, sizeof text);
  pay_sign(text, sig);
  snprintf(body, sizeof body, "%s&sign=%s", text, sig);
  return nerr_pass(db_exec(db, SQL_NOTE_INSERT, DBA(DS(a->trade_no), DS(notify), DS(body)), NULL, NULL));
}

NEOERR *sandbox_finish(MYSQL *db, const char *trade_no, int pay, sandbox_result *res, char *return_url, size_t len) {
  char ret[PAY_URL_MAX * 4 + 1] = "";
  struct finish_arg a = {trade_no, pay, SANDBOX_UNKNOWN, ret, sizeof ret};
  NEOERR *err = db_tx(db, tx_finish, &a);
  *res = a.res;
  snprintf(return_url, len, "%s", ret);
  return nerr_pass(err);
}

/* ---- notifications ---- */

struct reply {
  char text[64];
  size_t len;
};

static size_t keep_reply(char *p, size_t size, size_t n, void *ud) {
  struct reply *g = ud;
  size_t total = size * n, room = sizeof g->text - 1 - g->len, k = total < room ? total : room;
  memcpy(g->text + g->len, p, k);
  g->len += k;
  g->text[g->len] = 0;
  return total;
}

/* POSTs body to url; 1 when the mall answered 200 "success". */
static int post_notification(const char *url, const char *body, char *error, size_t elen) {
  static int inited;
  if (!inited) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    inited = 1;
  }
  CURL *c = curl_easy_init();
  struct curl_slist *hdrs = curl_slist_append(NULL, "Content-Type: application/x-www-form-urlencoded");
  struct reply rep = {"", 0};
  int ok = 0;
  if (c && hdrs) {
    char cerr[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 5L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 3L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
    /* Without a write callback libcurl prints the answer to stdout, which is the FastCGI stream. */
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_reply);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &rep);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (rc != CURLE_OK) snprintf(error, elen, "%.200s", cerr[0] ? cerr : curl_easy_strerror(rc));
    else if (status != 200 || strncmp(rep.text, "success", 7) != 0)
      snprintf(error, elen, "HTTP %ld %.40s", status, rep.text);
    else ok = 1;
  } else {
    snprintf(error, elen, "curl init failed");
  }
  curl_slist_free_all(hdrs);
  if (c) curl_easy_cleanup(c);
  return ok;
}

typedef struct {
  long long id;
  char url[PAY_URL_MAX * 4 + 1];
  char body[1001];
} note_row;

NEOERR *sandbox_deliver(MYSQL *db, const char *trade_no, long long *sent, long long *failed) {
  note_row *rows = calloc(SANDBOX_NOTIFY_BATCH, sizeof *rows);
  int n = 0;
  if (sent) *sent = 0;
  if (failed) *failed = 0;
  if (!rows) return nerr_raise(NERR_NOMEM, "sandbox notifications");
  const dbc cols[] = {DCOL_LL(&rows[0].id), DCOL_STR(rows[0].url), DCOL_STR(rows[0].body)};
  NEOERR *err = trade_no ? db_rows(db, SQL_NOTE_DUE_TRADE, DBA(DS(trade_no)), cols, 3, sizeof rows[0],
                                   SANDBOX_NOTIFY_BATCH, &n)
                         : db_rows(db, SQL_NOTE_DUE_ALL, DB_NOARGS, cols, 3, sizeof rows[0], SANDBOX_NOTIFY_BATCH, &n);
  for (int i = 0; !err && i < n; i++) {
    long long claimed = 0;
    if ((err = db_exec(db, SQL_NOTE_CLAIM, DBA(DI(rows[i].id)), &claimed, NULL)) || claimed != 1) continue;
    char error[255] = "";
    if (post_notification(rows[i].url, rows[i].body, error, sizeof error)) {
      err = db_exec(db, SQL_NOTE_ACK, DBA(DI(rows[i].id)), NULL, NULL);
      if (sent) (*sent)++;
    } else {
      err = db_exec(db, SQL_NOTE_ERROR, DBA(DS(error), DI(rows[i].id)), NULL, NULL);
      if (failed) (*failed)++;
    }
  }
  free(rows);
  return nerr_pass(err);
}

const char *const SANDBOX_SQL[] = {SQL_NOTE_DUE_ALL, SQL_NOTE_DUE_TRADE, NULL};
