/* test_cgi_setup.c: cgi_setup leaves the same HDF as ClearSilver's cgi_init, request by request (tricky ones too) */
#include "harness.h"
#include "cgi_setup.h"
#include "fcgi_io.h"
#include <stdio.h>
#include <string.h>

/* The whole HDF one way or the other, for the request env (KEY=VALUE strings, NULL-terminated). */
static char *dump_after(char **env, int lean) {
  STRING out, dump;
  string_init(&out);
  string_init(&dump);
  io_bind_emulated(env, NULL, &out);
  io_env_index();
  HDF *hdf = NULL;
  CGI *cgi = NULL;
  t_ok(hdf_init(&hdf), "hdf_init");
  t_ok(lean ? cgi_setup(&cgi, hdf) : cgi_init(&cgi, hdf), lean ? "cgi_setup" : "cgi_init");
  assert_non_null(cgi);
  assert_ptr_equal(cgi->hdf, hdf);
  cgi->hdf = NULL;
  cgi_destroy(&cgi);
  t_ok(hdf_dump_str(hdf, NULL, 0, &dump), "hdf_dump_str");
  hdf_destroy(&hdf);
  string_clear(&out);
  return dump.buf ? dump.buf : strdup("");
}

static void same_both_ways(char **env, const char *must_contain) {
  char *real = dump_after(env, 0), *lean = dump_after(env, 1);
  assert_string_equal(lean, real);
  if (must_contain && !strstr(lean, must_contain)) fail_msg("expected %s in:\n%s", must_contain, lean);
  free(real);
  free(lean);
}

static void test_plain_get(void **state) {
  (void)state;
  char *env[] = {"REQUEST_METHOD=GET",
                 "REQUEST_URI=/points?page=2&kind=earn",
                 "QUERY_STRING=page=2&kind=earn",
                 "SCRIPT_NAME=",
                 "SERVER_NAME=127.0.0.1",
                 "SERVER_PORT=8080",
                 "SERVER_PROTOCOL=HTTP/1.1",
                 "SERVER_SOFTWARE=lighttpd/1.4.69",
                 "GATEWAY_INTERFACE=CGI/1.1",
                 "REMOTE_ADDR=10.0.0.7",
                 "REMOTE_PORT=51234",
                 "DOCUMENT_ROOT=/srv/public",
                 "CONTENT_LENGTH=0",
                 "HTTP_HOST=mall.example",
                 "HTTP_USER_AGENT=Mozilla/5.0 (iPhone)",
                 "HTTP_ACCEPT=text/html",
                 "HTTP_ACCEPT_LANGUAGE=zh-CN,zh",
                 "HTTP_ACCEPT_ENCODING=gzip, br",
                 "HTTP_REFERER=https://mall.example/",
                 "HTTP_X_FORWARDED_FOR=1.2.3.4",
                 "HTTP_COOKIE=member_sid=abc123; lang=en",
                 NULL};
  same_both_ways(env, "kind = earn");
}

/* Repeated names (Query.x.0 …), empty names (_0, _1), a leading dot, dotted names (HDF levels), percent and plus
 * decoding, a name with no '=', empty values, stray '&'s, a name longer than cgi.c's 256-byte buffer. */
static void test_awkward_queries(void **state) {
  (void)state;
  char longq[700];
  snprintf(longq, sizeof longq, "QUERY_STRING=%0300d=x&b=1", 7);
  const char *queries[] = {"QUERY_STRING=a=1&a=2&a=3&b=&=x&=y&.hidden=1&c.d.e=deep&f",
                           "QUERY_STRING=q=%E6%B4%97%E8%BD%A6+%2B&&&sort=points_asc&page=%31&x=%zz&y=%",
                           "QUERY_STRING=a=1&a.0=zero&a=2",
                           "QUERY_STRING=",
                           "QUERY_STRING==&&=",
                           longq,
                           NULL};
  for (int i = 0; queries[i]; i++) {
    char *env[] = {"REQUEST_METHOD=GET", (char *)queries[i], "HTTP_HOST=h", NULL};
    same_both_ways(env, NULL);
  }
  char *env[] = {"REQUEST_METHOD=GET", "QUERY_STRING=a=1&a=2&a=3", NULL};
  same_both_ways(env, "2 = 3");
}

/* Spaces around names and values, a cookie without '=', empty values, '=' inside values, a name HDF cannot hold. */
static void test_awkward_cookies(void **state) {
  (void)state;
  const char *cookies[] = {"HTTP_COOKIE=  a = 1 ;b=2;;c;d=;=e; f=x=y ; g.h=dotted",
                           "HTTP_COOKIE=member_sid=0123456789abcdef; member_sid=second",
                           "HTTP_COOKIE=",
                           "HTTP_COOKIE=;",
                           "HTTP_COOKIE=novalue",
                           NULL};
  for (int i = 0; cookies[i]; i++) {
    char *env[] = {"REQUEST_METHOD=GET", (char *)cookies[i], NULL};
    same_both_ways(env, NULL);
  }
  char *env[] = {"REQUEST_METHOD=GET", "HTTP_COOKIE=  a = 1 ;b=2", NULL};
  same_both_ways(env, "a = 1");
}

/* Variables ClearSilver maps twice to one name (the later in its table wins), TLS ones, a POST's type and length. */
static void test_tls_and_post(void **state) {
  (void)state;
  char *env[] = {"REQUEST_METHOD=POST",
                 "CONTENT_TYPE=application/x-www-form-urlencoded",
                 "CONTENT_LENGTH=12",
                 "HTTPS=on",
                 "SSL_PROTOCOL=TLSv1.3",
                 "SSL_PROTOCOL_VERSION=old",
                 "SSL_CIPHER=AES",
                 "HTTPS_CIPHER=X",
                 "SSL_SERVER_KEY_SIZE=2048",
                 "HTTP_SOAPACTION=urn:x",
                 "HTTP_IF_MODIFIED_SINCE=yesterday",
                 "REDIRECT_STATUS=200",
                 "PATH_INFO=/x",
                 NULL};
  same_both_ways(env, "Protocol = old");
}

/* A variable sent twice (the first counts, as io_env answers cgi_init), an entry without '=', unknown variables. */
static void test_repeats_and_strays(void **state) {
  (void)state;
  char *env[] = {
      "REQUEST_METHOD=GET",       "HTTP_HOST=first",       "HTTP_HOST=second", "NOEQUALS",         "HTTP_X_UNKNOWN=1",
      "SSL_SERVER_KEY_SIZE=4096", "SSL_SERVER_KEY_SIZE=1", "QUERY_STRING=a=1", "QUERY_STRING=a=2", NULL};
  same_both_ways(env, "Host = first");
}

int main(void) {
  io_install();
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_plain_get), cmocka_unit_test(test_awkward_queries),
                                     cmocka_unit_test(test_awkward_cookies), cmocka_unit_test(test_tls_and_post),
                                     cmocka_unit_test(test_repeats_and_strays)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
