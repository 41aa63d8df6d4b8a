/* staff.c: the owner's staff accounts — list, create, disable/enable, reset password (own merchant only) */
#include "mch_session.h"
#include "merchants/merchant_accounts.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_STAFF "merchant/session/staff.cs"

static NEOERR *show(req *r) {
  int rows = 0;
  r->template = T_STAFF;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "MchPortal.Staff.Title"));
  if (!err) err = merchant_staff_list(r->db, merchant_id_of(r), r->hdf, "Staff", &rows);
  return nerr_pass(err);
}

/* The signed-in owner as the audit log records them: "username @ merchant". */
static const audit_actor *actor(req *r, audit_actor *who, char *name, size_t len) {
  snprintf(name, len, "%s @ %s", hdf_get_value(r->hdf, "User.Name", ""), hdf_get_value(r->hdf, "User.Merchant", ""));
  *who = (audit_actor){.id = r->user_id, .name = name, .ip = req_client_ip(r), .kind = "merchant"};
  return who;
}

/* GET /merchant/staff?done=created|disabled|enabled|reset → the accounts and the new-account form. */
NEOERR *h_mch_staff(req *r) {
  static const in_field F[] = {{"done", IN_ENUM, 0, 0, 0, "created|disabled|enabled|reset"}};
  in_value v;
  if (input_read(r, F, 1, &v)) {
    hdf_remove_tree(r->hdf, "Form");
    memset(&v, 0, sizeof v);
  }
  NEOERR *err = show(r);
  if (!err && v.present) {
    char key[64];
    snprintf(key, sizeof key, "MchPortal.Staff.Done.%s", v.s);
    err = hdf_set_value(r->hdf, "Page.Flash", req_text(r, key));
  }
  hdf_remove_tree(r->hdf, "Form.Values.done");
  return nerr_pass(err);
}

/* POST /merchant/staff: username, password → 303 ?done=created; 200 with the field's error (format,
 * taken username). */
NEOERR *h_mch_staff_create(req *r) {
  static const in_field F[] = {
      {"username", IN_STR, IN_REQUIRED, MERCHANT_USERNAME_MIN, MERCHANT_USERNAME_MAX, NULL},
      {"password", IN_STR, IN_REQUIRED, MERCHANT_PASSWORD_MIN, MERCHANT_PASSWORD_MAX, NULL},
  };
  audit_actor who;
  char name[300];
  in_value v[2];
  NEOERR *err = show(r);
  int bad = err ? 0 : input_read(r, F, 2, v);
  hdf_remove_tree(r->hdf, "Form.Values.password");
  if (err || bad) return nerr_pass(err);
  if (!merchant_username_ok(v[0].s)) return nerr_pass(req_form_error(r, "username", "MchPortal.Staff.BadUsername"));
  long long id = 0;
  if ((err = merchant_staff_create(r->db, actor(r, &who, name, sizeof name), merchant_id_of(r), v[0].s, v[1].s, &id)))
    return nerr_pass(err);
  if (!id) return nerr_pass(req_form_error(r, "username", "MchPortal.Staff.Taken"));
  req_redirect(r, "/merchant/staff?done=created");
  return STATUS_OK;
}

/* POST /merchant/staff/{id}/status: status=active|disabled → 303 ?done=…; 404 unless a staff account of
 * this merchant (the owner cannot be disabled here). */
NEOERR *h_mch_staff_status(req *r) {
  static const in_field F[] = {{"status", IN_ENUM, IN_REQUIRED, 0, 0, "active|disabled"}};
  in_value v;
  audit_actor who;
  char name[300];
  if (input_read(r, F, 1, &v)) return nerr_pass(req_fail(r, 400));
  int found = 0, changed = 0;
  NEOERR *err = merchant_staff_set_status(r->db, actor(r, &who, name, sizeof name), merchant_id_of(r), req_arg_id(r, 0),
                                          v.s, &found, &changed);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  req_redirect(r, strcmp(v.s, "active") == 0 ? "/merchant/staff?done=enabled" : "/merchant/staff?done=disabled");
  return STATUS_OK;
}

/* POST /merchant/staff/{id}/password: password → 303 ?done=reset (the account is signed out everywhere);
 * a too short password → 200 the list with the message; 404 unless a staff account of this merchant. */
NEOERR *h_mch_staff_password(req *r) {
  static const in_field F[] = {{"password", IN_STR, IN_REQUIRED, MERCHANT_PASSWORD_MIN, MERCHANT_PASSWORD_MAX, NULL}};
  in_value v;
  audit_actor who;
  char name[300];
  long long id = req_arg_id(r, 0);
  NEOERR *err = show(r);
  int bad = err ? 0 : input_read(r, F, 1, &v);
  hdf_remove_tree(r->hdf, "Form.Values.password");
  if (err) return nerr_pass(err);
  if (bad) {
    hdf_remove_tree(r->hdf, "Form.Errors.password");
    err = hdf_set_valuef(r->hdf, "Form.ResetFor=%lld", id);
    if (!err) err = req_form_error(r, "reset", "MchPortal.Staff.ResetTooShort");
    return nerr_pass(err);
  }
  int found = 0;
  if ((err =
           merchant_staff_reset_password(r->db, actor(r, &who, name, sizeof name), merchant_id_of(r), id, v.s, &found)))
    return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  req_redirect(r, "/merchant/staff?done=reset");
  return STATUS_OK;
}
