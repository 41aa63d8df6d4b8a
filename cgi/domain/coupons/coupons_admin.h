/* coupons_admin.h: coupon campaigns in the back office (F6) — create, edit, pause and resume (audited), the list and
 * one campaign's figures. No HTTP here. */
#ifndef MALL_COUPONS_ADMIN_H
#define MALL_COUPONS_ADMIN_H
#include "db.h"
#include "backoffice/audit.h"

/* A campaign as the form gives it; dates 'YYYY-MM-DD', both ends of a window included. */
typedef struct {
  long long activity_id;
  const char *name_zh, *name_en, *kind;
  long long face_value, threshold, quota, per_member, price_points;
  const char *claim_from, *claim_until, *use_from, *use_until;
} coupon_campaign_spec;

typedef enum {
  CAMPAIGN_OK,
  CAMPAIGN_NOT_FOUND,
  CAMPAIGN_NO_ACTIVITY,   /* activity_id names no activity */
  CAMPAIGN_BAD_KIND,      /* kind is neither points_off nor cash_off */
  CAMPAIGN_CLAIM_DATES,   /* claim_until before claim_from */
  CAMPAIGN_USE_DATES,     /* use_until before use_from, or before claim_from */
  CAMPAIGN_QUOTA_CLAIMED, /* a quota below what was claimed already */
} campaign_result;

/* Creates (id 0; *saved_id gets the new one) or updates a campaign in one audited transaction. Coupons already
 * claimed keep their terms; a quota is never set below what was claimed (conditional UPDATE). */
NEOERR *coupon_campaign_save(MYSQL *db, const audit_actor *who, long long id, const coupon_campaign_spec *s,
                             long long *saved_id, campaign_result *res);
/* Pauses (new claims stop; claimed coupons stay usable) or resumes a campaign, audited. *found = 0: no such one. */
NEOERR *coupon_campaign_pause(MYSQL *db, const audit_actor *who, long long id, int pause, const char *reason,
                              int *found);
/* Campaigns newest first, keyset on id (after 0: the first page), under prefix.N.{id, activity, name, kind,
 * face_value, threshold, quota, claimed, per_member, price_points, claim_from, claim_until, use_from, use_until,
 * paused}; *more when there is a next page. */
NEOERR *coupon_campaigns_admin_list(MYSQL *db, long long after, int limit, HDF *out, const char *prefix, int *more);
/* One campaign under prefix (the list's columns plus activity_id, name_zh, name_en, pause_reason, used, exchanged
 * points); *found = 0 when none. */
NEOERR *coupon_campaign_admin_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found);

#endif
