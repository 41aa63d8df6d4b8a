/* log.h: one line per request and error lines, appended to var/log/<program>.log */
#ifndef MALL_LOG_H
#define MALL_LOG_H
#include "neo.h"

void log_open(const char *program);
/* Writes out buffered request lines. */
void log_flush(void);
int log_pending(void);
/* From a signal handler, when the main code is not appending (it waits in accept). */
void log_flush_from_signal(void);
void log_request(const char *method, const char *path, int status, double ms);
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Logs a NEOERR's traceback (never shown to users) and frees it. */
void log_neoerr(const char *where, NEOERR **err);

#endif
