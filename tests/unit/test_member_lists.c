/* test_member_lists.c: a member's lists (points center, my orders) against a member with thousands of lots, ledger
 * entries and orders — no statement scans or sorts (EXPLAIN), ledger and order pages walk every row once (numbered,
 * then keyset), open lots page through every open lot once, counts exact or capped */
#include "harness.h"
#include "points/points_read.h"
#include "orders/orders_read.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 3,000 ledger entries of every kind over a year and 3,000 lots of which 120 still have points: the member the
 * points page must not read whole. Removed afterwards (the ledger check must not see them). */
static const char SQL_CLEAN[] =
    "SET @l = (SELECT id FROM members WHERE mobile = '19900000776');"
    "DELETE FROM points_ledger WHERE member_id = @l; DELETE FROM points_lots WHERE member_id = @l;"
    "DELETE FROM members WHERE id = @l;"
    "SET @m = (SELECT id FROM members WHERE mobile = '19900000777');"
    "DELETE FROM points_ledger WHERE member_id = @m; DELETE FROM points_lots WHERE member_id = @m;"
    "DELETE i FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.member_id = @m;"
    "DELETE FROM orders WHERE member_id = @m;"
    "DELETE FROM members WHERE id = @m";
static const char SQL_SEED[] =
    "INSERT INTO members (mobile, password_hash) VALUES ('19900000777', 'x'); SET @m = LAST_INSERT_ID();"
    "INSERT INTO points_lots (member_id, source, amount, remaining, expires_at, status)"
    " SELECT @m, 'earn', 100, IF(seq % 25 = 0, 40, 0), CURDATE() + INTERVAL (seq * 7) % 400 DAY,"
    " IF(seq % 25 = 0 OR seq % 3 = 0, 'open', 'expired') FROM seq_1_to_3000;"
    "INSERT INTO points_ledger (member_id, kind, amount, balance_after, note, created_at)"
    " SELECT @m, ELT(seq % 6 + 1, 'earn', 'spend', 'refund', 'expire', 'grant', 'adjust'), 10, seq, '',"
    " NOW() - INTERVAL 3000 - seq HOUR FROM seq_1_to_3000;"
    "INSERT INTO orders (order_no, member_id, status, points_total, created_at)"
    " SELECT CONCAT('U', LPAD(seq, 16, '0')), @m, ELT(seq % 5 + 1, 'pending', 'paid', 'shipped', 'completed',"
    " 'cancelled'), 0, NOW() - INTERVAL seq HOUR FROM seq_1_to_3000;"
    /* A line each, so order_items is a table the optimiser reaches through by_order, as in production. */
    "INSERT INTO order_items (order_id, product_id, product_type, name, points_price, quantity)"
    " SELECT o.id, (SELECT MIN(id) FROM products), 'virtual', 'x', 0, 1 FROM orders o WHERE o.member_id = @m;"
    /* A member with few lots (4 open, 2 due within 30 days) and 35 entries: the lots read tells the lot numbers. */
    "INSERT INTO members (mobile, password_hash) VALUES ('19900000776', 'x'); SET @l = LAST_INSERT_ID();"
    "INSERT INTO points_lots (member_id, source, amount, remaining, expires_at)"
    " SELECT @l, 'grant', 10, seq, CURDATE() + INTERVAL seq * 12 DAY FROM seq_1_to_4;"
    "INSERT INTO points_ledger (member_id, kind, amount, balance_after, note)"
    " SELECT @l, ELT(seq % 2 + 1, 'earn', 'spend'), 1, seq, '' FROM seq_1_to_35;"
    "ANALYZE TABLE points_ledger, points_lots, members, orders, order_items";

static long long g_member, g_light;
#define LOTS_COUNT_ARGS DBA(DI(g_member), DI(POINTS_COUNT_CAP + 1))

static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  g_member = t_one("SELECT id FROM members WHERE mobile = '19900000777'");
  g_light = t_one("SELECT id FROM members WHERE mobile = '19900000776'");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}

/* No full scan of a real table (the bounded counts' derived tables are fine), the member's own index on the
 * member's table (by_member…, or open_lots), no filesort. */
static int g_bad;
static void check_plan(const char *stmt, const dbp *p, int n) {
  g_bad += t_plan_refused(stmt, p, n, 0, "by_member|open_lots");
}

/* The expiry days' and open-lot count's statements: the member's rows through the primary key. */
static void check_days_plan(const char *stmt, const dbp *p, int n) {
  g_bad += t_plan_refused(stmt, p, n, 0, "PRIMARY");
}

static void test_statements_read_only_the_page(void **state) {
  static const char *const kinds[] = {NULL, "spend"};
  static const char *const froms[] = {NULL, "2026-01-01"};
  static const char *const tos[] = {NULL, "2026-12-31"};
  for (int k = 0; k < 2; k++)
    for (int a = 0; a < 2; a++)
      for (int b = 0; b < 2; b++) {
        ledger_filter f = {kinds[k], froms[a], tos[b]};
        ledger_stmt st;
        /* Date filters alone read the member's entries newest first and check the date row by row: bounded by that
         * member's ledger, not the table's (the by_member prefix is what the check below insists on). */
        /* Unfiltered, the count is the member's kept row (schema 047), read by its primary key. */
        void (*count_plan)(const char *, const dbp *, int) = f.kind || f.from || f.to ? check_plan : check_days_plan;
        member_points_ledger_stmt(g_member, &f, 1, 0, 0, 0, &st);
        count_plan(st.sql, st.p, st.n);
        member_points_ledger_stmt(g_member, &f, 0, 0, 0, 10, &st);
        check_plan(st.sql, st.p, st.n);
        member_points_ledger_stmt(g_member, &f, 0, 400, 0, 10, &st);
        check_plan(st.sql, st.p, st.n);
        member_points_ledger_stmt(g_member, &f, 0, 0, 1000000, 10, &st);
        check_plan(st.sql, st.p, st.n);
        member_points_summary_stmt(g_member, 30, &f, POINTS_COUNT_CAP, 0, &st);
        count_plan(st.sql, st.p, st.n);
        /* The points page's first view and keyset pages: lots and ledger page in one UNION ALL. */
        int rows = 0;
        long long all = 0;
        ledger_page first = {&f, 0, 0, 10, "L", &rows, 100, 50, &all, 0};
        ledger_page deep = {&f, 490, 0, 10, "L", &rows, 100, 540, &all, 0};
        ledger_page keyset = {&f, 0, 1000000, 10, "L", &rows, 100, -1, &all, 0};
        member_points_lots_first_stmt(g_member, 30, 11, &first, &st);
        check_plan(st.sql, st.p, st.n);
        /* A member with a handful of lots: the optimiser preferred fifo and a filesort there, unless told. */
        member_points_lots_first_stmt(g_light, 30, 11, &first, &st);
        check_plan(st.sql, st.p, st.n);
        member_points_lots_first_stmt(g_member, 30, 11, &deep, &st);
        check_plan(st.sql, st.p, st.n);
        deep.entries_only = 1; /* a member with few lots: the entries counted, not the lots */
        member_points_lots_first_stmt(g_member, 30, 11, &deep, &st);
        check_plan(st.sql, st.p, st.n);
        member_points_lots_first_stmt(g_member, 30, 11, &keyset, &st);
        check_plan(st.sql, st.p, st.n);
        keyset.total = NULL; /* without the counts */
        member_points_lots_first_stmt(g_member, 30, 11, &keyset, &st);
        check_plan(st.sql, st.p, st.n);
        /* The summary's numbers are the separate statements' numbers. */
        long long soon = -1, open = -1, entries = -1, want = -1;
        t_ok(member_points_summary(t_db(), g_member, 30, &f, POINTS_COUNT_CAP, 0, &soon, &open, &entries), "summary");
        member_points_ledger_stmt(g_member, &f, 1, 0, 0, 0, &st);
        t_ok(db_query_ll(t_db(), st.sql, st.p, st.n, &want, NULL), "count");
        assert_int_equal(entries, want);
        t_ok(db_query_ll(t_db(), POINTS_LOT_SQL[4], LOTS_COUNT_ARGS, &want, NULL), "lots");
        assert_int_equal(open, want);
        t_ok(db_query_ll(t_db(), POINTS_LOT_SQL[1], DBA(DI(g_member), DI(30)), &want, NULL), "expiring");
        assert_int_equal(soon, want);
      }
  /* The points page's small caps: its counts stop at what the page shows (a probe of row cap + 1 each). */
  {
    ledger_filter none = {0};
    long long soon = -1, open = -1, entries = -1;
    t_ok(member_points_summary(t_db(), g_member, 30, &none, 100, 50, &soon, &open, &entries), "summary, small caps");
    assert_int_equal(open, 101);
    assert_int_equal(entries, 51);
    t_ok(member_points_summary(t_db(), g_member, 30, &none, 100, -1, &soon, &open, &entries), "summary, no entries");
    assert_int_equal(entries, -1);
    ledger_stmt st;
    member_points_summary_stmt(g_member, 30, &none, 100, 50, &st);
    check_days_plan(st.sql, st.p, st.n);
  }
  check_plan(POINTS_LOT_SQL[0], DBA(DI(g_member), DI(30)));
  check_days_plan(POINTS_LOT_SQL[1], DBA(DI(g_member), DI(30)));
  check_plan(POINTS_LOT_SQL[2], DBA(DI(g_member), DI(10)));
  check_plan(POINTS_LOT_SQL[3], DBA(DI(g_member), DS("2026-06-01"), DS("2026-06-01"), DI(5), DI(10)));
  check_days_plan(POINTS_LOT_SQL[4], LOTS_COUNT_ARGS);
  const char *const *o = ORDERS_LIST_SQL;
  check_plan(o[0], DBA(DI(g_member), DI(400), DI(10)));
  check_plan(o[1], DBA(DI(g_member), DS("paid"), DI(400), DI(10)));
  check_plan(o[2], DBA(DI(g_member), DI(1000000000), DI(10)));
  check_plan(o[3], DBA(DI(g_member), DS("paid"), DI(1000000000), DI(10)));
  check_plan(o[4], DBA(DI(g_member)));
  check_plan(o[5], DBA(DI(g_member), DS("paid")));
  check_plan(o[6], DBA(DI(g_member), DS("pending")));
  assert_int_equal(g_bad, 0);
}

static void test_order_pages_walk_every_order_once(void **state) {
  static const char *const statuses[] = {NULL, "shipped"};
  for (int k = 0; k < 2; k++) {
    long long want = k ? 600 : 3000, prev = 1LL << 62, after = 0, seen = 0, total = 0;
    for (int page = 0;; page++) {
      HDF *h = NULL;
      int rows = 0;
      t_ok(hdf_init(&h), "hdf");
      int numbered = page < ORDERS_OFFSET_PAGES;
      t_ok(orders_read_list(t_db(), g_member, statuses[k], numbered ? page * 10LL : 0, numbered ? 0 : after, 10, h, "O",
                            &rows, &total),
           "orders");
      for (HDF *e = hdf_get_child(h, "O"); e; e = hdf_obj_next(e)) {
        long long id = db_hdf_ll(e, "id", 0);
        assert_true(id < prev);
        prev = after = id;
        seen++;
      }
      hdf_destroy(&h);
      if (rows < 10) break;
    }
    assert_int_equal(seen, want);
    assert_int_equal(total, want > ORDERS_COUNT_CAP ? ORDERS_COUNT_CAP + 1 : want);
  }
  HDF *h = NULL;
  t_ok(hdf_init(&h), "hdf");
  t_ok(orders_read_counts(t_db(), g_member, h, "C"), "counts");
  assert_string_equal(hdf_get_value(h, "C.paid", ""), "99+");
  hdf_destroy(&h);
}

static void test_ledger_pages_walk_every_entry_once(void **state) {
  static const char *const kinds[] = {NULL, "grant"};
  for (int k = 0; k < 2; k++) {
    ledger_filter f = {kinds[k], NULL, NULL};
    long long want = t_one(k ? "SELECT COUNT(*) FROM points_ledger l JOIN members m ON m.id = l.member_id"
                               " WHERE m.mobile = '19900000777' AND l.kind = 'grant'"
                             : "SELECT COUNT(*) FROM points_ledger l JOIN members m ON m.id = l.member_id"
                               " WHERE m.mobile = '19900000777'");
    long long prev = 1LL << 62, after = 0, seen = 0, total = 0;
    for (int page = 0;; page++) {
      HDF *h = NULL;
      t_ok(hdf_init(&h), "hdf");
      int numbered = page < POINTS_OFFSET_PAGES;
      t_ok(member_points_ledger(t_db(), g_member, &f, h, "L", numbered ? page * 10LL : 0, numbered ? 0 : after, 10,
                                &total),
           "ledger");
      int rows = 0;
      for (HDF *e = hdf_get_child(h, "L"); e; e = hdf_obj_next(e), rows++) {
        long long id = db_hdf_ll(e, "id", 0);
        assert_true(id < prev); /* strictly newest first: nothing repeated */
        prev = after = id;
        seen++;
      }
      hdf_destroy(&h);
      if (rows < 10) break;
    }
    assert_int_equal(seen, want); /* nothing skipped */
    assert_int_equal(total, want > POINTS_COUNT_CAP ? POINTS_COUNT_CAP + 1 : want);
  }
}

static void test_open_lots_page_through_every_open_lot(void **state) {
  long long want = t_one("SELECT COUNT(*) FROM points_lots l JOIN members m ON m.id = l.member_id"
                         " WHERE m.mobile = '19900000777' AND l.status = 'open' AND l.remaining > 0");
  lots_seek after = {0}, next;
  long long seen = 0, open = 0;
  char last[32] = "";
  for (;;) {
    HDF *h = NULL;
    int rows = 0;
    t_ok(hdf_init(&h), "hdf");
    t_ok(member_points_lots(t_db(), g_member, &after, 10, h, "L", &rows, &open, &next), "lots");
    for (HDF *l = hdf_get_child(h, "L"); l; l = hdf_obj_next(l)) {
      char at[32];
      snprintf(at, sizeof at, "%s.%010lld", hdf_get_value(l, "expires", ""), db_hdf_ll(l, "id", 0));
      assert_true(strcmp(at, last) > 0); /* soonest first, none twice */
      snprintf(last, sizeof last, "%s", at);
      assert_true(db_hdf_ll(l, "remaining", 0) > 0);
      seen++;
    }
    hdf_destroy(&h);
    if (!next.set) break;
    after = next;
  }
  assert_int_equal(seen, want);
  assert_int_equal(open, want);
  lots_seek k;
  assert_int_equal(lots_seek_parse("2026-12-31.42", &k), 1);
  assert_string_equal(k.expires, "2026-12-31");
  static const char *const bad[] = {"", "2026-12-31", "2026-12-31.0", "2026-13-01.1", "2026-1-01.1", "2026-12-31.1x"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(lots_seek_parse(bad[i], &k), 0);
}

/* The points page's one-statement views (open lots, expiring lots, a ledger page and the counts in one UNION ALL)
 * show exactly what the separate reads show: same rows, same order, same columns, same numbers. */
static void test_union_view_equals_separate_reads(void **state) {
  static const char *const kinds[] = {NULL, "spend"};
  long long middle = t_one("SELECT l.id FROM points_ledger l JOIN members m ON m.id = l.member_id"
                           " WHERE m.mobile = '19900000777' ORDER BY l.id DESC LIMIT 1 OFFSET 1500");
  /* first page, a numbered page (page 20 of 10: counted to page 24), a keyset page (not counted); the last two
   * without the counts (the first view's 11 rows, a keyset page) */
  const long long offsets[] = {0, 190, 0, 0, 0, 190}, afters[] = {0, 0, middle, 0, middle, 0};
  const long long caps[] = {50, 240, -1, 0, 0, 240};
  const int limits[] = {10, 10, 10, 11, 10, 10};
  int compared = 0;
  for (int k = 0; k < 2; k++)
    for (int v = 0; v < 6; v++) {
      int counted = v < 3 || v == 5, only = v == 5; /* the last: entries counted, not the lots */
      ledger_filter f = {kinds[k], NULL, NULL};
      HDF *one = NULL, *two = NULL;
      char *s1 = NULL, *s2 = NULL;
      int lots1 = 0, lots2 = 0, entries = 0;
      long long open1 = 0, open2 = 0, soon1 = 0, soon2 = 0, total1 = 0, total2 = -1;
      lots_seek next1, next2;
      ledger_page lp = {
          &f, offsets[v], afters[v], limits[v], "Ledger", &entries, 100, caps[v], counted ? &total1 : NULL, only};
      t_ok(hdf_init(&one), "hdf");
      t_ok(hdf_init(&two), "hdf");
      t_ok(member_points_lots_first(t_db(), g_member, 30, 10, one, "Lots", "Expiring", &lots1, &next1, &open1, &soon1,
                                    &lp),
           "union");
      t_ok(member_points_lots_first(t_db(), g_member, 30, 10, two, "Lots", "Expiring", &lots2, &next2, &open2, &soon2,
                                    NULL),
           "lots");
      t_ok(member_points_ledger_rows(t_db(), g_member, &f, two, "Ledger", offsets[v], afters[v], limits[v]), "ledger");
      if (counted) {
        t_ok(member_points_summary(t_db(), g_member, 30, &f, 100, caps[v], &soon2, &open2, &total2), "summary");
        if (only) {
          assert_int_equal(open1, -1); /* 120 open lots, not counted: not known */
          assert_int_equal(soon1, -1);
          open1 = open2;
          soon1 = soon2;
        }
      } else {
        total1 = total2 = -1;        /* not read */
        assert_int_equal(open1, -1); /* 120 open lots: more than one statement's rows, so not known */
        assert_int_equal(soon1, -1);
        open1 = open2 = 101;
        soon1 = soon2 = 1;
      }
      t_ok(hdf_write_string(one, &s1), "dump");
      t_ok(hdf_write_string(two, &s2), "dump");
      assert_string_equal(s1, s2);
      assert_int_equal(lots1, lots2);
      assert_int_equal(open1, open2);
      assert_int_equal(soon1, soon2);
      assert_int_equal(total1, total2);
      assert_int_equal(next1.id, next2.id);
      assert_int_equal(entries, limits[v]); /* 3,000 entries (500 of a kind): a full page each time */
      assert_int_equal(lots1, 10);
      assert_int_equal(open1, 101); /* 120 open lots, counted to 100 + 1 */
      assert_true(soon1 > 0);
      if (counted) assert_int_equal(total1, caps[v] < 0 ? -1 : caps[v] + 1);
      compared++;
      free(s1);
      free(s2);
      hdf_destroy(&one);
      hdf_destroy(&two);
    }
  assert_int_equal(compared, 12);
}

/* A member with few lots: a numbered page's union counts the entries only, and the lot numbers come from its rows —
 * the same numbers as the counts of every kind, and the same page as the separate reads. */
static void test_entries_only_counts_for_few_lots(void **state) {
  ledger_filter none = {0};
  for (int only = 0; only < 2; only++) {
    HDF *one = NULL, *two = NULL;
    char *s1 = NULL, *s2 = NULL;
    int lots1 = 0, lots2 = 0, entries = 0;
    long long open1 = 0, open2 = 0, soon1 = 0, soon2 = 0, total1 = 0, total2 = 0;
    lots_seek next1, next2;
    ledger_page lp = {&none, 20, 0, 10, "Ledger", &entries, 100, 70, &total1, only}; /* page 3 */
    t_ok(hdf_init(&one), "hdf");
    t_ok(hdf_init(&two), "hdf");
    t_ok(
        member_points_lots_first(t_db(), g_light, 30, 10, one, "Lots", "Expiring", &lots1, &next1, &open1, &soon1, &lp),
        "union");
    t_ok(member_points_lots_first(t_db(), g_light, 30, 10, two, "Lots", "Expiring", &lots2, &next2, &open2, &soon2,
                                  NULL),
         "lots");
    t_ok(member_points_ledger_rows(t_db(), g_light, &none, two, "Ledger", 20, 0, 10), "ledger");
    t_ok(member_points_summary(t_db(), g_light, 30, &none, 100, 70, &soon2, &open2, &total2), "summary");
    t_ok(hdf_write_string(one, &s1), "dump");
    t_ok(hdf_write_string(two, &s2), "dump");
    assert_string_equal(s1, s2);
    assert_int_equal(open1, 4);
    assert_int_equal(open2, 4);
    assert_int_equal(soon1, 3); /* the lots due in 12 and 24 days: 1 + 2 points */
    assert_int_equal(soon2, 3);
    assert_int_equal(total1, 35);
    assert_int_equal(total2, 35);
    assert_int_equal(entries, 10);
    free(s1);
    free(s2);
    hdf_destroy(&one);
    hdf_destroy(&two);
  }
}

/* The expiring sum reads points_expiry_days and the capped open-lot and entry counts points_member_lots; each equals
 * the same number taken from the lots (or entries) themselves — for every cap, every window, and after lots are
 * spent, emptied and expired, a day's last one included (the day goes), given back, and new, and entries are added
 * and deleted. */
static void expect_lot_numbers(const char *when) {
  char sql[512];
  static const int caps[] = {0, 1, 5, 7, 8, 15, 16, 17, 100, 118, 119, 120, 121, 1000};
  for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
    long long got = -1;
    int cap = caps[i];
    t_ok(db_query_ll(t_db(), POINTS_LOT_SQL[4], DBA(DI(g_member), DI(cap + 1)), &got, NULL), when);
    snprintf(sql, sizeof sql,
             "SELECT LEAST(COUNT(*), %d) FROM points_lots WHERE member_id = %lld AND status = 'open' AND remaining > 0",
             cap + 1, g_member);
    if (got != t_one(sql)) fail_msg("%s: open lots capped at %d: %lld, the lots say %lld", when, cap, got, t_one(sql));
  }
  /* The unfiltered entry count reads the kept count (schema 047): the same as counting the member's entries. */
  static const int entry_caps[] = {1, 50, 1000, 2999, 3000, 3001, 3002, 5000}; /* the member has 3,000 (+2) */
  for (size_t i = 0; i < sizeof entry_caps / sizeof entry_caps[0]; i++) {
    long long got = -1;
    ledger_filter none = {0};
    ledger_stmt st;
    member_points_ledger_stmt(g_member, &none, 1, 0, 0, entry_caps[i], &st);
    assert_non_null(strstr(st.sql, "points_member_lots"));
    t_ok(db_query_ll(t_db(), st.sql, st.p, st.n, &got, NULL), when);
    snprintf(sql, sizeof sql, "SELECT LEAST(COUNT(*), %d) FROM points_ledger WHERE member_id = %lld", entry_caps[i] + 1,
             g_member);
    if (got != t_one(sql))
      fail_msg("%s: entries capped at %d: %lld, the ledger says %lld", when, entry_caps[i], got, t_one(sql));
  }
  static const int windows[] = {1, 30, 60, 200, 400};
  for (size_t i = 0; i < sizeof windows / sizeof windows[0]; i++) {
    long long got = -1;
    t_ok(db_query_ll(t_db(), POINTS_LOT_SQL[1], DBA(DI(g_member), DI(windows[i])), &got, NULL), when);
    snprintf(sql, sizeof sql,
             "SELECT COALESCE(SUM(remaining), 0) FROM points_lots WHERE member_id = %lld AND status = 'open' AND "
             "remaining > 0 AND expires_at >= CURDATE() AND expires_at < CURDATE() + INTERVAL %d DAY",
             g_member, windows[i]);
    if (got != t_one(sql))
      fail_msg("%s: due within %d days: %lld, the lots say %lld", when, windows[i], got, t_one(sql));
  }
}

static void test_expiry_days_match_the_lots(void **state) {
  char sql[1024];
  expect_lot_numbers("as seeded");
  assert_true(t_one("SELECT COUNT(*) FROM points_expiry_days WHERE member_id = (SELECT id FROM members WHERE mobile = "
                    "'19900000777')") < 20);
  /* The writes points.c makes, in a transaction undone at the end: a spend from a lot, a lot emptied, every lot of the
   * soonest day expired (its row goes), one of them given back (it returns), a new lot on a new day. */
  snprintf(sql, sizeof sql,
           "START TRANSACTION;"
           "SET @d = (SELECT MIN(expires_at) FROM points_lots WHERE member_id = %lld AND open_left = 1);"
           "UPDATE points_lots SET remaining = remaining - 15 WHERE member_id = %lld AND open_left = 1 "
           "AND expires_at > @d ORDER BY expires_at, id LIMIT 1;"
           "UPDATE points_lots SET remaining = 0 WHERE member_id = %lld AND open_left = 1 AND expires_at > @d "
           "ORDER BY expires_at DESC, id LIMIT 1;"
           "UPDATE points_lots SET remaining = 0, status = 'expired' WHERE member_id = %lld AND expires_at = @d;",
           g_member, g_member, g_member, g_member);
  t_ok(db_run_script(t_db(), sql), "spend, empty, expire a day");
  expect_lot_numbers("after a spend, an emptied lot and a day expired");
  snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM points_expiry_days WHERE member_id = %lld AND expires_at = @d",
           g_member);
  assert_int_equal(t_one(sql), 0);
  snprintf(sql, sizeof sql,
           "UPDATE points_lots SET remaining = 7, status = 'open' WHERE member_id = %lld AND expires_at = @d "
           "ORDER BY id LIMIT 1;"
           "INSERT INTO points_lots (member_id, source, amount, remaining, expires_at) "
           "VALUES (%lld, 'grant', 9, 9, CURDATE() + INTERVAL 3 DAY);"
           "INSERT INTO points_ledger (member_id, kind, amount, balance_after, note) "
           "SELECT member_id, kind, 0, balance_after, 'count test' FROM points_ledger WHERE member_id = %lld LIMIT 2",
           g_member, g_member, g_member);
  t_ok(db_run_script(t_db(), sql), "give back, new lot, two entries");
  expect_lot_numbers("after a lot given back, a new one and two entries");
  snprintf(sql, sizeof sql, "DELETE FROM points_ledger WHERE member_id = %lld AND note = 'count test' LIMIT 1",
           g_member);
  t_ok(db_run_script(t_db(), sql), "an entry deleted");
  expect_lot_numbers("after an entry deleted");
  t_ok(db_run_script(t_db(), "ROLLBACK"), "rollback");
  expect_lot_numbers("rolled back");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_statements_read_only_the_page),
      cmocka_unit_test(test_union_view_equals_separate_reads),
      cmocka_unit_test(test_expiry_days_match_the_lots),
      cmocka_unit_test(test_ledger_pages_walk_every_entry_once),
      cmocka_unit_test(test_entries_only_counts_for_few_lots),
      cmocka_unit_test(test_open_lots_page_through_every_open_lot),
      cmocka_unit_test(test_order_pages_walk_every_order_once),
  };
  t_ok(db_init_errors(), "errors");
  return cmocka_run_group_tests(tests, setup, teardown);
}
