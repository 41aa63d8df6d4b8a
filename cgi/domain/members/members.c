/* members.c: member account rules — registration, sign-in check, passwords (no HTTP) */
#include "members/members.h"
#include "shared/passwords.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_MEMBER_BY_MOBILE[] = "SELECT id, status, password_hash FROM members WHERE mobile = ?";
static const char SQL_MEMBER_HASH[] = "SELECT password_hash FROM members WHERE id = ?";
/* A duplicate mobile updates nothing (0 rows): the loser of a registration race sees "taken". */
static const char SQL_MEMBER_INSERT[] = "INSERT INTO members (mobile, password_hash, status) VALUES (?, ?, 'active') "
                                        "ON DUPLICATE KEY UPDATE id = id";
static const char SQL_MEMBER_SET_HASH[] = "UPDATE members SET password_hash = ? WHERE id = ?";

struct member_row {
  long long id;
  char status[16];
  char hash[DB_VARCHAR(255)];
};

static NEOERR *load_by_mobile(MYSQL *db, const char *mobile, struct member_row *m) {
  int found = 0;
  memset(m, 0, sizeof *m);
  return nerr_pass(db_row(db, SQL_MEMBER_BY_MOBILE, DBA(DS(mobile)),
                          DCOLS(DCOL_LL(&m->id), DCOL_STR(m->status), DCOL_STR(m->hash)), &found));
}

NEOERR *member_find(MYSQL *db, const char *mobile, long long *id, char status[16]) {
  struct member_row m;
  NEOERR *err = load_by_mobile(db, mobile, &m);
  *id = m.id;
  snprintf(status, 16, "%s", m.status);
  return nerr_pass(err);
}

NEOERR *member_create(MYSQL *db, const char *mobile, const char *password, long long *id) {
  char hash[PASSWORD_HASH_LEN];
  long long n = 0, newid = 0;
  *id = 0;
  if (password_hash(password, hash) != 0) return nerr_raise(NERR_SYSTEM, "scrypt failed");
  NEOERR *err = db_exec(db, SQL_MEMBER_INSERT, DBA(DS(mobile), DS(hash)), &n, &newid);
  if (!err && n == 1) *id = newid;
  return nerr_pass(err);
}

NEOERR *member_authenticate(MYSQL *db, const char *mobile, const char *password, long long *id,
                            member_auth_status *st) {
  struct member_row m;
  *id = 0;
  *st = MEMBER_AUTH_BAD;
  NEOERR *err = load_by_mobile(db, mobile, &m);
  if (err) return nerr_pass(err);
  if (!m.id) {
    password_dummy_check(password); /* same time as a wrong password */
    return STATUS_OK;
  }
  if (!password_check(m.hash, password)) return STATUS_OK;
  /* Frozen is told only to someone who knows the password. */
  if (strcmp(m.status, "active") != 0) {
    *st = MEMBER_AUTH_FROZEN;
    return STATUS_OK;
  }
  *id = m.id;
  *st = MEMBER_AUTH_OK;
  return STATUS_OK;
}

NEOERR *member_password_ok(MYSQL *db, long long id, const char *password, int *ok) {
  char hash[PASSWORD_HASH_LEN];
  int found = 0;
  *ok = 0;
  NEOERR *err = db_query_str(db, SQL_MEMBER_HASH, DBA(DI(id)), hash, sizeof hash, &found);
  if (err) return nerr_pass(err);
  if (found) *ok = password_check(hash, password);
  else password_dummy_check(password);
  return STATUS_OK;
}

NEOERR *member_set_password(MYSQL *db, long long id, const char *password) {
  char hash[PASSWORD_HASH_LEN];
  if (password_hash(password, hash) != 0) return nerr_raise(NERR_SYSTEM, "scrypt failed");
  return nerr_pass(db_exec(db, SQL_MEMBER_SET_HASH, DBA(DS(hash), DI(id)), NULL, NULL));
}
