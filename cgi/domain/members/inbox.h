/* inbox.h: member notifications (order shipped, points expiring, voucher used …) */
#ifndef MALL_INBOX_H
#define MALL_INBOX_H
#include "db.h"

/* Adds a notification. dedupe_key (may be NULL) makes repeats of the same notice a no-op,
 * e.g. "expiry:<lot id>" so a reminder job run twice tells the member once. *added = 0 on a repeat. */
NEOERR *inbox_add(MYSQL *db, long long member_id, const char *kind, const char *title, const char *body,
                  const char *link, const char *dedupe_key, int *added);

#endif
