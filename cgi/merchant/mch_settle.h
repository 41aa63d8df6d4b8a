/* mch_settle.h: merchant portal handlers of the settle pages */
#ifndef MALL_MCH_SETTLE_H
#define MALL_MCH_SETTLE_H
#include "merchant.h"

#endif
