/* points_read.h: read side of the points center (A2) — expiring soon, open lots, filterable ledger */
#ifndef MALL_POINTS_READ_H
#define MALL_POINTS_READ_H
#include "db.h"

#define POINTS_EXPIRING_DAYS 30

/* Open lots with points left that expire within days (today included), soonest first:
 * id, source, note, amount, remaining, expires, days_left. *sum = their remaining points. */
NEOERR *member_points_expiring(MYSQL *db, long long member_id, int days, HDF *out, const char *prefix, long long *sum);
/* Every open lot with points left, soonest expiry first (same columns). */
NEOERR *member_points_lots(MYSQL *db, long long member_id, HDF *out, const char *prefix, int *rows);

typedef struct {
  const char *kind;      /* NULL = all; earn|spend|refund|expire|grant|adjust */
  const char *from, *to; /* 'YYYY-MM-DD' inclusive, NULL = open */
} ledger_filter;

/* Ledger entries newest first: id, kind, amount, balance_after, note, order_no (or unset), time. */
NEOERR *member_points_ledger(MYSQL *db, long long member_id, const ledger_filter *f, HDF *out, const char *prefix,
                             long long offset, int limit, long long *total);

#endif
