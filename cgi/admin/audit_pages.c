/* audit_pages.c: the audit log search (super admins). Read-only: there is deliberately no route that edits
 * or deletes an entry, and the database refuses it anyway (schema/008_admin.sql triggers). */
#include "adm_session.h"
#include "adm_ops.h"
#include "backoffice/admins.h"
#include "backoffice/audit_read.h"
#include <stdio.h>
#include <string.h>

/* GET /admin/audit?admin=&entity=&entity_id=&from=&to=&page= → 200 one page of matching entries, newest first;
 * invalid filters get messages next to them and no search. */
NEOERR *h_adm_audit_list(req *r) {
  static const in_field F[] = {
      {"admin", IN_INT, 0, 0, 2147483647LL, NULL},
      {"entity", IN_STR, 0, 0, 32, NULL},
      {"entity_id", IN_INT, 0, 0, 999999999999999999LL, NULL},
      {"from", IN_DATE, 0, 0, 0, NULL},
      {"to", IN_DATE, 0, 0, 0, NULL},
      {"page", IN_INT, 0, 1, 100000, NULL},
      {"after", IN_INT, 0, 1, 9000000000000000000LL, NULL},
  };
  in_value v[7];
  r->template = "admin/audit/list.cs";
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "AdminCore.Audit.Title"));
  int bad = input_read(r, F, 7, v);
  for (int i = 3; i <= 4; i++) {
    if (v[i].present && v[i].s[0] && !hdf_get_obj(r->hdf, i == 3 ? "Form.Errors.from" : "Form.Errors.to") &&
        !audit_date_ok(v[i].s)) {
      req_form_error(r, F[i].name, "AdminCore.Audit.BadDate");
      bad++;
    }
  }
  if (!bad && v[3].present && v[4].present && v[3].s[0] && v[4].s[0] && strcmp(v[3].s, v[4].s) > 0) {
    req_form_error(r, "to", "AdminCore.Audit.BadRange");
    bad++;
  }
  if (!err) err = admin_list(r->db, r->hdf, "Admins", NULL);
  if (!err) err = audit_entities(r->db, r->hdf, "Entities");
  if (err) return nerr_pass(err);
  if (bad) {
    r->status = 400;
    return nerr_pass(req_form_error(r, NULL, "AdminCore.Audit.FixFilters"));
  }
  audit_filter f = {
      .admin_id = v[0].present ? v[0].i : 0,
      .entity = v[1].present ? v[1].s : "",
      .entity_id = v[2].present ? v[2].i : 0,
      .from = v[3].present ? v[3].s : "",
      .to = v[4].present ? v[4].s : "",
  };
  long long page = v[5].present ? v[5].i : 1, after = v[6].present ? v[6].i : 0, total = 0;
  int rows = 0;
  /* Numbered pages stop at AUDIT_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= AUDIT_OFFSET_PAGES ? (page - 1) * AUDIT_PAGE_SIZE : 1LL << 60;
  if ((err = audit_search(r->db, &f, offset, after, r->hdf, "Audit", &rows, &total))) return nerr_pass(err);
  /* Language keys cannot hold '-': "reset-password" is labelled by Lang.AdminCore.Audit.Actions.reset_password. */
  for (HDF *e = hdf_get_child(r->hdf, "Audit"); e && !err; e = hdf_obj_next(e)) {
    char key[64];
    snprintf(key, sizeof key, "%s", hdf_get_value(e, "action", ""));
    for (char *c = key; *c; c++)
      if (*c == '-') *c = '_';
    err = hdf_set_value(e, "action_key", key);
  }
  if (err) return nerr_pass(err);
  /* The pager's links keep the filters. */
  STRING base;
  string_init(&base);
  err = string_append(&base, "/admin/audit?");
  for (int i = 0; i < 5 && !err; i++) {
    const char *val = hdf_get_valuef(r->hdf, "Form.Values.%s", F[i].name);
    if (val && !((i == 0 || i == 2) && !strcmp(val, "0"))) err = ops_base_add(&base, F[i].name, val);
  }
  char next[32] = "";
  if (rows == AUDIT_PAGE_SIZE) {
    char key[32];
    snprintf(key, sizeof key, "Audit.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, AUDIT_COUNT_CAP, AUDIT_PAGE_SIZE, AUDIT_OFFSET_PAGES,
                         next[0] ? next : NULL);
  string_clear(&base);
  return nerr_pass(err);
}
