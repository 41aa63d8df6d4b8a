/* cart.c: the cart page (C1) — add, change quantity, remove, select, move to favorites — and shop helpers */
#include "mall_shop.h"
#include "mall_store.h"
#include "orders/cart.h"
#include "catalog/favorites.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_CART "mall/shop/cart.cs"

/* ---- helpers shared by the shop pages ---- */

NEOERR *shop_flash(req *r, int status, const char *key, long long n, const char *name) {
  char num[24], msg[700];
  snprintf(num, sizeof num, "%lld", n);
  const char *marks[] = {"{n}", "{name}"}, *values[] = {num, name ? name : ""};
  req_text_fill(r, key, marks, values, 2, msg, sizeof msg);
  if (status) r->status = status;
  return nerr_pass(req_flash_text(r, msg));
}

HDF *shop_row(HDF *h, const char *list, int i) {
  char name[96];
  snprintf(name, sizeof name, "%s.%d", list, i);
  return hdf_get_obj(h, name);
}

long long shop_ll(HDF *h, const char *name) { return strtoll(hdf_get_value(h, name, "0"), NULL, 10); }

NEOERR *shop_notice(req *r, const char *key) {
  return nerr_pass(hdf_set_value(r->hdf, "Page.Notice", req_text(r, key)));
}

NEOERR *shop_show(req *r, const char *tmpl, const char *title_key) {
  r->template = tmpl;
  r->no_cache = 1;
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", req_text(r, title_key)));
}

/* ---- the cart page ---- */

/* Loads the cart and its totals (selected lines without problems). */
static NEOERR *cart_page(req *r) {
  int rows = 0;
  long long points = 0, units = 0, selected = 0, cash = 0;
  NEOERR *err = shop_show(r, T_CART, "Shop.Cart.Title");
  if (!err) err = cart_list(r->db, r->user_id, r->lang, 0, r->hdf, "Cart", &rows);
  for (int i = 0; !err && i < rows; i++) {
    HDF *l = shop_row(r->hdf, "Cart", i);
    if (!hdf_get_int_value(l, "selected", 0)) continue;
    selected++;
    if (hdf_get_value(l, "problem", NULL)) continue;
    points += db_hdf_ll(l, "line_points", 0);
    units += db_hdf_ll(l, "quantity", 0);
    cash += db_hdf_ll(l, "cash_price_fen", 0) * db_hdf_ll(l, "quantity", 0); /* C5: the cash part, shown */
  }
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Lines=%d", rows);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Cash=%lld", cash);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Selected=%lld", selected);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.AllSelected=%d", rows > 0 && selected == rows);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Points=%lld", points);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Units=%lld", units);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Short=%d", points > db_hdf_ll(r->hdf, "User.Points", 0));
  return nerr_pass(err);
}

/* The cart page with an error flash (the inputs' own messages are folded into it). */
static NEOERR *cart_error(req *r, int status, const char *key, long long n, const char *name) {
  NEOERR *err = cart_page(r);
  if (!err) err = shop_flash(r, status, key, n, name);
  return nerr_pass(err);
}

/* GET /cart?done=added|updated|removed|favorited|empty → 200 cart (or its empty state). */
NEOERR *h_cart(req *r) {
  static const in_field F[] = {{"done", IN_ENUM, 0, 0, 0, "added|updated|removed|favorited|empty"}};
  in_value v[1];
  if (input_read(r, F, 1, v)) {
    hdf_remove_tree(r->hdf, "Form");
    memset(v, 0, sizeof v);
  }
  NEOERR *err = cart_page(r);
  if (err || !v[0].present) return nerr_pass(err);
  if (strcmp(v[0].s, "empty") == 0) return nerr_pass(shop_flash(r, 0, "Shop.Cart.NothingSelected", 0, NULL));
  char key[64];
  snprintf(key, sizeof key, "Shop.Cart.Done.%s", v[0].s);
  return nerr_pass(shop_notice(r, key));
}

/* GET /cart/add, /checkout/now: where the sign-in page sends a visitor whose POST it interrupted. */
NEOERR *h_shop_back_to_cart(req *r) {
  req_redirect(r, "/cart");
  return STATUS_OK;
}

/* Why a cart line's quantity cannot be taken: sold out, limit used up, or "between 1 and max" (409 / 400), on the
 * cart page. */
static NEOERR *line_bounds_error(req *r, const cart_bounds *b, long long room) {
  if (b->stock <= 0) return nerr_pass(cart_error(r, 409, "Shop.Cart.SoldOut", 0, NULL));
  if (room <= 0 && b->limit > 0 && b->max <= 0)
    return nerr_pass(cart_error(r, 409, "Shop.Cart.LimitUsed", b->limit, NULL));
  if (room <= 0) return nerr_pass(cart_error(r, 409, "Shop.Cart.AlreadyMax", b->max, NULL));
  return nerr_pass(cart_error(r, 400, "Shop.Cart.QtyRange", room, NULL));
}

NEOERR *shop_qty_refused(req *r, long long product_id, int status, const char *key, long long n) {
  char num[24], msg[700];
  snprintf(num, sizeof num, "%lld", n);
  const char *marks[] = {"{n}"}, *values[] = {num};
  req_text_fill(r, key, marks, values, 1, msg, sizeof msg);
  return nerr_pass(store_product_refusal(r, product_id, status, msg));
}

/* Why a quantity cannot be taken: sold out, limit used up, or "between 1 and max" (409 / 400) — told on the product
 * page, where the quantity was typed. */
static NEOERR *bounds_error(req *r, long long product_id, const cart_bounds *b, long long room) {
  if (b->stock <= 0) return nerr_pass(shop_qty_refused(r, product_id, 409, "Shop.Cart.SoldOut", 0));
  if (room <= 0 && b->limit > 0 && b->max <= 0)
    return nerr_pass(shop_qty_refused(r, product_id, 409, "Shop.Cart.LimitUsed", b->limit));
  if (room <= 0) return nerr_pass(shop_qty_refused(r, product_id, 409, "Shop.Cart.AlreadyMax", b->max));
  return nerr_pass(shop_qty_refused(r, product_id, 400, "Shop.Cart.QtyRange", room));
}

/* POST /cart/add: product_id, quantity → 303 /cart?done=added; 400 bad quantity, 409 sold out, limit reached or
 * more than is left (the product page, the error under its quantity field); 404 unknown or off-shelf product;
 * 409 cart full (the cart page). */
NEOERR *h_cart_add(req *r) {
  static const in_field F[] = {
      {"product_id", IN_INT, IN_REQUIRED, 1, 999999999999999999LL, NULL},
      {"quantity", IN_INT, IN_REQUIRED, 1, ORDER_MAX_QUANTITY, NULL},
  };
  in_value v[2];
  input_read(r, F, 2, v);
  if (!v[0].present || hdf_get_obj(r->hdf, "Form.Errors.product_id")) return nerr_pass(req_fail(r, 404));
  cart_bounds b;
  NEOERR *err;
  if (!v[1].present || hdf_get_obj(r->hdf, "Form.Errors.quantity")) {
    if ((err = cart_product_bounds(r->db, r->user_id, v[0].i, &b))) return nerr_pass(err);
    if (!b.found) return nerr_pass(req_fail(r, 404));
    return nerr_pass(bounds_error(r, v[0].i, &b, b.max - b.in_cart));
  }
  cart_result res;
  if ((err = cart_add(r->db, r->user_id, v[0].i, v[1].i, &res, &b))) return nerr_pass(err);
  switch (res) {
  case CART_OK: req_redirect(r, "/cart?done=added"); return STATUS_OK;
  case CART_NO_PRODUCT: return nerr_pass(req_fail(r, 404));
  case CART_FULL: return nerr_pass(cart_error(r, 409, "Shop.Cart.Full", CART_MAX_LINES, NULL));
  case CART_CASH: return nerr_pass(cart_error(r, 409, "Shop.Result.Cash", 0, NULL));
  default: return nerr_pass(bounds_error(r, v[0].i, &b, b.max - b.in_cart));
  }
}

/* The line input of the cart forms: *product_id = 0 (and a 404 page) for someone else's or unknown. */
static NEOERR *read_line(req *r, long long *line, long long *product_id) {
  static const in_field F[] = {{"line", IN_INT, IN_REQUIRED, 1, 999999999999999999LL, NULL}};
  in_value v[1];
  *line = *product_id = 0;
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 404));
  *line = v[0].i;
  NEOERR *err = cart_line_product(r->db, r->user_id, *line, product_id);
  if (!err && !*product_id) err = req_fail(r, 404);
  return nerr_pass(err);
}

/* POST /cart/update: line, quantity, step (-1|1, the −/+ buttons) → 303 /cart?done=updated;
 * 400 quantity outside 1..max; 404 someone else's line; 409 sold out / limit used up. */
NEOERR *h_cart_update(req *r) {
  static const in_field F[] = {
      {"quantity", IN_INT, IN_REQUIRED, -999999999999LL, 999999999999LL, NULL},
      {"step", IN_ENUM, 0, 0, 0, "-1|1"},
  };
  in_value v[2];
  long long line, product;
  NEOERR *err = read_line(r, &line, &product);
  if (err || !product) return nerr_pass(err);
  int bad = input_read(r, F, 2, v);
  cart_bounds b;
  if ((err = cart_product_bounds(r->db, r->user_id, product, &b))) return nerr_pass(err);
  if (!b.found) return nerr_pass(cart_error(r, 409, "Shop.Cart.OffShelf", 0, NULL));
  long long q = bad ? 0 : v[0].i + (v[1].present ? (v[1].s[0] == '-' ? -1 : 1) : 0);
  if (bad || q < 1 || q > b.max) return nerr_pass(line_bounds_error(r, &b, b.max));
  if ((err = cart_set_quantity(r->db, r->user_id, line, q))) return nerr_pass(err);
  req_redirect(r, "/cart?done=updated");
  return STATUS_OK;
}

/* POST /cart/remove: line → 303 /cart?done=removed; 404 someone else's line. */
NEOERR *h_cart_remove(req *r) {
  long long line, product;
  NEOERR *err = read_line(r, &line, &product);
  if (err || !product) return nerr_pass(err);
  if ((err = cart_remove(r->db, r->user_id, line))) return nerr_pass(err);
  req_redirect(r, "/cart?done=removed");
  return STATUS_OK;
}

/* POST /cart/select: selected (0|1), line (absent = every line) → 303 /cart; 400 bad flag;
 * 404 someone else's line. */
NEOERR *h_cart_select(req *r) {
  static const in_field F[] = {
      {"selected", IN_ENUM, IN_REQUIRED, 0, 0, "0|1"},
      {"line", IN_INT, 0, 1, 999999999999999999LL, NULL},
  };
  in_value v[2];
  if (input_read(r, F, 2, v)) {
    if (hdf_get_obj(r->hdf, "Form.Errors.line")) return nerr_pass(req_fail(r, 404));
    return nerr_pass(cart_error(r, 400, "Shop.Cart.BadRequest", 0, NULL));
  }
  NEOERR *err;
  if (v[1].present) {
    long long product = 0;
    if ((err = cart_line_product(r->db, r->user_id, v[1].i, &product))) return nerr_pass(err);
    if (!product) return nerr_pass(req_fail(r, 404));
  }
  if ((err = cart_select(r->db, r->user_id, v[1].present ? v[1].i : 0, v[0].s[0] == '1'))) return nerr_pass(err);
  req_redirect(r, "/cart");
  return STATUS_OK;
}

/* POST /cart/favorite: line → product saved to favorites, line removed, 303 /cart?done=favorited;
 * 404 someone else's line; 409 product off the shelf (cannot be a favorite; the line stays). */
NEOERR *h_cart_favorite(req *r) {
  long long line, product;
  NEOERR *err = read_line(r, &line, &product);
  if (err || !product) return nerr_pass(err);
  int ok = 0;
  if ((err = favorites_add(r->db, r->user_id, product, &ok))) return nerr_pass(err);
  if (!ok) return nerr_pass(cart_error(r, 409, "Shop.Cart.OffShelf", 0, NULL));
  if ((err = cart_remove(r->db, r->user_id, line))) return nerr_pass(err);
  req_redirect(r, "/cart?done=favorited");
  return STATUS_OK;
}
