/* test_routing.c: routing and the central checks (404/405/path params/HEAD/CSRF/R_MEMBER/error pages/headers) */
#include "harness.h"
#include "testapp.h"
#include <string.h>

static void get(const char *method, const char *uri, t_jar *jar, const char *body, t_resp *r) {
  t_request(test_app(), method, uri, jar, body, r);
}

static void assert_security_headers(const t_resp *r) {
  char v[512];
  assert_non_null(t_header(r, "Content-Security-Policy", v, sizeof v));
  assert_non_null(strstr(v, "default-src 'self'"));
  assert_null(strstr(v, "unsafe-inline"));
  assert_string_equal(t_header(r, "X-Content-Type-Options", v, sizeof v), "nosniff");
  assert_string_equal(t_header(r, "X-Frame-Options", v, sizeof v), "DENY");
  assert_non_null(t_header(r, "Referrer-Policy", v, sizeof v));
  assert_non_null(t_header(r, "Content-Type", v, sizeof v));
}

static void test_ok_page(void **state) {
  t_resp r;
  get("GET", "/t/hello", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.body, "<p id=\"msg\">hello</p>"));
  assert_non_null(strcasestr(r.body, "<!doctype html>")); /* wrapped in the layout */
  assert_security_headers(&r);
  t_resp_free(&r);
}

static void test_unknown_path_404(void **state) {
  const char *paths[] = {"/t/nope", "/t/hello/", "/t/hellox", "/T/hello", "/t/item/", "/t/item/12/x", "/"};
  for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
    t_resp r;
    get("GET", paths[i], NULL, NULL, &r);
    if (r.status != 404) fail_msg("%s: expected 404, got %d", paths[i], r.status);
    assert_non_null(strstr(r.body, "404"));
    assert_security_headers(&r);
    t_resp_free(&r);
  }
}

static void test_wrong_method_405(void **state) {
  t_resp r;
  get("POST", "/t/hello", NULL, "a=1", &r);
  assert_int_equal(r.status, 405);
  t_resp_free(&r);
  get("PUT", "/t/hello", NULL, NULL, &r);
  assert_int_equal(r.status, 405);
  t_resp_free(&r);
  get("DELETE", "/t/form", NULL, NULL, &r);
  assert_int_equal(r.status, 405);
  t_resp_free(&r);
  /* A GET-only path asked with GET still works afterwards. */
  get("GET", "/t/hello", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  t_resp_free(&r);
}

static void test_path_param_id(void **state) {
  t_resp r;
  get("GET", "/t/item/42", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.body, "item:42<"));
  t_resp_free(&r);
  get("GET", "/t/item/123456789012345678", NULL, NULL, &r); /* 18 digits */
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.body, "item:123456789012345678<"));
  t_resp_free(&r);
  const char *bad[] = {"/t/item/1234567890123456789",
                       "/t/item/-1",
                       "/t/item/1a",
                       "/t/item/abc",
                       "/t/item/%31",
                       "/t/item/1.5",
                       "/t/item/+1",
                       "/t/item/%3Cscript%3E"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    get("GET", bad[i], NULL, NULL, &r);
    if (r.status != 404) fail_msg("%s: expected 404, got %d", bad[i], r.status);
    t_resp_free(&r);
  }
}

static void test_path_param_no(void **state) {
  t_resp r;
  get("GET", "/t/order/P20261122-abc_DEF", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.body, "order:P20261122-abc_DEF<"));
  t_resp_free(&r);
  const char *bad[] = {"/t/order/a.b", "/t/order/a%20b", "/t/order/%3Cb%3E", "/t/order/a'b",
                       "/t/order/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" /* 65 */};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    get("GET", bad[i], NULL, NULL, &r);
    if (r.status != 404) fail_msg("%s: expected 404, got %d", bad[i], r.status);
    t_resp_free(&r);
  }
}

static void test_head(void **state) {
  t_resp r;
  char len[32], get_len[32];
  get("GET", "/t/hello", NULL, NULL, &r);
  assert_non_null(t_header(&r, "Content-Length", get_len, sizeof get_len));
  t_resp_free(&r);
  get("HEAD", "/t/hello", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_string_equal(r.body, "");
  /* HEAD tells the length GET would send. */
  assert_non_null(t_header(&r, "Content-Length", len, sizeof len));
  assert_string_equal(len, get_len);
  assert_string_not_equal(len, "0");
  assert_security_headers(&r);
  t_resp_free(&r);
  get("HEAD", "/t/nope", NULL, NULL, &r);
  assert_int_equal(r.status, 404);
  assert_string_equal(r.body, "");
  t_resp_free(&r);
}

static void test_post_csrf(void **state) {
  t_jar jar = {""};
  t_resp r;
  /* No token at all. */
  get("POST", "/t/form", &jar, "x=1", &r);
  assert_int_equal(r.status, 403);
  assert_null(strstr(r.body, "posted"));
  t_resp_free(&r);
  /* The form page hands out a token bound to the anonymous cookie. */
  get("GET", "/t/form", &jar, NULL, &r);
  assert_int_equal(r.status, 200);
  char tok[80], anon[80], body[200];
  assert_non_null(t_csrf(&r, tok, sizeof tok));
  assert_int_equal(strlen(tok), 64);
  assert_non_null(t_jar_get(&jar, "mall_anon", anon, sizeof anon));
  t_resp_free(&r);
  /* Wrong token, truncated token, repeated token: 403. */
  get("POST", "/t/form", &jar, "csrf=0000000000000000000000000000000000000000000000000000000000000000", &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  snprintf(body, sizeof body, "csrf=%.63s", tok);
  get("POST", "/t/form", &jar, body, &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  snprintf(body, sizeof body, "csrf=%s&csrf=%s", tok, tok);
  get("POST", "/t/form", &jar, body, &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  /* The right token without its cookie (another visitor's token): 403. */
  snprintf(body, sizeof body, "csrf=%s", tok);
  get("POST", "/t/form", NULL, body, &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  t_jar other = {""};
  t_jar_set(&other, "mall_anon", "0123456789abcdef0123456789abcdef");
  get("POST", "/t/form", &other, body, &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  /* The token in the URL (logs, Referer) does not count, not even next to one in the body. */
  char uri[200];
  snprintf(uri, sizeof uri, "/t/form?csrf=%s", tok);
  get("POST", uri, &jar, "x=1", &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  get("POST", uri, &jar, body, &r);
  assert_int_equal(r.status, 403);
  t_resp_free(&r);
  /* The visitor's own token and cookie: accepted. */
  get("POST", "/t/form", &jar, body, &r);
  assert_int_equal(r.status, 200);
  assert_non_null(strstr(r.body, "posted"));
  t_resp_free(&r);
}

static void test_member_redirect(void **state) {
  t_resp r;
  char loc[600];
  get("GET", "/t/private?tab=a&x=%E4%B8%AD", NULL, NULL, &r);
  assert_int_equal(r.status, 303);
  assert_non_null(t_header(&r, "Location", loc, sizeof loc));
  assert_string_equal(loc, "/login?next=%2Ft%2Fprivate%3Ftab%3Da%26x%3D%25E4%25B8%25AD");
  assert_null(strstr(r.body, "member:"));
  t_resp_free(&r);
  /* An anonymous POST is sent to sign in too and its handler never runs. */
  get("POST", "/t/private", NULL, "csrf=x", &r);
  assert_int_equal(r.status, 303);
  assert_non_null(t_header(&r, "Location", loc, sizeof loc));
  assert_string_equal(loc, "/login?next=%2Ft%2Fprivate");
  t_resp_free(&r);
  /* A forged session cookie is anonymous. */
  t_jar jar = {""};
  t_jar_set(&jar, "member_sid", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  get("GET", "/t/private", &jar, NULL, &r);
  assert_int_equal(r.status, 303);
  t_resp_free(&r);
}

static void assert_leaks_nothing(const t_resp *r) {
  const char *secrets[] = {"secret_column", "no_such_table", "SELECT", "Traceback", "xyzzy", ".c:",
                           "DatabaseError", "doesn't exist", "mysql",  "MariaDB",   "h_boom"};
  for (size_t i = 0; i < sizeof secrets / sizeof *secrets; i++)
    if (strstr(r->body, secrets[i]) || strstr(r->head, secrets[i])) fail_msg("error page leaks '%s'", secrets[i]);
}

static void test_error_pages_leak_nothing(void **state) {
  t_resp r;
  get("GET", "/t/boom", NULL, NULL, &r);
  assert_int_equal(r.status, 500);
  assert_leaks_nothing(&r);
  assert_non_null(strstr(r.body, "500"));
  assert_non_null(strcasestr(r.body, "<!doctype html>")); /* a real page, not a bare message */
  assert_security_headers(&r);
  t_resp_free(&r);
  /* Bad input in a query is a 400 page, not a 500, and does not echo the input. */
  get("GET", "/t/echo?q=%00%3Cscript%3E", NULL, NULL, &r);
  assert_int_equal(r.status, 400);
  assert_null(strstr(r.body, "<script>"));
  assert_leaks_nothing(&r);
  t_resp_free(&r);
  get("GET", "/t/nope?<script>alert(1)</script>", NULL, NULL, &r);
  assert_int_equal(r.status, 404);
  assert_null(strstr(r.body, "<script>alert"));
  t_resp_free(&r);
}

static void test_output_is_escaped(void **state) {
  t_resp r;
  get("GET", "/t/echo?q=%3Cscript%3Ealert(%22x%22)%3C%2Fscript%3E%26", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_null(strstr(r.body, "<script>alert"));
  assert_non_null(strstr(r.body, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"));
  t_resp_free(&r);
  /* The language link in the layout carries the URI url-escaped, so a quote cannot break out. */
  get("GET", "/t/hello?a=%22%3E%3Cb%3E", NULL, NULL, &r);
  assert_int_equal(r.status, 200);
  assert_null(strstr(r.body, "\"><b>"));
  t_resp_free(&r);
}

static void test_oversized_body_413(void **state) {
  size_t n = 300 * 1024;
  char *big = malloc(n + 1);
  memset(big, 'a', n);
  memcpy(big, "x=", 2);
  big[n] = 0;
  t_resp r;
  get("POST", "/t/form", NULL, big, &r);
  assert_int_equal(r.status, 413);
  t_resp_free(&r);
  free(big);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ok_page),
      cmocka_unit_test(test_unknown_path_404),
      cmocka_unit_test(test_wrong_method_405),
      cmocka_unit_test(test_path_param_id),
      cmocka_unit_test(test_path_param_no),
      cmocka_unit_test(test_head),
      cmocka_unit_test(test_post_csrf),
      cmocka_unit_test(test_member_redirect),
      cmocka_unit_test(test_error_pages_leak_nothing),
      cmocka_unit_test(test_output_is_escaped),
      cmocka_unit_test(test_oversized_body_413),
  };
  return cmocka_run_group_tests_name("routing", tests, NULL, NULL);
}
