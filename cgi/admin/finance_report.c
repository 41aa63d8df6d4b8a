/* finance_report.c: the back office's monthly points report for finance (P5) — by enterprise, identity shown, CSV */
#include "adm_reports.h"
#include "adm_ops.h"
#include "points/finance_report.h"
#include "shared/svg_chart.h"
#include <stdio.h>
#include <string.h>

static const in_field F_MONTH[] = {{"month", IN_STR, 0, 0, 7, NULL}};

/* The month asked for, or last month by default. 1 = valid; 0 = the form shows an error (status 400). */
static NEOERR *read_month(req *r, char month[8], int *ok) {
  in_value v[1];
  *ok = 0;
  input_read(r, F_MONTH, 1, v);
  NEOERR *err = STATUS_OK;
  if (v[0].present && !hdf_get_obj(r->hdf, "Form.Errors.month") && finance_month_valid(v[0].s)) {
    snprintf(month, 8, "%s", v[0].s);
    *ok = 1;
  } else if (v[0].present || hdf_get_obj(r->hdf, "Form.Errors.month")) {
    hdf_remove_tree(r->hdf, "Form.Errors.month");
    r->status = 400;
    err = req_form_error(r, "month", "FinReport.BadMonth");
    if (!err) err = hdf_set_value(r->hdf, "Fin.Month", hdf_get_value(r->hdf, "Form.Values.month", ""));
    return nerr_pass(err);
  } else {
    char last[8];
    int f = 0;
    err = db_query_str(r->db, "SELECT DATE_FORMAT(CURDATE() - INTERVAL 1 MONTH, '%Y-%m')", DB_NOARGS, last,
                       sizeof last, &f);
    if (err) return nerr_pass(err);
    snprintf(month, 8, "%s", last);
    *ok = 1;
  }
  return nerr_pass(hdf_set_value(r->hdf, "Fin.Month", month));
}

static NEOERR *set_num(HDF *h, const char *prefix, const char *name, long long v) {
  char buf[48];
  chart_group_digits(v, buf, sizeof buf);
  return nerr_pass(hdf_set_valuef(h, "%s.%s=%s", prefix, name, buf));
}

static NEOERR *row_hdf(req *r, const char *prefix, const fin_row *f) {
  HDF *h = r->hdf;
  NEOERR *err = set_num(h, prefix, "Opening", f->opening);
  for (int k = 0; k < FIN_COLS && !err; k++) {
    char name[24];
    snprintf(name, sizeof name, "Cols.%d", k);
    err = set_num(h, prefix, name, f->col[k]);
  }
  if (!err) err = set_num(h, prefix, "Issued", f->issued);
  if (!err) err = set_num(h, prefix, "Closing", f->closing);
  if (!err) err = hdf_set_valuef(h, "%s.Holds=%d", prefix, f->holds);
  return nerr_pass(err);
}

/* GET /admin/reports/finance?month=YYYY-MM (default last month) → 200; 400 with the message for a bad month. */
NEOERR *h_adm_reports_finance(req *r) {
  r->template = "admin/reports/finance.cs";
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "FinReport.Title"));
  if (!err) err = hdf_set_value(r->hdf, "Report.Tab", "finance");
  char month[8];
  int ok = 0;
  if (!err) err = read_month(r, month, &ok);
  if (err || !ok) return nerr_pass(err);
  fin_report rep;
  if ((err = finance_report_load(r->db, month, adm_scope(r), &rep))) return nerr_pass(err);
  int holds = rep.total.holds;
  for (int i = 0; i < rep.n && !err; i++) {
    char p[32];
    snprintf(p, sizeof p, "Fin.Rows.%d", i);
    err = hdf_set_valuef(r->hdf, "%s.Enterprise=%s", p, rep.rows[i].enterprise);
    if (!err) err = row_hdf(r, p, &rep.rows[i]);
    holds &= rep.rows[i].holds;
  }
  if (!err) err = row_hdf(r, "Fin.Total", &rep.total);
  if (!err) err = hdf_set_valuef(r->hdf, "Fin.Holds=%d", holds);
  if (!err) err = hdf_set_valuef(r->hdf, "Fin.Complete=%d", rep.complete);
  if (!err) err = hdf_set_value(r->hdf, "Fin.From", rep.from);
  if (!err) err = hdf_set_value(r->hdf, "Fin.To", rep.to);
  for (int k = 0; k < FIN_COLS && !err; k++) err = hdf_set_valuef(r->hdf, "Fin.Cols.%d=%s", k, fin_col_names[k]);
  if (!err) err = hdf_set_valuef(r->hdf, "Fin.SpentAt=%d", FIN_SPENT); /* "issued" goes before the first outflow */
  finance_report_free(&rep);
  return nerr_pass(err);
}

/* GET /admin/reports/finance.csv?month=YYYY-MM → 200 text/csv attachment; a bad month → the page (400). */
NEOERR *h_adm_reports_finance_csv(req *r) {
  char month[8];
  int ok = 0;
  NEOERR *err = read_month(r, month, &ok);
  if (err) return nerr_pass(err);
  if (!ok) {
    r->template = "admin/reports/finance.cs";
    err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "FinReport.Title"));
    if (!err) err = hdf_set_value(r->hdf, "Report.Tab", "finance");
    return nerr_pass(err);
  }
  fin_report rep;
  if ((err = finance_report_load(r->db, month, adm_scope(r), &rep))) return nerr_pass(err);
  STRING s;
  string_init(&s);
  err = finance_report_csv(&rep, &s);
  r->content_type = "text/csv; charset=utf-8";
  if (!err)
    err = string_appendf(&r->headers, "Content-Disposition: attachment; filename=\"points-liability-%s.csv\"\r\n", month);
  if (!err) err = string_append(&r->body, s.buf ? s.buf : "");
  string_clear(&s);
  finance_report_free(&rep);
  return nerr_pass(err);
}
