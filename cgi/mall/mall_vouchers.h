/* mall_vouchers.h: the member's vouchers pages (V2) — list, printable voucher with QR, QR PNG */
#ifndef MALL_MALL_VOUCHERS_H
#define MALL_MALL_VOUCHERS_H
#include "app.h"

NEOERR *h_vouchers(req *r);
NEOERR *h_voucher(req *r);
NEOERR *h_voucher_qr_png(req *r);
/* For the order page: the order's vouchers under Vouchers.N; *redeemed = how many were used. */
NEOERR *mall_order_vouchers(req *r, long long order_id, int *redeemed);

#endif
