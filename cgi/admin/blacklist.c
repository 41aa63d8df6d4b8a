/* blacklist.c: the blacklist in the back office (F3) — entries by kind and state, a manual entry (IP, CIDR range,
 * member mobile, merchant account) with reason and optional expiry, removal after confirmation, the automatic
 * rules' settings; every change audited (backoffice/blacklist_admin.c) */
#include "adm_blacklist.h"
#include "adm_ops.h"
#include "backoffice/blacklist_admin.h"
#include <stdio.h>
#include <string.h>

#define T_LIST "admin/blacklist/list.cs"
#define T_REMOVE "admin/blacklist/remove.cs"
#define T_RULES "admin/blacklist/rules.cs"
#define PER_PAGE 20

static const in_field F_FILTERS[] = {
    {"kind", IN_ENUM, 0, 0, 0, BLACKLIST_KINDS},
    {"state", IN_ENUM, 0, 0, 0, "active|ended|all"},
    {"q", IN_STR, 0, 1, 64, NULL},
};

/* The list with its filters (Form.Values keep them) and the add form below it. */
static NEOERR *list_page(req *r, long long page, long long after, const in_value *f) {
  long long total = 0;
  int rows = 0;
  /* Numbered pages stop at BLACKLIST_LIST_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= BLACKLIST_LIST_OFFSET_PAGES ? (page - 1) * PER_PAGE : 1LL << 60;
  const char *state = f[1].present ? f[1].s : "active";
  NEOERR *err = ops_show(r, T_LIST, "Blacklist.Title");
  /* Filter.* and not Form.Values: the add form below has a kind field of its own. */
  if (!err) err = hdf_set_value(r->hdf, "Filter.State", state);
  if (!err) err = hdf_set_value(r->hdf, "Filter.Kind", f[0].present ? f[0].s : "");
  if (!err) err = hdf_set_value(r->hdf, "Filter.Q", f[2].present ? f[2].s : "");
  if (!err)
    err = blacklist_admin_list(r->db, f[0].present ? f[0].s : "", state, f[2].present ? f[2].s : "",
                               offset, after, PER_PAGE, r->hdf, "Entries", &rows, &total);
  char next[32] = "";
  if (!err && rows == PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Entries.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/blacklist?");
  if (!err) err = ops_base_add(&base, "kind", f[0].present ? f[0].s : "");
  if (!err) err = ops_base_add(&base, "state", state);
  if (!err) err = ops_base_add(&base, "q", f[2].present ? f[2].s : "");
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, BLACKLIST_LIST_COUNT_CAP, PER_PAGE,
                         BLACKLIST_LIST_OFFSET_PAGES, next[0] ? next : NULL);
  string_clear(&base);
  return nerr_pass(err);
}

/* GET /admin/blacklist?kind=&state=active|ended|all&q=&page=|after=&done= → 200 entries (active by default) and the add
 * form; 400 bad filters or page. */
NEOERR *h_adm_blacklist(req *r) {
  in_value f[3];
  long long page = 1, after = 0;
  if (!req_page_after(r, &page, &after) || input_read(r, F_FILTERS, 3, f)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = list_page(r, page, after, f);
  if (!err) err = req_done_notice(r, "added|removed|rule", "Blacklist.Done");
  return nerr_pass(err);
}

/* POST /admin/blacklist: kind, value, reason, expires (optional, YYYY-MM-DD HH:MM[:SS]) → 303 the list with
 * ?done=added; 200 the list with field errors (bad CIDR, mobile, unknown merchant account, past expiry, already
 * listed). */
NEOERR *h_adm_blacklist_add(req *r) {
  static const in_field F[] = {
      {"kind", IN_ENUM, IN_REQUIRED, 0, 0, BLACKLIST_KINDS},
      {"value", IN_STR, IN_REQUIRED, 1, 100, NULL},
      {"reason", IN_STR, IN_REQUIRED, 2, BLACKLIST_REASON_MAX, NULL},
      {"expires", IN_STR, 0, 0, 19, NULL},
  };
  in_value v[4];
  int bad = input_read(r, F, 4, v);
  char value[65] = "", expires[20] = "";
  if (v[0].present && v[1].present && !hdf_get_obj(r->hdf, "Form.Errors.value")) {
    const char *why = blacklist_value_check(v[0].s, v[1].s, value);
    if (why) bad += ops_field_error(r, "value", why);
  }
  int has_expiry = v[3].present && v[3].s[0];
  if (has_expiry && !hdf_get_obj(r->hdf, "Form.Errors.expires") && blacklist_expiry_parse(v[3].s, expires) != 0)
    bad += ops_field_error(r, "expires", "Blacklist.BadExpiry");
  NEOERR *err = STATUS_OK;
  if (!bad) {
    audit_actor who;
    admin_actor(r, &who);
    long long id = 0;
    bl_add_result res;
    if ((err = blacklist_admin_add(r->db, &who, v[0].s, value, v[2].s, has_expiry ? expires : NULL, &id, &res)))
      return nerr_pass(err);
    if (res == BL_ADD_OK) {
      req_redirect(r, "/admin/blacklist?done=added");
      return STATUS_OK;
    }
    if (res == BL_ADD_PAST) bad += ops_field_error(r, "expires", "Blacklist.PastExpiry");
    else if (res == BL_ADD_NO_MERCHANT) bad += ops_field_error(r, "value", "Blacklist.NoMerchant");
    else { /* already listed: the message names that entry */ char msg[300];
      bad += ops_field_error(r, "value", "Blacklist.Duplicate");
      err = hdf_set_value(r->hdf, "Form.Errors.value", req_text_n(r, "Blacklist.Duplicate", id, msg, sizeof msg));
    }
  }
  r->status = 400;
  in_value f[3] = {{0}};
  if (!err) err = req_form_error(r, NULL, "Blacklist.FixErrors");
  if (!err) err = list_page(r, 1, 0, f);
  return nerr_pass(err);
}

/* The entry of the path for the confirmation page; *found = 0 → 404. */
static NEOERR *remove_page(req *r, int *found) {
  NEOERR *err = blacklist_admin_get(r->db, req_arg_id(r, 0), r->hdf, "Entry", found);
  if (err || !*found) return nerr_pass(err ? err : req_fail(r, 404));
  return nerr_pass(ops_show(r, T_REMOVE, "Blacklist.RemoveTitle"));
}

/* GET /admin/blacklist/{id}/remove → 200 the entry and a confirmation form (reason, confirm); 404 unknown. */
NEOERR *h_adm_blacklist_remove_form(req *r) {
  int found = 0;
  return nerr_pass(remove_page(r, &found));
}

/* POST /admin/blacklist/{id}/remove: confirm=1, reason → 303 /admin/blacklist?done=removed (every process drops its
 * copy of the list); 400 the confirmation page with errors; 409 it had ended already; 404 unknown. */
NEOERR *h_adm_blacklist_remove(req *r) {
  static const in_field F[] = {
      {"reason", IN_STR, IN_REQUIRED, 2, BLACKLIST_REASON_MAX, NULL},
      {"confirm", IN_ENUM, IN_REQUIRED, 0, 0, "1"},
  };
  in_value v[2];
  int found = 0, changed = 0;
  int bad = input_read(r, F, 2, v);
  NEOERR *err = STATUS_OK;
  if (bad) {
    if (hdf_get_obj(r->hdf, "Form.Errors.confirm")) ops_field_error(r, "confirm", "Blacklist.ConfirmNeeded");
    if ((err = remove_page(r, &found)) || !found) return nerr_pass(err);
    r->status = 400;
    return nerr_pass(req_form_error(r, NULL, "Blacklist.FixErrors"));
  }
  audit_actor who;
  admin_actor(r, &who);
  if ((err = blacklist_admin_remove(r->db, &who, req_arg_id(r, 0), v[0].s, &found, &changed))) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  if (!changed) {
    if ((err = remove_page(r, &found)) || !found) return nerr_pass(err);
    r->status = 409;
    return nerr_pass(req_form_error(r, NULL, "Blacklist.AlreadyEnded"));
  }
  req_redirect(r, "/admin/blacklist?done=removed");
  return STATUS_OK;
}

static NEOERR *rules_page(req *r) {
  NEOERR *err = ops_show(r, T_RULES, "Blacklist.Rules.Title");
  if (!err) err = blacklist_rules_list(r->db, r->hdf, "Rules");
  return nerr_pass(err);
}

/* GET /admin/blacklist/rules?done= → 200 every automatic rule with its settings form. */
NEOERR *h_adm_blacklist_rules(req *r) {
  NEOERR *err = rules_page(r);
  if (!err) err = req_done_notice(r, "saved", "Blacklist.Rules.Done");
  return nerr_pass(err);
}

/* POST /admin/blacklist/rules/{id}: threshold, period (minutes|days), window_minutes, days_needed, days_span,
 * block_minutes, enabled → 303 the rules; 400 the rules page with the errors (Form.RuleId names the rule); 404. */
NEOERR *h_adm_blacklist_rule(req *r) {
  static const in_field F[] = {
      {"threshold", IN_INT, IN_REQUIRED, 1, 1000000, NULL},
      {"period", IN_ENUM, IN_REQUIRED, 0, 0, "minutes|days"},
      {"window_minutes", IN_INT, IN_REQUIRED, 1, 1440, NULL},
      {"days_needed", IN_INT, IN_REQUIRED, 1, 31, NULL},
      {"days_span", IN_INT, IN_REQUIRED, 1, 31, NULL},
      {"block_minutes", IN_INT, IN_REQUIRED, 1, 525600, NULL},
      {"enabled", IN_ENUM, 0, 0, 0, "1"},
  };
  in_value v[7];
  int bad = input_read(r, F, 7, v);
  if (!hdf_get_obj(r->hdf, "Form.Errors.days_needed") && !hdf_get_obj(r->hdf, "Form.Errors.days_span") &&
      v[3].present && v[4].present && v[3].i > v[4].i)
    bad += ops_field_error(r, "days_needed", "Blacklist.Rules.DaysNeeded");
  NEOERR *err = STATUS_OK;
  int found = 0;
  if (!bad) {
    audit_actor who;
    admin_actor(r, &who);
    bl_rule rule = {.id = req_arg_id(r, 0),
                    .threshold = v[0].i,
                    .period = v[1].s,
                    .window_minutes = v[2].i,
                    .days_needed = v[3].i,
                    .days_span = v[4].i,
                    .block_minutes = v[5].i,
                    .enabled = v[6].present};
    if ((err = blacklist_rule_update(r->db, &who, &rule, &found))) return nerr_pass(err);
    if (!found) return nerr_pass(req_fail(r, 404));
    req_redirect(r, "/admin/blacklist/rules?done=saved");
    return STATUS_OK;
  }
  if ((err = rules_page(r))) return nerr_pass(err);
  r->status = 400;
  err = hdf_set_value(r->hdf, "Form.RuleId", req_arg(r, 0));
  if (!err) err = req_form_error(r, NULL, "Blacklist.FixErrors");
  return nerr_pass(err);
}
