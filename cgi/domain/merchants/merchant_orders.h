/* merchant_orders.h: a merchant's vouchers and redemption history (reads, CSV rows) and the verification
 * rate limit per merchant account (no HTTP) */
#ifndef MALL_MERCHANT_ORDERS_H
#define MALL_MERCHANT_ORDERS_H
#include "db.h"
#include "shared/list_stmt.h"

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

/* Counts stop past this many (shown as "1000+"); numbered pages stop at MERCHANT_VOUCHERS_OFFSET_PAGES, deeper ones
 * seek (?after=<the last voucher's id>). */
#define MERCHANT_VOUCHERS_COUNT_CAP 1000
#define MERCHANT_VOUCHERS_OFFSET_PAGES 20
/* One page of this merchant's vouchers, newest first (by issue or redemption time, as f->by), as
 * prefix.N.{id,no,product,product_en,member_masked,status,points,settle_price_fen,settle_yuan,valid_from,valid_to,
 * created_at,redeemed_at,redeemed_by,order_no,created_key,redeemed_key}: from offset, or after voucher after_id (> 0;
 * offset unused) at after_key — its time in the list's order as the row's created_key / redeemed_key gave it
 * (YYYYMMDDHHMMSS, 0: never redeemed), or -1 to read the voucher's time now. *total exact up to
 * MERCHANT_VOUCHERS_COUNT_CAP, else MERCHANT_VOUCHERS_COUNT_CAP + 1. */
NEOERR *merchant_vouchers(MYSQL *db, long long merchant_id, const merchant_voucher_filter *f, long long offset,
                          long long after_id, long long after_key, int per_page, HDF *out, const char *prefix, int *rows,
                          long long *total);
/* A row key (YYYYMMDDHHMMSS, 0 for none) as the time text the statements compare ("" for none); 0 when malformed. */
int merchant_voucher_key_time(long long key, char *out, size_t len);
/* The list's statement (count 1: its bounded count); after (NULL: none) is the cursor voucher's id and its time in
 * the list's order ("" when it has none: never redeemed). */
typedef struct {
  long long id;
  char time[32];
} merchant_voucher_cursor;
void merchant_vouchers_stmt(long long merchant_id, const merchant_voucher_filter *f, long long offset,
                            const merchant_voucher_cursor *after, int limit, int count, list_stmt *out);
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
