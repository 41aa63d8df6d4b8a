/* partners.h: partner systems of an enterprise and their API key pairs — secrets sealed under the server key, shown
 * once; the API call log (I1) */
#ifndef MALL_PARTNERS_H
#define MALL_PARTNERS_H
#include "db.h"

#define PARTNER_KEY_ID_LEN 24  /* "pk_" + 21 characters */
#define PARTNER_SECRET_LEN 43  /* "sk_" + 40 hex characters */
#define PARTNER_SECRET_MAX 64  /* longest secret a key may have (demo secrets included) */
#define PARTNER_SEALED_MAX 300 /* hex of nonce + secret + tag, with the NUL */

/* Seals a secret for partner_keys.secret_enc: AES-256-GCM under a key derived from the server secret for this purpose
 * only; hex (nonce, text, tag). 0 on success. */
int partner_secret_seal(const char *secret, char *out, size_t len);
/* The reverse: 0 and the secret in out, -1 when the text was not sealed by this server's key. */
int partner_secret_open(const char *sealed, char *out, size_t len);

/* A key as the API sees it when a request names it. */
typedef struct {
  long long partner_id;
  char enterprise[DB_VARCHAR(64)];
  char secret[PARTNER_SECRET_MAX + 1];
  int rate_per_minute;
  int usable; /* key active, partner active */
} partner_key;
/* *found = 0 when there is no such key id. The secret is opened only for a usable key. */
NEOERR *partner_key_find(MYSQL *db, const char *key_id, partner_key *out, int *found);
NEOERR *partner_key_touch(MYSQL *db, const char *key_id);

/* Back office: a partner of an existing enterprise. *id = 0 when the enterprise does not exist. */
NEOERR *partner_create(MYSQL *db, const char *name, const char *enterprise, int rate_per_minute, long long admin_id,
                       long long *id);
/* A new key pair for the partner: key_id (PARTNER_KEY_ID_LEN + 1) and the clear secret (PARTNER_SECRET_LEN + 1), the
 * only time it exists outside the sealed column. *ok = 0 when there is no such partner. */
NEOERR *partner_key_create(MYSQL *db, long long partner_id, long long admin_id, char *key_id, char *secret, int *ok);
/* The secret of a key made by admin_id within 15 minutes and never shown: opened into secret and marked shown (one
 * conditional UPDATE: a second look, even at the same moment, gets *ok = 0). admin_id 0 (mallctl) shows at once. */
NEOERR *partner_key_reveal(MYSQL *db, long long partner_id, const char *key_id, long long admin_id, char *secret,
                           size_t len, int *ok);
/* Revokes one key of the partner: *ok = 0 when it was not an active key of it. */
NEOERR *partner_key_revoke(MYSQL *db, long long partner_id, const char *key_id, int *ok);
NEOERR *partner_set_status(MYSQL *db, long long partner_id, int active, int *ok);

/* Lists for pages: Partners.N.{id,name,enterprise,enterprise_name,status,rate_per_minute,keys,created_at};
 * Enterprises.N.{code,name}; Keys.N.{key_id,status,created_at,revoked_at,last_used_at}; one partner in prefix. */
NEOERR *partners_list(MYSQL *db, HDF *out, const char *prefix, int *rows);
NEOERR *enterprises_list(MYSQL *db, HDF *out, const char *prefix, int *rows);
NEOERR *partner_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found);
NEOERR *partner_keys_list(MYSQL *db, long long partner_id, HDF *out, const char *prefix, int *rows);

/* The call log. partner_id 0: refused before a key was known. */
NEOERR *api_log_add(MYSQL *db, long long partner_id, const char *key_id, const char *method, const char *path,
                    int status, const char *code, int ms, const char *ip);
/* Newest first, per at a time, before id `before` (0: from the newest), of one partner (0: all):
 * prefix.N.{id,partner_id,partner_name,key_id,method,path,status,code,ms,ip,created_at}; *next = the id to continue
 * before (0 at the end). */
#define API_LOG_PAGE 50
extern const char *const API_LOG_SQL_ALL, *const API_LOG_SQL_PARTNER; /* for the EXPLAIN test */
NEOERR *api_log_page(MYSQL *db, long long partner_id, long long before, HDF *out, const char *prefix, int *rows,
                     long long *next);

/* Expired nonces, idempotency keys past their time, rate counters older than an hour; API log rows older than
 * log_days days. Counts of rows removed. */
NEOERR *api_purge(MYSQL *db, int log_days, long long *nonces, long long *keys, long long *rates, long long *logs);

#endif
