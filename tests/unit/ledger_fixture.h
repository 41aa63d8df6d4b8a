/* ledger_fixture.h: fresh members, products, lots and forked racers for test_points.c and test_orders.c */
#ifndef MALL_TEST_LEDGER_FIXTURE_H
#define MALL_TEST_LEDGER_FIXTURE_H
#include "harness.h"
#include "config.h"
#include "crypto.h"
#include "points/ledger_check.h"
#include "points/points.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* Every row a test creates is its own: other suites share this database (and the demo data). */
static const char FX_MEMBER_INSERT[] = "INSERT INTO members (mobile, name, password_hash) VALUES (?, '单元测试', 'x')";
static const char FX_CATEGORY[] = "SELECT MIN(id) FROM categories";
static const char FX_CATEGORY_INSERT[] = "INSERT INTO categories (name_zh) VALUES ('单元测试')";
static const char FX_PRODUCT_INSERT[] =
    "INSERT INTO products (type, category_id, name_zh, description_zh, description_en, points_price, stock, "
    "initial_stock, per_member_limit, on_shelf) VALUES (?, ?, '单元测试商品', '', '', ?, ?, ?, ?, 1)";
static const char FX_ADDRESS_INSERT[] =
    "INSERT INTO addresses (member_id, recipient, mobile, province, city, district, detail, is_default) "
    "VALUES (?, '张测试', '13912345678', '广东省', '深圳市', '南山区', '科技园 1 号', 1)";
/* Test products leave the shelf afterwards so storefront and browser tests never meet them. */
static const char FX_PRODUCTS_OFF[] = "UPDATE products SET on_shelf = 0 WHERE name_zh = '单元测试商品'";
static const char FX_BALANCE[] = "SELECT points_balance FROM members WHERE id = ?";
static const char FX_STOCK[] = "SELECT stock FROM products WHERE id = ?";
static const char FX_DATE[] = "SELECT DATE_FORMAT(CURDATE() + INTERVAL ? DAY, '%Y-%m-%d')";
static const char FX_LOT_OF_ENTRY[] = "SELECT lot_id FROM points_ledger WHERE id = ?";

static inline long long fx_ll(const char *sql, long long id) {
  long long v = -1;
  t_ok(db_query_ll(t_db(), sql, DBA(DI(id)), &v, NULL), sql);
  return v;
}

static inline long long fx_member(void) {
  for (;;) {
    char mobile[12] = "19";
    crypto_digits(mobile + 2, 9);
    long long id = 0;
    NEOERR *err = db_exec(t_db(), FX_MEMBER_INSERT, DBA(DS(mobile)), NULL, &id);
    if (!err) return id;
    nerr_ignore(&err); /* a mobile someone already has: draw again */
  }
}

static inline long long fx_product(const char *type, long long price, long long stock, long long limit) {
  long long cat = 0, id = 0;
  int found = 0;
  t_ok(db_query_ll(t_db(), FX_CATEGORY, DB_NOARGS, &cat, &found), "category");
  if (!found) t_ok(db_exec(t_db(), FX_CATEGORY_INSERT, DB_NOARGS, NULL, &cat), "category insert");
  t_ok(
      db_exec(t_db(), FX_PRODUCT_INSERT, DBA(DS(type), DI(cat), DI(price), DI(stock), DI(stock), DI(limit)), NULL, &id),
      "product");
  return id;
}

static inline long long fx_address(long long member_id) {
  long long id = 0;
  t_ok(db_exec(t_db(), FX_ADDRESS_INSERT, DBA(DI(member_id)), NULL, &id), "address");
  return id;
}

struct fx_credit {
  long long member, amount;
  const char *expires;
  long long entry;
};

static inline NEOERR *fx_tx_credit(MYSQL *db, void *arg) {
  struct fx_credit *c = arg;
  return nerr_pass(points_credit(db, c->member, "earn", c->amount, "earn", "单元测试", c->expires, &c->entry));
}

/* A lot expiring days from today (negative: already due). Returns its lot id. */
static inline long long fx_lot(long long member, long long amount, int days) {
  char expires[16];
  t_ok(db_query_str(t_db(), FX_DATE, DBA(DI(days)), expires, sizeof expires, NULL), "date");
  struct fx_credit c = {member, amount, expires, 0};
  t_ok(db_tx(t_db(), fx_tx_credit, &c), "credit");
  return fx_ll(FX_LOT_OF_ENTRY, c.entry);
}

static inline void fx_ledger_clean(void) {
  long long v = -1;
  t_ok(ledger_check(t_db(), NULL, NULL, &v), "ledger_check");
  assert_int_equal(v, 0);
}

/* After a suite: its test products leave the shelf (storefront and browser tests never meet them). */
static inline int fx_teardown(void **state) {
  (void)state;
  t_ok(db_exec(t_db(), FX_PRODUCTS_OFF, DB_NOARGS, NULL, NULL), "products off the shelf");
  return 0;
}

/* Runs a ledger suite (setup may be NULL) and closes the connection. */
#define FX_RUN(name, tests, setup)                                                                                     \
  do {                                                                                                                 \
    t_ok(points_init_errors(), "errors");                                                                              \
    int fx_rc = cmocka_run_group_tests_name(name, tests, setup, fx_teardown);                                          \
    db_close();                                                                                                        \
    mysql_library_end();                                                                                               \
    return fx_rc;                                                                                                      \
  } while (0)

/* ---- racing processes: each child opens its own connection (db.c keeps one per process) ---- */
typedef int (*fx_child_fn)(int idx, void *arg);

/* Forks n children that wait on one start signal, run fn, and put its result in results[idx]. */
static inline void fx_race(int n, fx_child_fn fn, void *arg, int *results) {
  int *shared = mmap(NULL, sizeof(int) * (size_t)n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  assert_true(shared != MAP_FAILED);
  db_close(); /* the parent's socket must not be shared with the children */
  int gun[2];
  assert_int_equal(pipe(gun), 0);
  pid_t pids[n];
  for (int i = 0; i < n; i++) {
    shared[i] = -1;
    pids[i] = fork();
    assert_true(pids[i] >= 0);
    if (pids[i] == 0) {
      close(gun[1]);
      char c;
      while (read(gun[0], &c, 1) > 0) {}
      close(gun[0]);
      shared[i] = fn(i, arg);
      db_close();
      _exit(0);
    }
  }
  close(gun[0]);
  close(gun[1]); /* EOF: everyone starts now */
  for (int i = 0; i < n; i++) {
    int st = 0;
    waitpid(pids[i], &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) fail_msg("racer %d died (status %d)", i, st);
  }
  memcpy(results, shared, sizeof(int) * (size_t)n);
  munmap(shared, sizeof(int) * (size_t)n);
}

static inline int fx_count(const int *results, int n, int value) {
  int k = 0;
  for (int i = 0; i < n; i++) k += results[i] == value;
  return k;
}

/* In a child: a database error becomes a result no test expects. */
#define FX_ERROR 1000
static inline int fx_child_err(NEOERR *err) {
  if (!err) return 0;
  STRING s;
  string_init(&s);
  nerr_error_string(err, &s);
  fprintf(stderr, "racer error: %s\n", s.buf ? s.buf : "?");
  string_clear(&s);
  nerr_ignore(&err);
  return FX_ERROR;
}

#endif
