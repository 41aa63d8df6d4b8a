/* settlements.c: merchant settlements in the back office (V7, B7) — build a month, bill list, statement
 * detail, approve / reject with a reason / mark paid (audited), CSV of the list and of one statement */
#include "payments/payments.h"
#include "adm_onboarding.h"
#include "adm_ops.h"
#include "merchants/settlements.h"
#include <stdio.h>
#include <string.h>

#define T_LIST "admin/onboarding/settlements.cs"
#define T_DETAIL "admin/onboarding/settlement.cs"
#define CSV_MAX_ROWS 100000

NEOERR *onboarding_done(req *r, const char *choices); /* applications.c */

static const in_field FILTERS[] = {{"status", IN_ENUM, 0, 0, 0, SETTLEMENT_STATUSES}, {"month", IN_STR, 0, 7, 7, NULL}};

/* Reads ?status=&month=; 0 when one is invalid. */
static int filters(req *r, const char **status, const char **month) {
  in_value v[2];
  if (input_read(r, FILTERS, 2, v)) return 0;
  *status = v[0].present ? v[0].s : "";
  *month = v[1].present ? v[1].s : "";
  return !**month || settlement_month_ok(*month);
}

/* GET /admin/settlements?status=&month=&page=|after=&done= → 200 bill list with the "build a month" form;
 * 400 bad filter */
/* The month's cash part (C5: what members paid in cash, refunds, net — from the payments table) → Cash.*. */
static NEOERR *month_cash(req *r, const char *month) {
  payments_cash_sums c;
  char yuan[24];
  NEOERR *err = payments_cash_month(r->db, month, &c);
  if (!err) pay_yuan(c.received_fen, yuan, sizeof yuan);
  if (!err) err = hdf_set_value(r->hdf, "Cash.Received", yuan);
  if (!err) pay_yuan(c.refunded_fen, yuan, sizeof yuan);
  if (!err) err = hdf_set_value(r->hdf, "Cash.Refunded", yuan);
  if (!err) pay_yuan(c.received_fen - c.refunded_fen, yuan, sizeof yuan);
  if (!err) err = hdf_set_value(r->hdf, "Cash.Net", yuan);
  if (!err) err = hdf_set_valuef(r->hdf, "Cash.Payments=%lld", c.received);
  if (!err) err = hdf_set_valuef(r->hdf, "Cash.Refunds=%lld", c.refunded);
  return nerr_pass(err);
}

NEOERR *h_adm_settlements(req *r) {
  const char *status, *month;
  long long page = 1, after = 0, total = 0;
  int rows = 0;
  if (!req_page_after(r, &page, &after) || !filters(r, &status, &month)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = ops_show(r, T_LIST, "Onboarding.Settle.Title");
  /* Numbered pages stop at SETTLE_LIST_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= SETTLE_LIST_OFFSET_PAGES ? (page - 1) * OPS_PER_PAGE : 1LL << 60;
  if (!err)
    err = settlements_list(r->db, 0, status, month, offset, after, OPS_PER_PAGE, r->hdf, "Bills", &rows, &total);
  char next[32] = "";
  if (!err) settlements_next(r->hdf, "Bills", rows, OPS_PER_PAGE, next, sizeof next);
  if (!err) err = hdf_set_value(r->hdf, "Filter.status", status);
  if (!err) err = hdf_set_value(r->hdf, "Filter.month", month);
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/settlements?");
  if (!err) err = ops_base_add(&base, "status", status);
  if (!err) err = ops_base_add(&base, "month", month);
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, SETTLE_LIST_COUNT_CAP, OPS_PER_PAGE,
                         SETTLE_LIST_OFFSET_PAGES, next[0] ? next : NULL);
  string_clear(&base);
  if (!err) err = string_append(&base, "/admin/settlements.csv?");
  if (!err) err = ops_base_add(&base, "status", status);
  if (!err) err = ops_base_add(&base, "month", month);
  if (!err) err = hdf_set_value(r->hdf, "Page.CsvHref", base.buf);
  string_clear(&base);
  if (!err && *month) err = month_cash(r, month);
  if (!err) err = onboarding_done(r, "settled");
  return nerr_pass(err);
}

static const char *const LIST_HEAD[] = {"Onboarding.Settle.Id",
                                        "Onboarding.Settle.Merchant",
                                        "Onboarding.Settle.Month",
                                        "Onboarding.Settle.Vouchers",
                                        "Onboarding.Settle.AmountFen",
                                        "Onboarding.Settle.Amount",
                                        "Onboarding.Settle.Points",
                                        "Onboarding.Settle.Status",
                                        "Onboarding.Settle.Reason",
                                        "Onboarding.Settle.SubmittedAt",
                                        "Onboarding.Settle.ReviewedAt",
                                        "Onboarding.Settle.PaidAt",
                                        "Onboarding.Settle.VoucherFen",
                                        "Onboarding.Settle.VoucherPoints",
                                        "Onboarding.Settle.TerminalCount",
                                        "Onboarding.Settle.TerminalPoints",
                                        "Onboarding.Settle.TerminalFen"};
/* The totals first (as before), then their two parts: amount_fen = voucher_fen + offline_fen. */
static const char *const LIST_COLS[] = {
    "id",          "merchant",       "month",         "vouchers",       "amount_fen",  "amount",
    "points",      "status",         "reject_reason", "submitted_at",   "reviewed_at", "paid_at",
    "voucher_fen", "voucher_points", "offline_count", "offline_points", "offline_fen"};
#define LIST_N ((int)(sizeof LIST_COLS / sizeof LIST_COLS[0]))

static const char *status_word(void *ctx, const char *status) {
  char key[64];
  snprintf(key, sizeof key, "Onboarding.SettleStatus.%s", status);
  const char *t = req_text(ctx, key);
  if (t != key) return t;
  snprintf(key, sizeof key, "Onboarding.Status.%s", status);
  t = req_text(ctx, key);
  return t == key ? status : t; /* req_text hands back its argument when a key is missing */
}

static NEOERR *rows_csv(req *r, STRING *s, HDF *h, const char *prefix, const char *const *head, const char *const *cols,
                        int n) {
  const char *labels[24];
  for (int i = 0; i < n; i++) labels[i] = req_text(r, head[i]);
  NEOERR *err = settle_csv_header(s, labels, n);
  if (!err) err = settle_csv_rows(s, hdf_get_obj(h, prefix), cols, n, status_word, r);
  return nerr_pass(err);
}

static NEOERR *send_csv(req *r, STRING *s, const char *name) {
  r->content_type = "text/csv; charset=utf-8";
  r->no_cache = 1;
  NEOERR *err = string_appendf(&r->headers, "Content-Disposition: attachment; filename=\"%s.csv\"\r\n", name);
  if (!err) err = string_append(&r->body, s->buf ? s->buf : "");
  return nerr_pass(err);
}

/* GET /admin/settlements.csv?status=&month= → 200 text/csv (UTF-8 BOM); 400 bad filter */
NEOERR *h_adm_settlements_csv(req *r) {
  const char *status, *month;
  long long total = 0;
  if (!filters(r, &status, &month)) return nerr_pass(req_fail(r, 400));
  HDF *h = NULL;
  STRING s;
  string_init(&s);
  NEOERR *err = hdf_init(&h);
  if (!err) err = settlements_list(r->db, 0, status, month, 0, 0, CSV_MAX_ROWS, h, "B", NULL, &total);
  if (!err) err = rows_csv(r, &s, h, "B", LIST_HEAD, LIST_COLS, LIST_N);
  if (!err) err = send_csv(r, &s, *month ? month : "settlements");
  hdf_destroy(&h);
  string_clear(&s);
  return nerr_pass(err);
}

/* POST /admin/settlements/run: month=YYYY-MM → 303 list ?month=&done=settled; 400 the list with an error */
NEOERR *h_adm_settlements_run(req *r) {
  static const in_field F[] = {{"month", IN_STR, IN_REQUIRED, 7, 7, NULL}};
  in_value v[1];
  int bad = input_read(r, F, 1, v);
  if (!bad && !settlement_month_ok(v[0].s)) bad = ops_field_error(r, "month", "Onboarding.Settle.BadMonth");
  if (bad) {
    NEOERR *err = h_adm_settlements(r);
    if (!err) err = hdf_set_value(r->hdf, "Page.RunOpen", "1");
    r->status = 400;
    return nerr_pass(err);
  }
  audit_actor who;
  admin_actor(r, &who);
  settle_summary sum;
  NEOERR *err = settlement_run(r->db, &who, v[0].s, &sum);
  if (err) return nerr_pass(err);
  char to[96];
  snprintf(to, sizeof to, "/admin/settlements?month=%s&done=settled", v[0].s);
  req_redirect(r, to);
  return STATUS_OK;
}

static NEOERR *show(req *r, long long id, int *found) {
  NEOERR *err = ops_show(r, T_DETAIL, "Onboarding.Settle.Detail");
  if (!err) err = settlement_get(r->db, 0, id, r->hdf, "Bill", found);
  if (!err && *found) err = settlement_vouchers(r->db, id, r->hdf, "Vouchers");
  if (!err && *found) err = settlement_terminal(r->db, id, r->hdf, "Terminal");
  return nerr_pass(err);
}

/* GET /admin/settlements/{id}?done= → 200 statement with its vouchers and the actions its status allows;
 * 404 unknown */
NEOERR *h_adm_settlement(req *r) {
  long long id = req_arg_id(r, 0);
  int found = 0;
  NEOERR *err = id ? show(r, id, &found) : STATUS_OK;
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  return nerr_pass(onboarding_done(r, "approve|reject|pay"));
}

static const char *const V_HEAD[] = {"Onboarding.Settle.VoucherNo",  "Onboarding.Settle.Product",
                                     "Onboarding.Settle.RedeemedAt", "Onboarding.Settle.RedeemedBy",
                                     "Onboarding.Settle.PriceFen",   "Onboarding.Settle.Price",
                                     "Onboarding.Settle.Points",     "Onboarding.Settle.LineKind"};

/* One statement's lines (vouchers, then terminal payments) as CSV. */
static NEOERR *statement_csv(req *r, long long merchant_id, long long id) {
  HDF *h = NULL;
  STRING s;
  int found = 0;
  string_init(&s);
  NEOERR *err = hdf_init(&h);
  if (!err) err = settlement_get(r->db, merchant_id, id, h, "Bill", &found);
  if (!err && found) err = settlement_vouchers(r->db, id, h, "V");
  if (!err && found) err = settlement_terminal(r->db, id, h, "T");
  if (!err && found) err = req_label_rows(r, h, "V", "kind", "Onboarding.Settle.KindVoucher");
  if (!err && found) err = req_label_rows(r, h, "T", "kind", "Onboarding.Settle.KindTerminal");
  if (!err && found) err = req_label_rows(r, h, "T", "product", "Onboarding.Settle.TerminalProduct");
  if (!err && found) err = rows_csv(r, &s, h, "V", V_HEAD, SETTLE_VOUCHER_COLS, 8);
  if (!err && found) err = settle_csv_rows(&s, hdf_get_obj(h, "T"), SETTLE_TERMINAL_COLS, 8, status_word, r);
  char name[64];
  snprintf(name, sizeof name, "settlement-%lld-%s", id, hdf_get_value(h, "Bill.0.month", ""));
  if (!err && found) err = send_csv(r, &s, name);
  hdf_destroy(&h);
  string_clear(&s);
  if (!err && !found) {
    r->content_type = NULL;
    err = req_fail(r, 404);
  }
  return nerr_pass(err);
}

/* GET /admin/settlements/{id}/vouchers.csv → 200 text/csv; 404 unknown */
NEOERR *h_adm_settlement_csv(req *r) {
  long long id = req_arg_id(r, 0);
  if (!id) return nerr_pass(req_fail(r, 404));
  return nerr_pass(statement_csv(r, 0, id));
}

/* POST /admin/settlements/{id}/review: action=approve|reject|pay, reason (required to reject) → 303 detail
 * ?done=<action>; 400 bad action / missing reason (detail with the message); 404 unknown; 409 the status no
 * longer allows it */
NEOERR *h_adm_settlement_review(req *r) {
  static const in_field F[] = {{"action", IN_ENUM, IN_REQUIRED, 0, 0, "approve|reject|pay"},
                               {"reason", IN_TEXT, 0, 1, 200, NULL}};
  in_value v[2];
  long long id = req_arg_id(r, 0);
  if (!id) return nerr_pass(req_fail(r, 404));
  int bad = input_read(r, F, 2, v);
  if (!v[0].present) return nerr_pass(req_fail(r, 400));
  if (!bad && strcmp(v[0].s, "reject") == 0 && !v[1].present)
    bad = ops_field_error(r, "reason", "Onboarding.Settle.ReasonRequired");
  settle_result res = SETTLE_OK;
  if (!bad) {
    audit_actor who;
    admin_actor(r, &who);
    NEOERR *err = settlement_review(r->db, &who, id, v[0].s, v[1].present ? v[1].s : "", &res);
    if (err) return nerr_pass(err);
    if (res == SETTLE_NOT_FOUND) return nerr_pass(req_fail(r, 404));
    if (res == SETTLE_OK) {
      char to[96];
      snprintf(to, sizeof to, "/admin/settlements/%lld?done=%s", id, v[0].s);
      req_redirect(r, to);
      return STATUS_OK;
    }
  }
  int found = 0;
  NEOERR *err = show(r, id, &found);
  if (!err && !found) return nerr_pass(req_fail(r, 404));
  if (!err && res == SETTLE_STATE) err = req_flash(r, "Onboarding.Settle.Stale");
  r->status = bad ? 400 : 409;
  return nerr_pass(err);
}
