/* blocked.h: the blacklist at the door — one call refuses a request whose client IP, member mobile or merchant
 * account is blacklisted (403 page in zh/en saying how to appeal, logged), one call counts an event for the rules */
#ifndef MALL_BLOCKED_H
#define MALL_BLOCKED_H
#include "request.h"
#include "shared/blacklist.h"

/* Checks the client IP and the given subjects (mobile, merchant: NULL when not known) against this process's copy of
 * the list. *blocked = 1 when refused: the 403 page is set and the handler returns at once. Use it first thing in any
 * handler that signs in, texts a code, pays, claims or scans. */
NEOERR *req_blacklist_guard(req *r, const char *mobile, const char *merchant, int *blocked);
/* Counts one event (BL_EVENT_*) for the client IP and the given subjects; a rule crossed blocks them from the next
 * request on. Never fails the request: a database error is logged and dropped. */
void req_blacklist_event(req *r, const char *event, const char *mobile, const char *merchant);

#endif
