/* gateway.c: the HTTP payment-provider driver — signed form POSTs to MALL_PAY_URL/{create,query,refund} with
 * libcurl, JSON answers read with jansson. Nothing secret goes into a URL or a log line. */
#include "payments/gateway.h"
#include "config.h"
#include "log.h"
#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gateway_canonical(const char *const *names, const char *const *values, int n, char *buf, size_t len) {
  size_t at = 0;
  buf[0] = 0;
  for (int i = 0; i < n && at < len; i++) {
    int k = snprintf(buf + at, len - at, "%s%s=%s", i ? "&" : "", names[i], values[i]);
    if (k < 0) break;
    at += (size_t)k;
  }
}

int gateway_url_ok(const char *url) {
  const char *base = g_cfg.pay_url, *p = base ? strstr(base, "://") : NULL;
  if (!p || !url || strpbrk(url, "\r\n")) return 0;
  const char *slash = strchr(p + 3, '/');
  size_t origin = slash ? (size_t)(slash - base) : strlen(base); /* "https://pay.example.com" */
  return strncmp(url, base, origin) == 0 && url[origin] == '/';
}

struct body {
  char *buf;
  size_t len;
};

static size_t keep(char *p, size_t size, size_t n, void *ud) {
  struct body *b = ud;
  size_t total = size * n;
  if (b->len + total > 16384) return 0; /* an answer this long is not one of ours */
  char *nb = realloc(b->buf, b->len + total + 1);
  if (!nb) return 0;
  memcpy(nb + b->len, p, total);
  b->buf = nb;
  b->len += total;
  b->buf[b->len] = 0;
  return total;
}

/* POSTs the signed fields to MALL_PAY_URL/action; *answer: the JSON object of a 200 answer (NULL otherwise). */
static NEOERR *call(const char *action, const char *const *names, const char *const *values, int n, json_t **answer) {
  static int inited;
  *answer = NULL;
  if (!inited) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    inited = 1;
  }
  char text[2048], sig[65], url[512];
  gateway_canonical(names, values, n, text, sizeof text);
  pay_sign(text, sig);
  snprintf(url, sizeof url, "%s/%s", g_cfg.pay_url, action);
  CURL *c = curl_easy_init();
  if (!c) return nerr_raise(NERR_SYSTEM, "curl init failed");
  STRING form;
  string_init(&form);
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i <= n; i++) {
    char *v = curl_easy_escape(c, i < n ? values[i] : sig, 0);
    if (!v) err = nerr_raise(NERR_NOMEM, "escape");
    else err = string_appendf(&form, "%s%s=%s", i ? "&" : "", i < n ? names[i] : "sign", v);
    curl_free(v);
  }
  struct body b = {NULL, 0};
  if (!err) {
    char cerr[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, form.buf);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
    /* Without a write callback libcurl prints the answer to stdout, which is the FastCGI stream. */
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (rc != CURLE_OK) log_error("pay gateway %s: %s", action, cerr[0] ? cerr : curl_easy_strerror(rc));
    else if (status != 200) log_error("pay gateway %s: HTTP %ld", action, status);
    else {
      json_error_t je;
      *answer = json_loads(b.buf ? b.buf : "", 0, &je);
      if (*answer && !json_is_object(*answer)) {
        json_decref(*answer);
        *answer = NULL;
      }
      if (!*answer) log_error("pay gateway %s: the answer is not a JSON object", action);
    }
  }
  free(b.buf);
  string_clear(&form);
  curl_easy_cleanup(c);
  return nerr_pass(err);
}

static const char *jstr(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static NEOERR *gw_create(MYSQL *db, const char *trade_no, long long amount_fen, const char *subject,
                         const char *notify_url, const char *return_url, char *cashier_url, size_t len) {
  (void)db;
  char amount[24];
  snprintf(amount, sizeof amount, "%lld", amount_fen);
  const char *names[] = {"amount_fen", "merchant", "notify_url", "return_url", "subject", "trade_no"};
  const char *values[] = {amount, g_cfg.pay_merchant, notify_url, return_url, subject, trade_no};
  json_t *a = NULL;
  cashier_url[0] = 0;
  NEOERR *err = call("create", names, values, 6, &a);
  if (!err && a) {
    const char *url = jstr(a, "cashier_url");
    if (gateway_url_ok(url)) snprintf(cashier_url, len, "%s", url);
    else log_error("pay gateway create: a cashier address off the provider's origin (refused)");
  }
  json_decref(a);
  if (!err && !cashier_url[0]) err = nerr_raise(NERR_IO, "the payment provider did not open the trade");
  return nerr_pass(err);
}

static NEOERR *gw_query(MYSQL *db, const char *trade_no, pay_query_result *out) {
  (void)db;
  const char *names[] = {"merchant", "trade_no"};
  const char *values[] = {g_cfg.pay_merchant, trade_no};
  json_t *a = NULL;
  memset(out, 0, sizeof *out);
  NEOERR *err = call("query", names, values, 2, &a);
  if (!err && a) {
    const char *s = jstr(a, "status");
    out->state = strcmp(s, "paid") == 0       ? PAYQ_PAID
                 : strcmp(s, "failed") == 0   ? PAYQ_FAILED
                 : strcmp(s, "refunded") == 0 ? PAYQ_REFUNDED
                 : strcmp(s, "open") == 0     ? PAYQ_OPEN
                                              : PAYQ_UNKNOWN;
    out->amount_fen = (long long)json_integer_value(json_object_get(a, "amount_fen"));
    snprintf(out->provider_no, sizeof out->provider_no, "%s", jstr(a, "provider_trade_no"));
  }
  json_decref(a);
  return nerr_pass(err);
}

static NEOERR *gw_refund(MYSQL *db, const char *trade_no, long long amount_fen, int *ok) {
  (void)db;
  char amount[24];
  snprintf(amount, sizeof amount, "%lld", amount_fen);
  const char *names[] = {"amount_fen", "merchant", "trade_no"};
  const char *values[] = {amount, g_cfg.pay_merchant, trade_no};
  json_t *a = NULL;
  *ok = 0;
  NEOERR *err = call("refund", names, values, 3, &a);
  if (!err && a) *ok = strcmp(jstr(a, "status"), "refunded") == 0;
  json_decref(a);
  return nerr_pass(err);
}

const pay_provider gateway_provider = {"gateway", gw_create, gw_query, gw_refund};
