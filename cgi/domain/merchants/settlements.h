/* settlements.h: monthly merchant statements (V7) — build, submit, review, pay, and their CSV */
#ifndef MALL_SETTLEMENTS_H
#define MALL_SETTLEMENTS_H
#include "backoffice/audit.h"

#define SETTLEMENT_STATUSES "draft|submitted|approved|rejected|paid"

/* 1 when s is a month written YYYY-MM (2000-2099). */
int settlement_month_ok(const char *s);

typedef struct {
  int statements;                         /* statements of the month after the run */
  int created;                            /* new this run */
  int recomputed;                         /* draft / rejected ones rebuilt */
  int kept;                               /* submitted / approved / paid: left exactly as they were */
  long long vouchers, amount_fen, points; /* totals of the month's statements */
} settle_summary;

/* Builds the month's statements: one per merchant with vouchers redeemed in that month (mall time zone),
 * each voucher attached to one statement (vouchers.settlement_id), totals from the vouchers' snapshots.
 * Draft and rejected statements are rebuilt; the others never change. Idempotent. who = NULL from mallctl,
 * else the run is audited in the same transaction. */
NEOERR *settlement_run(MYSQL *db, const audit_actor *who, const char *month, settle_summary *out);

/* merchant_id 0 = every merchant; status / month "" = any. Rows under prefix.N: id, merchant_id, merchant,
 * month, vouchers, amount_fen, amount (yuan, 2 decimals), points, status, reject_reason, submitted_at,
 * reviewed_at, paid_at. */
NEOERR *settlements_list(MYSQL *db, long long merchant_id, const char *status, const char *month, long long offset,
                         int limit, HDF *out, const char *prefix, long long *total);
/* One statement (same columns plus reviewer); merchant_id 0 = any. *found = 0 when unknown or another's. */
NEOERR *settlement_get(MYSQL *db, long long merchant_id, long long id, HDF *out, const char *prefix, int *found);
/* Its vouchers: voucher_no, product, redeemed_at, redeemed_by (staff username), settle_price_fen, price (yuan),
 * points. */
NEOERR *settlement_vouchers(MYSQL *db, long long id, HDF *out, const char *prefix);

typedef enum { SETTLE_OK, SETTLE_NOT_FOUND, SETTLE_STATE } settle_result;
/* The merchant owner submits a draft or rejected statement with vouchers in it. */
NEOERR *settlement_submit(MYSQL *db, long long merchant_id, long long id, settle_result *res);
/* Finance: action "approve" / "reject" (submitted → …) or "pay" (approved → paid), audited. */
NEOERR *settlement_review(MYSQL *db, const audit_actor *who, long long id, const char *action, const char *reason,
                          settle_result *res);

/* CSV (cells from cgi/domain/csv.h). Header row with a UTF-8 BOM so spreadsheets read Chinese correctly. */
NEOERR *settle_csv_header(STRING *s, const char *const *labels, int n);

/* Appends one line per child of rows (may be NULL) with the columns cols; a "status" column is written as
 * label(ctx, status), the translated word. */
NEOERR *settle_csv_rows(STRING *s, HDF *rows, const char *const *cols, int n,
                        const char *(*label)(void *ctx, const char *status), void *ctx);

#endif
