/* code_format.c: one-item codes — alphabet, Luhn mod 32 check character, parsing, keyed hash, package passwords */
#include "codes/code_format.h"
#include "config.h"
#include "crypto.h"
#include <ctype.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>

static int symbol(char c) {
  const char *p = c ? strchr(CODE_ALPHABET, c) : NULL;
  return p ? (int)(p - CODE_ALPHABET) : -1;
}

char code_check_char(const char *data, size_t n) {
  /* Luhn mod N: from the right, every second symbol is doubled and its two base-N digits are added. */
  int factor = 2, sum = 0;
  for (size_t i = n; i-- > 0;) {
    int addend = factor * symbol(data[i]);
    factor = factor == 2 ? 1 : 2;
    sum += addend / CODE_RADIX + addend % CODE_RADIX;
  }
  return CODE_ALPHABET[(CODE_RADIX - sum % CODE_RADIX) % CODE_RADIX];
}

int code_random(char out[CODE_LEN + 1]) {
  unsigned char b[CODE_DATA_LEN];
  if (crypto_random(b, sizeof b) != 0) return -1;
  /* 256 is a multiple of 32: the low 5 bits of a random byte are uniform. */
  for (int i = 0; i < CODE_DATA_LEN; i++) out[i] = CODE_ALPHABET[b[i] & 31];
  out[CODE_DATA_LEN] = code_check_char(out, CODE_DATA_LEN);
  out[CODE_LEN] = 0;
  return 0;
}

code_status code_parse(const char *in, char out[CODE_LEN + 1]) {
  out[0] = 0;
  if (!in) return CODE_MALFORMED;
  /* A URL: the code is what follows its last "/c/". */
  const char *p = in, *c;
  while ((c = strstr(p, "/c/"))) p = c + 3;
  size_t n = 0;
  for (; *p; p++) {
    unsigned char ch = (unsigned char)*p;
    if (ch == ' ' || ch == '-' || ch == '\t' || ch == '\r' || ch == '\n') continue;
    if (n == CODE_LEN) return CODE_MALFORMED;
    ch = (unsigned char)toupper(ch);
    if (symbol((char)ch) < 0) return CODE_MALFORMED;
    out[n++] = (char)ch;
  }
  out[n] = 0;
  if (n != CODE_LEN) return CODE_MALFORMED;
  return code_check_char(out, CODE_DATA_LEN) == out[CODE_DATA_LEN] ? CODE_OK : CODE_BAD_CHECK;
}

/* The hashing key: HMAC(secret, purpose), so a leak of the code hashes says nothing about CSRF tokens or other keyed
 * hashes made with the same secret, and the other way round. */
static const unsigned char *hash_key(void) {
  static unsigned char key[32];
  static int made;
  if (!made) {
    static const char purpose[] = "points-mall one-item codes v1";
    unsigned int len = 0;
    HMAC(EVP_sha256(), g_cfg.secret, sizeof g_cfg.secret, (const unsigned char *)purpose, sizeof purpose - 1, key,
         &len);
    made = 1;
  }
  return key;
}

void code_hash(const char *code, char out[CODE_HASH_HEX + 1]) {
  unsigned char md[32];
  unsigned int len = 0;
  HMAC(EVP_sha256(), hash_key(), 32, (const unsigned char *)code, strlen(code), md, &len);
  crypto_hex(md, CODE_HASH_HEX / 2, out);
}

int code_password(char out[24]) {
  unsigned char b[20];
  if (crypto_random(b, sizeof b) != 0) return -1;
  int k = 0;
  for (int i = 0; i < 20; i++) {
    if (i && i % 5 == 0) out[k++] = '-';
    out[k++] = CODE_ALPHABET[b[i] & 31];
  }
  out[k] = 0;
  return 0;
}
