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
/* The product page of id again with msg under its quantity field and the given status (400 a quantity that is not
 * 1..max, 409 sold out or limit used up): how the cart and "redeem now" refuse a quantity. 404 page when the
 * product is gone. */
NEOERR *store_product_refusal(req *r, long long id, int status, const char *msg);
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
