/* test_admin_lists.c: the back office's order list against 30,000 orders — every filter shape reads an index (EXPLAIN:
 * no full scan; a sort only where a prefix match must gather its rows first), pages walk every order once (numbered,
 * then keyset), counts exact or capped at ORDERS_ADMIN_COUNT_CAP + 1; the audit log and the SMS outbox likewise */
#include "harness.h"
#include "orders/orders_admin.h"
#include "backoffice/audit_read.h"
#include "shared/sms_admin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 30 members (mobiles 1990000100x…) with 1,000 orders each over 60 days, five statuses in turn. */
static const char SQL_CLEAN[] =
    "CREATE TEMPORARY TABLE IF NOT EXISTS gone (id BIGINT PRIMARY KEY);"
    "INSERT IGNORE INTO gone SELECT id FROM members WHERE mobile LIKE '199000010%';"
    "DELETE i FROM order_items i JOIN orders o ON o.id = i.order_id JOIN gone g ON g.id = o.member_id;"
    "DELETE o FROM orders o JOIN gone g ON g.id = o.member_id;"
    "DELETE m FROM members m JOIN gone g ON g.id = m.id; DROP TEMPORARY TABLE gone;"
    "DELETE FROM sms_outbox WHERE mobile LIKE '199000020%'";
/* The audit log is append-only (its triggers refuse deletes): its 20,000 entries, under an entity of their own, are
 * written once per database. */
static const char SQL_AUDIT_SEED[] =
    "INSERT INTO audit_log (admin_id, admin_name, action, entity, entity_id, created_at)"
    " SELECT 1 + seq % 3, 'unit', 'update', IF(seq % 2, 'unit_list', 'unit_list_b'), seq % 50,"
    " NOW() - INTERVAL 60 DAY + INTERVAL seq * 250 SECOND FROM seq_1_to_20000"
    " WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE entity = 'unit_list');"
    "ANALYZE TABLE audit_log";
static const char SQL_SEED[] =
    "INSERT INTO members (mobile, password_hash) SELECT CONCAT('199000010', LPAD(seq, 2, '0')), 'x' FROM seq_10_to_39;"
    "INSERT INTO orders (order_no, member_id, status, points_total, created_at)"
    " SELECT CONCAT('A2026', LPAD(s.seq, 12, '0')),"
    " m.id, ELT(s.seq % 5 + 1, 'pending', 'paid', 'shipped', 'completed', 'cancelled'), 10,"
    " NOW() - INTERVAL 60 DAY + INTERVAL s.seq * 172 SECOND"
    " FROM seq_1_to_30000 s JOIN members m ON m.mobile = CONCAT('199000010', LPAD(10 + s.seq % 30, 2, '0'));"
    /* A line each, so order_items is reached through by_order, as in production. */
    "INSERT INTO order_items (order_id, product_id, product_type, name, points_price, quantity)"
    " SELECT o.id, (SELECT MIN(id) FROM products), 'virtual', 'x', 0, 1 FROM orders o WHERE o.order_no LIKE 'A2026%';"
    "INSERT INTO sms_outbox (mobile, purpose, body, driver, status, created_at)"
    " SELECT CONCAT('199000020', LPAD(seq % 40, 2, '0')), 'code', 'x', 'log', 'sent',"
    " NOW() - INTERVAL 60 DAY + INTERVAL seq * 250 SECOND FROM seq_1_to_20000;"
    "ANALYZE TABLE members, orders, order_items, sms_outbox";

static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  t_ok(db_run_script(t_db(), SQL_AUDIT_SEED), "audit seed");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}


/* No full scan of orders or members; a filesort only when sort_ok (a prefix gathers its matches first). */
static int g_bad;
static void check_plan(const list_stmt *st, int sort_ok) { g_bad += t_plan_refused(st->sql, st->p, st->n, sort_ok, NULL); }

static void test_every_filter_shape_reads_an_index(void **state) {
  const ent_scope all = ent_scope_all();
  static const char *const nos[] = {NULL, "A2026"};
  static const char *const mobiles[] = {NULL, "19900001011", "1990000102"};
  static const char *const statuses[] = {NULL, "paid"};
  static const char *const froms[] = {NULL, "2026-01-01"};
  static const char *const tos[] = {NULL, "2026-12-31"};
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 3; b++)
      for (int c = 0; c < 2; c++)
        for (int d = 0; d < 2; d++)
          for (int e = 0; e < 2; e++) {
            order_filter f = {nos[a], mobiles[b], statuses[c], froms[d], tos[e]};
            list_stmt st;
            int sort_ok = a == 1 || b == 2;
            orders_admin_search_stmt(&all, &f, 0, 0, 0, 1, &st);
            check_plan(&st, 1);
            orders_admin_search_stmt(&all, &f, 380, 0, 20, 0, &st);
            check_plan(&st, sort_ok);
            orders_admin_search_stmt(&all, &f, 0, 1000000000, 20, 0, &st);
            check_plan(&st, sort_ok);
          }
  assert_int_equal(g_bad, 0);
}

static void test_audit_and_outbox_shapes_read_an_index(void **state) {
  static const long long admins[] = {0, 2};
  static const char *const entities[] = {"", "unit_list"};
  static const long long ids[] = {0, 7};
  static const char *const froms[] = {"", "2026-01-01"};
  static const char *const tos[] = {"", "2026-12-31"};
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 2; b++)
      for (int c = 0; c < 2; c++)
        for (int d = 0; d < 2; d++)
          for (int e = 0; e < 2; e++) {
            if (c && !b) continue; /* an entity id means nothing without its entity (the page never sends it alone) */
            audit_filter f = {admins[a], entities[b], ids[c], froms[d], tos[e]};
            list_stmt st;
            audit_search_stmt(&f, 0, 0, 1, &st);
            check_plan(&st, 0);
            audit_search_stmt(&f, 380, 0, 0, &st);
            check_plan(&st, 0);
            audit_search_stmt(&f, 0, 1000000000, 0, &st);
            check_plan(&st, 0);
          }
  static const char *const mobiles[] = {"", "19900002011", "1990000201"};
  for (int m = 0; m < 3; m++) {
    list_stmt st;
    sms_outbox_stmt(mobiles[m], 0, 0, 0, 1, &st);
    check_plan(&st, 1);
    sms_outbox_stmt(mobiles[m], 380, 0, 20, 0, &st);
    check_plan(&st, m == 2);
    sms_outbox_stmt(mobiles[m], 0, 1000000000, 20, 0, &st);
    check_plan(&st, m == 2);
  }
  assert_int_equal(g_bad, 0);
  /* Every entry of one entity once, numbered pages then keyset, the count capped. */
  audit_filter f = {0, "unit_list", 0, "", ""};
  long long prev = 1LL << 62, after = 0, seen = 0, total = 0;
  for (int page = 0;; page++) {
    HDF *h = NULL;
    int rows = 0;
    t_ok(hdf_init(&h), "hdf");
    int numbered = page < AUDIT_OFFSET_PAGES;
    t_ok(audit_search(t_db(), &f, numbered ? page * (long long)AUDIT_PAGE_SIZE : 0, numbered ? 0 : after, h, "A", &rows,
                      &total),
         "audit");
    for (HDF *e = hdf_get_child(h, "A"); e; e = hdf_obj_next(e)) {
      long long id = db_hdf_ll(e, "id", 0);
      assert_true(id < prev);
      prev = after = id;
      seen++;
    }
    hdf_destroy(&h);
    if (rows < AUDIT_PAGE_SIZE) break;
  }
  assert_int_equal(seen, t_one("SELECT COUNT(*) FROM audit_log WHERE entity = 'unit_list'"));
  assert_int_equal(total, AUDIT_COUNT_CAP + 1);
}

/* Walks a filter's pages as the back office links them: numbered up to ORDERS_ADMIN_OFFSET_PAGES, then ?after=. */
static long long walk(const order_filter *f, long long *total) {
  long long prev = 1LL << 62, after = 0, seen = 0;
  for (int page = 0;; page++) {
    HDF *h = NULL;
    int rows = 0;
    t_ok(hdf_init(&h), "hdf");
    int numbered = page < ORDERS_ADMIN_OFFSET_PAGES;
    t_ok(orders_admin_search(t_db(), ent_scope_all(), f, numbered ? page * 20LL : 0, numbered ? 0 : after, 20, h, "O", &rows, total),
         "orders");
    for (HDF *e = hdf_get_child(h, "O"); e; e = hdf_obj_next(e)) {
      long long id = db_hdf_ll(e, "id", 0);
      assert_true(id < prev);
      prev = after = id;
      seen++;
    }
    hdf_destroy(&h);
    if (rows < 20) break;
  }
  return seen;
}

static void test_pages_walk_every_order_once(void **state) {
  long long total = 0;
  order_filter mine = {NULL, "19900001011", NULL, NULL, NULL};
  assert_int_equal(walk(&mine, &total), 1000);
  assert_int_equal(total, ORDERS_ADMIN_COUNT_CAP); /* exactly 1,000: exact, not "1000+" */
  order_filter paid = {NULL, "1990000101", "paid", NULL, NULL};
  long long want = t_one("SELECT COUNT(*) FROM orders o JOIN members m ON m.id = o.member_id"
                       " WHERE m.mobile LIKE '1990000101%' AND o.status = 'paid'");
  assert_int_equal(walk(&paid, &total), want);
  assert_int_equal(total, want > ORDERS_ADMIN_COUNT_CAP ? ORDERS_ADMIN_COUNT_CAP + 1 : want);
  order_filter none = {"A", NULL, NULL, NULL, NULL};
  want = t_one("SELECT COUNT(*) FROM orders WHERE order_no LIKE 'A%'");
  assert_int_equal(walk(&none, &total), want);
  assert_int_equal(total, ORDERS_ADMIN_COUNT_CAP + 1);
  HDF *h = NULL;
  t_ok(hdf_init(&h), "hdf");
  t_ok(orders_admin_counts(t_db(), ent_scope_all(), h, "C"), "counts");
  assert_string_equal(hdf_get_value(h, "C.paid", ""), "1000+");
  assert_string_equal(hdf_get_value(h, "C.all", ""), "1000+");
  hdf_destroy(&h);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_filter_shape_reads_an_index),
      cmocka_unit_test(test_pages_walk_every_order_once),
      cmocka_unit_test(test_audit_and_outbox_shapes_read_an_index),
  };
  t_ok(db_init_errors(), "errors");
  return cmocka_run_group_tests(tests, setup, teardown);
}
