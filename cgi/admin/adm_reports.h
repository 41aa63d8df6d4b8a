/* adm_reports.h: back-office handlers of the reports pages */
#ifndef MALL_ADM_REPORTS_H
#define MALL_ADM_REPORTS_H
#include "admin.h"

#endif
