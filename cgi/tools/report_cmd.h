/* report_cmd.h: mallctl report-points — the monthly finance points report (P5) as a table or CSV */
#ifndef MALL_REPORT_CMD_H
#define MALL_REPORT_CMD_H
#include "db.h"

/* mallctl report-points --month YYYY-MM [--enterprise CODE] [--csv]: exit 0 when the identity holds on every row,
 * 1 when it does not (or on error), 2 on usage. */
int report_cmd(MYSQL *db, int argc, char **argv);
void report_cmd_usage(void);

#endif
