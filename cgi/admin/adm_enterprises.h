/* adm_enterprises.h: back-office handlers of the enterprise pages (B8) — budgets (super admins) and bulk grants from a
 * CSV file (super, ops and an enterprise's own admins, each within its scope) */
#ifndef MALL_ADM_ENTERPRISES_H
#define MALL_ADM_ENTERPRISES_H
#include "admin.h"

#define ROLES_GRANTS "super,ops,enterprise"

/* enterprises.c */
NEOERR *h_adm_enterprises(req *r);
NEOERR *h_adm_enterprise_budget(req *r);
/* grants.c */
NEOERR *h_adm_grants(req *r);
NEOERR *h_adm_grants_upload(req *r);
NEOERR *h_adm_grants_job(req *r);
NEOERR *h_adm_grants_job_csv(req *r);
NEOERR *h_adm_grants_job_resume(req *r);

#endif
