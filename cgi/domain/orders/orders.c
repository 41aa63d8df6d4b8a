/* orders.c: order lifecycle — create, pay (one transaction), cancel with refund, ship, events, complete, jobs */
#include "orders/orders.h"
#include "crypto.h"
#include "members/inbox.h"
#include "points/points.h"
#include "shared/sms.h"
#include "merchants/vouchers.h"
#include "campaigns/guards.h"
#include "campaigns/monitor.h"
#include "coupons/coupons.h"
#include "payments/payments.h"
#include "log.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lock order in every transaction here: order row → member row → lots (points.c) → product rows
 * (ascending id). Products come last because a flash sale makes one product row the hottest lock in the
 * database: taken last, it is held only for its UPDATE and the COMMIT. Balances and stock are only ever
 * changed with conditional UPDATEs, never from a SELECT. */

static const char SQL_MEMBER_STATUS[] = "SELECT status FROM members WHERE id = ? FOR UPDATE";
static const char SQL_PRODUCT_GET[] =
    "SELECT id, type, name_zh AS name, image, points_price, cash_price_fen, stock, per_member_limit, on_shelf "
    "FROM products WHERE id = ?";
/* Quantity of a product in this member's orders that still count against the per-member limit. */
static const char SQL_MEMBER_BOUGHT[] =
    "SELECT COALESCE(SUM(i.quantity), 0) FROM orders o JOIN order_items i ON i.order_id = o.id "
    "WHERE o.member_id = ? AND i.product_id = ? AND o.status <> 'cancelled'";
/* The product's limit and what this member's other paid orders already hold of it (plain read). */
static const char SQL_LIMIT_USED[] =
    "SELECT p.per_member_limit AS lim, IF(p.per_member_limit > 0, (SELECT COALESCE(SUM(i.quantity), 0) "
    "FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.member_id = ? AND i.product_id = p.id "
    "AND o.id <> ? AND o.status IN ('paid', 'shipped', 'completed')), 0) AS used FROM products p WHERE p.id = ?";
static const char SQL_ADDRESS_GET[] =
    "SELECT recipient, mobile, CONCAT_WS(' ', province, city, district) AS region, detail FROM addresses "
    "WHERE id = ? AND member_id = ?";
static const char SQL_MALL_DAY[] = "SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')";
/* IGNORE: a duplicate order number (1 in 10^8 per day) inserts nothing and the caller draws again. */
static const char SQL_ORDER_INSERT[] =
    "INSERT IGNORE INTO orders (order_no, member_id, points_total, cash_total_fen, needs_shipping, recipient, mobile, "
    "region, address_detail, remark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_ITEM_INSERT[] =
    "INSERT INTO order_items (order_id, product_id, product_type, name, image, points_price, cash_price_fen, quantity) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
/* Pipelined (db_exec_pipelined): an order's event rides with the transaction's next statement. */
static const char SQL_EVENT_INSERT[] =
    "INSERT INTO order_events (order_id, kind, note) SELECT ?, ?, ? FROM DUAL WHERE " DB_IN_TX;
static const char SQL_CART_REMOVE[] = "DELETE FROM cart_items WHERE member_id = ? AND product_id = ?";

#define ORDER_COLUMNS "SELECT id, order_no, member_id, status, points_total, needs_shipping FROM orders "
static const char SQL_ORDER_LOCK_MEMBER[] = ORDER_COLUMNS "WHERE order_no = ? AND member_id = ? FOR UPDATE";
static const char SQL_ORDER_LOCK_ANY[] = ORDER_COLUMNS "WHERE order_no = ? FOR UPDATE";
/* Locking read: the items never change, but a locking read keeps the transaction's read view unopened
 * until the per-member count below (see order_pay). */
static const char SQL_ORDER_LINES[] =
    "SELECT product_id, SUM(quantity) AS quantity FROM order_items WHERE order_id = ? GROUP BY product_id "
    "ORDER BY product_id LOCK IN SHARE MODE";
/* DB_IN_TX: it goes out behind the payment's pipelined writes (the event, the spend's lots) before their answers. */
static const char SQL_STOCK_TAKE[] = "UPDATE products SET stock = stock - ?, sales = sales + ? WHERE id = ? AND "
                                     "stock >= ? AND on_shelf = 1 AND " DB_IN_TX;
/* The same for the order's last product, raising the transaction's one cache generation row (the member's balance
 * slot) in the statement: db_tx would raise it in one of its own just before COMMIT. A missing row raises nothing,
 * as there. Affected rows: 1 or 2 when the stock was taken. */
static const char SQL_STOCK_TAKE_RAISE[] =
    "UPDATE products p LEFT JOIN cache_generations g ON g.id = ? SET p.stock = p.stock - ?, p.sales = p.sales + ?, "
    "g.gen = " DB_GEN_RAISED("g.gen") " WHERE p.id = ? AND p.stock >= ? AND p.on_shelf = 1 AND " DB_IN_TX;
static const char SQL_STOCK_PUT_BACK[] =
    "UPDATE products SET stock = stock + ?, sales = GREATEST(sales - ?, 0) WHERE id = ?";
static const char SQL_PRODUCT_LOCKED[] = "SELECT on_shelf, per_member_limit FROM products WHERE id = ? FOR UPDATE";
static const char SQL_ORDER_CANCELLED[] =
    "UPDATE orders SET status = 'cancelled', cancelled_at = NOW(), cancel_reason = ?, stock_taken = 0, refunded = ? "
    "WHERE id = ?";
static const char SQL_ORDER_SHIPPED[] =
    "UPDATE orders SET status = 'shipped', shipped_at = NOW(), carrier = ?, tracking_no = ? WHERE id = ?";
static const char SQL_ORDER_COMPLETED[] = "UPDATE orders SET status = 'completed', completed_at = NOW() WHERE id = ?";
static const char SQL_SPEND_OF_ORDER[] = "SELECT id FROM points_ledger WHERE once_key = ?";
/* A pending order whose cash part is paid (C5) gets PAY_CASH_GRACE_MINUTES from that payment to confirm its points;
 * then it is cancelled like any other, and cancelling refunds the cash. */
static const char SQL_DUE_UNPAID[] =
    "SELECT order_no FROM orders o WHERE status = 'pending' AND created_at < NOW() - INTERVAL ? MINUTE "
    "AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.id = o.cash_payment_id AND p.state = 'paid' "
    "AND p.paid_at > NOW() - INTERVAL ? MINUTE) ORDER BY id";
static const char SQL_DUE_SHIPPED[] =
    "SELECT order_no FROM orders WHERE status = 'shipped' AND shipped_at < NOW() - INTERVAL ? DAY ORDER BY id";

const char *order_result_name(order_result r) {
  static const char *names[] = {
      "Order.Result.Ok",          "Order.Result.NotFound",    "Order.Result.Empty",       "Order.Result.OffShelf",
      "Order.Result.SoldOut",     "Order.Result.Limit",       "Order.Result.NeedAddress", "Order.Result.Insufficient",
      "Order.Result.Frozen",      "Order.Result.AlreadyPaid", "Order.Result.Cancelled",   "Order.Result.BadState",
      "Order.Result.VoucherUsed", "Order.Result.Cash",        "Order.Result.Paused",      "Order.Result.Tripped",
      "Order.Result.DayCap",      "Order.Result.Coupon",
  };
  return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "Order.Result.BadState";
}

void order_pay_ref(const char *order_no, long long points_total, char *buf, size_t len) {
  snprintf(buf, len, "%s:%lld", order_no, points_total);
}

/* Copies at most max characters (UTF-8 code points) of in: the columns count characters, and strict mode
 * would turn an overlong text from a form into an error instead of a shorter note. */
static void clip(const char *in, size_t max, char *out, size_t len) {
  size_t i = 0, chars = 0;
  if (!in) in = "";
  while (in[i] && chars < max) {
    unsigned char c = (unsigned char)in[i];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1, k = 1;
    while (k < n && in[i + k]) k++;
    if (k < n || i + n >= len) break;
    i += n;
    chars++;
  }
  memcpy(out, in, i);
  out[i] = 0;
}

/* A business refusal: out->result says why, and the error makes db_tx roll back everything. */
static NEOERR *refuse(order_outcome *out, order_result r, long long product_id) {
  out->result = r;
  out->product_id = product_id;
  NEOERR *err = points_init_errors();
  if (err) return nerr_pass(err);
  return nerr_raise(NERR_POINTS_REFUSED, "%s", order_result_name(r));
}

/* Turns a refusal back into a plain result after db_tx rolled it back. */
static NEOERR *settle(NEOERR *err, order_outcome *out) {
  if (err && nerr_match(err, NERR_POINTS_REFUSED)) {
    nerr_ignore(&err);
    if (out->result == ORDER_OK) out->result = ORDER_BAD_STATE;
    return STATUS_OK;
  }
  return nerr_pass(err);
}

static NEOERR *event_add(MYSQL *db, long long order_id, const char *kind, const char *note) {
  return nerr_pass(db_exec_pipelined(db, SQL_EVENT_INSERT, DBA(DI(order_id), DS(kind), DS(note ? note : "")), 1));
}

static NEOERR *notify(MYSQL *db, long long member_id, const char *what, long long order_id, const char *order_no,
                      const char *title, const char *body) {
  char link[64], key[64];
  snprintf(link, sizeof link, "/order/%s", order_no);
  snprintf(key, sizeof key, "order-%s:%lld", what, order_id);
  return nerr_pass(inbox_add(db, member_id, "order", title, body, link, key, NULL));
}

/* ---- create ---- */

/* What an order line checks and copies from its product (SQL_PRODUCT_GET, in its column order). */
typedef struct {
  long long id, points_price, cash_price_fen, stock, limit;
  int on_shelf;
  char type[16], name[DB_VARCHAR(120)], image[DB_VARCHAR(255)];
} product_row;

/* The address an order of physical goods ships to (SQL_ADDRESS_GET). */
typedef struct {
  char recipient[DB_VARCHAR(32)], mobile[DB_VARCHAR(11)], region[DB_VARCHAR(3 * 32 + 2)], detail[DB_VARCHAR(200)];
} address_row;

struct create_arg {
  long long member_id, address_id, coupon_id;
  order_line *lines;
  int nlines, from_cart;
  const char *remark;
  order_outcome *out;
};

static NEOERR *tx_create(MYSQL *db, void *arg) {
  struct create_arg *a = arg;
  order_outcome *out = a->out;
  out->result = ORDER_OK;
  char status[16];
  int found = 0;
  /* The member row serializes this member's orders, so two tabs cannot both pass the limit check. */
  NEOERR *err = db_query_str(db, SQL_MEMBER_STATUS, DBA(DI(a->member_id)), status, sizeof status, &found);
  if (err) return nerr_pass(err);
  if (!found) return refuse(out, ORDER_NOT_FOUND, 0);
  if (strcmp(status, "active")) return refuse(out, ORDER_FROZEN, 0);

  product_row *prod = calloc((size_t)a->nlines, sizeof *prod);
  if (!prod) return nerr_raise(NERR_NOMEM, "order products");
  long long points = 0, cash = 0;
  int physical = 0;
  for (int i = 0; !err && i < a->nlines; i++) {
    const order_line *l = &a->lines[i];
    product_row *p = &prod[i];
    long long bought = 0;
    err = db_row(db, SQL_PRODUCT_GET, DBA(DI(l->product_id)),
                 DCOLS(DCOL_LL(&p->id), DCOL_STR(p->type), DCOL_STR(p->name), DCOL_STR(p->image),
                       DCOL_LL(&p->points_price), DCOL_LL(&p->cash_price_fen), DCOL_LL(&p->stock), DCOL_LL(&p->limit),
                       DCOL_INT(&p->on_shelf)),
                 &found);
    if (err) break;
    if (!found || p->on_shelf != 1) {
      err = refuse(out, ORDER_OFF_SHELF, l->product_id);
      break;
    }
    if (p->stock < l->quantity) {
      err = refuse(out, ORDER_SOLD_OUT, l->product_id);
      break;
    }
    if (p->limit > 0) {
      err = db_query_ll(db, SQL_MEMBER_BOUGHT, DBA(DI(a->member_id), DI(l->product_id)), &bought, NULL);
      if (!err && bought + l->quantity > p->limit) err = refuse(out, ORDER_LIMIT, l->product_id);
      if (err) break;
    }
    points += p->points_price * l->quantity;
    cash += p->cash_price_fen * l->quantity;
    if (strcmp(p->type, "physical") == 0) physical = 1;
  }
  address_row addr = {"", "", "", ""};
  if (!err && physical) {
    err = db_row(db, SQL_ADDRESS_GET, DBA(DI(a->address_id), DI(a->member_id)),
                 DCOLS(DCOL_STR(addr.recipient), DCOL_STR(addr.mobile), DCOL_STR(addr.region), DCOL_STR(addr.detail)),
                 &found);
    if (!err && !found) err = refuse(out, ORDER_NEED_ADDRESS, 0);
  }
  /* The coupon (F6): the stored totals are what payment charges, after its discount. */
  long long off_points = 0, off_cash = 0;
  if (!err && a->coupon_id) {
    int usable = 0;
    err = coupon_lock_for_order(db, a->member_id, a->coupon_id, points, cash, &off_points, &off_cash, &usable);
    if (!err && !usable) err = refuse(out, ORDER_COUPON, 0);
    points -= off_points;
    cash -= off_cash;
  }

  char day[16] = "";
  if (!err) err = db_query_str(db, SQL_MALL_DAY, DB_NOARGS, day, sizeof day, NULL);
  long long order_id = 0;
  for (int attempt = 0; !err && !order_id; attempt++) {
    char digits[9];
    if (attempt == 5 || crypto_digits(digits, 8) != 0) {
      err = nerr_raise(NERR_ASSERT, "no order number");
      break;
    }
    snprintf(out->order_no, sizeof out->order_no, "P%.8s%s", day, digits);
    long long n = 0;
    err = db_exec(db, SQL_ORDER_INSERT,
                  DBA(DS(out->order_no), DI(a->member_id), DI(points), DI(cash), DI(physical), DS(addr.recipient),
                      DS(addr.mobile), DS(addr.region), DS(addr.detail), DS(a->remark ? a->remark : "")),
                  &n, &order_id);
    if (n != 1) order_id = 0;
  }
  for (int i = 0; !err && i < a->nlines; i++) {
    const order_line *l = &a->lines[i];
    const product_row *p = &prod[i];
    err = db_exec(db, SQL_ITEM_INSERT,
                  DBA(DI(order_id), DI(l->product_id), DS(p->type), DS(p->name), DS(p->image), DI(p->points_price),
                      DI(p->cash_price_fen), DI(l->quantity)),
                  NULL, NULL);
    if (!err && a->from_cart) {
      err = db_exec(db, SQL_CART_REMOVE, DBA(DI(a->member_id), DI(l->product_id)), NULL, NULL);
      if (!err) db_tx_touch_principal(a->member_id); /* the header's cart count */
    }
  }
  if (!err && a->coupon_id) {
    int taken = 0;
    err = coupon_take(db, a->coupon_id, order_id, off_points, off_cash, &taken);
    if (!err && !taken) err = refuse(out, ORDER_COUPON, 0);
  }
  if (!err) err = event_add(db, order_id, "created", "订单已提交");
  free(prod);
  if (!err) {
    out->order_id = order_id;
    out->points_total = points;
  }
  return nerr_pass(err);
}

static int line_cmp(const void *x, const void *y) {
  const order_line *a = x, *b = y;
  return (a->product_id > b->product_id) - (a->product_id < b->product_id);
}

NEOERR *order_create(MYSQL *db, long long member_id, const order_line *lines, int nlines, long long address_id,
                     const char *remark, int from_cart, order_outcome *out) {
  return nerr_pass(order_create_with_coupon(db, member_id, lines, nlines, address_id, remark, from_cart, 0, out));
}

NEOERR *order_create_with_coupon(MYSQL *db, long long member_id, const order_line *lines, int nlines,
                                 long long address_id, const char *remark, int from_cart, long long coupon_id,
                                 order_outcome *out) {
  memset(out, 0, sizeof *out);
  /* Nothing (or a non-positive quantity) is "empty"; too many lines or too much of one is "limit". */
  if (nlines <= 0 || !lines) {
    out->result = ORDER_EMPTY;
    return STATUS_OK;
  }
  if (nlines > ORDER_MAX_LINES) {
    out->result = ORDER_LIMIT;
    return STATUS_OK;
  }
  order_line *merged = calloc((size_t)nlines, sizeof *merged);
  if (!merged) return nerr_raise(NERR_NOMEM, "order lines");
  memcpy(merged, lines, (size_t)nlines * sizeof *merged);
  qsort(merged, (size_t)nlines, sizeof *merged, line_cmp);
  int n = 0;
  for (int i = 0; i < nlines; i++) {
    if (merged[i].product_id <= 0 || merged[i].quantity <= 0) {
      out->result = merged[i].product_id <= 0 ? ORDER_OFF_SHELF : ORDER_EMPTY;
      out->product_id = merged[i].product_id;
      free(merged);
      return STATUS_OK;
    }
    if (n > 0 && merged[n - 1].product_id == merged[i].product_id) merged[n - 1].quantity += merged[i].quantity;
    else merged[n++] = merged[i];
    if (merged[n - 1].quantity > ORDER_MAX_QUANTITY) {
      out->result = ORDER_LIMIT;
      out->product_id = merged[n - 1].product_id;
      free(merged);
      return STATUS_OK;
    }
  }
  char note[801];
  clip(remark, 200, note, sizeof note);
  struct create_arg a = {member_id, address_id, coupon_id > 0 ? coupon_id : 0, merged, n, from_cart, note, out};
  NEOERR *err = settle(db_tx(db, tx_create, &a), out);
  free(merged);
  if (err || out->result != ORDER_OK) {
    out->order_no[0] = 0;
    out->order_id = out->points_total = 0;
  }
  return nerr_pass(err);
}

/* ---- pay ---- */

/* What a payment needs before its transaction, in one plain read: the order and its lines with each
 * product's per-member limit. Lines and amount never change once the order exists; the status is read
 * again by the transaction's conditional UPDATE. (A limit an operator sets in the instant between this
 * read and the payment is not applied to it.) */
static const char SQL_PAY_PLAN[] =
    "SELECT o.id, o.status, o.points_total, i.product_id, i.quantity, i.product_type = 'voucher' AS voucher, "
    "p.per_member_limit AS lim, (o.cash_total_fen <> 0 OR (i.cash_price_fen <> 0 AND o.discount_cash_fen = 0)) "
    "AND o.cash_payment_id IS NULL AS cash, p.member_day_cap > 0 AS capped, "
    /* whether the line's product is in any activity (running or not): 0 — and no daily cap either — means the
     * payment's guard is the mall switch alone; 1 sends it through guards_pay, which reads the running ones. One probe
     * of by_product: a subquery on the activities themselves was optimised on every execution, run or not (~40 µs of
     * the plan's ~125; the day's first budget row is made inside the payment, guards_budget_check). */
    "EXISTS(SELECT 1 FROM activity_products ap0 WHERE ap0.product_id = i.product_id) AS activity "
    "FROM orders o JOIN order_items i ON i.order_id = o.id "
    "JOIN products p ON p.id = i.product_id WHERE o.order_no = ? AND o.member_id = ?";
/* The order row is locked and marked paid in one statement, first (the lock order above). Never one whose cash
 * part is unpaid (the plan refused it already; this keeps it so whatever reads came before): C5 confirms the cash
 * part first (payments.c sets cash_payment_id once). */
static const char SQL_ORDER_PAY[] =
    "UPDATE orders SET status = 'paid', paid_at = NOW(), stock_taken = 1 WHERE id = ? AND status = 'pending' AND "
    "(cash_total_fen = 0 OR cash_payment_id IS NOT NULL) AND " DB_IN_TX;
/* The same for an order no guard but the mall switch applies to (struct pay_arg's guarded = 0): the switch's share
 * lock taken in this statement saves the guard's round trip. */
static const char SQL_ORDER_PAY_OPEN[] =
    "UPDATE orders o" GUARDS_SWITCH_OPEN_JOIN "SET o.status = 'paid', o.paid_at = NOW(), o.stock_taken = 1 "
    "WHERE o.id = ? AND o.status = 'pending' AND (o.cash_total_fen = 0 OR o.cash_payment_id IS NOT NULL) AND " DB_IN_TX;
static const char SQL_ORDER_STATUS[] = "SELECT status FROM orders WHERE id = ? FOR UPDATE";

/* One product of the order being paid (its lines summed). */
typedef struct {
  long long product_id, quantity, limit;
} pay_line;

/* One row of SQL_PAY_PLAN: the order, and one of its lines. */
typedef struct {
  long long order_id, points_total, product_id, quantity, limit;
  int voucher, cash, capped, activity;
  char status[16];
} plan_row;

struct pay_arg {
  long long member_id;
  const char *order_no;
  pay_line lines[ORDER_MAX_LINES]; /* by ascending product id: the order stock is taken in */
  int nlines, vouchers, guarded;   /* guarded: a line in an activity or with a daily cap */
  const char *ip;                  /* the client's address, for the monitor ("" when none: jobs, tests) */
  order_outcome *out;
};

static int pay_line_cmp(const void *x, const void *y) {
  const pay_line *a = x, *b = y;
  return (a->product_id > b->product_id) - (a->product_id < b->product_id);
}

/* Reads the plan; out gets the order's id, number and amount, or NOT_FOUND / CANCELLED / ALREADY_PAID. */
static NEOERR *pay_plan(MYSQL *db, struct pay_arg *a) {
  order_outcome *out = a->out;
  plan_row r[ORDER_MAX_LINES]; /* order_create makes at most ORDER_MAX_LINES lines */
  int rows = 0;
  NEOERR *err =
      db_rows(db, SQL_PAY_PLAN, DBA(DS(a->order_no), DI(a->member_id)),
              DCOLS(DCOL_LL(&r[0].order_id), DCOL_STR(r[0].status), DCOL_LL(&r[0].points_total),
                    DCOL_LL(&r[0].product_id), DCOL_LL(&r[0].quantity), DCOL_INT(&r[0].voucher), DCOL_LL(&r[0].limit),
                    DCOL_INT(&r[0].cash), DCOL_INT(&r[0].capped), DCOL_INT(&r[0].activity)),
              sizeof r[0], ORDER_MAX_LINES, &rows);
  if (err) return nerr_pass(err);
  if (rows == 0) {
    out->result = ORDER_NOT_FOUND;
    return STATUS_OK;
  }
  int cash = 0;
  for (int i = 0; i < rows; i++) {
    a->lines[i] = (pay_line){r[i].product_id, r[i].quantity, r[i].limit};
    a->vouchers |= r[i].voucher != 0;
    a->guarded |= r[i].activity > 0 || r[i].capped;
    cash |= r[i].cash != 0;
  }
  qsort(a->lines, (size_t)rows, sizeof a->lines[0], pay_line_cmp);
  for (int i = 0; i < rows; i++) { /* one entry per product */
    if (a->nlines && a->lines[a->nlines - 1].product_id == a->lines[i].product_id)
      a->lines[a->nlines - 1].quantity += a->lines[i].quantity;
    else a->lines[a->nlines++] = a->lines[i];
  }
  out->order_id = r[0].order_id;
  out->points_total = r[0].points_total;
  snprintf(out->order_no, sizeof out->order_no, "%s", a->order_no);
  if (strcmp(r[0].status, "cancelled") == 0) out->result = ORDER_CANCELLED;
  else if (strcmp(r[0].status, "pending")) out->result = ORDER_ALREADY_PAID;
  else if (cash) out->result = ORDER_CASH; /* its cash part is not paid (C5: cash first, then the points) */
  return STATUS_OK;
}

/* What a payment writes in words: the spend's once-key and entry note, and the order's paid event. */
struct pay_texts {
  char key[48], note[64], event[64];
};

static void pay_texts_fill(const order_outcome *out, struct pay_texts *t) {
  snprintf(t->key, sizeof t->key, "spend:%lld", out->order_id);
  snprintf(t->note, sizeof t->note, "兑换订单 %s", out->order_no);
  snprintf(t->event, sizeof t->event, "已支付 %lld 积分", out->points_total);
}

static NEOERR *pay_body(MYSQL *db, struct pay_arg *a) {
  order_outcome *out = a->out;
  long long order_id = out->order_id, member_id = a->member_id, n = 0;
  /* Deferred: the member's charge goes out behind it (one round trip); its count is read before anything is decided. */
  NEOERR *err = db_exec_deferred(db, a->guarded ? SQL_ORDER_PAY : SQL_ORDER_PAY_OPEN, DBA(DI(order_id)), &n);
  if (err) return nerr_pass(err);

  /* The member row: points_spend locks it (and refuses frozen members); a free order locks it here. */
  NEOERR *member = STATUS_OK;
  points_result pr = POINTS_OK;
  int frozen = 0;
  struct pay_texts t;
  pay_texts_fill(out, &t);
  if (out->points_total > 0) {
    member = points_spend(db, member_id, "spend", out->points_total, order_id, t.key, t.note, &pr, NULL);
  } else {
    char mstatus[16];
    int found = 0;
    member = db_query_str(db, SQL_MEMBER_STATUS, DBA(DI(member_id)), mstatus, sizeof mstatus, &found);
    frozen = !found || strcmp(mstatus, "active");
  }
  err = db_settle(db);
  /* The order's own answer comes first: whatever the charge met (a refusal, the spend's once-key taken by the payment
   * that won) means nothing for an order no longer pending; a transaction a deadlock doomed refuses the next read. */
  if (err || n != 1) nerr_ignore(&member);
  if (!err) err = member;
  guard_outcome g;
  if (!err && n != 1) { /* paid or cancelled since the plan was read (anything after it rolls back) */
    char status[16];
    int found = 0;
    err = db_query_str(db, SQL_ORDER_STATUS, DBA(DI(order_id)), status, sizeof status, &found);
    if (err) return nerr_pass(err);
    if (found && strcmp(status, "pending") == 0 && !a->guarded) { /* the switch's join may be why */
      if ((err = guards_pay_switch_only(db, &g))) return nerr_pass(err);
      if (g.result != GUARD_OK) return refuse(out, ORDER_PAUSED, 0);
    }
    if (found && strcmp(status, "pending") == 0) return refuse(out, ORDER_CASH, 0); /* still pending: cash unpaid */
    return refuse(out, found && strcmp(status, "cancelled") == 0 ? ORDER_CANCELLED : ORDER_ALREADY_PAID, 0);
  }
  if (err && pr != POINTS_OK) out->result = pr == POINTS_INSUFFICIENT ? ORDER_INSUFFICIENT : ORDER_FROZEN;
  if (err) return nerr_pass(err);
  if (frozen) return refuse(out, ORDER_FROZEN, 0);
  /* Every payment of this member holds the member row until it commits, and every read before this
   * point was a locking one: the read view opens here and sees every payment of this member that got the
   * row before us. A plain read on purpose (a locking one would gap-lock other members' order lines);
   * test_race_limit fails if a plain read moves above the member lock. Only products with a limit. */
  for (int i = 0; !err && i < a->nlines; i++) {
    if (a->lines[i].limit <= 0) continue;
    long long pid = a->lines[i].product_id, limit = 0, used = 0;
    int found = 0;
    err = db_row(db, SQL_LIMIT_USED, DBA(DI(member_id), DI(order_id), DI(pid)), DCOLS(DCOL_LL(&limit), DCOL_LL(&used)),
                 &found);
    if (!err && found && limit > 0 && used + a->lines[i].quantity > limit) err = refuse(out, ORDER_LIMIT, pid);
  }
  if (err) return nerr_pass(err);

  /* Pause switches, daily caps and budgets (F2, F4): after the member lock, before the hot product rows. */
  if (a->guarded) err = guards_pay(db, member_id, order_id, &g);
  else memset(&g, 0, sizeof g); /* the switch is share-locked since the order's UPDATE */
  if (err) return nerr_pass(err);
  if (g.result != GUARD_OK) {
    out->activity_id = g.activity_id;
    order_result why = g.result == GUARD_TRIPPED                             ? ORDER_TRIPPED
        : g.result == GUARD_MALL_PAUSED || g.result == GUARD_ACTIVITY_PAUSED ? ORDER_PAUSED
                                                                             : ORDER_DAY_CAP;
    return refuse(out, why, g.product_id);
  }

  err = event_add(db, order_id, "paid", t.event);
  if (!err && a->vouchers) err = vouchers_issue_order(db, order_id, member_id);
  /* No inbox notice: the member is looking at the "paid" page; the inbox is for what happens later. */

  /* The hot rows last, locked only from here to COMMIT: the activities' day budgets, the stock (ascending product
   * id), the monitor's minute rows (F1) — sent in one run and their counts read together (db_settle), so they are
   * held for two round trips, this one and the COMMIT's. A refusal found there rolls all of it back. */
  if (!err && a->guarded) err = guards_budget_send(db, order_id, &g);
  long long taken[ORDER_MAX_LINES];
  int gen_row = 0; /* the last line raises the transaction's one generation row, if it has one */
  for (int i = 0; !err && i < a->nlines; i++) {
    long long pid = a->lines[i].product_id, q = a->lines[i].quantity;
    if (i == a->nlines - 1) gen_row = db_tx_single_generation();
    if (gen_row)
      err = db_exec_deferred(db, SQL_STOCK_TAKE_RAISE, DBA(DI(gen_row), DI(q), DI(q), DI(pid), DI(q)), &taken[i]);
    else err = db_exec_deferred(db, SQL_STOCK_TAKE, DBA(DI(q), DI(q), DI(pid), DI(q)), &taken[i]);
  }
  if (!err) err = monitor_count(db, &g, order_id, member_id, a->ip);
  if (!err) err = db_settle(db);
  if (!err && a->guarded) err = guards_budget_check(db, &g);
  if (!err && g.result != GUARD_OK) {
    out->activity_id = g.activity_id;
    return refuse(out, ORDER_TRIPPED, 0);
  }
  for (int i = 0; !err && i < a->nlines; i++) {
    long long pid = a->lines[i].product_id;
    int raising = i == a->nlines - 1 && gen_row;
    if (raising && taken[i] >= 1) db_tx_generation_raised(); /* 1 or 2 rows: the stock, and the generation if there */
    if (taken[i] == 1 || (raising && taken[i] >= 1)) continue;
    long long limit = 0;
    int on_shelf = 0, found = 0;
    err = db_row(db, SQL_PRODUCT_LOCKED, DBA(DI(pid)), DCOLS(DCOL_INT(&on_shelf), DCOL_LL(&limit)), &found);
    if (!err) err = refuse(out, found && on_shelf == 1 ? ORDER_SOLD_OUT : ORDER_OFF_SHELF, pid);
  }
  return nerr_pass(err);
}

/* Clears what a previous attempt (db_tx retries) left in the outcome. */
static void pay_reset(struct pay_arg *a) {
  a->out->result = ORDER_OK;
  a->out->product_id = 0;
  a->out->activity_id = 0;
}

/* After a payment refused for an activity's budget rolled back: the activity trips (F2). */
static void trip_after(MYSQL *db, const order_outcome *out) {
  if (out->result != ORDER_TRIPPED || out->activity_id <= 0) return;
  NEOERR *err = guards_trip(db, out->activity_id);
  if (err) log_neoerr("guards_trip", &err);
}

static NEOERR *tx_pay(MYSQL *db, void *arg) {
  struct pay_arg *a = arg;
  pay_reset(a);
  return nerr_pass(pay_body(db, a));
}

/* Copies the number before out is cleared: callers may pass out->order_no itself. */
static int order_no_copy(const char *order_no, char no[ORDER_NO_LEN + 1]) {
  if (!order_no || strlen(order_no) != ORDER_NO_LEN) return 0;
  memcpy(no, order_no, ORDER_NO_LEN + 1);
  return 1;
}

/* After COMMIT: the vouchers' texts. The payment stands even when texting fails (the page shows them). */
static void text_vouchers(MYSQL *db, long long order_id) {
  NEOERR *err = vouchers_text_order(db, order_id);
  if (err) log_neoerr("vouchers_text_order", &err);
}

/* Starts a payment: checks the arguments and reads the plan. 1 when the transaction should run. */
static int pay_start(MYSQL *db, long long member_id, const char *order_no, char no[ORDER_NO_LEN + 1], struct pay_arg *a,
                     order_outcome *out, NEOERR **err) {
  int ok = order_no_copy(order_no, no);
  memset(out, 0, sizeof *out);
  memset(a, 0, sizeof *a);
  *err = STATUS_OK;
  if (member_id <= 0 || !ok) {
    out->result = ORDER_NOT_FOUND;
    return 0;
  }
  a->member_id = member_id;
  a->order_no = no;
  a->out = out;
  if ((*err = pay_plan(db, a))) return 0;
  return out->result == ORDER_OK;
}

NEOERR *order_pay(MYSQL *db, long long member_id, const char *order_no, order_outcome *out) {
  char no[ORDER_NO_LEN + 1];
  struct pay_arg a;
  NEOERR *err;
  if (pay_start(db, member_id, order_no, no, &a, out, &err)) {
    err = settle(db_tx(db, tx_pay, &a), out);
    if (!err && out->result == ORDER_OK && a.vouchers) text_vouchers(db, out->order_id);
    if (!err) trip_after(db, out);
  }
  return nerr_pass(err);
}

struct pay_code_arg {
  struct pay_arg pay;
  const char *mobile, *code, *ref;
  sms_verify_result verify;
  int long_way; /* the code was not the usual case: tx_pay_with_code learns why */
};

/* The usual case in one round trip fewer: the code's check (sms_code_use_deferred) rides with the payment's first
 * writes, and its count is read with theirs. Anything but a right, live code rolls everything back and the payment
 * goes the long way (tx_pay_with_code), which learns why and commits the counted attempt — so a wrong code costs the
 * work of a payment, and a right one a round trip less. */
static NEOERR *tx_pay_code_riding(MYSQL *db, void *arg) {
  struct pay_code_arg *a = arg;
  pay_reset(&a->pay);
  long long used = -1;
  NEOERR *err = sms_code_use_deferred(db, a->mobile, "pay", a->ref, a->code, &used);
  if (!err) err = pay_body(db, &a->pay);
  if (!err) err = db_settle(db);
  if (used == 1) {
    a->verify.status = SMS_VERIFY_OK;
    return nerr_pass(err);
  }
  /* Not read (the run failed before its answer), or a retry that must run again as it is: as the error says. */
  if (used < 0 || (err && nerr_match(err, NERR_SQL_RETRY))) return nerr_pass(err);
  nerr_ignore(&err);
  a->long_way = 1;
  return nerr_raise(NERR_ASSERT, "the payment's code goes the long way"); /* rolls back; not reported */
}

/* The usual payment — one product, no activity or daily cap, no per-member limit, no voucher, points only — in one
 * round trip: schema/048_order_pay_usual.sql runs the statements tx_pay_code_riding would, in the same order, as
 * one procedure (the database spends ~8 µs on a point UPDATE there against ~27 µs as a statement of its own). It
 * declines anything else, having changed nothing (a wrong code, too few points, a lot past its date, the stock
 * gone, the mall paused …): *paid stays 0 and the C way learns why. */
static const char SQL_PAY_USUAL[] = "CALL order_pay_usual(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

static long long g_pay_usual_count;
long long order_pay_usual_count(void) { return g_pay_usual_count; }

static NEOERR *pay_usual(MYSQL *db, struct pay_code_arg *a, int *paid) {
  const struct pay_arg *p = &a->pay;
  order_outcome *out = p->out;
  *paid = 0;
  if (p->nlines != 1 || p->guarded || p->vouchers || p->lines[0].limit > 0 || out->points_total <= 0) return STATUS_OK;
  struct pay_texts t;
  char hash[65];
  pay_texts_fill(out, &t);
  sms_code_given_hash("pay", a->mobile, a->ref, a->code, hash);
  int gen = db_principal_generation_row(p->member_id), declined = 0;
  NEOERR *err = db_call_tx(db, SQL_PAY_USUAL,
                           DBA(DI(out->order_id), DI(p->member_id), DI(out->points_total), DI(p->lines[0].product_id),
                               DI(p->lines[0].quantity), DS(a->mobile), DS(a->ref), DS(hash), DI(SMS_CODE_MAX_TRIES),
                               DS(t.note), DS(t.key), DS(t.event), DI(gen)),
                           gen, &declined);
  if (!err && !declined) {
    *paid = 1;
    g_pay_usual_count++;
    a->verify.status = SMS_VERIFY_OK;
  }
  return nerr_pass(err);
}

static NEOERR *tx_pay_with_code(MYSQL *db, void *arg) {
  struct pay_code_arg *a = arg;
  pay_reset(&a->pay);
  NEOERR *err = sms_code_verify(db, a->mobile, "pay", a->ref, a->code, &a->verify);
  /* A wrong code commits its counted attempt and pays nothing. */
  if (err || a->verify.status != SMS_VERIFY_OK) return nerr_pass(err);
  return nerr_pass(pay_body(db, &a->pay));
}

NEOERR *order_pay_with_code(MYSQL *db, long long member_id, const char *mobile, const char *order_no, const char *code,
                            const char *ip, sms_verify_result *code_result, order_outcome *out) {
  char no[ORDER_NO_LEN + 1], ref[64];
  struct pay_code_arg a;
  NEOERR *err;
  memset(code_result, 0, sizeof *code_result);
  code_result->status = SMS_VERIFY_NONE;
  memset(&a, 0, sizeof a);
  if (pay_start(db, member_id, order_no, no, &a.pay, out, &err)) {
    order_pay_ref(no, out->points_total, ref, sizeof ref);
    a.mobile = mobile;
    a.code = code;
    a.ref = ref;
    a.pay.ip = ip;
    int usual = 0;
    err = pay_usual(db, &a, &usual);
    if (!err && !usual) err = db_tx(db, tx_pay_code_riding, &a);
    if (a.long_way) {
      nerr_ignore(&err);
      err = db_tx(db, tx_pay_with_code, &a);
    }
    err = settle(err, out);
    *code_result = a.verify;
    int paid = !err && a.verify.status == SMS_VERIFY_OK && out->result == ORDER_OK;
    if (paid && a.pay.vouchers) text_vouchers(db, out->order_id);
    if (!err) trip_after(db, out);
    /* A refused payment rolled back the code's use with everything else; it is spent all the same (the
     * member asks for a new one once the reason is fixed). */
    if (!err && a.verify.status == SMS_VERIFY_OK && !paid) err = sms_code_spend(db, mobile, "pay", ref, code);
  }
  return nerr_pass(err);
}

/* The locked order row (ORDER_COLUMNS, in their order). */
typedef struct {
  long long id, member_id, points_total;
  int needs_shipping;
  char order_no[ORDER_NO_LEN + 1], status[16];
} order_row;

/* Reads and locks the order; refuses with NOT_FOUND. member_id 0: any member's order. */
static NEOERR *order_lock(MYSQL *db, long long member_id, const char *order_no, order_row *o, order_outcome *out) {
  int found = 0;
  const dbc cols[] = {DCOL_LL(&o->id),     DCOL_STR(o->order_no),     DCOL_LL(&o->member_id),
                      DCOL_STR(o->status), DCOL_LL(&o->points_total), DCOL_INT(&o->needs_shipping)};
  const int ncols = (int)(sizeof cols / sizeof cols[0]);
  NEOERR *err = member_id ? db_row(db, SQL_ORDER_LOCK_MEMBER, DBA(DS(order_no), DI(member_id)), cols, ncols, &found)
                          : db_row(db, SQL_ORDER_LOCK_ANY, DBA(DS(order_no)), cols, ncols, &found);
  if (err) return nerr_pass(err);
  if (!found) return refuse(out, ORDER_NOT_FOUND, 0);
  out->order_id = o->id;
  out->points_total = o->points_total;
  snprintf(out->order_no, sizeof out->order_no, "%s", o->order_no);
  return STATUS_OK;
}

/* ---- cancel ---- */

struct cancel_arg {
  long long member_id;
  const char *order_no, *reason;
  int pending_only; /* jobs: never touch an order that got paid meanwhile */
  order_outcome *out;
};

/* Puts one product of a cancelled paid order back on the shelf (a row of SQL_ORDER_LINES). */
struct put_back {
  MYSQL *db;
  long long product_id, quantity;
};

static NEOERR *put_back_row(void *ctx, int row) {
  struct put_back *p = ctx;
  (void)row;
  return nerr_pass(
      db_exec(p->db, SQL_STOCK_PUT_BACK, DBA(DI(p->quantity), DI(p->quantity), DI(p->product_id)), NULL, NULL));
}

static NEOERR *cancel_body(MYSQL *db, struct cancel_arg *a) {
  order_outcome *out = a->out;
  order_row o;
  NEOERR *err = order_lock(db, a->member_id, a->order_no, &o, out);
  if (err) return nerr_pass(err);
  const char *status = o.status;
  long long order_id = out->order_id, member_id = o.member_id, refunded = 0;
  if (strcmp(status, "cancelled") == 0) return refuse(out, ORDER_CANCELLED, 0);
  int paid = strcmp(status, "paid") == 0;
  if (!paid && strcmp(status, "pending")) return refuse(out, ORDER_BAD_STATE, 0);
  if (paid && a->pending_only) return refuse(out, ORDER_ALREADY_PAID, 0);
  if (paid) {
    int redeemed = 0;
    err = vouchers_void_order(db, order_id, &redeemed);
    if (err) return nerr_pass(err);
    if (redeemed) return refuse(out, ORDER_VOUCHER_USED, 0);
  }
  if (paid && out->points_total > 0) {
    /* Member and lots first, products last: the same lock order as a payment. */
    char key[48];
    long long spend = 0;
    int found = 0;
    snprintf(key, sizeof key, "spend:%lld", order_id);
    err = db_query_ll(db, SQL_SPEND_OF_ORDER, DBA(DS(key)), &spend, &found);
    if (!err && !found) err = nerr_raise(NERR_ASSERT, "paid order %lld has no spend entry", order_id);
    snprintf(key, sizeof key, "refund:%lld", order_id);
    if (!err) err = points_refund(db, member_id, spend, order_id, key, &refunded);
  }
  if (paid && !err) err = guards_release(db, order_id); /* today's caps and budget counts */
  long long cash_refund = 0; /* C5: the paid cash part goes back through the provider after COMMIT */
  if (!err) err = payments_cancel_tx(db, order_id, &cash_refund);
  out->cash_refund_fen = cash_refund;
  if (paid && !err) {
    struct put_back pb = {db, 0, 0};
    err = db_each(db, SQL_ORDER_LINES, DBA(DI(order_id)), DCOLS(DCOL_LL(&pb.product_id), DCOL_LL(&pb.quantity)),
                  put_back_row, &pb, NULL);
  }
  char reason[801];
  clip(a->reason && *a->reason ? a->reason : (a->member_id ? "会员取消" : "系统取消"), 200, reason, sizeof reason);
  if (!err) err = coupon_give_back(db, order_id, NULL); /* F6: while its use window lasts */
  if (!err) err = db_exec(db, SQL_ORDER_CANCELLED, DBA(DS(reason), DI(paid), DI(order_id)), NULL, NULL);
  if (!err) err = event_add(db, order_id, "cancelled", reason);
  char text[200];
  char cash_text[64] = "";
  if (cash_refund > 0)
    snprintf(cash_text, sizeof cash_text, "现金 ¥%lld.%02lld 原路退回。", cash_refund / 100, cash_refund % 100);
  if (refunded > 0)
    snprintf(text, sizeof text, "订单 %s 已取消，%lld 积分已按原有效期退回您的账户。%s", out->order_no, refunded,
             cash_text);
  else snprintf(text, sizeof text, "订单 %s 已取消。%s", out->order_no, cash_text);
  if (!err) err = notify(db, member_id, "cancelled", order_id, out->order_no, "订单已取消", text);
  return nerr_pass(err);
}

static NEOERR *tx_cancel(MYSQL *db, void *arg) {
  struct cancel_arg *a = arg;
  a->out->result = ORDER_OK;
  return nerr_pass(cancel_body(db, a));
}

static NEOERR *cancel(MYSQL *db, long long member_id, const char *order_no, const char *reason, int pending_only,
                      order_outcome *out) {
  char no[ORDER_NO_LEN + 1];
  int ok = order_no_copy(order_no, no);
  memset(out, 0, sizeof *out);
  if (member_id < 0 || !ok) {
    out->result = ORDER_NOT_FOUND;
    return STATUS_OK;
  }
  struct cancel_arg a = {member_id, no, reason, pending_only, out};
  NEOERR *err = settle(db_tx(db, tx_cancel, &a), out);
  /* After COMMIT: the cash part back through the provider (what fails now, mallctl pay-jobs retries). */
  if (!err && out->result == ORDER_OK && out->cash_refund_fen > 0) err = payments_refund_order(db, out->order_id);
  return nerr_pass(err);
}

NEOERR *order_cancel(MYSQL *db, long long member_id, const char *order_no, const char *reason, order_outcome *out) {
  return nerr_pass(cancel(db, member_id, order_no, reason, 0, out));
}

/* ---- ship, logistics events, complete ---- */

enum { STEP_SHIP, STEP_EVENT, STEP_COMPLETE };
struct step_arg {
  int step;
  long long member_id;
  const char *order_no, *a, *b;
  order_outcome *out;
};

static NEOERR *step_body(MYSQL *db, struct step_arg *s) {
  order_outcome *out = s->out;
  order_row o;
  NEOERR *err = order_lock(db, s->member_id, s->order_no, &o, out);
  if (err) return nerr_pass(err);
  const char *status = o.status;
  long long id = out->order_id, member_id = o.member_id;
  if (strcmp(status, "cancelled") == 0) return refuse(out, ORDER_CANCELLED, 0);
  const char *want = s->step == STEP_SHIP ? "paid" : "shipped";
  if (strcmp(status, want)) return refuse(out, ORDER_BAD_STATE, 0);
  char text[600];
  if (s->step == STEP_SHIP) {
    if (o.needs_shipping != 1) return refuse(out, ORDER_BAD_STATE, 0);
    char carrier[129], tracking[257];
    clip(s->a, 32, carrier, sizeof carrier);
    clip(s->b, 64, tracking, sizeof tracking);
    err = db_exec(db, SQL_ORDER_SHIPPED, DBA(DS(carrier), DS(tracking), DI(id)), NULL, NULL);
    snprintf(text, sizeof text, "%s %s", carrier, tracking);
    if (!err) err = event_add(db, id, "shipped", text);
    snprintf(text, sizeof text, "订单 %s 已由%s发出，运单号 %s。", out->order_no, carrier, tracking);
    if (!err) err = notify(db, member_id, "shipped", id, out->order_no, "您的订单已发货", text);
  } else if (s->step == STEP_EVENT) {
    char note[1021];
    clip(s->a, 255, note, sizeof note);
    err = event_add(db, id, "event", note);
  } else {
    err = db_exec(db, SQL_ORDER_COMPLETED, DBA(DI(id)), NULL, NULL);
    if (!err) err = event_add(db, id, "completed", s->member_id ? "会员确认收货" : "系统自动确认收货");
  }
  return nerr_pass(err);
}

static NEOERR *tx_step(MYSQL *db, void *arg) {
  struct step_arg *s = arg;
  s->out->result = ORDER_OK;
  return nerr_pass(step_body(db, s));
}

static NEOERR *step(MYSQL *db, int which, long long member_id, const char *order_no, const char *a, const char *b,
                    order_outcome *out) {
  char no[ORDER_NO_LEN + 1];
  int ok = order_no_copy(order_no, no);
  memset(out, 0, sizeof *out);
  if (member_id < 0 || !ok) {
    out->result = ORDER_NOT_FOUND;
    return STATUS_OK;
  }
  struct step_arg s = {which, member_id, no, a ? a : "", b ? b : "", out};
  return settle(db_tx(db, tx_step, &s), out);
}

NEOERR *order_ship(MYSQL *db, const char *order_no, const char *carrier, const char *tracking_no, order_outcome *out) {
  if (!carrier || !*carrier || !tracking_no || !*tracking_no)
    return nerr_raise(NERR_ASSERT, "order_ship: carrier and tracking number are required");
  return nerr_pass(step(db, STEP_SHIP, 0, order_no, carrier, tracking_no, out));
}

NEOERR *order_add_event(MYSQL *db, const char *order_no, const char *note, order_outcome *out) {
  if (!note || !*note) return nerr_raise(NERR_ASSERT, "order_add_event: empty note");
  return nerr_pass(step(db, STEP_EVENT, 0, order_no, note, NULL, out));
}

NEOERR *order_complete(MYSQL *db, long long member_id, const char *order_no, order_outcome *out) {
  return nerr_pass(step(db, STEP_COMPLETE, member_id, order_no, NULL, NULL, out));
}

/* ---- jobs ---- */

/* One due order (a row of SQL_DUE_UNPAID or SQL_DUE_SHIPPED), each in a transaction of its own. */
struct due {
  MYSQL *db;
  char order_no[ORDER_NO_LEN + 1];
  long long *done;
};

static NEOERR *cancel_due(void *ctx, int row) {
  struct due *d = ctx;
  order_outcome out;
  (void)row;
  NEOERR *err = cancel(d->db, 0, d->order_no, "超时未支付，系统自动取消", 1, &out);
  if (!err && out.result == ORDER_OK && d->done) (*d->done)++;
  return nerr_pass(err);
}

static NEOERR *complete_due(void *ctx, int row) {
  struct due *d = ctx;
  order_outcome out;
  (void)row;
  NEOERR *err = order_complete(d->db, 0, d->order_no, &out);
  if (!err && out.result == ORDER_OK && d->done) (*d->done)++;
  return nerr_pass(err);
}

NEOERR *orders_housekeeping(MYSQL *db, long long *cancelled, long long *completed) {
  if (cancelled) *cancelled = 0;
  if (completed) *completed = 0;
  struct due d = {db, "", cancelled};
  NEOERR *err = db_each(db, SQL_DUE_UNPAID, DBA(DI(ORDER_UNPAID_MINUTES), DI(PAY_CASH_GRACE_MINUTES)),
                        DCOLS(DCOL_STR(d.order_no)), cancel_due, &d, NULL);
  d.done = completed;
  if (!err)
    err = db_each(db, SQL_DUE_SHIPPED, DBA(DI(ORDER_AUTOCOMPLETE_DAYS)), DCOLS(DCOL_STR(d.order_no)), complete_due, &d,
                  NULL);
  return nerr_pass(err);
}
