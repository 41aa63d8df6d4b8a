/* merchant_accounts.c: merchant portal accounts — sign-in check, the owner's staff accounts (no HTTP) */
#include "merchants/merchant_accounts.h"
#include "shared/passwords.h"
#include "session_store.h"
#include <stdlib.h>
#include <string.h>

static const char SQL_MUSER_BY_USERNAME[] =
    "SELECT u.id, u.status, u.password_hash, m.status AS merchant_status "
    "FROM merchant_users u JOIN merchants m ON m.id = u.merchant_id WHERE u.username = ?";
static const char SQL_MUSER_LIST[] =
    "SELECT id, username, role, status, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at "
    "FROM merchant_users WHERE merchant_id = ? ORDER BY role = 'owner' DESC, id";
static const char SQL_MUSER_INSERT[] = "INSERT IGNORE INTO merchant_users (merchant_id, username, password_hash, role, "
                                       "status) VALUES (?, ?, ?, 'staff', 'active')";
static const char SQL_MUSER_STAFF_ID[] =
    "SELECT id FROM merchant_users WHERE id = ? AND merchant_id = ? AND role = 'staff'";
static const char SQL_MUSER_SET_STATUS[] =
    "UPDATE merchant_users SET status = ? WHERE id = ? AND merchant_id = ? AND role = 'staff' AND status <> ?";
static const char SQL_MUSER_SET_HASH[] =
    "UPDATE merchant_users SET password_hash = ? WHERE id = ? AND merchant_id = ? AND role = 'staff'";
static const char SQL_MERCHANT_TODAY[] = "SELECT COUNT(*) AS n, COALESCE(SUM(points), 0) AS pts FROM vouchers "
                                         "WHERE merchant_id = ? AND status = 'redeemed' AND redeemed_at >= CURDATE()";
static const char SQL_MERCHANT_DATE[] = "SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')";
static const char SQL_MERCHANT_OPEN[] =
    "SELECT COUNT(*) FROM vouchers WHERE merchant_id = ? AND status = 'issued' AND valid_to >= CURDATE()";

NEOERR *merchant_authenticate(MYSQL *db, const char *username, const char *password, long long *id,
                              merchant_auth_status *st) {
  long long uid = 0;
  char status[16], merchant_status[16], hash[DB_VARCHAR(255)];
  int found = 0;
  *id = 0;
  *st = MERCHANT_AUTH_BAD;
  NEOERR *err = db_row(db, SQL_MUSER_BY_USERNAME, DBA(DS(username)),
                       DCOLS(DCOL_LL(&uid), DCOL_STR(status), DCOL_STR(hash), DCOL_STR(merchant_status)), &found);
  if (!err) {
    if (!found) {
      password_dummy_check(password);
    } else if (password_check(hash, password)) {
      /* Disabled is told only to someone who knows the password. */
      if (strcmp(status, "active") != 0 || strcmp(merchant_status, "active") != 0) {
        *st = MERCHANT_AUTH_DISABLED;
      } else {
        *id = uid;
        *st = MERCHANT_AUTH_OK;
      }
    }
  }
  memset(hash, 0, sizeof hash);
  return nerr_pass(err);
}

int merchant_username_ok(const char *u) {
  size_t n = u ? strlen(u) : 0;
  if (n < MERCHANT_USERNAME_MIN || n > MERCHANT_USERNAME_MAX || u[0] < 'a' || u[0] > 'z') return 0;
  for (size_t i = 0; i < n; i++) {
    char c = u[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) return 0;
  }
  return 1;
}

NEOERR *merchant_staff_list(MYSQL *db, long long merchant_id, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_MUSER_LIST, DBA(DI(merchant_id)), rows));
}

/* Staff rows as the audit log shows them (never the password hash). */
static const char SQL_MUSER_SNAP[] = "SELECT username, role, status, merchant_id FROM merchant_users WHERE id = ?";

/* Records a change to staff account id, with its row after the change. */
static NEOERR *staff_audit(MYSQL *db, const audit_actor *who, const char *action, long long id, json_t *before) {
  json_t *after = NULL;
  NEOERR *err = audit_snapshot(db, SQL_MUSER_SNAP, id, &after);
  if (!err) err = audit_record(db, who, action, "merchant_user", id, before, after);
  json_decref(after);
  return nerr_pass(err);
}

struct staff_arg {
  const audit_actor *who;
  long long merchant_id, user_id;
  const char *status, *hash, *username;
  int found, changed;
};

static NEOERR *create_tx(MYSQL *db, void *p) {
  struct staff_arg *a = p;
  long long n = 0;
  a->user_id = 0;
  NEOERR *err = db_exec(db, SQL_MUSER_INSERT, DBA(DI(a->merchant_id), DS(a->username), DS(a->hash)), &n, &a->user_id);
  if (!err && n != 1) a->user_id = 0;
  if (!err && a->user_id) err = staff_audit(db, a->who, "create", a->user_id, NULL);
  return nerr_pass(err);
}

NEOERR *merchant_staff_create(MYSQL *db, const audit_actor *who, long long merchant_id, const char *username,
                              const char *password, long long *id) {
  char hash[PASSWORD_HASH_LEN];
  *id = 0;
  if (password_hash(password, hash) != 0) return nerr_raise(NERR_SYSTEM, "scrypt failed");
  struct staff_arg a = {.who = who, .merchant_id = merchant_id, .hash = hash, .username = username};
  NEOERR *err = db_tx(db, create_tx, &a);
  if (!err) *id = a.user_id;
  return nerr_pass(err);
}

static NEOERR *status_tx(MYSQL *db, void *p) {
  struct staff_arg *a = p;
  long long n = 0;
  int found = 0;
  json_t *before = NULL;
  a->found = a->changed = 0;
  NEOERR *err = db_query_ll(db, SQL_MUSER_STAFF_ID, DBA(DI(a->user_id), DI(a->merchant_id)), &n, &found);
  if (err || !found) return nerr_pass(err);
  a->found = 1;
  if ((err = audit_snapshot(db, SQL_MUSER_SNAP, a->user_id, &before))) return nerr_pass(err);
  err = db_exec(db, SQL_MUSER_SET_STATUS, DBA(DS(a->status), DI(a->user_id), DI(a->merchant_id), DS(a->status)), &n,
                NULL);
  if (!err && n == 1) {
    a->changed = 1;
    /* A disabled account's open sessions end now, not at their next idle timeout. */
    if (strcmp(a->status, "active") != 0) err = session_drop_all(db, "merchant", a->user_id);
    if (!err) err = staff_audit(db, a->who, strcmp(a->status, "active") ? "disable" : "enable", a->user_id, before);
  }
  json_decref(before);
  return nerr_pass(err);
}

NEOERR *merchant_staff_set_status(MYSQL *db, const audit_actor *who, long long merchant_id, long long user_id,
                                  const char *status, int *found, int *changed) {
  struct staff_arg a = {.who = who, .merchant_id = merchant_id, .user_id = user_id, .status = status};
  NEOERR *err = db_tx(db, status_tx, &a);
  *found = a.found;
  *changed = a.changed;
  return nerr_pass(err);
}

static NEOERR *reset_tx(MYSQL *db, void *p) {
  struct staff_arg *a = p;
  long long n = 0;
  int found = 0;
  a->found = 0;
  NEOERR *err = db_query_ll(db, SQL_MUSER_STAFF_ID, DBA(DI(a->user_id), DI(a->merchant_id)), &n, &found);
  if (err || !found) return nerr_pass(err);
  a->found = 1;
  err = db_exec(db, SQL_MUSER_SET_HASH, DBA(DS(a->hash), DI(a->user_id), DI(a->merchant_id)), NULL, NULL);
  /* Whoever knew the old password is signed out everywhere. */
  if (!err) err = session_drop_all(db, "merchant", a->user_id);
  if (!err) err = staff_audit(db, a->who, "reset_password", a->user_id, NULL);
  return nerr_pass(err);
}

NEOERR *merchant_staff_reset_password(MYSQL *db, const audit_actor *who, long long merchant_id, long long user_id,
                                      const char *password, int *found) {
  char hash[PASSWORD_HASH_LEN];
  *found = 0;
  if (password_hash(password, hash) != 0) return nerr_raise(NERR_SYSTEM, "scrypt failed");
  struct staff_arg a = {.who = who, .merchant_id = merchant_id, .user_id = user_id, .hash = hash};
  NEOERR *err = db_tx(db, reset_tx, &a);
  *found = a.found;
  return nerr_pass(err);
}

NEOERR *merchant_today(MYSQL *db, long long merchant_id, char today[11], long long *redeemed, long long *points,
                       long long *open) {
  *redeemed = *points = *open = 0;
  today[0] = 0;
  NEOERR *err = db_row(db, SQL_MERCHANT_TODAY, DBA(DI(merchant_id)), DCOLS(DCOL_LL(redeemed), DCOL_LL(points)), NULL);
  if (!err) err = db_query_ll(db, SQL_MERCHANT_OPEN, DBA(DI(merchant_id)), open, NULL);
  if (!err) err = db_query_str(db, SQL_MERCHANT_DATE, NULL, 0, today, 11, NULL);
  return nerr_pass(err);
}
