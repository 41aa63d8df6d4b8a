/* applications.c: merchant applications in the back office (V3, B7) — list by status, detail, first review
 * (operations admins) and final review (super admins), each approve / reject with a reason, audited */
#include "adm_onboarding.h"
#include "adm_ops.h"
#include "merchants/applications.h"
#include <stdio.h>
#include <string.h>

#define T_LIST "admin/onboarding/applications.cs"
#define T_DETAIL "admin/onboarding/application.cs"

/* ?done=<word> → Page.Notice from Lang.Onboarding.Done.<word>; unknown words are ignored. */
NEOERR *onboarding_done(req *r, const char *choices);
NEOERR *onboarding_done(req *r, const char *choices) {
  in_field f = {"done", IN_ENUM, 0, 0, 0, choices};
  in_value v;
  if (input_read(r, &f, 1, &v) || !v.present) {
    hdf_remove_tree(r->hdf, "Form.Errors.done");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    return STATUS_OK;
  }
  char key[64];
  snprintf(key, sizeof key, "Onboarding.Done.%s", v.s);
  return nerr_pass(hdf_set_value(r->hdf, "Page.Notice", req_text(r, key)));
}

/* GET /admin/applications?status=&page=|after= → 200 list (submitted first by default tab); 400 bad page */
NEOERR *h_adm_applications(req *r) {
  static const in_field F[] = {{"status", IN_ENUM, 0, 0, 0, APPLICATION_STATUSES}};
  in_value v[1];
  long long page = 1, after = 0, total = 0;
  int rows = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = ops_show(r, T_LIST, "Onboarding.Apps.Title");
  if (err) return nerr_pass(err);
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  const char *status = v[0].present ? v[0].s : "";
  err = hdf_set_value(r->hdf, "Filter.status", status);
  /* Numbered pages stop at APPLICATIONS_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= APPLICATIONS_OFFSET_PAGES ? (page - 1) * OPS_PER_PAGE : 1LL << 60;
  if (!err) err = applications_list(r->db, status, offset, after, OPS_PER_PAGE, r->hdf, "Apps", &rows, &total);
  char next[32] = "";
  if (!err && rows == OPS_PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Apps.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/applications?");
  if (!err) err = ops_base_add(&base, "status", status);
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, APPLICATIONS_COUNT_CAP, OPS_PER_PAGE,
                         APPLICATIONS_OFFSET_PAGES, next[0] ? next : NULL);
  string_clear(&base);
  return nerr_pass(err);
}

static NEOERR *show_detail(req *r, long long id, int *found) {
  NEOERR *err = ops_show(r, T_DETAIL, "Onboarding.App.Title");
  if (!err) err = application_get(r->db, id, r->hdf, "App", found);
  if (!err && *found) {
    const char *st = hdf_get_value(r->hdf, "App.0.status", "");
    if (strcmp(st, "submitted") == 0 && ops_can(r, ROLES_APPLICATIONS))
      err = hdf_set_value(r->hdf, "Page.CanFirst", "1");
    if (!err && strcmp(st, "first_approved") == 0 && ops_can(r, ROLES_SUPER))
      err = hdf_set_value(r->hdf, "Page.CanFinal", "1");
  }
  return nerr_pass(err);
}

/* GET /admin/applications/{id}?done= → 200 detail with the review form the admin's role may use; 404 unknown */
NEOERR *h_adm_application(req *r) {
  long long id = req_arg_id(r, 0);
  int found = 0;
  NEOERR *err = id ? show_detail(r, id, &found) : STATUS_OK;
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  return nerr_pass(onboarding_done(r, "first_approved|first_rejected|approved|rejected"));
}

/* POST …/first and …/final: decision=approve|reject, reason (required to reject, ≤ 200 chars)
 * → 303 detail ?done=…; 400 bad decision; 404 unknown; 200 the detail with a message (missing reason,
 * already reviewed, sign-in name taken). */
static NEOERR *review(req *r, int final) {
  static const in_field F[] = {{"decision", IN_ENUM, IN_REQUIRED, 0, 0, "approve|reject"},
                               {"reason", IN_TEXT, 0, 1, 200, NULL}};
  in_value v[2];
  long long id = req_arg_id(r, 0);
  if (!id) return nerr_pass(req_fail(r, 404));
  int bad = input_read(r, F, 2, v);
  if (!v[0].present) return nerr_pass(req_fail(r, 400));
  int approve = strcmp(v[0].s, "approve") == 0;
  if (!bad && !approve && !v[1].present) bad = ops_field_error(r, "reason", "Onboarding.App.ReasonRequired");
  app_review_result res = APP_REVIEW_OK;
  long long merchant = 0;
  NEOERR *err = STATUS_OK;
  if (!bad) {
    audit_actor who;
    admin_actor(r, &who);
    err = application_review(r->db, &who, id, final, approve, v[1].present ? v[1].s : "", &res, &merchant);
    if (err) return nerr_pass(err);
    if (res == APP_REVIEW_NOT_FOUND) return nerr_pass(req_fail(r, 404));
    if (res == APP_REVIEW_OK) {
      char to[96];
      snprintf(to, sizeof to, "/admin/applications/%lld?done=%s%s", id, approve && !final ? "first_" : "",
               approve ? "approved" : (final ? "rejected" : "first_rejected"));
      req_redirect(r, to);
      return STATUS_OK;
    }
  }
  int found = 0;
  err = show_detail(r, id, &found);
  if (!err && !found) return nerr_pass(req_fail(r, 404));
  if (!err && res == APP_REVIEW_STATE) err = req_flash(r, "Onboarding.App.Stale");
  if (!err && res == APP_REVIEW_USERNAME_TAKEN) err = req_flash(r, "Onboarding.App.UsernameTaken");
  if (!err && bad) err = hdf_set_value(r->hdf, final ? "Page.FinalOpen" : "Page.FirstOpen", "1");
  if (!err) r->status = bad ? 400 : 409;
  return nerr_pass(err);
}

NEOERR *h_adm_application_first(req *r) { return nerr_pass(review(r, 0)); }
NEOERR *h_adm_application_final(req *r) { return nerr_pass(review(r, 1)); }
