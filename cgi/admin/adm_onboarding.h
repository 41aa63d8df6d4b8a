/* adm_onboarding.h: back-office handlers of merchant onboarding (V3) and settlements (V7) */
#ifndef MALL_ADM_ONBOARDING_H
#define MALL_ADM_ONBOARDING_H
#include "admin.h"

/* First review is the operations admins' (and super's); the final review is ROLES_SUPER only. */
#define ROLES_APPLICATIONS "super,ops"
#define ROLES_SETTLEMENTS "super,finance"

/* applications.c */
NEOERR *h_adm_applications(req *r);
NEOERR *h_adm_application(req *r);
NEOERR *h_adm_application_first(req *r);
NEOERR *h_adm_application_final(req *r);
/* settlements.c */
NEOERR *h_adm_settlements(req *r);
NEOERR *h_adm_settlements_csv(req *r);
NEOERR *h_adm_settlements_run(req *r);
NEOERR *h_adm_settlement(req *r);
NEOERR *h_adm_settlement_csv(req *r);
NEOERR *h_adm_settlement_review(req *r);

#endif
