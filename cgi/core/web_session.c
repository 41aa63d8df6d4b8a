/* web_session.c: the request's side of sessions — the session cookie, sign-in/out, CSRF tokens */
#include "web_session.h"
#include "crypto.h"
#include "generations.h"
#include <stdio.h>
#include <string.h>

#define ANON_COOKIE "mall_anon"

static void cookie_name(req *r, char *buf, size_t len) { snprintf(buf, len, "%s_sid", r->realm); }

/* The session this request read from the database (or found stale in the cache), to cache once its
 * User.* is loaded. One request at a time per process, so one pending entry. */
static session_entry g_pending;
static int g_pending_set;

int web_session_peek(MYSQL *db, const char *realm, const char *token, char hash[65], long long *principal_id) {
  session_entry e;
  HDF *user = NULL;
  if (!session_token_hash(token, hash) || !session_cache_get(db, realm, hash, &e, &user)) return 0;
  *principal_id = e.principal_id;
  return 1;
}

/* 1 when the request's session was answered from the cache, with User.* — marked stale when the
 * principal's balance moved on since (then load_user reads it again and web_session_remember refreshes
 * the entry, unless the route only needs the identity). */
static int from_cache(req *r, const char *hash) {
  session_entry e;
  HDF *user = NULL;
  if (!session_cache_get(r->db, r->realm, hash, &e, &user)) return 0;
  /* Read before load_user reads the header data, so a bump meanwhile makes it stale, not wrong. */
  unsigned long long gen = principal_generation(e.principal_id);
  if (user) {
    NEOERR *err = hdf_copy(r->hdf, "User", user);
    if (err) {
      nerr_ignore(&err);
      hdf_remove_tree(r->hdf, "User");
      return 0;
    }
  }
  if (gen == e.gen) {
    r->user_loaded = 1;
  } else {
    r->user_stale = 1; /* app.c decides: kept for an R_IDENTITY route, read again otherwise */
    g_pending = e;
    g_pending.gen = gen;
    g_pending_set = 1;
  }
  r->user_id = e.principal_id;
  r->user_gen = gen;
  r->user_gen_set = 1;
  memcpy(r->sid_hash, hash, 65);
  return 1;
}

void web_session_remember(req *r) {
  if (!r->user_id || !r->sid_hash[0] || !g_pending_set) return;
  session_cache_put(r->realm, r->sid_hash, &g_pending, hdf_get_obj(r->hdf, "User"));
}

NEOERR *web_session_load(req *r) {
  char name[64], hash[65];
  cookie_name(r, name, sizeof name);
  r->user_id = 0;
  r->sid_hash[0] = 0;
  g_pending_set = 0;
  if (!session_token_hash(req_cookie(r, name), hash)) return STATUS_OK;
  if (from_cache(r, hash)) return STATUS_OK;
  session_entry e;
  session_state st;
  NEOERR *err = session_store_open(r->db, r->realm, hash, &e, &st);
  if (err || st == SESSION_NONE) return nerr_pass(err);
  if (st == SESSION_EXPIRED) {
    err = hdf_set_value(r->hdf, "Page.SessionExpired", "1");
    if (!err) err = req_set_cookie(r, name, "", 0, 1);
    return nerr_pass(err);
  }
  g_pending = e;
  g_pending_set = 1;
  r->user_gen = e.gen;
  r->user_gen_set = 1;
  r->user_id = e.principal_id;
  memcpy(r->sid_hash, hash, sizeof hash);
  return STATUS_OK;
}

NEOERR *req_login(req *r, long long id) {
  char name[64], tok[65], hash[65];
  cookie_name(r, name, sizeof name);
  NEOERR *err;
  /* A new token at every login: a token planted before sign-in is worthless after it. */
  if (r->sid_hash[0] && (err = session_store_delete(r->db, r->sid_hash))) return nerr_pass(err);
  if (session_token_hash(req_cookie(r, name), hash) && (err = session_store_delete(r->db, hash))) return nerr_pass(err);
  if (session_token_new(tok, hash) != 0) return nerr_raise(NERR_SYSTEM, "random");
  if ((err = session_store_create(r->db, r->realm, id, req_client_ip(r), hash))) return nerr_pass(err);
  r->user_id = id;
  memcpy(r->sid_hash, hash, sizeof hash);
  err = req_set_cookie(r, name, tok, 0, 1);
  if (!err) err = csrf_prepare(r, 0);
  return nerr_pass(err);
}

NEOERR *req_logout(req *r) {
  char name[64];
  cookie_name(r, name, sizeof name);
  NEOERR *err = STATUS_OK;
  if (r->sid_hash[0]) err = session_store_delete(r->db, r->sid_hash);
  r->user_id = 0;
  r->sid_hash[0] = 0;
  if (!err) err = req_set_cookie(r, name, "", 0, 1);
  return nerr_pass(err);
}

/* A session's token is the same at every request: the last ones are kept per process (an HMAC was ~1 % of a
 * signed-in page's CPU). Keyed by the realm and the session's hash, which is what the token is made of. */
#define CSRF_KEPT 64
static struct {
  char key[200];
  char token[65];
} g_csrf_kept[CSRF_KEPT];

void csrf_for_session(const char *realm, const char *sid_hash, char out[65]) {
  char msg[200];
  int n = snprintf(msg, sizeof msg, "csrf|%s|%s", realm, sid_hash);
  unsigned h = 2166136261u;
  for (const char *p = msg; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
  unsigned slot = h % CSRF_KEPT;
  if (n > 0 && (size_t)n < sizeof msg && strcmp(g_csrf_kept[slot].key, msg) == 0) {
    memcpy(out, g_csrf_kept[slot].token, 65);
    return;
  }
  crypto_hmac_hex(msg, out);
  if (n > 0 && (size_t)n < sizeof msg) {
    memcpy(g_csrf_kept[slot].key, msg, (size_t)n + 1);
    memcpy(g_csrf_kept[slot].token, out, 65);
  }
}

static int is_anon_id(const char *s) {
  if (!s || strlen(s) != 32) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'))) return 0;
  return 1;
}

NEOERR *csrf_prepare(req *r, int make_anon) {
  char msg[200];
  r->csrf[0] = 0;
  if (r->sid_hash[0]) {
    csrf_for_session(r->realm, r->sid_hash, r->csrf);
    return STATUS_OK;
  }
  const char *anon = req_cookie(r, ANON_COOKIE);
  if (is_anon_id(anon)) {
    snprintf(r->anon, sizeof r->anon, "%s", anon);
  } else if (make_anon && !r->anon[0]) {
    if (crypto_token_hex(r->anon, 16) != 0) return nerr_raise(NERR_SYSTEM, "random");
    NEOERR *err = req_set_cookie(r, ANON_COOKIE, r->anon, 0, 1);
    if (err) return nerr_pass(err);
  }
  if (!r->anon[0]) return STATUS_OK;
  snprintf(msg, sizeof msg, "csrf-anon|%s|%s", r->realm, r->anon);
  crypto_hmac_hex(msg, r->csrf);
  return STATUS_OK;
}

/* ClearSilver merges the query string into Query.*: a token in the URL (which lands in logs and
 * Referer headers) must not count. */
static int csrf_in_url(req *r) {
  const char *q = hdf_get_value(r->hdf, "CGI.QueryString", "");
  for (const char *p = q; (p = strstr(p, "csrf")) != NULL; p += 4)
    if ((p == q || p[-1] == '&') && (p[4] == '=' || p[4] == '&' || p[4] == 0)) return 1;
  return 0;
}

int csrf_valid(req *r) {
  if (csrf_in_url(r)) return 0;
  const char *sent = hdf_get_value(r->hdf, "Query.csrf", NULL);
  HDF *node = hdf_get_obj(r->hdf, "Query.csrf");
  if (!sent || !r->csrf[0] || (node && hdf_obj_child(node))) return 0;
  return crypto_equal(sent, r->csrf);
}
