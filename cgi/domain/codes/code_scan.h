/* code_scan.h: a member scans a one-item code (F5) — the batch's points once per code, as a lot with the batch's
 * expiry, in one transaction with the code marked used (a conditional UPDATE), the campaign guards (F2, F4) and the
 * ledger entry. No HTTP here; the blacklist (F3) is checked by the caller. */
#ifndef MALL_CODE_SCAN_H
#define MALL_CODE_SCAN_H
#include "db.h"
#include "codes/code_format.h"
#include "campaigns/guards.h"

typedef enum {
  SCAN_OK,       /* earned (codes_scan) / may be collected (code_lookup) */
  SCAN_TYPO,     /* the check character does not match (or not a code at all): no database work */
  SCAN_INVALID,  /* no such code — never says more than that */
  SCAN_USED,     /* used before, at used_at (by this member when mine) */
  SCAN_INACTIVE, /* its box is not active (not yet, or deactivated) */
  SCAN_EXPIRED,  /* the batch's validity is over */
  SCAN_GUARD,    /* a campaign guard refused: guard.result says which */
  SCAN_FROZEN,   /* the member's account is frozen */
} scan_result;

typedef struct {
  scan_result result;
  guard_outcome guard;
  char code[CODE_LEN + 1];
  long long batch_id, serial, activity_id, points, ledger_id;
  char points_expire[11], valid_until[11];
  char used_at[20];
  int mine; /* used by this member */
} scan_outcome;

/* The statements a scan's cost rests on (EXPLAIN tests): the lookup by keyed hash (parameter: hash) and the
 * conditional UPDATE that marks a code used (member, batch, serial). */
extern const char CODE_FIND_SQL[];
extern const char CODE_USE_SQL[];

/* What a code is, for its page (no writes): SCAN_OK when it could be collected now (guards aside). member_id 0 when
 * nobody is signed in. */
NEOERR *code_lookup(MYSQL *db, const char *text, long long member_id, scan_outcome *out);
/* Collects the code for the member: one transaction (member row, code, guards, lot and ledger entry 'scan' with
 * once_key "scan:<batch>:<serial>"); on any refusal nothing is written. A budget refusal trips the activity. */
NEOERR *code_scan(MYSQL *db, const char *text, long long member_id, scan_outcome *out);

#endif
