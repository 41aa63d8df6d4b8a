/* api_points.c: the partner API's domain — signatures, nonces, rate counts, members of an enterprise, earn / spend /
 * reverse on the ledger (kinds api_*), idempotency keys */
#include "partners/api_points.h"
#include "members/enterprise_budget.h"
#include "config.h"
#include "crypto.h"
#include "points/points.h"
#include "points/reports.h"
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void api_signature(const char *secret, const char *method, const char *path, const char *query, const char *timestamp,
                   const char *nonce, const char *body, size_t body_len, char sig_hex[65]) {
  unsigned char h[32];
  char body_hex[65];
  SHA256((const unsigned char *)(body ? body : ""), body ? body_len : 0, h);
  crypto_hex(h, 32, body_hex);
  unsigned char mac[32];
  unsigned int len = 0;
  size_t n = strlen(method) + strlen(path) + strlen(query) + strlen(timestamp) + strlen(nonce) + 64 + 8;
  char *msg = malloc(n);
  if (!msg) {
    sig_hex[0] = 0;
    return;
  }
  int l = snprintf(msg, n, "%s\n%s\n%s\n%s\n%s\n%s", method, path, query, timestamp, nonce, body_hex);
  HMAC(EVP_sha256(), secret, (int)strlen(secret), (const unsigned char *)msg, (size_t)l, mac, &len);
  free(msg);
  crypto_hex(mac, 32, sig_hex);
}

int api_signature_ok(const char *expected_hex, const char *presented) {
  if (!presented || strlen(presented) != 64 || strlen(expected_hex) != 64) return 0;
  char low[65];
  for (int i = 0; i < 64; i++) {
    char c = presented[i];
    low[i] = (c >= 'A' && c <= 'F') ? (char)(c - 'A' + 'a') : c;
  }
  low[64] = 0;
  return crypto_equal(expected_hex, low);
}

int api_nonce_valid(const char *nonce) {
  size_t n = nonce ? strlen(nonce) : 0;
  if (n < 16 || n > 64) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = nonce[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_')) return 0;
  }
  return 1;
}

static const char SQL_NONCE[] =
    "INSERT IGNORE INTO api_nonces (partner_id, nonce, expires_at) VALUES (?, ?, NOW() + INTERVAL ? SECOND)";

NEOERR *api_nonce_use(MYSQL *db, long long partner_id, const char *nonce, int *fresh) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_NONCE, DBA(DI(partner_id), DS(nonce), DI(API_NONCE_KEEP_SECONDS)), &n, NULL);
  *fresh = !err && n == 1;
  return nerr_pass(err);
}

/* The count comes back through LAST_INSERT_ID(n + 1); a first request of the minute inserts 1 (insert id 0). */
static const char SQL_RATE[] = "INSERT INTO api_rate (partner_id, minute, n) VALUES (?, DATE_FORMAT(NOW(), "
                               "'%Y-%m-%d %H:%i:00'), 1) ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)";

NEOERR *api_rate_count(MYSQL *db, long long partner_id, int limit, int *allowed, int *retry_after) {
  long long id = 0;
  NEOERR *err = db_exec(db, SQL_RATE, DBA(DI(partner_id)), NULL, &id);
  long long n = id > 0 ? id : 1;
  *allowed = !err && n <= limit;
  *retry_after = 60 - (int)(time(NULL) % 60);
  return nerr_pass(err);
}

/* ---- members ---- */
#define MEMBER_COLS                                                                                                    \
  "SELECT id, mobile, name, COALESCE(ext_id, ''), status, points_balance, "                                            \
  "CONCAT(DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s'), ?) FROM members "
static const char SQL_MEMBER_BY_ID[] = MEMBER_COLS "WHERE id = ? AND enterprise = ?";

/* Times go out as RFC 3339 with the mall's offset (MALL_TZ, "+08:00"; "Z" when it is a zone name we cannot print). */
static const char *tz_suffix(void) {
  const char *t = g_cfg.tz ? g_cfg.tz : "";
  if (strlen(t) == 6 && (t[0] == '+' || t[0] == '-') && t[3] == ':') return t;
  return "Z";
}
static const char SQL_MEMBER_BY_MOBILE[] = MEMBER_COLS "WHERE mobile = ? AND enterprise = ?";
static const char SQL_MEMBER_BY_EXT[] = MEMBER_COLS "FORCE INDEX (by_ext_id) WHERE enterprise = ? AND ext_id = ?";

static NEOERR *member_row(MYSQL *db, const char *sql, const dbp *p, int n, api_member *m, int *found) {
  memset(m, 0, sizeof *m);
  return nerr_pass(db_row(db, sql, p, n,
                          DCOLS(DCOL_LL(&m->id), DCOL_STR(m->mobile), DCOL_STR(m->name), DCOL_STR(m->ext_id),
                                DCOL_STR(m->status), DCOL_LL(&m->balance), DCOL_STR(m->created_at)),
                          found));
}

NEOERR *api_member_find(MYSQL *db, const char *enterprise, long long id, const char *mobile, const char *ext_id,
                        api_member *m, int *found) {
  *found = 0;
  if (!enterprise[0]) return STATUS_OK; /* members of no enterprise belong to no partner */
  if (id > 0)
    return nerr_pass(member_row(db, SQL_MEMBER_BY_ID, DBA(DS(tz_suffix()), DI(id), DS(enterprise)), m, found));
  if (mobile && *mobile)
    return nerr_pass(member_row(db, SQL_MEMBER_BY_MOBILE, DBA(DS(tz_suffix()), DS(mobile), DS(enterprise)), m, found));
  if (ext_id && *ext_id)
    return nerr_pass(member_row(db, SQL_MEMBER_BY_EXT, DBA(DS(tz_suffix()), DS(enterprise), DS(ext_id)), m, found));
  return STATUS_OK;
}

static const char SQL_ENROL[] = "INSERT IGNORE INTO members (mobile, name, password_hash, status, enterprise, ext_id) "
                                "VALUES (?, ?, '!', 'active', ?, ?)";
static const char SQL_MOBILE_TAKEN[] = "SELECT COUNT(*) FROM members WHERE mobile = ?";

NEOERR *api_member_enrol(MYSQL *db, const char *enterprise, const char *mobile, const char *name, const char *ext_id,
                         api_member *m, api_result *res) {
  *res = API_OK;
  long long n = 0, id = 0;
  NEOERR *err =
      db_exec(db, SQL_ENROL, DBA(DS(mobile), DS(name), DS(enterprise), *ext_id ? DS(ext_id) : DNULL), &n, &id);
  if (err) return nerr_pass(err);
  if (n != 1) {
    long long taken = 0;
    if ((err = db_query_ll(db, SQL_MOBILE_TAKEN, DBA(DS(mobile)), &taken, NULL))) return nerr_pass(err);
    *res = taken ? API_MEMBER_EXISTS : API_EXT_ID_TAKEN;
    return STATUS_OK;
  }
  int found = 0;
  err = member_row(db, SQL_MEMBER_BY_ID, DBA(DS(tz_suffix()), DI(id), DS(enterprise)), m, &found);
  if (!err && !found) err = nerr_raise(NERR_ASSERT, "enrolled member %lld not found", id);
  return nerr_pass(err);
}

/* ---- ledger pages: by_member (member_id, id), newest first, the time range filtered on the way ---- */
static const char SQL_LEDGER_PAGE[] =
    "SELECT id, kind, amount, balance_after, note, CONCAT(DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s'), ?) "
    "FROM points_ledger FORCE INDEX (by_member) WHERE member_id = ? AND id < ? AND created_at >= ? AND created_at < ? "
    "ORDER BY member_id DESC, id DESC LIMIT ?";
const char *const API_LEDGER_SQL = SQL_LEDGER_PAGE;

NEOERR *api_ledger_page(MYSQL *db, long long member_id, const char *from, const char *to_excl, long long before,
                        int limit, api_entry *out, int *n, int *more) {
  *n = *more = 0;
  if (limit < 1 || limit > API_LEDGER_MAX) limit = API_LEDGER_MAX;
  api_entry *rows = calloc((size_t)limit + 1, sizeof *rows);
  if (!rows) return nerr_raise(NERR_NOMEM, "ledger page");
  int got = 0;
  NEOERR *err = db_rows(db, SQL_LEDGER_PAGE,
                        DBA(DS(tz_suffix()), DI(member_id), DI(before > 0 ? before : 0x7fffffffffffffffLL), DS(from),
                            DS(to_excl), DI(limit + 1)),
                        DCOLS(DCOL_LL(&rows[0].id), DCOL_STR(rows[0].kind), DCOL_LL(&rows[0].amount),
                              DCOL_LL(&rows[0].balance_after), DCOL_STR(rows[0].note), DCOL_STR(rows[0].created_at)),
                        sizeof *rows, limit + 1, &got);
  if (!err) {
    *more = got > limit;
    *n = got > limit ? limit : got;
    memcpy(out, rows, (size_t)*n * sizeof *rows);
  }
  free(rows);
  return nerr_pass(err);
}

static const char SQL_EXPIRY_OK[] = "SELECT STR_TO_DATE(?, '%Y-%m-%d') > CURDATE() AND STR_TO_DATE(?, '%Y-%m-%d') <= "
                                    "CURDATE() + INTERVAL 10 YEAR";

NEOERR *api_expiry_ok(MYSQL *db, const char *date, int *ok) {
  *ok = 0;
  if (report_day_number(date) < 0) return STATUS_OK; /* a real calendar day (MariaDB's STR_TO_DATE takes 02-30) */
  long long v = 0;
  int found = 0;
  NEOERR *err = db_query_ll(db, SQL_EXPIRY_OK, DBA(DS(date), DS(date)), &v, &found);
  *ok = !err && found && v == 1;
  return nerr_pass(err);
}

/* ---- earn / spend / reverse ---- */
static const char SQL_MEMBER_SCOPE[] = "SELECT COUNT(*) FROM members WHERE id = ? AND enterprise = ?";
static const char SQL_REF_FIND[] = "SELECT COUNT(*) FROM api_ops WHERE enterprise = ? AND ref = ? FOR UPDATE";
static const char SQL_OP_INSERT[] =
    "INSERT INTO api_ops (partner_id, enterprise, member_id, kind, ref, source, points, "
    "ledger_id, reverses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_BALANCE[] = "SELECT points_balance FROM members WHERE id = ?";
static const char SQL_DEFAULT_EXPIRY[] = "SELECT DATE_FORMAT(CURDATE() + INTERVAL 365 DAY, '%Y-%m-%d')";

struct op_arg {
  long long partner_id, member_id, points;
  const char *enterprise, *source, *ref, *expires_on, *note;
  api_op *op;
  api_result *res;
  points_result pres;
  const char *rule; /* earning rules (P2): an earn by rule, of amount_fen */
  long long amount_fen;
};

static NEOERR *refused(api_result *res, api_result why) {
  *res = why;
  NEOERR *err = points_init_errors();
  return err ? err : nerr_raise(NERR_POINTS_REFUSED, "api refused");
}

/* Scope and reference of an earn or spend: the member is the enterprise's, the reference is new in it. */
static NEOERR *op_checks(MYSQL *db, struct op_arg *a) {
  long long n = 0;
  NEOERR *err = db_query_ll(db, SQL_MEMBER_SCOPE, DBA(DI(a->member_id), DS(a->enterprise)), &n, NULL);
  if (err) return nerr_pass(err);
  if (!n) return refused(a->res, API_NO_MEMBER);
  if ((err = db_query_ll(db, SQL_REF_FIND, DBA(DS(a->enterprise), DS(a->ref)), &n, NULL))) return nerr_pass(err);
  if (n) return refused(a->res, API_REF_EXISTS);
  return STATUS_OK;
}

static NEOERR *op_finish(MYSQL *db, struct op_arg *a, const char *kind, long long signed_points, long long ledger_id,
                         long long reverses) {
  api_op *op = a->op;
  NEOERR *err =
      db_exec(db, SQL_OP_INSERT,
              DBA(DI(a->partner_id), DS(a->enterprise), DI(a->member_id), DS(kind), a->ref ? DS(a->ref) : DNULL,
                  DS(a->source ? a->source : ""), DI(signed_points), DI(ledger_id), reverses ? DI(reverses) : DNULL),
              NULL, &op->op_id);
  if (!err) err = db_query_ll(db, SQL_BALANCE, DBA(DI(a->member_id)), &op->balance, NULL);
  op->ledger_id = ledger_id;
  op->member_id = a->member_id;
  op->points = signed_points;
  snprintf(op->kind, sizeof op->kind, "%s", kind);
  if (a->ref) snprintf(op->ref, sizeof op->ref, "%s", a->ref);
  return nerr_pass(err);
}

/* Earning rules (P2): the rule computes a->points (before anything is credited). */
static NEOERR *earn_rule_points(MYSQL *db, struct op_arg *a) {
  earn_rule_result rr = EARN_RULE_OK;
  NEOERR *err =
      earning_rule_apply(db, a->enterprise, a->rule, a->member_id, a->amount_fen, API_POINTS_MAX, &a->op->rule, &rr);
  if (err) return nerr_pass(err);
  if (rr != EARN_RULE_OK)
    return refused(a->res, rr == EARN_RULE_UNKNOWN ? API_RULE_UNKNOWN
                           : rr == EARN_RULE_NOTHING ? API_NOTHING_TO_EARN
                           : rr == EARN_RULE_CAP_USED ? API_DAILY_CAP
                                                      : API_RULE_TOO_MUCH);
  a->op->has_rule = 1;
  a->points = a->op->rule.points;
  return STATUS_OK;
}

/* Earning rules (P2): after the earn's operation, the rule's record and the activity bonuses (balance read again). */
static NEOERR *earn_rule_after(MYSQL *db, struct op_arg *a, long long ledger_id) {
  api_op *op = a->op;
  NEOERR *err = earning_rule_record(db, op->op_id, a->enterprise, a->member_id, &op->rule);
  if (!err)
    err = earning_bonuses_pay(db, a->enterprise, a->member_id, ledger_id, a->points, op->expires_on, op->bonus,
                              &op->nbonus);
  if (!err && op->nbonus) err = db_query_ll(db, SQL_BALANCE, DBA(DI(a->member_id)), &op->balance, NULL);
  return nerr_pass(err);
}

static NEOERR *tx_earn(MYSQL *db, void *arg) {
  struct op_arg *a = arg;
  NEOERR *err = op_checks(db, a);
  if (err) return nerr_pass(err);
  if (a->rule && (err = earn_rule_points(db, a))) return nerr_pass(err);
  long long ledger_id = 0;
  err =
      points_credit_once(db, a->member_id, "api_earn", a->points, "api", a->note, a->op->expires_on, NULL, &ledger_id);
  int room = 1; /* the enterprise's prepaid budget (B8), in this transaction */
  if (!err) err = enterprise_budget_take(db, a->enterprise, a->points, &room);
  if (!err && !room) return refused(a->res, API_BUDGET_USED);
  if (!err) err = op_finish(db, a, "earn", a->points, ledger_id, 0);
  if (!err && a->rule) err = earn_rule_after(db, a, ledger_id);
  return nerr_pass(err);
}

static NEOERR *earn(MYSQL *db, long long partner_id, const char *enterprise, long long member_id, long long points,
                   const char *rule, long long amount_fen, const char *source, const char *ref, const char *expires_on,
                   const char *note, api_op *op, api_result *res) {
  memset(op, 0, sizeof *op);
  *res = API_OK;
  NEOERR *err = STATUS_OK;
  if (expires_on && *expires_on) snprintf(op->expires_on, sizeof op->expires_on, "%s", expires_on);
  else if ((err = db_query_str(db, SQL_DEFAULT_EXPIRY, DB_NOARGS, op->expires_on, sizeof op->expires_on, NULL)))
    return nerr_pass(err);
  struct op_arg a = {partner_id, member_id, points, enterprise, source, ref, op->expires_on, note, op, res, POINTS_OK,
                     rule, amount_fen};
  err = db_tx(db, tx_earn, &a);
  if (err && *res != API_OK) nerr_handle(&err, NERR_POINTS_REFUSED);
  return nerr_pass(err);
}

NEOERR *api_earn(MYSQL *db, long long partner_id, const char *enterprise, long long member_id, long long points,
                 const char *source, const char *ref, const char *expires_on, const char *note, api_op *op,
                 api_result *res) {
  return nerr_pass(
      earn(db, partner_id, enterprise, member_id, points, NULL, 0, source, ref, expires_on, note, op, res));
}

NEOERR *api_earn_by_rule(MYSQL *db, long long partner_id, const char *enterprise, long long member_id, const char *rule,
                         long long amount_fen, const char *source, const char *ref, const char *expires_on,
                         const char *note, api_op *op, api_result *res) {
  return nerr_pass(
      earn(db, partner_id, enterprise, member_id, 0, rule, amount_fen, source, ref, expires_on, note, op, res));
}

static NEOERR *tx_spend(MYSQL *db, void *arg) {
  struct op_arg *a = arg;
  NEOERR *err = op_checks(db, a);
  if (err) return nerr_pass(err);
  long long ledger_id = 0;
  err = points_spend(db, a->member_id, "api_spend", a->points, 0, NULL, a->note, &a->pres, &ledger_id);
  if (err && nerr_match(err, NERR_POINTS_REFUSED))
    *a->res = a->pres == POINTS_FROZEN ? API_FROZEN : a->pres == POINTS_NO_MEMBER ? API_NO_MEMBER : API_INSUFFICIENT;
  if (!err) err = op_finish(db, a, "spend", -a->points, ledger_id, 0);
  return nerr_pass(err);
}

NEOERR *api_spend(MYSQL *db, long long partner_id, const char *enterprise, long long member_id, long long points,
                  const char *ref, const char *note, api_op *op, api_result *res) {
  memset(op, 0, sizeof *op);
  *res = API_OK;
  struct op_arg a = {partner_id, member_id, points, enterprise, "", ref, NULL, note, op, res, POINTS_OK, NULL, 0};
  NEOERR *err = db_tx(db, tx_spend, &a);
  if (err && *res != API_OK) nerr_handle(&err, NERR_POINTS_REFUSED);
  return nerr_pass(err);
}

static const char SQL_OP_BY_REF[] =
    "SELECT id, member_id, kind, points, ledger_id FROM api_ops WHERE enterprise = ? AND ref = ? FOR UPDATE";
static const char SQL_OP_REVERSED[] = "SELECT COUNT(*) FROM api_ops WHERE reverses = ? FOR UPDATE";

static NEOERR *tx_reverse(MYSQL *db, void *arg) {
  struct op_arg *a = arg;
  long long id = 0, member = 0, points = 0, ledger = 0, n = 0;
  char kind[16];
  int found = 0;
  NEOERR *err =
      db_row(db, SQL_OP_BY_REF, DBA(DS(a->enterprise), DS(a->ref)),
             DCOLS(DCOL_LL(&id), DCOL_LL(&member), DCOL_STR(kind), DCOL_LL(&points), DCOL_LL(&ledger)), &found);
  if (err) return nerr_pass(err);
  if (!found) return refused(a->res, API_REF_UNKNOWN);
  if ((err = db_query_ll(db, SQL_OP_REVERSED, DBA(DI(id)), &n, NULL))) return nerr_pass(err);
  if (n) return refused(a->res, API_ALREADY_REVERSED);
  a->member_id = member;
  char key[64];
  snprintf(key, sizeof key, "api_reverse:%lld", ledger);
  long long entry = 0, moved = 0;
  if (strcmp(kind, "earn") == 0) {
    err = points_reverse_credit(db, member, ledger, key, a->note, &a->pres, &moved, &entry);
    /* Earning rules (P2): its activity bonuses go with it (refused likewise when used), its rule's day points back. */
    if (!err) err = earning_reverse(db, id, ledger, member, a->note, a->op->bonus, &a->op->nbonus, &a->pres);
    if (err && nerr_match(err, NERR_POINTS_REFUSED)) *a->res = API_EARN_USED;
  } else {
    err = points_reverse_spend(db, member, ledger, key, a->note, &moved, &entry);
  }
  if (err) return nerr_pass(err);
  snprintf(a->op->reverses, sizeof a->op->reverses, "%s", a->ref);
  const char *ref = a->ref;
  a->ref = NULL; /* a reverse has no reference of its own */
  err = op_finish(db, a, "reverse", -points, entry, id);
  a->ref = ref;
  return nerr_pass(err);
}

NEOERR *api_reverse(MYSQL *db, long long partner_id, const char *enterprise, const char *ref, const char *note,
                    api_op *op, api_result *res) {
  memset(op, 0, sizeof *op);
  *res = API_OK;
  struct op_arg a = {partner_id, 0, 0, enterprise, "", ref, NULL, note, op, res, POINTS_OK, NULL, 0};
  NEOERR *err = db_tx(db, tx_reverse, &a);
  if (err && *res != API_OK) nerr_handle(&err, NERR_POINTS_REFUSED);
  return nerr_pass(err);
}

/* ---- idempotency ---- */
/* INSERT IGNORE waits on a row another transaction inserted and has not committed, then ignores it once it has: a
 * racing duplicate is answered from the first one's stored answer, never runs twice. */
static const char SQL_IDEM_CLAIM[] =
    "INSERT IGNORE INTO api_idempotency (partner_id, idem_key, request_sha256, status, "
    "body, expires_at) VALUES (?, ?, ?, 0, '', NOW() + INTERVAL ? HOUR)";
static const char SQL_IDEM_GET[] =
    "SELECT request_sha256, status, body FROM api_idempotency WHERE partner_id = ? AND idem_key = ? FOR UPDATE";
static const char SQL_IDEM_SET[] =
    "UPDATE api_idempotency SET status = ?, body = ? WHERE partner_id = ? AND idem_key = ?";
static const char SQL_IDEM_BODY_LEN[] =
    "SELECT LENGTH(body) FROM api_idempotency WHERE partner_id = ? AND idem_key = ? FOR UPDATE";

struct idem_arg {
  long long partner_id;
  const char *key, *sha;
  api_write_fn fn;
  void *ctx;
  int *status;
  char **body;
  int *replayed, *conflict;
};

static NEOERR *tx_idem(MYSQL *db, void *arg) {
  struct idem_arg *a = arg;
  *a->replayed = *a->conflict = 0;
  free(*a->body);
  *a->body = NULL;
  long long n = 0;
  NEOERR *err =
      db_exec(db, SQL_IDEM_CLAIM, DBA(DI(a->partner_id), DS(a->key), DS(a->sha), DI(API_IDEM_KEEP_HOURS)), &n, NULL);
  if (err) return nerr_pass(err);
  if (n == 1) {
    if ((err = a->fn(db, a->ctx, a->status, a->body))) return nerr_pass(err);
    return nerr_pass(db_exec(db, SQL_IDEM_SET,
                             DBA(DI(*a->status), DS(*a->body ? *a->body : ""), DI(a->partner_id), DS(a->key)), NULL,
                             NULL));
  }
  long long len = 0;
  if ((err = db_query_ll(db, SQL_IDEM_BODY_LEN, DBA(DI(a->partner_id), DS(a->key)), &len, NULL))) return nerr_pass(err);
  char sha[65];
  char *body = malloc((size_t)len + 1);
  if (!body) return nerr_raise(NERR_NOMEM, "idempotent answer");
  int found = 0;
  err = db_row(db, SQL_IDEM_GET, DBA(DI(a->partner_id), DS(a->key)),
               DCOLS(DCOL_STR(sha), DCOL_INT(a->status), ((dbc){DBC_STR, body, (size_t)len + 1, NULL})), &found);
  if (!err && !found) err = nerr_raise(NERR_SQL_RETRY, "idempotency key vanished");
  if (err) {
    free(body);
    return nerr_pass(err);
  }
  if (strcmp(sha, a->sha)) {
    *a->conflict = 1;
    free(body);
    return STATUS_OK;
  }
  *a->replayed = 1;
  *a->body = body;
  return STATUS_OK;
}

NEOERR *api_idempotent(MYSQL *db, long long partner_id, const char *key, const char *request_sha256, api_write_fn fn,
                       void *ctx, int *status, char **body, int *replayed, int *conflict) {
  *body = NULL;
  *status = 0;
  struct idem_arg a = {partner_id, key, request_sha256, fn, ctx, status, body, replayed, conflict};
  NEOERR *err = db_tx(db, tx_idem, &a);
  if (err) {
    free(*body);
    *body = NULL;
  }
  return nerr_pass(err);
}
