/* test_input.c: declared-input validation (input_check, input_read) — ints, strings, enums, mobiles, digits, dates,
 * repeats; length errors that name the limit and keep the text */
#include "harness.h"
#include "config.h"
#include "render.h"
#include <string.h>

static const char *check(in_type t, int flags, long long min, long long max, const char *choices, const char *v,
                         in_value *out) {
  in_field f = {"f", t, flags, min, max, choices};
  return input_check(&f, v, 0, out);
}

#define OK(e) assert_null(e)
#define BAD(e, key)                                                                                                    \
  do {                                                                                                                 \
    const char *e_ = (e);                                                                                              \
    assert_non_null(e_);                                                                                               \
    assert_string_equal(e_, key);                                                                                      \
  } while (0)

static void test_int(void **state) {
  in_value v;
  OK(check(IN_INT, 0, -100, 100, NULL, "42", &v));
  assert_int_equal(v.i, 42);
  assert_true(v.present);
  OK(check(IN_INT, 0, -100, 100, NULL, "-7", &v));
  assert_int_equal(v.i, -7);
  OK(check(IN_INT, 0, 0, 100, NULL, "0", &v));
  assert_int_equal(v.i, 0);
  BAD(check(IN_INT, 0, 0, 100, NULL, "-1", &v), "range");
  BAD(check(IN_INT, 0, 0, 100, NULL, "101", &v), "range");
  BAD(check(IN_INT, 0, 1, 1000000, NULL, "999999999999999999", &v), "range"); /* 18 digits, fits in long long */
  BAD(check(IN_INT, 0, 0, 100, NULL, "1000000000000000000000000000000", &v), "number"); /* 10^30 */
  BAD(check(IN_INT, 0, 0, 100, NULL, "9223372036854775808", &v), "number");             /* LLONG_MAX + 1 */
  BAD(check(IN_INT, 0, -100, 100, NULL, "-9223372036854775809", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "abc", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "12abc", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "1.5", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "1e3", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "0x10", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "+5", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, " 5", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "5 ", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "-", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "--5", &v), "number");
  BAD(check(IN_INT, 0, 0, 100, NULL, "５", &v), "number"); /* full-width digit */
  /* Empty: absent when optional, an error when required. */
  OK(check(IN_INT, 0, 0, 100, NULL, "", &v));
  assert_false(v.present);
  OK(check(IN_INT, 0, 0, 100, NULL, NULL, &v));
  assert_false(v.present);
  BAD(check(IN_INT, IN_REQUIRED, 0, 100, NULL, "", &v), "required");
  BAD(check(IN_INT, IN_REQUIRED, 0, 100, NULL, NULL, &v), "required");
}

static void test_str(void **state) {
  in_value v;
  /* Length is counted in characters: 4 Chinese characters are 12 bytes. */
  OK(check(IN_STR, 0, 1, 4, NULL, "积分商城", &v));
  assert_string_equal(v.s, "积分商城");
  BAD(check(IN_STR, 0, 1, 4, NULL, "积分商城啊", &v), "long");
  BAD(check(IN_STR, 0, 2, 10, NULL, "积", &v), "short");
  OK(check(IN_STR, 0, 1, 1, NULL, "😀", &v));                  /* 4-byte sequence is one character */
  OK(check(IN_STR, 0, 1, 20, NULL, "Café 洗车 <b>&\"'", &v)); /* markup is data here; templates escape it */
  /* Invalid UTF-8 */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\xff", &v), "chars");
  BAD(check(IN_STR, 0, 0, 100, NULL, "ab\xe6\xb4", &v), "chars");                     /* truncated 3-byte sequence */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\xc0\xbc", &v), "chars");                       /* overlong '<' */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\xe6\x41\x41", &v), "chars");                   /* bad continuation */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\x80", &v), "chars");                           /* lone continuation */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\xf5\x80\x80\x80", &v), "chars");               /* beyond U+10FFFF */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\xe0\x80\xbc", &v), "chars");                   /* overlong 3-byte '<' */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\xf0\x80\x80\xbc", &v), "chars");               /* overlong 4-byte '<' */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\xed\xa0\x80", &v), "chars");                   /* UTF-16 surrogate U+D800 */
  BAD(check(IN_STR, 0, 0, 100, NULL, "\xf4\x90\x80\x80", &v), "chars");               /* U+110000 */
  OK(check(IN_STR, 0, 0, 100, NULL, "\xed\x9f\xbf\xf4\x8f\xbf\xbf\xe0\xa0\x80", &v)); /* edges that are valid */
  /* Control characters: none in one-line strings; newlines and tabs only in IN_TEXT. */
  BAD(check(IN_STR, 0, 0, 100, NULL, "a\nb", &v), "chars");
  BAD(check(IN_STR, 0, 0, 100, NULL, "a\rb", &v), "chars");
  BAD(check(IN_STR, 0, 0, 100, NULL, "a\tb", &v), "chars");
  BAD(check(IN_STR, 0, 0, 100, NULL, "a\x1b[31m", &v), "chars");
  BAD(check(IN_STR, 0, 0, 100, NULL, "a\x7f", &v), "chars");
  OK(check(IN_TEXT, 0, 0, 100, NULL, "第一行\r\n第二行\tend", &v));
  BAD(check(IN_TEXT, 0, 0, 100, NULL, "a\x01", &v), "chars");
  BAD(check(IN_TEXT, 0, 0, 100, NULL, "\xff", &v), "chars");
  BAD(check(IN_STR, IN_REQUIRED, 1, 10, NULL, "", &v), "required");
}

static void test_enum(void **state) {
  in_value v;
  const char *c = "asc|desc|sales";
  OK(check(IN_ENUM, 0, 0, 0, c, "asc", &v));
  OK(check(IN_ENUM, 0, 0, 0, c, "sales", &v));
  BAD(check(IN_ENUM, 0, 0, 0, c, "as", &v), "choice");
  BAD(check(IN_ENUM, 0, 0, 0, c, "ascx", &v), "choice");
  BAD(check(IN_ENUM, 0, 0, 0, c, "ASC", &v), "choice");
  BAD(check(IN_ENUM, 0, 0, 0, c, "asc|desc", &v), "choice");
  BAD(check(IN_ENUM, 0, 0, 0, c, "|", &v), "choice");
  OK(check(IN_ENUM, 0, 0, 0, c, "", &v));
  assert_false(v.present);
}

static void test_mobile(void **state) {
  in_value v;
  OK(check(IN_MOBILE, 0, 0, 0, NULL, "13800138000", &v));
  OK(check(IN_MOBILE, 0, 0, 0, NULL, "19912345678", &v));
  BAD(check(IN_MOBILE, 0, 0, 0, NULL, "1380013800", &v), "mobile");   /* 10 digits */
  BAD(check(IN_MOBILE, 0, 0, 0, NULL, "138001380001", &v), "mobile"); /* 12 digits */
  BAD(check(IN_MOBILE, 0, 0, 0, NULL, "23800138000", &v), "mobile");
  BAD(check(IN_MOBILE, 0, 0, 0, NULL, "12800138000", &v), "mobile");
  BAD(check(IN_MOBILE, 0, 0, 0, NULL, "+8613800138", &v), "mobile");
  BAD(check(IN_MOBILE, 0, 0, 0, NULL, "138 0013 80", &v), "mobile");
  BAD(check(IN_MOBILE, 0, 0, 0, NULL, "1380013800a", &v), "mobile");
  BAD(check(IN_MOBILE, IN_REQUIRED, 0, 0, NULL, "", &v), "required");
}

static void test_digits(void **state) {
  in_value v;
  OK(check(IN_DIGITS, 0, 6, 6, NULL, "012345", &v)); /* leading zero kept: it is a code, not a number */
  assert_string_equal(v.s, "012345");
  BAD(check(IN_DIGITS, 0, 6, 6, NULL, "12345", &v), "digits");
  BAD(check(IN_DIGITS, 0, 6, 6, NULL, "1234567", &v), "digits");
  BAD(check(IN_DIGITS, 0, 6, 6, NULL, "12345a", &v), "digits");
  BAD(check(IN_DIGITS, 0, 6, 6, NULL, "-12345", &v), "digits");
  BAD(check(IN_DIGITS, 0, 6, 6, NULL, "12 345", &v), "digits");
  OK(check(IN_DIGITS, 0, 8, 12, NULL, "1234567890", &v));
}

static void test_multi(void **state) {
  in_value v;
  in_field f = {"f", IN_INT, 0, 0, 100, NULL};
  BAD(input_check(&f, "5", 1, &v), "multi");
  assert_false(v.present);
  in_field s = {"s", IN_STR, 0, 0, 100, NULL};
  BAD(input_check(&s, "a", 1, &v), "multi");
}

/* Every error key the validator returns has a message in both languages. */
static void test_date(void **state) {
  in_value v;
  OK(check(IN_DATE, 0, 0, 0, NULL, "2026-12-04", &v));
  OK(check(IN_DATE, 0, 0, 0, NULL, "2028-02-29", &v));
  OK(check(IN_DATE, 0, 0, 0, NULL, "", &v));
  assert_false(v.present);
  BAD(check(IN_DATE, IN_REQUIRED, 0, 0, NULL, "", &v), "required");
  const char *bad[] = {"12/04/2026", "2026-2-1",   "2026-02-30",  "2027-02-29", "2026-13-01",     "2026-00-10",
                       "2026-12-00", "1899-12-31", "2026-12-04x", "2026/12/04", "２０２６-12-04", "abcd-ef-gh"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) BAD(check(IN_DATE, 0, 0, 0, NULL, bad[i], &v), "date");
  (void)state;
}

/* input_read on a request: a length error names the declared limit, and the text stays for the form to show. */
static void test_read_keeps_text_and_says_limit(void **state) {
  const char *langs[] = {"zh-CN", "en"}, *want[] = {"最多 5 字", "At most 5 characters"};
  for (size_t l = 0; l < 2; l++) {
    req r;
    memset(&r, 0, sizeof r);
    t_ok(hdf_init(&r.hdf), "hdf_init");
    r.lang = langs[l];
    t_ok(hdf_set_value(r.hdf, "Query.note", "一二三四五六"), "set");
    t_ok(hdf_set_value(r.hdf, "Query.name", "ab"), "set");
    t_ok(hdf_set_value(r.hdf, "Query.when", "12/04/2026"), "set");
    static const in_field F[] = {
        {"note", IN_TEXT, 0, 1, 5, NULL}, {"name", IN_STR, 0, 3, 10, NULL}, {"when", IN_DATE, 0, 0, 0, NULL}};
    in_value v[3];
    assert_int_equal(input_read(&r, F, 3, v), 3);
    assert_string_equal(hdf_get_value(r.hdf, "Form.Errors.note", ""), want[l]);
    assert_string_equal(hdf_get_value(r.hdf, "Form.Values.note", ""), "一二三四五六");
    assert_string_equal(hdf_get_value(r.hdf, "Form.Errors.name", ""), l ? "At least 3 characters" : "至少 3 字");
    assert_string_equal(hdf_get_value(r.hdf, "Form.Values.when", ""), "12/04/2026");
    assert_non_null(strstr(hdf_get_value(r.hdf, "Form.Errors.when", ""), "2026-12-04"));
    /* bytes that are not UTF-8 are refused and not echoed */
    t_ok(hdf_set_value(r.hdf, "Query.note", "ab\xff"), "set");
    hdf_remove_tree(r.hdf, "Form");
    input_read(&r, F, 1, v);
    assert_null(hdf_get_value(r.hdf, "Form.Values.note", NULL));
    hdf_destroy(&r.hdf);
  }
  (void)state;
}

static void test_error_keys_translated(void **state) {
  const char *keys[] = {"required", "number", "range",  "chars", "short",   "long",
                        "choice",   "mobile", "digits", "multi", "invalid", "date"};
  const char *langs[] = {"zh-CN", "en"};
  for (size_t l = 0; l < 2; l++) {
    HDF *hdf = NULL;
    t_ok(hdf_init(&hdf), "hdf_init");
    t_ok(render_prepare(hdf, langs[l]), "render_prepare");
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
      char key[64];
      snprintf(key, sizeof key, "Lang.Form.%s", keys[i]);
      const char *m = lang_get(langs[l], key);
      if (!m || !*m) fail_msg("Lang.Form.%s missing for %s", keys[i], langs[l]);
    }
    hdf_destroy(&hdf);
  }
}

int main(void) {
  /* render_prepare needs the language files, read once via the config. */
  if (config_load() != 0) return 1;
  NEOERR *err = render_init();
  if (err) {
    nerr_log_error(err);
    nerr_ignore(&err);
    return 1;
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_int),
      cmocka_unit_test(test_str),
      cmocka_unit_test(test_enum),
      cmocka_unit_test(test_mobile),
      cmocka_unit_test(test_digits),
      cmocka_unit_test(test_multi),
      cmocka_unit_test(test_date),
      cmocka_unit_test(test_read_keeps_text_and_says_limit),
      cmocka_unit_test(test_error_keys_translated),
  };
  return cmocka_run_group_tests_name("input", tests, NULL, NULL);
}
