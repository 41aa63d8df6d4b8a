/* admin.h: the back office (admin.fcgi) — shared declarations of its page families */
#ifndef MALL_ADMIN_H
#define MALL_ADMIN_H
#include "app.h"
#include "backoffice/audit.h"

/* Role lists for the route table (SPEC B1). Every route names who may use it. */
/* monitor: the client's read-only representatives (the dashboard and the monitor pages, nothing that writes) */
#define ROLES_ALL "super,ops,moderator,finance,enterprise,monitor"
#define ROLES_CATALOG "super,ops"
#define ROLES_CONTENT "super,ops"
#define ROLES_MODERATION "super,moderator"
#define ROLES_ORDERS "super,ops"
#define ROLES_MEMBERS_VIEW "super,ops,finance"
#define ROLES_MEMBERS_EDIT "super,ops"
#define ROLES_MERCHANTS "super,ops,finance"
#define ROLES_REPORTS "super,ops,finance"
#define ROLES_SMS "super,ops"
#define ROLES_SUPER "super"

/* system.c */
NEOERR *admin_load(req *r, long long id, int *ok);
/* Who is acting, for audit_record (cgi/domain/audit.h): every write in the back office is audited. */
void admin_actor(req *r, audit_actor *who);
/* The route table, for the role-matrix test and for hiding links a role cannot use. */
const app *admin_app(void);

#endif
