/* test_cidr.c: IP addresses and CIDR ranges (shared/cidr.c) — parsing, canonical text, matching inside and outside a
 * range, IPv4-mapped IPv6; and the back office's value and expiry checks built on them (blacklist_admin.c) */
#include "harness.h"
#include "backoffice/blacklist_admin.h"
#include "shared/cidr.h"
#include <string.h>

/* text parses as a range whose canonical form is want. */
static void canon(const char *text, const char *want) {
  cidr c;
  char buf[64];
  assert_int_equal(cidr_parse(text, &c), 0);
  cidr_format(&c, buf, sizeof buf);
  assert_string_equal(buf, want);
}

static void bad(const char *text) {
  cidr c;
  assert_int_equal(cidr_parse(text, &c), -1);
}

/* Is ip inside range? */
static int in(const char *range, const char *ip) {
  cidr r, a;
  assert_int_equal(cidr_parse(range, &r), 0);
  assert_int_equal(cidr_parse_ip(ip, &a), 0);
  return cidr_contains(&r, &a);
}

static void test_parse_ipv4(void **state) {
  canon("192.168.1.7", "192.168.1.7");
  canon("192.168.1.7/32", "192.168.1.7");
  canon("192.168.1.0/24", "192.168.1.0/24");
  canon("192.168.1.77/24", "192.168.1.0/24"); /* host bits cleared */
  canon("10.200.3.4/8", "10.0.0.0/8");
  canon("172.16.5.4/12", "172.16.0.0/12");
  canon("172.31.255.255/12", "172.16.0.0/12");
  canon("1.2.3.4/0", "0.0.0.0/0");
  canon("203.0.113.129/25", "203.0.113.128/25");
  bad("");
  bad("10.0.0.300");
  bad("10.0.0.0/33");
  bad("10.0.0.0/");
  bad("10.0.0.0/-1");
  bad("10.0.0.0/+8");
  bad("10.0.0.0/ 8");
  bad("10.0.0.0/8x");
  bad("10.0.0.0/0008");
  bad("10.0.0");
  bad("10.0.0.0.0");
  bad(" 10.0.0.1");
  bad("10.0.0.1/24/24");
  bad("example.com");
  cidr c;
  assert_int_equal(cidr_parse_ip("10.0.0.1/32", &c), -1); /* an address, not a range */
  assert_int_equal(cidr_parse(NULL, &c), -1);
}

static void test_parse_ipv6(void **state) {
  canon("2001:db8::1", "2001:db8::1");
  canon("2001:DB8:0:0:1::/64", "2001:db8::/64");
  canon("2001:db8:abcd:12:ffff::/48", "2001:db8:abcd::/48");
  canon("::1", "::1");
  canon("fe80::1/10", "fe80::/10");
  canon("::ffff:10.1.2.3", "10.1.2.3");        /* IPv4-mapped: the same client as 10.1.2.3 */
  canon("::ffff:10.1.2.3/120", "10.1.2.0/24"); /* its prefix counts the IPv6 way */
  bad("2001:db8::/129");
  bad("2001:db8:::1");
  bad("2001:db8::g");
  bad("::ffff:10.1.2.3/90"); /* a mapped range wider than IPv4 itself */
}

static void test_contains(void **state) {
  assert_true(in("192.168.1.0/24", "192.168.1.0"));
  assert_true(in("192.168.1.0/24", "192.168.1.255"));
  assert_false(in("192.168.1.0/24", "192.168.2.0"));
  assert_false(in("192.168.1.0/24", "192.168.0.255"));
  assert_true(in("203.0.113.128/25", "203.0.113.200"));
  assert_false(in("203.0.113.128/25", "203.0.113.127"));
  assert_true(in("172.16.0.0/12", "172.31.0.1"));
  assert_false(in("172.16.0.0/12", "172.32.0.1"));
  assert_true(in("10.0.0.7", "10.0.0.7"));
  assert_false(in("10.0.0.7", "10.0.0.8"));
  assert_true(in("0.0.0.0/0", "8.8.8.8"));
  assert_true(in("127.5.6.0/24", "::ffff:127.5.6.9")); /* a mapped client address matches an IPv4 range */
  assert_true(in("2001:db8::/32", "2001:db8:ffff::1"));
  assert_false(in("2001:db8::/32", "2001:db9::1"));
  assert_true(in("fe80::/10", "febf::1"));
  assert_false(in("fe80::/10", "fec0::1"));
  assert_false(in("10.0.0.0/8", "::a00:1")); /* families never mix */
  assert_false(in("::/0", "10.0.0.1"));
}

static void test_value_check(void **state) {
  char out[65];
  assert_null(blacklist_value_check("ip", " 10.1.2.3/16 ", out));
  assert_string_equal(out, "10.1.0.0/16");
  assert_string_equal(blacklist_value_check("ip", "10.1.2.3/7", out), "Blacklist.RangeTooWide");
  assert_string_equal(blacklist_value_check("ip", "2001:db8::/15", out), "Blacklist.RangeTooWide");
  assert_null(blacklist_value_check("ip", "2001:db8::/16", out));
  assert_string_equal(blacklist_value_check("ip", "10.1.2.256", out), "Blacklist.BadIp");
  assert_string_equal(blacklist_value_check("ip", "   ", out), "Blacklist.ValueRequired");
  assert_null(blacklist_value_check("mobile", "13800138000", out));
  assert_string_equal(out, "13800138000");
  assert_string_equal(blacklist_value_check("mobile", "1380013800", out), "Blacklist.BadMobile");
  assert_string_equal(blacklist_value_check("mobile", "12800138000", out), "Blacklist.BadMobile");
  assert_string_equal(blacklist_value_check("mobile", "1380013800a", out), "Blacklist.BadMobile");
  assert_null(blacklist_value_check("merchant", "carwash", out));
  assert_string_equal(blacklist_value_check("merchant", "car\twash", out), "Blacklist.BadMerchant");
  assert_string_equal(blacklist_value_check("other", "x", out), "Blacklist.BadKind");
}

static void test_expiry_parse(void **state) {
  char out[20];
  assert_int_equal(blacklist_expiry_parse("2026-12-31 23:59", out), 0);
  assert_string_equal(out, "2026-12-31 23:59:00");
  assert_int_equal(blacklist_expiry_parse("2026-12-31T08:05", out), 0); /* datetime-local */
  assert_string_equal(out, "2026-12-31 08:05:00");
  assert_int_equal(blacklist_expiry_parse("2026-01-02 03:04:05", out), 0);
  assert_string_equal(out, "2026-01-02 03:04:05");
  assert_int_equal(blacklist_expiry_parse("2026-12-31", out), -1);
  assert_int_equal(blacklist_expiry_parse("2026-13-01 00:00", out), -1);
  assert_int_equal(blacklist_expiry_parse("2026-12-31 24:00", out), -1);
  assert_int_equal(blacklist_expiry_parse("2026-12-31 +1:00", out), -1);
  assert_int_equal(blacklist_expiry_parse("2026/12/31 10:00", out), -1);
  assert_int_equal(blacklist_expiry_parse("tomorrow", out), -1);
  assert_int_equal(blacklist_expiry_parse(NULL, out), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_ipv4),  cmocka_unit_test(test_parse_ipv6),   cmocka_unit_test(test_contains),
      cmocka_unit_test(test_value_check), cmocka_unit_test(test_expiry_parse),
  };
  return cmocka_run_group_tests_name("cidr", tests, NULL, NULL);
}
