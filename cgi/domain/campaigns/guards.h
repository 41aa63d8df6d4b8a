/* guards.h: circuit breakers (F2) and the pause switches (F4) as a payment meets them — daily caps per member, daily
 * budgets per activity, refusals that roll the payment back, and what a cancel gives back. No HTTP here. */
#ifndef MALL_GUARDS_H
#define MALL_GUARDS_H
#include "db.h"

typedef enum {
  GUARD_OK,
  GUARD_MALL_PAUSED,     /* all redemption paused */
  GUARD_ACTIVITY_PAUSED, /* activity_id paused */
  GUARD_TRIPPED,         /* activity_id over its daily budget (or tripped already today) */
  GUARD_CAP_PRODUCT,     /* the member's daily cap of product_id */
  GUARD_CAP_ACTIVITY,    /* the member's daily cap across the products of activity_id */
  GUARD_NOT_RUNNING,     /* activity_id has not started or has ended (code scans) */
} guard_result;

/* One running activity an order met, with the points and cash of its products in the order (the monitor counts them). */
typedef struct {
  long long id, points, cash;
} guard_activity;

#define GUARD_MAX_ACTIVITIES 64

/* A running activity's day budget the order is to be counted against, and the count its UPDATE reported. */
typedef struct {
  long long id, units, points, cash, points_budget, cash_budget, taken;
} guard_budget;

typedef struct {
  guard_result result;
  long long activity_id, product_id;
  int nactivities; /* the order's running activities, ascending id (GUARD_OK only) */
  guard_activity activities[GUARD_MAX_ACTIVITIES];
  int nbudgets; /* those with a day budget, ascending id (guards_pay leaves them to guards_budget_send) */
  guard_budget budgets[GUARD_MAX_ACTIVITIES];
} guard_outcome;

/* Inside the payment's transaction, after the member row is locked: the mall switch (a locking read, so a pause
 * that committed is always seen), the order's running activities (paused?), then the per-member day caps of products
 * and activities — each one UPDATE whose affected row count decides. The activities' day budgets are left in
 * out->budgets for guards_budget_send. Records what was counted for guards_release. out->result != GUARD_OK: nothing
 * may be committed (the caller refuses and rolls back). */
NEOERR *guards_pay(MYSQL *db, long long member_id, long long order_id, guard_outcome *out);
/* Then, just before the payment's hot product rows: each budget's conditional UPDATE (an activity's day row, held to
 * COMMIT like the stock) sent without waiting (db_exec_deferred), so it shares a round trip with the stock UPDATEs
 * and the monitor's rows; guards_budget_check reads the counts once the caller has settled them. */
NEOERR *guards_budget_send(MYSQL *db, long long order_id, guard_outcome *g);
/* After db_settle: a budget that refused is the day's trip (out->result GUARD_TRIPPED, activity_id), unless its day
 * row was missing (the day's first payments): then it is made and the budget taken once more. */
NEOERR *guards_budget_check(MYSQL *db, guard_outcome *g);
/* The same for an order whose plain read before the transaction met no product in an activity and none with a daily
 * cap: the mall switch alone (a locking read, as above) — the settings read costs more than the rest of a guard. An
 * activity or cap set on its products in the instant between that read and the payment does not apply to it. */
NEOERR *guards_pay_switch_only(MYSQL *db, guard_outcome *out);
/* Or, for such an order, joined into the payment's first UPDATE of its order row: the statement changes nothing
 * while the mall is paused, and reading the switch in a multi-table UPDATE takes the same share lock. When it
 * changed nothing, guards_pay_switch_only tells whether the switch was why. */
#define GUARDS_SWITCH_OPEN_JOIN " JOIN mall_switch guard_switch ON guard_switch.id = 1 AND guard_switch.paused = 0 "

/* After a refused payment rolled back: marks the activity tripped for today (once) and tells every app process. */
NEOERR *guards_trip(MYSQL *db, long long activity_id);

/* Inside a paid order's cancel transaction: gives back what its payment counted today (caps and budgets; a trip
 * stays until the next day or a budget raise). */
NEOERR *guards_release(MYSQL *db, long long order_id);

/* Inside an activity's save transaction: clears today's trip when the budgets now leave room. *untripped = 1
 * when it did. */
NEOERR *guards_untrip(MYSQL *db, long long activity_id, int *untripped);

/* The refusal text a member sees for an activity (trip message or pause reason), in lang ("en" or "zh-CN"), into
 * buf. An empty trip message means the style's default, which the caller takes from its language file:
 * *lottery says which. */
NEOERR *guards_activity_message(MYSQL *db, long long activity_id, const char *lang, char *title, size_t title_len,
                                char *message, size_t len, int *lottery, int *paused, int *tripped);

/* The first running activity of a product that is paused or has tripped today (*activity_id 0: none), for the
 * product page's message. */
NEOERR *guards_product_stopped(MYSQL *db, long long product_id, long long *activity_id);

/* One-item code scans (F5). Before the scan's transaction (autocommit): creates today's budget row of the activity
 * when it has a budget, so the scan's transaction only UPDATEs it. */
NEOERR *guards_scan_prepare(MYSQL *db, long long activity_id);
/* Inside the scan's transaction, after the member row and the code are locked: the mall switch (locking read), the
 * activity (paused, running), the member's day count of the activity (a scan counts as one unit against its
 * member_day_cap, shared with its products' payments), then the activity's day points budget (the points leave it
 * like a payment's). out->result != GUARD_OK: the caller rolls back (and calls guards_trip for GUARD_TRIPPED). */
NEOERR *guards_scan(MYSQL *db, long long member_id, long long activity_id, long long points, guard_outcome *out);

/* Activity bonuses (P2), inside the earn's transaction: points out of the activity's day points budget (budget 0 =
 * none: always *ok), by the same conditional UPDATE as a scan's (never past the budget, never on a tripped day).
 * *ok = 0: refused, nothing counted. */
NEOERR *guards_points_take(MYSQL *db, long long activity_id, long long points, long long budget, int *ok);

/* Moves the switch version (after any change a page shows: pause, resume, trip, untrip) and this machine's
 * catalog generation; other machines see the version within a second (switch_poll). */
NEOERR *guards_notify(MYSQL *db);

#endif
