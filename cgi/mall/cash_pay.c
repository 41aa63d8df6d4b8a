/* cash_pay.c: points + cash (C5) — the cash step of /order/{no}/pay (to the provider's cashier and back), the
 * provider's signed notification, and the refund when the points part fails after the cash was paid */
#include "mall_cash.h"
#include "mall_shop.h"
#include "blocked.h"
#include "config.h"
#include "log.h"
#include "payments/gateway.h"
#include "payments/payments.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The mall's absolute address for the provider: MALL_PUBLIC_URL when set (behind a proxy), else this request's. */
static void public_base(req *r, char *buf, size_t len) {
  const char *env = getenv("MALL_PUBLIC_URL");
  if (env && (strncmp(env, "http://", 7) == 0 || strncmp(env, "https://", 8) == 0) && strlen(env) < 200) {
    snprintf(buf, len, "%s", env);
    return;
  }
  const char *host = hdf_get_value(r->hdf, "HTTP.Host", "");
  int ok = *host && strlen(host) < 200;
  for (const char *p = host; ok && *p; p++) ok = isalnum((unsigned char)*p) || strchr(".-:[]", *p);
  snprintf(buf, len, "%s://%s", g_cfg.https ? "https" : "http", ok ? host : "localhost");
}

NEOERR *cash_pay_view(req *r, int *due) {
  long long order_id = shop_ll(r->hdf, "Order.0.id");
  *due = 0;
  if (order_id <= 0) return STATUS_OK;
  NEOERR *err = payments_order_view(r->db, order_id, r->hdf, "Cash", due);
  /* Back from the cashier before the notification: ask the provider (a cheap read for the sandbox). */
  if (!err && *due && strcmp(hdf_get_value(r->hdf, "Order.0.status", ""), "pending") == 0) {
    err = payment_sync_order(r->db, order_id);
    if (!err) err = payments_order_view(r->db, order_id, r->hdf, "Cash", due);
  }
  return nerr_pass(err);
}

/* POST /order/{no}/cash → 303 to the provider's cashier for the order's stored cash total; 303 to the payment page
 * when there is nothing to pay in cash (paid already, or no cash part) or the balance does not cover the points part
 * (the page says so; no cash is taken that could only go back), or to the order when it is no longer
 * pending; 503 no provider configured (the payment page); 404 not this member's order; 403 blacklisted. */
NEOERR *h_pay_cash(req *r) {
  char base[256], cashier[PAY_URL_MAX + 1], loc[96];
  pay_start_result res;
  int blocked = 0;
  /* The points step refuses a blacklisted member: no cash is taken that could only go back. */
  NEOERR *err = req_blacklist_guard(r, hdf_get_value(r->hdf, "User.Mobile", ""), NULL, &blocked);
  if (err || blocked) return nerr_pass(err);
  public_base(r, base, sizeof base);
  err = payment_start(r->db, r->user_id, req_arg(r, 0), base, &res, cashier, sizeof cashier);
  if (err) return nerr_pass(err);
  switch (res) {
  case PAY_START_OK:
    if (cashier[0] == '/') req_redirect(r, cashier);
    else if (gateway_url_ok(cashier)) { /* the provider's own cashier, on its own origin (never anywhere else) */
      free(r->location);
      r->location = strdup(cashier);
      r->status = 303;
    } else return nerr_raise(NERR_ASSERT, "cashier address off the provider's origin");
    return STATUS_OK;
  case PAY_START_NOT_FOUND: return nerr_pass(req_fail(r, 404));
  case PAY_START_NOT_PENDING: snprintf(loc, sizeof loc, "/order/%s", req_arg(r, 0)); break;
  case PAY_START_UNAVAILABLE:
    if ((err = shop_order_page(r, req_arg(r, 0))) || r->status == 404) return nerr_pass(err);
    return nerr_pass(shop_flash(r, 503, "Shop.Pay.CashUnavailable", 0, NULL));
  default: snprintf(loc, sizeof loc, "/order/%s/pay", req_arg(r, 0)); break;
  }
  req_redirect(r, loc);
  return STATUS_OK;
}

static int plain_token(const char *s) {
  if (!s) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s)) return 0;
  return 1;
}

static NEOERR *answer(req *r, int status, const char *text) {
  r->status = status;
  r->content_type = "text/plain; charset=utf-8";
  return nerr_pass(string_append(&r->body, text));
}

/* POST /pay/notify/{provider}: trade_no, provider_trade_no, amount_fen, status (paid|failed), sign (HMAC-SHA256 of
 * the other fields, pay_notify_canonical) → 200 "success" once applied or known already (the provider stops
 * retrying); 400 "fail" bad fields or signature, or an amount that differs from the payment's; 404 unknown provider
 * or trade. No session, no CSRF token: the signature is the only thing believed. */
NEOERR *h_pay_notify(req *r) {
  static const in_field F[] = {
      {"trade_no", IN_STR, IN_REQUIRED, PAY_TRADE_NO_LEN, PAY_TRADE_NO_LEN, NULL},
      {"provider_trade_no", IN_STR, 0, 0, 64, NULL},
      {"amount_fen", IN_INT, IN_REQUIRED, 1, 100000000000LL, NULL},
      {"status", IN_ENUM, IN_REQUIRED, 0, 0, "paid|failed"},
      {"sign", IN_STR, IN_REQUIRED, 64, 64, NULL},
  };
  in_value v[5];
  const pay_provider *p = pay_provider_named(req_arg(r, 0));
  if (!p) return nerr_pass(answer(r, 404, "fail\n"));
  if (input_read(r, F, 5, v) || !plain_token(v[0].s) || !plain_token(v[1].present ? v[1].s : "")) {
    log_error("pay notify %s: malformed fields", p->name);
    return nerr_pass(answer(r, 400, "fail\n"));
  }
  const char *pno = v[1].present ? v[1].s : "";
  char text[300];
  pay_notify_canonical(v[0].s, pno, v[2].i, v[3].s, text, sizeof text);
  if (!pay_verify(text, v[4].s)) {
    log_error("pay notify %s: bad signature for trade %s (refused)", p->name, v[0].s);
    return nerr_pass(answer(r, 400, "fail\n"));
  }
  pay_confirm_result res;
  NEOERR *err = payment_confirm(r->db, p->name, v[0].s, pno, v[2].i, v[3].s, &res);
  if (err) return nerr_pass(err);
  if (res == PAY_CONFIRM_UNKNOWN) return nerr_pass(answer(r, 404, "fail\n"));
  if (res == PAY_CONFIRM_MISMATCH) return nerr_pass(answer(r, 400, "fail\n"));
  return nerr_pass(answer(r, 200, "success\n"));
}

/* Why the points part failed, for the cancelled order's reason. */
static const char *points_failure(order_result why) {
  switch (why) {
  case ORDER_INSUFFICIENT: return "积分不足";
  case ORDER_SOLD_OUT: return "商品已售罄";
  case ORDER_OFF_SHELF: return "商品已下架";
  case ORDER_LIMIT: return "超出限购数量";
  case ORDER_PAUSED: return "兑换已暂停";
  case ORDER_TRIPPED: return "活动今日预算已用完";
  case ORDER_DAY_CAP: return "超出每日兑换上限";
  case ORDER_FROZEN: return "账户已冻结";
  default: return NULL;
  }
}

NEOERR *cash_points_refused(req *r, const order_outcome *out, int *shown) {
  *shown = 0;
  const char *why = points_failure(out->result);
  if (!why || out->order_id <= 0) return STATUS_OK;
  HDF *tmp = NULL;
  int due = 1;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = payments_order_view(r->db, out->order_id, tmp, "C", &due);
  const char *state = hdf_get_value(tmp, "C.state", "none");
  int cash_paid = !err && strcmp(state, "paid") == 0;
  hdf_destroy(&tmp);
  if (err || !cash_paid) return nerr_pass(err);
  char reason[160];
  snprintf(reason, sizeof reason, "积分部分未能完成（%s），现金原路退回", why);
  order_outcome c;
  if ((err = order_cancel(r->db, r->user_id, req_arg(r, 0), reason, &c))) return nerr_pass(err);
  *shown = 1;
  if ((err = shop_order_page(r, req_arg(r, 0))) || r->status == 404) return nerr_pass(err);
  return nerr_pass(shop_flash(r, 409, c.result == ORDER_OK ? "Shop.Pay.PointsFailedRefund" : shop_result_key(out->result),
                              0, NULL));
}
