/* auth.h: member account handlers — register, sign in/out, forgot and change password */
#ifndef MALL_AUTH_H
#define MALL_AUTH_H
#include "app.h"

#endif
