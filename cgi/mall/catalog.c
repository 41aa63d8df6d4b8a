/* catalog.c: category tree, filtered product list and full-text search pages (+ shared pager helpers) */
#include "mall.h"
#include "mall_store.h"
#include "data_cache.h"
#include "generations.h"
#include "catalog/catalog.h"
#include "catalog/product_list.h"
#include "catalog/search_list.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PER_PAGE 20

NEOERR *store_title(req *r, const char *lang_key) {
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", req_text(r, lang_key)));
}

long long store_id_arg(req *r) {
  const char *a = req_arg(r, 0);
  long long id = strtoll(a, NULL, 10); /* the router allows digits only, at most 18 */
  return id > 0 ? id : 0;
}

/* GET /categories → 200 two-level tree */
NEOERR *h_categories(req *r) {
  r->template = "mall/store/categories.cs";
  NEOERR *err = store_title(r, "Store.Categories.Title");
  if (!err) err = catalog_categories(r->db, r->hdf, "Categories", r->lang);
  return nerr_pass(err);
}

static const char *const SORT_NAMES[SORT_COUNT] = {"sales", "points_asc", "points_desc", "views", "newest"};

/* Query string of the current filters without the ones in skip ("cat", "brand", "price", "sort", "stock"), ending in
 * '?' or '&'. */
static void filter_base(char *out, size_t len, const catalog_filter *f, int has_min, int has_max, const char *skip) {
  int o = snprintf(out, len, "/products?");
  if (f->cat && !strstr(skip, "cat")) o += snprintf(out + o, len - o, "cat=%lld&", f->cat);
  if (f->brand && !strstr(skip, "brand")) o += snprintf(out + o, len - o, "brand=%lld&", f->brand);
  if (has_min && !strstr(skip, "price")) o += snprintf(out + o, len - o, "min=%lld&", f->min);
  if (has_max && !strstr(skip, "price")) o += snprintf(out + o, len - o, "max=%lld&", f->max);
  if (f->sort != SORT_SALES && !strstr(skip, "sort")) o += snprintf(out + o, len - o, "sort=%s&", SORT_NAMES[f->sort]);
  if (f->in_stock_only && !strstr(skip, "stock")) snprintf(out + o, len - o, "instock=1&");
}

/* The filter's category or brand (name = "Filter.Category" or "Filter.Brand") into the page, from the data cache. */
static NEOERR *filter_get(req *r, const char *name, long long id, int *found) {
  char key[64];
  snprintf(key, sizeof key, "%s|%s|%lld", name, r->lang, id);
  HDF *d = data_cache_get(key), *fresh = NULL;
  NEOERR *err = STATUS_OK;
  *found = 1;
  if (!d) {
    unsigned long long gen = catalog_generation();
    err = hdf_init(&fresh);
    if (!err && strcmp(name, "Filter.Brand") == 0) err = catalog_brand_get(r->db, fresh, name, r->lang, id, found);
    else if (!err) err = catalog_category_get(r->db, fresh, name, r->lang, id, found);
    d = fresh;
    if (!err && *found) data_cache_put(key, &fresh, gen);
  }
  if (!err && *found) err = data_cache_copy(r->hdf, d);
  hdf_destroy(&fresh);
  return nerr_pass(err);
}

/* The brand row shows the first BRAND_CHIPS brands in the back office's order (Brands) and a "more brands" chip for the
 * rest (BrandsMore: how many; BrandsAll: every one, for ?brands=all) — a wall of 60 chips helped nobody on a phone
 * and was a fifth of the list page's rendering. */
#define BRAND_CHIPS 12
static NEOERR *brand_chips(HDF *d) {
  NEOERR *err = STATUS_OK;
  int n = 0;
  for (HDF *b = hdf_get_child(d, "BrandsAll"); b && !err; b = hdf_obj_next(b), n++) {
    char key[32];
    snprintf(key, sizeof key, "Brands.%d", n);
    if (n < BRAND_CHIPS) err = hdf_copy(d, key, b);
  }
  if (!err && n > BRAND_CHIPS) err = hdf_set_int_value(d, "BrandsMore", n - BRAND_CHIPS);
  return nerr_pass(err);
}

/* Whether the chosen brand is among the brand chips shown (else the row shows it first). */
static int brand_shown(HDF *h, long long brand) {
  for (HDF *b = hdf_get_child(h, "Brands"); b; b = hdf_obj_next(b))
    if (db_hdf_ll(b, "id", 0) == brand) return 1;
  return 0;
}

/* The list's category chips and brands, the same for every filter, sort and page: read once per catalog change (and
 * DATA_CACHE_TTL) per process, so a list the page cache misses costs only its own statements. */
static NEOERR *chips_and_brands(req *r, long long top) {
  char key[64];
  snprintf(key, sizeof key, "chips|%s|%lld", r->lang, top);
  HDF *d = data_cache_get(key), *fresh = NULL;
  NEOERR *err = STATUS_OK;
  if (!d) {
    unsigned long long gen = catalog_generation();
    err = hdf_init(&fresh);
    if (!err) err = catalog_category_chips(r->db, fresh, "Categories", r->lang, top);
    /* The chosen top category's chip is marked here (the entry is per top category): the template's test of every chip
     * against the filter and its parent was a tenth of the list's rendering. */
    for (HDF *c = err ? NULL : hdf_get_child(fresh, "Categories"); c; c = hdf_obj_next(c))
      if (top && db_hdf_ll(c, "id", 0) == top) err = hdf_set_value(c, "active", "1");
    if (!err) err = catalog_brands(r->db, fresh, "BrandsAll", r->lang);
    if (!err) err = brand_chips(fresh);
    d = fresh;
    if (!err) data_cache_put(key, &fresh, gen);
  }
  if (!err) err = fresh ? data_cache_copy(r->hdf, d) : data_cache_lend(r->hdf, d); /* fresh: not kept */
  hdf_destroy(&fresh);
  return nerr_pass(err);
}

/* A numbered page from ANCHOR_FROM_OFFSET on starts where a kept anchor says: after the card just before it (its list
 * position, as a keyset cursor). A list's order moves only with the catalog generation (the snapshot's refresh bumps it,
 * as do catalog edits), so within one generation "after the anchor" is exactly "from the offset", and a deep page reads
 * its own 20 cards instead of every card before them (page 50 of 100,000 products: 1,000 index entries). The anchor is
 * learned by reading the page one card early, and kept per process like the counts (generation, DATA_CACHE_TTL).
 * "In stock only" filters on live stock, which moves between generations: its pages always count from the start. */
#define ANCHOR_FROM_OFFSET 100
static NEOERR *deep_page(req *r, const catalog_filter *f, long long offset, const list_seek *after,
                         unsigned long long gen, list_page *pg) {
  if (after->set || f->in_stock_only || offset < ANCHOR_FROM_OFFSET || offset >= (long long)LIST_OFFSET_PAGES * PER_PAGE)
    return nerr_pass(catalog_list(r->db, r->hdf, "Products", r->lang, f, offset, after, PER_PAGE, pg));
  char key[200], at[96];
  snprintf(key, sizeof key, "anchor|%lld|%lld|%lld|%lld|%d|%lld", f->cat, f->brand, f->min, f->max, f->sort, offset);
  HDF *d = data_cache_get(key), *fresh = NULL, *tmp = NULL;
  list_seek start;
  if (d && list_seek_parse(hdf_get_value(d, "at", ""), &start))
    return nerr_pass(catalog_list(r->db, r->hdf, "Products", r->lang, f, 0, &start, PER_PAGE, pg));
  /* Not known yet: the page with the card before it, whose position becomes the anchor. */
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = catalog_list(r->db, tmp, "P", r->lang, f, offset - 1, after, PER_PAGE + 1, pg);
  HDF *first = err ? NULL : hdf_get_child(tmp, "P");
  int i = 0;
  for (HDF *row = first ? hdf_obj_next(first) : NULL; !err && row; row = hdf_obj_next(row)) {
    char k[32];
    snprintf(k, sizeof k, "Products.%d", i++);
    err = hdf_copy(r->hdf, k, row);
  }
  pg->rows = i; /* pg->next (set when the page is full) is its last card's, as catalog_list found it */
  if (!err && first) {
    list_seek a = {1, (int)db_hdf_ll(first, "seek_in", 0), db_hdf_ll(first, "seek_key", 0), db_hdf_ll(first, "id", 0)};
    list_seek_format(&a, at, sizeof at);
    err = hdf_init(&fresh);
    if (!err) err = hdf_set_value(fresh, "at", at);
    if (!err) data_cache_put(key, &fresh, gen);
  }
  hdf_destroy(&fresh);
  hdf_destroy(&tmp);
  return nerr_pass(err);
}

/* One page of the list. A filter's counts are the same for every sort and page, and counting is the heavier of the
 * list's two statements: they are kept per process like the chips (catalog generation, DATA_CACHE_TTL), so paging and
 * re-sorting a filter the page cache has not seen costs the page's own statement. */
static NEOERR *list_with_counts(req *r, catalog_filter *f, long long offset, const list_seek *after, list_page *pg) {
  char key[160];
  snprintf(key, sizeof key, "counts|%lld|%lld|%lld|%lld|%d", f->cat, f->brand, f->min, f->max, f->in_stock_only);
  /* A refresh that moves the list bumps the catalog generation: it comes first, so kept counts are never behind it. */
  NEOERR *err = catalog_lists_refresh(r->db, 0);
  if (err) return nerr_pass(err);
  HDF *d = data_cache_get(key), *fresh = NULL;
  long long known[2];
  if (d) {
    known[0] = db_hdf_ll(d, "in_stock", 0);
    known[1] = db_hdf_ll(d, "sold_out", 0);
    f->counts = known;
  }
  unsigned long long gen = catalog_generation();
  err = deep_page(r, f, offset, after, gen, pg);
  if (err || d) return nerr_pass(err);
  err = hdf_init(&fresh);
  if (!err) err = hdf_set_valuef(fresh, "in_stock=%lld", pg->counts[0]);
  if (!err) err = hdf_set_valuef(fresh, "sold_out=%lld", pg->counts[1]);
  if (!err) data_cache_put(key, &fresh, gen);
  hdf_destroy(&fresh);
  return nerr_pass(err);
}

/* GET /products?cat=&brand=&min=&max=&sort=&instock=1&page=|after= → 200 list (sold-out last, or left out with
 * instock=1; numbered pages up to LIST_OFFSET_PAGES, then keyset pages from ?after=; past them the empty state;
 * brands=all lists every brand chip);
 * 400 invalid parameters or cursor; 404 unknown cat/brand */
NEOERR *h_products(req *r) {
  static const in_field F[] = {
      {"cat", IN_INT, 0, 1, 2147483647LL, NULL},
      {"brand", IN_INT, 0, 1, 2147483647LL, NULL},
      {"min", IN_INT, 0, 0, 1000000000000LL, NULL},
      {"max", IN_INT, 0, 0, 1000000000000LL, NULL},
      {"sort", IN_ENUM, 0, 0, 0, "sales|points_asc|points_desc|views|newest"},
      {"page", IN_INT, 0, 1, STORE_PAGE_MAX, NULL},
      {"instock", IN_ENUM, 0, 0, 0, "1"},
      {"after", IN_STR, 0, 0, 60, NULL},
      {"brands", IN_ENUM, 0, 0, 0, "all"},
  };
  in_value v[9];
  list_seek after = {0};
  if (input_read(r, F, 9, v)) return nerr_pass(req_fail(r, 400));
  if (v[7].present && !list_seek_parse(v[7].s, &after)) return nerr_pass(req_fail(r, 400));
  catalog_filter f = {.cat = v[0].i,
                      .brand = v[1].i,
                      .min = v[2].present ? v[2].i : 0,
                      .max = v[3].present ? v[3].i : 1000000000000LL,
                      .sort = SORT_SALES,
                      .in_stock_only = v[6].present};
  for (int i = 0; v[4].present && i < SORT_COUNT; i++)
    if (strcmp(v[4].s, SORT_NAMES[i]) == 0) f.sort = i;
  if (f.min > f.max) {
    NEOERR *err = req_form_error(r, "max", "Store.List.MinMax");
    return nerr_pass(err ? err : req_fail(r, 400));
  }
  long long page = v[5].present ? v[5].i : 1;
  HDF *h = r->hdf;
  NEOERR *err = STATUS_OK;
  int found = 1;
  if (f.cat) err = filter_get(r, "Filter.Category", f.cat, &found);
  if (!err && found && f.brand) err = filter_get(r, "Filter.Brand", f.brand, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  if (f.cat) f.cat_level = hdf_get_value(h, "Filter.Category.0.parent_id", NULL) ? 2 : 1;

  r->template = "mall/store/products.cs";
  const char *title = hdf_get_value(h, f.brand ? "Filter.Brand.0.name" : "Filter.Category.0.name", NULL);
  err = title ? hdf_set_value(h, "Page.Title", title) : store_title(r, "Store.List.Title");
  if (!err) err = hdf_set_value(h, "Filter.Sort", SORT_NAMES[f.sort]);
  if (!err && f.cat) err = hdf_set_valuef(h, "Filter.Cat=%lld", f.cat);
  if (!err && f.brand) err = hdf_set_valuef(h, "Filter.BrandId=%lld", f.brand);
  if (!err && v[2].present) err = hdf_set_valuef(h, "Filter.Min=%lld", f.min);
  if (!err && v[3].present) err = hdf_set_valuef(h, "Filter.Max=%lld", f.max);
  if (!err && f.in_stock_only) err = hdf_set_value(h, "Filter.InStock", "1");
  char base[256];
  const struct {
    const char *key, *skip;
  } bases[] = {{"Filter.Base", ""},           {"Filter.SortBase", "sort"},   {"Filter.CatBase", "cat"},
               {"Filter.BrandBase", "brand"}, {"Filter.PriceBase", "price"}, {"Filter.StockBase", "stock"}};
  for (size_t i = 0; !err && i < sizeof bases / sizeof bases[0]; i++) {
    filter_base(base, sizeof base, &f, v[2].present, v[3].present, bases[i].skip);
    err = hdf_set_value(h, bases[i].key, base);
  }
  /* The chips show the top level and the current top category's children: nothing else of the tree is read. */
  long long top = f.cat ? db_hdf_ll(h, "Filter.Category.0.parent_id", f.cat) : 0;
  if (!err) err = chips_and_brands(r, top);
  if (!err && v[8].present) err = hdf_set_value(h, "Filter.AllBrands", "1");
  else if (!err && f.brand && !brand_shown(h, f.brand)) err = hdf_set_value(h, "Filter.BrandExtra", "1");
  /* Numbered pages stop at LIST_OFFSET_PAGES (the OFFSET they need grows with the page); deeper ones seek. */
  long long offset = page <= LIST_OFFSET_PAGES ? (page - 1) * PER_PAGE : 1LL << 60;
  list_page pg;
  char cursor[96];
  if (!err) err = list_with_counts(r, &f, offset, &after, &pg);
  if (!err && pg.next.set) list_seek_format(&pg.next, cursor, sizeof cursor);
  if (!err)
    err = req_pager_seek(r, hdf_get_value(h, "Filter.Base", "/products?"), after.set ? 0 : page, pg.total,
                         LIST_COUNT_CAP, PER_PAGE, LIST_OFFSET_PAGES, pg.next.set ? cursor : NULL);
  return nerr_pass(err);
}

/* Copies at most max UTF-8 characters of s into out. */
static void utf8_prefix(const char *s, int max, char *out, size_t len) {
  size_t i = 0;
  int n = 0;
  while (s[i] && i + 1 < len) {
    if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == max) break;
    i++;
  }
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--; /* never cut a character in half */
  memcpy(out, s, i);
  out[i] = 0;
}

/* One page of search results. A query's ranking is the same for all its pages and for everyone who asks within a
 * few seconds, and Mroonga's statement is most of a search page's cost: the ranked ids are kept per process like the
 * chips (catalog generation, DATA_CACHE_TTL), so a page the page cache misses reads only its cards by primary key
 * when the query was asked lately, and one Mroonga statement when it was not. */
static NEOERR *search_page(req *r, const char *bq, int in_stock_only, long long offset, int *rows, long long *total) {
  char key[600];
  int got = 0;
  snprintf(key, sizeof key, "search|%d|%s", in_stock_only, bq);
  /* As for the lists' counts: a refresh that moves the list drops kept rankings first. */
  NEOERR *err = catalog_lists_refresh(r->db, 0);
  if (err) return nerr_pass(err);
  long long *ids = malloc(sizeof *ids * (SEARCH_COUNT_CAP + 1));
  if (!ids) return nerr_raise(NERR_NOMEM, "search ids");
  HDF *d = data_cache_get(key), *fresh = NULL;
  if (d) {
    const char *p = hdf_get_value(d, "ids", "");
    while (*p && got <= SEARCH_COUNT_CAP) {
      char *end = NULL;
      ids[got++] = strtoll(p, &end, 10);
      p = *end == ',' ? end + 1 : end;
    }
  } else {
    unsigned long long gen = catalog_generation();
    err = catalog_search_ranked(r->db, bq, in_stock_only, ids, &got);
    STRING s;
    string_init(&s);
    for (int i = 0; !err && i < got; i++) err = string_appendf(&s, i ? ",%lld" : "%lld", ids[i]);
    if (!err) err = hdf_init(&fresh);
    if (!err) err = hdf_set_value(fresh, "ids", s.buf ? s.buf : "");
    if (!err) data_cache_put(key, &fresh, gen);
    string_clear(&s);
    hdf_destroy(&fresh);
  }
  *total = got;
  if (!err) err = catalog_search_cards(r->db, r->hdf, "Products", r->lang, ids, got, in_stock_only, offset, PER_PAGE, rows);
  free(ids);
  return nerr_pass(err);
}

/* GET /search?q=&instock=1&page= → 200 results (sold-out last, or left out with instock=1), or "no results" with hot products; 400 invalid parameters */
NEOERR *h_search(req *r) {
  static const in_field F[] = {
      {"q", IN_STR, 0, 0, 200, NULL},
      {"page", IN_INT, 0, 1, STORE_PAGE_MAX, NULL},
      {"instock", IN_ENUM, 0, 0, 0, "1"},
  };
  in_value v[3];
  if (input_read(r, F, 3, v)) return nerr_pass(req_fail(r, 400));
  HDF *h = r->hdf;
  r->template = "mall/store/search.cs";
  char q[256], bq[512], base[600];
  utf8_prefix(v[0].present ? v[0].s : "", 50, q, sizeof q);
  long long page = v[1].present ? v[1].i : 1, total = 0;
  int rows = 0;
  NEOERR *err = hdf_set_value(h, "Search.Q", q);
  if (!err && v[2].present) err = hdf_set_value(h, "Search.InStock", "1");
  if (!err) err = store_title(r, "Store.Search.Title");
  /* Result pages stop at SEARCH_PAGES: past them only the count is read (and the empty state shown). */
  long long offset = page <= SEARCH_PAGES ? (page - 1) * PER_PAGE : 1LL << 60;
  if (!err && catalog_search_query(q, bq, sizeof bq))
    err = search_page(r, bq, v[2].present, offset, &rows, &total);
  if (!err && rows == 0) err = catalog_hot(r->db, h, "Hot", r->lang, 10);
  char *esc = NULL;
  if (!err) err = cgi_url_escape(q, &esc);
  if (!err) {
    snprintf(base, sizeof base, "/search?q=%s&", esc);
    err = hdf_set_value(h, "Search.Base", base); /* the in-stock switch adds to it */
    if (!err && v[2].present) strncat(base, "instock=1&", sizeof base - strlen(base) - 1);
    if (!err) err = req_pager_seek(r, base, page, total, SEARCH_COUNT_CAP, PER_PAGE, SEARCH_PAGES, NULL);
  }
  free(esc);
  return nerr_pass(err);
}
