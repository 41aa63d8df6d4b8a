/* merchant_orders.c: a merchant's vouchers and redemption history (reads, CSV rows), verification rate limit */
#include "merchants/merchant_orders.h"
#include <stdio.h>
#include <string.h>

/* STRAIGHT_JOIN: the vouchers' index is read first, in the list's order (the joins are by primary key) */
#define MV_COLUMNS                                                                                                     \
  "SELECT STRAIGHT_JOIN v.id, v.voucher_no AS no, p.name_zh AS product, p.name_en AS product_en, "                                         \
  "CONCAT(LEFT(mb.mobile, 3), '****', RIGHT(mb.mobile, 4)) AS member_masked, "                                         \
  "IF(v.status = 'issued' AND v.valid_to < CURDATE(), 'expired', v.status) AS status, v.points, "                      \
  "v.settle_price_fen, CONCAT(v.settle_price_fen DIV 100, '.', LPAD(v.settle_price_fen MOD 100, 2, '0')) AS "          \
  "settle_yuan, "                                                                                                      \
  "DATE_FORMAT(v.valid_from, '%Y-%m-%d') AS valid_from, DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to, "             \
  "DATE_FORMAT(v.created_at, '%Y-%m-%d %H:%i') AS created_at, "                                                        \
  "DATE_FORMAT(v.redeemed_at, '%Y-%m-%d %H:%i:%s') AS redeemed_at, COALESCE(u.username, '') AS redeemed_by, "          \
  "o.order_no, DATE_FORMAT(v.created_at, '%Y%m%d%H%i%s') AS created_key, "                                             \
  "COALESCE(DATE_FORMAT(v.redeemed_at, '%Y%m%d%H%i%s'), '0') AS redeemed_key "
#define MV_FROM                                                                                                        \
  "FROM vouchers v JOIN products p ON p.id = v.product_id JOIN members mb ON mb.id = v.member_id "                     \
  "JOIN orders o ON o.id = v.order_id LEFT JOIN merchant_users u ON u.id = v.redeemed_by "
/* The list is shaped by the filters given (README "Lists"): the WHERE holds only those, and each shape reads one index
 * of this merchant's vouchers newest first, stopping at the page — by issue time: one stored status →
 * mv_status_created, else mv_created; by redemption time: one stored status → by_merchant (merchant_id, status,
 * redeemed_at), else mv_redeemed. "expired" (stored, or issued past valid_to) and the validity of "issued" are
 * checked on the rows read. Counts stop at MERCHANT_VOUCHERS_COUNT_CAP + 1. Past the numbered pages the cursor is
 * the last voucher's id: the page starts after its (time, id). */
#define MV_TIME(by) (strcmp(by, "redeemed") == 0 ? "v.redeemed_at" : "v.created_at")
/* '' when the cursor voucher has no time in this order (never redeemed): found, and seeking among the NULLs */
static const char SQL_MV_CURSOR[] =
    "SELECT COALESCE(DATE_FORMAT(IF(? = 'redeemed', redeemed_at, created_at), '%Y-%m-%d %H:%i:%s'), '')"
    " FROM vouchers WHERE id = ? AND merchant_id = ?";

void merchant_vouchers_stmt(long long merchant_id, const merchant_voucher_filter *f, long long offset,
                            const merchant_voucher_cursor *after, int limit, int count, list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  const char *status = f->status ? f->status : "", *by = f->by && *f->by ? f->by : "issued";
  int redeemed = strcmp(by, "redeemed") == 0, stored = *status && strcmp(status, "expired") != 0;
  const char *time = MV_TIME(by);
  list_stmt_add(&body, " FROM vouchers v");
  if (!f->no || !*f->no) {
    if (redeemed) list_stmt_add(&body, stored ? " FORCE INDEX (by_merchant)" : " FORCE INDEX (mv_redeemed)");
    else list_stmt_add(&body, stored ? " FORCE INDEX (mv_status_created)" : " FORCE INDEX (mv_created)");
  }
  list_stmt_add(&body, " JOIN products p ON p.id = v.product_id JOIN members mb ON mb.id = v.member_id"
                       " JOIN orders o ON o.id = v.order_id LEFT JOIN merchant_users u ON u.id = v.redeemed_by");
  list_stmt_arg(&body, " WHERE v.merchant_id = ?", DI(merchant_id));
  if (stored) list_stmt_arg(&body, " AND v.status = ?", DS(status));
  if (strcmp(status, "issued") == 0) list_stmt_add(&body, " AND v.valid_to >= CURDATE()");
  if (strcmp(status, "expired") == 0)
    list_stmt_add(&body, " AND (v.status = 'expired' OR (v.status = 'issued' AND v.valid_to < CURDATE()))");
  if (f->no && *f->no) list_stmt_arg(&body, " AND v.voucher_no = ?", DS(f->no));
  char buf[160];
  if (f->from && *f->from) {
    snprintf(buf, sizeof buf, " AND %s >= ?", time);
    list_stmt_arg(&body, buf, DS(f->from));
  }
  if (f->to && *f->to) {
    snprintf(buf, sizeof buf, " AND %s < DATE_ADD(?, INTERVAL 1 DAY)", time);
    list_stmt_arg(&body, buf, DS(f->to));
  }
  if (count) {
    list_stmt_count(out, &body, MERCHANT_VOUCHERS_COUNT_CAP);
    return;
  }
  int seek = after && after->id > 0;
  if (seek && after->time[0]) {
    /* (time, id) after the cursor's, newest first; vouchers never redeemed (no time) come last */
    if (redeemed) {
      list_stmt_arg(&body, " AND (v.redeemed_at <= ? OR v.redeemed_at IS NULL)", DS(after->time));
      list_stmt_arg(&body, " AND (v.redeemed_at < ? OR v.redeemed_at IS NULL", DS(after->time));
    } else {
      list_stmt_arg(&body, " AND v.created_at <= ?", DS(after->time));
      list_stmt_arg(&body, " AND (v.created_at < ?", DS(after->time));
    }
    list_stmt_arg(&body, " OR v.id < ?)", DI(after->id));
  } else if (seek) {
    snprintf(buf, sizeof buf, " AND %s IS NULL AND v.id < ?", time);
    list_stmt_arg(&body, buf, DI(after->id));
  }
  list_stmt_start(out, &body, MV_COLUMNS);
  /* Among the never-redeemed the time is NULL for all: the order is the id (said so, or the optimiser sorts). */
  int null_time = seek && !after->time[0];
  const char *order = null_time ? "v.id DESC" : redeemed ? "v.redeemed_at DESC, v.id DESC" : "v.created_at DESC, v.id DESC";
  list_stmt_order(out, order, offset, seek, limit);
}

static const char SQL_MV_ONE[] = MV_COLUMNS MV_FROM "WHERE v.merchant_id = ? AND v.voucher_no = ?";
static const char SQL_MV_ATTEMPTS[] =
    "SELECT a.voucher_no AS no, a.outcome, COALESCE(u.username, '') AS username, a.ip, "
    "DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i:%s') AS created_at "
    "FROM voucher_attempts a LEFT JOIN merchant_users u ON u.id = a.merchant_user_id "
    "WHERE a.merchant_id = ? ORDER BY a.id DESC LIMIT ?";
static const char SQL_MV_WRONG_RECENT[] =
    "SELECT COUNT(*) FROM voucher_attempts WHERE merchant_user_id = ? "
    "AND created_at >= NOW() - INTERVAL ? SECOND AND outcome IN ('wrong', 'not_found', 'locked')";
static const char SQL_MV_ATTEMPT_LIMITED[] = "INSERT INTO voucher_attempts (merchant_id, merchant_user_id, voucher_no, "
                                             "outcome, ip) VALUES (?, ?, ?, 'limited', ?)";

int merchant_voucher_key_time(long long key, char *out, size_t len) {
  if (key == 0) {
    snprintf(out, len, "%s", "");
    return 1;
  }
  long long y = key / 10000000000LL, mo = key / 100000000 % 100, d = key / 1000000 % 100, h = key / 10000 % 100,
            mi = key / 100 % 100, sec = key % 100;
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return 0;
  snprintf(out, len, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld", y, mo, d, h, mi, sec);
  return 1;
}

NEOERR *merchant_vouchers(MYSQL *db, long long merchant_id, const merchant_voucher_filter *f, long long offset,
                          long long after_id, long long after_key, int per_page, HDF *out, const char *prefix, int *rows,
                          long long *total) {
  list_stmt st;
  merchant_voucher_cursor cur = {after_id, ""};
  int found = 0;
  *total = 0;
  *rows = 0;
  merchant_vouchers_stmt(merchant_id, f, 0, NULL, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  /* The link's key when it carries one (the place stays put if the voucher is redeemed meanwhile), else the
   * voucher's time now. */
  if (!err && after_id > 0 && after_key >= 0 && merchant_voucher_key_time(after_key, cur.time, sizeof cur.time))
    found = 1;
  else if (!err && after_id > 0)
    err = db_query_str(db, SQL_MV_CURSOR, DBA(DS(f->by ? f->by : ""), DI(after_id), DI(merchant_id)), cur.time,
                       sizeof cur.time, &found);
  if (err || (after_id > 0 && !found) || (after_id <= 0 && offset >= *total)) return nerr_pass(err);
  merchant_vouchers_stmt(merchant_id, f, offset, &cur, per_page, 0, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows));
}

NEOERR *merchant_vouchers_all(MYSQL *db, long long merchant_id, const merchant_voucher_filter *f, int max, HDF *out,
                              const char *prefix, int *rows) {
  list_stmt st;
  merchant_vouchers_stmt(merchant_id, f, 0, NULL, max, 0, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows));
}

NEOERR *merchant_voucher_get(MYSQL *db, long long merchant_id, const char *no, HDF *out, const char *prefix,
                             int *found) {
  char tmp[64], src[80];
  int rows = 0;
  /* The row lands under prefix itself (not prefix.0): read it under a scratch name, then move it. */
  snprintf(tmp, sizeof tmp, "%s_one", prefix);
  snprintf(src, sizeof src, "%s.0", tmp);
  NEOERR *err = db_query_hdf(db, out, tmp, SQL_MV_ONE, DBA(DI(merchant_id), DS(no)), &rows);
  *found = !err && rows == 1;
  if (*found) err = hdf_copy(out, prefix, hdf_get_obj(out, src));
  hdf_remove_tree(out, tmp);
  return nerr_pass(err);
}

NEOERR *merchant_attempts_recent(MYSQL *db, long long merchant_id, int max, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_MV_ATTEMPTS, DBA(DI(merchant_id), DI(max)), rows));
}

NEOERR *merchant_verify_limited(MYSQL *db, long long merchant_id, long long user_id, const char *voucher_no,
                                const char *ip, int *limited) {
  long long n = 0;
  char no[33];
  *limited = 0;
  NEOERR *err = db_query_ll(db, SQL_MV_WRONG_RECENT, DBA(DI(user_id), DI(MERCHANT_VERIFY_WINDOW)), &n, NULL);
  if (err || n < MERCHANT_VERIFY_LIMIT) return nerr_pass(err);
  *limited = 1;
  snprintf(no, sizeof no, "%s", voucher_no ? voucher_no : "");
  return nerr_pass(
      db_exec(db, SQL_MV_ATTEMPT_LIMITED, DBA(DI(merchant_id), DI(user_id), DS(no), DS(ip ? ip : "")), NULL, NULL));
}
