/* partners.c: partner systems of an enterprise, their key pairs (secrets sealed, shown once) and the API call log */
#include "partners/partners.h"
#include "config.h"
#include "crypto.h"
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>

/* The sealing key: HMAC(secret.key, purpose), apart from every other use of the server secret. */
static void seal_key(unsigned char key[32]) {
  static const char purpose[] = "points-mall partner api secret seal v1";
  unsigned int len = 0;
  HMAC(EVP_sha256(), g_cfg.secret, sizeof g_cfg.secret, (const unsigned char *)purpose, sizeof purpose - 1, key, &len);
}

static int unhex(const char *s, unsigned char *out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned v = 0;
    for (int k = 0; k < 2; k++) {
      char c = s[2 * i + k];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
      else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
      else return -1;
    }
    out[i] = (unsigned char)v;
  }
  return 0;
}

int partner_secret_seal(const char *secret, char *out, size_t len) {
  size_t n = strlen(secret);
  unsigned char key[32], buf[12 + PARTNER_SECRET_MAX + 16];
  if (n == 0 || n > PARTNER_SECRET_MAX || len < 2 * (12 + n + 16) + 1) return -1;
  if (crypto_random(buf, 12) != 0) return -1;
  seal_key(key);
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  int l = 0,
      ok = ctx && EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, buf) == 1 &&
      EVP_EncryptUpdate(ctx, buf + 12, &l, (const unsigned char *)secret, (int)n) == 1 &&
      EVP_EncryptFinal_ex(ctx, buf + 12 + l, &l) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, buf + 12 + n) == 1;
  EVP_CIPHER_CTX_free(ctx);
  OPENSSL_cleanse(key, sizeof key);
  if (!ok) return -1;
  crypto_hex(buf, 12 + n + 16, out);
  return 0;
}

int partner_secret_open(const char *sealed, char *out, size_t len) {
  size_t hl = strlen(sealed);
  if (hl % 2 || hl < 2 * (12 + 16 + 1) || hl > 2 * (12 + PARTNER_SECRET_MAX + 16)) return -1;
  size_t n = hl / 2 - 12 - 16;
  unsigned char key[32], buf[12 + PARTNER_SECRET_MAX + 16];
  if (len < n + 1 || unhex(sealed, buf, hl / 2) != 0) return -1;
  seal_key(key);
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  int l = 0,
      ok = ctx && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, buf) == 1 &&
      EVP_DecryptUpdate(ctx, (unsigned char *)out, &l, buf + 12, (int)n) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, buf + 12 + n) == 1 &&
      EVP_DecryptFinal_ex(ctx, (unsigned char *)out + l, &l) == 1;
  EVP_CIPHER_CTX_free(ctx);
  OPENSSL_cleanse(key, sizeof key);
  if (!ok) OPENSSL_cleanse(out, n);
  out[ok ? n : 0] = 0;
  return ok ? 0 : -1;
}

static const char SQL_KEY_FIND[] =
    "SELECT k.partner_id, p.enterprise, k.secret_enc, p.rate_per_minute, k.status = 'active' AND p.status = 'active' "
    "FROM partner_keys k JOIN partners p ON p.id = k.partner_id WHERE k.key_id = ?";
static const char SQL_KEY_TOUCH[] =
    "UPDATE partner_keys SET last_used_at = NOW() WHERE key_id = ? AND (last_used_at IS NULL OR last_used_at < NOW() "
    "- INTERVAL 1 MINUTE)";

NEOERR *partner_key_find(MYSQL *db, const char *key_id, partner_key *out, int *found) {
  memset(out, 0, sizeof *out);
  char sealed[PARTNER_SEALED_MAX];
  NEOERR *err = db_row(db, SQL_KEY_FIND, DBA(DS(key_id)),
                       DCOLS(DCOL_LL(&out->partner_id), DCOL_STR(out->enterprise), DCOL_STR(sealed),
                             DCOL_INT(&out->rate_per_minute), DCOL_INT(&out->usable)),
                       found);
  if (err || !*found || !out->usable) return nerr_pass(err);
  if (partner_secret_open(sealed, out->secret, sizeof out->secret) != 0) {
    out->usable = 0; /* sealed under another server key: the key cannot sign anything here */
    return nerr_raise(NERR_ASSERT, "partner key %s: secret does not open with this server's key", key_id);
  }
  return STATUS_OK;
}

NEOERR *partner_key_touch(MYSQL *db, const char *key_id) {
  return nerr_pass(db_exec(db, SQL_KEY_TOUCH, DBA(DS(key_id)), NULL, NULL));
}

static const char SQL_ENTERPRISE_EXISTS[] = "SELECT COUNT(*) FROM enterprises WHERE code = ?";
static const char SQL_PARTNER_INSERT[] =
    "INSERT INTO partners (name, enterprise, rate_per_minute, created_by) VALUES (?, ?, ?, ?)";

NEOERR *partner_create(MYSQL *db, const char *name, const char *enterprise, int rate_per_minute, long long admin_id,
                       long long *id) {
  *id = 0;
  long long n = 0;
  NEOERR *err = db_query_ll(db, SQL_ENTERPRISE_EXISTS, DBA(DS(enterprise)), &n, NULL);
  if (err || n == 0) return nerr_pass(err);
  return nerr_pass(
      db_exec(db, SQL_PARTNER_INSERT, DBA(DS(name), DS(enterprise), DI(rate_per_minute), DI(admin_id)), NULL, id));
}

static const char SQL_PARTNER_EXISTS[] = "SELECT COUNT(*) FROM partners WHERE id = ?";
static const char SQL_KEY_INSERT[] = "INSERT INTO partner_keys (key_id, partner_id, secret_enc, created_by, shown_at) "
                                     "VALUES (?, ?, ?, ?, IF(? = 0, NOW(), NULL))";

NEOERR *partner_key_create(MYSQL *db, long long partner_id, long long admin_id, char *key_id, char *secret, int *ok) {
  *ok = 0;
  long long n = 0;
  NEOERR *err = db_query_ll(db, SQL_PARTNER_EXISTS, DBA(DI(partner_id)), &n, NULL);
  if (err || n == 0) return nerr_pass(err);
  char rnd[64], sealed[PARTNER_SEALED_MAX];
  if (crypto_token_hex(rnd, 11) != 0) return nerr_raise(NERR_SYSTEM, "random");
  snprintf(key_id, PARTNER_KEY_ID_LEN + 1, "pk_%.21s", rnd);
  if (crypto_token_hex(rnd, 20) != 0) return nerr_raise(NERR_SYSTEM, "random");
  snprintf(secret, PARTNER_SECRET_LEN + 1, "sk_%.40s", rnd);
  OPENSSL_cleanse(rnd, sizeof rnd);
  if (partner_secret_seal(secret, sealed, sizeof sealed) != 0) return nerr_raise(NERR_SYSTEM, "seal");
  err =
      db_exec(db, SQL_KEY_INSERT, DBA(DS(key_id), DI(partner_id), DS(sealed), DI(admin_id), DI(admin_id)), NULL, NULL);
  if (!err) *ok = 1;
  return nerr_pass(err);
}

static const char SQL_KEY_SHOW[] = "UPDATE partner_keys SET shown_at = NOW() WHERE key_id = ? AND partner_id = ? AND "
                                   "created_by = ? AND shown_at IS NULL "
                                   "AND status = 'active' AND created_at > NOW() - INTERVAL 15 MINUTE";
static const char SQL_KEY_SEALED[] = "SELECT secret_enc FROM partner_keys WHERE key_id = ?";

NEOERR *partner_key_reveal(MYSQL *db, long long partner_id, const char *key_id, long long admin_id, char *secret,
                           size_t len, int *ok) {
  *ok = 0;
  secret[0] = 0;
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_KEY_SHOW, DBA(DS(key_id), DI(partner_id), DI(admin_id)), &n, NULL);
  if (err || n != 1) return nerr_pass(err);
  char sealed[PARTNER_SEALED_MAX];
  int found = 0;
  if ((err = db_query_str(db, SQL_KEY_SEALED, DBA(DS(key_id)), sealed, sizeof sealed, &found))) return nerr_pass(err);
  *ok = found && partner_secret_open(sealed, secret, len) == 0;
  return STATUS_OK;
}

static const char SQL_KEY_REVOKE[] = "UPDATE partner_keys SET status = 'revoked', revoked_at = NOW() "
                                     "WHERE key_id = ? AND partner_id = ? AND status = 'active'";

NEOERR *partner_key_revoke(MYSQL *db, long long partner_id, const char *key_id, int *ok) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_KEY_REVOKE, DBA(DS(key_id), DI(partner_id)), &n, NULL);
  *ok = !err && n == 1;
  return nerr_pass(err);
}

static const char SQL_PARTNER_STATUS[] = "UPDATE partners SET status = ? WHERE id = ?";

NEOERR *partner_set_status(MYSQL *db, long long partner_id, int active, int *ok) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_PARTNER_STATUS, DBA(DS(active ? "active" : "disabled"), DI(partner_id)), &n, NULL);
  *ok = !err && n == 1;
  return nerr_pass(err);
}

static const char SQL_PARTNERS[] =
    "SELECT p.id, p.name, p.enterprise, e.name AS enterprise_name, p.status, p.rate_per_minute, "
    "(SELECT COUNT(*) FROM partner_keys k WHERE k.partner_id = p.id AND k.status = 'active') AS `keys`, "
    "DATE_FORMAT(p.created_at, '%Y-%m-%d %H:%i') AS created_at FROM partners p "
    "JOIN enterprises e ON e.code = p.enterprise ORDER BY p.id LIMIT 500";
static const char SQL_ENTERPRISES[] = "SELECT code, name FROM enterprises ORDER BY code LIMIT 500";
static const char SQL_PARTNER_GET[] =
    "SELECT p.id, p.name, p.enterprise, e.name AS enterprise_name, p.status, p.rate_per_minute, "
    "DATE_FORMAT(p.created_at, '%Y-%m-%d %H:%i') AS created_at FROM partners p "
    "JOIN enterprises e ON e.code = p.enterprise WHERE p.id = ?";
static const char SQL_KEYS[] =
    "SELECT key_id, status, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at, "
    "DATE_FORMAT(revoked_at, '%Y-%m-%d %H:%i') AS revoked_at, "
    "DATE_FORMAT(last_used_at, '%Y-%m-%d %H:%i') AS last_used_at FROM partner_keys FORCE INDEX (by_partner) "
    "WHERE partner_id = ? ORDER BY created_at DESC LIMIT 100";

NEOERR *partners_list(MYSQL *db, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_PARTNERS, DB_NOARGS, rows));
}
NEOERR *enterprises_list(MYSQL *db, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_ENTERPRISES, DB_NOARGS, rows));
}
NEOERR *partner_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found) {
  return nerr_pass(db_query_hdf_one(db, out, prefix, SQL_PARTNER_GET, DBA(DI(id)), found));
}
NEOERR *partner_keys_list(MYSQL *db, long long partner_id, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_KEYS, DBA(DI(partner_id)), rows));
}

static const char SQL_LOG_INSERT[] = "INSERT INTO api_log (partner_id, key_id, method, path, status, code, ms, ip) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

NEOERR *api_log_add(MYSQL *db, long long partner_id, const char *key_id, const char *method, const char *path,
                    int status, const char *code, int ms, const char *ip) {
  char k[41], m[9], p[301], i[65];
  snprintf(k, sizeof k, "%s", key_id ? key_id : "");
  snprintf(m, sizeof m, "%s", method ? method : "");
  snprintf(p, sizeof p, "%s", path ? path : "");
  snprintf(i, sizeof i, "%s", ip ? ip : "");
  /* key ids and paths are whatever a caller sent: keep printable ASCII only in the log */
  for (char *c = k; *c; c++)
    if (*c < 0x21 || *c > 0x7e) *c = '?';
  return nerr_pass(db_exec(
      db, SQL_LOG_INSERT,
      DBA(partner_id ? DI(partner_id) : DNULL, DS(k), DS(m), DS(p), DI(status), DS(code ? code : ""), DI(ms), DS(i)),
      NULL, NULL));
}

/* Keyset pages on the primary key (all partners) or on by_partner (partner_id, id). */
#define LOG_COLS                                                                                                       \
  "SELECT l.id, l.partner_id, COALESCE(p.name, '') AS partner_name, l.key_id, l.method, l.path, l.status, l.code, "    \
  "l.ms, l.ip, DATE_FORMAT(l.created_at, '%Y-%m-%d %H:%i:%s') AS created_at FROM api_log l "
static const char SQL_LOG_ALL[] = LOG_COLS "LEFT JOIN partners p ON p.id = l.partner_id WHERE l.id < ? "
                                           "ORDER BY l.id DESC LIMIT ?";
static const char SQL_LOG_PARTNER[] =
    LOG_COLS "FORCE INDEX (by_partner) LEFT JOIN partners p ON p.id = l.partner_id "
             "WHERE l.partner_id = ? AND l.id < ? ORDER BY l.partner_id DESC, l.id DESC LIMIT ?";
const char *const API_LOG_SQL_ALL = SQL_LOG_ALL, *const API_LOG_SQL_PARTNER = SQL_LOG_PARTNER;

NEOERR *api_log_page(MYSQL *db, long long partner_id, long long before, HDF *out, const char *prefix, int *rows,
                     long long *next) {
  *next = 0;
  long long b = before > 0 ? before : 0x7fffffffffffffffLL;
  NEOERR *err = partner_id
      ? db_query_hdf(db, out, prefix, SQL_LOG_PARTNER, DBA(DI(partner_id), DI(b), DI(API_LOG_PAGE + 1)), rows)
      : db_query_hdf(db, out, prefix, SQL_LOG_ALL, DBA(DI(b), DI(API_LOG_PAGE + 1)), rows);
  if (err) return nerr_pass(err);
  if (*rows > API_LOG_PAGE) {
    char k[128];
    snprintf(k, sizeof k, "%s.%d", prefix, API_LOG_PAGE - 1);
    *next = db_hdf_ll(hdf_get_obj(out, k), "id", 0);
    snprintf(k, sizeof k, "%s.%d", prefix, API_LOG_PAGE);
    err = hdf_remove_tree(out, k);
    *rows = API_LOG_PAGE;
  }
  return nerr_pass(err);
}

static const char SQL_PURGE_NONCES[] = "DELETE FROM api_nonces WHERE expires_at < NOW() LIMIT 10000";
static const char SQL_PURGE_KEYS[] = "DELETE FROM api_idempotency WHERE expires_at < NOW() LIMIT 10000";
static const char SQL_PURGE_RATES[] = "DELETE FROM api_rate WHERE minute < NOW() - INTERVAL 1 HOUR LIMIT 10000";
static const char SQL_PURGE_LOG[] = "DELETE FROM api_log WHERE created_at < NOW() - INTERVAL ? DAY LIMIT 10000";

/* Deletes in pieces of 10,000 rows until none is left (no long lock on a busy table). */
static NEOERR *purge(MYSQL *db, const char *sql, const dbp *p, int np, long long *total) {
  *total = 0;
  long long n = 0;
  NEOERR *err = STATUS_OK;
  do {
    err = db_exec(db, sql, p, np, &n, NULL);
    if (!err) *total += n;
  } while (!err && n > 0);
  return nerr_pass(err);
}

NEOERR *api_purge(MYSQL *db, int log_days, long long *nonces, long long *keys, long long *rates, long long *logs) {
  NEOERR *err = purge(db, SQL_PURGE_NONCES, DB_NOARGS, nonces);
  if (!err) err = purge(db, SQL_PURGE_KEYS, DB_NOARGS, keys);
  if (!err) err = purge(db, SQL_PURGE_RATES, DB_NOARGS, rates);
  if (!err) err = purge(db, SQL_PURGE_LOG, DBA(DI(log_days)), logs);
  return nerr_pass(err);
}
