/* test_monitor.c: the monitor's statements (F1) against days of minutes and payments of many activities — each reads
 * its activity's own primary-key range or the alerts' day index (EXPLAIN: no full scan, the expected index, no
 * filesort where an index serves); the mobile list rule of the alert settings */
#include "harness.h"
#include "campaigns/monitor.h"
#include "campaigns/monitor_alerts.h"
#include <stdio.h>
#include <string.h>

#define A0 990001 /* test activities 990001..990020: ids no real activity has */
static const char SQL_CLEAN[] = "DELETE FROM activity_minutes WHERE activity_id BETWEEN 990001 AND 990020;"
                                "DELETE FROM activity_payments WHERE activity_id BETWEEN 990001 AND 990020;"
                                "DELETE FROM monitor_alerts WHERE activity_id BETWEEN 990001 AND 990020";
/* Three days of every minute for 20 activities (86,400 rows), 100,000 payments, 3,000 alerts over 30 days. */
static const char SQL_SEED[] =
    "INSERT INTO activity_minutes (activity_id, minute, orders, points, cash_fen) SELECT 990001 + seq % 20, "
    "CURDATE() - INTERVAL 1 DAY + INTERVAL (seq DIV 20) MINUTE - INTERVAL 1 DAY, 1 + seq % 7, 100, 0 "
    "FROM seq_0_to_86399;"
    "INSERT INTO activity_payments (activity_id, paid_at, order_id, member_id, ip, points, cash_fen) SELECT "
    "990001 + seq % 20, NOW() - INTERVAL (seq * 2) SECOND, seq, 1 + seq % 5000, CONCAT('10.0.', seq % 250, '.1'), 100, "
    "0 "
    "FROM seq_1_to_100000;"
    "INSERT INTO monitor_alerts (activity_id, kind, day, slot, fired_at, texted_at) SELECT 990001 + seq % 20, "
    "ELT(1 + seq % 3, 'surge', 'budget', 'tripped'), CURDATE() - INTERVAL seq % 30 DAY, seq, NOW(), NOW() "
    "FROM seq_1_to_3000;"
    "ANALYZE TABLE activity_minutes, activity_payments, monitor_alerts, activities, orders";

static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}

/* Every real table read through an index (no "ALL"); the tables named in keys ("table:key,table:key") through that
 * key; no filesort unless the statement groups (its sort is of the grouped rows, at most an hour of one activity). */
static int g_bad;
static void check_plan(const char *name, const char *stmt, const dbp *p, int n, const char *keys, int grouped) {
  char sql[2400], plan[16384];
  int found = 0, bad = 0;
  snprintf(sql, sizeof sql, "EXPLAIN FORMAT=JSON %s", stmt);
  t_ok(db_query_str(t_db(), sql, p, n, plan, sizeof plan, &found), sql);
  static const char TN[] = "\"table_name\": \"", AT[] = "\"access_type\": \"", KEY[] = "\"key\": \"";
  print_message("plan of %s:\n", name);
  for (const char *t = plan; (t = strstr(t, TN)); t++) {
    const char *tn = t + strlen(TN), *next = strstr(tn, TN), *at = strstr(tn, AT), *key = strstr(tn, KEY);
    if (at && next && at > next) at = NULL;
    if (key && next && key > next) key = NULL;
    int tl = (int)strcspn(tn, "\""), al = at ? (int)strcspn(at + strlen(AT), "\"") : 1,
        kl = key ? (int)strcspn(key + strlen(KEY), "\"") : 1;
    print_message("  %-18.*s | %-8.*s | %.*s\n", tl, tn, al, at ? at + strlen(AT) : "-", kl,
                  key ? key + strlen(KEY) : "-");
    if (*tn == '<') continue;
    if (at && strncmp(at + strlen(AT), "ALL", 3) == 0) bad = 1;
    char want[64];
    snprintf(want, sizeof want, "%.*s:", tl, tn);
    const char *w = strstr(keys, want);
    if (w) {
      w += strlen(want);
      int wl = (int)strcspn(w, ",");
      if (!key || kl != wl || strncmp(key + strlen(KEY), w, (size_t)wl) != 0) bad = 1;
    }
  }
  if (!strstr(plan, TN)) print_message("  %s\n", plan);
  if (strstr(plan, "filesort")) print_message("  filesort%s\n", grouped ? " (of the grouped rows)" : "");
  if (!grouped && strstr(plan, "filesort")) bad = 1;
  if (bad) {
    print_error("scans, sorts or reads another index: %s\n", name);
    g_bad++;
  }
}

static void test_statements_read_their_range(void **state) {
  const char *const *m = MONITOR_SQL, *const *al = MONITOR_ALERT_SQL;
  long long order = 0; /* an order that exists (the demo's), so the plan shows its primary-key read */
  t_ok(db_query_ll(t_db(), "SELECT COALESCE(MAX(id), 0) FROM orders", DB_NOARGS, &order, NULL), "order");
  check_plan("series (today and yesterday)", m[0], DBA(DI(A0)), "activity_minutes:PRIMARY", 0);
  check_plan("top members, last hour", m[1], DBA(DI(A0)), "activity_payments:PRIMARY,m:PRIMARY", 1);
  check_plan("top IPs, last hour", m[2], DBA(DI(A0)), "activity_payments:PRIMARY", 1);
  check_plan("alerts today", m[3], DB_NOARGS, "al:by_day,a:PRIMARY", 0);
  check_plan("open alerts today", m[4], DB_NOARGS, "al:by_day,a:PRIMARY", 0);
  check_plan("payment: minute upsert", m[5], DBA(DI(A0), DI(100), DI(0), DI(order)), "orders:PRIMARY", 0);
  check_plan("payment: who and where", m[6], DBA(DI(A0), DI(1), DS("10.0.0.1"), DI(100), DI(0), DI(order)),
             "orders:PRIMARY", 0);
  check_plan("surge windows", al[0], DBA(DI(A0), DI(4), DI(A0), DI(4)), "activity_minutes:PRIMARY", 0);
  check_plan("surge slot", al[1], DBA(DI(A0), DI(5)), "monitor_alerts:once", 0);
  check_plan("alerts to text", al[2], DB_NOARGS, "al:by_day,a:PRIMARY,s:PRIMARY", 0);
  check_plan("running activities", al[3], DB_NOARGS, "a:running,d:PRIMARY,s:PRIMARY", 0);
  assert_int_equal(g_bad, 0);
}

/* The series of an activity: yesterday's and today's minutes where they belong, totals summed. */
static void test_series_reads_two_days(void **state) {
  static monitor_series s;
  t_ok(monitor_series_read(t_db(), A0, &s), "series");
  long long want = 0;
  t_ok(db_query_ll(t_db(),
                   "SELECT SUM(orders) FROM activity_minutes WHERE activity_id = 990001 AND minute >= CURDATE()",
                   DB_NOARGS, &want, NULL),
       "today");
  assert_int_equal(s.total_orders[1], want);
  assert_true(s.total_orders[0] > 0);
  assert_true(s.now >= 0 && s.now < MONITOR_DAY_MINUTES);
}

static void test_mobiles_rule(void **state) {
  char out[256];
  assert_int_equal(monitor_mobiles_normalize("13800138000, 13900139000;13800138000", out, sizeof out), 1);
  assert_string_equal(out, "13800138000,13900139000");
  assert_int_equal(monitor_mobiles_normalize("", out, sizeof out), 1);
  assert_string_equal(out, "");
  assert_int_equal(monitor_mobiles_normalize("1380013800", out, sizeof out), 0);
  assert_int_equal(monitor_mobiles_normalize("23800138000", out, sizeof out), 0);
  assert_int_equal(monitor_mobiles_normalize("13800138000x", out, sizeof out), 0);
  assert_int_equal(monitor_mobiles_normalize("13800138001 13800138002 13800138003 13800138004 13800138005 13800138006",
                                             out, sizeof out),
                   0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_statements_read_their_range),
      cmocka_unit_test(test_series_reads_two_days),
      cmocka_unit_test(test_mobiles_rule),
  };
  return cmocka_run_group_tests_name("monitor", tests, setup, teardown);
}
