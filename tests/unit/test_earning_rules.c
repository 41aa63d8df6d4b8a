/* test_earning_rules.c: the arithmetic of earning rules (P2, points/earning_math.c) — points from fen under each
 * rounding mode, ratios other than one per yuan, overflow and bad settings refused, what a day cap leaves, bonuses */
#include "harness.h"
#include "points/earning_math.h"
#include <limits.h>

static void test_rounding_names(void **state) {
  (void)state;
  assert_int_equal(earning_rounding_parse("down"), EARN_ROUND_DOWN);
  assert_int_equal(earning_rounding_parse("half_up"), EARN_ROUND_HALF_UP);
  assert_int_equal(earning_rounding_parse("up"), EARN_ROUND_UP);
  assert_int_equal(earning_rounding_parse("nearest"), -1);
  assert_int_equal(earning_rounding_parse(""), -1);
  assert_int_equal(earning_rounding_parse(NULL), -1);
  assert_string_equal(earning_rounding_name(EARN_ROUND_HALF_UP), "half_up");
}

/* One point per yuan (100 fen): ¥12.49, ¥12.50, ¥12.99, ¥13.00 and amounts below a yuan. */
static void test_per_yuan(void **state) {
  (void)state;
  const long long amounts[] = {1249, 1250, 1299, 1300, 0, 1, 49, 50, 99, 100};
  const long long down[] = {12, 12, 12, 13, 0, 0, 0, 0, 0, 1};
  const long long half[] = {12, 13, 13, 13, 0, 0, 0, 1, 1, 1};
  const long long up[] = {13, 13, 13, 13, 0, 1, 1, 1, 1, 1};
  for (int i = 0; i < 10; i++) {
    assert_int_equal(earning_points(amounts[i], 1, 100, EARN_ROUND_DOWN), down[i]);
    assert_int_equal(earning_points(amounts[i], 1, 100, EARN_ROUND_HALF_UP), half[i]);
    assert_int_equal(earning_points(amounts[i], 1, 100, EARN_ROUND_UP), up[i]);
  }
}

/* Other ratios: 3 points per ¥2 (200 fen), 1 point per fen, 5 points per ¥1 with odd units. */
static void test_other_ratios(void **state) {
  (void)state;
  assert_int_equal(earning_points(333, 3, 200, EARN_ROUND_DOWN), 4);    /* 4.995 */
  assert_int_equal(earning_points(333, 3, 200, EARN_ROUND_HALF_UP), 5); /* 4.995 */
  assert_int_equal(earning_points(300, 3, 200, EARN_ROUND_HALF_UP), 5); /* 4.5 exactly: half rounds up */
  assert_int_equal(earning_points(299, 3, 200, EARN_ROUND_HALF_UP), 4); /* 4.485 */
  assert_int_equal(earning_points(400, 3, 200, EARN_ROUND_UP), 6);      /* exact: no rounding up */
  assert_int_equal(earning_points(777, 1, 1, EARN_ROUND_DOWN), 777);
  assert_int_equal(earning_points(10001, 5, 100, EARN_ROUND_DOWN), 500);
  assert_int_equal(earning_points(10001, 5, 100, EARN_ROUND_UP), 501);
  /* odd unit: half of 3 fen is 1.5 fen — 1 fen left rounds down, 2 fen left round up */
  assert_int_equal(earning_points(4, 1, 3, EARN_ROUND_HALF_UP), 1);
  assert_int_equal(earning_points(5, 1, 3, EARN_ROUND_HALF_UP), 2);
}

static void test_refused_settings(void **state) {
  (void)state;
  assert_int_equal(earning_points(-1, 1, 100, EARN_ROUND_DOWN), -1);
  assert_int_equal(earning_points(100, 0, 100, EARN_ROUND_DOWN), -1);
  assert_int_equal(earning_points(100, 1, 0, EARN_ROUND_DOWN), -1);
  assert_int_equal(earning_points(LLONG_MAX / 2, 3, 1, EARN_ROUND_DOWN), -1); /* would overflow */
  /* the largest amount the API takes, at the highest ratio, fits */
  assert_int_equal(earning_points(100000000000LL, 10000, 1, EARN_ROUND_UP), 1000000000000000LL);
}

static void test_day_cap(void **state) {
  (void)state;
  assert_int_equal(earning_capped(30, 0, 999), 30);  /* no cap */
  assert_int_equal(earning_capped(30, 100, 0), 30);  /* room enough */
  assert_int_equal(earning_capped(30, 100, 70), 30); /* exactly to the cap */
  assert_int_equal(earning_capped(30, 100, 80), 20); /* what is left */
  assert_int_equal(earning_capped(30, 100, 100), 0); /* used up */
  assert_int_equal(earning_capped(30, 100, 130), 0); /* a cap lowered below what was earned */
  assert_int_equal(earning_capped(0, 100, 0), 0);
  assert_int_equal(earning_capped(-5, 100, 0), 0);
}

static void test_bonus(void **state) {
  (void)state;
  assert_int_equal(earning_bonus(25, 1, 200, 0), 25);  /* double: the bonus is the same again */
  assert_int_equal(earning_bonus(25, 1, 150, 0), 12);  /* 12.5 rounded down */
  assert_int_equal(earning_bonus(25, 1, 100, 0), 0);   /* ×1: nothing */
  assert_int_equal(earning_bonus(25, 1, 1000, 0), 225); /* ×10 */
  assert_int_equal(earning_bonus(25, 1, 1001, 0), 0);  /* out of range */
  assert_int_equal(earning_bonus(25, 1, 99, 0), 0);
  assert_int_equal(earning_bonus(25, 0, 0, 8), 8); /* fixed, whatever the earn */
  assert_int_equal(earning_bonus(1, 0, 0, 8), 8);
  assert_int_equal(earning_bonus(0, 0, 0, 8), 0); /* no earn, no bonus */
  assert_int_equal(earning_bonus(25, 0, 0, 0), 0);
  assert_int_equal(earning_bonus(25, 0, 0, 1000001), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rounding_names),  cmocka_unit_test(test_per_yuan), cmocka_unit_test(test_other_ratios),
      cmocka_unit_test(test_refused_settings), cmocka_unit_test(test_day_cap), cmocka_unit_test(test_bonus),
  };
  return cmocka_run_group_tests_name("earning_rules", tests, NULL, NULL);
}
