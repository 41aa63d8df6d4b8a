/* auth.c: merchant portal sign-in and sign-out (scrypt, throttled per username and per IP) and the home page */
#include "mch_session.h"
#include "merchants/merchant_accounts.h"
#include "shared/throttle.h"
#include <stdio.h>
#include <string.h>

#define T_LOGIN "merchant/session/login.cs"
#define T_HOME "merchant/session/home.cs"

/* Where to go after signing in: only portal paths, never the sign-in page itself. */
static const char *read_next(req *r) {
  static const in_field F[] = {{"next", IN_STR, 0, 1, 1000, NULL}};
  in_value v;
  if (input_read(r, F, 1, &v)) {
    hdf_remove_tree(r->hdf, "Form.Errors.next");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    hdf_remove_tree(r->hdf, "Form.Values.next");
    return NULL;
  }
  if (!v.present || strncmp(v.s, "/merchant/", 10) != 0 || strncmp(v.s, "/merchant/login", 15) == 0 ||
      strstr(v.s, "//") || strchr(v.s, '\\')) {
    hdf_remove_tree(r->hdf, "Form.Values.next");
    return NULL;
  }
  return v.s;
}

static NEOERR *show(req *r) {
  r->template = T_LOGIN;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "MchPortal.Login.Title"));
  if (!err) err = hdf_set_value(r->hdf, "Page.Bare", "1");
  return nerr_pass(err);
}

static NEOERR *flash_error(req *r, const char *key) {
  NEOERR *err = req_form_error(r, NULL, key);
  if (!err) err = hdf_set_value(r->hdf, "Page.FlashError", "1");
  return nerr_pass(err);
}

/* Page.Flash with {n} minutes filled in, status 429. */
static NEOERR *locked(req *r, const char *key, long long seconds) {
  char num[24], msg[400];
  const char *t = req_text(r, key), *p = strstr(t, "{n}");
  snprintf(num, sizeof num, "%lld", (seconds + 59) / 60);
  if (p) snprintf(msg, sizeof msg, "%.*s%s%s", (int)(p - t), t, num, p + 3);
  else snprintf(msg, sizeof msg, "%s", t);
  r->status = 429;
  NEOERR *err = hdf_set_value(r->hdf, "Page.FlashError", "1");
  if (!err) err = hdf_set_value(r->hdf, "Page.Flash", msg);
  return nerr_pass(err);
}

/* GET /merchant/login?next= → 200 form; 303 onwards when already signed in. */
NEOERR *h_mch_login_form(req *r) {
  const char *next = read_next(r);
  if (r->user_id) { req_redirect(r, next ? next : "/merchant/"); return STATUS_OK; }
  NEOERR *err = show(r);
  if (!err && hdf_get_int_value(r->hdf, "Page.SessionExpired", 0))
    err = hdf_set_value(r->hdf, "Page.Flash", req_text(r, "MchPortal.Login.Expired"));
  return nerr_pass(err);
}

/* POST /merchant/login: username, password (+ next) → 303 signed in; 200 form "wrong username or password"
 * or disabled; 429 while the username (5 failures / 15 min) or the client IP (20 / 15 min) is locked. */
NEOERR *h_mch_login(req *r) {
  static const in_field F[] = {
      {"username", IN_STR, IN_REQUIRED, 1, 64, NULL},
      {"password", IN_STR, IN_REQUIRED, 1, 256, NULL},
  };
  in_value v[2];
  const char *next = read_next(r);
  NEOERR *err = show(r);
  if (err || input_read(r, F, 2, v)) return nerr_pass(err);
  hdf_remove_tree(r->hdf, "Form.Values.password");
  static const login_guard G = {MERCHANT_LOGIN_SCOPE_ACCOUNT, MERCHANT_LOGIN_SCOPE_IP, MERCHANT_LOGIN_ACCOUNT_LIMIT,
                                MERCHANT_LOGIN_IP_LIMIT, MERCHANT_LOGIN_WINDOW};
  const char *ip = req_client_ip(r);
  long long left = 0;
  login_lock lock;
  if ((err = login_guard_check(r->db, &G, v[0].s, ip, &lock, &left))) return nerr_pass(err);
  if (lock == LOGIN_IP_LOCKED) return nerr_pass(locked(r, "MchPortal.Login.IpLocked", left));
  if (lock == LOGIN_ACCOUNT_LOCKED) return nerr_pass(locked(r, "MchPortal.Login.AccountLocked", left));
  long long id = 0;
  merchant_auth_status st;
  if ((err = merchant_authenticate(r->db, v[0].s, v[1].s, &id, &st))) return nerr_pass(err);
  if (st == MERCHANT_AUTH_DISABLED) return nerr_pass(flash_error(r, "MchPortal.Login.Disabled"));
  if (st == MERCHANT_AUTH_BAD) {
    err = login_guard_failed(r->db, &G, v[0].s, ip);
    if (!err) err = flash_error(r, "MchPortal.Login.Bad");
    return nerr_pass(err);
  }
  if ((err = login_guard_passed(r->db, &G, v[0].s))) return nerr_pass(err);
  if ((err = req_login(r, id))) return nerr_pass(err);
  req_redirect(r, next ? next : "/merchant/");
  return STATUS_OK;
}

/* POST /merchant/logout → ends this session, 303 to the sign-in page. */
NEOERR *h_mch_logout(req *r) {
  NEOERR *err = req_logout(r);
  if (!err) req_redirect(r, "/merchant/login");
  return nerr_pass(err);
}

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
