/* admins.c: super admins manage back-office accounts — list, create, disable/enable, reset password (audited) */
#include "adm_session.h"
#include "backoffice/admins.h"
#include "members/enterprise_budget.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_LIST "admin/admins/list.cs"
#define T_DETAIL "admin/admins/detail.cs"

/* Roles offered by the forms, in display order. */
static NEOERR *set_roles(req *r) {
  static const char *roles[] = {"super", "ops", "moderator", "finance", "enterprise", "monitor"};
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < (int)(sizeof roles / sizeof roles[0]) && !err; i++) {
    char k[32];
    snprintf(k, sizeof k, "Roles.%d", i);
    err = hdf_set_value(r->hdf, k, roles[i]);
  }
  return nerr_pass(err);
}

/* A one-word outcome from the redirect after a write (?done=…) becomes the flash message. */
static NEOERR *done_flash(req *r) {
  static const in_field F[] = {{"done", IN_ENUM, 0, 0, 0, "created|disabled|enabled|reset"}};
  in_value v;
  if (input_read(r, F, 1, &v)) {
    hdf_remove_tree(r->hdf, "Form");
    return STATUS_OK;
  }
  if (!v.present) return STATUS_OK;
  char key[64];
  snprintf(key, sizeof key, "AdminCore.Admins.Done.%s", v.s);
  return nerr_pass(hdf_set_value(r->hdf, "Page.Flash", req_text(r, key)));
}

static NEOERR *show_list(req *r) {
  r->template = T_LIST;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "AdminCore.Admins.Title"));
  char self[24];
  snprintf(self, sizeof self, "%lld", r->user_id);
  if (!err) err = hdf_set_value(r->hdf, "Page.SelfId", self);
  if (!err) err = set_roles(r);
  if (!err) err = enterprise_list(r->db, r->hdf, "Enterprises", NULL); /* an enterprise admin's enterprise (B8) */
  if (!err) err = admin_list(r->db, r->hdf, "Admins", NULL);
  return nerr_pass(err);
}

/* GET /admin/admins → 200 every account and the form for a new one. */
NEOERR *h_adm_admins_list(req *r) {
  NEOERR *err = done_flash(r);
  if (!err) err = show_list(r);
  return nerr_pass(err);
}

/* POST /admin/admins: username, role, enterprise (required for role enterprise: the enterprise it is bound to; ignored
 * for the others), password, confirm → 303 to the new account; 200 list with field errors. */
NEOERR *h_adm_admins_create(req *r) {
  static const in_field F[] = {
      {"username", IN_STR, IN_REQUIRED, ADMIN_USERNAME_MIN, ADMIN_USERNAME_MAX, NULL},
      {"role", IN_ENUM, IN_REQUIRED, 0, 0, ADMIN_ROLES},
      {"password", IN_STR, IN_REQUIRED, ADMIN_PASSWORD_MIN, ADMIN_PASSWORD_MAX, NULL},
      {"confirm", IN_STR, IN_REQUIRED, 1, 256, NULL},
      {"enterprise", IN_STR, 0, 1, 64, NULL},
  };
  in_value v[5];
  int bad = input_read(r, F, 5, v);
  hdf_remove_tree(r->hdf, "Form.Values.password");
  hdf_remove_tree(r->hdf, "Form.Values.confirm");
  if (v[0].present && !hdf_get_obj(r->hdf, "Form.Errors.username") && !admin_username_ok(v[0].s)) {
    req_form_error(r, "username", "AdminCore.Admins.UsernameRule");
    bad++;
  }
  if (v[2].present && hdf_get_obj(r->hdf, "Form.Errors.password"))
    req_form_error(r, "password", "AdminCore.Admins.PasswordRule");
  if (v[2].present && v[3].present && strcmp(v[2].s, v[3].s) != 0) {
    req_form_error(r, "confirm", "AdminCore.Admins.PasswordMismatch");
    bad++;
  }
  NEOERR *err = STATUS_OK;
  long long id = 0;
  int bound = v[1].present && strcmp(v[1].s, "enterprise") == 0, known = 0;
  if (bound && !v[4].present) bad += req_form_error(r, "enterprise", "Ent.Admin.PickEnterprise") == STATUS_OK;
  else if (bound && (err = enterprise_exists(r->db, v[4].s, &known))) return nerr_pass(err);
  else if (bound && !known) bad += req_form_error(r, "enterprise", "Ent.Admin.UnknownEnterprise") == STATUS_OK;
  if (!bad) {
    audit_actor who;
    admin_actor(r, &who);
    err = admin_create(r->db, &who, v[0].s, v[1].s, bound ? v[4].s : NULL, v[2].s, &id);
    if (!err && !id) {
      req_form_error(r, "username", "AdminCore.Admins.UsernameTaken");
      bad++;
    }
  }
  if (err) return nerr_pass(err);
  if (bad) {
    if (!hdf_get_obj(r->hdf, "Page.Flash")) req_form_error(r, NULL, "AdminCore.Admins.FixErrors");
    return nerr_pass(show_list(r));
  }
  char loc[96];
  snprintf(loc, sizeof loc, "/admin/admins/%lld?done=created", id);
  req_redirect(r, loc);
  return STATUS_OK;
}

/* Loads Admin.* for the path's id; 404 page when there is none. */
static NEOERR *show_detail(req *r, int *found) {
  long long id = req_arg_id(r, 0);
  NEOERR *err = admin_get(r->db, id, r->hdf, "Admin", found);
  if (err || !*found) return nerr_pass(err ? err : req_fail(r, 404));
  r->template = T_DETAIL;
  r->no_cache = 1;
  char title[200];
  snprintf(title, sizeof title, "%s · %s", req_text(r, "AdminCore.Admins.Title"),
           hdf_get_value(r->hdf, "Admin.username", ""));
  err = hdf_set_value(r->hdf, "Page.Title", title);
  if (!err && id == r->user_id) err = hdf_set_value(r->hdf, "Admin.is_self", "1");
  return nerr_pass(err);
}

/* GET /admin/admins/{id} → 200 the account with its status switch and password reset; 404 when none. */
NEOERR *h_adm_admins_detail(req *r) {
  int found = 0;
  NEOERR *err = done_flash(r);
  if (!err) err = show_detail(r, &found);
  return nerr_pass(err);
}

/* POST /admin/admins/{id}/status: status=active|disabled → 303 back; an admin cannot disable themself. */
NEOERR *h_adm_admins_status(req *r) {
  static const in_field F[] = {{"status", IN_ENUM, IN_REQUIRED, 0, 0, "active|disabled"}};
  in_value v;
  long long id = req_arg_id(r, 0);
  int found = 0, changed = 0;
  if (input_read(r, F, 1, &v)) {
    NEOERR *err = show_detail(r, &found);
    if (!err && found) err = req_form_error(r, NULL, "AdminCore.Admins.BadStatus");
    return nerr_pass(err);
  }
  if (id == r->user_id && strcmp(v.s, "active") != 0) {
    NEOERR *err = show_detail(r, &found);
    if (!err && found) {
      r->status = 400;
      err = req_form_error(r, NULL, "AdminCore.Admins.NotSelf");
    }
    return nerr_pass(err);
  }
  audit_actor who;
  admin_actor(r, &who);
  NEOERR *err = admin_set_status(r->db, &who, id, v.s, &found, &changed);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  char loc[96];
  snprintf(loc, sizeof loc, "/admin/admins/%lld?done=%s", id, strcmp(v.s, "active") == 0 ? "enabled" : "disabled");
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/admins/{id}/password: password, confirm → 303 back (the admin's sessions end); 200 with errors. */
NEOERR *h_adm_admins_password(req *r) {
  static const in_field F[] = {
      {"password", IN_STR, IN_REQUIRED, ADMIN_PASSWORD_MIN, ADMIN_PASSWORD_MAX, NULL},
      {"confirm", IN_STR, IN_REQUIRED, 1, 256, NULL},
  };
  in_value v[2];
  long long id = req_arg_id(r, 0);
  int found = 0;
  int bad = input_read(r, F, 2, v);
  hdf_remove_tree(r->hdf, "Form.Values");
  if (v[0].present && hdf_get_obj(r->hdf, "Form.Errors.password"))
    req_form_error(r, "password", "AdminCore.Admins.PasswordRule");
  if (v[0].present && v[1].present && strcmp(v[0].s, v[1].s) != 0) {
    req_form_error(r, "confirm", "AdminCore.Admins.PasswordMismatch");
    bad++;
  }
  if (bad) {
    NEOERR *err = show_detail(r, &found);
    if (!err && found) err = req_form_error(r, NULL, "AdminCore.Admins.FixErrors");
    return nerr_pass(err);
  }
  audit_actor who;
  admin_actor(r, &who);
  NEOERR *err = admin_reset_password(r->db, &who, id, v[0].s, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  /* Resetting one's own password ends one's own session too: go and sign in again. */
  if (id == r->user_id) {
    req_redirect(r, "/admin/login");
    return STATUS_OK;
  }
  char loc[96];
  snprintf(loc, sizeof loc, "/admin/admins/%lld?done=reset", id);
  req_redirect(r, loc);
  return STATUS_OK;
}
