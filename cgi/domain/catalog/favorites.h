/* favorites.h: products a member keeps for later (A4) */
#ifndef MALL_FAVORITES_H
#define MALL_FAVORITES_H
#include "db.h"

/* Adds (idempotent) an on-shelf product; *ok = 0 when the product does not exist or is off the shelf. */
NEOERR *favorites_add(MYSQL *db, long long member_id, long long product_id, int *ok);
NEOERR *favorites_remove(MYSQL *db, long long member_id, long long product_id);

/* The member's favorites, newest first, as product cards under prefix.N: id, name, image, points,
 * cash ("12.34" or unset), sales, stock, on_shelf, saved (date). *total = all of them. */
NEOERR *favorites_list(MYSQL *db, long long member_id, const char *lang, HDF *out, const char *prefix, long long offset,
                       int limit, long long *total);

#endif
