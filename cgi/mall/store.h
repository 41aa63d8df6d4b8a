/* store.h: storefront handlers — home, categories, products, search, product detail, notices, activities */
#ifndef MALL_STORE_H
#define MALL_STORE_H
#include "app.h"

#endif
