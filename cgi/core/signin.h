/* signin.h: the staff sign-in flow the back office and the merchant portal share — username + password form,
 * throttled per account and per IP, a local ?next= to return to, sign-out */
#ifndef MALL_SIGNIN_H
#define MALL_SIGNIN_H
#include "request.h"
#include "shared/throttle.h"

typedef enum { SIGNIN_OK, SIGNIN_BAD, SIGNIN_DISABLED } signin_result;

typedef struct {
  const char *home;       /* "/admin/": where a signed-in visitor goes, and the only prefix ?next= may name */
  const char *login_path; /* "/admin/login": never a ?next= target */
  const char *template;   /* the form */
  /* Language keys under this prefix: .Title .Expired .IpLocked .AccountLocked ({n} minutes) .Bad .Disabled */
  const char *lang;
  const char *expired_to; /* where the "session expired" text goes: "Page.Notice" or "Page.Flash" */
  login_guard guard;
  /* 1: the blacklist applies (the client IP and the username as a merchant account) and failures count for its rules.
   * The back office leaves it off: an admin must always be able to sign in and undo a mistaken entry. */
  int blacklist;
  /* Checks the password (unknown user and wrong password must look and take the same). */
  NEOERR *(*authenticate)(MYSQL *db, const char *username, const char *password, long long *id, signin_result *res);
} signin_flow;

/* GET <login_path>?next=&expired=1 → 200 form; 303 onwards when already signed in. */
NEOERR *signin_form(req *r, const signin_flow *f);
/* POST <login_path>: username, password (+ next) → 303 signed in; 200 form with "wrong username or password"
 * or "disabled"; 429 while the username or the client IP is locked out; 403 blacklisted (flows with .blacklist). */
NEOERR *signin_post(req *r, const signin_flow *f);
/* POST …/logout → ends this session, 303 to the sign-in page. */
NEOERR *signin_logout(req *r, const signin_flow *f);

#endif
