/* auth.c: back-office sign-in and sign-out (username + password, scrypt, throttled per username and per IP) */
#include "adm_session.h"
#include "backoffice/admins.h"
#include "shared/throttle.h"
#include <stdio.h>
#include <string.h>

#define T_LOGIN "admin/session/login.cs"

/* Where to go after signing in: only back-office paths, never the login page itself. */
static const char *read_next(req *r) {
  static const in_field F[] = {{"next", IN_STR, 0, 1, 1000, NULL}};
  in_value v;
  if (input_read(r, F, 1, &v)) {
    hdf_remove_tree(r->hdf, "Form.Errors.next");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    hdf_remove_tree(r->hdf, "Form.Values.next");
    return NULL;
  }
  if (!v.present || strncmp(v.s, "/admin/", 7) != 0 || strncmp(v.s, "/admin/login", 12) == 0) {
    hdf_remove_tree(r->hdf, "Form.Values.next");
    return NULL;
  }
  return v.s;
}

static NEOERR *show(req *r) {
  r->template = T_LOGIN;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "AdminCore.Login.Title"));
  if (!err) err = hdf_set_value(r->hdf, "Page.Bare", "1");
  return nerr_pass(err);
}

/* Page.Flash with {n} minutes filled in. */
static NEOERR *locked(req *r, const char *key, long long seconds) {
  char num[24], msg[400];
  const char *t = req_text(r, key), *p = strstr(t, "{n}");
  snprintf(num, sizeof num, "%lld", (seconds + 59) / 60);
  if (p) snprintf(msg, sizeof msg, "%.*s%s%s", (int)(p - t), t, num, p + 3);
  else snprintf(msg, sizeof msg, "%s", t);
  r->status = 429;
  NEOERR *err = hdf_set_value(r->hdf, "Form.HasErrors", "1");
  if (!err) err = hdf_set_value(r->hdf, "Page.Flash", msg);
  return nerr_pass(err);
}

/* GET /admin/login?next=&expired=1 → 200 form; 303 onwards when already signed in. */
NEOERR *h_admin_login_form(req *r) {
  static const in_field F[] = {{"expired", IN_ENUM, 0, 0, 0, "1"}};
  in_value v;
  if (input_read(r, F, 1, &v)) { hdf_remove_tree(r->hdf, "Form"); memset(&v, 0, sizeof v); }
  const char *next = read_next(r);
  if (r->user_id) { req_redirect(r, next ? next : "/admin/"); return STATUS_OK; }
  NEOERR *err = show(r);
  if (!err && (v.present || hdf_get_int_value(r->hdf, "Page.SessionExpired", 0)))
    err = hdf_set_value(r->hdf, "Page.Notice", req_text(r, "AdminCore.Login.Expired"));
  return nerr_pass(err);
}

/* POST /admin/login: username, password (+ next) → 303 signed in; 200 form "wrong username or password" or
 * disabled; 429 while the username (5 failures / 15 min) or the client IP (20 / 15 min) is locked. */
NEOERR *h_admin_login(req *r) {
  static const in_field F[] = {
      {"username", IN_STR, IN_REQUIRED, 1, 64, NULL},
      {"password", IN_STR, IN_REQUIRED, 1, 256, NULL},
  };
  in_value v[2];
  const char *next = read_next(r);
  NEOERR *err = show(r);
  if (err || input_read(r, F, 2, v)) return nerr_pass(err);
  hdf_remove_tree(r->hdf, "Form.Values.password");
  static const login_guard G = {ADMIN_LOGIN_SCOPE_ACCOUNT, ADMIN_LOGIN_SCOPE_IP, ADMIN_LOGIN_ACCOUNT_LIMIT,
                                ADMIN_LOGIN_IP_LIMIT, ADMIN_LOGIN_WINDOW};
  const char *ip = req_client_ip(r);
  long long left = 0;
  login_lock lock;
  if ((err = login_guard_check(r->db, &G, v[0].s, ip, &lock, &left))) return nerr_pass(err);
  if (lock == LOGIN_IP_LOCKED) return nerr_pass(locked(r, "AdminCore.Login.IpLocked", left));
  if (lock == LOGIN_ACCOUNT_LOCKED) return nerr_pass(locked(r, "AdminCore.Login.AccountLocked", left));
  long long id = 0;
  admin_auth_status st;
  if ((err = admin_authenticate(r->db, v[0].s, v[1].s, &id, &st))) return nerr_pass(err);
  if (st == ADMIN_AUTH_DISABLED) return nerr_pass(req_form_error(r, NULL, "AdminCore.Login.Disabled"));
  if (st == ADMIN_AUTH_BAD) {
    err = login_guard_failed(r->db, &G, v[0].s, ip);
    if (!err) err = req_form_error(r, NULL, "AdminCore.Login.Bad");
    return nerr_pass(err);
  }
  if ((err = login_guard_passed(r->db, &G, v[0].s))) return nerr_pass(err);
  if ((err = req_login(r, id))) return nerr_pass(err);
  req_redirect(r, next ? next : "/admin/");
  return STATUS_OK;
}

/* POST /admin/logout → ends this session, 303 to the sign-in page. */
NEOERR *h_admin_logout(req *r) {
  NEOERR *err = req_logout(r);
  if (!err) req_redirect(r, "/admin/login");
  return nerr_pass(err);
}
