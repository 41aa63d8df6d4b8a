/* coupons.c: coupon campaigns in the back office (F6) — the list, the form (create and edit, errors beside their
 * fields), pausing and resuming claims (claimed coupons stay usable); every write audited */
#include "adm_coupons.h"
#include "adm_catalog.h"
#include "campaigns/switches.h"
#include "coupons/coupons_admin.h"
#include <stdio.h>
#include <string.h>

#define T_LIST "admin/coupons/list.cs"
#define T_FORM "admin/coupons/form.cs"
#define PER_PAGE 20
#define REASON_MAX 200

static const in_field FIELDS[] = {
    {"activity_id", IN_INT, IN_REQUIRED, 1, 2147483647, NULL},
    {"name_zh", IN_STR, IN_REQUIRED, 1, 100, NULL},
    {"name_en", IN_STR, 0, 0, 100, NULL},
    {"kind", IN_ENUM, IN_REQUIRED, 0, 0, "points_off|cash_off"},
    {"face_value", IN_INT, IN_REQUIRED, 1, 100000000, NULL},
    {"threshold", IN_INT, 0, 0, 100000000, NULL},
    {"quota", IN_INT, IN_REQUIRED, 1, 1000000, NULL},
    {"per_member", IN_INT, IN_REQUIRED, 1, 100, NULL},
    {"price_points", IN_INT, 0, 0, 10000000, NULL},
    {"claim_from", IN_DATE, IN_REQUIRED, 0, 0, NULL},
    {"claim_until", IN_DATE, IN_REQUIRED, 0, 0, NULL},
    {"use_from", IN_DATE, IN_REQUIRED, 0, 0, NULL},
    {"use_until", IN_DATE, IN_REQUIRED, 0, 0, NULL},
};
#define NF (int)(sizeof FIELDS / sizeof FIELDS[0])

/* GET /admin/coupons?after=&done= → 200 campaigns newest first (keyset on id); 400 a bad cursor */
NEOERR *h_adm_coupons(req *r) {
  static const in_field F[] = {{"after", IN_INT, 0, 1, 2147483647, NULL},
                               {"done", IN_ENUM, 0, 0, 0, "created|saved|paused|resumed"}};
  in_value v[2];
  if (input_read(r, F, 2, v)) return nerr_pass(req_fail(r, 400));
  int more = 0;
  NEOERR *err = adm_cat_page(r, T_LIST, "AdminCoupons.Title");
  if (!err) err = coupon_campaigns_admin_list(r->db, v[0].present ? v[0].i : 0, PER_PAGE, r->hdf, "Campaigns", &more);
  if (!err && more) {
    char key[64];
    snprintf(key, sizeof key, "Campaigns.%d.id", PER_PAGE - 1);
    err = hdf_set_value(r->hdf, "Page.NextAfter", hdf_get_value(r->hdf, key, ""));
  }
  if (!err) err = req_done_notice(r, "created|saved|paused|resumed", "AdminCoupons.Done");
  return nerr_pass(err);
}

/* The form page: the activities to choose from, and the campaign (id > 0) with its figures. */
static NEOERR *form_page(req *r, long long id, int *found) {
  *found = 1;
  NEOERR *err = adm_cat_page(r, T_FORM, id ? "AdminCoupons.Edit" : "AdminCoupons.New");
  if (!err) err = switch_list_activities(r->db, r->hdf, "Activities");
  if (!err && id) err = coupon_campaign_admin_get(r->db, id, r->hdf, "Campaign", found);
  if (!err && id && *found) {
    /* The stored values fill the form unless a refused form is being shown again. */
    static const char *const cols[] = {"activity_id", "name_zh",  "name_en",    "kind",         "face_value",
                                       "threshold",   "quota",    "per_member", "price_points", "claim_from",
                                       "claim_until", "use_from", "use_until"};
    for (int i = 0; !err && i < (int)(sizeof cols / sizeof cols[0]); i++)
      if (!hdf_get_valuef(r->hdf, "Form.Values.%s", cols[i]))
        err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", cols[i], hdf_get_valuef(r->hdf, "Campaign.0.%s", cols[i]));
  }
  return nerr_pass(err);
}

/* GET /admin/coupons/new?activity_id= → 200 the empty form (quota 100, one per member, free; the activity chosen when
 * the activity's page links here) */
NEOERR *h_adm_coupon_new(req *r) {
  static const in_field F[] = {{"activity_id", IN_INT, 0, 1, 2147483647, NULL}};
  in_value v[1];
  int found = 0;
  if (input_read(r, F, 1, v)) { hdf_remove_tree(r->hdf, "Form"); }
  NEOERR *err = form_page(r, 0, &found);
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.quota", "100");
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.per_member", "1");
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.threshold", "0");
  if (!err) err = hdf_set_value(r->hdf, "Form.Values.price_points", "0");
  return nerr_pass(err);
}

/* GET /admin/coupons/{id}?done= → 200 the form filled in, figures, pause / resume; 404 unknown */
NEOERR *h_adm_coupon_edit(req *r) {
  int found = 0;
  NEOERR *err = form_page(r, req_arg_id(r, 0), &found);
  if (!err && !found) return nerr_pass(req_fail(r, 404));
  if (!err) err = req_done_notice(r, "created|saved|paused|resumed", "AdminCoupons.Done");
  return nerr_pass(err);
}

static const char *const RESULT_FIELD[] = {NULL, NULL, "activity_id", "kind", "claim_until", "use_until", "quota"};
static const char *const RESULT_KEY[] = {NULL,
                                         NULL,
                                         "AdminCoupons.NoActivity",
                                         "AdminCoupons.BadKind",
                                         "AdminCoupons.ClaimDates",
                                         "AdminCoupons.UseDates",
                                         "AdminCoupons.QuotaClaimed"};

/* Create (id 0) or update: 303 to the campaign's page; 200 the form with an error beside each refused field. */
static NEOERR *save(req *r, long long id) {
  in_value v[NF];
  int bad = input_read(r, FIELDS, NF, v), found = 1;
  long long saved = 0;
  campaign_result res = CAMPAIGN_OK;
  NEOERR *err = STATUS_OK;
  if (!bad) {
    coupon_campaign_spec s = {v[0].i, v[1].s, v[2].present ? v[2].s : "", v[3].s, v[4].i,  v[5].present ? v[5].i : 0,
                              v[6].i, v[7].i, v[8].present ? v[8].i : 0,  v[9].s, v[10].s, v[11].s,
                              v[12].s};
    audit_actor who;
    admin_actor(r, &who);
    if ((err = coupon_campaign_save(r->db, &who, id, &s, &saved, &res))) return nerr_pass(err);
    if (res == CAMPAIGN_NOT_FOUND) return nerr_pass(req_fail(r, 404));
    if (res != CAMPAIGN_OK) bad = req_form_error(r, RESULT_FIELD[res], RESULT_KEY[res]) == STATUS_OK;
  }
  if (bad) {
    err = adm_cat_keep_values(r, FIELDS, NF);
    if (!err) err = form_page(r, id, &found);
    if (!err && !found) return nerr_pass(req_fail(r, 404));
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  char loc[80];
  snprintf(loc, sizeof loc, "/admin/coupons/%lld?done=%s", saved, id ? "saved" : "created");
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/coupons: activity_id, name_zh, name_en, kind, face_value, threshold, quota, per_member, price_points,
 * claim_from, claim_until, use_from, use_until → 303 /admin/coupons/{id}?done=created; 200 the form with errors */
NEOERR *h_adm_coupon_create(req *r) { return nerr_pass(save(r, 0)); }

/* POST /admin/coupons/{id}: the same fields → 303 ?done=saved; 200 the form with errors; 404 unknown */
NEOERR *h_adm_coupon_update(req *r) { return nerr_pass(save(r, req_arg_id(r, 0))); }

static NEOERR *pause(req *r, int on) {
  static const in_field F[] = {{"reason", IN_STR, IN_REQUIRED, 1, REASON_MAX, NULL}};
  in_value v[1];
  long long id = req_arg_id(r, 0);
  int found = 0;
  NEOERR *err;
  if (on && input_read(r, F, 1, v)) {
    if ((err = form_page(r, id, &found))) return nerr_pass(err);
    if (!found) return nerr_pass(req_fail(r, 404));
    if ((err = adm_cat_keep_values(r, F, 1))) return nerr_pass(err);
    return nerr_pass(req_form_error(r, NULL, "AdminCat.FixErrors"));
  }
  audit_actor who;
  admin_actor(r, &who);
  if ((err = coupon_campaign_pause(r->db, &who, id, on, on ? v[0].s : "", &found))) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  char loc[80];
  snprintf(loc, sizeof loc, "/admin/coupons/%lld?done=%s", id, on ? "paused" : "resumed");
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/coupons/{id}/pause: reason → 303 ?done=paused (new claims refused; claimed coupons stay usable);
 * 200 the page with the reason's error; 404 unknown */
NEOERR *h_adm_coupon_pause(req *r) { return nerr_pass(pause(r, 1)); }

/* POST /admin/coupons/{id}/resume → 303 ?done=resumed; 404 unknown */
NEOERR *h_adm_coupon_resume(req *r) { return nerr_pass(pause(r, 0)); }
