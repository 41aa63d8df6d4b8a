/* inbox_read.h: the member's side of the inbox (A9) — list, unread count, mark read. inbox.h adds notices. */
#ifndef MALL_INBOX_READ_H
#define MALL_INBOX_READ_H
#include "db.h"

/* Newest first: id, kind, title, body, link, unread (0/1), time. */
NEOERR *inbox_list(MYSQL *db, long long member_id, HDF *out, const char *prefix, long long offset, int limit,
                   long long *total);
NEOERR *inbox_unread(MYSQL *db, long long member_id, long long *count);
/* *found = 0 for someone else's or an unknown notice. Marking a read notice again is a no-op. */
NEOERR *inbox_mark_read(MYSQL *db, long long member_id, long long id, int *found);
NEOERR *inbox_mark_all_read(MYSQL *db, long long member_id, long long *marked);

#endif
