/* main.c: admin.fcgi — the back office; the route table is the table of contents, with each route's roles */
#include "admin.h"
#include "adm_session.h"
#include "adm_catalog.h"
#include "adm_content.h"
#include "adm_ops.h"
#include "adm_people.h"
#include "adm_reports.h"

static const route ROUTES[] = {
    /* method  pattern                 flags            handler           roles */
    {"GET", "/admin/healthz", R_RAW, app_healthz, NULL},
    /* session: auth.c dashboard.c (sign-in, sign-out, dashboard) */
    /* end session */
    /* catalog: products.c categories.c brands.c uploads (B2) */
    /* end catalog */
    /* content: content.c (B3 announcements, banners, ads, activities) */
    /* end content */
    /* moderation + orders: moderation.c orders.c (B4, B5) */
    /* end moderation + orders */
    /* members, merchants, admins, audit, SMS: members.c merchants.c admins.c audit.c sms.c (B6, B7, B1, B10) */
    /* end members */
    /* reports: reports.c (B9) */
    /* end reports */
};

static const app ADMIN = {
    .name = "admin",
    .routes = ROUTES,
    .nroutes = sizeof ROUTES / sizeof ROUTES[0],
    .realm = "admin",
    .login_path = "/admin/login",
    .load_user = admin_load,
};

const app *admin_app(void) { return &ADMIN; }

#ifndef MALL_NO_MAIN
int main(void) { return app_run(&ADMIN); }
#endif
