/* app.c: FastCGI accept loop, routing, central checks (404/405/403/CSRF), response writing */
#include "app.h"
#include "cgi_setup.h"
#include "config.h"
#include "data_cache.h"
#include "log.h"
#include "media_type.h"
#include "multipart.h"
#include "post_replay.h"
#include "render.h"
#include "fcgi_io.h"
#include "web_session.h"
#include <errno.h>
#include <fastcgi.h>
#include <fcgiapp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- routing ---- */
int route_allows(const route *rt, const char *role) {
  if (!rt->roles) return 1;
  size_t rl = strlen(role);
  if (!rl) return 0;
  for (const char *p = rt->roles; *p;) {
    size_t l = strcspn(p, ",");
    if (l == rl && strncmp(p, role, l) == 0) return 1;
    p += l;
    if (*p == ',') p++;
  }
  return 0;
}

static int seg_ok(const char *kind, const char *s, size_t len) {
  if (len == 0 || len > 64) return 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    int digit = c >= '0' && c <= '9';
    if (strcmp(kind, "id") == 0) {
      if (!digit || i >= 18) return 0;
    } else if (!(digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_')) {
      return 0;
    }
  }
  return 1;
}

/* Matches path against pattern, capturing {…} segments into args. */
static int route_match(const char *pattern, const char *path, char args[4][72]) {
  int na = 0;
  const char *p = pattern, *s = path;
  while (*p && *s) {
    if (*p == '{') {
      const char *close = strchr(p, '}');
      char kind[16];
      snprintf(kind, sizeof kind, "%.*s", (int)(close - p - 1), p + 1);
      size_t len = strcspn(s, "/");
      if (!seg_ok(kind, s, len) || na >= 4) return 0;
      snprintf(args[na++], 72, "%.*s", (int)len, s);
      p = close + 1;
      s += len;
    } else if (*p++ != *s++) {
      return 0;
    }
  }
  return *p == 0 && *s == 0;
}

/* Returns the route for method+path; *status gets 404 or 405 when none. */
static const route *route_find(const app *a, const char *method, const char *path, char args[4][72], int *status) {
  const char *m = strcmp(method, "HEAD") == 0 ? "GET" : method;
  int path_known = 0;
  for (int i = 0; i < a->nroutes; i++) {
    char tmp[4][72];
    if (!route_match(a->routes[i].pattern, path, tmp)) continue;
    path_known = 1;
    if (strcmp(a->routes[i].method, m) == 0) {
      memcpy(args, tmp, sizeof tmp);
      return &a->routes[i];
    }
  }
  *status = path_known ? 405 : 404;
  return NULL;
}

/* ---- the request ---- */
static const char *status_text(int s) {
  switch (s) {
  case 200: return "OK";
  case 303: return "See Other";
  case 400: return "Bad Request";
  case 403: return "Forbidden";
  case 404: return "Not Found";
  case 405: return "Method Not Allowed";
  case 413: return "Payload Too Large";
  case 415: return "Unsupported Media Type";
  case 429: return "Too Many Requests";
  case 503: return "Service Unavailable";
  default: return s >= 500 ? "Internal Server Error" : "Status";
  }
}

static const char SECURITY_HEADERS[] =
    "Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n";

static NEOERR *write_response(req *r, STRING *page) {
  STRING h;
  string_init(&h);
  NEOERR *err = string_appendf(&h, "Status: %d %s\r\n%s", r->status, status_text(r->status), SECURITY_HEADERS);
  /* Over HTTPS, browsers are told to never try plain HTTP here again (a year; subdomains are the operator's call). */
  if (!err && req_is_https()) err = string_append(&h, "Strict-Transport-Security: max-age=31536000\r\n");
  if (!err && r->location) err = string_appendf(&h, "Location: %s\r\n", r->location);
  if (!err)
    err = string_appendf(&h, "Content-Type: %s\r\nCache-Control: %s\r\n",
                         r->content_type ? r->content_type : "text/html; charset=utf-8",
                         r->user_id ? "private, no-store" : "no-cache");
  if (!err && r->headers.len) err = string_append(&h, r->headers.buf);
  if (!err) err = string_appendf(&h, "Content-Length: %d\r\n\r\n", page->len);
  if (!err) io_send_response(h.buf, h.len, page->buf, strcmp(r->method, "HEAD") != 0 ? page->len : 0);
  string_clear(&h);
  return nerr_pass(err);
}

/* Replaces the cache-safe CSRF placeholder with this request's token. */
#define CSRF_MARK "@@CSRF@@"
static NEOERR *fill_csrf(req *r, STRING *body) {
  if (!strstr(body->buf ? body->buf : "", CSRF_MARK)) return STATUS_OK;
  STRING out;
  string_init(&out);
  NEOERR *err = STATUS_OK;
  const char *p = body->buf, *m;
  while (!err && (m = strstr(p, CSRF_MARK))) {
    err = string_appendn(&out, p, (int)(m - p));
    if (!err) err = string_append(&out, r->csrf);
    p = m + strlen(CSRF_MARK);
  }
  if (!err) err = string_append(&out, p);
  if (!err) {
    string_clear(body);
    *body = out;
  } else string_clear(&out);
  return nerr_pass(err);
}

static const char *pick_lang(req *r) {
  const char *c = req_cookie(r, "lang");
  return (c && strcmp(c, "en") == 0) ? "en" : "zh-CN";
}

static NEOERR *fill_request_hdf(req *r) {
  HDF *h = r->hdf;
  NEOERR *err = hdf_set_value(h, "Page.Lang", r->lang);
  if (!err) err = hdf_set_value(h, "Page.Path", r->path);
  if (!err) err = hdf_set_value(h, "Page.Uri", r->uri);
  if (!err) err = hdf_set_value(h, "Page.OtherLang", strcmp(r->lang, "en") == 0 ? "zh-CN" : "en");
  return nerr_pass(err);
}

/* A cached body carries its Page.Title (the layout's <title>) in front, up to a \x1f separator. */
static void cache_pack(req *r, const char *key, STRING *body, unsigned long long gen) {
  const char *t = hdf_get_value(r->hdf, "Page.Title", "");
  STRING s;
  string_init(&s);
  NEOERR *err = string_appendn(&s, t, (int)strcspn(t, "\x1f"));
  if (!err) err = string_append(&s, "\x1f");
  if (!err) err = string_append(&s, body->buf ? body->buf : "");
  if (!err) page_cache_put(key, s.buf, gen);
  else nerr_ignore(&err);
  string_clear(&s);
}

static NEOERR *cache_unpack(req *r, STRING *body) {
  char *sep = body->buf ? strchr(body->buf, '\x1f') : NULL;
  if (!sep) return STATUS_OK;
  *sep = 0;
  NEOERR *err = *body->buf ? hdf_set_value(r->hdf, "Page.Title", body->buf) : STATUS_OK;
  size_t rest = strlen(sep + 1);
  memmove(body->buf, sep + 1, rest + 1);
  body->len = (int)rest;
  return nerr_pass(err);
}

/* Reads the principal's header data (User.*) unless the session cache supplied it. */
static NEOERR *user_load(req *r) {
  if (!r->user_id || !r->app->load_user || (r->user_loaded && !r->user_stale)) return STATUS_OK;
  hdf_remove_tree(r->hdf, "User");
  r->user_stale = 0;
  int ok = 0;
  NEOERR *err = r->app->load_user(r, r->user_id, &ok);
  if (err) return nerr_pass(err);
  if (!ok) return nerr_pass(req_logout(r));
  r->user_loaded = 1;
  r->user_gen_set = 1; /* user_gen was read by session_load before this read */
  web_session_remember(r);
  return STATUS_OK;
}

NEOERR *req_user_fresh(req *r) { return nerr_pass(user_load(r)); }

/* Everything between parsing and rendering; returns errors only for real failures. */
/* replayed: body holds a whole page a POST rendered for this address (post_replay.c), to send as it is. */
static NEOERR *dispatch(req *r, STRING *body, unsigned long long *gen, int *cached, int *replayed) {
  NEOERR *err = db_connect(&r->db);
  if (err) {
    log_neoerr("db_connect", &err);
    r->db = NULL;
    if (r->route->flags & R_RAW) return nerr_pass(r->route->fn(r)); /* /healthz reports it */
    return nerr_pass(req_fail(r, 503));
  }
  if (r->app->layout_values && (err = r->app->layout_values(r))) return nerr_pass(err);
  if ((err = web_session_load(r))) return nerr_pass(err);
  if (r->user_stale && (r->route->flags & R_IDENTITY)) r->user_gen_set = 0; /* nothing cached from it */
  else if ((err = user_load(r))) return nerr_pass(err);
  snprintf(r->role, sizeof r->role, "%s", r->user_id ? hdf_get_value(r->hdf, "User.Role", "") : "");
  snprintf(r->enterprise, sizeof r->enterprise, "%s", r->user_id ? hdf_get_value(r->hdf, "User.Enterprise", "") : "");
  int is_post = strcmp(r->method, "POST") == 0;
  if ((err = csrf_prepare(r, (r->route->flags & R_FORM) != 0))) return nerr_pass(err);
  /* Every page prints the placeholder; render_page swaps in the token, so cached pages work too. */
  if (r->csrf[0] && (err = hdf_set_value(r->hdf, "Csrf", CSRF_MARK))) return nerr_pass(err);
  if ((r->route->flags & R_MEMBER) && !r->user_id) {
    char *esc = NULL;
    if ((err = cgi_url_escape(is_post ? r->path : r->uri, &esc))) return nerr_pass(err);
    STRING loc;
    string_init(&loc);
    /* The expired session's cookie is cleared on this response: tell the login page why. */
    err = string_appendf(&loc, "%s?next=%s%s", r->app->login_path, esc,
                         hdf_get_int_value(r->hdf, "Page.SessionExpired", 0) ? "&expired=1" : "");
    free(esc);
    if (!err) req_redirect(r, loc.buf);
    string_clear(&loc);
    return nerr_pass(err);
  }
  if (is_post && !(r->route->flags & R_SIGNED) && !csrf_valid(r)) {
    /* A stale or missing token is not a refused permission: "page expired", back to the form — the page it was
     * sent from, else the same address when that is also a page. */
    char back[1024], args[4][72];
    int st = 0;
    if (!req_local_referer(r, back, sizeof back))
      snprintf(back, sizeof back, "%s", route_find(r->app, "GET", r->path, args, &st) ? r->path : "");
    return nerr_pass(req_fail_expired(r, back));
  }
  /* Roles are enforced here, before any handler runs: a route lists who may use it. */
  if (r->route->roles && (!r->user_id || !route_allows(r->route, r->role))) return nerr_pass(req_fail(r, 403));
  if (strcmp(r->method, "GET") == 0 && !(r->route->flags & R_RAW) && post_replay_pending(r->realm)) {
    if ((err = post_replay_take(r, body, replayed))) return nerr_pass(err);
    if (*replayed) return STATUS_OK;
  }
  if (r->route->flags & R_CACHE) {
    char key[1300];
    snprintf(key, sizeof key, "B|%s|%d|%s", r->lang, r->user_id ? 1 : 0, r->uri);
    *gen = catalog_generation();
    if (page_cache_get(key, body)) {
      *cached = 1;
      if (r->app->on_cache_hit) r->app->on_cache_hit(r);
      return nerr_pass(cache_unpack(r, body));
    }
  }
  return nerr_pass(r->route->fn(r));
}

/* Anonymous GETs of cacheable pages can be answered whole, before any HDF or database work. */
static int full_page_cacheable(req *r) {
  return r->route && (r->route->flags & R_CACHE) && strcmp(r->method, "POST") != 0;
}

/* gen: for a member's page, the principal generation its header data belongs to — part of the key, so
 * after a balance change or sign-out no older page matches. */
static void full_page_key(req *r, unsigned long long gen, char *key, size_t len) {
  if (r->user_id) snprintf(key, len, "S|%llu|%s|%s|%s", gen, r->sid_hash, r->lang, r->uri);
  else snprintf(key, len, "P|%s|%s", r->lang, r->uri);
}

/* Answers a GET of a cacheable page straight from the full-page cache: no HDF, no query parsing, no
 * database. Anonymous pages are shared; a signed-in visitor's page (its header shows the member) is
 * kept per session and only served while the session cache still trusts that session — any sign-out or
 * status change (accounts generation), a change of this member's balance and any catalog change drop it. Returns 1 when page
 * holds the answer. */
static int fast_page(req *r, STRING *page) {
  char name[64], lang[8], token[80];
  if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) return 0;
  if (post_replay_pending(r->app->realm)) return 0; /* a page a POST rendered may be waiting for this GET */
  snprintf(name, sizeof name, "%s_sid", r->app->realm);
  if (io_env_cookie(name, token, sizeof token)) {
    long long id = 0;
    MYSQL *db = NULL;
    NEOERR *err = db_connect(&db);
    if (err) {
      nerr_ignore(&err); /* dispatch reports the database being down */
      return 0;
    }
    if (!web_session_peek(db, r->app->realm, token, r->sid_hash, &id)) {
      r->sid_hash[0] = 0;
      return 0;
    }
    r->user_id = id;
  }
  r->lang = io_env_cookie("lang", lang, sizeof lang) && strcmp(lang, "en") == 0 ? "en" : "zh-CN";
  int st = 0;
  r->route = route_find(r->app, r->method, r->path, r->args, &st);
  if (!r->route || !(r->route->flags & R_CACHE)) return 0;
  char key[1300];
  full_page_key(r, r->user_id ? principal_generation(r->user_id) : 0, key, sizeof key);
  if (!page_cache_get(key, page)) return 0;
  if (r->user_id) csrf_for_session(r->app->realm, r->sid_hash, r->csrf);
  return 1;
}

/* Where a page rendered for a POST is shown (POST/redirect/GET): the page the form was sent from when it is a page
 * of this program, else the POST's own address when that is also a page. 0: nowhere — answered directly (no
 * database to keep it in, a server error, an error page refusing the request itself, or no page to show it at). */
static int replay_target(req *r, char *url, size_t len) {
  if (strcmp(r->method, "POST") != 0 || !r->route || !r->db || r->status >= 500) return 0;
  if (r->template && strcmp(r->template, "layout/error.cs") == 0) return 0; /* said at the address it refuses */
  char args[4][72], path[1024];
  int st = 0;
  if (req_local_referer(r, url, len)) {
    snprintf(path, sizeof path, "%.*s", (int)strcspn(url, "?#"), url);
    url[strcspn(url, "#")] = 0;
    const route *g = route_find(r->app, "GET", path, args, &st);
    if (g && !(g->flags & R_RAW)) return 1;
  }
  const route *g = route_find(r->app, "GET", r->path, args, &st);
  if (!g || (g->flags & R_RAW)) return 0;
  snprintf(url, len, "%s", r->uri);
  return 1;
}

static NEOERR *render_page(req *r, STRING *body, STRING *page, unsigned long long gen) {
  /* The body is HTML this program rendered from escaped templates; the layout prints it as is. */
  NEOERR *err = hdf_set_buf(r->hdf, "Page.Body", body->buf);
  if (err) return nerr_pass(err);
  body->buf = NULL;
  body->len = body->max = 0;
  char layout[128];
  snprintf(layout, sizeof layout, "layout/%s.cs", r->app->name);
  if ((err = render_layout(r->hdf, layout, page))) return nerr_pass(err);
  char url[1024];
  if (replay_target(r, url, sizeof url)) {
    /* Kept with its CSRF placeholders: no token is stored; the GET fills in the session's. */
    if (!(err = post_replay_keep(r, page->buf ? page->buf : "", url))) {
      string_clear(page);
      return STATUS_OK;
    }
    log_neoerr("post_replay", &err); /* answered directly instead: the form still works, only Back asks again */
  }
  /* Anonymous pages are cached only without a CSRF placeholder (the fast path has no token for a
   * visitor); a member's page keeps its placeholders, filled with the session's token when served. */
  if (full_page_cacheable(r) && r->status == 200 && !r->no_cache && !r->headers.len &&
      !hdf_get_obj(r->hdf, "Page.Flash") && !hdf_get_obj(r->hdf, "Page.SessionExpired") &&
      (r->user_id ? r->user_gen_set : !strstr(page->buf ? page->buf : "", CSRF_MARK))) {
    char key[1300];
    full_page_key(r, r->user_gen, key, sizeof key);
    page_cache_put(key, page->buf ? page->buf : "", gen);
  }
  return nerr_pass(fill_csrf(r, page));
}

static NEOERR *parse_request(req *r, int *parsed) {
  *parsed = 0;
  const char *cl = io_env("CONTENT_LENGTH");
  const char *ct = io_env("CONTENT_TYPE");
  body_kind kind = strcmp(r->method, "POST") == 0 ? media_body_kind(ct) : BODY_NONE;
  int multipart = kind == BODY_MULTIPART;
  long long clen = cl ? strtoll(cl, NULL, 10) : 0;
  char tmpdir[1100];
  snprintf(tmpdir, sizeof tmpdir, "%s/tmp", g_cfg.var);
  NEOERR *err = hdf_set_value(r->hdf, "Config.Upload.TmpDir", tmpdir);
  if (!err) err = cgi_setup(&r->cgi, r->hdf);
  if (!err) r->lang = pick_lang(r);
  if (err) return nerr_pass(err);
  int st = 404;
  /* Bodies are small forms; uploads (multipart) get a larger limit. */
  if (clen > (multipart ? 6LL * 1024 * 1024 : 256 * 1024)) {
    st = 413;
  } else if (kind == BODY_BAD_CHARSET) {
    st = 415;
  } else if (strcmp(r->method, "GET") && strcmp(r->method, "HEAD") && strcmp(r->method, "POST")) {
    st = 405;
  } else {
    r->route = route_find(r->app, r->method, r->path, r->args, &st);
  }
  if (!r->route) {
    r->status = st;
    return STATUS_OK;
  }
  /* Multipart bodies are parsed by multipart.c (see there why); cgi_parse then sees another type and reads
   * only the query string and cookies. */
  if (multipart) hdf_set_value(r->hdf, "CGI.ContentType", "application/x-mall-multipart");
  /* cgi_parse reads a form only under the exact bare lower-case type (media_type.c says why we say it for it). */
  if (kind == BODY_FORM) hdf_set_value(r->hdf, "CGI.ContentType", "application/x-www-form-urlencoded");
  NEOERR *perr = cgi_parse(r->cgi);
  if (multipart) {
    NEOERR *e = hdf_set_value(r->hdf, "CGI.ContentType", ct);
    if (!perr) perr = e;
    else nerr_ignore(&e);
    if (!perr) perr = multipart_parse(r->cgi, ct, clen);
  }
  if (perr) {
    log_neoerr("cgi_parse", &perr);
    r->route = NULL;
    r->status = 400;
    return STATUS_OK;
  }
  *parsed = 1;
  return STATUS_OK;
}

static int handle(const app *a) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  io_env_index();
  req r;
  memset(&r, 0, sizeof r);
  r.app = a;
  r.realm = a->realm;
  r.status = 200;
  r.lang = "zh-CN";
  string_init(&r.headers);
  string_init(&r.body);
  STRING body, page;
  string_init(&body);
  string_init(&page);
  /* Changes made on other app machines: the catalog's, blacklist's and accounts' rows at most once a second (a
   * request with a session cookie reads the accounts row and its principal's at once, in web_session). */
  generations_request();
  generations_poll();
  unsigned long long gen = catalog_generation();
  int cached = 0, parsed = 0, done = 0, replayed = 0;

  const char *m = io_env("REQUEST_METHOD");
  r.method = m ? m : "GET";
  const char *uri = io_env("REQUEST_URI");
  snprintf(r.uri, sizeof r.uri, "%s", uri ? uri : "/");
  snprintf(r.path, sizeof r.path, "%.*s", (int)strcspn(r.uri, "?"), r.uri);

  NEOERR *err = STATUS_OK;
  if (a->before_request) {
    a->before_request();
    gen = catalog_generation(); /* what the page is cached under must be what it was built under */
  }
  if (fast_page(&r, &page)) {
    done = 1;
    if (a->on_cache_hit) a->on_cache_hit(&r);
    err = fill_csrf(&r, &page); /* a member's page carries placeholders for the session's token */
  } else {
    r.route = NULL;
    r.lang = "zh-CN";
    err = hdf_init(&r.hdf);
    if (!err) err = parse_request(&r, &parsed);
  }
  if (!err && !done) err = render_prepare(r.hdf, r.lang);
  if (!err && !done) err = fill_request_hdf(&r);
  if (!err && !done) {
    if (!parsed) err = req_fail(&r, r.status == 200 ? 400 : r.status);
    else err = dispatch(&r, &body, &gen, &cached, &replayed);
  }
  if (err) {
    log_neoerr(r.path, &err);
    r.template = NULL;
    err = req_fail(&r, 500);
  }
  int raw = r.route && (r.route->flags & R_RAW) && !r.template && !cached;
  if (!err && !done && !r.location && !raw && !cached && !replayed) {
    if (!r.template) err = req_fail(&r, 500);
    if (!err) err = render_file(r.hdf, r.template, &body);
    if (!err && r.route && (r.route->flags & R_CACHE) && r.status == 200 && !r.no_cache) {
      char key[1300];
      snprintf(key, sizeof key, "B|%s|%d|%s", r.lang, r.user_id ? 1 : 0, r.uri);
      cache_pack(&r, key, &body, gen);
    }
  }
  if (err || done || r.location) {
    /* nothing more to build */
  } else if (raw) {
    page = r.body;
    string_init(&r.body);
  } else if (replayed) {
    page = body;
    string_init(&body);
    err = fill_csrf(&r, &page);
  } else {
    err = render_page(&r, &body, &page, gen);
  }
  if (err) {
    /* Rendering itself failed: a plain page that leaks nothing. */
    log_neoerr("render", &err);
    string_clear(&page);
    r.status = 500;
    r.content_type = "text/plain; charset=utf-8";
    string_append(&page, "500 Internal Server Error\n");
  }
  err = write_response(&r, &page);
  if (err) log_neoerr("write", &err);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  log_request(r.method, r.path, r.status, (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
  string_clear(&body);
  string_clear(&page);
  string_clear(&r.headers);
  string_clear(&r.body);
  free(r.location);
  if (r.cgi) {
    r.cgi->hdf = NULL;
    cgi_destroy(&r.cgi);
  }
  data_cache_return(); /* before the HDF that borrowed cached nodes goes */
  hdf_destroy(&r.hdf);
  return r.status;
}

static int app_init(const app *a) {
  if (config_load() != 0) {
    fprintf(stderr, "%s: cannot read or create %s/secret.key\n", a->name, g_cfg.var);
    return -1;
  }
  log_open(a->name);
  NEOERR *err = render_init();
  if (!err) err = db_init_errors();
  if (err) {
    log_neoerr("init", &err);
    return -1;
  }
  io_install();
  return 0;
}

static volatile sig_atomic_t g_stop, g_waiting;
/* lighttpd stops its FastCGI children with SIGTERM. Waiting in accept (libfcgi retries it after
 * EINTR), a process leaves at once; in the middle of a request it finishes the request first. */
static void on_term(int sig) {
  (void)sig;
  g_stop = 1;
  if (g_waiting) {
    log_flush_from_signal();
    _exit(0);
  }
}

/* Buffered request lines reach the log within a second even when no request follows: with lines
 * pending, the process waits for the next connection at most a second, writes them, then waits on.
 * An idle process also wakes every IDLE_WAKE_MS to keep this machine's row in app_nodes live
 * (generations_poll): a row left unrefreshed for 20 s was joined anew by the next request, and
 * joining waits 2 s for the other machines to notice — the first visitor after a quiet spell got a
 * page 2 s late (and the bench's wrk counted timeouts).
 * (No alarm signal: one arriving inside libfcgi's accept makes its post-accept select fail, and
 * libfcgi then drops the connection lighttpd just made — seen under load as "connection was
 * dropped after accept()".) */
#define IDLE_WAKE_MS 4000
static int wait_for_request(FCGX_Request *fr) {
  g_waiting = 1;
  while (!g_stop) {
    struct pollfd p = {.fd = FCGI_LISTENSOCK_FILENO, .events = POLLIN};
    int n = poll(&p, 1, log_pending() ? 1000 : IDLE_WAKE_MS);
    if (n < 0 && errno == EINTR) continue;
    if (n != 0) break; /* a connection waits (or poll failed: accept tells) */
    g_waiting = 0; /* a SIGTERM now waits for this work instead of cutting it */
    if (log_pending()) log_flush();
    else generations_poll();
    g_waiting = 1;
  }
  int rc = g_stop ? -1 : FCGX_Accept_r(fr);
  g_waiting = 0;
  return rc;
}

/* libfcgi ends a connection by shutting down its side and reading until lighttpd closes it — a guard against our
 * close sending an RST that would discard the response while unread input remains — and that wait costs every
 * request a poll, a read and a context switch. When the request's input has been read to its end (a GET's empty
 * stdin record, or a body the page consumed), lighttpd sends nothing more: the socket is closed at once. Otherwise
 * the guard stays. */
static void finish(FCGX_Request *fr) {
  if (fr->in && FCGX_GetChar(fr->in) == EOF && !FCGX_GetError(fr->in)) FCGX_Detach(fr);
  FCGX_Finish_r(fr);
}

int app_run(const app *a) {
  if (app_init(a) != 0) return 1;
  db_set_read_timeout(30); /* a page waits no longer than this for one statement */
  signal(SIGPIPE, SIG_IGN);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_term;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGUSR1, &sa, NULL);
  FCGX_Init();
  FCGX_Request fr;
  FCGX_InitRequest(&fr, 0, 0);
  while (!g_stop && wait_for_request(&fr) >= 0) {
    io_bind_fcgi(&fr);
    handle(a);
    finish(&fr);
    io_bind_fcgi(NULL);
  }
  log_flush();
  db_close();
  return 0;
}

int app_handle_emulated(const app *a, char **env, const char *body, STRING *out) {
  static int inited;
  if (!inited) {
    if (app_init(a) != 0) return -1;
    inited = 1;
  }
  io_bind_emulated(env, body, out);
  return handle(a);
}

/* GET /healthz (every program) → 200 "ok" when the database answers, 503 otherwise. */
NEOERR *app_healthz(req *r) {
  long long one = 0;
  int up = 0;
  if (r->db) {
    NEOERR *err = db_query_ll(r->db, "SELECT 1", DB_NOARGS, &one, NULL);
    if (err) nerr_ignore(&err);
    else up = one == 1;
  }
  r->status = up ? 200 : 503;
  r->content_type = "text/plain; charset=utf-8";
  r->no_cache = 1;
  return nerr_pass(string_append(&r->body, up ? "ok\n" : "database unavailable\n"));
}
