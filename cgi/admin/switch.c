/* switch.c: the emergency switch (F4) — pause (after a confirmation) and resume all redemption or one activity,
 * audited; the running activities with their budgets and breakers (F2) */
#include "adm_guards.h"
#include "adm_catalog.h"
#include "campaigns/switches.h"
#include <stdio.h>
#include <string.h>

#define T_SWITCH "admin/guards/switch.cs"
#define T_CONFIRM "admin/guards/confirm.cs"

static NEOERR *show(req *r) {
  switch_state st;
  NEOERR *err = adm_cat_page(r, T_SWITCH, "Switch.Title");
  if (!err) err = switch_read(r->db, &st);
  if (!err && st.mall_paused) err = hdf_set_value(r->hdf, "Switch.MallPaused", "1");
  if (!err) err = hdf_set_value(r->hdf, "Switch.Reason", st.mall_reason);
  if (!err) err = hdf_set_value(r->hdf, "Switch.PausedAt", st.paused_at);
  if (!err) err = switch_list_activities(r->db, r->hdf, "Activities");
  return nerr_pass(err);
}

/* GET /admin/switch?done= → 200 */
NEOERR *h_adm_switch(req *r) {
  static const in_field F[] = {{"done", IN_ENUM, 0, 0, 0, "paused|resumed|unchanged"}};
  in_value v[1];
  NEOERR *err = show(r);
  if (!err && !input_read(r, F, 1, v) && v[0].present) {
    char key[48];
    snprintf(key, sizeof key, "Switch.Done.%s", v[0].s);
    err = hdf_set_value(r->hdf, "Page.Flash", req_text(r, key));
  }
  return nerr_pass(err);
}

static void done(req *r, switch_result res, const char *what) {
  char loc[64];
  snprintf(loc, sizeof loc, "/admin/switch?done=%s", res == SWITCH_UNCHANGED ? "unchanged" : what);
  req_redirect(r, loc);
}

/* POST /admin/switch/pause (activity_id: none = the whole mall; reason; confirm=1) → without confirm: 200 the
 * confirmation; with it: 303 /admin/switch; 200 the page with field errors (reason missing or too long, bad id);
 * 404 unknown activity */
NEOERR *h_adm_switch_pause(req *r) {
  static const in_field F[] = {
      {"activity_id", IN_INT, 0, 1, 2147483647, NULL},
      {"reason", IN_STR, IN_REQUIRED, 1, SWITCH_REASON_MAX, NULL},
      {"confirm", IN_ENUM, 0, 0, 0, "1"},
  };
  in_value v[3];
  int bad = input_read(r, F, 3, v);
  NEOERR *err;
  if (bad) {
    if ((err = show(r)) || (err = adm_cat_keep_values(r, F, 3))) return nerr_pass(err);
    if (hdf_get_obj(r->hdf, "Form.Errors.reason"))
      err = hdf_set_value(r->hdf, "Form.Errors.reason", req_text(r, "Switch.ReasonRequired"));
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  long long id = v[0].present ? v[0].i : 0;
  char title[DB_VARCHAR(200)] = "";
  int found = 1;
  if (id && (err = switch_activity_title(r->db, id, title, sizeof title, &found))) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  if (!v[2].present) {
    /* Works without JavaScript: the confirmation is a page of its own. */
    char msg[700];
    const char *marks[] = {"{name}"}, *values[] = {title};
    req_text_fill(r, id ? "Switch.ConfirmActivity" : "Switch.ConfirmMall", marks, values, 1, msg, sizeof msg);
    err = adm_cat_page(r, T_CONFIRM, "Switch.ConfirmTitle");
    if (!err) err = hdf_set_value(r->hdf, "Confirm.Text", msg);
    if (!err) err = hdf_set_value(r->hdf, "Confirm.Reason", v[1].s);
    if (!err && id) err = hdf_set_valuef(r->hdf, "Confirm.ActivityId=%lld", id);
    return nerr_pass(err);
  }
  audit_actor who;
  admin_actor(r, &who);
  switch_result res;
  if ((err = switch_pause(r->db, &who, id, v[1].s, &res))) return nerr_pass(err);
  if (res == SWITCH_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  done(r, res, "paused");
  return STATUS_OK;
}

/* POST /admin/switch/resume (activity_id: none = the whole mall) → 303 /admin/switch; 400 bad id; 404 unknown */
NEOERR *h_adm_switch_resume(req *r) {
  static const in_field F[] = {{"activity_id", IN_INT, 0, 1, 2147483647, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  audit_actor who;
  admin_actor(r, &who);
  switch_result res;
  NEOERR *err = switch_resume(r->db, &who, v[0].present ? v[0].i : 0, &res);
  if (err) return nerr_pass(err);
  if (res == SWITCH_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  done(r, res, "resumed");
  return STATUS_OK;
}
