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

#define FAV_COLS(name)                                                                                                 \
  "SELECT f.id AS fav_id, p.id, " name " AS name, p.image, p.points_price AS points,"                                  \
  " IF(p.cash_price_fen > 0, CONCAT(p.cash_price_fen DIV 100, '.', LPAD(p.cash_price_fen MOD 100, 2, '0')), NULL)"     \
  " AS cash, p.sales, p.stock, p.on_shelf, DATE_FORMAT(f.created_at, '%Y-%m-%d') AS saved"
#define FAV_FROM " FROM favorites f JOIN products p ON p.id = f.product_id WHERE f.member_id = ?"
#define FAV_COUNT " FROM favorites f WHERE f.member_id = ?"
const id_list FAVORITES_LIST[2] = {{FAV_COLS("p.name_zh"), FAV_FROM, FAV_COUNT, "f.id"},
                                   {FAV_COLS("IF(p.name_en <> '', p.name_en, p.name_zh)"), FAV_FROM, FAV_COUNT, "f.id"}};

