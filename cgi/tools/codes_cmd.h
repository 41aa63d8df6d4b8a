/* codes_cmd.h: mallctl's one-item code commands (F5) — generate a batch into an encrypted package, run the back
 * office's generation jobs, import a box mapping, activate and deactivate boxes, draw a QR code */
#ifndef MALL_CODES_CMD_H
#define MALL_CODES_CMD_H
#include "db.h"

/* Each returns the process exit code; argv[1] is the command's name. 2 = usage. */
int codes_cmd(MYSQL *db, int argc, char **argv);
/* 1 when argv[1] is one of these commands. */
int codes_cmd_is(const char *cmd);
void codes_cmd_usage(void);

#endif
