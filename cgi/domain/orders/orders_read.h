/* orders_read.h: read-only queries behind the member's order pages (list, detail, items, timeline, ledger) */
#ifndef MALL_ORDERS_READ_H
#define MALL_ORDERS_READ_H
#include "db.h"

/* Counts stop at ORDERS_COUNT_CAP + 1 (shown "1000+"); numbered pages stop at ORDERS_OFFSET_PAGES, then seek. */
#define ORDERS_COUNT_CAP 1000
#define ORDERS_OFFSET_PAGES 50
/* status: pending|paid|shipped|completed|cancelled, or NULL for all. Rows under prefix.N: id, order_no,
 * status, points_total, created_at, line_count, units — by offset, or (after_id > 0) the orders older than after_id.
 * *total at most ORDERS_COUNT_CAP + 1. */
NEOERR *orders_read_list(MYSQL *db, long long member_id, const char *status, long long offset, long long after_id,
                         int limit, HDF *out, const char *prefix, int *rows, long long *total);
/* The list statements, for the EXPLAIN test (NULL-terminated): list all (member, offset, limit), list by status
 * (member, status, offset, limit), seek all (member, id, limit), seek by status (member, status, id, limit), total
 * (member), total by status (member, status), badge (member, status). */
extern const char *const ORDERS_LIST_SQL[];
/* The tabs' badges: orders pending, paid and shipped under prefix.<status>, "99+" from a hundred on. */
NEOERR *orders_read_counts(MYSQL *db, long long member_id, HDF *out, const char *prefix);
/* One order of this member (every column of orders, dates as text); *found = 0 for someone else's. */
NEOERR *orders_read_get(MYSQL *db, long long member_id, const char *order_no, HDF *out, const char *prefix, int *found);
/* Lines: id, product_id, product_type, name, image, points_price, quantity, line_points, reviewed (0/1). */
NEOERR *orders_read_items(MYSQL *db, long long order_id, int limit, HDF *out, const char *prefix, int *rows);
/* Timeline, oldest first: kind, note, created_at. */
NEOERR *orders_read_events(MYSQL *db, long long order_id, HDF *out, const char *prefix);
/* This order's ledger entries of the member: id, kind, amount, balance_after, created_at. */
NEOERR *orders_read_ledger(MYSQL *db, long long member_id, long long order_id, HDF *out, const char *prefix);
/* The lots the order's spend used: lot_id, source, note, amount, refunded, expires_at, lot_status. */
NEOERR *orders_read_lots(MYSQL *db, long long member_id, long long order_id, HDF *out, const char *prefix);

/* Status tabs from sql (rows of status, n): out.<prefix>.<status> and out.<prefix>.all (the member's and the
 * back office's order lists). */
NEOERR *orders_count_statuses(MYSQL *db, const char *sql, const dbp *p, int n, HDF *out, const char *prefix);

#endif
