/* checkout.c: confirm order (C2, from the cart or "buy now"), pay with an SMS code (C3/C4), result page (C6) */
#include "mall_shop.h"
#include "mall_coupons.h"
#include "mall_cash.h"
#include "blocked.h"
#include "orders/addresses.h"
#include "orders/cart.h"
#include "catalog/catalog.h"
#include "orders/orders_read.h"
#include "shared/sms.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_CHECKOUT "mall/shop/checkout.cs"
#define T_PAY "mall/shop/pay.cs"
#define T_DONE "mall/shop/done.cs"
#define REMARK_MAX 100
#define ID_MAX 999999999999999999LL

const char *shop_result_key(order_result res) {
  switch (res) {
  case ORDER_OK: return "Shop.Result.Ok";
  case ORDER_NOT_FOUND: return "Shop.Result.NotFound";
  case ORDER_EMPTY: return "Shop.Result.Empty";
  case ORDER_OFF_SHELF: return "Shop.Result.OffShelf";
  case ORDER_SOLD_OUT: return "Shop.Result.SoldOut";
  case ORDER_LIMIT: return "Shop.Result.Limit";
  case ORDER_NEED_ADDRESS: return "Shop.Result.NeedAddress";
  case ORDER_INSUFFICIENT: return "Shop.Result.Insufficient";
  case ORDER_FROZEN: return "Shop.Result.Frozen";
  case ORDER_ALREADY_PAID: return "Shop.Result.AlreadyPaid";
  case ORDER_CANCELLED: return "Shop.Result.Cancelled";
  case ORDER_BAD_STATE: return "Shop.Result.BadState";
  case ORDER_VOUCHER_USED: return "Shop.Result.VoucherUsed";
  case ORDER_CASH: return "Shop.Result.Cash";
  case ORDER_PAUSED: return "Shop.Result.Paused";
  case ORDER_TRIPPED: return "Shop.Result.Tripped";
  case ORDER_DAY_CAP: return "Shop.Result.DayCap";
  case ORDER_COUPON: return "Shop.Result.Coupon";
  }
  return "Shop.Result.BadState";
}

NEOERR *shop_result_flash(req *r, const order_outcome *o, const char *list) {
  if (o->result == ORDER_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  /* The activity's own words (its trip message, or its pause and reason); a day cap of an activity names it. */
  if (o->result == ORDER_PAUSED || o->result == ORDER_TRIPPED) return nerr_pass(mall_guard_flash(r, o));
  const char *name = NULL;
  HDF *l = list ? hdf_get_obj(r->hdf, list) : NULL;
  for (HDF *c = l ? hdf_obj_child(l) : NULL; c && o->product_id; c = hdf_obj_next(c))
    if (shop_ll(c, "product_id") == o->product_id) name = hdf_get_value(c, "name", NULL);
  char key[80];
  snprintf(key, sizeof key, "%s%s", shop_result_key(o->result), name ? "Named" : "");
  if (!hdf_get_valuef(r->hdf, "Lang.%s", key)) snprintf(key, sizeof key, "%s", shop_result_key(o->result));
  return nerr_pass(shop_flash(r, 409, key, 0, name));
}

/* ---- confirm order ---- */

/* Totals, shipping need, addresses and balance for the lines already under Lines. */
static NEOERR *checkout_page(req *r, int rows) {
  long long points = 0, units = 0, cash = 0;
  int ship = 0, problems = 0, count = 0;
  NEOERR *err = shop_show(r, T_CHECKOUT, "Shop.Checkout.Title");
  for (int i = 0; !err && i < rows; i++) {
    HDF *l = shop_row(r->hdf, "Lines", i);
    points += db_hdf_ll(l, "line_points", 0);
    units += db_hdf_ll(l, "quantity", 0);
    cash += db_hdf_ll(l, "cash_price_fen", 0) * db_hdf_ll(l, "quantity", 0); /* C5: shown; the order stores it */
    if (strcmp(hdf_get_value(l, "type", ""), "physical") == 0) ship = 1;
    if (hdf_get_value(l, "problem", NULL)) problems++;
  }
  if (!err && ship) err = addresses_list(r->db, r->user_id, r->hdf, "Addresses", &count);
  /* The default address (listed first) is chosen unless the member picked another one. */
  if (!err && count && !hdf_get_value(r->hdf, "Form.Values.address_id", NULL))
    err = hdf_set_value(r->hdf, "Form.Values.address_id", hdf_get_value(r->hdf, "Addresses.0.id", ""));
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Points=%lld", points);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Units=%lld", units);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Cash=%lld", cash);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Lines=%d", rows);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Problems=%d", problems);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.After=%lld", db_hdf_ll(r->hdf, "User.Points", 0) - points);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Short=%d", points > db_hdf_ll(r->hdf, "User.Points", 0));
  if (!err) err = hdf_set_valuef(r->hdf, "Checkout.Ship=%d", ship);
  if (!err) err = hdf_set_valuef(r->hdf, "Checkout.RemarkMax=%d", REMARK_MAX);
  /* F6: the usable coupons, the best one chosen, totals after its discount (points off, or cash off the cash part). */
  if (!err) err = mall_coupons_checkout(r, points, cash);
  return nerr_pass(err);
}

static NEOERR *cart_checkout_page(req *r, int *rows) {
  NEOERR *err = cart_list(r->db, r->user_id, r->lang, 1, r->hdf, "Lines", rows);
  if (!err) err = checkout_page(r, *rows);
  return nerr_pass(err);
}

/* GET /checkout → 200 the selected cart lines with address choice and remark; 303 /cart?done=empty
 * when nothing is selected. */
NEOERR *h_checkout_form(req *r) {
  int rows = 0;
  NEOERR *err = cart_checkout_page(r, &rows);
  if (!err && !rows) req_redirect(r, "/cart?done=empty");
  return nerr_pass(err);
}

static const in_field ORDER_FIELDS[] = {
    {"address_id", IN_INT, 0, 1, ID_MAX, NULL},
    {"remark", IN_STR, 0, 0, REMARK_MAX, NULL},
};

/* Checks the address and remark inputs: 404 (*stop) for an address that is not the member's; a
 * flash for a bad remark or a missing address. Returns the number of problems. */
static NEOERR *check_order_fields(req *r, const in_value *v, int bad, int *stop, int *problems) {
  *stop = 0;
  *problems = bad;
  if (hdf_get_obj(r->hdf, "Form.Errors.address_id")) {
    *stop = 1;
    return nerr_pass(req_fail(r, 404));
  }
  NEOERR *err = STATUS_OK;
  if (v[0].present) {
    HDF *tmp = NULL;
    int found = 0;
    err = hdf_init(&tmp);
    if (!err) err = address_get(r->db, r->user_id, v[0].i, tmp, "A", &found);
    hdf_destroy(&tmp);
    if (!err && !found) {
      *stop = 1;
      return nerr_pass(req_fail(r, 404));
    }
  }
  if (!err && hdf_get_obj(r->hdf, "Form.Errors.remark"))
    err = shop_flash(r, 400, "Shop.Checkout.RemarkTooLong", REMARK_MAX, NULL);
  else if (!err && !v[0].present && hdf_get_int_value(r->hdf, "Checkout.Ship", 0)) {
    (*problems)++;
    err = shop_flash(r, 400, "Shop.Result.NeedAddress", 0, NULL);
  }
  return nerr_pass(err);
}

/* Creates the order and sends the member to its payment page. */
static NEOERR *place(req *r, const order_line *lines, int n, const in_value *v, int from_cart) {
  order_outcome o;
  memset(&o, 0, sizeof o);
  NEOERR *err = order_create_with_coupon(r->db, r->user_id, lines, n, v[0].present ? v[0].i : 0,
                                         v[1].present ? v[1].s : "", from_cart, mall_coupons_choice(r), &o);
  if (err) return nerr_pass(err);
  if (o.result != ORDER_OK) return nerr_pass(shop_result_flash(r, &o, "Lines"));
  char loc[64];
  snprintf(loc, sizeof loc, "/order/%s/pay", o.order_no);
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /checkout: address_id, remark → 303 /order/{no}/pay; 400 bad remark / no address;
 * 404 someone else's address; 409 nothing selected, sold out, limit, off the shelf. */
NEOERR *h_checkout(req *r) {
  in_value v[2];
  int rows = 0, stop = 0, problems = 0;
  int bad = input_read(r, ORDER_FIELDS, 2, v);
  NEOERR *err = cart_checkout_page(r, &rows);
  if (!err) err = check_order_fields(r, v, bad, &stop, &problems);
  if (err || stop || problems) return nerr_pass(err);
  if (!rows) return nerr_pass(shop_flash(r, 409, "Shop.Result.Empty", 0, NULL));
  order_line lines[ORDER_MAX_LINES];
  int n = 0;
  if ((err = cart_selected_lines(r->db, r->user_id, lines, ORDER_MAX_LINES, &n))) return nerr_pass(err);
  if (!n) return nerr_pass(shop_flash(r, 409, "Shop.Result.Empty", 0, NULL));
  return nerr_pass(place(r, lines, n, v, 1));
}

/* One product as the only line under Lines (the columns cart_list gives). */
static NEOERR *now_line(req *r, long long product_id, long long quantity, cart_bounds *b, int *found) {
  HDF *tmp = NULL;
  NEOERR *err = cart_product_bounds(r->db, r->user_id, product_id, b);
  *found = b->found;
  if (err || !b->found) return nerr_pass(err);
  err = hdf_init(&tmp);
  if (!err) err = catalog_product(r->db, tmp, "P", r->lang, product_id, found);
  if (!err && *found) {
    HDF *p = hdf_get_obj(tmp, "P.0");
    long long points = shop_ll(p, "points");
    err = hdf_set_valuef(r->hdf, "Lines.0.product_id=%lld", product_id);
    if (!err) err = hdf_set_value(r->hdf, "Lines.0.name", hdf_get_value(p, "name", ""));
    if (!err && hdf_get_value(p, "image", NULL))
      err = hdf_set_value(r->hdf, "Lines.0.image", hdf_get_value(p, "image", ""));
    if (!err) err = hdf_set_valuef(r->hdf, "Lines.0.points=%lld", points);
    if (!err) err = hdf_set_value(r->hdf, "Lines.0.type", b->type);
    if (!err) err = hdf_set_valuef(r->hdf, "Lines.0.quantity=%lld", quantity);
    if (!err) err = hdf_set_valuef(r->hdf, "Lines.0.max_qty=%lld", b->max);
    if (!err) err = hdf_set_valuef(r->hdf, "Lines.0.line_points=%lld", points * quantity);
    if (!err) err = hdf_set_valuef(r->hdf, "Lines.0.cash_price_fen=%lld", b->cash_fen);
  }
  hdf_destroy(&tmp);
  return nerr_pass(err);
}

/* POST /checkout/now: product_id, quantity (from the product page) → 200 confirm page; with confirm=1,
 * address_id, remark → 303 /order/{no}/pay. 400 bad quantity, 409 sold out or limit used up (the product page,
 * the error under its quantity field); 400 bad remark / no address; 404 unknown product or someone else's address;
 * 409 off the shelf. */
NEOERR *h_checkout_now(req *r) {
  static const in_field F[] = {
      {"product_id", IN_INT, IN_REQUIRED, 1, ID_MAX, NULL},
      {"quantity", IN_INT, IN_REQUIRED, 1, ORDER_MAX_QUANTITY, NULL},
      {"confirm", IN_ENUM, 0, 0, 0, "1"},
  };
  in_value v[3], o[2];
  input_read(r, F, 3, v);
  int bad = input_read(r, ORDER_FIELDS, 2, o);
  if (!v[0].present || hdf_get_obj(r->hdf, "Form.Errors.product_id")) return nerr_pass(req_fail(r, 404));
  int qty_ok = v[1].present && !hdf_get_obj(r->hdf, "Form.Errors.quantity");
  cart_bounds b;
  int found = 0;
  NEOERR *err = now_line(r, v[0].i, qty_ok ? v[1].i : 1, &b, &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  /* Nothing to confirm until the product can be had in this quantity: say why on the product page. */
  if (b.stock <= 0) return nerr_pass(shop_qty_refused(r, v[0].i, 409, "Shop.Cart.SoldOut", 0));
  if (b.max <= 0) return nerr_pass(shop_qty_refused(r, v[0].i, 409, "Shop.Cart.LimitUsed", b.limit));
  if (!qty_ok || v[1].i > b.max) return nerr_pass(shop_qty_refused(r, v[0].i, 400, "Shop.Cart.QtyRange", b.max));
  if ((err = checkout_page(r, 1))) return nerr_pass(err);
  if ((err = hdf_set_value(r->hdf, "Checkout.Now", "1"))) return nerr_pass(err);
  if (!v[2].present) {
    /* First visit from the product page: nothing to complain about yet. */
    hdf_remove_tree(r->hdf, "Form.Errors");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    return STATUS_OK;
  }
  int stop = 0, problems = 0;
  if ((err = check_order_fields(r, o, bad, &stop, &problems)) || stop || problems) return nerr_pass(err);
  order_line line = {v[0].i, v[1].i};
  return nerr_pass(place(r, &line, 1, o, 0));
}

/* ---- pay ---- */

/* Loads the member's order {no} under Order.0 and its lines under Items; *found = 0 → the 404 page. */
static NEOERR *load_order(req *r, int *found) {
  NEOERR *err = orders_read_get(r->db, r->user_id, req_arg(r, 0), r->hdf, "Order", found);
  if (!err && !*found) return nerr_pass(req_fail(r, 404));
  if (!err) err = orders_read_items(r->db, shop_ll(r->hdf, "Order.0.id"), 100, r->hdf, "Items", NULL);
  return nerr_pass(err);
}

/* The order's lines, for pages that show them (a successful payment only redirects). */
static NEOERR *load_items(req *r) {
  return nerr_pass(orders_read_items(r->db, shop_ll(r->hdf, "Order.0.id"), 100, r->hdf, "Items", NULL));
}

static int order_is(req *r, const char *status) {
  return strcmp(hdf_get_value(r->hdf, "Order.0.status", ""), status) == 0;
}

static void redirect_order(req *r, const char *suffix) {
  char loc[96];
  snprintf(loc, sizeof loc, "/order/%s%s", req_arg(r, 0), suffix);
  req_redirect(r, loc);
}

static NEOERR *pay_page(req *r) {
  long long total = shop_ll(r->hdf, "Order.0.points_total");
  long long balance = shop_ll(r->hdf, "User.Points");
  int cash_due = 0;
  NEOERR *err = shop_show(r, T_PAY, "Shop.Pay.Title");
  /* C5: no code and no pay button until the cash part is paid (the payment refuses it too; cash_pay.c). */
  if (!err) err = cash_pay_view(r, &cash_due);
  if (!err && cash_due) err = hdf_set_value(r->hdf, "Pay.Cash", "1");
  if (!err) err = hdf_set_valuef(r->hdf, "Pay.Enough=%d", balance >= total);
  if (!err) err = hdf_set_valuef(r->hdf, "Pay.After=%lld", balance - total);
  return nerr_pass(err);
}

/* The SMS reference a payment code is bound to: this order and its amount. */
static void pay_ref(req *r, char *buf, size_t len) {
  order_pay_ref(hdf_get_value(r->hdf, "Order.0.order_no", ""), shop_ll(r->hdf, "Order.0.points_total"), buf, len);
}

/* GET /order/{no}/pay → 200 payment page; 303 to the order once it is no longer pending; 404 not ours. */
NEOERR *h_pay_form(req *r) {
  int found = 0;
  NEOERR *err = load_order(r, &found);
  if (err || !found) return nerr_pass(err);
  if (!order_is(r, "pending")) {
    redirect_order(r, "");
    return STATUS_OK;
  }
  return nerr_pass(pay_page(r));
}

/* POST /order/{no}/code → 200 payment page "code sent to 138****8000"; 409 the order's cash part is unpaid (no
 * code sent); 429 within 60 s of the last code or after 10 codes today; 503 the SMS driver refused; 303 to the order
 * when not pending; 404; 403 the client IP or the member's mobile is blacklisted. */
NEOERR *h_pay_code(req *r) {
  int found = 0, blocked = 0;
  NEOERR *err = req_blacklist_guard(r, hdf_get_value(r->hdf, "User.Mobile", ""), NULL, &blocked);
  if (err || blocked) return nerr_pass(err);
  req_blacklist_event(r, BL_EVENT_SMS_CODE, hdf_get_value(r->hdf, "User.Mobile", ""), NULL);
  err = load_order(r, &found);
  if (err || !found) return nerr_pass(err);
  if (!order_is(r, "pending")) {
    redirect_order(r, "");
    return STATUS_OK;
  }
  if ((err = pay_page(r))) return nerr_pass(err);
  if (hdf_get_value(r->hdf, "Pay.Cash", NULL)) return nerr_pass(shop_flash(r, 409, "Shop.Result.Cash", 0, NULL));
  char ref[128];
  pay_ref(r, ref, sizeof ref);
  sms_send_result s;
  memset(&s, 0, sizeof s);
  if ((err = sms_code_send(r->db, hdf_get_value(r->hdf, "User.Mobile", ""), "pay", ref, &s))) return nerr_pass(err);
  switch (s.status) {
  case SMS_SEND_OK:
    if ((err = hdf_set_value(r->hdf, "Pay.Sent", "1"))) return nerr_pass(err);
    return nerr_pass(shop_notice(r, "Shop.Pay.CodeSent"));
  case SMS_SEND_COOLDOWN: return nerr_pass(shop_flash(r, 429, "Shop.Pay.CodeCooldown", s.seconds_left, NULL));
  case SMS_SEND_DAILY_CAP: return nerr_pass(shop_flash(r, 429, "Shop.Pay.CodeDailyCap", SMS_CODE_DAILY_CAP, NULL));
  default: return nerr_pass(shop_flash(r, 503, "Shop.Pay.CodeSendFailed", 0, NULL));
  }
}

static NEOERR *code_error(req *r, const sms_verify_result *v) {
  switch (v->status) {
  case SMS_VERIFY_WRONG: return nerr_pass(shop_flash(r, 400, "Shop.Pay.CodeWrong", v->tries_left, NULL));
  case SMS_VERIFY_DEAD: return nerr_pass(shop_flash(r, 400, "Shop.Pay.CodeDead", 0, NULL));
  case SMS_VERIFY_EXPIRED: return nerr_pass(shop_flash(r, 400, "Shop.Pay.CodeExpired", 0, NULL));
  case SMS_VERIFY_USED: return nerr_pass(shop_flash(r, 409, "Shop.Pay.CodeUsed", 0, NULL));
  default: return nerr_pass(shop_flash(r, 400, "Shop.Pay.CodeNone", 0, NULL));
  }
}

/* An order that can no longer be paid: its page with the reason (409). */
static NEOERR *not_payable(req *r, order_result why) {
  order_outcome o = {.result = why};
  NEOERR *err = shop_order_page(r, req_arg(r, 0));
  if (!err && r->status != 404) err = shop_result_flash(r, &o, NULL);
  return nerr_pass(err);
}

/* The payment page again, for a payment that did not go through: the order read for the page. Sets
 * *shown when it answered already (404, or the order is no longer pending). */
static NEOERR *pay_page_again(req *r, int *shown) {
  int found = 0;
  *shown = 1;
  NEOERR *err = req_user_fresh(r); /* the page shows the balance (R_IDENTITY) */
  if (!err) err = orders_read_get(r->db, r->user_id, req_arg(r, 0), r->hdf, "Order", &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  if (!order_is(r, "pending")) {
    order_result why = order_is(r, "cancelled") ? ORDER_CANCELLED : ORDER_ALREADY_PAID;
    hdf_remove_tree(r->hdf, "Order"); /* the order page reads it afresh */
    return nerr_pass(not_payable(r, why));
  }
  *shown = 0;
  if (!(err = pay_page(r))) err = load_items(r);
  return nerr_pass(err);
}

/* POST /order/{no}/pay: code → 303 /order/{no}/done; 400 code missing/malformed/wrong/expired/dead;
 * 409 code used, already paid, cancelled, cash part unpaid, sold out, not enough points, limit (with the cash part
 * paid: the order is cancelled and its cash refunded, cash_points_refused); 404 not ours; 403
 * blacklisted (a payment that goes through counts for the blacklist's per-day rules).
 * A payment that goes through reads nothing for a page, not even the member's balance (R_IDENTITY:
 * User.Mobile is all it needs): it only redirects. */
NEOERR *h_pay(req *r) {
  static const in_field F[] = {{"code", IN_DIGITS, IN_REQUIRED, SMS_CODE_DIGITS, SMS_CODE_DIGITS, NULL}};
  in_value v[1];
  int shown = 0, blocked = 0;
  NEOERR *err = req_blacklist_guard(r, hdf_get_value(r->hdf, "User.Mobile", ""), NULL, &blocked);
  if (err || blocked) return nerr_pass(err);
  if (input_read(r, F, 1, v)) {
    if ((err = pay_page_again(r, &shown)) || shown) return nerr_pass(err);
    return nerr_pass(shop_flash(r, 400, v[0].present ? "Shop.Pay.CodeFormat" : "Shop.Pay.CodeMissing", 0, NULL));
  }
  sms_verify_result c;
  order_outcome o;
  /* Code check and payment commit together: one commit per payment. */
  err = order_pay_with_code(r->db, r->user_id, hdf_get_value(r->hdf, "User.Mobile", ""), req_arg(r, 0), v[0].s,
                            req_client_ip(r), &c, &o);
  if (err) return nerr_pass(err);
  if (c.status == SMS_VERIFY_OK && o.result == ORDER_OK) {
    /* Counted after the commit, outside the payment's transaction: a redemption for the per-day rules. */
    req_blacklist_event(r, BL_EVENT_PAYMENT, hdf_get_value(r->hdf, "User.Mobile", ""), NULL);
    redirect_order(r, "/done"); /* points.c already told the session caches about the new balance */
    return STATUS_OK;
  }
  if (o.result == ORDER_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (o.result == ORDER_ALREADY_PAID || o.result == ORDER_CANCELLED) return nerr_pass(not_payable(r, o.result));
  if (c.status == SMS_VERIFY_OK && ((err = cash_points_refused(r, &o, &shown)) || shown)) return nerr_pass(err);
  /* A parallel request may have used this code to pay (or used up its tries while racing): then the
   * page says "already paid" (pay_page_again sees it), not "code used". */
  if ((err = pay_page_again(r, &shown)) || shown) return nerr_pass(err);
  /* Refused before the code was looked at: the reason, not "no code". */
  if (o.result == ORDER_CASH) return nerr_pass(shop_result_flash(r, &o, "Items"));
  if (c.status != SMS_VERIFY_OK) return nerr_pass(code_error(r, &c));
  if ((err = hdf_set_value(r->hdf, "Pay.CodeSpent", "1"))) return nerr_pass(err);
  return nerr_pass(shop_result_flash(r, &o, "Items"));
}

/* GET /order/{no}/done → 200 "paid": points paid, new balance; 303 to pay (pending) or to the order
 * (cancelled); 404 not ours. */
NEOERR *h_pay_done(req *r) {
  int found = 0;
  NEOERR *err = load_order(r, &found);
  if (err || !found) return nerr_pass(err);
  if (order_is(r, "pending")) {
    redirect_order(r, "/pay");
    return STATUS_OK;
  }
  if (order_is(r, "cancelled")) {
    redirect_order(r, "");
    return STATUS_OK;
  }
  return nerr_pass(shop_show(r, T_DONE, "Shop.Done.Title"));
}
