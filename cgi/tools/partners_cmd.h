/* partners_cmd.h: mallctl's partner API commands (I1) — purge expired nonces / idempotency keys / rate counters / old
 * API log rows (a cron job, one run at a time), make a partner key pair, seal the demo partners' secrets */
#ifndef MALL_PARTNERS_CMD_H
#define MALL_PARTNERS_CMD_H
#include "db.h"

/* Each returns the process exit code; argv[1] is the command's name. 2 = usage. */
int partners_cmd(MYSQL *db, int argc, char **argv);
/* 1 when argv[1] is one of these commands. */
int partners_cmd_is(const char *cmd);
void partners_cmd_usage(void);
/* After the demo data is loaded: each partner key whose secret_enc is "demo:<secret>" gets it sealed. 0 on success. */
int partners_seal_demo(MYSQL *db);

#endif
