/* crypto.c: CSPRNG, SHA-256, HMAC and constant-time compare (OpenSSL libcrypto) */
#include "crypto.h"
#include "config.h"
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <string.h>
#include <sys/random.h>

int crypto_random(void *buf, size_t len) {
  unsigned char *p = buf;
  while (len > 0) {
    ssize_t n = getrandom(p, len, 0);
    if (n < 0) return -1;
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

void crypto_hex(const unsigned char *in, size_t len, char *out) {
  static const char hx[] = "0123456789abcdef";
  for (size_t i = 0; i < len; i++) {
    out[2 * i] = hx[in[i] >> 4];
    out[2 * i + 1] = hx[in[i] & 15];
  }
  out[2 * len] = 0;
}

/* The digest and the keyed MAC are fetched and set up once per process and reused: OpenSSL 3's one-shot SHA256()
 * and HMAC() look the algorithm up on every call (3% of a signed-in page, which hashes its session token and
 * derives its CSRF token). The one-shot calls remain the fallback. */
static EVP_MD *g_sha256;
static EVP_MD_CTX *g_md_ctx;
static EVP_MAC_CTX *g_mac_ctx;
static unsigned char g_mac_key[sizeof g_cfg.secret]; /* the secret g_mac_ctx is keyed with (tests change it) */

static int sha256_reused(const char *in, unsigned char md[32]) {
  if (!g_sha256 && !(g_sha256 = EVP_MD_fetch(NULL, "SHA256", NULL))) return 0;
  if (!g_md_ctx && !(g_md_ctx = EVP_MD_CTX_new())) return 0;
  unsigned int len = 0;
  return EVP_DigestInit_ex(g_md_ctx, g_sha256, NULL) == 1 && EVP_DigestUpdate(g_md_ctx, in, strlen(in)) == 1 &&
         EVP_DigestFinal_ex(g_md_ctx, md, &len) == 1 && len == 32;
}

void crypto_sha256_hex(const char *in, char out[65]) {
  unsigned char md[32];
  if (!sha256_reused(in, md)) SHA256((const unsigned char *)in, strlen(in), md);
  crypto_hex(md, 32, out);
}

static int hmac_reused(const char *msg, unsigned char md[32]) {
  if (!g_mac_ctx || memcmp(g_mac_key, g_cfg.secret, sizeof g_mac_key) != 0) {
    EVP_MAC_CTX_free(g_mac_ctx);
    g_mac_ctx = NULL;
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (!mac) return 0;
    g_mac_ctx = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac); /* the context keeps its own reference */
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SHA256", 0),
                           OSSL_PARAM_construct_end()};
    if (!g_mac_ctx || EVP_MAC_init(g_mac_ctx, (const unsigned char *)g_cfg.secret, sizeof g_cfg.secret, params) != 1) {
      EVP_MAC_CTX_free(g_mac_ctx);
      g_mac_ctx = NULL;
      return 0;
    }
    memcpy(g_mac_key, g_cfg.secret, sizeof g_mac_key);
  } else if (EVP_MAC_init(g_mac_ctx, NULL, 0, NULL) != 1) { /* the same key again */
    return 0;
  }
  size_t len = 0;
  return EVP_MAC_update(g_mac_ctx, (const unsigned char *)msg, strlen(msg)) == 1 &&
         EVP_MAC_final(g_mac_ctx, md, &len, 32) == 1 && len == 32;
}

void crypto_hmac_hex(const char *msg, char out[65]) {
  unsigned char md[32];
  unsigned int len = 0;
  if (!hmac_reused(msg, md))
    HMAC(EVP_sha256(), g_cfg.secret, sizeof g_cfg.secret, (const unsigned char *)msg, strlen(msg), md, &len);
  crypto_hex(md, 32, out);
}

int crypto_token_hex(char *out, size_t bytes) {
  unsigned char buf[64];
  if (bytes > sizeof buf || crypto_random(buf, bytes) != 0) return -1;
  crypto_hex(buf, bytes, out);
  return 0;
}

/* Rejection sampling keeps every digit uniform. */
int crypto_digits(char *out, int n) {
  int i = 0;
  while (i < n) {
    unsigned char b[16];
    if (crypto_random(b, sizeof b) != 0) return -1;
    for (size_t k = 0; k < sizeof b && i < n; k++)
      if (b[k] < 250) out[i++] = (char)('0' + b[k] % 10);
  }
  out[n] = 0;
  return 0;
}

int crypto_equal(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la != lb) return 0;
  return CRYPTO_memcmp(a, b, la) == 0;
}
