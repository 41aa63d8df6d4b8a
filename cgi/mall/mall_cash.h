/* mall_cash.h: points + cash (C5) — the cash step of the payment page, the provider's notifications, and the
 * sandbox provider's cashier pages */
#ifndef MALL_MALL_CASH_H
#define MALL_MALL_CASH_H
#include "app.h"
#include "orders/orders.h"

/* cash_pay.c */
NEOERR *h_pay_cash(req *r);
NEOERR *h_pay_notify(req *r);
/* The loaded order's (Order.0) cash part under Cash.* — asks the provider about open payments first, so a member
 * back from the cashier sees the outcome before the notification arrives. *due = 1 when it still has to be paid. */
NEOERR *cash_pay_view(req *r, int *due);
/* After a points payment was refused (out): when the order's cash part is paid, the order is cancelled and the cash
 * refunded through the provider, and the order page says so (*shown = 1). */
NEOERR *cash_points_refused(req *r, const order_outcome *out, int *shown);

/* sandbox_pay.c: GET/POST /sandbox-pay/cashier/{no} (404 unless MALL_PAY_SANDBOX=1) */
NEOERR *h_sandbox_cashier(req *r);
NEOERR *h_sandbox_cashier_post(req *r);
/* POST /sandbox-pay/api/{create|query|refund}: the gateway protocol, for the gateway driver's tests */
NEOERR *h_sandbox_api(req *r);

#endif
