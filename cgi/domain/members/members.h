/* members.h: member account rules — registration, sign-in check, passwords (no HTTP) */
#ifndef MALL_MEMBERS_H
#define MALL_MEMBERS_H
#include "db.h"

#define MEMBER_PASSWORD_MIN 8
#define MEMBER_PASSWORD_MAX 64

/* Login throttling: per account (mobile) and per client IP, failures within a window. */
#define LOGIN_ACCOUNT_LIMIT 5
#define LOGIN_IP_LIMIT 20
#define LOGIN_WINDOW 900
#define LOGIN_SCOPE_ACCOUNT "login-mobile"
#define LOGIN_SCOPE_IP "login-ip"
/* Code requests from one client IP (all mobiles, all purposes): stops texting many numbers. */
#define SMS_IP_LIMIT 30
#define SMS_IP_WINDOW 3600
#define SMS_SCOPE_IP "sms-ip"

/* Finds a member by mobile: *id = 0 when none; status gets "active" or "frozen". */
NEOERR *member_find(MYSQL *db, const char *mobile, long long *id, char status[16]);

/* Creates an active member. *id = 0 when the mobile is already registered (also when another
 * registration won a race for it). */
NEOERR *member_create(MYSQL *db, const char *mobile, const char *password, long long *id);

typedef enum {
  MEMBER_AUTH_OK,
  MEMBER_AUTH_BAD,    /* unknown mobile or wrong password: indistinguishable, same time spent */
  MEMBER_AUTH_FROZEN, /* right password, account frozen */
} member_auth_status;
NEOERR *member_authenticate(MYSQL *db, const char *mobile, const char *password, long long *id, member_auth_status *st);

/* 1 in *ok when password is the member's current one. */
NEOERR *member_password_ok(MYSQL *db, long long id, const char *password, int *ok);
/* Stores a new scrypt hash. Callers drop the member's sessions. */
NEOERR *member_set_password(MYSQL *db, long long id, const char *password);

#endif
