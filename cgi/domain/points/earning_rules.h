/* earning_rules.h: earning rules (P2) — consumption rules per enterprise (versions, rounding, a cap per member per mall
 * day) applied to a partner's reported consumption, activity bonuses paid with such an earn (kind 'bonus', within the
 * activity's window and day budget) and taken back with its reverse; the back office's lists and saves. No HTTP. */
#ifndef MALL_EARNING_RULES_H
#define MALL_EARNING_RULES_H
#include "backoffice/audit.h"
#include "db.h"
#include "points/points.h"

#define EARN_CODE_MAX 32
#define EARN_AMOUNT_MAX 100000000000LL /* one reported consumption: ¥1,000,000,000.00 */
#define EARN_MAX_BONUSES 8             /* bonuses one earn can get (running bonus activities, lowest ids first) */

/* What a rule did for one earn (the API's answer shows it). */
typedef struct {
  long long rule_id;
  char code[EARN_CODE_MAX + 1];
  int version;
  long long amount_fen, computed, points; /* computed by the rule; points: what the day cap left (credited) */
  int capped;                             /* points < computed */
} earn_rule_use;

typedef struct {
  long long activity_id, points, ledger_id; /* points signed as the ledger holds them */
} earn_bonus_paid;

typedef enum {
  EARN_RULE_OK,
  EARN_RULE_UNKNOWN,  /* no such rule code in the enterprise, or its newest version is disabled */
  EARN_RULE_NOTHING,  /* the amount gives no point under the rule */
  EARN_RULE_CAP_USED, /* the member's day cap of the rule is used up */
  EARN_RULE_TOO_MUCH, /* the rule gives more than max_points for one earn */
} earn_rule_result;

/* Inside the earn's transaction, before the credit: locks the member row, applies the newest version of the
 * enterprise's rule code to amount_fen, then takes the points from the member's day count of the rule with one
 * conditional statement (never past the cap; a partial room gives what is left). *res != EARN_RULE_OK: nothing was
 * counted and the caller refuses (rolls back). */
NEOERR *earning_rule_apply(MYSQL *db, const char *enterprise, const char *code, long long member_id,
                           long long amount_fen, long long max_points, earn_rule_use *use, earn_rule_result *res);
/* After the earn's operation row (op_id) is written: records the rule's use. */
NEOERR *earning_rule_record(MYSQL *db, long long op_id, const char *enterprise, long long member_id,
                            const earn_rule_use *use);

/* Before the earn's transaction (autocommit): today's budget rows of the running bonus activities with a budget, so
 * two first bonuses of a day only ever UPDATE them. */
NEOERR *earning_bonuses_prepare(MYSQL *db, const char *enterprise);
/* Inside the earn's transaction, after the credit (earn_ledger_id, points, expiring on expires): one 'bonus' entry
 * per running, unpaused bonus activity of the enterprise whose day budget still holds the bonus (all or nothing per
 * activity). out gets up to EARN_MAX_BONUSES, *n their number. */
NEOERR *earning_bonuses_pay(MYSQL *db, const char *enterprise, long long member_id, long long earn_ledger_id,
                            long long points, const char *expires, earn_bonus_paid *out, int *n);

/* Inside the reverse's transaction, after the earn entry earn_ledger_id of operation op_id was taken back: its
 * bonuses taken back (negative 'bonus' entries; budget given back to the day it used) and its rule points given back
 * to the member's day count. A bonus partly spent or expired: refused (POINTS_LOT_USED in *res, NERR_POINTS_REFUSED). */
NEOERR *earning_reverse(MYSQL *db, long long op_id, long long earn_ledger_id, long long member_id, const char *note,
                        earn_bonus_paid *out, int *n, points_result *res);

/* ---- back office ---- */
typedef struct {
  const char *enterprise, *code, *name, *rounding, *status;
  long long points_per_unit, unit_fen, member_day_cap;
} earning_rule_spec;

typedef enum {
  RULE_SAVE_OK,
  RULE_SAVE_NOT_FOUND,     /* the version being edited does not exist */
  RULE_SAVE_NO_ENTERPRISE, /* no such enterprise */
  RULE_SAVE_CODE_TAKEN,    /* a new rule's code exists in the enterprise already */
  RULE_SAVE_BAD_CODE,      /* code not 1-32 of A-Z a-z 0-9 - _ . : */
} rule_save_result;

/* Rule codes are what partners send: 1-32 of A-Z a-z 0-9 - _ . : */
int earning_code_valid(const char *code);
/* The newest version of every rule of the enterprise, by code: prefix.N.{id, code, version, name, points_per_unit,
 * unit_fen, rounding, member_day_cap, status, created_at}. */
NEOERR *earning_rules_list(MYSQL *db, const char *enterprise, HDF *out, const char *prefix, int *rows);
/* One version (prefix.{…, enterprise, enterprise_name, newest}); *found = 0 when none. */
NEOERR *earning_rule_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found);
/* Every version of the rule that version id belongs to, newest first. */
NEOERR *earning_rule_versions(MYSQL *db, long long id, HDF *out, const char *prefix, int *rows);
/* In one transaction: from_id 0 → version 1 of a new code (s->enterprise, s->code); else the next version of the code
 * version from_id belongs to (s->enterprise and s->code ignored). Audited (entity earning_rule). *new_id: the row. */
NEOERR *earning_rule_save(MYSQL *db, const audit_actor *who, long long from_id, const earning_rule_spec *s,
                          long long *new_id, rule_save_result *res);

/* Every activity bonus with its activity: prefix.N.{activity_id, title, starts_at, ends_at, points_budget,
 * enterprise, kind, multiplier_pct, fixed_points, status, running, paid_today}. */
NEOERR *earning_bonuses_list(MYSQL *db, HDF *out, const char *prefix, int *rows);
/* Creates or replaces the bonus of an activity, audited (entity activity_bonus). *found = 0: no such activity;
 * *bad_enterprise = 1: enterprise is neither '' nor a known one. */
NEOERR *earning_bonus_save(MYSQL *db, const audit_actor *who, long long activity_id, const char *enterprise,
                           const char *kind, long long pct, long long fixed_points, const char *status, int *found,
                           int *bad_enterprise);

#endif
