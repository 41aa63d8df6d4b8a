/* main.c: mall.fcgi — the storefront and member pages; the route table is the table of contents */
#include "mall.h"
#include "store.h"
#include "auth.h"

static const route ROUTES[] = {
    /* method  pattern            flags              handler */
    {"GET", "/healthz", R_RAW, h_healthz, NULL},
    {"GET", "/lang", 0, h_lang, NULL},
    /* storefront: home.c catalog.c product.c content.c (store.h) */
    /* end storefront */
    /* account: auth.c (auth.h) */
    /* end account */
};

static const app MALL = {
    .name = "mall",
    .routes = ROUTES,
    .nroutes = sizeof ROUTES / sizeof ROUTES[0],
    .realm = "member",
    .login_path = "/login",
    .load_user = mall_load_member,
};

const app *mall_app(void) { return &MALL; }

#ifndef MALL_NO_MAIN
int main(void) { return app_run(&MALL); }
#endif
