/* monitor.c: the live monitoring wall (F1) — per-minute totals written in the payment, read by primary-key ranges */
#include "campaigns/monitor.h"
#include <stdio.h>
#include <string.h>

/* The minute row is an upsert: the first payment of a minute makes it, the others add to it. The minute is the
 * order's paid_at (the row this transaction just wrote and holds), so the monitor and the orders agree to the minute. */
static const char SQL_MINUTE_ADD[] =
    "INSERT INTO activity_minutes (activity_id, minute, orders, points, cash_fen) "
    "SELECT ?, DATE_FORMAT(paid_at, '%Y-%m-%d %H:%i:00'), 1, ?, ? FROM orders WHERE id = ? AND " DB_IN_TX " "
    "ON DUPLICATE KEY UPDATE orders = orders + 1, points = points + VALUES(points), cash_fen = cash_fen + "
    "VALUES(cash_fen)";
/* A code scan (F5): its minute row, by the scan's own time. */
static const char SQL_SCAN_ADD[] =
    "INSERT INTO activity_minutes (activity_id, minute, scans, scan_points) "
    "VALUES (?, DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:00'), 1, ?) "
    "ON DUPLICATE KEY UPDATE scans = scans + 1, scan_points = scan_points + VALUES(scan_points)";
/* Today's scans of an activity: a primary-key range. */
static const char SQL_SCANS_TODAY[] =
    "SELECT CAST(COALESCE(SUM(scans), 0) AS SIGNED), CAST(COALESCE(SUM(scan_points), 0) AS SIGNED) "
    "FROM activity_minutes WHERE activity_id = ? AND minute >= CURDATE()";
static const char SQL_PAYMENT_ADD[] =
    "INSERT INTO activity_payments (activity_id, paid_at, order_id, member_id, ip, points, cash_fen) "
    "SELECT ?, paid_at, id, ?, ?, ?, ? FROM orders WHERE id = ? AND " DB_IN_TX;

static const char SQL_SERIES[] =
    "SELECT CAST(TIMESTAMPDIFF(MINUTE, CURDATE() - INTERVAL 1 DAY, minute) AS SIGNED), orders, points, cash_fen "
    "FROM activity_minutes FORCE INDEX (PRIMARY) WHERE activity_id = ? AND minute >= CURDATE() - INTERVAL 1 DAY "
    "AND minute < CURDATE() + INTERVAL 1 DAY ORDER BY minute";
static const char SQL_NOW_MINUTE[] = "SELECT HOUR(NOW()) * 60 + MINUTE(NOW())";
/* Grouped in a derived table of at most an hour of the activity's payments; members joined by primary key after. */
static const char SQL_TOP_MEMBERS[] =
    "SELECT t.member_id, CONCAT(LEFT(m.mobile, 3), '****', RIGHT(m.mobile, 4)) AS mobile, t.orders, t.points FROM "
    "(SELECT member_id, COUNT(*) AS orders, CAST(SUM(points) AS SIGNED) AS points FROM activity_payments "
    "FORCE INDEX (PRIMARY) WHERE activity_id = ? AND paid_at >= NOW() - INTERVAL 1 HOUR GROUP BY member_id "
    "ORDER BY orders DESC, points DESC, member_id LIMIT 5) t JOIN members m ON m.id = t.member_id "
    "ORDER BY t.orders DESC, t.points DESC, t.member_id";
static const char SQL_TOP_IPS[] =
    "SELECT ip, COUNT(*) AS orders, COUNT(DISTINCT member_id) AS members, CAST(SUM(points) AS SIGNED) AS points "
    "FROM activity_payments FORCE INDEX (PRIMARY) WHERE activity_id = ? AND paid_at >= NOW() - INTERVAL 1 HOUR "
    "GROUP BY ip ORDER BY orders DESC, ip LIMIT 5";
#define ALERTS_SELECT                                                                                                  \
  "SELECT al.id, al.activity_id, a.title_zh AS title, al.kind, DATE_FORMAT(al.fired_at, '%H:%i:%s') AS fired, "        \
  "al.measured, al.reference, al.texts, COALESCE(DATE_FORMAT(al.acked_at, '%H:%i:%s'), '') AS acked_at, "              \
  "al.acked_by_name FROM monitor_alerts al FORCE INDEX (by_day) JOIN activities a ON a.id = al.activity_id "           \
  "WHERE al.day = CURDATE() "
static const char SQL_ALERTS[] = ALERTS_SELECT "ORDER BY al.id DESC LIMIT 50";
static const char SQL_ALERTS_OPEN[] = ALERTS_SELECT "AND al.acked_at IS NULL ORDER BY al.id DESC LIMIT 50";

const char *const MONITOR_SQL[7] = {SQL_SERIES,      SQL_TOP_MEMBERS, SQL_TOP_IPS,    SQL_ALERTS,
                                    SQL_ALERTS_OPEN, SQL_MINUTE_ADD,  SQL_PAYMENT_ADD};

NEOERR *monitor_count(MYSQL *db, const guard_outcome *g, long long order_id, long long member_id, const char *ip) {
  NEOERR *err = STATUS_OK;
  /* Ascending activity id (guards_pay's order): two payments never take two minute rows in opposite orders. Both
   * writes are pipelined (db.h): their answers are read before the payment's COMMIT. */
  for (int i = 0; !err && i < g->nactivities; i++) {
    const guard_activity *a = &g->activities[i];
    err = db_exec_pipelined(db, SQL_MINUTE_ADD, DBA(DI(a->id), DI(a->points), DI(a->cash), DI(order_id)), DB_ANY_ROWS);
    if (!err)
      err = db_exec_pipelined(
          db, SQL_PAYMENT_ADD,
          DBA(DI(a->id), DI(member_id), DS(ip ? ip : ""), DI(a->points), DI(a->cash), DI(order_id)), 1);
  }
  return nerr_pass(err);
}

struct series_row {
  long long minute, orders, points, cash;
  monitor_series *s;
};

static NEOERR *series_add(void *ctx, int row) {
  struct series_row *r = ctx;
  if (r->minute < 0 || r->minute >= 2 * MONITOR_DAY_MINUTES) return STATUS_OK;
  int day = (int)(r->minute / MONITOR_DAY_MINUTES), m = (int)(r->minute % MONITOR_DAY_MINUTES);
  monitor_series *s = r->s;
  s->orders[day][m] = r->orders;
  s->points[day][m] = r->points;
  s->cash[day][m] = r->cash;
  s->total_orders[day] += r->orders;
  s->total_points[day] += r->points;
  s->total_cash[day] += r->cash;
  return STATUS_OK;
}

NEOERR *monitor_series_read(MYSQL *db, long long activity_id, monitor_series *s) {
  memset(s, 0, sizeof *s);
  struct series_row r = {.s = s};
  long long now = 0;
  NEOERR *err = db_query_ll(db, SQL_NOW_MINUTE, DB_NOARGS, &now, NULL);
  s->now = now >= 0 && now < MONITOR_DAY_MINUTES ? (int)now : 0;
  if (!err)
    err = db_each(db, SQL_SERIES, DBA(DI(activity_id)),
                  DCOLS(DCOL_LL(&r.minute), DCOL_LL(&r.orders), DCOL_LL(&r.points), DCOL_LL(&r.cash)), series_add, &r,
                  NULL);
  return nerr_pass(err);
}

NEOERR *monitor_top(MYSQL *db, long long activity_id, HDF *out, const char *members, const char *ips) {
  NEOERR *err = db_query_hdf(db, out, members, SQL_TOP_MEMBERS, DBA(DI(activity_id)), NULL);
  if (!err) err = db_query_hdf(db, out, ips, SQL_TOP_IPS, DBA(DI(activity_id)), NULL);
  return nerr_pass(err);
}

NEOERR *monitor_alerts_list(MYSQL *db, HDF *out, const char *prefix, int unacked_only) {
  return nerr_pass(db_query_hdf(db, out, prefix, unacked_only ? SQL_ALERTS_OPEN : SQL_ALERTS, DB_NOARGS, NULL));
}

NEOERR *monitor_count_scan(MYSQL *db, long long activity_id, long long points) {
  return nerr_pass(db_exec(db, SQL_SCAN_ADD, DBA(DI(activity_id), DI(points)), NULL, NULL));
}

NEOERR *monitor_scans_today(MYSQL *db, long long activity_id, long long *scans, long long *points) {
  return nerr_pass(db_row(db, SQL_SCANS_TODAY, DBA(DI(activity_id)), DCOLS(DCOL_LL(scans), DCOL_LL(points)), NULL));
}
