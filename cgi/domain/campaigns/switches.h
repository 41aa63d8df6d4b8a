/* switches.h: the emergency switch (F4) — pause and resume one activity or all redemption (audited), and the
 * state every member page's banner shows, kept per process and checked against the database at most once a second */
#ifndef MALL_SWITCHES_H
#define MALL_SWITCHES_H
#include "db.h"
#include "backoffice/audit.h"

#define SWITCH_REASON_MAX 200 /* characters */
#define SWITCH_BANNER_MAX 8   /* paused activities a banner lists */

typedef enum {
  SWITCH_OK,
  SWITCH_NOT_FOUND, /* no such activity */
  SWITCH_UNCHANGED, /* paused already (pause) or not paused (resume) */
} switch_result;

/* Pauses all redemption (activity_id 0) or one activity, with a reason (required, clipped to SWITCH_REASON_MAX
 * characters); resume clears it. One transaction with its audit entry; then every app process is told. */
NEOERR *switch_pause(MYSQL *db, const audit_actor *who, long long activity_id, const char *reason, switch_result *res);
NEOERR *switch_resume(MYSQL *db, const audit_actor *who, long long activity_id, switch_result *res);

typedef struct {
  long long id;
  char title_zh[DB_VARCHAR(200)], title_en[DB_VARCHAR(200)], reason[DB_VARCHAR(SWITCH_REASON_MAX)];
} switch_activity;

typedef struct {
  int mall_paused;
  char mall_reason[DB_VARCHAR(SWITCH_REASON_MAX)], paused_at[32];
  int nactivities; /* paused activities still running (at most SWITCH_BANNER_MAX) */
  switch_activity activities[SWITCH_BANNER_MAX];
} switch_state;

/* Reads the state now (the back office's page, mallctl). */
NEOERR *switch_read(MYSQL *db, switch_state *st);

/* This process's copy for the banner: re-read when this machine's catalog generation moved, and otherwise checked
 * against the switch's version (one primary-key read) at most once a second — a pause made on another machine
 * shows within a second. When the state changed, drops this machine's page caches. Never fails: on a database
 * error the previous copy stays. */
const switch_state *switch_poll(MYSQL *db);

/* Running activities for the back office's switch page (and the monitor): prefix.N.{id, title, paused,
 * pause_reason, points_budget, cash_budget_fen, member_day_cap, points_spent, cash_spent_fen, orders, tripped}. */
NEOERR *switch_list_activities(MYSQL *db, HDF *out, const char *prefix);
/* One activity's title (zh) for a confirmation; *found = 0 when there is none. */
NEOERR *switch_activity_title(MYSQL *db, long long id, char *title, size_t len, int *found);

/* The banner, as page values: Guard.MallPaused, Guard.Reason, Guard.Activities.N.{id,title,reason}. */
NEOERR *switch_to_hdf(const switch_state *st, HDF *hdf, const char *lang);

#endif
