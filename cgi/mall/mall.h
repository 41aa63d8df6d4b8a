/* mall.h: handlers of the member-facing program (mall.fcgi), one file per page family */
#ifndef MALL_MALL_H
#define MALL_MALL_H
#include "app.h"

/* system.c */
NEOERR *h_lang(req *r);
NEOERR *mall_load_member(req *r, long long id, int *ok);
/* product.c: counts a view of a product page served from the page cache */
void mall_cache_hit(req *r);
/* switch_banner.c: the emergency switch's banner (app hooks) and the text of a guard refusal (F2, F4) */
void mall_before_request(void);
NEOERR *mall_layout_values(req *r);
/* The activity's refusal text: its pause (name and reason) or its trip message (its own, else the style's);
 * *active (optional) = 1 when it is paused or tripped today. */
NEOERR *mall_guard_text(req *r, long long activity_id, char *out, size_t len, int *active);

#endif
