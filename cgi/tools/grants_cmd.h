/* grants_cmd.h: mallctl's bulk grant command (B8) — run the back office's queued (or abandoned) bulk grant jobs */
#ifndef MALL_GRANTS_CMD_H
#define MALL_GRANTS_CMD_H
#include "db.h"

/* Returns the process exit code; argv[1] is the command's name. */
int grants_cmd(MYSQL *db, int argc, char **argv);
/* 1 when argv[1] is this command. */
int grants_cmd_is(const char *cmd);
void grants_cmd_usage(void);

#endif
