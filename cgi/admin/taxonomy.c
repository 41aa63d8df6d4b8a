/* taxonomy.c: back-office categories (two levels) and brands (B2) — list, create, edit, delete when unused */
#include "adm_catalog.h"
#include "catalog/catalog_admin.h"
#include "shared/uploads.h"
#include <stdio.h>
#include <string.h>

#define T_CATEGORIES "admin/catalog/categories.cs"
#define T_CATEGORY "admin/catalog/category_form.cs"
#define T_BRANDS "admin/catalog/brands.cs"
#define T_BRAND "admin/catalog/brand_form.cs"

static NEOERR *redirect_done(req *r, const char *list, const char *done) {
  char loc[96];
  snprintf(loc, sizeof loc, "%s?done=%s", list, done);
  req_redirect(r, loc);
  return STATUS_OK;
}

/* Refusals shown on a list page (delete) or beside a form field. */
static NEOERR *refusal(req *r, catalog_result res, const char *field) {
  const char *key = res == CATALOG_BAD_PARENT ? "AdminCat.Category.BadParent"
      : res == CATALOG_HAS_CHILDREN           ? "AdminCat.Category.HasChildren"
      : res == CATALOG_HAS_PRODUCTS           ? "AdminCat.HasProducts"
                                              : "AdminCat.FixErrors";
  return nerr_pass(req_form_error(r, field, key));
}

/* Optional image path field (icon, logo): a local image path or an uploaded file (<name>_file). */
static NEOERR *image_field(req *r, const char *name, const in_value *v, char *url, size_t len, int *bad) {
  char file[32];
  int got = 0;
  snprintf(file, sizeof file, "%s_file", name);
  snprintf(url, len, "%s", v->present ? v->s : "");
  if (v->present && !upload_local_image(v->s)) {
    (*bad)++;
    return nerr_pass(req_form_error(r, name, "AdminCat.BadImagePath"));
  }
  if (*bad) return STATUS_OK;
  NEOERR *err = adm_cat_upload(r, file, name, url, len, &got);
  if (!err && got < 0) (*bad)++;
  if (!err && got == 0) snprintf(url, len, "%s", v->present ? v->s : "");
  return nerr_pass(err);
}

/* ---- categories ---- */

/* GET /admin/categories?done= → 200 the two-level tree with product and sub-category counts */
NEOERR *h_adm_categories(req *r) {
  NEOERR *err = adm_cat_page(r, T_CATEGORIES, "AdminCat.Category.Title");
  if (!err) err = adm_cat_done(r, "created|saved|deleted");
  if (!err) err = catalog_admin_categories(r->db, r->hdf, "Categories", NULL);
  return nerr_pass(err);
}

static NEOERR *category_form(req *r, long long id) {
  NEOERR *err = adm_cat_page(r, T_CATEGORY, id ? "AdminCat.Category.EditTitle" : "AdminCat.Category.NewTitle");
  if (!err) err = catalog_admin_categories(r->db, r->hdf, "Categories", NULL);
  if (!err && id) err = hdf_set_valuef(r->hdf, "Category.Id=%lld", id);
  return nerr_pass(err);
}

/* GET /admin/categories/new → 200 form */
NEOERR *h_adm_category_new(req *r) {
  NEOERR *err = category_form(r, 0);
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.sort", "0");
  return nerr_pass(err);
}

/* GET /admin/categories/{id} → 200 form filled in; 404 unknown */
NEOERR *h_adm_category_edit(req *r) {
  long long id = req_arg_id(r, 0);
  int found = 0;
  NEOERR *err = catalog_admin_category(r->db, r->hdf, "Form.Values", id, &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  /* Form.Values.0.* → Form.Values.* */
  HDF *row = hdf_get_obj(r->hdf, "Form.Values.0");
  for (HDF *c = hdf_obj_child(row); c && !err; c = hdf_obj_next(c))
    err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", hdf_obj_name(c), hdf_obj_value(c) ? hdf_obj_value(c) : "");
  if (!err) err = hdf_remove_tree(r->hdf, "Form.Values.0");
  if (!err) err = category_form(r, id);
  return nerr_pass(err);
}

static NEOERR *category_save(req *r, long long id) {
  static const in_field F[] = {
      {"parent_id", IN_INT, 0, 0, 2147483647, NULL}, {"name_zh", IN_STR, IN_REQUIRED, 1, 64, NULL},
      {"name_en", IN_STR, 0, 1, 64, NULL},           {"icon", IN_STR, 0, 1, 200, NULL},
      {"sort", IN_INT, 0, -99999, 99999, NULL},
  };
  in_value v[5];
  char icon[256];
  NEOERR *err = category_form(r, id);
  if (err) return nerr_pass(err);
  int bad = input_read(r, F, 5, v);
  if ((err = image_field(r, "icon", &v[3], icon, sizeof icon, &bad))) return nerr_pass(err);
  if (bad) return nerr_pass(req_form_error(r, NULL, "AdminCat.FixErrors"));
  category_fields f = {v[0].i, v[1].s, v[2].present ? v[2].s : "", icon, v[4].i};
  audit_actor who;
  admin_actor(r, &who);
  catalog_result res;
  long long saved = 0;
  if ((err = catalog_category_save(r->db, &who, id, &f, &res, &saved))) return nerr_pass(err);
  if (res == CATALOG_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res != CATALOG_OK) {
    err = refusal(r, res, "parent_id");
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  return nerr_pass(redirect_done(r, "/admin/categories", id ? "saved" : "created"));
}

/* POST /admin/categories parent_id, name_zh, name_en, icon (or icon_file), sort → 303 list; 200 form with errors */
NEOERR *h_adm_category_create(req *r) { return nerr_pass(category_save(r, 0)); }
/* POST /admin/categories/{id} same fields → 303; 200 errors (e.g. a parent that is itself a sub-category); 404 */
NEOERR *h_adm_category_update(req *r) { return nerr_pass(category_save(r, req_arg_id(r, 0))); }

/* POST /admin/categories/{id}/delete → 303 list; 200 list saying why when it has products or children; 404 */
NEOERR *h_adm_category_delete(req *r) {
  audit_actor who;
  admin_actor(r, &who);
  catalog_result res;
  NEOERR *err = catalog_category_delete(r->db, &who, req_arg_id(r, 0), &res);
  if (err) return nerr_pass(err);
  if (res == CATALOG_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res != CATALOG_OK) {
    err = h_adm_categories(r);
    if (!err) err = refusal(r, res, NULL);
    return nerr_pass(err);
  }
  return nerr_pass(redirect_done(r, "/admin/categories", "deleted"));
}

/* ---- brands ---- */

/* GET /admin/brands?done= → 200 list with product counts */
NEOERR *h_adm_brands(req *r) {
  NEOERR *err = adm_cat_page(r, T_BRANDS, "AdminCat.Brand.Title");
  if (!err) err = adm_cat_done(r, "created|saved|deleted");
  if (!err) err = catalog_admin_brands(r->db, r->hdf, "Brands", NULL);
  return nerr_pass(err);
}

static NEOERR *brand_form(req *r, long long id) {
  NEOERR *err = adm_cat_page(r, T_BRAND, id ? "AdminCat.Brand.EditTitle" : "AdminCat.Brand.NewTitle");
  if (!err && id) err = hdf_set_valuef(r->hdf, "Brand.Id=%lld", id);
  return nerr_pass(err);
}

/* GET /admin/brands/new → 200 form */
NEOERR *h_adm_brand_new(req *r) {
  NEOERR *err = brand_form(r, 0);
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.sort", "0");
  return nerr_pass(err);
}

/* GET /admin/brands/{id} → 200 form filled in; 404 unknown */
NEOERR *h_adm_brand_edit(req *r) {
  long long id = req_arg_id(r, 0);
  int found = 0;
  HDF *tmp = NULL;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = catalog_admin_brand(r->db, tmp, "B", id, &found);
  for (HDF *c = hdf_obj_child(hdf_get_obj(tmp, "B.0")); !err && c; c = hdf_obj_next(c))
    err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", hdf_obj_name(c), hdf_obj_value(c) ? hdf_obj_value(c) : "");
  hdf_destroy(&tmp);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  return nerr_pass(brand_form(r, id));
}

static NEOERR *brand_save(req *r, long long id) {
  static const in_field F[] = {
      {"name_zh", IN_STR, IN_REQUIRED, 1, 64, NULL},
      {"name_en", IN_STR, 0, 1, 64, NULL},
      {"logo", IN_STR, 0, 1, 200, NULL},
      {"sort", IN_INT, 0, -99999, 99999, NULL},
  };
  in_value v[4];
  char logo[256];
  NEOERR *err = brand_form(r, id);
  if (err) return nerr_pass(err);
  int bad = input_read(r, F, 4, v);
  if ((err = image_field(r, "logo", &v[2], logo, sizeof logo, &bad))) return nerr_pass(err);
  if (bad) return nerr_pass(req_form_error(r, NULL, "AdminCat.FixErrors"));
  brand_fields f = {v[0].s, v[1].present ? v[1].s : "", logo, v[3].i};
  audit_actor who;
  admin_actor(r, &who);
  catalog_result res;
  long long saved = 0;
  if ((err = catalog_brand_save(r->db, &who, id, &f, &res, &saved))) return nerr_pass(err);
  if (res == CATALOG_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  return nerr_pass(redirect_done(r, "/admin/brands", id ? "saved" : "created"));
}

/* POST /admin/brands name_zh, name_en, logo (or logo_file), sort → 303 list; 200 form with errors */
NEOERR *h_adm_brand_create(req *r) { return nerr_pass(brand_save(r, 0)); }
/* POST /admin/brands/{id} same fields → 303; 200 errors; 404 */
NEOERR *h_adm_brand_update(req *r) { return nerr_pass(brand_save(r, req_arg_id(r, 0))); }

/* POST /admin/brands/{id}/delete → 303 list; 200 list saying why when products use it; 404 */
NEOERR *h_adm_brand_delete(req *r) {
  audit_actor who;
  admin_actor(r, &who);
  catalog_result res;
  NEOERR *err = catalog_brand_delete(r->db, &who, req_arg_id(r, 0), &res);
  if (err) return nerr_pass(err);
  if (res == CATALOG_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res != CATALOG_OK) {
    err = h_adm_brands(r);
    if (!err) err = refusal(r, res, NULL);
    return nerr_pass(err);
  }
  return nerr_pass(redirect_done(r, "/admin/brands", "deleted"));
}
