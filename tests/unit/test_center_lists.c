/* test_center_lists.c: the member center's lists (inbox, favorites, reviews, questions, messages), the public message
 * wall and a product's rating against a member with thousands of rows — no statement scans or sorts (EXPLAIN), pages
 * walk every row once newest first (numbered, then keyset), counts exact or capped, the kept rating equals the reviews */
#include "harness.h"
#include "catalog/consultations.h"
#include "catalog/favorites.h"
#include "catalog/reviews.h"
#include "content/messages.h"
#include "members/inbox_read.h"
#include "catalog/catalog.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1,500 of each for one member (every on-shelf product a favorite), a third of the messages approved, 1,200 inbox
 * notices unread; and as many rows of other members around them. Removed afterwards. */
static const char SQL_CLEAN[] =
    "SET @m = (SELECT id FROM members WHERE mobile = '19900000778');"
    "SET @o = (SELECT id FROM members WHERE mobile = '19900000779');"
    "DELETE FROM inbox WHERE member_id IN (@m, @o); DELETE FROM favorites WHERE member_id IN (@m, @o);"
    "DELETE FROM reviews WHERE member_id IN (@m, @o); DELETE FROM consultations WHERE member_id IN (@m, @o);"
    "DELETE FROM messages WHERE member_id IN (@m, @o); DELETE FROM members WHERE id IN (@m, @o)";
static const char SQL_SEED[] =
    "INSERT INTO members (mobile, password_hash) VALUES ('19900000779', 'x'); SET @o = LAST_INSERT_ID();"
    "INSERT INTO members (mobile, password_hash) VALUES ('19900000778', 'x'); SET @m = LAST_INSERT_ID();"
    "SET @p = (SELECT MIN(id) FROM products);"
    "INSERT INTO inbox (member_id, kind, title, read_at)"
    " SELECT IF(seq % 2, @m, @o), 'notice', CONCAT('n', seq), IF(seq % 5 = 1, NOW(), NULL) FROM seq_1_to_6000;"
    "INSERT INTO favorites (member_id, product_id) SELECT @o, id FROM products;"
    "INSERT INTO favorites (member_id, product_id) SELECT @m, id FROM products WHERE on_shelf = 1 ORDER BY RAND(7);"
    "INSERT INTO reviews (product_id, member_id, score, content, status)"
    " SELECT @p, IF(seq % 2, @m, @o), seq % 5 + 1, CONCAT('r', seq), ELT(seq % 3 + 1, 'pending', 'approved', 'hidden')"
    " FROM seq_1_to_3000;"
    "INSERT INTO consultations (product_id, member_id, question) SELECT @p, IF(seq % 2, @m, @o), CONCAT('q', seq)"
    " FROM seq_1_to_3000;"
    "INSERT INTO messages (member_id, content, status)"
    " SELECT IF(seq % 2, @m, @o), CONCAT('m', seq), ELT(seq % 3 + 1, 'pending', 'approved', 'rejected')"
    " FROM seq_1_to_3000;"
    "ANALYZE TABLE inbox, favorites, reviews, consultations, messages, products, members";

static long long g_member, g_product;

static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  g_member = t_one("SELECT id FROM members WHERE mobile = '19900000778'");
  g_product = t_one("SELECT MIN(id) FROM products");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}

typedef struct {
  const char *name;
  const id_list *list;
  int member;        /* 1: arg is the member; 0: no arg (the public wall) */
  const char *field; /* the row's cursor field */
  const char *count; /* the reference count */
} center_case;

/* The lists and their reference counts (static: the cases point at them). */
static void cases(center_case *c) {
  static char keep[5][300];
  static const char *const tables[5] = {"inbox i", "favorites i JOIN products p ON p.id = i.product_id", "reviews i",
                                        "consultations i", "messages i"};
  for (int i = 0; i < 5; i++)
    snprintf(keep[i], sizeof keep[i], "SELECT COUNT(*) FROM %s WHERE i.member_id = %lld", tables[i], g_member);
  center_case all[] = {
      {"inbox", &INBOX_LIST, 1, "id", keep[0]},
      {"favorites", &FAVORITES_LIST[0], 1, "fav_id", keep[1]},
      {"favorites en", &FAVORITES_LIST[1], 1, "fav_id", keep[1]},
      {"reviews", &REVIEWS_MINE[0], 1, "id", keep[2]},
      {"reviews en", &REVIEWS_MINE[1], 1, "id", keep[2]},
      {"questions", &CONSULTATIONS_MINE[0], 1, "id", keep[3]},
      {"questions en", &CONSULTATIONS_MINE[1], 1, "id", keep[3]},
      {"messages", &MESSAGES_MINE, 1, "id", keep[4]},
      {"message wall", &MESSAGES_PUBLIC, 0, "id", "SELECT COUNT(*) FROM messages WHERE status = 'approved'"},
  };
  memcpy(c, all, sizeof all);
}
#define N_CASES 9

/* Counts, a numbered page deep in the list and a keyset page: no full scan of a real table, no filesort, the list's
 * own index (a member's, or the wall's by_status) first. */
static void test_statements_read_only_the_page(void **state) {
  center_case c[N_CASES];
  cases(c);
  int bad = 0;
  for (int i = 0; i < N_CASES; i++) {
    list_stmt st;
    long long arg = c[i].member ? g_member : 0;
    /* favorites' primary key (member_id, product_id) is one member's too: the count may read it */
    const char *driving = !c[i].member ? "by_status" : c[i].field[0] == 'f' ? "by_member|PRIMARY" : "by_member";
    int was = bad;
    id_list_stmt(c[i].list, arg, 1, CENTER_COUNT_CAP, 0, 0, 0, &st);
    bad += t_plan_refused(st.sql, st.p, st.n, 0, driving);
    id_list_stmt(c[i].list, arg, 0, 0, 400, 0, 10, &st);
    bad += t_plan_refused(st.sql, st.p, st.n, 0, driving);
    id_list_stmt(c[i].list, arg, 0, 0, 0, 1LL << 40, 10, &st);
    bad += t_plan_refused(st.sql, st.p, st.n, 0, driving);
    if (bad > was) fprintf(stderr, "  refused: %s\n", c[i].name);
  }
  assert_int_equal(bad, 0);
}

/* Pages of 10 like the center's: CENTER_OFFSET_PAGES numbered pages, then keyset pages from the last row shown. Every
 * row comes once, in descending key order; the count is exact up to the cap. */
static void test_pages_walk_every_row_once(void **state) {
  center_case c[N_CASES];
  cases(c);
  for (int i = 0; i < N_CASES; i++) {
    long long want = t_one(c[i].count), arg = c[i].member ? g_member : 0;
    long long prev = 1LL << 62, after = 0, seen = 0, total = -1;
    assert_true(want > CENTER_OFFSET_PAGES * 10 || strncmp(c[i].name, "favorites", 9) == 0);
    for (int page = 0;; page++) {
      HDF *h = NULL;
      int rows = 0;
      t_ok(hdf_init(&h), "hdf");
      int numbered = page < CENTER_OFFSET_PAGES;
      t_ok(id_list_fetch(t_db(), c[i].list, arg, CENTER_COUNT_CAP, numbered ? page * 10LL : 0, numbered ? 0 : after,
                         10, h, "L", &rows, &total),
           c[i].name);
      for (HDF *e = hdf_get_child(h, "L"); e; e = hdf_obj_next(e)) {
        long long id = db_hdf_ll(e, c[i].field, 0);
        if (id >= prev) fprintf(stderr, "  %s: %lld after %lld\n", c[i].name, id, prev);
        assert_true(id < prev);
        prev = after = id;
        seen++;
      }
      hdf_destroy(&h);
      if (rows < 10) break;
    }
    if (seen != want) fprintf(stderr, "  %s: %lld rows seen of %lld\n", c[i].name, seen, want);
    assert_int_equal(seen, want);
    assert_int_equal(total, want > CENTER_COUNT_CAP ? CENTER_COUNT_CAP + 1 : want);
  }
}

/* The inbox's unread count: exact below the cap, cap + 1 above it (the page shows "99+"). */
static void test_unread_count_is_capped(void **state) {
  long long n = 0;
  t_ok(inbox_unread(t_db(), g_member, &n), "unread");
  assert_int_equal(n, INBOX_UNREAD_CAP + 1);
  t_ok(db_run_script(t_db(), "SET @m = (SELECT id FROM members WHERE mobile = '19900000778');"
                             "UPDATE inbox SET read_at = NOW() WHERE member_id = @m AND id % 101 <> 0"),
       "read most");
  long long want = t_one("SELECT COUNT(*) FROM inbox i JOIN members m ON m.id = i.member_id"
                         " WHERE m.mobile = '19900000778' AND i.read_at IS NULL");
  assert_true(want > 0 && want <= INBOX_UNREAD_CAP);
  t_ok(inbox_unread(t_db(), g_member, &n), "unread");
  assert_int_equal(n, want);
  assert_int_equal(t_plan_refused(INBOX_UNREAD_SQL, DBA(DI(g_member), DI(INBOX_UNREAD_CAP + 1)), 0, "by_member_unread"),
                   0);
}

/* The rating the product page reads (kept by triggers) equals the approved reviews' count and sum through inserts,
 * moderation both ways, a product change and deletes. */
static void rating_matches(void) {
  char sql[400];
  snprintf(sql, sizeof sql,
           "SELECT COUNT(*) FROM (SELECT p.id FROM products p LEFT JOIN product_ratings k ON k.product_id = p.id"
           " LEFT JOIN (SELECT product_id, COUNT(*) n, SUM(score) s FROM reviews WHERE status = 'approved'"
           " GROUP BY product_id) r ON r.product_id = p.id"
           " WHERE IFNULL(k.approved, 0) <> IFNULL(r.n, 0) OR IFNULL(k.score_sum, 0) <> IFNULL(r.s, 0)) d");
  assert_int_equal(t_one(sql), 0);
}

static void test_rating_follows_the_reviews(void **state) {
  rating_matches();
  assert_true(t_one("SELECT approved FROM product_ratings WHERE product_id = (SELECT MIN(id) FROM products)") >= 1000);
  HDF *h = NULL;
  long long count = 0;
  t_ok(hdf_init(&h), "hdf");
  t_ok(catalog_review_stats(t_db(), h, "R", g_product, &count), "stats");
  /* the page's average and stars as the reviews' own AVG gives them */
  assert_int_equal((long long)(atof(hdf_get_value(h, "R.0.avg", "0")) * 10 + 0.5),
                   t_one("SELECT ROUND(AVG(score), 1) * 10 FROM reviews WHERE status = 'approved' AND product_id ="
                         " (SELECT MIN(id) FROM products)"));
  assert_int_equal(db_hdf_ll(h, "R.0.stars", -1),
                   t_one("SELECT ROUND(AVG(score)) FROM reviews WHERE status = 'approved' AND product_id ="
                         " (SELECT MIN(id) FROM products)"));
  assert_int_equal(count, t_one("SELECT COUNT(*) FROM reviews WHERE status = 'approved' AND product_id ="
                                " (SELECT MIN(id) FROM products)"));
  hdf_destroy(&h);
  t_ok(db_run_script(t_db(), "SET @m = (SELECT id FROM members WHERE mobile = '19900000778');"
                             "UPDATE reviews SET status = 'approved' WHERE member_id = @m AND id % 7 = 0;"
                             "UPDATE reviews SET status = 'hidden' WHERE member_id = @m AND id % 11 = 0;"
                             "UPDATE reviews SET product_id = (SELECT MAX(id) FROM products)"
                             " WHERE member_id = @m AND id % 13 = 0;"
                             "DELETE FROM reviews WHERE member_id = @m AND id % 17 = 0"),
       "moderate");
  rating_matches();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_statements_read_only_the_page),
      cmocka_unit_test(test_pages_walk_every_row_once),
      cmocka_unit_test(test_unread_count_is_capped),
      cmocka_unit_test(test_rating_follows_the_reviews),
  };
  t_ok(db_init_errors(), "errors");
  return cmocka_run_group_tests(tests, setup, teardown);
}
