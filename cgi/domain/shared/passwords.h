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

/* A random password of len - 1 characters from an alphabet without look-alikes (0/O, 1/l/I), with at least one
 * letter and one digit, for temporary and initial passwords sent by SMS. 0 on success, -1 without randomness. */
int password_generate(char *out, size_t len);

#endif
