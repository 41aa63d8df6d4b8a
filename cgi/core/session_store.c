/* session_store.c: server-side sessions in the database (only the token's hash is stored) and this process's
 * cache of them — no HTTP here */
#include "session_store.h"
#include "crypto.h"
#include "generations.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_SESSION_GET[] = "SELECT principal_id AS id, TIMESTAMPDIFF(SECOND, last_seen_at, NOW()) AS idle, "
                                      "TIMESTAMPDIFF(SECOND, created_at, NOW()) AS age "
                                      "FROM sessions WHERE token_hash = ? AND realm = ?";
static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET last_seen_at = NOW() WHERE token_hash = ?";
static const char SQL_SESSION_DELETE[] = "DELETE FROM sessions WHERE token_hash = ?";
static const char SQL_SESSION_INSERT[] = "INSERT INTO sessions (token_hash, realm, principal_id, created_at, "
                                         "last_seen_at, ip) VALUES (?, ?, ?, NOW(), NOW(), ?)";
static const char SQL_SESSION_DROP_ALL[] = "DELETE FROM sessions WHERE realm = ? AND principal_id = ?";

static int is_hex(const char *s, size_t len) {
  if (!s || strlen(s) != len) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'))) return 0;
  return 1;
}

int session_token_hash(const char *token, char hash[65]) {
  if (!is_hex(token, 64)) return 0;
  crypto_sha256_hex(token, hash);
  return 1;
}

int session_token_new(char token[65], char hash[65]) {
  if (crypto_token_hex(token, 32) != 0) return -1;
  crypto_sha256_hex(token, hash);
  return 0;
}

struct sess_row {
  long long id, idle, age;
  int found;
};

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

NEOERR *session_store_open(MYSQL *db, const char *realm, const char *hash, session_entry *e, session_state *state) {
  *state = SESSION_NONE;
  /* Read before the database so a bump during this request makes a cached copy stale, not wrong. */
  unsigned long long gen = accounts_generation();
  struct sess_row s = {0};
  NEOERR *err = read_session(db, hash, realm, &s);
  if (err || !s.found) return nerr_pass(err);
  if (s.idle > SESSION_IDLE_SECONDS || s.age > SESSION_MAX_SECONDS) {
    *state = SESSION_EXPIRED;
    return nerr_pass(db_exec(db, SQL_SESSION_DELETE, DBA(DS(hash)), NULL, NULL));
  }
  /* Touch at most once a minute: keeps signed-in pages free of a write per request. */
  if (s.idle >= 60) {
    if ((err = db_exec(db, SQL_SESSION_TOUCH, DBA(DS(hash)), NULL, NULL))) return nerr_pass(err);
    s.idle = 0;
  }
  time_t now = time(NULL);
  e->principal_id = s.id;
  e->created = now - s.age;
  e->seen = now - s.idle;
  e->at = now;
  e->acc_gen = gen;
  /* The principal's counter is read before its header data is, like the accounts one above. */
  e->gen = gen + principal_counter(s.id);
  *state = SESSION_LIVE;
  return STATUS_OK;
}

NEOERR *session_store_create(MYSQL *db, const char *realm, long long principal_id, const char *ip, const char *hash) {
  return nerr_pass(db_exec(db, SQL_SESSION_INSERT, DBA(DS(hash), DS(realm), DI(principal_id), DS(ip)), NULL, NULL));
}

NEOERR *session_store_delete(MYSQL *db, const char *hash) {
  NEOERR *err = db_exec(db, SQL_SESSION_DELETE, DBA(DS(hash)), NULL, NULL);
  db_tx_touch_accounts(); /* other processes may hold this session in their cache */
  return nerr_pass(err);
}

NEOERR *session_drop_all(MYSQL *db, const char *realm, long long principal_id) {
  NEOERR *err = db_exec(db, SQL_SESSION_DROP_ALL, DBA(DS(realm), DI(principal_id)), NULL, NULL);
  db_tx_touch_accounts();
  return nerr_pass(err);
}

/* ---- this process's cache ---- */
#define SESSION_CACHE_SLOTS 256
#define SESSION_CACHE_SECONDS 30
static struct {
  char hash[65];
  char realm[16]; /* compared by content: a realm string's address says nothing */
  session_entry e;
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

int session_cache_get(const char *realm, const char *hash, session_entry *e, HDF **user) {
  unsigned s = sess_slot(hash);
  if (!g_sess[s].hash[0] || strcmp(g_sess[s].hash, hash) != 0 || strcmp(g_sess[s].realm, realm) != 0) return 0;
  time_t now = time(NULL);
  const session_entry *c = &g_sess[s].e;
  /* Past a minute of idleness the database must see the visit (touch) and judge the timeout. */
  if (c->acc_gen != accounts_generation() || now - c->at >= SESSION_CACHE_SECONDS || now - c->seen >= 60 ||
      now - c->created > SESSION_MAX_SECONDS) {
    sess_forget(s);
    return 0;
  }
  *e = *c;
  *user = g_sess[s].user;
  return 1;
}

void session_cache_put(const char *realm, const char *hash, const session_entry *e, HDF *user) {
  unsigned s = sess_slot(hash);
  sess_forget(s);
  if (strlen(realm) >= sizeof g_sess[s].realm) return;
  if (user) {
    NEOERR *err = hdf_init(&g_sess[s].user);
    if (!err) err = hdf_copy(g_sess[s].user, "", user);
    if (err) {
      nerr_ignore(&err);
      sess_forget(s);
      return;
    } /* uncached: the next request reads it again */
  }
  memcpy(g_sess[s].hash, hash, 65);
  snprintf(g_sess[s].realm, sizeof g_sess[s].realm, "%s", realm);
  g_sess[s].e = *e;
}
