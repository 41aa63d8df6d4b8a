/* mall_coupons.h: coupon campaigns on the member's side (F6) — /coupons (claimable campaigns, the member's coupons by
 * state), claiming, the activity page's campaigns and the coupon choice at checkout */
#ifndef MALL_MALL_COUPONS_H
#define MALL_MALL_COUPONS_H
#include "app.h"

/* coupons.c */
NEOERR *h_coupons(req *r);
NEOERR *h_coupon_claim(req *r);

/* The activity page's open campaigns under ActivityCoupons (with the signed-in member's own counts). */
NEOERR *mall_activity_coupons(req *r, long long activity_id);
/* The checkout page's coupon choice for an order of points and cash (fen): Coupons.N (usable ones, best first),
 * Form.Values.coupon_id (the member's choice, else the best one), Totals.Discount / Totals.DiscountCash /
 * Totals.Pay, and Totals.After / Totals.Short recomputed with the chosen coupon's discount. */
NEOERR *mall_coupons_checkout(req *r, long long points, long long cash);
/* The coupon the checkout form chose (coupon_id; 0 or absent: none). */
long long mall_coupons_choice(req *r);

#endif
