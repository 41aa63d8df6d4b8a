/* test_merchant_roles.c: the merchant portal's role matrix — every route of merchant_app() × owner/staff (and
 * anonymous), generated from the route table itself so a new route cannot be forgotten */
#include "role_matrix.h"
#include "merchant.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NROLES 2
/* Routes anyone may reach (they check nothing but CSRF); every other route must name its roles. The public
 * application form (V3) may have pages of its own under /merchant/apply. */
static const char *const PUBLIC[] = {"/merchant/login", "/merchant/healthz", NULL};
static const rm_program MERCHANT = {
    merchant_app, "merchant", "merchant_sid", "/merchant/", "/merchant/login?next=", PUBLIC, "/merchant/apply"};

static const char SQL_MERCHANT_ADD[] = "INSERT INTO merchants (name) VALUES (?)";
static const char SQL_MERCHANT_DEL[] = "DELETE FROM merchants WHERE id = ?";
static const char SQL_MERCHANT_OFF[] = "UPDATE merchants SET status = 'disabled' WHERE id = ?";
static const char SQL_USER_ADD[] =
    "INSERT INTO merchant_users (merchant_id, username, password_hash, role) VALUES (?, ?, 'unusable', ?)";
static const char SQL_USER_DEL[] = "DELETE FROM merchant_users WHERE id = ?";

static rm_principal g_who[NROLES] = {{.role = "owner"}, {.role = "staff"}};
static long long g_merchant;

static int setup(void **state) {
  char name[64];
  snprintf(name, sizeof name, "roles merchant %d", (int)getpid());
  t_ok(db_exec(t_db(), SQL_MERCHANT_ADD, DBA(DS(name)), NULL, &g_merchant), "merchant insert");
  for (int i = 0; i < NROLES; i++) {
    snprintf(name, sizeof name, "roles_%s_%d", g_who[i].role, (int)getpid());
    t_ok(db_exec(t_db(), SQL_USER_ADD, DBA(DI(g_merchant), DS(name), DS(g_who[i].role)), NULL, &g_who[i].id),
         "merchant user insert");
    rm_sign_in(&MERCHANT, &g_who[i]);
  }
  return 0;
}

static int teardown(void **state) {
  for (int i = 0; i < NROLES; i++) {
    rm_drop_sessions(&MERCHANT, &g_who[i]);
    t_ok(db_exec(t_db(), SQL_USER_DEL, DBA(DI(g_who[i].id)), NULL, NULL), "user cleanup");
  }
  /* Something a route wrote may still point at the merchant: then it stays, disabled. */
  NEOERR *err = db_exec(t_db(), SQL_MERCHANT_DEL, DBA(DI(g_merchant)), NULL, NULL);
  if (err) {
    nerr_ignore(&err);
    t_ok(db_exec(t_db(), SQL_MERCHANT_OFF, DBA(DI(g_merchant)), NULL, NULL), "merchant disable");
  }
  return 0;
}

static void test_every_route_declares_roles(void **state) { rm_check_routes_declare_roles(&MERCHANT); }

/* The staff-accounts pages are the owner's alone (V4). */
static void test_owner_only_pages(void **state) {
  const app *a = merchant_app();
  int seen = 0;
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    if (strncmp(rt->pattern, "/merchant/staff", 15) != 0) continue;
    seen++;
    assert_true(route_allows(rt, "owner"));
    if (route_allows(rt, "staff")) fail_msg("%s %s: staff may use it", rt->method, rt->pattern);
  }
  assert_true(seen >= 2);
}

static void test_matrix(void **state) { rm_check_matrix(&MERCHANT, g_who, NROLES); }
static void test_anonymous(void **state) { rm_check_anonymous(&MERCHANT); }

/* A member's or an admin's session token is no merchant session, whatever the cookie is called. */
static void test_other_realms_are_not_merchants(void **state) {
  rm_check_foreign_session(&MERCHANT, "member", g_who[0].id);
  rm_check_foreign_session(&MERCHANT, "admin", g_who[0].id);
}

/* The navigation shows the staff-accounts entry to owners only. */
static void test_nav_by_role(void **state) {
  for (int k = 0; k < NROLES; k++) {
    rm_ensure_session(&MERCHANT, &g_who[k]);
    t_resp r;
    t_request(merchant_app(), "GET", "/merchant/", &g_who[k].jar, NULL, &r);
    assert_int_equal(r.status, 200);
    const char *nav = strstr(r.body, "<nav class=\"m-nav\"");
    assert_non_null(nav);
    const char *end = strstr(nav, "</nav>");
    const char *staff = strstr(nav, "href=\"/merchant/staff\"");
    int shown = staff && staff < end;
    assert_int_equal(shown, strcmp(g_who[k].role, "owner") == 0);
    t_resp_free(&r);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_route_declares_roles),
      cmocka_unit_test(test_owner_only_pages),
      cmocka_unit_test(test_matrix),
      cmocka_unit_test(test_anonymous),
      cmocka_unit_test(test_other_realms_are_not_merchants),
      cmocka_unit_test(test_nav_by_role),
  };
  return cmocka_run_group_tests_name("merchant_roles", tests, setup, teardown);
}
