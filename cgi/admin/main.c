/* main.c: admin.fcgi — the back office; the route table is the table of contents, with each route's roles */
#include "admin.h"
#include <stdio.h>
#include <string.h>
#include "adm_session.h"
#include "adm_catalog.h"
#include "adm_content.h"
#include "adm_ops.h"
#include "adm_people.h"
#include "adm_reports.h"
#include "adm_onboarding.h"
#include "adm_blacklist.h"
#include "adm_guards.h"
#include "adm_monitor.h"
#include "adm_codes.h"
#include "adm_partners.h"
#include "adm_coupons.h"
#include "adm_earning.h"
#include "adm_enterprises.h"

static const route ROUTES[] = {
    /* method  pattern                 flags            handler           roles */
    {"GET", "/admin/healthz", R_RAW, app_healthz, NULL},
    /* session: auth.c dashboard.c (sign-in, sign-out, dashboard) */
    {"GET", "/admin/login", R_FORM, h_adm_login_form, NULL},
    {"POST", "/admin/login", R_FORM, h_adm_login, NULL},
    {"POST", "/admin/logout", R_MEMBER, h_adm_logout, ROLES_ALL},
    {"GET", "/admin/", R_MEMBER, h_adm_dashboard, ROLES_ALL},
    /* admins.c audit_pages.c (B1: accounts and the audit log; super admins only, the log is read-only) */
    {"GET", "/admin/admins", R_MEMBER, h_adm_admins_list, ROLES_SUPER},
    {"POST", "/admin/admins", R_MEMBER, h_adm_admins_create, ROLES_SUPER},
    {"GET", "/admin/admins/{id}", R_MEMBER, h_adm_admins_detail, ROLES_SUPER},
    {"POST", "/admin/admins/{id}/status", R_MEMBER, h_adm_admins_status, ROLES_SUPER},
    {"POST", "/admin/admins/{id}/password", R_MEMBER, h_adm_admins_password, ROLES_SUPER},
    {"GET", "/admin/audit", R_MEMBER, h_adm_audit_list, ROLES_SUPER},
    /* end session */
    /* catalog: products.c taxonomy.c (categories, brands) upload.c (B2) */
    {"GET", "/admin/products", R_MEMBER, h_adm_products, ROLES_CATALOG},
    {"GET", "/admin/products/new", R_MEMBER, h_adm_product_new, ROLES_CATALOG},
    {"POST", "/admin/products", R_MEMBER, h_adm_product_create, ROLES_CATALOG},
    {"GET", "/admin/products/{id}", R_MEMBER, h_adm_product_edit, ROLES_CATALOG},
    {"POST", "/admin/products/{id}", R_MEMBER, h_adm_product_update, ROLES_CATALOG},
    {"POST", "/admin/products/{id}/shelf", R_MEMBER, h_adm_product_shelf, ROLES_CATALOG},
    {"POST", "/admin/products/{id}/images/{id}/delete", R_MEMBER, h_adm_product_image_delete, ROLES_CATALOG},
    {"GET", "/admin/categories", R_MEMBER, h_adm_categories, ROLES_CATALOG},
    {"GET", "/admin/categories/new", R_MEMBER, h_adm_category_new, ROLES_CATALOG},
    {"POST", "/admin/categories", R_MEMBER, h_adm_category_create, ROLES_CATALOG},
    {"GET", "/admin/categories/{id}", R_MEMBER, h_adm_category_edit, ROLES_CATALOG},
    {"POST", "/admin/categories/{id}", R_MEMBER, h_adm_category_update, ROLES_CATALOG},
    {"POST", "/admin/categories/{id}/delete", R_MEMBER, h_adm_category_delete, ROLES_CATALOG},
    {"GET", "/admin/brands", R_MEMBER, h_adm_brands, ROLES_CATALOG},
    {"GET", "/admin/brands/new", R_MEMBER, h_adm_brand_new, ROLES_CATALOG},
    {"POST", "/admin/brands", R_MEMBER, h_adm_brand_create, ROLES_CATALOG},
    {"GET", "/admin/brands/{id}", R_MEMBER, h_adm_brand_edit, ROLES_CATALOG},
    {"POST", "/admin/brands/{id}", R_MEMBER, h_adm_brand_update, ROLES_CATALOG},
    {"POST", "/admin/brands/{id}/delete", R_MEMBER, h_adm_brand_delete, ROLES_CATALOG},
    {"GET", "/admin/uploads", R_MEMBER, h_adm_uploads, ROLES_CATALOG},
    {"POST", "/admin/uploads", R_MEMBER, h_adm_upload, ROLES_CATALOG},
    /* end catalog */
    /* content: content.c (B3 announcements, banners, ads, activities) */
    {"GET", "/admin/notices", R_MEMBER, h_adm_notice_list, ROLES_CONTENT},
    {"GET", "/admin/notices/new", R_MEMBER, h_adm_notice_new, ROLES_CONTENT},
    {"POST", "/admin/notices", R_MEMBER, h_adm_notice_create, ROLES_CONTENT},
    {"GET", "/admin/notices/{id}", R_MEMBER, h_adm_notice_edit, ROLES_CONTENT},
    {"POST", "/admin/notices/{id}", R_MEMBER, h_adm_notice_update, ROLES_CONTENT},
    {"POST", "/admin/notices/{id}/delete", R_MEMBER, h_adm_notice_delete, ROLES_CONTENT},
    {"GET", "/admin/banners", R_MEMBER, h_adm_banner_list, ROLES_CONTENT},
    {"GET", "/admin/banners/new", R_MEMBER, h_adm_banner_new, ROLES_CONTENT},
    {"POST", "/admin/banners", R_MEMBER, h_adm_banner_create, ROLES_CONTENT},
    {"GET", "/admin/banners/{id}", R_MEMBER, h_adm_banner_edit, ROLES_CONTENT},
    {"POST", "/admin/banners/{id}", R_MEMBER, h_adm_banner_update, ROLES_CONTENT},
    {"POST", "/admin/banners/{id}/delete", R_MEMBER, h_adm_banner_delete, ROLES_CONTENT},
    {"GET", "/admin/ads", R_MEMBER, h_adm_ad_list, ROLES_CONTENT},
    {"GET", "/admin/ads/new", R_MEMBER, h_adm_ad_new, ROLES_CONTENT},
    {"POST", "/admin/ads", R_MEMBER, h_adm_ad_create, ROLES_CONTENT},
    {"GET", "/admin/ads/{id}", R_MEMBER, h_adm_ad_edit, ROLES_CONTENT},
    {"POST", "/admin/ads/{id}", R_MEMBER, h_adm_ad_update, ROLES_CONTENT},
    {"POST", "/admin/ads/{id}/delete", R_MEMBER, h_adm_ad_delete, ROLES_CONTENT},
    {"GET", "/admin/activities", R_MEMBER, h_adm_activity_list, ROLES_CONTENT},
    {"GET", "/admin/activities/new", R_MEMBER, h_adm_activity_new, ROLES_CONTENT},
    {"POST", "/admin/activities", R_MEMBER, h_adm_activity_create, ROLES_CONTENT},
    {"GET", "/admin/activities/{id}", R_MEMBER, h_adm_activity_edit, ROLES_CONTENT},
    {"POST", "/admin/activities/{id}", R_MEMBER, h_adm_activity_update, ROLES_CONTENT},
    {"POST", "/admin/activities/{id}/delete", R_MEMBER, h_adm_activity_delete, ROLES_CONTENT},
    /* end content */
    /* campaign guards: switch.c (F4 emergency switch, F2 breakers' state) */
    {"GET", "/admin/switch", R_MEMBER, h_adm_switch, ROLES_SWITCH},
    {"POST", "/admin/switch/pause", R_MEMBER, h_adm_switch_pause, ROLES_SWITCH},
    {"POST", "/admin/switch/resume", R_MEMBER, h_adm_switch_resume, ROLES_SWITCH},
    /* end campaign guards */
    /* monitor: monitor.c monitor_alerts.c (F1 live monitoring wall; the monitor role only reads) */
    {"GET", "/admin/monitor", R_MEMBER, h_adm_monitor, ROLES_MONITOR_VIEW},
    {"GET", "/admin/monitor/wall", R_MEMBER, h_adm_monitor_wall, ROLES_MONITOR_VIEW},
    {"GET", "/admin/monitor/{id}/minutes.csv", R_MEMBER | R_RAW, h_adm_monitor_csv, ROLES_MONITOR_VIEW},
    {"GET", "/admin/monitor/{id}/settings", R_MEMBER, h_adm_monitor_settings, ROLES_MONITOR_EDIT},
    {"POST", "/admin/monitor/{id}/settings", R_MEMBER, h_adm_monitor_settings_save, ROLES_MONITOR_EDIT},
    {"POST", "/admin/monitor/alerts/{id}/ack", R_MEMBER, h_adm_monitor_ack, ROLES_MONITOR_EDIT},
    /* end monitor */
    /* one-item codes: codes.c code_boxes.c (F5 batches, generation jobs, package, mapping import, boxes) */
    {"GET", "/admin/codes", R_MEMBER, h_adm_codes, ROLES_CODES},
    {"POST", "/admin/codes", R_MEMBER, h_adm_codes_create, ROLES_CODES},
    {"GET", "/admin/codes/jobs/{id}", R_MEMBER, h_adm_codes_job, ROLES_CODES},
    {"POST", "/admin/codes/jobs/{id}/password", R_MEMBER, h_adm_codes_password, ROLES_CODES},
    {"GET", "/admin/codes/batches/{id}", R_MEMBER, h_adm_codes_batch, ROLES_CODES},
    {"GET", "/admin/codes/batches/{id}/package.zip", R_MEMBER | R_RAW, h_adm_codes_package, ROLES_CODES},
    {"POST", "/admin/codes/batches/{id}/discard", R_MEMBER, h_adm_codes_discard, ROLES_CODES},
    {"POST", "/admin/codes/batches/{id}/retry", R_MEMBER, h_adm_codes_retry, ROLES_CODES},
    {"POST", "/admin/codes/batches/{id}/import", R_MEMBER, h_adm_codes_import, ROLES_CODES},
    {"POST", "/admin/codes/batches/{id}/boxes", R_MEMBER, h_adm_codes_boxes, ROLES_CODES},
    /* end one-item codes */
    /* partner API: partners.c (I1 partners, key pairs shown once, API call log) */
    {"GET", "/admin/partners", R_MEMBER, h_adm_partners, ROLES_PARTNERS},
    {"POST", "/admin/partners", R_MEMBER, h_adm_partner_create, ROLES_PARTNERS},
    {"GET", "/admin/partners/{id}", R_MEMBER, h_adm_partner, ROLES_PARTNERS},
    {"POST", "/admin/partners/{id}/keys", R_MEMBER, h_adm_partner_key_create, ROLES_PARTNERS},
    {"POST", "/admin/partners/{id}/keys/{no}/revoke", R_MEMBER, h_adm_partner_key_revoke, ROLES_PARTNERS},
    {"POST", "/admin/partners/{id}/status", R_MEMBER, h_adm_partner_status, ROLES_PARTNERS},
    {"GET", "/admin/api-log", R_MEMBER, h_adm_api_log, ROLES_API_LOG},
    /* end partner API */
    /* earning rules: earning_rules.c (P2 consumption rules per enterprise, their versions; activity bonuses) */
    {"GET", "/admin/earning-rules", R_MEMBER, h_adm_earning_rules, ROLES_EARNING},
    {"POST", "/admin/earning-rules", R_MEMBER, h_adm_earning_rule_create, ROLES_EARNING},
    {"GET", "/admin/earning-rules/{id}", R_MEMBER, h_adm_earning_rule, ROLES_EARNING},
    {"POST", "/admin/earning-rules/{id}", R_MEMBER, h_adm_earning_rule_update, ROLES_EARNING},
    {"GET", "/admin/earning-bonuses", R_MEMBER, h_adm_earning_bonuses, ROLES_EARNING},
    {"POST", "/admin/earning-bonuses", R_MEMBER, h_adm_earning_bonus_save, ROLES_EARNING},
    /* end earning rules */
    /* coupon campaigns: coupons.c (F6 create, edit, pause and resume claims) */
    {"GET", "/admin/coupons", R_MEMBER, h_adm_coupons, ROLES_COUPONS},
    {"GET", "/admin/coupons/new", R_MEMBER, h_adm_coupon_new, ROLES_COUPONS},
    {"POST", "/admin/coupons", R_MEMBER, h_adm_coupon_create, ROLES_COUPONS},
    {"GET", "/admin/coupons/{id}", R_MEMBER, h_adm_coupon_edit, ROLES_COUPONS},
    {"POST", "/admin/coupons/{id}", R_MEMBER, h_adm_coupon_update, ROLES_COUPONS},
    {"POST", "/admin/coupons/{id}/pause", R_MEMBER, h_adm_coupon_pause, ROLES_COUPONS},
    {"POST", "/admin/coupons/{id}/resume", R_MEMBER, h_adm_coupon_resume, ROLES_COUPONS},
    /* end coupon campaigns */
    /* moderation + orders: moderation.c orders.c (B4, B5) */
    {"GET", "/admin/moderation", R_MEMBER, h_adm_mod_index, ROLES_MODERATION},
    {"GET", "/admin/moderation/messages", R_MEMBER, h_adm_mod_messages, ROLES_MODERATION},
    {"POST", "/admin/moderation/messages/{id}", R_MEMBER, h_adm_mod_message, ROLES_MODERATION},
    {"GET", "/admin/moderation/reviews", R_MEMBER, h_adm_mod_reviews, ROLES_MODERATION},
    {"POST", "/admin/moderation/reviews/{id}", R_MEMBER, h_adm_mod_review, ROLES_MODERATION},
    {"GET", "/admin/moderation/consultations", R_MEMBER, h_adm_mod_consultations, ROLES_MODERATION},
    {"POST", "/admin/moderation/consultations/{id}", R_MEMBER, h_adm_mod_answer, ROLES_MODERATION},
    {"GET", "/admin/orders", R_MEMBER, h_adm_orders, ROLES_ORDERS_VIEW},
    {"GET", "/admin/orders/{no}", R_MEMBER, h_adm_order, ROLES_ORDERS_VIEW},
    {"POST", "/admin/orders/{no}/ship", R_MEMBER, h_adm_order_ship, ROLES_ORDERS},
    {"POST", "/admin/orders/{no}/event", R_MEMBER, h_adm_order_event, ROLES_ORDERS},
    {"GET", "/admin/orders/{no}/cancel", R_MEMBER, h_adm_order_cancel_form, ROLES_ORDERS},
    {"POST", "/admin/orders/{no}/cancel", R_MEMBER, h_adm_order_cancel, ROLES_ORDERS},
    {"POST", "/admin/orders/{no}/vouchers/{no}/unlock", R_MEMBER, h_adm_order_voucher_unlock, ROLES_ORDERS},
    /* end moderation + orders */
    /* members, merchants, SMS: members.c merchants.c sms.c (B6, B7, B10) */
    {"GET", "/admin/members", R_MEMBER, h_adm_members, ROLES_MEMBERS_VIEW},
    {"GET", "/admin/members/{id}", R_MEMBER, h_adm_member, ROLES_MEMBERS_VIEW},
    {"POST", "/admin/members/{id}/grant", R_MEMBER, h_adm_member_grant, ROLES_MEMBERS_GRANT},
    {"POST", "/admin/members/{id}/deduct", R_MEMBER, h_adm_member_deduct, ROLES_MEMBERS_EDIT},
    {"POST", "/admin/members/{id}/freeze", R_MEMBER, h_adm_member_freeze, ROLES_MEMBERS_EDIT},
    {"POST", "/admin/members/{id}/unfreeze", R_MEMBER, h_adm_member_unfreeze, ROLES_MEMBERS_EDIT},
    {"POST", "/admin/members/{id}/password", R_MEMBER, h_adm_member_password, ROLES_MEMBERS_EDIT},
    {"GET", "/admin/merchants", R_MEMBER, h_adm_merchants, ROLES_MERCHANTS},
    {"GET", "/admin/merchants/{id}", R_MEMBER, h_adm_merchant, ROLES_MERCHANTS},
    {"POST", "/admin/merchants/{id}/status", R_MEMBER, h_adm_merchant_status, ROLES_MERCHANTS},
    {"POST", "/admin/merchants/{id}/settle-rate", R_MEMBER, h_adm_merchant_rate, ROLES_SETTLEMENTS},
    {"GET", "/admin/sms", R_MEMBER, h_adm_sms, ROLES_SMS},
    /* end members */
    /* enterprises: enterprises.c grants.c (B8 budgets; bulk grants from a CSV file, each admin within its scope) */
    {"GET", "/admin/enterprises", R_MEMBER, h_adm_enterprises, ROLES_ENTERPRISES},
    {"POST", "/admin/enterprises/budget", R_MEMBER, h_adm_enterprise_budget, ROLES_ENTERPRISES},
    {"GET", "/admin/grants", R_MEMBER, h_adm_grants, ROLES_GRANTS},
    {"POST", "/admin/grants", R_MEMBER, h_adm_grants_upload, ROLES_GRANTS},
    {"GET", "/admin/grants/jobs/{id}", R_MEMBER, h_adm_grants_job, ROLES_GRANTS},
    {"GET", "/admin/grants/jobs/{id}/result.csv", R_MEMBER | R_RAW, h_adm_grants_job_csv, ROLES_GRANTS},
    {"POST", "/admin/grants/jobs/{id}/resume", R_MEMBER, h_adm_grants_job_resume, ROLES_GRANTS},
    /* end enterprises */
    /* reports: reports.c (B9) */
    {"GET", "/admin/reports", R_MEMBER, h_adm_reports_points, ROLES_REPORTS},
    {"GET", "/admin/reports/points.csv", R_MEMBER | R_RAW, h_adm_reports_points_csv, ROLES_REPORTS},
    {"GET", "/admin/reports/redemptions", R_MEMBER, h_adm_reports_redemptions, ROLES_REPORTS},
    {"GET", "/admin/reports/redemptions.csv", R_MEMBER | R_RAW, h_adm_reports_redemptions_csv, ROLES_REPORTS},
    {"GET", "/admin/reports/finance", R_MEMBER, h_adm_reports_finance, ROLES_REPORTS},
    {"GET", "/admin/reports/finance.csv", R_MEMBER | R_RAW, h_adm_reports_finance_csv, ROLES_REPORTS},
    /* end reports */
    /* onboard: applications.c settlements.c (V3 merchant applications, V7 settlements) */
    {"GET", "/admin/applications", R_MEMBER, h_adm_applications, ROLES_APPLICATIONS},
    {"GET", "/admin/applications/{id}", R_MEMBER, h_adm_application, ROLES_APPLICATIONS},
    {"POST", "/admin/applications/{id}/first", R_MEMBER, h_adm_application_first, ROLES_APPLICATIONS},
    {"POST", "/admin/applications/{id}/final", R_MEMBER, h_adm_application_final, ROLES_SUPER},
    {"GET", "/admin/settlements", R_MEMBER, h_adm_settlements, ROLES_SETTLEMENTS},
    {"GET", "/admin/settlements.csv", R_MEMBER | R_RAW, h_adm_settlements_csv, ROLES_SETTLEMENTS},
    {"POST", "/admin/settlements/run", R_MEMBER, h_adm_settlements_run, ROLES_SETTLEMENTS},
    {"GET", "/admin/settlements/{id}", R_MEMBER, h_adm_settlement, ROLES_SETTLEMENTS},
    {"GET", "/admin/settlements/{id}/vouchers.csv", R_MEMBER | R_RAW, h_adm_settlement_csv, ROLES_SETTLEMENTS},
    {"POST", "/admin/settlements/{id}/review", R_MEMBER, h_adm_settlement_review, ROLES_SETTLEMENTS},
    /* end onboard */
    /* blacklist: blacklist.c (F3 entries and automatic rules) */
    {"GET", "/admin/blacklist", R_MEMBER, h_adm_blacklist, ROLES_BLACKLIST},
    {"POST", "/admin/blacklist", R_MEMBER, h_adm_blacklist_add, ROLES_BLACKLIST},
    {"GET", "/admin/blacklist/{id}/remove", R_MEMBER, h_adm_blacklist_remove_form, ROLES_BLACKLIST},
    {"POST", "/admin/blacklist/{id}/remove", R_MEMBER, h_adm_blacklist_remove, ROLES_BLACKLIST},
    {"GET", "/admin/blacklist/rules", R_MEMBER, h_adm_blacklist_rules, ROLES_BLACKLIST},
    {"POST", "/admin/blacklist/rules/{id}", R_MEMBER, h_adm_blacklist_rule, ROLES_BLACKLIST},
    /* end blacklist */
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
/* admin.fcgi --routes prints the route table (method, pattern, roles a line) for tests that walk every route. */
int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--routes") == 0) {
    for (int i = 0; i < ADMIN.nroutes; i++)
      printf("%s %s %s\n", ROUTES[i].method, ROUTES[i].pattern, ROUTES[i].roles ? ROUTES[i].roles : "-");
    return 0;
  }
  return app_run(&ADMIN);
}
#endif
