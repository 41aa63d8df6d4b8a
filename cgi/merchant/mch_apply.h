/* mch_apply.h: merchant portal handlers of the apply pages (V3 public application form) */
#ifndef MALL_MCH_APPLY_H
#define MALL_MCH_APPLY_H
#include "merchant.h"

/* apply.c */
NEOERR *h_mch_apply_form(req *r);
NEOERR *h_mch_apply(req *r);
NEOERR *h_mch_apply_done(req *r);

#endif
