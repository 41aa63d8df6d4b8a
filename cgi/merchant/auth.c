/* auth.c: merchant portal sign-in and sign-out (scrypt, throttled per username and per IP) and the home page */
#include "mch_session.h"
#include "merchants/merchant_accounts.h"
#include "signin.h"
#include <stdio.h>
#include <string.h>

#define T_LOGIN "merchant/session/login.cs"
#define T_HOME "merchant/session/home.cs"

static NEOERR *authenticate(MYSQL *db, const char *username, const char *password, long long *id, signin_result *res) {
  merchant_auth_status st;
  NEOERR *err = merchant_authenticate(db, username, password, id, &st);
  *res = st == MERCHANT_AUTH_OK ? SIGNIN_OK : st == MERCHANT_AUTH_DISABLED ? SIGNIN_DISABLED : SIGNIN_BAD;
  return nerr_pass(err);
}

static const signin_flow SIGNIN = {
    .home = "/merchant/",
    .login_path = "/merchant/login",
    .template = T_LOGIN,
    .lang = "MchPortal.Login",
    .expired_to = "Page.Flash",
    .blacklist = 1,
    .guard = {MERCHANT_LOGIN_SCOPE_ACCOUNT, MERCHANT_LOGIN_SCOPE_IP, MERCHANT_LOGIN_ACCOUNT_LIMIT,
              MERCHANT_LOGIN_IP_LIMIT, MERCHANT_LOGIN_WINDOW},
    .authenticate = authenticate,
};

/* GET /merchant/login?next=&expired=1 → 200 form; 303 onwards when already signed in. */
NEOERR *h_mch_login_form(req *r) { return nerr_pass(signin_form(r, &SIGNIN)); }

/* POST /merchant/login: username, password (+ next) → 303 signed in; 200 form "wrong username or password"
 * or disabled; 429 while the username (5 failures / 15 min) or the client IP (20 / 15 min) is locked. */
NEOERR *h_mch_login(req *r) { return nerr_pass(signin_post(r, &SIGNIN)); }

/* POST /merchant/logout → ends this session, 303 to the sign-in page. */
NEOERR *h_mch_logout(req *r) { return nerr_pass(signin_logout(r, &SIGNIN)); }

/* GET /merchant/ → today's redemptions and the way to the tasks. */
NEOERR *h_mch_home(req *r) {
  long long n = 0, pts = 0, open = 0;
  char today[11];
  r->template = T_HOME;
  r->no_cache = 1;
  NEOERR *err = merchant_today(r->db, merchant_id_of(r), today, &n, &pts, &open);
  if (!err) err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "MchPortal.Home.Title"));
  if (!err) err = hdf_set_int_value(r->hdf, "Today.Redeemed", (int)n);
  if (!err) err = hdf_set_valuef(r->hdf, "Today.Points=%lld", pts);
  if (!err) err = hdf_set_int_value(r->hdf, "Today.Open", (int)open);
  if (!err) err = hdf_set_value(r->hdf, "Today.Date", today);
  return nerr_pass(err);
}
