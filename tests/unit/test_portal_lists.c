/* test_portal_lists.c: the back-office products, merchants and settlements lists and the merchant portal's vouchers —
 * every filter shape reads its index (EXPLAIN: no full scan; a sort only where a search gathers its matches), and
 * walking the pages as they are linked (numbered, then keyset) gives exactly the rows of a plain reference query, in
 * its order, ties on the sort key included; counts exact or capped */
#include "harness.h"
#include "catalog/catalog_admin_list.h"
#include "merchants/merchants_admin.h"
#include "merchants/settlements_list.h"
#include "merchants/merchant_orders.h"
#include "content/moderation.h"
#include "backoffice/blacklist_admin.h"
#include "merchants/applications.h"
#include "content/content_admin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 3,000 products in a top category with two leaves and two brands; 1,500 merchants with 8 monthly statements each;
 * one merchant with 4,000 vouchers (three at each issue time, every other one redeemed, in pairs at one time), a
 * second with 2,000; 1,500 messages, reviews and consultations of one member; 3,000 blacklist entries; 1,500
 * merchant applications; 1,500 notices, banners, ads and activities. Everything is named PLIST… and removed afterwards. */
static const char SQL_CLEAN[] =
    "DELETE v FROM vouchers v JOIN merchants m ON m.id = v.merchant_id WHERE m.name LIKE 'PLIST-%';"
    "DELETE FROM orders WHERE order_no LIKE 'PLIST%';"
    "DELETE g FROM messages g JOIN members m ON m.id = g.member_id WHERE m.mobile = '19900003001';"
    "DELETE r FROM reviews r JOIN members m ON m.id = r.member_id WHERE m.mobile = '19900003001';"
    "DELETE q FROM consultations q JOIN members m ON m.id = q.member_id WHERE m.mobile = '19900003001';"
    "DELETE FROM members WHERE mobile = '19900003001';"
    "DELETE s FROM settlements s JOIN merchants m ON m.id = s.merchant_id WHERE m.name LIKE 'PLIST-%';"
    "DELETE s FROM product_search s JOIN products p ON p.id = s.product_id WHERE p.name_zh LIKE 'PLIST-%';"
    "DELETE FROM products WHERE name_zh LIKE 'PLIST-%';"
    "DELETE FROM merchants WHERE name LIKE 'PLIST-%';"
    "DELETE FROM categories WHERE name_zh LIKE 'PLIST-%' AND parent_id IS NOT NULL;"
    "DELETE FROM categories WHERE name_zh LIKE 'PLIST-%';"
    "DELETE FROM brands WHERE name_zh LIKE 'PLIST-%';"
    "DELETE FROM blacklist_entries WHERE reason = 'PLIST';"
    "DELETE FROM merchant_applications WHERE company LIKE 'PLIST-%';"
    "DELETE FROM notices WHERE title_zh = 'PLIST'; DELETE FROM banners WHERE title_zh = 'PLIST';"
    "DELETE FROM ads WHERE title_zh = 'PLIST'; DELETE FROM activities WHERE title_zh = 'PLIST'";
static const char SQL_SEED[] =
    "INSERT INTO categories (parent_id, name_zh) VALUES (NULL, 'PLIST-top'); SET @top = LAST_INSERT_ID();"
    "INSERT INTO categories (parent_id, name_zh) VALUES (@top, 'PLIST-a'); SET @a = LAST_INSERT_ID();"
    "INSERT INTO categories (parent_id, name_zh) VALUES (@top, 'PLIST-b'); SET @b = LAST_INSERT_ID();"
    "INSERT INTO brands (name_zh) VALUES ('PLIST-x'); SET @x = LAST_INSERT_ID();"
    "INSERT INTO brands (name_zh) VALUES ('PLIST-y'); SET @y = LAST_INSERT_ID();"
    "INSERT INTO products (category_id, brand_id, type, name_zh, name_en, description_zh, description_en,"
    " points_price, stock, initial_stock, on_shelf)"
    " SELECT IF(seq % 2, @a, @b), ELT(seq % 3 + 1, NULL, @x, @y), ELT(seq % 3 + 1, 'physical', 'voucher', 'virtual'),"
    " CONCAT('PLIST-', seq), CONCAT('plist item ', seq), '', '', 100, seq % 25, 30, seq % 4 <> 0"
    " FROM seq_1_to_3000;"
    "INSERT INTO product_search (product_id, on_shelf, list_in_stock, rank_sales, title, body)"
    " SELECT id, on_shelf, 1, 0, CONCAT_WS(' ', name_zh, name_en), '' FROM products WHERE name_zh LIKE 'PLIST-%';"
    "INSERT INTO merchants (name, address, phone) SELECT CONCAT('PLIST-m', seq), 'x', '0' FROM seq_1_to_1500;"
    "INSERT INTO settlements (merchant_id, month, status)"
    " SELECT m.id, DATE_FORMAT('2025-01-01' + INTERVAL s.seq MONTH, '%Y-%m'),"
    " ELT((m.id + s.seq) % 3 + 1, 'draft', 'submitted', 'paid')"
    " FROM merchants m JOIN seq_0_to_7 s WHERE m.name LIKE 'PLIST-m%';"
    "INSERT INTO members (mobile, password_hash) VALUES ('19900003001', 'x'); SET @mb = LAST_INSERT_ID();"
    "INSERT INTO orders (order_no, member_id, status, points_total) VALUES ('PLIST1', @mb, 'paid', 1);"
    "SET @o = LAST_INSERT_ID();"
    "SET @m1 = (SELECT id FROM merchants WHERE name = 'PLIST-m1'), @m2 = (SELECT id FROM merchants WHERE name = "
    "'PLIST-m2'), @p = (SELECT MIN(id) FROM products WHERE name_zh LIKE 'PLIST-%');"
    "INSERT INTO vouchers (voucher_no, order_id, order_item_id, member_id, merchant_id, product_id, password_hash,"
    " status, valid_from, valid_to, points, settle_price_fen, redeemed_at, created_at)"
    " SELECT CONCAT('PL', LPAD(seq, 14, '0')), @o, seq, @mb, IF(seq <= 4000, @m1, @m2), @p, 'x',"
    " ELT(seq % 4 + 1, 'issued', 'redeemed', 'voided', 'expired'), '2026-01-01',"
    " IF(seq % 8 = 0, '2020-01-01', '2099-01-01'), 1, 1,"
    " IF(seq % 4 = 1, '2026-03-01' + INTERVAL seq DIV 8 MINUTE, NULL),"
    " '2026-01-01' + INTERVAL seq DIV 3 MINUTE FROM seq_1_to_6000;"
    /* moderation queues: 1,500 messages, reviews and consultations of that member in three / two states */
    "INSERT INTO messages (member_id, content, status) SELECT @mb, 'x', ELT(seq % 3 + 1, 'pending', 'approved',"
    " 'rejected') FROM seq_1_to_1500;"
    "INSERT INTO reviews (product_id, member_id, score, content, status) SELECT @p, @mb, 5, 'x',"
    " ELT(seq % 3 + 1, 'pending', 'approved', 'hidden') FROM seq_1_to_1500;"
    "INSERT INTO consultations (product_id, member_id, question, answer) SELECT @p, @mb, 'x', IF(seq % 2, 'y', NULL)"
    " FROM seq_1_to_1500;"
    /* 3,000 blacklist entries of three kinds (documentation addresses, unused mobiles, no real account), a third
     * removed, a sixth expired */
    "INSERT INTO blacklist_entries (kind, value, reason, created_at, expires_at, removed_at)"
    " SELECT ELT(seq % 3 + 1, 'ip', 'mobile', 'merchant'),"
    " ELT(seq % 3 + 1, CONCAT('198.51.', seq DIV 256 % 4, '.', seq % 256), CONCAT('1990000', LPAD(seq, 4, '0')),"
    " CONCAT('plist', seq)), 'PLIST', NOW() - INTERVAL seq MINUTE,"
    " IF(seq % 6 = 1, NOW() - INTERVAL 1 DAY, IF(seq % 6 = 4, NOW() + INTERVAL 1 DAY, NULL)),"
    " IF(seq % 3 = 2, NOW(), NULL) FROM seq_1_to_3000;"
    /* 1,500 merchant applications in four states */
    "INSERT INTO merchant_applications (company, contact, mobile, address, category, licence_no, username, status)"
    " SELECT CONCAT('PLIST-', seq), 'x', '19900003002', 'x', 'x', 'x', CONCAT('plista', seq),"
    " ELT(seq % 4 + 1, 'submitted', 'first_approved', 'approved', 'rejected') FROM seq_1_to_1500;"
    /* 1,500 of each content kind, many sharing their sort key (ties broken on id), windows long past */
    "INSERT INTO notices (title_zh, body_zh, body_en, pinned, published_at) SELECT 'PLIST', '', '', seq % 7 = 0,"
    " '2020-01-01' + INTERVAL seq DIV 4 HOUR FROM seq_1_to_1500;"
    "INSERT INTO banners (title_zh, image, sort, starts_at, ends_at) SELECT 'PLIST', 'x', seq % 50, '2019-01-01',"
    " '2019-02-01' FROM seq_1_to_1500;"
    "INSERT INTO ads (title_zh, image, position, sort, starts_at, ends_at) SELECT 'PLIST', 'x', 'home', seq % 40,"
    " '2019-01-01', '2019-02-01' FROM seq_1_to_1500;"
    "INSERT INTO activities (title_zh, rules_zh, rules_en, starts_at, ends_at) SELECT 'PLIST', '', '',"
    " '2019-01-01' + INTERVAL seq DIV 3 DAY, '2019-01-01' + INTERVAL seq DIV 3 + 1 DAY FROM seq_1_to_1500;"
    "ANALYZE TABLE products, merchants, settlements, vouchers, messages, reviews, consultations, blacklist_entries,"
    " merchant_applications, notices, banners, ads, activities";

static long long g_top, g_leaf, g_brand, g_m1;


static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  t_ok(db_exec(t_db(), "SET SESSION group_concat_max_len = 1000000", DB_NOARGS, NULL, NULL), "gcl");
  g_top = t_one("SELECT id FROM categories WHERE name_zh = 'PLIST-top'");
  g_leaf = t_one("SELECT id FROM categories WHERE name_zh = 'PLIST-b'");
  g_brand = t_one("SELECT id FROM brands WHERE name_zh = 'PLIST-x'");
  g_m1 = t_one("SELECT id FROM merchants WHERE name = 'PLIST-m1'");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}

/* No full scan of a real table; a filesort only when sort_ok. PLAN=1 prints a refused plan whole. */
static int g_bad;
static void check_plan(const list_stmt *st, int sort_ok) { g_bad += t_plan_refused(st->sql, st->p, st->n, sort_ok, NULL); }

/* ---- products ---- */

static void test_product_shapes_read_an_index(void **state) {
  static const char *const texts[] = {"", "PLIST-12", "item", "\""};
  const long long cats[] = {0, g_top, g_leaf}, brands[] = {0, g_brand};
  static const char *const types[] = {"", "voucher"};
  static const int shelves[] = {-1, 0}, lows[] = {0, 1};
  for (int a = 0; a < 4; a++)
    for (int b = 0; b < 3; b++)
      for (int c = 0; c < 2; c++)
        for (int d = 0; d < 2; d++)
          for (int e = 0; e < 2; e++)
            for (int f = 0; f < 2; f++) {
              product_query q = {texts[a], cats[b], brands[c], types[d], shelves[e], lows[f]};
              catalog_admin_stmt st;
              int sort_ok = a == 1 || a == 2; /* search words: Mroonga's candidates are sorted */
              catalog_admin_products_stmt(&q, b == 1, 0, 0, 0, 1, &st);
              check_plan(&st.st, 1);
              catalog_admin_products_stmt(&q, b == 1, 380, 0, 20, 0, &st);
              check_plan(&st.st, sort_ok);
              catalog_admin_products_stmt(&q, b == 1, 0, 1000000000, 20, 0, &st);
              check_plan(&st.st, sort_ok);
            }
  assert_int_equal(g_bad, 0);
}

/* The ids of every page as the back office links them, comma-separated, into buf; *total from the first page. */
static void walk_products(const product_query *q, char *buf, size_t len, long long *total) {
  long long after = 0;
  size_t o = 0;
  buf[0] = 0;
  for (int page = 0;; page++) {
    HDF *h = NULL;
    int rows = 0;
    long long t = 0;
    t_ok(hdf_init(&h), "hdf");
    int numbered = page < CATALOG_ADMIN_OFFSET_PAGES;
    t_ok(catalog_admin_products(t_db(), h, "P", q, numbered ? page * 20LL : 0, numbered ? 0 : after, 20, &rows, &t),
         "products");
    if (!page) *total = t;
    for (HDF *e = hdf_get_child(h, "P"); e; e = hdf_obj_next(e)) {
      after = db_hdf_ll(e, "id", 0);
      o += snprintf(buf + o, o < len ? len - o : 0, "%s%lld", o ? "," : "", after);
    }
    hdf_destroy(&h);
    if (rows < 20) break;
  }
}

static void reference(const char *sql, char *buf, size_t len) {
  int found = 0;
  buf[0] = 0;
  t_ok(db_query_str(t_db(), sql, DB_NOARGS, buf, len, &found), sql);
}

static void test_product_pages_match_the_reference(void **state) {
  static char got[65536], want[65536];
  char sql[1024];
  struct {
    product_query q;
    const char *where;
  } cases[] = {
      {{"", g_top, 0, "", -1, 0}, "c.id = %lld OR c.parent_id = %lld"},
      {{"", g_leaf, g_brand, "", -1, 0}, "p.category_id = %lld AND p.brand_id = %lld"},
      {{"", g_top, 0, "voucher", 1, 1}, "(c.id = %lld OR c.parent_id = %lld) AND p.type = 'voucher' AND p.on_shelf = 1"
                                        " AND p.stock <= 10"},
      {{"item 2", g_top, 0, "", -1, 0}, "(c.id = %lld OR c.parent_id = %lld) AND p.name_en LIKE '%%item 2%%'"},
      {{"PLIST-77", 0, 0, "", 0, 0}, "p.name_zh LIKE '%%PLIST-77%%' AND p.on_shelf = 0"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    long long total = 0, a = cases[i].q.cat, b = cases[i].q.cat ? cases[i].q.cat : 0;
    char where[400];
    if (i == 1) b = cases[i].q.brand;
    snprintf(where, sizeof where, cases[i].where, a, b);
    snprintf(sql, sizeof sql,
             "SELECT GROUP_CONCAT(p.id ORDER BY p.id DESC) FROM products p JOIN categories c ON c.id = p.category_id"
             " WHERE p.name_zh LIKE 'PLIST-%%' AND (%s)",
             where);
    reference(sql, want, sizeof want);
    walk_products(&cases[i].q, got, sizeof got, &total);
    assert_string_equal(got, want);
    long long n = 0;
    for (const char *s = want; *s; s++) n += *s == ',';
    n += want[0] != 0;
    assert_int_equal(total, n > CATALOG_ADMIN_COUNT_CAP ? CATALOG_ADMIN_COUNT_CAP + 1 : n);
    assert_true(n > 0);
  }
}

/* ---- merchants ---- */

static void test_merchants_walk_in_id_order(void **state) {
  static const char *const qs[] = {"", "PLIST-m1"};
  for (int i = 0; i < 2; i++) {
    list_stmt st;
    merchants_admin_list_stmt(qs[i], 0, 0, 0, 1, &st);
    check_plan(&st, 1);
    merchants_admin_list_stmt(qs[i], 380, 0, 20, 0, &st);
    check_plan(&st, 0);
    merchants_admin_list_stmt(qs[i], 0, 100, 20, 0, &st);
    check_plan(&st, 0);
  }
  assert_int_equal(g_bad, 0);
  static char got[65536], want[65536];
  for (int i = 0; i < 2; i++) {
    long long after = 0, total = 0, t = 0;
    size_t o = 0;
    got[0] = 0;
    for (int page = 0;; page++) {
      HDF *h = NULL;
      int rows = 0;
      t_ok(hdf_init(&h), "hdf");
      int numbered = page < MERCHANTS_ADMIN_OFFSET_PAGES;
      t_ok(merchants_admin_list(t_db(), qs[i], numbered ? page * 20LL : 0, numbered ? 0 : after, 20, h, "M", &rows, &t),
           "merchants");
      if (!page) total = t;
      for (HDF *e = hdf_get_child(h, "M"); e; e = hdf_obj_next(e)) {
        after = db_hdf_ll(e, "id", 0);
        o += snprintf(got + o, sizeof got - o, "%s%lld", o ? "," : "", after);
      }
      hdf_destroy(&h);
      if (rows < 20) break;
    }
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT GROUP_CONCAT(id ORDER BY id) FROM merchants WHERE LOCATE('%s', name) > 0", qs[i]);
    reference(sql, want, sizeof want);
    assert_string_equal(got, want);
    long long n = t_one(i ? "SELECT COUNT(*) FROM merchants WHERE name LIKE '%PLIST-m1%'" : "SELECT COUNT(*) FROM merchants");
    assert_int_equal(total, n > MERCHANTS_ADMIN_COUNT_CAP ? MERCHANTS_ADMIN_COUNT_CAP + 1 : n);
  }
}

/* ---- settlements (back office: any merchant; portal: one merchant) ---- */

static void test_settlements_shapes_and_pages(void **state) {
  const long long merchants[] = {0, g_m1};
  static const char *const statuses[] = {"", "paid"};
  static const char *const months[] = {"", "2025-03"};
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 2; b++)
      for (int c = 0; c < 2; c++) {
        settlements_stmt st;
        settlements_list_stmt(merchants[a], statuses[b], months[c], 0, 0, 0, 1, &st);
        check_plan(&st.st, 1);
        settlements_list_stmt(merchants[a], statuses[b], months[c], 380, 0, 20, 0, &st);
        check_plan(&st.st, 0);
        settlements_list_stmt(merchants[a], statuses[b], months[c], 0, settlement_cursor("2025-05", 700), 20, 0, &st);
        check_plan(&st.st, 0);
      }
  assert_int_equal(g_bad, 0);
  static char got[300000], want[300000];
  for (int a = 0; a < 2; a++)
    for (int b = 0; b < 2; b++)
      for (int c = 0; c < 2; c++) {
        long long after = 0, total = 0, t = 0;
        size_t o = 0;
        got[0] = 0;
        for (int page = 0;; page++) {
          HDF *h = NULL;
          int rows = 0;
          t_ok(hdf_init(&h), "hdf");
          int numbered = page < SETTLE_LIST_OFFSET_PAGES;
          t_ok(settlements_list(t_db(), merchants[a], statuses[b], months[c], numbered ? page * 20LL : 0,
                                numbered ? 0 : after, 20, h, "S", &rows, &t),
               "settlements");
          if (!page) total = t;
          for (HDF *e = hdf_get_child(h, "S"); e; e = hdf_obj_next(e)) {
            after = settlement_cursor(hdf_get_value(e, "month", ""), db_hdf_ll(e, "merchant_id", 0));
            o += snprintf(got + o, sizeof got - o, "%s%s", o ? "," : "", hdf_get_value(e, "id", ""));
          }
          hdf_destroy(&h);
          if (rows < 20) break;
        }
        char sql[512], n_sql[512], where[256];
        snprintf(where, sizeof where, "(%lld = 0 OR merchant_id = %lld) AND ('%s' = '' OR status = '%s')"
                 " AND ('%s' = '' OR month = '%s')", merchants[a], merchants[a], statuses[b], statuses[b], months[c],
                 months[c]);
        snprintf(sql, sizeof sql, "SELECT GROUP_CONCAT(id ORDER BY month DESC, merchant_id) FROM settlements WHERE %s",
                 where);
        snprintf(n_sql, sizeof n_sql, "SELECT COUNT(*) FROM settlements WHERE %s", where);
        reference(sql, want, sizeof want);
        assert_string_equal(got, want);
        long long n = t_one(n_sql);
        assert_int_equal(total, n > SETTLE_LIST_COUNT_CAP ? SETTLE_LIST_COUNT_CAP + 1 : n);
      }
}

/* ---- the merchant portal's vouchers ---- */

static void test_vouchers_shapes_and_pages(void **state) {
  static const char *const statuses[] = {"", "issued", "redeemed", "expired"};
  static const char *const bys[] = {"issued", "redeemed"};
  static const char *const froms[] = {"", "2026-01-02"};
  static const char *const tos[] = {"", "2026-03-02"};
  for (int a = 0; a < 4; a++)
    for (int b = 0; b < 2; b++)
      for (int c = 0; c < 2; c++)
        for (int d = 0; d < 2; d++) {
          merchant_voucher_filter f = {statuses[a], bys[b], froms[c], tos[d], ""};
          list_stmt st;
          merchant_voucher_cursor cur = {3000, "2026-01-01 12:00:00"}, nul = {3000, ""};
          merchant_vouchers_stmt(g_m1, &f, 0, NULL, 0, 1, &st);
          check_plan(&st, 1);
          merchant_vouchers_stmt(g_m1, &f, 380, NULL, 20, 0, &st);
          check_plan(&st, 0);
          merchant_vouchers_stmt(g_m1, &f, 0, &cur, 20, 0, &st);
          check_plan(&st, 0);
          merchant_vouchers_stmt(g_m1, &f, 0, &nul, 20, 0, &st);
          check_plan(&st, 0);
        }
  merchant_voucher_filter byno = {"", "issued", "", "", "PL00000000000007"};
  list_stmt st;
  merchant_vouchers_stmt(g_m1, &byno, 0, NULL, 20, 0, &st);
  check_plan(&st, 1);
  assert_int_equal(g_bad, 0);

  static char got[65536], want[65536];
  for (int a = 0; a < 4; a++)
    for (int b = 0; b < 2; b++)
      for (int c = 0; c < 2; c++) {
        merchant_voucher_filter f = {statuses[a], bys[b], froms[c], "", ""};
        long long after = 0, key = 0, total = 0, t = 0;
        size_t o = 0;
        got[0] = 0;
        for (int page = 0;; page++) {
          HDF *h = NULL;
          int rows = 0;
          t_ok(hdf_init(&h), "hdf");
          int numbered = page < MERCHANT_VOUCHERS_OFFSET_PAGES;
          /* keyset pages by the link's time key, every other one by the cursor voucher's time read again */
          t_ok(merchant_vouchers(t_db(), g_m1, &f, numbered ? page * 20LL : 0, numbered ? 0 : after,
                                 page % 2 ? key : -1, 20, h, "V", &rows, &t),
               "vouchers");
          if (!page) total = t;
          for (HDF *e = hdf_get_child(h, "V"); e; e = hdf_obj_next(e)) {
            after = db_hdf_ll(e, "id", 0);
            key = db_hdf_ll(e, b ? "redeemed_key" : "created_key", -5);
            o += snprintf(got + o, sizeof got - o, "%s%lld", o ? "," : "", after);
          }
          hdf_destroy(&h);
          if (rows < 20) break;
        }
        const char *time = b ? "redeemed_at" : "created_at";
        char where[400], sql[700], n_sql[700];
        snprintf(where, sizeof where,
                 "merchant_id = %lld AND ('%s' = '' OR IF(status = 'issued' AND valid_to < CURDATE(), 'expired', status)"
                 " = '%s') AND ('%s' = '' OR %s >= '%s')",
                 g_m1, statuses[a], statuses[a], froms[c], time, froms[c]);
        snprintf(sql, sizeof sql, "SELECT GROUP_CONCAT(id ORDER BY %s DESC, id DESC) FROM vouchers WHERE %s", time, where);
        snprintf(n_sql, sizeof n_sql, "SELECT COUNT(*) FROM vouchers WHERE %s", where);
        reference(sql, want, sizeof want);
        if (strcmp(got, want) != 0) {
          size_t k = 0;
          while (got[k] && got[k] == want[k]) k++;
          print_error("vouchers status=%s by=%s from=%s differ at %zu: got …%.80s want …%.80s\n", statuses[a], bys[b],
                      froms[c], k, got + (k > 40 ? k - 40 : 0), want + (k > 40 ? k - 40 : 0));
        }
        assert_string_equal(got, want);
        long long n = t_one(n_sql);
        assert_int_equal(total, n > MERCHANT_VOUCHERS_COUNT_CAP ? MERCHANT_VOUCHERS_COUNT_CAP + 1 : n);
      }
}

/* ---- moderation queues ---- */

static void test_moderation_queues(void **state) {
  static const char *const states[3][3] = {
      {"pending", "approved", "rejected"}, {"pending", "approved", "hidden"}, {"pending", "answered", NULL}};
  for (int q = 0; q < 3; q++)
    for (int i = 0; i < 3 && states[q][i]; i++) {
      list_stmt st;
      moderation_list_stmt(q, states[q][i], 0, 0, 0, 1, &st);
      check_plan(&st, 0);
      moderation_list_stmt(q, states[q][i], 380, 0, 20, 0, &st);
      check_plan(&st, 0);
      moderation_list_stmt(q, states[q][i], 0, 1000000000, 20, 0, &st);
      check_plan(&st, 0);
    }
  assert_int_equal(g_bad, 0);
  static char got[65536], want[65536];
  static const char *const ref[3][2] = {
      {"messages", "status = '%s'"}, {"reviews", "status = '%s'"}, {"consultations", "(answer IS NOT NULL) = ('%s' = 'answered')"}};
  for (int q = 0; q < 3; q++)
    for (int i = 0; i < 2; i++) {
      long long after = 0, total = 0, t = 0;
      size_t o = 0;
      got[0] = 0;
      for (int page = 0;; page++) {
        HDF *h = NULL;
        int rows = 0;
        t_ok(hdf_init(&h), "hdf");
        int numbered = page < MOD_OFFSET_PAGES;
        t_ok(moderation_list(t_db(), q, states[q][i], numbered ? page * 20LL : 0, numbered ? 0 : after, 20, h, "I", &rows,
                             &t),
             "moderation");
        if (!page) total = t;
        for (HDF *e = hdf_get_child(h, "I"); e; e = hdf_obj_next(e)) {
          after = db_hdf_ll(e, "id", 0);
          o += snprintf(got + o, sizeof got - o, "%s%lld", o ? "," : "", after);
        }
        hdf_destroy(&h);
        if (rows < 20) break;
      }
      char where[200], sql[400];
      snprintf(where, sizeof where, ref[q][1], states[q][i]);
      snprintf(sql, sizeof sql, "SELECT GROUP_CONCAT(id ORDER BY id DESC) FROM %s WHERE %s", ref[q][0], where);
      reference(sql, want, sizeof want);
      assert_string_equal(got, want);
      snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s WHERE %s", ref[q][0], where);
      long long n = t_one(sql);
      assert_true(n >= 500);
      assert_int_equal(total, n > MOD_COUNT_CAP ? MOD_COUNT_CAP + 1 : n);
    }
}

/* ---- blacklist entries ---- */

static void test_blacklist_shapes_and_pages(void **state) {
  static const char *const kinds[] = {"", "ip", "mobile"};
  static const char *const states[] = {"active", "ended", "all"};
  static const char *const qs[] = {"", "198.51.1", "19900001"};
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 3; b++)
      for (int c = 0; c < 3; c++) {
        blacklist_list_stmt st;
        blacklist_admin_list_stmt(kinds[a], states[b], qs[c], 0, 0, 0, 1, &st);
        check_plan(&st.st, 1);
        blacklist_admin_list_stmt(kinds[a], states[b], qs[c], 380, 0, 20, 0, &st);
        check_plan(&st.st, c > 0);
        blacklist_admin_list_stmt(kinds[a], states[b], qs[c], 0, 1000000000, 20, 0, &st);
        check_plan(&st.st, c > 0);
      }
  assert_int_equal(g_bad, 0);
  static char got[65536], want[65536];
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 3; b++)
      for (int c = 0; c < 3; c++) {
        long long after = 0, total = 0, t = 0;
        size_t o = 0;
        got[0] = 0;
        for (int page = 0;; page++) {
          HDF *h = NULL;
          int rows = 0;
          t_ok(hdf_init(&h), "hdf");
          int numbered = page < BLACKLIST_LIST_OFFSET_PAGES;
          t_ok(blacklist_admin_list(t_db(), kinds[a], states[b], qs[c], numbered ? page * 20LL : 0,
                                    numbered ? 0 : after, 20, h, "B", &rows, &t),
               "blacklist");
          if (!page) total = t;
          for (HDF *e = hdf_get_child(h, "B"); e; e = hdf_obj_next(e)) {
            after = db_hdf_ll(e, "id", 0);
            o += snprintf(got + o, sizeof got - o, "%s%lld", o ? "," : "", after);
          }
          hdf_destroy(&h);
          if (rows < 20) break;
        }
        char where[400], sql[600];
        snprintf(where, sizeof where,
                 "('%s' = '' OR kind = '%s') AND ('%s' = 'all' OR ('%s' = 'active') = (removed_at IS NULL AND"
                 " (expires_at IS NULL OR expires_at > NOW()))) AND ('%s' = '' OR LOCATE('%s', value) = 1)",
                 kinds[a], kinds[a], states[b], states[b], qs[c], qs[c]);
        snprintf(sql, sizeof sql, "SELECT GROUP_CONCAT(id ORDER BY id DESC) FROM blacklist_entries WHERE %s", where);
        reference(sql, want, sizeof want);
        assert_string_equal(got, want);
        snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM blacklist_entries WHERE %s", where);
        long long n = t_one(sql);
        assert_int_equal(total, n > BLACKLIST_LIST_COUNT_CAP ? BLACKLIST_LIST_COUNT_CAP + 1 : n);
      }
}

/* ---- merchant applications ---- */

static void test_applications_shapes_and_pages(void **state) {
  static const char *const statuses[] = {"", "submitted", "approved"};
  for (int a = 0; a < 3; a++) {
    list_stmt st;
    applications_list_stmt(statuses[a], 0, 0, 0, 1, &st);
    check_plan(&st, 0);
    applications_list_stmt(statuses[a], 380, 0, 20, 0, &st);
    check_plan(&st, 0);
    applications_list_stmt(statuses[a], 0, 1000000000, 20, 0, &st);
    check_plan(&st, 0);
  }
  assert_int_equal(g_bad, 0);
  static char got[65536], want[65536];
  for (int a = 0; a < 3; a++) {
    long long after = 0, total = 0, t = 0;
    size_t o = 0;
    got[0] = 0;
    for (int page = 0;; page++) {
      HDF *h = NULL;
      int rows = 0;
      t_ok(hdf_init(&h), "hdf");
      int numbered = page < APPLICATIONS_OFFSET_PAGES;
      t_ok(applications_list(t_db(), statuses[a], numbered ? page * 20LL : 0, numbered ? 0 : after, 20, h, "A", &rows,
                             &t),
           "applications");
      if (!page) total = t;
      for (HDF *e = hdf_get_child(h, "A"); e; e = hdf_obj_next(e)) {
        after = db_hdf_ll(e, "id", 0);
        o += snprintf(got + o, sizeof got - o, "%s%lld", o ? "," : "", after);
      }
      hdf_destroy(&h);
      if (rows < 20) break;
    }
    char where[100], sql[300];
    snprintf(where, sizeof where, "'%s' = '' OR status = '%s'", statuses[a], statuses[a]);
    snprintf(sql, sizeof sql, "SELECT GROUP_CONCAT(id ORDER BY id DESC) FROM merchant_applications WHERE %s", where);
    reference(sql, want, sizeof want);
    assert_string_equal(got, want);
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM merchant_applications WHERE %s", where);
    long long n = t_one(sql);
    assert_true(n >= 375);
    assert_int_equal(total, n > APPLICATIONS_COUNT_CAP ? APPLICATIONS_COUNT_CAP + 1 : n);
  }
}

/* ---- content admin lists ---- */

static void test_content_shapes_and_pages(void **state) {
  static const content_kind *const kinds[] = {&CONTENT_NOTICE, &CONTENT_BANNER, &CONTENT_AD, &CONTENT_ACTIVITY};
  static const char *const ref[] = {
      "SELECT GROUP_CONCAT(id ORDER BY pinned DESC, published_at DESC, id DESC) FROM notices",
      "SELECT GROUP_CONCAT(id ORDER BY sort, id) FROM banners",
      "SELECT GROUP_CONCAT(id ORDER BY position, sort, id) FROM ads",
      "SELECT GROUP_CONCAT(id ORDER BY starts_at DESC, id DESC) FROM activities",
  };
  static const char *const tables[] = {"notices", "banners", "ads", "activities"};
  static char got[65536], want[65536];
  for (int i = 0; i < 4; i++) {
    list_stmt st;
    content_cursor cur;
    int found = 0;
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT MAX(id) - 700 FROM %s", tables[i]);
    t_ok(content_admin_cursor(t_db(), kinds[i], t_one(sql), &cur, &found), "cursor");
    assert_true(found);
    content_admin_list_stmt(kinds[i], 0, NULL, 0, 1, &st);
    check_plan(&st, 0);
    content_admin_list_stmt(kinds[i], 380, NULL, 20, 0, &st);
    check_plan(&st, 0);
    content_admin_list_stmt(kinds[i], 0, &cur, 20, 0, &st);
    check_plan(&st, 0);
    assert_int_equal(g_bad, 0);

    long long after = 0, total = 0, t = 0;
    size_t o = 0;
    got[0] = 0;
    for (int page = 0;; page++) {
      HDF *h = NULL;
      int rows = 0;
      t_ok(hdf_init(&h), "hdf");
      int numbered = page < CONTENT_LIST_OFFSET_PAGES;
      t_ok(content_admin_list(t_db(), kinds[i], h, "R", numbered ? page * 20LL : 0, numbered ? 0 : after, 20, &rows, &t),
           "content");
      if (!page) total = t;
      for (HDF *e = hdf_get_child(h, "R"); e; e = hdf_obj_next(e)) {
        after = db_hdf_ll(e, "id", 0);
        o += snprintf(got + o, sizeof got - o, "%s%lld", o ? "," : "", after);
      }
      hdf_destroy(&h);
      if (rows < 20) break;
    }
    reference(ref[i], want, sizeof want);
    assert_string_equal(got, want);
    assert_int_equal(total, CONTENT_LIST_COUNT_CAP + 1);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_product_shapes_read_an_index),
      cmocka_unit_test(test_product_pages_match_the_reference),
      cmocka_unit_test(test_merchants_walk_in_id_order),
      cmocka_unit_test(test_settlements_shapes_and_pages),
      cmocka_unit_test(test_vouchers_shapes_and_pages),
      cmocka_unit_test(test_moderation_queues),
      cmocka_unit_test(test_blacklist_shapes_and_pages),
      cmocka_unit_test(test_applications_shapes_and_pages),
      cmocka_unit_test(test_content_shapes_and_pages),
  };
  t_ok(db_init_errors(), "errors");
  return cmocka_run_group_tests(tests, setup, teardown);
}
