/* crypto.h: CSPRNG, SHA-256, HMAC and constant-time compare (OpenSSL libcrypto) */
#ifndef MALL_CRYPTO_H
#define MALL_CRYPTO_H
#include <stddef.h>

int crypto_random(void *buf, size_t len);                        /* 0 on success */
void crypto_hex(const unsigned char *in, size_t len, char *out); /* out: 2*len+1 */
void crypto_sha256_hex(const char *in, char out[65]);
void crypto_hmac_hex(const char *msg, char out[65]); /* keyed with the server secret */
int crypto_token_hex(char *out, size_t bytes);       /* random token, 2*bytes hex chars */
int crypto_digits(char *out, int n);                 /* n random decimal digits */
int crypto_equal(const char *a, const char *b);      /* constant-time string equality */

#endif
