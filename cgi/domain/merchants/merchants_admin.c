/* merchants_admin.c: the back office's merchant pages (B7) — accounts list and detail, audited enable / disable */
#include "merchants/merchants_admin.h"
#include "generations.h"
#include <string.h>

/* The list reads merchants in id order on PRIMARY and stops at the page (?after=<id> past the numbered pages); counts
 * stop at MERCHANTS_ADMIN_COUNT_CAP + 1. A name fragment is checked on the rows read (LOCATE: any part of the name):
 * the one shape that may read the whole merchant table — the size of the merchant list, not of any history. */
#define LIST_COLS                                                                                                      \
  "SELECT m.id, m.name, m.phone, m.status, DATE_FORMAT(m.created_at, '%Y-%m-%d') AS created_at,"                       \
  " (SELECT COUNT(*) FROM merchant_users u WHERE u.merchant_id = m.id) AS staff,"                                      \
  " (SELECT COUNT(*) FROM products p WHERE p.merchant_id = m.id) AS products"
static const char SQL_GET[] =
    "SELECT id, name, address, phone, status, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at"
    " FROM merchants WHERE id = ?";
static const char SQL_STAFF[] = "SELECT id, username, role, status, DATE_FORMAT(created_at, '%Y-%m-%d') AS created_at"
                                " FROM merchant_users WHERE merchant_id = ? ORDER BY role = 'owner' DESC, id";
static const char SQL_PRODUCTS[] =
    "SELECT id, name_zh AS name, type, points_price, stock, on_shelf FROM products WHERE merchant_id = ?"
    " ORDER BY type = 'voucher' DESC, id LIMIT 200";
static const char SQL_SNAP[] = "SELECT id, name, status FROM merchants WHERE id = ? FOR UPDATE";
static const char SQL_SET[] = "UPDATE merchants SET status = ? WHERE id = ? AND status <> ?";

void merchants_admin_list_stmt(const char *q, long long offset, long long after, int limit, int count, list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  list_stmt_add(&body, " FROM merchants m FORCE INDEX (PRIMARY) WHERE 1 = 1");
  if (q && *q) list_stmt_arg(&body, " AND LOCATE(?, m.name) > 0", DS(q));
  if (count) {
    /* in the list's order, so the count reads PRIMARY too and stops at the cap */
    list_stmt_add(&body, " ORDER BY m.id");
    list_stmt_count(out, &body, MERCHANTS_ADMIN_COUNT_CAP);
    return;
  }
  if (after > 0) list_stmt_arg(&body, " AND m.id > ?", DI(after));
  list_stmt_start(out, &body, LIST_COLS);
  list_stmt_order(out, "m.id", offset, after > 0, limit);
}

NEOERR *merchants_admin_list(MYSQL *db, const char *q, long long offset, long long after, int limit, HDF *out,
                             const char *prefix, int *rows, long long *total) {
  list_stmt st;
  *rows = 0;
  merchants_admin_list_stmt(q, 0, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  if (err || (after <= 0 && offset >= *total)) return nerr_pass(err);
  merchants_admin_list_stmt(q, offset, after, limit, 0, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows));
}

NEOERR *merchants_admin_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_GET, DBA(DI(id)), &rows);
  *found = rows == 1;
  return nerr_pass(err);
}

NEOERR *merchants_admin_staff(MYSQL *db, long long id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_STAFF, DBA(DI(id)), NULL));
}

NEOERR *merchants_admin_products(MYSQL *db, long long id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_PRODUCTS, DBA(DI(id)), NULL));
}

struct act {
  const audit_actor *who;
  long long id;
  const char *status;
  int found, changed;
};

static NEOERR *tx_status(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  struct act *a = arg;
  json_t *before = NULL, *after = NULL;
  long long n = 0;
  a->found = a->changed = 0;
  NEOERR *err = audit_snapshot(db, SQL_SNAP, a->id, &before);
  if (!err && before) {
    a->found = 1;
    err = db_exec(db, SQL_SET, DBA(DS(a->status), DI(a->id), DS(a->status)), &n, NULL);
    a->changed = n > 0;
    if (!err && a->changed) err = audit_snapshot(db, SQL_SNAP, a->id, &after);
    if (!err && a->changed)
      err = audit_record(db, a->who, strcmp(a->status, "active") == 0 ? "enable" : "disable", "merchant", a->id, before,
                         after);
  }
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *merchants_admin_set_status(MYSQL *db, const audit_actor *who, long long id, const char *status, int *found,
                                   int *changed) {
  if (strcmp(status, "active") && strcmp(status, "disabled"))
    return nerr_raise(NERR_ASSERT, "merchant status %s", status);
  struct act a = {who, id, status, 0, 0};
  NEOERR *err = db_tx(db, tx_status, &a);
  *found = a.found;
  *changed = a.changed;
  return nerr_pass(err);
}
