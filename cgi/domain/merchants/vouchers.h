/* vouchers.h: merchant vouchers — issue at payment, void at cancel, verify/redeem at the merchant, expiry, reads.
 * Passwords: 8 CSPRNG digits, checked against an HMAC ("voucher|no|password"); an AES-256-GCM copy
 * (key derived from the server secret, AAD = voucher number) lets the OWNER see it on /voucher/{no}. */
#ifndef MALL_VOUCHERS_H
#define MALL_VOUCHERS_H
#include "db.h"

#define VOUCHER_NO_LEN 16 /* "V" + 15 digits */
#define VOUCHER_PASSWORD_LEN 8
#define VOUCHER_MAX_FAILURES 5 /* wrong passwords that lock a voucher */

typedef enum {
  VOUCHER_OK,
  VOUCHER_NOT_FOUND,      /* unknown number, or another merchant's voucher (indistinguishable) */
  VOUCHER_WRONG_PASSWORD, /* see tries_left */
  VOUCHER_LOCKED,         /* too many wrong passwords: refused even with the right one */
  VOUCHER_USED,           /* redeemed already (see redeemed_at) */
  VOUCHER_VOIDED,         /* its order was cancelled */
  VOUCHER_EXPIRED,        /* past valid_to */
} voucher_result;

typedef struct {
  voucher_result result;
  int tries_left; /* with VOUCHER_WRONG_PASSWORD */
  long long voucher_id;
  long long member_id;
  char redeemed_at[20]; /* 'YYYY-MM-DD HH:MM:SS' with VOUCHER_USED / after VOUCHER_OK on redeem */
} voucher_outcome;

/* Merchant side. Both check the password (a wrong one counts towards the lock and commits), log the
 * attempt in voucher_attempts (outcome = voucher_result_code) and are scoped to merchant_id.
 * voucher_check only looks: on VOUCHER_OK (and USED/EXPIRED/VOIDED with the right password) it fills
 * details under prefix (no, product, points, valid_from, valid_to, status, redeemed_at, member_masked).
 * voucher_redeem redeems exactly once (row lock + conditional update: of two concurrent confirms one gets
 * VOUCHER_OK, the other VOUCHER_USED) and tells the member in the inbox. details may be NULL. */
NEOERR *voucher_check(MYSQL *db, long long merchant_id, long long merchant_user_id, const char *voucher_no,
                      const char *password, const char *ip, HDF *details, const char *prefix, voucher_outcome *out);
NEOERR *voucher_redeem(MYSQL *db, long long merchant_id, long long merchant_user_id, const char *voucher_no,
                       const char *password, const char *ip, voucher_outcome *out);

/* Short code of a result for logs and the attempts table ("ok", "not_found", "wrong", "locked", "used",
 * "voided", "expired"); pages use "Voucher.Result.<Name>" from voucher_result_name. */
const char *voucher_result_code(voucher_result r);
const char *voucher_result_name(voucher_result r);

/* Order side (called by orders.c INSIDE the payment / cancel transaction). */
/* One voucher per unit of every voucher-type line of the order. */
NEOERR *vouchers_issue_order(MYSQL *db, long long order_id, long long member_id);
/* Voids the order's issued/expired vouchers; *redeemed = count of redeemed ones (then the caller refuses
 * the cancel and rolls back). */
NEOERR *vouchers_void_order(MYSQL *db, long long order_id, int *redeemed);
/* Outside any transaction (no-op inside one): texts each not-yet-texted voucher of the order its number
 * and password, once. */
NEOERR *vouchers_text_order(MYSQL *db, long long order_id);

/* Member side reads. voucher_get: one voucher of this member with product/merchant details and the
 * decrypted password under prefix (prefix.no, .password, .status, .product, .merchant, .address, .phone,
 * .valid_from, .valid_to, .points, .order_no, .redeemed_at, .terms); *found = 0 for unknown or not his. */
NEOERR *voucher_get(MYSQL *db, long long member_id, const char *voucher_no, HDF *out, const char *prefix, int *found);
/* All vouchers of a member (newest first) / of one order, as prefix.N.{no,status,product,merchant,valid_to,...}. */
NEOERR *vouchers_of_member(MYSQL *db, long long member_id, HDF *out, const char *prefix, int *rows);
NEOERR *vouchers_of_order(MYSQL *db, long long member_id, long long order_id, HDF *out, const char *prefix, int *rows);

/* Job: issued vouchers past valid_to → expired. Idempotent. */
NEOERR *vouchers_expire(MYSQL *db, long long *expired);

/* The verification URL a voucher's QR encodes: <base>/merchant/verify?no=..&pw=.. */
void voucher_verify_url(const char *base, const char *no, const char *password, char *buf, size_t len);

/* Exposed for unit tests: password encryption round trip (hex out: 2*(12+16+8)+1 = 73 chars). */
int voucher_password_seal(const char *no, const char *password, char *hex, size_t len);
int voucher_password_open(const char *no, const char *hex, char *password, size_t len);

#endif
