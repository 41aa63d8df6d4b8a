/* sandbox_pay.c: the sandbox payment provider's hosted cashier (C5, development and tests only: MALL_PAY_SANDBOX=1)
 * — shows the trade, and pays, fails or abandons it; paying or failing queues a signed notification to the mall,
 * sent at once and retried by `mallctl pay-jobs` until the mall acknowledges it */
#include "mall_cash.h"
#include "config.h"
#include "log.h"
#include "payments/sandbox.h"
#include <stdio.h>
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
