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
  long long vouchers, amount_fen, points; /* totals of the month's statements (vouchers + terminal payments) */
  long long offline, offline_fen;         /* of which terminal payments: how many, their settlement amount */
} settle_summary;

/* Terminal (offline, V8) payments are settled next to redeemed vouchers. Each merchant has a rule set in the back
 * office: offline_fen_per_100, fen paid to the merchant per 100 points taken at its till (default 80, schema 021).
 * SETTLE_RULE: a payment of P points settles at (P × rate + 50) DIV 100 fen — exact integer arithmetic, rounded
 * half up per line, fixed on the payment (offline_payments.settle_fen) when its statement is built; a submitted,
 * approved or paid statement keeps its amounts whatever the rule becomes. */
#define SETTLE_RATE_MAX 100000 /* fen per 100 points: ¥1000 a hundred points, far above any real rule */

/* Builds the month's statements: one per merchant with vouchers redeemed in that month (mall time zone),
 * each voucher and terminal payment attached to one statement (settlement_id), totals from their snapshots:
 * amount_fen = voucher_fen + offline_fen, points = voucher_points + offline_points, exactly.
 * Draft and rejected statements are rebuilt; the others never change. Idempotent. who = NULL from mallctl,
 * else the run is audited in the same transaction. */
NEOERR *settlement_run(MYSQL *db, const audit_actor *who, const char *month, settle_summary *out);

/* merchant_id 0 = every merchant; status / month "" = any. Rows under prefix.N: id, merchant_id, merchant,
 * month, vouchers, amount_fen, amount (yuan, 2 decimals), points, status, reject_reason, submitted_at,
 * reviewed_at, paid_at, voucher_fen, voucher_amount, voucher_points, offline_count, offline_points, offline_fen,
 * offline_amount (the two parts of the totals). */
NEOERR *settlements_list(MYSQL *db, long long merchant_id, const char *status, const char *month, long long offset,
                         long long after, int limit, HDF *out, const char *prefix, int *rows, long long *total);
/* Newest month first, merchants in id order within a month. *total is exact up to SETTLE_LIST_COUNT_CAP, else
 * SETTLE_LIST_COUNT_CAP + 1 ("1000+"); numbered pages stop at SETTLE_LIST_OFFSET_PAGES, deeper ones seek: after > 0
 * (offset unused) is settlement_cursor of the last row shown. rows may be NULL. */
#define SETTLE_LIST_COUNT_CAP 1000
#define SETTLE_LIST_OFFSET_PAGES 20
#define SETTLE_CURSOR_SCALE 10000000000LL
/* A row's place in the list as one number: YYYYMM * SETTLE_CURSOR_SCALE + merchant_id (0 for a bad month). */
long long settlement_cursor(const char *month, long long merchant_id);
/* The ?after= cursor of a full page of limit rows listed under prefix (the last row's), else "". */
void settlements_next(HDF *out, const char *prefix, int rows, int limit, char *buf, size_t len);
/* One statement (same columns plus reviewer); merchant_id 0 = any. *found = 0 when unknown or another's. */
NEOERR *settlement_get(MYSQL *db, long long merchant_id, long long id, HDF *out, const char *prefix, int *found);
/* Its vouchers: voucher_no, product, redeemed_at, redeemed_by (staff username), settle_price_fen, price (yuan),
 * points. */
NEOERR *settlement_vouchers(MYSQL *db, long long id, HDF *out, const char *prefix);

/* Its terminal payments: receipt_no, paid_at, cashier (staff username), points, settle_fen, price (yuan). */
NEOERR *settlement_terminal(MYSQL *db, long long id, HDF *out, const char *prefix);

/* A merchant's terminal-payment rule (fen per 100 points); *found = 0 for an unknown merchant. */
NEOERR *settlement_rate_get(MYSQL *db, long long merchant_id, long long *fen_per_100, int *found);
/* Sets it (0..SETTLE_RATE_MAX, the caller validated), audited ("settle_rate" on the merchant) in one transaction.
 * Statements built from then on use it; draft and rejected ones pick it up when the month is settled again. */
NEOERR *settlement_rate_set(MYSQL *db, const audit_actor *who, long long merchant_id, long long fen_per_100,
                            int *found);

typedef enum { SETTLE_OK, SETTLE_NOT_FOUND, SETTLE_STATE } settle_result;
/* The merchant owner submits a draft or rejected statement with vouchers or terminal payments in it. */
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

/* The columns of a statement's CSV lines (8 each): voucher lines, then terminal-payment lines in the same places,
 * so Σ of the fen column = the statement's amount. */
extern const char *const SETTLE_VOUCHER_COLS[8];
extern const char *const SETTLE_TERMINAL_COLS[8];

#endif
