/* adm_content.h: back-office handlers of the content pages */
#ifndef MALL_ADM_CONTENT_H
#define MALL_ADM_CONTENT_H
#include "admin.h"

#endif
