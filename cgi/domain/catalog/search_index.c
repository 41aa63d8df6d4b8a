/* search_index.c: keeps the Mroonga search copy (product_search) in step with products */
#include "catalog/search_index.h"
#include "db.h"

/* Title: both names and the brand; body: categories, summaries and descriptions; beside them what ranking and filters
 * read inside Mroonga (on_shelf and the list snapshot: see product_list.c). */
#define SEARCH_SELECT                                                                                                  \
  "SELECT p.id, p.on_shelf, p.list_in_stock, p.list_sales, CONCAT_WS(' ', p.name_zh, p.name_en, b.name_zh, b.name_en), "                                          \
  "CONCAT_WS(' ', c.name_zh, c.name_en, pc.name_zh, pc.name_en, p.summary_zh, p.summary_en, "                          \
  "p.description_zh, p.description_en) "                                                                               \
  "FROM products p JOIN categories c ON c.id = p.category_id "                                                         \
  "LEFT JOIN categories pc ON pc.id = c.parent_id LEFT JOIN brands b ON b.id = p.brand_id "

static const char SQL_CLEAR[] = "DELETE FROM product_search";
static const char SQL_ALL[] = "INSERT INTO product_search (product_id, on_shelf, list_in_stock, rank_sales, title, body) " SEARCH_SELECT;
static const char SQL_DROP_ONE[] = "DELETE FROM product_search WHERE product_id = ?";
static const char SQL_ONE[] = "INSERT INTO product_search (product_id, on_shelf, list_in_stock, rank_sales, title, body) " SEARCH_SELECT
                                  "WHERE p.id = ?";

NEOERR *search_reindex_all(MYSQL *db) {
  NEOERR *err = db_exec(db, SQL_CLEAR, DB_NOARGS, NULL, NULL);
  if (!err) err = db_exec(db, SQL_ALL, DB_NOARGS, NULL, NULL);
  return nerr_pass(err);
}

NEOERR *search_reindex_product(MYSQL *db, long long product_id) {
  NEOERR *err = db_exec(db, SQL_DROP_ONE, DBA(DI(product_id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_ONE, DBA(DI(product_id)), NULL, NULL);
  return nerr_pass(err);
}
