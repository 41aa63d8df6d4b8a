/* settle.c: the merchant owner's side of monthly statements (V7) — bill list, detail with its vouchers,
 * submit for review, CSV of both. Every query is scoped by the signed-in account's merchant. */
#include "mch_settle.h"
#include "merchants/settlements.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_LIST "merchant/settle/list.cs"
#define T_DETAIL "merchant/settle/detail.cs"
#define PER_PAGE 20

static const char *status_word(void *ctx, const char *status) {
  char key[64];
  snprintf(key, sizeof key, "Settle.Status.%s", status);
  const char *t = req_text(ctx, key);
  return t == key ? status : t; /* req_text hands back its argument when a key is missing */
}

static NEOERR *send_csv(req *r, STRING *s, const char *name) {
  r->content_type = "text/csv; charset=utf-8";
  r->no_cache = 1;
  NEOERR *err = string_appendf(&r->headers, "Content-Disposition: attachment; filename=\"%s.csv\"\r\n", name);
  if (!err) err = string_append(&r->body, s->buf ? s->buf : "");
  return nerr_pass(err);
}

/* more / more_cols: further rows (may be NULL) in the same n columns, named differently. */
static NEOERR *csv(req *r, HDF *rows, const char *const *head, const char *const *cols, int n, const char *name,
                   HDF *more, const char *const *more_cols) {
  const char *labels[24];
  STRING s;
  string_init(&s);
  for (int i = 0; i < n; i++) labels[i] = req_text(r, head[i]);
  NEOERR *err = settle_csv_header(&s, labels, n);
  if (!err) err = settle_csv_rows(&s, rows, cols, n, status_word, r);
  if (!err && more) err = settle_csv_rows(&s, more, more_cols, n, status_word, r);
  if (!err) err = send_csv(r, &s, name);
  string_clear(&s);
  return nerr_pass(err);
}

/* GET /merchant/settlements?page=|after= → 200 this merchant's statements, newest month first; 400 bad page */
NEOERR *h_mch_settlements(req *r) {
  long long page = 1, after = 0, total = 0;
  int rows = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  r->template = T_LIST;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Settle.Title"));
  /* Numbered pages stop at SETTLE_LIST_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= SETTLE_LIST_OFFSET_PAGES ? (page - 1) * PER_PAGE : 1LL << 60;
  if (!err)
    err = settlements_list(r->db, merchant_id_of(r), "", "", offset, after, PER_PAGE, r->hdf, "Bills", &rows, &total);
  char next[32] = "";
  if (!err) settlements_next(r->hdf, "Bills", rows, PER_PAGE, next, sizeof next);
  if (!err)
    err = req_pager_seek(r, "/merchant/settlements?", after ? 0 : page, total, SETTLE_LIST_COUNT_CAP, PER_PAGE,
                         SETTLE_LIST_OFFSET_PAGES, next[0] ? next : NULL);
  return nerr_pass(err);
}

static const char *const LIST_HEAD[] = {
    "Settle.Month",         "Settle.Vouchers",      "Settle.AmountFen",      "Settle.Amount",     "Settle.Points",
    "Settle.Status",        "Settle.Reason",        "Settle.SubmittedAt",    "Settle.PaidAt",     "Settle.VoucherFen",
    "Settle.VoucherPoints", "Settle.TerminalCount", "Settle.TerminalPoints", "Settle.TerminalFen"};
/* The totals first (as before), then their two parts: amount_fen = voucher_fen + offline_fen. */
static const char *const LIST_COLS[] = {
    "month",        "vouchers", "amount_fen",  "amount",         "points",        "status",         "reject_reason",
    "submitted_at", "paid_at",  "voucher_fen", "voucher_points", "offline_count", "offline_points", "offline_fen"};
#define LIST_N ((int)(sizeof LIST_COLS / sizeof LIST_COLS[0]))

/* GET /merchant/settlements.csv → 200 text/csv (UTF-8 BOM) of every statement of this merchant */
NEOERR *h_mch_settlements_csv(req *r) {
  HDF *h = NULL;
  long long total = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = settlements_list(r->db, merchant_id_of(r), "", "", 0, 0, 100000, h, "B", NULL, &total);
  if (!err) err = csv(r, hdf_get_obj(h, "B"), LIST_HEAD, LIST_COLS, LIST_N, "settlements", NULL, NULL);
  hdf_destroy(&h);
  return nerr_pass(err);
}

static NEOERR *show(req *r, long long id, int *found) {
  r->template = T_DETAIL;
  r->no_cache = 1;
  *found = 0;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Settle.Detail"));
  /* Another merchant's statement looks exactly like one that does not exist. */
  if (!err && id) err = settlement_get(r->db, merchant_id_of(r), id, r->hdf, "Bill", found);
  if (!err && *found) err = settlement_vouchers(r->db, id, r->hdf, "Vouchers");
  if (!err && *found) err = settlement_terminal(r->db, id, r->hdf, "Terminal");
  return nerr_pass(err);
}

/* GET /merchant/settlements/{id}?done= → 200 statement with its vouchers; 404 unknown or another merchant's */
NEOERR *h_mch_settlement(req *r) {
  static const in_field F[] = {{"done", IN_ENUM, 0, 0, 0, "submitted"}};
  in_value v[1];
  int found = 0;
  NEOERR *err = show(r, req_arg_id(r, 0), &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  if (input_read(r, F, 1, v) == 0 && v[0].present)
    err = hdf_set_value(r->hdf, "Page.Flash", req_text(r, "Settle.Submitted"));
  hdf_remove_tree(r->hdf, "Form");
  return nerr_pass(err);
}

static const char *const V_HEAD[] = {"Settle.VoucherNo", "Settle.Product", "Settle.RedeemedAt", "Settle.RedeemedBy",
                                     "Settle.PriceFen",  "Settle.Price",   "Settle.Points",     "Settle.LineKind"};

/* GET /merchant/settlements/{id}/vouchers.csv → 200 text/csv of one statement's vouchers; 404 as above */
NEOERR *h_mch_settlement_csv(req *r) {
  HDF *h = NULL;
  int found = 0;
  long long id = req_arg_id(r, 0);
  NEOERR *err = hdf_init(&h);
  if (!err && id) err = settlement_get(r->db, merchant_id_of(r), id, h, "Bill", &found);
  if (!err && found) err = settlement_vouchers(r->db, id, h, "V");
  if (!err && found) err = settlement_terminal(r->db, id, h, "T");
  if (!err && found) err = req_label_rows(r, h, "V", "kind", "Settle.KindVoucher");
  if (!err && found) err = req_label_rows(r, h, "T", "kind", "Settle.KindTerminal");
  if (!err && found) err = req_label_rows(r, h, "T", "product", "Settle.TerminalProduct");
  char name[64];
  snprintf(name, sizeof name, "settlement-%s", hdf_get_value(h, "Bill.0.month", ""));
  if (!err && found)
    err = csv(r, hdf_get_obj(h, "V"), V_HEAD, SETTLE_VOUCHER_COLS, 8, name, hdf_get_obj(h, "T"), SETTLE_TERMINAL_COLS);
  hdf_destroy(&h);
  if (!err && !found) err = req_fail(r, 404);
  return nerr_pass(err);
}

/* POST /merchant/settlements/{id}/submit → 303 detail ?done=submitted; 404 unknown or another merchant's;
 * 409 the detail with a message (already submitted, or nothing to settle) */
NEOERR *h_mch_settlement_submit(req *r) {
  long long id = req_arg_id(r, 0);
  settle_result res = SETTLE_NOT_FOUND;
  NEOERR *err = id ? settlement_submit(r->db, merchant_id_of(r), id, &res) : STATUS_OK;
  if (err) return nerr_pass(err);
  if (res == SETTLE_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res == SETTLE_OK) {
    char to[80];
    snprintf(to, sizeof to, "/merchant/settlements/%lld?done=submitted", id);
    req_redirect(r, to);
    return STATUS_OK;
  }
  int found = 0;
  err = show(r, id, &found);
  if (!err) err = hdf_set_value(r->hdf, "Page.FlashError", "1");
  if (!err) err = hdf_set_value(r->hdf, "Page.Flash", req_text(r, "Settle.CannotSubmit"));
  r->status = 409;
  return nerr_pass(err);
}
