/* vouchers_admin.c: an order's vouchers in the back office — list with their state, unlock one locked by wrong passwords */
#include "merchants/vouchers_admin.h"
#include <string.h>

static const char SQL_OF_ORDER[] =
    "SELECT v.voucher_no, v.status, m.name AS merchant, DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to, "
    "DATE_FORMAT(v.redeemed_at, '%Y-%m-%d %H:%i:%s') AS redeemed_at, v.failed_attempts, "
    "v.locked_at IS NOT NULL AS locked, DATE_FORMAT(v.locked_at, '%Y-%m-%d %H:%i:%s') AS locked_at "
    "FROM vouchers v JOIN merchants m ON m.id = v.merchant_id WHERE v.order_id = ? ORDER BY v.id";
static const char SQL_LOCK[] =
    "SELECT id, locked_at IS NOT NULL AS locked FROM vouchers WHERE voucher_no = ? AND order_id = ? FOR UPDATE";
static const char SQL_UNLOCK[] = "UPDATE vouchers SET locked_at = NULL, failed_attempts = 0 WHERE id = ?";
static const char SQL_SNAP[] =
    "SELECT voucher_no, status, failed_attempts, DATE_FORMAT(locked_at, '%Y-%m-%d %H:%i:%s') AS locked_at "
    "FROM vouchers WHERE id = ?";

NEOERR *vouchers_admin_of_order(MYSQL *db, long long order_id, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_OF_ORDER, DBA(DI(order_id)), NULL));
}

struct unlock {
  const audit_actor *who;
  long long order_id;
  const char *no;
  voucher_unlock_result *res;
};

static NEOERR *tx_unlock(MYSQL *db, void *arg) {
  struct unlock *u = arg;
  long long id = 0;
  int locked = 0, found = 0;
  json_t *before = NULL, *after = NULL;
  NEOERR *err = db_row(db, SQL_LOCK, DBA(DS(u->no), DI(u->order_id)), DCOLS(DCOL_LL(&id), DCOL_INT(&locked)), &found);
  if (err) return nerr_pass(err);
  *u->res = !found ? VOUCHER_UNLOCK_UNKNOWN : !locked ? VOUCHER_UNLOCK_NOT_LOCKED : VOUCHER_UNLOCKED;
  if (*u->res != VOUCHER_UNLOCKED) return STATUS_OK;
  err = audit_snapshot(db, SQL_SNAP, id, &before);
  if (!err) err = db_exec(db, SQL_UNLOCK, DBA(DI(id)), NULL, NULL);
  if (!err) err = audit_snapshot(db, SQL_SNAP, id, &after);
  if (!err) err = audit_record(db, u->who, "unlock", "voucher", id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *vouchers_admin_unlock(MYSQL *db, const audit_actor *who, long long order_id, const char *voucher_no,
                              voucher_unlock_result *res) {
  struct unlock u = {who, order_id, voucher_no, res};
  *res = VOUCHER_UNLOCK_UNKNOWN;
  return nerr_pass(db_tx(db, tx_unlock, &u));
}
