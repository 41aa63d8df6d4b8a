/* adm_people.h: back-office handlers of the people pages — members (B6), merchants (B7), SMS outbox (B10) */
#ifndef MALL_ADM_PEOPLE_H
#define MALL_ADM_PEOPLE_H
#include "admin.h"
#include "adm_ops.h"

/* members.c */
NEOERR *h_adm_members(req *r);
NEOERR *h_adm_member(req *r);
NEOERR *h_adm_member_grant(req *r);
NEOERR *h_adm_member_deduct(req *r);
NEOERR *h_adm_member_freeze(req *r);
NEOERR *h_adm_member_unfreeze(req *r);
NEOERR *h_adm_member_password(req *r);
/* merchants.c */
NEOERR *h_adm_merchants(req *r);
NEOERR *h_adm_merchant(req *r);
NEOERR *h_adm_merchant_status(req *r);
NEOERR *h_adm_merchant_rate(req *r);
/* sms.c */
NEOERR *h_adm_sms(req *r);

#endif
