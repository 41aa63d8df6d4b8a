/* orders_admin.h: the back office's order pages (B5) — search, detail reads, and audited ship / event / cancel */
#ifndef MALL_ORDERS_ADMIN_H
#define MALL_ORDERS_ADMIN_H
#include "backoffice/audit.h"
#include "members/enterprise_scope.h"
#include "orders/orders.h"
#include "shared/list_stmt.h"

/* Search filters; NULL or "" = any. no: order number prefix, mobile: member mobile prefix (digits),
 * status: an order status, from/to: 'YYYY-MM-DD' (creation date, both inclusive; the caller validates). */
typedef struct {
  const char *no, *mobile, *status, *from, *to;
} order_filter;

/* Counts stop past this many (shown as "1000+"); numbered pages stop at ORDERS_ADMIN_OFFSET_PAGES, deeper ones seek. */
#define ORDERS_ADMIN_COUNT_CAP 1000
#define ORDERS_ADMIN_COUNT_CAP_TEXT "100" /* the cap + 1 is written as CAP_TEXT "1" in SQL text */
#define ORDERS_ADMIN_OFFSET_PAGES 20

/* Every read and action below takes the reader's scope (enterprise_scope.h): orders of members outside it are "not
 * found". */
/* Newest first, from offset (after_id 0) or from the order before after_id. Rows under prefix.N: id, order_no,
 * status, points_total, member_id, mobile, line_count, units, needs_shipping, created_at. *total counts at most
 * ORDERS_ADMIN_COUNT_CAP + 1. */
NEOERR *orders_admin_search(MYSQL *db, ent_scope scope, const order_filter *f, long long offset, long long after_id, int limit, HDF *out,
                            const char *prefix, int *rows, long long *total);
/* The statement orders_admin_search runs (count = 1: its bounded count), for the EXPLAIN test. */
void orders_admin_search_stmt(const ent_scope *scope, const order_filter *f, long long offset, long long after_id, int limit, int count,
                              list_stmt *out);
/* Orders per status under prefix.<status>, and prefix.all: exact up to ORDERS_ADMIN_COUNT_CAP, else "1000+". */
NEOERR *orders_admin_counts(MYSQL *db, ent_scope scope, HDF *out, const char *prefix);
/* One order (every column, dates as text) plus member_mobile and member_name; *found = 0 when unknown. */
NEOERR *orders_admin_get(MYSQL *db, ent_scope scope, const char *order_no, HDF *out, const char *prefix, int *found);

/* The order actions of orders.h, each in one transaction with its audit entry (action ship / event /
 * cancel, entity order). out->result as in orders.h; nothing is written (no audit either) unless ORDER_OK. */
NEOERR *orders_admin_ship(MYSQL *db, ent_scope scope, const audit_actor *who, const char *order_no, const char *carrier,
                          const char *tracking_no, order_outcome *out);
NEOERR *orders_admin_event(MYSQL *db, ent_scope scope, const audit_actor *who, const char *order_no, const char *note,
                           order_outcome *out);
/* On behalf of the operator (member 0): a paid order's points go back to their lots, stock is restored. */
NEOERR *orders_admin_cancel(MYSQL *db, ent_scope scope, const audit_actor *who, const char *order_no, const char *reason,
                            order_outcome *out);

#endif
