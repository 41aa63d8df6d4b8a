/* dashboard.c: the back office's landing numbers — plain reads, one statement per number */
#include "backoffice/dashboard.h"
#include <stdio.h>

/* "Today" is the server's calendar day (MALL_TZ), the same day the reports use. */
static const char SQL_DASH_ORDERS_TODAY[] =
    "SELECT COUNT(*) FROM orders WHERE created_at >= CURDATE()" ENT_MEMBER_ID("member_id");
static const char SQL_DASH_PAID_TODAY[] = "SELECT COUNT(*) FROM orders WHERE paid_at >= CURDATE()" ENT_MEMBER_ID("member_id");
/* Spends are negative amounts; refunds are reported by the reports page, not netted here. */
static const char SQL_DASH_SPENT_TODAY[] =
    "SELECT COALESCE(-SUM(amount), 0) FROM points_ledger WHERE kind = 'spend' AND created_at >= CURDATE()"
    ENT_MEMBER_ID("member_id");
static const char SQL_DASH_PENDING_MESSAGES[] = "SELECT COUNT(*) FROM messages WHERE status = 'pending'";
static const char SQL_DASH_PENDING_REVIEWS[] = "SELECT COUNT(*) FROM reviews WHERE status = 'pending'";
static const char SQL_DASH_OPEN_CONSULTATIONS[] = "SELECT COUNT(*) FROM consultations WHERE answer IS NULL";
static const char SQL_DASH_LOW_STOCK_COUNT[] = "SELECT COUNT(*) FROM products WHERE on_shelf = 1 AND stock <= ?";
static const char SQL_DASH_LOW_STOCK[] =
    "SELECT id, name_zh, name_en, stock FROM products WHERE on_shelf = 1 AND stock <= ? ORDER BY stock, id LIMIT ?";

static NEOERR *put_count(MYSQL *db, HDF *out, const char *prefix, const char *name, const char *sql, const dbp *p,
                         int n) {
  long long v = 0;
  int found = 0;
  char key[128];
  NEOERR *err = db_query_ll(db, sql, p, n, &v, &found);
  if (err) return nerr_pass(err);
  char num[24];
  snprintf(key, sizeof key, "%s.%s", prefix, name);
  snprintf(num, sizeof num, "%lld", found ? v : 0);
  return nerr_pass(hdf_set_value(out, key, num));
}

NEOERR *dashboard_read(MYSQL *db, ent_scope scope, HDF *out, const char *prefix) {
  char key[128];
  NEOERR *err = put_count(db, out, prefix, "orders_today", SQL_DASH_ORDERS_TODAY, DBA(ENT_ARGS(scope)));
  if (!err) err = put_count(db, out, prefix, "paid_today", SQL_DASH_PAID_TODAY, DBA(ENT_ARGS(scope)));
  if (!err) err = put_count(db, out, prefix, "points_spent_today", SQL_DASH_SPENT_TODAY, DBA(ENT_ARGS(scope)));
  /* Moderation and stock are the mall's work, not an enterprise's. */
  if (!scope.all) return nerr_pass(err);
  if (!err) err = put_count(db, out, prefix, "pending_messages", SQL_DASH_PENDING_MESSAGES, DB_NOARGS);
  if (!err) err = put_count(db, out, prefix, "pending_reviews", SQL_DASH_PENDING_REVIEWS, DB_NOARGS);
  if (!err) err = put_count(db, out, prefix, "open_consultations", SQL_DASH_OPEN_CONSULTATIONS, DB_NOARGS);
  if (!err) err = put_count(db, out, prefix, "low_stock_count", SQL_DASH_LOW_STOCK_COUNT, DBA(DI(DASHBOARD_LOW_STOCK)));
  snprintf(key, sizeof key, "%s.LowStock", prefix);
  if (!err)
    err = db_query_hdf(db, out, key, SQL_DASH_LOW_STOCK, DBA(DI(DASHBOARD_LOW_STOCK), DI(DASHBOARD_LOW_STOCK_ROWS)),
                       NULL);
  return nerr_pass(err);
}
