/* search_list.c: storefront search — ranked inside Mroonga with the LIMIT pushed into the engine, bounded counts */
#include "catalog/search_list.h"
#include "catalog/card_sql.h"
#include "catalog/product_list.h"
#include <stdio.h>
#include <string.h>

/* Mroonga sorts and cuts the matches itself (its "fast ORDER BY LIMIT", counted by Mroonga_fast_order_limit) only
 * when the statement reads its table alone, filters with one MATCH and equalities to constants, and orders by the
 * score and that table's columns. So the ids come from product_search alone — on_shelf, the in-stock flag and sales
 * live there (kept by catalog_lists_refresh) — and the cards are read by primary key afterwards. The title weighs ten
 * times the body through Mroonga's *W pragma on the two-column index. Sold-out matches come after in-stock ones: two
 * blocks, as in product lists. */
#define MATCH_ALL "MATCH(title, body) AGAINST(? IN BOOLEAN MODE)"
static const char SQL_IDS[] = "SELECT product_id, " MATCH_ALL " AS score FROM product_search WHERE " MATCH_ALL
                              " AND on_shelf = 1 AND list_in_stock = %d ORDER BY score DESC, rank_sales DESC,"
                              " product_id DESC LIMIT ? OFFSET ?";
/* Each statement costs what Mroonga spends on all the matches (scoring them to find the best): a page runs as few
 * as it can — one count over both blocks, the ranked ids of the in-stock block, and only past that block's end
 * its own count and the sold-out block's ids. */
static const char SQL_COUNT[] = "SELECT COUNT(*) FROM (SELECT product_id FROM product_search WHERE " MATCH_ALL
                                " AND on_shelf = 1 AND list_in_stock = %d LIMIT ?) bounded";
static const char SQL_COUNT_ALL[] = "SELECT COUNT(*) FROM (SELECT product_id FROM product_search WHERE " MATCH_ALL
                                    " AND on_shelf = 1 LIMIT ?) bounded";

void catalog_search_stmt(const char *bq, int block, int count, long long offset, int limit, search_stmt *st) {
  snprintf(st->query, sizeof st->query, "*W1:10,2:1 %s", bq);
  if (count && block < 0) snprintf(st->sql, sizeof st->sql, "%s", SQL_COUNT_ALL);
  else snprintf(st->sql, sizeof st->sql, count ? SQL_COUNT : SQL_IDS, block ? 1 : 0);
  st->n = 0;
  if (!count) st->p[st->n++] = DS(st->query);
  st->p[st->n++] = DS(st->query);
  st->p[st->n++] = DI(count ? SEARCH_COUNT_CAP + 1 : limit);
  if (!count) st->p[st->n++] = DI(offset);
}

typedef struct {
  long long id;
  char score[32]; /* a float: read as text, only the order matters */
} hit;

static NEOERR *block_ids(MYSQL *db, const char *bq, int block, long long offset, int limit, long long *ids, int *n) {
  search_stmt st;
  hit h[64];
  int rows = 0;
  catalog_search_stmt(bq, block, 0, offset, limit, &st);
  NEOERR *err = db_rows(db, st.sql, st.p, st.n, DCOLS(DCOL_LL(&h[0].id), DCOL_STR(h[0].score)), sizeof h[0],
                        (int)(sizeof h / sizeof h[0]), &rows);
  for (int i = 0; !err && i < rows; i++) ids[(*n)++] = h[i].id;
  return nerr_pass(err);
}

static NEOERR *block_count(MYSQL *db, const char *bq, int block, long long *n) {
  search_stmt st;
  catalog_search_stmt(bq, block, 1, 0, 0, &st);
  return nerr_pass(db_query_ll(db, st.sql, st.p, st.n, n, NULL));
}

NEOERR *catalog_search(MYSQL *db, HDF *out, const char *prefix, const char *lang, const char *bq, int in_stock_only,
                       long long offset, int limit, int *rows, long long *total) {
  long long ids[64], in_stock = 0;
  int n = 0;
  *rows = 0;
  if (limit > 64) limit = 64;
  NEOERR *err = catalog_lists_refresh(db, 0);
  if (!err) err = block_count(db, bq, in_stock_only ? 1 : -1, total);
  if (err || offset >= *total) return nerr_pass(err);
  err = block_ids(db, bq, 1, offset, limit, ids, &n);
  if (!err && n < limit && !in_stock_only) {
    /* The in-stock block ends on this page (it had n rows from offset on) or before it (count it). */
    if (n > 0 || offset == 0) in_stock = offset + n;
    else err = block_count(db, bq, 1, &in_stock);
    if (!err) err = block_ids(db, bq, 0, offset > in_stock ? offset - in_stock : 0, limit - n, ids, &n);
  }
  if (err || !n) return nerr_pass(err);

  /* The cards, by primary key, in the ranked order; live on-shelf (and, for "in stock only", stock) checked again
   * in case the copy is a refresh behind. */
  char sql[2048];
  dbp p[2 * 64 + 1];
  int np = 0;
  size_t o = (size_t)snprintf(sql, sizeof sql, CARD " FROM products p WHERE p.id IN (");
  p[np++] = DS(lang);
  for (int i = 0; i < n; i++) {
    o += (size_t)snprintf(sql + o, sizeof sql - o, i ? ", ?" : "?");
    p[np++] = DI(ids[i]);
  }
  o += (size_t)snprintf(sql + o, sizeof sql - o, ") AND p.on_shelf = 1%s ORDER BY FIELD(p.id",
                        in_stock_only ? " AND p.stock > 0" : "");
  for (int i = 0; i < n; i++) {
    o += (size_t)snprintf(sql + o, sizeof sql - o, ", ?");
    p[np++] = DI(ids[i]);
  }
  snprintf(sql + o, sizeof sql - o, ")");
  return nerr_pass(db_query_hdf(db, out, prefix, sql, p, np, rows));
}
