/* test_orders.c: order lifecycle against the real MariaDB — create rules, pay/cancel/ship/complete, limits, races */
#include "ledger_fixture.h"
#include "orders/orders.h"

static const char SQL_STATUS[] = "SELECT status FROM orders WHERE order_no = ?";
static const char SQL_ORDER_SPENDS[] = "SELECT COUNT(*) FROM points_ledger WHERE order_id = ? AND kind = 'spend'";
static const char SQL_MEMBER_ENTRIES[] = "SELECT COUNT(*) FROM points_ledger WHERE member_id = ?";
static const char SQL_LOT_REMAINING[] = "SELECT remaining FROM points_lots WHERE id = ?";
static const char SQL_EXPIRE_ENTRIES_OF_LOT[] =
    "SELECT COUNT(*) FROM points_ledger WHERE lot_id = ? AND kind = 'expire'";
static const char SQL_CART_ADD[] = "INSERT INTO cart_items (member_id, product_id, quantity) VALUES (?, ?, ?)";
static const char SQL_CART_COUNT[] = "SELECT COUNT(*) FROM cart_items WHERE member_id = ?";
static const char SQL_OFF_SHELF[] = "UPDATE products SET on_shelf = 0 WHERE id = ?";
static const char SQL_ON_SHELF[] = "UPDATE products SET on_shelf = 1 WHERE id = ?";
static const char SQL_REASON_CHARS[] = "SELECT CHAR_LENGTH(cancel_reason) FROM orders WHERE id = ?";
static const char SQL_SET_LIMIT[] = "UPDATE products SET per_member_limit = ? WHERE id = ?";
static const char SQL_FREEZE[] = "UPDATE members SET status = 'frozen' WHERE id = ?";
static const char SQL_BACKDATE_CREATED[] =
    "UPDATE orders SET created_at = NOW() - INTERVAL 31 MINUTE WHERE order_no = ?";
static const char SQL_BACKDATE_SHIPPED[] = "UPDATE orders SET shipped_at = NOW() - INTERVAL 11 DAY WHERE order_no = ?";
static const char SQL_EVENTS[] = "SELECT COUNT(*) FROM order_events WHERE order_id = ?";
static const char SQL_SNAPSHOT[] =
    "SELECT CONCAT(recipient, '|', region, '|', address_detail) FROM orders WHERE id = ?";
static const char SQL_INBOX_SHIPPED[] = "SELECT COUNT(*) FROM inbox WHERE member_id = ? AND title = '您的订单已发货'";

static void status_is(const char *no, const char *want) {
  char got[16] = "";
  t_ok(db_query_str(t_db(), SQL_STATUS, DBA(DS(no)), got, sizeof got, NULL), "status");
  assert_string_equal(got, want);
}

/* One line, no cart; returns the outcome's result and fills out. */
static order_result create1(long long member, long long product, long long q, long long address, order_outcome *out) {
  order_line l = {product, q};
  t_ok(order_create(t_db(), member, &l, 1, address, "单元测试", 0, out), "order_create");
  return out->result;
}

static order_result pay(long long member, const char *no) {
  order_outcome out;
  t_ok(order_pay(t_db(), member, no, &out), "order_pay");
  return out.result;
}

static order_result cancel(long long member, const char *no) {
  order_outcome out;
  t_ok(order_cancel(t_db(), member, no, "单元测试", &out), "order_cancel");
  return out.result;
}

static void test_create_checks_lines_address_and_limits(void **state) {
  long long m = fx_member(), other = fx_member();
  long long phys = fx_product("physical", 100, 5, 2), virt = fx_product("virtual", 10, 5, 0);
  long long off = fx_product("physical", 10, 5, 0), addr = fx_address(m), foreign = fx_address(other);
  t_ok(db_exec(t_db(), SQL_OFF_SHELF, DBA(DI(off)), NULL, NULL), "off shelf");
  order_outcome out;
  assert_int_equal(order_create(t_db(), m, NULL, 0, addr, "", 0, &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_EMPTY);
  assert_int_equal(create1(m, phys, 0, addr, &out), ORDER_EMPTY);
  assert_int_equal(create1(m, phys, -3, addr, &out), ORDER_EMPTY);
  assert_int_equal(create1(m, phys, 1000000000000LL, addr, &out), ORDER_LIMIT);
  assert_int_equal(create1(m, 999999999999LL, 1, addr, &out), ORDER_OFF_SHELF);
  assert_int_equal(create1(m, off, 1, addr, &out), ORDER_OFF_SHELF);
  assert_int_equal(out.product_id, off);
  assert_int_equal(create1(m, virt, 6, 0, &out), ORDER_SOLD_OUT);
  assert_int_equal(create1(m, phys, 1, 0, &out), ORDER_NEED_ADDRESS);
  assert_int_equal(create1(m, phys, 1, foreign, &out), ORDER_NEED_ADDRESS);
  assert_int_equal(create1(m, phys, 3, addr, &out), ORDER_LIMIT);
  assert_string_equal(out.order_no, "");
  /* Virtual goods need no address. */
  assert_int_equal(create1(m, virt, 2, 0, &out), ORDER_OK);
  assert_int_equal(out.points_total, 20);
  assert_int_equal(strlen(out.order_no), ORDER_NO_LEN);
  assert_int_equal(out.order_no[0], 'P');
  status_is(out.order_no, "pending");
  /* Two lines of one product count together against the limit; pending orders count too. */
  order_line two[2] = {{phys, 1}, {phys, 1}};
  t_ok(order_create(t_db(), m, two, 2, addr, "", 0, &out), "create two");
  assert_int_equal(out.result, ORDER_OK);
  assert_int_equal(out.points_total, 200);
  char snap[400];
  t_ok(db_query_str(t_db(), SQL_SNAPSHOT, DBA(DI(out.order_id)), snap, sizeof snap, NULL), "snapshot");
  assert_string_equal(snap, "张测试|广东省 深圳市 南山区|科技园 1 号");
  assert_int_equal(create1(m, phys, 1, addr, &out), ORDER_LIMIT);
  /* Nobody ordered anything yet: stock is taken only at payment. */
  assert_int_equal(fx_ll(FX_STOCK, phys), 5);
  t_ok(db_exec(t_db(), SQL_FREEZE, DBA(DI(other)), NULL, NULL), "freeze");
  assert_int_equal(create1(other, virt, 1, 0, &out), ORDER_FROZEN);
  fx_ledger_clean();
}

static void test_create_from_cart_removes_the_lines(void **state) {
  long long m = fx_member(), a = fx_product("virtual", 5, 10, 0), b = fx_product("virtual", 7, 10, 0);
  long long c = fx_product("virtual", 9, 10, 0);
  t_ok(db_exec(t_db(), SQL_CART_ADD, DBA(DI(m), DI(a), DI(1)), NULL, NULL), "cart a");
  t_ok(db_exec(t_db(), SQL_CART_ADD, DBA(DI(m), DI(b), DI(2)), NULL, NULL), "cart b");
  t_ok(db_exec(t_db(), SQL_CART_ADD, DBA(DI(m), DI(c), DI(1)), NULL, NULL), "cart c");
  order_line lines[2] = {{b, 2}, {a, 1}};
  order_outcome out;
  t_ok(order_create(t_db(), m, lines, 2, 0, "", 1, &out), "create");
  assert_int_equal(out.result, ORDER_OK);
  assert_int_equal(out.points_total, 19);
  assert_int_equal(fx_ll(SQL_CART_COUNT, m), 1);
}

static void test_pay_ship_complete(void **state) {
  long long m = fx_member(), other = fx_member();
  fx_lot(m, 1000, 30);
  long long p = fx_product("physical", 300, 4, 0), addr = fx_address(m);
  order_outcome out;
  assert_int_equal(create1(m, p, 2, addr, &out), ORDER_OK);
  char no[ORDER_NO_LEN + 1];
  memcpy(no, out.order_no, sizeof no);
  assert_int_equal(pay(other, no), ORDER_NOT_FOUND);
  assert_int_equal(pay(m, "P2026000000000000"), ORDER_NOT_FOUND);
  assert_int_equal(pay(m, "short"), ORDER_NOT_FOUND);
  assert_int_equal(pay(m, no), ORDER_OK);
  status_is(no, "paid");
  assert_int_equal(fx_ll(FX_BALANCE, m), 400);
  assert_int_equal(fx_ll(FX_STOCK, p), 2);
  assert_int_equal(pay(m, no), ORDER_ALREADY_PAID);
  assert_int_equal(fx_ll(FX_BALANCE, m), 400);
  assert_int_equal(fx_ll(SQL_ORDER_SPENDS, out.order_id), 1);
  /* Not shipped yet: no events, no receipt. */
  assert_int_equal(order_complete(t_db(), m, no, &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_BAD_STATE);
  assert_int_equal(order_add_event(t_db(), no, "到达深圳", &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_BAD_STATE);
  assert_int_equal(order_ship(t_db(), no, "顺丰速运", "SF1234567890", &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_OK);
  status_is(no, "shipped");
  assert_int_equal(fx_ll(SQL_INBOX_SHIPPED, m), 1);
  assert_int_equal(order_ship(t_db(), no, "顺丰速运", "SF1234567890", &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_BAD_STATE);
  assert_int_equal(cancel(m, no), ORDER_BAD_STATE);
  assert_int_equal(order_add_event(t_db(), no, "快件已到达深圳南山营业部", &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_OK);
  assert_int_equal(order_complete(t_db(), other, no, &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_NOT_FOUND);
  assert_int_equal(order_complete(t_db(), m, no, &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_OK);
  status_is(no, "completed");
  assert_int_equal(order_complete(t_db(), m, no, &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_BAD_STATE);
  assert_int_equal(fx_ll(SQL_EVENTS, out.order_id), 5); /* created, paid, shipped, event, completed */
  fx_ledger_clean();
}

static void test_cancel_pending_and_paid(void **state) {
  long long m = fx_member();
  long long soon = fx_lot(m, 200, 5), later = fx_lot(m, 500, 60);
  long long p = fx_product("virtual", 150, 10, 0);
  order_outcome out;
  /* pending → cancelled; then nothing else is possible */
  assert_int_equal(create1(m, p, 1, 0, &out), ORDER_OK);
  char reason[1000] = "";
  for (int i = 0; i < 250; i++) strcat(reason, "取");
  order_outcome done;
  t_ok(order_cancel(t_db(), m, out.order_no, reason, &done), "cancel with a long reason");
  assert_int_equal(done.result, ORDER_OK);
  assert_int_equal(fx_ll(SQL_REASON_CHARS, out.order_id), 200); /* cut to the column, not refused */
  status_is(out.order_no, "cancelled");
  assert_int_equal(cancel(m, out.order_no), ORDER_CANCELLED);
  assert_int_equal(pay(m, out.order_no), ORDER_CANCELLED);
  /* paid → cancelled: points back to the lots they came from, stock back */
  assert_int_equal(create1(m, p, 2, 0, &out), ORDER_OK);
  assert_int_equal(pay(m, out.order_no), ORDER_OK);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, soon), 0);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, later), 400);
  assert_int_equal(fx_ll(FX_STOCK, p), 8);
  assert_int_equal(cancel(fx_member(), out.order_no), ORDER_NOT_FOUND);
  assert_int_equal(cancel(m, out.order_no), ORDER_OK);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, soon), 200);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, later), 500);
  assert_int_equal(fx_ll(FX_STOCK, p), 10);
  assert_int_equal(fx_ll(FX_BALANCE, m), 700);
  long long entries = fx_ll(SQL_MEMBER_ENTRIES, m);
  assert_int_equal(order_cancel(t_db(), 0, out.order_no, "运营取消", &out), STATUS_OK);
  assert_int_equal(out.result, ORDER_CANCELLED);
  assert_int_equal(fx_ll(SQL_MEMBER_ENTRIES, m), entries);
  fx_ledger_clean();
}

static void test_refusals_roll_back_everything(void **state) {
  long long m = fx_member();
  fx_lot(m, 100, 30);
  long long cheap = fx_product("virtual", 10, 10, 0), dear = fx_product("virtual", 200, 10, 0);
  order_line lines[2] = {{cheap, 1}, {dear, 1}};
  order_outcome out;
  t_ok(order_create(t_db(), m, lines, 2, 0, "", 0, &out), "create");
  assert_int_equal(out.result, ORDER_OK);
  long long entries = fx_ll(SQL_MEMBER_ENTRIES, m);
  assert_int_equal(pay(m, out.order_no), ORDER_INSUFFICIENT);
  status_is(out.order_no, "pending");
  assert_int_equal(fx_ll(FX_STOCK, cheap), 10);
  assert_int_equal(fx_ll(FX_STOCK, dear), 10);
  assert_int_equal(fx_ll(FX_BALANCE, m), 100);
  assert_int_equal(fx_ll(SQL_MEMBER_ENTRIES, m), entries);
  /* Enough points now, but taken off the shelf between ordering and paying: the points were spent and
   * the first line's stock taken before the second line said no — all of it rolled back. */
  fx_lot(m, 200, 30);
  entries = fx_ll(SQL_MEMBER_ENTRIES, m);
  t_ok(db_exec(t_db(), SQL_OFF_SHELF, DBA(DI(dear)), NULL, NULL), "off shelf");
  assert_int_equal(pay(m, out.order_no), ORDER_OFF_SHELF);
  status_is(out.order_no, "pending");
  assert_int_equal(fx_ll(FX_STOCK, cheap), 10);
  assert_int_equal(fx_ll(FX_BALANCE, m), 300);
  assert_int_equal(fx_ll(SQL_MEMBER_ENTRIES, m), entries);
  t_ok(db_exec(t_db(), SQL_ON_SHELF, DBA(DI(dear)), NULL, NULL), "on shelf");
  t_ok(db_exec(t_db(), SQL_FREEZE, DBA(DI(m)), NULL, NULL), "freeze");
  assert_int_equal(pay(m, out.order_no), ORDER_FROZEN);
  fx_ledger_clean();
}

static const char SQL_SET_CASH[] = "UPDATE products SET cash_price_fen = ? WHERE id = ?";
static const char SQL_ORDER_CASH[] = "UPDATE orders SET cash_total_fen = ? WHERE order_no = ?";
static const char SQL_LINE_CASH[] = "UPDATE order_items i JOIN orders o ON o.id = i.order_id SET i.cash_price_fen = ? "
                                    "WHERE o.order_no = ?";

static const char SQL_ORDER_CASH_TOTAL[] = "SELECT cash_total_fen FROM orders WHERE order_no = ?";

/* C5: a cash part is ordered (its total stored on the order) but the points are never charged while the cash is
 * unpaid — neither on an order with one, nor on one whose cash part sits only on a line (as older versions made). */
static void test_cash_part_refused(void **state) {
  long long m = fx_member();
  fx_lot(m, 10000, 30);
  long long p = fx_product("virtual", 7000, 10, 0);
  order_outcome out;
  long long cash = 0;
  t_ok(db_exec(t_db(), SQL_SET_CASH, DBA(DI(14900), DI(p)), NULL, NULL), "cash part");
  assert_int_equal(create1(m, p, 1, 0, &out), ORDER_OK);
  t_ok(db_query_ll(t_db(), SQL_ORDER_CASH_TOTAL, DBA(DS(out.order_no)), &cash, NULL), "cash total");
  assert_int_equal(cash, 14900);
  assert_int_equal(pay(m, out.order_no), ORDER_CASH);
  status_is(out.order_no, "pending");
  assert_int_equal(cancel(m, out.order_no), ORDER_OK);
  /* An order made while the product had no cash part, then given one on the order or only on its line. */
  t_ok(db_exec(t_db(), SQL_SET_CASH, DBA(DI(0), DI(p)), NULL, NULL), "no cash part");
  assert_int_equal(create1(m, p, 1, 0, &out), ORDER_OK);
  long long entries = fx_ll(SQL_MEMBER_ENTRIES, m);
  t_ok(db_exec(t_db(), SQL_ORDER_CASH, DBA(DI(14900), DS(out.order_no)), NULL, NULL), "order cash");
  assert_int_equal(pay(m, out.order_no), ORDER_CASH);
  t_ok(db_exec(t_db(), SQL_ORDER_CASH, DBA(DI(0), DS(out.order_no)), NULL, NULL), "order cash 0");
  t_ok(db_exec(t_db(), SQL_LINE_CASH, DBA(DI(1), DS(out.order_no)), NULL, NULL), "line cash");
  assert_int_equal(pay(m, out.order_no), ORDER_CASH);
  status_is(out.order_no, "pending");
  assert_int_equal(fx_ll(FX_BALANCE, m), 10000);
  assert_int_equal(fx_ll(FX_STOCK, p), 10);
  assert_int_equal(fx_ll(SQL_MEMBER_ENTRIES, m), entries);
  assert_int_equal(cancel(m, out.order_no), ORDER_OK);
  fx_ledger_clean();
}

static void test_per_member_limit_at_payment(void **state) {
  long long m = fx_member();
  fx_lot(m, 1000, 30);
  long long p = fx_product("virtual", 10, 10, 2);
  order_outcome a, b;
  assert_int_equal(create1(m, p, 1, 0, &a), ORDER_OK);
  assert_int_equal(create1(m, p, 1, 0, &b), ORDER_OK);
  t_ok(db_exec(t_db(), SQL_SET_LIMIT, DBA(DI(1), DI(p)), NULL, NULL), "limit 1");
  assert_int_equal(pay(m, a.order_no), ORDER_OK);
  assert_int_equal(pay(m, b.order_no), ORDER_LIMIT);
  status_is(b.order_no, "pending");
  assert_int_equal(fx_ll(FX_STOCK, p), 9);
  assert_int_equal(fx_ll(FX_BALANCE, m), 990);
  fx_ledger_clean();
}

static void test_housekeeping(void **state) {
  long long m = fx_member();
  fx_lot(m, 1000, 30);
  long long p = fx_product("physical", 10, 10, 0), addr = fx_address(m);
  order_outcome unpaid, fresh, paid, shipped;
  assert_int_equal(create1(m, p, 1, addr, &unpaid), ORDER_OK);
  assert_int_equal(create1(m, p, 1, addr, &fresh), ORDER_OK);
  assert_int_equal(create1(m, p, 1, addr, &paid), ORDER_OK);
  assert_int_equal(create1(m, p, 1, addr, &shipped), ORDER_OK);
  assert_int_equal(pay(m, paid.order_no), ORDER_OK);
  assert_int_equal(pay(m, shipped.order_no), ORDER_OK);
  assert_int_equal(order_ship(t_db(), shipped.order_no, "中通快递", "ZT998877", &shipped), STATUS_OK);
  t_ok(db_exec(t_db(), SQL_BACKDATE_CREATED, DBA(DS(unpaid.order_no)), NULL, NULL), "backdate");
  t_ok(db_exec(t_db(), SQL_BACKDATE_CREATED, DBA(DS(paid.order_no)), NULL, NULL), "backdate paid");
  t_ok(db_exec(t_db(), SQL_BACKDATE_SHIPPED, DBA(DS(shipped.order_no)), NULL, NULL), "backdate shipped");
  long long cancelled = 0, completed = 0;
  t_ok(orders_housekeeping(t_db(), &cancelled, &completed), "housekeeping");
  assert_true(cancelled >= 1);
  assert_true(completed >= 1);
  status_is(unpaid.order_no, "cancelled");
  status_is(fresh.order_no, "pending");
  status_is(paid.order_no, "paid");
  status_is(shipped.order_no, "completed");
  t_ok(orders_housekeeping(t_db(), &cancelled, &completed), "housekeeping again");
  status_is(paid.order_no, "paid");
  fx_ledger_clean();
}

/* ---- races: forked processes, each with its own connection, released at the same moment ---- */

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

/* (a) N members, stock 10: exactly 10 paid, the rest sold out. */
static void test_race_flash_sale(void **state) {
  enum { N = 30 };
  long long p = fx_product("virtual", 100, 10, 1);
  struct pay_race r;
  for (int i = 0; i < N; i++) {
    r.members[i] = fx_member();
    fx_lot(r.members[i], 500, 30);
    order_outcome out;
    assert_int_equal(create1(r.members[i], p, 1, 0, &out), ORDER_OK);
    memcpy(r.orders[i], out.order_no, sizeof r.orders[i]);
  }
  int res[N];
  fx_race(N, racer_pay, &r, res);
  assert_int_equal(fx_count(res, N, ORDER_OK), 10);
  assert_int_equal(fx_count(res, N, ORDER_SOLD_OUT), N - 10);
  assert_int_equal(fx_ll(FX_STOCK, p), 0);
  for (int i = 0; i < N; i++) assert_int_equal(fx_ll(FX_BALANCE, r.members[i]), res[i] == ORDER_OK ? 400 : 500);
  fx_ledger_clean();
}

/* (b) one order paid from 20 processes at once: charged once. */
static void test_race_double_submit(void **state) {
  enum { N = 20 };
  long long m = fx_member(), p = fx_product("virtual", 250, 50, 0);
  fx_lot(m, 1000, 30);
  order_outcome out;
  assert_int_equal(create1(m, p, 2, 0, &out), ORDER_OK);
  struct pay_race r;
  for (int i = 0; i < N; i++) {
    r.members[i] = m;
    memcpy(r.orders[i], out.order_no, sizeof r.orders[i]);
  }
  int res[N];
  fx_race(N, racer_pay, &r, res);
  assert_int_equal(fx_count(res, N, ORDER_OK), 1);
  assert_int_equal(fx_count(res, N, ORDER_ALREADY_PAID), N - 1);
  assert_int_equal(fx_ll(FX_BALANCE, m), 500);
  assert_int_equal(fx_ll(FX_STOCK, p), 48);
  assert_int_equal(fx_ll(SQL_ORDER_SPENDS, out.order_id), 1);
  fx_ledger_clean();
}

/* (c) 1,000 points, five 300-point orders at once: three paid, never below zero. */
static void test_race_overdraw(void **state) {
  enum { N = 5 };
  long long m = fx_member(), p = fx_product("virtual", 300, 50, 0);
  fx_lot(m, 400, 10);
  fx_lot(m, 600, 90);
  struct pay_race r;
  for (int i = 0; i < N; i++) {
    order_outcome out;
    assert_int_equal(create1(m, p, 1, 0, &out), ORDER_OK);
    r.members[i] = m;
    memcpy(r.orders[i], out.order_no, sizeof r.orders[i]);
  }
  int res[N];
  fx_race(N, racer_pay, &r, res);
  assert_int_equal(fx_count(res, N, ORDER_OK), 3);
  assert_int_equal(fx_count(res, N, ORDER_INSUFFICIENT), 2);
  assert_int_equal(fx_ll(FX_BALANCE, m), 100);
  assert_int_equal(fx_ll(FX_STOCK, p), 47);
  fx_ledger_clean();
}

/* One member paying several orders of a limited product at once: the limit holds. */
static void test_race_limit(void **state) {
  enum { N = 6 };
  long long m = fx_member(), p = fx_product("virtual", 10, 50, N);
  fx_lot(m, 1000, 30);
  struct pay_race r;
  for (int i = 0; i < N; i++) {
    order_outcome out;
    assert_int_equal(create1(m, p, 1, 0, &out), ORDER_OK);
    r.members[i] = m;
    memcpy(r.orders[i], out.order_no, sizeof r.orders[i]);
  }
  t_ok(db_exec(t_db(), SQL_SET_LIMIT, DBA(DI(2), DI(p)), NULL, NULL), "limit 2");
  int res[N];
  fx_race(N, racer_pay, &r, res);
  assert_int_equal(fx_count(res, N, ORDER_OK), 2);
  assert_int_equal(fx_count(res, N, ORDER_LIMIT), N - 2);
  assert_int_equal(fx_ll(FX_STOCK, p), 48);
  assert_int_equal(fx_ll(FX_BALANCE, m), 980);
  fx_ledger_clean();
}

/* (d) cancel racing pay on one order: it ends cancelled, with everything given back. */
struct cancel_race {
  long long member;
  char no[ORDER_NO_LEN + 1];
};

static int racer_pay_or_cancel(int i, void *arg) {
  struct cancel_race *c = arg;
  order_outcome out;
  NEOERR *err =
      i % 2 ? order_cancel(t_db(), c->member, c->no, "单元测试", &out) : order_pay(t_db(), c->member, c->no, &out);
  return err ? fx_child_err(err) : (int)out.result;
}

static void test_race_cancel_and_pay(void **state) {
  enum { N = 10 };
  long long m = fx_member(), p = fx_product("virtual", 300, 5, 0);
  fx_lot(m, 1000, 30);
  struct cancel_race c = {m, ""};
  order_outcome out;
  assert_int_equal(create1(m, p, 1, 0, &out), ORDER_OK);
  memcpy(c.no, out.order_no, sizeof c.no);
  int res[N];
  fx_race(N, racer_pay_or_cancel, &c, res);
  for (int i = 0; i < N; i++) assert_true(res[i] < FX_ERROR);
  int cancels = 0, pays = 0;
  for (int i = 0; i < N; i++) {
    if (i % 2) cancels += res[i] == ORDER_OK;
    else pays += res[i] == ORDER_OK;
  }
  assert_int_equal(cancels, 1);
  assert_true(pays <= 1);
  status_is(c.no, "cancelled");
  assert_int_equal(fx_ll(FX_BALANCE, m), 1000);
  assert_int_equal(fx_ll(FX_STOCK, p), 5);
  fx_ledger_clean();
}

/* (d) expire-points racing pay: the due lot expires exactly once and is never spent. */
struct expire_race {
  long long member;
  char no[ORDER_NO_LEN + 1];
};

static int racer_pay_or_expire(int i, void *arg) {
  struct expire_race *e = arg;
  if (i == 0) {
    order_outcome out;
    NEOERR *err = order_pay(t_db(), e->member, e->no, &out);
    return err ? fx_child_err(err) : (int)out.result;
  }
  long long members = 0, points = 0;
  return fx_child_err(points_expire_all(t_db(), &members, &points));
}

static void test_race_expire_and_pay(void **state) {
  enum { N = 8 };
  long long m = fx_member(), p = fx_product("virtual", 800, 5, 0);
  long long due = fx_lot(m, 500, -1), good = fx_lot(m, 1000, 30);
  struct expire_race e = {m, ""};
  order_outcome out;
  assert_int_equal(create1(m, p, 1, 0, &out), ORDER_OK);
  memcpy(e.no, out.order_no, sizeof e.no);
  int res[N];
  fx_race(N, racer_pay_or_expire, &e, res);
  assert_int_equal(res[0], ORDER_OK);
  for (int i = 1; i < N; i++) assert_int_equal(res[i], 0);
  assert_int_equal(fx_ll(SQL_EXPIRE_ENTRIES_OF_LOT, due), 1);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, good), 200);
  assert_int_equal(fx_ll(FX_BALANCE, m), 200);
  fx_ledger_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_create_checks_lines_address_and_limits),
      cmocka_unit_test(test_cash_part_refused),
      cmocka_unit_test(test_create_from_cart_removes_the_lines),
      cmocka_unit_test(test_pay_ship_complete),
      cmocka_unit_test(test_cancel_pending_and_paid),
      cmocka_unit_test(test_refusals_roll_back_everything),
      cmocka_unit_test(test_per_member_limit_at_payment),
      cmocka_unit_test(test_housekeeping),
      cmocka_unit_test(test_race_flash_sale),
      cmocka_unit_test(test_race_double_submit),
      cmocka_unit_test(test_race_overdraw),
      cmocka_unit_test(test_race_limit),
      cmocka_unit_test(test_race_cancel_and_pay),
      cmocka_unit_test(test_race_expire_and_pay),
  };
  FX_RUN("orders", tests, NULL);
}
