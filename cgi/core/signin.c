/* signin.c: the staff sign-in flow the back office and the merchant portal share — username + password form,
 * throttled per account and per IP, a local ?next= to return to, sign-out */
#include "signin.h"
#include "blocked.h"
#include "input.h"
#include "web_session.h"
#include <stdio.h>
#include <string.h>

/* Where to go after signing in: only paths under home, never the sign-in page itself. */
static const char *read_next(req *r, const signin_flow *f) {
  static const in_field F[] = {{"next", IN_STR, 0, 1, 1000, NULL}};
  in_value v;
  if (input_read(r, F, 1, &v)) {
    hdf_remove_tree(r->hdf, "Form.Errors.next");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    hdf_remove_tree(r->hdf, "Form.Values.next");
    return NULL;
  }
  if (!v.present || strncmp(v.s, f->home, strlen(f->home)) != 0 ||
      strncmp(v.s, f->login_path, strlen(f->login_path)) == 0 || strstr(v.s, "//") || strchr(v.s, '\\')) {
    hdf_remove_tree(r->hdf, "Form.Values.next");
    return NULL;
  }
  return v.s;
}

static const char *text(req *r, const signin_flow *f, const char *what, char *key, size_t len) {
  snprintf(key, len, "%s.%s", f->lang, what);
  return key;
}

static NEOERR *show(req *r, const signin_flow *f) {
  char key[96];
  r->template = f->template;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, text(r, f, "Title", key, sizeof key)));
  if (!err) err = hdf_set_value(r->hdf, "Page.Bare", "1");
  return nerr_pass(err);
}

/* The lock-out message with {n} minutes filled in, status 429. */
static NEOERR *locked(req *r, const signin_flow *f, const char *what, long long seconds) {
  char key[96], msg[400];
  r->status = 429;
  text(r, f, what, key, sizeof key);
  return nerr_pass(req_flash_text(r, req_text_n(r, key, (seconds + 59) / 60, msg, sizeof msg)));
}

NEOERR *signin_form(req *r, const signin_flow *f) {
  static const in_field F[] = {{"expired", IN_ENUM, 0, 0, 0, "1"}};
  char key[96];
  in_value v;
  if (input_read(r, F, 1, &v)) {
    hdf_remove_tree(r->hdf, "Form");
    memset(&v, 0, sizeof v);
  }
  const char *next = read_next(r, f);
  if (r->user_id) {
    req_redirect(r, next ? next : f->home);
    return STATUS_OK;
  }
  NEOERR *err = show(r, f);
  if (!err && (v.present || hdf_get_int_value(r->hdf, "Page.SessionExpired", 0)))
    err = hdf_set_value(r->hdf, f->expired_to, req_text(r, text(r, f, "Expired", key, sizeof key)));
  return nerr_pass(err);
}

NEOERR *signin_post(req *r, const signin_flow *f) {
  static const in_field F[] = {
      {"username", IN_STR, IN_REQUIRED, 1, 64, NULL},
      {"password", IN_STR, IN_REQUIRED, 1, 256, NULL},
  };
  char key[96];
  in_value v[2];
  const char *next = read_next(r, f);
  NEOERR *err = show(r, f);
  if (err || input_read(r, F, 2, v)) return nerr_pass(err);
  hdf_remove_tree(r->hdf, "Form.Values.password");
  const char *ip = req_client_ip(r);
  long long left = 0;
  login_lock lock;
  login_ticket t;
  int blocked = 0;
  if (f->blacklist && ((err = req_blacklist_guard(r, NULL, v[0].s, &blocked)) || blocked)) return nerr_pass(err);
  if ((err = login_guard_enter(r->db, &f->guard, v[0].s, ip, &lock, &left, &t))) return nerr_pass(err);
  if (lock != LOGIN_OPEN && f->blacklist) req_blacklist_event(r, BL_EVENT_SIGNIN_FAIL, NULL, v[0].s);
  if (lock == LOGIN_IP_LOCKED) return nerr_pass(locked(r, f, "IpLocked", left));
  if (lock == LOGIN_ACCOUNT_LOCKED) return nerr_pass(locked(r, f, "AccountLocked", left));
  long long id = 0;
  signin_result res;
  if ((err = f->authenticate(r->db, v[0].s, v[1].s, &id, &res))) return nerr_pass(err);
  if (res == SIGNIN_DISABLED) {
    err = login_guard_void(r->db, &t);
    if (!err) err = req_flash(r, text(r, f, "Disabled", key, sizeof key));
    return nerr_pass(err);
  }
  if (res == SIGNIN_BAD) {
    if (f->blacklist) req_blacklist_event(r, BL_EVENT_SIGNIN_FAIL, NULL, v[0].s);
    err = login_guard_failed(r->db, &f->guard);
    if (!err) err = req_flash(r, text(r, f, "Bad", key, sizeof key));
    return nerr_pass(err);
  }
  if ((err = login_guard_passed(r->db, &f->guard, v[0].s, &t))) return nerr_pass(err);
  if ((err = req_login(r, id))) return nerr_pass(err);
  req_redirect(r, next ? next : f->home);
  return STATUS_OK;
}

NEOERR *signin_logout(req *r, const signin_flow *f) {
  NEOERR *err = req_logout(r);
  if (!err) req_redirect(r, f->login_path);
  return nerr_pass(err);
}
