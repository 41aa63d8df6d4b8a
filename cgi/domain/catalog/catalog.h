/* catalog.h: storefront reads — categories, brands, product lists, search, detail, content, view counts */
#ifndef MALL_CATALOG_H
#define MALL_CATALOG_H
#include "neo.h"
#include <mysql.h>

/* Every function writes rows to HDF as prefix.N.column; lang ("zh-CN"/"en") picks the _zh/_en text. */

enum { SORT_SALES, SORT_POINTS_ASC, SORT_POINTS_DESC, SORT_VIEWS, SORT_NEWEST, SORT_COUNT };
typedef struct {
  long long cat;      /* 0 = any; a top-level category includes its children */
  long long brand;    /* 0 = any */
  long long min, max; /* points range, inclusive */
  int sort;           /* SORT_* (sold-out products always come last) */
  int in_stock_only;  /* 1 = leave sold-out products out */
  int cat_level;      /* cat's level when the caller knows it (1 top-level, 2 a child), else 0: read by the list */
  const long long *counts; /* the blocks' bounded counts {in stock, sold out} when the caller kept them from an
                              earlier page of this filter (they do not depend on sort or page), else NULL */
} catalog_filter;

/* Two-level tree: prefix.N.{id,name,Children.M.{id,name}} */
NEOERR *catalog_categories(MYSQL *db, HDF *out, const char *prefix, const char *lang);
/* The same tree with only the top level and the children of top (0: none). */
NEOERR *catalog_category_chips(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long top);
/* One category with its parent's id and name (parent_id, parent_name when it has one). */
NEOERR *catalog_category_get(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found);
NEOERR *catalog_brands(MYSQL *db, HDF *out, const char *prefix, const char *lang);
/* The first limit brands in the back office's order; *more is set when there are others. */
NEOERR *catalog_brands_first(MYSQL *db, HDF *out, const char *prefix, const char *lang, int limit, int *more);
NEOERR *catalog_brand_get(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found);

/* Product cards: id, name, image, points, cash ("12.34" or unset), sales, stock. The filtered lists with their
 * pages and counts are product_list.h. */
NEOERR *catalog_hot(MYSQL *db, HDF *out, const char *prefix, const char *lang, int limit);
NEOERR *catalog_newest(MYSQL *db, HDF *out, const char *prefix, const char *lang, int limit);

/* Turns user text into a safe Mroonga boolean query (every word required, as a quoted phrase).
 * Returns 0 when nothing searchable is left. */
int catalog_search_query(const char *q, char *out, size_t len);
/* The search itself: search_list.h. */

/* Product detail (on-shelf only): card columns plus summary, description, per_member_limit, views,
 * type, category_id, category, brand, merchant. */
NEOERR *catalog_product(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found);
NEOERR *catalog_product_images(MYSQL *db, HDF *out, const char *prefix, long long id);
/* prefix.count and prefix.avg (one decimal) of approved reviews. */
NEOERR *catalog_review_stats(MYSQL *db, HDF *out, const char *prefix, long long id, long long *count);
NEOERR *catalog_reviews(MYSQL *db, HDF *out, const char *prefix, long long id, long long offset, int limit);
NEOERR *catalog_consultations(MYSQL *db, HDF *out, const char *prefix, long long id, int limit);

/* Views are counted in memory and written in batches: see catalog.c. */
void catalog_view(long long id);
NEOERR *catalog_views_flush(MYSQL *db, int force);

/* Content */
NEOERR *content_banners(MYSQL *db, HDF *out, const char *prefix, const char *lang, int limit);
NEOERR *content_ads(MYSQL *db, HDF *out, const char *prefix, const char *lang, const char *position, int limit);
NEOERR *content_notices(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long offset, int limit,
                        long long *total);
NEOERR *content_notice_get(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found);
/* tab: ongoing | upcoming | past | all. Rows carry state (ongoing/upcoming/past). */
NEOERR *content_activities(MYSQL *db, HDF *out, const char *prefix, const char *lang, const char *tab, long long offset,
                           int limit, long long *total);
NEOERR *content_activity_get(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found);
NEOERR *content_activity_products(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id);

#endif
