/* catalog_admin_list.h: the back-office product list's statements (list_stmt), for catalog_admin.c and the EXPLAIN
 * unit test (apart from catalog_admin.h: the storefront's product_list.h has a list_stmt of its own) */
#ifndef MALL_CATALOG_ADMIN_LIST_H
#define MALL_CATALOG_ADMIN_LIST_H
#include "catalog/catalog_admin.h"
#include "shared/list_stmt.h"

/* One list statement (count 1: its bounded count) for q, with the strings its parameters point to. cat_top: q->cat
 * is a top-level category (its subtree is listed). after > 0 seeks past that id (offset unused). */
typedef struct {
  list_stmt st;
  char like[400], bq[512];
} catalog_admin_stmt;
void catalog_admin_products_stmt(const product_query *q, int cat_top, long long offset, long long after, int limit,
                                 int count, catalog_admin_stmt *out);

#endif
