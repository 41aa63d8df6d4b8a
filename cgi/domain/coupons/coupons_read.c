/* coupons_read.c: the member's coupons by state and the campaigns open for claims (keyset pages, by index) */
#include "coupons/coupons_read.h"
#include <stdio.h>
#include <string.h>

/* One table read through by_member in id order (no join the optimiser could put first, so never a sort): the
 * campaign's name and the order's number are read by primary key for the page's rows only. */
#define COUPON_COLUMNS                                                                                                 \
  "SELECT c.id, (SELECT IF(? = 'en' AND k.name_en <> '', k.name_en, k.name_zh) FROM coupon_campaigns k WHERE k.id = "  \
  "c.campaign_id) AS name, c.kind, c.face_value, c.threshold, DATE_FORMAT(c.use_from, '%Y-%m-%d') AS use_from, "       \
  "DATE_FORMAT(c.use_until - INTERVAL 1 SECOND, '%Y-%m-%d') AS use_until, DATE_FORMAT(c.claimed_at, '%Y-%m-%d "        \
  "%H:%i') AS claimed_at, COALESCE(DATE_FORMAT(c.used_at, '%Y-%m-%d %H:%i'), '') AS used_at, COALESCE((SELECT "        \
  "o.order_no FROM orders o WHERE o.id = c.order_id), '') AS order_no, c.price_points "                                \
  "FROM coupons c FORCE INDEX (by_member) WHERE c.member_id = ? "
#define PAGE " AND (? = 0 OR c.id < ?) ORDER BY c.id DESC LIMIT ?"

const char *const COUPONS_LIST_SQL[3] = {
    COUPON_COLUMNS "AND c.status = 'unused' AND c.use_until > NOW()" PAGE,
    COUPON_COLUMNS "AND c.status = 'used'" PAGE,
    COUPON_COLUMNS "AND c.status = 'unused' AND c.use_until <= NOW()" PAGE,
};

#define CAMPAIGN_COLUMNS                                                                                               \
  "SELECT c.id, c.activity_id, IF(? = 'en' AND c.name_en <> '', c.name_en, c.name_zh) AS name, c.kind, "               \
  "c.face_value, c.threshold, c.quota, c.claimed, c.quota - c.claimed AS `left`, c.per_member, "                       \
  "COALESCE(m.claimed, 0) AS mine, c.price_points, DATE_FORMAT(c.claim_until - INTERVAL 1 SECOND, '%Y-%m-%d') AS "     \
  "claim_until, DATE_FORMAT(c.use_from, '%Y-%m-%d') AS use_from, DATE_FORMAT(c.use_until - INTERVAL 1 SECOND, "        \
  "'%Y-%m-%d') AS use_until, c.paused, c.claimed >= c.quota AS sold_out "

const char COUPON_CAMPAIGNS_OPEN_SQL[] =
    CAMPAIGN_COLUMNS "FROM coupon_campaigns c FORCE INDEX (by_claim) LEFT JOIN coupon_member_claims m ON "
                     "m.campaign_id = c.id AND m.member_id = ? WHERE c.claim_until > NOW() AND c.claim_from <= NOW() "
                     "ORDER BY c.claim_until, c.id LIMIT ?";
const char COUPON_CAMPAIGNS_OF_ACTIVITY_SQL[] =
    CAMPAIGN_COLUMNS "FROM coupon_campaigns c FORCE INDEX (by_activity) LEFT JOIN coupon_member_claims m ON "
                     "m.campaign_id = c.id AND m.member_id = ? WHERE c.activity_id = ? AND c.claim_until > NOW() "
                     "AND c.claim_from <= NOW() ORDER BY c.id LIMIT ?";

NEOERR *coupons_member_list(MYSQL *db, long long member_id, const char *tab, const char *lang, long long after,
                            HDF *out, const char *prefix, int *rows, int *more) {
  int k = strcmp(tab, "used") == 0 ? 1 : strcmp(tab, "expired") == 0 ? 2 : 0;
  *rows = *more = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, COUPONS_LIST_SQL[k],
                             DBA(DS(lang), DI(member_id), DI(after), DI(after), DI(COUPONS_PER_PAGE + 1)), rows);
  if (!err && *rows > COUPONS_PER_PAGE) {
    char key[64];
    snprintf(key, sizeof key, "%s.%d", prefix, COUPONS_PER_PAGE);
    hdf_remove_tree(out, key);
    *rows = COUPONS_PER_PAGE;
    *more = 1;
  }
  return nerr_pass(err);
}

NEOERR *coupon_campaigns_open(MYSQL *db, long long activity_id, long long member_id, const char *lang, HDF *out,
                              const char *prefix, int *rows) {
  *rows = 0;
  if (activity_id > 0)
    return nerr_pass(db_query_hdf(db, out, prefix, COUPON_CAMPAIGNS_OF_ACTIVITY_SQL,
                                  DBA(DS(lang), DI(member_id), DI(activity_id), DI(COUPON_CAMPAIGNS_MAX)), rows));
  return nerr_pass(db_query_hdf(db, out, prefix, COUPON_CAMPAIGNS_OPEN_SQL,
                                DBA(DS(lang), DI(member_id), DI(COUPON_CAMPAIGNS_MAX)), rows));
}
