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
/* enterprise: an enterprise's own admins (B8) — its members (view, grant, bulk grants), their orders (view) and the
 * reports, all read through adm_scope (cgi/admin/adm_ops.h), never anything that changes another's records */
#define ROLES_ORDERS "super,ops"
#define ROLES_ORDERS_VIEW "super,ops,enterprise"
#define ROLES_MEMBERS_VIEW "super,ops,finance,enterprise"
#define ROLES_MEMBERS_GRANT "super,ops,enterprise"
#define ROLES_MEMBERS_EDIT "super,ops"
#define ROLES_MERCHANTS "super,ops,finance"
#define ROLES_REPORTS "super,ops,finance,enterprise"
#define ROLES_ENTERPRISES "super"
#define ROLES_SMS "super,ops"
#define ROLES_SUPER "super"

/* system.c */
NEOERR *admin_load(req *r, long long id, int *ok);
/* Who is acting, for audit_record (cgi/domain/audit.h): every write in the back office is audited. */
void admin_actor(req *r, audit_actor *who);
/* job_spawn.c: starts `mallctl <command> --job ID` detached beside this program (a back-office job's worker). */
void adm_spawn_worker(const char *command, long long job_id);
/* The route table, for the role-matrix test and for hiding links a role cannot use. */
const app *admin_app(void);

#endif
