/* main.c: mall.fcgi — the storefront and member pages; the route table is the table of contents */
#include "mall.h"
#include "mall_store.h"
#include "mall_auth.h"
#include "mall_shop.h"
#include "mall_center.h"
#include "mall_card.h"
#include "mall_vouchers.h"
#include "mall_codes.h"
#include "mall_coupons.h"
#include "mall_cash.h"

static const route ROUTES[] = {
    /* method  pattern            flags              handler */
    {"GET", "/healthz", R_RAW, app_healthz, NULL},
    {"GET", "/lang", 0, h_lang, NULL},
    /* storefront: home.c catalog.c product.c content.c (store.h) */
    {"GET", "/", R_CACHE, h_home, NULL},
    {"GET", "/categories", R_CACHE, h_categories, NULL},
    {"GET", "/products", R_CACHE, h_products, NULL},
    {"GET", "/search", R_CACHE, h_search, NULL},
    /* cached too: views of cached pages are counted by mall_cache_hit */
    {"GET", "/product/{id}", R_CACHE, h_product, NULL},
    {"GET", "/notices", R_CACHE, h_notices, NULL},
    {"GET", "/notice/{id}", R_CACHE, h_notice, NULL},
    {"GET", "/activities", R_CACHE, h_activities, NULL},
    {"GET", "/activity/{id}", R_CACHE, h_activity, NULL},
    /* end storefront */
    /* account: auth.c (auth.h) */
    {"GET", "/register", R_FORM, h_register_form, NULL},
    {"POST", "/register", R_FORM, h_register, NULL},
    {"POST", "/register/code", R_FORM, h_register_code, NULL},
    {"GET", "/login", R_FORM, h_login_form, NULL},
    {"POST", "/login", R_FORM, h_login, NULL},
    {"POST", "/logout", R_MEMBER, h_logout, NULL},
    {"GET", "/forgot", R_FORM, h_forgot_form, NULL},
    {"POST", "/forgot", R_FORM, h_forgot, NULL},
    {"POST", "/forgot/code", R_FORM, h_forgot_code, NULL},
    {"GET", "/account", R_MEMBER, h_account, NULL},
    {"GET", "/account/password", R_MEMBER, h_password_form, NULL},
    {"POST", "/account/password", R_MEMBER, h_password, NULL},
    /* end account */
    /* shop: cart.c checkout.c orders.c (shop.h) */
    {"GET", "/cart", R_MEMBER, h_cart, NULL},
    {"POST", "/cart/add", R_MEMBER, h_cart_add, NULL},
    {"GET", "/cart/add", R_MEMBER, h_shop_back_to_cart, NULL},
    {"POST", "/cart/update", R_MEMBER, h_cart_update, NULL},
    {"POST", "/cart/remove", R_MEMBER, h_cart_remove, NULL},
    {"POST", "/cart/select", R_MEMBER, h_cart_select, NULL},
    {"POST", "/cart/favorite", R_MEMBER, h_cart_favorite, NULL},
    {"GET", "/checkout", R_MEMBER, h_checkout_form, NULL},
    {"POST", "/checkout", R_MEMBER, h_checkout, NULL},
    {"POST", "/checkout/now", R_MEMBER, h_checkout_now, NULL},
    {"GET", "/checkout/now", R_MEMBER, h_shop_back_to_cart, NULL},
    {"GET", "/orders", R_MEMBER, h_orders, NULL},
    {"GET", "/order/{no}", R_MEMBER, h_order, NULL},
    {"GET", "/order/{no}/pay", R_MEMBER, h_pay_form, NULL},
    {"POST", "/order/{no}/pay", R_MEMBER | R_IDENTITY, h_pay, NULL},
    {"POST", "/order/{no}/code", R_MEMBER, h_pay_code, NULL},
    {"GET", "/order/{no}/done", R_MEMBER, h_pay_done, NULL},
    /* points + cash: cash_pay.c, sandbox_pay.c (mall_cash.h) — C5 */
    {"POST", "/order/{no}/cash", R_MEMBER, h_pay_cash, NULL},
    {"POST", "/pay/notify/{no}", R_RAW | R_SIGNED, h_pay_notify, NULL},
    {"GET", "/sandbox-pay/cashier/{no}", R_FORM, h_sandbox_cashier, NULL},
    {"POST", "/sandbox-pay/cashier/{no}", R_FORM, h_sandbox_cashier_post, NULL},
    {"POST", "/sandbox-pay/api/{no}", R_RAW | R_SIGNED, h_sandbox_api, NULL},
    {"GET", "/order/{no}/cancel", R_MEMBER, h_order_cancel_form, NULL},
    {"POST", "/order/{no}/cancel", R_MEMBER, h_order_cancel, NULL},
    {"POST", "/order/{no}/receive", R_MEMBER, h_order_receive, NULL},
    /* end shop */
    /* member center: center_*.c (center.h) */
    {"GET", "/points", R_MEMBER, h_points, NULL},
    {"GET", "/addresses", R_MEMBER, h_addresses, NULL},
    {"POST", "/addresses", R_MEMBER, h_address_create, NULL},
    {"GET", "/addresses/new", R_MEMBER, h_address_new, NULL},
    {"POST", "/address/{id}", R_MEMBER, h_address_update, NULL},
    {"GET", "/address/{id}/edit", R_MEMBER, h_address_edit, NULL},
    {"GET", "/address/{id}/delete", R_MEMBER, h_address_delete_confirm, NULL},
    {"POST", "/address/{id}/delete", R_MEMBER, h_address_delete, NULL},
    {"POST", "/address/{id}/default", R_MEMBER, h_address_default, NULL},
    {"GET", "/favorites", R_MEMBER, h_favorites, NULL},
    {"POST", "/favorites/add", R_MEMBER, h_favorite_add, NULL},
    {"POST", "/favorites/remove", R_MEMBER, h_favorite_remove, NULL},
    {"GET", "/messages", R_MEMBER, h_messages, NULL},
    {"POST", "/messages", R_MEMBER, h_message_post, NULL},
    {"GET", "/messages/public", 0, h_messages_public, NULL},
    {"POST", "/product/{id}/ask", R_MEMBER, h_ask, NULL},
    {"GET", "/consultations", R_MEMBER, h_consultations, NULL},
    {"GET", "/review/new", R_MEMBER, h_review_new, NULL},
    {"POST", "/review", R_MEMBER, h_review, NULL},
    {"GET", "/reviews", R_MEMBER, h_reviews, NULL},
    {"GET", "/inbox", R_MEMBER, h_inbox, NULL},
    {"POST", "/inbox/read-all", R_MEMBER, h_inbox_read_all, NULL},
    {"POST", "/inbox/{id}/read", R_MEMBER, h_inbox_read, NULL},
    /* end member center */
    /* vouchers */
    {"GET", "/vouchers", R_MEMBER, h_vouchers, NULL},
    {"GET", "/voucher/{no}", R_MEMBER, h_voucher, NULL},
    {"GET", "/voucher/{no}/qr.png", R_MEMBER | R_RAW, h_voucher_qr_png, NULL},
    /* end vouchers */
    /* card: card.c (card.h) — A8 member card, payment password, offline payment receipts */
    {"GET", "/card", R_MEMBER, h_card, NULL},
    {"POST", "/card/code", R_MEMBER, h_card_code, NULL},
    {"POST", "/card/password", R_MEMBER, h_card_password, NULL},
    {"POST", "/card/password/change", R_MEMBER, h_card_password_change, NULL},
    {"GET", "/card/receipt/{no}", R_MEMBER, h_card_receipt, NULL},
    /* end card */
    /* one-item codes: codes.c (F5) — the URL a product's QR code holds */
    {"GET", "/c/{no}", 0, h_code, NULL},
    {"POST", "/c/{no}", R_MEMBER, h_code_collect, NULL},
    /* end one-item codes */
    /* coupons: coupons.c (F6) — open campaigns, claiming, the member's coupons */
    {"GET", "/coupons", R_MEMBER, h_coupons, NULL},
    {"POST", "/coupons/{id}/claim", R_MEMBER, h_coupon_claim, NULL},
    /* end coupons */
};

static const app MALL = {
    .name = "mall",
    .routes = ROUTES,
    .nroutes = sizeof ROUTES / sizeof ROUTES[0],
    .realm = "member",
    .login_path = "/login",
    .load_user = mall_load_member,
    .on_cache_hit = mall_cache_hit,
    .before_request = mall_before_request,
    .layout_values = mall_layout_values,
};

const app *mall_app(void) { return &MALL; }

#ifndef MALL_NO_MAIN
int main(void) { return app_run(&MALL); }
#endif
