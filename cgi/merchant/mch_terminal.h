/* mch_terminal.h: merchant portal handlers of the terminal pages */
#ifndef MALL_MCH_TERMINAL_H
#define MALL_MCH_TERMINAL_H
#include "merchant.h"

#endif
