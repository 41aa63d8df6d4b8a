/* mch_verify.h: merchant portal handlers of the verify pages */
#ifndef MALL_MCH_VERIFY_H
#define MALL_MCH_VERIFY_H
#include "merchant.h"

#endif
