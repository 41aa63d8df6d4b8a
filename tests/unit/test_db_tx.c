/* test_db_tx.c: the retrying transaction helper against the real MariaDB — deadlock, lock wait, no partial writes */
#include "harness.h"
#include "config.h"
#include <mysqld_error.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char SQL_SETUP[] =
    "DROP TABLE IF EXISTS unit_tx_probe;"
    "CREATE TABLE unit_tx_probe (id INT NOT NULL PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB;"
    "INSERT INTO unit_tx_probe (id, v) SELECT seq, 0 FROM seq_1_to_50";
static const char SQL_TEARDOWN[] = "DROP TABLE IF EXISTS unit_tx_probe";
static const char SQL_RESET[] = "UPDATE unit_tx_probe SET v = 0";
static const char SQL_ADD[] = "UPDATE unit_tx_probe SET v = v + ? WHERE id = ?";
static const char SQL_GET[] = "SELECT v FROM unit_tx_probe WHERE id = ?";
static const char SQL_DUP[] = "INSERT INTO unit_tx_probe (id, v) VALUES (?, 0)";
static const char SQL_SET[] = "UPDATE unit_tx_probe SET v = ? WHERE id = ?";
static const char SQL_LOCK_WAIT[] = "SET SESSION innodb_lock_wait_timeout = ?";

/* ---- the second connection: plain Connector/C, driven from a thread because it blocks on locks ---- */
typedef struct {
  MYSQL *conn;
  sem_t holding; /* B holds its first locks */
  sem_t go;      /* A holds row 1: B may ask for it */
  int mode;      /* 0: deadlock partner, 1: hold row 1 then commit after a pause, 2: deadlock partner of a statement
                    outside a transaction (it takes row 1 once A waits for its rows) */
  unsigned err;  /* first error B saw */
} partner;

static MYSQL *connect_b(void) {
  MYSQL *b = mysql_init(NULL);
  assert_non_null(b);
  if (!mysql_real_connect(b, NULL, g_cfg.db_user, g_cfg.db_pass, g_cfg.db_name, 0, g_cfg.db_socket, 0))
    fail_msg("second connection: %s", mysql_error(b));
  return b;
}

static void b_sql(partner *p, const char *sql) {
  if (mysql_query(p->conn, sql) && !p->err) p->err = mysql_errno(p->conn);
}

/* 1 once another transaction waits for a lock (A's statement, blocked on B's rows). */
static int a_waits(partner *p) {
  if (mysql_query(p->conn, "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'"))
    return 1;
  MYSQL_RES *res = mysql_store_result(p->conn);
  MYSQL_ROW row = res ? mysql_fetch_row(res) : NULL;
  int waits = row && row[0] && row[0][0] != '0';
  if (res) mysql_free_result(res);
  return waits;
}

static void *partner_main(void *arg) {
  partner *p = arg;
  mysql_thread_init();
  b_sql(p, "START TRANSACTION");
  if (p->mode == 0 || p->mode == 2) {
    /* Many rows: InnoDB rolls back the lighter transaction, which makes A the deadlock victim. */
    b_sql(p, "UPDATE unit_tx_probe SET v = v + 10 WHERE id BETWEEN 2 AND 50");
    sem_post(&p->holding);
    if (p->mode == 0) sem_wait(&p->go);
    for (int i = 0; p->mode == 2 && i < 300 && !a_waits(p); i++) {
      struct timespec ts = {0, 10000000L};
      nanosleep(&ts, NULL);
    }
    b_sql(p, "UPDATE unit_tx_probe SET v = v + 10 WHERE id = 1");
  } else {
    b_sql(p, "UPDATE unit_tx_probe SET v = v + 10 WHERE id = 1");
    sem_post(&p->holding);
    struct timespec ts = {2, 500000000L}; /* longer than A's 1 s lock wait */
    nanosleep(&ts, NULL);
  }
  b_sql(p, "COMMIT");
  mysql_thread_end();
  return NULL;
}

static long long value(int id) {
  long long v = -1;
  t_ok(db_query_ll(t_db(), SQL_GET, DBA(DI(id)), &v, NULL), "select");
  return v;
}

/* ---- transaction bodies ---- */
typedef struct {
  partner *p;
  int calls;
} tx_ctx;

/* A transaction's start against the deadlock partner: takes row 1, and on the first attempt lets B ask for it. */
static NEOERR *row1_then_partner(MYSQL *db, tx_ctx *c) {
  c->calls++;
  NEOERR *err = db_exec(db, SQL_ADD, DBA(DI(1), DI(1)), NULL, NULL);
  if (err || c->calls > 1) return nerr_pass(err);
  sem_post(&c->p->go);
  struct timespec ts = {0, 300000000L}; /* let B queue for row 1 first */
  nanosleep(&ts, NULL);
  return STATUS_OK;
}

static NEOERR *tx_deadlock(MYSQL *db, void *arg) {
  NEOERR *err = row1_then_partner(db, arg);
  if (err) return nerr_pass(err);
  return nerr_pass(db_exec(db, SQL_ADD, DBA(DI(1), DI(2)), NULL, NULL));
}

/* A caller that swallows the deadlock and goes on writing (a best-effort step): on attempt 1 the write to row 3
 * comes after InnoDB rolled the transaction back, so sent it would autocommit on its own. */
static int g_after_deadlock_refused;
static NEOERR *tx_deadlock_swallowed(MYSQL *db, void *arg) {
  tx_ctx *c = arg;
  c->calls++;
  NEOERR *err = db_exec(db, SQL_ADD, DBA(DI(1), DI(1)), NULL, NULL);
  if (err) return nerr_pass(err);
  if (c->calls == 1) {
    sem_post(&c->p->go);
    struct timespec ts = {0, 300000000L};
    nanosleep(&ts, NULL);
  }
  err = db_exec(db, SQL_ADD, DBA(DI(1), DI(2)), NULL, NULL);
  if (err && c->calls == 1) {
    nerr_ignore(&err);
    err = db_exec(db, SQL_ADD, DBA(DI(100), DI(3)), NULL, NULL);
    g_after_deadlock_refused = err && nerr_match(err, NERR_SQL_RETRY);
    nerr_ignore(&err);
  }
  return nerr_pass(err);
}

static NEOERR *tx_row1(MYSQL *db, void *arg) {
  tx_ctx *c = arg;
  c->calls++;
  return nerr_pass(db_exec(db, SQL_ADD, DBA(DI(1), DI(1)), NULL, NULL));
}

static NEOERR *tx_duplicate(MYSQL *db, void *arg) {
  tx_ctx *c = arg;
  c->calls++;
  NEOERR *err = db_exec(db, SQL_ADD, DBA(DI(100), DI(1)), NULL, NULL);
  if (err) return nerr_pass(err);
  return nerr_pass(db_exec(db, SQL_DUP, DBA(DI(2)), NULL, NULL)); /* 1062: not retryable */
}

static NEOERR *tx_app_error(MYSQL *db, void *arg) {
  tx_ctx *c = arg;
  c->calls++;
  NEOERR *err = db_exec(db, SQL_ADD, DBA(DI(100), DI(1)), NULL, NULL);
  if (err) return nerr_pass(err);
  return nerr_raise(NERR_ASSERT, "out of stock"); /* a domain refusal after a write */
}

/* Outer transaction: a write, then an inner db_tx that writes and fails (a refusal after writes). */
static NEOERR *tx_outer(MYSQL *db, void *arg) {
  NEOERR *err = db_exec(db, SQL_ADD, DBA(DI(1), DI(1)), NULL, NULL);
  if (err) return nerr_pass(err);
  err = db_tx(db, tx_app_error, arg);                         /* writes row 1 then fails: its part must vanish */
  if (err && nerr_match(err, NERR_ASSERT)) nerr_ignore(&err); /* the caller settles the refusal */
  if (err) return nerr_pass(err);
  return nerr_pass(db_exec(db, SQL_ADD, DBA(DI(10), DI(2)), NULL, NULL));
}

static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_SETUP), "setup");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_exec(t_db(), SQL_TEARDOWN, DB_NOARGS, NULL, NULL), "teardown");
  return 0;
}

static void reset(void) { t_ok(db_exec(t_db(), SQL_RESET, DB_NOARGS, NULL, NULL), "reset"); }

/* Runs fn in db_tx against the deadlock partner (mode 0: it holds rows 2–50, then asks for row 1 once fn lets it),
 * which must win; fn must have been run again. */
static void deadlock_partner_run(db_tx_fn fn, tx_ctx *c) {
  reset();
  partner p = {.conn = connect_b(), .mode = 0};
  sem_init(&p.holding, 0, 0);
  sem_init(&p.go, 0, 0);
  pthread_t th;
  assert_int_equal(pthread_create(&th, NULL, partner_main, &p), 0);
  sem_wait(&p.holding);
  c->p = &p;
  NEOERR *err = db_tx(t_db(), fn, c);
  pthread_join(th, NULL);
  t_ok(err, "db_tx after deadlock");
  if (p.err) fail_msg("partner failed with %u (it should have won the deadlock)", p.err);
  assert_true(db_tx_last_attempts() > 1);
  assert_int_equal(c->calls, db_tx_last_attempts());
  mysql_close(p.conn);
  sem_destroy(&p.holding);
  sem_destroy(&p.go);
  c->p = NULL;
}

static void test_deadlock_is_retried(void **state) {
  tx_ctx c = {NULL, 0};
  deadlock_partner_run(tx_deadlock, &c);
  /* Both transactions applied exactly once; A's first attempt left nothing behind. */
  assert_int_equal(value(1), 11);
  assert_int_equal(value(2), 11);
  assert_int_equal(value(3), 10);
  assert_int_equal(value(50), 10);
}

/* A locking read over a range that loses the deadlock while its rows are being sent (the columns went first). */
static const char SQL_LOCKING_RANGE[] = "SELECT v FROM unit_tx_probe WHERE id >= 1 ORDER BY id LOCK IN SHARE MODE";
static NEOERR *tx_deadlock_in_read(MYSQL *db, void *arg) {
  NEOERR *err = row1_then_partner(db, arg);
  long long v[50];
  int n = 0;
  if (!err) err = db_rows(db, SQL_LOCKING_RANGE, DB_NOARGS, DCOLS(DCOL_LL(&v[0])), sizeof v[0], 50, &n);
  if (!err && n != 50) err = nerr_raise(NERR_ASSERT, "%d rows", n);
  return nerr_pass(err);
}

/* The read runs again at once on the same connection. Kept in the statement cache, Connector/C would wait for an
 * answer to its next execute that never comes — until the read timeout (5 s here; 30 s in the programs, where a
 * sign-in whose throttle read lost a deadlock hung that long) and a renewed connection. */
static void test_deadlock_while_rows_arrive(void **state) {
  tx_ctx c = {NULL, 0};
  db_set_read_timeout(5);
  db_close(); /* the timeout is set when connecting */
  long long reconnects = db_reconnects();
  deadlock_partner_run(tx_deadlock_in_read, &c);
  assert_int_equal(db_reconnects(), reconnects);
  assert_int_equal(value(1), 11);
  assert_int_equal(value(2), 10);
  db_set_read_timeout(0);
  db_close();
}

static void test_nothing_sent_after_a_deadlock(void **state) {
  reset();
  partner p = {.conn = connect_b(), .mode = 0};
  sem_init(&p.holding, 0, 0);
  sem_init(&p.go, 0, 0);
  pthread_t th;
  assert_int_equal(pthread_create(&th, NULL, partner_main, &p), 0);
  sem_wait(&p.holding);
  tx_ctx c = {&p, 0};
  g_after_deadlock_refused = 0;
  NEOERR *err = db_tx(t_db(), tx_deadlock_swallowed, &c);
  pthread_join(th, NULL);
  t_ok(err, "db_tx after a swallowed deadlock");
  assert_int_equal(p.err, 0);
  assert_true(g_after_deadlock_refused);
  assert_true(db_tx_last_attempts() > 1); /* COMMIT refused: the whole transaction ran again */
  assert_int_equal(value(1), 11);
  assert_int_equal(value(2), 11);
  assert_int_equal(value(3), 10); /* B's +10 only: the +100 sent after the deadlock never ran */
  mysql_close(p.conn);
  sem_destroy(&p.holding);
  sem_destroy(&p.go);
}

static void test_lock_wait_timeout_is_retried(void **state) {
  reset();
  t_ok(db_exec(t_db(), SQL_LOCK_WAIT, DBA(DI(1)), NULL, NULL), "lock wait 1s");
  partner p = {.conn = connect_b(), .mode = 1};
  sem_init(&p.holding, 0, 0);
  sem_init(&p.go, 0, 0);
  pthread_t th;
  assert_int_equal(pthread_create(&th, NULL, partner_main, &p), 0);
  sem_wait(&p.holding);
  tx_ctx c = {&p, 0};
  NEOERR *err = db_tx(t_db(), tx_row1, &c);
  pthread_join(th, NULL);
  t_ok(db_exec(t_db(), SQL_LOCK_WAIT, DBA(DI(10)), NULL, NULL), "lock wait back");
  t_ok(err, "db_tx after lock wait timeout");
  assert_int_equal(p.err, 0);
  assert_true(db_tx_last_attempts() > 1);
  assert_int_equal(value(1), 11);
  mysql_close(p.conn);
  sem_destroy(&p.holding);
  sem_destroy(&p.go);
}

/* A statement outside a transaction that loses a deadlock (rows 1 then 2, against B holding 2..50 and then asking
 * for 1) is sent again: it applies once, after B, and the caller never sees the deadlock. */
static void test_deadlock_outside_a_transaction_is_retried(void **state) {
  reset();
  partner p = {.conn = connect_b(), .mode = 2};
  sem_init(&p.holding, 0, 0);
  sem_init(&p.go, 0, 0);
  pthread_t th;
  assert_int_equal(pthread_create(&th, NULL, partner_main, &p), 0);
  sem_wait(&p.holding);
  long long changed = 0, retries = db_autocommit_retries();
  NEOERR *err =
      db_exec(t_db(), "UPDATE unit_tx_probe SET v = v + 1 WHERE id IN (1, 2) ORDER BY id", DB_NOARGS, &changed, NULL);
  pthread_join(th, NULL);
  t_ok(err, "statement after deadlock");
  if (p.err) fail_msg("partner failed with %u (it should have won the deadlock)", p.err);
  assert_int_equal(changed, 2);
  assert_true(db_autocommit_retries() > retries); /* it did lose the deadlock once */
  assert_int_equal(value(1), 11);
  assert_int_equal(value(2), 11);
  assert_int_equal(value(3), 10);
  mysql_close(p.conn);
  sem_destroy(&p.holding);
  sem_destroy(&p.go);
}

/* After a failed db_tx the connection is back in autocommit: a later write is visible to others at once. */
static void assert_connection_clean(void) {
  t_ok(db_exec(t_db(), SQL_SET, DBA(DI(5), DI(3)), NULL, NULL), "write after failure");
  MYSQL *b = connect_b();
  assert_int_equal(mysql_query(b, "SELECT v FROM unit_tx_probe WHERE id = 3"), 0);
  MYSQL_RES *res = mysql_store_result(b);
  MYSQL_ROW row = mysql_fetch_row(res);
  assert_non_null(row);
  assert_string_equal(row[0], "5");
  mysql_free_result(res);
  mysql_close(b);
}

static void test_non_retryable_error_rolls_back(void **state) {
  reset();
  tx_ctx c = {NULL, 0};
  NEOERR *err = db_tx(t_db(), tx_duplicate, &c);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_SQL));
  assert_false(nerr_match(err, NERR_SQL_RETRY));
  nerr_ignore(&err);
  assert_int_equal(db_tx_last_attempts(), 1);
  assert_int_equal(c.calls, 1);
  assert_int_equal(value(1), 0); /* the +100 before the failure was rolled back */
  assert_connection_clean();
}

static void test_handler_error_rolls_back(void **state) {
  reset();
  tx_ctx c = {NULL, 0};
  NEOERR *err = db_tx(t_db(), tx_app_error, &c);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_ASSERT));
  nerr_ignore(&err);
  assert_int_equal(db_tx_last_attempts(), 1);
  assert_int_equal(value(1), 0);
  assert_connection_clean();
}

static void test_nested_failure_undoes_only_the_inner_part(void **state) {
  reset();
  tx_ctx c = {NULL, 0};
  t_ok(db_tx(t_db(), tx_outer, &c), "outer");
  assert_int_equal(value(1), 1); /* the outer write stays, the inner one is gone */
  assert_int_equal(value(2), 10);
  assert_connection_clean();
}

static void test_success_commits_once(void **state) {
  reset();
  tx_ctx c = {NULL, 0};
  t_ok(db_tx(t_db(), tx_row1, &c), "db_tx");
  assert_int_equal(db_tx_last_attempts(), 1);
  assert_int_equal(c.calls, 1);
  assert_int_equal(value(1), 1);
}

/* START TRANSACTION goes out with the transaction's first statement (db.c reads both answers after). The first
 * statement is one never prepared on this connection (a prepare must read START's answer first), fails on its
 * own, is a read, or there is none at all. */
static int g_fresh_text;
static NEOERR *tx_fresh_first(MYSQL *db, void *arg) {
  tx_ctx *c = arg;
  c->calls++;
  char sql[120];
  snprintf(sql, sizeof sql, "UPDATE unit_tx_probe SET v = v + ? WHERE id = ? /* fresh %d */", ++g_fresh_text);
  NEOERR *err = db_exec(db, sql, DBA(DI(7), DI(1)), NULL, NULL);
  if (err) return nerr_pass(err);
  return nerr_raise(NERR_ASSERT, "refused after the first write");
}

static NEOERR *tx_failing_first(MYSQL *db, void *arg) {
  tx_ctx *c = arg;
  c->calls++;
  return nerr_pass(db_exec(db, SQL_DUP, DBA(DI(3)), NULL, NULL)); /* 1062 */
}

static NEOERR *tx_read_first(MYSQL *db, void *arg) {
  tx_ctx *c = arg;
  c->calls++;
  long long v = -1;
  NEOERR *err = db_row(db, SQL_GET, DBA(DI(4)), DCOLS(DCOL_LL(&v)), NULL);
  if (!err) err = db_exec(db, SQL_SET, DBA(DI(v + 5), DI(4)), NULL, NULL);
  return nerr_pass(err);
}

static NEOERR *tx_empty(MYSQL *db, void *arg) {
  (void)db;
  ((tx_ctx *)arg)->calls++;
  return STATUS_OK;
}

static void test_first_statement_rides_with_start(void **state) {
  reset();
  tx_ctx c = {NULL, 0};
  /* a first statement prepared inside the transaction is part of it: the refusal after it undoes it */
  NEOERR *err = db_tx(t_db(), tx_fresh_first, &c);
  assert_true(err && nerr_match(err, NERR_ASSERT));
  nerr_ignore(&err);
  assert_int_equal(value(1), 0);
  assert_connection_clean();
  /* a first statement that fails: a plain SQL error, nothing written, the connection in step for the next one */
  err = db_tx(t_db(), tx_failing_first, &c);
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_SQL));
  assert_false(nerr_match(err, NERR_SQL_RETRY));
  STRING text;
  string_init(&text);
  nerr_error_string(err, &text);
  assert_non_null(strstr(text.buf ? text.buf : "", "[1062]")); /* the statement's own error, not START's */
  string_clear(&text);
  nerr_ignore(&err);
  assert_connection_clean();
  /* a read first: its rows arrive, and the write after it commits */
  t_ok(db_exec(t_db(), SQL_SET, DBA(DI(30), DI(4)), NULL, NULL), "set row 4");
  t_ok(db_tx(t_db(), tx_read_first, &c), "read first");
  assert_int_equal(value(4), 35);
  /* nothing at all: COMMIT reads START's answer itself */
  t_ok(db_tx(t_db(), tx_empty, &c), "empty");
  assert_int_equal(value(1), 0);
  assert_connection_clean();
}

/* ---- db_exec_pipelined: writes sent without waiting, their answers read with the next statement's ---- */
static const char SQL_ADD_TX[] = "UPDATE unit_tx_probe SET v = v + ? WHERE id = ? AND " DB_IN_TX;
static const char SQL_DUP_TX[] = "INSERT INTO unit_tx_probe (id, v) SELECT ?, 0 FROM DUAL WHERE " DB_IN_TX;

/* Three pipelined writes (the same text twice), then a rider that carries DB_IN_TX: its own count comes back. */
static long long g_rider_rows;
static NEOERR *tx_pipelined(MYSQL *db, void *arg) {
  ((tx_ctx *)arg)->calls++;
  NEOERR *err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(1), DI(1)), 1);
  if (!err) err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(2), DI(2)), 1);
  if (!err) err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(3), DI(1)), 1);
  if (!err) err = db_exec(db, SQL_ADD_TX, DBA(DI(10), DI(6)), &g_rider_rows, NULL);
  if (!err) err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(5), DI(7)), 1); /* answered before COMMIT */
  return nerr_pass(err);
}

/* A pipelined write that changes no row where one was expected: the next statement's call fails, nothing stays. */
static NEOERR *tx_pipelined_miss(MYSQL *db, void *arg) {
  ((tx_ctx *)arg)->calls++;
  NEOERR *err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(1), DI(1)), 1);
  if (!err) err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(1), DI(999)), 1); /* no such row */
  if (!err) err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(1), DI(2)), 1);
  long long v = 0;
  if (!err) err = db_query_ll(db, SQL_GET, DBA(DI(2)), &v, NULL); /* a read: the answers are read before it goes */
  return nerr_pass(err);
}

/* A pipelined write that fails (a duplicate key), the rider behind it. */
static NEOERR *tx_pipelined_error(MYSQL *db, void *arg) {
  ((tx_ctx *)arg)->calls++;
  NEOERR *err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(1), DI(1)), 1);
  if (!err) err = db_exec_pipelined(db, SQL_DUP_TX, DBA(DI(2)), 1);
  if (!err) err = db_exec(db, SQL_ADD_TX, DBA(DI(1), DI(3)), NULL, NULL);
  return nerr_pass(err);
}

static void test_pipelined_writes(void **state) {
  reset();
  tx_ctx c = {NULL, 0};
  t_ok(db_tx(t_db(), tx_pipelined, &c), "pipelined");
  assert_int_equal(g_rider_rows, 1);
  assert_int_equal(value(1), 4);
  assert_int_equal(value(2), 2);
  assert_int_equal(value(6), 10);
  assert_int_equal(value(7), 5);
  /* a wrong count: NERR_ASSERT from the read that followed, all rolled back */
  reset();
  NEOERR *err = db_tx(t_db(), tx_pipelined_miss, &c);
  assert_true(err && nerr_match(err, NERR_ASSERT));
  nerr_ignore(&err);
  assert_int_equal(value(1), 0);
  assert_int_equal(value(2), 0);
  assert_connection_clean();
  /* an error: the duplicate's own, all rolled back */
  reset();
  err = db_tx(t_db(), tx_pipelined_error, &c);
  assert_true(err && nerr_match(err, NERR_SQL) && !nerr_match(err, NERR_SQL_RETRY));
  nerr_ignore(&err);
  assert_int_equal(value(1), 0);
  assert_int_equal(value(3), 0);
  assert_connection_clean();
  /* without the guard: refused before anything is sent; outside a transaction: at once, with the same check */
  err = db_exec_pipelined(t_db(), SQL_ADD, DBA(DI(1), DI(1)), 1);
  assert_true(err && nerr_match(err, NERR_ASSERT));
  nerr_ignore(&err);
  assert_int_equal(value(1), 0);
  t_ok(db_exec_pipelined(t_db(), SQL_ADD_TX, DBA(DI(1), DI(1)), 0), "outside a transaction the guard holds");
  assert_int_equal(value(1), 0); /* DB_IN_TX: a guarded write changes nothing on its own */
}

/* The deadlock the guard is for: the pipelined write to row 2 loses a deadlock (InnoDB rolls A back), and the write to
 * row 3 already sent behind it must not commit on its own; the rerun applies everything once. */
static NEOERR *tx_pipelined_deadlock(MYSQL *db, void *arg) {
  NEOERR *err = row1_then_partner(db, arg);
  if (err) return nerr_pass(err);
  err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(1), DI(2)), 1);             /* B holds row 2: the deadlock */
  if (!err) err = db_exec_pipelined(db, SQL_ADD_TX, DBA(DI(100), DI(3)), 1); /* sent before the deadlock is known */
  if (!err) err = db_exec(db, SQL_ADD_TX, DBA(DI(1000), DI(4)), NULL, NULL);
  return nerr_pass(err);
}

static void test_pipelined_write_after_a_deadlock_changes_nothing(void **state) {
  tx_ctx c = {NULL, 0};
  deadlock_partner_run(tx_pipelined_deadlock, &c);
  assert_int_equal(value(1), 11);
  assert_int_equal(value(2), 11);
  assert_int_equal(value(3), 110); /* 210 had the first attempt's +100 committed on its own */
  assert_int_equal(value(4), 1010);
}

int main(void) {
  mysql_library_init(0, NULL, NULL); /* before any thread uses Connector/C */
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_success_commits_once),
      cmocka_unit_test(test_deadlock_is_retried),
      cmocka_unit_test(test_deadlock_while_rows_arrive),
      cmocka_unit_test(test_nothing_sent_after_a_deadlock),
      cmocka_unit_test(test_lock_wait_timeout_is_retried),
      cmocka_unit_test(test_deadlock_outside_a_transaction_is_retried),
      cmocka_unit_test(test_non_retryable_error_rolls_back),
      cmocka_unit_test(test_handler_error_rolls_back),
      cmocka_unit_test(test_nested_failure_undoes_only_the_inner_part),
      cmocka_unit_test(test_first_statement_rides_with_start),
      cmocka_unit_test(test_pipelined_writes),
      cmocka_unit_test(test_pipelined_write_after_a_deadlock_changes_nothing),
  };
  int rc = cmocka_run_group_tests_name("db_tx", tests, setup, teardown);
  db_close();
  mysql_library_end();
  return rc;
}
