/* passwords.c: scrypt password hashing (N=2^15, r=8, p=3, recorded in the hash string) */
#include "shared/passwords.h"
#include "crypto.h"
#include <stdio.h>
#include <string.h>

int password_hash(const char *plain, char out[PASSWORD_HASH_LEN]) {
  /* libscrypt's defaults (N=2^14, p=16) fall short of current guidance: pass them explicitly. */
  return libscrypt_hash(out, plain, 32768, 8, 3) == 1 ? 0 : -1;
}

int password_check(const char *hash, const char *plain) {
  char copy[PASSWORD_HASH_LEN];
  if (!hash || strlen(hash) >= sizeof copy || strncmp(hash, SCRYPT_MCF_ID, 3) != 0) return 0;
  /* libscrypt_check rewrites its buffer: hand it a copy. */
  snprintf(copy, sizeof copy, "%s", hash);
  return libscrypt_check(copy, plain) > 0;
}

void password_dummy_check(const char *plain) {
  static char dummy[PASSWORD_HASH_LEN];
  if (!dummy[0] && password_hash("dummy-password-for-timing", dummy) != 0) return;
  (void)password_check(dummy, plain);
}

int password_generate(char *out, size_t len) {
  static const char A[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const size_t n = sizeof A - 1; /* 57 */
  size_t i = 0;
  while (i + 1 < len) {
    unsigned char b[32];
    if (crypto_random(b, sizeof b)) return -1;
    for (size_t k = 0; k < sizeof b && i + 1 < len; k++)
      if (b[k] < 256 - 256 % n) out[i++] = A[b[k] % n]; /* rejection sampling: no bias */
  }
  out[i] = 0;
  /* The password rules want a mix; redraw the rare all-letters or all-digits result. */
  int letter = 0, digit = 0;
  for (size_t k = 0; k < i; k++) (out[k] >= '2' && out[k] <= '9') ? digit++ : letter++;
  return letter && digit ? 0 : password_generate(out, len);
}
