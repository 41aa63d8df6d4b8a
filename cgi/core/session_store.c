/* session_store.c: server-side sessions in the database (only the token's hash is stored) and this process's
 * cache of them — no HTTP here */
#include "session_store.h"
#include "crypto.h"
#include "generations.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* With the accounts row and the principal's two slots of cache_generations (generations.h), read in the same snapshot
 * as the session: a sign-out committed after this read raises a row this read did not see, so the copy cached from it
 * goes stale. */
static const char SQL_SESSION_GET[] =
    "SELECT s.principal_id, TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()), TIMESTAMPDIFF(SECOND, s.created_at, NOW()), "
    "a.gen, g.gen, h.gen FROM sessions s JOIN cache_generations a ON a.id = 2 "
    "JOIN cache_generations g ON g.id = 1000 + s.principal_id % 4096 "
    "JOIN cache_generations h ON h.id = 10000 + s.principal_id % 4096 WHERE s.token_hash = ? AND s.realm = ?";
static const char SQL_SESSION_PRINCIPAL[] = "SELECT principal_id FROM sessions WHERE token_hash = ? FOR UPDATE";
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
  long long id, idle, age, acc_gen, slot_gen, session_gen;
  int found;
};

static NEOERR *read_session(MYSQL *db, const char *hash, const char *realm, struct sess_row *out) {
  NEOERR *err = db_row(db, SQL_SESSION_GET, DBA(DS(hash), DS(realm)),
                       DCOLS(DCOL_LL(&out->id), DCOL_LL(&out->idle), DCOL_LL(&out->age), DCOL_LL(&out->acc_gen),
                             DCOL_LL(&out->slot_gen), DCOL_LL(&out->session_gen)),
                       &out->found);
  if (!err && out->found) generations_seen(out->acc_gen, out->id, out->slot_gen, out->session_gen);
  return nerr_pass(err);
}

NEOERR *session_store_open(MYSQL *db, const char *realm, const char *hash, session_entry *e, session_state *state) {
  *state = SESSION_NONE;
  struct sess_row s = {0};
  NEOERR *err = read_session(db, hash, realm, &s);
  if (err || !s.found) return nerr_pass(err);
  /* Includes the rows as read with the session: a sign-out committed after that read raised the principal's session
   * slot beyond it, and every use of the cached copy reads the rows first (session_cache_get), so the copy is never
   * trusted after it. (This machine's file may count a local sign-out the read did not see: stale then, not wrong.) */
  unsigned long long gen = session_generation(s.id);
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
  /* The principal's counter is read before its header data is, like the session's above. */
  e->gen = principal_generation(s.id);
  *state = SESSION_LIVE;
  return STATUS_OK;
}

NEOERR *session_store_create(MYSQL *db, const char *realm, long long principal_id, const char *ip, const char *hash) {
  return nerr_pass(db_exec(db, SQL_SESSION_INSERT, DBA(DS(hash), DS(realm), DI(principal_id), DS(ip)), NULL, NULL));
}

/* The delete and the principal's session slot of cache_generations in one transaction (joined when one is open): every
 * process on every app machine reads that row before it trusts a cached session of the principal, so none trusts
 * this one after the COMMIT. A delete that finds nothing raises nothing. */
struct drop_arg {
  const char *hash, *realm;
  long long principal_id;
};

static NEOERR *tx_drop(MYSQL *db, void *arg) {
  const struct drop_arg *a = arg;
  long long n = 0, principal_id = a->principal_id;
  int found = 1;
  NEOERR *err = STATUS_OK;
  if (a->hash) {
    err = db_row(db, SQL_SESSION_PRINCIPAL, DBA(DS(a->hash)), DCOLS(DCOL_LL(&principal_id)), &found);
    if (!err && found) err = db_exec(db, SQL_SESSION_DELETE, DBA(DS(a->hash)), &n, NULL);
  } else {
    err = db_exec(db, SQL_SESSION_DROP_ALL, DBA(DS(a->realm), DI(a->principal_id)), &n, NULL);
  }
  if (!err && n > 0) db_tx_touch_sessions(principal_id);
  return nerr_pass(err);
}

NEOERR *session_store_delete(MYSQL *db, const char *hash) {
  struct drop_arg a = {hash, NULL, 0};
  return nerr_pass(db_tx(db, tx_drop, &a));
}

NEOERR *session_drop_all(MYSQL *db, const char *realm, long long principal_id) {
  struct drop_arg a = {NULL, realm, principal_id};
  return nerr_pass(db_tx(db, tx_drop, &a));
}

/* ---- this process's cache ---- */
/* Direct-mapped by the token's hash: with 256 slots 64 busy members already collided ~10% of the time (each
 * collision a session and header read again); 4096 slots (~600 KB a process) keep that near 1% for a few hundred. */
#define SESSION_CACHE_SLOTS 4096
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

int session_cache_get(MYSQL *db, const char *realm, const char *hash, session_entry *e, HDF **user) {
  unsigned s = sess_slot(hash);
  if (!g_sess[s].hash[0] || strcmp(g_sess[s].hash, hash) != 0 || strcmp(g_sess[s].realm, realm) != 0) return 0;
  time_t now = time(NULL);
  const session_entry *c = &g_sess[s].e;
  /* Past a minute of idleness the database must see the visit (touch) and judge the timeout. */
  if (now - c->at >= SESSION_CACHE_SECONDS || now - c->seen >= 60 || now - c->created > SESSION_MAX_SECONDS) {
    sess_forget(s);
    return 0;
  }
  /* The accounts row and the principal's two slots as the database has them now (one primary-key read): a sign-out,
   * freeze or password change on any app machine is seen before this request is answered. */
  NEOERR *err = db ? generations_sync(db, c->principal_id) : nerr_raise(NERR_ASSERT, "session cache without a database");
  if (err) {
    nerr_ignore(&err); /* untrusted: the caller reads the session, and reports the database */
    return 0;
  }
  if (c->acc_gen != session_generation(c->principal_id)) {
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
