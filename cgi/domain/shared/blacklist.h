/* blacklist.h: the blacklist (F3) — is a client IP, member mobile or merchant account blocked (this process's copy
 * of the active entries: no query), and the events automatic rules count (sign-in failures, SMS codes, payments) */
#ifndef MALL_BLACKLIST_H
#define MALL_BLACKLIST_H
#include "db.h"

/* A copy is trusted without a query while the blacklist generation stands still (changes on this machine) and for at
 * most this long; then one row (blacklist_version, raised with every change in the database) says whether another
 * app machine changed the list, and only then is the list read again. */
#define BLACKLIST_VERIFY_SECONDS 1

/* The entry that blocks a request. */
typedef struct {
  long long id;      /* 0: not blocked */
  char kind[12];     /* "ip", "mobile", "merchant" */
  char value[72];    /* what the entry names: an address, a range, a mobile, a username */
  long long expires; /* unix time it lapses; 0 = until removed */
  char until[20];    /* the same as the mall prints it ("" = until removed) */
} blacklist_hit;

/* Is any of ip, mobile, merchant (each may be NULL or "") on the list now? hit->id = 0 when none is. No query while
 * this process's copy is fresh (see BLACKLIST_VERIFY_SECONDS); the list is read again only after a change. Entries
 * lapse by their expiry time in the copy, without any write. */
NEOERR *blacklist_check(MYSQL *db, const char *ip, const char *mobile, const char *merchant, blacklist_hit *hit);

/* Event kinds automatic rules count (blacklist_rules.event). */
#define BL_EVENT_SIGNIN_FAIL "signin_fail"
#define BL_EVENT_SMS_CODE "sms_code"
#define BL_EVENT_PAYMENT "payment"
#define BL_EVENT_CODE_SCAN "code_scan" /* a one-item code scan (F5), whatever its outcome */
#define BL_EVENT_COUPON_CLAIM "coupon_claim" /* a coupon claim (F6), whatever its outcome */

/* Records one event for each of its subjects (ip, mobile, merchant; NULL or "" skips one) that an enabled rule
 * watches, then evaluates those rules in one statement per subject; a rule crossed adds an entry naming it, for its
 * block time, and every process's copy is dropped. *caught = 1 when a subject was blacklisted now. Call it outside
 * any transaction (it runs its own, so a deadlock between two racing events is retried). */
NEOERR *blacklist_event(MYSQL *db, const char *event, const char *ip, const char *mobile, const char *merchant,
                        int *caught);

/* Drops this process's copy (after a change made in this process, and for tests). */
void blacklist_forget(void);
/* Inside the transaction of any change of entries or rules: other machines' copies go stale. */
NEOERR *blacklist_version_raise(MYSQL *db);

#endif
