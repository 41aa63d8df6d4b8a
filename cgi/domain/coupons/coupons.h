/* coupons.h: coupon campaigns (F6, 消费券) — claiming under a total quota and a per-member limit (conditional
 * UPDATEs, never read-then-write), exchanging points for a coupon (ledger kind 'coupon'), the discount a coupon gives
 * an order, taking it when the order is created and giving it back when the order is cancelled. No HTTP here; the
 * blacklist (F3) is checked by the caller. */
#ifndef MALL_COUPONS_H
#define MALL_COUPONS_H
#include "db.h"

typedef enum { COUPON_POINTS_OFF, COUPON_CASH_OFF } coupon_kind;

/* What a coupon is worth: face_value points off an order's points total of at least threshold points, or face_value
 * fen off an order's cash part of at least threshold fen. */
typedef struct {
  coupon_kind kind;
  long long face_value, threshold;
} coupon_terms;

/* The discount the coupon gives an order of points and cash (fen): never more than the part it applies to, 0 when
 * that part is 0 or below the threshold. Exactly one of *off_points, *off_cash can be non-zero. */
void coupon_discount(const coupon_terms *t, long long points, long long cash, long long *off_points,
                     long long *off_cash);
/* "points_off" / "cash_off" → kind; -1 for anything else. */
int coupon_kind_parse(const char *s);

typedef enum {
  CLAIM_OK,
  CLAIM_NOT_FOUND,       /* no such campaign */
  CLAIM_NOT_STARTED,     /* its claim window has not opened */
  CLAIM_ENDED,           /* its claim window has closed */
  CLAIM_SOLD_OUT,        /* the quota is all claimed */
  CLAIM_LIMIT,           /* this member holds the campaign's per-member limit */
  CLAIM_PAUSED,          /* the campaign is paused (claimed coupons stay usable) */
  CLAIM_ACTIVITY_PAUSED, /* its activity is paused (F4) */
  CLAIM_MALL_PAUSED,     /* all redemption is paused (F4) */
  CLAIM_INSUFFICIENT,    /* not enough points to exchange */
  CLAIM_FROZEN,          /* the member's account is frozen */
} claim_result;

typedef struct {
  claim_result result;
  long long campaign_id, activity_id, coupon_id, price_points, ledger_id;
} claim_outcome;

/* The statements a claim's cost rests on (bench, tests): the campaign's conditional counter (campaign id), and the
 * member's conditional count (campaign, member, limit). */
extern const char COUPON_CLAIM_SQL[];
extern const char COUPON_MEMBER_CLAIM_SQL[];
/* The checkout's read of the member's usable coupons (lang, member): by_member, newest first, at most 200. */
extern const char COUPONS_USABLE_SQL[];

/* Claims one coupon of the campaign for the member: a plain read refuses at once what cannot succeed (sold out,
 * closed, paused); otherwise one transaction — member row, mall switch (share mode), the member's count (conditional
 * upsert), the points exchange (ledger kind 'coupon', FIFO from lots) when the campaign has a price, the campaign's
 * counter (… WHERE claimed < quota: the hot row, last), the coupon row. On any refusal nothing is written. */
NEOERR *coupon_claim(MYSQL *db, long long member_id, long long campaign_id, claim_outcome *out);

/* Inside order creation's transaction, after the member row is locked and the order's totals are known: locks the
 * member's coupon and computes its discount. *usable = 0 when it is not this member's, not unused, outside its use
 * window or gives nothing on these totals. */
NEOERR *coupon_lock_for_order(MYSQL *db, long long member_id, long long coupon_id, long long points, long long cash,
                              long long *off_points, long long *off_cash, int *usable);
/* After the order row is written (same transaction): marks the coupon used by it (conditional on still unused;
 * *ok = 0 otherwise) and records coupon and discount on the order. */
NEOERR *coupon_take(MYSQL *db, long long coupon_id, long long order_id, long long off_points, long long off_cash,
                    int *ok);
/* Inside an order's cancel transaction: its coupon becomes unused again while its use window lasts (*returned 1). */
NEOERR *coupon_give_back(MYSQL *db, long long order_id, int *returned);

/* The member's coupons usable now on an order of these totals, best first (largest points discount, then cash
 * discount, then the one expiring first), at most max, under prefix.N.{id, name, kind, face_value, threshold,
 * use_until, off_points, off_cash}. *rows: how many. */
NEOERR *coupons_for_order(MYSQL *db, long long member_id, const char *lang, long long points, long long cash, HDF *out,
                          const char *prefix, int max, int *rows);

#endif
