/* finance_report.h: the monthly points report for finance (P5) — by enterprise: opening, issued by source, spent,
 * expired, closing liability, each derived from ledger kinds, with the identity checked */
#ifndef MALL_FINANCE_REPORT_H
#define MALL_FINANCE_REPORT_H
#include "db.h"
#include "members/enterprise_scope.h"

/* Sources and outflows, shown as positive numbers. Every ledger entry falls in exactly one, by kind (and sign for
 * 'adjust'):
 *   grant        kind 'grant'                 operator / enterprise grants
 *   consumption  kinds 'earn', 'api_earn'     points earned by consumption rules (P2) and credited by partners (I1)
 *   activity     kind 'bonus', amount > 0    activity bonuses paid with consumption earns (P2)
 *   scan         kind 'scan'                  one-item codes scanned (F5)
 *   refund       kind 'refund', 'api_reverse' > 0   points returned by cancelled orders and reversed partner spends
 *   adjust_in    kind 'adjust', amount > 0    back-office positive adjustments
 *   spent        kinds 'spend', 'offline', 'api_spend', 'coupon', 'adjust' < 0, 'api_reverse' < 0, 'bonus' < 0
 *                mall orders, merchant terminals, partner spends, coupons bought, deductions, partner earnings and
 *                their activity bonuses taken back
 *   expired      kind 'expire'
 * issued = grant + consumption + activity + scan + refund + adjust_in, and for every row: opening + issued − spent − expired =
 * closing, where opening and closing are the sums of every ledger amount before the month's first and after its
 * last day (the members' balances then: the points liability). */
typedef enum {
  FIN_GRANT,
  FIN_CONSUMPTION,
  FIN_ACTIVITY,
  FIN_SCAN,
  FIN_REFUND,
  FIN_ADJUST_IN,
  FIN_SPENT,
  FIN_EXPIRED,
  FIN_COLS
} fin_col;
extern const char *const fin_col_names[FIN_COLS]; /* "grant", "consumption", … (CSV header, HDF, language keys) */
#define FIN_ISSUED_COLS FIN_SPENT                 /* the columns before FIN_SPENT are issued */

typedef struct {
  char enterprise[65]; /* members.enterprise ('' = members of no enterprise) */
  long long opening, col[FIN_COLS], issued, closing;
  int holds; /* opening + issued − spent − expired == closing (closing summed independently) */
} fin_row;

typedef struct {
  char month[8];        /* 'YYYY-MM' */
  char from[11], to[11]; /* first and last day */
  int complete;         /* the month has ended (figures final) */
  int n;
  fin_row *rows; /* one per enterprise with any balance or movement, by enterprise code */
  fin_row total;
} fin_report;

/* 1 for a month 'YYYY-MM' of 2000–2099. */
int finance_month_valid(const char *month);
/* Loads the report; a scope of one enterprise: that enterprise's row alone (and total = that row). Opening balances of a
 * month that ended more than an hour ago are kept (points_month_closings) so a later month's report reads them
 * instead of summing the whole ledger again. */
NEOERR *finance_report_load(MYSQL *db, const char *month, ent_scope scope, fin_report *out);
void finance_report_free(fin_report *r);
/* The report as CSV (UTF-8 with BOM, CRLF), its last line stating whether the identity holds. */
NEOERR *finance_report_csv(const fin_report *r, STRING *out);

#endif
