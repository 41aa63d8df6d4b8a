/* monitor.h: the live monitoring wall (F1) — per-minute totals the payment writes, and the wall's reads (no HTTP) */
#ifndef MALL_MONITOR_H
#define MALL_MONITOR_H
#include "db.h"
#include "campaigns/guards.h"

#define MONITOR_DAY_MINUTES 1440
#define MONITOR_TOP 5 /* members and IPs listed per activity */

/* Inside the payment's transaction, as its last statements: one upsert per running activity of the order into its
 * minute's totals (activity_minutes) and one row of who paid from where (activity_payments). ip may be NULL. */
NEOERR *monitor_count(MYSQL *db, const guard_outcome *g, long long order_id, long long member_id, const char *ip);
/* Inside a code scan's transaction (F5): one scan and its points in the activity's minute row. */
NEOERR *monitor_count_scan(MYSQL *db, long long activity_id, long long points);
/* Today's scans of an activity and the points they earned. */
NEOERR *monitor_scans_today(MYSQL *db, long long activity_id, long long *scans, long long *points);

/* An activity's orders, points and cash per mall minute: [0] yesterday, [1] today (0 for minutes without any). */
typedef struct {
  long long orders[2][MONITOR_DAY_MINUTES], points[2][MONITOR_DAY_MINUTES], cash[2][MONITOR_DAY_MINUTES];
  long long total_orders[2], total_points[2], total_cash[2];
  int now; /* the current minute of the mall day, 0..1439 */
} monitor_series;

/* Reads today's and yesterday's minutes of an activity (one primary-key range). */
NEOERR *monitor_series_read(MYSQL *db, long long activity_id, monitor_series *s);

/* The last hour's top members (prefix_members.N.{member_id, mobile (masked), orders, points}) and top IPs
 * (prefix_ips.N.{ip, orders, members, points}) of an activity, each through its primary-key range. */
NEOERR *monitor_top(MYSQL *db, long long activity_id, HDF *out, const char *members, const char *ips);

/* Today's alerts, newest first (at most 50): prefix.N.{id, activity_id, title, kind, fired, measured, reference,
 * texts, acked_at, acked_by_name}; unacked_only: those nobody acknowledged yet. */
NEOERR *monitor_alerts_list(MYSQL *db, HDF *out, const char *prefix, int unacked_only);

/* The statements above, for the EXPLAIN tests: series, top members, top IPs, alerts, unacknowledged alerts, and the
 * payment's two inserts (minute upsert, payment row). */
extern const char *const MONITOR_SQL[7];

#endif
