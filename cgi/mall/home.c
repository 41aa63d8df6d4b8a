/* home.c: the storefront home page — banners, notices, ads, categories, brands, hot and new products */
#include "mall.h"
#include "mall_store.h"
#include "catalog/catalog.h"
#include "data_cache.h"
#include "generations.h"
#include <stdio.h>

#define HOME_BRANDS 16 /* two rows of the wall on a desktop, four on a phone */

static NEOERR *load(req *r, HDF *h) {
  long long total = 0;
  NEOERR *err = content_banners(r->db, h, "Banners", r->lang, 5);
  if (!err) err = content_notices(r->db, h, "Notices", r->lang, 0, 5, &total);
  if (!err) err = content_ads(r->db, h, "Ads", r->lang, "home", 4);
  if (!err) err = catalog_categories(r->db, h, "Categories", r->lang);
  /* The brand wall shows the first HOME_BRANDS; "more" leads to the product list with every brand. */
  int more = 0;
  if (!err) err = catalog_brands_first(r->db, h, "Brands", r->lang, HOME_BRANDS, &more);
  if (!err && more) err = hdf_set_value(h, "BrandsMore", "1");
  if (!err) err = catalog_hot(r->db, h, "Hot", r->lang, 10);
  if (!err) err = catalog_newest(r->db, h, "Newest", r->lang, 10);
  return nerr_pass(err);
}

/* GET / → 200. Nothing member-specific here (the header in the layout shows the balance), so its data is shared by
 * every visitor: the page cache keeps the page per session, and the data cache keeps the reads per process, so a
 * signed-in member's first view costs no more than the header's own reads. */
NEOERR *h_home(req *r) {
  char key[64];
  snprintf(key, sizeof key, "home|%s", r->lang);
  r->template = "mall/store/home.cs";
  HDF *d = data_cache_get(key), *fresh = NULL;
  NEOERR *err = STATUS_OK;
  if (!d) {
    unsigned long long gen = catalog_generation();
    err = hdf_init(&fresh);
    if (!err) err = load(r, fresh);
    d = fresh;
    if (!err) data_cache_put(key, &fresh, gen);
  }
  if (!err) err = fresh ? data_cache_copy(r->hdf, d) : data_cache_lend(r->hdf, d); /* fresh: not kept */
  hdf_destroy(&fresh);
  return nerr_pass(err);
}
