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
/* Deletes events of scope older than keep seconds (a few rows per call, cheap to run often). */
NEOERR *throttle_prune(MYSQL *db, const char *scope, int keep);

/* Sign-in throttling, the same for members, admins and merchants: failures counted per account and
 * per client IP within a window. */
typedef struct {
  const char *scope_account, *scope_ip;
  int account_limit, ip_limit, window;
} login_guard;
typedef enum { LOGIN_OPEN, LOGIN_IP_LOCKED, LOGIN_ACCOUNT_LOCKED } login_lock;
/* Is a sign-in to account from ip allowed now? *left: seconds until it is, when locked. */
NEOERR *login_guard_check(MYSQL *db, const login_guard *g, const char *account, const char *ip, login_lock *lock,
                          long long *left);
/* A wrong password (or unknown account: counted too, so a lock reveals nothing about existence). */
NEOERR *login_guard_failed(MYSQL *db, const login_guard *g, const char *account, const char *ip);
/* A successful sign-in forgets the account's failures. */
NEOERR *login_guard_passed(MYSQL *db, const login_guard *g, const char *account);

#endif
