/* test_pay_usual.c: the usual payment as one procedure (schema/048) writes what the C way writes, and hands
 * everything else to the C way unchanged — against the real MariaDB */
#include "ledger_fixture.h"
#include "campaigns/switches.h"
#include "orders/orders.h"
#include "shared/sms.h"

static const char SQL_MOBILE[] = "SELECT mobile FROM members WHERE id = ?";
/* Unless the order's code is still live (a wrong entry leaves it so): the member enters that one again. */
static const char SQL_CODE_INSERT[] =
    "INSERT INTO sms_codes (mobile, purpose, ref, code_hash, expires_at) SELECT ?, 'pay', ?, ?, NOW() + INTERVAL 5 "
    "MINUTE FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM sms_codes WHERE mobile = ? AND purpose = 'pay' AND ref = ? "
    "AND used_at IS NULL AND expires_at > NOW())";
static const char SQL_CODE_STATE[] =
    "SELECT CONCAT(attempts, '|', used_at IS NOT NULL) FROM sms_codes WHERE mobile = ? ORDER BY id DESC LIMIT 1";
static const char SQL_STATUS[] = "SELECT status FROM orders WHERE order_no = ?";
static const char SQL_GEN[] = "SELECT gen FROM cache_generations WHERE id = ?";
static const char SQL_RESTOCK_OFF_SHELF[] =
    "UPDATE products SET stock = stock + 5, initial_stock = initial_stock + 5, on_shelf = 0 WHERE id = ?";
static const char SQL_FREEZE[] = "UPDATE members SET status = 'frozen' WHERE id = ?";
static const char SQL_ORDER_NO_OF[] = "SELECT order_no FROM orders WHERE member_id = ?";
static const char SQL_SALES[] = "SELECT sales FROM products WHERE id = ?";
static const char SQL_EXPIRE_ENTRIES_OF_LOT[] =
    "SELECT COUNT(*) FROM points_ledger WHERE lot_id = ? AND kind = 'expire'";
/* Everything a paid order left behind, in one line: the order, its spend entry and that entry's allocations (by id:
 * the lots in the order they were taken), the member's lots (oldest expiry first), the order's events, the balance. */
static const char SQL_PAID_TRACE[] =
    "SELECT CONCAT_WS('|', o.status, o.stock_taken, o.paid_at IS NOT NULL, e.kind, e.amount, e.balance_after, "
    "e.note = CONCAT('兑换订单 ', o.order_no), e.once_key = CONCAT('spend:', o.id), e.lot_id IS NULL, "
    "(SELECT GROUP_CONCAT(a.amount, '@', a.refunded ORDER BY a.id) FROM points_allocations a "
    "WHERE a.ledger_id = e.id), "
    "(SELECT GROUP_CONCAT(l.remaining ORDER BY l.expires_at, l.id) FROM points_lots l "
    "WHERE l.member_id = o.member_id), "
    "(SELECT GROUP_CONCAT(v.kind, ':', v.note ORDER BY v.id) FROM order_events v WHERE v.order_id = o.id), "
    "m.points_balance) "
    "FROM orders o JOIN points_ledger e ON e.order_id = o.id AND e.kind = 'spend' JOIN members m ON m.id = o.member_id "
    "WHERE o.id = ?";

static void text_of(const char *sql, long long id, char *out, size_t len) {
  out[0] = '\0';
  t_ok(db_query_str(t_db(), sql, DBA(DI(id)), out, len, NULL), sql);
}

static void status_is(const char *no, const char *want) {
  char got[16] = "";
  t_ok(db_query_str(t_db(), SQL_STATUS, DBA(DS(no)), got, sizeof got, NULL), "status");
  assert_string_equal(got, want);
}

/* An order of lines; out gets it. */
static void order_of(long long member, const order_line *lines, int n, order_outcome *out) {
  t_ok(order_create(t_db(), member, lines, n, 0, "", 0, out), "order_create");
  assert_int_equal(out->result, ORDER_OK);
}

static void order1(long long member, long long product, long long q, order_outcome *out) {
  order_line l = {product, q};
  order_of(member, &l, 1, out);
}

/* Stores the code "246810" for the order as sms_code_issue would (bound to its number and amount), unless one lives. */
static void code_for(long long member, const order_outcome *o, char mobile[12]) {
  char ref[64], hash[65];
  text_of(SQL_MOBILE, member, mobile, 12);
  order_pay_ref(o->order_no, o->points_total, ref, sizeof ref);
  sms_code_given_hash("pay", mobile, ref, "246810", hash);
  t_ok(db_exec(t_db(), SQL_CODE_INSERT, DBA(DS(mobile), DS(ref), DS(hash), DS(mobile), DS(ref)), NULL, NULL), "code");
}

/* Pays with the code entered (the right one unless given): the outcome's result; *vr what the code check found. */
static order_result pay_entered(long long member, const order_outcome *o, const char *code, sms_verify_status *vr) {
  char mobile[12];
  text_of(SQL_MOBILE, member, mobile, sizeof mobile);
  sms_verify_result v;
  order_outcome out;
  t_ok(order_pay_with_code(t_db(), member, mobile, o->order_no, code ? code : "246810", "203.0.113.9", &v, &out),
       "order_pay_with_code");
  if (vr) *vr = v.status;
  return out.result;
}

/* The same, the code sent first (the order's live one kept). */
static order_result pay_code(long long member, const order_outcome *o, const char *code, sms_verify_status *vr) {
  char mobile[12];
  code_for(member, o, mobile);
  return pay_entered(member, o, code, vr);
}

/* Two members with the same lots pay the same order, one the usual way and one the C way (order_pay): every row
 * either left is the same, the spend taken from the oldest lots first across two of them. */
static void test_usual_writes_what_the_c_way_writes(void **state) {
  long long p = fx_product("virtual", 15, 10, 0), members[2] = {fx_member(), fx_member()};
  char trace[2][512];
  for (int i = 0; i < 2; i++) {
    long long m = members[i];
    fx_lot(m, 100, 90);
    fx_lot(m, 5, 10);
    fx_lot(m, 20, 30);
    order_outcome o;
    order1(m, p, 1, &o);
    long long usual = order_pay_usual_count();
    if (i == 0) {
      int row = db_principal_generation_row(m);
      long long gen = fx_ll(SQL_GEN, row);
      sms_verify_status vr = SMS_VERIFY_NONE;
      assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_OK);
      assert_int_equal(vr, SMS_VERIFY_OK);
      assert_int_equal(order_pay_usual_count(), usual + 1);
      assert_true(fx_ll(SQL_GEN, row) > gen); /* the member's cached header (balance) goes */
      char mobile[12], code[16];
      text_of(SQL_MOBILE, m, mobile, sizeof mobile);
      t_ok(db_query_str(t_db(), SQL_CODE_STATE, DBA(DS(mobile)), code, sizeof code, NULL), "code state");
      assert_string_equal(code, "1|1"); /* counted and used */
    } else {
      order_outcome out;
      t_ok(order_pay(t_db(), m, o.order_no, &out), "order_pay");
      assert_int_equal(out.result, ORDER_OK);
      assert_int_equal(order_pay_usual_count(), usual);
    }
    text_of(SQL_PAID_TRACE, o.order_id, trace[i], sizeof trace[i]);
  }
  assert_string_equal(trace[0],
                      "paid|1|1|spend|-15|110|1|1|1|5@0,10@0|0,10,100|created:订单已提交,paid:已支付 15 积分|110");
  assert_string_equal(trace[0], trace[1]);
  assert_int_equal(fx_ll(FX_STOCK, p), 8);
  assert_int_equal(fx_ll(SQL_SALES, p), 2);
  /* Cancelled, the usual way's spend goes back to the same lots as the C way's. */
  order_outcome out;
  char no[ORDER_NO_LEN + 1];
  t_ok(db_query_str(t_db(), SQL_ORDER_NO_OF, DBA(DI(members[0])), no, sizeof no, NULL), "order no");
  t_ok(order_cancel(t_db(), members[0], no, "单元测试", &out), "cancel");
  assert_int_equal(out.result, ORDER_OK);
  assert_int_equal(fx_ll(FX_BALANCE, members[0]), 125);
  fx_ledger_clean();
}

/* Whatever the usual way declines is answered by the C way as before, and the procedure left nothing behind. */
static void test_declined_goes_the_c_way(void **state) {
  long long p = fx_product("virtual", 30, 10, 0);
  order_outcome o;
  sms_verify_status vr;
  long long usual = order_pay_usual_count();

  /* A wrong code: counted once (by the C way), nothing paid; then the right one pays the usual way. */
  long long m = fx_member();
  fx_lot(m, 100, 30);
  order1(m, p, 1, &o);
  assert_int_equal(pay_code(m, &o, "135790", &vr), ORDER_OK);
  assert_int_equal(vr, SMS_VERIFY_WRONG);
  status_is(o.order_no, "pending");
  assert_int_equal(fx_ll(FX_BALANCE, m), 100);
  assert_int_equal(order_pay_usual_count(), usual);
  char mobile[12], code[16];
  text_of(SQL_MOBILE, m, mobile, sizeof mobile);
  t_ok(db_query_str(t_db(), SQL_CODE_STATE, DBA(DS(mobile)), code, sizeof code, NULL), "code state");
  assert_string_equal(code, "1|0");
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_OK);
  assert_int_equal(order_pay_usual_count(), ++usual);
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_ALREADY_PAID);

  /* Points past their date among the lots: the C way expires them first, then pays from the live ones. */
  m = fx_member();
  long long due = fx_lot(m, 50, -1);
  fx_lot(m, 100, 30);
  order1(m, p, 1, &o);
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_OK);
  assert_int_equal(order_pay_usual_count(), usual);
  assert_int_equal(fx_ll(SQL_EXPIRE_ENTRIES_OF_LOT, due), 1);
  assert_int_equal(fx_ll(FX_BALANCE, m), 70);

  /* Too few points; a frozen member: refused with the reason, the code spent, nothing charged. */
  m = fx_member();
  fx_lot(m, 20, 30);
  order1(m, p, 1, &o);
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_INSUFFICIENT);
  assert_int_equal(vr, SMS_VERIFY_OK);
  text_of(SQL_MOBILE, m, mobile, sizeof mobile);
  t_ok(db_query_str(t_db(), SQL_CODE_STATE, DBA(DS(mobile)), code, sizeof code, NULL), "code state");
  assert_string_equal(code, "1|1");
  status_is(o.order_no, "pending");
  assert_int_equal(fx_ll(FX_BALANCE, m), 20);
  fx_lot(m, 100, 30);
  t_ok(db_exec(t_db(), SQL_FREEZE, DBA(DI(m)), NULL, NULL), "freeze");
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_FROZEN);
  assert_int_equal(fx_ll(FX_BALANCE, m), 120);

  /* The last unit sold to someone else meanwhile; the product taken off the shelf. */
  long long last = fx_product("virtual", 30, 1, 0), m2 = fx_member();
  order_outcome o2;
  m = fx_member();
  fx_lot(m, 100, 30);
  fx_lot(m2, 100, 30);
  order1(m, last, 1, &o);
  order1(m2, last, 1, &o2);
  assert_int_equal(pay_code(m2, &o2, NULL, &vr), ORDER_OK);
  assert_int_equal(order_pay_usual_count(), ++usual);
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_SOLD_OUT);
  assert_int_equal(fx_ll(FX_BALANCE, m), 100);
  t_ok(db_exec(t_db(), SQL_RESTOCK_OFF_SHELF, DBA(DI(last)), NULL, NULL), "restock, off the shelf");
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_OFF_SHELF);
  assert_int_equal(fx_ll(FX_BALANCE, m), 100);

  /* All redemption paused (F4). */
  audit_actor who = {0, "unit", "", "system"};
  switch_result res;
  m = fx_member();
  fx_lot(m, 100, 30);
  order1(m, p, 1, &o);
  t_ok(switch_pause(t_db(), &who, 0, "单元测试暂停", &res), "pause mall");
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_PAUSED);
  t_ok(switch_resume(t_db(), &who, 0, &res), "resume mall");
  assert_int_equal(fx_ll(FX_BALANCE, m), 100);
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_OK);
  assert_int_equal(order_pay_usual_count(), ++usual);

  /* Not the usual kind of order: two products, a per-member limit — paid the C way. */
  long long q = fx_product("virtual", 10, 10, 0), limited = fx_product("virtual", 10, 10, 3);
  order_line two[2] = {{p, 1}, {q, 2}};
  m = fx_member();
  fx_lot(m, 200, 30);
  order_of(m, two, 2, &o);
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_OK);
  order1(m, limited, 2, &o);
  assert_int_equal(pay_code(m, &o, NULL, &vr), ORDER_OK);
  assert_int_equal(order_pay_usual_count(), usual);
  assert_int_equal(fx_ll(FX_BALANCE, m), 130);
  fx_ledger_clean();
}

struct inside {
  long long member;
  order_outcome order;
  order_result result;
};

static NEOERR *tx_pay_inside(MYSQL *db, void *arg) {
  (void)db;
  struct inside *x = arg;
  sms_verify_status vr;
  x->result = pay_code(x->member, &x->order, NULL, &vr);
  return STATUS_OK;
}

/* Inside another transaction the procedure's own START TRANSACTION would commit it: the C way, joining it. */
static void test_inside_a_transaction_goes_the_c_way(void **state) {
  long long p = fx_product("virtual", 30, 10, 0), usual = order_pay_usual_count();
  struct inside x = {fx_member(), {0}, ORDER_NOT_FOUND};
  fx_lot(x.member, 100, 30);
  order1(x.member, p, 1, &x.order);
  t_ok(db_tx(t_db(), tx_pay_inside, &x), "outer transaction");
  assert_int_equal(x.result, ORDER_OK);
  assert_int_equal(order_pay_usual_count(), usual);
  assert_int_equal(fx_ll(FX_BALANCE, x.member), 70);
  fx_ledger_clean();
}

struct usual_race {
  long long members[24];
  order_outcome orders[24];
};

static int racer_pay_usual(int i, void *arg) {
  struct usual_race *r = arg;
  sms_verify_status vr;
  return (int)pay_entered(r->members[i], &r->orders[i], NULL, &vr);
}

/* A flash sale the usual way: 24 members, stock 6, at once — exactly 6 paid, the rest told it is sold out. */
static void test_race_usual_flash_sale(void **state) {
  enum { N = 24 };
  long long p = fx_product("virtual", 40, 6, 0);
  struct usual_race r;
  for (int i = 0; i < N; i++) {
    r.members[i] = fx_member();
    fx_lot(r.members[i], 100, 30);
    order1(r.members[i], p, 1, &r.orders[i]);
    char mobile[12];
    code_for(r.members[i], &r.orders[i], mobile);
  }
  int res[N];
  fx_race(N, racer_pay_usual, &r, res);
  assert_int_equal(fx_count(res, N, ORDER_OK), 6);
  assert_int_equal(fx_count(res, N, ORDER_SOLD_OUT), N - 6);
  assert_int_equal(fx_ll(FX_STOCK, p), 0);
  for (int i = 0; i < N; i++) assert_int_equal(fx_ll(FX_BALANCE, r.members[i]), res[i] == ORDER_OK ? 60 : 100);
  fx_ledger_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_usual_writes_what_the_c_way_writes),
      cmocka_unit_test(test_declined_goes_the_c_way),
      cmocka_unit_test(test_inside_a_transaction_goes_the_c_way),
      cmocka_unit_test(test_race_usual_flash_sale),
  };
  FX_RUN("pay_usual", tests, NULL);
}
