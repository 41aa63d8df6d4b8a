/* search_list.c: storefront search — ranked inside Mroonga with the LIMIT pushed into the engine, bounded counts */
#include "catalog/search_list.h"
#include "catalog/card_sql.h"
#include "catalog/product_list.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Mroonga sorts and cuts the matches itself (its "fast ORDER BY LIMIT", counted by Mroonga_fast_order_limit) only
 * when the statement reads its table alone, filters with one MATCH and equalities to constants, and orders by the
 * score and that table's columns. So the ids come from product_search alone — on_shelf, the in-stock flag and sales
 * live there (kept by catalog_lists_refresh) — and the cards are read by primary key afterwards. The title weighs ten
 * times the body through Mroonga's *W pragma on the two-column index. Sold-out matches come after in-stock ones:
 * the in-stock flag leads the ORDER BY, which Mroonga's sort takes too, so one order covers both blocks.
 * Each Mroonga statement costs what Mroonga spends on all the matches (and a temporary result table of its own, about
 * 2 ms here), so a page runs one: the first SEARCH_COUNT_CAP + 1 ids in that order, which are every page there is
 * (pages stop at SEARCH_PAGES) and the bounded count at once; the page is cut from them here. */
#define MATCH_ALL "MATCH(title, body) AGAINST(? IN BOOLEAN MODE)"
static const char SQL_IDS[] = "SELECT product_id, " MATCH_ALL " AS score FROM product_search WHERE " MATCH_ALL
                              " AND on_shelf = 1 ORDER BY list_in_stock DESC, score DESC, rank_sales DESC,"
                              " product_id DESC LIMIT ? OFFSET ?";
static const char SQL_IDS_IN_STOCK[] = "SELECT product_id, " MATCH_ALL " AS score FROM product_search WHERE " MATCH_ALL
                                       " AND on_shelf = 1 AND list_in_stock = 1 ORDER BY score DESC, rank_sales DESC,"
                                       " product_id DESC LIMIT ? OFFSET ?";

void catalog_search_stmt(const char *bq, int in_stock_only, long long offset, int limit, search_stmt *st) {
  snprintf(st->query, sizeof st->query, "*W1:10,2:1 %s", bq);
  snprintf(st->sql, sizeof st->sql, "%s", in_stock_only ? SQL_IDS_IN_STOCK : SQL_IDS);
  st->n = 0;
  st->p[st->n++] = DS(st->query);
  st->p[st->n++] = DS(st->query);
  st->p[st->n++] = DI(limit);
  st->p[st->n++] = DI(offset);
}

typedef struct {
  long long id;
  char score[32]; /* a float: read as text, only the order matters */
} hit;

NEOERR *catalog_search_ranked(MYSQL *db, const char *bq, int in_stock_only, long long *ids, int *got) {
  *got = 0;
  hit *h = malloc(sizeof *h * (SEARCH_COUNT_CAP + 1));
  if (!h) return nerr_raise(NERR_NOMEM, "search hits");
  search_stmt st;
  catalog_search_stmt(bq, in_stock_only, 0, SEARCH_COUNT_CAP + 1, &st);
  NEOERR *err = catalog_lists_refresh(db, 0);
  if (!err)
    err = db_rows(db, st.sql, st.p, st.n, DCOLS(DCOL_LL(&h[0].id), DCOL_STR(h[0].score)), sizeof h[0],
                  SEARCH_COUNT_CAP + 1, got);
  for (int i = 0; !err && i < *got; i++) ids[i] = h[i].id;
  free(h);
  return nerr_pass(err);
}

NEOERR *catalog_search(MYSQL *db, HDF *out, const char *prefix, const char *lang, const char *bq, int in_stock_only,
                       long long offset, int limit, int *rows, long long *total) {
  long long *ranked = malloc(sizeof *ranked * (SEARCH_COUNT_CAP + 1));
  int got = 0;
  *rows = 0;
  *total = 0;
  if (!ranked) return nerr_raise(NERR_NOMEM, "search ids");
  NEOERR *err = catalog_search_ranked(db, bq, in_stock_only, ranked, &got);
  *total = got;
  if (!err) err = catalog_search_cards(db, out, prefix, lang, ranked, got, in_stock_only, offset, limit, rows);
  free(ranked);
  return nerr_pass(err);
}

NEOERR *catalog_search_cards(MYSQL *db, HDF *out, const char *prefix, const char *lang, const long long *ranked,
                             int got, int in_stock_only, long long offset, int limit, int *rows) {
  long long ids[64];
  int n = 0;
  *rows = 0;
  if (limit > 64) limit = 64;
  for (long long i = offset; i >= 0 && i < got && n < limit; i++) ids[n++] = ranked[i];
  if (!n) return STATUS_OK;

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
