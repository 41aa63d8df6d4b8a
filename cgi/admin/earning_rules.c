/* earning_rules.c: the back office's earning rules (P2) — per enterprise its consumption rules (newest versions) and
 * a new rule; a rule's page with its versions and the form for its next version; the activity bonuses. Every save
 * audited (entities earning_rule, activity_bonus). */
#include "adm_earning.h"
#include "adm_catalog.h"
#include "campaigns/switches.h"
#include "partners/partners.h"
#include "points/earning_rules.h"
#include <stdio.h>
#include <string.h>

#define T_LIST "admin/earning/list.cs"
#define T_RULE "admin/earning/rule.cs"
#define T_BONUSES "admin/earning/bonuses.cs"
#define DONE "created|saved"

/* The rule's settings: the same on a new rule and on a new version. */
static const in_field RULE_F[] = {
    {"name", IN_STR, IN_REQUIRED, 1, 100, NULL},
    {"points_per_unit", IN_INT, IN_REQUIRED, 1, 10000, NULL},
    {"unit_fen", IN_INT, IN_REQUIRED, 1, 100000000, NULL},
    {"rounding", IN_ENUM, IN_REQUIRED, 0, 0, "down|half_up|up"},
    {"member_day_cap", IN_INT, 0, 0, 100000000, NULL},
    {"status", IN_ENUM, IN_REQUIRED, 0, 0, "active|disabled"},
};
#define NR (int)(sizeof RULE_F / sizeof RULE_F[0])

/* The list page of enterprise ent ("" = the first one): the enterprises, its rules, the new-rule form. */
static NEOERR *list_page(req *r, const char *ent) {
  int rows = 0;
  NEOERR *err = adm_cat_page(r, T_LIST, "Earning.Title");
  if (!err) err = enterprises_list(r->db, r->hdf, "Enterprises", &rows);
  if (!err && !ent[0]) ent = hdf_get_value(r->hdf, "Enterprises.0.code", "");
  if (!err) err = hdf_set_value(r->hdf, "Earning.Enterprise", ent);
  if (!err) err = earning_rules_list(r->db, ent, r->hdf, "Rules", &rows);
  if (!err && !hdf_get_value(r->hdf, "Form.Values.rounding", NULL)) {
    err = hdf_set_value(r->hdf, "Form.Values.rounding", "down");
    if (!err) err = hdf_set_value(r->hdf, "Form.Values.unit_fen", "100");
    if (!err) err = hdf_set_value(r->hdf, "Form.Values.points_per_unit", "1");
    if (!err) err = hdf_set_value(r->hdf, "Form.Values.member_day_cap", "0");
    if (!err) err = hdf_set_value(r->hdf, "Form.Values.status", "active");
  }
  return nerr_pass(err);
}

/* GET /admin/earning-rules?enterprise=&done= → 200 the enterprise's rules (newest versions) and the new-rule form;
 * 400 a malformed enterprise */
NEOERR *h_adm_earning_rules(req *r) {
  static const in_field F[] = {{"enterprise", IN_STR, 0, 1, 64, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = list_page(r, v[0].present ? v[0].s : "");
  if (!err) err = req_done_notice(r, DONE, "Earning.Done");
  return nerr_pass(err);
}

static void spec_of(const in_value *v, earning_rule_spec *s) {
  s->name = v[0].s;
  s->points_per_unit = v[1].i;
  s->unit_fen = v[2].i;
  s->rounding = v[3].s;
  s->member_day_cap = v[4].present ? v[4].i : 0;
  s->status = v[5].s;
}

static NEOERR *saved(req *r, long long id, const char *done) {
  char loc[96];
  snprintf(loc, sizeof loc, "/admin/earning-rules/%lld?done=%s", id, done);
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/earning-rules {enterprise, code, name, points_per_unit, unit_fen, rounding, member_day_cap, status} →
 * 303 the rule's page (version 1); 200 the list with an error beside each refused field */
NEOERR *h_adm_earning_rule_create(req *r) {
  static const in_field K[] = {{"enterprise", IN_STR, IN_REQUIRED, 1, 64, NULL},
                               {"code", IN_STR, IN_REQUIRED, 1, EARN_CODE_MAX, NULL}};
  in_value k[2], v[NR];
  int bad = input_read(r, K, 2, k);
  bad += input_read(r, RULE_F, NR, v);
  if (!bad && !earning_code_valid(k[1].s)) bad = req_form_error(r, "code", "Earning.BadCode") == STATUS_OK;
  NEOERR *err = STATUS_OK;
  long long id = 0;
  if (!bad) {
    earning_rule_spec s;
    spec_of(v, &s);
    s.enterprise = k[0].s;
    s.code = k[1].s;
    audit_actor who;
    admin_actor(r, &who);
    rule_save_result res = RULE_SAVE_OK;
    if ((err = earning_rule_save(r->db, &who, 0, &s, &id, &res))) return nerr_pass(err);
    if (res == RULE_SAVE_NO_ENTERPRISE) bad = req_form_error(r, "enterprise", "Earning.NoEnterprise") == STATUS_OK;
    else if (res == RULE_SAVE_CODE_TAKEN) bad = req_form_error(r, "code", "Earning.CodeTaken") == STATUS_OK;
    else if (res != RULE_SAVE_OK) bad = req_form_error(r, "code", "Earning.BadCode") == STATUS_OK;
  }
  if (bad) {
    err = adm_cat_keep_values(r, K, 2);
    if (!err) err = adm_cat_keep_values(r, RULE_F, NR);
    if (!err) err = list_page(r, k[0].present ? k[0].s : "");
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  return nerr_pass(saved(r, id, "created"));
}

/* The rule page of version id: the version, every version of its code, the form (filled from the version). */
static NEOERR *rule_page(req *r, long long id, int *found) {
  int rows = 0;
  NEOERR *err = adm_cat_page(r, T_RULE, "Earning.RuleTitle");
  if (!err) err = earning_rule_get(r->db, id, r->hdf, "Rule", found);
  if (err || !*found) return nerr_pass(err);
  err = earning_rule_versions(r->db, id, r->hdf, "Versions", &rows);
  static const char *const cols[] = {"name", "points_per_unit", "unit_fen", "rounding", "member_day_cap", "status"};
  for (int i = 0; !err && i < (int)(sizeof cols / sizeof cols[0]); i++)
    if (!hdf_get_valuef(r->hdf, "Form.Values.%s", cols[i]))
      err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", cols[i], hdf_get_valuef(r->hdf, "Rule.%s", cols[i]));
  return nerr_pass(err);
}

/* GET /admin/earning-rules/{id}?done= → 200 the version, its rule's versions, the form for the next version; 404 */
NEOERR *h_adm_earning_rule(req *r) {
  int found = 0;
  NEOERR *err = rule_page(r, req_arg_id(r, 0), &found);
  if (!err && !found) return nerr_pass(req_fail(r, 404));
  if (!err) err = req_done_notice(r, DONE, "Earning.Done");
  return nerr_pass(err);
}

/* POST /admin/earning-rules/{id} {name, points_per_unit, unit_fen, rounding, member_day_cap, status} → 303 the new
 * version's page (earns from then on use it); 200 the form with errors; 404 unknown version */
NEOERR *h_adm_earning_rule_update(req *r) {
  long long from = req_arg_id(r, 0), id = 0;
  in_value v[NR];
  int bad = input_read(r, RULE_F, NR, v), found = 0;
  NEOERR *err = STATUS_OK;
  if (!bad) {
    earning_rule_spec s;
    spec_of(v, &s);
    s.enterprise = s.code = "";
    audit_actor who;
    admin_actor(r, &who);
    rule_save_result res = RULE_SAVE_OK;
    if ((err = earning_rule_save(r->db, &who, from, &s, &id, &res))) return nerr_pass(err);
    if (res != RULE_SAVE_OK) return nerr_pass(req_fail(r, 404));
    return nerr_pass(saved(r, id, "saved"));
  }
  err = adm_cat_keep_values(r, RULE_F, NR);
  if (!err) err = rule_page(r, from, &found);
  if (!err && !found) return nerr_pass(req_fail(r, 404));
  if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
  return nerr_pass(err);
}

static NEOERR *bonuses_page(req *r) {
  int rows = 0;
  NEOERR *err = adm_cat_page(r, T_BONUSES, "Earning.BonusTitle");
  if (!err) err = earning_bonuses_list(r->db, r->hdf, "Bonuses", &rows);
  if (!err) err = switch_list_activities(r->db, r->hdf, "Activities");
  if (!err) err = enterprises_list(r->db, r->hdf, "Enterprises", &rows);
  if (!err && !hdf_get_value(r->hdf, "Form.Values.kind", NULL)) {
    err = hdf_set_value(r->hdf, "Form.Values.kind", "multiply");
    if (!err) err = hdf_set_value(r->hdf, "Form.Values.multiplier_pct", "200");
    if (!err) err = hdf_set_value(r->hdf, "Form.Values.fixed_points", "0");
    if (!err) err = hdf_set_value(r->hdf, "Form.Values.status", "active");
  }
  return nerr_pass(err);
}

/* GET /admin/earning-bonuses?done= → 200 the activity bonuses and the form */
NEOERR *h_adm_earning_bonuses(req *r) {
  NEOERR *err = bonuses_page(r);
  if (!err) err = req_done_notice(r, DONE, "Earning.Done");
  return nerr_pass(err);
}

/* POST /admin/earning-bonuses {activity_id, enterprise, kind, multiplier_pct, fixed_points, status} → 303 the list
 * (the activity's bonus created or replaced); 200 the form with errors */
NEOERR *h_adm_earning_bonus_save(req *r) {
  static const in_field F[] = {
      {"activity_id", IN_INT, IN_REQUIRED, 1, 2147483647, NULL},
      {"enterprise", IN_STR, 0, 0, 64, NULL},
      {"kind", IN_ENUM, IN_REQUIRED, 0, 0, "multiply|fixed"},
      {"multiplier_pct", IN_INT, 0, 100, 1000, NULL},
      {"fixed_points", IN_INT, 0, 0, 1000000, NULL},
      {"status", IN_ENUM, IN_REQUIRED, 0, 0, "active|disabled"},
  };
  in_value v[6];
  int bad = input_read(r, F, 6, v);
  long long pct = v[3].present ? v[3].i : 100, fixed = v[4].present ? v[4].i : 0;
  if (!bad && !strcmp(v[2].s, "multiply") && pct <= 100)
    bad = req_form_error(r, "multiplier_pct", "Earning.NeedPct") == STATUS_OK;
  if (!bad && !strcmp(v[2].s, "fixed") && fixed <= 0)
    bad = req_form_error(r, "fixed_points", "Earning.NeedFixed") == STATUS_OK;
  NEOERR *err = STATUS_OK;
  if (!bad) {
    audit_actor who;
    admin_actor(r, &who);
    int found = 0, bad_ent = 0;
    err = earning_bonus_save(r->db, &who, v[0].i, v[1].present ? v[1].s : "", v[2].s, pct, fixed, v[5].s, &found,
                             &bad_ent);
    if (err) return nerr_pass(err);
    if (!found) bad = req_form_error(r, "activity_id", "Earning.NoActivity") == STATUS_OK;
    else if (bad_ent) bad = req_form_error(r, "enterprise", "Earning.NoEnterprise") == STATUS_OK;
  }
  if (bad) {
    err = adm_cat_keep_values(r, F, 6);
    if (!err) err = bonuses_page(r);
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  req_redirect(r, "/admin/earning-bonuses?done=saved");
  return STATUS_OK;
}
