/* reports.h: back-office reports (B9) — points issued/spent/refunded/expired/outstanding, redemptions */
#ifndef MALL_REPORTS_H
#define MALL_REPORTS_H
#include "db.h"
#include "members/enterprise_scope.h"

#define REPORT_MAX_DAYS 366 /* longest range a report covers, both ends included */

/* Days since 1970-01-01 of a real calendar day 'YYYY-MM-DD' in 2000–2099; -1 for anything else. */
long report_day_number(const char *s);
/* The inverse: day number → 'YYYY-MM-DD' (buf of at least 11 bytes). */
void report_day_string(long day, char *buf);
/* Today in the database's time zone (the one ledger times are written in), 'YYYY-MM-DD'. */
NEOERR *report_today(MYSQL *db, char *buf);

/* Columns: every ledger entry falls in exactly one, by its kind (and, for 'adjust', its sign); each column is the
 * signed sum of its entries' amounts, exactly as the ledger holds them (outflows are negative), so that for every
 * row (day or month) and for the range:   opening + Σ columns = closing.
 *   earn        kind 'earn'    points earned by consumption rules (P2)
 *   grant       kind 'grant'   operator / enterprise grants
 *   scan        kind 'scan'    one-item codes scanned by members (F5)
 *   api_earn    kind 'api_earn' points partners credited through the API (I1)
 *   bonus       kind 'bonus', amount > 0   activity bonuses paid with consumption earns (P2)
 *   adjust_in   kind 'adjust', amount > 0   back-office positive adjustments
 *   spend       kind 'spend'   mall order payments (≤ 0)
 *   offline     kind 'offline' payments at merchant terminals (V8, ≤ 0)
 *   api_spend   kind 'api_spend' points partners took through the API (I1, ≤ 0)
 *   coupon      kind 'coupon'  points exchanged for a coupon (F6, ≤ 0)
 *   refund      kind 'refund'  points returned by cancelled orders (≥ 0)
 *   api_reverse_in   kind 'api_reverse', amount > 0   API spends reversed: points returned (I1)
 *   expire      kind 'expire'  lots that ran out (≤ 0)
 *   adjust_out  kind 'adjust', amount < 0   back-office deductions
 *   api_reverse_out  kind 'api_reverse', amount < 0   API earnings reversed: points taken back (I1)
 *   bonus_out   kind 'bonus', amount < 0   activity bonuses taken back with their reversed earn (P2)
 * net = Σ columns = Σ of every ledger amount in the bucket; opening = Σ of every ledger amount before the bucket's
 * first day (= all members' balances then); closing = opening + net. The groups the summary and charts use are
 * shown as positive numbers: issued = earn + grant + scan + api_earn + bonus + adjust_in;
 * spent = −(spend + offline + api_spend + coupon + adjust_out + api_reverse_out + bonus_out); refunded = refund + api_reverse_in;
 * expired = −expire (so net = issued − spent + refunded − expired). */
typedef enum {
  REPORT_EARN,
  REPORT_GRANT,
  REPORT_SCAN,
  REPORT_API_EARN,
  REPORT_BONUS,
  REPORT_ADJUST_IN,
  REPORT_SPEND,
  REPORT_OFFLINE,
  REPORT_API_SPEND,
  REPORT_COUPON,
  REPORT_REFUND,
  REPORT_API_REVERSE_IN,
  REPORT_EXPIRE,
  REPORT_ADJUST_OUT,
  REPORT_API_REVERSE_OUT,
  REPORT_BONUS_OUT,
  REPORT_COLUMNS
} report_column;
/* The columns' names, in report_column order: "earn", "grant", … (HDF keys, CSV and language key suffixes). */
extern const char *const report_column_names[REPORT_COLUMNS];

typedef struct {
  char label[11];        /* 'YYYY-MM-DD' or 'YYYY-MM' */
  char from[11], to[11]; /* the bucket's first and last day inside the range */
  long long col[REPORT_COLUMNS];
  long long opening, net, closing;
  long long issued, spent, refunded, expired; /* the groups above */
} report_points_row;

typedef struct {
  char from[11], to[11];
  int by_month;
  long long opening; /* outstanding before the first day */
  int n;
  report_points_row *rows; /* n buckets, every day (or month) of the range, empty ones included */
  report_points_row total; /* sums over the range; opening / closing of the whole range */
} report_points;

/* from/to: valid days, from ≤ to, at most REPORT_MAX_DAYS apart (the caller validated them). scope: whose members'
 * ledger entries and orders the reports sum (an enterprise admin's: its own). */
NEOERR *report_points_load(MYSQL *db, ent_scope scope, const char *from, const char *to, int by_month, report_points *out);
void report_points_free(report_points *p);

/* Redemptions: order lines of paid, shipped and completed orders paid within [from, to], grouped. */
typedef enum { REDEEM_PRODUCT, REDEEM_CATEGORY, REDEEM_MERCHANT } redeem_by;
/* Rows prefix.N.{id, name_zh, name_en, qty, orders, points, cash} (points and cash fen at list price, before an
 * order's coupon), most points first. For merchants id and names are unset on the platform's own products. */
NEOERR *report_redemptions(MYSQL *db, ent_scope scope, redeem_by by, const char *from, const char *to, HDF *out,
                           const char *prefix, int *rows);
/* Those lines' orders: how many (an order of two products counts once), their coupon discounts and what they
 * charged (points_total and cash_total_fen, after the discount): list − discount = charged, order by order. */
typedef struct {
  long long orders, discount_points, discount_cash_fen, charged_points, charged_cash_fen;
} report_redeem_totals;
NEOERR *report_redemption_totals(MYSQL *db, ent_scope scope, const char *from, const char *to,
                                 report_redeem_totals *t);

#endif
