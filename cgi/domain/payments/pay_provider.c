/* pay_provider.c: the configured payment provider and the notification signature (HMAC-SHA256, OpenSSL) */
#include "payments/pay_provider.h"
#include "payments/sandbox.h"
#include "payments/gateway.h"
#include "config.h"
#include "crypto.h"
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>

const pay_provider *pay_provider_named(const char *name) {
  if (name && strcmp(name, "sandbox") == 0 && g_cfg.pay_sandbox) return &sandbox_provider;
  if (name && strcmp(name, "gateway") == 0 && g_cfg.pay_url && *g_cfg.pay_url) return &gateway_provider;
  return NULL;
}

const pay_provider *pay_provider_current(void) {
  return pay_provider_named(g_cfg.pay_provider && *g_cfg.pay_provider ? g_cfg.pay_provider : "sandbox");
}

void pay_notify_canonical(const char *trade_no, const char *provider_no, long long amount_fen, const char *status,
                          char *buf, size_t len) {
  snprintf(buf, len, "amount_fen=%lld&provider_trade_no=%s&status=%s&trade_no=%s", amount_fen, provider_no, status,
           trade_no);
}

static void notify_key(char key[65]) {
  if (g_cfg.pay_secret && *g_cfg.pay_secret) snprintf(key, 65, "%.64s", g_cfg.pay_secret);
  else crypto_hmac_hex("pay-notify:sandbox", key);
}

void pay_sign(const char *text, char out[65]) {
  char key[65];
  unsigned char md[32];
  unsigned int n = 0;
  notify_key(key);
  HMAC(EVP_sha256(), key, (int)strlen(key), (const unsigned char *)text, strlen(text), md, &n);
  crypto_hex(md, 32, out);
}

int pay_verify(const char *text, const char *sig) {
  char want[65];
  if (!sig || strlen(sig) != 64) return 0;
  pay_sign(text, want);
  return crypto_equal(want, sig);
}

void pay_yuan(long long fen, char *buf, size_t len) {
  snprintf(buf, len, "%s%lld.%02lld", fen < 0 ? "-" : "", (fen < 0 ? -fen : fen) / 100, (fen < 0 ? -fen : fen) % 100);
}
