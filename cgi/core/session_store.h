/* session_store.h: server-side sessions in the database (only the token's hash is stored) and this process's
 * cache of them — no HTTP here, so domain code may end a principal's sessions */
#ifndef MALL_SESSION_STORE_H
#define MALL_SESSION_STORE_H
#include <time.h>
#include "db.h"

#define SESSION_IDLE_SECONDS 1800
#define SESSION_MAX_SECONDS 43200

/* A live session as read from the database or the cache. */
typedef struct {
  long long principal_id;
  time_t created, seen, at;        /* its creation, the visit the database last saw, when this copy was read */
  unsigned long long acc_gen, gen; /* session generation of the read; principal generation of the header data */
} session_entry;

typedef enum { SESSION_NONE, SESSION_LIVE, SESSION_EXPIRED } session_state;

/* The sha256 of a well-formed token (64 hex digits) into hash; 0 when the token is malformed. */
int session_token_hash(const char *token, char hash[65]);
/* A new random token and its hash. 0 on success. */
int session_token_new(char token[65], char hash[65]);

/* Reads the session with this hash: SESSION_LIVE fills e (the visit is recorded at most once a minute);
 * an expired one is deleted (SESSION_EXPIRED). Generations are read before the row, so a change meanwhile
 * makes a cached copy stale, not wrong. */
NEOERR *session_store_open(MYSQL *db, const char *realm, const char *hash, session_entry *e, session_state *state);
NEOERR *session_store_create(MYSQL *db, const char *realm, long long principal_id, const char *ip, const char *hash);
/* Deletes one session; no process on any app machine trusts its cached copy after the COMMIT (its own transaction,
 * or the open one it joins). */
NEOERR *session_store_delete(MYSQL *db, const char *hash);
/* Deletes every session of a principal (password change, freeze, disable). */
NEOERR *session_drop_all(MYSQL *db, const char *realm, long long principal_id);

/* Per-process cache: a signed-in page needs one primary-key read (the accounts and the principal's rows of
 * cache_generations, generations.h) instead of the session and the header data. An entry is trusted for at most
 * 30 s, never across a session generation — as the database has it now, whichever app machine raised it — and
 * must be seen by the database once a minute.
 * session_cache_get → 1 with e filled and *user pointing at the cached header data (owned by the cache,
 * NULL when none) while the entry is trusted; 0 otherwise (also when the database does not answer). */
int session_cache_get(MYSQL *db, const char *realm, const char *hash, session_entry *e, HDF **user);
/* Remembers a session and a copy of its header data (user may be NULL). */
void session_cache_put(const char *realm, const char *hash, const session_entry *e, HDF *user);

#endif
