/* dashboard.c: the back office's landing page — today's numbers, pending moderation, low stock */
#include "adm_session.h"
#include "adm_ops.h"
#include "backoffice/dashboard.h"
#include <stdio.h>

/* Figures link to the page that deals with them, for roles that may open it. */
static const struct {
  const char *name, *path;
} LINKS[] = {
    {"Orders", "/admin/orders"},
    {"Messages", "/admin/moderation/messages"},
    {"Reviews", "/admin/moderation/reviews"},
    {"Consultations", "/admin/moderation/consultations"},
    {"Products", "/admin/products"},
    {"Reports", "/admin/reports"},
};

/* GET /admin/ → 200 dashboard (every role). */
NEOERR *h_adm_dashboard(req *r) {
  r->template = "admin/session/dashboard.cs";
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "AdminCore.Dash.Title"));
  ent_scope scope = adm_scope(r);
  if (!err) err = dashboard_read(r->db, scope, r->hdf, "Dash");
  if (!err && !scope.all) err = hdf_set_value(r->hdf, "Dash.Enterprise", r->enterprise);
  for (size_t i = 0; i < sizeof LINKS / sizeof LINKS[0] && !err; i++) {
    char key[64];
    snprintf(key, sizeof key, "Dash.Link.%s", LINKS[i].name);
    if (!hdf_get_obj(r->hdf, key) && admin_nav_allows(r->app, LINKS[i].path, r->role))
      err = hdf_set_value(r->hdf, key, LINKS[i].path);
  }
  return nerr_pass(err);
}
