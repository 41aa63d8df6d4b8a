/* test_reports.c: report date arithmetic and SVG chart geometry (cgi/domain/reports.c, svg_chart.c) — no database */
#include "harness.h"
#include "points/reports.h"
#include "shared/svg_chart.h"
#include <string.h>

static void test_day_numbers(void **state) {
  assert_int_equal(report_day_number("2000-01-01"), 10957);
  assert_int_equal(report_day_number("2024-02-29") + 1, report_day_number("2024-03-01"));
  assert_int_equal(report_day_number("2023-12-31") + 1, report_day_number("2024-01-01"));
  static const char *const bad[] = {"2023-02-29", "2100-02-29", "1999-12-31",  "2100-01-01", "2024-13-01",
                                    "2024-00-10", "2024-04-31", "2024-4-01",   "2024/04/01", "20240401",
                                    "2024-04-0a", "",           "2024-04-011", " 2024-04-01"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    if (report_day_number(bad[i]) != -1) fail_msg("accepted %s", bad[i]);
  assert_int_equal(report_day_number(NULL), -1);
  /* every day of the century round-trips */
  char s[11];
  for (long d = report_day_number("2000-01-01"); d <= report_day_number("2099-12-31"); d++) {
    report_day_string(d, s);
    if (report_day_number(s) != d) fail_msg("%ld → %s", d, s);
  }
  report_day_string(report_day_number("2024-02-28") + 1, s);
  assert_string_equal(s, "2024-02-29");
}

static void test_scale(void **state) {
  long long axis, step;
  const long long cases[][3] = {{0, 1, 1},
                                {1, 1, 1},
                                {3, 3, 1},
                                {7, 8, 2},
                                {10, 10, 2},
                                {100, 100, 20},
                                {101, 150, 50},
                                {999, 1000, 200},
                                {30900, 40000, 10000},
                                {107800, 150000, 50000},
                                {-5, 1, 1}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    chart_nice_scale(cases[i][0], &axis, &step);
    if (axis != cases[i][1] || step != cases[i][2])
      fail_msg("max %lld: axis %lld step %lld, want %lld %lld", cases[i][0], axis, step, cases[i][1], cases[i][2]);
    assert_true(axis / step <= 5 && axis >= cases[i][0]);
  }
}

static void test_digits(void **state) {
  char b[48];
  chart_group_digits(0, b, sizeof b);
  assert_string_equal(b, "0");
  chart_group_digits(999, b, sizeof b);
  assert_string_equal(b, "999");
  chart_group_digits(1000, b, sizeof b);
  assert_string_equal(b, "1,000");
  chart_group_digits(-1234567, b, sizeof b);
  assert_string_equal(b, "-1,234,567");
  chart_group_digits(-9223372036854775807LL - 1, b, sizeof b);
  assert_string_equal(b, "-9,223,372,036,854,775,808");
}

static void test_lines(void **state) {
  HDF *h = NULL;
  assert_null(hdf_init(&h));
  const char *labels[1] = {"2026-01-01"};
  const long long v[1] = {50};
  const chart_series s[1] = {{"发放", "s1", v}};
  assert_null(chart_lines(h, "C", labels, 1, s, 1));
  /* one bucket: a dot in the middle at the top of the scale */
  assert_string_equal(hdf_get_value(h, "C.Series.0.Points", ""), "384.0,16.0");
  assert_string_equal(hdf_get_value(h, "C.Series.0.Dots.0.Value", ""), "50");
  assert_string_equal(hdf_get_value(h, "C.XLabels.0.Label", ""), "2026-01-01");
  hdf_destroy(&h);

  /* 366 buckets: no dots, at most 9 axis labels, the first one on the left edge */
  assert_null(hdf_init(&h));
  static long long many[366];
  static char names[366][11];
  const char *lab[366];
  for (int i = 0; i < 366; i++) {
    many[i] = i * 10;
    report_day_string(report_day_number("2024-01-01") + i, names[i]);
    lab[i] = names[i];
  }
  const chart_series m[1] = {{"x", "s1", many}};
  assert_null(chart_lines(h, "C", lab, 366, m, 1));
  assert_null(hdf_get_obj(h, "C.Series.0.Dots"));
  int labels_n = 0;
  for (HDF *x = hdf_get_child(h, "C.XLabels"); x; x = hdf_obj_next(x)) labels_n++;
  assert_true(labels_n >= 2 && labels_n <= 9);
  assert_string_equal(hdf_get_value(h, "C.XLabels.0.X", ""), "64.0");
  hdf_destroy(&h);
}

static void test_bars(void **state) {
  HDF *h = NULL;
  assert_null(hdf_init(&h));
  const char *labels[2] = {"一二三四五六七八九十一二三四五六", "short"};
  const long long v[2] = {300, 0};
  assert_null(chart_bars(h, "B", labels, v, 2));
  /* long names are cut on a character boundary, the full name kept for the tooltip */
  assert_string_equal(hdf_get_value(h, "B.Bars.0.Label", ""), "一二三四五六七八九十一二三四…");
  assert_string_equal(hdf_get_value(h, "B.Bars.0.Full", ""), labels[0]);
  assert_string_equal(hdf_get_value(h, "B.Bars.1.Label", ""), "short");
  assert_string_equal(hdf_get_value(h, "B.Bars.1.W", ""), "0.0");
  assert_string_equal(hdf_get_value(h, "B.Bars.0.W", ""), "434.0"); /* the full plot width */
  hdf_destroy(&h);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_day_numbers), cmocka_unit_test(test_scale), cmocka_unit_test(test_digits),
      cmocka_unit_test(test_lines),       cmocka_unit_test(test_bars),
  };
  return cmocka_run_group_tests_name("reports", tests, NULL, NULL);
}
