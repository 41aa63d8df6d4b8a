/* merchant_orders.c: a merchant's vouchers and redemption history (reads, CSV rows), verification rate limit */
#include "merchants/merchant_orders.h"
#include <stdio.h>

/* Every filter is a bound parameter: "(? = '' OR column = ?)" keeps one static statement per query. */
#define MV_COLUMNS                                                                                                     \
  "SELECT v.voucher_no AS no, p.name_zh AS product, p.name_en AS product_en, "                                         \
  "CONCAT(LEFT(mb.mobile, 3), '****', RIGHT(mb.mobile, 4)) AS member_masked, "                                         \
  "IF(v.status = 'issued' AND v.valid_to < CURDATE(), 'expired', v.status) AS status, v.points, "                      \
  "v.settle_price_fen, CONCAT(v.settle_price_fen DIV 100, '.', LPAD(v.settle_price_fen MOD 100, 2, '0')) AS "          \
  "settle_yuan, "                                                                                                      \
  "DATE_FORMAT(v.valid_from, '%Y-%m-%d') AS valid_from, DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to, "             \
  "DATE_FORMAT(v.created_at, '%Y-%m-%d %H:%i') AS created_at, "                                                        \
  "DATE_FORMAT(v.redeemed_at, '%Y-%m-%d %H:%i:%s') AS redeemed_at, COALESCE(u.username, '') AS redeemed_by, "          \
  "o.order_no "                                                                                                        \
  "FROM vouchers v JOIN products p ON p.id = v.product_id JOIN members mb ON mb.id = v.member_id "                     \
  "JOIN orders o ON o.id = v.order_id LEFT JOIN merchant_users u ON u.id = v.redeemed_by "
#define MV_WHERE                                                                                                       \
  "WHERE v.merchant_id = ? "                                                                                           \
  "AND (? = '' OR IF(v.status = 'issued' AND v.valid_to < CURDATE(), 'expired', v.status) = ?) "                       \
  "AND (? = '' OR v.voucher_no = ?) "                                                                                  \
  "AND (? = '' OR IF(? = 'redeemed', v.redeemed_at, v.created_at) >= ?) "                                              \
  "AND (? = '' OR IF(? = 'redeemed', v.redeemed_at, v.created_at) < DATE_ADD(?, INTERVAL 1 DAY)) "
#define MV_ORDER "ORDER BY IF(? = 'redeemed', v.redeemed_at, v.created_at) DESC, v.id DESC "

static const char SQL_MV_PAGE[] = MV_COLUMNS MV_WHERE MV_ORDER "LIMIT ? OFFSET ?";
static const char SQL_MV_COUNT[] = "SELECT COUNT(*) FROM vouchers v " MV_WHERE;
static const char SQL_MV_ALL[] = MV_COLUMNS MV_WHERE MV_ORDER "LIMIT ?";
static const char SQL_MV_ONE[] = MV_COLUMNS "WHERE v.merchant_id = ? AND v.voucher_no = ?";
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

#define MV_ARGS(f)                                                                                                     \
  DS(f->status), DS(f->status), DS(f->no), DS(f->no), DS(f->from), DS(f->by), DS(f->from), DS(f->to), DS(f->by),       \
      DS(f->to)

NEOERR *merchant_vouchers(MYSQL *db, long long merchant_id, const merchant_voucher_filter *f, long long page,
                          int per_page, HDF *out, const char *prefix, int *rows, long long *total) {
  *total = 0;
  NEOERR *err = db_query_ll(db, SQL_MV_COUNT, DBA(DI(merchant_id), MV_ARGS(f)), total, NULL);
  if (!err)
    err = db_query_hdf(db, out, prefix, SQL_MV_PAGE,
                       DBA(DI(merchant_id), MV_ARGS(f), DS(f->by), DI(per_page), DI((page - 1) * per_page)), rows);
  return nerr_pass(err);
}

NEOERR *merchant_vouchers_all(MYSQL *db, long long merchant_id, const merchant_voucher_filter *f, int max, HDF *out,
                              const char *prefix, int *rows) {
  return nerr_pass(
      db_query_hdf(db, out, prefix, SQL_MV_ALL, DBA(DI(merchant_id), MV_ARGS(f), DS(f->by), DI(max)), rows));
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
