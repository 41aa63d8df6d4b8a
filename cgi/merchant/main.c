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
    {"GET", "/merchant/login", R_FORM, h_mch_login_form, NULL},
    {"POST", "/merchant/login", R_FORM, h_mch_login, NULL},
    {"POST", "/merchant/logout", R_MEMBER, h_mch_logout, MROLES_ALL},
    {"GET", "/merchant/", R_MEMBER, h_mch_home, MROLES_ALL},
    {"GET", "/merchant/staff", R_MEMBER, h_mch_staff, MROLES_OWNER},
    {"POST", "/merchant/staff", R_MEMBER, h_mch_staff_create, MROLES_OWNER},
    {"POST", "/merchant/staff/{id}/status", R_MEMBER, h_mch_staff_status, MROLES_OWNER},
    {"POST", "/merchant/staff/{id}/password", R_MEMBER, h_mch_staff_password, MROLES_OWNER},
    /* end session */
    /* verify + orders: verify.c orders.c (V5, V6) */
    {"GET", "/merchant/verify", R_MEMBER, h_mch_verify_form, MROLES_ALL},
    {"POST", "/merchant/verify", R_MEMBER, h_mch_verify_check, MROLES_ALL},
    {"POST", "/merchant/verify/redeem", R_MEMBER, h_mch_verify_redeem, MROLES_ALL},
    {"GET", "/merchant/verify/done", R_MEMBER, h_mch_verify_done, MROLES_ALL},
    {"GET", "/merchant/orders", R_MEMBER, h_mch_orders, MROLES_ALL},
    {"GET", "/merchant/orders.csv", R_MEMBER | R_RAW, h_mch_orders_csv, MROLES_ALL},
    /* end verify */
    /* apply: apply.c (V3 public application form) */
    {"GET", "/merchant/apply", R_FORM, h_mch_apply_form, NULL},
    {"POST", "/merchant/apply", R_FORM, h_mch_apply, NULL},
    {"GET", "/merchant/apply/done", 0, h_mch_apply_done, NULL},
    /* end apply */
    /* terminal: terminal.c (V8 offline points payment) */
    {"GET", "/merchant/terminal", R_MEMBER, h_mch_terminal, MROLES_ALL},
    {"POST", "/merchant/terminal", R_MEMBER, h_mch_terminal_start, MROLES_ALL},
    {"POST", "/merchant/terminal/pay", R_MEMBER, h_mch_terminal_pay, MROLES_ALL},
    {"GET", "/merchant/terminal/receipt/{no}", R_MEMBER, h_mch_terminal_receipt, MROLES_ALL},
    /* end terminal */
    /* settlements: settle.c (V7, the merchant's side) */
    {"GET", "/merchant/settlements", R_MEMBER, h_mch_settlements, MROLES_OWNER},
    {"GET", "/merchant/settlements.csv", R_MEMBER | R_RAW, h_mch_settlements_csv, MROLES_OWNER},
    {"GET", "/merchant/settlements/{id}", R_MEMBER, h_mch_settlement, MROLES_OWNER},
    {"GET", "/merchant/settlements/{id}/vouchers.csv", R_MEMBER | R_RAW, h_mch_settlement_csv, MROLES_OWNER},
    {"POST", "/merchant/settlements/{id}/submit", R_MEMBER, h_mch_settlement_submit, MROLES_OWNER},
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
