/* product_list.h: storefront product lists — one statement per (scope, sort), numbered pages then keyset, bounded counts */
#ifndef MALL_PRODUCT_LIST_H
#define MALL_PRODUCT_LIST_H
#include "catalog/catalog.h"
#include "db.h"

/* Counts read at most LIST_COUNT_CAP + 1 index entries: above the cap a list shows "1000+". */
#define LIST_COUNT_CAP 1000
/* Numbered pages (OFFSET) go this deep; further pages seek from the last card of the page before (?after=). */
#define LIST_OFFSET_PAGES 50

/* Where a keyset page starts: after the card with this list position (in-stock block, sort key, id). */
typedef struct {
  int set;
  int in_stock;  /* 1: the in-stock block, 0: the sold-out block that follows it */
  long long key; /* the sort column's value (created_at as a unix time) */
  long long id;
} list_seek;

/* "1.1234.567" ⇄ list_seek; parse returns 0 for anything else (only what format writes is accepted). */
int list_seek_parse(const char *s, list_seek *out);
void list_seek_format(const list_seek *k, char *buf, size_t len);

typedef struct {
  int rows;
  long long total;  /* exact up to LIST_COUNT_CAP, else LIST_COUNT_CAP + 1 */
  list_seek next;   /* the last card's position: where the next page starts (set when rows == limit) */
  long long counts[2]; /* the blocks' bounded counts {in stock, sold out}: what catalog_filter.counts takes */
} list_page;

/* One page of product cards (the columns of catalog_products) into prefix.N: by offset when after is NULL or
 * unset (offset must stay within LIST_OFFSET_PAGES pages), else from after. */
NEOERR *catalog_list(MYSQL *db, HDF *out, const char *prefix, const char *lang, const catalog_filter *f,
                     long long offset, const list_seek *after, int limit, list_page *pg);

/* A statement as catalog_list runs it, for the EXPLAIN test and the bench: text and parameters. */
typedef struct {
  char sql[2048];
  dbp p[16];
  int n;
} list_stmt;
/* cat_top: the filter's category is a top-level one (its subtree is read through cat_root). block: 1 = in stock,
 * 0 = sold out. */
void catalog_list_stmt(const catalog_filter *f, int cat_top, int block, const list_seek *after, int with_offset,
                       const char *lang, long long offset, int limit, list_stmt *st);
/* The bounded count of one block (at most cap rows read). */
void catalog_count_stmt(const catalog_filter *f, int cat_top, int block, long long cap, list_stmt *st);
/* Both blocks' bounded counts in one statement (one round trip): a row (in stock, sold out), each at most cap; the
 * sold-out one 0 without reading for "in stock only". */
void catalog_counts_stmt(const catalog_filter *f, int cat_top, long long cap, list_stmt *st);

/* The list snapshot (list_in_stock, list_sales, list_views) catches up with stock, sales and views at most every
 * MALL_LIST_REFRESH seconds (default 60; 0 = before every list, for tests), once across all machines. */
NEOERR *catalog_lists_refresh(MYSQL *db, int force);

#endif
