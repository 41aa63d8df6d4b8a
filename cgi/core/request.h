/* request.h: one HTTP request as handlers see it — its parts, the response being built, and the helpers on it */
#ifndef MALL_REQUEST_H
#define MALL_REQUEST_H
#include <ClearSilver.h>
#include <mysql.h>
#include <stddef.h>
#include "db.h"

struct app;   /* app.h: the program (route table, realm, hooks) */
struct route; /* app.h: the matched route */

typedef struct req {
  const struct app *app;
  const struct route *route;
  const char *realm; /* the program's session realm ("member", "admin", "merchant") */
  HDF *hdf;
  CGI *cgi;
  MYSQL *db;
  const char *method;
  char path[512];
  char uri[1024];   /* path + query as requested */
  char args[4][72]; /* captured path parameters, in pattern order */
  int status;
  const char *template; /* body template, relative to templates/ */
  char *location;       /* set by req_redirect */
  STRING headers;       /* extra response headers (Set-Cookie …) */
  STRING body;          /* R_RAW responses */
  const char *content_type;
  long long user_id; /* 0 = anonymous */
  char sid_hash[65]; /* sha256 of the session token, "" without a session */
  char anon[65];     /* anonymous visitor id (CSRF for sign-in forms) */
  char csrf[65];
  const char *lang; /* "zh-CN" or "en" */
  int no_cache;     /* handler decided this body must not be cached */
  int user_loaded;  /* User.* came from the session cache */
  int user_stale;   /* User.* came from the session cache, but its balance may be old (R_IDENTITY) */
  int user_gen_set; /* user_gen holds the principal generation User.* was read under */
  unsigned long long user_gen;
  char role[16]; /* principal's role (back office, merchants), set by load_user */
  char enterprise[65]; /* the enterprise a back-office principal is bound to (User.Enterprise, role "enterprise"): the
                        * scope of everything it reads (cgi/admin: adm_scope), "" when not bound */
} req;

/* ---- what was asked ---- */
/* Path parameter i as captured ("" when none). */
const char *req_arg(req *r, int i);
/* Path parameter i as a positive 64-bit id ({id} segments are digits only); 0 when it is not one. */
long long req_arg_id(req *r, int i);
const char *req_cookie(req *r, const char *name);
const char *req_client_ip(req *r);
/* The page this request came from (Referer), when it is a page of this host: its path and query into buf; 0 when
 * there is none. */
int req_local_referer(req *r, char *buf, size_t len);
/* ?page= (1..100000, default 1); 0 when it is not a valid page number (Form.Errors set). */
int req_page(req *r, long long *page);
/* ?page= and ?after= (a keyset cursor: the id of the last row shown); 0 on malformed values. */
int req_page_after(req *r, long long *page, long long *after);

/* ---- text ---- */
/* Translated string from the language file, key like "Auth.BadPassword". */
const char *req_text(req *r, const char *key);
/* The language string with {n} replaced by n (every occurrence), into buf. */
const char *req_text_n(req *r, const char *key, long long n, char *buf, size_t len);
/* The same with named placeholders: marks and values are parallel arrays of count entries ("{name}"). */
const char *req_text_fill(req *r, const char *key, const char *const *marks, const char *const *values, int count,
                          char *buf, size_t len);

/* ---- what the page shows ---- */
/* Sets Page.Flash (field NULL) or Form.Errors.<field> to a language key's text, and Form.HasErrors. */
NEOERR *req_form_error(req *r, const char *field, const char *lang_key);
/* Page.Flash with an error look (Page.FlashError) from a language key, or from text already filled in. */
NEOERR *req_flash(req *r, const char *lang_key);
NEOERR *req_flash_text(req *r, const char *text);
/* Page links for a list of total rows: Pager.Base (a URL ending in ? or &), Page, Pages, Total, Prev,
 * Next and Items.N (num/current, or gap) — first, last, and two either side of the current page. */
NEOERR *req_pager(req *r, const char *base, long long page, long long total, int per_page);
/* req_pager for a list counted only up to cap (total = cap + 1 shows as "cap+", Pager.TotalText) whose numbered pages
 * stop at max_pages: from there the next link carries after (the next page's keyset cursor, NULL at the end) as
 * ?after=. page 0 is a keyset page. */
NEOERR *req_pager_seek(req *r, const char *base, long long page, long long total, long long cap, int per_page,
                       long long max_pages, const char *after);
/* ?done=<choice> after a redirect → Page.Notice from the language key "<lang_prefix>.<choice>";
 * anything else is ignored. */
NEOERR *req_done_notice(req *r, const char *choices, const char *lang_prefix);

/* Sets <list>.N.<field> to a language string in every row of list (a label a page or a CSV shows). */
NEOERR *req_label_rows(req *r, HDF *h, const char *list, const char *field, const char *lang_key);

/* ---- the response ---- */
/* Renders the error page for status (Lang.Error.<status>, Page.HomeUrl; for 403, a refused permission, Page.BackUrl
 * to the page the visitor came from). */
NEOERR *req_fail(req *r, int status);
/* The error page for a form sent with a missing or stale CSRF token (403, "page expired"), with a link back to the
 * form (back: the form's page when known, else NULL). */
NEOERR *req_fail_expired(req *r, const char *back);
void req_redirect(req *r, const char *path); /* 303 See Other to a local path */
/* 1 when this request came over HTTPS (lighttpd's HTTPS=on, or MALL_HTTPS=1 behind a TLS-terminating proxy). */
int req_is_https(void);
NEOERR *req_set_cookie(req *r, const char *name, const char *value, int max_age, int http_only);

/* The uploaded file of a multipart form field, read whole into *buf (NUL-terminated, the caller frees it) and *len;
 * *buf NULL when there is none or it is empty; *too_big when it is larger than max (nothing read). */
NEOERR *req_upload_read(req *r, const char *field, size_t max, char **buf, size_t *len, int *too_big);

#endif
