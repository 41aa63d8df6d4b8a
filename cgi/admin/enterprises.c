/* enterprises.c: enterprises in the back office (B8) — each one's members, admins and prepaid points budget; the super
 * admin sets or raises a budget (audited) */
#include "adm_enterprises.h"
#include "adm_ops.h"
#include "members/enterprise_budget.h"
#include <stdio.h>
#include <string.h>

static NEOERR *list(req *r) {
  NEOERR *err = ops_show(r, "admin/enterprises/list.cs", "Ent.Title");
  if (!err) err = enterprise_list(r->db, r->hdf, "Enterprises", NULL);
  return nerr_pass(err);
}

/* GET /admin/enterprises?done= → 200 every enterprise with its budget, what was granted from it and what is left */
NEOERR *h_adm_enterprises(req *r) {
  NEOERR *err = list(r);
  if (!err) err = req_done_notice(r, "budget", "Ent.Done");
  return nerr_pass(err);
}

/* POST /admin/enterprises/budget: code (an enterprise), budget (0–10^12 points; empty: no budget) → 303 ?done=budget
 * (audited); 200 the list with the error next to the field (unknown enterprise, below what was granted already) */
NEOERR *h_adm_enterprise_budget(req *r) {
  static const in_field F[] = {{"code", IN_STR, IN_REQUIRED, 1, 64, NULL},
                               {"budget", IN_INT, 0, 0, ENTERPRISE_BUDGET_MAX, NULL}};
  in_value v[2];
  int bad = input_read(r, F, 2, v), res = 0;
  NEOERR *err = STATUS_OK;
  if (!bad) {
    audit_actor who;
    admin_actor(r, &who);
    long long b = v[1].present ? v[1].i : 0;
    err = enterprise_budget_set(r->db, &who, v[0].s, v[1].present ? &b : NULL, &res);
    if (err) return nerr_pass(err);
    if (res == 1) bad = ops_field_error(r, "code", "Ent.UnknownEnterprise");
    if (res == 2) bad = ops_field_error(r, "budget", "Ent.BelowUsed");
  }
  if (bad) {
    if ((err = list(r))) return nerr_pass(err);
    return nerr_pass(hdf_set_value(r->hdf, "Form.Code", v[0].present ? v[0].s : ""));
  }
  req_redirect(r, "/admin/enterprises?done=budget");
  return STATUS_OK;
}
