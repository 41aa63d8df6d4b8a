/* inbox_read.h: the member's side of the inbox (A9) — list, unread count, mark read. inbox.h adds notices. */
#ifndef MALL_INBOX_READ_H
#define MALL_INBOX_READ_H
#include "shared/list_stmt.h"

/* The member's inbox, newest first (arg: the member): id, kind, title, body, link, unread (0/1), time. */
extern const id_list INBOX_LIST;
/* Unread notices, counted up to INBOX_UNREAD_CAP + 1 (the pages show "99+"). */
#define INBOX_UNREAD_CAP 99
extern const char INBOX_UNREAD_SQL[]; /* (member, INBOX_UNREAD_CAP + 1) */
NEOERR *inbox_unread(MYSQL *db, long long member_id, long long *count);
/* *found = 0 for someone else's or an unknown notice. Marking a read notice again is a no-op. */
NEOERR *inbox_mark_read(MYSQL *db, long long member_id, long long id, int *found);
NEOERR *inbox_mark_all_read(MYSQL *db, long long member_id, long long *marked);

#endif
