/* mch_session.h: merchant portal handlers of the session pages — sign-in/out, home, staff accounts */
#ifndef MALL_MCH_SESSION_H
#define MALL_MCH_SESSION_H
#include "merchant.h"

/* auth.c */
NEOERR *h_mch_login_form(req *r);
NEOERR *h_mch_login(req *r);
NEOERR *h_mch_logout(req *r);
NEOERR *h_mch_home(req *r);
/* staff.c (owners only) */
NEOERR *h_mch_staff(req *r);
NEOERR *h_mch_staff_create(req *r);
NEOERR *h_mch_staff_status(req *r);
NEOERR *h_mch_staff_password(req *r);

#endif
