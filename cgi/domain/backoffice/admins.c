/* admins.c: back-office accounts — sign-in check, create, disable/enable, reset password (no HTTP) */
#include "backoffice/admins.h"
#include "shared/passwords.h"
#include "session_store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_ADMIN_BY_USERNAME[] = "SELECT id, status, password_hash FROM admins WHERE username = ?";
static const char SQL_ADMIN_INSERT[] =
    "INSERT IGNORE INTO admins (username, password_hash, role, status, enterprise) VALUES (?, ?, ?, 'active', ?)";
/* The audit snapshot: never the password hash. */
static const char SQL_ADMIN_SNAPSHOT[] = "SELECT id, username, role, status, enterprise FROM admins WHERE id = ?";
static const char SQL_ADMIN_SET_STATUS[] = "UPDATE admins SET status = ? WHERE id = ? AND status <> ?";
static const char SQL_ADMIN_SET_HASH[] = "UPDATE admins SET password_hash = ? WHERE id = ?";
static const char SQL_ADMIN_LIST[] = "SELECT id, username, role, status, enterprise, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS "
                                     "created_at FROM admins ORDER BY id";
static const char SQL_ADMIN_GET[] = "SELECT id, username, role, status, enterprise, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS "
                                    "created_at FROM admins WHERE id = ?";

NEOERR *admin_authenticate(MYSQL *db, const char *username, const char *password, long long *id,
                           admin_auth_status *st) {
  long long aid = 0;
  char status[16], hash[DB_VARCHAR(255)];
  int found = 0;
  *id = 0;
  *st = ADMIN_AUTH_BAD;
  NEOERR *err = db_row(db, SQL_ADMIN_BY_USERNAME, DBA(DS(username)),
                       DCOLS(DCOL_LL(&aid), DCOL_STR(status), DCOL_STR(hash)), &found);
  if (!err) {
    if (!found) {
      password_dummy_check(password); /* same time as a wrong password */
    } else if (password_check(hash, password)) {
      /* Disabled is told only to someone who knows the password. */
      if (strcmp(status, "active") != 0) {
        *st = ADMIN_AUTH_DISABLED;
      } else {
        *id = aid;
        *st = ADMIN_AUTH_OK;
      }
    }
  }
  memset(hash, 0, sizeof hash);
  return nerr_pass(err);
}

int admin_username_ok(const char *u) {
  size_t n = u ? strlen(u) : 0;
  if (n < ADMIN_USERNAME_MIN || n > ADMIN_USERNAME_MAX || u[0] < 'a' || u[0] > 'z') return 0;
  for (size_t i = 0; i < n; i++) {
    char c = u[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) return 0;
  }
  return 1;
}

/* ---- writes: each one transaction with its audit entry ---- */

struct create_arg {
  const audit_actor *who;
  const char *username, *role, *hash, *enterprise;
  long long id;
};

static NEOERR *create_tx(MYSQL *db, void *p) {
  struct create_arg *a = p;
  long long n = 0, newid = 0;
  a->id = 0;
  NEOERR *err = db_exec(db, SQL_ADMIN_INSERT, DBA(DS(a->username), DS(a->hash), DS(a->role), a->enterprise ? DS(a->enterprise) : DNULL), &n, &newid);
  if (err || n != 1) return nerr_pass(err);
  json_t *after = NULL;
  err = audit_snapshot(db, SQL_ADMIN_SNAPSHOT, newid, &after);
  if (!err) err = audit_record(db, a->who, "create", "admin", newid, NULL, after);
  json_decref(after);
  if (!err) a->id = newid;
  return nerr_pass(err);
}

NEOERR *admin_create(MYSQL *db, const audit_actor *who, const char *username, const char *role, const char *enterprise,
                     const char *password, long long *id) {
  char hash[PASSWORD_HASH_LEN];
  *id = 0;
  if (password_hash(password, hash) != 0) return nerr_raise(NERR_SYSTEM, "scrypt failed");
  if ((strcmp(role, "enterprise") == 0) != (enterprise && *enterprise))
    return nerr_raise(NERR_ASSERT, "admin_create: role %s with enterprise '%s'", role, enterprise ? enterprise : "");
  struct create_arg a = {who, username, role, hash, enterprise, 0};
  NEOERR *err = db_tx(db, create_tx, &a);
  *id = a.id;
  return nerr_pass(err);
}

struct status_arg {
  const audit_actor *who;
  long long id;
  const char *status;
  int found, changed;
};

static NEOERR *status_tx(MYSQL *db, void *p) {
  struct status_arg *a = p;
  json_t *before = NULL, *after = NULL;
  long long n = 0;
  a->found = a->changed = 0;
  NEOERR *err = audit_snapshot(db, SQL_ADMIN_SNAPSHOT, a->id, &before);
  if (err || !before) return nerr_pass(err);
  a->found = 1;
  err = db_exec(db, SQL_ADMIN_SET_STATUS, DBA(DS(a->status), DI(a->id), DS(a->status)), &n, NULL);
  if (!err && n == 1) {
    a->changed = 1;
    err = audit_snapshot(db, SQL_ADMIN_SNAPSHOT, a->id, &after);
    if (!err)
      err = audit_record(db, a->who, strcmp(a->status, "active") == 0 ? "enable" : "disable", "admin", a->id, before,
                         after);
    /* A disabled admin's open sessions end now, not at their next idle timeout. */
    if (!err && strcmp(a->status, "active") != 0) err = session_drop_all(db, "admin", a->id);
  }
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *admin_set_status(MYSQL *db, const audit_actor *who, long long id, const char *status, int *found,
                         int *changed) {
  struct status_arg a = {who, id, status, 0, 0};
  NEOERR *err = db_tx(db, status_tx, &a);
  *found = a.found;
  *changed = a.changed;
  return nerr_pass(err);
}

struct reset_arg {
  const audit_actor *who;
  long long id;
  const char *hash;
  int found;
};

static NEOERR *reset_tx(MYSQL *db, void *p) {
  struct reset_arg *a = p;
  json_t *before = NULL, *after = NULL;
  a->found = 0;
  NEOERR *err = audit_snapshot(db, SQL_ADMIN_SNAPSHOT, a->id, &before);
  if (err || !before) return nerr_pass(err);
  a->found = 1;
  err = db_exec(db, SQL_ADMIN_SET_HASH, DBA(DS(a->hash), DI(a->id)), NULL, NULL);
  if (!err) err = audit_snapshot(db, SQL_ADMIN_SNAPSHOT, a->id, &after);
  /* The log says that the password changed, never what it is. */
  if (!err && after) json_object_set_new(after, "password", json_string("reset"));
  if (!err) err = audit_record(db, a->who, "reset-password", "admin", a->id, before, after);
  if (!err) err = session_drop_all(db, "admin", a->id);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *admin_reset_password(MYSQL *db, const audit_actor *who, long long id, const char *password, int *found) {
  char hash[PASSWORD_HASH_LEN];
  *found = 0;
  if (password_hash(password, hash) != 0) return nerr_raise(NERR_SYSTEM, "scrypt failed");
  struct reset_arg a = {who, id, hash, 0};
  NEOERR *err = db_tx(db, reset_tx, &a);
  *found = a.found;
  return nerr_pass(err);
}

/* ---- reads ---- */

NEOERR *admin_list(MYSQL *db, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_ADMIN_LIST, DB_NOARGS, rows));
}

NEOERR *admin_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found) {
  HDF *h = NULL;
  int rows = 0;
  *found = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(db, h, "A", SQL_ADMIN_GET, DBA(DI(id)), &rows);
  if (!err && rows == 1) {
    *found = 1;
    err = hdf_copy(out, prefix, hdf_get_obj(h, "A.0"));
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}
