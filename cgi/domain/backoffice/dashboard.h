/* dashboard.h: the back office's landing numbers — today's orders and points, pending work, low stock (no HTTP) */
#ifndef MALL_DASHBOARD_H
#define MALL_DASHBOARD_H
#include "db.h"
#include "members/enterprise_scope.h"

#define DASHBOARD_LOW_STOCK 5
#define DASHBOARD_LOW_STOCK_ROWS 20

/* Sets prefix.{orders_today, paid_today, points_spent_today, pending_messages, pending_reviews,
 * open_consultations, low_stock_count} and prefix.LowStock.N.{id,name_zh,name_en,stock}
 * (on-shelf products with stock <= DASHBOARD_LOW_STOCK, lowest first). A scope of one enterprise: only its members'
 * orders and points today (the rest is the mall's). */
NEOERR *dashboard_read(MYSQL *db, ent_scope scope, HDF *out, const char *prefix);

#endif
