/* code_package.c: encrypted ZIP packages with libzip (AES-256, WinZip AE-2: 7-Zip and WinRAR open them), and the
 * sealed package password (AES-256-GCM, OpenSSL) */
#include "codes/code_package.h"
#include "config.h"
#include "crypto.h"
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

NEOERR *code_zip_write(const char *path, const char *name, const char *data, size_t len, const char *password) {
  int zerr = 0;
  zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  if (!za) return nerr_raise(NERR_IO, "zip_open %s: error %d", path, zerr);
  zip_source_t *src = zip_source_buffer(za, data, len, 0);
  zip_int64_t idx = src ? zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8) : -1;
  if (idx < 0) {
    if (src) zip_source_free(src);
    NEOERR *err = nerr_raise(NERR_IO, "zip add: %s", zip_strerror(za));
    zip_discard(za);
    return err;
  }
  if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) != 0 ||
      zip_file_set_encryption(za, (zip_uint64_t)idx, ZIP_EM_AES_256, password) != 0) {
    NEOERR *err = nerr_raise(NERR_IO, "zip encryption: %s", zip_strerror(za));
    zip_discard(za);
    return err;
  }
  /* The data is read and encrypted here, at close. */
  if (zip_close(za) != 0) {
    NEOERR *err = nerr_raise(NERR_IO, "zip write %s: %s", path, zip_strerror(za));
    zip_discard(za);
    return err;
  }
  return STATUS_OK;
}

int code_zip_looks(const char *buf, size_t len) { return len >= 4 && memcmp(buf, "PK\003\004", 4) == 0; }

NEOERR *code_zip_read(const char *buf, size_t len, const char *password, size_t max, char **out, size_t *out_len,
                      int *bad_password) {
  *out = NULL;
  *out_len = 0;
  *bad_password = 0;
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
  zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
  if (!za) {
    if (src) zip_source_free(src);
    NEOERR *err = nerr_raise(NERR_PARSE, "not a readable ZIP: %s", zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return err;
  }
  zip_error_fini(&ze);
  zip_int64_t n = zip_get_num_entries(za, 0), pick = -1;
  for (zip_int64_t i = 0; i < n && pick < 0; i++) {
    const char *nm = zip_get_name(za, (zip_uint64_t)i, 0);
    size_t l = nm ? strlen(nm) : 0;
    if (l > 4 && strcasecmp(nm + l - 4, ".csv") == 0) pick = i;
  }
  if (pick < 0 && n == 1) pick = 0;
  NEOERR *err = STATUS_OK;
  zip_stat_t st;
  if (pick < 0) err = nerr_raise(NERR_PARSE, "the ZIP holds no .csv file");
  else if (zip_stat_index(za, (zip_uint64_t)pick, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    err = nerr_raise(NERR_PARSE, "ZIP entry without a size");
  else if (st.size > max) err = nerr_raise(NERR_PARSE, "the mapping file is larger than %zu bytes", max);
  if (!err) {
    zip_file_t *zf = zip_fopen_index_encrypted(za, (zip_uint64_t)pick, 0, password && *password ? password : NULL);
    char *data = zf ? malloc(st.size + 1) : NULL;
    zip_int64_t got = data ? zip_fread(zf, data, st.size) : -1;
    if (!zf || got < 0 || (zip_uint64_t)got != st.size) {
      /* A wrong AES password fails at open (its verifier); a wrong ZipCrypto one at the CRC while reading. */
      *bad_password = 1;
      free(data);
    } else {
      data[st.size] = 0;
      *out = data;
      *out_len = st.size;
    }
    if (zf) zip_fclose(zf);
  }
  zip_discard(za);
  return nerr_pass(err);
}

/* The sealing key: HMAC(secret, purpose), apart from every other use of the secret. */
static void seal_key(unsigned char key[32]) {
  static const char purpose[] = "points-mall package password seal v1";
  unsigned int len = 0;
  HMAC(EVP_sha256(), g_cfg.secret, sizeof g_cfg.secret, (const unsigned char *)purpose, sizeof purpose - 1, key, &len);
}

static int unhex(const char *s, unsigned char *out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned v = 0;
    for (int k = 0; k < 2; k++) {
      char c = s[2 * i + k];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
      else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
      else return -1;
    }
    out[i] = (unsigned char)v;
  }
  return 0;
}

int code_password_seal(const char *password, char *out, size_t len) {
  size_t n = strlen(password);
  unsigned char key[32], buf[12 + 64 + 16];
  if (n > 64 || len < 2 * (12 + n + 16) + 1) return -1;
  if (crypto_random(buf, 12) != 0) return -1;
  seal_key(key);
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  int l = 0,
      ok = ctx && EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, buf) == 1 &&
      EVP_EncryptUpdate(ctx, buf + 12, &l, (const unsigned char *)password, (int)n) == 1 &&
      EVP_EncryptFinal_ex(ctx, buf + 12 + l, &l) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, buf + 12 + n) == 1;
  EVP_CIPHER_CTX_free(ctx);
  OPENSSL_cleanse(key, sizeof key);
  if (!ok) return -1;
  crypto_hex(buf, 12 + n + 16, out);
  return 0;
}

int code_password_open(const char *sealed, char *out, size_t len) {
  size_t hl = strlen(sealed);
  if (hl % 2 || hl < 2 * (12 + 16) || hl > 2 * (12 + 64 + 16)) return -1;
  size_t n = hl / 2 - 12 - 16;
  unsigned char key[32], buf[12 + 64 + 16];
  if (len < n + 1 || unhex(sealed, buf, hl / 2) != 0) return -1;
  seal_key(key);
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
  int l = 0,
      ok = ctx && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, buf) == 1 &&
      EVP_DecryptUpdate(ctx, (unsigned char *)out, &l, buf + 12, (int)n) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, buf + 12 + n) == 1 &&
      EVP_DecryptFinal_ex(ctx, (unsigned char *)out + l, &l) == 1;
  EVP_CIPHER_CTX_free(ctx);
  OPENSSL_cleanse(key, sizeof key);
  out[ok ? n : 0] = 0;
  return ok ? 0 : -1;
}
