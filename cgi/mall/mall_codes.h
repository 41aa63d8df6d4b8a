/* mall_codes.h: a member scans a one-item code (F5) — /c/{code}, the URL its QR code holds */
#ifndef MALL_MALL_CODES_H
#define MALL_MALL_CODES_H
#include "app.h"

/* codes.c */
NEOERR *h_code(req *r);
NEOERR *h_code_collect(req *r);

#endif
