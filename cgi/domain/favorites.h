/* favorites.h: products a member keeps for later (A4) */
#ifndef MALL_FAVORITES_H
#define MALL_FAVORITES_H
#include "db.h"

/* Adds (idempotent) an on-shelf product; *ok = 0 when the product does not exist or is off the shelf. */
NEOERR *favorites_add(MYSQL *db, long long member_id, long long product_id, int *ok);
NEOERR *favorites_remove(MYSQL *db, long long member_id, long long product_id);

#endif
