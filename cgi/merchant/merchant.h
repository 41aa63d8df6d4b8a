/* merchant.h: the alliance merchants' portal (merchant.fcgi) — shared declarations of its page families */
#ifndef MALL_MERCHANT_H
#define MALL_MERCHANT_H
#include "app.h"

/* Roles of merchant staff accounts (merchant_users.role). Every route names who may use it. */
#define MROLES_ALL "owner,staff"
#define MROLES_OWNER "owner"

/* system.c */
NEOERR *merchant_load(req *r, long long id, int *ok);
/* The signed-in account's merchant (merchants.id); every query of the portal is scoped by it. */
long long merchant_id_of(req *r);
const app *merchant_app(void);

#endif
