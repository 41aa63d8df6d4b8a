/* apply.c: the public merchant application form (V3) — validated fields, licence image, SMS receipt */
#include "mch_apply.h"
#include "merchants/applications.h"
#include "shared/throttle.h"
#include "shared/uploads.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define T_FORM "merchant/apply/form.cs"
#define T_DONE "merchant/apply/done.cs"
/* Each application texts the mobile it names: a few per address per hour keeps this from being an SMS cannon. */
#define APPLY_PER_IP 5
#define APPLY_WINDOW 3600

static const in_field F[] = {
    {"company", IN_STR, IN_REQUIRED, 2, 100, NULL},
    {"contact", IN_STR, IN_REQUIRED, 2, 32, NULL},
    {"mobile", IN_MOBILE, IN_REQUIRED, 0, 0, NULL},
    {"address", IN_STR, IN_REQUIRED, 5, 200, NULL},
    {"category", IN_ENUM, IN_REQUIRED, 0, 0, APPLICATION_CATEGORIES},
    {"licence_no", IN_STR, IN_REQUIRED, 18, 18, NULL},
    {"username", IN_STR, IN_REQUIRED, 4, 32, NULL},
};
enum { F_COMPANY, F_CONTACT, F_MOBILE, F_ADDRESS, F_CATEGORY, F_LICENCE, F_USERNAME, F_N };

/* A field message a validator cannot make; returns 1 to count it. */
static int ferr(req *r, const char *field, const char *key) {
  NEOERR *err = req_form_error(r, field, key);
  nerr_ignore(&err); /* only an allocation failure; the count still refuses the form */
  return 1;
}

static NEOERR *show(req *r) {
  r->template = T_FORM;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Apply.Title"));
  if (!err) err = hdf_set_value(r->hdf, "Page.Bare", "1");
  return nerr_pass(err);
}

/* GET /merchant/apply → 200 the application form */
NEOERR *h_mch_apply_form(req *r) { return nerr_pass(show(r)); }

/* POST /merchant/apply (multipart): company, contact, mobile, address, category, licence_no, username, licence
 * (JPEG/PNG/WebP ≤ 5 MB) → 303 /merchant/apply/done?no=<id>; 400 the form with each field's message;
 * 429 too many applications from this address */
NEOERR *h_mch_apply(req *r) {
  in_value v[F_N];
  NEOERR *err = show(r);
  if (err) return nerr_pass(err);
  long long wait = 0;
  const char *ip = req_client_ip(r);
  err = throttle_locked(r->db, "merchant_apply", ip, APPLY_PER_IP, APPLY_WINDOW, &wait);
  if (err) return nerr_pass(err);
  if (wait > 0) {
    r->status = 429;
    return nerr_pass(req_form_error(r, NULL, "Apply.TooMany"));
  }
  int bad = input_read(r, F, F_N, v);
  /* Codes are printed in capitals; people type them either way. */
  char licence[19] = "";
  if (v[F_LICENCE].present) {
    for (int i = 0; i < 18 && v[F_LICENCE].s[i]; i++) licence[i] = (char)toupper((unsigned char)v[F_LICENCE].s[i]);
    licence[18] = 0;
    if (!hdf_get_value(r->hdf, "Form.Errors.licence_no", NULL) && !application_licence_ok(licence))
      bad += ferr(r, "licence_no", "Apply.BadLicence");
  }
  if (v[F_USERNAME].present && !hdf_get_value(r->hdf, "Form.Errors.username", NULL)) {
    int taken = 0;
    if (!application_username_ok(v[F_USERNAME].s)) bad += ferr(r, "username", "Apply.BadUsername");
    else if ((err = application_username_taken(r->db, v[F_USERNAME].s, &taken))) return nerr_pass(err);
    else if (taken) bad += ferr(r, "username", "Apply.UsernameTaken");
  }
  char url[256] = "";
  upload_result up = UPLOAD_EMPTY;
  /* The image is stored only when everything else is right (no orphan files from bad submissions). */
  if (!bad) {
    FILE *fp = cgi_filehandle(r->cgi, "licence");
    err = upload_store(fp, url, sizeof url, &up);
    if (err) return nerr_pass(err);
    if (up != UPLOAD_OK) {
      const char *key = up == UPLOAD_TOO_BIG ? "Apply.ImageTooBig"
          : up == UPLOAD_BAD_TYPE            ? "Apply.ImageType"
                                             : "Apply.ImageRequired";
      bad += ferr(r, "licence", key);
    }
  } else {
    /* Browsers never refill a file field: say so, and give back what was typed into the bad fields. */
    err = hdf_set_value(r->hdf, "Page.ImageAgain", "1");
    for (int i = 0; i < F_N && !err; i++) {
      char name[64];
      snprintf(name, sizeof name, "Query.%s", F[i].name);
      HDF *q = hdf_get_obj(r->hdf, name);
      const char *raw = q && !hdf_obj_child(q) ? hdf_obj_value(q) : NULL;
      if (raw && hdf_get_valuef(r->hdf, "Form.Errors.%s", F[i].name) && strlen(raw) <= 400)
        err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", F[i].name, raw);
    }
  }
  if (err) return nerr_pass(err);
  if (bad) {
    r->status = 400;
    return nerr_pass(req_form_error(r, NULL, "Apply.FixErrors"));
  }
  application_form f = {v[F_COMPANY].s,  v[F_CONTACT].s, v[F_MOBILE].s, v[F_ADDRESS].s,
                        v[F_CATEGORY].s, licence,        url,           v[F_USERNAME].s};
  long long id = 0;
  err = throttle_hit(r->db, "merchant_apply", ip);
  if (!err) err = application_submit(r->db, &f, &id);
  if (err) {
    upload_discard(url);
    return nerr_pass(err);
  }
  char to[64];
  snprintf(to, sizeof to, "/merchant/apply/done?no=%lld", id);
  req_redirect(r, to);
  return STATUS_OK;
}

/* GET /merchant/apply/done?no= → 200 "received; we will text you" (the number only echoes the query) */
NEOERR *h_mch_apply_done(req *r) {
  static const in_field N[] = {{"no", IN_INT, 0, 1, 999999999999LL, NULL}};
  in_value v[1];
  r->template = T_DONE;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Apply.DoneTitle"));
  if (!err) err = hdf_set_value(r->hdf, "Page.Bare", "1");
  if (!err && input_read(r, N, 1, v)) { hdf_remove_tree(r->hdf, "Form"); }
  return nerr_pass(err);
}
