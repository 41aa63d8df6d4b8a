/* points.h: the points ledger — lots with expiry, FIFO spends, refunds to the same lots, expiry, grants.
 * Every function here runs INSIDE the caller's transaction (db_tx) and locks the member row first
 * (then lots), so concurrent spends, refunds, grants and expiry of one member serialize. */
#ifndef MALL_POINTS_H
#define MALL_POINTS_H
#include "db.h"

/* Errors of this type mean "business rule said no, roll back": db_tx returns them without retrying. */
extern NERR_TYPE NERR_POINTS_REFUSED;
NEOERR *points_init_errors(void);

typedef enum {
  POINTS_OK,
  POINTS_INSUFFICIENT, /* balance (after expiring due lots) is below the amount */
  POINTS_FROZEN,       /* member is frozen */
  POINTS_NO_MEMBER,
  POINTS_LOT_USED, /* points_reverse_credit: some of the lot was spent or expired */
} points_result;

/* Adds a lot of amount points expiring at the end of expires ('YYYY-MM-DD') and its ledger entry.
 * kind: "earn" or "grant" (or "adjust" for a positive admin adjustment, "scan" for a one-item code scanned,
 * "api_earn" for a partner API earning, "bonus" for an activity bonus, P2). */
NEOERR *points_credit(MYSQL *db, long long member_id, const char *kind, long long amount, const char *source,
                      const char *note, const char *expires, long long *ledger_id);
/* The same with an idempotency key on the entry (e.g. "scan:<batch>:<serial>"): a second credit with the key fails on
 * the ledger's unique key instead of paying twice. */
NEOERR *points_credit_once(MYSQL *db, long long member_id, const char *kind, long long amount, const char *source,
                           const char *note, const char *expires, const char *once_key, long long *ledger_id);

/* Spends amount from the member's earliest-expiring open lots (due lots are expired first) and records
 * the lots used. once_key (e.g. "spend:<order id>") makes a second spend with the same key impossible.
 * kind: "spend" (orders), "adjust" (admin deduction), "offline" (merchant terminal, order_id 0,
 * once_key "offline:<receipt no>"), "api_spend" (partner API, order_id 0) or "coupon" (points exchanged for a coupon,
 * order_id 0, once_key "coupon:<campaign>:<member>:<n>"). *res tells the outcome; on anything but
 * POINTS_OK nothing was written. */
NEOERR *points_spend(MYSQL *db, long long member_id, const char *kind, long long amount, long long order_id,
                     const char *once_key, const char *note, points_result *res, long long *ledger_id);

/* Returns a spend's points to the very lots it used (original expiry kept) with one "refund" entry.
 * once_key (e.g. "refund:<order id>") makes a second refund impossible. */
NEOERR *points_refund(MYSQL *db, long long member_id, long long spend_ledger_id, long long order_id,
                      const char *once_key, long long *refunded);

/* Partner API (I1): an api_spend entry's points back to the very lots it used, with one positive "api_reverse"
 * entry (once_key makes a second reverse impossible). */
NEOERR *points_reverse_spend(MYSQL *db, long long member_id, long long spend_ledger_id, const char *once_key,
                             const char *note, long long *returned, long long *ledger_id);
/* Partner API (I1): takes an api_earn entry's lot back whole with one negative "api_reverse" entry and an allocation
 * of the lot — refused (POINTS_LOT_USED, nothing written) when any of the lot was spent or expired. */
NEOERR *points_reverse_credit(MYSQL *db, long long member_id, long long credit_ledger_id, const char *once_key,
                              const char *note, points_result *res, long long *taken, long long *ledger_id);

/* Earning rules (P2): takes an activity bonus entry's lot back whole with one negative "bonus" entry — refused
 * (POINTS_LOT_USED, nothing written) when any of the lot was spent or expired. */
NEOERR *points_reverse_bonus(MYSQL *db, long long member_id, long long bonus_ledger_id, const char *once_key,
                             const char *note, points_result *res, long long *taken, long long *ledger_id);

/* Expires the member's lots whose expiry date has passed: one "expire" entry per lot. Idempotent. */
NEOERR *points_expire_member(MYSQL *db, long long member_id, long long *expired_points);

/* Outside any transaction: expires due lots of every member, one db_tx per member. */
NEOERR *points_expire_all(MYSQL *db, long long *members, long long *points);

#endif
