/* adm_partners.h: back-office pages of the partner API (I1) — partners of an enterprise, their key pairs (made, shown
 * once, revoked) and the API call log */
#ifndef MALL_ADM_PARTNERS_H
#define MALL_ADM_PARTNERS_H
#include "admin.h"

#define ROLES_PARTNERS "super"
#define ROLES_API_LOG "super,ops"

NEOERR *h_adm_partners(req *r);
NEOERR *h_adm_partner_create(req *r);
NEOERR *h_adm_partner(req *r);
NEOERR *h_adm_partner_key_create(req *r);
NEOERR *h_adm_partner_key_revoke(req *r);
NEOERR *h_adm_partner_status(req *r);
NEOERR *h_adm_api_log(req *r);

#endif
