/* adm_session.h: back-office handlers of the session pages — sign-in/out, dashboard, navigation, admins, audit */
#ifndef MALL_ADM_SESSION_H
#define MALL_ADM_SESSION_H
#include "admin.h"

/* auth.c */
NEOERR *h_adm_login_form(req *r);
NEOERR *h_adm_login(req *r);
NEOERR *h_adm_logout(req *r);
/* dashboard.c */
NEOERR *h_adm_dashboard(req *r);
/* admins.c (super admins only) */
NEOERR *h_adm_admins_list(req *r);
NEOERR *h_adm_admins_create(req *r);
NEOERR *h_adm_admins_detail(req *r);
NEOERR *h_adm_admins_status(req *r);
NEOERR *h_adm_admins_password(req *r);
/* audit_pages.c (super admins only; read-only by design) */
NEOERR *h_adm_audit_list(req *r);

/* nav.c: fills User.Nav.N.{href,key,group} with the entries the signed-in role may open, judged by the
 * route table (route_allows on the GET route of each entry's path). Called by admin_load, so the list is
 * cached with the session like the rest of User.*. */
NEOERR *admin_nav_fill(req *r);
/* 1 when role may GET path according to the route table (an entry without a route is not shown). */
int admin_nav_allows(const app *a, const char *path, const char *role);

#endif
