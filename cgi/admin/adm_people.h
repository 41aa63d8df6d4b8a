/* adm_people.h: back-office handlers of the people pages */
#ifndef MALL_ADM_PEOPLE_H
#define MALL_ADM_PEOPLE_H
#include "admin.h"

#endif
