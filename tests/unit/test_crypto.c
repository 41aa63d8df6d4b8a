/* test_crypto.c: SHA-256 and the server-keyed HMAC (core/crypto.c) against published vectors and OpenSSL's one-shot
 * calls — the reused digest and MAC contexts give the same answers call after call, and follow a changed secret */
#include "harness.h"
#include "config.h"
#include "crypto.h"
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>

/* HMAC-SHA256 of msg under the current secret, by OpenSSL's one-shot call (the reference). */
static void reference_hmac(const char *msg, char out[65]) {
  unsigned char md[32];
  unsigned int len = 0;
  HMAC(EVP_sha256(), g_cfg.secret, sizeof g_cfg.secret, (const unsigned char *)msg, strlen(msg), md, &len);
  assert_int_equal(len, 32);
  crypto_hex(md, 32, out);
}

static void test_sha256_vectors(void **state) {
  (void)state;
  char out[65];
  for (int round = 0; round < 3; round++) { /* the reused context must reset between calls */
    crypto_sha256_hex("abc", out);
    assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    crypto_sha256_hex("", out);
    assert_string_equal(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    crypto_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", out);
    assert_string_equal(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }
}

static void test_hmac_follows_the_secret(void **state) {
  (void)state;
  unsigned char saved[sizeof g_cfg.secret];
  memcpy(saved, g_cfg.secret, sizeof saved);
  char got[65], want[65], first[65];
  /* RFC 4231 test case 2 has a 4-byte key; ours is always 32 bytes, so the reference is OpenSSL's one-shot HMAC. */
  memset(g_cfg.secret, 0x0b, sizeof g_cfg.secret);
  crypto_hmac_hex("Hi There", first);
  reference_hmac("Hi There", want);
  assert_string_equal(first, want);
  crypto_hmac_hex("Hi There", got); /* again: the same answer from the reused context */
  assert_string_equal(got, want);
  crypto_hmac_hex("csrf|member|42", got);
  reference_hmac("csrf|member|42", want);
  assert_string_equal(got, want);
  g_cfg.secret[31] ^= 1; /* another secret: another MAC, never the old key's */
  crypto_hmac_hex("Hi There", got);
  reference_hmac("Hi There", want);
  assert_string_equal(got, want);
  assert_string_not_equal(got, first);
  memcpy(g_cfg.secret, saved, sizeof saved);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_sha256_vectors),
                                     cmocka_unit_test(test_hmac_follows_the_secret)};
  return cmocka_run_group_tests_name("crypto", tests, NULL, NULL);
}
