/* members_admin.c: the back office's member pages (B6) — search, detail reads, audited points and account changes */
#include "members/members_admin.h"
#include "crypto.h"
#include "members/enterprise_budget.h"
#include "members/members.h"
#include "points/points.h"
#include "points/points_read.h"
#include "session_store.h"
#include "shared/sms.h"
#include "shared/passwords.h"
#include <stdio.h>
#include <string.h>

#define SEARCH_COLS                                                                                                    \
  "SELECT m.id, m.mobile, m.name, m.status, m.points_balance, m.enterprise,"                                          \
  " DATE_FORMAT(m.created_at, '%Y-%m-%d') AS created_at"
static const char SQL_GET[] =
    "SELECT id, mobile, name, status, points_balance, enterprise, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS "
    "created_at,"
    " (SELECT COUNT(*) FROM orders o WHERE o.member_id = members.id) AS orders,"
    " (SELECT COUNT(*) FROM sessions s WHERE s.realm = 'member' AND s.principal_id = members.id) AS sessions,"
    " DATE_FORMAT(CURDATE() + INTERVAL 1 YEAR, '%Y-%m-%d') AS default_expiry"
    " FROM members WHERE id = ?" ENT_MEMBER_COL("members.enterprise");
static const char SQL_LOTS[] =
    "SELECT id, source, note, amount, remaining, DATE_FORMAT(expires_at, '%Y-%m-%d') AS expires_at,"
    " DATE_FORMAT(created_at, '%Y-%m-%d') AS created_at, expires_at < CURDATE() AS due"
    " FROM points_lots WHERE member_id = ?" ENT_MEMBER_ID("member_id")
    " AND status = 'open' AND remaining > 0 ORDER BY expires_at, id LIMIT 200";
/* The member row is locked first, as points.c does, so "before" is the state the change starts from. */
static const char SQL_SNAP[] = "SELECT id, mobile, status, points_balance FROM members WHERE id = ? FOR UPDATE";
/* Whether the member is in the acting admin's scope (read before anything is written). */
static const char SQL_IN_SCOPE[] = "SELECT COUNT(*) FROM members WHERE id = ?" ENT_MEMBER_COL("enterprise");
static const char SQL_VALID_EXPIRY[] =
    "SELECT STR_TO_DATE(?, '%Y-%m-%d') >= CURDATE() AND DATE_FORMAT(STR_TO_DATE(?, '%Y-%m-%d'), '%Y-%m-%d') = ?";
static const char SQL_SET_STATUS[] = "UPDATE members SET status = ? WHERE id = ? AND status <> ?";

/* The FROM and WHERE for the filter and scope: a scoped list reads by_enterprise (enterprise, id) in id order; a mobile
 * prefix (digits only: no wildcard gets in) reads by_mobile; a name part is matched with LOCATE (% and _ plain). */
static void shape(list_stmt *st, const ent_scope *scope, const char *q) {
  const char *s = q ? q : "";
  int digits = *s != 0;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9') digits = 0;
  list_stmt_add(st, " FROM members m WHERE 1 = 1");
  if (!scope->all) list_stmt_arg(st, " AND m.enterprise = ?", DS(scope->code));
  if (digits) list_stmt_arg(st, " AND m.mobile LIKE CONCAT(?, '%')", DS(s));
  else if (*s) list_stmt_arg(st, " AND LOCATE(?, m.name) > 0", DS(s));
}

void members_admin_search_stmt(const ent_scope *scope, const char *q, long long offset, long long after, int limit,
                               int count, list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  shape(&body, scope, q);
  list_stmt_build(out, &body, count, MEMBERS_ADMIN_COUNT_CAP, SEARCH_COLS, "m.id", offset, after, limit);
}

NEOERR *members_admin_search(MYSQL *db, ent_scope scope, const char *q, long long offset, long long after, int limit,
                             HDF *out, const char *prefix, int *rows, long long *total) {
  list_stmt st;
  members_admin_search_stmt(&scope, q, 0, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  *rows = 0;
  members_admin_search_stmt(&scope, q, offset, after, limit, 0, &st);
  if (!err && (after > 0 || offset < *total)) err = db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows);
  return nerr_pass(err);
}

NEOERR *members_admin_get(MYSQL *db, ent_scope scope, long long id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_GET, DBA(DI(id), ENT_ARGS(scope)), &rows);
  *found = rows == 1;
  return nerr_pass(err);
}

NEOERR *members_admin_lots(MYSQL *db, ent_scope scope, long long id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_LOTS, DBA(DI(id), ENT_ARGS(scope)), NULL));
}

NEOERR *members_admin_ledger(MYSQL *db, ent_scope scope, long long id, long long offset, long long after_id, int limit,
                             HDF *out, const char *prefix, long long *total) {
  /* The member's own ledger statements (bounded count, numbered then keyset pages), once the member is in scope. */
  long long in_scope = 0;
  *total = 0;
  NEOERR *err = db_query_ll(db, SQL_IN_SCOPE, DBA(DI(id), ENT_ARGS(scope)), &in_scope, NULL);
  ledger_filter all = {0};
  if (!err && in_scope) err = member_points_ledger(db, id, &all, out, prefix, offset, after_id, limit, total);
  return nerr_pass(err);
}

/* ---- audited changes ---- */

enum { ACT_GRANT, ACT_DEDUCT, ACT_STATUS, ACT_PASSWORD };
struct act {
  int what;
  ent_scope scope;
  const audit_actor *who;
  long long id, amount;
  const char *expires, *reason, *status, *password;
  madmin_result *res;
  char mobile[16];
};

static NEOERR *act_body(MYSQL *db, struct act *x, json_t **before, json_t **after) {
  long long in_scope = 0;
  NEOERR *err = db_query_ll(db, SQL_IN_SCOPE, DBA(DI(x->id), ENT_ARGS(x->scope)), &in_scope, NULL);
  if (!err && in_scope) err = audit_snapshot(db, SQL_SNAP, x->id, before);
  if (err) return nerr_pass(err);
  if (!*before) {
    *x->res = MADMIN_NOT_FOUND;
    return STATUS_OK;
  }
  const char *m = json_string_value(json_object_get(*before, "mobile"));
  snprintf(x->mobile, sizeof x->mobile, "%s", m ? m : "");
  const char *action = "";
  long long n = 0;
  switch (x->what) {
  case ACT_GRANT:
    action = "grant";
    err = points_credit(db, x->id, "grant", x->amount, "grant", x->reason, x->expires, NULL);
    int room = 1;
    if (!err) err = enterprise_budget_take_member(db, x->id, x->amount, &room);
    if (!err && !room) {
      /* Past the enterprise's budget: the credit above is rolled back with the refusal. */
      *x->res = MADMIN_BUDGET;
      err = points_init_errors();
      if (!err) err = nerr_raise(NERR_POINTS_REFUSED, "enterprise budget used up");
    }
    break;
  case ACT_DEDUCT: {
    points_result pr = POINTS_OK;
    action = "deduct";
    err = points_spend(db, x->id, "adjust", x->amount, 0, NULL, x->reason, &pr, NULL);
    /* A refusal is an error, so db_tx rolls back (points_spend wrote nothing anyway). */
    if (err)
      *x->res = pr == POINTS_INSUFFICIENT ? MADMIN_INSUFFICIENT
          : pr == POINTS_FROZEN           ? MADMIN_FROZEN
          : pr == POINTS_NO_MEMBER        ? MADMIN_NOT_FOUND
                                          : MADMIN_OK;
    break;
  }
  case ACT_STATUS:
    action = strcmp(x->status, "frozen") == 0 ? "freeze" : "unfreeze";
    err = db_exec(db, SQL_SET_STATUS, DBA(DS(x->status), DI(x->id), DS(x->status)), &n, NULL);
    if (!err && n == 0) {
      *x->res = MADMIN_UNCHANGED;
      return STATUS_OK;
    }
    db_tx_touch_sessions(x->id); /* session caches hold the status */
    if (!err && strcmp(x->status, "frozen") == 0) err = session_drop_all(db, "member", x->id);
    break;
  case ACT_PASSWORD:
    action = "reset_password";
    err = member_set_password(db, x->id, x->password);
    if (!err) err = session_drop_all(db, "member", x->id);
    break;
  }
  if (err) return nerr_pass(err);
  if ((err = audit_snapshot(db, SQL_SNAP, x->id, after))) return nerr_pass(err);
  if (x->what == ACT_GRANT || x->what == ACT_DEDUCT) json_object_set_new(*after, "amount", json_integer(x->amount));
  if (x->what == ACT_GRANT) json_object_set_new(*after, "expires", json_string(x->expires));
  if (x->reason) json_object_set_new(*after, "reason", json_string(x->reason));
  if (x->what == ACT_PASSWORD) json_object_set_new(*after, "sessions", json_string("ended"));
  return nerr_pass(audit_record(db, x->who, action, "member", x->id, *before, *after));
}

static NEOERR *tx_act(MYSQL *db, void *arg) {
  struct act *x = arg;
  json_t *before = NULL, *after = NULL;
  *x->res = MADMIN_OK;
  NEOERR *err = act_body(db, x, &before, &after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

static NEOERR *run(MYSQL *db, struct act *x) {
  NEOERR *err = db_tx(db, tx_act, x);
  if (err && nerr_match(err, NERR_POINTS_REFUSED) && *x->res != MADMIN_OK) nerr_ignore(&err);
  return nerr_pass(err);
}

NEOERR *members_admin_grant(MYSQL *db, ent_scope scope, const audit_actor *who, long long id, long long amount,
                            const char *expires, const char *reason, madmin_result *res) {
  long long valid = 0;
  *res = MADMIN_OK;
  if (amount < 1 || amount > MEMBER_ADJUST_MAX) return nerr_raise(NERR_ASSERT, "grant amount %lld", amount);
  NEOERR *err = db_query_ll(db, SQL_VALID_EXPIRY, DBA(DS(expires), DS(expires), DS(expires)), &valid, NULL);
  if (err) return nerr_pass(err);
  if (!valid) {
    *res = MADMIN_BAD_DATE;
    return STATUS_OK;
  }
  struct act x = {
      .what = ACT_GRANT, .scope = scope, .who = who, .id = id, .amount = amount, .expires = expires, .reason = reason, .res = res};
  return nerr_pass(run(db, &x));
}

NEOERR *members_admin_deduct(MYSQL *db, ent_scope scope, const audit_actor *who, long long id, long long amount,
                             const char *reason, madmin_result *res) {
  if (amount < 1 || amount > MEMBER_ADJUST_MAX) return nerr_raise(NERR_ASSERT, "deduct amount %lld", amount);
  struct act x = {.what = ACT_DEDUCT, .scope = scope, .who = who, .id = id, .amount = amount, .reason = reason, .res = res};
  return nerr_pass(run(db, &x));
}

NEOERR *members_admin_set_status(MYSQL *db, ent_scope scope, const audit_actor *who, long long id, const char *status,
                                 const char *reason, madmin_result *res) {
  if (strcmp(status, "frozen") && strcmp(status, "active")) return nerr_raise(NERR_ASSERT, "member status %s", status);
  struct act x = {.what = ACT_STATUS, .scope = scope, .who = who, .id = id, .status = status, .reason = reason, .res = res};
  return nerr_pass(run(db, &x));
}

NEOERR *members_admin_reset_password(MYSQL *db, ent_scope scope, const audit_actor *who, long long id,
                                     madmin_result *res, int *sent) {
  char pw[MEMBER_TEMP_PASSWORD_LEN + 1];
  *sent = 0;
  if (password_generate(pw, sizeof pw)) return nerr_raise(NERR_SYSTEM, "no randomness for a temporary password");
  struct act x = {.what = ACT_PASSWORD, .scope = scope, .who = who, .id = id, .password = pw, .res = res};
  NEOERR *err = run(db, &x);
  if (!err && *res == MADMIN_OK) {
    /* After COMMIT: the text must never announce a password that was rolled back. */
    char text[200];
    snprintf(text, sizeof text, "【积分商城】您的登录密码已由客服重置，临时密码：%s ，请尽快登录并修改密码。", pw);
    err = sms_send(db, x.mobile, "admin_reset", text, sent);
    memset(text, 0, sizeof text);
  }
  memset(pw, 0, sizeof pw);
  return nerr_pass(err);
}
