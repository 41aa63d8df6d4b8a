/* adm_catalog.h: back-office handlers of the catalog pages */
#ifndef MALL_ADM_CATALOG_H
#define MALL_ADM_CATALOG_H
#include "admin.h"

#endif
