/* role_matrix.h: the role matrix of a program with roles (back office, merchant portal) — every route of its table
 * × every role, and anonymous visitors — checked with sessions made directly in the sessions table */
#ifndef MALL_TEST_ROLE_MATRIX_H
#define MALL_TEST_ROLE_MATRIX_H
#include "harness.h"

/* How a program's sessions look and which of its routes anyone may reach. */
typedef struct {
  const app *(*app)(void);
  const char *realm;                /* sessions.realm: "admin", "merchant" */
  const char *cookie;               /* session cookie: "admin_sid" */
  const char *home;                 /* a page every signed-in role may GET, carrying a CSRF token: "/admin/" */
  const char *login_next;           /* where anonymous visitors are sent, up to the next: "/admin/login?next=" */
  const char *const *public_routes; /* patterns reachable without signing in (checked for CSRF only) */
  const char *public_prefix;        /* and every pattern starting with this (NULL: none) */
} rm_program;

/* One signed-in account of a role. */
typedef struct {
  const char *role;
  long long id; /* the account's id (sessions.principal_id) */
  char token[65];
  t_jar jar;
  char csrf[80];
} rm_principal;

/* A session made directly in the table (no scrypt: the matrix is about roles, not passwords), and the CSRF
 * token its home page carries. */
void rm_sign_in(const rm_program *pg, rm_principal *p);
/* A POST may have ended the session (sign-out): start a new one before the next request. */
void rm_ensure_session(const rm_program *pg, rm_principal *p);
/* Deletes every session of the account (teardown). */
void rm_drop_sessions(const rm_program *pg, const rm_principal *p);
/* 1 for a route anyone may reach. */
int rm_is_public(const rm_program *pg, const route *rt);
/* The route's pattern with its parameters filled in: ids that exist nowhere, so allowed POSTs change nothing. */
void rm_concrete_path(const char *pattern, char *out, size_t len);

/* Every other route names its roles and asks for a sign-in (R_MEMBER); a public one asks for neither. */
void rm_check_routes_declare_roles(const rm_program *pg);
/* Every route × every principal: 403 exactly when the table does not allow the role, never a 5xx. */
void rm_check_matrix(const rm_program *pg, rm_principal *who, int n);
/* Anonymous visitors: R_MEMBER routes send them to sign in, the others answer 403. */
void rm_check_anonymous(const rm_program *pg);
/* A session of another realm under the program's cookie is no session: GET home → 303. */
void rm_check_foreign_session(const rm_program *pg, const char *realm, long long principal_id);

#endif
