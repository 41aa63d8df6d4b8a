/* main.c: mall.fcgi — the storefront and member pages; the route table is the table of contents */
#include "mall.h"
#include "store.h"
#include "auth.h"
#include "shop.h"
#include "center.h"

static const route ROUTES[] = {
    /* method  pattern            flags              handler */
    {"GET", "/healthz", R_RAW, h_healthz, NULL},
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
    /* end shop */
    /* member center: center_*.c (center.h) */
    /* end member center */
};

static const app MALL = {
    .name = "mall",
    .routes = ROUTES,
    .nroutes = sizeof ROUTES / sizeof ROUTES[0],
    .realm = "member",
    .login_path = "/login",
    .load_user = mall_load_member,
    .on_cache_hit = mall_cache_hit,
};

const app *mall_app(void) { return &MALL; }

#ifndef MALL_NO_MAIN
int main(void) { return app_run(&MALL); }
#endif
