/* main.c: mall.fcgi — the storefront and member pages; the route table is the table of contents */
#include "mall.h"

static const route ROUTES[] = {
    /* method  pattern            flags              handler */
    {"GET", "/healthz", R_RAW, h_healthz, NULL},
    {"GET", "/lang", 0, h_lang, NULL},
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
