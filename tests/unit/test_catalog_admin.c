/* test_catalog_admin.c: the back office's catalog/content validators — exact yuan → fen, times, links, id lists,
 * image magic bytes and local image paths */
#include "harness.h"
#include "catalog/catalog_admin.h"
#include "content/content_admin.h"
#include "shared/uploads.h"
#include <string.h>

static void test_yuan(void **state) {
  long long fen = -1;
  assert_int_equal(catalog_parse_yuan("12.34", CATALOG_MAX_FEN, &fen), 0);
  assert_int_equal(fen, 1234);
  assert_int_equal(catalog_parse_yuan("12.3", CATALOG_MAX_FEN, &fen), 0);
  assert_int_equal(fen, 1230);
  assert_int_equal(catalog_parse_yuan("0.07", CATALOG_MAX_FEN, &fen), 0);
  assert_int_equal(fen, 7);
  assert_int_equal(catalog_parse_yuan("0", CATALOG_MAX_FEN, &fen), 0);
  assert_int_equal(fen, 0);
  /* 0.29 is 0.28999… as a double: parsed as text it stays exactly 29 fen. */
  assert_int_equal(catalog_parse_yuan("0.29", CATALOG_MAX_FEN, &fen), 0);
  assert_int_equal(fen, 29);
  assert_int_equal(catalog_parse_yuan("1000000", CATALOG_MAX_FEN, &fen), 0);
  assert_int_equal(fen, CATALOG_MAX_FEN);
  assert_int_equal(catalog_parse_yuan("1000000.01", CATALOG_MAX_FEN, &fen), -2);
  assert_int_equal(catalog_parse_yuan("99999999999999999999", CATALOG_MAX_FEN, &fen), -2);
  static const char *const bad[] = {"",     "-1",  "+1", "1.234", "1.",   ".5",  "1e3",
                                    "0x10", "1,5", " 1", "1 ",    "１２", "NaN", "1.-1"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    assert_int_equal(catalog_parse_yuan(bad[i], CATALOG_MAX_FEN, &fen), -1);
}

static void test_time(void **state) {
  char out[32];
  assert_int_equal(content_check_time("2026-05-01T10:00", out), 0);
  assert_string_equal(out, "2026-05-01 10:00:00");
  assert_int_equal(content_check_time("2026-05-01 10:00:30", out), 0);
  assert_string_equal(out, "2026-05-01 10:00:30");
  assert_int_equal(content_check_time("2028-02-29T00:00", out), 0);
  static const char *const bad[] = {"2026-02-29T00:00", "2026-13-01T00:00", "2026-04-31T00:00",    "2026-05-01T24:00",
                                    "2026-05-01T10:60", "2026-05-01",       "26-05-01T10:00",      "2026-05-01T10:00Z",
                                    "1999-12-31T00:00", "2026/05/01 10:00", "2026-05-01T10:00:0x", "abcd-ef-ghTij:kl"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_not_equal(content_check_time(bad[i], out), 0);
}

static void test_link(void **state) {
  static const char *const good[] = {"/", "/activities/3", "/products?cat=1&sort=new", "https://example.com/a",
                                     "http://x.cn"};
  for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) assert_int_equal(content_check_link(good[i]), 0);
  static const char *const bad[] = {"javascript:alert(1)",
                                    "JAVASCRIPT:alert(1)",
                                    "//evil.com",
                                    "/\\evil.com",
                                    "data:text/html,x",
                                    "https://",
                                    "ftp://x",
                                    "a/b",
                                    "https://x.com/a b",
                                    "/x\"onmouseover=1",
                                    "/a<b",
                                    ""};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_not_equal(content_check_link(bad[i]), 0);
}

static void test_ids(void **state) {
  long long ids[4];
  int n = 0;
  assert_int_equal(content_parse_ids("3, 7 12\n3", ids, 4, &n), 0);
  assert_int_equal(n, 3);
  assert_true(ids[0] == 3 && ids[1] == 7 && ids[2] == 12);
  assert_int_equal(content_parse_ids("5\xef\xbc\x8c"
                                     "6",
                                     ids, 4, &n),
                   0); /* full-width comma */
  assert_int_equal(n, 2);
  assert_int_equal(content_parse_ids("", ids, 4, &n), 0);
  assert_int_equal(n, 0);
  assert_int_equal(content_parse_ids("1 2 3 4 5", ids, 4, &n), -2);
  static const char *const bad[] = {"1;2", "0", "-3", "1a", "abc", "1234567890123456", "1\xef"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(content_parse_ids(bad[i], ids, 4, &n), -1);
}

static void test_magic(void **state) {
  const unsigned char jpg[] = {0xff, 0xd8, 0xff, 0xe0, 0, 0x10};
  const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  const unsigned char webp[] = "RIFF\x24\0\0\0WEBPVP8 ";
  assert_string_equal(upload_detect(jpg, sizeof jpg), "jpg");
  assert_string_equal(upload_detect(png, sizeof png - 1), "png");
  assert_string_equal(upload_detect(webp, sizeof webp - 1), "webp");
  static const char *const bad[] = {"<?php echo 1; ?>",
                                    "<svg xmlns=\"http://www.w3.org/2000/svg\">",
                                    "GIF89a",
                                    "<html>",
                                    "RIFF\x24\0\0\0WAVE",
                                    "\x89PNG",
                                    "BM"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    assert_null(upload_detect((const unsigned char *)bad[i], strlen(bad[i])));
  assert_null(upload_detect(jpg, 2));
}

static void test_local_image(void **state) {
  assert_true(upload_local_image("/uploads/0123abcd.png"));
  assert_true(upload_local_image("/img/demo/ad1.jpg"));
  static const char *const bad[] = {"/uploads/../secret.key",
                                    "/img/../../etc/passwd",
                                    "https://x.com/a.png",
                                    "//x.com/a.png",
                                    "javascript:alert(1)",
                                    "/uploads/a b.png",
                                    "/uploads/a\".png",
                                    "/css/x.png",
                                    "",
                                    "uploads/a.png"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_false(upload_local_image(bad[i]));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_yuan), cmocka_unit_test(test_time),  cmocka_unit_test(test_link),
      cmocka_unit_test(test_ids),  cmocka_unit_test(test_magic), cmocka_unit_test(test_local_image),
  };
  return cmocka_run_group_tests_name("catalog_admin", tests, NULL, NULL);
}
