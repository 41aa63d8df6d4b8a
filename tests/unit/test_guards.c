/* test_guards.c: circuit breakers (F2) and the emergency switch (F4) against the real MariaDB — budgets under a race
 * of processes, daily caps, pauses, what a refusal leaves behind (nothing) and what a cancel gives back */
#include "ledger_fixture.h"
#include "orders/orders.h"
#include "campaigns/guards.h"
#include "campaigns/switches.h"

static const char SQL_ACTIVITY[] =
    "INSERT INTO activities (title_zh, rules_zh, rules_en, starts_at, ends_at, points_budget, member_day_cap) "
    "VALUES ('单元测试活动', '', '', NOW() - INTERVAL 1 DAY, NOW() + INTERVAL 1 DAY, ?, ?)";
static const char SQL_ACTIVITY_PRODUCT[] = "INSERT INTO activity_products (activity_id, product_id) VALUES (?, ?)";
static const char SQL_SPENT[] = "SELECT points_spent FROM activity_days WHERE activity_id = ? AND day = CURDATE()";
static const char SQL_TRIPPED[] =
    "SELECT tripped_at IS NOT NULL FROM activity_days WHERE activity_id = ? AND day = CURDATE()";
static const char SQL_DAY_CAP[] = "UPDATE products SET member_day_cap = ? WHERE id = ?";
static const char SQL_COUNTED[] = "SELECT COUNT(*) FROM order_guard_counts WHERE order_id = ?";
static const char SQL_ORDER_SPENDS[] = "SELECT COUNT(*) FROM points_ledger WHERE order_id = ? AND kind = 'spend'";
static const char SQL_RAISE[] = "UPDATE activities SET points_budget = ? WHERE id = ?";

static long long activity(long long product, long long budget, long long cap) {
  long long id = 0;
  t_ok(db_exec(t_db(), SQL_ACTIVITY, DBA(DI(budget), DI(cap)), NULL, &id), "activity");
  t_ok(db_exec(t_db(), SQL_ACTIVITY_PRODUCT, DBA(DI(id), DI(product)), NULL, NULL), "activity product");
  return id;
}

static void create1(long long member, long long product, long long q, order_outcome *out) {
  order_line l = {product, q};
  t_ok(order_create(t_db(), member, &l, 1, 0, "单元测试", 0, out), "order_create");
  assert_int_equal(out->result, ORDER_OK);
}

static order_result pay(long long member, const char *no, order_outcome *out) {
  t_ok(order_pay(t_db(), member, no, out), "order_pay");
  return out->result;
}

struct pay_race {
  long long members[32];
  char orders[32][ORDER_NO_LEN + 1];
};

static int racer_pay(int i, void *arg) {
  struct pay_race *r = arg;
  order_outcome out;
  NEOERR *err = order_pay(t_db(), r->members[i], r->orders[i], &out);
  return err ? fx_child_err(err) : (int)out.result;
}

/* 30 processes pay 100 points each against a budget of 250: two fit, the third trips the activity, all the rest are
 * refused — and a refused payment wrote nothing. */
static void test_race_budget(void **state) {
  enum { N = 30 };
  long long p = fx_product("virtual", 100, 100, 0), a = activity(p, 250, 0);
  struct pay_race r;
  for (int i = 0; i < N; i++) {
    r.members[i] = fx_member();
    fx_lot(r.members[i], 500, 30);
    order_outcome out;
    create1(r.members[i], p, 1, &out);
    memcpy(r.orders[i], out.order_no, sizeof r.orders[i]);
  }
  int res[N];
  fx_race(N, racer_pay, &r, res);
  assert_int_equal(fx_count(res, N, ORDER_OK), 2);
  assert_int_equal(fx_count(res, N, ORDER_TRIPPED), N - 2);
  assert_int_equal(fx_ll(SQL_SPENT, a), 200);
  assert_int_equal(fx_ll(SQL_TRIPPED, a), 1);
  assert_int_equal(fx_ll(FX_STOCK, p), 98);
  for (int i = 0; i < N; i++) assert_int_equal(fx_ll(FX_BALANCE, r.members[i]), res[i] == ORDER_OK ? 400 : 500);
  /* Tripped: even a payment that would fit is refused, until the budget is raised above what was spent. */
  long long m = fx_member();
  fx_lot(m, 500, 30);
  order_outcome out;
  create1(m, p, 1, &out);
  char no[ORDER_NO_LEN + 1];
  memcpy(no, out.order_no, sizeof no);
  assert_int_equal(pay(m, no, &out), ORDER_TRIPPED);
  assert_int_equal(out.activity_id, a);
  assert_int_equal(fx_ll(SQL_ORDER_SPENDS, out.order_id), 0);
  assert_int_equal(fx_ll(SQL_COUNTED, out.order_id), 0);
  t_ok(db_exec(t_db(), SQL_RAISE, DBA(DI(1000), DI(a)), NULL, NULL), "raise");
  int untripped = 0;
  t_ok(guards_untrip(t_db(), a, &untripped), "untrip");
  assert_int_equal(untripped, 1);
  assert_int_equal(pay(m, no, &out), ORDER_OK);
  assert_int_equal(fx_ll(SQL_SPENT, a), 300);
  fx_ledger_clean();
}

/* A daily cap per product: the third unit of the day is refused; a cancel gives its unit back. */
static void test_product_day_cap(void **state) {
  long long m = fx_member(), p = fx_product("virtual", 10, 100, 0);
  fx_lot(m, 1000, 30);
  t_ok(db_exec(t_db(), SQL_DAY_CAP, DBA(DI(2), DI(p)), NULL, NULL), "cap");
  order_outcome out;
  char first[ORDER_NO_LEN + 1];
  create1(m, p, 2, &out);
  memcpy(first, out.order_no, sizeof first);
  assert_int_equal(pay(m, first, &out), ORDER_OK);
  create1(m, p, 1, &out);
  char third[ORDER_NO_LEN + 1];
  memcpy(third, out.order_no, sizeof third);
  assert_int_equal(pay(m, third, &out), ORDER_DAY_CAP);
  assert_int_equal(out.product_id, p);
  assert_int_equal(fx_ll(FX_BALANCE, m), 980);
  t_ok(order_cancel(t_db(), m, first, "单元测试", &out), "cancel");
  assert_int_equal(out.result, ORDER_OK);
  assert_int_equal(pay(m, third, &out), ORDER_OK);
  fx_ledger_clean();
}

/* A product in two running activities, with a daily cap of 3: an order of 2 counts 2 against the cap (its line comes
 * once per activity in the guards' read, and once to the cap) and its 20 points against each activity's budget; a
 * second order of 2 is over the cap. */
static void test_line_in_two_activities(void **state) {
  long long m = fx_member(), p = fx_product("virtual", 10, 100, 0);
  long long a = activity(p, 1000, 0), b = activity(p, 1000, 0);
  fx_lot(m, 1000, 30);
  t_ok(db_exec(t_db(), SQL_DAY_CAP, DBA(DI(3), DI(p)), NULL, NULL), "cap");
  order_outcome out;
  create1(m, p, 2, &out);
  char no[ORDER_NO_LEN + 1];
  memcpy(no, out.order_no, sizeof no);
  assert_int_equal(pay(m, no, &out), ORDER_OK);
  assert_int_equal(fx_ll(SQL_SPENT, a), 20);
  assert_int_equal(fx_ll(SQL_SPENT, b), 20);
  assert_int_equal(fx_ll("SELECT quantity FROM member_day_counts WHERE scope = 'product' AND day = CURDATE() AND "
                         "ref_id = ?", p), 2);
  create1(m, p, 2, &out);
  memcpy(no, out.order_no, sizeof no);
  assert_int_equal(pay(m, no, &out), ORDER_DAY_CAP);
  assert_int_equal(out.product_id, p);
  create1(m, p, 1, &out);
  memcpy(no, out.order_no, sizeof no);
  assert_int_equal(pay(m, no, &out), ORDER_OK);
  assert_int_equal(fx_ll(SQL_SPENT, a), 30);
  assert_int_equal(fx_ll(SQL_SPENT, b), 30);
  fx_ledger_clean();
}

/* Pausing all redemption or one activity refuses payments (nothing written); resuming lets them through; the
 * process's banner state follows at once. */
static void test_pause_and_resume(void **state) {
  long long m = fx_member(), p = fx_product("virtual", 10, 100, 0), a = activity(p, 0, 0);
  fx_lot(m, 1000, 30);
  audit_actor who = {0, "unit", "", "system"};
  switch_result res;
  order_outcome out;
  create1(m, p, 1, &out);
  char no[ORDER_NO_LEN + 1];
  memcpy(no, out.order_no, sizeof no);

  t_ok(switch_pause(t_db(), &who, 0, "单元测试暂停", &res), "pause mall");
  assert_int_equal(res, SWITCH_OK);
  assert_int_equal(switch_poll(t_db())->mall_paused, 1);
  assert_string_equal(switch_poll(t_db())->mall_reason, "单元测试暂停");
  assert_int_equal(pay(m, no, &out), ORDER_PAUSED);
  assert_int_equal(out.activity_id, 0);
  t_ok(switch_pause(t_db(), &who, 0, "again", &res), "pause twice");
  assert_int_equal(res, SWITCH_UNCHANGED);
  t_ok(switch_resume(t_db(), &who, 0, &res), "resume mall");
  assert_int_equal(switch_poll(t_db())->mall_paused, 0);

  t_ok(switch_pause(t_db(), &who, a, "活动暂停", &res), "pause activity");
  assert_int_equal(res, SWITCH_OK);
  assert_int_equal(pay(m, no, &out), ORDER_PAUSED);
  assert_int_equal(out.activity_id, a);
  assert_int_equal(fx_ll(FX_BALANCE, m), 1000);
  assert_int_equal(fx_ll(FX_STOCK, p), 100);
  t_ok(switch_pause(t_db(), &who, 999999999, "none", &res), "pause unknown");
  assert_int_equal(res, SWITCH_NOT_FOUND);
  t_ok(switch_resume(t_db(), &who, a, &res), "resume activity");
  assert_int_equal(pay(m, no, &out), ORDER_OK);
  fx_ledger_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_race_budget),
      cmocka_unit_test(test_product_day_cap),
      cmocka_unit_test(test_line_in_two_activities),
      cmocka_unit_test(test_pause_and_resume),
  };
  FX_RUN("guards", tests, NULL);
}
