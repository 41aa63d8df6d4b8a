/* pay_provider.h: the payment-provider interface for the cash part of an order (C5) — create a trade, query it,
 * refund it — and the HMAC-SHA256 signature of the provider's asynchronous notifications. No HTTP of the mall here. */
#ifndef MALL_PAY_PROVIDER_H
#define MALL_PAY_PROVIDER_H
#include "db.h"

#define PAY_TRADE_NO_LEN 24 /* ours: "C" + 23 digits */
#define PAY_URL_MAX 255

typedef enum {
  PAYQ_UNKNOWN, /* the provider does not know the trade */
  PAYQ_OPEN,    /* waiting for the payer */
  PAYQ_PAID,
  PAYQ_FAILED,  /* the payer's payment failed, or the trade was closed */
  PAYQ_REFUNDED,
} pay_query_state;

typedef struct {
  pay_query_state state;
  long long amount_fen;
  char provider_no[65];
} pay_query_result;

typedef struct pay_provider {
  const char *name; /* stored in payments.provider, and the notification URL's last segment */
  /* Opens a trade for amount_fen (idempotent for the same trade_no); cashier_url: where the member pays. */
  NEOERR *(*create)(MYSQL *db, const char *trade_no, long long amount_fen, const char *subject, const char *notify_url,
                    const char *return_url, char *cashier_url, size_t len);
  NEOERR *(*query)(MYSQL *db, const char *trade_no, pay_query_result *out);
  /* Refunds amount_fen of a paid trade; idempotent for the same trade (a second call of a refunded trade is ok).
   * *ok = 0 when the provider refused or could not be reached (the caller retries later). */
  NEOERR *(*refund)(MYSQL *db, const char *trade_no, long long amount_fen, int *ok);
} pay_provider;

/* The configured provider (MALL_PAY_PROVIDER, "sandbox" by default); NULL when cash payment is unavailable
 * (an unknown provider, or the sandbox with its pages turned off). */
const pay_provider *pay_provider_current(void);
/* A provider by name (the one a stored payment was made with); NULL when unknown or unavailable. */
const pay_provider *pay_provider_named(const char *name);

/* The signed text of a notification: its fields in this fixed order (values are letters and digits only). */
void pay_notify_canonical(const char *trade_no, const char *provider_no, long long amount_fen, const char *status,
                          char *buf, size_t len);
/* HMAC-SHA256 of text, hex, keyed with the notification key: MALL_PAY_SECRET, or for the sandbox a key derived
 * from the server secret (var/secret.key) as HMAC(secret, "pay-notify:sandbox") in hex. */
void pay_sign(const char *text, char out[65]);
/* 1 when sig (hex) is the signature of text (constant-time compare). */
int pay_verify(const char *text, const char *sig);

/* "12.34" for 1234 fen (buf ≥ 24). */
void pay_yuan(long long fen, char *buf, size_t len);

#endif
