/* mall_card.h: the member card pages (A8) — card number and QR, payment password, offline payment receipts */
#ifndef MALL_MALL_CARD_H
#define MALL_MALL_CARD_H
#include "app.h"

NEOERR *h_card(req *r);
NEOERR *h_card_code(req *r);
NEOERR *h_card_password(req *r);
NEOERR *h_card_password_change(req *r);
NEOERR *h_card_receipt(req *r);

#endif
