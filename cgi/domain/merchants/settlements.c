/* settlements.c: monthly merchant statements (V7) — build, submit, review, pay, and their CSV */
#include "merchants/settlements_list.h"
#include "shared/csv.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The month's window in the mall time zone (the connection's time_zone; redeemed_at is a DATETIME). */
#define IN_MONTH(col)                                                                                                  \
  col " >= CAST(CONCAT(?, '-01') AS DATETIME) AND " col " < CAST(CONCAT(?, '-01') AS DATETIME) + INTERVAL 1 MONTH"

/* A merchant gets a statement for a month with a redeemed voucher or a terminal payment in it, not yet settled. */
static const char SQL_CREATE[] =
    "INSERT IGNORE INTO settlements (merchant_id, month) SELECT x.merchant_id, ? FROM ("
    "SELECT v.merchant_id FROM vouchers v WHERE v.status = 'redeemed' AND v.settlement_id IS NULL AND " IN_MONTH(
        "v.redeemed_at") " UNION SELECT p.merchant_id FROM offline_payments p WHERE p.settlement_id IS NULL "
                         "AND " IN_MONTH("p.created_at") ") x"
                                                         " WHERE NOT EXISTS (SELECT 1 FROM settlements s WHERE "
                                                         "s.merchant_id = x.merchant_id AND s.month = ?)";
static const char SQL_LOCK[] = "SELECT id, merchant_id, status FROM settlements WHERE month = ? ORDER BY id FOR UPDATE";
static const char SQL_DETACH[] = "UPDATE vouchers SET settlement_id = NULL WHERE settlement_id = ?";
static const char SQL_DETACH_OFFLINE[] =
    "UPDATE offline_payments SET settlement_id = NULL, settle_fen = 0 WHERE settlement_id = ?";
static const char SQL_ATTACH[] =
    "UPDATE vouchers v SET v.settlement_id = ? WHERE v.merchant_id = ? AND v.status = 'redeemed'"
    " AND v.settlement_id IS NULL AND " IN_MONTH("v.redeemed_at");
/* Each terminal payment at the merchant's rule when the statement is (re)built, rounded per line (SETTLE_RULE). */
static const char SQL_ATTACH_OFFLINE[] =
    "UPDATE offline_payments p JOIN merchants m ON m.id = p.merchant_id"
    " SET p.settlement_id = ?, p.settle_fen = (p.points * m.offline_fen_per_100 + 50) DIV 100"
    " WHERE p.merchant_id = ? AND p.settlement_id IS NULL AND " IN_MONTH("p.created_at");
static const char SQL_TOTALS[] =
    "UPDATE settlements s SET"
    " s.vouchers = (SELECT COUNT(*) FROM vouchers v WHERE v.settlement_id = s.id),"
    " s.voucher_fen = (SELECT COALESCE(SUM(v.settle_price_fen), 0) FROM vouchers v WHERE v.settlement_id = s.id),"
    " s.voucher_points = (SELECT COALESCE(SUM(v.points), 0) FROM vouchers v WHERE v.settlement_id = s.id),"
    " s.offline_count = (SELECT COUNT(*) FROM offline_payments p WHERE p.settlement_id = s.id),"
    " s.offline_fen = (SELECT COALESCE(SUM(p.settle_fen), 0) FROM offline_payments p WHERE p.settlement_id = s.id),"
    " s.offline_points = (SELECT COALESCE(SUM(p.points), 0) FROM offline_payments p WHERE p.settlement_id = s.id)"
    " WHERE s.id = ?";
static const char SQL_GRAND[] = "UPDATE settlements SET amount_fen = voucher_fen + offline_fen,"
                                " points = voucher_points + offline_points WHERE id = ?";
static const char SQL_DROP_EMPTY[] =
    "DELETE FROM settlements WHERE id = ? AND status = 'draft' AND vouchers = 0 AND offline_count = 0";
static const char SQL_SUMMARY[] =
    "SELECT COUNT(*) AS n, COALESCE(SUM(vouchers), 0) AS vouchers, COALESCE(SUM(amount_fen), 0) AS amount_fen,"
    " COALESCE(SUM(points), 0) AS points, COALESCE(SUM(offline_count), 0) AS offline,"
    " COALESCE(SUM(offline_fen), 0) AS offline_fen FROM settlements WHERE month = ?";

#define COLS                                                                                                           \
  "s.id, s.merchant_id, m.name AS merchant, s.month, s.vouchers, s.amount_fen,"                                        \
  " CAST(s.amount_fen / 100 AS DECIMAL(20,2)) AS amount, s.points, s.status, s.reject_reason,"                         \
  " DATE_FORMAT(s.submitted_at, '%Y-%m-%d %H:%i') AS submitted_at, DATE_FORMAT(s.reviewed_at, '%Y-%m-%d %H:%i')"       \
  " AS reviewed_at, DATE_FORMAT(s.paid_at, '%Y-%m-%d %H:%i') AS paid_at, s.voucher_fen,"                               \
  " CAST(s.voucher_fen / 100 AS DECIMAL(20,2)) AS voucher_amount, s.voucher_points, s.offline_count, "                 \
  "s.offline_points,"                                                                                                  \
  " s.offline_fen, CAST(s.offline_fen / 100 AS DECIMAL(20,2)) AS offline_amount"
static const char SQL_GET[] =
    "SELECT " COLS ", a.username AS reviewer FROM settlements s JOIN merchants m ON m.id = s.merchant_id"
    " LEFT JOIN admins a ON a.id = s.reviewed_by WHERE s.id = ? AND (? = 0 OR s.merchant_id = ?)";
static const char SQL_VOUCHERS[] =
    "SELECT v.voucher_no, p.name_zh AS product, DATE_FORMAT(v.redeemed_at, '%Y-%m-%d %H:%i:%s') AS redeemed_at,"
    " u.username AS redeemed_by, v.settle_price_fen, CAST(v.settle_price_fen / 100 AS DECIMAL(20,2)) AS price,"
    " v.points FROM vouchers v JOIN products p ON p.id = v.product_id"
    " LEFT JOIN merchant_users u ON u.id = v.redeemed_by WHERE v.settlement_id = ? ORDER BY v.redeemed_at, v.id";
static const char SQL_TERMINAL[] =
    "SELECT p.receipt_no, DATE_FORMAT(p.created_at, '%Y-%m-%d %H:%i:%s') AS paid_at, u.username AS cashier, p.points,"
    " p.settle_fen, CAST(p.settle_fen / 100 AS DECIMAL(20,2)) AS price FROM offline_payments p"
    " LEFT JOIN merchant_users u ON u.id = p.merchant_user_id WHERE p.settlement_id = ? ORDER BY p.created_at, p.id";
static const char SQL_RATE_GET[] = "SELECT offline_fen_per_100 FROM merchants WHERE id = ?";
static const char SQL_RATE_SNAP[] = "SELECT id, name, offline_fen_per_100 FROM merchants WHERE id = ? FOR UPDATE";
static const char SQL_RATE_SET[] = "UPDATE merchants SET offline_fen_per_100 = ? WHERE id = ?";
static const char SQL_SUBMIT[] =
    "UPDATE settlements SET status = 'submitted', submitted_at = NOW()"
    " WHERE id = ? AND merchant_id = ? AND status IN ('draft','rejected') AND (vouchers > 0 OR offline_count > 0)";
static const char SQL_OWNS[] = "SELECT COUNT(*) FROM settlements WHERE id = ? AND merchant_id = ?";
static const char SQL_SNAP[] =
    "SELECT id, merchant_id, month, vouchers, amount_fen, points, status, reject_reason, reviewed_by, paid_at"
    " FROM settlements WHERE id = ? FOR UPDATE";
static const char SQL_APPROVE[] =
    "UPDATE settlements SET status = 'approved', reviewed_by = ?, reviewed_at = NOW(), reject_reason = ''"
    " WHERE id = ? AND status = 'submitted'";
static const char SQL_REJECT[] =
    "UPDATE settlements SET status = 'rejected', reviewed_by = ?, reviewed_at = NOW(), reject_reason = ?"
    " WHERE id = ? AND status = 'submitted'";
static const char SQL_PAY[] =
    "UPDATE settlements SET status = 'paid', paid_at = NOW() WHERE id = ? AND status = 'approved' AND ? >= 0";

int settlement_month_ok(const char *s) {
  if (!s || strlen(s) != 7 || s[4] != '-') return 0;
  for (int i = 0; i < 7; i++)
    if (i != 4 && (s[i] < '0' || s[i] > '9')) return 0;
  int y = atoi(s), m = atoi(s + 5);
  return y >= 2000 && y <= 2099 && m >= 1 && m <= 12;
}

struct run {
  MYSQL *db;
  const audit_actor *who;
  const char *month;
  settle_summary sum;
  long long id, merchant_id; /* the statement being read (a row of SQL_LOCK) */
  char status[16];
};

/* One statement of the month, locked: a draft or rejected one is rebuilt from its vouchers. */
static NEOERR *rebuild(void *ctx, int row) {
  struct run *x = ctx;
  MYSQL *db = x->db;
  const char *mo = x->month;
  (void)row;
  if (strcmp(x->status, "draft") && strcmp(x->status, "rejected")) {
    x->sum.kept++;
    return STATUS_OK;
  }
  /* Rebuilt from scratch, so a corrected redemption (moved, or fixed price) is picked up exactly once. */
  NEOERR *err = db_exec(db, SQL_DETACH, DBA(DI(x->id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_ATTACH, DBA(DI(x->id), DI(x->merchant_id), DS(mo), DS(mo)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_DETACH_OFFLINE, DBA(DI(x->id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_ATTACH_OFFLINE, DBA(DI(x->id), DI(x->merchant_id), DS(mo), DS(mo)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_TOTALS, DBA(DI(x->id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_GRAND, DBA(DI(x->id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_DROP_EMPTY, DBA(DI(x->id)), NULL, NULL);
  if (!err) x->sum.recomputed++;
  return nerr_pass(err);
}

static NEOERR *tx_run(MYSQL *db, void *arg) {
  struct run *x = arg;
  const char *mo = x->month;
  long long n = 0;
  memset(&x->sum, 0, sizeof x->sum);
  x->db = db;
  NEOERR *err = db_exec(db, SQL_CREATE, DBA(DS(mo), DS(mo), DS(mo), DS(mo), DS(mo), DS(mo)), &n, NULL);
  x->sum.created = (int)n;
  if (!err)
    err = db_each(db, SQL_LOCK, DBA(DS(mo)), DCOLS(DCOL_LL(&x->id), DCOL_LL(&x->merchant_id), DCOL_STR(x->status)),
                  rebuild, x, NULL);
  /* Statements new this run were rebuilt above too; report them once, as created. */
  x->sum.recomputed -= x->sum.created;
  if (x->sum.recomputed < 0) x->sum.recomputed = 0;
  if (!err)
    err = db_row(db, SQL_SUMMARY, DBA(DS(mo)),
                 DCOLS(DCOL_INT(&x->sum.statements), DCOL_LL(&x->sum.vouchers), DCOL_LL(&x->sum.amount_fen),
                       DCOL_LL(&x->sum.points), DCOL_LL(&x->sum.offline), DCOL_LL(&x->sum.offline_fen)),
                 NULL);
  if (!err && x->who) {
    json_t *after = json_pack("{s:s, s:i, s:i, s:i, s:i, s:I, s:I, s:I, s:I, s:I}", "month", mo, "statements",
                              x->sum.statements, "created", x->sum.created, "recomputed", x->sum.recomputed, "kept",
                              x->sum.kept, "vouchers", (json_int_t)x->sum.vouchers, "amount_fen",
                              (json_int_t)x->sum.amount_fen, "points", (json_int_t)x->sum.points, "terminal_payments",
                              (json_int_t)x->sum.offline, "terminal_fen", (json_int_t)x->sum.offline_fen);
    /* The month as the entity id (202611), so the log can be searched by it. */
    long long key = atoll(mo) * 100 + atoll(mo + 5);
    err = audit_record(db, x->who, "settle", "settlement_month", key, NULL, after);
    json_decref(after);
  }
  return nerr_pass(err);
}

NEOERR *settlement_run(MYSQL *db, const audit_actor *who, const char *month, settle_summary *out) {
  if (!settlement_month_ok(month)) return nerr_raise(NERR_ASSERT, "settlement month %s", month ? month : "");
  struct run x = {.who = who, .month = month};
  NEOERR *err = db_tx(db, tx_run, &x);
  if (out) *out = x.sum;
  return nerr_pass(err);
}

/* The list is shaped by the filters given (README "Lists"), newest month first and merchants in id order within a
 * month, each shape reading one index in that order and stopping at the page: one merchant's months → one_per_month
 * backward; a status → adm_status (status, month DESC, merchant_id); else adm_month (month DESC, merchant_id), a
 * month filter being its prefix. Past the numbered pages the cursor is the last row's sort key itself
 * (settlement_cursor): it stays right when a draft is rebuilt or dropped. */
long long settlement_cursor(const char *month, long long merchant_id) {
  long long y = 0, m = 0;
  if (!month || sscanf(month, "%4lld-%2lld", &y, &m) != 2) return 0;
  return (y * 100 + m) * SETTLE_CURSOR_SCALE + merchant_id;
}

void settlements_list_stmt(long long merchant_id, const char *status, const char *month, long long offset,
                           long long after, int limit, int count, settlements_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  const char *st = status ? status : "", *mo = month ? month : "";
  list_stmt_add(&body, " FROM settlements s");
  list_stmt_add(&body, merchant_id ? " FORCE INDEX (one_per_month)" : *st ? " FORCE INDEX (adm_status)"
                                                                           : " FORCE INDEX (adm_month)");
  list_stmt_add(&body, " JOIN merchants m ON m.id = s.merchant_id WHERE 1 = 1");
  if (merchant_id) list_stmt_arg(&body, " AND s.merchant_id = ?", DI(merchant_id));
  if (*st) list_stmt_arg(&body, " AND s.status = ?", DS(st));
  if (*mo) list_stmt_arg(&body, " AND s.month = ?", DS(mo));
  if (count) {
    list_stmt_count(&out->st, &body, SETTLE_LIST_COUNT_CAP);
    return;
  }
  if (after > 0) {
    long long ym = after / SETTLE_CURSOR_SCALE;
    snprintf(out->month, sizeof out->month, "%04lld-%02lld", ym / 100 % 10000, ym % 100);
    long long mid = after % SETTLE_CURSOR_SCALE;
    if (merchant_id) list_stmt_arg(&body, " AND s.month < ?", DS(out->month));
    else if (*mo) list_stmt_arg(&body, " AND s.merchant_id > ?", DI(strcmp(mo, out->month) == 0 ? mid : 1LL << 40));
    else {
      list_stmt_arg(&body, " AND (s.month < ?", DS(out->month));
      list_stmt_arg(&body, " OR (s.month = ?", DS(out->month));
      list_stmt_arg(&body, " AND s.merchant_id > ?))", DI(mid));
    }
  }
  /* STRAIGHT_JOIN: the settlements index first, in the list's order; within one month the order is the merchant id
   * (said so: the optimiser does not drop a sort on a column compared with a bound string) */
  list_stmt_start(&out->st, &body, "SELECT STRAIGHT_JOIN " COLS);
  list_stmt_order(&out->st, *mo ? "s.merchant_id" : "s.month DESC, s.merchant_id", offset, after > 0, limit);
}

NEOERR *settlements_list(MYSQL *db, long long merchant_id, const char *status, const char *month, long long offset,
                         long long after, int limit, HDF *out, const char *prefix, int *rows, long long *total) {
  settlements_stmt st;
  int n = 0;
  settlements_list_stmt(merchant_id, status, month, 0, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.st.sql, st.st.p, st.st.n, total, NULL);
  if (!err && (after > 0 || offset < *total)) {
    settlements_list_stmt(merchant_id, status, month, offset, after, limit, 0, &st);
    err = db_query_hdf(db, out, prefix, st.st.sql, st.st.p, st.st.n, &n);
  }
  if (rows) *rows = n;
  return nerr_pass(err);
}

NEOERR *settlement_get(MYSQL *db, long long merchant_id, long long id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_GET, DBA(DI(id), DI(merchant_id), DI(merchant_id)), &rows);
  *found = rows == 1;
  return nerr_pass(err);
}

NEOERR *settlement_vouchers(MYSQL *db, long long id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_VOUCHERS, DBA(DI(id)), NULL));
}

NEOERR *settlement_terminal(MYSQL *db, long long id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_TERMINAL, DBA(DI(id)), NULL));
}

NEOERR *settlement_rate_get(MYSQL *db, long long merchant_id, long long *fen_per_100, int *found) {
  *fen_per_100 = 0;
  return nerr_pass(db_query_ll(db, SQL_RATE_GET, DBA(DI(merchant_id)), fen_per_100, found));
}

struct rate {
  const audit_actor *who;
  long long id, fen;
  int found;
};

static NEOERR *tx_rate(MYSQL *db, void *arg) {
  struct rate *x = arg;
  json_t *before = NULL, *after = NULL;
  x->found = 0;
  NEOERR *err = audit_snapshot(db, SQL_RATE_SNAP, x->id, &before);
  if (err || !before) return nerr_pass(err);
  x->found = 1;
  err = db_exec(db, SQL_RATE_SET, DBA(DI(x->fen), DI(x->id)), NULL, NULL);
  if (!err) err = audit_snapshot(db, SQL_RATE_SNAP, x->id, &after);
  if (!err) err = audit_record(db, x->who, "settle_rate", "merchant", x->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *settlement_rate_set(MYSQL *db, const audit_actor *who, long long merchant_id, long long fen_per_100,
                            int *found) {
  if (fen_per_100 < 0 || fen_per_100 > SETTLE_RATE_MAX) return nerr_raise(NERR_ASSERT, "settle rate %lld", fen_per_100);
  struct rate x = {.who = who, .id = merchant_id, .fen = fen_per_100};
  NEOERR *err = db_tx(db, tx_rate, &x);
  *found = x.found;
  return nerr_pass(err);
}

NEOERR *settlement_submit(MYSQL *db, long long merchant_id, long long id, settle_result *res) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_SUBMIT, DBA(DI(id), DI(merchant_id)), &n, NULL);
  *res = SETTLE_OK;
  if (!err && n != 1) {
    err = db_query_ll(db, SQL_OWNS, DBA(DI(id), DI(merchant_id)), &n, NULL);
    *res = n ? SETTLE_STATE : SETTLE_NOT_FOUND;
  }
  return nerr_pass(err);
}

struct review {
  const audit_actor *who;
  long long id;
  const char *action, *reason;
  settle_result res;
};

static NEOERR *tx_review(MYSQL *db, void *arg) {
  struct review *x = arg;
  json_t *before = NULL, *after = NULL;
  long long n = 0;
  x->res = SETTLE_NOT_FOUND;
  NEOERR *err = audit_snapshot(db, SQL_SNAP, x->id, &before);
  if (err || !before) return nerr_pass(err);
  if (strcmp(x->action, "approve") == 0) err = db_exec(db, SQL_APPROVE, DBA(DI(x->who->id), DI(x->id)), &n, NULL);
  else if (strcmp(x->action, "reject") == 0)
    err = db_exec(db, SQL_REJECT, DBA(DI(x->who->id), DS(x->reason), DI(x->id)), &n, NULL);
  else err = db_exec(db, SQL_PAY, DBA(DI(x->id), DI(x->who->id)), &n, NULL);
  x->res = n == 1 ? SETTLE_OK : SETTLE_STATE;
  if (!err && n == 1) err = audit_snapshot(db, SQL_SNAP, x->id, &after);
  if (!err && n == 1) err = audit_record(db, x->who, x->action, "settlement", x->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *settlement_review(MYSQL *db, const audit_actor *who, long long id, const char *action, const char *reason,
                          settle_result *res) {
  if (strcmp(action, "approve") && strcmp(action, "reject") && strcmp(action, "pay"))
    return nerr_raise(NERR_ASSERT, "settlement action %s", action);
  struct review x = {.who = who, .id = id, .action = action, .reason = reason ? reason : ""};
  NEOERR *err = db_tx(db, tx_review, &x);
  *res = x.res;
  return nerr_pass(err);
}

NEOERR *settle_csv_header(STRING *s, const char *const *labels, int n) {
  NEOERR *err = string_append(s, CSV_BOM);
  for (int i = 0; i < n && !err; i++) err = csv_text(s, labels[i], i == 0);
  if (!err) err = string_append(s, "\r\n");
  return nerr_pass(err);
}

NEOERR *settle_csv_rows(STRING *s, HDF *rows, const char *const *cols, int n,
                        const char *(*label)(void *ctx, const char *status), void *ctx) {
  NEOERR *err = STATUS_OK;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row)) {
    for (int i = 0; i < n && !err; i++) {
      const char *v = hdf_get_value(row, cols[i], "");
      if (strcmp(cols[i], "status") == 0) v = label(ctx, v);
      err = csv_text(s, v, i == 0);
    }
    if (!err) err = string_append(s, "\r\n");
  }
  return nerr_pass(err);
}

const char *const SETTLE_VOUCHER_COLS[8] = {"voucher_no",       "product", "redeemed_at", "redeemed_by",
                                            "settle_price_fen", "price",   "points",      "kind"};
const char *const SETTLE_TERMINAL_COLS[8] = {"receipt_no", "product", "paid_at", "cashier",
                                             "settle_fen", "price",   "points",  "kind"};

void settlements_next(HDF *out, const char *prefix, int rows, int limit, char *buf, size_t len) {
  if (len) buf[0] = 0;
  if (rows != limit) return;
  HDF *last = hdf_get_obj(out, prefix);
  for (HDF *e = hdf_obj_child(last); e; e = hdf_obj_next(e)) last = e;
  snprintf(buf, len, "%lld", settlement_cursor(hdf_get_value(last, "month", ""), db_hdf_ll(last, "merchant_id", 0)));
}
