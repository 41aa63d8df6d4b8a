/* favorites.c: products a member keeps for later (A4) */
#include "catalog/favorites.h"

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

static const char SQL_FAVORITES_COUNT[] = "SELECT COUNT(*) FROM favorites WHERE member_id = ?";
static const char SQL_FAVORITES_LIST[] =
    "SELECT p.id, IF(? = 'en' AND p.name_en <> '', p.name_en, p.name_zh) AS name, p.image,"
    " p.points_price AS points,"
    " IF(p.cash_price_fen > 0, CONCAT(p.cash_price_fen DIV 100, '.', LPAD(p.cash_price_fen MOD 100, 2, '0')), NULL) AS "
    "cash,"
    " p.sales, p.stock, p.on_shelf, DATE_FORMAT(f.created_at, '%Y-%m-%d') AS saved"
    " FROM favorites f JOIN products p ON p.id = f.product_id"
    " WHERE f.member_id = ? ORDER BY f.created_at DESC, f.product_id DESC LIMIT ? OFFSET ?";

NEOERR *favorites_list(MYSQL *db, long long member_id, const char *lang, HDF *out, const char *prefix, long long offset,
                       int limit, long long *total) {
  NEOERR *err = db_query_ll(db, SQL_FAVORITES_COUNT, DBA(DI(member_id)), total, NULL);
  if (!err && offset < *total)
    err = db_query_hdf(db, out, prefix, SQL_FAVORITES_LIST, DBA(DS(lang), DI(member_id), DI(limit), DI(offset)), NULL);
  return nerr_pass(err);
}
