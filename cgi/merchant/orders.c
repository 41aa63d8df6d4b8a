/* orders.c: the merchant's voucher orders (V6) — vouchers with status, who redeemed them and when,
 * filters, pagination, CSV export */
#include "mch_verify.h"
#include "shared/csv.h"
#include "merchants/merchant_orders.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_ORDERS "merchant/orders/list.cs"
#define PER_PAGE 20
#define CSV_MAX 20000

static const in_field F_FILTER[] = {
    {"status", IN_ENUM, 0, 0, 0, "issued|redeemed|voided|expired"},
    {"by", IN_ENUM, 0, 0, 0, "issued|redeemed"},
    {"from", IN_DATE, 0, 0, 0, NULL},
    {"to", IN_DATE, 0, 0, 0, NULL},
    {"no", IN_STR, 0, 1, 32, NULL},
    {"page", IN_INT, 0, 1, 100000, NULL},
    {"after", IN_INT, 0, 1, 9000000000000000000LL, NULL},
    {"at", IN_INT, 0, 0, 99991231235959LL, NULL}, /* the cursor voucher's time key (its row's created_key/redeemed_key) */
};
enum { NF = sizeof F_FILTER / sizeof F_FILTER[0] };

typedef struct {
  merchant_voucher_filter f;
  char no[33];
  long long page, after, at;
} ofilter;

/* 1 for a real calendar date written YYYY-MM-DD. */
static int date_ok(const char *s) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return 0;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return 0;
  return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* Reads the filters; a bad one is shown by its field (status 400) and ignored. Returns 0 when all valid. */
static int read_filter(req *r, ofilter *o) {
  in_value v[NF];
  memset(o, 0, sizeof *o);
  int bad = input_read(r, F_FILTER, NF, v);
  o->f.status = v[0].present && !hdf_get_obj(r->hdf, "Form.Errors.status") ? v[0].s : "";
  o->f.by = v[1].present && !hdf_get_obj(r->hdf, "Form.Errors.by") ? v[1].s : "issued";
  o->f.from = v[2].present && date_ok(v[2].s) ? v[2].s : "";
  o->f.to = v[3].present && date_ok(v[3].s) ? v[3].s : "";
  if (v[2].present && !*o->f.from && !hdf_get_obj(r->hdf, "Form.Errors.from")) {
    req_form_error(r, "from", "MchPortal.Orders.BadDate");
    bad++;
  }
  if (v[3].present && !*o->f.to && !hdf_get_obj(r->hdf, "Form.Errors.to")) {
    req_form_error(r, "to", "MchPortal.Orders.BadDate");
    bad++;
  }
  size_t k = 0;
  const char *c = v[4].present && !hdf_get_obj(r->hdf, "Form.Errors.no") ? v[4].s : "";
  while (isspace((unsigned char)*c)) c++;
  for (; *c && !isspace((unsigned char)*c) && k < sizeof o->no - 1; c++) o->no[k++] = (char)toupper((unsigned char)*c);
  o->no[k] = 0;
  o->f.no = o->no;
  o->page = v[5].present && !hdf_get_obj(r->hdf, "Form.Errors.page") ? v[5].i : 1;
  o->after = v[6].present && !hdf_get_obj(r->hdf, "Form.Errors.after") ? v[6].i : 0;
  o->at = v[7].present && !hdf_get_obj(r->hdf, "Form.Errors.at") ? v[7].i : -1;
  return bad;
}

/* "name=value&" with the value URL-escaped, for the pager and CSV links. */
static NEOERR *add_param(STRING *s, const char *name, const char *value) {
  if (!value || !*value) return STATUS_OK;
  char *esc = NULL;
  NEOERR *err = cgi_url_escape(value, &esc);
  if (!err) err = string_appendf(s, "%s=%s&", name, esc);
  free(esc);
  return nerr_pass(err);
}

static NEOERR *filter_query(const ofilter *o, STRING *s) {
  NEOERR *err = add_param(s, "status", o->f.status);
  if (!err && strcmp(o->f.by, "issued") != 0) err = add_param(s, "by", o->f.by);
  if (!err) err = add_param(s, "from", o->f.from);
  if (!err) err = add_param(s, "to", o->f.to);
  if (!err) err = add_param(s, "no", o->f.no);
  return nerr_pass(err);
}

/* GET /merchant/orders?status=&by=issued|redeemed&from=&to=&no=&page=|after=&at= → 200 the list (400 with the bad
 * filter marked; the rest still applies). */
NEOERR *h_mch_orders(req *r) {
  ofilter o;
  int bad = read_filter(r, &o), rows = 0;
  long long total = 0;
  r->template = T_ORDERS;
  r->no_cache = 1;
  if (bad) r->status = 400;
  STRING q;
  string_init(&q);
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "MchPortal.Orders.Title"));
  /* Numbered pages stop at MERCHANT_VOUCHERS_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = o.page <= MERCHANT_VOUCHERS_OFFSET_PAGES ? (o.page - 1) * PER_PAGE : 1LL << 60;
  if (!err)
    err = merchant_vouchers(r->db, merchant_id_of(r), &o.f, offset, o.after, o.at, PER_PAGE, r->hdf, "Vouchers",
                            &rows, &total);
  /* The next link names the last voucher and its time in this order, so the place stays put if it is redeemed. */
  char next[64] = "";
  if (!err && rows == PER_PAGE) {
    char key[48];
    snprintf(key, sizeof key, "Vouchers.%d", rows - 1);
    HDF *last = hdf_get_obj(r->hdf, key);
    snprintf(next, sizeof next, "%lld&at=%s", db_hdf_ll(last, "id", 0),
             hdf_get_value(last, strcmp(o.f.by, "redeemed") == 0 ? "redeemed_key" : "created_key", "0"));
  }
  if (!err) err = filter_query(&o, &q);
  if (!err) err = hdf_set_valuef(r->hdf, "Filter.Csv=/merchant/orders.csv?%s", q.buf ? q.buf : "");
  if (!err) err = hdf_set_valuef(r->hdf, "Filter.Base=/merchant/orders?%s", q.buf ? q.buf : "");
  if (!err)
    err = req_pager_seek(r, hdf_get_value(r->hdf, "Filter.Base", "/merchant/orders?"), o.after ? 0 : o.page, total,
                         MERCHANT_VOUCHERS_COUNT_CAP, PER_PAGE, MERCHANT_VOUCHERS_OFFSET_PAGES, next[0] ? next : NULL);
  if (!err) err = hdf_set_value(r->hdf, "Filter.status", o.f.status);
  if (!err) err = hdf_set_value(r->hdf, "Filter.by", o.f.by);
  if (!err) err = hdf_set_value(r->hdf, "Filter.from", o.f.from);
  if (!err) err = hdf_set_value(r->hdf, "Filter.to", o.f.to);
  if (!err) err = hdf_set_value(r->hdf, "Filter.no", o.f.no);
  /* "1000+" past the cap (Pager.TotalText) */
  if (!err && total > MERCHANT_VOUCHERS_COUNT_CAP)
    err = hdf_set_valuef(r->hdf, "Filter.Total=%d+", MERCHANT_VOUCHERS_COUNT_CAP);
  else if (!err) err = hdf_set_valuef(r->hdf, "Filter.Total=%lld", total);
  string_clear(&q);
  return nerr_pass(err);
}

/* GET /merchant/orders.csv?(same filters) → 200 text/csv attachment (UTF-8 BOM, formula-safe cells) of
 * at most CSV_MAX rows; bad filters → the list page with the message (400). */
NEOERR *h_mch_orders_csv(req *r) {
  static const char *const HEAD[] = {"No",        "Product", "Member",   "Status",     "Points",     "SettleYuan",
                                     "ValidFrom", "ValidTo", "IssuedAt", "RedeemedAt", "RedeemedBy", "OrderNo"};
  static const char *const COLS[] = {"no",         "product",     "member_masked", "status",
                                     "points",     "settle_yuan", "valid_from",    "valid_to",
                                     "created_at", "redeemed_at", "redeemed_by",   "order_no"};
  ofilter o;
  if (read_filter(r, &o)) {
    /* Not a download then: the page (the core renders r->template) explains which filter is wrong. */
    return nerr_pass(h_mch_orders(r));
  }
  HDF *h = NULL;
  int rows = 0;
  STRING s;
  string_init(&s);
  NEOERR *err = hdf_init(&h);
  if (!err) err = merchant_vouchers_all(r->db, merchant_id_of(r), &o.f, CSV_MAX, h, "V", &rows);
  if (!err) err = string_append(&s, CSV_BOM);
  for (int i = 0; i < 12 && !err; i++) {
    char key[64];
    snprintf(key, sizeof key, "MchPortal.Csv.%s", HEAD[i]);
    err = csv_text(&s, req_text(r, key), i == 0);
  }
  if (!err) err = string_append(&s, "\r\n");
  int en = strcmp(r->lang, "en") == 0;
  for (int n = 0; n < rows && !err; n++) {
    for (int i = 0; i < 12 && !err; i++) {
      const char *col = COLS[i];
      if (i == 1 && en && *(hdf_get_valuef(h, "V.%d.product_en", n) ?: "")) col = "product_en";
      const char *val = hdf_get_valuef(h, "V.%d.%s", n, col) ?: "";
      if (i == 3) {
        char key[64];
        snprintf(key, sizeof key, "MchPortal.Status.%s", val);
        val = req_text(r, key);
      }
      err = csv_text(&s, val, i == 0);
    }
    if (!err) err = string_append(&s, "\r\n");
  }
  if (!err) {
    r->content_type = "text/csv; charset=utf-8";
    err = string_append(&r->headers, "Content-Disposition: attachment; filename=\"vouchers.csv\"\r\n");
  }
  if (!err) err = string_append(&r->body, s.buf ? s.buf : "");
  string_clear(&s);
  hdf_destroy(&h);
  return nerr_pass(err);
}
