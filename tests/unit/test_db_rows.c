/* test_db_rows.c: typed row reads against the real MariaDB — columns into C variables, strict about counts, types, NULLs and sizes */
#include "harness.h"
#include <stdio.h>
#include <string.h>

static const char SQL_SETUP[] =
    "DROP TABLE IF EXISTS unit_rows_probe;"
    "CREATE TABLE unit_rows_probe (id BIGINT NOT NULL PRIMARY KEY, qty INT NOT NULL, price DECIMAL(10,2) NOT NULL,"
    " lim INT NULL, state VARCHAR(16) NOT NULL, note VARCHAR(200) NULL) ENGINE=InnoDB;"
    "INSERT INTO unit_rows_probe VALUES (5000000001, 3, 12.50, NULL, 'open', NULL),"
    " (5000000002, 4, 1.00, 2, 'paid', 'abcdefghij'), (5000000003, 5, 0.00, 0, 'cancelled', '')";
static const char SQL_TEARDOWN[] = "DROP TABLE IF EXISTS unit_rows_probe";
static const char SQL_ONE[] = "SELECT id, qty, lim, state FROM unit_rows_probe WHERE id = ?";
static const char SQL_ALL[] = "SELECT id, qty, state FROM unit_rows_probe ORDER BY id";
static const char SQL_QTY_SUM[] = "SELECT SUM(qty), COUNT(*) FROM unit_rows_probe";
static const char SQL_PRICE[] = "SELECT price FROM unit_rows_probe WHERE id = ?";
static const char SQL_STATE[] = "SELECT state FROM unit_rows_probe WHERE id = ?";
static const char SQL_NOTE[] = "SELECT note FROM unit_rows_probe WHERE id = ?";
static const char SQL_LIM[] = "SELECT lim FROM unit_rows_probe WHERE id = ?";
static const char SQL_SET_QTY[] = "UPDATE unit_rows_probe SET qty = qty + ? WHERE id = ?";

static void assert_assert_err(NEOERR *err) {
  assert_non_null(err);
  assert_true(nerr_match(err, NERR_ASSERT));
  nerr_ignore(&err);
}

static void test_one_row_into_variables(void **state) {
  long long id = 0, lim = -1;
  int qty = 0, lim_null = 0, found = 0;
  char st[16];
  t_ok(db_row(t_db(), SQL_ONE, DBA(DI(5000000002LL)),
              DCOLS(DCOL_LL(&id), DCOL_INT(&qty), DCOL_LL_N(&lim, &lim_null), DCOL_STR(st)), &found),
       "row");
  assert_int_equal(found, 1);
  assert_true(id == 5000000002LL); /* 64-bit ids survive */
  assert_int_equal(qty, 4);
  assert_int_equal(lim, 2);
  assert_int_equal(lim_null, 0);
  assert_string_equal(st, "paid");
  /* NULL with a flag: flagged, value 0. */
  t_ok(db_row(t_db(), SQL_ONE, DBA(DI(5000000001LL)),
              DCOLS(DCOL_LL(&id), DCOL_INT(&qty), DCOL_LL_N(&lim, &lim_null), DCOL_STR(st)), &found),
       "row with NULL");
  assert_int_equal(lim_null, 1);
  assert_int_equal(lim, 0);
  assert_string_equal(st, "open");
}

static void test_no_row(void **state) {
  long long id = 99, lim = 99;
  int qty = 99, lim_null = 1, found = 1;
  char st[16] = "x";
  t_ok(db_row(t_db(), SQL_ONE, DBA(DI(1)),
              DCOLS(DCOL_LL(&id), DCOL_INT(&qty), DCOL_LL_N(&lim, &lim_null), DCOL_STR(st)), &found),
       "no row");
  assert_int_equal(found, 0);
  assert_int_equal(id, 0);
  assert_int_equal(qty, 0);
  assert_int_equal(lim, 0);
  assert_string_equal(st, "");
  /* Without found, a row is required. */
  assert_assert_err(db_row(t_db(), SQL_STATE, DBA(DI(1)), DCOLS(DCOL_STR(st)), NULL));
}

static void test_more_than_one_row_is_an_error(void **state) {
  long long id = 0;
  int qty = 0, found = 0;
  char st[16];
  assert_assert_err(db_row(t_db(), SQL_ALL, DB_NOARGS, DCOLS(DCOL_LL(&id), DCOL_INT(&qty), DCOL_STR(st)), &found));
  assert_int_equal(found, 0);
}

static void test_column_count_must_match(void **state) {
  long long id = 0, lim = 0;
  int qty = 0, found = 0;
  char st[16];
  /* One spec short (the old "alias typo reads as 0"): an error, not a default. */
  assert_assert_err(
      db_row(t_db(), SQL_ONE, DBA(DI(5000000002LL)), DCOLS(DCOL_LL(&id), DCOL_INT(&qty), DCOL_STR(st)), &found));
  assert_assert_err(db_row(t_db(), SQL_ONE, DBA(DI(5000000002LL)),
                           DCOLS(DCOL_LL(&id), DCOL_INT(&qty), DCOL_LL(&lim), DCOL_STR(st), DCOL_LL(&lim)), &found));
}

static void test_numbers_must_be_whole_numbers(void **state) {
  long long v = 0, n = 0;
  int found = 0;
  assert_assert_err(db_row(t_db(), SQL_STATE, DBA(DI(5000000002LL)), DCOLS(DCOL_LL(&v)), &found)); /* text */
  assert_assert_err(db_row(t_db(), SQL_PRICE, DBA(DI(5000000001LL)), DCOLS(DCOL_LL(&v)), &found)); /* DECIMAL(10,2) */
  assert_assert_err(db_row(t_db(), "SELECT 1.5e0", DB_NOARGS, DCOLS(DCOL_LL(&v)), &found));        /* a double */
  assert_assert_err(db_row(t_db(), "SELECT CURDATE()", DB_NOARGS, DCOLS(DCOL_LL(&v)), &found));    /* a date */
  /* SUM of integers is a DECIMAL without a fraction: fine. */
  t_ok(db_row(t_db(), SQL_QTY_SUM, DB_NOARGS, DCOLS(DCOL_LL(&v), DCOL_LL(&n)), NULL), "sum");
  assert_int_equal(v, 12);
  assert_int_equal(n, 3);
  /* Numbers read as text are fine too. */
  char price[16];
  t_ok(db_row(t_db(), SQL_PRICE, DBA(DI(5000000001LL)), DCOLS(DCOL_STR(price)), &found), "price as text");
  assert_string_equal(price, "12.50");
}

static void test_int_range_is_checked(void **state) {
  int small = 0;
  long long big = 0;
  assert_assert_err(db_row(t_db(), "SELECT 3000000000", DB_NOARGS, DCOLS(DCOL_INT(&small)), NULL));
  assert_assert_err(db_row(t_db(), "SELECT -3000000000", DB_NOARGS, DCOLS(DCOL_INT(&small)), NULL));
  t_ok(db_row(t_db(), "SELECT 3000000000", DB_NOARGS, DCOLS(DCOL_LL(&big)), NULL), "long long");
  assert_true(big == 3000000000LL);
  t_ok(db_row(t_db(), "SELECT -2147483648", DB_NOARGS, DCOLS(DCOL_INT(&small)), NULL), "INT_MIN");
  assert_int_equal(small, -2147483647 - 1);
}

static void test_null_without_flag_is_an_error(void **state) {
  long long lim = 7;
  char note[32];
  int found = 0, null = 0;
  assert_assert_err(db_row(t_db(), SQL_LIM, DBA(DI(5000000001LL)), DCOLS(DCOL_LL(&lim)), &found));
  assert_assert_err(db_row(t_db(), SQL_NOTE, DBA(DI(5000000001LL)), DCOLS(DCOL_STR(note)), &found));
  t_ok(db_row(t_db(), SQL_NOTE, DBA(DI(5000000001LL)), DCOLS(DCOL_STR_N(note, &null)), &found), "null note");
  assert_int_equal(null, 1);
  assert_string_equal(note, "");
  t_ok(db_row(t_db(), SQL_NOTE, DBA(DI(5000000003LL)), DCOLS(DCOL_STR_N(note, &null)), &found), "empty note");
  assert_int_equal(null, 0); /* '' is not NULL */
  assert_string_equal(note, "");
}

static void test_strings_must_fit(void **state) {
  char fits[11], short_buf[10];
  int found = 0;
  t_ok(db_row(t_db(), SQL_NOTE, DBA(DI(5000000002LL)), DCOLS(DCOL_STR(fits)), &found), "fits");
  assert_string_equal(fits, "abcdefghij");
  assert_assert_err(db_row(t_db(), SQL_NOTE, DBA(DI(5000000002LL)), DCOLS(DCOL_STR(short_buf)), &found));
  /* A buffer known by pointer: the plain spec. */
  char *p = fits;
  t_ok(db_row(t_db(), SQL_STATE, DBA(DI(5000000003LL)), (dbc[]){{DBC_STR, p, sizeof fits, NULL}}, 1, &found),
       "by pointer");
  assert_string_equal(fits, "cancelled");
}

struct line {
  long long id;
  int qty;
  char state[16];
};

static void test_many_rows_into_an_array(void **state) {
  struct line l[4];
  int rows = 0;
  memset(l, 0, sizeof l);
  t_ok(db_rows(t_db(), SQL_ALL, DB_NOARGS, DCOLS(DCOL_LL(&l[0].id), DCOL_INT(&l[0].qty), DCOL_STR(l[0].state)),
               sizeof l[0], 4, &rows),
       "rows");
  assert_int_equal(rows, 3);
  assert_true(l[0].id == 5000000001LL && l[1].id == 5000000002LL && l[2].id == 5000000003LL);
  assert_int_equal(l[0].qty + l[1].qty + l[2].qty, 12);
  assert_string_equal(l[2].state, "cancelled");
  assert_int_equal(l[3].id, 0); /* untouched */
  /* More rows than fit: an error before anything is written. */
  memset(l, 0, sizeof l);
  assert_assert_err(db_rows(t_db(), SQL_ALL, DB_NOARGS,
                            DCOLS(DCOL_LL(&l[0].id), DCOL_INT(&l[0].qty), DCOL_STR(l[0].state)), sizeof l[0], 2,
                            &rows));
  assert_int_equal(l[0].id, 0);
}

struct acc {
  long long id, total;
  int qty, calls, stop_at;
  char last[16];
};

static NEOERR *add_row(void *ctx, int row) {
  struct acc *a = ctx;
  a->calls++;
  if (a->stop_at && row == a->stop_at) return nerr_raise(NERR_ASSERT, "stop at %d", row);
  a->total += a->qty;
  /* Callbacks may write: the rows were read into the client first. */
  return nerr_pass(db_exec(t_db(), SQL_SET_QTY, DBA(DI(0), DI(a->id)), NULL, NULL));
}

static void test_each_row_through_a_callback(void **state) {
  struct acc a;
  int rows = 0;
  memset(&a, 0, sizeof a);
  t_ok(db_each(t_db(), SQL_ALL, DB_NOARGS, DCOLS(DCOL_LL(&a.id), DCOL_INT(&a.qty), DCOL_STR(a.last)), add_row, &a,
               &rows),
       "each");
  assert_int_equal(rows, 3);
  assert_int_equal(a.calls, 3);
  assert_int_equal(a.total, 12);
  assert_string_equal(a.last, "cancelled");
  /* An error from the callback stops the loop and comes back. */
  memset(&a, 0, sizeof a);
  a.stop_at = 1;
  assert_assert_err(db_each(t_db(), SQL_ALL, DB_NOARGS, DCOLS(DCOL_LL(&a.id), DCOL_INT(&a.qty), DCOL_STR(a.last)),
                            add_row, &a, &rows));
  assert_int_equal(a.calls, 2);
  assert_int_equal(a.total, 3);
}

static void test_hdf_ll(void **state) {
  HDF *h = NULL;
  t_ok(hdf_init(&h), "hdf");
  t_ok(hdf_set_value(h, "A.id", "5000000001"), "set");
  t_ok(hdf_set_value(h, "A.bad", "12abc"), "set");
  t_ok(hdf_set_value(h, "A.neg", "-7"), "set");
  t_ok(hdf_set_value(h, "A.empty", ""), "set");
  assert_true(db_hdf_ll(h, "A.id", 0) == 5000000001LL);
  assert_int_equal(db_hdf_ll(h, "A.bad", -1), -1);
  assert_int_equal(db_hdf_ll(h, "A.neg", 0), -7);
  assert_int_equal(db_hdf_ll(h, "A.empty", -1), -1);
  assert_int_equal(db_hdf_ll(h, "A.missing", 4), 4);
  hdf_destroy(&h);
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
      cmocka_unit_test(test_one_row_into_variables),
      cmocka_unit_test(test_no_row),
      cmocka_unit_test(test_more_than_one_row_is_an_error),
      cmocka_unit_test(test_column_count_must_match),
      cmocka_unit_test(test_numbers_must_be_whole_numbers),
      cmocka_unit_test(test_int_range_is_checked),
      cmocka_unit_test(test_null_without_flag_is_an_error),
      cmocka_unit_test(test_strings_must_fit),
      cmocka_unit_test(test_many_rows_into_an_array),
      cmocka_unit_test(test_each_row_through_a_callback),
      cmocka_unit_test(test_hdf_ll),
  };
  int rc = cmocka_run_group_tests_name("db_rows", tests, setup, teardown);
  db_close();
  mysql_library_end();
  return rc;
}
