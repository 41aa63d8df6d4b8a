/* cidr.c: IP addresses and CIDR ranges (IPv4 and IPv6) — parse, print canonically, match */
#include "shared/cidr.h"
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned char V4_MAPPED[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

static int parse_addr(const char *s, cidr *out) {
  unsigned char b[16];
  if (inet_pton(AF_INET, s, b) == 1) {
    out->family = 4;
    memcpy(out->addr, b, 4);
    return 0;
  }
  if (inet_pton(AF_INET6, s, b) == 1) {
    if (memcmp(b, V4_MAPPED, 12) == 0) { /* the same client whichever way the socket reports it */
      out->family = 4;
      memcpy(out->addr, b + 12, 4);
    } else {
      out->family = 6;
      memcpy(out->addr, b, 16);
    }
    return 0;
  }
  return -1;
}

static void clear_host_bits(cidr *c) {
  int bytes = c->family == 4 ? 4 : 16;
  for (int i = 0; i < bytes; i++) {
    int keep = c->prefix - i * 8; /* bits of this byte inside the prefix */
    if (keep <= 0) c->addr[i] = 0;
    else if (keep < 8) c->addr[i] &= (unsigned char)(0xff << (8 - keep));
  }
}

int cidr_parse_ip(const char *text, cidr *out) {
  memset(out, 0, sizeof *out);
  if (!text || !*text || strlen(text) > 45 || parse_addr(text, out) != 0) {
    memset(out, 0, sizeof *out);
    return -1;
  }
  out->prefix = out->family == 4 ? 32 : 128;
  return 0;
}

int cidr_parse(const char *text, cidr *out) {
  memset(out, 0, sizeof *out);
  if (!text) return -1;
  size_t len = strlen(text);
  if (len == 0 || len > 49) return -1;
  const char *slash = strchr(text, '/');
  if (!slash) return cidr_parse_ip(text, out);
  char addr[50];
  snprintf(addr, sizeof addr, "%.*s", (int)(slash - text), text);
  const char *p = slash + 1;
  /* 1 to 3 digits, nothing else: strtol would take "+8", " 8" or "8x". */
  size_t nd = strspn(p, "0123456789");
  if (nd == 0 || nd > 3 || p[nd] != 0) return -1;
  int prefix = atoi(p);
  int mapped = strchr(addr, ':') != NULL; /* ::ffff:a.b.c.d/n counts the IPv6 way: 96 + n */
  if (parse_addr(addr, out) != 0) {
    memset(out, 0, sizeof *out);
    return -1;
  }
  if (out->family == 4 && mapped) prefix -= 96;
  if (prefix < 0 || prefix > (out->family == 4 ? 32 : 128)) {
    memset(out, 0, sizeof *out);
    return -1;
  }
  out->prefix = prefix;
  clear_host_bits(out);
  return 0;
}

int cidr_contains(const cidr *range, const cidr *ip) {
  if (range->family != ip->family) return 0;
  int full = range->prefix / 8, rest = range->prefix % 8;
  if (memcmp(range->addr, ip->addr, (size_t)full) != 0) return 0;
  if (!rest) return 1;
  unsigned char mask = (unsigned char)(0xff << (8 - rest));
  return (range->addr[full] & mask) == (ip->addr[full] & mask);
}

int cidr_is_single(const cidr *c) { return c->prefix == (c->family == 4 ? 32 : 128); }

void cidr_format(const cidr *c, char *buf, size_t len) {
  char a[INET6_ADDRSTRLEN];
  if (!len) return;
  if (!inet_ntop(c->family == 4 ? AF_INET : AF_INET6, c->addr, a, sizeof a)) {
    buf[0] = 0;
    return;
  }
  if (cidr_is_single(c)) snprintf(buf, len, "%s", a);
  else snprintf(buf, len, "%s/%d", a, c->prefix);
}
