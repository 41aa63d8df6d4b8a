/* cidr.h: IP addresses and CIDR ranges (IPv4 and IPv6) — parse, print canonically, match */
#ifndef MALL_CIDR_H
#define MALL_CIDR_H
#include <stddef.h>

/* An address is a range of one (prefix 32 or 128). IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are IPv4. */
typedef struct {
  int family; /* 4 or 6 */
  int prefix; /* 0..32 or 0..128 */
  unsigned char addr[16];
} cidr;

/* "a.b.c.d", "a.b.c.d/n", an IPv6 address, "x::/n". Host bits set under the prefix are cleared (10.1.2.3/8 is
 * 10.0.0.0/8). Returns 0 when valid, -1 otherwise (out zeroed). */
int cidr_parse(const char *text, cidr *out);
/* A single address (no "/n" allowed). 0 when valid. */
int cidr_parse_ip(const char *text, cidr *out);
/* 1 when ip (an address) lies in range; 0 otherwise, and always across families. */
int cidr_contains(const cidr *range, const cidr *ip);
/* Canonical text: "10.0.0.0/8"; a single address without "/n". buf needs 50 bytes. */
void cidr_format(const cidr *c, char *buf, size_t len);
/* 1 when the range is one address. */
int cidr_is_single(const cidr *c);

#endif
