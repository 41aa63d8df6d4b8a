/* app.h: a FastCGI program — its route table, realm and hooks, and the loop that serves it (handlers include this) */
#ifndef MALL_APP_H
#define MALL_APP_H
#include <ClearSilver.h>
#include <mysql.h>
#include "db.h"
#include "input.h"
#include "request.h"
#include "web_session.h"

typedef NEOERR *(*handler_fn)(req *r);

/* Route flags */
enum {
  R_MEMBER = 1,    /* signed-in principal required: anonymous requests go to the login page */
  R_CACHE = 2,     /* body may be served from the page cache (no per-user data in the body) */
  R_FORM = 4,      /* renders a form for anonymous visitors: make sure a CSRF token exists */
  R_RAW = 8,       /* handler writes r->body and r->content_type itself, no layout */
  R_IDENTITY = 16, /* handler reads only who the member is (User.Mobile …) unless it calls req_user_fresh: a
                    * cached User.* whose balance moved on is used as is (a payment in a row needs no re-read) */
  R_SIGNED = 32,   /* a server-to-server callback (a payment provider's notification): no CSRF token — the handler
                    * verifies the request's own signature before it believes anything in it */
};

typedef struct route {
  const char *method;  /* "GET" or "POST" (HEAD is served by GET routes) */
  const char *pattern; /* "/product/{id}": {id} digits, {no} [A-Za-z0-9_-] */
  int flags;
  handler_fn fn;
  const char *roles; /* back-office roles allowed ("super,ops"); NULL = any principal */
} route;

typedef struct app {
  const char *name; /* program name: log file and layout templates/layout/<name>.cs */
  const route *routes;
  int nroutes;
  const char *realm;      /* session realm and cookie: "member" → mall_member_sid */
  const char *login_path; /* where R_MEMBER routes send anonymous visitors */
  /* Loads User.* for a signed-in principal; returns 0 in *ok when the principal is no longer allowed.
   * Programs with roles also set User.Role (copied to r->role, and cached with the session). */
  NEOERR *(*load_user)(req *r, long long id, int *ok);
  /* Called when a cached page is served without running its handler (e.g. to count views). */
  void (*on_cache_hit)(req *r);
  /* Called first for every request, before the page caches are looked at: may drop them (catalog_bump) when
   * shared state they show moved on another machine (the emergency switch's banner). */
  void (*before_request)(void);
  /* Called once the database is connected, for every page that is rendered: page values every layout shows. */
  NEOERR *(*layout_values)(req *r);
} app;

/* Runs the FastCGI accept loop until the socket closes. Returns the process exit code. */
int app_run(const app *a);
/* One request, for tests: env is KEY=VALUE strings, body may be NULL. Output goes to out. */
int app_handle_emulated(const app *a, char **env, const char *body, STRING *out);

/* 1 when role is in the route's comma-separated roles list (or the route has none). */
int route_allows(const route *rt, const char *role);

/* GET …/healthz for any program (R_RAW): 200 "ok" when the database answers, 503 otherwise. */
NEOERR *app_healthz(req *r);

/* An R_IDENTITY handler about to show or use the balance: reads User.* again if it may be old. */
NEOERR *req_user_fresh(req *r);

#endif
