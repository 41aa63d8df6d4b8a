/* sandbox.h: the sandbox payment provider — its own trades, the hosted cashier's pay / fail outcomes, and the
 * signed notifications it owes the mall (an outbox row per notification, sent until the mall acknowledges). */
#ifndef MALL_SANDBOX_H
#define MALL_SANDBOX_H
#include "db.h"
#include "payments/pay_provider.h"

#define SANDBOX_NOTIFY_BATCH 50

extern const pay_provider sandbox_provider;

/* The trade for the cashier page under prefix: trade_no, sandbox_no, amount_fen, yuan, subject, state,
 * return_url. *found = 0 for an unknown trade. */
NEOERR *sandbox_trade_get(MYSQL *db, const char *trade_no, HDF *hdf, const char *prefix, int *found);

typedef enum {
  SANDBOX_DONE,     /* paid (or failed) now: a signed notification is queued */
  SANDBOX_UNKNOWN,  /* no such trade */
  SANDBOX_FINISHED, /* paid, failed, closed or refunded already: nothing changes */
} sandbox_result;

/* The payer's answer at the cashier: pay = 1 pays, 0 fails the trade. One transaction: the trade's state (only from
 * open) and its notification row. return_url gets where the cashier sends the payer back (also when finished). */
NEOERR *sandbox_finish(MYSQL *db, const char *trade_no, int pay, sandbox_result *res, char *return_url, size_t len);

/* Sends due notifications (all, or only trade_no's when it is not NULL): each try is claimed with a conditional
 * UPDATE (one sender per try, on any machine), POSTed with libcurl, and marked acknowledged when the mall answers
 * 200 "success"; otherwise retried later (5 s, 10 s, 20 s … at most an hour apart). */
NEOERR *sandbox_deliver(MYSQL *db, const char *trade_no, long long *sent, long long *failed);

/* For the EXPLAIN test: the due notifications, all and one trade's. */
extern const char *const SANDBOX_SQL[];

#endif
