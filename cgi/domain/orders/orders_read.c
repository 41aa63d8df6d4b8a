/* orders_read.c: read-only queries behind the member's order pages (list, detail, items, timeline, ledger) */
#include "orders/orders_read.h"
#include <stdio.h>
#include <string.h>

#define ORDERS_CAP_TEXT "1001" /* ORDERS_COUNT_CAP + 1 */

#define LIST_COLS_FROM(hint)                                                                                           \
  "SELECT o.id, o.order_no, o.status, o.points_total, o.needs_shipping, DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i') "  \
  "AS created_at, "                                                                                                    \
  "(SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id) AS line_count, "                                       \
  "(SELECT SUM(quantity) FROM order_items i WHERE i.order_id = o.id) AS units FROM orders o " hint " "
/* Lists and counts read one member's orders through by_member_id (member_id, id) or by_member (member_id, status, id),
 * no more of them than the page needs: numbered pages by OFFSET, then keyset (id < the last one shown); counts stop at
 * ORDERS_COUNT_CAP + 1. The index is named: "id < ?" on the primary key looks cheap for a recent member. */
static const char SQL_LIST_ALL[] =
    LIST_COLS_FROM("FORCE INDEX (by_member_id)") "WHERE o.member_id = ? ORDER BY o.id DESC LIMIT ?, ?";
static const char SQL_LIST_STATUS[] =
    LIST_COLS_FROM("FORCE INDEX (by_member)") "WHERE o.member_id = ? AND o.status = ? ORDER BY o.id DESC LIMIT ?, ?";
static const char SQL_SEEK_ALL[] = LIST_COLS_FROM("FORCE INDEX (by_member_id)") "WHERE o.member_id = ? AND o.id < ?"
                                                                                 " ORDER BY o.id DESC LIMIT ?";
static const char SQL_SEEK_STATUS[] =
    LIST_COLS_FROM("FORCE INDEX (by_member)") "WHERE o.member_id = ? AND o.status = ? AND o.id < ? ORDER BY o.id DESC"
                                              " LIMIT ?";
/* The tabs' badges: the active statuses only, each a bounded range of by_member. */
static const char SQL_COUNT_STATUS_CAPPED[] =
    "SELECT COUNT(*) FROM (SELECT 1 FROM orders FORCE INDEX (by_member) WHERE member_id = ? AND status = ? LIMIT 100)"
    " bounded";
static const char SQL_GET[] =
    "SELECT id, order_no, status, points_total, cash_total_fen, discount_points, discount_cash_fen, needs_shipping, "
    "recipient, "
    "CONCAT(LEFT(mobile, 3), '****', RIGHT(mobile, 4)) AS masked_mobile, region, address_detail, remark, carrier, "
    "tracking_no, refunded, cancel_reason, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at, "
    "DATE_FORMAT(paid_at, '%Y-%m-%d %H:%i:%s') AS paid_at, DATE_FORMAT(shipped_at, '%Y-%m-%d %H:%i:%s') AS shipped_at, "
    "DATE_FORMAT(completed_at, '%Y-%m-%d %H:%i:%s') AS completed_at, "
    "DATE_FORMAT(cancelled_at, '%Y-%m-%d %H:%i:%s') AS cancelled_at, "
    "DATE_FORMAT(created_at + INTERVAL 30 MINUTE, '%H:%i') AS pay_before "
    "FROM orders WHERE order_no = ? AND member_id = ?";
static const char SQL_ITEMS[] =
    "SELECT i.id, i.product_id, i.product_type, i.name, i.image, i.points_price, i.cash_price_fen, i.quantity, "
    "i.points_price * i.quantity AS line_points, "
    "EXISTS(SELECT 1 FROM reviews r WHERE r.order_item_id = i.id) AS reviewed "
    "FROM order_items i WHERE i.order_id = ? ORDER BY i.id LIMIT ?";
static const char SQL_EVENTS[] =
    "SELECT kind, note, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at FROM order_events "
    "WHERE order_id = ? ORDER BY id";
static const char SQL_LEDGER[] =
    "SELECT id, kind, amount, balance_after, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at "
    "FROM points_ledger WHERE member_id = ? AND order_id = ? ORDER BY id";
static const char SQL_LOTS[] =
    "SELECT l.id AS lot_id, l.source, l.note, a.amount, a.refunded, DATE_FORMAT(l.expires_at, '%Y-%m-%d') AS "
    "expires_at, "
    "l.status AS lot_status FROM points_ledger e JOIN points_allocations a ON a.ledger_id = e.id "
    "JOIN points_lots l ON l.id = a.lot_id WHERE e.member_id = ? AND e.order_id = ? AND e.kind = 'spend' "
    "ORDER BY l.expires_at, l.id";
static const char SQL_TOTAL_ALL[] =
    "SELECT COUNT(*) FROM (SELECT 1 FROM orders FORCE INDEX (by_member_id) WHERE member_id = ? LIMIT " ORDERS_CAP_TEXT
    ") bounded";
static const char SQL_TOTAL_STATUS[] =
    "SELECT COUNT(*) FROM (SELECT 1 FROM orders FORCE INDEX (by_member) WHERE member_id = ? AND status = ? LIMIT "
    ORDERS_CAP_TEXT ") bounded";

const char *const ORDERS_LIST_SQL[] = {SQL_LIST_ALL,   SQL_LIST_STATUS,  SQL_SEEK_ALL,           SQL_SEEK_STATUS,
                                        SQL_TOTAL_ALL, SQL_TOTAL_STATUS, SQL_COUNT_STATUS_CAPPED, NULL};

NEOERR *orders_read_list(MYSQL *db, long long member_id, const char *status, long long offset, long long after_id,
                         int limit, HDF *out, const char *prefix, int *rows, long long *total) {
  NEOERR *err;
  if (status) {
    err = db_query_ll(db, SQL_TOTAL_STATUS, DBA(DI(member_id), DS(status)), total, NULL);
    if (!err && after_id > 0)
      err = db_query_hdf(db, out, prefix, SQL_SEEK_STATUS, DBA(DI(member_id), DS(status), DI(after_id), DI(limit)),
                         rows);
    else if (!err && offset < *total)
      err = db_query_hdf(db, out, prefix, SQL_LIST_STATUS, DBA(DI(member_id), DS(status), DI(offset), DI(limit)), rows);
  } else {
    err = db_query_ll(db, SQL_TOTAL_ALL, DBA(DI(member_id)), total, NULL);
    if (!err && after_id > 0)
      err = db_query_hdf(db, out, prefix, SQL_SEEK_ALL, DBA(DI(member_id), DI(after_id), DI(limit)), rows);
    else if (!err && offset < *total)
      err = db_query_hdf(db, out, prefix, SQL_LIST_ALL, DBA(DI(member_id), DI(offset), DI(limit)), rows);
  }
  return nerr_pass(err);
}

/* One row of a "status, count" statement (merchant and back-office tabs): the orders in one status, into
 * out.<prefix>.<status>; all adds them up. */
struct status_count {
  HDF *out;
  const char *prefix;
  char status[16];
  long long n, all;
};

static NEOERR *status_count_row(void *ctx, int row) {
  struct status_count *c = ctx;
  (void)row;
  c->all += c->n;
  return nerr_pass(hdf_set_valuef(c->out, "%s.%s=%lld", c->prefix, c->status, c->n));
}

NEOERR *orders_count_statuses(MYSQL *db, const char *sql, const dbp *p, int n, HDF *out, const char *prefix) {
  struct status_count c = {out, prefix, "", 0, 0};
  NEOERR *err = db_each(db, sql, p, n, DCOLS(DCOL_STR(c.status), DCOL_LL(&c.n)), status_count_row, &c, NULL);
  if (!err) err = hdf_set_valuef(out, "%s.all=%lld", prefix, c.all);
  return nerr_pass(err);
}

NEOERR *orders_read_counts(MYSQL *db, long long member_id, HDF *out, const char *prefix) {
  static const char *const ACTIVE[] = {"pending", "paid", "shipped"};
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i < 3; i++) {
    long long n = 0;
    err = db_query_ll(db, SQL_COUNT_STATUS_CAPPED, DBA(DI(member_id), DS(ACTIVE[i])), &n, NULL);
    if (!err && n >= 100) err = hdf_set_valuef(out, "%s.%s=99+", prefix, ACTIVE[i]);
    else if (!err) err = hdf_set_valuef(out, "%s.%s=%lld", prefix, ACTIVE[i], n);
  }
  return nerr_pass(err);
}

NEOERR *orders_read_get(MYSQL *db, long long member_id, const char *order_no, HDF *out, const char *prefix,
                        int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_GET, DBA(DS(order_no), DI(member_id)), &rows);
  *found = rows == 1;
  return nerr_pass(err);
}

NEOERR *orders_read_items(MYSQL *db, long long order_id, int limit, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_ITEMS, DBA(DI(order_id), DI(limit)), rows));
}

NEOERR *orders_read_events(MYSQL *db, long long order_id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_EVENTS, DBA(DI(order_id)), NULL));
}

NEOERR *orders_read_ledger(MYSQL *db, long long member_id, long long order_id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_LEDGER, DBA(DI(member_id), DI(order_id)), NULL));
}

NEOERR *orders_read_lots(MYSQL *db, long long member_id, long long order_id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_LOTS, DBA(DI(member_id), DI(order_id)), NULL));
}
