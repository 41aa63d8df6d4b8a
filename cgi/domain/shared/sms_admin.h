/* sms_admin.h: reading the SMS outbox for the back office (B10) — with live codes and passwords masked */
#ifndef MALL_SMS_ADMIN_H
#define MALL_SMS_ADMIN_H
#include "db.h"
#include "shared/list_stmt.h"

#define SMS_COUNT_CAP 1000  /* counts past it show as "1000+" */
#define SMS_OFFSET_PAGES 20 /* numbered pages; deeper ones seek (?after=<id>) */

/* mobile: a prefix (digits), a whole mobile, or "" for all. Newest first, from offset or (after > 0) from the text
 * before id after. Rows under prefix.N: id, mobile, purpose, body (masked: 6-digit runs → ******, a reset password →
 * **********), driver, status, error, created_at. *total counts up to SMS_COUNT_CAP + 1. */
NEOERR *sms_outbox_list(MYSQL *db, const char *mobile, long long offset, long long after, int limit, HDF *out,
                        const char *prefix, int *rows, long long *total);
/* The statements it runs (count = 1: the bounded count), for the EXPLAIN test. */
void sms_outbox_stmt(const char *mobile, long long offset, long long after, int limit, int count, list_stmt *out);

#endif
