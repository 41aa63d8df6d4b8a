/* test_db_cache.c: the prepared-statement cache against the real MariaDB — keyed by text, not address; bounded, least recently used out; safe across a lost connection */
#include "harness.h"
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char SQL_SETUP[] =
    "DROP TABLE IF EXISTS unit_cache_probe;"
    "CREATE TABLE unit_cache_probe (id INT NOT NULL PRIMARY KEY, v BIGINT NOT NULL) ENGINE=InnoDB;"
    "INSERT INTO unit_cache_probe (id, v) VALUES (1, 0), (2, 0)";
static const char SQL_TEARDOWN[] = "DROP TABLE IF EXISTS unit_cache_probe";
static const char SQL_SET[] = "UPDATE unit_cache_probe SET v = ? WHERE id = ?";
static const char SQL_GET[] = "SELECT v FROM unit_cache_probe WHERE id = ?";
static const char SQL_CONNECTION_ID[] = "SELECT CONNECTION_ID()";

static long long held(void) {
  int n = 0;
  db_stmt_cache_stats(&n, NULL);
  return n;
}

static long long prepares(void) {
  long long n = 0;
  db_stmt_cache_stats(NULL, &n);
  return n;
}

static long long ll(const char *sql, const dbp *p, int n) {
  long long v = -1;
  int found = 0;
  t_ok(db_query_ll(t_db(), sql, p, n, &v, &found), sql);
  assert_true(found);
  return v;
}

/* The same buffer holds one text, then another of the same length, then one with a parameter: each runs its
 * own statement (a cache keyed by the address would run the first one three times). */
static void test_texts_at_one_address_run_their_own_statements(void **state) {
  char buf[64];
  snprintf(buf, sizeof buf, "SELECT 111");
  assert_int_equal(ll(buf, DB_NOARGS), 111);
  snprintf(buf, sizeof buf, "SELECT 222");
  assert_int_equal(ll(buf, DB_NOARGS), 222);
  snprintf(buf, sizeof buf, "SELECT ? + 1");
  assert_int_equal(ll(buf, DBA(DI(41))), 42);
  /* Back to the first text: found by content, not prepared again. */
  long long before = prepares();
  snprintf(buf, sizeof buf, "SELECT 111");
  assert_int_equal(ll(buf, DB_NOARGS), 111);
  assert_int_equal(prepares(), before);
}

/* Heap texts freed and allocated again usually land at the same address: each still runs its own statement. */
static void test_reused_heap_address_runs_the_new_text(void **state) {
  for (int i = 0; i < 20; i++) {
    char *sql = malloc(48);
    assert_non_null(sql);
    snprintf(sql, 48, "SELECT %d * 7 AS heap_probe", 1000 + i);
    assert_int_equal(ll(sql, DB_NOARGS), (1000 + i) * 7);
    free(sql);
  }
}

/* A statement built with snprintf in a stack buffer (the buffer is gone once the function returns). */
static long long count_up_to(int table_size, long long limit) {
  char sql[96];
  snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM seq_1_to_%d WHERE seq <= ?", table_size);
  long long n = -1;
  t_ok(db_row(t_db(), sql, DBA(DI(limit)), DCOLS(DCOL_LL(&n)), NULL), sql);
  return n;
}

static long long deeper(int table_size, long long limit) {
  volatile char pad[512]; /* another stack depth: the text lands at another address */
  pad[0] = 0;
  return count_up_to(table_size, limit) + pad[0];
}

static void test_statement_built_in_a_stack_buffer(void **state) {
  assert_int_equal(count_up_to(10, 4), 4);
  assert_int_equal(count_up_to(20, 15), 15);
  assert_int_equal(count_up_to(10, 40), 10);
  long long before = prepares();
  assert_int_equal(deeper(20, 7), 7); /* the same text from another address: the cached statement */
  assert_int_equal(deeper(10, 3), 3);
  assert_int_equal(prepares(), before);
}

#define DISTINCT (DB_STMT_CACHE + 64)

static long long distinct(int i) {
  char sql[64];
  snprintf(sql, sizeof sql, "SELECT ? * 100000 + %d", i);
  long long v = -1;
  t_ok(db_row(t_db(), sql, DBA(DI(i)), DCOLS(DCOL_LL(&v)), NULL), sql);
  return v;
}

/* Inside one transaction: a write, more distinct statements than the cache holds, another write. */
static NEOERR *tx_many(MYSQL *db, void *arg) {
  int *bad = arg;
  NEOERR *err = db_exec(db, SQL_SET, DBA(DI(7), DI(1)), NULL, NULL);
  for (int i = 0; !err && i < DISTINCT; i++)
    if (distinct(i) != (long long)i * 100000 + i) (*bad)++;
  if (!err) err = db_exec(db, SQL_SET, DBA(DI(8), DI(2)), NULL, NULL);
  return nerr_pass(err);
}

static void test_more_statements_than_the_cache_holds(void **state) {
  int bad = 0;
  t_ok(db_tx(t_db(), tx_many, &bad), "transaction");
  assert_int_equal(bad, 0);
  assert_int_equal(db_tx_last_attempts(), 1);
  assert_int_equal(ll(SQL_GET, DBA(DI(1))), 7); /* evictions mid-transaction lost nothing */
  assert_int_equal(ll(SQL_GET, DBA(DI(2))), 8);
  assert_int_equal(held(), DB_STMT_CACHE);

  /* One out per one in: the newest DB_STMT_CACHE - 8 distinct statements are all still prepared (a cache
   * cleared on overflow would have lost them). */
  long long before = prepares();
  for (int i = DISTINCT - DB_STMT_CACHE + 8; i < DISTINCT; i++)
    assert_int_equal(distinct(i), (long long)i * 100000 + i);
  assert_int_equal(prepares(), before);
  /* The first one left long ago: prepared again, correct, and the cache stays at its size. */
  assert_int_equal(distinct(0), 0);
  assert_int_equal(prepares(), before + 1);
  assert_int_equal(held(), DB_STMT_CACHE);
  /* Least recently used goes first: the statement run just now and the newest stay. */
  before = prepares();
  assert_int_equal(distinct(0), 0);
  assert_int_equal(distinct(DISTINCT - 1), (long long)(DISTINCT - 1) * 100000 + DISTINCT - 1);
  assert_int_equal(prepares(), before);
}

/* db_close empties the cache; the next statement reconnects and prepares afresh. */
static void test_db_close_clears_the_cache(void **state) {
  assert_int_equal(ll(SQL_GET, DBA(DI(1))), 7);
  assert_true(held() > 0);
  db_close();
  assert_int_equal(held(), 0);
  long long before = prepares();
  assert_int_equal(ll(SQL_GET, DBA(DI(1))), 7);
  assert_int_equal(prepares(), before + 1);
  assert_int_equal(held(), 1);
}

/* The server drops the connection (KILL from another one, as a restart does): the cache is emptied (its statements
 * died with the connection), the same handle is renewed in place, and the read is sent again — the caller sees its
 * answer, not an error. A write outside a transaction that never left (2006) is sent again too. */
static void test_lost_connection_clears_the_cache(void **state) {
  MYSQL *db = t_db();
  long long id = ll(SQL_CONNECTION_ID, DB_NOARGS);
  assert_int_equal(ll(SQL_GET, DBA(DI(2))), 8);
  assert_true(held() > 0);
  long long renewed = db_reconnects();
  MYSQL *b = mysql_init(NULL);
  assert_non_null(b);
  if (!mysql_real_connect(b, NULL, g_cfg.db_user, g_cfg.db_pass, g_cfg.db_name, 0, g_cfg.db_socket, 0))
    fail_msg("second connection: %s", mysql_error(b));
  char kill[64];
  snprintf(kill, sizeof kill, "KILL CONNECTION %lld", id);
  assert_int_equal(mysql_query(b, kill), 0);
  mysql_close(b);

  long long before = prepares();
  assert_int_equal(ll(SQL_GET, DBA(DI(2))), 8); /* answered, on a renewed connection */
  assert_int_equal(db_reconnects(), renewed + 1);
  assert_int_equal(held(), 1);                  /* only the statement prepared since */
  assert_int_equal(prepares(), before + 1);
  assert_true(ll(SQL_CONNECTION_ID, DB_NOARGS) != id);
  MYSQL *same = NULL;
  t_ok(db_connect(&same), "connect");
  assert_ptr_equal(same, db); /* the handle requests hold stays good */
  t_ok(db_exec(db, SQL_SET, DBA(DI(8), DI(2)), NULL, NULL), "write after renewal");
}

/* A callback that runs the very statement whose rows it is reading, and a write. */
struct nest {
  int rows;
  long long inner;
};

static const char SQL_SEQ[] = "SELECT seq FROM seq_1_to_5 WHERE seq <= ?";

static NEOERR *nested_row(void *ctx, int row) {
  struct nest *n = ctx;
  struct {
    long long v;
  } two[2];
  int rows = 0;
  n->rows++;
  /* The same text again while its rows are being read: a statement of its own, the outer rows intact. */
  NEOERR *err = db_rows(t_db(), SQL_SEQ, DBA(DI(2)), DCOLS(DCOL_LL(&two[0].v)), sizeof two[0], 2, &rows);
  if (!err && rows != 2) err = nerr_raise(NERR_ASSERT, "inner rows %d", rows);
  if (!err) n->inner += two[0].v + two[1].v;
  if (!err) err = db_exec(t_db(), SQL_SET, DBA(DI(row), DI(1)), NULL, NULL);
  return nerr_pass(err);
}

static void test_callback_runs_the_statement_it_reads(void **state) {
  struct nest n = {0, 0};
  long long v = 0;
  int rows = 0;
  t_ok(db_each(t_db(), SQL_SEQ, DBA(DI(5)), DCOLS(DCOL_LL(&v)), nested_row, &n, &rows), "each");
  assert_int_equal(rows, 5);
  assert_int_equal(n.rows, 5);
  assert_int_equal(n.inner, 5 * 3);
  assert_int_equal(v, 5);                       /* the outer statement's last row */
  assert_int_equal(ll(SQL_GET, DBA(DI(1))), 4); /* the last callback's write */
}

/* A callback that loses the connection: the loop stops with an error, nothing leaks or dangles. */
static NEOERR *closing_row(void *ctx, int row) {
  int *calls = ctx;
  (*calls)++;
  db_close();
  return STATUS_OK;
}

static void test_connection_lost_inside_a_callback(void **state) {
  long long v = 0;
  int calls = 0, rows = 0;
  NEOERR *err = db_each(t_db(), SQL_SEQ, DBA(DI(5)), DCOLS(DCOL_LL(&v)), closing_row, &calls, &rows);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_SQL));
  nerr_ignore(&err);
  assert_int_equal(calls, 1);
  assert_int_equal(held(), 0);
  assert_int_equal(ll(SQL_GET, DBA(DI(2))), 8);
}

static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_SETUP), "setup");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_exec(t_db(), SQL_TEARDOWN, DB_NOARGS, NULL, NULL), "teardown");
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_texts_at_one_address_run_their_own_statements),
      cmocka_unit_test(test_reused_heap_address_runs_the_new_text),
      cmocka_unit_test(test_statement_built_in_a_stack_buffer),
      cmocka_unit_test(test_more_statements_than_the_cache_holds),
      cmocka_unit_test(test_db_close_clears_the_cache),
      cmocka_unit_test(test_lost_connection_clears_the_cache),
      cmocka_unit_test(test_callback_runs_the_statement_it_reads),
      cmocka_unit_test(test_connection_lost_inside_a_callback),
  };
  int rc = cmocka_run_group_tests_name("db_cache", tests, setup, teardown);
  db_close();
  mysql_library_end();
  return rc;
}
