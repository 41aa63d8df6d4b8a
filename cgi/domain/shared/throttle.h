/* throttle.h: sliding-window counters over throttle_events (failed logins, risky actions) */
#ifndef MALL_THROTTLE_H
#define MALL_THROTTLE_H
#include "db.h"

/* Records one event for scope+subject now. */
NEOERR *throttle_hit(MYSQL *db, const char *scope, const char *subject);
/* *seconds_left > 0 when scope+subject had at least limit events in the last window seconds:
 * the time until the limit-th most recent event leaves the window. 0 otherwise. */
NEOERR *throttle_locked(MYSQL *db, const char *scope, const char *subject, int limit, int window,
                        long long *seconds_left);
/* Forgets the events of scope+subject (e.g. account failures after a successful sign-in). */
NEOERR *throttle_clear(MYSQL *db, const char *scope, const char *subject);
/* One attempt at scope+subject, counted and decided in one step: while fewer than limit events are in the window
 * it records one (the attempt counts as a failure until throttle_forget) and sets *event_id; otherwise
 * *seconds_left > 0 and nothing is recorded. Concurrent attempts queue on the subject's lock row, so no more than
 * limit of any number sent at once get through (a check, then a hit, let 8 of 30 parallel guesses in). */
NEOERR *throttle_take(MYSQL *db, const char *scope, const char *subject, int limit, int window,
                      long long *seconds_left, long long *event_id);
/* The attempt throttle_take recorded did not fail after all: it no longer counts (0: nothing to forget). */
NEOERR *throttle_forget(MYSQL *db, long long event_id);
/* Inside a transaction: takes (creating when new) scope+subject's lock row and holds it to the transaction's end, so
 * transactions deciding on the same subject queue here, one after another — a plain row lock instead of a locking
 * range read (whose gap locks stalled under load), and a row write that a Galera cluster certifies across nodes. */
NEOERR *throttle_queue(MYSQL *db, const char *scope, const char *subject);
/* Deletes events of scope older than keep seconds (a few rows per call, cheap to run often). */
NEOERR *throttle_prune(MYSQL *db, const char *scope, int keep);

/* Sign-in throttling, the same for members, admins and merchants: failures counted per account and
 * per client IP within a window. */
typedef struct {
  const char *scope_account, *scope_ip;
  int account_limit, ip_limit, window;
} login_guard;
typedef enum { LOGIN_OPEN, LOGIN_IP_LOCKED, LOGIN_ACCOUNT_LOCKED } login_lock;
/* The attempt a sign-in holds while its password is checked (the events login_guard_enter recorded). */
typedef struct {
  long long ip_event, account_event;
} login_ticket;
/* May account be tried from ip now? When open, the attempt is recorded for both at once (as a failure until
 * login_guard_passed or login_guard_void): so 30 parallel guesses check at most the limit's worth of passwords.
 * *left: seconds until it opens, when locked. */
NEOERR *login_guard_enter(MYSQL *db, const login_guard *g, const char *account, const char *ip, login_lock *lock,
                          long long *left, login_ticket *t);
/* A wrong password (or unknown account: counted too, so a lock reveals nothing about existence): the attempt stays
 * counted; old events are pruned. */
NEOERR *login_guard_failed(MYSQL *db, const login_guard *g);
/* A successful sign-in forgets the account's failures and this attempt's IP event. */
NEOERR *login_guard_passed(MYSQL *db, const login_guard *g, const char *account, const login_ticket *t);
/* Neither right nor wrong (a frozen or disabled account): the attempt does not count. */
NEOERR *login_guard_void(MYSQL *db, const login_ticket *t);

#endif
