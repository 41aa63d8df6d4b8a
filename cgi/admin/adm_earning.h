/* adm_earning.h: back-office pages of the earning rules (P2) — consumption rules per enterprise (list, new rule,
 * a rule's versions and its next version) and activity bonuses */
#ifndef MALL_ADM_EARNING_H
#define MALL_ADM_EARNING_H
#include "admin.h"

#define ROLES_EARNING "super,ops"

NEOERR *h_adm_earning_rules(req *r);
NEOERR *h_adm_earning_rule_create(req *r);
NEOERR *h_adm_earning_rule(req *r);
NEOERR *h_adm_earning_rule_update(req *r);
NEOERR *h_adm_earning_bonuses(req *r);
NEOERR *h_adm_earning_bonus_save(req *r);

#endif
