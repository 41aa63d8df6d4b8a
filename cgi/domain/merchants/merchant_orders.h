/* merchant_orders.h: a merchant's vouchers and redemption history (reads, CSV rows) and the verification
 * rate limit per merchant account (no HTTP) */
#ifndef MALL_MERCHANT_ORDERS_H
#define MALL_MERCHANT_ORDERS_H
#include "db.h"

/* Wrong verification attempts (wrong password, unknown number, locked voucher) an account may make in
 * the window before it is refused with "limited" (logged too). */
#define MERCHANT_VERIFY_LIMIT 30
#define MERCHANT_VERIFY_WINDOW 600

/* Filters of the orders page; empty strings mean "any". Dates are YYYY-MM-DD (validated by the caller),
 * on the issue date (by = "issued") or the redemption date (by = "redeemed"). */
typedef struct {
  const char *status; /* issued|redeemed|voided|expired or "" */
  const char *by;     /* issued|redeemed */
  const char *from, *to;
  const char *no; /* exact voucher number (upper case) */
} merchant_voucher_filter;

/* One page of this merchant's vouchers, newest first, as prefix.N.{no,product,product_en,member_masked,
 * status,points,settle_price_fen,settle_yuan,valid_from,valid_to,created_at,redeemed_at,redeemed_by,order_no};
 * *total = all matching rows. */
NEOERR *merchant_vouchers(MYSQL *db, long long merchant_id, const merchant_voucher_filter *f, long long page,
                          int per_page, HDF *out, const char *prefix, int *rows, long long *total);
/* Up to max matching rows for the CSV, same columns. */
NEOERR *merchant_vouchers_all(MYSQL *db, long long merchant_id, const merchant_voucher_filter *f, int max, HDF *out,
                              const char *prefix, int *rows);
/* One voucher of this merchant (same columns) under prefix; *found = 0 for unknown or another merchant's. */
NEOERR *merchant_voucher_get(MYSQL *db, long long merchant_id, const char *no, HDF *out, const char *prefix,
                             int *found);
/* The latest verification attempts of this merchant as prefix.N.{no,outcome,username,ip,created_at}. */
NEOERR *merchant_attempts_recent(MYSQL *db, long long merchant_id, int max, HDF *out, const char *prefix, int *rows);

/* *limited = 1 when the account made MERCHANT_VERIFY_LIMIT wrong attempts in the window; the refused
 * attempt is logged with outcome "limited". */
NEOERR *merchant_verify_limited(MYSQL *db, long long merchant_id, long long user_id, const char *voucher_no,
                                const char *ip, int *limited);

#endif
