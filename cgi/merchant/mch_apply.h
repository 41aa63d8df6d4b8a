/* mch_apply.h: merchant portal handlers of the apply pages */
#ifndef MALL_MCH_APPLY_H
#define MALL_MCH_APPLY_H
#include "merchant.h"

#endif
