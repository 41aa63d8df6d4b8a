/* test_session.c: sessions and CSRF — token rotation at login, idle/absolute expiry, logout, frozen principals */
#include "config.h"
#include "generations.h"
#include "harness.h"
#include "web_session.h"
#include "testapp.h"
#include <stdio.h>
#include <string.h>

static const char SQL_COUNT_HASH[] = "SELECT COUNT(*) FROM sessions WHERE token_hash = SHA2(?, 256)";
static const char SQL_COUNT_RAW[] = "SELECT COUNT(*) FROM sessions WHERE token_hash = ?";
static const char SQL_IDLE[] =
    "UPDATE sessions SET last_seen_at = NOW() - INTERVAL ? SECOND WHERE token_hash = SHA2(?, 256)";
static const char SQL_AGE[] =
    "UPDATE sessions SET created_at = NOW() - INTERVAL ? SECOND, last_seen_at = NOW() WHERE token_hash = SHA2(?, 256)";
static const char SQL_IDLE_NOW[] =
    "SELECT TIMESTAMPDIFF(SECOND, last_seen_at, NOW()) FROM sessions WHERE token_hash = SHA2(?, 256)";
static const char SQL_COUNT_PRINCIPAL[] = "SELECT COUNT(*) FROM sessions WHERE realm = 'member' AND principal_id = ?";

static void call(const char *method, const char *uri, t_jar *jar, const char *body, t_resp *r) {
  t_request(test_app(), method, uri, jar, body, r);
}

static long long q_ll(const char *sql, const dbp *p, int n) {
  long long v = -1;
  t_ok(db_query_ll(t_db(), sql, p, n, &v, NULL), "query");
  return v;
}

/* Signs in as id through the emulated login form; returns the page's CSRF token for the new session. */
static void sign_in(t_jar *jar, long long id, char *csrf, size_t len) {
  t_resp r;
  char tok[80], body[200];
  call("GET", "/t/form", jar, NULL, &r);
  assert_int_equal(r.status, 200);
  if (!t_csrf(&r, tok, sizeof tok)) fail_msg("no csrf token on form page");
  t_resp_free(&r);
  snprintf(body, sizeof body, "id=%lld&csrf=%s", id, tok);
  call("POST", "/t/login", jar, body, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
  call("GET", "/t/private", jar, NULL, &r);
  assert_int_equal(r.status, 200);
  char want[64];
  snprintf(want, sizeof want, "member:%lld<", id);
  assert_non_null(strstr(r.body, want));
  if (csrf) assert_non_null(t_csrf(&r, csrf, len));
  t_resp_free(&r);
}

static int whoami_is(t_jar *jar, const char *who) {
  t_resp r;
  char want[64];
  call("GET", "/t/whoami", jar, NULL, &r);
  assert_int_equal(r.status, 200);
  snprintf(want, sizeof want, ">%s<", who);
  int ok = strstr(r.body, want) != NULL;
  t_resp_free(&r);
  return ok;
}

static void test_login_rotates_tokens(void **state) {
  t_jar jar = {""};
  t_resp r;
  char anon_tok[80], body[200], sid1[80], sid2[80], csrf1[80], csrf2[80], hdr[512];
  call("GET", "/t/form", &jar, NULL, &r);
  assert_non_null(t_csrf(&r, anon_tok, sizeof anon_tok));
  t_resp_free(&r);
  /* Login with the anonymous token sets an HttpOnly, SameSite session cookie. */
  snprintf(body, sizeof body, "id=7&csrf=%s", anon_tok);
  call("POST", "/t/login", &jar, body, &r);
  assert_int_equal(r.status, 303);
  assert_non_null(t_header(&r, "Set-Cookie", hdr, sizeof hdr));
  assert_non_null(strstr(r.head, "member_sid="));
  const char *sc = strstr(r.head, "Set-Cookie: member_sid=");
  assert_non_null(sc);
  char line[512];
  snprintf(line, sizeof line, "%.*s", (int)strcspn(sc, "\r\n"), sc);
  assert_non_null(strstr(line, "HttpOnly"));
  assert_non_null(strstr(line, "SameSite=Lax"));
  assert_null(strstr(line, "Max-Age")); /* a browser-session cookie */
  t_resp_free(&r);
  assert_non_null(t_jar_get(&jar, "member_sid", sid1, sizeof sid1));
  assert_int_equal(strlen(sid1), 64);
  /* Only the token's hash is stored. */
  assert_int_equal(q_ll(SQL_COUNT_HASH, DBA(DS(sid1))), 1);
  assert_int_equal(q_ll(SQL_COUNT_RAW, DBA(DS(sid1))), 0);
  /* Signed in: the header shows the principal and the page carries a new CSRF token. */
  call("GET", "/t/private", &jar, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.body, "member:7<"));
  assert_non_null(strstr(r.body, "principal-7"));
  assert_non_null(t_csrf(&r, csrf1, sizeof csrf1));
  assert_string_not_equal(csrf1, anon_tok);
  t_resp_free(&r);
  /* The pre-login token is dead for the signed-in visitor. */
  snprintf(body, sizeof body, "csrf=%s", anon_tok);
  call("POST", "/t/form", &jar, body, &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  snprintf(body, sizeof body, "csrf=%s", csrf1);
  call("POST", "/t/form", &jar, body, &r);
  assert_int_equal(r.status, 200);
  t_resp_free(&r);
  /* Signing in again (e.g. another account) issues a new session token and kills the old one. */
  snprintf(body, sizeof body, "id=8&csrf=%s", csrf1);
  call("POST", "/t/login", &jar, body, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
  assert_non_null(t_jar_get(&jar, "member_sid", sid2, sizeof sid2));
  assert_string_not_equal(sid1, sid2);
  assert_int_equal(q_ll(SQL_COUNT_HASH, DBA(DS(sid1))), 0);
  assert_true(whoami_is(&jar, "user:8"));
  t_jar old = {""};
  t_jar_set(&old, "member_sid", sid1);
  assert_true(whoami_is(&old, "anon"));
  /* The CSRF token belongs to the session: the first session's token fails for the second. */
  call("GET", "/t/private", &jar, NULL, &r);
  assert_non_null(t_csrf(&r, csrf2, sizeof csrf2));
  assert_string_not_equal(csrf1, csrf2);
  t_resp_free(&r);
  snprintf(body, sizeof body, "csrf=%s", csrf1);
  call("POST", "/t/form", &jar, body, &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
}

static void test_planted_session_token_is_replaced(void **state) {
  /* An attacker plants a session cookie of his own before the victim signs in. */
  t_jar attacker = {""};
  sign_in(&attacker, 11, NULL, 0);
  char planted[80], after[80];
  assert_non_null(t_jar_get(&attacker, "member_sid", planted, sizeof planted));
  t_jar victim = {""};
  t_jar_set(&victim, "member_sid", planted);
  char csrf[80], body[200];
  t_resp r;
  call("GET", "/t/form", &victim, NULL, &r);
  assert_non_null(t_csrf(&r, csrf, sizeof csrf));
  t_resp_free(&r);
  snprintf(body, sizeof body, "id=12&csrf=%s", csrf);
  call("POST", "/t/login", &victim, body, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
  assert_non_null(t_jar_get(&victim, "member_sid", after, sizeof after));
  assert_string_not_equal(planted, after);
  assert_true(whoami_is(&victim, "user:12"));
  assert_true(whoami_is(&attacker, "anon")); /* the planted token does not ride along */
}

static void test_idle_expiry(void **state) {
  t_jar jar = {""};
  char sid[80];
  sign_in(&jar, 21, NULL, 0);
  assert_non_null(t_jar_get(&jar, "member_sid", sid, sizeof sid));
  /* 29 minutes idle: still signed in, and the visit counts as activity. */
  t_ok(db_exec(t_db(), SQL_IDLE, DBA(DI(SESSION_IDLE_SECONDS - 60), DS(sid)), NULL, NULL), "backdate");
  accounts_bump(); /* SQL time travel bypasses the per-process session cache; real time does not */
  assert_true(whoami_is(&jar, "user:21"));
  assert_true(q_ll(SQL_IDLE_NOW, DBA(DS(sid))) < 60);
  /* 31 minutes idle: anonymous, told so, cookie cleared, row gone. */
  t_ok(db_exec(t_db(), SQL_IDLE, DBA(DI(SESSION_IDLE_SECONDS + 60), DS(sid)), NULL, NULL), "backdate");
  accounts_bump(); /* SQL time travel bypasses the per-process session cache; real time does not */
  t_resp r;
  call("GET", "/t/whoami", &jar, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.body, ">anon<"));
  assert_non_null(strstr(r.body, "session expired"));
  assert_non_null(strstr(r.head, "member_sid=;"));
  t_resp_free(&r);
  assert_int_equal(q_ll(SQL_COUNT_HASH, DBA(DS(sid))), 0);
  char left[80];
  assert_null(t_jar_get(&jar, "member_sid", left, sizeof left));
  call("GET", "/t/private", &jar, NULL, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
}

static void test_absolute_expiry(void **state) {
  t_jar jar = {""};
  char sid[80];
  sign_in(&jar, 22, NULL, 0);
  assert_non_null(t_jar_get(&jar, "member_sid", sid, sizeof sid));
  /* Active all along, but older than the maximum session age. */
  t_ok(db_exec(t_db(), SQL_AGE, DBA(DI(SESSION_MAX_SECONDS - 60), DS(sid)), NULL, NULL), "backdate");
  accounts_bump(); /* SQL time travel bypasses the per-process session cache; real time does not */
  assert_true(whoami_is(&jar, "user:22"));
  t_ok(db_exec(t_db(), SQL_AGE, DBA(DI(SESSION_MAX_SECONDS + 60), DS(sid)), NULL, NULL), "backdate");
  accounts_bump();  /* SQL time travel bypasses the per-process session cache; real time does not */
  t_jar copy = jar; /* the replayed cookie, as an attacker who stole it would send it */
  assert_true(whoami_is(&jar, "anon"));
  assert_true(whoami_is(&copy, "anon"));
  assert_int_equal(q_ll(SQL_COUNT_HASH, DBA(DS(sid))), 0);
}

static void test_logout(void **state) {
  t_jar jar = {""};
  char sid[80], csrf[80], body[200];
  sign_in(&jar, 31, csrf, sizeof csrf);
  assert_non_null(t_jar_get(&jar, "member_sid", sid, sizeof sid));
  t_resp r;
  /* Logout is a POST with the token: without it nothing happens. */
  call("POST", "/t/logout", &jar, "x=1", &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  call("GET", "/t/logout", &jar, NULL, &r);
  assert_int_equal(r.status, 405);
  t_resp_free(&r);
  assert_true(whoami_is(&jar, "user:31"));
  snprintf(body, sizeof body, "csrf=%s", csrf);
  t_jar replay = jar;
  call("POST", "/t/logout", &jar, body, &r);
  assert_int_equal(r.status, 303);
  assert_non_null(strstr(r.head, "member_sid=;"));
  t_resp_free(&r);
  assert_int_equal(q_ll(SQL_COUNT_HASH, DBA(DS(sid))), 0);
  assert_true(whoami_is(&jar, "anon"));
  assert_true(whoami_is(&replay, "anon")); /* the old cookie is worthless server-side */
  call("GET", "/t/private", &replay, NULL, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
}

static void test_frozen_principal_signed_out(void **state) {
  t_jar jar = {""};
  t_resp r;
  char tok[80], body[200], sid[80];
  call("GET", "/t/form", &jar, NULL, &r);
  assert_non_null(t_csrf(&r, tok, sizeof tok));
  t_resp_free(&r);
  snprintf(body, sizeof body, "id=%d&csrf=%s", TEST_FROZEN_ID, tok);
  call("POST", "/t/login", &jar, body, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
  assert_non_null(t_jar_get(&jar, "member_sid", sid, sizeof sid));
  /* load_user refuses the principal: the next request is anonymous and the session is deleted. */
  call("GET", "/t/private", &jar, NULL, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
  assert_int_equal(q_ll(SQL_COUNT_HASH, DBA(DS(sid))), 0);
}

/* Over HTTPS every answer tells the browser to stay on HTTPS, and cookies are Secure; over plain HTTP neither. */
static void test_https_headers(void **state) {
  (void)state;
  t_resp r;
  char v[128];
  g_cfg.https = 1;
  call("GET", "/t/form", NULL, NULL, &r);
  g_cfg.https = 0;
  assert_int_equal(r.status, 200);
  assert_non_null(t_header(&r, "Strict-Transport-Security", v, sizeof v));
  assert_string_equal(v, "max-age=31536000");
  assert_non_null(strstr(r.head, "; Secure"));
  t_resp_free(&r);
  call("GET", "/t/form", NULL, NULL, &r);
  assert_null(t_header(&r, "Strict-Transport-Security", v, sizeof v));
  assert_null(strstr(r.head, "; Secure"));
  t_resp_free(&r);
}

static void test_drop_all(void **state) {
  t_jar a = {""}, b = {""};
  sign_in(&a, 41, NULL, 0);
  sign_in(&b, 41, NULL, 0);
  assert_int_equal(q_ll(SQL_COUNT_PRINCIPAL, DBA(DI(41))), 2);
  t_ok(session_drop_all(t_db(), "member", 41), "session_drop_all");
  assert_int_equal(q_ll(SQL_COUNT_PRINCIPAL, DBA(DI(41))), 0);
  assert_true(whoami_is(&a, "anon"));
  assert_true(whoami_is(&b, "anon"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_login_rotates_tokens),
      cmocka_unit_test(test_planted_session_token_is_replaced),
      cmocka_unit_test(test_idle_expiry),
      cmocka_unit_test(test_absolute_expiry),
      cmocka_unit_test(test_logout),
      cmocka_unit_test(test_frozen_principal_signed_out),
      cmocka_unit_test(test_drop_all),
      cmocka_unit_test(test_https_headers),
  };
  return cmocka_run_group_tests_name("session", tests, NULL, NULL);
}
