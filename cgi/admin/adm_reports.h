/* adm_reports.h: back-office handlers of the reports pages */
#ifndef MALL_ADM_REPORTS_H
#define MALL_ADM_REPORTS_H
#include "admin.h"

/* reports.c (B9): each takes from, to ('YYYY-MM-DD'), group (day|month) or by (product|category|merchant). */
NEOERR *h_adm_reports_points(req *r);
NEOERR *h_adm_reports_points_csv(req *r);
NEOERR *h_adm_reports_redemptions(req *r);
NEOERR *h_adm_reports_redemptions_csv(req *r);
/* finance_report.c (P5): month (YYYY-MM, default last month). */
NEOERR *h_adm_reports_finance(req *r);
NEOERR *h_adm_reports_finance_csv(req *r);

#endif
