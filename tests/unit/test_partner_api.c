/* test_partner_api.c: the partner API's pure parts (I1) — the signed string and its HMAC against vectors computed
 * independently (node:crypto), constant-time comparison, nonce rules, sealed secrets (round trip, tampering, length),
 * and the plans of its list statements (API log pages, ledger pages: their index, no full scan, no filesort) */
#include "harness.h"
#include "config.h"
#include "partners/api_points.h"
#include "partners/partners.h"
#include <stdio.h>
#include <string.h>

static void test_signature_vectors(void **state) {
  char sig[65];
  api_signature("sk_test", "GET", "/api/v1/members", "mobile=13800138000", "1700000000", "nonce-0123456789abcdef", "",
                0, sig);
  assert_string_equal(sig, "0048726876d1765677a6bb070da2bdf098c733c2b157652e13ab67068f7dcd78");
  const char body[] = "{\"reference\":\"r1\"}";
  api_signature("sk_test", "POST", "/api/v1/reversals", "", "1700000000", "nonce-0123456789abcdef", body,
                sizeof body - 1, sig);
  assert_string_equal(sig, "352163a6ccdf073396d2f766566568bd366b5b26a83c6a1ebc84ce054d951911");
  /* Upper-case hex is the same signature; one character off, a prefix or nothing is not. */
  char up[65];
  for (int i = 0; i < 65; i++) up[i] = (char)(sig[i] >= 'a' && sig[i] <= 'f' ? sig[i] - 32 : sig[i]);
  assert_true(api_signature_ok(sig, up));
  char off[65];
  memcpy(off, sig, 65);
  off[10] = off[10] == '0' ? '1' : '0';
  assert_false(api_signature_ok(sig, off));
  assert_false(api_signature_ok(sig, "0048726876"));
  assert_false(api_signature_ok(sig, ""));
  assert_false(api_signature_ok(sig, NULL));
}

static void test_nonce_rules(void **state) {
  assert_true(api_nonce_valid("0123456789abcdef"));
  assert_true(api_nonce_valid("A_b-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab"));
  assert_false(api_nonce_valid("0123456789abcde"));                                                   /* 15 */
  assert_false(api_nonce_valid("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefX")); /* 65 */
  assert_false(api_nonce_valid("0123456789abcdef with space"));
  assert_false(api_nonce_valid(NULL));
}

static void test_sealed_secrets(void **state) {
  assert_int_equal(config_load(), 0);
  char sealed[PARTNER_SEALED_MAX], sealed2[PARTNER_SEALED_MAX], out[PARTNER_SECRET_MAX + 1];
  const char secret[] = "sk_0123456789abcdef0123456789abcdef01234567";
  assert_int_equal(partner_secret_seal(secret, sealed, sizeof sealed), 0);
  assert_null(strstr(sealed, "0123456789abcdef0123"));
  assert_int_equal(partner_secret_open(sealed, out, sizeof out), 0);
  assert_string_equal(out, secret);
  /* A fresh nonce each time: the same secret seals differently. */
  assert_int_equal(partner_secret_seal(secret, sealed2, sizeof sealed2), 0);
  assert_string_not_equal(sealed, sealed2);
  /* Any changed character (nonce, text or tag) fails the tag. */
  for (size_t i = 0; i < strlen(sealed); i += 7) {
    char t[PARTNER_SEALED_MAX];
    memcpy(t, sealed, sizeof t);
    t[i] = t[i] == 'a' ? 'b' : 'a';
    assert_int_equal(partner_secret_open(t, out, sizeof out), -1);
    assert_string_equal(out, "");
  }
  assert_int_equal(partner_secret_open("demo:sk_demo", out, sizeof out), -1);
  char too_long[PARTNER_SECRET_MAX + 2];
  memset(too_long, 'x', sizeof too_long - 1);
  too_long[sizeof too_long - 1] = 0;
  assert_int_equal(partner_secret_seal(too_long, sealed, sizeof sealed), -1);
}

/* 20,000 log rows of five partners nobody has (ids 990001..990005), removed afterwards. */
static const char SQL_SEED[] =
    "INSERT INTO api_log (partner_id, key_id, method, path, status, code) SELECT 990001 + seq % 5, 'pk_plan', 'GET', "
    "'/api/v1/members/1/balance', 200, '' FROM seq_1_to_20000; ANALYZE TABLE api_log, points_ledger";
static const char SQL_CLEAN[] = "DELETE FROM api_log WHERE key_id = 'pk_plan'";

static int g_bad;
static void check_plan(const char *name, const char *stmt, const dbp *p, int n, const char *table, const char *key) {
  char sql[2400], plan[16384];
  int found = 0;
  snprintf(sql, sizeof sql, "EXPLAIN FORMAT=JSON %s", stmt);
  t_ok(db_query_str(t_db(), sql, p, n, plan, sizeof plan, &found), sql);
  print_message("plan of %s:\n%s\n", name, plan);
  char want[128], wkey[128];
  snprintf(want, sizeof want, "\"table_name\": \"%s\"", table);
  snprintf(wkey, sizeof wkey, "\"key\": \"%s\"", key);
  const char *t = strstr(plan, want);
  if (!t || !strstr(t, wkey) || strstr(plan, "\"access_type\": \"ALL\"") || strstr(plan, "filesort")) {
    print_error("%s: not read through %s.%s alone, or scanned, or sorted\n", name, table, key);
    g_bad++;
  }
}

static void test_list_plans(void **state) {
  t_ok(db_run_script(t_db(), SQL_SEED), "seed");
  long long before = 0x7fffffffffffffffLL;
  check_plan("API log, all partners", API_LOG_SQL_ALL, DBA(DI(before), DI(51)), "l", "PRIMARY");
  check_plan("API log, one partner", API_LOG_SQL_PARTNER, DBA(DI(990003), DI(before), DI(51)), "l", "by_partner");
  check_plan("member ledger page", API_LEDGER_SQL,
             DBA(DS("+08:00"), DI(1), DI(before), DS("1970-01-01 00:00:00"), DS("9999-12-31 23:59:59"), DI(21)),
             "points_ledger", "by_member");
  t_ok(db_run_script(t_db(), SQL_CLEAN), "clean");
  assert_int_equal(g_bad, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_signature_vectors),
      cmocka_unit_test(test_nonce_rules),
      cmocka_unit_test(test_sealed_secrets),
      cmocka_unit_test(test_list_plans),
  };
  return cmocka_run_group_tests_name("partner_api", tests, NULL, NULL);
}
