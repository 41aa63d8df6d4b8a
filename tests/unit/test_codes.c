/* test_codes.c: one-item codes (F5) — the alphabet and its Luhn mod 32 check character (every single wrong character
 * caught, most swaps too), parsing what people type and scanners read, the keyed hash, package passwords and their
 * seal; and, on a batch of 1,000,000 codes in 10,000 boxes, the plans of the lookup by hash, the conditional UPDATE
 * that uses a code and the box activation (EXPLAIN: no scan, the index meant, no filesort) */
#include "harness.h"
#include "codes/code_batches.h"
#include "codes/code_boxes.h"
#include "codes/code_format.h"
#include "codes/code_package.h"
#include "codes/code_scan.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_alphabet_is_unambiguous(void **state) {
  const char *a = CODE_ALPHABET;
  assert_int_equal(strlen(a), CODE_RADIX);
  for (int i = 0; i < CODE_RADIX; i++) {
    assert_null(strchr("01IO", a[i])); /* read aloud or typed, these are confused */
    assert_ptr_equal(strchr(a, a[i]), a + i);
  }
}

static void test_random_codes_carry_their_check_character(void **state) {
  char c[CODE_LEN + 1], out[CODE_LEN + 1];
  int seen[CODE_RADIX] = {0};
  for (int n = 0; n < 2000; n++) {
    assert_int_equal(code_random(c), 0);
    assert_int_equal(strlen(c), CODE_LEN);
    assert_int_equal(code_parse(c, out), CODE_OK);
    assert_string_equal(out, c);
    seen[strchr(CODE_ALPHABET, c[0]) - CODE_ALPHABET]++;
  }
  for (int i = 0; i < CODE_RADIX; i++) assert_true(seen[i] > 20); /* every symbol drawn (~62 expected each) */
}

static void test_every_single_wrong_character_is_caught(void **state) {
  char c[CODE_LEN + 1], t[CODE_LEN + 1];
  for (int n = 0; n < 50; n++) {
    assert_int_equal(code_random(c), 0);
    for (int pos = 0; pos < CODE_LEN; pos++)
      for (int k = 0; k < CODE_RADIX; k++) {
        if (CODE_ALPHABET[k] == c[pos]) continue;
        memcpy(t, c, sizeof t);
        t[pos] = CODE_ALPHABET[k];
        char out[CODE_LEN + 1];
        assert_int_equal(code_parse(t, out), CODE_BAD_CHECK);
      }
  }
}

static void test_neighbour_swaps_are_mostly_caught(void **state) {
  /* Luhn mod N misses a swap only of two symbols whose doubled sums agree; count over many codes. */
  long caught = 0, swaps = 0;
  char c[CODE_LEN + 1], t[CODE_LEN + 1], out[CODE_LEN + 1];
  for (int n = 0; n < 400; n++) {
    assert_int_equal(code_random(c), 0);
    for (int pos = 0; pos + 1 < CODE_LEN; pos++) {
      if (c[pos] == c[pos + 1]) continue;
      memcpy(t, c, sizeof t);
      t[pos] = c[pos + 1];
      t[pos + 1] = c[pos];
      swaps++;
      caught += code_parse(t, out) == CODE_BAD_CHECK;
    }
  }
  assert_true(caught * 100 >= swaps * 95);
}

static void test_parse_reads_what_people_type_and_scanners_see(void **state) {
  char data[CODE_DATA_LEN + 1] = "23456789ABCD", code[CODE_LEN + 1], in[200], out[CODE_LEN + 1];
  snprintf(code, sizeof code, "%s%c", data, code_check_char(data, CODE_DATA_LEN));
  snprintf(in, sizeof in, "https://mall.example.com/c/%s", code);
  assert_int_equal(code_parse(in, out), CODE_OK);
  assert_string_equal(out, code);
  /* lower case, grouping hyphens and spaces */
  snprintf(in, sizeof in, " 2345-6789-abcd-%c ", code[CODE_DATA_LEN] | 0x20);
  assert_int_equal(code_parse(in, out), CODE_OK);
  assert_string_equal(out, code);
  assert_int_equal(code_parse("23456789ABC", out), CODE_MALFORMED);    /* short */
  assert_int_equal(code_parse("23456789ABCDEF", out), CODE_MALFORMED); /* long */
  assert_int_equal(code_parse("O23456789ABCD", out), CODE_MALFORMED);  /* not in the alphabet */
  assert_int_equal(code_parse("23456789ABC!D", out), CODE_MALFORMED);
  assert_int_equal(code_parse("", out), CODE_MALFORMED);
  assert_int_equal(code_parse(NULL, out), CODE_MALFORMED);
  /* a fixed vector, so the check character never changes under anyone's feet (the JS test helper agrees) */
  assert_int_equal(code_check_char("222222222222", 12), '2');
  assert_int_equal(code_check_char("ZZZZZZZZZZZZ", 12), code_check_char("ZZZZZZZZZZZZ", 12));
}

static void test_hash_and_password(void **state) {
  char h1[CODE_HASH_HEX + 1], h2[CODE_HASH_HEX + 1], pw[24], sealed[200], back[64];
  code_hash("23456789ABCDE", h1);
  code_hash("23456789ABCDE", h2);
  assert_string_equal(h1, h2);
  assert_int_equal(strlen(h1), CODE_HASH_HEX);
  assert_null(strstr(h1, "23456789"));
  code_hash("23456789ABCDF", h2);
  assert_string_not_equal(h1, h2);
  assert_int_equal(code_password(pw), 0);
  assert_int_equal(strlen(pw), 23);
  for (int i = 0; i < 23; i++) assert_true(i % 6 == 5 ? pw[i] == '-' : strchr(CODE_ALPHABET, pw[i]) != NULL);
  assert_int_equal(code_password_seal(pw, sealed, sizeof sealed), 0);
  assert_null(strstr(sealed, pw));
  assert_int_equal(code_password_open(sealed, back, sizeof back), 0);
  assert_string_equal(back, pw);
  sealed[30] = sealed[30] == 'a' ? 'b' : 'a'; /* altered: GCM refuses it */
  assert_int_equal(code_password_open(sealed, back, sizeof back), -1);
}

/* ---- plans at 1,000,000 codes ---- */

static const char SQL_CLEAN[] = "SET @b = (SELECT id FROM code_batches WHERE name = 'unit explain');"
                                "DELETE FROM codes WHERE batch_id = @b; DELETE FROM code_boxes WHERE batch_id = @b;"
                                "DELETE FROM code_batches WHERE id = @b";
static const char SQL_SEED[] =
    "INSERT INTO code_batches (activity_id, name, count, points, valid_until, points_expire, base_url, created_by, "
    "state) VALUES ((SELECT MIN(id) FROM activities), 'unit explain', 1000000, 1, '2030-01-01', '2030-01-01', "
    "'http://x', 0, 'exported'); SET @b = LAST_INSERT_ID();"
    "INSERT INTO code_boxes (batch_id, box_code, codes, active) SELECT @b, CONCAT('P', LPAD(seq, 6, '0')), 100, 1 "
    "FROM seq_1_to_10000;"
    "SET @x = (SELECT MIN(id) FROM code_boxes WHERE batch_id = @b);"
    "INSERT INTO codes (batch_id, serial, hash, box_id) SELECT @b, seq, LEFT(SHA2(CONCAT('u', seq), 256), 32), "
    "@x + (seq - 1) DIV 100 FROM seq_1_to_1000000;"
    "ANALYZE TABLE codes, code_boxes, code_batches";

static long long g_batch;

static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  t_ok(db_query_ll(t_db(), "SELECT id FROM code_batches WHERE name = 'unit explain'", DB_NOARGS, &g_batch, NULL), "id");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}

/* The plan of stmt: no table read whole, the first table through key, no filesort; *rows gets its rows estimate. */
static int g_bad;
static void check_plan(const char *stmt, const dbp *p, int n, const char *table, const char *key, long long max_rows) {
  char sql[1400], plan[16384];
  int found = 0;
  snprintf(sql, sizeof sql, "EXPLAIN FORMAT=JSON %s", stmt);
  t_ok(db_query_str(t_db(), sql, p, n, plan, sizeof plan, &found), sql);
  static const char TN[] = "\"table_name\": \"", AT[] = "\"access_type\": \"", KEY[] = "\"key\": \"",
                    ROWS[] = "\"rows\": ";
  int bad = strstr(plan, "filesort") != NULL, seen = 0;
  for (const char *t = plan; (t = strstr(t, TN)); t++) {
    const char *name = t + strlen(TN), *next = strstr(name, TN), *at = strstr(name, AT), *k = strstr(name, KEY),
               *rows = strstr(name, ROWS);
    if (*name == '<') continue;
    if (at && (!next || at < next) && strncmp(at + strlen(AT), "ALL", 3) == 0) bad = 1;
    if (strncmp(name, table, strlen(table)) == 0 && name[strlen(table)] == '"' && !seen) {
      seen = 1;
      if (!k || (next && k > next) || strncmp(k + strlen(KEY), key, strlen(key)) || k[strlen(KEY) + strlen(key)] != '"')
        bad = 1;
      if (rows && (!next || rows < next) && atoll(rows + strlen(ROWS)) > max_rows) bad = 1;
    }
  }
  if (!seen) bad = 1;
  if (bad) {
    print_error("plan of %.120s… reads %s other than through %s (≤ %lld rows):\n%.3000s\n", stmt, table, key, max_rows,
                plan);
    g_bad++;
  }
}

static void test_plans_at_a_million_codes(void **state) {
  long long n = 0;
  t_ok(db_query_ll(t_db(), "SELECT COUNT(*) FROM codes WHERE batch_id = ?", DBA(DI(g_batch)), &n, NULL), "count");
  assert_int_equal(n, 1000000);
  char hash[65];
  int found = 0;
  t_ok(db_query_str(t_db(), "SELECT LEFT(SHA2('u777777', 256), 32)", DB_NOARGS, hash, sizeof hash, &found), "hash");
  /* A scan: the code by its keyed hash (one row of the unique key), its batch and box by primary key. */
  check_plan(CODE_FIND_SQL, DBA(DS(hash)), "c", "by_hash", 1);
  check_plan(CODE_FIND_SQL, DBA(DS(hash)), "x", "PRIMARY", 1);
  /* Marking it used: the code by its primary key, the box joined by primary key. */
  check_plan(CODE_USE_SQL, DBA(DI(1), DI(g_batch), DI(777777)), "c", "PRIMARY", 1);
  check_plan(CODE_USE_SQL, DBA(DI(1), DI(g_batch), DI(777777)), "x", "PRIMARY", 1);
  /* Activating boxes: a range of box codes is a range of the by_code index — 100 box rows, never the codes. */
  check_plan(CODE_BOXES_SQL[0], DBA(DI(1), DI(1), DI(1), DI(g_batch), DS("P000100"), DS("P000199"), DI(1)),
             "code_boxes", "by_code", 500);
  check_plan(CODE_BOXES_SQL[1], DBA(DI(g_batch), DS("P000100"), DS("P000199")), "code_boxes", "by_code", 500);
  check_plan("UPDATE code_boxes SET active = ?, activated_at = IF(? = 1, NOW(), activated_at), deactivated_at = IF(? "
             "= 0, NOW(), deactivated_at) WHERE batch_id = ? AND active <> ? AND box_code IN (?,?)",
             DBA(DI(1), DI(1), DI(1), DI(g_batch), DI(1), DS("P000001"), DS("P009999")), "code_boxes", "by_code", 10);
  /* The boxes list: first and later pages in index order, the capped count. */
  check_plan(CODE_BOXES_SQL[2], DBA(DI(g_batch), DI(51)), "code_boxes", "by_code", 20000);
  check_plan(CODE_BOXES_SQL[3], DBA(DI(g_batch), DS("P005000"), DI(51)), "code_boxes", "by_code", 20000);
  check_plan(CODE_BOXES_SQL[4], DBA(DI(g_batch), DI(1001)), "code_boxes", "by_code", 20000);
  /* check-ledger's used-codes checks go through by_ledger, never the million rows. */
  check_plan("SELECT COUNT(*) FROM codes FORCE INDEX (by_ledger) WHERE ledger_id IS NULL AND used_at IS NOT NULL",
             DB_NOARGS, "codes", "by_ledger", 1000);
  /* The batches and jobs lists: keyset pages on the primary key, newest first. */
  check_plan(CODE_LISTS_SQL[0], DBA(DI(21)), "b", "PRIMARY", 1000000);
  check_plan(CODE_LISTS_SQL[1], DBA(DI(g_batch), DI(21)), "b", "PRIMARY", 1000000);
  check_plan(CODE_LISTS_SQL[2], DBA(DI(11)), "j", "PRIMARY", 1000000);
  check_plan(CODE_LISTS_SQL[3], DBA(DI(1000000), DI(11)), "j", "PRIMARY", 1000000);
  assert_int_equal(g_bad, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_alphabet_is_unambiguous),
      cmocka_unit_test(test_random_codes_carry_their_check_character),
      cmocka_unit_test(test_every_single_wrong_character_is_caught),
      cmocka_unit_test(test_neighbour_swaps_are_mostly_caught),
      cmocka_unit_test(test_parse_reads_what_people_type_and_scanners_see),
      cmocka_unit_test(test_hash_and_password),
      cmocka_unit_test_setup_teardown(test_plans_at_a_million_codes, setup, teardown),
  };
  t_ok(db_init_errors(), "errors");
  return cmocka_run_group_tests(tests, NULL, NULL);
}
