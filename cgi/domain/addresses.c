/* addresses.c: members' delivery addresses — list, find, validate, save, delete, default */
#include "addresses.h"

#define ADDRESS_COLUMNS                                                                            \
  "SELECT id, recipient, mobile, province, city, district, detail, is_default, "                  \
  "CONCAT(LEFT(mobile, 3), '****', RIGHT(mobile, 4)) AS masked_mobile FROM addresses "

static const char SQL_ADDRESSES_LIST[] = ADDRESS_COLUMNS "WHERE member_id = ? ORDER BY is_default DESC, id DESC LIMIT 50";
static const char SQL_ADDRESS_GET[] = ADDRESS_COLUMNS "WHERE member_id = ? AND id = ?";

NEOERR *addresses_list(MYSQL *db, long long member_id, HDF *out, const char *prefix, int *count) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_ADDRESSES_LIST, DBA(DI(member_id)), count));
}

NEOERR *address_get(MYSQL *db, long long member_id, long long address_id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_ADDRESS_GET, DBA(DI(member_id), DI(address_id)), &rows);
  if (found) *found = rows == 1;
  return nerr_pass(err);
}
