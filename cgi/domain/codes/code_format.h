/* code_format.h: what a one-item code looks like — an unambiguous alphabet, a Luhn mod 32 check character that catches
 * typos before any database work, and the keyed hash the database keeps instead of the code */
#ifndef MALL_CODE_FORMAT_H
#define MALL_CODE_FORMAT_H
#include <stddef.h>

/* 32 symbols: no 0/O, 1/I (read aloud or hand-typed, they are confused); 5 bits each. */
#define CODE_ALPHABET "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
#define CODE_RADIX 32
#define CODE_DATA_LEN 12 /* 60 random bits: a million codes leave ~1 in 10^12 chance per guess */
#define CODE_LEN 13      /* data + one check character */
#define CODE_HASH_HEX 32 /* the first 128 bits of HMAC-SHA256, hex */

typedef enum {
  CODE_OK,
  CODE_MALFORMED, /* wrong length or a character outside the alphabet */
  CODE_BAD_CHECK, /* well-formed, but the check character does not match: a typo */
} code_status;

/* The Luhn mod N check character (N = 32) of data[0..n). Catches every single wrong character and every swap of two
 * neighbours except between symbols 16 apart. */
char code_check_char(const char *data, size_t n);
/* A new random code (CSPRNG) with its check character: out[CODE_LEN + 1]. 0 on success. */
int code_random(char out[CODE_LEN + 1]);
/* Reads what a person typed or a scanner saw: a bare code or a URL ending in /c/{code}; upper-cases, drops spaces and
 * hyphens. out[CODE_LEN + 1] gets the code when CODE_OK (and when CODE_BAD_CHECK, for messages). */
code_status code_parse(const char *in, char out[CODE_LEN + 1]);
/* HMAC-SHA256 under a key derived from the server secret (var/secret.key) for this purpose only; out gets the first
 * 128 bits in hex. The database finds a code by this; the code itself is never stored. */
void code_hash(const char *code, char out[CODE_HASH_HEX + 1]);
/* A package password: 4 groups of 5 alphabet symbols (100 bits), "XXXXX-XXXXX-XXXXX-XXXXX". 0 on success. */
int code_password(char out[24]);

#endif
