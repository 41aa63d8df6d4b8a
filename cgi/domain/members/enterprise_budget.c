/* enterprise_budget.c: enterprises' prepaid points budgets (B8) — taken by grants with a conditional UPDATE, set by the
 * super admin (audited), listed for the enterprises page */
#include "members/enterprise_budget.h"
#include <stdio.h>
#include <string.h>

static const char SQL_TAKE[] = "UPDATE enterprises SET budget_used = budget_used + ? WHERE code = ?"
                               " AND (budget IS NULL OR budget_used + ? <= budget)";
static const char SQL_KNOWN[] = "SELECT COUNT(*) FROM enterprises WHERE code = ?";
static const char SQL_MEMBER_ENT[] = "SELECT enterprise FROM members WHERE id = ?";
static const char SQL_LEFT[] = "SELECT budget - budget_used FROM enterprises WHERE code = ? AND budget IS NOT NULL";
static const char SQL_SNAP[] = "SELECT budget, budget_used FROM enterprises WHERE code = ? FOR UPDATE";
static const char SQL_SET[] = "UPDATE enterprises SET budget = ? WHERE code = ?";
static const char SQL_LIST[] =
    "SELECT e.code, e.name, e.budget, e.budget_used, e.budget - e.budget_used AS `left`,"
    " (SELECT COUNT(*) FROM members m WHERE m.enterprise = e.code) AS members,"
    " (SELECT COUNT(*) FROM admins a WHERE a.enterprise = e.code) AS admins"
    " FROM enterprises e ORDER BY e.code LIMIT 500";

NEOERR *enterprise_budget_take(MYSQL *db, const char *code, long long points, int *ok) {
  long long n = 0;
  *ok = 1;
  if (!code || !*code || points <= 0) return STATUS_OK;
  NEOERR *err = db_exec(db, SQL_TAKE, DBA(DI(points), DS(code), DI(points)), &n, NULL);
  if (err || n == 1) return nerr_pass(err);
  /* Nothing changed: an enterprise that exists has no room left; an unknown code has no budget. */
  err = db_query_ll(db, SQL_KNOWN, DBA(DS(code)), &n, NULL);
  if (!err && n > 0) *ok = 0;
  return nerr_pass(err);
}

NEOERR *enterprise_budget_take_member(MYSQL *db, long long member_id, long long points, int *ok) {
  char code[DB_VARCHAR(64)] = "";
  int found = 0;
  *ok = 1;
  NEOERR *err = db_row(db, SQL_MEMBER_ENT, DBA(DI(member_id)), DCOLS(DCOL_STR(code)), &found);
  if (err || !found) return nerr_pass(err);
  return nerr_pass(enterprise_budget_take(db, code, points, ok));
}

NEOERR *enterprise_budget_left(MYSQL *db, const char *code, long long *left, int *limited) {
  *left = 0;
  return nerr_pass(db_query_ll(db, SQL_LEFT, DBA(DS(code ? code : "")), left, limited));
}

struct set_arg {
  const audit_actor *who;
  const char *code;
  const long long *budget;
  int *res;
};

/* The enterprise's budget as an audit snapshot (its code included: the entity has no numeric id). */
static NEOERR *snap(MYSQL *db, const char *code, json_t **out) {
  long long budget = 0, used = 0;
  int none = 0, found = 0;
  *out = NULL;
  NEOERR *err = db_row(db, SQL_SNAP, DBA(DS(code)), DCOLS(DCOL_LL_N(&budget, &none), DCOL_LL(&used)), &found);
  if (err || !found) return nerr_pass(err);
  *out = json_pack("{s:s, s:o, s:I}", "code", code, "budget", none ? json_null() : json_integer(budget), "budget_used",
                   (json_int_t)used);
  return *out ? STATUS_OK : nerr_raise(NERR_NOMEM, "budget snapshot");
}

static NEOERR *tx_set(MYSQL *db, void *arg) {
  struct set_arg *a = arg;
  json_t *before = NULL, *after = NULL;
  long long n = 0;
  *a->res = 0;
  NEOERR *err = snap(db, a->code, &before);
  if (!err && !before) *a->res = 1;
  /* The row is locked (FOR UPDATE): what was granted cannot grow while the new budget is compared with it. */
  long long used = before ? (long long)json_integer_value(json_object_get(before, "budget_used")) : 0;
  if (before && a->budget && *a->budget < used) *a->res = 2;
  dbp b = a->budget ? DI(*a->budget) : DNULL;
  if (!err && !*a->res) err = db_exec(db, SQL_SET, DBA(b, DS(a->code)), &n, NULL);
  if (!err && !*a->res) err = snap(db, a->code, &after);
  if (!err && after) err = audit_record(db, a->who, "budget", "enterprise", 0, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *enterprise_budget_set(MYSQL *db, const audit_actor *who, const char *code, const long long *budget, int *res) {
  *res = 0;
  if (budget && (*budget < 0 || *budget > ENTERPRISE_BUDGET_MAX))
    return nerr_raise(NERR_ASSERT, "enterprise budget %lld", *budget);
  struct set_arg a = {who, code, budget, res};
  return nerr_pass(db_tx(db, tx_set, &a));
}

NEOERR *enterprise_list(MYSQL *db, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_LIST, DB_NOARGS, rows));
}

NEOERR *enterprise_exists(MYSQL *db, const char *code, int *found) {
  long long n = 0;
  NEOERR *err = db_query_ll(db, SQL_KNOWN, DBA(DS(code ? code : "")), &n, NULL);
  *found = n > 0;
  return nerr_pass(err);
}
