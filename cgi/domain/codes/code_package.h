/* code_package.h: the encrypted package of a code batch (an AES-256 ZIP any 7-Zip or WinRAR opens with its password),
 * reading the plant's mapping file out of one, and the package password kept sealed until its admin has seen it */
#ifndef MALL_CODE_PACKAGE_H
#define MALL_CODE_PACKAGE_H
#include "neo.h"
#include <stddef.h>

/* Writes a ZIP at path holding one file, name, with data[0..len) deflated and AES-256 encrypted with password. */
NEOERR *code_zip_write(const char *path, const char *name, const char *data, size_t len, const char *password);
/* The first .csv (or the only) file of the ZIP in buf[0..len), decrypted with password (NULL/"" when it has none):
 * *out malloc'd and NUL-terminated (the caller frees it), at most max bytes. *bad_password = 1 when the password is
 * missing or wrong; the error is only for a broken ZIP or an entry over max. */
NEOERR *code_zip_read(const char *buf, size_t len, const char *password, size_t max, char **out, size_t *out_len,
                      int *bad_password);
/* 1 when buf starts like a ZIP file. */
int code_zip_looks(const char *buf, size_t len);

/* Seals a password for the job row: AES-256-GCM under a key derived from the server secret, hex (nonce, text, tag);
 * out of at least 2 * (12 + strlen + 16) + 1 bytes. Opens it again: 0 on success (-1: altered or another key). */
int code_password_seal(const char *password, char *out, size_t len);
int code_password_open(const char *sealed, char *out, size_t len);

#endif
