/* passwords.c: scrypt password hashing (N=2^15, r=8, p=3, recorded in the hash string) */
#include "shared/passwords.h"
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
