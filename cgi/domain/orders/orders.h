/* orders.h: order lifecycle — create from cart or "buy now", pay (one transaction), cancel with refund,
 * ship, logistics events, confirm receipt, housekeeping. No HTTP here. */
#ifndef MALL_ORDERS_H
#define MALL_ORDERS_H
#include "db.h"
#include "shared/sms.h"

#define ORDER_NO_LEN 17            /* "P" + YYYYMMDD + 8 random digits */
#define ORDER_UNPAID_MINUTES 30    /* pending orders are cancelled after this */
#define ORDER_AUTOCOMPLETE_DAYS 10 /* shipped orders complete after this */
#define ORDER_MAX_LINES 50
#define ORDER_MAX_QUANTITY 999

typedef enum {
  ORDER_OK,
  ORDER_NOT_FOUND,    /* unknown number, or another member's order (indistinguishable) */
  ORDER_EMPTY,        /* nothing selected */
  ORDER_OFF_SHELF,    /* a product is no longer on sale (see product_id) */
  ORDER_SOLD_OUT,     /* not enough stock (see product_id) */
  ORDER_LIMIT,        /* per-member limit exceeded (see product_id) */
  ORDER_NEED_ADDRESS, /* physical goods need a valid address of this member */
  ORDER_INSUFFICIENT, /* not enough points */
  ORDER_FROZEN,       /* member frozen */
  ORDER_ALREADY_PAID, /* paid (or further) already */
  ORDER_CANCELLED,    /* cancelled already */
  ORDER_BAD_STATE,    /* e.g. cancel after shipping, confirm before shipping */
  ORDER_VOUCHER_USED, /* cancel refused: a voucher of the order was redeemed already */
  ORDER_CASH,         /* the order has a cash part that is not paid yet (C5: cash first, then the points) */
  ORDER_PAUSED,       /* redemption paused (F4): the whole mall (activity_id 0) or the activity activity_id */
  ORDER_TRIPPED,      /* the activity activity_id is over its daily budget for today (F2) */
  ORDER_DAY_CAP,      /* the member's daily cap of the product product_id, or of the activity activity_id (F2) */
  ORDER_COUPON,       /* the chosen coupon is not this member's, used, outside its use window or gives nothing (F6) */
} order_result;

typedef struct {
  order_result result;
  long long product_id;  /* the product a failure is about, when there is one */
  long long activity_id; /* the activity a guard refusal (PAUSED, TRIPPED, DAY_CAP) is about; 0 for none */
  long long order_id;
  char order_no[ORDER_NO_LEN + 1];
  long long points_total;
  long long cash_refund_fen; /* cancel: the cash part going back through the payment provider (C5) */
} order_outcome;

/* One line to order. */
typedef struct {
  long long product_id;
  long long quantity;
} order_line;

/* Creates a pending order (one transaction): checks shelf, stock (advisory),
 * per-member limit and address; snapshots names and prices; removes ordered lines from the member's cart when
 * from_cart. */
NEOERR *order_create(MYSQL *db, long long member_id, const order_line *lines, int nlines, long long address_id,
                     const char *remark, int from_cart, order_outcome *out);
/* The same with a coupon of the member (0: none) applied in the same transaction (F6): the order's points_total and
 * cash_total_fen are stored after its discount, the coupon is marked used by the order, and the order records
 * coupon_id, discount_points and discount_cash_fen. A coupon that cannot be used refuses the order (ORDER_COUPON). */
NEOERR *order_create_with_coupon(MYSQL *db, long long member_id, const order_line *lines, int nlines,
                                 long long address_id, const char *remark, int from_cart, long long coupon_id,
                                 order_outcome *out);

/* Pays a pending order with points: one plain read of the order and its lines (an order with a cash part, on
 * the order or on any line, that is not paid yet (orders.cash_payment_id) is refused with ORDER_CASH and nothing
 * charged — the cash would never be collected),
 * then one retried
 * transaction — order marked paid, FIFO points spend, per-member limit re-checked, event, vouchers,
 * conditional stock decrement per line. Never charges twice. The caller has already verified the SMS
 * code bound to this order (order_pay_ref). */
NEOERR *order_pay(MYSQL *db, long long member_id, const char *order_no, order_outcome *out);

/* Checks the member's SMS code for this order (bound to order number and amount) and pays, in ONE
 * transaction (one commit per payment). An order that is missing, cancelled or paid already is refused
 * (out) before the code is looked at (code_result stays SMS_VERIFY_NONE). Otherwise *code_result says
 * what the code check found; the payment runs only when it is SMS_VERIFY_OK (then out tells its outcome;
 * a refused payment still uses the code). ip: the client's address, kept for the monitor's top IPs. */
NEOERR *order_pay_with_code(MYSQL *db, long long member_id, const char *mobile, const char *order_no, const char *code,
                            const char *ip, sms_verify_result *code_result, order_outcome *out);

/* How many payments this process made the usual way (one procedure, schema/048_order_pay_usual.sql): for tests. */
long long order_pay_usual_count(void);

/* The SMS code reference a payment code is bound to: order number and amount. */
void order_pay_ref(const char *order_no, long long points_total, char *buf, size_t len);

/* Cancels: pending → cancelled; paid → cancelled with points refunded to their lots and stock
 * restored; the order's coupon is given back while its use window lasts (F6); a paid cash part (C5) is refunded through
 * its provider after COMMIT (out->cash_refund_fen). member_id 0 = on behalf of the operator (admin, jobs). */
NEOERR *order_cancel(MYSQL *db, long long member_id, const char *order_no, const char *reason, order_outcome *out);

/* paid → shipped with carrier and tracking number (admin or merchant; mallctl until the back office). */
NEOERR *order_ship(MYSQL *db, const char *order_no, const char *carrier, const char *tracking_no, order_outcome *out);
/* Adds a logistics timeline event to a shipped order. */
NEOERR *order_add_event(MYSQL *db, const char *order_no, const char *note, order_outcome *out);
/* shipped → completed by the member (member_id) or the operator (0). */
NEOERR *order_complete(MYSQL *db, long long member_id, const char *order_no, order_outcome *out);

/* Jobs: cancel pending orders older than ORDER_UNPAID_MINUTES; complete shipped ones older than
 * ORDER_AUTOCOMPLETE_DAYS. Each order in its own transaction. */
NEOERR *orders_housekeeping(MYSQL *db, long long *cancelled, long long *completed);

/* Language key for a result (for pages): "Order.Result.<name>". */
const char *order_result_name(order_result r);

#endif
