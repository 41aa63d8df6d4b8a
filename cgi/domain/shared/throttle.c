/* throttle.c: sliding-window counters over throttle_events (failed logins, risky actions) */
#include "shared/throttle.h"

static const char SQL_THROTTLE_HIT[] = "INSERT INTO throttle_events (scope, subject, created_at) VALUES (?, ?, NOW())";
/* The limit-th most recent event in the window decides how long the lock lasts. */
static const char SQL_THROTTLE_NTH[] =
    "SELECT TIMESTAMPDIFF(SECOND, NOW(), created_at + INTERVAL ? SECOND) FROM throttle_events "
    "WHERE scope = ? AND subject = ? AND created_at > NOW() - INTERVAL ? SECOND "
    "ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?";
/* The same inside the lock row's transaction, as a locking read: it reads the latest committed events. A plain read
 * there would use the snapshot of the transaction's first read — taken before it waited for the lock row (the IP's
 * count comes first) — and miss the events that the attempts it waited for committed meanwhile. */
static const char SQL_THROTTLE_NTH_LATEST[] =
    "SELECT TIMESTAMPDIFF(SECOND, NOW(), created_at + INTERVAL ? SECOND) FROM throttle_events "
    "WHERE scope = ? AND subject = ? AND created_at > NOW() - INTERVAL ? SECOND "
    "ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ? LOCK IN SHARE MODE";
/* A subject's events, read plainly and then deleted one by one on the primary key: a DELETE over the (scope,
 * subject) range takes next-key locks, and concurrent sign-ins inserting their own events next to it deadlocked with
 * it past the autocommit retries (a 500 on POST /login seen under 8 sign-ins at once). Usually there are none. */
static const char SQL_THROTTLE_EVENTS[] =
    "SELECT id FROM throttle_events WHERE scope = ? AND subject = ? ORDER BY id LIMIT 200";
static const char SQL_THROTTLE_PRUNE[] =
    "DELETE FROM throttle_events WHERE scope = ? AND created_at < NOW() - INTERVAL ? SECOND LIMIT 500";
/* Takes (creating when new) the subject's lock row; held to the transaction's end, it queues other attempts. */
static const char SQL_THROTTLE_LOCK[] = "INSERT INTO throttle_locks (scope, subject, touched_at) VALUES (?, ?, NOW()) "
                                        "ON DUPLICATE KEY UPDATE touched_at = NOW()";
static const char SQL_THROTTLE_LOCK_PRUNE[] =
    "DELETE FROM throttle_locks WHERE scope = ? AND touched_at < NOW() - INTERVAL ? SECOND LIMIT 500";
static const char SQL_THROTTLE_FORGET[] = "DELETE FROM throttle_events WHERE id = ?";

NEOERR *throttle_hit(MYSQL *db, const char *scope, const char *subject) {
  return nerr_pass(db_exec(db, SQL_THROTTLE_HIT, DBA(DS(scope), DS(subject)), NULL, NULL));
}

static NEOERR *nth_left(MYSQL *db, const char *sql, const char *scope, const char *subject, int limit, int window,
                        long long *seconds_left) {
  long long left = 0;
  int found = 0;
  *seconds_left = 0;
  NEOERR *err =
      db_query_ll(db, sql, DBA(DI(window), DS(scope), DS(subject), DI(window), DI(limit - 1)), &left, &found);
  if (err) return nerr_pass(err);
  if (found) *seconds_left = left > 0 ? left : 1;
  return STATUS_OK;
}

NEOERR *throttle_locked(MYSQL *db, const char *scope, const char *subject, int limit, int window,
                        long long *seconds_left) {
  return nerr_pass(nth_left(db, SQL_THROTTLE_NTH, scope, subject, limit, window, seconds_left));
}

NEOERR *throttle_clear(MYSQL *db, const char *scope, const char *subject) {
  long long ids[200];
  int n = 0;
  NEOERR *err =
      db_rows(db, SQL_THROTTLE_EVENTS, DBA(DS(scope), DS(subject)), DCOLS(DCOL_LL(&ids[0])), sizeof ids[0], 200, &n);
  for (int i = 0; !err && i < n; i++) err = db_exec(db, SQL_THROTTLE_FORGET, DBA(DI(ids[i])), NULL, NULL);
  return nerr_pass(err);
}

NEOERR *throttle_prune(MYSQL *db, const char *scope, int keep) {
  NEOERR *err = db_exec(db, SQL_THROTTLE_PRUNE, DBA(DS(scope), DI(keep)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_THROTTLE_LOCK_PRUNE, DBA(DS(scope), DI(keep)), NULL, NULL);
  return nerr_pass(err);
}

NEOERR *throttle_queue(MYSQL *db, const char *scope, const char *subject) {
  return nerr_pass(db_exec(db, SQL_THROTTLE_LOCK, DBA(DS(scope), DS(subject)), NULL, NULL));
}

/* Inside a transaction: lock, count, and record when open. */
static NEOERR *take_locked(MYSQL *db, const char *scope, const char *subject, int limit, int window, long long *left,
                           long long *event_id) {
  *event_id = 0;
  NEOERR *err = throttle_queue(db, scope, subject);
  if (!err) err = nth_left(db, SQL_THROTTLE_NTH_LATEST, scope, subject, limit, window, left);
  if (!err && !*left) err = db_exec(db, SQL_THROTTLE_HIT, DBA(DS(scope), DS(subject)), NULL, event_id);
  return nerr_pass(err);
}

struct take_args {
  const char *scope, *subject;
  int limit, window;
  long long *left, *event_id;
};

static NEOERR *take_tx(MYSQL *db, void *arg) {
  struct take_args *a = arg;
  return nerr_pass(take_locked(db, a->scope, a->subject, a->limit, a->window, a->left, a->event_id));
}

NEOERR *throttle_take(MYSQL *db, const char *scope, const char *subject, int limit, int window,
                      long long *seconds_left, long long *event_id) {
  struct take_args a = {scope, subject, limit, window, seconds_left, event_id};
  return nerr_pass(db_tx(db, take_tx, &a));
}

NEOERR *throttle_forget(MYSQL *db, long long event_id) {
  if (!event_id) return STATUS_OK;
  return nerr_pass(db_exec(db, SQL_THROTTLE_FORGET, DBA(DI(event_id)), NULL, NULL));
}

struct enter_args {
  const login_guard *g;
  const char *account, *ip;
  login_lock *lock;
  long long *left;
  login_ticket *t;
};

/* The IP's lock first, then the account's, in every sign-in: two attempts never wait on each other crosswise. */
static NEOERR *enter_tx(MYSQL *db, void *arg) {
  struct enter_args *a = arg;
  *a->lock = LOGIN_OPEN;
  a->t->ip_event = a->t->account_event = 0;
  NEOERR *err = take_locked(db, a->g->scope_ip, a->ip, a->g->ip_limit, a->g->window, a->left, &a->t->ip_event);
  if (err || *a->left) {
    if (!err) *a->lock = LOGIN_IP_LOCKED;
    return nerr_pass(err);
  }
  err = take_locked(db, a->g->scope_account, a->account, a->g->account_limit, a->g->window, a->left,
                    &a->t->account_event);
  if (!err && *a->left) {
    *a->lock = LOGIN_ACCOUNT_LOCKED;
    /* Refused: this attempt takes nothing from the IP either. */
    err = throttle_forget(db, a->t->ip_event);
    a->t->ip_event = 0;
  }
  return nerr_pass(err);
}

NEOERR *login_guard_enter(MYSQL *db, const login_guard *g, const char *account, const char *ip, login_lock *lock,
                          long long *left, login_ticket *t) {
  struct enter_args a = {g, account, ip, lock, left, t};
  return nerr_pass(db_tx(db, enter_tx, &a));
}

NEOERR *login_guard_failed(MYSQL *db, const login_guard *g) {
  NEOERR *err = throttle_prune(db, g->scope_ip, 2 * g->window);
  if (!err) err = throttle_prune(db, g->scope_account, 2 * g->window);
  return nerr_pass(err);
}

NEOERR *login_guard_passed(MYSQL *db, const login_guard *g, const char *account, const login_ticket *t) {
  NEOERR *err = throttle_forget(db, t->ip_event);
  if (!err) err = throttle_clear(db, g->scope_account, account);
  return nerr_pass(err);
}

NEOERR *login_guard_void(MYSQL *db, const login_ticket *t) {
  NEOERR *err = throttle_forget(db, t->ip_event);
  if (!err) err = throttle_forget(db, t->account_event);
  return nerr_pass(err);
}
