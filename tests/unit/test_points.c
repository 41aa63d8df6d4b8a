/* test_points.c: the points ledger against the real MariaDB — FIFO lots, refusals, refunds, expiry, races */
#include "ledger_fixture.h"
#include "orders/orders.h"

static const char SQL_LOT_REMAINING[] = "SELECT remaining FROM points_lots WHERE id = ?";
static const char SQL_LOT_EXPIRES[] = "SELECT DATE_FORMAT(expires_at, '%Y-%m-%d') FROM points_lots WHERE id = ?";
static const char SQL_LOT_STATUS_OPEN[] = "SELECT status = 'open' FROM points_lots WHERE id = ?";
static const char SQL_ENTRIES[] = "SELECT COUNT(*) FROM points_ledger WHERE member_id = ?";
static const char SQL_EXPIRE_ENTRIES_OF_LOT[] =
    "SELECT COUNT(*) FROM points_ledger WHERE lot_id = ? AND kind = 'expire'";
static const char SQL_ALLOC_OF[] = "SELECT amount FROM points_allocations WHERE ledger_id = ? AND lot_id = ?";
static const char SQL_ALLOCS[] = "SELECT COUNT(*) FROM points_allocations WHERE ledger_id = ?";
static const char SQL_BALANCE_AFTER[] = "SELECT balance_after FROM points_ledger WHERE id = ?";
static const char SQL_LOT_DUE[] = "UPDATE points_lots SET expires_at = CURDATE() - INTERVAL 1 DAY WHERE id = ?";
static const char SQL_FREEZE[] = "UPDATE members SET status = 'frozen' WHERE id = ?";
static const char SQL_CORRUPT[] = "UPDATE members SET points_balance = points_balance + ? WHERE id = ?";

static const char SQL_ORDER_PAID[] =
    "INSERT INTO orders (order_no, member_id, status, points_total, stock_taken, paid_at) "
    "VALUES (?, ?, 'paid', ?, 1, NOW())";
static const char SQL_ORDER_REFUNDED[] =
    "UPDATE orders SET status = 'cancelled', refunded = 1, stock_taken = 0, cancelled_at = NOW() WHERE id = ?";

/* order 0: an admin deduction ("adjust"); otherwise the spend of that order, keyed like orders.c does. */
struct spend {
  long long member, amount, order;
  points_result res;
  long long entry;
};

static NEOERR *tx_spend(MYSQL *db, void *arg) {
  struct spend *s = arg;
  char key[40];
  snprintf(key, sizeof key, "spend:%lld", s->order);
  return nerr_pass(points_spend(db, s->member, s->order ? "spend" : "adjust", s->amount, s->order,
                                s->order ? key : NULL, "单元测试", &s->res, &s->entry));
}

/* An order row paid with amount points (no lines, so no stock involved). */
static long long paid_order(long long member, long long amount) {
  char no[ORDER_NO_LEN + 1] = "T";
  crypto_digits(no + 1, ORDER_NO_LEN - 1);
  long long id = 0;
  t_ok(db_exec(t_db(), SQL_ORDER_PAID, DBA(DS(no), DI(member), DI(amount)), NULL, &id), "order");
  return id;
}

/* Spends in its own transaction like the callers do; a refusal comes back rolled back, as a result. */
static points_result spend(long long member, long long amount, long long order, long long *entry) {
  struct spend s = {member, amount, order, POINTS_OK, 0};
  NEOERR *err = db_tx(t_db(), tx_spend, &s);
  if (err && nerr_match(err, NERR_POINTS_REFUSED)) {
    nerr_ignore(&err);
    assert_int_not_equal(s.res, POINTS_OK);
    return s.res;
  }
  t_ok(err, "spend");
  if (entry) *entry = s.entry;
  return POINTS_OK;
}

struct refund {
  long long member, entry, order, refunded;
};

static NEOERR *tx_refund(MYSQL *db, void *arg) {
  struct refund *r = arg;
  char key[40];
  snprintf(key, sizeof key, "refund:%lld", r->order);
  NEOERR *err = points_refund(db, r->member, r->entry, r->order, key, &r->refunded);
  if (!err) err = db_exec(db, SQL_ORDER_REFUNDED, DBA(DI(r->order)), NULL, NULL);
  return nerr_pass(err);
}

/* Refunds the order's spend and marks the order cancelled and refunded, as order_cancel does. */
static long long refund(long long member, long long entry, long long order) {
  struct refund r = {member, entry, order, 0};
  t_ok(db_tx(t_db(), tx_refund, &r), "refund");
  return r.refunded;
}

struct expire {
  long long member, points;
};

static NEOERR *tx_expire(MYSQL *db, void *arg) {
  struct expire *e = arg;
  return nerr_pass(points_expire_member(db, e->member, &e->points));
}

static long long expire(long long member) {
  struct expire e = {member, 0};
  t_ok(db_tx(t_db(), tx_expire, &e), "expire");
  return e.points;
}

static void test_spend_takes_earliest_expiring_lots_first(void **state) {
  long long m = fx_member();
  long long late = fx_lot(m, 100, 30), early = fx_lot(m, 50, 10), early2 = fx_lot(m, 70, 10);
  assert_int_equal(fx_ll(FX_BALANCE, m), 220);
  long long entry = 0;
  assert_int_equal(spend(m, 130, 0, &entry), POINTS_OK);
  /* Same expiry: the older lot first; then the later one only for what is left. */
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, early), 0);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, early2), 0);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, late), 90);
  long long a = -1;
  t_ok(db_query_ll(t_db(), SQL_ALLOC_OF, DBA(DI(entry), DI(late)), &a, NULL), "alloc");
  assert_int_equal(a, 10);
  assert_int_equal(fx_ll(SQL_ALLOCS, entry), 3);
  assert_int_equal(fx_ll(FX_BALANCE, m), 90);
  assert_int_equal(fx_ll(SQL_BALANCE_AFTER, entry), 90);
  fx_ledger_clean();
}

static void test_spend_beyond_balance_writes_nothing(void **state) {
  long long m = fx_member();
  long long lot = fx_lot(m, 100, 20);
  long long due = fx_lot(m, 40, -1); /* would be expired by the spend — and that is rolled back too */
  long long entries = fx_ll(SQL_ENTRIES, m);
  assert_int_equal(spend(m, 101, 0, NULL), POINTS_INSUFFICIENT);
  assert_int_equal(fx_ll(FX_BALANCE, m), 140);
  assert_int_equal(fx_ll(SQL_ENTRIES, m), entries);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, lot), 100);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, due), 40);
  /* Exactly the balance is fine (after the due lot went). */
  assert_int_equal(spend(m, 100, 0, NULL), POINTS_OK);
  assert_int_equal(fx_ll(FX_BALANCE, m), 0);
  assert_int_equal(fx_ll(SQL_EXPIRE_ENTRIES_OF_LOT, due), 1);
  fx_ledger_clean();
}

/* The balance covers the spend only with points past their date: the charge that counted them is taken
 * back, the due lot expires, and the spend is refused; a smaller one is paid from the live lot alone. */
static void test_spend_never_uses_points_past_their_date(void **state) {
  long long m = fx_member();
  long long live = fx_lot(m, 100, 20), due = fx_lot(m, 40, -1);
  long long entries = fx_ll(SQL_ENTRIES, m);
  assert_int_equal(spend(m, 120, 0, NULL), POINTS_INSUFFICIENT);
  assert_int_equal(fx_ll(FX_BALANCE, m), 140); /* refused: nothing at all written, the expiry neither */
  assert_int_equal(fx_ll(SQL_ENTRIES, m), entries);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, due), 40);
  long long entry = 0;
  assert_int_equal(spend(m, 90, 0, &entry), POINTS_OK);
  assert_int_equal(fx_ll(SQL_EXPIRE_ENTRIES_OF_LOT, due), 1);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, due), 0);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, live), 10);
  assert_int_equal(fx_ll(SQL_ALLOCS, entry), 1);
  assert_int_equal(fx_ll(FX_BALANCE, m), 10);
  assert_int_equal(fx_ll(SQL_BALANCE_AFTER, entry), 10);
  fx_ledger_clean();
}

static void test_frozen_member_cannot_spend(void **state) {
  long long m = fx_member();
  fx_lot(m, 100, 20);
  t_ok(db_exec(t_db(), SQL_FREEZE, DBA(DI(m)), NULL, NULL), "freeze");
  assert_int_equal(spend(m, 10, 0, NULL), POINTS_FROZEN);
  assert_int_equal(fx_ll(FX_BALANCE, m), 100);
}

static void test_refund_returns_points_to_the_same_lots(void **state) {
  long long m = fx_member();
  long long a = fx_lot(m, 60, 5), b = fx_lot(m, 100, 50);
  char exp_a[16], exp_b[16];
  t_ok(db_query_str(t_db(), SQL_LOT_EXPIRES, DBA(DI(a)), exp_a, sizeof exp_a, NULL), "expiry a");
  t_ok(db_query_str(t_db(), SQL_LOT_EXPIRES, DBA(DI(b)), exp_b, sizeof exp_b, NULL), "expiry b");
  long long entry = 0, order = paid_order(m, 80);
  assert_int_equal(spend(m, 80, order, &entry), POINTS_OK);
  fx_lot(m, 30, 1); /* a newer, earlier-expiring lot must not receive the refund */
  assert_int_equal(refund(m, entry, order), 80);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, a), 60);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, b), 100);
  char after[16];
  t_ok(db_query_str(t_db(), SQL_LOT_EXPIRES, DBA(DI(a)), after, sizeof after, NULL), "expiry a after");
  assert_string_equal(after, exp_a);
  t_ok(db_query_str(t_db(), SQL_LOT_EXPIRES, DBA(DI(b)), after, sizeof after, NULL), "expiry b after");
  assert_string_equal(after, exp_b);
  assert_int_equal(fx_ll(FX_BALANCE, m), 190);
  /* The same key again: nothing happens. */
  long long entries = fx_ll(SQL_ENTRIES, m);
  assert_int_equal(refund(m, entry, order), 0);
  assert_int_equal(fx_ll(SQL_ENTRIES, m), entries);
  assert_int_equal(fx_ll(FX_BALANCE, m), 190);
  fx_ledger_clean();
}

static void test_refund_into_an_expired_lot_expires_again(void **state) {
  long long m = fx_member();
  long long lot = fx_lot(m, 100, 3);
  long long entry = 0, order = paid_order(m, 60);
  assert_int_equal(spend(m, 60, order, &entry), POINTS_OK);
  fx_ledger_clean();
  t_ok(db_exec(t_db(), SQL_LOT_DUE, DBA(DI(lot)), NULL, NULL), "backdate");
  assert_int_equal(expire(m), 40);
  assert_int_equal(refund(m, entry, order), 60);
  assert_int_equal(fx_ll(SQL_LOT_STATUS_OPEN, lot), 1);
  assert_int_equal(fx_ll(FX_BALANCE, m), 60);
  fx_ledger_clean();
  assert_int_equal(expire(m), 60);
  assert_int_equal(fx_ll(FX_BALANCE, m), 0);
  assert_int_equal(fx_ll(SQL_EXPIRE_ENTRIES_OF_LOT, lot), 2);
  fx_ledger_clean();
}

static void test_expire_is_idempotent(void **state) {
  long long m = fx_member();
  long long due = fx_lot(m, 80, -1), keep = fx_lot(m, 20, 0); /* expiring today still counts today */
  assert_int_equal(expire(m), 80);
  long long entries = fx_ll(SQL_ENTRIES, m);
  assert_int_equal(expire(m), 0);
  assert_int_equal(fx_ll(SQL_ENTRIES, m), entries);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, due), 0);
  assert_int_equal(fx_ll(SQL_LOT_REMAINING, keep), 20);
  assert_int_equal(fx_ll(FX_BALANCE, m), 20);
  long long members = 0, points = 0;
  t_ok(points_expire_all(t_db(), &members, &points), "expire all");
  assert_int_equal(fx_ll(SQL_EXPIRE_ENTRIES_OF_LOT, due), 1);
  fx_ledger_clean();
}

/* Half the racers spend 150 each, half expire: the due lot can never be spent, and expires once. */
struct race_ctx {
  long long member;
};

static int racer_spend_or_expire(int idx, void *arg) {
  struct race_ctx *c = arg;
  if (idx % 2) {
    long long m = 0, p = 0;
    return fx_child_err(points_expire_all(t_db(), &m, &p));
  }
  struct spend s = {c->member, 150, 0, POINTS_OK, 0};
  NEOERR *err = db_tx(t_db(), tx_spend, &s);
  if (err && nerr_match(err, NERR_POINTS_REFUSED)) {
    nerr_ignore(&err);
    return s.res;
  }
  return err ? fx_child_err(err) : POINTS_OK;
}

static void test_expire_racing_spend(void **state) {
  long long m = fx_member();
  long long due = fx_lot(m, 300, -2);
  fx_lot(m, 200, 40);
  struct race_ctx c = {m};
  int res[12];
  fx_race(12, racer_spend_or_expire, &c, res);
  int spenders_ok = 0, insufficient = 0;
  for (int i = 0; i < 12; i += 2) {
    spenders_ok += res[i] == POINTS_OK;
    insufficient += res[i] == POINTS_INSUFFICIENT;
  }
  for (int i = 1; i < 12; i += 2) assert_int_equal(res[i], 0);
  assert_int_equal(spenders_ok, 1);
  assert_int_equal(insufficient, 5);
  assert_int_equal(fx_ll(FX_BALANCE, m), 50);
  assert_int_equal(fx_ll(SQL_EXPIRE_ENTRIES_OF_LOT, due), 1);
  fx_ledger_clean();
}

static void test_check_finds_a_corrupted_balance(void **state) {
  long long m = fx_member();
  fx_lot(m, 10, 10);
  t_ok(db_exec(t_db(), SQL_CORRUPT, DBA(DI(5), DI(m)), NULL, NULL), "corrupt");
  long long v = 0;
  t_ok(ledger_check(t_db(), NULL, NULL, &v), "check");
  t_ok(db_exec(t_db(), SQL_CORRUPT, DBA(DI(-5), DI(m)), NULL, NULL), "repair");
  assert_int_equal(v, 2); /* against the entries and against the lots */
  fx_ledger_clean();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_spend_takes_earliest_expiring_lots_first),
      cmocka_unit_test(test_spend_beyond_balance_writes_nothing),
      cmocka_unit_test(test_spend_never_uses_points_past_their_date),
      cmocka_unit_test(test_frozen_member_cannot_spend),
      cmocka_unit_test(test_refund_returns_points_to_the_same_lots),
      cmocka_unit_test(test_refund_into_an_expired_lot_expires_again),
      cmocka_unit_test(test_expire_is_idempotent),
      cmocka_unit_test(test_expire_racing_spend),
      cmocka_unit_test(test_check_finds_a_corrupted_balance),
  };
  t_ok(points_init_errors(), "errors");
  int rc = cmocka_run_group_tests_name("points", tests, NULL, NULL);
  db_close();
  mysql_library_end();
  return rc;
}
