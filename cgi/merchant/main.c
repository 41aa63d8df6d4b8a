/* main.c: merchant.fcgi — the alliance merchants' portal; the route table with each route's roles */
#include "merchant.h"
#include "mch_session.h"
#include "mch_verify.h"
#include "mch_apply.h"
#include "mch_terminal.h"
#include "mch_settle.h"

static const route ROUTES[] = {
    /* method  pattern                    flags            handler           roles */
    {"GET", "/merchant/healthz", R_RAW, app_healthz, NULL},
    /* session: auth.c staff.c (sign-in, sign-out, home, staff accounts) */
    /* end session */
    /* verify + orders: verify.c orders.c (V5, V6) */
    /* end verify */
    /* apply: apply.c (V3 public application form) */
    /* end apply */
    /* terminal: terminal.c (V8 offline points payment) */
    /* end terminal */
    /* settlements: settle.c (V7, the merchant's side) */
    /* end settlements */
};

static const app MERCHANT = {
    .name = "merchant",
    .routes = ROUTES,
    .nroutes = sizeof ROUTES / sizeof ROUTES[0],
    .realm = "merchant",
    .login_path = "/merchant/login",
    .load_user = merchant_load,
};

const app *merchant_app(void) { return &MERCHANT; }

#ifndef MALL_NO_MAIN
int main(void) { return app_run(&MERCHANT); }
#endif
