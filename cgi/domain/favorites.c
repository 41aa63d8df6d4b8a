/* favorites.c: products a member keeps for later (A4) */
#include "favorites.h"

static const char SQL_FAVORITE_ADD[] =
    "INSERT IGNORE INTO favorites (member_id, product_id) SELECT ?, id FROM products WHERE id = ? AND on_shelf = 1";
static const char SQL_FAVORITE_EXISTS[] = "SELECT COUNT(*) FROM favorites WHERE member_id = ? AND product_id = ?";
static const char SQL_FAVORITE_REMOVE[] = "DELETE FROM favorites WHERE member_id = ? AND product_id = ?";

NEOERR *favorites_add(MYSQL *db, long long member_id, long long product_id, int *ok) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_FAVORITE_ADD, DBA(DI(member_id), DI(product_id)), NULL, NULL);
  if (!err) err = db_query_ll(db, SQL_FAVORITE_EXISTS, DBA(DI(member_id), DI(product_id)), &n, NULL);
  if (ok) *ok = n > 0;
  return nerr_pass(err);
}

NEOERR *favorites_remove(MYSQL *db, long long member_id, long long product_id) {
  return nerr_pass(db_exec(db, SQL_FAVORITE_REMOVE, DBA(DI(member_id), DI(product_id)), NULL, NULL));
}
