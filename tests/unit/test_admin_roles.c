/* test_admin_roles.c: the back office's role matrix — every route of admin_app() × every role (and anonymous),
 * generated from the route table itself so a new route cannot be forgotten */
#include "role_matrix.h"
#include "admin.h"
#include "adm_session.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NROLES 6
/* Routes anyone may reach (they check nothing but CSRF); every other route must name its roles. */
static const char *const PUBLIC[] = {"/admin/login", "/admin/healthz", NULL};
static const rm_program ADMIN = {admin_app, "admin", "admin_sid", "/admin/", "/admin/login?next=", PUBLIC, NULL};

/* An enterprise admin is bound to an enterprise (B8): the matrix's one to a test enterprise of its own. */
static const char SQL_ADMIN_ADD[] = "INSERT INTO admins (username, password_hash, role, enterprise) VALUES (?, 'unusable', ?,"
                                    " IF(? = 'enterprise', 'roles-test', NULL))";
static const char SQL_ENTERPRISE_ADD[] = "INSERT IGNORE INTO enterprises (code, name) VALUES ('roles-test', 'roles test')";
static const char SQL_ADMIN_DEL[] = "DELETE FROM admins WHERE id = ?";

static rm_principal g_who[NROLES] = {
    {.role = "super"}, {.role = "ops"}, {.role = "moderator"}, {.role = "finance"}, {.role = "enterprise"},
    {.role = "monitor"}};

static int setup(void **state) {
  t_ok(db_exec(t_db(), SQL_ENTERPRISE_ADD, DB_NOARGS, NULL, NULL), "enterprise insert");
  for (int i = 0; i < NROLES; i++) {
    char name[64];
    snprintf(name, sizeof name, "roles_%s_%d", g_who[i].role, (int)getpid());
    t_ok(db_exec(t_db(), SQL_ADMIN_ADD, DBA(DS(name), DS(g_who[i].role), DS(g_who[i].role)), NULL, &g_who[i].id), "admin insert");
    rm_sign_in(&ADMIN, &g_who[i]);
  }
  return 0;
}

static int teardown(void **state) {
  for (int i = 0; i < NROLES; i++) {
    rm_drop_sessions(&ADMIN, &g_who[i]);
    t_ok(db_exec(t_db(), SQL_ADMIN_DEL, DBA(DI(g_who[i].id)), NULL, NULL), "admin cleanup");
  }
  return 0;
}

static void test_every_route_declares_roles(void **state) { rm_check_routes_declare_roles(&ADMIN); }
static void test_matrix(void **state) { rm_check_matrix(&ADMIN, g_who, NROLES); }
static void test_anonymous(void **state) { rm_check_anonymous(&ADMIN); }

/* A member's session token is no admin session, whatever the cookie is called. */
static void test_member_session_is_not_admin(void **state) { rm_check_foreign_session(&ADMIN, "member", g_who[0].id); }

/* The navigation lists exactly the entries the role may GET. */
static void test_nav_follows_table(void **state) {
  for (int k = 0; k < NROLES; k++) {
    rm_ensure_session(&ADMIN, &g_who[k]);
    assert_int_equal(admin_nav_allows(admin_app(), "/admin/admins", g_who[k].role),
                     strcmp(g_who[k].role, "super") == 0);
    assert_int_equal(admin_nav_allows(admin_app(), "/admin/", g_who[k].role), 1);
    assert_int_equal(admin_nav_allows(admin_app(), "/admin/no-such-page", g_who[k].role), 0);
    t_resp r;
    t_request(admin_app(), "GET", "/admin/", &g_who[k].jar, NULL, &r);
    assert_int_equal(r.status, 200);
    const char *nav = strstr(r.body, "<nav class=\"admin-nav\"");
    assert_non_null(nav);
    const char *end = strstr(nav, "</nav>");
    for (const char *h = strstr(nav, "href=\""); h && h < end; h = strstr(h + 1, "href=\"")) {
      char href[200];
      snprintf(href, sizeof href, "%.*s", (int)strcspn(h + 6, "\""), h + 6);
      if (!admin_nav_allows(admin_app(), href, g_who[k].role)) fail_msg("%s sees %s", g_who[k].role, href);
    }
    t_resp_free(&r);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_route_declares_roles),
      cmocka_unit_test(test_matrix),
      cmocka_unit_test(test_anonymous),
      cmocka_unit_test(test_member_session_is_not_admin),
      cmocka_unit_test(test_nav_follows_table),
  };
  return cmocka_run_group_tests_name("admin_roles", tests, setup, teardown);
}
