/* upload.c: image uploads for the catalog and content pages, and the helpers those page families share */
#include "adm_catalog.h"
#include "adm_session.h"
#include "shared/uploads.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

NEOERR *adm_cat_page(req *r, const char *tmpl, const char *title_key) {
  r->template = tmpl;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, title_key));
  /* The history link is shown only to roles that may open the audit log. */
  if (!err && admin_nav_allows(r->app, "/admin/audit", r->role)) err = hdf_set_value(r->hdf, "Page.CanAudit", "1");
  return nerr_pass(err);
}

NEOERR *adm_cat_done(req *r, const char *choices) {
  in_field f = {"done", IN_ENUM, 0, 0, 0, choices};
  in_value v;
  if (input_read(r, &f, 1, &v) || !v.present) {
    /* An unknown notice is ignored, not an error page. */
    hdf_remove_tree(r->hdf, "Form.Errors.done");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    return STATUS_OK;
  }
  char key[64];
  snprintf(key, sizeof key, "AdminCat.Done.%s", v.s);
  hdf_remove_tree(r->hdf, "Form.Values.done");
  return nerr_pass(hdf_set_value(r->hdf, "Page.Flash", req_text(r, key)));
}

NEOERR *adm_cat_keep_values(req *r, const in_field *f, int n) {
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < n && !err; i++) {
    if (!hdf_get_valuef(r->hdf, "Form.Errors.%s", f[i].name)) continue;
    char name[128];
    snprintf(name, sizeof name, "Query.%s", f[i].name);
    HDF *q = hdf_get_obj(r->hdf, name);
    /* A repeated field has children and no single value: it is shown empty. */
    const char *v = q && !hdf_obj_child(q) ? hdf_obj_value(q) : NULL;
    if (v) err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", f[i].name, v);
  }
  return nerr_pass(err);
}

NEOERR *adm_cat_upload(req *r, const char *field, const char *error_field, char *url, size_t len, int *got) {
  *got = 0;
  url[0] = 0;
  /* The client's file name (Query.<field>) is never looked at: the stored name is random. */
  FILE *fp = cgi_filehandle(r->cgi, field);
  upload_result res;
  NEOERR *err = upload_store(fp, url, len, &res);
  if (err) return nerr_pass(err);
  switch (res) {
  case UPLOAD_OK: *got = 1; break;
  case UPLOAD_EMPTY: break;
  case UPLOAD_TOO_BIG:
    *got = -1;
    err = req_form_error(r, error_field, "AdminCat.Upload.TooBig");
    break;
  case UPLOAD_BAD_TYPE:
    *got = -1;
    err = req_form_error(r, error_field, "AdminCat.Upload.BadType");
    break;
  }
  return nerr_pass(err);
}

#define T_UPLOADS "admin/catalog/uploads.cs"

/* GET /admin/uploads → 200 a form to upload an image and get its address (for banners, ads, brand logos). */
NEOERR *h_adm_uploads(req *r) { return nerr_pass(adm_cat_page(r, T_UPLOADS, "AdminCat.Upload.Title")); }

/* POST /admin/uploads (multipart: file) → 200 with the stored image's address, or the reason it was refused. */
NEOERR *h_adm_upload(req *r) {
  char url[256];
  int got = 0;
  NEOERR *err = adm_cat_page(r, T_UPLOADS, "AdminCat.Upload.Title");
  if (!err) err = adm_cat_upload(r, "file", "file", url, sizeof url, &got);
  if (err) return nerr_pass(err);
  if (got == 0) err = req_form_error(r, "file", "AdminCat.Upload.Missing");
  if (!err && got == 1) {
    audit_actor who;
    admin_actor(r, &who);
    json_t *after = json_pack("{s:s}", "url", url);
    err = audit_record(r->db, &who, "upload", "image", 0, NULL, after);
    json_decref(after);
    if (!err) err = hdf_set_value(r->hdf, "Upload.Url", url);
    if (!err) err = hdf_set_value(r->hdf, "Page.Flash", req_text(r, "AdminCat.Upload.Done"));
  }
  return nerr_pass(err);
}
