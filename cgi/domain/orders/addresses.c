/* addresses.c: members' delivery addresses — list, find, validate, save, delete, default */
#include "orders/addresses.h"
#include <string.h>

#define ADDRESS_COLUMNS                                                                                                \
  "SELECT id, recipient, mobile, province, city, district, detail, is_default, "                                       \
  "CONCAT(LEFT(mobile, 3), '****', RIGHT(mobile, 4)) AS masked_mobile FROM addresses "

static const char SQL_ADDRESSES_LIST[] =
    ADDRESS_COLUMNS "WHERE member_id = ? ORDER BY is_default DESC, id DESC LIMIT 50";
static const char SQL_ADDRESS_GET[] = ADDRESS_COLUMNS "WHERE member_id = ? AND id = ?";
/* Every write locks the member row first, so the count limit and the single default hold under
 * concurrent saves (two tabs, double submits). */
static const char SQL_ADDRESS_LOCK_MEMBER[] = "SELECT id FROM members WHERE id = ? FOR UPDATE";
static const char SQL_ADDRESS_COUNT[] = "SELECT COUNT(*) FROM addresses WHERE member_id = ?";
static const char SQL_ADDRESS_IS_DEFAULT[] = "SELECT is_default FROM addresses WHERE member_id = ? AND id = ?";
static const char SQL_ADDRESS_INSERT[] = "INSERT INTO addresses (member_id, recipient, mobile, province, city, "
                                         "district, detail) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_ADDRESS_UPDATE[] =
    "UPDATE addresses SET recipient = ?, mobile = ?, province = ?, city = ?, district = ?, detail = ?"
    " WHERE member_id = ? AND id = ?";
static const char SQL_ADDRESS_DEFAULT_ONLY[] = "UPDATE addresses SET is_default = IF(id = ?, 1, 0) WHERE member_id = ?";
static const char SQL_ADDRESS_HAS_DEFAULT[] = "SELECT COUNT(*) FROM addresses WHERE member_id = ? AND is_default = 1";
static const char SQL_ADDRESS_DELETE[] = "DELETE FROM addresses WHERE member_id = ? AND id = ?";
static const char SQL_ADDRESS_NEWEST_DEFAULT[] =
    "UPDATE addresses SET is_default = 1 WHERE member_id = ? ORDER BY id DESC LIMIT 1";

NEOERR *addresses_list(MYSQL *db, long long member_id, HDF *out, const char *prefix, int *count) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_ADDRESSES_LIST, DBA(DI(member_id)), count));
}

NEOERR *address_get(MYSQL *db, long long member_id, long long address_id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_ADDRESS_GET, DBA(DI(member_id), DI(address_id)), &rows);
  if (found) *found = rows == 1;
  return nerr_pass(err);
}

/* Code points of valid UTF-8 without control characters; -1 otherwise. */
static long text_chars(const char *s) {
  long n = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; n++) {
    int extra = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 : (*p & 0xf8) == 0xf0 ? 3 : -1;
    if (extra < 0 || (*p < 0x20) || *p == 0x7f) return -1;
    p++;
    for (int k = 0; k < extra; k++, p++)
      if ((*p & 0xc0) != 0x80) return -1;
  }
  return n;
}

static const char *check_text(const char *s, long min, long max) {
  if (!s || !*s) return "required";
  long n = text_chars(s);
  if (n < 0) return "chars";
  /* Only spaces is as good as empty for a courier. */
  if (strspn(s, " ") == strlen(s)) return "required";
  if (n < min) return "short";
  if (n > max) return "long";
  return NULL;
}

const char *address_validate(const address_fields *f, const char **why) {
  const struct {
    const char *name, *value;
    long min, max;
  } t[] = {
      {"recipient", f->recipient, 1, ADDRESS_RECIPIENT_MAX},
      {"province", f->province, 1, ADDRESS_REGION_MAX},
      {"city", f->city, 1, ADDRESS_REGION_MAX},
      {"district", f->district, 1, ADDRESS_REGION_MAX},
      {"detail", f->detail, ADDRESS_DETAIL_MIN, ADDRESS_DETAIL_MAX},
  };
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    const char *e = check_text(t[i].value, t[i].min, t[i].max);
    if (e) {
      *why = e;
      return t[i].name;
    }
  }
  const char *m = f->mobile;
  int ok = m && strlen(m) == 11 && m[0] == '1' && m[1] >= '3' && m[1] <= '9';
  for (int i = 0; ok && i < 11; i++) ok = m[i] >= '0' && m[i] <= '9';
  if (!ok) {
    *why = m && *m ? "mobile" : "required";
    return "mobile";
  }
  return NULL;
}

typedef struct {
  long long member_id, address_id;
  const address_fields *f;
  address_result res;
  long long id;
} save_args;

static NEOERR *lock_member(MYSQL *db, long long member_id) {
  long long id = 0;
  return nerr_pass(db_query_ll(db, SQL_ADDRESS_LOCK_MEMBER, DBA(DI(member_id)), &id, NULL));
}

static NEOERR *make_default(MYSQL *db, long long member_id, long long id) {
  return nerr_pass(db_exec(db, SQL_ADDRESS_DEFAULT_ONLY, DBA(DI(id), DI(member_id)), NULL, NULL));
}

static NEOERR *save_tx(MYSQL *db, void *arg) {
  save_args *a = arg;
  const address_fields *f = a->f;
  long long n = 0, affected = 0;
  int found = 0;
  a->res = ADDRESS_OK;
  NEOERR *err = lock_member(db, a->member_id);
  if (err) return nerr_pass(err);
  if (a->address_id == 0) {
    if ((err = db_query_ll(db, SQL_ADDRESS_COUNT, DBA(DI(a->member_id)), &n, NULL))) return nerr_pass(err);
    if (n >= ADDRESS_MAX_PER_MEMBER) {
      a->res = ADDRESS_TOO_MANY;
      return STATUS_OK;
    }
    err = db_exec(db, SQL_ADDRESS_INSERT,
                  DBA(DI(a->member_id), DS(f->recipient), DS(f->mobile), DS(f->province), DS(f->city), DS(f->district),
                      DS(f->detail)),
                  NULL, &a->id);
  } else {
    if ((err = db_query_ll(db, SQL_ADDRESS_IS_DEFAULT, DBA(DI(a->member_id), DI(a->address_id)), &n, &found)))
      return nerr_pass(err);
    if (!found) {
      a->res = ADDRESS_NOT_FOUND;
      return STATUS_OK;
    }
    a->id = a->address_id;
    err = db_exec(db, SQL_ADDRESS_UPDATE,
                  DBA(DS(f->recipient), DS(f->mobile), DS(f->province), DS(f->city), DS(f->district), DS(f->detail),
                      DI(a->member_id), DI(a->address_id)),
                  &affected, NULL);
  }
  if (err) return nerr_pass(err);
  n = 0;
  if (!f->make_default) err = db_query_ll(db, SQL_ADDRESS_HAS_DEFAULT, DBA(DI(a->member_id)), &n, NULL);
  if (!err && (f->make_default || n == 0)) err = make_default(db, a->member_id, a->id);
  return nerr_pass(err);
}

NEOERR *address_save(MYSQL *db, long long member_id, long long address_id, const address_fields *f, address_result *res,
                     long long *id) {
  save_args a = {.member_id = member_id, .address_id = address_id, .f = f};
  NEOERR *err = db_tx(db, save_tx, &a);
  *res = a.res;
  if (id) *id = a.id;
  return nerr_pass(err);
}

typedef struct {
  long long member_id, address_id;
  int set_default; /* 1: make default; 0: delete */
  address_result res;
} change_args;

static NEOERR *change_tx(MYSQL *db, void *arg) {
  change_args *a = arg;
  long long was_default = 0;
  int found = 0;
  a->res = ADDRESS_OK;
  NEOERR *err = lock_member(db, a->member_id);
  if (!err)
    err = db_query_ll(db, SQL_ADDRESS_IS_DEFAULT, DBA(DI(a->member_id), DI(a->address_id)), &was_default, &found);
  if (err) return nerr_pass(err);
  if (!found) {
    a->res = ADDRESS_NOT_FOUND;
    return STATUS_OK;
  }
  if (a->set_default) return nerr_pass(make_default(db, a->member_id, a->address_id));
  err = db_exec(db, SQL_ADDRESS_DELETE, DBA(DI(a->member_id), DI(a->address_id)), NULL, NULL);
  if (!err && was_default) err = db_exec(db, SQL_ADDRESS_NEWEST_DEFAULT, DBA(DI(a->member_id)), NULL, NULL);
  return nerr_pass(err);
}

NEOERR *address_delete(MYSQL *db, long long member_id, long long address_id, address_result *res) {
  change_args a = {.member_id = member_id, .address_id = address_id, .set_default = 0};
  NEOERR *err = db_tx(db, change_tx, &a);
  *res = a.res;
  return nerr_pass(err);
}

NEOERR *address_set_default(MYSQL *db, long long member_id, long long address_id, address_result *res) {
  change_args a = {.member_id = member_id, .address_id = address_id, .set_default = 1};
  NEOERR *err = db_tx(db, change_tx, &a);
  *res = a.res;
  return nerr_pass(err);
}
