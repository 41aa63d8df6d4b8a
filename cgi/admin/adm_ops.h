/* adm_ops.h: back-office handlers of the ops pages */
#ifndef MALL_ADM_OPS_H
#define MALL_ADM_OPS_H
#include "admin.h"

#endif
