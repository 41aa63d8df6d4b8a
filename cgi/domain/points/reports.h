/* reports.h: back-office reports (B9) — points issued/spent/refunded/expired/outstanding, redemptions */
#ifndef MALL_REPORTS_H
#define MALL_REPORTS_H
#include "db.h"

#define REPORT_MAX_DAYS 366 /* longest range a report covers, both ends included */

/* Days since 1970-01-01 of a real calendar day 'YYYY-MM-DD' in 2000–2099; -1 for anything else. */
long report_day_number(const char *s);
/* The inverse: day number → 'YYYY-MM-DD' (buf of at least 11 bytes). */
void report_day_string(long day, char *buf);
/* Today in the database's time zone (the one ledger times are written in), 'YYYY-MM-DD'. */
NEOERR *report_today(MYSQL *db, char *buf);

/* Definitions (labelled on the page and in the CSV):
 *   issued      = earn + grant + positive adjust
 *   spent       = spend + negative adjust (as a positive number, before refunds)
 *   refunded    = refund (points returned by cancelled orders)
 *   expired     = expire (as a positive number)
 *   net         = sum of all ledger amounts = issued − spent + refunded − expired
 *   outstanding = sum of all member balances at the end of the bucket (opening + running net) */
typedef struct {
  char label[11];        /* 'YYYY-MM-DD' or 'YYYY-MM' */
  char from[11], to[11]; /* the bucket's first and last day inside the range */
  long long issued, spent, refunded, expired, net, outstanding;
} report_points_row;

typedef struct {
  char from[11], to[11];
  int by_month;
  long long opening; /* outstanding before the first day */
  int n;
  report_points_row *rows; /* n buckets, every day (or month) of the range, empty ones included */
  report_points_row total; /* sums over the range; outstanding = closing balance */
} report_points;

/* from/to: valid days, from ≤ to, at most REPORT_MAX_DAYS apart (the caller validated them). */
NEOERR *report_points_load(MYSQL *db, const char *from, const char *to, int by_month, report_points *out);
void report_points_free(report_points *p);

/* Redemptions: order lines of paid, shipped and completed orders paid within [from, to], grouped. */
typedef enum { REDEEM_PRODUCT, REDEEM_CATEGORY, REDEEM_MERCHANT } redeem_by;
/* Rows prefix.N.{id, name_zh, name_en, qty, orders, points}, most points first. For merchants id and
 * names are unset on the platform's own products (no merchant). */
NEOERR *report_redemptions(MYSQL *db, redeem_by by, const char *from, const char *to, HDF *out, const char *prefix,
                           int *rows);
/* How many distinct orders those lines belong to (an order of two products counts once). */
NEOERR *report_redemption_orders(MYSQL *db, const char *from, const char *to, long long *orders);

#endif
