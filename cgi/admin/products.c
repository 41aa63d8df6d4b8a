/* products.c: back-office products (B2) — list with search and filters, create, edit, stock, images, shelf */
#include "adm_catalog.h"
#include "catalog/catalog_admin.h"
#include "shared/uploads.h"
#include <stdio.h>
#include <string.h>

#define T_LIST "admin/catalog/products.cs"
#define T_FORM "admin/catalog/product_form.cs"
#define PER_PAGE 20

/* GET /admin/products?q=&cat=&brand=&type=&shelf=on|off&low=1&page=|after=&done= → 200 list; 400 bad filters */
NEOERR *h_adm_products(req *r) {
  static const in_field F[] = {
      {"q", IN_STR, 0, 1, 100, NULL},
      {"cat", IN_INT, 0, 0, 2147483647, NULL},
      {"brand", IN_INT, 0, 0, 2147483647, NULL},
      {"type", IN_ENUM, 0, 0, 0, "physical|voucher|virtual"},
      {"shelf", IN_ENUM, 0, 0, 0, "on|off"},
      {"low", IN_ENUM, 0, 0, 0, "1"},
  };
  in_value v[6];
  long long page = 1, after = 0, total = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = adm_cat_page(r, T_LIST, "AdminCat.Product.Title");
  if (err) return nerr_pass(err);
  if (input_read(r, F, 6, v)) return nerr_pass(req_fail(r, 400));
  if ((err = adm_cat_done(r, "created|saved|shelved|unshelved"))) return nerr_pass(err);
  product_query q = {v[0].present ? v[0].s : "",
                     v[1].i,
                     v[2].i,
                     v[3].present ? v[3].s : "",
                     v[4].present ? (strcmp(v[4].s, "on") == 0) : -1,
                     v[5].present};
  int rows = 0;
  /* Numbered pages stop at CATALOG_ADMIN_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= CATALOG_ADMIN_OFFSET_PAGES ? (page - 1) * PER_PAGE : 1LL << 60;
  err = catalog_admin_products(r->db, r->hdf, "Products", &q, offset, after, PER_PAGE, &rows, &total);
  char next[32] = "";
  if (rows == PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Products.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  if (!err) err = catalog_admin_categories(r->db, r->hdf, "Categories", NULL);
  if (!err) err = catalog_admin_brands(r->db, r->hdf, "Brands", NULL);
  if (!err) err = hdf_set_valuef(r->hdf, "LowStock=%d", CATALOG_LOW_STOCK);
  /* Pager links keep every filter. */
  STRING base;
  string_init(&base);
  static const char *const names[] = {"q", "cat", "brand", "type", "shelf", "low"};
  if (!err) err = string_append(&base, "/admin/products?");
  for (int i = 0; i < 6 && !err; i++) {
    if (!v[i].present) continue;
    char *esc = NULL;
    err = cgi_url_escape(v[i].s, &esc);
    if (!err) err = string_appendf(&base, "%s=%s&", names[i], esc);
    free(esc);
  }
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, CATALOG_ADMIN_COUNT_CAP, PER_PAGE,
                         CATALOG_ADMIN_OFFSET_PAGES, next[0] ? next : NULL);
  string_clear(&base);
  return nerr_pass(err);
}

/* The select lists of the form: two-level categories, brands, merchants. */
static NEOERR *form_lists(req *r, long long id) {
  NEOERR *err = catalog_admin_categories(r->db, r->hdf, "Categories", NULL);
  if (!err) err = catalog_admin_brands(r->db, r->hdf, "Brands", NULL);
  if (!err) err = catalog_admin_merchants(r->db, r->hdf, "Merchants");
  if (!err) err = adm_cat_page(r, T_FORM, id ? "AdminCat.Product.EditTitle" : "AdminCat.Product.NewTitle");
  if (!err && id) err = hdf_set_valuef(r->hdf, "Product.Id=%lld", id);
  if (!err && id) err = catalog_admin_product_images(r->db, r->hdf, "Images", id);
  if (!err) err = hdf_set_valuef(r->hdf, "Product.MaxMb=%ld", UPLOAD_MAX_BYTES / (1024 * 1024));
  return nerr_pass(err);
}

/* GET /admin/products/new → 200 empty form */
NEOERR *h_adm_product_new(req *r) {
  NEOERR *err = form_lists(r, 0);
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.type", "physical");
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.on_shelf", "1");
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.per_member_limit", "0");
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.member_day_cap", "0");
  return nerr_pass(err);
}

static const char *const COLS[] = {"type",         "category_id", "brand_id",   "merchant_id",     "name_zh",
                                   "name_en",      "summary_zh",  "summary_en", "description_zh",  "description_en",
                                   "points_price", "cash",        "stock",      "per_member_limit", "member_day_cap"};

/* Loads the product into Product.Row and, when fill, its values into the form. *found = 0 → 404 */
static NEOERR *load(req *r, long long id, int fill, int *found) {
  NEOERR *err = catalog_admin_product(r->db, r->hdf, "Product.Row", id, found);
  if (err || !*found || !fill) return nerr_pass(err);
  for (size_t i = 0; i < sizeof COLS / sizeof COLS[0] && !err; i++) {
    const char *v = hdf_get_valuef(r->hdf, "Product.Row.0.%s", COLS[i]);
    if (v) err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", i == 11 ? "cash_price" : COLS[i], v);
  }
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.stock_was", hdf_get_value(r->hdf, "Product.Row.0.stock", "0"));
  return nerr_pass(err);
}

/* GET /admin/products/{id}?done= → 200 form filled in; 404 unknown */
NEOERR *h_adm_product_edit(req *r) {
  long long id = req_arg_id(r, 0);
  int found = 0;
  NEOERR *err = load(r, id, 1, &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  if (!err) err = form_lists(r, id);
  if (!err) err = adm_cat_done(r, "created|saved|shelved|unshelved|image_removed");
  return nerr_pass(err);
}

static const in_field FIELDS[] = {
    {"type", IN_ENUM, IN_REQUIRED, 0, 0, "physical|voucher|virtual"},
    {"category_id", IN_INT, IN_REQUIRED, 1, 2147483647, NULL},
    {"brand_id", IN_INT, 0, 0, 2147483647, NULL},
    {"merchant_id", IN_INT, 0, 0, 2147483647, NULL},
    {"name_zh", IN_STR, IN_REQUIRED, 1, 120, NULL},
    {"name_en", IN_STR, 0, 1, 160, NULL},
    {"summary_zh", IN_STR, 0, 1, 255, NULL},
    {"summary_en", IN_STR, 0, 1, 255, NULL},
    {"description_zh", IN_TEXT, 0, 1, 20000, NULL},
    {"description_en", IN_TEXT, 0, 1, 20000, NULL},
    {"points_price", IN_INT, IN_REQUIRED, 1, CATALOG_MAX_POINTS, NULL},
    {"cash_price", IN_STR, 0, 1, 20, NULL},
    {"stock", IN_INT, IN_REQUIRED, 0, CATALOG_MAX_STOCK, NULL},
    {"per_member_limit", IN_INT, 0, 0, CATALOG_MAX_LIMIT, NULL},
    {"stock_was", IN_INT, 0, 0, CATALOG_MAX_STOCK, NULL},
    {"on_shelf", IN_ENUM, 0, 0, 0, "1"},
    {"member_day_cap", IN_INT, 0, 0, CATALOG_MAX_LIMIT, NULL},
};
enum { NF = sizeof FIELDS / sizeof FIELDS[0] };

static const struct {
  catalog_result res;
  const char *field, *key;
} REFUSALS[] = {
    {CATALOG_BAD_CATEGORY, "category_id", "AdminCat.Product.BadCategory"},
    {CATALOG_BAD_BRAND, "brand_id", "AdminCat.Product.BadBrand"},
    {CATALOG_BAD_MERCHANT, "merchant_id", "AdminCat.Product.BadMerchant"},
    {CATALOG_NEEDS_MERCHANT, "merchant_id", "AdminCat.Product.NeedsMerchant"},
    {CATALOG_STOCK_NEGATIVE, "stock", "AdminCat.Product.StockNegative"},
};

/* Validates and saves (id 0 = new): 303 to the edit page; 200 form with messages beside the fields. */
static NEOERR *save(req *r, long long id) {
  in_value v[NF];
  int found = 0;
  NEOERR *err = STATUS_OK;
  if (id && ((err = load(r, id, 0, &found)) || !found)) return nerr_pass(err ? err : req_fail(r, 404));
  if ((err = form_lists(r, id))) return nerr_pass(err);
  int bad = input_read(r, FIELDS, NF, v);
  long long fen = 0;
  if (bad && (err = adm_cat_keep_values(r, FIELDS, NF))) return nerr_pass(err);
  if (!hdf_get_obj(r->hdf, "Form.Errors.cash_price")) {
    int c = v[11].present ? catalog_parse_yuan(v[11].s, CATALOG_MAX_FEN, &fen) : 0;
    if (c) {
      bad++;
      err = req_form_error(r, "cash_price", c == -2 ? "AdminCat.Product.CashTooHigh" : "AdminCat.Product.CashFormat");
    }
  }
  char url[256] = "";
  int got = 0;
  /* Only a form that is otherwise fine stores its image: a refused form leaves no file behind. */
  if (!err && !bad) err = adm_cat_upload(r, "image_file", "image_file", url, sizeof url, &got);
  if (!err && got < 0) bad++;
  if (err || bad) return nerr_pass(err ? err : req_form_error(r, NULL, "AdminCat.FixErrors"));
  product_fields f = {
      .type = v[0].s,
      .category_id = v[1].i,
      .brand_id = v[2].i,
      .merchant_id = v[3].i,
      .name_zh = v[4].s,
      .name_en = v[5].present ? v[5].s : "",
      .summary_zh = v[6].present ? v[6].s : "",
      .summary_en = v[7].present ? v[7].s : "",
      .description_zh = v[8].present ? v[8].s : "",
      .description_en = v[9].present ? v[9].s : "",
      .points_price = v[10].i,
      .cash_fen = fen,
      .stock = v[12].i,
      .stock_was = v[14].present ? v[14].i : db_hdf_ll(r->hdf, "Product.Row.0.stock", 0),
      .per_member_limit = v[13].i,
      .member_day_cap = v[16].present ? v[16].i : 0,
      .on_shelf = v[15].present,
      .image = got == 1 ? url : NULL,
  };
  audit_actor who;
  admin_actor(r, &who);
  catalog_result res;
  long long saved = 0;
  if ((err = catalog_product_save(r->db, &who, id, &f, &res, &saved))) {
    if (got == 1) upload_discard(url);
    return nerr_pass(err);
  }
  if (res == CATALOG_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res != CATALOG_OK) {
    if (got == 1) upload_discard(url);
    for (size_t i = 0; i < sizeof REFUSALS / sizeof REFUSALS[0] && !err; i++)
      if (REFUSALS[i].res == res) err = req_form_error(r, REFUSALS[i].field, REFUSALS[i].key);
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  char loc[96];
  snprintf(loc, sizeof loc, "/admin/products/%lld?done=%s", saved, id ? "saved" : "created");
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/products (multipart: fields above + image_file) → 303 /admin/products/{new id}; 200 form with errors */
NEOERR *h_adm_product_create(req *r) { return nerr_pass(save(r, 0)); }

/* POST /admin/products/{id} (same fields; stock_was = the stock the form showed) → 303; 200 errors; 404 */
NEOERR *h_adm_product_update(req *r) { return nerr_pass(save(r, req_arg_id(r, 0))); }

/* POST /admin/products/{id}/shelf on=1|0 → 303 back (to the list when from=list); 400 bad input; 404 */
NEOERR *h_adm_product_shelf(req *r) {
  static const in_field F[] = {{"on", IN_ENUM, IN_REQUIRED, 0, 0, "0|1"}, {"from", IN_ENUM, 0, 0, 0, "list"}};
  in_value v[2];
  if (input_read(r, F, 2, v)) return nerr_pass(req_fail(r, 400));
  long long id = req_arg_id(r, 0);
  int on = v[0].s[0] == '1';
  audit_actor who;
  admin_actor(r, &who);
  catalog_result res;
  NEOERR *err = catalog_product_shelve(r->db, &who, id, on, &res);
  if (err) return nerr_pass(err);
  if (res == CATALOG_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  char loc[96];
  if (v[1].present) snprintf(loc, sizeof loc, "/admin/products?done=%s", on ? "shelved" : "unshelved");
  else snprintf(loc, sizeof loc, "/admin/products/%lld?done=%s", id, on ? "shelved" : "unshelved");
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/products/{id}/images/{id}/delete → 303 back to the product; 404 unknown image */
NEOERR *h_adm_product_image_delete(req *r) {
  long long id = req_arg_id(r, 0);
  audit_actor who;
  admin_actor(r, &who);
  catalog_result res;
  NEOERR *err = catalog_product_image_remove(r->db, &who, id, req_arg_id(r, 1), &res);
  if (err) return nerr_pass(err);
  if (res == CATALOG_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  char loc[96];
  snprintf(loc, sizeof loc, "/admin/products/%lld?done=image_removed", id);
  req_redirect(r, loc);
  return STATUS_OK;
}
