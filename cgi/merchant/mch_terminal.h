/* mch_terminal.h: merchant portal handlers of the terminal pages (V8 offline points payment) */
#ifndef MALL_MCH_TERMINAL_H
#define MALL_MCH_TERMINAL_H
#include "merchant.h"

/* terminal.c */
NEOERR *h_mch_terminal(req *r);
NEOERR *h_mch_terminal_start(req *r);
NEOERR *h_mch_terminal_pay(req *r);
NEOERR *h_mch_terminal_receipt(req *r);

#endif
