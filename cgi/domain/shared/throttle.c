/* throttle.c: sliding-window counters over throttle_events (failed logins, risky actions) */
#include "shared/throttle.h"

static const char SQL_THROTTLE_HIT[] = "INSERT INTO throttle_events (scope, subject, created_at) VALUES (?, ?, NOW())";
/* The limit-th most recent event in the window decides how long the lock lasts. */
static const char SQL_THROTTLE_NTH[] =
    "SELECT TIMESTAMPDIFF(SECOND, NOW(), created_at + INTERVAL ? SECOND) FROM throttle_events "
    "WHERE scope = ? AND subject = ? AND created_at > NOW() - INTERVAL ? SECOND "
    "ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?";
static const char SQL_THROTTLE_CLEAR[] = "DELETE FROM throttle_events WHERE scope = ? AND subject = ?";
static const char SQL_THROTTLE_PRUNE[] =
    "DELETE FROM throttle_events WHERE scope = ? AND created_at < NOW() - INTERVAL ? SECOND LIMIT 500";

NEOERR *throttle_hit(MYSQL *db, const char *scope, const char *subject) {
  return nerr_pass(db_exec(db, SQL_THROTTLE_HIT, DBA(DS(scope), DS(subject)), NULL, NULL));
}

NEOERR *throttle_locked(MYSQL *db, const char *scope, const char *subject, int limit, int window,
                        long long *seconds_left) {
  long long left = 0;
  int found = 0;
  *seconds_left = 0;
  NEOERR *err = db_query_ll(db, SQL_THROTTLE_NTH, DBA(DI(window), DS(scope), DS(subject), DI(window), DI(limit - 1)),
                            &left, &found);
  if (err) return nerr_pass(err);
  if (found) *seconds_left = left > 0 ? left : 1;
  return STATUS_OK;
}

NEOERR *throttle_clear(MYSQL *db, const char *scope, const char *subject) {
  return nerr_pass(db_exec(db, SQL_THROTTLE_CLEAR, DBA(DS(scope), DS(subject)), NULL, NULL));
}

NEOERR *throttle_prune(MYSQL *db, const char *scope, int keep) {
  return nerr_pass(db_exec(db, SQL_THROTTLE_PRUNE, DBA(DS(scope), DI(keep)), NULL, NULL));
}

NEOERR *login_guard_check(MYSQL *db, const login_guard *g, const char *account, const char *ip, login_lock *lock,
                          long long *left) {
  *lock = LOGIN_OPEN;
  NEOERR *err = throttle_locked(db, g->scope_ip, ip, g->ip_limit, g->window, left);
  if (err || *left) {
    if (!err) *lock = LOGIN_IP_LOCKED;
    return nerr_pass(err);
  }
  err = throttle_locked(db, g->scope_account, account, g->account_limit, g->window, left);
  if (!err && *left) *lock = LOGIN_ACCOUNT_LOCKED;
  return nerr_pass(err);
}

NEOERR *login_guard_failed(MYSQL *db, const login_guard *g, const char *account, const char *ip) {
  NEOERR *err = throttle_hit(db, g->scope_ip, ip);
  if (!err) err = throttle_hit(db, g->scope_account, account);
  if (!err) err = throttle_prune(db, g->scope_ip, 2 * g->window);
  if (!err) err = throttle_prune(db, g->scope_account, 2 * g->window);
  return nerr_pass(err);
}

NEOERR *login_guard_passed(MYSQL *db, const login_guard *g, const char *account) {
  return nerr_pass(throttle_clear(db, g->scope_account, account));
}
