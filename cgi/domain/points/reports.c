/* reports.c: back-office reports (B9) — ledger sums per day/month and redemptions by product/category/merchant */
#include "points/reports.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

long report_day_number(const char *s) {
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return -1;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1) return -1;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > days[m - 1] + (m == 2 && leap)) return -1;
  return days_from_civil(y, m, d);
}

void report_day_string(long z, char *buf) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", (int)(y % 10000), (int)(m % 100), (int)(d % 100));
  memcpy(buf, tmp, 10);
  buf[10] = 0;
}

static const char SQL_TODAY[] = "SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')";

NEOERR *report_today(MYSQL *db, char *buf) {
  int found = 0;
  NEOERR *err = db_query_str(db, SQL_TODAY, DB_NOARGS, buf, 11, &found);
  if (!err && !found) err = nerr_raise(NERR_SQL, "report_today: no row");
  return nerr_pass(err);
}

const char *const report_column_names[REPORT_COLUMNS] = {
    "earn",   "grant",  "scan",           "api_earn", "bonus",      "adjust_in",       "spend",    "offline",
    "api_spend", "coupon", "refund", "api_reverse_in", "expire",   "adjust_out", "api_reverse_out", "bonus_out"};

/* The bounds are bound as datetimes: [from 00:00, day after to 00:00) keeps the by_time index usable. One SUM per
 * column of reports.h, in report_column order; an entry of a kind no column names would show as net ≠ Σ columns,
 * which report_points_load refuses. */
static const char SQL_OPENING[] =
    "SELECT COALESCE(SUM(amount), 0) FROM points_ledger WHERE created_at < ?" ENT_MEMBER_ID("member_id");
static const char SQL_POINTS_BY_DAY[] =
    "SELECT DATE_FORMAT(created_at, '%Y-%m-%d') AS d,"
    " SUM(IF(kind = 'earn', amount, 0)), SUM(IF(kind = 'grant', amount, 0)), SUM(IF(kind = 'scan', amount, 0)),"
    " SUM(IF(kind = 'api_earn', amount, 0)), SUM(IF(kind = 'bonus' AND amount > 0, amount, 0)),"
    " SUM(IF(kind = 'adjust' AND amount > 0, amount, 0)), SUM(IF(kind = 'spend', amount, 0)),"
    " SUM(IF(kind = 'offline', amount, 0)), SUM(IF(kind = 'api_spend', amount, 0)), SUM(IF(kind = 'coupon', amount, 0)),"
    " SUM(IF(kind = 'refund', amount, 0)), SUM(IF(kind = 'api_reverse' AND amount > 0, amount, 0)),"
    " SUM(IF(kind = 'expire', amount, 0)),"
    " SUM(IF(kind = 'adjust' AND amount < 0, amount, 0)), SUM(IF(kind = 'api_reverse' AND amount < 0, amount, 0)),"
    " SUM(IF(kind = 'bonus' AND amount < 0, amount, 0)),"
    " SUM(amount) AS net"
    " FROM points_ledger WHERE created_at >= ? AND created_at < ?" ENT_MEMBER_ID("member_id") " GROUP BY d ORDER BY d";

/* One day of SQL_POINTS_BY_DAY, into its place among the range's days. */
struct by_day {
  report_points_row *days;
  long d0;
  int ndays;
  char d[16];
  report_points_row row;
};

static NEOERR *day_row(void *ctx, int row) {
  struct by_day *b = ctx;
  (void)row;
  long long sum = 0;
  for (int k = 0; k < REPORT_COLUMNS; k++) sum += b->row.col[k];
  if (sum != b->row.net) return nerr_raise(NERR_ASSERT, "report: a ledger kind of %s is in no column", b->d);
  long k = report_day_number(b->d) - b->d0;
  if (k < 0 || k >= b->ndays) return STATUS_OK;
  memcpy(b->days[k].col, b->row.col, sizeof b->row.col);
  b->days[k].net = b->row.net;
  return STATUS_OK;
}

static void add_row(report_points_row *to, const report_points_row *from) {
  for (int k = 0; k < REPORT_COLUMNS; k++) to->col[k] += from->col[k];
  to->net += from->net;
}

/* The positive groups of reports.h from the columns. */
static void groups(report_points_row *b) {
  const long long *c = b->col;
  b->issued =
      c[REPORT_EARN] + c[REPORT_GRANT] + c[REPORT_SCAN] + c[REPORT_API_EARN] + c[REPORT_BONUS] + c[REPORT_ADJUST_IN];
  b->spent = -(c[REPORT_SPEND] + c[REPORT_OFFLINE] + c[REPORT_API_SPEND] + c[REPORT_COUPON] + c[REPORT_ADJUST_OUT] +
               c[REPORT_API_REVERSE_OUT] + c[REPORT_BONUS_OUT]);
  b->refunded = c[REPORT_REFUND] + c[REPORT_API_REVERSE_IN];
  b->expired = -c[REPORT_EXPIRE];
}

NEOERR *report_points_load(MYSQL *db, ent_scope scope, const char *from, const char *to, int by_month, report_points *out) {
  memset(out, 0, sizeof *out);
  long d0 = report_day_number(from), d1 = report_day_number(to);
  if (d0 < 0 || d1 < d0 || d1 - d0 + 1 > REPORT_MAX_DAYS)
    return nerr_raise(NERR_ASSERT, "report_points_load: bad range %s..%s", from, to);
  int ndays = (int)(d1 - d0 + 1);
  snprintf(out->from, sizeof out->from, "%s", from);
  snprintf(out->to, sizeof out->to, "%s", to);
  out->by_month = by_month;
  report_points_row *days = calloc((size_t)ndays, sizeof *days);
  out->rows = calloc((size_t)ndays, sizeof *out->rows);
  if (!days || !out->rows) {
    free(days);
    return nerr_raise(NERR_NOMEM, "report_points_load");
  }
  char end[11];
  report_day_string(d1 + 1, end);
  for (int i = 0; i < ndays; i++) report_day_string(d0 + i, days[i].label);
  NEOERR *err = db_row(db, SQL_OPENING, DBA(DS(from), ENT_ARGS(scope)), DCOLS(DCOL_LL(&out->opening)), NULL);
  struct by_day b = {.days = days, .d0 = d0, .ndays = ndays};
  long long *c = b.row.col;
  if (!err)
    err = db_each(db, SQL_POINTS_BY_DAY, DBA(DS(from), DS(end), ENT_ARGS(scope)),
                  DCOLS(DCOL_STR(b.d), DCOL_LL(&c[0]), DCOL_LL(&c[1]), DCOL_LL(&c[2]), DCOL_LL(&c[3]), DCOL_LL(&c[4]),
                        DCOL_LL(&c[5]), DCOL_LL(&c[6]), DCOL_LL(&c[7]), DCOL_LL(&c[8]), DCOL_LL(&c[9]), DCOL_LL(&c[10]),
                        DCOL_LL(&c[11]), DCOL_LL(&c[12]), DCOL_LL(&c[13]), DCOL_LL(&c[14]), DCOL_LL(&c[15]),
                        DCOL_LL(&b.row.net)),
                  day_row, &b, NULL);
  /* Buckets: every day, or every calendar month the range touches (clipped to the range). */
  long long balance = out->opening;
  for (int i = 0; i < ndays && !err; i++) {
    report_points_row *r;
    if (!by_month || out->n == 0 || strncmp(out->rows[out->n - 1].label, days[i].label, 7) != 0) {
      r = &out->rows[out->n++];
      snprintf(r->label, sizeof r->label, "%.*s", by_month ? 7 : 10, days[i].label);
      snprintf(r->from, sizeof r->from, "%s", days[i].label);
      r->opening = balance;
    } else {
      r = &out->rows[out->n - 1];
    }
    snprintf(r->to, sizeof r->to, "%s", days[i].label);
    add_row(r, &days[i]);
    add_row(&out->total, &days[i]);
    balance += days[i].net;
    r->closing = balance;
  }
  for (int i = 0; i < out->n; i++) groups(&out->rows[i]);
  groups(&out->total);
  out->total.opening = out->opening;
  out->total.closing = balance;
  snprintf(out->total.from, sizeof out->total.from, "%s", from);
  snprintf(out->total.to, sizeof out->total.to, "%s", to);
  free(days);
  if (err) report_points_free(out);
  return nerr_pass(err);
}

void report_points_free(report_points *p) {
  free(p->rows);
  p->rows = NULL;
  p->n = 0;
}

#define REDEEM_FROM " FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN products p ON p.id = oi.product_id"
#define REDEEM_WHERE                                                                                                   \
  " WHERE o.status IN ('paid', 'shipped', 'completed') AND o.paid_at >= ? AND o.paid_at < ?" ENT_MEMBER_ID("o.member_id")
#define REDEEM_SUMS                                                                                                    \
  " SUM(oi.quantity) AS qty, COUNT(DISTINCT o.id) AS orders, SUM(oi.points_price * oi.quantity) AS points,"         \
  " SUM(oi.cash_price_fen * oi.quantity) AS cash"

static const char SQL_REDEEM_PRODUCT[] =
    "SELECT p.id, p.name_zh, COALESCE(NULLIF(p.name_en, ''), p.name_zh) AS name_en," REDEEM_SUMS REDEEM_FROM
        REDEEM_WHERE " GROUP BY p.id ORDER BY points DESC, qty DESC, p.id";
static const char SQL_REDEEM_CATEGORY[] =
    "SELECT c.id, CONCAT_WS(' / ', cp.name_zh, c.name_zh) AS name_zh,"
    " CONCAT_WS(' / ', COALESCE(NULLIF(cp.name_en, ''), cp.name_zh), COALESCE(NULLIF(c.name_en, ''), c.name_zh)) AS "
    "name_en," REDEEM_SUMS REDEEM_FROM
    " JOIN categories c ON c.id = p.category_id LEFT JOIN categories cp ON cp.id = c.parent_id" REDEEM_WHERE
    " GROUP BY c.id ORDER BY points DESC, qty DESC, c.id";
static const char SQL_REDEEM_MERCHANT[] =
    "SELECT m.id, m.name AS name_zh, m.name AS name_en," REDEEM_SUMS REDEEM_FROM
    " LEFT JOIN merchants m ON m.id = p.merchant_id" REDEEM_WHERE " GROUP BY m.id ORDER BY points DESC, qty DESC, m.id";

NEOERR *report_redemptions(MYSQL *db, ent_scope scope, redeem_by by, const char *from, const char *to, HDF *out, const char *prefix,
                           int *rows) {
  long d1 = report_day_number(to);
  if (report_day_number(from) < 0 || d1 < 0) return nerr_raise(NERR_ASSERT, "report_redemptions: bad range");
  char end[11];
  report_day_string(d1 + 1, end);
  const char *sql = by == REDEEM_CATEGORY ? SQL_REDEEM_CATEGORY
      : by == REDEEM_MERCHANT             ? SQL_REDEEM_MERCHANT
                                          : SQL_REDEEM_PRODUCT;
  return nerr_pass(db_query_hdf(db, out, prefix, sql, DBA(DS(from), DS(end), ENT_ARGS(scope)), rows));
}

static const char SQL_REDEEM_TOTALS[] =
    "SELECT COUNT(*), COALESCE(SUM(o.discount_points), 0), COALESCE(SUM(o.discount_cash_fen), 0),"
    " COALESCE(SUM(o.points_total), 0), COALESCE(SUM(o.cash_total_fen), 0) FROM orders o"
    " WHERE o.status IN ('paid', 'shipped', 'completed') AND o.paid_at >= ? AND o.paid_at < ?" ENT_MEMBER_ID(
        "o.member_id");

NEOERR *report_redemption_totals(MYSQL *db, ent_scope scope, const char *from, const char *to,
                                 report_redeem_totals *t) {
  long d1 = report_day_number(to);
  memset(t, 0, sizeof *t);
  if (report_day_number(from) < 0 || d1 < 0) return nerr_raise(NERR_ASSERT, "report_redemption_totals: bad range");
  char end[11];
  report_day_string(d1 + 1, end);
  return nerr_pass(db_row(db, SQL_REDEEM_TOTALS, DBA(DS(from), DS(end), ENT_ARGS(scope)),
                          DCOLS(DCOL_LL(&t->orders), DCOL_LL(&t->discount_points), DCOL_LL(&t->discount_cash_fen),
                                DCOL_LL(&t->charged_points), DCOL_LL(&t->charged_cash_fen)),
                          NULL));
}
