/* sandbox_pay.c: the sandbox payment provider's hosted cashier (C5, development and tests only: MALL_PAY_SANDBOX=1)
 * — shows the trade, and pays, fails or abandons it; paying or failing queues a signed notification to the mall,
 * sent at once and retried by `mallctl pay-jobs` until the mall acknowledges it */
#include "mall_cash.h"
#include "config.h"
#include "log.h"
#include "payments/gateway.h"
#include "payments/sandbox.h"
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_CASHIER "mall/shop/sandbox_cashier.cs"

/* The local path of a return address (the sandbox runs on the mall's own host). */
static const char *local_path(const char *url) {
  const char *p = strstr(url, "://");
  if (!p) return url[0] == '/' ? url : "/";
  p = strchr(p + 3, '/');
  return p ? p : "/";
}

/* GET /sandbox-pay/cashier/{no} → 200 the trade with pay / fail / abandon; 404 unknown trade or sandbox off. */
NEOERR *h_sandbox_cashier(req *r) {
  int found = 0;
  if (!g_cfg.pay_sandbox) return nerr_pass(req_fail(r, 404));
  NEOERR *err = sandbox_trade_get(r->db, req_arg(r, 0), r->hdf, "Trade", &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  r->template = T_CASHIER;
  r->no_cache = 1;
  if ((err = hdf_set_value(r->hdf, "Trade.0.back", local_path(hdf_get_value(r->hdf, "Trade.0.return_url", "/")))))
    return nerr_pass(err);
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", req_text(r, "SandboxPay.Title")));
}

/* POST /sandbox-pay/cashier/{no}: action=pay|fail|abandon → 303 back to the mall's return address (pay and fail
 * notify the mall first); 400 bad action; 404 unknown trade or sandbox off. A trade paid or failed already changes
 * nothing (a double submit is harmless). */
NEOERR *h_sandbox_cashier_post(req *r) {
  static const in_field F[] = {{"action", IN_ENUM, IN_REQUIRED, 0, 0, "pay|fail|abandon"}};
  in_value v[1];
  if (!g_cfg.pay_sandbox) return nerr_pass(req_fail(r, 404));
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  char ret[1024] = "";
  sandbox_result res = SANDBOX_UNKNOWN;
  NEOERR *err = STATUS_OK;
  if (strcmp(v[0].s, "abandon") == 0) {
    int found = 0;
    HDF *tmp = NULL;
    err = hdf_init(&tmp);
    if (!err) err = sandbox_trade_get(r->db, req_arg(r, 0), tmp, "T", &found);
    if (!err && found) {
      res = SANDBOX_FINISHED;
      snprintf(ret, sizeof ret, "%s", hdf_get_value(tmp, "T.0.return_url", "/"));
    }
    hdf_destroy(&tmp);
  } else {
    err = sandbox_finish(r->db, req_arg(r, 0), strcmp(v[0].s, "pay") == 0, &res, ret, sizeof ret);
  }
  if (err) return nerr_pass(err);
  if (res == SANDBOX_UNKNOWN) return nerr_pass(req_fail(r, 404));
  if (res == SANDBOX_DONE) {
    /* At once, like a real provider; a refused or lost try stays in the outbox for mallctl pay-jobs. */
    long long sent = 0, failed = 0;
    NEOERR *e = sandbox_deliver(r->db, req_arg(r, 0), &sent, &failed);
    if (e) log_neoerr("sandbox_deliver", &e);
  }
  req_redirect(r, local_path(ret));
  return STATUS_OK;
}

/* ---- the gateway protocol, served by the sandbox (what the gateway driver speaks to a real provider) ---- */

static NEOERR *json_answer(req *r, int status, json_t *o) {
  char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
  json_decref(o);
  r->status = status;
  r->content_type = "application/json; charset=utf-8";
  NEOERR *err = string_append(&r->body, text ? text : "{\"error\":\"internal\"}");
  free(text);
  return nerr_pass(err);
}

/* This host's address (the sandbox's cashier lives here). */
static void own_base(req *r, char *buf, size_t len) {
  const char *host = hdf_get_value(r->hdf, "HTTP.Host", "");
  int ok = *host && strlen(host) < 200;
  for (const char *p = host; ok && *p; p++) ok = isalnum((unsigned char)*p) || strchr(".-:[]", *p);
  snprintf(buf, len, "%s://%s", g_cfg.https ? "https" : "http", ok ? host : "localhost");
}

/* POST /sandbox-pay/api/{create|query|refund}: the gateway protocol (README "Points + cash"): form fields and sign =
 * HMAC-SHA256 of the canonical text of the others → 200 JSON {"cashier_url"} / {"status","amount_fen",
 * "provider_trade_no"} / {"status":"refunded"}; 400 {"error"} bad fields, signature or refund; 404 unknown action,
 * unknown trade or sandbox off. */
NEOERR *h_sandbox_api(req *r) {
  static const in_field F[] = {
      {"amount_fen", IN_INT, 0, 1, 100000000000LL, NULL}, {"merchant", IN_STR, 0, 0, 64, NULL},
      {"notify_url", IN_STR, 0, 1, PAY_URL_MAX, NULL},    {"return_url", IN_STR, 0, 1, PAY_URL_MAX, NULL},
      {"subject", IN_STR, 0, 0, 120, NULL},               {"trade_no", IN_STR, IN_REQUIRED, 1, PAY_TRADE_NO_LEN, NULL},
      {"sign", IN_STR, IN_REQUIRED, 64, 64, NULL},
  };
  enum { AMOUNT, MERCHANT, NOTIFY, RETURN, SUBJECT, TRADE, SIGN };
  in_value v[7];
  const char *action = req_arg(r, 0);
  int create = strcmp(action, "create") == 0, query = strcmp(action, "query") == 0,
      refund = strcmp(action, "refund") == 0;
  if (!g_cfg.pay_sandbox || !(create || query || refund))
    return nerr_pass(json_answer(r, 404, json_pack("{s:s}", "error", "not found")));
  if (input_read(r, F, 7, v) || ((create || refund) && !v[AMOUNT].present) ||
      (create && (!v[NOTIFY].present || !v[RETURN].present)))
    return nerr_pass(json_answer(r, 400, json_pack("{s:s}", "error", "bad fields")));
  char amount[24], text[2048];
  snprintf(amount, sizeof amount, "%lld", v[AMOUNT].i);
  const char *merchant = v[MERCHANT].present ? v[MERCHANT].s : "", *subject = v[SUBJECT].present ? v[SUBJECT].s : "";
  if (create) {
    const char *n[] = {"amount_fen", "merchant", "notify_url", "return_url", "subject", "trade_no"};
    const char *val[] = {amount, merchant, v[NOTIFY].s, v[RETURN].s, subject, v[TRADE].s};
    gateway_canonical(n, val, 6, text, sizeof text);
  } else if (query) {
    const char *n[] = {"merchant", "trade_no"}, *val[] = {merchant, v[TRADE].s};
    gateway_canonical(n, val, 2, text, sizeof text);
  } else {
    const char *n[] = {"amount_fen", "merchant", "trade_no"}, *val[] = {amount, merchant, v[TRADE].s};
    gateway_canonical(n, val, 3, text, sizeof text);
  }
  if (!pay_verify(text, v[SIGN].s)) return nerr_pass(json_answer(r, 400, json_pack("{s:s}", "error", "bad signature")));
  NEOERR *err = STATUS_OK;
  if (create) {
    char path[PAY_URL_MAX + 1], base[256], url[600];
    err = sandbox_provider.create(r->db, v[TRADE].s, v[AMOUNT].i, subject, v[NOTIFY].s, v[RETURN].s, path, sizeof path);
    own_base(r, base, sizeof base);
    snprintf(url, sizeof url, "%s%s", base, path);
    return nerr_pass(err ? err : json_answer(r, 200, json_pack("{s:s}", "cashier_url", url)));
  }
  pay_query_result q;
  if ((err = sandbox_provider.query(r->db, v[TRADE].s, &q))) return nerr_pass(err);
  if (q.state == PAYQ_UNKNOWN) return nerr_pass(json_answer(r, 404, json_pack("{s:s}", "error", "unknown trade")));
  if (query) {
    static const char *const S[] = {"unknown", "open", "paid", "failed", "refunded"};
    return nerr_pass(json_answer(r, 200, json_pack("{s:s, s:I, s:s}", "status", S[q.state], "amount_fen",
                                                   (json_int_t)q.amount_fen, "provider_trade_no", q.provider_no)));
  }
  int ok = 0;
  if ((err = sandbox_provider.refund(r->db, v[TRADE].s, v[AMOUNT].i, &ok))) return nerr_pass(err);
  return nerr_pass(ok ? json_answer(r, 200, json_pack("{s:s}", "status", "refunded"))
                      : json_answer(r, 400, json_pack("{s:s}", "error", "not refundable")));
}
