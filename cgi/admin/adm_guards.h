/* adm_guards.h: back-office handlers of the emergency switch (F4) and the circuit breakers' state (F2) */
#ifndef MALL_ADM_GUARDS_H
#define MALL_ADM_GUARDS_H
#include "admin.h"

#define ROLES_SWITCH "super,ops"

/* switch.c */
NEOERR *h_adm_switch(req *r);
NEOERR *h_adm_switch_pause(req *r);
NEOERR *h_adm_switch_resume(req *r);

#endif
