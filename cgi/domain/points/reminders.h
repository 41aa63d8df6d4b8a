/* reminders.h: points-expiry reminders (P4) — SMS and inbox notice once per lot */
#ifndef MALL_REMINDERS_H
#define MALL_REMINDERS_H
#include "db.h"

#define REMINDER_MAX_DAYS 365

/* Reminds members of open lots with points left that expire within days days (today included):
 * each lot is claimed (reminded_at) together with its inbox notice, then texted, so a lot is reminded
 * once even when the job runs twice or concurrently. *lots = lots reminded by this run. */
NEOERR *reminders_send(MYSQL *db, int days, long long *lots);

#endif
