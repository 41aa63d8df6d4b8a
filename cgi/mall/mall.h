/* mall.h: handlers of the member-facing program (mall.fcgi), one file per page family */
#ifndef MALL_MALL_H
#define MALL_MALL_H
#include "app.h"

/* system.c */
NEOERR *h_lang(req *r);
NEOERR *mall_load_member(req *r, long long id, int *ok);
/* product.c: counts a view of a product page served from the page cache */
void mall_cache_hit(req *r);

#endif
