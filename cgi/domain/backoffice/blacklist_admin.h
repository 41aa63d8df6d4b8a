/* blacklist_admin.h: the back office's blacklist (F3) — entries listed, added and removed by hand, automatic rules
 * tuned; every change audited and every process's copy of the list dropped. No HTTP here. */
#ifndef MALL_BLACKLIST_ADMIN_H
#define MALL_BLACKLIST_ADMIN_H
#include "shared/list_stmt.h"
#include "backoffice/audit.h"

#define BLACKLIST_KINDS "ip|mobile|merchant"
#define BLACKLIST_REASON_MAX 200
/* The widest ranges an entry may name: a slip of the prefix must not block a whole country. */
#define BLACKLIST_MIN_PREFIX_V4 8
#define BLACKLIST_MIN_PREFIX_V6 16

/* Canonical value of an entry of kind, into out (64 bytes): an address or CIDR range with its host bits cleared, a
 * mobile, a username (trimmed). Returns NULL when valid, else the language key of the problem. */
const char *blacklist_value_check(const char *kind, const char *text, char out[65]);
/* "YYYY-MM-DD HH:MM[:SS]" (a 'T' for the space too, as datetime-local sends it) into "YYYY-MM-DD HH:MM:SS". 0 ok. */
int blacklist_expiry_parse(const char *text, char out[20]);

/* Entries, newest first. kind: "" or one of BLACKLIST_KINDS; state: "active", "ended" or "all"; q: "" or the start
 * of the value. Rows: id, kind, value, reason, rule_id, rule_event, rule_subject, created_by, created_at, expires_at,
 * removed_at, removed_by, remove_reason, state (active|expired|removed). */
NEOERR *blacklist_admin_list(MYSQL *db, const char *kind, const char *state, const char *q, long long offset,
                             long long after, int limit, HDF *out, const char *prefix, int *rows, long long *total);
/* From offset, or after > 0: past that id (offset unused). *total exact up to BLACKLIST_LIST_COUNT_CAP, else
 * BLACKLIST_LIST_COUNT_CAP + 1 ("1000+"); numbered pages stop at BLACKLIST_LIST_OFFSET_PAGES. */
#define BLACKLIST_LIST_COUNT_CAP 1000
#define BLACKLIST_LIST_OFFSET_PAGES 20
/* The list's statement (count 1: its bounded count), with the LIKE pattern its parameters point to. */
typedef struct {
  list_stmt st;
  char like[160];
} blacklist_list_stmt;
void blacklist_admin_list_stmt(const char *kind, const char *state, const char *q, long long offset, long long after,
                               int limit, int count, blacklist_list_stmt *out);
/* One entry, the same columns; *found = 0 when unknown. */
NEOERR *blacklist_admin_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found);

typedef enum {
  BL_ADD_OK,
  BL_ADD_PAST,        /* the expiry is not in the future */
  BL_ADD_NO_MERCHANT, /* no merchant account has that username */
  BL_ADD_DUPLICATE,   /* an active entry names the same thing already (*id is that entry) */
} bl_add_result;
/* A manual entry (value canonical, from blacklist_value_check); expires NULL or "YYYY-MM-DD HH:MM:SS" (mall time). */
NEOERR *blacklist_admin_add(MYSQL *db, const audit_actor *who, const char *kind, const char *value, const char *reason,
                            const char *expires, long long *id, bl_add_result *res);
/* Ends an entry now (*changed = 0 when it had ended already); *found = 0 when unknown. */
NEOERR *blacklist_admin_remove(MYSQL *db, const audit_actor *who, long long id, const char *reason, int *found,
                               int *changed);

/* Every rule: id, event, subject, threshold, period, window_minutes, days_needed, days_span, block_minutes, enabled,
 * caught (entries it made). */
NEOERR *blacklist_rules_list(MYSQL *db, HDF *out, const char *prefix);
typedef struct {
  long long id;
  long long threshold, window_minutes, days_needed, days_span, block_minutes;
  const char *period; /* "minutes" or "days" */
  int enabled;
} bl_rule;
/* Saves a rule's settings (limits checked by the caller; the table's CHECKs stand behind them). */
NEOERR *blacklist_rule_update(MYSQL *db, const audit_actor *who, const bl_rule *rule, int *found);

#endif
