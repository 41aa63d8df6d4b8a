/* test_admin_roles.c: the back office's role matrix — every route of admin_app() × every role (and anonymous),
 * generated from the route table itself so a new route cannot be forgotten */
#include "harness.h"
#include "admin.h"
#include "adm_session.h"
#include "crypto.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *ROLE_NAMES[] = {"super", "ops", "moderator", "finance", "enterprise"};
#define NROLES 5
/* Routes anyone may reach (they check nothing but CSRF); every other route must name its roles. */
static const char *PUBLIC[] = {"/admin/login", "/admin/healthz"};

static const char SQL_ADMIN_ADD[] = "INSERT INTO admins (username, password_hash, role) VALUES (?, 'unusable', ?)";
static const char SQL_ADMIN_DEL[] = "DELETE FROM admins WHERE id = ?";
static const char SQL_SESS_ADD[] =
    "INSERT INTO sessions (token_hash, realm, principal_id, created_at, last_seen_at, ip) VALUES (?, 'admin', ?, NOW(), NOW(), '')";
static const char SQL_SESS_COUNT[] = "SELECT COUNT(*) FROM sessions WHERE token_hash = ?";
static const char SQL_SESS_DEL[] = "DELETE FROM sessions WHERE realm = 'admin' AND principal_id = ?";

typedef struct {
  long long id;
  char token[65];
  t_jar jar;
  char csrf[80];
} principal;
static principal g_who[NROLES];

/* A session made directly in the table (no scrypt: the matrix is about roles, not passwords), and the
 * CSRF token its pages carry. */
static void sign_in(principal *p) {
  char hash[65];
  assert_int_equal(crypto_token_hex(p->token, 32), 0);
  crypto_sha256_hex(p->token, hash);
  t_ok(db_exec(t_db(), SQL_SESS_ADD, DBA(DS(hash), DI(p->id)), NULL, NULL), "session insert");
  p->jar.s[0] = 0;
  t_jar_set(&p->jar, "admin_sid", p->token);
  t_resp r;
  t_request(admin_app(), "GET", "/admin/", &p->jar, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(t_csrf(&r, p->csrf, sizeof p->csrf));
  t_resp_free(&r);
}

/* A POST may have ended the session (sign-out): start a new one before the next request. */
static void ensure_session(principal *p) {
  char hash[65];
  long long n = 0;
  crypto_sha256_hex(p->token, hash);
  t_ok(db_query_ll(t_db(), SQL_SESS_COUNT, DBA(DS(hash)), &n, NULL), "session count");
  if (n == 0) sign_in(p);
}

static int setup(void **state) {
  for (int i = 0; i < NROLES; i++) {
    char name[64];
    snprintf(name, sizeof name, "roles_%s_%d", ROLE_NAMES[i], (int)getpid());
    t_ok(db_exec(t_db(), SQL_ADMIN_ADD, DBA(DS(name), DS(ROLE_NAMES[i])), NULL, &g_who[i].id), "admin insert");
    sign_in(&g_who[i]);
  }
  return 0;
}

static int teardown(void **state) {
  for (int i = 0; i < NROLES; i++) {
    t_ok(db_exec(t_db(), SQL_SESS_DEL, DBA(DI(g_who[i].id)), NULL, NULL), "session cleanup");
    t_ok(db_exec(t_db(), SQL_ADMIN_DEL, DBA(DI(g_who[i].id)), NULL, NULL), "admin cleanup");
  }
  return 0;
}

/* The route's pattern with its parameters filled in: ids that exist nowhere, so allowed POSTs change nothing. */
static void concrete_path(const char *pattern, char *out, size_t len) {
  size_t o = 0;
  for (const char *p = pattern; *p && o + 20 < len;) {
    if (*p == '{') {
      const char *close = strchr(p, '}');
      o += (size_t)snprintf(out + o, len - o, "%s", strncmp(p, "{id}", 4) == 0 ? "999999999" : "zz-test-0");
      p = close + 1;
    } else {
      out[o++] = *p++;
    }
  }
  out[o] = 0;
}

static int is_public(const route *rt) {
  for (size_t i = 0; i < sizeof PUBLIC / sizeof *PUBLIC; i++)
    if (strcmp(rt->pattern, PUBLIC[i]) == 0) return 1;
  return 0;
}

static void test_every_route_declares_roles(void **state) {
  const app *a = admin_app();
  assert_true(a->nroutes > 5);
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    if (is_public(rt)) continue;
    if (!rt->roles) fail_msg("%s %s has no roles list", rt->method, rt->pattern);
    /* Signed-in pages send anonymous visitors to the sign-in page rather than a bare 403. */
    if (!(rt->flags & R_MEMBER)) fail_msg("%s %s has roles but no R_MEMBER", rt->method, rt->pattern);
  }
}

static void test_matrix(void **state) {
  const app *a = admin_app();
  int checked = 0;
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    char path[600];
    concrete_path(rt->pattern, path, sizeof path);
    int post = strcmp(rt->method, "POST") == 0;
    for (int k = 0; k < NROLES; k++) {
      principal *p = &g_who[k];
      ensure_session(p);
      char body[200];
      snprintf(body, sizeof body, "csrf=%s", p->csrf);
      t_resp r;
      t_request(a, rt->method, path, &p->jar, post ? body : NULL, &r);
      int allowed = route_allows(rt, ROLE_NAMES[k]);
      if (allowed && r.status == 403)
        fail_msg("%s %s as %s: allowed by the table but got 403", rt->method, path, ROLE_NAMES[k]);
      if (!allowed && r.status != 403)
        fail_msg("%s %s as %s: not allowed but got %d", rt->method, path, ROLE_NAMES[k], r.status);
      if (r.status >= 500) fail_msg("%s %s as %s: %d", rt->method, path, ROLE_NAMES[k], r.status);
      t_resp_free(&r);
      checked++;
    }
  }
  assert_int_equal(checked, a->nroutes * NROLES);
}

static void test_anonymous(void **state) {
  const app *a = admin_app();
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    if (is_public(rt)) continue;
    char path[600];
    concrete_path(rt->pattern, path, sizeof path);
    t_jar jar = {""};
    t_resp r;
    t_request(a, rt->method, path, &jar, strcmp(rt->method, "POST") == 0 ? "csrf=x" : NULL, &r);
    if (rt->flags & R_MEMBER) {
      char loc[700];
      if (r.status != 303 || !t_header(&r, "Location", loc, sizeof loc) || strncmp(loc, "/admin/login?next=", 18) != 0)
        fail_msg("%s %s anonymous: expected 303 to /admin/login, got %d", rt->method, path, r.status);
    } else if (r.status != 403) {
      fail_msg("%s %s anonymous: expected 403, got %d", rt->method, path, r.status);
    }
    t_resp_free(&r);
  }
}

/* A member's session token is no admin session, whatever the cookie is called. */
static void test_member_session_is_not_admin(void **state) {
  static const char SQL_MEMBER_SESS[] =
      "INSERT INTO sessions (token_hash, realm, principal_id, created_at, last_seen_at, ip) VALUES (?, 'member', ?, NOW(), NOW(), '')";
  char tok[65], hash[65];
  assert_int_equal(crypto_token_hex(tok, 32), 0);
  crypto_sha256_hex(tok, hash);
  t_ok(db_exec(t_db(), SQL_MEMBER_SESS, DBA(DS(hash), DI(g_who[0].id)), NULL, NULL), "member session");
  t_jar jar = {""};
  t_jar_set(&jar, "admin_sid", tok);
  t_resp r;
  t_request(admin_app(), "GET", "/admin/", &jar, NULL, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
}

/* The navigation lists exactly the entries the role may GET. */
static void test_nav_follows_table(void **state) {
  for (int k = 0; k < NROLES; k++) {
    ensure_session(&g_who[k]);
    assert_int_equal(admin_nav_allows(admin_app(), "/admin/admins", ROLE_NAMES[k]), strcmp(ROLE_NAMES[k], "super") == 0);
    assert_int_equal(admin_nav_allows(admin_app(), "/admin/", ROLE_NAMES[k]), 1);
    assert_int_equal(admin_nav_allows(admin_app(), "/admin/no-such-page", ROLE_NAMES[k]), 0);
    t_resp r;
    t_request(admin_app(), "GET", "/admin/", &g_who[k].jar, NULL, &r);
    assert_int_equal(r.status, 200);
    const char *nav = strstr(r.body, "<nav class=\"admin-nav\"");
    assert_non_null(nav);
    const char *end = strstr(nav, "</nav>");
    for (const char *h = strstr(nav, "href=\""); h && h < end; h = strstr(h + 1, "href=\"")) {
      char href[200];
      snprintf(href, sizeof href, "%.*s", (int)strcspn(h + 6, "\""), h + 6);
      if (!admin_nav_allows(admin_app(), href, ROLE_NAMES[k])) fail_msg("%s sees %s", ROLE_NAMES[k], href);
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
