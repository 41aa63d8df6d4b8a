/* ops_common.c: page helpers shared by the ops and people pages of the back office — frame, paging, notices */
#include "adm_ops.h"
#include "points/reports.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

NEOERR *ops_show(req *r, const char *tmpl, const char *title_key) {
  r->template = tmpl;
  r->no_cache = 1;
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", req_text(r, title_key)));
}

NEOERR *ops_base_add(STRING *base, const char *name, const char *value) {
  if (!value || !*value) return STATUS_OK;
  char *esc = NULL;
  NEOERR *err = cgi_url_escape(value, &esc);
  if (!err) err = string_appendf(base, "%s=%s&", name, esc);
  free(esc);
  return nerr_pass(err);
}

NEOERR *ops_done(req *r, const char *choices) { return nerr_pass(req_done_notice(r, choices, "Ops.Done")); }

int ops_field_error(req *r, const char *field, const char *lang_key) {
  NEOERR *err = req_form_error(r, field, lang_key);
  nerr_ignore(&err); /* only an allocation failure; the count still makes the form fail */
  return 1;
}

int ops_can(req *r, const char *roles) {
  route rt = {.roles = roles};
  return r->user_id && r->role[0] && route_allows(&rt, r->role);
}

int ops_date_ok(const char *s) { return report_day_number(s) >= 0; }

ent_scope adm_scope(req *r) {
  static const char *const UNBOUND[] = {"super", "ops", "finance", "moderator", "monitor"};
  if (!r->user_id || strcmp(r->role, "enterprise") == 0) return ent_scope_of(r->enterprise);
  for (size_t i = 0; i < sizeof UNBOUND / sizeof UNBOUND[0]; i++)
    if (strcmp(r->role, UNBOUND[i]) == 0) return ent_scope_all();
  return ent_scope_of(""); /* a role nobody described: nothing */
}
