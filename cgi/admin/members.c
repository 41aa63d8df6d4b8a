/* members.c: members in the back office (B6) — search, detail (balance, open lots, ledger), grant / deduct points
 * with a mandatory reason, freeze / unfreeze, password reset by SMS; every change audited */
#include "adm_people.h"
#include "members/members_admin.h"
#include "points/points_read.h"
#include <stdio.h>
#include <string.h>

/* GET /admin/members?q=&page=&after= → 200 list of the members in the admin's scope (q: mobile prefix or part of a
 * name; numbered pages up to MEMBERS_ADMIN_OFFSET_PAGES, then keyset pages after an id); 400 bad page or cursor */
NEOERR *h_adm_members(req *r) {
  static const in_field F[] = {{"q", IN_STR, 0, 1, 32, NULL}};
  in_value v[1];
  long long page = 1, total = 0, after = 0;
  int rows = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = ops_show(r, "admin/people/members.cs", "Ops.Members.Title");
  if (err || input_read(r, F, 1, v)) return nerr_pass(err);
  long long offset = page <= MEMBERS_ADMIN_OFFSET_PAGES ? (page - 1) * OPS_PER_PAGE : 1LL << 60;
  err = members_admin_search(r->db, adm_scope(r), v[0].s, offset, after, OPS_PER_PAGE, r->hdf, "Members", &rows,
                             &total);
  char next[32] = "";
  if (rows == OPS_PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Members.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/members?");
  if (!err) err = ops_base_add(&base, "q", v[0].s);
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, MEMBERS_ADMIN_COUNT_CAP, OPS_PER_PAGE,
                         MEMBERS_ADMIN_OFFSET_PAGES, next[0] ? next : NULL);
  string_clear(&base);
  return nerr_pass(err);
}

/* The detail page; *found = 0 when there is no such member (the caller answers 404). */
static NEOERR *detail(req *r, long long id, long long page, long long after, int *found) {
  long long total = 0;
  *found = 0;
  NEOERR *err = ops_show(r, "admin/people/member.cs", "Ops.Member.Title");
  ent_scope scope = adm_scope(r);
  if (!err && id) err = members_admin_get(r->db, scope, id, r->hdf, "Member", found);
  if (err || !*found) return nerr_pass(err);
  err = members_admin_lots(r->db, scope, id, r->hdf, "Lots");
  /* Numbered pages stop at POINTS_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= POINTS_OFFSET_PAGES ? (page - 1) * OPS_PER_PAGE : 1LL << 60;
  if (!err) err = members_admin_ledger(r->db, scope, id, offset, after, OPS_PER_PAGE, r->hdf, "Ledger", &total);
  char base[64], next[32] = "";
  int shown = 0;
  for (HDF *e = hdf_get_child(r->hdf, "Ledger"); e; e = hdf_obj_next(e))
    if (++shown == OPS_PER_PAGE) snprintf(next, sizeof next, "%lld", db_hdf_ll(e, "id", 0));
  snprintf(base, sizeof base, "/admin/members/%lld?", id);
  if (!err)
    err = req_pager_seek(r, base, after ? 0 : page, total, POINTS_COUNT_CAP, OPS_PER_PAGE, POINTS_OFFSET_PAGES,
                         next[0] ? next : NULL);
  if (!err && ops_can(r, ROLES_MEMBERS_EDIT)) err = hdf_set_value(r->hdf, "Page.CanEdit", "1");
  if (!err && ops_can(r, ROLES_MEMBERS_GRANT)) err = hdf_set_value(r->hdf, "Page.CanGrant", "1");
  if (!err && !hdf_get_obj(r->hdf, "Form.Values.grant_expires"))
    err = hdf_set_value(r->hdf, "Form.Values.grant_expires", hdf_get_value(r->hdf, "Member.0.default_expiry", ""));
  return nerr_pass(err);
}

static NEOERR *show(req *r, int *found) {
  NEOERR *err = detail(r, req_arg_id(r, 0), 1, 0, found);
  if (!err && !*found) err = req_fail(r, 404);
  return nerr_pass(err);
}

/* GET /admin/members/{id}?page=|after=&done= → 200 detail with one page of the ledger (numbered, then from the entry
 * ?after=<id>); 400 a bad page or cursor; 404 unknown member */
NEOERR *h_adm_member(req *r) {
  static const in_field K[] = {{"after", IN_INT, 0, 1, 9000000000000000000LL, NULL}};
  in_value k[1];
  long long page = 1;
  int found = 0;
  if (!req_page(r, &page) || input_read(r, K, 1, k)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = detail(r, req_arg_id(r, 0), page, k[0].present ? k[0].i : 0, &found);
  if (!err && !found) return nerr_pass(req_fail(r, 404));
  if (!err) err = ops_done(r, "granted|deducted|frozen|unfrozen|password");
  return nerr_pass(err);
}

static void to_member(req *r, const char *done) {
  char to[96];
  snprintf(to, sizeof to, "/admin/members/%lld?done=%s", req_arg_id(r, 0), done);
  req_redirect(r, to);
}

/* After a refusal or bad input: the detail page again (with Form.* kept), status and a message. */
static NEOERR *again(req *r, int status, const char *lang_key) {
  int found = 0;
  NEOERR *err = show(r, &found);
  if (err || !found) return nerr_pass(err);
  if (status) r->status = status;
  return nerr_pass(lang_key ? req_flash(r, lang_key) : STATUS_OK);
}

static NEOERR *result(req *r, madmin_result res, const char *done) {
  switch (res) {
  case MADMIN_OK: to_member(r, done); return STATUS_OK;
  case MADMIN_NOT_FOUND: return nerr_pass(req_fail(r, 404));
  case MADMIN_INSUFFICIENT: return nerr_pass(again(r, 409, "Ops.Member.Insufficient"));
  case MADMIN_FROZEN: return nerr_pass(again(r, 409, "Ops.Member.FrozenNoDeduct"));
  case MADMIN_BAD_DATE:
    ops_field_error(r, "grant_expires", "Ops.Member.BadExpiry");
    return nerr_pass(again(r, 0, "Ops.Member.FixErrors"));
  case MADMIN_UNCHANGED: to_member(r, done); return STATUS_OK; /* a double click: already so */
  case MADMIN_BUDGET:
    ops_field_error(r, "grant_amount", "Ops.Member.BudgetUsed");
    return nerr_pass(again(r, 409, "Ops.Member.FixErrors"));
  }
  return nerr_pass(req_fail(r, 500));
}

/* POST /admin/members/{id}/grant: grant_amount (1–10,000,000), grant_expires (YYYY-MM-DD, today or later),
 * grant_reason (2–200) → 303 detail ?done=granted; 200 detail with field errors; 404 unknown member */
NEOERR *h_adm_member_grant(req *r) {
  static const in_field F[] = {
      {"grant_amount", IN_INT, IN_REQUIRED, 1, MEMBER_ADJUST_MAX, NULL},
      {"grant_expires", IN_DATE, IN_REQUIRED, 0, 0, NULL},
      {"grant_reason", IN_STR, IN_REQUIRED, 2, 200, NULL},
  };
  in_value v[3];
  int bad = input_read(r, F, 3, v);
  if (v[1].present && !ops_date_ok(v[1].s)) bad += ops_field_error(r, "grant_expires", "Ops.Member.BadExpiry");
  if (bad) return nerr_pass(again(r, 0, "Ops.Member.FixErrors"));
  audit_actor who;
  admin_actor(r, &who);
  madmin_result res;
  NEOERR *err = members_admin_grant(r->db, adm_scope(r), &who, req_arg_id(r, 0), v[0].i, v[1].s, v[2].s, &res);
  if (err) return nerr_pass(err);
  return nerr_pass(result(r, res, "granted"));
}

/* POST /admin/members/{id}/deduct: deduct_amount (1–10,000,000), deduct_reason (2–200) → 303 ?done=deducted;
 * 200 with field errors; 409 more than the balance or member frozen (nothing written); 404 unknown member */
NEOERR *h_adm_member_deduct(req *r) {
  static const in_field F[] = {
      {"deduct_amount", IN_INT, IN_REQUIRED, 1, MEMBER_ADJUST_MAX, NULL},
      {"deduct_reason", IN_STR, IN_REQUIRED, 2, 200, NULL},
  };
  in_value v[2];
  if (input_read(r, F, 2, v)) return nerr_pass(again(r, 0, "Ops.Member.FixErrors"));
  audit_actor who;
  admin_actor(r, &who);
  madmin_result res;
  NEOERR *err = members_admin_deduct(r->db, adm_scope(r), &who, req_arg_id(r, 0), v[0].i, v[1].s, &res);
  if (err) return nerr_pass(err);
  return nerr_pass(result(r, res, "deducted"));
}

static NEOERR *set_status(req *r, const char *status, const char *done) {
  static const in_field F[] = {{"status_reason", IN_STR, 0, 1, 200, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) return nerr_pass(again(r, 0, "Ops.Member.FixErrors"));
  audit_actor who;
  admin_actor(r, &who);
  madmin_result res;
  NEOERR *err = members_admin_set_status(r->db, adm_scope(r), &who, req_arg_id(r, 0), status, v[0].s, &res);
  if (err) return nerr_pass(err);
  return nerr_pass(result(r, res, done));
}

/* POST /admin/members/{id}/freeze: status_reason (optional, ≤200) → 303 ?done=frozen (sessions ended); 404 */
NEOERR *h_adm_member_freeze(req *r) { return nerr_pass(set_status(r, "frozen", "frozen")); }
/* POST /admin/members/{id}/unfreeze: status_reason (optional) → 303 ?done=unfrozen; 404 */
NEOERR *h_adm_member_unfreeze(req *r) { return nerr_pass(set_status(r, "active", "unfrozen")); }

/* POST /admin/members/{id}/password → 303 ?done=password (a temporary password texted to the member, every
 * session ended; the password never appears on a page, in a URL or a log); 404 unknown member */
NEOERR *h_adm_member_password(req *r) {
  audit_actor who;
  admin_actor(r, &who);
  madmin_result res;
  int sent = 0;
  NEOERR *err = members_admin_reset_password(r->db, adm_scope(r), &who, req_arg_id(r, 0), &res, &sent);
  if (err) return nerr_pass(err);
  if (res == MADMIN_OK && !sent) return nerr_pass(again(r, 502, "Ops.Member.SmsFailed"));
  return nerr_pass(result(r, res, "password"));
}
