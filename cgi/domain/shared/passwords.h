/* passwords.h: scrypt password hashing (N=2^15, r=8, p=3, recorded in the hash string) */
#ifndef MALL_PASSWORDS_H
#define MALL_PASSWORDS_H
#include <libscrypt.h>

#define PASSWORD_HASH_LEN SCRYPT_MCF_LEN

/* 0 on success; out receives the MCF string. */
int password_hash(const char *plain, char out[PASSWORD_HASH_LEN]);
/* 1 when plain matches hash; 0 otherwise (including malformed hashes). */
int password_check(const char *hash, const char *plain);
/* Spends the same time as a check, for unknown accounts (no user enumeration by timing). */
void password_dummy_check(const char *plain);

#endif
