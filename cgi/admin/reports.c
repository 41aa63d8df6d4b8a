/* reports.c: back-office reports (B9) — points per day/month, redemptions by product/category/merchant, CSV */
#include "payments/payments.h"
#include "adm_reports.h"
#include "adm_ops.h"
#include "shared/csv.h"
#include "points/reports.h"
#include "shared/svg_chart.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_BARS 10 /* bars in the redemptions chart; the table and the CSV have every row */
#define MAX_TABLE_ROWS 500

typedef struct {
  char from[11], to[11];
  int month;
  redeem_by by;
  const char *group_s, *by_s;
} rfilter;

static const in_field F_FILTER[] = {
    {"from", IN_DATE, 0, 0, 0, NULL},
    {"to", IN_DATE, 0, 0, 0, NULL},
    {"group", IN_ENUM, 0, 0, 0, "day|month"},
    {"by", IN_ENUM, 0, 0, 0, "product|category|merchant"},
};

/* 'YYYY-MM-01' of the month `back` months before the month of day. */
static void month_start_back(long day, int back, char *out) {
  char s[11];
  report_day_string(day, s);
  int y = atoi(s), m = atoi(s + 5) - back;
  while (m < 1) {
    m += 12;
    y--;
  }
  char tmp[32];
  snprintf(tmp, sizeof tmp, "%04d-%02d-01", y % 10000, m % 100);
  memcpy(out, tmp, 10);
  out[10] = 0;
}

static NEOERR *set_num(HDF *h, const char *name, long long v) {
  char buf[48];
  chart_group_digits(v, buf, sizeof buf);
  return nerr_pass(hdf_set_value(h, name, buf));
}

/* fen → "12.34" at name. */
static NEOERR *set_yuan(HDF *h, const char *name, long long fen) {
  char buf[32];
  pay_yuan(fen, buf, sizeof buf);
  return nerr_pass(hdf_set_value(h, name, buf));
}

/* Reads from/to/group/by. *state: 1 = valid range, 0 = date errors shown on the form (status 400),
 * -1 = malformed group/by (the 400 page was rendered). Defaults: the last 30 days, or the last 12
 * months by month. */
static NEOERR *read_filter(req *r, rfilter *f, int *state) {
  in_value v[4];
  memset(f, 0, sizeof *f);
  *state = 0;
  input_read(r, F_FILTER, 4, v);
  if (hdf_get_obj(r->hdf, "Form.Errors.group") || hdf_get_obj(r->hdf, "Form.Errors.by")) {
    *state = -1;
    return nerr_pass(req_fail(r, 400));
  }
  f->month = v[2].present && strcmp(v[2].s, "month") == 0;
  f->group_s = f->month ? "month" : "day";
  f->by_s = v[3].present ? v[3].s : "product";
  f->by = strcmp(f->by_s, "category") == 0 ? REDEEM_CATEGORY
      : strcmp(f->by_s, "merchant") == 0   ? REDEEM_MERCHANT
                                           : REDEEM_PRODUCT;
  char today[11];
  NEOERR *err = report_today(r->db, today);
  if (err) return nerr_pass(err);
  long t = report_day_number(today), d0 = -1, d1 = t;
  int bad = 0;
  /* too long or odd characters: the same message as any other bad date */
  /* (the text as typed, which input_read keeps in Form.Values, is shown again to be corrected) */
  if (hdf_get_obj(r->hdf, "Form.Errors.to")) v[1].present = 1, v[1].s = hdf_get_value(r->hdf, "Form.Values.to", "");
  if (hdf_get_obj(r->hdf, "Form.Errors.from")) v[0].present = 1, v[0].s = hdf_get_value(r->hdf, "Form.Values.from", "");
  if (v[1].present && (d1 = report_day_number(v[1].s)) < 0) {
    bad = 1;
    err = req_form_error(r, "to", "AdminReports.BadDate");
  }
  if (!err && v[0].present && (d0 = report_day_number(v[0].s)) < 0) {
    bad = 1;
    err = req_form_error(r, "from", "AdminReports.BadDate");
  }
  if (!err && !bad && !v[0].present) {
    char s[11];
    if (f->month) month_start_back(d1, 11, s);
    else report_day_string(d1 - 29, s);
    d0 = report_day_number(s);
  }
  if (!err && !bad && d0 > d1) {
    bad = 1;
    err = req_form_error(r, "to", "AdminReports.BadOrder");
  }
  if (!err && !bad && d1 - d0 + 1 > REPORT_MAX_DAYS) {
    bad = 1;
    err = req_form_error(r, "from", "AdminReports.TooLong");
  }
  if (err) return nerr_pass(err);
  if (bad) {
    r->status = 400;
    err = req_form_error(r, NULL, "AdminReports.FixDates");
    /* the form shows what was typed, so it can be corrected */
    if (!err) err = hdf_set_value(r->hdf, "Report.From", v[0].present ? v[0].s : "");
    if (!err) err = hdf_set_value(r->hdf, "Report.To", v[1].present ? v[1].s : "");
  } else {
    report_day_string(d0, f->from);
    report_day_string(d1, f->to);
    *state = 1;
    err = hdf_set_value(r->hdf, "Report.From", f->from);
    if (!err) err = hdf_set_value(r->hdf, "Report.To", f->to);
    if (!err) err = hdf_set_valuef(r->hdf, "Report.Days=%ld", d1 - d0 + 1);
  }
  if (!err) err = hdf_set_value(r->hdf, "Report.Group", f->group_s);
  if (!err) err = hdf_set_value(r->hdf, "Report.By", f->by_s);
  if (!err) err = hdf_set_value(r->hdf, "Report.Today", today);
  if (!err) err = hdf_set_valuef(r->hdf, "Report.MaxDays=%d", REPORT_MAX_DAYS);
  return nerr_pass(err);
}

/* Shortcut ranges above the filter form: each a link with the dates filled in. */
static NEOERR *quick_ranges(req *r, const rfilter *f, const char *base, int with_group) {
  char today[11];
  snprintf(today, sizeof today, "%s", hdf_get_value(r->hdf, "Report.Today", ""));
  long t = report_day_number(today);
  if (t < 0) return STATUS_OK;
  typedef struct {
    const char *key;
    long from, to;
    int month;
  } quick;
  quick q[7];
  char s[11];
  int n = 0;
  q[n++] = (quick){"AdminReports.Quick.Days7", t - 6, t, 0};
  q[n++] = (quick){"AdminReports.Quick.Days30", t - 29, t, 0};
  q[n++] = (quick){"AdminReports.Quick.Days90", t - 89, t, 0};
  month_start_back(t, 0, s);
  q[n++] = (quick){"AdminReports.Quick.ThisMonth", report_day_number(s), t, 0};
  long this_month = report_day_number(s);
  month_start_back(t, 1, s);
  q[n++] = (quick){"AdminReports.Quick.LastMonth", report_day_number(s), this_month - 1, 0};
  month_start_back(t, 11, s);
  q[n++] = (quick){"AdminReports.Quick.Months12", report_day_number(s), t, 1};
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < n && !err; i++) {
    char a[11], b[11], p[48], href[200];
    report_day_string(q[i].from, a);
    report_day_string(q[i].to, b);
    snprintf(p, sizeof p, "Report.Quick.%d", i);
    snprintf(href, sizeof href, "%s?from=%s&to=%s%s%s", base, a, b,
             with_group ? (q[i].month ? "&group=month" : "&group=day") : "&by=", with_group ? "" : f->by_s);
    err = hdf_set_valuef(r->hdf, "%s.Label=%s", p, req_text(r, q[i].key));
    if (!err) err = hdf_set_valuef(r->hdf, "%s.Href=%s", p, href);
    int active = !strcmp(a, f->from) && !strcmp(b, f->to) && (!with_group || q[i].month == f->month);
    if (!err && active) err = hdf_set_valuef(r->hdf, "%s.Active=1", p);
  }
  return nerr_pass(err);
}

static NEOERR *page_common(req *r, const char *tmpl, const char *tab) {
  r->template = tmpl;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "AdminReports.Title"));
  if (!err) err = hdf_set_value(r->hdf, "Report.Tab", tab);
  return nerr_pass(err);
}

/* One row's numbers under n: Opening, Cols.0..15 (reports.h column order), Net (NetUp when > 0), Closing, and the
 * groups Issued, Spent, Refunded, Expired. */
static NEOERR *points_row_hdf(HDF *h, const char *n, const report_points_row *b) {
  NEOERR *err = STATUS_OK;
  char key[96];
  for (int k = 0; k < REPORT_COLUMNS && !err; k++) {
    snprintf(key, sizeof key, "%s.Cols.%d", n, k);
    err = set_num(h, key, b->col[k]);
  }
  const long long vals[7] = {b->opening, b->net, b->closing, b->issued, b->spent, b->refunded, b->expired};
  static const char *const keys[7] = {"Opening", "Net", "Closing", "Issued", "Spent", "Refunded", "Expired"};
  for (int k = 0; k < 7 && !err; k++) {
    snprintf(key, sizeof key, "%s.%s", n, keys[k]);
    err = set_num(h, key, vals[k]);
  }
  if (!err && b->net > 0) err = hdf_set_valuef(h, "%s.NetUp=1", n);
  return nerr_pass(err);
}

/* Fills Report.* (the column heads under Report.Cols) and the two charts for a valid range. */
static NEOERR *points_model(req *r, const rfilter *f) {
  report_points p;
  NEOERR *err = report_points_load(r->db, adm_scope(r), f->from, f->to, f->month, &p);
  if (err) return nerr_pass(err);
  HDF *h = r->hdf;
  const char **labels = calloc((size_t)p.n, sizeof *labels);
  long long *sv[5];
  for (int k = 0; k < 5; k++) sv[k] = calloc((size_t)p.n, sizeof(long long));
  if (!labels || !sv[0] || !sv[1] || !sv[2] || !sv[3] || !sv[4]) err = nerr_raise(NERR_NOMEM, "points_model");
  for (int k = 0; k < REPORT_COLUMNS && !err; k++) {
    char key[64];
    snprintf(key, sizeof key, "AdminReports.Kind.%s", report_column_names[k]);
    err = hdf_set_valuef(h, "Report.Cols.%d.Name=%s", k, report_column_names[k]);
    if (!err) err = hdf_set_valuef(h, "Report.Cols.%d.Label=%s", k, req_text(r, key));
  }
  for (int i = 0; i < p.n && !err; i++) {
    const report_points_row *b = &p.rows[i];
    char n[48];
    snprintf(n, sizeof n, "Report.Rows.%d", i);
    err = hdf_set_valuef(h, "%s.Label=%s", n, b->label);
    if (!err) err = hdf_set_valuef(h, "%s.From=%s", n, b->from);
    if (!err) err = hdf_set_valuef(h, "%s.To=%s", n, b->to);
    if (!err) err = points_row_hdf(h, n, b);
    labels[i] = b->label;
    sv[0][i] = b->issued;
    sv[1][i] = b->spent;
    sv[2][i] = b->refunded;
    sv[3][i] = b->expired;
    sv[4][i] = b->closing;
  }
  if (!err) err = points_row_hdf(h, "Report.Total", &p.total);
  if (!err) err = set_num(h, "Report.Total.Outstanding", p.total.closing);
  if (!err) {
    const chart_series flow[4] = {
        {req_text(r, "AdminReports.Col.Issued"), "s1", sv[0]},
        {req_text(r, "AdminReports.Col.Spent"), "s2", sv[1]},
        {req_text(r, "AdminReports.Col.Refunded"), "s3", sv[2]},
        {req_text(r, "AdminReports.Col.Expired"), "s4", sv[3]},
    };
    const chart_series bal[1] = {{req_text(r, "AdminReports.Col.Outstanding"), "s5", sv[4]}};
    err = chart_lines(h, "Charts.Flow", labels, p.n, flow, 4);
    if (!err) err = chart_lines(h, "Charts.Balance", labels, p.n, bal, 1);
  }
  free(labels);
  for (int k = 0; k < 5; k++) free(sv[k]);
  report_points_free(&p);
  return nerr_pass(err);
}

static NEOERR *hrefs(req *r, const rfilter *f, const char *csv_path, const char *extra) {
  char href[200];
  snprintf(href, sizeof href, "%s?from=%s&to=%s&%s", csv_path, f->from, f->to, extra);
  return nerr_pass(hdf_set_value(r->hdf, "Report.CsvHref", href));
}

/* GET /admin/reports?from=&to=&group=day|month → 200; 400 with messages for bad dates or a range
 * longer than REPORT_MAX_DAYS; 400 page for an unknown group. */
NEOERR *h_adm_reports_points(req *r) {
  rfilter f;
  int state = 0;
  NEOERR *err = read_filter(r, &f, &state);
  if (err || state < 0) return nerr_pass(err);
  err = page_common(r, "admin/reports/points.cs", "points");
  if (!err) err = quick_ranges(r, &f, "/admin/reports", 1);
  if (!err && state == 1) err = points_model(r, &f);
  if (!err && state == 1) err = hrefs(r, &f, "/admin/reports/points.csv", f.month ? "group=month" : "group=day");
  return nerr_pass(err);
}

/* The cash part (C5) of the range: received, refunded and net, from the payments table → Report.Cash.*. */
static NEOERR *cash_model(req *r, const rfilter *f) {
  payments_cash_sums c;
  char yuan[24];
  NEOERR *err = payments_cash_report(r->db, f->from, f->to, &c);
  if (!err) pay_yuan(c.received_fen, yuan, sizeof yuan);
  if (!err) err = hdf_set_value(r->hdf, "Report.Cash.Received", yuan);
  if (!err) pay_yuan(c.refunded_fen, yuan, sizeof yuan);
  if (!err) err = hdf_set_value(r->hdf, "Report.Cash.Refunded", yuan);
  if (!err) pay_yuan(c.received_fen - c.refunded_fen, yuan, sizeof yuan);
  if (!err) err = hdf_set_value(r->hdf, "Report.Cash.Net", yuan);
  if (!err) err = hdf_set_valuef(r->hdf, "Report.Cash.Payments=%lld", c.received);
  if (!err) err = hdf_set_valuef(r->hdf, "Report.Cash.Refunds=%lld", c.refunded);
  return nerr_pass(err);
}

/* Redemption rows → Report.Rows.N.{Id,Name,Qty,Orders,Points,Cash,Share} plus the top bars; totals at list price,
 * the orders' coupon discounts and what they charged → Report.Total.*. */
static NEOERR *redemptions_model(req *r, const rfilter *f) {
  HDF *tmp = NULL;
  int rows = 0;
  report_redeem_totals t;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = report_redemptions(r->db, adm_scope(r), f->by, f->from, f->to, tmp, "R", &rows);
  if (!err) err = report_redemption_totals(r->db, adm_scope(r), f->from, f->to, &t);
  long long qty = 0, points = 0, cash = 0;
  int en = strcmp(r->lang, "en") == 0;
  for (int i = 0; i < rows; i++) {
    char p[32];
    snprintf(p, sizeof p, "R.%d", i);
    HDF *row = hdf_get_obj(tmp, p);
    qty += strtoll(hdf_get_value(row, "qty", "0"), NULL, 10);
    points += strtoll(hdf_get_value(row, "points", "0"), NULL, 10);
    cash += strtoll(hdf_get_value(row, "cash", "0"), NULL, 10);
  }
  const char *labels[TOP_BARS];
  long long bars[TOP_BARS];
  int nb = 0;
  HDF *h = r->hdf;
  for (int i = 0; i < rows && i < MAX_TABLE_ROWS && !err; i++) {
    char p[32], n[48];
    snprintf(p, sizeof p, "R.%d", i);
    snprintf(n, sizeof n, "Report.Rows.%d", i);
    HDF *row = hdf_get_obj(tmp, p);
    const char *id = hdf_get_value(row, "id", NULL);
    const char *name =
        id ? hdf_get_value(row, en ? "name_en" : "name_zh", "") : req_text(r, "AdminReports.SelfOperated");
    long long pts = strtoll(hdf_get_value(row, "points", "0"), NULL, 10);
    err = hdf_set_valuef(h, "%s.Id=%s", n, id ? id : "");
    if (!err) err = hdf_set_valuef(h, "%s.Name=%s", n, name);
    if (!err) err = hdf_set_valuef(h, "%s.Rank=%d", n, i + 1);
    char key[80];
    snprintf(key, sizeof key, "%s.Qty", n);
    if (!err) err = set_num(h, key, strtoll(hdf_get_value(row, "qty", "0"), NULL, 10));
    snprintf(key, sizeof key, "%s.Orders", n);
    if (!err) err = set_num(h, key, strtoll(hdf_get_value(row, "orders", "0"), NULL, 10));
    snprintf(key, sizeof key, "%s.Points", n);
    if (!err) err = set_num(h, key, pts);
    snprintf(key, sizeof key, "%s.Cash", n);
    if (!err) err = set_yuan(h, key, strtoll(hdf_get_value(row, "cash", "0"), NULL, 10));
    /* share of points in tenths of a percent, integer arithmetic */
    long long permille = points > 0 ? (pts * 1000 + points / 2) / points : 0;
    if (!err) err = hdf_set_valuef(h, "%s.Share=%lld.%lld%%", n, permille / 10, permille % 10);
    if (!err && nb < TOP_BARS) {
      labels[nb] = name;
      bars[nb++] = pts;
    }
  }
  if (!err) err = hdf_set_valuef(h, "Report.Count=%d", rows);
  if (!err && rows > MAX_TABLE_ROWS) err = hdf_set_valuef(h, "Report.Truncated=%d", MAX_TABLE_ROWS);
  if (!err) err = set_num(h, "Report.Total.Qty", qty);
  if (!err) err = set_num(h, "Report.Total.Orders", t.orders);
  if (!err) err = set_num(h, "Report.Total.Points", points);
  if (!err) err = set_yuan(h, "Report.Total.Cash", cash);
  if (!err) err = set_num(h, "Report.Total.DiscountPoints", -t.discount_points);
  if (!err) err = set_yuan(h, "Report.Total.DiscountCash", -t.discount_cash_fen);
  if (!err) err = set_num(h, "Report.Total.ChargedPoints", t.charged_points);
  if (!err) err = set_yuan(h, "Report.Total.ChargedCash", t.charged_cash_fen);
  if (!err) err = cash_model(r, f);
  if (!err && nb > 0) err = chart_bars(h, "Charts.Top", labels, bars, nb);
  hdf_destroy(&tmp);
  return nerr_pass(err);
}

/* GET /admin/reports/redemptions?from=&to=&by=product|category|merchant → 200; 400 as above. */
NEOERR *h_adm_reports_redemptions(req *r) {
  rfilter f;
  int state = 0;
  NEOERR *err = read_filter(r, &f, &state);
  if (err || state < 0) return nerr_pass(err);
  err = page_common(r, "admin/reports/redemptions.cs", "redemptions");
  if (!err) err = quick_ranges(r, &f, "/admin/reports/redemptions", 0);
  if (!err && state == 1) err = redemptions_model(r, &f);
  char extra[32];
  snprintf(extra, sizeof extra, "by=%s", f.by_s);
  if (!err && state == 1) err = hrefs(r, &f, "/admin/reports/redemptions.csv", extra);
  return nerr_pass(err);
}

/* ---- CSV ---- */

static NEOERR *csv_header(req *r, STRING *s, const char *const *keys, int n) {
  NEOERR *err = string_append(s, CSV_BOM);
  for (int i = 0; i < n && !err; i++) err = csv_text(s, req_text(r, keys[i]), i == 0);
  if (!err) err = string_append(s, "\r\n");
  return nerr_pass(err);
}

static NEOERR *csv_send(req *r, STRING *s, const char *name, const rfilter *f) {
  char d0[9], d1[9];
  int k = 0;
  for (const char *c = f->from; *c; c++)
    if (*c != '-') d0[k++] = *c;
  d0[k] = 0;
  k = 0;
  for (const char *c = f->to; *c; c++)
    if (*c != '-') d1[k++] = *c;
  d1[k] = 0;
  r->content_type = "text/csv; charset=utf-8";
  NEOERR *err =
      string_appendf(&r->headers, "Content-Disposition: attachment; filename=\"%s-%s-%s.csv\"\r\n", name, d0, d1);
  if (!err) err = string_append(&r->body, s->buf ? s->buf : "");
  return nerr_pass(err);
}

/* label, from, to, opening, the columns of reports.h, net, closing: opening + Σ columns = closing on every line. */
static NEOERR *points_row_csv(STRING *s, const char *label, const report_points_row *b) {
  NEOERR *err = csv_text(s, label, 1);
  if (!err) err = csv_text(s, b->from, 0);
  if (!err) err = csv_text(s, b->to, 0);
  if (!err) err = csv_num(s, b->opening);
  for (int k = 0; k < REPORT_COLUMNS && !err; k++) err = csv_num(s, b->col[k]);
  if (!err) err = csv_num(s, b->net);
  if (!err) err = csv_num(s, b->closing);
  if (!err) err = string_append(s, "\r\n");
  return nerr_pass(err);
}

/* GET /admin/reports/points.csv?from=&to=&group= → 200 text/csv attachment; bad dates → the report
 * page with the messages (400). */
NEOERR *h_adm_reports_points_csv(req *r) {
  rfilter f;
  int state = 0;
  NEOERR *err = read_filter(r, &f, &state);
  if (err || state < 0) return nerr_pass(err);
  if (state == 0) {
    err = page_common(r, "admin/reports/points.cs", "points");
    if (!err) err = quick_ranges(r, &f, "/admin/reports", 1);
    return nerr_pass(err);
  }
  report_points p;
  if ((err = report_points_load(r->db, adm_scope(r), f.from, f.to, f.month, &p))) return nerr_pass(err);
  static const char *const cols[6 + REPORT_COLUMNS] = {
      "AdminReports.Col.Day",        "AdminReports.Col.From",    "AdminReports.Col.To",
      "AdminReports.Opening",        "AdminReports.Kind.earn",   "AdminReports.Kind.grant",
      "AdminReports.Kind.scan",      "AdminReports.Kind.api_earn", "AdminReports.Kind.bonus",
      "AdminReports.Kind.adjust_in",
      "AdminReports.Kind.spend",     "AdminReports.Kind.offline", "AdminReports.Kind.api_spend",
      "AdminReports.Kind.coupon",
      "AdminReports.Kind.refund",    "AdminReports.Kind.api_reverse_in", "AdminReports.Kind.expire",
      "AdminReports.Kind.adjust_out", "AdminReports.Kind.api_reverse_out", "AdminReports.Kind.bonus_out",
      "AdminReports.Col.Net",        "AdminReports.Closing"};
  const char *head[6 + REPORT_COLUMNS];
  memcpy(head, cols, sizeof head);
  if (f.month) head[0] = "AdminReports.Col.Month";
  STRING s;
  string_init(&s);
  err = csv_header(r, &s, head, 6 + REPORT_COLUMNS);
  for (int i = 0; i < p.n && !err; i++) err = points_row_csv(&s, p.rows[i].label, &p.rows[i]);
  if (!err) err = points_row_csv(&s, req_text(r, "AdminReports.Total"), &p.total);
  if (!err) err = csv_send(r, &s, f.month ? "points-monthly" : "points-daily", &f);
  string_clear(&s);
  report_points_free(&p);
  return nerr_pass(err);
}

/* GET /admin/reports/redemptions.csv?from=&to=&by= → 200 text/csv attachment; bad dates → page (400). */
NEOERR *h_adm_reports_redemptions_csv(req *r) {
  rfilter f;
  int state = 0;
  NEOERR *err = read_filter(r, &f, &state);
  if (err || state < 0) return nerr_pass(err);
  if (state == 0) {
    err = page_common(r, "admin/reports/redemptions.cs", "redemptions");
    if (!err) err = quick_ranges(r, &f, "/admin/reports/redemptions", 0);
    return nerr_pass(err);
  }
  HDF *tmp = NULL;
  int rows = 0;
  report_redeem_totals t;
  err = hdf_init(&tmp);
  if (!err) err = report_redemptions(r->db, adm_scope(r), f.by, f.from, f.to, tmp, "R", &rows);
  if (!err) err = report_redemption_totals(r->db, adm_scope(r), f.from, f.to, &t);
  const char *head[6] = {"AdminReports.Col.Id",     "AdminReports.By.product", "AdminReports.Col.Qty",
                         "AdminReports.Col.Orders", "AdminReports.Col.Points", "AdminReports.Col.Cash"};
  if (f.by == REDEEM_CATEGORY) head[1] = "AdminReports.By.category";
  if (f.by == REDEEM_MERCHANT) head[1] = "AdminReports.By.merchant";
  STRING s;
  string_init(&s);
  if (!err) err = csv_header(r, &s, head, 6);
  int en = strcmp(r->lang, "en") == 0;
  long long qty = 0, points = 0, cash = 0;
  char yuan[32];
  for (int i = 0; i < rows && !err; i++) {
    char p[32];
    snprintf(p, sizeof p, "R.%d", i);
    HDF *row = hdf_get_obj(tmp, p);
    const char *id = hdf_get_value(row, "id", NULL);
    long long q = strtoll(hdf_get_value(row, "qty", "0"), NULL, 10);
    long long o = strtoll(hdf_get_value(row, "orders", "0"), NULL, 10);
    long long pts = strtoll(hdf_get_value(row, "points", "0"), NULL, 10);
    long long fen = strtoll(hdf_get_value(row, "cash", "0"), NULL, 10);
    qty += q;
    points += pts;
    cash += fen;
    err = csv_text(&s, id ? id : "", 1);
    if (!err)
      err = csv_text(
          &s, id ? hdf_get_value(row, en ? "name_en" : "name_zh", "") : req_text(r, "AdminReports.SelfOperated"), 0);
    pay_yuan(fen, yuan, sizeof yuan);
    if (!err) err = string_appendf(&s, ",%lld,%lld,%lld,%s\r\n", q, o, pts, yuan);
  }
  /* Total at list price, less the coupons, = what the orders charged (the ledger's spend for them). */
  pay_yuan(cash, yuan, sizeof yuan);
  if (!err) err = csv_text(&s, "", 1);
  if (!err) err = csv_text(&s, req_text(r, "AdminReports.Total"), 0);
  if (!err) err = string_appendf(&s, ",%lld,%lld,%lld,%s\r\n", qty, t.orders, points, yuan);
  pay_yuan(-t.discount_cash_fen, yuan, sizeof yuan);
  if (!err) err = csv_text(&s, "", 1);
  if (!err) err = csv_text(&s, req_text(r, "AdminReports.Discount"), 0);
  if (!err) err = string_appendf(&s, ",,,%lld,%s\r\n", -t.discount_points, yuan);
  pay_yuan(t.charged_cash_fen, yuan, sizeof yuan);
  if (!err) err = csv_text(&s, "", 1);
  if (!err) err = csv_text(&s, req_text(r, "AdminReports.Charged"), 0);
  if (!err) err = string_appendf(&s, ",,%lld,%lld,%s\r\n", t.orders, t.charged_points, yuan);
  char name[40];
  snprintf(name, sizeof name, "redemptions-%s", f.by_s);
  if (!err) err = csv_send(r, &s, name, &f);
  string_clear(&s);
  hdf_destroy(&tmp);
  return nerr_pass(err);
}
