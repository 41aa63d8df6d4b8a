/* mch_settle.h: merchant portal handlers of the settle pages (V7, the owner's side of monthly statements) */
#ifndef MALL_MCH_SETTLE_H
#define MALL_MCH_SETTLE_H
#include "merchant.h"

/* settle.c */
NEOERR *h_mch_settlements(req *r);
NEOERR *h_mch_settlements_csv(req *r);
NEOERR *h_mch_settlement(req *r);
NEOERR *h_mch_settlement_csv(req *r);
NEOERR *h_mch_settlement_submit(req *r);

#endif
