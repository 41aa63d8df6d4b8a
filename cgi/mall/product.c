/* product.c: product detail page — images, price, stock, reviews, Q&A — with a small data cache */
#include "mall.h"
#include "mall_store.h"
#include "catalog/catalog.h"
#include "campaigns/guards.h"
#include "data_cache.h"
#include "log.h"
#include "render.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define REVIEWS_PER_PAGE 10
/* Review pages stop here (the newest 500 reviews): their OFFSET grows with the page. */
#define REVIEW_PAGES 50

/* The page is not in the page-body cache (every view must reach the handler to be counted), so its database reads
 * are kept in the data cache instead (data_cache.h). */

static NEOERR *load(req *r, HDF *d, long long id, long long rpage, int *found) {
  long long count = 0;
  NEOERR *err = catalog_product(r->db, d, "Product", r->lang, id, found);
  if (err || !*found) return nerr_pass(err);
  err = catalog_product_images(r->db, d, "Images", id);
  if (!err) err = catalog_review_stats(r->db, d, "Rating", id, &count);
  if (!err && rpage <= REVIEW_PAGES && (rpage - 1) * REVIEWS_PER_PAGE < count)
    err = catalog_reviews(r->db, d, "Reviews", id, (rpage - 1) * REVIEWS_PER_PAGE, REVIEWS_PER_PAGE);
  if (!err) err = catalog_consultations(r->db, d, "Questions", id, 10);
  /* Its activity paused or tripped (F2, F4): the words its payment would be refused with, on the page already. Cached
   * with the rest: a pause, resume, trip or untrip moves the catalog generation. */
  long long stopped = 0;
  if (!err) err = guards_product_stopped(r->db, id, &stopped);
  if (!err && stopped) {
    char text[900];
    int active = 0;
    err = mall_guard_text(r, stopped, text, sizeof text, &active);
    if (!err && active) err = hdf_set_value(d, "ProductGuard.Message", text);
  }
  return nerr_pass(err);
}

void mall_cache_hit(req *r) {
  if (!r->route || r->route->fn != h_product) return;
  catalog_view(store_id_arg(r));
  MYSQL *db = NULL;
  NEOERR *err = db_connect(&db);
  if (!err) err = catalog_views_flush(db, 0);
  if (err) log_neoerr("views flush", &err); /* a lost view count must not fail the page */
}

/* Fills the product page of id at review page rpage; *found = 0 (nothing shown) when it is unknown or off the shelf. */
static NEOERR *product_page(req *r, long long id, long long rpage, int *found) {
  char key[64];
  snprintf(key, sizeof key, "%s|%lld|%lld", r->lang, id, rpage);
  HDF *d = data_cache_get(key), *fresh = NULL;
  NEOERR *err = STATUS_OK;
  if (!d) {
    unsigned long long gen = catalog_generation();
    err = hdf_init(&fresh);
    if (!err) err = load(r, fresh, id, rpage, found);
    if (err || !*found) {
      hdf_destroy(&fresh);
      return nerr_pass(err);
    }
    d = fresh;
    data_cache_put(key, &fresh, gen);
  }
  *found = 1;
  err = fresh ? data_cache_copy(r->hdf, d) : data_cache_lend(r->hdf, d);
  hdf_destroy(&fresh); /* still ours only when the cache could not keep it */
  if (err) return nerr_pass(err);

  r->template = "mall/store/product.cs";
  HDF *h = r->hdf;
  err = hdf_set_value(h, "Page.Title", hdf_get_value(h, "Product.0.name", ""));
  char base[64];
  snprintf(base, sizeof base, "/product/%lld?", id);
  long long count = db_hdf_ll(h, "Rating.0.count", 0);
  if (!err) err = req_pager_seek(r, base, rpage, count, count, REVIEWS_PER_PAGE, REVIEW_PAGES, NULL);
  if (!err) err = hdf_set_value(h, "Pager.Param", "rpage");
  if (!err) err = hdf_set_value(h, "Pager.Anchor", "#reviews");
  return nerr_pass(err);
}

/* GET /product/{id}?rpage= → 200; 404 unknown or off the shelf; 400 invalid rpage */
NEOERR *h_product(req *r) {
  static const in_field F[] = {{"rpage", IN_INT, 0, 1, STORE_PAGE_MAX, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  long long id = store_id_arg(r);
  int found = 0;
  NEOERR *err = product_page(r, id, v[0].present ? v[0].i : 1, &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));

  catalog_view(id);
  NEOERR *verr = catalog_views_flush(r->db, 0);
  if (verr) log_neoerr("views flush", &verr); /* a lost view count must not fail the page */
  return STATUS_OK;
}

NEOERR *store_product_refusal(req *r, long long id, int status, const char *msg) {
  int found = 0;
  NEOERR *err = product_page(r, id, 1, &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  r->status = status;
  r->no_cache = 1;
  /* Form.Values.quantity holds what was typed (input_read keeps it even when it is not a number). */
  err = hdf_set_value(r->hdf, "Form.Errors.quantity", msg);
  if (!err) err = hdf_set_value(r->hdf, "Form.HasErrors", "1");
  /* The language switch and the sign-in return address point at the product, not at the form's action. */
  if (!err) err = hdf_set_valuef(r->hdf, "Page.Uri=/product/%lld", id);
  return nerr_pass(err);
}
