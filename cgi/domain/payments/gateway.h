/* gateway.h: the HTTP payment-provider driver (MALL_PAY_PROVIDER=gateway) — a hosted cashier reached at MALL_PAY_URL
 * with signed form requests (create, query, refund) and JSON answers; the protocol is in the README. The sandbox
 * serves the same protocol under /sandbox-pay/api/, so the driver is tested end to end. */
#ifndef MALL_GATEWAY_H
#define MALL_GATEWAY_H
#include "payments/pay_provider.h"

extern const pay_provider gateway_provider;

/* The canonical text of a request's fields (name=value joined by '&', names in byte order, sign left out): what
 * pay_sign signs. names/values: n pairs, names already in order. */
void gateway_canonical(const char *const *names, const char *const *values, int n, char *buf, size_t len);

/* 1 when url is on the provider's own origin (scheme://host[:port]/ of MALL_PAY_URL): the only absolute address the
 * mall sends a member to. */
int gateway_url_ok(const char *url);

#endif
