/* nav.c: role-aware navigation — an entry is shown only when the route table lets the role GET its path */
#include "adm_session.h"
#include <stdio.h>
#include <string.h>

/* Every page a back-office menu can lead to; key → Lang.Admin.Nav.<key>, group → Lang.Admin.NavGroup.<group>.
 * Entries whose route does not exist (yet) are simply hidden. */
static const struct {
  const char *href, *key, *group;
} NAV[] = {
    {"/admin/", "Dashboard", "Overview"},
    {"/admin/monitor", "Monitor", "Overview"},
    {"/admin/products", "Products", "Catalog"},
    {"/admin/categories", "Categories", "Catalog"},
    {"/admin/brands", "Brands", "Catalog"},
    {"/admin/uploads", "Uploads", "Catalog"},
    {"/admin/notices", "Notices", "Content"},
    {"/admin/banners", "Banners", "Content"},
    {"/admin/ads", "Ads", "Content"},
    {"/admin/activities", "Activities", "Content"},
    {"/admin/switch", "Switch", "Content"},
    {"/admin/codes", "Codes", "Content"},
    {"/admin/coupons", "Coupons", "Content"},
    {"/admin/moderation", "Moderation", "Operations"},
    {"/admin/orders", "Orders", "Operations"},
    {"/admin/earning-rules", "EarningRules", "Operations"},
    {"/admin/earning-bonuses", "EarningBonuses", "Operations"},
    {"/admin/members", "Members", "People"},
    {"/admin/grants", "Grants", "People"},
    {"/admin/enterprises", "Enterprises", "People"},
    {"/admin/merchants", "Merchants", "People"},
    {"/admin/applications", "Applications", "People"},
    {"/admin/settlements", "Settlements", "People"},
    {"/admin/reports", "Reports", "Reports"},
    {"/admin/partners", "Partners", "System"},
    {"/admin/api-log", "ApiLog", "System"},
    {"/admin/blacklist", "Blacklist", "System"},
    {"/admin/sms", "Sms", "System"},
    {"/admin/admins", "Admins", "System"},
    {"/admin/audit", "Audit", "System"},
};

int admin_nav_allows(const app *a, const char *path, const char *role) {
  for (int i = 0; i < a->nroutes; i++) {
    const route *rt = &a->routes[i];
    if (strcmp(rt->method, "GET") == 0 && strcmp(rt->pattern, path) == 0) return route_allows(rt, role);
  }
  return 0;
}

NEOERR *admin_nav_fill(req *r) {
  const char *role = hdf_get_value(r->hdf, "User.Role", "");
  const char *last_group = "";
  char name[64];
  int n = 0;
  NEOERR *err = hdf_remove_tree(r->hdf, "User.Nav");
  for (size_t i = 0; i < sizeof NAV / sizeof NAV[0] && !err; i++) {
    if (!admin_nav_allows(admin_app(), NAV[i].href, role)) continue;
    snprintf(name, sizeof name, "User.Nav.%d.href", n);
    err = hdf_set_value(r->hdf, name, NAV[i].href);
    snprintf(name, sizeof name, "User.Nav.%d.key", n);
    if (!err) err = hdf_set_value(r->hdf, name, NAV[i].key);
    /* A group heading goes on the group's first visible entry only. */
    if (!err && strcmp(NAV[i].group, last_group) != 0) {
      snprintf(name, sizeof name, "User.Nav.%d.group", n);
      err = hdf_set_value(r->hdf, name, NAV[i].group);
    }
    last_group = NAV[i].group;
    n++;
  }
  return nerr_pass(err);
}
