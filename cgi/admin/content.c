/* content.c: back-office content (B3) — announcements, banners, ads, activities: list, create, edit, delete */
#include "adm_content.h"
#include "adm_catalog.h"
#include "content/content_admin.h"
#include "shared/uploads.h"
#include <stdio.h>
#include <string.h>

#define T_LIST "admin/content/list.cs"
#define T_FORM "admin/content/form.cs"
#define PER_PAGE 20

/* Page names: the list path is /admin/<plural>, language keys AdminCat.<Key>.*. */
typedef struct {
  const content_kind *k;
  const char *plural, *key;
} kind_page;
static const kind_page NOTICES = {&CONTENT_NOTICE, "notices", "Notice"};
static const kind_page BANNERS = {&CONTENT_BANNER, "banners", "Banner"};
static const kind_page ADS = {&CONTENT_AD, "ads", "Ad"};
static const kind_page ACTIVITIES = {&CONTENT_ACTIVITY, "activities", "Activity"};

static NEOERR *page(req *r, const kind_page *p, const char *tmpl, const char *title) {
  char key[64];
  snprintf(key, sizeof key, "AdminCat.%s.%s", p->key, title);
  NEOERR *err = adm_cat_page(r, tmpl, key);
  if (!err) err = hdf_set_valuef(r->hdf, "Kind.Path=/admin/%s", p->plural);
  if (!err) err = hdf_set_value(r->hdf, "Kind.Key", p->key);
  if (!err) err = hdf_set_value(r->hdf, "Kind.Entity", p->k->entity);
  static const char *const texts[] = {"Title", "New", "Empty"};
  for (int i = 0; i < 3 && !err; i++) {
    snprintf(key, sizeof key, "AdminCat.%s.%s", p->key, texts[i]);
    err = hdf_set_valuef(r->hdf, "Kind.%s=%s", texts[i], req_text(r, key));
  }
  return nerr_pass(err);
}

/* GET /admin/<plural>?page=|after=&done= → 200 list; 400 bad page */
static NEOERR *list(req *r, const kind_page *p) {
  NEOERR *err = page(r, p, T_LIST, "Title");
  if (err) return nerr_pass(err);
  long long pg = 1, after = 0, total = 0;
  if (!req_page_after(r, &pg, &after)) return nerr_pass(req_fail(r, 400));
  int rows = 0;
  /* Numbered pages stop at CONTENT_LIST_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = pg <= CONTENT_LIST_OFFSET_PAGES ? (pg - 1) * PER_PAGE : 1LL << 60;
  err = adm_cat_done(r, "created|saved|deleted");
  if (!err) err = content_admin_list(r->db, p->k, r->hdf, "Rows", offset, after, PER_PAGE, &rows, &total);
  char next[32] = "";
  if (!err && rows == PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Rows.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  char base[64];
  snprintf(base, sizeof base, "/admin/%s?", p->plural);
  if (!err)
    err = req_pager_seek(r, base, after ? 0 : pg, total, CONTENT_LIST_COUNT_CAP, PER_PAGE, CONTENT_LIST_OFFSET_PAGES,
                         next[0] ? next : NULL);
  return nerr_pass(err);
}

static const char *TYPE_NAMES[] = {"str", "text", "int", "bool", "time", "image", "link", "enum", "products"};

/* Fields.N.{name,type,required,max,Options.M}: the template draws each input from this description. */
static NEOERR *form(req *r, const kind_page *p, long long id) {
  NEOERR *err = page(r, p, T_FORM, id ? "EditTitle" : "NewTitle");
  if (!err && id) err = hdf_set_valuef(r->hdf, "Kind.Id=%lld", id);
  if (!err) err = hdf_set_valuef(r->hdf, "Kind.MaxProducts=%d", CONTENT_MAX_PRODUCTS);
  for (int i = 0; i < p->k->nfields && !err; i++) {
    const content_field *f = &p->k->fields[i];
    err = hdf_set_valuef(r->hdf, "Fields.%d.name=%s", i, f->name);
    if (!err) err = hdf_set_valuef(r->hdf, "Fields.%d.type=%s", i, TYPE_NAMES[f->type]);
    if (!err && f->required) err = hdf_set_valuef(r->hdf, "Fields.%d.required=1", i);
    if (!err && f->max) err = hdf_set_valuef(r->hdf, "Fields.%d.max=%lld", i, f->max);
    for (const char *c = f->choices; c && *c && !err;) {
      size_t l = strcspn(c, "|");
      err = hdf_set_valuef(r->hdf, "Fields.%d.Options.%.*s=%.*s", i, (int)l, c, (int)l, c);
      c += l;
      if (*c == '|') c++;
    }
  }
  return nerr_pass(err);
}

/* GET /admin/<plural>/new → 200 empty form (time window from now, for a week) */
static NEOERR *new_form(req *r, const kind_page *p) {
  char now[32], week[32];
  NEOERR *err = form(r, p, 0);
  if (!err) err = content_admin_now(r->db, now, week);
  for (int i = 0; i < p->k->nfields && !err; i++) {
    const content_field *f = &p->k->fields[i];
    if (f->type == CF_TIME)
      err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", f->name,
                           p->k->ends && strcmp(f->name, p->k->ends) == 0 ? week : now);
    else if (f->type == CF_INT) err = hdf_set_valuef(r->hdf, "Form.Values.%s=0", f->name);
    else if (f->type == CF_LINK) err = hdf_set_valuef(r->hdf, "Form.Values.%s=/", f->name);
  }
  return nerr_pass(err);
}

/* GET /admin/<plural>/{id} → 200 form filled in; 404 unknown */
static NEOERR *edit_form(req *r, const kind_page *p) {
  long long id = req_arg_id(r, 0);
  int found = 0;
  HDF *tmp = NULL;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = content_admin_get(r->db, p->k, tmp, "R", id, &found);
  for (HDF *c = hdf_obj_child(hdf_get_obj(tmp, "R.0")); !err && c; c = hdf_obj_next(c))
    err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", hdf_obj_name(c), hdf_obj_value(c) ? hdf_obj_value(c) : "");
  hdf_destroy(&tmp);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  if (!hdf_get_int_value(r->hdf, "Form.Values.pinned", 0)) hdf_remove_tree(r->hdf, "Form.Values.pinned");
  return nerr_pass(form(r, p, id));
}

static in_type input_type(cf_type t) {
  switch (t) {
  case CF_TEXT:
  case CF_PRODUCTS: return IN_TEXT;
  case CF_INT: return IN_INT;
  case CF_BOOL:
  case CF_ENUM: return IN_ENUM;
  default: return IN_STR;
  }
}

enum { MAXF = 20 };

/* POST /admin/<plural>[/{id}] (multipart when an image is uploaded) → 303 list; 200 form with errors; 404 */
static NEOERR *save(req *r, const kind_page *p, long long id) {
  const content_kind *k = p->k;
  in_field in[MAXF];
  in_value v[MAXF];
  const char *values[MAXF] = {0};
  char times[MAXF][32], image[256] = "";
  long long ids[CONTENT_MAX_PRODUCTS];
  int nids = 0, got = 0;
  NEOERR *err = form(r, p, id);
  if (err) return nerr_pass(err);
  for (int i = 0; i < k->nfields; i++) {
    const content_field *f = &k->fields[i];
    in[i] = (in_field){f->name,
                       input_type(f->type),
                       f->required ? IN_REQUIRED : 0,
                       f->min,
                       f->max,
                       f->type == CF_BOOL ? "1" : f->choices};
    if (f->type == CF_TIME) in[i].min = 1, in[i].max = 19;
    /* An uploaded file stands in for the path, so the path is not required then. */
    if (f->type == CF_IMAGE) in[i].flags = 0;
  }
  int bad = input_read(r, in, k->nfields, v);
  if (bad && (err = adm_cat_keep_values(r, in, k->nfields))) return nerr_pass(err);
  for (int i = 0; i < k->nfields && !err; i++) {
    const content_field *f = &k->fields[i];
    if (hdf_get_valuef(r->hdf, "Form.Errors.%s", f->name)) continue;
    values[i] = v[i].present ? v[i].s : "";
    if (f->type == CF_BOOL) values[i] = v[i].present ? "1" : "0";
    else if (f->type == CF_INT && !v[i].present) values[i] = "0";
    else if (f->type == CF_TIME && v[i].present) {
      if (content_check_time(v[i].s, times[i]) == 0) values[i] = times[i];
      else {
        bad++;
        err = req_form_error(r, f->name, "AdminCat.BadTime");
      }
    } else if (f->type == CF_LINK && content_check_link(v[i].s) != 0) {
      bad++;
      err = req_form_error(r, f->name, "AdminCat.BadLink");
    } else if (f->type == CF_IMAGE && v[i].present && !upload_local_image(v[i].s)) {
      bad++;
      err = req_form_error(r, f->name, "AdminCat.BadImagePath");
    } else if (f->type == CF_PRODUCTS && v[i].present) {
      int rc = content_parse_ids(v[i].s, ids, CONTENT_MAX_PRODUCTS, &nids);
      if (rc) {
        bad++;
        err = req_form_error(r, f->name, rc == -2 ? "AdminCat.TooManyProducts" : "AdminCat.BadIds");
      }
    }
  }
  int window = -1, wstart = -1;
  for (int i = 0; i < k->nfields; i++) {
    if (k->ends && strcmp(k->fields[i].name, k->ends) == 0) window = i;
    if (k->starts && strcmp(k->fields[i].name, k->starts) == 0) wstart = i;
  }
  if (!err && window >= 0 && wstart >= 0 && values[window] == times[window] && values[wstart] == times[wstart] &&
      strcmp(times[window], times[wstart]) <= 0) {
    bad++;
    err = req_form_error(r, k->ends, "AdminCat.EndsBeforeStarts");
  }
  int img = -1;
  for (int i = 0; i < k->nfields; i++)
    if (k->fields[i].type == CF_IMAGE) img = i;
  if (!err && !bad && img >= 0) {
    char file[40];
    snprintf(file, sizeof file, "%s_file", k->fields[img].name);
    err = adm_cat_upload(r, file, k->fields[img].name, image, sizeof image, &got);
    if (!err && got < 0) bad++;
    if (!err && got == 1) values[img] = image;
    if (!err && got == 0 && k->fields[img].required && !v[img].present) {
      bad++;
      err = req_form_error(r, k->fields[img].name, "AdminCat.ImageRequired");
    }
  }
  if (err || bad) return nerr_pass(err ? err : req_form_error(r, NULL, "AdminCat.FixErrors"));
  audit_actor who;
  admin_actor(r, &who);
  content_result res;
  long long saved = 0, unknown = 0;
  err = content_save(r->db, &who, k, id, values, ids, nids, &res, &saved, &unknown);
  if (!err && res != CONTENT_OK && got == 1) upload_discard(image);
  if (err) return nerr_pass(err);
  if (res == CONTENT_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res == CONTENT_BAD_PRODUCT) {
    char msg[200];
    snprintf(msg, sizeof msg, "%s %lld", req_text(r, "AdminCat.UnknownProduct"), unknown);
    err = hdf_set_value(r->hdf, "Form.Errors.products", msg);
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  char loc[96];
  snprintf(loc, sizeof loc, "/admin/%s?done=%s", p->plural, id ? "saved" : "created");
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/<plural>/{id}/delete → 303 list; 404 unknown */
static NEOERR *delete_item(req *r, const kind_page *p) {
  audit_actor who;
  admin_actor(r, &who);
  content_result res;
  NEOERR *err = content_delete(r->db, &who, p->k, req_arg_id(r, 0), &res);
  if (err) return nerr_pass(err);
  if (res == CONTENT_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  char loc[96];
  snprintf(loc, sizeof loc, "/admin/%s?done=deleted", p->plural);
  req_redirect(r, loc);
  return STATUS_OK;
}

#define KIND_HANDLERS(name, pg)                                                                                        \
  NEOERR *h_adm_##name##_list(req *r) { return nerr_pass(list(r, &pg)); }                                              \
  NEOERR *h_adm_##name##_new(req *r) { return nerr_pass(new_form(r, &pg)); }                                           \
  NEOERR *h_adm_##name##_create(req *r) { return nerr_pass(save(r, &pg, 0)); }                                         \
  NEOERR *h_adm_##name##_edit(req *r) { return nerr_pass(edit_form(r, &pg)); }                                         \
  NEOERR *h_adm_##name##_update(req *r) { return nerr_pass(save(r, &pg, req_arg_id(r, 0))); }                          \
  NEOERR *h_adm_##name##_delete(req *r) { return nerr_pass(delete_item(r, &pg)); }

KIND_HANDLERS(notice, NOTICES)
KIND_HANDLERS(banner, BANNERS)
KIND_HANDLERS(ad, ADS)
KIND_HANDLERS(activity, ACTIVITIES)
