/* merchant_accounts.h: merchant portal accounts — sign-in check, the owner's staff accounts (no HTTP) */
#ifndef MALL_MERCHANT_ACCOUNTS_H
#define MALL_MERCHANT_ACCOUNTS_H
#include "backoffice/audit.h"
#include "db.h"

#define MERCHANT_PASSWORD_MIN 8
#define MERCHANT_PASSWORD_MAX 64
#define MERCHANT_USERNAME_MIN 3
#define MERCHANT_USERNAME_MAX 32

/* Sign-in throttling: failures per username and per client IP within a window (own scopes, apart from
 * the storefront's and the back office's sign-in). */
#define MERCHANT_LOGIN_ACCOUNT_LIMIT 5
#define MERCHANT_LOGIN_IP_LIMIT 20
#define MERCHANT_LOGIN_WINDOW 900
#define MERCHANT_LOGIN_SCOPE_ACCOUNT "merchant-login-user"
#define MERCHANT_LOGIN_SCOPE_IP "merchant-login-ip"

typedef enum {
  MERCHANT_AUTH_OK,
  MERCHANT_AUTH_BAD,      /* unknown username or wrong password: indistinguishable, same time spent */
  MERCHANT_AUTH_DISABLED, /* right password, but the account or its merchant is disabled */
} merchant_auth_status;
NEOERR *merchant_authenticate(MYSQL *db, const char *username, const char *password, long long *id,
                              merchant_auth_status *st);

/* 1 when username is 3–32 of [a-z0-9_.-] starting with a letter (the rule the form states). */
int merchant_username_ok(const char *username);

/* Accounts of one merchant as prefix.N.{id,username,role,status,created_at}, owner first. */
NEOERR *merchant_staff_list(MYSQL *db, long long merchant_id, HDF *out, const char *prefix, int *rows);
/* Staff changes are audited (the audit log, actor_kind "merchant") in their own transaction.
 * A new active staff account of merchant_id. *id = 0 when the username is taken (by anyone). */
NEOERR *merchant_staff_create(MYSQL *db, const audit_actor *who, long long merchant_id, const char *username,
                              const char *password, long long *id);
/* Staff accounts only (never the owner), of merchant_id only: *found = 0 otherwise. Disabling ends the
 * account's sessions; *changed = 0 when it already had that status. */
NEOERR *merchant_staff_set_status(MYSQL *db, const audit_actor *who, long long merchant_id, long long user_id,
                                  const char *status, int *found, int *changed);
/* New password for a staff account of merchant_id (ends its sessions). *found = 0 when not one. */
NEOERR *merchant_staff_reset_password(MYSQL *db, const audit_actor *who, long long merchant_id, long long user_id,
                                      const char *password, int *found);

/* Today's numbers for the home page: the date (YYYY-MM-DD, the database's), vouchers redeemed today (count,
 * points) and issued ones still valid. */
NEOERR *merchant_today(MYSQL *db, long long merchant_id, char today[11], long long *redeemed, long long *points,
                       long long *open);

#endif
