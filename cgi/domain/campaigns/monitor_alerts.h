/* monitor_alerts.h: the monitor's alerts (F1) — settings per activity, evaluation (from mallctl's job and from the
 * monitor pages), each alert fired and texted once, acknowledged by an admin (audited). No HTTP. */
#ifndef MALL_MONITOR_ALERTS_H
#define MALL_MONITOR_ALERTS_H
#include "db.h"
#include "backoffice/audit.h"

#define MONITOR_MOBILES_MAX 5 /* on-duty mobiles per activity */

typedef struct {
  int surge_pct, surge_minutes, surge_min_orders, budget_pct, on_trip;
  char duty_mobiles[DB_VARCHAR(200)];
} monitor_settings;

/* An activity's settings (the table's defaults when it has none). *found = 0 when there is no such activity. */
NEOERR *monitor_settings_get(MYSQL *db, long long activity_id, monitor_settings *s, int *found);
/* 1 when text is up to MONITOR_MOBILES_MAX mainland mobiles separated by commas or spaces; writes them to out as
 * "m1,m2" (sorted as given, duplicates dropped). */
int monitor_mobiles_normalize(const char *text, char *out, size_t len);
/* Saves them in one transaction with the audit entry (entity monitor_settings, the activity's id). */
NEOERR *monitor_settings_save(MYSQL *db, const audit_actor *who, long long activity_id, const monitor_settings *s);

/* Evaluates every running activity's alerts: a new one is one INSERT IGNORE on its unique key (two evaluators
 * racing make one row), then texted to the activity's on-duty mobiles by whichever evaluator claims it first (one
 * conditional UPDATE). *fired: alerts this run created; *texted: texts it sent. */
NEOERR *monitor_evaluate(MYSQL *db, int *fired, int *texted);

typedef enum { MONITOR_ACK_OK, MONITOR_ACK_NOT_FOUND, MONITOR_ACK_ALREADY } monitor_ack_result;
/* Records who acknowledged an alert and when (once), with its audit entry (entity monitor_alert). */
NEOERR *monitor_ack(MYSQL *db, const audit_actor *who, long long alert_id, monitor_ack_result *res);

/* Drops activity_payments rows older than two days, at most 10,000 per statement. */
NEOERR *monitor_purge(MYSQL *db, long long *removed);

/* The evaluation's statements, for the EXPLAIN tests: surge windows, surge slot, alerts to text, running activities. */
extern const char *const MONITOR_ALERT_SQL[4];

#endif
