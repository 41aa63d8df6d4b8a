/* test_media_type.c: Content-Type as clients really send it — parameters, any case, quotes, other charsets */
#include "harness.h"
#include "media_type.h"
#include <string.h>

static void test_kinds(void **state) {
  (void)state;
  assert_int_equal(media_body_kind("application/x-www-form-urlencoded"), BODY_FORM);
  assert_int_equal(media_body_kind("application/x-www-form-urlencoded;charset=UTF-8"), BODY_FORM);
  assert_int_equal(media_body_kind("application/x-www-form-urlencoded; charset=utf-8"), BODY_FORM);
  assert_int_equal(media_body_kind("Application/X-WWW-Form-URLEncoded ; Charset=\"utf-8\""), BODY_FORM);
  assert_int_equal(media_body_kind("  application/x-www-form-urlencoded"), BODY_FORM);
  assert_int_equal(media_body_kind("application/x-www-form-urlencoded; charset=GBK"), BODY_BAD_CHARSET);
  assert_int_equal(media_body_kind("application/x-www-form-urlencoded; charset=iso-8859-1"), BODY_BAD_CHARSET);
  assert_int_equal(media_body_kind("application/x-www-form-urlencodedx"), BODY_OTHER);
  assert_int_equal(media_body_kind("application/x-www-form"), BODY_OTHER);
  assert_int_equal(media_body_kind("multipart/form-data; boundary=abc"), BODY_MULTIPART);
  assert_int_equal(media_body_kind("Multipart/Form-Data;boundary=abc"), BODY_MULTIPART);
  assert_int_equal(media_body_kind("application/json"), BODY_OTHER);
  assert_int_equal(media_body_kind("text/plain; charset=utf-8"), BODY_OTHER);
  assert_int_equal(media_body_kind(""), BODY_NONE);
  assert_int_equal(media_body_kind("   "), BODY_NONE);
  assert_int_equal(media_body_kind(NULL), BODY_NONE);
}

static void test_params(void **state) {
  (void)state;
  char v[16];
  assert_true(media_param("multipart/form-data; boundary=abc", "boundary", v, sizeof v));
  assert_string_equal(v, "abc");
  assert_true(media_param("a/b; x=1; CHARSET = \"utf-8\" ; y=2", "charset", v, sizeof v));
  assert_string_equal(v, "utf-8");
  assert_false(media_param("a/b; xcharset=1", "charset", v, sizeof v));
  assert_false(media_param("a/b", "charset", v, sizeof v));
  assert_true(media_param("a/b; charset=0123456789abcdefghij", "charset", v, sizeof v)); /* cut to fit, never over */
  assert_int_equal(strlen(v), sizeof v - 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_kinds), cmocka_unit_test(test_params)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
