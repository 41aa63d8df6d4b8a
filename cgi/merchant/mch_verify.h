/* mch_verify.h: merchant portal handlers of the verify pages (V5) and the voucher orders (V6) */
#ifndef MALL_MCH_VERIFY_H
#define MALL_MCH_VERIFY_H
#include "merchant.h"

/* verify.c */
NEOERR *h_mch_verify_form(req *r);
NEOERR *h_mch_verify_check(req *r);
NEOERR *h_mch_verify_redeem(req *r);
NEOERR *h_mch_verify_done(req *r);
/* orders.c */
NEOERR *h_mch_orders(req *r);
NEOERR *h_mch_orders_csv(req *r);

#endif
