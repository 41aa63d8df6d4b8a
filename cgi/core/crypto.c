/* crypto.c: CSPRNG, SHA-256, HMAC and constant-time compare (OpenSSL libcrypto) */
#include "crypto.h"
#include "config.h"
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

void crypto_sha256_hex(const char *in, char out[65]) {
  unsigned char md[32];
  SHA256((const unsigned char *)in, strlen(in), md);
  crypto_hex(md, 32, out);
}

void crypto_hmac_hex(const char *msg, char out[65]) {
  unsigned char md[32];
  unsigned int len = 0;
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
