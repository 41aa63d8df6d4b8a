/* addresses.h: members' delivery addresses — list, find, validate, save, delete, default */
#ifndef MALL_ADDRESSES_H
#define MALL_ADDRESSES_H
#include "db.h"

#define ADDRESS_MAX_PER_MEMBER 20

/* Rows under prefix.N: id, recipient, mobile, province, city, district, detail, is_default,
 * masked_mobile. Default first. */
NEOERR *addresses_list(MYSQL *db, long long member_id, HDF *out, const char *prefix, int *count);
/* One address of this member under prefix.0 (same columns); *found = 0 for someone else's or unknown. */
NEOERR *address_get(MYSQL *db, long long member_id, long long address_id, HDF *out, const char *prefix, int *found);

#endif
