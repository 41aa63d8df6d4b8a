/* adm_coupons.h: back-office handlers of coupon campaigns (F6) — list, create, edit, pause and resume claims */
#ifndef MALL_ADM_COUPONS_H
#define MALL_ADM_COUPONS_H
#include "admin.h"

#define ROLES_COUPONS "super,ops"

/* coupons.c */
NEOERR *h_adm_coupons(req *r);
NEOERR *h_adm_coupon_new(req *r);
NEOERR *h_adm_coupon_create(req *r);
NEOERR *h_adm_coupon_edit(req *r);
NEOERR *h_adm_coupon_update(req *r);
NEOERR *h_adm_coupon_pause(req *r);
NEOERR *h_adm_coupon_resume(req *r);

#endif
