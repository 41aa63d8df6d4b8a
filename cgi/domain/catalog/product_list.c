/* product_list.c: storefront product lists — one statement per (scope, sort), numbered pages then keyset, bounded counts */
#include "catalog/product_list.h"
#include "generations.h"
#include "catalog/card_sql.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Why the statements look like this (README, "Lists"):
 *  - Each filter combination gets its own text: a catch-all "(? = 0 OR …)" makes the optimiser plan for the worst
 *    value and read the whole table. The scope (top category through the materialised cat_root, a category, a brand,
 *    or everything) picks one of the sixteen (scope, sort) indexes of 025_fast.sql; a second filter is checked row by
 *    row while the index is read in order.
 *  - Sold-out products come last: the in-stock block and the sold-out block are read one after the other, each an
 *    equality on list_in_stock, so every sort — ascending or descending — reads its index in order, without a
 *    filesort and without the mixed-direction ORDER BY that one statement would need.
 *  - list_in_stock, list_sales and list_views are a snapshot refreshed in batches (catalog_lists_refresh): a walk
 *    through keyset pages neither skips nor repeats a card while stock and sales move, and a sale writes no list
 *    index. Cards still show live stock and sales. */

typedef struct {
  const char *index; /* the index suffix: <scope>_<index> (025_fast.sql) */
  const char *col;   /* compared and ordered by */
  const char *seek; /* the same value as a whole number, for the cursor */
  const char *cmp;  /* how the cursor's number compares back to col ("?" or FROM_UNIXTIME(?)) */
  int desc;
} sort_key;

static const sort_key KEYS[SORT_COUNT] = {
    [SORT_SALES] = {"sales", "p.list_sales", "p.list_sales", "?", 1},
    [SORT_POINTS_ASC] = {"points", "p.points_price", "p.points_price", "?", 0},
    [SORT_POINTS_DESC] = {"points", "p.points_price", "p.points_price", "?", 1},
    [SORT_VIEWS] = {"views", "p.list_views", "p.list_views", "?", 1},
    [SORT_NEWEST] = {"new", "p.created_at", "UNIX_TIMESTAMP(p.created_at)", "FROM_UNIXTIME(?)", 1},
};

#define PRICE_ANY_MAX 1000000000000LL

static int sort_of(const catalog_filter *f) { return f->sort >= 0 && f->sort < SORT_COUNT ? f->sort : SORT_SALES; }

/* Appends printf-style text to st->sql. */
static void add(list_stmt *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(list_stmt *st, const char *fmt, ...) {
  size_t used = strlen(st->sql);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(st->sql + used, sizeof st->sql - used, fmt, ap);
  va_end(ap);
}

static void bind(list_stmt *st, dbp p) {
  if (st->n < (int)(sizeof st->p / sizeof st->p[0])) st->p[st->n++] = p;
}

static int has_price(const catalog_filter *f) { return f->min > 0 || f->max < PRICE_ANY_MAX; }

/* FROM with the indexes the optimiser may choose from: the scope's index for the sort (or, for a count, for the points
 * range), and, where a second filter could be the narrower one, that filter's index too. Named, because statistics
 * on a skewed catalog (one category holding most products) otherwise send it to the global index, filtering the
 * scope row by row — no scan in EXPLAIN, yet the whole table read for a small category. */
static void from(list_stmt *st, const catalog_filter *f, int cat_top, const char *index) {
  const char *scope = f->cat ? (cat_top ? "root" : "cat") : f->brand ? "brand" : "all";
  add(st, " FROM products p FORCE INDEX (%s_%s", scope, index);
  if (f->cat && f->brand) add(st, ", brand_%s", index);
  if (has_price(f) && strcmp(index, "points") != 0) {
    add(st, ", %s_points", scope);
    if (f->cat && f->brand) add(st, ", brand_points");
  }
  add(st, ")");
}

/* The WHERE of a list or count: the scope first, then the other filters. */
static void where(list_stmt *st, const catalog_filter *f, int cat_top, int block) {
  if (f->cat && cat_top) {
    add(st, " WHERE p.cat_root = ?");
    bind(st, DI(f->cat));
  } else if (f->cat) {
    add(st, " WHERE p.category_id = ?");
    bind(st, DI(f->cat));
  } else if (f->brand) {
    add(st, " WHERE p.brand_id = ?");
    bind(st, DI(f->brand));
  } else {
    add(st, " WHERE 1");
  }
  add(st, " AND p.on_shelf = 1 AND p.list_in_stock = %d", block ? 1 : 0);
  if (f->cat && f->brand) {
    add(st, " AND p.brand_id = ?");
    bind(st, DI(f->brand));
  }
  if (has_price(f)) {
    add(st, " AND p.points_price BETWEEN ? AND ?");
    bind(st, DI(f->min));
    bind(st, DI(f->max));
  }
  /* The snapshot may still count a product sold since the last refresh as in stock: "in stock only" checks live. */
  if (f->in_stock_only) add(st, " AND p.stock > 0");
}

void catalog_list_stmt(const catalog_filter *f, int cat_top, int block, const list_seek *after, int with_offset,
                       const char *lang, long long offset, int limit, list_stmt *st) {
  const sort_key *k = &KEYS[sort_of(f)];
  const char *dir = k->desc ? "DESC" : "ASC", *op = k->desc ? "<" : ">";
  st->sql[0] = 0;
  st->n = 0;
  add(st, CARD ", p.list_in_stock AS seek_in, %s AS seek_key", k->seek);
  bind(st, DS(lang));
  /* A numbered page past the first skips its rows in the index alone (ids only), then reads its cards by primary key:
   * measured at 100,000 products, page 50 took 2.3 ms whole and 0.2 ms as ids. */
  if (with_offset) add(st, " FROM (SELECT p.id");
  from(st, f, cat_top, k->index);
  where(st, f, cat_top, block);
  if (after && after->set && after->in_stock == block) {
    /* Rows after the cursor in (key, id) order: two ranges of the same index. */
    add(st, " AND (%s %s %s OR (%s = %s AND p.id %s ?))", k->col, op, k->cmp, k->col, k->cmp, op);
    bind(st, DI(after->key));
    bind(st, DI(after->key));
    bind(st, DI(after->id));
  }
  add(st, " ORDER BY %s %s, p.id %s LIMIT ?", k->col, dir, dir);
  bind(st, DI(limit));
  if (with_offset) {
    add(st, " OFFSET ?) k JOIN products p ON p.id = k.id ORDER BY %s %s, p.id %s", k->col, dir, dir);
    bind(st, DI(offset));
  }
}

void catalog_count_stmt(const catalog_filter *f, int cat_top, int block, long long cap, list_stmt *st) {
  st->sql[0] = 0;
  st->n = 0;
  add(st, "SELECT COUNT(*) FROM (SELECT 1");
  from(st, f, cat_top, has_price(f) ? "points" : "sales");
  where(st, f, cat_top, block);
  add(st, " LIMIT ?) bounded");
  bind(st, DI(cap));
}

void catalog_counts_stmt(const catalog_filter *f, int cat_top, long long cap, list_stmt *st) {
  st->sql[0] = 0;
  st->n = 0;
  for (int block = 1; block >= 0; block--) {
    if (block == 0 && f->in_stock_only) {
      add(st, ", 0");
      break;
    }
    add(st, "%s(SELECT COUNT(*) FROM (SELECT 1", block ? "SELECT " : ", ");
    from(st, f, cat_top, has_price(f) ? "points" : "sales");
    where(st, f, cat_top, block);
    add(st, " LIMIT ?) b%d)", block);
    bind(st, DI(cap));
  }
}

static NEOERR *count(MYSQL *db, const catalog_filter *f, int cat_top, int block, long long cap, long long *n) {
  list_stmt st;
  catalog_count_stmt(f, cat_top, block, cap, &st);
  return nerr_pass(db_query_ll(db, st.sql, st.p, st.n, n, NULL));
}

/* Reads one block's rows into prefix.(first + i). */
static NEOERR *block_rows(MYSQL *db, HDF *out, const char *prefix, const char *lang, const catalog_filter *f,
                          int cat_top, int block, const list_seek *after, long long offset, int limit, int first,
                          int *rows) {
  list_stmt st;
  catalog_list_stmt(f, cat_top, block, after, offset > 0, lang, offset, limit, &st);
  *rows = 0;
  if (!first) return nerr_pass(db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows));
  HDF *tmp = NULL;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = db_query_hdf(db, tmp, "R", st.sql, st.p, st.n, rows);
  int i = 0;
  for (HDF *row = err ? NULL : hdf_get_child(tmp, "R"); !err && row; row = hdf_obj_next(row)) {
    char key[256];
    snprintf(key, sizeof key, "%s.%d", prefix, first + i++);
    err = hdf_copy(out, key, row);
  }
  hdf_destroy(&tmp);
  return nerr_pass(err);
}

static const char SQL_CAT_TOP[] = "SELECT parent_id IS NULL FROM categories WHERE id = ?";

NEOERR *catalog_list(MYSQL *db, HDF *out, const char *prefix, const char *lang, const catalog_filter *f,
                     long long offset, const list_seek *after, int limit, list_page *pg) {
  long long top = 0;
  int seeking = after && after->set, got = 0, more = 0;
  memset(pg, 0, sizeof *pg);
  NEOERR *err = catalog_lists_refresh(db, 0);
  if (!err && f->cat && f->cat_level) top = f->cat_level == 1;
  else if (!err && f->cat) err = db_query_ll(db, SQL_CAT_TOP, DBA(DI(f->cat)), &top, NULL);
  /* Both blocks counted in one statement: each an equality on list_in_stock, a range of the scope's index. */
  long long in_stock = f->counts ? f->counts[0] : 0, sold_out = f->counts ? f->counts[1] : 0;
  list_stmt cs;
  catalog_counts_stmt(f, (int)top, LIST_COUNT_CAP + 1, &cs);
  if (!err && !f->counts) err = db_row(db, cs.sql, cs.p, cs.n, DCOLS(DCOL_LL(&in_stock), DCOL_LL(&sold_out)), NULL);
  pg->counts[0] = in_stock;
  pg->counts[1] = sold_out;
  pg->total = in_stock + sold_out > LIST_COUNT_CAP + 1 ? LIST_COUNT_CAP + 1 : in_stock + sold_out;
  if (err || (!seeking && offset >= pg->total)) return nerr_pass(err);

  /* The in-stock block: from the cursor, or from the offset within it. */
  long long in_block = 0; /* in-stock rows before the offset's end, when the page reaches past them */
  if (!seeking || after->in_stock == 1) {
    if (!seeking && offset > 0 && !f->in_stock_only) {
      /* The bounded count knows the block's first LIST_COUNT_CAP + 1 rows: a page within them needs no other count
       * (50 numbered pages of 20 always are; a deep page at 100,000 products had counted 1,000 rows a view). */
      if (in_stock <= LIST_COUNT_CAP || offset + limit <= in_stock)
        in_block = in_stock < offset + limit ? in_stock : offset + limit;
      else err = count(db, f, (int)top, 1, offset + limit, &in_block); /* only past the count's cap */
    } else in_block = offset + limit; /* no count needed: the page starts inside the block */
    if (!err && (seeking || offset < in_block))
      err = block_rows(db, out, prefix, lang, f, (int)top, 1, after, seeking ? 0 : offset, limit, 0, &got);
  }
  /* Then the sold-out block, unless "in stock only". */
  if (!err && got < limit && !f->in_stock_only) {
    long long off0 = seeking || offset <= in_block ? 0 : offset - in_block;
    int n0 = 0;
    err = block_rows(db, out, prefix, lang, f, (int)top, 0, seeking && after->in_stock == 0 ? after : NULL, off0,
                     limit - got, got, &n0);
    got += n0;
  }
  pg->rows = got;
  more = got == limit;
  if (!err && more) {
    char key[256];
    snprintf(key, sizeof key, "%s.%d", prefix, got - 1);
    HDF *last = hdf_get_obj(out, key);
    pg->next.set = 1;
    pg->next.in_stock = (int)db_hdf_ll(last, "seek_in", 0);
    pg->next.key = db_hdf_ll(last, "seek_key", 0);
    pg->next.id = db_hdf_ll(last, "id", 0);
  }
  return nerr_pass(err);
}

int list_seek_parse(const char *s, list_seek *out) {
  int in = 0;
  long long key = 0, id = 0;
  char again[96];
  memset(out, 0, sizeof *out);
  if (!s || strlen(s) > 60 || sscanf(s, "%d.%lld.%lld", &in, &key, &id) != 3) return 0;
  if ((in != 0 && in != 1) || key < 0 || id <= 0) return 0;
  list_seek k = {1, in, key, id};
  list_seek_format(&k, again, sizeof again);
  if (strcmp(again, s) != 0) return 0; /* no signs, spaces, leading zeros or trailing text */
  *out = k;
  return 1;
}

void list_seek_format(const list_seek *k, char *buf, size_t len) {
  snprintf(buf, len, "%d.%lld.%lld", k->in_stock, k->key, k->id);
}

/* ---- the list snapshot ---- */
static const char SQL_REFRESH_CLAIM[] =
    "UPDATE list_refresh SET refreshed_at = NOW(6) WHERE id = 1 AND refreshed_at <= NOW(6) - INTERVAL ? SECOND";
/* The rows whose list position moved: found in one pass over products (a minute's sales and views touch few), then
 * written by primary key in batches of REFRESH_BATCH with their search copy — never a join over the whole search
 * copy. A batch names REFRESH_BATCH ids (the last repeated), so there is one statement text. */
#define REFRESH_BATCH 100
#define REFRESH_MAX 20000 /* per refresh: the next one takes the rest */
static const char SQL_REFRESH_IDS[] = "SELECT id FROM products"
                                      " WHERE list_in_stock <> in_stock OR list_sales <> sales OR list_views <> views"
                                      " LIMIT 20001";
#define ID_LIST                                                                                                        \
  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " \
  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " \
  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
static const char SQL_REFRESH_ROWS[] = "UPDATE products SET list_in_stock = in_stock, list_sales = sales,"
                                       " list_views = views WHERE id IN (" ID_LIST ")";
static const char SQL_REFRESH_SEARCH_ROWS[] =
    "UPDATE product_search s JOIN products p ON p.id = s.product_id"
    " SET s.on_shelf = p.on_shelf, s.list_in_stock = p.list_in_stock, s.rank_sales = p.list_sales"
    " WHERE s.product_id IN (" ID_LIST ")";
/* mallctl refresh-lists: the whole search copy too (on_shelf changed by hand, say). */
static const char SQL_REFRESH_SEARCH_ALL[] =
    "UPDATE product_search s JOIN products p ON p.id = s.product_id"
    " SET s.on_shelf = p.on_shelf, s.list_in_stock = p.list_in_stock, s.rank_sales = p.list_sales"
    " WHERE s.on_shelf <> p.on_shelf OR s.list_in_stock <> p.list_in_stock OR s.rank_sales <> p.list_sales";

static time_t g_checked;

static NEOERR *refresh_rows(MYSQL *db) {
  long long *ids = malloc(sizeof(long long) * (REFRESH_MAX + 1));
  int n = 0;
  if (!ids) return nerr_raise(NERR_NOMEM, "refresh ids");
  NEOERR *err = db_rows(db, SQL_REFRESH_IDS, DB_NOARGS, DCOLS(DCOL_LL(&ids[0])), sizeof ids[0], REFRESH_MAX + 1, &n);
  if (n > REFRESH_MAX) n = REFRESH_MAX;
  long long changed = 0;
  for (int i = 0; !err && i < n; i += REFRESH_BATCH) {
    dbp p[REFRESH_BATCH];
    long long k = 0;
    for (int j = 0; j < REFRESH_BATCH; j++) p[j] = DI(ids[i + j < n ? i + j : n - 1]);
    err = db_exec(db, SQL_REFRESH_ROWS, p, REFRESH_BATCH, &k, NULL);
    changed += k;
    if (!err) err = db_exec(db, SQL_REFRESH_SEARCH_ROWS, p, REFRESH_BATCH, NULL, NULL);
  }
  free(ids);
  /* The lists' order and counts moved: cached pages and counts (every machine's) follow. */
  if (!err && changed) catalog_bump();
  return nerr_pass(err);
}

NEOERR *catalog_lists_refresh(MYSQL *db, int force) {
  const char *env = getenv("MALL_LIST_REFRESH");
  long long every = env && *env ? atoll(env) : 60;
  time_t now = time(NULL);
  if (!force && every > 0 && now - g_checked < every) return STATUS_OK; /* this process asked recently */
  g_checked = now;
  long long claimed = 1;
  NEOERR *err = force ? STATUS_OK : db_exec(db, SQL_REFRESH_CLAIM, DBA(DI(every)), &claimed, NULL);
  if (!err && claimed) err = refresh_rows(db);
  if (!err && force) err = db_exec(db, SQL_REFRESH_SEARCH_ALL, DB_NOARGS, NULL, NULL);
  return nerr_pass(err);
}
