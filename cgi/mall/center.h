/* center.h: member center pages — points, addresses, favorites, messages, consultations, reviews, inbox */
#ifndef MALL_CENTER_H
#define MALL_CENTER_H
#include "app.h"

#endif
