/* adm_blacklist.h: back-office handlers of the blacklist (F3) — entries (list, add, remove) and automatic rules */
#ifndef MALL_ADM_BLACKLIST_H
#define MALL_ADM_BLACKLIST_H
#include "admin.h"

#define ROLES_BLACKLIST "super,ops"

/* blacklist.c */
NEOERR *h_adm_blacklist(req *r);
NEOERR *h_adm_blacklist_add(req *r);
NEOERR *h_adm_blacklist_remove_form(req *r);
NEOERR *h_adm_blacklist_remove(req *r);
NEOERR *h_adm_blacklist_rules(req *r);
NEOERR *h_adm_blacklist_rule(req *r);

#endif
