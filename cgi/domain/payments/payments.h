/* payments.h: the cash part of an order (C5) — start a payment at the provider, confirm it from a verified
 * notification or a query (idempotent), refund it when the order is cancelled or its points part fails, and the
 * jobs that finish what a request left (notifications, stale trades, refunds). No HTTP here. */
#ifndef MALL_PAYMENTS_H
#define MALL_PAYMENTS_H
#include "db.h"
#include "payments/pay_provider.h"

/* A pending order whose cash is paid but whose points are never confirmed is cancelled (and its cash refunded)
 * this many minutes after the cash was paid (orders_housekeeping). */
#define PAY_CASH_GRACE_MINUTES 30
#define PAY_CASH_GRACE_TEXT "30"

typedef enum {
  PAY_START_OK,          /* cashier_url: where the member pays */
  PAY_START_NOT_FOUND,   /* not this member's order */
  PAY_START_NOT_PENDING, /* paid or cancelled */
  PAY_START_CASH_PAID,   /* the cash part is paid already */
  PAY_START_NO_CASH,     /* the order has no cash part */
  PAY_START_NOT_ENOUGH,  /* the member's balance does not cover the points part (no cash is taken) */
  PAY_START_UNAVAILABLE, /* no payment provider is configured */
} pay_start_result;

/* Opens (or reuses the open) payment of the order's stored cash total — never recomputed from prices — at the
 * configured provider. base: the mall's absolute address ("http://host"), for the provider's notification and
 * return addresses. */
NEOERR *payment_start(MYSQL *db, long long member_id, const char *order_no, const char *base, pay_start_result *res,
                      char *cashier_url, size_t len);

typedef enum {
  PAY_CONFIRM_OK,        /* applied: the order's cash part is paid (or the failure is recorded) */
  PAY_CONFIRM_DUPLICATE, /* known already: nothing changes (acknowledge it) */
  PAY_CONFIRM_REFUND,    /* paid, but the order no longer takes it (cancelled, or paid by another payment): refunded */
  PAY_CONFIRM_UNKNOWN,   /* no such trade of this provider */
  PAY_CONFIRM_MISMATCH,  /* the amount differs from the payment's: refused, nothing changes */
} pay_confirm_result;

/* What the provider says about trade_no (status "paid" or "failed"), from a notification whose signature the caller
 * verified, or from a query. One transaction, order row first: concurrent duplicates have one effect. */
NEOERR *payment_confirm(MYSQL *db, const char *provider, const char *trade_no, const char *provider_no,
                        long long amount_fen, const char *status, pay_confirm_result *res);

/* Asks the provider about the order's open payments and confirms what it says (the return page: the member is back
 * from the cashier before the notification). */
NEOERR *payment_sync_order(MYSQL *db, long long order_id);

/* Inside the caller's transaction, after it locked the order row: the order is being cancelled — its paid cash
 * moves to refund_pending (*refund_fen: how much). The caller runs payments_refund_order after COMMIT. */
NEOERR *payments_cancel_tx(MYSQL *db, long long order_id, long long *refund_fen);
/* Refunds the order's refund_pending payments through their provider (what fails stays for payments_jobs). */
NEOERR *payments_refund_order(MYSQL *db, long long order_id);

typedef struct {
  long long notified, notify_failed, synced, refunded, refund_failed;
} payments_job_stats;
/* The job (mallctl pay-jobs): the sandbox's due notifications, open trades older than a minute queried, refunds. */
NEOERR *payments_jobs(MYSQL *db, payments_job_stats *st);

/* The order's cash part for pages, under prefix: total_fen, yuan, state (none|due|paid|refund_pending|refunded),
 * failed (the latest attempt failed), paid_at. *due = 1 when the cash part still has to be paid. */
NEOERR *payments_order_view(MYSQL *db, long long order_id, HDF *hdf, const char *prefix, int *due);

/* The reports' cash part (B9): payments whose cash was received (paid_at) and refunded (refunded_at) on the days
 * from..to (YYYY-MM-DD, inclusive) — from the payments table, in fen. */
typedef struct {
  long long received_fen, received, refunded_fen, refunded;
} payments_cash_sums;
NEOERR *payments_cash_report(MYSQL *db, const char *from, const char *to, payments_cash_sums *out);
/* The same for a month (YYYY-MM, already validated): the settlements page's cash part of the month. */
NEOERR *payments_cash_month(MYSQL *db, const char *month, payments_cash_sums *out);

/* The order's payments (at most 20, oldest first) for the back office: trade_no, provider, provider_trade_no,
 * amount_fen, yuan, state, note, created_at, paid_at, refunded_at, refund_tries. */
NEOERR *payments_of_order(MYSQL *db, long long order_id, HDF *hdf, const char *prefix);

/* For the EXPLAIN test: the jobs' and reports' statements (stale trades, refunds due, cash received, cash refunded),
 * then one order's (open, refunds due, view), then a month's cash received and refunded. */
extern const char *const PAYMENTS_SQL[];

#endif
