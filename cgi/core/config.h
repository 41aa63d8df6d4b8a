/* config.h: runtime settings read once from the environment (MALL_*) */
#ifndef MALL_CONFIG_H
#define MALL_CONFIG_H

typedef struct {
  const char *root;      /* checkout root: templates/ and public/ live here */
  const char *var;       /* runtime state: logs, secret */
  const char *uploads;   /* uploaded files: MALL_UPLOADS, shared storage when several machines serve (var/uploads) */
  const char *db_socket; /* MariaDB unix socket (when db_hosts is empty) */
  const char *db_hosts;  /* "host:port,host:port,…": a cluster's nodes, tried in turn (empty: the socket) */
  int db_timeout;        /* seconds a statement's answer may take before the connection counts as lost (0: default) */
  const char *db_name;
  const char *db_user;
  const char *db_pass;
  const char *sms_driver;   /* "outbox" (default) or "http" */
  const char *sms_url;      /* gateway for the http driver */
  const char *tz;           /* time zone for per-day rules */
  const char *pay_provider; /* cash part (C5): MALL_PAY_PROVIDER, "sandbox" (default) */
  int pay_sandbox;          /* MALL_PAY_SANDBOX=1: the sandbox cashier under /sandbox-pay/ (never in production) */
  const char *pay_secret;   /* MALL_PAY_SECRET: the provider's notification signing key ("" → from secret.key) */
  const char *pay_url;      /* MALL_PAY_URL: the gateway provider's API base ("https://pay.example.com/api") */
  const char *pay_merchant; /* MALL_PAY_MERCHANT: the mall's merchant id at the gateway provider */
  int https;                /* cookies get Secure when served over HTTPS */
  unsigned char secret[32]; /* server secret: CSRF and code hashing */
} mall_config;

extern mall_config g_cfg;

/* Reads MALL_* variables and var/secret.key (created when missing). 0 on success. */
int config_load(void);

#endif
