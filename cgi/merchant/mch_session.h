/* mch_session.h: merchant portal handlers of the session pages */
#ifndef MALL_MCH_SESSION_H
#define MALL_MCH_SESSION_H
#include "merchant.h"

#endif
