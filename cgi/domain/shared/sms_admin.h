/* sms_admin.h: reading the SMS outbox for the back office (B10) — with live codes and passwords masked */
#ifndef MALL_SMS_ADMIN_H
#define MALL_SMS_ADMIN_H
#include "db.h"

/* mobile: a prefix (digits) or "" for all. Newest first. Rows under prefix.N: id, mobile, purpose, body (masked:
 * 6-digit runs → ******, a reset password → **********), driver, status, error, created_at. */
NEOERR *sms_outbox_list(MYSQL *db, const char *mobile, long long offset, int limit, HDF *out, const char *prefix,
                        long long *total);

#endif
