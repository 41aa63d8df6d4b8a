/* search_index.h: keeps the Mroonga search copy (product_search) in step with products */
#ifndef MALL_SEARCH_INDEX_H
#define MALL_SEARCH_INDEX_H
#include "neo.h"
#include <mysql.h>

NEOERR *search_reindex_all(MYSQL *db);
NEOERR *search_reindex_product(MYSQL *db, long long product_id);

#endif
