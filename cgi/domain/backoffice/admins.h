/* admins.h: back-office accounts — sign-in check, create, disable/enable, reset password (no HTTP) */
#ifndef MALL_ADMINS_H
#define MALL_ADMINS_H
#include "backoffice/audit.h"
#include "db.h"

#define ADMIN_PASSWORD_MIN 10
#define ADMIN_PASSWORD_MAX 64
#define ADMIN_USERNAME_MIN 3
#define ADMIN_USERNAME_MAX 32
#define ADMIN_ROLES "super|ops|moderator|finance|enterprise|monitor"

/* Sign-in throttling: failures per username and per client IP within a window (own scopes, so a
 * storm on the storefront's sign-in does not lock the back office and vice versa). */
#define ADMIN_LOGIN_ACCOUNT_LIMIT 5
#define ADMIN_LOGIN_IP_LIMIT 20
#define ADMIN_LOGIN_WINDOW 900
#define ADMIN_LOGIN_SCOPE_ACCOUNT "admin-login-user"
#define ADMIN_LOGIN_SCOPE_IP "admin-login-ip"

typedef enum {
  ADMIN_AUTH_OK,
  ADMIN_AUTH_BAD,      /* unknown username or wrong password: indistinguishable, same time spent */
  ADMIN_AUTH_DISABLED, /* right password, account disabled */
} admin_auth_status;
NEOERR *admin_authenticate(MYSQL *db, const char *username, const char *password, long long *id, admin_auth_status *st);

/* 1 when username is 3–32 of [a-z0-9_.-] starting with a letter (the same rule the form states). */
int admin_username_ok(const char *username);

/* Creates an active admin, audited (action "create", entity "admin"). *id = 0 when the username is taken (or the
 * enterprise unknown). enterprise: the one an "enterprise" admin is bound to (required for that role, NULL for the
 * others). */
NEOERR *admin_create(MYSQL *db, const audit_actor *who, const char *username, const char *role, const char *enterprise,
                     const char *password, long long *id);
/* Sets status "active" / "disabled", audited ("disable" / "enable"); ends the admin's sessions when disabling.
 * *found = 0 when there is no such admin; *changed = 0 when it already had that status. */
NEOERR *admin_set_status(MYSQL *db, const audit_actor *who, long long id, const char *status, int *found, int *changed);
/* Stores a new password hash, audited ("reset-password"; the hash is never in the log); ends the admin's
 * sessions. *found = 0 when there is no such admin. */
NEOERR *admin_reset_password(MYSQL *db, const audit_actor *who, long long id, const char *password, int *found);

/* Every admin as prefix.N.{id,username,role,status,enterprise,created_at}, by id. */
NEOERR *admin_list(MYSQL *db, HDF *out, const char *prefix, int *rows);
/* One admin as prefix.{id,username,role,status,created_at}; *found = 0 when none. */
NEOERR *admin_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found);

#endif
