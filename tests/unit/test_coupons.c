/* test_coupons.c: coupon campaigns (F6) — the discount a coupon gives (points off, and cash off the cash part above a
 * threshold, for orders with a cash part), the checkout's suggestion on an order with a cash part, claims against the
 * quota and the per-member limit, and the plans of the member's lists (no scan, no filesort) */
#include "harness.h"
#include "coupons/coupons.h"
#include "coupons/coupons_read.h"
#include "points/points.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_CLEAN[] = "SET @m = (SELECT id FROM members WHERE mobile = '19900000632');"
                                "SET @a = (SELECT id FROM activities WHERE title_zh = 'coupon unit test');"
                                "DELETE FROM coupons WHERE member_id = @m OR campaign_id IN (SELECT id FROM "
                                "coupon_campaigns WHERE activity_id = @a);"
                                "DELETE FROM coupon_member_claims WHERE member_id = @m;"
                                "DELETE FROM coupon_campaigns WHERE activity_id = @a;"
                                "DELETE FROM activities WHERE id = @a;"
                                "DELETE FROM members WHERE id = @m";
static const char SQL_SEED[] =
    "INSERT INTO members (mobile, password_hash) VALUES ('19900000632', 'x'); SET @m = LAST_INSERT_ID();"
    "INSERT INTO activities (title_zh, title_en, rules_zh, rules_en, starts_at, ends_at) VALUES ('coupon unit test', "
    "'', '', '', NOW() - INTERVAL 1 DAY, NOW() + INTERVAL 1 DAY); SET @a = LAST_INSERT_ID();"
    /* 3 000 coupons of one member in every state, so the plans below are the ones a long history gets. */
    "INSERT INTO coupon_campaigns (activity_id, name_zh, kind, face_value, threshold, quota, claimed, per_member, "
    "claim_from, claim_until, use_from, use_until) VALUES (@a, 'history', 'points_off', 5, 0, 3000, 3000, 100, "
    "NOW() - INTERVAL 2 DAY, NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 2 DAY, NOW() + INTERVAL 1 DAY);"
    "INSERT INTO coupons (campaign_id, member_id, kind, face_value, threshold, use_from, use_until, status) "
    "SELECT LAST_INSERT_ID(), @m, 'points_off', 5, 0, NOW() - INTERVAL 2 DAY, NOW() + INTERVAL CAST(seq % 3 AS SIGNED) "
    "- 1 DAY, "
    "IF(seq % 5 = 0, 'used', 'unused') FROM seq_1_to_3000;"
    "ANALYZE TABLE coupons, coupon_campaigns";

static long long g_member, g_activity;


static int setup(void **state) {
  (void)state;
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  g_member = t_one("SELECT id FROM members WHERE mobile = '19900000632'");
  g_activity = t_one("SELECT id FROM activities WHERE title_zh = 'coupon unit test'");
  return 0;
}

static int teardown(void **state) {
  (void)state;
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}

static void test_discount(void **state) {
  (void)state;
  long long p = 0, c = 0;
  coupon_terms pts = {COUPON_POINTS_OFF, 50, 100};
  coupon_discount(&pts, 150, 0, &p, &c);
  assert_true(p == 50 && c == 0);
  coupon_discount(&pts, 99, 0, &p, &c); /* below the threshold */
  assert_true(p == 0 && c == 0);
  coupon_discount(&pts, 100, 5000, &p, &c); /* at the threshold; the cash part is not its business */
  assert_true(p == 50 && c == 0);
  coupon_terms big = {COUPON_POINTS_OFF, 500, 0};
  coupon_discount(&big, 120, 0, &p, &c); /* never more than the order's points: a free order, not a negative one */
  assert_true(p == 120 && c == 0);
  coupon_discount(&big, 0, 300, &p, &c); /* an order of cash only gets nothing off its points */
  assert_true(p == 0 && c == 0);

  /* Cash off: 满 ¥20.00 减 ¥5.00 on the cash part only. */
  coupon_terms cash = {COUPON_CASH_OFF, 500, 2000};
  coupon_discount(&cash, 1000, 2500, &p, &c);
  assert_true(p == 0 && c == 500);
  coupon_discount(&cash, 1000, 1999, &p, &c);
  assert_true(p == 0 && c == 0);
  coupon_discount(&cash, 100000, 0, &p, &c); /* no cash part: nothing, whatever the points */
  assert_true(p == 0 && c == 0);
  coupon_terms free_cash = {COUPON_CASH_OFF, 800, 0};
  coupon_discount(&free_cash, 10, 300, &p, &c); /* capped at the cash part */
  assert_true(p == 0 && c == 300);
  coupon_terms none = {COUPON_CASH_OFF, 0, 0};
  coupon_discount(&none, 10, 300, &p, &c);
  assert_true(p == 0 && c == 0);
  assert_int_equal(coupon_kind_parse("points_off"), COUPON_POINTS_OFF);
  assert_int_equal(coupon_kind_parse("cash_off"), COUPON_CASH_OFF);
  assert_int_equal(coupon_kind_parse("cash"), -1);
  assert_int_equal(coupon_kind_parse(NULL), -1);
}

static long long campaign(const char *kind, long long face, long long threshold, long long quota, long long per) {
  char sql[900];
  snprintf(sql, sizeof sql,
           "INSERT INTO coupon_campaigns (activity_id, name_zh, kind, face_value, threshold, quota, per_member, "
           "claim_from, claim_until, use_from, use_until) VALUES (%lld, 'unit %s', '%s', %lld, %lld, %lld, %lld, "
           "NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 1 DAY, NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 2 DAY)",
           g_activity, kind, kind, face, threshold, quota, per);
  long long id = 0;
  t_ok(db_exec(t_db(), sql, DB_NOARGS, NULL, &id), "campaign");
  return id;
}

/* Quota 2, limit 1 per member: the member's first claim, its second refused for the limit; the campaign's counter
 * never passes its quota; a paused campaign refuses. */
static void test_claims(void **state) {
  (void)state;
  long long camp = campaign("points_off", 30, 0, 2, 1);
  claim_outcome o;
  t_ok(coupon_claim(t_db(), g_member, camp, &o), "claim");
  assert_int_equal(o.result, CLAIM_OK);
  assert_true(o.coupon_id > 0 && o.ledger_id == 0);
  t_ok(coupon_claim(t_db(), g_member, camp, &o), "claim again");
  assert_int_equal(o.result, CLAIM_LIMIT);
  assert_int_equal(t_one("SELECT COUNT(*) FROM coupons WHERE campaign_id = (SELECT MAX(id) FROM coupon_campaigns)"), 1);
  t_ok(db_exec(t_db(), "UPDATE coupon_campaigns SET per_member = 5 WHERE id = ?", DBA(DI(camp)), NULL, NULL), "limit");
  t_ok(coupon_claim(t_db(), g_member, camp, &o), "second");
  assert_int_equal(o.result, CLAIM_OK);
  t_ok(coupon_claim(t_db(), g_member, camp, &o), "third");
  assert_int_equal(o.result, CLAIM_SOLD_OUT);
  char sql[200];
  snprintf(sql, sizeof sql, "SELECT claimed FROM coupon_campaigns WHERE id = %lld", camp);
  assert_int_equal(t_one(sql), 2);
  long long paused = campaign("points_off", 30, 0, 10, 1);
  t_ok(db_exec(t_db(), "UPDATE coupon_campaigns SET paused = 1 WHERE id = ?", DBA(DI(paused)), NULL, NULL), "pause");
  t_ok(coupon_claim(t_db(), g_member, paused, &o), "paused");
  assert_int_equal(o.result, CLAIM_PAUSED);
  t_ok(coupon_claim(t_db(), g_member, 999999999, &o), "unknown");
  assert_int_equal(o.result, CLAIM_NOT_FOUND);
}

/* An order with a cash part (C5): the checkout's suggestion takes the cash-off coupon off the cash, and a points-off
 * coupon off the points; the best one (the larger points discount) comes first. */
static void test_suggestion_with_cash_part(void **state) {
  (void)state;
  long long cash = campaign("cash_off", 500, 2000, 10, 1), pts = campaign("points_off", 40, 0, 10, 1);
  claim_outcome o;
  t_ok(coupon_claim(t_db(), g_member, cash, &o), "cash coupon");
  assert_int_equal(o.result, CLAIM_OK);
  long long cash_coupon = o.coupon_id;
  t_ok(coupon_claim(t_db(), g_member, pts, &o), "points coupon");
  assert_int_equal(o.result, CLAIM_OK);
  HDF *h = NULL;
  int rows = 0;
  t_ok(hdf_init(&h), "hdf");
  t_ok(coupons_for_order(t_db(), g_member, "zh-CN", 300, 2500, h, "C", 200, &rows), "suggest");
  assert_true(rows >= 2);
  assert_int_equal(db_hdf_ll(h, "C.0.off_points", 0), 40); /* the history's 5-point coupons come after */
  int seen_cash = 0;
  for (HDF *c = hdf_get_child(h, "C"); c; c = hdf_obj_next(c))
    if (db_hdf_ll(c, "id", 0) == cash_coupon) {
      seen_cash = 1;
      assert_int_equal(db_hdf_ll(c, "off_cash", 0), 500);
      assert_int_equal(db_hdf_ll(c, "off_points", 0), 0);
    }
  assert_true(seen_cash);
  hdf_destroy(&h);
  /* Below the cash threshold the cash coupon is not offered. */
  t_ok(hdf_init(&h), "hdf");
  t_ok(coupons_for_order(t_db(), g_member, "zh-CN", 300, 1999, h, "C", 200, &rows), "suggest");
  for (HDF *c = hdf_get_child(h, "C"); c; c = hdf_obj_next(c)) assert_true(db_hdf_ll(c, "id", 0) != cash_coupon);
  hdf_destroy(&h);
  long long off_p = 0, off_c = 0;
  int usable = 0;
  t_ok(coupon_lock_for_order(t_db(), g_member, cash_coupon, 300, 2500, &off_p, &off_c, &usable), "lock");
  assert_true(usable && off_p == 0 && off_c == 500);
  t_ok(coupon_lock_for_order(t_db(), g_member + 1, cash_coupon, 300, 2500, &off_p, &off_c, &usable), "not hers");
  assert_false(usable);
}

/* No full scan of a real table and no filesort in the member's lists and the open campaigns. */
static int g_bad;
static void check_plan(const char *stmt, const dbp *p, int n) {
  char sql[2400], plan[16384];
  int found = 0;
  snprintf(sql, sizeof sql, "EXPLAIN FORMAT=JSON %s", stmt);
  t_ok(db_query_str(t_db(), sql, p, n, plan, sizeof plan, &found), sql);
  if (strstr(plan, "\"access_type\": \"ALL\"") || strstr(plan, "filesort")) {
    print_error("scans or sorts: %s\n%s\n", stmt, plan);
    g_bad++;
  }
}

static void test_plans(void **state) {
  (void)state;
  for (int k = 0; k < 3; k++) {
    check_plan(COUPONS_LIST_SQL[k], DBA(DS("zh-CN"), DI(g_member), DI(0), DI(0), DI(21)));
    check_plan(COUPONS_LIST_SQL[k], DBA(DS("en"), DI(g_member), DI(1000000), DI(1000000), DI(21)));
  }
  check_plan(COUPON_CAMPAIGNS_OPEN_SQL, DBA(DS("zh-CN"), DI(g_member), DI(50)));
  check_plan(COUPON_CAMPAIGNS_OF_ACTIVITY_SQL, DBA(DS("zh-CN"), DI(g_member), DI(g_activity), DI(50)));
  check_plan(COUPON_CLAIM_SQL, DBA(DI(1), DI(0)));
  check_plan(COUPONS_USABLE_SQL, DBA(DS("zh-CN"), DI(g_member)));
  assert_int_equal(g_bad, 0);
  /* The usable tab pages through every usable coupon once, newest first. */
  long long after = 0, prev = 1LL << 62, seen = 0;
  for (;;) {
    HDF *h = NULL;
    int rows = 0, more = 0;
    t_ok(hdf_init(&h), "hdf");
    t_ok(coupons_member_list(t_db(), g_member, "usable", "zh-CN", after, h, "L", &rows, &more), "list");
    for (HDF *c = hdf_get_child(h, "L"); c; c = hdf_obj_next(c)) {
      long long id = db_hdf_ll(c, "id", 0);
      assert_true(id < prev);
      prev = after = id;
      seen++;
    }
    hdf_destroy(&h);
    if (!more) break;
  }
  assert_int_equal(seen,
                   t_one("SELECT COUNT(*) FROM coupons WHERE member_id = (SELECT id FROM members WHERE mobile = "
                       "'19900000632') AND status = 'unused' AND use_until > NOW()"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_discount),
      cmocka_unit_test(test_claims),
      cmocka_unit_test(test_suggestion_with_cash_part),
      cmocka_unit_test(test_plans),
  };
  t_ok(points_init_errors(), "errors");
  int rc = cmocka_run_group_tests_name("coupons", tests, setup, teardown);
  db_close();
  mysql_library_end();
  return rc;
}
