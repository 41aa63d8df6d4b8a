/* test_product_list.c: storefront lists against a seeded database — no statement scans (EXPLAIN), the right rows in
 * every sort and filter combination (against a plain reference query), keyset pages that neither skip nor repeat
 * while stock and sales move, counts exact or "1000+" */
#include "harness.h"
#include "catalog/product_list.h"
#include "catalog/search_list.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1,500 products in a top category with three leaves and two brands, beside the demo catalog: enough rows that the
 * optimiser prefers a full scan wherever no index fits. Everything is named EXPLAIN-… and removed afterwards. */
static const char SQL_CLEAN[] =
    "DELETE s FROM product_search s JOIN products p ON p.id = s.product_id WHERE p.name_zh LIKE 'EXPLAIN-%';"
    "DELETE FROM products WHERE name_zh LIKE 'EXPLAIN-%';"
    "DELETE FROM categories WHERE name_zh LIKE 'EXPLAIN-%' AND parent_id IS NOT NULL;"
    "DELETE FROM categories WHERE name_zh LIKE 'EXPLAIN-%';"
    "DELETE FROM brands WHERE name_zh LIKE 'EXPLAIN-%'";
static const char SQL_SEED[] =
    "INSERT INTO categories (parent_id, name_zh) VALUES (NULL, 'EXPLAIN-top'); SET @top = LAST_INSERT_ID();"
    "INSERT INTO categories (parent_id, name_zh) VALUES (@top, 'EXPLAIN-a'); SET @a = LAST_INSERT_ID();"
    "INSERT INTO categories (parent_id, name_zh) VALUES (@top, 'EXPLAIN-b'); SET @b = LAST_INSERT_ID();"
    "INSERT INTO categories (parent_id, name_zh) VALUES (@top, 'EXPLAIN-c'); SET @c = LAST_INSERT_ID();"
    "INSERT INTO brands (name_zh) VALUES ('EXPLAIN-x'); SET @x = LAST_INSERT_ID();"
    "INSERT INTO brands (name_zh) VALUES ('EXPLAIN-y'); SET @y = LAST_INSERT_ID();"
    "INSERT INTO products (category_id, brand_id, name_zh, description_zh, description_en, points_price, stock,"
    " initial_stock, sales, views, created_at)"
    " SELECT ELT(seq % 3 + 1, @a, @b, @c), ELT(seq % 5 + 1, NULL, @x, @y, @x, @y), CONCAT('EXPLAIN-', seq), '', '',"
    " 100 + (seq * 37) % 5000, IF(seq % 7 = 0, 0, 10), 10, (seq * 53) % 400, (seq * 91) % 300,"
    " NOW() - INTERVAL (seq * 13) % 20000 MINUTE FROM seq_1_to_1500;"
    /* Every seeded product is found by 测试词 (1,500 hits: "1000+"); EXPLAIN-12 finds about a hundred. */
    "INSERT INTO product_search (product_id, on_shelf, list_in_stock, rank_sales, title, body)"
    " SELECT id, on_shelf, list_in_stock, list_sales, name_zh, IF(id % 4 = 0, '测试词 测试词', '测试词') FROM products"
    " WHERE name_zh LIKE 'EXPLAIN-%';"
    "ANALYZE TABLE products, categories, brands";

static long long g_top, g_leaf, g_brand;


static int setup(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  g_top = t_one("SELECT id FROM categories WHERE name_zh = 'EXPLAIN-top'");
  g_leaf = t_one("SELECT id FROM categories WHERE name_zh = 'EXPLAIN-b'");
  g_brand = t_one("SELECT id FROM brands WHERE name_zh = 'EXPLAIN-x'");
  t_ok(catalog_lists_refresh(t_db(), 1), "refresh");
  return 0;
}

static int teardown(void **state) {
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  return 0;
}

/* The filter combinations the storefront can ask for (all sorts, all scopes, price range or not, in stock or not). */
typedef struct {
  catalog_filter f;
  int top;
} combo;

static int combos(combo *out, int max) {
  int n = 0;
  for (int sort = 0; sort < SORT_COUNT; sort++)
    for (int scope = 0; scope < 5; scope++)
      for (int price = 0; price < 2; price++)
        for (int stock = 0; stock < 2 && n < max; stock++) {
          combo *c = &out[n++];
          memset(c, 0, sizeof *c);
          c->f.sort = sort;
          c->f.in_stock_only = stock;
          c->f.min = price ? 1000 : 0;
          c->f.max = price ? 3000 : 1000000000000LL;
          if (scope == 1) c->f.cat = g_top, c->top = 1;
          if (scope == 2 || scope == 4) c->f.cat = g_leaf;
          if (scope == 3 || scope == 4) c->f.brand = g_brand;
        }
  return n;
}

/* ---- no scans ---- */
static void assert_no_scan(const list_stmt *st, int no_filesort, const char *scope);

/* A numbered page's inner statement (the ids it skips and keeps, "FROM (SELECT p.id … ) k JOIN"): on its own, under
 * the same rules as a first page — the sort the whole statement may do is only the outer one over the page. */
static void assert_ids_read_in_order(const list_stmt *st, int no_filesort, const char *scope) {
  const char *from = strstr(st->sql, "FROM (SELECT p.id"), *end = strstr(st->sql, ") k JOIN");
  assert_non_null(from);
  assert_non_null(end);
  list_stmt inner;
  memset(&inner, 0, sizeof inner);
  snprintf(inner.sql, sizeof inner.sql, "%.*s", (int)(end - from - 6), from + 6);
  memcpy(inner.p, st->p + 1, sizeof(dbp) * (size_t)(st->n - 1)); /* all but the card's language */
  inner.n = st->n - 1;
  assert_no_scan(&inner, no_filesort, scope);
}

/* Refuses a full scan of any real table (derived tables such as the bounded count's are fine), and a filesort
 * when no_filesort is set: prints each offender with its plan and counts it in g_bad. */
static int g_bad;
static void assert_no_scan(const list_stmt *st, int no_filesort, const char *scope) {
  char sql[2200], plan[16384];
  int found = 0;
  snprintf(sql, sizeof sql, "EXPLAIN FORMAT=JSON %s", st->sql);
  t_ok(db_query_str(t_db(), sql, st->p, st->n, plan, sizeof plan, &found), sql);
  for (const char *p = plan; (p = strstr(p, "\"access_type\": \"ALL\"")); p++) {
    /* The table this access belongs to is named just before it. */
    const char *t = NULL;
    for (const char *q = plan; (q = strstr(q, "\"table_name\": \"")) && q < p; q++) t = q;
    int derived = t && t[strlen("\"table_name\": \"")] == '<';
    if (!derived) {
      print_error("full scan in %s\n%s\n", st->sql, plan);
      g_bad++;
      return;
    }
  }
  /* The index must be the scope's own: an index read in sort order that filters the scope row by row avoids both
   * a scan and a sort, yet reads the whole table when the scope is small. */
  const char *key = strstr(plan, "\"key\": \"");
  if (scope && (!key || strncmp(key + strlen("\"key\": \""), scope, strlen(scope)) != 0)) {
    print_error("not a %s* index in %s\n%s\n", scope, st->sql, plan);
    g_bad++;
  }
  if (no_filesort && strstr(plan, "filesort")) {
    print_error("filesort in %s\n%s\n", st->sql, plan);
    g_bad++;
  }
}

static void test_list_statements_never_scan(void **state) {
  combo c[200];
  int n = combos(c, 200);
  list_seek after = {1, 1, 2000, 1000}; /* inside the points range, so no plan is "impossible WHERE" */
  for (int i = 0; i < n; i++) {
    const catalog_filter *f = &c[i].f;
    /* One scope read in order needs no sort; a second filter (brand in a category, a points range on a non-points
     * sort) is checked row by row, and there the optimiser may rightly prefer a small range and a sort. */
    int plain = !(f->cat && f->brand) && (f->min == 0 || f->sort == SORT_POINTS_ASC || f->sort == SORT_POINTS_DESC);
    list_stmt st;
    const char *scope = c[i].top ? "root_" : f->cat && !f->brand ? "cat_" : f->brand && !f->cat ? "brand_" : NULL;
    if (!f->cat && !f->brand) scope = "all_";
    if (!plain) scope = NULL; /* either index may win there */
    for (int block = 0; block <= 1; block++) {
      after.in_stock = block;
      catalog_list_stmt(f, c[i].top, block, NULL, 0, "zh-CN", 0, 20, &st);
      assert_no_scan(&st, plain, scope);
      catalog_list_stmt(f, c[i].top, block, NULL, 1, "zh-CN", 400, 20, &st);
      assert_no_scan(&st, 0, scope); /* its cards are put back in order: a sort of the page's 20 rows */
      assert_ids_read_in_order(&st, plain, scope);
      catalog_list_stmt(f, c[i].top, block, &after, 0, "zh-CN", 0, 20, &st);
      assert_no_scan(&st, plain, scope);
      catalog_count_stmt(f, c[i].top, block, LIST_COUNT_CAP + 1, &st);
      assert_no_scan(&st, 1, NULL);
    }
    catalog_counts_stmt(f, c[i].top, LIST_COUNT_CAP + 1, &st);
    assert_no_scan(&st, 1, NULL);
  }
  assert_int_equal(g_bad, 0);
}

/* ---- the right rows ---- */

static const char *const ORDER[SORT_COUNT] = {
    "p.list_sales DESC, p.id DESC", "p.points_price ASC, p.id ASC", "p.points_price DESC, p.id DESC",
    "p.list_views DESC, p.id DESC", "p.created_at DESC, p.id DESC"};

/* The plain reference: one statement, catch-alls and all, sold-out last. */
static int reference(const catalog_filter *f, long long *ids, int max) {
  char sql[1024];
  snprintf(sql, sizeof sql,
           "SELECT p.id FROM products p JOIN categories c ON c.id = p.category_id WHERE p.on_shelf = 1"
           " AND (? = 0 OR p.category_id = ? OR c.parent_id = ?) AND (? = 0 OR p.brand_id = ?)"
           " AND p.points_price BETWEEN ? AND ? AND (? = 0 OR (p.list_in_stock = 1 AND p.stock > 0))"
           " ORDER BY p.list_in_stock DESC, %s",
           ORDER[f->sort]);
  int rows = 0;
  HDF *h = NULL;
  t_ok(hdf_init(&h), "hdf");
  t_ok(db_query_hdf(t_db(), h, "R", sql,
                    DBA(DI(f->cat), DI(f->cat), DI(f->cat), DI(f->brand), DI(f->brand), DI(f->min), DI(f->max),
                        DI(f->in_stock_only)),
                    &rows),
       "reference");
  int n = 0;
  for (HDF *r = hdf_get_child(h, "R"); r && n < max; r = hdf_obj_next(r)) ids[n++] = db_hdf_ll(r, "id", 0);
  hdf_destroy(&h);
  return n;
}

/* Reads one page; returns its ids into ids (from *n on) and the cursor for the next. */
static int page_ids(const catalog_filter *f, long long offset, const list_seek *after, int limit, long long *ids,
                    int *n, int max, list_page *pg) {
  HDF *h = NULL;
  t_ok(hdf_init(&h), "hdf");
  t_ok(catalog_list(t_db(), h, "P", "zh-CN", f, offset, after, limit, pg), "list");
  int got = 0;
  for (HDF *r = hdf_get_child(h, "P"); r; r = hdf_obj_next(r), got++)
    if (*n < max) ids[(*n)++] = db_hdf_ll(r, "id", 0);
  hdf_destroy(&h);
  assert_int_equal(got, pg->rows);
  return got;
}

/* The whole list the way a visitor walks it: numbered pages first, then keyset pages from the last card. */
static int walk(const catalog_filter *f, int limit, long long *ids, int max, void (*between)(int page)) {
  int n = 0, page = 0;
  list_page pg;
  list_seek after = {0};
  for (;;) {
    int numbered = page < LIST_OFFSET_PAGES;
    int got = page_ids(f, numbered ? (long long)page * limit : 0, numbered ? NULL : &after, limit, ids, &n, max, &pg);
    page++;
    if (got < limit || !pg.next.set) break;
    after = pg.next;
    if (between) between(page);
    if (page > 400) fail_msg("walk does not end");
  }
  return n;
}

#define MAXROWS 4000
static long long g_want[MAXROWS], g_got[MAXROWS];

static void test_every_combination_returns_the_reference_rows(void **state) {
  combo c[200];
  int n = combos(c, 200);
  for (int i = 0; i < n; i++) {
    int want = reference(&c[i].f, g_want, MAXROWS);
    int got = walk(&c[i].f, 20, g_got, MAXROWS, NULL);
    if (got != want) fail_msg("combination %d (sort %d cat %lld brand %lld min %lld stock %d): %d rows, want %d", i,
                              c[i].f.sort, c[i].f.cat, c[i].f.brand, c[i].f.min, c[i].f.in_stock_only, got, want);
    for (int j = 0; j < want; j++)
      if (g_got[j] != g_want[j])
        fail_msg("combination %d (sort %d cat %lld brand %lld): row %d is %lld, want %lld", i, c[i].f.sort, c[i].f.cat,
                 c[i].f.brand, j, g_got[j], g_want[j]);
  }
}

/* ---- counts ---- */

static void test_counts_are_exact_or_capped(void **state) {
  combo c[200];
  int n = combos(c, 200);
  int capped = 0, exact = 0;
  for (int i = 0; i < n; i++) {
    int want = reference(&c[i].f, g_want, MAXROWS);
    list_page pg;
    HDF *h = NULL;
    t_ok(hdf_init(&h), "hdf");
    t_ok(catalog_list(t_db(), h, "P", "zh-CN", &c[i].f, 0, NULL, 20, &pg), "list");
    hdf_destroy(&h);
    if (want > LIST_COUNT_CAP) {
      assert_int_equal(pg.total, LIST_COUNT_CAP + 1); /* shown as "1000+" */
      capped++;
    } else {
      assert_int_equal(pg.total, want);
      exact++;
    }
  }
  assert_true(capped > 0 && exact > 0); /* the seed exercises both */
}

/* ---- keyset pages while stock and sales move ---- */

static int cmp(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return x < y ? -1 : x > y;
}

static unsigned g_rand = 12345;
static void churn(int page) {
  /* Sales jump, products sell out and come back — on cards already seen and on cards still to come. */
  char sql[512];
  for (int i = 0; i < 6; i++) {
    g_rand = g_rand * 1103515245u + 12345u;
    long long seq = 1 + (g_rand >> 8) % 1500;
    snprintf(sql, sizeof sql,
             "UPDATE products SET sales = sales + %lld, stock = IF(stock > 0, 0, 10), views = views + 7"
             " WHERE name_zh = 'EXPLAIN-%lld'",
             (long long)((g_rand >> 4) % 900), seq);
    t_ok(db_exec(t_db(), sql, DB_NOARGS, NULL, NULL), "churn");
  }
  (void)page;
}

static void test_keyset_pages_never_skip_or_repeat(void **state) {
  combo c[200];
  int n = combos(c, 200);
  for (int i = 0; i < n; i++) {
    if (c[i].f.min || c[i].f.in_stock_only) continue; /* those lists lose products on purpose as they sell out */
    int want = reference(&c[i].f, g_want, MAXROWS);
    int got = walk(&c[i].f, 20, g_got, MAXROWS, churn);
    assert_int_equal(got, want);
    /* Each product once: sort both and compare. */
    qsort(g_want, want, sizeof g_want[0], cmp);
    qsort(g_got, got, sizeof g_got[0], cmp);
    for (int j = 0; j < want; j++)
      if (g_got[j] != g_want[j]) fail_msg("combination %d: product %lld skipped or repeated", i, g_want[j]);
  }
  /* The refresh brings the new order in. */
  t_ok(catalog_lists_refresh(t_db(), 1), "refresh");
  assert_int_equal(t_one("SELECT COUNT(*) FROM products WHERE list_in_stock <> in_stock OR list_sales <> sales"), 0);
}

static void test_cursor_text(void **state) {
  list_seek k;
  assert_int_equal(list_seek_parse("1.250.42", &k), 1);
  assert_int_equal(k.in_stock, 1);
  assert_int_equal(k.key, 250);
  assert_int_equal(k.id, 42);
  static const char *const bad[] = {"", "1.2", "2.1.1", "1.-1.5", "1.1.0", "01.1.1", "1.1.1x", " 1.1.1", "1..1",
                                    "1.1.99999999999999999999"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(list_seek_parse(bad[i], &k), 0);
}

/* ---- search ---- */

static long long fast_order_limit(void) {
  char v[64] = "0";
  t_ok(db_query_str(t_db(), "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                            " WHERE VARIABLE_NAME = 'MROONGA_FAST_ORDER_LIMIT'",
                    DB_NOARGS, v, sizeof v, NULL),
       "status");
  return atoll(v);
}

/* The reference: the copy joined back, sorted outside the engine. */
static int search_reference(const char *bq, int in_stock_only, long long *ids, int max) {
  char q[600];
  snprintf(q, sizeof q, "*W1:10,2:1 %s", bq);
  HDF *h = NULL;
  int rows = 0, n = 0;
  t_ok(hdf_init(&h), "hdf");
  t_ok(db_query_hdf(t_db(), h, "R",
                    "SELECT s.product_id AS id FROM product_search s JOIN products p ON p.id = s.product_id"
                    " WHERE MATCH(s.title, s.body) AGAINST(? IN BOOLEAN MODE) AND p.on_shelf = 1"
                    " AND (? = 0 OR (p.list_in_stock = 1 AND p.stock > 0))"
                    " ORDER BY p.list_in_stock DESC, MATCH(s.title, s.body) AGAINST(? IN BOOLEAN MODE) DESC,"
                    " p.list_sales DESC, p.id DESC",
                    DBA(DS(q), DI(in_stock_only), DS(q)), &rows),
       "search reference");
  for (HDF *r = hdf_get_child(h, "R"); r && n < max; r = hdf_obj_next(r)) ids[n++] = db_hdf_ll(r, "id", 0);
  hdf_destroy(&h);
  return n;
}

static void test_search_ranks_inside_mroonga(void **state) {
  static const char *const words[] = {"测试词", "EXPLAIN-12"};
  for (size_t w = 0; w < 2; w++) {
    char bq[256];
    assert_int_equal(catalog_search_query(words[w], bq, sizeof bq), 1);
    /* Each ranked statement (all matches in-stock first, or the in-stock ones) is one Mroonga's ORDER BY … LIMIT
     * takes. */
    for (int stock = 0; stock <= 1; stock++) {
      search_stmt st;
      HDF *h = NULL;
      catalog_search_stmt(bq, stock, 0, SEARCH_COUNT_CAP + 1, &st); /* as catalog_search runs it */
      long long before = fast_order_limit();
      t_ok(hdf_init(&h), "hdf");
      t_ok(db_query_hdf(t_db(), h, "R", st.sql, st.p, st.n, NULL), st.sql);
      hdf_destroy(&h);
      if (fast_order_limit() <= before) fail_msg("Mroonga sorted outside the engine: %s", st.sql);
    }
    for (int stock = 0; stock <= 1; stock++) {
      int want = search_reference(bq, stock, g_want, MAXROWS), got = 0;
      long long total = 0;
      for (int page = 0; page < SEARCH_PAGES; page++) {
        HDF *h = NULL;
        int rows = 0;
        t_ok(hdf_init(&h), "hdf");
        t_ok(catalog_search(t_db(), h, "P", "zh-CN", bq, stock, page * 20LL, 20, &rows, &total), "search");
        for (HDF *r = hdf_get_child(h, "P"); r; r = hdf_obj_next(r)) g_got[got++] = db_hdf_ll(r, "id", 0);
        hdf_destroy(&h);
        if (rows < 20) break;
      }
      assert_int_equal(total, want > SEARCH_COUNT_CAP ? SEARCH_COUNT_CAP + 1 : want);
      assert_int_equal(got, want > SEARCH_PAGES * 20 ? SEARCH_PAGES * 20 : want);
      for (int j = 0; j < got; j++)
        if (g_got[j] != g_want[j]) fail_msg("%s: result %d is %lld, want %lld", words[w], j, g_got[j], g_want[j]);
    }
  }
}

int main(void) {
  /* The snapshot stays put while the walks run: only the tests refresh it. */
  setenv("MALL_LIST_REFRESH", "86400", 1);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cursor_text),
      cmocka_unit_test(test_list_statements_never_scan),
      cmocka_unit_test(test_every_combination_returns_the_reference_rows),
      cmocka_unit_test(test_counts_are_exact_or_capped),
      cmocka_unit_test(test_keyset_pages_never_skip_or_repeat),
      cmocka_unit_test(test_search_ranks_inside_mroonga),
  };
  t_ok(db_init_errors(), "errors");
  return cmocka_run_group_tests(tests, setup, teardown);
}
