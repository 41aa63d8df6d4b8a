/* system.c: loading the signed-in merchant account (User.* with its role and merchant) */
#include "merchant.h"
#include <stdlib.h>
#include <string.h>

static const char SQL_MERCHANT_USER[] =
    "SELECT u.username, u.role, u.status, u.merchant_id, m.name AS merchant, m.status AS merchant_status "
    "FROM merchant_users u JOIN merchants m ON m.id = u.merchant_id WHERE u.id = ?";

/* A disabled account, or any account of a disabled merchant, is signed out. */
NEOERR *merchant_load(req *r, long long id, int *ok) {
  HDF *h = NULL;
  int rows = 0;
  *ok = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(r->db, h, "U", SQL_MERCHANT_USER, DBA(DI(id)), &rows);
  if (!err && rows == 1 && strcmp(hdf_get_value(h, "U.0.status", ""), "active") == 0 &&
      strcmp(hdf_get_value(h, "U.0.merchant_status", ""), "active") == 0) {
    err = hdf_set_value(r->hdf, "User.Name", hdf_get_value(h, "U.0.username", ""));
    if (!err) err = hdf_set_value(r->hdf, "User.Role", hdf_get_value(h, "U.0.role", ""));
    if (!err) err = hdf_set_value(r->hdf, "User.MerchantId", hdf_get_value(h, "U.0.merchant_id", "0"));
    if (!err) err = hdf_set_value(r->hdf, "User.Merchant", hdf_get_value(h, "U.0.merchant", ""));
    if (!err) *ok = 1;
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}

long long merchant_id_of(req *r) { return strtoll(hdf_get_value(r->hdf, "User.MerchantId", "0"), NULL, 10); }
