/* vouchers_admin.h: an order's vouchers in the back office — list with their state, unlock one locked by wrong passwords */
#ifndef MALL_VOUCHERS_ADMIN_H
#define MALL_VOUCHERS_ADMIN_H
#include "backoffice/audit.h"
#include "db.h"

/* The vouchers of an order under prefix.N.*: voucher_no, status, merchant, valid_to, redeemed_at, failed_attempts,
 * locked (0/1), locked_at. */
NEOERR *vouchers_admin_of_order(MYSQL *db, long long order_id, HDF *out, const char *prefix);

typedef enum { VOUCHER_UNLOCKED, VOUCHER_UNLOCK_UNKNOWN, VOUCHER_UNLOCK_NOT_LOCKED } voucher_unlock_result;

/* Unlocks voucher_no of order order_id (wrong-password count back to 0), audited in the same transaction. */
NEOERR *vouchers_admin_unlock(MYSQL *db, const audit_actor *who, long long order_id, const char *voucher_no,
                              voucher_unlock_result *res);

#endif
