/* auth.c: member account pages — register, sign in/out, forgot and change password, account home */
#include "mall_auth.h"
#include "mall_center.h"
#include "blocked.h"
#include "members/members.h"
#include "shared/sms.h"
#include "shared/throttle.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_REGISTER "mall/auth/register.cs"
#define T_LOGIN "mall/auth/login.cs"
#define T_FORGOT "mall/auth/forgot.cs"
#define T_PASSWORD "mall/auth/password.cs"
#define T_ACCOUNT "mall/auth/account.cs"

/* ---- helpers ---- */

static NEOERR *show(req *r, const char *tmpl, const char *title_key) {
  r->template = tmpl;
  r->no_cache = 1;
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", req_text(r, title_key)));
}

/* Page.Flash (error, field NULL) or Form.Errors.<field> with {n} filled in. */
static NEOERR *error_n(req *r, const char *field, const char *key, long long n) {
  char msg[600], name[80];
  req_text_n(r, key, n, msg, sizeof msg);
  if (field) snprintf(name, sizeof name, "Form.Errors.%s", field);
  else snprintf(name, sizeof name, "Page.Flash");
  NEOERR *err = hdf_set_value(r->hdf, "Form.HasErrors", "1");
  if (!err) err = hdf_set_value(r->hdf, name, msg);
  return nerr_pass(err);
}

static NEOERR *notice(req *r, const char *key) {
  return nerr_pass(hdf_set_value(r->hdf, "Page.Notice", req_text(r, key)));
}

/* The optional local path to return to; an invalid one is simply ignored. */
static const char *read_next(req *r) {
  static const in_field F[] = {{"next", IN_STR, 0, 1, 1000, NULL}};
  in_value v;
  if (input_read(r, F, 1, &v)) {
    hdf_remove_tree(r->hdf, "Form.Errors.next");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
    return NULL;
  }
  return v.present && v.s[0] == '/' ? v.s : NULL;
}

static void mask_mobile(const char *m, char out[16]) {
  snprintf(out, 16, "%.3s****%s", m, strlen(m) >= 4 ? m + strlen(m) - 4 : "");
}

static long long minutes(long long seconds) { return (seconds + 59) / 60; }

/* New password + confirmation, with messages next to the fields. Returns the number of problems. */
static int check_new_password(req *r, const in_value *pw, const in_value *confirm) {
  int bad = 0;
  if (pw->present && hdf_get_obj(r->hdf, "Form.Errors.password")) {
    req_form_error(r, "password", "Auth.PasswordRule");
    bad++;
  }
  if (pw->present && confirm->present && strcmp(pw->s, confirm->s) != 0) {
    req_form_error(r, "confirm", "Auth.PasswordMismatch");
    bad++;
  }
  return bad;
}

/* Maps a failed code check to the message under the code field. */
static NEOERR *code_error(req *r, const sms_verify_result *v) {
  switch (v->status) {
  case SMS_VERIFY_WRONG: return nerr_pass(error_n(r, "code", "Auth.CodeWrong", v->tries_left));
  case SMS_VERIFY_DEAD: return nerr_pass(req_form_error(r, "code", "Auth.CodeDead"));
  case SMS_VERIFY_EXPIRED: return nerr_pass(req_form_error(r, "code", "Auth.CodeExpired"));
  case SMS_VERIFY_USED: return nerr_pass(req_form_error(r, "code", "Auth.CodeUsed"));
  default: return nerr_pass(req_form_error(r, "code", "Auth.CodeNone"));
  }
}

/* Maps a refused code send to a flash; 429 for the limits. */
static NEOERR *send_error(req *r, const sms_send_result *s) {
  if (s->status == SMS_SEND_COOLDOWN) {
    r->status = 429;
    return nerr_pass(error_n(r, NULL, "Auth.CodeCooldown", s->seconds_left));
  }
  if (s->status == SMS_SEND_DAILY_CAP) {
    r->status = 429;
    return nerr_pass(req_form_error(r, NULL, "Auth.CodeDailyCap"));
  }
  return nerr_pass(req_form_error(r, NULL, "Auth.CodeSendFailed"));
}

/* Issues a code unless the client IP asked for too many; deliver = 0 stores it untexted. */
static NEOERR *issue_code(req *r, const char *mobile, const char *purpose, int deliver, sms_send_result *s) {
  const char *ip = req_client_ip(r);
  long long left = 0;
  int blocked = 0;
  memset(s, 0, sizeof *s);
  s->status = SMS_SEND_FAILED;
  NEOERR *err = req_blacklist_guard(r, mobile, NULL, &blocked);
  if (err || blocked) return nerr_pass(err);
  /* Every request counts for the blacklist rules, refused ones too: a script hammering the throttle is caught. */
  req_blacklist_event(r, BL_EVENT_SMS_CODE, mobile, NULL);
  s->status = SMS_SEND_OK;
  err = throttle_locked(r->db, SMS_SCOPE_IP, ip, SMS_IP_LIMIT, SMS_IP_WINDOW, &left);
  if (err) return nerr_pass(err);
  if (left) {
    r->status = 429;
    s->status = SMS_SEND_FAILED;
    return nerr_pass(error_n(r, NULL, "Auth.CodeIpLimit", minutes(left)));
  }
  if ((err = sms_code_issue(r->db, mobile, purpose, "", deliver, s))) return nerr_pass(err);
  if (s->status == SMS_SEND_OK) {
    err = throttle_hit(r->db, SMS_SCOPE_IP, ip);
    if (!err) err = throttle_prune(r->db, SMS_SCOPE_IP, 2 * SMS_IP_WINDOW);
    return nerr_pass(err);
  }
  return nerr_pass(send_error(r, s));
}

static const char *after_login(req *r, const char *next, const char *fallback) {
  (void)r;
  return next && strcmp(next, "/login") != 0 ? next : fallback;
}

/* ---- register ---- */

/* GET /register?next= → 200 form; 303 to /account when already signed in. */
NEOERR *h_register_form(req *r) {
  const char *next = read_next(r);
  if (r->user_id) {
    req_redirect(r, after_login(r, next, "/account"));
    return STATUS_OK;
  }
  return nerr_pass(show(r, T_REGISTER, "Auth.RegisterTitle"));
}

/* POST /register/code: mobile (+ next) → 200 form with "code sent" or the error; 429 cooldown / daily cap /
 * 30 codes an hour from the client IP; 403 blacklisted. */
NEOERR *h_register_code(req *r) {
  static const in_field F[] = {{"mobile", IN_MOBILE, IN_REQUIRED, 0, 0, NULL}};
  in_value v[1];
  read_next(r);
  NEOERR *err = show(r, T_REGISTER, "Auth.RegisterTitle");
  if (err || input_read(r, F, 1, v)) return nerr_pass(err);
  long long id = 0;
  char status[16], masked[16], msg[300];
  if ((err = member_find(r->db, v[0].s, &id, status))) return nerr_pass(err);
  if (id) return nerr_pass(req_form_error(r, "mobile", "Auth.MobileTaken"));
  sms_send_result s;
  if ((err = issue_code(r, v[0].s, "register", 1, &s)) || s.status != SMS_SEND_OK) return nerr_pass(err);
  mask_mobile(v[0].s, masked);
  const char *mark[] = {"{m}"}, *value[] = {masked};
  req_text_fill(r, "Auth.CodeSent", mark, value, 1, msg, sizeof msg);
  return nerr_pass(hdf_set_value(r->hdf, "Page.Notice", msg));
}

/* POST /register: mobile, code, password, confirm (+ next) → 303 signed in; 200 form with errors; 403 blacklisted. */
NEOERR *h_register(req *r) {
  static const in_field F[] = {
      {"mobile", IN_MOBILE, IN_REQUIRED, 0, 0, NULL},
      {"code", IN_DIGITS, IN_REQUIRED, SMS_CODE_DIGITS, SMS_CODE_DIGITS, NULL},
      {"password", IN_STR, IN_REQUIRED, MEMBER_PASSWORD_MIN, MEMBER_PASSWORD_MAX, NULL},
      {"confirm", IN_STR, IN_REQUIRED, 1, 256, NULL},
  };
  in_value v[4];
  const char *next = read_next(r);
  NEOERR *err = show(r, T_REGISTER, "Auth.RegisterTitle");
  int bad = input_read(r, F, 4, v), blocked = 0;
  bad += check_new_password(r, &v[2], &v[3]);
  if (err || bad) return nerr_pass(err);
  /* Registering signs in: a code obtained before the block does not get round it. */
  if ((err = req_blacklist_guard(r, v[0].s, NULL, &blocked)) || blocked) return nerr_pass(err);
  long long id = 0;
  char status[16];
  if ((err = member_find(r->db, v[0].s, &id, status))) return nerr_pass(err);
  if (id) return nerr_pass(req_form_error(r, "mobile", "Auth.MobileTaken"));
  sms_verify_result c;
  if ((err = sms_code_verify(r->db, v[0].s, "register", "", v[1].s, &c))) return nerr_pass(err);
  if (c.status != SMS_VERIFY_OK) return nerr_pass(code_error(r, &c));
  if ((err = member_create(r->db, v[0].s, v[2].s, &id))) return nerr_pass(err);
  if (!id) return nerr_pass(req_form_error(r, "mobile", "Auth.MobileTaken")); /* lost a registration race */
  if ((err = req_login(r, id))) return nerr_pass(err);
  req_redirect(r, after_login(r, next, "/account?welcome=1"));
  return STATUS_OK;
}

/* ---- sign in / out ---- */

/* GET /login?next=&expired=1&reset=1 → 200 form; 303 onwards when already signed in. */
NEOERR *h_login_form(req *r) {
  static const in_field F[] = {
      {"expired", IN_ENUM, 0, 0, 0, "1"},
      {"reset", IN_ENUM, 0, 0, 0, "1"},
  };
  in_value v[2];
  /* Bad flags are ignored, not reported: they come from links, not from the visitor. */
  if (input_read(r, F, 2, v)) {
    hdf_remove_tree(r->hdf, "Form");
    memset(v, 0, sizeof v);
  }
  const char *next = read_next(r);
  if (r->user_id) {
    req_redirect(r, after_login(r, next, "/account"));
    return STATUS_OK;
  }
  NEOERR *err = show(r, T_LOGIN, "Auth.LoginTitle");
  if (!err && v[1].present) err = notice(r, "Auth.ResetDone");
  else if (!err && (v[0].present || hdf_get_int_value(r->hdf, "Page.SessionExpired", 0)))
    err = notice(r, "Auth.SessionExpired");
  return nerr_pass(err);
}

/* POST /login: mobile, password (+ next) → 303 signed in; 200 form "wrong mobile or password" or
 * frozen; 429 while the account (5 failures / 15 min) or the client IP (20 / 15 min) is locked; 403 when the client
 * IP or the mobile is blacklisted (failures and refusals count for the blacklist's rules). */
NEOERR *h_login(req *r) {
  static const in_field F[] = {
      {"mobile", IN_MOBILE, IN_REQUIRED, 0, 0, NULL},
      {"password", IN_STR, IN_REQUIRED, 1, 256, NULL},
  };
  in_value v[2];
  const char *next = read_next(r);
  NEOERR *err = show(r, T_LOGIN, "Auth.LoginTitle");
  if (err || input_read(r, F, 2, v)) return nerr_pass(err);
  static const login_guard G = {LOGIN_SCOPE_ACCOUNT, LOGIN_SCOPE_IP, LOGIN_ACCOUNT_LIMIT, LOGIN_IP_LIMIT, LOGIN_WINDOW};
  const char *ip = req_client_ip(r);
  long long left = 0;
  login_lock lock;
  login_ticket t;
  int blocked = 0;
  if ((err = req_blacklist_guard(r, v[0].s, NULL, &blocked)) || blocked) return nerr_pass(err);
  if ((err = login_guard_enter(r->db, &G, v[0].s, ip, &lock, &left, &t))) return nerr_pass(err);
  if (lock != LOGIN_OPEN) {
    req_blacklist_event(r, BL_EVENT_SIGNIN_FAIL, v[0].s, NULL); /* a refused attempt is a failed one too */
    r->status = 429;
    return nerr_pass(error_n(r, NULL, lock == LOGIN_IP_LOCKED ? "Auth.IpLocked" : "Auth.AccountLocked", minutes(left)));
  }
  long long id = 0;
  member_auth_status st;
  if ((err = member_authenticate(r->db, v[0].s, v[1].s, &id, &st))) return nerr_pass(err);
  if (st == MEMBER_AUTH_FROZEN) {
    err = login_guard_void(r->db, &t);
    if (!err) err = req_form_error(r, NULL, "Auth.Frozen");
    return nerr_pass(err);
  }
  if (st == MEMBER_AUTH_BAD) {
    req_blacklist_event(r, BL_EVENT_SIGNIN_FAIL, v[0].s, NULL);
    err = login_guard_failed(r->db, &G);
    if (!err) err = req_form_error(r, NULL, "Auth.BadLogin");
    return nerr_pass(err);
  }
  if ((err = login_guard_passed(r->db, &G, v[0].s, &t))) return nerr_pass(err);
  if ((err = req_login(r, id))) return nerr_pass(err);
  req_redirect(r, after_login(r, next, "/account"));
  return STATUS_OK;
}

/* POST /logout → ends this session, 303 to /. */
NEOERR *h_logout(req *r) {
  NEOERR *err = req_logout(r);
  if (!err) req_redirect(r, "/");
  return nerr_pass(err);
}

/* ---- forgot password ---- */

/* GET /forgot → 200 form. */
NEOERR *h_forgot_form(req *r) { return nerr_pass(show(r, T_FORGOT, "Auth.ForgotTitle")); }

/* POST /forgot/code: mobile → 200 form with the same notice whether or not the mobile is
 * registered (only members get a text); 429 cooldown / daily cap; 403 blacklisted. */
NEOERR *h_forgot_code(req *r) {
  static const in_field F[] = {{"mobile", IN_MOBILE, IN_REQUIRED, 0, 0, NULL}};
  in_value v[1];
  NEOERR *err = show(r, T_FORGOT, "Auth.ForgotTitle");
  if (err || input_read(r, F, 1, v)) return nerr_pass(err);
  long long id = 0;
  char status[16];
  if ((err = member_find(r->db, v[0].s, &id, status))) return nerr_pass(err);
  sms_send_result s;
  if ((err = issue_code(r, v[0].s, "reset", id != 0, &s)) || s.status != SMS_SEND_OK) return nerr_pass(err);
  return nerr_pass(notice(r, "Auth.ResetCodeSent"));
}

/* POST /forgot: mobile, code, password, confirm → 303 /login?reset=1 (every session of the member
 * is ended); 200 form with errors. */
NEOERR *h_forgot(req *r) {
  static const in_field F[] = {
      {"mobile", IN_MOBILE, IN_REQUIRED, 0, 0, NULL},
      {"code", IN_DIGITS, IN_REQUIRED, SMS_CODE_DIGITS, SMS_CODE_DIGITS, NULL},
      {"password", IN_STR, IN_REQUIRED, MEMBER_PASSWORD_MIN, MEMBER_PASSWORD_MAX, NULL},
      {"confirm", IN_STR, IN_REQUIRED, 1, 256, NULL},
  };
  in_value v[4];
  NEOERR *err = show(r, T_FORGOT, "Auth.ForgotTitle");
  int bad = input_read(r, F, 4, v);
  bad += check_new_password(r, &v[2], &v[3]);
  if (err || bad) return nerr_pass(err);
  sms_verify_result c;
  if ((err = sms_code_verify(r->db, v[0].s, "reset", "", v[1].s, &c))) return nerr_pass(err);
  if (c.status != SMS_VERIFY_OK) return nerr_pass(code_error(r, &c));
  long long id = 0;
  char status[16];
  if ((err = member_find(r->db, v[0].s, &id, status))) return nerr_pass(err);
  if (!id) return nerr_pass(req_form_error(r, "code", "Auth.CodeUsed"));
  if ((err = member_set_password(r->db, id, v[2].s))) return nerr_pass(err);
  if ((err = session_drop_all(r->db, r->realm, id))) return nerr_pass(err);
  /* Whoever proved the mobile may sign in again at once. */
  if ((err = throttle_clear(r->db, LOGIN_SCOPE_ACCOUNT, v[0].s))) return nerr_pass(err);
  if (r->user_id == id && (err = req_logout(r))) return nerr_pass(err);
  req_redirect(r, "/login?reset=1");
  return STATUS_OK;
}

/* ---- signed-in pages ---- */

/* GET /account?welcome=1&changed=1 → 200 member home (masked mobile, name, points). */
NEOERR *h_account(req *r) {
  static const in_field F[] = {
      {"welcome", IN_ENUM, 0, 0, 0, "1"},
      {"changed", IN_ENUM, 0, 0, 0, "1"},
  };
  in_value v[2];
  if (input_read(r, F, 2, v)) {
    hdf_remove_tree(r->hdf, "Form");
    memset(v, 0, sizeof v);
  }
  NEOERR *err = show(r, T_ACCOUNT, "Auth.AccountTitle");
  if (!err && v[0].present) err = notice(r, "Auth.Welcome");
  if (!err && v[1].present) err = notice(r, "Auth.PasswordChanged");
  if (!err) err = center_account_summary(r); /* unread notices on the member center hub */
  return nerr_pass(err);
}

/* GET /account/password → 200 form. */
NEOERR *h_password_form(req *r) { return nerr_pass(show(r, T_PASSWORD, "Auth.PasswordTitle")); }

/* POST /account/password: current, password, confirm → 303 /account?changed=1 with a fresh session
 * (every other session ends); 200 form with errors; 429 while the account is locked (a wrong
 * current password counts as a failed sign-in). */
NEOERR *h_password(req *r) {
  static const in_field F[] = {
      {"current", IN_STR, IN_REQUIRED, 1, 256, NULL},
      {"password", IN_STR, IN_REQUIRED, MEMBER_PASSWORD_MIN, MEMBER_PASSWORD_MAX, NULL},
      {"confirm", IN_STR, IN_REQUIRED, 1, 256, NULL},
  };
  in_value v[3];
  NEOERR *err = show(r, T_PASSWORD, "Auth.PasswordTitle");
  int bad = input_read(r, F, 3, v);
  bad += check_new_password(r, &v[1], &v[2]);
  if (err || bad) return nerr_pass(err);
  const char *mobile = hdf_get_value(r->hdf, "User.Mobile", "");
  long long left = 0, attempt = 0;
  if ((err = throttle_take(r->db, LOGIN_SCOPE_ACCOUNT, mobile, LOGIN_ACCOUNT_LIMIT, LOGIN_WINDOW, &left, &attempt)))
    return nerr_pass(err);
  if (left) {
    r->status = 429;
    return nerr_pass(error_n(r, NULL, "Auth.AccountLocked", minutes(left)));
  }
  int ok = 0;
  if ((err = member_password_ok(r->db, r->user_id, v[0].s, &ok))) return nerr_pass(err);
  if (!ok) return nerr_pass(req_form_error(r, "current", "Auth.CurrentWrong")); /* the attempt stays counted */
  if ((err = throttle_forget(r->db, attempt))) return nerr_pass(err);
  if (strcmp(v[0].s, v[1].s) == 0) return nerr_pass(req_form_error(r, "password", "Auth.PasswordSame"));
  if ((err = member_set_password(r->db, r->user_id, v[1].s))) return nerr_pass(err);
  if ((err = session_drop_all(r->db, r->realm, r->user_id))) return nerr_pass(err);
  if ((err = req_login(r, r->user_id))) return nerr_pass(err);
  req_redirect(r, "/account?changed=1");
  return STATUS_OK;
}
