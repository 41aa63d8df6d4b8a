/* test_merchant_roles.c: the merchant portal's role matrix — every route of merchant_app() × owner/staff (and
 * anonymous), generated from the route table itself so a new route cannot be forgotten */
#include "harness.h"
#include "merchant.h"
#include "crypto.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *ROLE_NAMES[] = {"owner", "staff"};
#define NROLES 2
/* Routes anyone may reach (they check nothing but CSRF); every other route must name its roles. The public
 * application form (V3) may have pages of its own under /merchant/apply. */
static const char *PUBLIC[] = {"/merchant/login", "/merchant/healthz"};
#define APPLY_PREFIX "/merchant/apply"

static const char SQL_MERCHANT_ADD[] = "INSERT INTO merchants (name) VALUES (?)";
static const char SQL_MERCHANT_DEL[] = "DELETE FROM merchants WHERE id = ?";
static const char SQL_MERCHANT_OFF[] = "UPDATE merchants SET status = 'disabled' WHERE id = ?";
static const char SQL_USER_ADD[] =
    "INSERT INTO merchant_users (merchant_id, username, password_hash, role) VALUES (?, ?, 'unusable', ?)";
static const char SQL_USER_DEL[] = "DELETE FROM merchant_users WHERE id = ?";
static const char SQL_SESS_ADD[] =
    "INSERT INTO sessions (token_hash, realm, principal_id, created_at, last_seen_at, ip) VALUES (?, 'merchant', ?, NOW(), NOW(), '')";
static const char SQL_SESS_COUNT[] = "SELECT COUNT(*) FROM sessions WHERE token_hash = ?";
static const char SQL_SESS_DEL[] = "DELETE FROM sessions WHERE realm = 'merchant' AND principal_id = ?";

typedef struct {
  long long id;
  char token[65];
  t_jar jar;
  char csrf[80];
} principal;
static principal g_who[NROLES];
static long long g_merchant;

/* A session made directly in the table (no scrypt: the matrix is about roles, not passwords). */
static void sign_in(principal *p) {
  char hash[65];
  assert_int_equal(crypto_token_hex(p->token, 32), 0);
  crypto_sha256_hex(p->token, hash);
  t_ok(db_exec(t_db(), SQL_SESS_ADD, DBA(DS(hash), DI(p->id)), NULL, NULL), "session insert");
  p->jar.s[0] = 0;
  t_jar_set(&p->jar, "merchant_sid", p->token);
  t_resp r;
  t_request(merchant_app(), "GET", "/merchant/", &p->jar, NULL, &r);
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
  char name[64];
  snprintf(name, sizeof name, "roles merchant %d", (int)getpid());
  t_ok(db_exec(t_db(), SQL_MERCHANT_ADD, DBA(DS(name)), NULL, &g_merchant), "merchant insert");
  for (int i = 0; i < NROLES; i++) {
    snprintf(name, sizeof name, "roles_%s_%d", ROLE_NAMES[i], (int)getpid());
    t_ok(db_exec(t_db(), SQL_USER_ADD, DBA(DI(g_merchant), DS(name), DS(ROLE_NAMES[i])), NULL, &g_who[i].id),
         "merchant user insert");
    sign_in(&g_who[i]);
  }
  return 0;
}

static int teardown(void **state) {
  for (int i = 0; i < NROLES; i++) {
    t_ok(db_exec(t_db(), SQL_SESS_DEL, DBA(DI(g_who[i].id)), NULL, NULL), "session cleanup");
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
  if (strncmp(rt->pattern, APPLY_PREFIX, strlen(APPLY_PREFIX)) == 0) return 1;
  for (size_t i = 0; i < sizeof PUBLIC / sizeof *PUBLIC; i++)
    if (strcmp(rt->pattern, PUBLIC[i]) == 0) return 1;
  return 0;
}

static void test_every_route_declares_roles(void **state) {
  const app *a = merchant_app();
  assert_true(a->nroutes > 5);
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    if (is_public(rt)) {
      if (rt->roles || (rt->flags & R_MEMBER)) fail_msg("%s %s is public but asks for a sign-in", rt->method, rt->pattern);
      continue;
    }
    if (!rt->roles) fail_msg("%s %s has no roles list", rt->method, rt->pattern);
    /* Signed-in pages send anonymous visitors to the sign-in page rather than a bare 403. */
    if (!(rt->flags & R_MEMBER)) fail_msg("%s %s has roles but no R_MEMBER", rt->method, rt->pattern);
  }
}

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

static void test_matrix(void **state) {
  const app *a = merchant_app();
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
  const app *a = merchant_app();
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
      if (r.status != 303 || !t_header(&r, "Location", loc, sizeof loc) || strncmp(loc, "/merchant/login?next=", 21) != 0)
        fail_msg("%s %s anonymous: expected 303 to /merchant/login, got %d", rt->method, path, r.status);
    } else if (r.status != 403) {
      fail_msg("%s %s anonymous: expected 403, got %d", rt->method, path, r.status);
    }
    t_resp_free(&r);
  }
}

/* A member's or an admin's session token is no merchant session, whatever the cookie is called. */
static void test_other_realms_are_not_merchants(void **state) {
  static const char SQL_OTHER_SESS[] =
      "INSERT INTO sessions (token_hash, realm, principal_id, created_at, last_seen_at, ip) VALUES (?, ?, ?, NOW(), NOW(), '')";
  static const char *REALMS[] = {"member", "admin"};
  for (int i = 0; i < 2; i++) {
    char tok[65], hash[65];
    assert_int_equal(crypto_token_hex(tok, 32), 0);
    crypto_sha256_hex(tok, hash);
    t_ok(db_exec(t_db(), SQL_OTHER_SESS, DBA(DS(hash), DS(REALMS[i]), DI(g_who[0].id)), NULL, NULL), "other session");
    t_jar jar = {""};
    t_jar_set(&jar, "merchant_sid", tok);
    t_resp r;
    t_request(merchant_app(), "GET", "/merchant/", &jar, NULL, &r);
    assert_int_equal(r.status, 303);
    t_resp_free(&r);
  }
}

/* The navigation shows the staff-accounts entry to owners only. */
static void test_nav_by_role(void **state) {
  for (int k = 0; k < NROLES; k++) {
    ensure_session(&g_who[k]);
    t_resp r;
    t_request(merchant_app(), "GET", "/merchant/", &g_who[k].jar, NULL, &r);
    assert_int_equal(r.status, 200);
    const char *nav = strstr(r.body, "<nav class=\"m-nav\"");
    assert_non_null(nav);
    const char *end = strstr(nav, "</nav>");
    const char *staff = strstr(nav, "href=\"/merchant/staff\"");
    int shown = staff && staff < end;
    assert_int_equal(shown, strcmp(ROLE_NAMES[k], "owner") == 0);
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
