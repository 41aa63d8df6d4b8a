/* search_list.h: storefront search — ranked inside Mroonga with the LIMIT pushed into the engine, bounded counts */
#ifndef MALL_SEARCH_LIST_H
#define MALL_SEARCH_LIST_H
#include "db.h"

/* Counts stop at SEARCH_COUNT_CAP + 1 ("1000+"); result pages stop at SEARCH_PAGES. */
#define SEARCH_COUNT_CAP 1000
#define SEARCH_PAGES 50

/* One page of search results (card columns) for a query from catalog_search_query: in-stock matches first, then the
 * sold-out ones unless in_stock_only; each block by score (title ten times the body), then sales, then id.
 * *total: matches, at most SEARCH_COUNT_CAP + 1. */
NEOERR *catalog_search(MYSQL *db, HDF *out, const char *prefix, const char *lang, const char *boolean_query,
                       int in_stock_only, long long offset, int limit, int *rows, long long *total);

/* catalog_search in two steps, so a caller may keep the ranking between pages: the ranked ids of every match (at
 * most SEARCH_COUNT_CAP + 1, ids sized for that), then one page's cards from them. */
NEOERR *catalog_search_ranked(MYSQL *db, const char *boolean_query, int in_stock_only, long long *ids, int *got);
NEOERR *catalog_search_cards(MYSQL *db, HDF *out, const char *prefix, const char *lang, const long long *ids, int got,
                             int in_stock_only, long long offset, int limit, int *rows);

/* The ranked id statement (in_stock_only 1: the in-stock matches alone; 0: all, in-stock ones first), for the tests:
 * it runs on the Mroonga table alone. catalog_search runs it once per page for the first SEARCH_COUNT_CAP + 1 ids. */
typedef struct {
  char sql[768];
  char query[600]; /* the weighted boolean query bound to it */
  dbp p[6];
  int n;
} search_stmt;
void catalog_search_stmt(const char *boolean_query, int in_stock_only, long long offset, int limit, search_stmt *st);

#endif
