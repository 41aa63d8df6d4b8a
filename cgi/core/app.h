/* app.h: the request core every FastCGI program is built on — routes, request, inputs, rendering */
#ifndef MALL_APP_H
#define MALL_APP_H
#include <ClearSilver.h>
#include <mysql.h>
#include "db.h"

typedef struct req req;
typedef NEOERR *(*handler_fn)(req *r);

/* Route flags */
enum {
  R_MEMBER = 1,    /* signed-in principal required: anonymous requests go to the login page */
  R_CACHE = 2,     /* body may be served from the page cache (no per-user data in the body) */
  R_FORM = 4,      /* renders a form for anonymous visitors: make sure a CSRF token exists */
  R_RAW = 8,       /* handler writes r->body and r->content_type itself, no layout */
  R_IDENTITY = 16, /* handler reads only who the member is (User.Mobile …) unless it calls req_user_fresh: a
                    * cached User.* whose balance moved on is used as is (a payment in a row needs no re-read) */
};

typedef struct {
  const char *method;  /* "GET" or "POST" (HEAD is served by GET routes) */
  const char *pattern; /* "/product/{id}": {id} digits, {no} [A-Za-z0-9_-] */
  int flags;
  handler_fn fn;
  const char *roles;   /* back-office roles allowed ("super,ops"); NULL = any principal */
} route;

typedef struct {
  const char *name;           /* program name: log file and layout templates/layout/<name>.cs */
  const route *routes;
  int nroutes;
  const char *realm;          /* session realm and cookie: "member" → mall_member_sid */
  const char *login_path;     /* where R_MEMBER routes send anonymous visitors */
  /* Loads User.* for a signed-in principal; returns 0 in *ok when the principal is no longer allowed.
   * Programs with roles also set User.Role (copied to r->role, and cached with the session). */
  NEOERR *(*load_user)(req *r, long long id, int *ok);
  /* Called when a cached page is served without running its handler (e.g. to count views). */
  void (*on_cache_hit)(req *r);
} app;

struct req {
  const app *app;
  const route *route;
  HDF *hdf;
  CGI *cgi;
  MYSQL *db;
  const char *method;
  char path[512];
  char uri[1024];               /* path + query as requested */
  char args[4][72];             /* captured path parameters, in pattern order */
  int status;
  const char *template;         /* body template, relative to templates/ */
  char *location;               /* set by req_redirect */
  STRING headers;               /* extra response headers (Set-Cookie …) */
  STRING body;                  /* R_RAW responses */
  const char *content_type;
  long long user_id;            /* 0 = anonymous */
  char sid_hash[65];            /* sha256 of the session token, "" without a session */
  char anon[65];                /* anonymous visitor id (CSRF for sign-in forms) */
  char csrf[65];
  const char *lang;             /* "zh-CN" or "en" */
  int no_cache;                 /* handler decided this body must not be cached */
  int user_loaded;              /* User.* came from the session cache */
  int user_stale;               /* User.* came from the session cache, but its balance may be old (R_IDENTITY) */
  int user_gen_set;             /* user_gen holds the principal generation User.* was read under */
  unsigned long long user_gen;
  char role[16];                /* principal's role (back office, merchants), set by load_user */
};

/* Runs the FastCGI accept loop until the socket closes. Returns the process exit code. */
int app_run(const app *a);
/* One request, for tests: env is KEY=VALUE strings, body may be NULL. Output goes to out. */
int app_handle_emulated(const app *a, char **env, const char *body, STRING *out);

/* 1 when role is in the route's comma-separated roles list (or the route has none). */
int route_allows(const route *rt, const char *role);

/* GET …/healthz for any program (R_RAW): 200 "ok" when the database answers, 503 otherwise. */
NEOERR *app_healthz(req *r);

/* Handler helpers */
/* Page links for a list of total rows: Pager.Base (a URL ending in ? or &), Page, Pages, Total, Prev,
 * Next and Items.N (num/current, or gap) — first, last, and two either side of the current page. */
NEOERR *req_pager(req *r, const char *base, long long page, long long total, int per_page);
/* ?page= (1..100000, default 1); 0 when it is not a valid page number (Form.Errors set). */
int req_page(req *r, long long *page);
/* ?done=<choice> after a redirect → Page.Notice from the language key "<lang_prefix>.<choice>";
 * anything else is ignored. */
NEOERR *req_done_notice(req *r, const char *choices, const char *lang_prefix);
NEOERR *req_fail(req *r, int status);           /* render the error page for status */
void req_redirect(req *r, const char *path);    /* 303 See Other to a local path */
const char *req_arg(req *r, int i);
NEOERR *req_set_cookie(req *r, const char *name, const char *value, int max_age, int http_only);
const char *req_cookie(req *r, const char *name);
const char *req_client_ip(req *r);
/* Starts a new session for principal id (rotating any old one) / ends the current one. */
NEOERR *req_login(req *r, long long id);
NEOERR *req_logout(req *r);
/* An R_IDENTITY handler about to show or use the balance: reads User.* again if it may be old. */
NEOERR *req_user_fresh(req *r);
/* Translated string from the language file, key like "Auth.BadPassword". */
const char *req_text(req *r, const char *key);
/* Sets Page.Flash / Form.Errors.<field> to a language key's text. */
NEOERR *req_form_error(req *r, const char *field, const char *lang_key);

/* Declared inputs: each handler lists its fields; nothing reads Query.* raw. */
typedef enum { IN_INT, IN_STR, IN_TEXT, IN_ENUM, IN_MOBILE, IN_DIGITS } in_type;
enum { IN_REQUIRED = 1 };
typedef struct {
  const char *name;
  in_type type;
  int flags;
  long long min, max;   /* IN_INT: value range; IN_STR/TEXT: length in characters; IN_DIGITS: digit count */
  const char *choices;  /* IN_ENUM: "a|b|c" */
} in_field;
typedef struct {
  const char *s;        /* the raw (validated) string, NULL when absent */
  long long i;          /* IN_INT value */
  int present;
} in_value;
/* Validates every field; for each bad one sets Form.Errors.<name> to a Lang.Form key.
 * Returns the number of invalid fields. Values of absent optional fields have present = 0. */
int input_read(req *r, const in_field *f, int n, in_value *out);
/* The validator on a plain string, for unit tests. 0 ok, else an error key. */
const char *input_check(const in_field *f, const char *value, int multi, in_value *out);

/* Catalog generation: bump after any change the storefront shows (invalidates page caches). */
void catalog_changed(void);

#endif
