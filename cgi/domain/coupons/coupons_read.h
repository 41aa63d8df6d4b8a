/* coupons_read.h: the member's side of coupon campaigns (F6) — the campaigns that can be claimed (all, or one
 * activity's) and the member's coupons by state (usable / used / expired), keyset pages. No HTTP here. */
#ifndef MALL_COUPONS_READ_H
#define MALL_COUPONS_READ_H
#include "db.h"

#define COUPONS_PER_PAGE 20
#define COUPON_CAMPAIGNS_MAX 50

/* The member's lists (EXPLAIN tests): usable, used, expired — parameters (member, lang, after id or 0 → newest,
 * limit). Each reads the member's rows of one status through coupons.by_member, newest first. */
extern const char *const COUPONS_LIST_SQL[3];
/* The campaigns open for claims now (lang, member, limit) and one activity's (lang, member, activity, limit). */
extern const char COUPON_CAMPAIGNS_OPEN_SQL[];
extern const char COUPON_CAMPAIGNS_OF_ACTIVITY_SQL[];

/* tab: "usable", "used" or "expired"; after: 0 for the first page, else the last id seen. Rows under
 * prefix.N.{id, name, kind, face_value, threshold, use_from, use_until, claimed_at, used_at, order_no, price_points};
 * *more = 1 when a next page exists (then Page's cursor is the last row's id). */
NEOERR *coupons_member_list(MYSQL *db, long long member_id, const char *tab, const char *lang, long long after,
                            HDF *out, const char *prefix, int *rows, int *more);
/* Campaigns whose claim window is open (activity_id 0: every activity's), soonest to close first, with the member's
 * own count (member_id 0: none): prefix.N.{id, activity_id, name, kind, face_value, threshold, quota, claimed, left,
 * per_member, mine, price_points, claim_until, use_from, use_until, paused, sold_out}. */
NEOERR *coupon_campaigns_open(MYSQL *db, long long activity_id, long long member_id, const char *lang, HDF *out,
                              const char *prefix, int *rows);

#endif
