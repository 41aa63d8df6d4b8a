/* favorites.h: products a member keeps for later (A4) */
#ifndef MALL_FAVORITES_H
#define MALL_FAVORITES_H
#include "shared/list_stmt.h"

/* Adds (idempotent) an on-shelf product; *ok = 0 when the product does not exist or is off the shelf. */
NEOERR *favorites_add(MYSQL *db, long long member_id, long long product_id, int *ok);
NEOERR *favorites_remove(MYSQL *db, long long member_id, long long product_id);

/* The member's favorites, newest first (arg: the member; [id_list_en(lang)]), as product cards: fav_id (the cursor),
 * id, name, image, points, cash ("12.34" or unset), sales, stock, on_shelf, saved (date). */
extern const id_list FAVORITES_LIST[2];

#endif
