/* mall_auth.h: member account handlers — register, sign in/out, forgot and change password */
#ifndef MALL_MALL_AUTH_H
#define MALL_MALL_AUTH_H
#include "app.h"

NEOERR *h_register_form(req *r);
NEOERR *h_register(req *r);
NEOERR *h_register_code(req *r);
NEOERR *h_login_form(req *r);
NEOERR *h_login(req *r);
NEOERR *h_logout(req *r);
NEOERR *h_forgot_form(req *r);
NEOERR *h_forgot(req *r);
NEOERR *h_forgot_code(req *r);
NEOERR *h_account(req *r);
NEOERR *h_password_form(req *r);
NEOERR *h_password(req *r);

#endif
