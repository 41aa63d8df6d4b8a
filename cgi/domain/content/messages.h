/* messages.h: members' messages to the operator (A5) — post, own list with replies, public wall */
#ifndef MALL_MESSAGES_H
#define MALL_MESSAGES_H
#include "shared/list_stmt.h"

#define MESSAGE_MAX_CHARS 500
#define MESSAGE_DAILY_MAX 20 /* per member per day: a wall is no place for floods */

/* Posts a pending message; *ok = 0 (nothing written) when the member hit MESSAGE_DAILY_MAX today. */
NEOERR *message_post(MYSQL *db, long long member_id, const char *content, int *ok);
/* Own messages, newest first (arg: the member): id, content, status, reply, date, replied (date or unset). */
extern const id_list MESSAGES_MINE;
/* Approved messages of everyone, newest first (no arg): id, content, reply, date, replied, who (masked mobile). */
extern const id_list MESSAGES_PUBLIC;

#endif
