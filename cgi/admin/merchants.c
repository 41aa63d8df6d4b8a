/* merchants.c: merchant accounts in the back office (B7) — list, detail (staff, voucher products), enable /
 * disable (audited). Applications and settlements come with the merchant issue. */
#include "adm_people.h"
#include "merchants/merchants_admin.h"
#include <stdio.h>

/* GET /admin/merchants?q=&page= → 200 list; 400 bad page */
NEOERR *h_adm_merchants(req *r) {
  static const in_field F[] = {{"q", IN_STR, 0, 1, 50, NULL}};
  in_value v[1];
  long long page = 1, total = 0;
  if (!req_page(r, &page)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = ops_show(r, "admin/people/merchants.cs", "Ops.Merchants.Title");
  if (err || input_read(r, F, 1, v)) return nerr_pass(err);
  err = merchants_admin_list(r->db, v[0].s, (page - 1) * OPS_PER_PAGE, OPS_PER_PAGE, r->hdf, "Merchants", &total);
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/merchants?");
  if (!err) err = ops_base_add(&base, "q", v[0].s);
  if (!err) err = req_pager(r, base.buf, page, total, OPS_PER_PAGE);
  string_clear(&base);
  return nerr_pass(err);
}

/* GET /admin/merchants/{id}?done= → 200 detail; 404 unknown merchant */
NEOERR *h_adm_merchant(req *r) {
  long long id = req_arg_id(r, 0);
  int found = 0;
  NEOERR *err = ops_show(r, "admin/people/merchant.cs", "Ops.Merchant.Title");
  if (!err && id) err = merchants_admin_get(r->db, id, r->hdf, "Merchant", &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  err = merchants_admin_staff(r->db, id, r->hdf, "Staff");
  if (!err) err = merchants_admin_products(r->db, id, r->hdf, "Products");
  if (!err) err = ops_done(r, "enabled|disabled");
  return nerr_pass(err);
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
  catalog_changed(); /* product pages name the merchant */
  char to[96];
  snprintf(to, sizeof to, "/admin/merchants/%lld?done=%s", id, v[0].s[0] == 'a' ? "enabled" : "disabled");
  req_redirect(r, to);
  return STATUS_OK;
}
