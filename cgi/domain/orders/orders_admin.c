/* orders_admin.c: the back office's order pages (B5) — search, detail reads, and audited ship / event / cancel */
#include "orders/orders_admin.h"
#include "orders/orders_read.h"
#include "points/points.h"
#include <stdlib.h>
#include <string.h>

#define S(x) ((x) ? (x) : "")
/* The list's statement is shaped by the filters given (the WHERE holds only those), so each shape reads an index in
 * id order and stops at the page: an order number prefix → by_no; a whole mobile → the member's orders (by_member_id);
 * a mobile prefix → members by_mobile, then their orders; a status → by_status_id; dates → the id range their
 * creation times span (by_created), read on PRIMARY. Prefix matches use LIKE on validated digits / letters only (no
 * wildcard can get in). Counts stop at ORDERS_ADMIN_COUNT_CAP + 1. */
#define SEARCH_COLS                                                                                                    \
  "SELECT o.id, o.order_no, o.status, o.points_total, o.member_id, m.mobile, o.needs_shipping,"                        \
  " (SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id) AS line_count,"                                       \
  " (SELECT COALESCE(SUM(i.quantity), 0) FROM order_items i WHERE i.order_id = o.id) AS units,"                        \
  " DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i') AS created_at"
/* Per status, bounded: the tabs show "1000+" rather than count a million rows. */
static const char SQL_COUNT_STATUS[] = "SELECT COUNT(*) FROM (SELECT 1 FROM orders WHERE status = ?"
                                       ENT_MEMBER_ID("member_id") " LIMIT " ORDERS_ADMIN_COUNT_CAP_TEXT "1) bounded";
static const char SQL_COUNT_ALL[] = "SELECT COUNT(*) FROM (SELECT 1 FROM orders WHERE 1 = 1" ENT_MEMBER_ID("member_id")
                                    " LIMIT " ORDERS_ADMIN_COUNT_CAP_TEXT "1) bounded";

/* The FROM and WHERE for the filters given, with their parameters. */
static void shape(list_stmt *st, const ent_scope *scope, const order_filter *f) {
  const char *mobile = S(f->mobile);
  int whole = strlen(mobile) == 11;
  list_stmt_add(st, " FROM orders o");
  /* The member's orders in one status, newest first, are one range of by_member (member_id, status, id): without the
   * hint a date range makes the optimiser merge two indexes and sort. */
  if (whole && *S(f->status)) list_stmt_add(st, " FORCE INDEX (by_member)");
  if (*mobile && !whole)
    list_stmt_arg(st, " JOIN members m ON m.id = o.member_id AND m.mobile LIKE CONCAT(?, '%')", DS(mobile));
  else list_stmt_add(st, " JOIN members m ON m.id = o.member_id");
  list_stmt_add(st, " WHERE 1 = 1");
  if (!scope->all) list_stmt_arg(st, " AND m.enterprise = ?", DS(scope->code));
  if (*S(f->no)) list_stmt_arg(st, " AND o.order_no LIKE CONCAT(?, '%')", DS(f->no));
  if (whole) list_stmt_arg(st, " AND o.member_id = (SELECT id FROM members WHERE mobile = ?)", DS(mobile));
  if (*S(f->status)) list_stmt_arg(st, " AND o.status = ?", DS(f->status));
  /* Ids grow with creation time: a date range is the id range between its first and last orders. */
  if (*S(f->from))
    list_stmt_arg(st, " AND o.id >= (SELECT COALESCE(MIN(id), 9223372036854775807) FROM orders WHERE created_at >= ?)",
                  DS(f->from));
  if (*S(f->to))
    list_stmt_arg(st,
                  " AND o.id <= (SELECT COALESCE(MAX(id), 0) FROM orders WHERE created_at < DATE_ADD(?, INTERVAL 1 DAY))",
                  DS(f->to));
}

void orders_admin_search_stmt(const ent_scope *scope, const order_filter *f, long long offset, long long after_id,
                              int limit, int count, list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  shape(&body, scope, f);
  list_stmt_build(out, &body, count, ORDERS_ADMIN_COUNT_CAP, SEARCH_COLS, "o.id", offset, after_id, limit);
}

NEOERR *orders_admin_search(MYSQL *db, ent_scope scope, const order_filter *f, long long offset, long long after_id,
                            int limit, HDF *out, const char *prefix, int *rows, long long *total) {
  list_stmt st;
  orders_admin_search_stmt(&scope, f, 0, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  *rows = 0;
  orders_admin_search_stmt(&scope, f, offset, after_id, limit, 0, &st);
  if (!err && (after_id > 0 || offset < *total)) err = db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows);
  return nerr_pass(err);
}

NEOERR *orders_admin_counts(MYSQL *db, ent_scope scope, HDF *out, const char *prefix) {
  static const char *const STATUSES[] = {"pending", "paid", "shipped", "completed", "cancelled"};
  NEOERR *err = STATUS_OK;
  long long n = 0;
  for (int i = 0; !err && i < 5; i++) {
    err = db_query_ll(db, SQL_COUNT_STATUS, DBA(DS(STATUSES[i]), ENT_ARGS(scope)), &n, NULL);
    if (!err) err = hdf_set_valuef(out, "%s.%s=%lld%s", prefix, STATUSES[i], n > ORDERS_ADMIN_COUNT_CAP ? ORDERS_ADMIN_COUNT_CAP : n, n > ORDERS_ADMIN_COUNT_CAP ? "+" : "");
  }
  if (!err) err = db_query_ll(db, SQL_COUNT_ALL, DBA(ENT_ARGS(scope)), &n, NULL);
  if (!err) err = hdf_set_valuef(out, "%s.all=%lld%s", prefix, n > ORDERS_ADMIN_COUNT_CAP ? ORDERS_ADMIN_COUNT_CAP : n, n > ORDERS_ADMIN_COUNT_CAP ? "+" : "");
  return nerr_pass(err);
}

static const char SQL_GET[] =
    "SELECT o.id, o.order_no, o.member_id, o.status, o.points_total, o.cash_total_fen, o.coupon_id, o.discount_points,"
    " o.discount_cash_fen, o.needs_shipping, o.recipient,"
    " o.mobile, o.region, o.address_detail, o.remark, o.carrier, o.tracking_no, o.refunded, o.cancel_reason,"
    " DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i:%s') AS created_at, DATE_FORMAT(o.paid_at, '%Y-%m-%d %H:%i:%s') AS "
    "paid_at,"
    " DATE_FORMAT(o.shipped_at, '%Y-%m-%d %H:%i:%s') AS shipped_at,"
    " DATE_FORMAT(o.completed_at, '%Y-%m-%d %H:%i:%s') AS completed_at,"
    " DATE_FORMAT(o.cancelled_at, '%Y-%m-%d %H:%i:%s') AS cancelled_at,"
    " m.mobile AS member_mobile, m.name AS member_name, m.status AS member_status"
    " FROM orders o JOIN members m ON m.id = o.member_id WHERE o.order_no = ?" ENT_MEMBER_COL("m.enterprise");
/* Locking reads: the order row is locked first, as in orders.c, so the audit's "before" is what the action
 * changes, and no read view opens before orders.c's own reads (as if it ran alone). */
static const char SQL_ID[] = "SELECT id FROM orders WHERE order_no = ?" ENT_MEMBER_ID("member_id") " FOR UPDATE";
static const char SQL_SNAP[] = "SELECT order_no, status, points_total, carrier, tracking_no, refunded, cancel_reason "
                               "FROM orders WHERE id = ? FOR UPDATE";
static const char SQL_SNAP_AFTER[] =
    "SELECT o.order_no, o.status, o.points_total, o.carrier, o.tracking_no, o.refunded, o.cancel_reason,"
    " (SELECT COUNT(*) FROM order_events e WHERE e.order_id = o.id) AS events, m.points_balance AS member_balance"
    " FROM orders o JOIN members m ON m.id = o.member_id WHERE o.id = ?";

NEOERR *orders_admin_get(MYSQL *db, ent_scope scope, const char *order_no, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_GET, DBA(DS(order_no), ENT_ARGS(scope)), &rows);
  *found = rows == 1;
  return nerr_pass(err);
}

/* ---- audited actions: the orders.h function joins this transaction (db_tx nests) ---- */

enum { ACT_SHIP, ACT_EVENT, ACT_CANCEL };
struct act {
  int what;
  ent_scope scope;
  const audit_actor *who;
  const char *no, *a, *b;
  order_outcome *out;
};

static NEOERR *tx_act(MYSQL *db, void *arg) {
  struct act *x = arg;
  long long id = 0;
  int found = 0;
  json_t *before = NULL, *after = NULL;
  memset(x->out, 0, sizeof *x->out);
  NEOERR *err = db_query_ll(db, SQL_ID, DBA(DS(x->no), ENT_ARGS(x->scope)), &id, &found);
  if (err) return nerr_pass(err);
  if (!found) {
    x->out->result = ORDER_NOT_FOUND;
    return STATUS_OK;
  }
  if ((err = audit_snapshot(db, SQL_SNAP, id, &before))) return nerr_pass(err);
  static const char *actions[] = {"ship", "event", "cancel"};
  if (x->what == ACT_SHIP) err = order_ship(db, x->no, x->a, x->b, x->out);
  else if (x->what == ACT_EVENT) err = order_add_event(db, x->no, x->a, x->out);
  else err = order_cancel(db, 0, x->no, x->a, x->out);
  if (!err && x->out->result != ORDER_OK) {
    /* Refused: roll back whatever the inner function did before it said no. */
    order_result keep = x->out->result;
    err = points_init_errors();
    if (!err) err = nerr_raise(NERR_POINTS_REFUSED, "%s", order_result_name(keep));
    x->out->result = keep;
  }
  if (!err) err = audit_snapshot(db, SQL_SNAP_AFTER, id, &after);
  if (!err && after && x->what != ACT_SHIP) json_object_set_new(after, "note", json_string(x->a));
  if (!err) err = audit_record(db, x->who, actions[x->what], "order", id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

static NEOERR *act(MYSQL *db, int what, ent_scope scope, const audit_actor *who, const char *no, const char *a,
                   const char *b, order_outcome *out) {
  struct act x = {what, scope, who, no, a, b, out};
  NEOERR *err = db_tx(db, tx_act, &x);
  if (err && nerr_match(err, NERR_POINTS_REFUSED)) nerr_ignore(&err); /* out->result says why */
  return nerr_pass(err);
}

NEOERR *orders_admin_ship(MYSQL *db, ent_scope scope, const audit_actor *who, const char *order_no, const char *carrier,
                          const char *tracking_no, order_outcome *out) {
  return nerr_pass(act(db, ACT_SHIP, scope, who, order_no, carrier, tracking_no, out));
}

NEOERR *orders_admin_event(MYSQL *db, ent_scope scope, const audit_actor *who, const char *order_no, const char *note,
                           order_outcome *out) {
  return nerr_pass(act(db, ACT_EVENT, scope, who, order_no, note, NULL, out));
}

NEOERR *orders_admin_cancel(MYSQL *db, ent_scope scope, const audit_actor *who, const char *order_no, const char *reason,
                            order_outcome *out) {
  return nerr_pass(act(db, ACT_CANCEL, scope, who, order_no, reason, NULL, out));
}
