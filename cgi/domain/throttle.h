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

#endif
