/* mall_shop.h: cart, checkout, payment and order pages */
#ifndef MALL_MALL_SHOP_H
#define MALL_MALL_SHOP_H
#include "app.h"
#include "orders/orders.h"

/* cart.c */
NEOERR *h_cart(req *r);
NEOERR *h_cart_add(req *r);
NEOERR *h_cart_update(req *r);
NEOERR *h_cart_remove(req *r);
NEOERR *h_cart_select(req *r);
NEOERR *h_cart_favorite(req *r);
NEOERR *h_shop_back_to_cart(req *r);
/* checkout.c */
NEOERR *h_checkout_form(req *r);
NEOERR *h_checkout(req *r);
NEOERR *h_checkout_now(req *r);
NEOERR *h_pay_form(req *r);
NEOERR *h_pay_code(req *r);
NEOERR *h_pay(req *r);
NEOERR *h_pay_done(req *r);
/* orders.c */
NEOERR *h_orders(req *r);
NEOERR *h_order(req *r);
NEOERR *h_order_cancel_form(req *r);
NEOERR *h_order_cancel(req *r);
NEOERR *h_order_receive(req *r);

/* Shared by the shop pages (cart.c). */
/* Page.Flash (an error, with status) from a language key; {n} and {name} filled in when given. */
NEOERR *shop_flash(req *r, int status, const char *key, long long n, const char *name);
/* A quantity refused on the product page of product_id: the language key's text ({n} filled in) under its
 * quantity field, with status (see store_product_refusal). */
NEOERR *shop_qty_refused(req *r, long long product_id, int status, const char *key, long long n);
/* Row i of an HDF list (NULL when absent). */
HDF *shop_row(HDF *h, const char *list, int i);
/* An HDF value as a 64-bit number (0 when absent). */
long long shop_ll(HDF *h, const char *name);
/* Page.Notice from a language key. */
NEOERR *shop_notice(req *r, const char *key);
/* Body template and title (language key); pages with member data are never cached. */
NEOERR *shop_show(req *r, const char *tmpl, const char *title_key);
/* Renders the order detail page of order_no (404 when it is not this member's). */
NEOERR *shop_order_page(req *r, const char *order_no);
/* Language key explaining an order refusal (checkout.c). */
const char *shop_result_key(order_result res);
/* Shows a refusal as a flash: 409, or 404 for ORDER_NOT_FOUND; the product named when list (an HDF
 * list with product_id and name) holds it. */
NEOERR *shop_result_flash(req *r, const order_outcome *o, const char *list);
/* switch_banner.c: a payment refused by a pause or a trip (409, the activity's own text). */
NEOERR *mall_guard_flash(req *r, const order_outcome *o);

#endif
