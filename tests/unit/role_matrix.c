/* role_matrix.c: the role-matrix checks shared by test_admin_roles.c and test_merchant_roles.c */
#include "role_matrix.h"
#include "crypto.h"
#include <stdio.h>
#include <string.h>

static const char SQL_SESS_ADD[] = "INSERT INTO sessions (token_hash, realm, principal_id, created_at, last_seen_at, "
                                   "ip) VALUES (?, ?, ?, NOW(), NOW(), '')";
static const char SQL_SESS_COUNT[] = "SELECT COUNT(*) FROM sessions WHERE token_hash = ?";
static const char SQL_SESS_DEL[] = "DELETE FROM sessions WHERE realm = ? AND principal_id = ?";

/* A new session of realm for principal_id: its token in tok (65 bytes). */
static void new_session(const char *realm, long long principal_id, char *tok) {
  char hash[65];
  assert_int_equal(crypto_token_hex(tok, 32), 0);
  crypto_sha256_hex(tok, hash);
  t_ok(db_exec(t_db(), SQL_SESS_ADD, DBA(DS(hash), DS(realm), DI(principal_id)), NULL, NULL), "session insert");
}

void rm_sign_in(const rm_program *pg, rm_principal *p) {
  new_session(pg->realm, p->id, p->token);
  p->jar.s[0] = 0;
  t_jar_set(&p->jar, pg->cookie, p->token);
  t_resp r;
  t_request(pg->app(), "GET", pg->home, &p->jar, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(t_csrf(&r, p->csrf, sizeof p->csrf));
  t_resp_free(&r);
}

void rm_ensure_session(const rm_program *pg, rm_principal *p) {
  char hash[65];
  long long n = 0;
  crypto_sha256_hex(p->token, hash);
  t_ok(db_query_ll(t_db(), SQL_SESS_COUNT, DBA(DS(hash)), &n, NULL), "session count");
  if (n == 0) rm_sign_in(pg, p);
}

void rm_drop_sessions(const rm_program *pg, const rm_principal *p) {
  t_ok(db_exec(t_db(), SQL_SESS_DEL, DBA(DS(pg->realm), DI(p->id)), NULL, NULL), "session cleanup");
}

int rm_is_public(const rm_program *pg, const route *rt) {
  if (pg->public_prefix && strncmp(rt->pattern, pg->public_prefix, strlen(pg->public_prefix)) == 0) return 1;
  for (const char *const *p = pg->public_routes; *p; p++)
    if (strcmp(rt->pattern, *p) == 0) return 1;
  return 0;
}

void rm_concrete_path(const char *pattern, char *out, size_t len) {
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

void rm_check_routes_declare_roles(const rm_program *pg) {
  const app *a = pg->app();
  assert_true(a->nroutes > 5);
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    if (rm_is_public(pg, rt)) {
      if (rt->roles || (rt->flags & R_MEMBER))
        fail_msg("%s %s is public but asks for a sign-in", rt->method, rt->pattern);
      continue;
    }
    if (!rt->roles) fail_msg("%s %s has no roles list", rt->method, rt->pattern);
    /* Signed-in pages send anonymous visitors to the sign-in page rather than a bare 403. */
    if (!(rt->flags & R_MEMBER)) fail_msg("%s %s has roles but no R_MEMBER", rt->method, rt->pattern);
  }
}

void rm_check_matrix(const rm_program *pg, rm_principal *who, int n) {
  const app *a = pg->app();
  int checked = 0;
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    char path[600];
    rm_concrete_path(rt->pattern, path, sizeof path);
    int post = strcmp(rt->method, "POST") == 0;
    for (int k = 0; k < n; k++) {
      rm_principal *p = &who[k];
      rm_ensure_session(pg, p);
      char body[200];
      snprintf(body, sizeof body, "csrf=%s", p->csrf);
      t_resp r;
      t_request(a, rt->method, path, &p->jar, post ? body : NULL, &r);
      int allowed = route_allows(rt, p->role);
      if (allowed && r.status == 403)
        fail_msg("%s %s as %s: allowed by the table but got 403", rt->method, path, p->role);
      if (!allowed && r.status != 403)
        fail_msg("%s %s as %s: not allowed but got %d", rt->method, path, p->role, r.status);
      if (r.status >= 500) fail_msg("%s %s as %s: %d", rt->method, path, p->role, r.status);
      t_resp_free(&r);
      checked++;
    }
  }
  assert_int_equal(checked, a->nroutes * n);
}

void rm_check_anonymous(const rm_program *pg) {
  const app *a = pg->app();
  size_t nl = strlen(pg->login_next);
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    if (rm_is_public(pg, rt)) continue;
    char path[600];
    rm_concrete_path(rt->pattern, path, sizeof path);
    t_jar jar = {""};
    t_resp r;
    t_request(a, rt->method, path, &jar, strcmp(rt->method, "POST") == 0 ? "csrf=x" : NULL, &r);
    if (rt->flags & R_MEMBER) {
      char loc[700];
      if (r.status != 303 || !t_header(&r, "Location", loc, sizeof loc) || strncmp(loc, pg->login_next, nl) != 0)
        fail_msg("%s %s anonymous: expected 303 to %s…, got %d", rt->method, path, pg->login_next, r.status);
    } else if (r.status != 403) {
      fail_msg("%s %s anonymous: expected 403, got %d", rt->method, path, r.status);
    }
    t_resp_free(&r);
  }
}

void rm_check_foreign_session(const rm_program *pg, const char *realm, long long principal_id) {
  char tok[65];
  new_session(realm, principal_id, tok);
  t_jar jar = {""};
  t_jar_set(&jar, pg->cookie, tok);
  t_resp r;
  t_request(pg->app(), "GET", pg->home, &jar, NULL, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
}
