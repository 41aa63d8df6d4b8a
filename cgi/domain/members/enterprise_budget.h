/* enterprise_budget.h: an enterprise's prepaid points budget (B8) — every grant to one of its members takes from it in
 * the grant's own transaction, with one conditional UPDATE (never read, then write); the super admin sets it. */
#ifndef MALL_ENTERPRISE_BUDGET_H
#define MALL_ENTERPRISE_BUDGET_H
#include "backoffice/audit.h"
#include "db.h"

#define ENTERPRISE_BUDGET_MAX 1000000000000LL /* a typo guard */

/* Inside the caller's transaction: points granted to a member of enterprise code are counted in its budget_used;
 * *ok = 0 (nothing written) when that would pass its budget. A member of no enterprise (code "" or unknown), or an
 * enterprise without a budget, is always *ok = 1. */
NEOERR *enterprise_budget_take(MYSQL *db, const char *code, long long points, int *ok);
/* The same for member_id's enterprise. */
NEOERR *enterprise_budget_take_member(MYSQL *db, long long member_id, long long points, int *ok);
/* What is left to grant (budget − used); *limited = 0 when the enterprise has no budget (or is unknown). */
NEOERR *enterprise_budget_left(MYSQL *db, const char *code, long long *left, int *limited);

/* The super admin sets an enterprise's budget (NULL: none), audited (action "budget", entity "enterprise", the code
 * in the snapshot). *res: 0 ok, 1 unknown enterprise, 2 below what was granted already (nothing written). */
NEOERR *enterprise_budget_set(MYSQL *db, const audit_actor *who, const char *code, const long long *budget, int *res);

/* Every enterprise as prefix.N.{code, name, budget, budget_used, left, members, admins}, by code. */
NEOERR *enterprise_list(MYSQL *db, HDF *out, const char *prefix, int *rows);
/* 1 in *found when code is an enterprise. */
NEOERR *enterprise_exists(MYSQL *db, const char *code, int *found);

#endif
