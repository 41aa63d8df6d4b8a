/* shop.h: cart, checkout, payment and order pages */
#ifndef MALL_SHOP_H
#define MALL_SHOP_H
#include "app.h"

#endif
