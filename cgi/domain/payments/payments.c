/* payments.c: the cash part of an order (C5) — start, confirm (notification or query), refund, jobs, page view.
 * Lock order as in orders.c: the order row first, then its payments. Every state move is a conditional UPDATE
 * (created → paid | failed; paid → refund_pending → refunded); orders.cash_payment_id is set once, so a second
 * successful payment of one order is refunded, and nothing is ever charged twice. */
#include "payments/payments.h"
#include "payments/sandbox.h"
#include "config.h"
#include "crypto.h"
#include "log.h"
#include "points/reports.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_ORDER_FOR_CASH[] =
    "SELECT o.id, o.status, o.cash_total_fen, o.cash_payment_id IS NOT NULL, "
    "COALESCE((SELECT name FROM order_items WHERE order_id = o.id ORDER BY id LIMIT 1), ''), "
    "(SELECT points_balance FROM members WHERE id = o.member_id) >= o.points_total "
    "FROM orders o WHERE o.order_no = ? AND o.member_id = ?";
static const char SQL_OPEN_PAYMENT[] =
    "SELECT id, trade_no, provider = ? AND amount_fen = ? FROM payments WHERE open_order_id = ?";
/* IGNORE: the order has an open payment already (one_open) — a double submit; the caller reads that one. */
static const char SQL_PAYMENT_INSERT[] =
    "INSERT IGNORE INTO payments (order_id, member_id, provider, trade_no, amount_fen) VALUES (?, ?, ?, ?, ?)";
static const char SQL_PAYMENT_SUPERSEDED[] = "UPDATE payments SET state = 'failed', failed_at = NOW(), note = ? "
                                             "WHERE id = ? AND state = 'created'";
static const char SQL_PAYMENT_BY_TRADE[] =
    "SELECT id, order_id, amount_fen FROM payments WHERE trade_no = ? AND provider = ?";
static const char SQL_ORDER_LOCK[] = "SELECT status FROM orders WHERE id = ? FOR UPDATE";
static const char SQL_PAYMENT_FAILED[] =
    "UPDATE payments SET state = 'failed', failed_at = NOW(), note = ? WHERE id = ? AND state = 'created'";
static const char SQL_PAYMENT_PAID[] = "UPDATE payments SET state = 'paid', paid_at = NOW(), provider_trade_no = ? "
                                       "WHERE id = ? AND state IN ('created', 'failed')";
static const char SQL_ORDER_CASH_PAID[] = "UPDATE orders SET cash_payment_id = ? WHERE id = ? AND status = 'pending' "
                                          "AND cash_payment_id IS NULL AND cash_total_fen = ?";
static const char SQL_PAYMENT_TO_REFUND[] = "UPDATE payments SET state = 'refund_pending', refund_requested_at = NOW(), "
                                            "note = ? WHERE id = ? AND state = 'paid'";
static const char SQL_ORDER_PAID_CASH[] =
    "SELECT COALESCE(SUM(amount_fen), 0) FROM payments WHERE order_id = ? AND state = 'paid'";
static const char SQL_ORDER_TO_REFUND[] = "UPDATE payments SET state = 'refund_pending', refund_requested_at = NOW(), "
                                          "note = ? WHERE order_id = ? AND state = 'paid'";
static const char SQL_OPEN_OF_ORDER[] =
    "SELECT provider, trade_no FROM payments WHERE order_id = ? AND state = 'created' ORDER BY id LIMIT 10";
static const char SQL_OPEN_STALE[] =
    "SELECT provider, trade_no FROM payments WHERE state = 'created' AND created_at < NOW() - INTERVAL 1 MINUTE "
    "AND created_at > NOW() - INTERVAL 2 DAY ORDER BY id LIMIT 100";
static const char SQL_REFUND_DUE_ORDER[] = "SELECT id, provider, trade_no, amount_fen FROM payments "
                                           "WHERE order_id = ? AND state = 'refund_pending' ORDER BY id LIMIT 10";
static const char SQL_REFUND_DUE_ALL[] = "SELECT id, provider, trade_no, amount_fen FROM payments "
                                         "WHERE state = 'refund_pending' ORDER BY id LIMIT 100";
static const char SQL_REFUNDED[] =
    "UPDATE payments SET state = 'refunded', refunded_at = NOW() WHERE id = ? AND state = 'refund_pending'";
static const char SQL_REFUND_TRIED[] = "UPDATE payments SET refund_tries = refund_tries + 1 WHERE id = ?";
static const char SQL_EVENT_INSERT[] = "INSERT INTO order_events (order_id, kind, note) VALUES (?, ?, ?)";
static const char SQL_VIEW[] =
    "SELECT o.cash_total_fen, "
    "COALESCE(SUM(p.state = 'paid'), 0), COALESCE(SUM(p.state = 'refund_pending'), 0), "
    "COALESCE(SUM(p.state = 'refunded'), 0), "
    "COALESCE((SELECT state = 'failed' FROM payments WHERE order_id = o.id ORDER BY id DESC LIMIT 1), 0), "
    "COALESCE(DATE_FORMAT(MAX(p.paid_at), '%Y-%m-%d %H:%i:%s'), ''), "
    "COALESCE(DATE_FORMAT(MAX(p.paid_at) + INTERVAL " PAY_CASH_GRACE_TEXT " MINUTE, '%H:%i'), '') "
    "FROM orders o LEFT JOIN payments p ON p.order_id = o.id WHERE o.id = ? GROUP BY o.id";

/* ---- start ---- */

NEOERR *payment_start(MYSQL *db, long long member_id, const char *order_no, const char *base, pay_start_result *res,
                      char *cashier_url, size_t len) {
  long long order_id = 0, cash = 0;
  int paid = 0, found = 0, enough = 0;
  char status[16] = "", subject[DB_VARCHAR(120)] = "";
  cashier_url[0] = 0;
  *res = PAY_START_NOT_FOUND;
  NEOERR *err = db_row(db, SQL_ORDER_FOR_CASH, DBA(DS(order_no), DI(member_id)),
                       DCOLS(DCOL_LL(&order_id), DCOL_STR(status), DCOL_LL(&cash), DCOL_INT(&paid), DCOL_STR(subject),
                             DCOL_INT(&enough)),
                       &found);
  if (err || !found) return nerr_pass(err);
  if (strcmp(status, "pending")) *res = PAY_START_NOT_PENDING;
  else if (cash <= 0) *res = PAY_START_NO_CASH;
  else if (paid) *res = PAY_START_CASH_PAID;
  else if (!enough) *res = PAY_START_NOT_ENOUGH; /* cash taken now could only go back: the points would fail */
  else *res = PAY_START_OK;
  const pay_provider *p = pay_provider_current();
  if (*res == PAY_START_OK && !p) *res = PAY_START_UNAVAILABLE;
  if (*res != PAY_START_OK) return STATUS_OK;

  /* The order's one open payment (one_open), or a new one; a double submit inserts nothing and reads the other's. */
  char trade_no[PAY_TRADE_NO_LEN + 1] = "";
  for (int attempt = 0; attempt < 3 && !trade_no[0]; attempt++) {
    long long open_id = 0, inserted = 0;
    int open = 0, same = 0;
    err = db_row(db, SQL_OPEN_PAYMENT, DBA(DS(p->name), DI(cash), DI(order_id)),
                 DCOLS(DCOL_LL(&open_id), DCOL_STR(trade_no), DCOL_INT(&same)), &open);
    if (err) return nerr_pass(err);
    if (open && same) break;
    trade_no[0] = 0;
    /* Opened at another provider (the configuration changed): closed here; if it is paid there after all, its
     * notification still counts (failed → paid), or is refunded. */
    if (open && (err = db_exec(db, SQL_PAYMENT_SUPERSEDED, DBA(DS("改用其他支付服务商"), DI(open_id)), NULL, NULL)))
      return nerr_pass(err);
    char digits[24], fresh[PAY_TRADE_NO_LEN + 1];
    if (crypto_digits(digits, PAY_TRADE_NO_LEN - 1) != 0) return nerr_raise(NERR_SYSTEM, "no randomness for a trade");
    snprintf(fresh, sizeof fresh, "C%s", digits);
    err = db_exec(db, SQL_PAYMENT_INSERT, DBA(DI(order_id), DI(member_id), DS(p->name), DS(fresh), DI(cash)),
                  &inserted, NULL);
    if (err) return nerr_pass(err);
    if (inserted == 1) snprintf(trade_no, sizeof trade_no, "%s", fresh);
  }
  if (!trade_no[0]) return nerr_raise(NERR_ASSERT, "payment_start: no open payment for order %lld", order_id);
  char notify[PAY_URL_MAX + 1], ret[PAY_URL_MAX + 1];
  snprintf(notify, sizeof notify, "%.200s/pay/notify/%s", base, p->name);
  snprintf(ret, sizeof ret, "%.200s/order/%s/pay", base, order_no);
  err = p->create(db, trade_no, cash, subject, notify, ret, cashier_url, len);
  /* The provider unreachable or refusing: the member is told (503), not shown a 500. */
  if (err && !nerr_match(err, NERR_SQL) && !nerr_match(err, NERR_SQL_RETRY)) {
    log_neoerr("payment_start: the provider did not open the trade", &err);
    *res = PAY_START_UNAVAILABLE;
    cashier_url[0] = 0;
  }
  return nerr_pass(err);
}

/* ---- confirm ---- */

struct confirm_arg {
  const char *provider, *trade_no, *provider_no, *status;
  long long amount_fen, order_id, payment_id;
  pay_confirm_result res;
};

static NEOERR *tx_confirm(MYSQL *db, void *arg) {
  struct confirm_arg *a = arg;
  long long amount = 0, n = 0;
  int found = 0;
  a->res = PAY_CONFIRM_UNKNOWN;
  a->order_id = a->payment_id = 0;
  NEOERR *err = db_row(db, SQL_PAYMENT_BY_TRADE, DBA(DS(a->trade_no), DS(a->provider)),
                       DCOLS(DCOL_LL(&a->payment_id), DCOL_LL(&a->order_id), DCOL_LL(&amount)), &found);
  if (err || !found) return nerr_pass(err);
  if (amount != a->amount_fen) {
    a->res = PAY_CONFIRM_MISMATCH;
    return STATUS_OK;
  }
  char ostatus[16] = "";
  /* The order row first (the lock order of orders.c): duplicates arriving at once queue here. */
  if ((err = db_query_str(db, SQL_ORDER_LOCK, DBA(DI(a->order_id)), ostatus, sizeof ostatus, NULL)))
    return nerr_pass(err);
  if (strcmp(a->status, "paid") != 0) {
    err = db_exec(db, SQL_PAYMENT_FAILED, DBA(DS("收银台支付未成功"), DI(a->payment_id)), &n, NULL);
    a->res = n == 1 ? PAY_CONFIRM_OK : PAY_CONFIRM_DUPLICATE;
    return nerr_pass(err);
  }
  if ((err = db_exec(db, SQL_PAYMENT_PAID, DBA(DS(a->provider_no), DI(a->payment_id)), &n, NULL))) return nerr_pass(err);
  if (n != 1) {
    a->res = PAY_CONFIRM_DUPLICATE;
    return STATUS_OK;
  }
  if ((err = db_exec(db, SQL_ORDER_CASH_PAID, DBA(DI(a->payment_id), DI(a->order_id), DI(amount)), &n, NULL)))
    return nerr_pass(err);
  char yuan[24], text[160];
  pay_yuan(amount, yuan, sizeof yuan);
  if (n == 1) {
    a->res = PAY_CONFIRM_OK;
    snprintf(text, sizeof text, "现金部分 ¥%s 已支付（%s）", yuan, a->trade_no);
    return nerr_pass(db_exec(db, SQL_EVENT_INSERT, DBA(DI(a->order_id), DS("cash_paid"), DS(text)), NULL, NULL));
  }
  /* Cancelled meanwhile, or its cash paid by another payment: this money goes back. */
  a->res = PAY_CONFIRM_REFUND;
  err = db_exec(db, SQL_PAYMENT_TO_REFUND, DBA(DS("订单已不再等待这笔现金，原路退回"), DI(a->payment_id)), NULL, NULL);
  snprintf(text, sizeof text, "重复或迟到的现金支付 ¥%s 将原路退回（%s）", yuan, a->trade_no);
  if (!err) err = db_exec(db, SQL_EVENT_INSERT, DBA(DI(a->order_id), DS("cash_refund"), DS(text)), NULL, NULL);
  return nerr_pass(err);
}

NEOERR *payment_confirm(MYSQL *db, const char *provider, const char *trade_no, const char *provider_no,
                        long long amount_fen, const char *status, pay_confirm_result *res) {
  struct confirm_arg a = {provider, trade_no, provider_no ? provider_no : "", status, amount_fen, 0, 0,
                          PAY_CONFIRM_UNKNOWN};
  NEOERR *err = db_tx(db, tx_confirm, &a);
  *res = a.res;
  if (!err && a.res == PAY_CONFIRM_MISMATCH)
    log_error("payment %s/%s: notified amount %lld differs from the payment's: refused", provider, trade_no, amount_fen);
  if (!err && a.res == PAY_CONFIRM_REFUND) err = payments_refund_order(db, a.order_id);
  return nerr_pass(err);
}

/* ---- query ---- */

typedef struct {
  char provider[17], trade_no[PAY_TRADE_NO_LEN + 1];
} open_row;

static NEOERR *sync_rows(MYSQL *db, const open_row *rows, int n, long long *synced) {
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i < n; i++) {
    const pay_provider *p = pay_provider_named(rows[i].provider);
    pay_query_result q;
    if (!p) continue;
    if ((err = p->query(db, rows[i].trade_no, &q))) break;
    if (q.state != PAYQ_PAID && q.state != PAYQ_FAILED) continue;
    pay_confirm_result res;
    err = payment_confirm(db, rows[i].provider, rows[i].trade_no, q.provider_no, q.amount_fen,
                          q.state == PAYQ_PAID ? "paid" : "failed", &res);
    if (!err && synced && res != PAY_CONFIRM_DUPLICATE) (*synced)++;
  }
  return nerr_pass(err);
}

NEOERR *payment_sync_order(MYSQL *db, long long order_id) {
  open_row rows[10];
  int n = 0;
  NEOERR *err = db_rows(db, SQL_OPEN_OF_ORDER, DBA(DI(order_id)),
                        DCOLS(DCOL_STR(rows[0].provider), DCOL_STR(rows[0].trade_no)), sizeof rows[0], 10, &n);
  if (!err) err = sync_rows(db, rows, n, NULL);
  return nerr_pass(err);
}

/* ---- refund ---- */

NEOERR *payments_cancel_tx(MYSQL *db, long long order_id, long long *refund_fen) {
  *refund_fen = 0;
  NEOERR *err = db_query_ll(db, SQL_ORDER_PAID_CASH, DBA(DI(order_id)), refund_fen, NULL);
  if (!err && *refund_fen > 0)
    err = db_exec(db, SQL_ORDER_TO_REFUND, DBA(DS("订单取消，现金原路退回"), DI(order_id)), NULL, NULL);
  return nerr_pass(err);
}

typedef struct {
  long long id;
  char provider[17], trade_no[PAY_TRADE_NO_LEN + 1];
  long long amount_fen;
} refund_row;

static NEOERR *refund_rows(MYSQL *db, const refund_row *rows, int n, long long *done, long long *failed) {
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i < n; i++) {
    const pay_provider *p = pay_provider_named(rows[i].provider);
    int ok = 0;
    long long moved = 0;
    if (p && (err = p->refund(db, rows[i].trade_no, rows[i].amount_fen, &ok))) break;
    if (ok) err = db_exec(db, SQL_REFUNDED, DBA(DI(rows[i].id)), &moved, NULL);
    else err = db_exec(db, SQL_REFUND_TRIED, DBA(DI(rows[i].id)), NULL, NULL);
    if (!err && ok && moved == 1 && done) (*done)++;
    if (!err && !ok && failed) (*failed)++;
  }
  return nerr_pass(err);
}

NEOERR *payments_refund_order(MYSQL *db, long long order_id) {
  refund_row rows[10];
  int n = 0;
  NEOERR *err = db_rows(db, SQL_REFUND_DUE_ORDER, DBA(DI(order_id)),
                        DCOLS(DCOL_LL(&rows[0].id), DCOL_STR(rows[0].provider), DCOL_STR(rows[0].trade_no),
                              DCOL_LL(&rows[0].amount_fen)),
                        sizeof rows[0], 10, &n);
  if (!err) err = refund_rows(db, rows, n, NULL, NULL);
  return nerr_pass(err);
}

/* ---- jobs ---- */

NEOERR *payments_jobs(MYSQL *db, payments_job_stats *st) {
  memset(st, 0, sizeof *st);
  NEOERR *err = STATUS_OK;
  if (g_cfg.pay_sandbox) err = sandbox_deliver(db, NULL, &st->notified, &st->notify_failed);
  open_row *open = calloc(100, sizeof *open);
  refund_row *due = calloc(100, sizeof *due);
  int n = 0;
  if (!open || !due) err = err ? err : nerr_raise(NERR_NOMEM, "payments jobs");
  if (!err)
    err = db_rows(db, SQL_OPEN_STALE, DB_NOARGS, DCOLS(DCOL_STR(open[0].provider), DCOL_STR(open[0].trade_no)),
                  sizeof open[0], 100, &n);
  if (!err) err = sync_rows(db, open, n, &st->synced);
  if (!err)
    err = db_rows(db, SQL_REFUND_DUE_ALL, DB_NOARGS,
                  DCOLS(DCOL_LL(&due[0].id), DCOL_STR(due[0].provider), DCOL_STR(due[0].trade_no),
                        DCOL_LL(&due[0].amount_fen)),
                  sizeof due[0], 100, &n);
  if (!err) err = refund_rows(db, due, n, &st->refunded, &st->refund_failed);
  free(open);
  free(due);
  return nerr_pass(err);
}

/* ---- view ---- */

NEOERR *payments_order_view(MYSQL *db, long long order_id, HDF *hdf, const char *prefix, int *due) {
  long long total = 0, paid = 0, refunding = 0, refunded = 0, failed = 0;
  char paid_at[32] = "", points_before[16] = "";
  int found = 0;
  *due = 0;
  NEOERR *err = db_row(db, SQL_VIEW, DBA(DI(order_id)),
                       DCOLS(DCOL_LL(&total), DCOL_LL(&paid), DCOL_LL(&refunding), DCOL_LL(&refunded), DCOL_LL(&failed),
                             DCOL_STR(paid_at), DCOL_STR(points_before)),
                       &found);
  if (err || !found) return nerr_pass(err);
  /* Paid first: a duplicate payment on its way back does not make the order's own cash "refunding". */
  const char *state = total <= 0      ? "none"
                      : paid > 0      ? "paid"
                      : refunding > 0 ? "refund_pending"
                      : refunded > 0  ? "refunded"
                                      : "due";
  *due = strcmp(state, "due") == 0;
  char yuan[24];
  pay_yuan(total, yuan, sizeof yuan);
  err = hdf_set_valuef(hdf, "%s.total_fen=%lld", prefix, total);
  if (!err) err = hdf_set_valuef(hdf, "%s.yuan=%s", prefix, yuan);
  if (!err) err = hdf_set_valuef(hdf, "%s.state=%s", prefix, state);
  if (!err && failed && *due) err = hdf_set_valuef(hdf, "%s.failed=1", prefix);
  if (!err && *paid_at) err = hdf_set_valuef(hdf, "%s.paid_at=%s", prefix, paid_at);
  /* The points are due PAY_CASH_GRACE_MINUTES after the cash (orders_housekeeping then cancels and refunds). */
  if (!err && *points_before && strcmp(state, "paid") == 0)
    err = hdf_set_valuef(hdf, "%s.points_before=%s", prefix, points_before);
  return nerr_pass(err);
}

/* ---- reports ---- */

/* Half-open datetime ranges keep the by_paid and by_refunded indexes usable. */
static const char SQL_CASH_RECEIVED[] =
    "SELECT COALESCE(SUM(amount_fen), 0), COUNT(*) FROM payments WHERE paid_at >= ? AND paid_at < ?";
static const char SQL_CASH_REFUNDED[] =
    "SELECT COALESCE(SUM(amount_fen), 0), COUNT(*) FROM payments WHERE refunded_at >= ? AND refunded_at < ?";

NEOERR *payments_cash_report(MYSQL *db, const char *from, const char *to, payments_cash_sums *out) {
  memset(out, 0, sizeof *out);
  long d1 = report_day_number(to);
  if (report_day_number(from) < 0 || d1 < 0) return nerr_raise(NERR_ASSERT, "payments_cash_report: bad range");
  char end[11];
  report_day_string(d1 + 1, end);
  NEOERR *err = db_row(db, SQL_CASH_RECEIVED, DBA(DS(from), DS(end)),
                       DCOLS(DCOL_LL(&out->received_fen), DCOL_LL(&out->received)), NULL);
  if (!err)
    err = db_row(db, SQL_CASH_REFUNDED, DBA(DS(from), DS(end)),
                 DCOLS(DCOL_LL(&out->refunded_fen), DCOL_LL(&out->refunded)), NULL);
  return nerr_pass(err);
}

#define IN_MONTH(col)                                                                                                  \
  col " >= CAST(CONCAT(?, '-01') AS DATETIME) AND " col " < CAST(CONCAT(?, '-01') AS DATETIME) + INTERVAL 1 MONTH"
static const char SQL_MONTH_RECEIVED[] =
    "SELECT COALESCE(SUM(amount_fen), 0), COUNT(*) FROM payments WHERE " IN_MONTH("paid_at");
static const char SQL_MONTH_REFUNDED[] =
    "SELECT COALESCE(SUM(amount_fen), 0), COUNT(*) FROM payments WHERE " IN_MONTH("refunded_at");

NEOERR *payments_cash_month(MYSQL *db, const char *month, payments_cash_sums *out) {
  memset(out, 0, sizeof *out);
  NEOERR *err = db_row(db, SQL_MONTH_RECEIVED, DBA(DS(month), DS(month)),
                       DCOLS(DCOL_LL(&out->received_fen), DCOL_LL(&out->received)), NULL);
  if (!err)
    err = db_row(db, SQL_MONTH_REFUNDED, DBA(DS(month), DS(month)),
                 DCOLS(DCOL_LL(&out->refunded_fen), DCOL_LL(&out->refunded)), NULL);
  return nerr_pass(err);
}

static const char SQL_OF_ORDER[] =
    "SELECT trade_no, provider, provider_trade_no, amount_fen, "
    "CONCAT(amount_fen DIV 100, '.', LPAD(amount_fen MOD 100, 2, '0')) AS yuan, state, note, "
    "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at, DATE_FORMAT(paid_at, '%Y-%m-%d %H:%i:%s') AS paid_at, "
    "DATE_FORMAT(refunded_at, '%Y-%m-%d %H:%i:%s') AS refunded_at, refund_tries "
    "FROM payments WHERE order_id = ? ORDER BY id LIMIT 20";

NEOERR *payments_of_order(MYSQL *db, long long order_id, HDF *hdf, const char *prefix) {
  return nerr_pass(db_query_hdf(db, hdf, prefix, SQL_OF_ORDER, DBA(DI(order_id)), NULL));
}

const char *const PAYMENTS_SQL[] = {SQL_OPEN_STALE,     SQL_REFUND_DUE_ALL,   SQL_CASH_RECEIVED,
                                    SQL_CASH_REFUNDED,  SQL_OPEN_OF_ORDER,    SQL_REFUND_DUE_ORDER,
                                    SQL_VIEW,           SQL_MONTH_RECEIVED,   SQL_MONTH_REFUNDED,
                                    NULL};
