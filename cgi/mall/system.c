/* system.c: language switch, and loading the signed-in member for the header (balance, cart count) */
#include "mall.h"
#include <stdio.h>
#include <string.h>

/* GET /lang?to=en|zh-CN&next=/path → remembers the choice in a cookie, 303 back to next. */
NEOERR *h_lang(req *r) {
  static const in_field F[] = {
      {"to", IN_ENUM, IN_REQUIRED, 0, 0, "en|zh-CN"},
      {"next", IN_STR, 0, 1, 1000, NULL},
  };
  in_value v[2];
  if (input_read(r, F, 2, v)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = req_set_cookie(r, "lang", v[0].s, 365 * 24 * 3600, 0);
  if (err) return nerr_pass(err);
  req_redirect(r, v[1].present ? v[1].s : "/");
  return STATUS_OK;
}

/* The cart count rides along: every cart change bumps the member's principal generation (cart.c, orders.c),
 * so the session cache and the signed-in page caches never show an old count. */
static const char SQL_MEMBER_HEADER[] = "SELECT mobile, name, points_balance, status, "
                                        "(SELECT COUNT(*) FROM cart_items c WHERE c.member_id = m.id) AS cart_lines "
                                        "FROM members m WHERE id = ?";

/* Fills User.* for the header: masked mobile (138****8000), the points balance and the cart's line count
 * (the phone tab bar's badge). */
NEOERR *mall_load_member(req *r, long long id, int *ok) {
  HDF *h = NULL;
  int rows = 0;
  *ok = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(r->db, h, "M", SQL_MEMBER_HEADER, DBA(DI(id)), &rows);
  if (!err && rows == 1 && strcmp(hdf_get_value(h, "M.0.status", ""), "active") == 0) {
    const char *m = hdf_get_value(h, "M.0.mobile", "");
    char masked[32];
    snprintf(masked, sizeof masked, "%.3s****%s", m, strlen(m) >= 4 ? m + strlen(m) - 4 : "");
    err = hdf_set_value(r->hdf, "User.Mobile", hdf_get_value(h, "M.0.mobile", ""));
    if (!err) err = hdf_set_value(r->hdf, "User.Masked", masked);
    if (!err) err = hdf_set_value(r->hdf, "User.Name", hdf_get_value(h, "M.0.name", ""));
    if (!err) err = hdf_set_value(r->hdf, "User.Points", hdf_get_value(h, "M.0.points_balance", "0"));
    if (!err) err = hdf_set_value(r->hdf, "User.CartLines", hdf_get_value(h, "M.0.cart_lines", "0"));
    if (!err) *ok = 1;
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}
