/* merchants.c: merchant accounts in the back office (B7) — list, detail (staff, voucher products, the terminal
 * payment settlement rule), enable / disable and the rule (audited). */
#include "adm_people.h"
#include "adm_onboarding.h"
#include "merchants/merchants_admin.h"
#include "merchants/settlements.h"
#include <stdio.h>

/* GET /admin/merchants?q=&page=|after= → 200 list; 400 bad page */
NEOERR *h_adm_merchants(req *r) {
  static const in_field F[] = {{"q", IN_STR, 0, 1, 50, NULL}};
  in_value v[1];
  long long page = 1, after = 0, total = 0;
  int rows = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = ops_show(r, "admin/people/merchants.cs", "Ops.Merchants.Title");
  if (err || input_read(r, F, 1, v)) return nerr_pass(err);
  /* Numbered pages stop at MERCHANTS_ADMIN_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= MERCHANTS_ADMIN_OFFSET_PAGES ? (page - 1) * OPS_PER_PAGE : 1LL << 60;
  err = merchants_admin_list(r->db, v[0].s, offset, after, OPS_PER_PAGE, r->hdf, "Merchants", &rows, &total);
  char next[32] = "";
  if (rows == OPS_PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Merchants.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/merchants?");
  if (!err) err = ops_base_add(&base, "q", v[0].s);
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, MERCHANTS_ADMIN_COUNT_CAP, OPS_PER_PAGE,
                         MERCHANTS_ADMIN_OFFSET_PAGES, next[0] ? next : NULL);
  string_clear(&base);
  return nerr_pass(err);
}

/* The detail page of merchant id; *found = 0 → the caller answers 404. */
static NEOERR *merchant_page(req *r, long long id, int *found) {
  long long rate = 0;
  *found = 0;
  NEOERR *err = ops_show(r, "admin/people/merchant.cs", "Ops.Merchant.Title");
  if (!err && id) err = merchants_admin_get(r->db, id, r->hdf, "Merchant", found);
  if (err || !*found) return nerr_pass(err);
  err = merchants_admin_staff(r->db, id, r->hdf, "Staff");
  if (!err) err = merchants_admin_products(r->db, id, r->hdf, "Products");
  if (!err) err = settlement_rate_get(r->db, id, &rate, NULL);
  if (!err) err = hdf_set_valuef(r->hdf, "Merchant.0.offline_fen_per_100=%lld", rate);
  if (!err && !hdf_get_value(r->hdf, "Form.Values.fen_per_100", NULL))
    err = hdf_set_valuef(r->hdf, "Form.Values.fen_per_100=%lld", rate);
  if (!err && ops_can(r, ROLES_SETTLEMENTS)) err = hdf_set_value(r->hdf, "Page.CanRate", "1");
  if (!err) err = hdf_set_valuef(r->hdf, "Page.RateMax=%d", SETTLE_RATE_MAX);
  return nerr_pass(err);
}

/* GET /admin/merchants/{id}?done= → 200 detail; 404 unknown merchant */
NEOERR *h_adm_merchant(req *r) {
  int found = 0;
  NEOERR *err = merchant_page(r, req_arg_id(r, 0), &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  return nerr_pass(ops_done(r, "enabled|disabled|rate"));
}

/* POST /admin/merchants/{id}/settle-rate: fen_per_100 (0..SETTLE_RATE_MAX, whole fen per 100 points taken at the
 * merchant's terminal) → 303 detail ?done=rate; 400 the detail with the field's message; 404 unknown merchant.
 * Super admin and finance only (the route table). */
NEOERR *h_adm_merchant_rate(req *r) {
  static const in_field F[] = {{"fen_per_100", IN_INT, IN_REQUIRED, 0, SETTLE_RATE_MAX, NULL}};
  in_value v[1];
  long long id = req_arg_id(r, 0);
  if (!id) return nerr_pass(req_fail(r, 404));
  int found = 0;
  if (input_read(r, F, 1, v)) {
    hdf_remove_tree(r->hdf, "Form.Errors.fen_per_100");
    ops_field_error(r, "fen_per_100", "Ops.Merchant.RateBad");
    NEOERR *err = merchant_page(r, id, &found);
    if (!err && !found) return nerr_pass(req_fail(r, 404));
    r->status = 400;
    return nerr_pass(err);
  }
  audit_actor who;
  admin_actor(r, &who);
  NEOERR *err = settlement_rate_set(r->db, &who, id, v[0].i, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  char to[96];
  snprintf(to, sizeof to, "/admin/merchants/%lld?done=rate#settlements", id);
  req_redirect(r, to);
  return STATUS_OK;
}

/* POST /admin/merchants/{id}/status: status=active|disabled → 303 detail ?done=enabled|disabled; 400 bad
 * status; 404 unknown merchant */
NEOERR *h_adm_merchant_status(req *r) {
  static const in_field F[] = {{"status", IN_ENUM, IN_REQUIRED, 0, 0, "active|disabled"}};
  in_value v[1];
  long long id = req_arg_id(r, 0);
  if (!id) return nerr_pass(req_fail(r, 404));
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  audit_actor who;
  admin_actor(r, &who);
  int found = 0, changed = 0;
  NEOERR *err = merchants_admin_set_status(r->db, &who, id, v[0].s, &found, &changed);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  char to[96];
  snprintf(to, sizeof to, "/admin/merchants/%lld?done=%s", id, v[0].s[0] == 'a' ? "enabled" : "disabled");
  req_redirect(r, to);
  return STATUS_OK;
}
