/* test_payments.c: the cash part's (C5) statements against many payments and notifications — the jobs, the reports
 * and one order's reads each use their index (EXPLAIN: no full scan, the expected key, no filesort); the notification
 * signature (canonical text, HMAC-SHA256, refusal of a changed field) and the yuan format */
#include "harness.h"
#include "payments/payments.h"
#include "payments/gateway.h"
#include "payments/sandbox.h"
#include "config.h"
#include "crypto.h"
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const char SQL_CLEAN[] = "DELETE FROM payments WHERE trade_no LIKE 'CUT%';"
                                "DELETE FROM sandbox_notifications WHERE trade_no LIKE 'CUT%';"
                                "DELETE FROM sandbox_trades WHERE trade_no LIKE 'CUT%'";
/* 20,000 payments over 60 days and the orders there are (states mixed; none left 'paid'), 20,000 notifications
 * mostly acknowledged. */
static const char SQL_SEED[] =
    "INSERT INTO payments (order_id, member_id, provider, trade_no, amount_fen, state, created_at, paid_at, "
    "refunded_at) SELECT o.id, 1, 'sandbox', CONCAT('CUT', LPAD(seq, 21, '0')), 100 + seq % 900, "
    /* open ('created') ones on distinct orders only: one_open allows one per order */
    "IF(seq < o.cnt, 'created', ELT(1 + seq % 10, 'failed', 'failed', 'failed', 'failed', 'failed', 'failed', "
    "'refunded', 'refunded', 'failed', 'refund_pending')), NOW() - INTERVAL 3 DAY - INTERVAL (seq % 60) DAY, "
    "IF(seq % 10 >= 6, NOW() - INTERVAL (seq % 60) DAY, NULL), "
    "IF(seq % 10 IN (6, 7), NOW() - INTERVAL (seq % 60) DAY + INTERVAL 1 HOUR, NULL) FROM seq_1_to_20000 "
    /* spread over the orders without an open payment, all but the newest of them */
    "JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn, COUNT(*) OVER () - 1 AS cnt FROM orders "
    "WHERE NOT EXISTS (SELECT 1 FROM payments x WHERE x.open_order_id = orders.id)) o "
    "ON o.rn = seq % GREATEST(o.cnt, 1) AND o.rn < o.cnt;"
    "INSERT INTO sandbox_notifications (trade_no, url, body, tries, next_at, acked_at) SELECT "
    "CONCAT('CUT', LPAD(seq, 21, '0')), 'http://127.0.0.1:9/pay/notify/sandbox', 'x', 1, "
    "NOW() + INTERVAL 1 HOUR, IF(seq % 50 = 0, NULL, NOW()) FROM seq_1_to_20000;"
    "ANALYZE TABLE payments, sandbox_notifications, orders";

static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}

/* Every real table read through an index (no "ALL"); the tables named in keys ("table:key,…") through that key;
 * no filesort unless the statement groups. */
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
    print_message("  %-22.*s | %-8.*s | %.*s\n", tl, tn, al, at ? at + strlen(AT) : "-", kl,
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
  if (!grouped && strstr(plan, "filesort")) bad = 1;
  if (bad) {
    print_error("scans, sorts or reads another index: %s\n", name);
    g_bad++;
  }
}

static void test_statements_use_their_index(void **state) {
  const char *const *s = PAYMENTS_SQL, *const *n = SANDBOX_SQL;
  long long order = 0;
  t_ok(db_query_ll(t_db(), "SELECT COALESCE(MAX(id), 0) FROM orders", DB_NOARGS, &order, NULL), "order");
  check_plan("job: open trades older than a minute", s[0], DB_NOARGS, "payments:by_state", 0);
  check_plan("job: refunds due", s[1], DB_NOARGS, "payments:by_state", 0);
  check_plan("report: cash received", s[2], DBA(DS("2026-01-01"), DS("2026-01-08")), "payments:by_paid", 1);
  check_plan("report: cash refunded", s[3], DBA(DS("2026-01-01"), DS("2026-01-08")), "payments:by_refunded", 1);
  check_plan("order: open payments", s[4], DBA(DI(order)), "payments:by_order", 0);
  check_plan("order: refunds due", s[5], DBA(DI(order)), "payments:by_order", 0);
  check_plan("order: cash view", s[6], DBA(DI(order)), "o:PRIMARY,p:by_order", 1);
  check_plan("settlements: month's cash received", s[7], DBA(DS("2026-01"), DS("2026-01")), "payments:by_paid", 1);
  check_plan("settlements: month's cash refunded", s[8], DBA(DS("2026-01"), DS("2026-01")), "payments:by_refunded",
             1);
  check_plan("sandbox: due notifications", n[0], DB_NOARGS, "sandbox_notifications:by_due", 0);
  check_plan("sandbox: one trade's due notifications", n[1], DBA(DS("CUT000000000000000000001")),
             "sandbox_notifications:by_trade", 0);
  assert_int_equal(g_bad, 0);
}

/* The signed text is fixed; a signature verifies only its own text; amounts show as yuan with two decimals. */
static void test_signature_and_yuan(void **state) {
  char text[300], sig[65];
  pay_notify_canonical("C00000000000000000000001", "SBX1", 1234, "paid", text, sizeof text);
  assert_string_equal(text, "amount_fen=1234&provider_trade_no=SBX1&status=paid&trade_no=C00000000000000000000001");
  pay_sign(text, sig);
  assert_int_equal(strlen(sig), 64);
  assert_true(pay_verify(text, sig));
  char other[300];
  pay_notify_canonical("C00000000000000000000001", "SBX1", 1235, "paid", other, sizeof other);
  assert_false(pay_verify(other, sig));
  sig[0] = sig[0] == 'a' ? 'b' : 'a';
  assert_false(pay_verify(text, sig));
  assert_false(pay_verify(text, ""));
  char y[24];
  pay_yuan(1234, y, sizeof y);
  assert_string_equal(y, "12.34");
  pay_yuan(5, y, sizeof y);
  assert_string_equal(y, "0.05");
  pay_yuan(100000, y, sizeof y);
  assert_string_equal(y, "1000.00");
}

/* The gateway driver over HTTP against the sandbox's gateway protocol on the running stack (MALL_URL): open a trade,
 * query it open, pay it at the cashier, query it paid, refund it (twice: the same refund), query it refunded; a
 * request signed with another key is refused. */
static void test_gateway_driver_end_to_end(void **state) {
  const char *mall = getenv("MALL_URL");
  if (!mall || !*mall) {
    print_message("MALL_URL not set: the gateway driver needs the running stack\n");
    return;
  }
  static char api[300], ret[300];
  snprintf(api, sizeof api, "%s/sandbox-pay/api", mall);
  snprintf(ret, sizeof ret, "%s/order/P2026010100000000/pay", mall);
  const char *saved_url = g_cfg.pay_url, *saved_secret = g_cfg.pay_secret;
  g_cfg.pay_url = api;
  g_cfg.pay_merchant = "mall-test";
  char trade[PAY_TRADE_NO_LEN + 1], digits[22], url[PAY_URL_MAX + 1];
  t_ok(crypto_digits(digits, 21) == 0 ? STATUS_OK : nerr_raise(NERR_SYSTEM, "random"), "random");
  snprintf(trade, sizeof trade, "CUT%s", digits);
  t_ok(gateway_provider.create(t_db(), trade, 1234, "网关测试", "http://127.0.0.1:9/pay/notify/gateway", ret, url,
                               sizeof url),
       "create");
  assert_true(strncmp(url, mall, strlen(mall)) == 0 && strstr(url, "/sandbox-pay/cashier/") != NULL);
  assert_true(gateway_url_ok(url));
  assert_false(gateway_url_ok("https://evil.example.com/sandbox-pay/cashier/x"));
  pay_query_result q;
  t_ok(gateway_provider.query(t_db(), trade, &q), "query open");
  assert_int_equal(q.state, PAYQ_OPEN);
  assert_int_equal(q.amount_fen, 1234);
  sandbox_result res;
  char back[300];
  t_ok(sandbox_finish(t_db(), trade, 1, &res, back, sizeof back), "pay");
  assert_int_equal(res, SANDBOX_DONE);
  t_ok(gateway_provider.query(t_db(), trade, &q), "query paid");
  assert_int_equal(q.state, PAYQ_PAID);
  assert_int_equal(q.amount_fen, 1234);
  assert_true(strncmp(q.provider_no, "SBX", 3) == 0);
  int ok = 0;
  t_ok(gateway_provider.refund(t_db(), trade, 1234, &ok), "refund");
  assert_true(ok);
  t_ok(gateway_provider.refund(t_db(), trade, 1234, &ok), "refund again");
  assert_true(ok);
  t_ok(gateway_provider.query(t_db(), trade, &q), "query refunded");
  assert_int_equal(q.state, PAYQ_REFUNDED);
  g_cfg.pay_secret = "not-the-key";
  t_ok(gateway_provider.query(t_db(), trade, &q), "query with another key");
  assert_int_equal(q.state, PAYQ_UNKNOWN); /* refused: 400 */
  g_cfg.pay_url = saved_url;
  g_cfg.pay_secret = saved_secret;
}

/* A provider that cannot be reached: the member's "pay at the cashier" answers "unavailable", never an error. */
static void test_unreachable_provider_is_unavailable(void **state) {
  const char *saved_provider = g_cfg.pay_provider, *saved_url = g_cfg.pay_url;
  long long member = 0, order = 0;
  char no[18], digits[9];
  t_ok(db_query_ll(t_db(), "SELECT id FROM members WHERE mobile = '13800138000'", DB_NOARGS, &member, NULL), "member");
  t_ok(crypto_digits(digits, 8) == 0 ? STATUS_OK : nerr_raise(NERR_SYSTEM, "random"), "random");
  snprintf(no, sizeof no, "P2001010%s", digits);
  t_ok(db_exec(t_db(), "INSERT INTO orders (order_no, member_id, points_total, cash_total_fen) VALUES (?, ?, 0, 100)",
               DBA(DS(no), DI(member)), NULL, &order),
       "order");
  g_cfg.pay_provider = "gateway";
  g_cfg.pay_url = "http://127.0.0.1:9/api";
  pay_start_result res;
  char url[PAY_URL_MAX + 1];
  t_ok(payment_start(t_db(), member, no, "http://mall.test", &res, url, sizeof url), "start");
  assert_int_equal(res, PAY_START_UNAVAILABLE);
  assert_string_equal(url, "");
  g_cfg.pay_provider = "nonesuch";
  t_ok(payment_start(t_db(), member, no, "http://mall.test", &res, url, sizeof url), "start, unknown provider");
  assert_int_equal(res, PAY_START_UNAVAILABLE);
  g_cfg.pay_provider = saved_provider;
  g_cfg.pay_url = saved_url;
  t_ok(db_exec(t_db(), "DELETE FROM payments WHERE order_id = ?", DBA(DI(order)), NULL, NULL), "clean payments");
  t_ok(db_exec(t_db(), "DELETE FROM orders WHERE id = ?", DBA(DI(order)), NULL, NULL), "clean order");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_statements_use_their_index),
      cmocka_unit_test(test_signature_and_yuan),
      cmocka_unit_test(test_gateway_driver_end_to_end),
      cmocka_unit_test(test_unreachable_provider_is_unavailable),
  };
  return cmocka_run_group_tests_name("payments", tests, setup, teardown);
}
