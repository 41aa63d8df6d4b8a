/* session.c: server-side sessions (only the token's hash is stored) and CSRF tokens */
#include "session.h"
#include "config.h"
#include "crypto.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "generations.h"

static const char SQL_SESSION_GET[] =
    "SELECT principal_id AS id, TIMESTAMPDIFF(SECOND, last_seen_at, NOW()) AS idle, "
    "TIMESTAMPDIFF(SECOND, created_at, NOW()) AS age "
    "FROM sessions WHERE token_hash = ? AND realm = ?";
static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET last_seen_at = NOW() WHERE token_hash = ?";
static const char SQL_SESSION_DELETE[] = "DELETE FROM sessions WHERE token_hash = ?";
static const char SQL_SESSION_INSERT[] =
    "INSERT INTO sessions (token_hash, realm, principal_id, created_at, last_seen_at, ip) VALUES (?, ?, ?, NOW(), NOW(), ?)";
static const char SQL_SESSION_DROP_ALL[] = "DELETE FROM sessions WHERE realm = ? AND principal_id = ?";

static int is_hex(const char *s, size_t len) {
  if (!s || strlen(s) != len) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'))) return 0;
  return 1;
}

static void cookie_name(req *r, char *buf, size_t len) {
  snprintf(buf, len, "%s_sid", r->app->realm);
}

struct sess_row { long long id, idle, age; int found; };

static NEOERR *read_session(MYSQL *db, const char *hash, const char *realm, struct sess_row *out) {
  HDF *h = NULL;
  NEOERR *err = hdf_init(&h);
  int rows = 0;
  if (!err) err = db_query_hdf(db, h, "S", SQL_SESSION_GET, DBA(DS(hash), DS(realm)), &rows);
  if (!err && rows > 0) {
    out->id = strtoll(hdf_get_value(h, "S.0.id", "0"), NULL, 10);
    out->idle = strtoll(hdf_get_value(h, "S.0.idle", "0"), NULL, 10);
    out->age = strtoll(hdf_get_value(h, "S.0.age", "0"), NULL, 10);
    out->found = 1;
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}

/* Per-process cache of recent sessions and their header data (User.*): signed-in pages need no
 * database round trip. A session is trusted for at most SESSION_CACHE_SECONDS and never across an
 * accounts generation (bumped at every logout, session drop or status change); its header data only
 * while its principal's generation stands (that also moves when the member's balance changes — then
 * only User.* is read again, not the session). */
#define SESSION_CACHE_SLOTS 256
#define SESSION_CACHE_SECONDS 30
static struct {
  char hash[65];
  const char *realm;
  long long id;
  time_t created, seen, at;
  unsigned long long acc_gen, gen; /* accounts generation of the session read; principal's of User.* */
  HDF *user;
} g_sess[SESSION_CACHE_SLOTS];

static unsigned sess_slot(const char *hash) {
  char head[9];
  snprintf(head, sizeof head, "%.8s", hash); /* the hash is uniformly random already */
  return (unsigned)(strtoul(head, NULL, 16) % SESSION_CACHE_SLOTS);
}

static void sess_forget(unsigned s) {
  hdf_destroy(&g_sess[s].user);
  g_sess[s].hash[0] = 0;
}

/* The cache slot holding a still-trustworthy entry for hash, or -1. */
static int sess_valid_slot(const char *realm, const char *hash) {
  unsigned s = sess_slot(hash);
  if (strcmp(g_sess[s].hash, hash) != 0 || g_sess[s].realm != realm) return -1;
  time_t now = time(NULL);
  /* Past a minute of idleness the database must see the visit (touch) and judge the timeout. */
  if (g_sess[s].acc_gen != accounts_generation() || now - g_sess[s].at >= SESSION_CACHE_SECONDS ||
      now - g_sess[s].seen >= 60 || now - g_sess[s].created > SESSION_MAX_SECONDS) {
    sess_forget(s);
    return -1;
  }
  return (int)s;
}

int session_peek(const char *realm, const char *token, char hash[65], long long *principal_id) {
  if (!is_hex(token, 64)) return 0;
  crypto_sha256_hex(token, hash);
  int s = sess_valid_slot(realm, hash);
  if (s < 0) return 0;
  *principal_id = g_sess[s].id;
  return 1;
}

void csrf_for_session(const char *realm, const char *sid_hash, char out[65]) {
  char msg[200];
  snprintf(msg, sizeof msg, "csrf|%s|%s", realm, sid_hash);
  crypto_hmac_hex(msg, out);
}

static struct { time_t created, seen, at; unsigned long long acc_gen, gen; } g_pending;

/* 1 when the request's session was answered from the cache, with User.* — marked stale when the
 * principal's balance moved on since (then load_user reads it again and session_cache_put refreshes the
 * entry, unless the route only needs the identity). */
static int sess_cached(req *r, const char *hash) {
  int slot = sess_valid_slot(r->app->realm, hash);
  if (slot < 0) return 0;
  unsigned s = (unsigned)slot;
  /* Read before load_user reads the header data, so a bump meanwhile makes it stale, not wrong. */
  unsigned long long gen = principal_generation(g_sess[s].id);
  if (g_sess[s].user && hdf_copy(r->hdf, "User", g_sess[s].user) != STATUS_OK) return 0;
  if (gen == g_sess[s].gen) {
    r->user_loaded = 1;
  } else {
    r->user_stale = 1; /* app.c decides: kept for an R_IDENTITY route, read again otherwise */
    g_pending.created = g_sess[s].created;
    g_pending.seen = g_sess[s].seen;
    g_pending.at = g_sess[s].at;
    g_pending.acc_gen = g_sess[s].acc_gen;
    g_pending.gen = gen;
  }
  r->user_id = g_sess[s].id;
  r->user_gen = gen;
  r->user_gen_set = 1;
  memcpy(r->sid_hash, hash, 65);
  return 1;
}

void session_cache_put(req *r) {
  if (!r->user_id || !r->sid_hash[0] || !g_pending.created) return;
  unsigned s = sess_slot(r->sid_hash);
  sess_forget(s);
  HDF *user = hdf_get_obj(r->hdf, "User");
  if (user && (hdf_init(&g_sess[s].user) != STATUS_OK || hdf_copy(g_sess[s].user, "", user) != STATUS_OK)) {
    sess_forget(s);
    return;
  }
  memcpy(g_sess[s].hash, r->sid_hash, 65);
  g_sess[s].realm = r->app->realm;
  g_sess[s].id = r->user_id;
  g_sess[s].created = g_pending.created;
  g_sess[s].seen = g_pending.seen;
  g_sess[s].acc_gen = g_pending.acc_gen;
  g_sess[s].gen = g_pending.gen;
  g_sess[s].at = g_pending.at;
}

NEOERR *session_load(req *r) {
  char name[64];
  cookie_name(r, name, sizeof name);
  const char *tok = req_cookie(r, name);
  r->user_id = 0;
  r->sid_hash[0] = 0;
  g_pending.created = 0;
  if (!is_hex(tok, 64)) return STATUS_OK;
  char hash[65];
  crypto_sha256_hex(tok, hash);
  if (sess_cached(r, hash)) return STATUS_OK;
  /* Read before the database so a bump during this request makes the entry stale, not wrong. */
  unsigned long long gen = accounts_generation();
  struct sess_row s = {0};
  NEOERR *err = read_session(r->db, hash, r->app->realm, &s);
  if (err || !s.found) return nerr_pass(err);
  if (s.idle > SESSION_IDLE_SECONDS || s.age > SESSION_MAX_SECONDS) {
    err = db_exec(r->db, SQL_SESSION_DELETE, DBA(DS(hash)), NULL, NULL);
    hdf_set_value(r->hdf, "Page.SessionExpired", "1");
    req_set_cookie(r, name, "", 0, 1);
    return nerr_pass(err);
  }
  /* Touch at most once a minute: keeps signed-in pages free of a write per request. */
  if (s.idle >= 60) {
    err = db_exec(r->db, SQL_SESSION_TOUCH, DBA(DS(hash)), NULL, NULL);
    if (err) return nerr_pass(err);
    s.idle = 0;
  }
  time_t now = time(NULL);
  g_pending.created = now - s.age;
  g_pending.seen = now - s.idle;
  g_pending.at = now;
  g_pending.acc_gen = gen;
  /* The principal's counter is read before its header data (load_user), like the accounts one above. */
  gen += principal_counter(s.id);
  g_pending.gen = gen;
  r->user_gen = gen;
  r->user_gen_set = 1;
  r->user_id = s.id;
  memcpy(r->sid_hash, hash, sizeof hash);
  return STATUS_OK;
}

NEOERR *req_login(req *r, long long id) {
  char name[64], tok[65], hash[65];
  cookie_name(r, name, sizeof name);
  NEOERR *err;
  /* A new token at every login: a token planted before sign-in is worthless after it. */
  if (r->sid_hash[0] && (err = db_exec(r->db, SQL_SESSION_DELETE, DBA(DS(r->sid_hash)), NULL, NULL)))
    return nerr_pass(err);
  db_tx_touch_accounts(); /* the old token may sit in other processes' session caches */
  const char *old = req_cookie(r, name);
  if (is_hex(old, 64)) {
    crypto_sha256_hex(old, hash);
    if ((err = db_exec(r->db, SQL_SESSION_DELETE, DBA(DS(hash)), NULL, NULL))) return nerr_pass(err);
  }
  if (crypto_token_hex(tok, 32) != 0) return nerr_raise(NERR_SYSTEM, "random");
  crypto_sha256_hex(tok, hash);
  err = db_exec(r->db, SQL_SESSION_INSERT, DBA(DS(hash), DS(r->app->realm), DI(id), DS(req_client_ip(r))), NULL, NULL);
  if (err) return nerr_pass(err);
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
  if (r->sid_hash[0]) err = db_exec(r->db, SQL_SESSION_DELETE, DBA(DS(r->sid_hash)), NULL, NULL);
  if (r->sid_hash[0]) db_tx_touch_accounts(); /* other processes may hold this session in their cache */
  r->user_id = 0;
  r->sid_hash[0] = 0;
  if (!err) err = req_set_cookie(r, name, "", 0, 1);
  return nerr_pass(err);
}

NEOERR *session_drop_all(MYSQL *db, const char *realm, long long principal_id) {
  NEOERR *err = db_exec(db, SQL_SESSION_DROP_ALL, DBA(DS(realm), DI(principal_id)), NULL, NULL);
  db_tx_touch_accounts();
  return nerr_pass(err);
}

#define ANON_COOKIE "mall_anon"

NEOERR *csrf_prepare(req *r, int make_anon) {
  char msg[200];
  r->csrf[0] = 0;
  if (r->sid_hash[0]) {
    csrf_for_session(r->app->realm, r->sid_hash, r->csrf);
    return STATUS_OK;
  } else {
    const char *anon = req_cookie(r, ANON_COOKIE);
    if (is_hex(anon, 32)) {
      snprintf(r->anon, sizeof r->anon, "%s", anon);
    } else if (make_anon && !r->anon[0]) {
      if (crypto_token_hex(r->anon, 16) != 0) return nerr_raise(NERR_SYSTEM, "random");
      NEOERR *err = req_set_cookie(r, ANON_COOKIE, r->anon, 0, 1);
      if (err) return nerr_pass(err);
    }
    if (!r->anon[0]) return STATUS_OK;
    snprintf(msg, sizeof msg, "csrf-anon|%s|%s", r->app->realm, r->anon);
  }
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
