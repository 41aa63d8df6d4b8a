/* mall_store.h: storefront handlers — home, categories, products, search, product detail, notices, activities */
#ifndef MALL_MALL_STORE_H
#define MALL_MALL_STORE_H
#include "app.h"

/* home.c */
NEOERR *h_home(req *r);
/* catalog.c */
NEOERR *h_categories(req *r);
NEOERR *h_products(req *r);
NEOERR *h_search(req *r);
/* product.c */
NEOERR *h_product(req *r);
/* content.c */
NEOERR *h_notices(req *r);
NEOERR *h_notice(req *r);
NEOERR *h_activities(req *r);
NEOERR *h_activity(req *r);

/* Shared by the storefront pages (catalog.c). */
#define STORE_PAGE_MAX 100000
/* Page.Title from a language key. */
NEOERR *store_title(req *r, const char *lang_key);
/* Parses the {id} path argument; 0 when it is not a positive number. */
long long store_id_arg(req *r);

#endif
