/* home.c: the storefront home page — banners, notices, ads, categories, brands, hot and new products */
#include "mall.h"
#include "mall_store.h"
#include "catalog/catalog.h"

/* GET / → 200. Cached and shared by every signed-in member: nothing member-specific here (the
 * header in the layout shows the balance). */
NEOERR *h_home(req *r) {
  HDF *h = r->hdf;
  long long total = 0;
  r->template = "mall/store/home.cs";
  NEOERR *err = content_banners(r->db, h, "Banners", r->lang, 5);
  if (!err) err = content_notices(r->db, h, "Notices", r->lang, 0, 5, &total);
  if (!err) err = content_ads(r->db, h, "Ads", r->lang, "home", 4);
  if (!err) err = catalog_categories(r->db, h, "Categories", r->lang);
  if (!err) err = catalog_brands(r->db, h, "Brands", r->lang);
  if (!err) err = catalog_hot(r->db, h, "Hot", r->lang, 10);
  if (!err) err = catalog_newest(r->db, h, "Newest", r->lang, 10);
  return nerr_pass(err);
}
