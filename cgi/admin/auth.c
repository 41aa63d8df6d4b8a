/* auth.c: back-office sign-in and sign-out — the shared staff sign-in flow (signin.c) with the admin accounts */
#include "adm_session.h"
#include "backoffice/admins.h"
#include "signin.h"

#define T_LOGIN "admin/session/login.cs"

static NEOERR *authenticate(MYSQL *db, const char *username, const char *password, long long *id, signin_result *res) {
  admin_auth_status st;
  NEOERR *err = admin_authenticate(db, username, password, id, &st);
  *res = st == ADMIN_AUTH_OK ? SIGNIN_OK : st == ADMIN_AUTH_DISABLED ? SIGNIN_DISABLED : SIGNIN_BAD;
  return nerr_pass(err);
}

static const signin_flow SIGNIN = {
    .home = "/admin/",
    .login_path = "/admin/login",
    .template = T_LOGIN,
    .lang = "AdminCore.Login",
    .expired_to = "Page.Notice",
    .guard = {ADMIN_LOGIN_SCOPE_ACCOUNT, ADMIN_LOGIN_SCOPE_IP, ADMIN_LOGIN_ACCOUNT_LIMIT, ADMIN_LOGIN_IP_LIMIT,
              ADMIN_LOGIN_WINDOW},
    .authenticate = authenticate,
};

/* GET /admin/login?next=&expired=1 → 200 form; 303 onwards when already signed in. */
NEOERR *h_adm_login_form(req *r) { return nerr_pass(signin_form(r, &SIGNIN)); }

/* POST /admin/login: username, password (+ next) → 303 signed in; 200 form "wrong username or password" or
 * disabled; 429 while the username (5 failures / 15 min) or the client IP (20 / 15 min) is locked. */
NEOERR *h_adm_login(req *r) { return nerr_pass(signin_post(r, &SIGNIN)); }

/* POST /admin/logout → ends this session, 303 to the sign-in page. */
NEOERR *h_adm_logout(req *r) { return nerr_pass(signin_logout(r, &SIGNIN)); }
