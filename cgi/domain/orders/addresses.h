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

/* Field limits (characters), shared by the form and the checks below. */
#define ADDRESS_RECIPIENT_MAX 20
#define ADDRESS_REGION_MAX 20
#define ADDRESS_DETAIL_MIN 5
#define ADDRESS_DETAIL_MAX 100

typedef struct {
  const char *recipient, *mobile, *province, *city, *district, *detail;
  int make_default;
} address_fields;

/* Which field is wrong (its form name) or NULL when all are valid: lengths, mobile 1[3-9]xxxxxxxxx,
 * valid UTF-8 without control characters. *why gets a short reason key ("required", "long", …). */
const char *address_validate(const address_fields *f, const char **why);

typedef enum { ADDRESS_OK, ADDRESS_NOT_FOUND, ADDRESS_TOO_MANY } address_result;

/* Creates (address_id 0) or updates one of the member's addresses in one transaction. The first
 * address, and any saved with make_default, becomes the only default. *id gets the address id. */
NEOERR *address_save(MYSQL *db, long long member_id, long long address_id, const address_fields *f, address_result *res,
                     long long *id);
/* Deletes; when it was the default, the newest remaining address becomes the default. */
NEOERR *address_delete(MYSQL *db, long long member_id, long long address_id, address_result *res);
/* Makes this address the only default. */
NEOERR *address_set_default(MYSQL *db, long long member_id, long long address_id, address_result *res);

#endif
