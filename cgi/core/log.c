/* log.c: one line per request and error lines, appended to var/log/<program>.log */
#include "log.h"
#include "config.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static FILE *g_log;

void log_open(const char *program) {
  char path[1024];
  snprintf(path, sizeof path, "%s/log", g_cfg.var);
  mkdir(path, 0750);
  snprintf(path, sizeof path, "%s/log/%s.log", g_cfg.var, program);
  g_log = fopen(path, "a");
  if (!g_log) g_log = stderr;
  /* Request lines are buffered (a write per request costs more than the rest of a cached page):
   * written once a second while busy, by the first request after an idle spell, and at exit.
   * Errors and 5xx lines are written at once. */
  setvbuf(g_log, NULL, _IOFBF, 16384);
}

static time_t g_last_flush;

static void maybe_flush(FILE *f, int now) {
  time_t t = time(NULL);
  if (now || t != g_last_flush) {
    fflush(f);
    g_last_flush = t;
  }
}

void log_flush(void) {
  if (g_log) fflush(g_log);
}

static void stamp(char *buf, size_t len) {
  time_t t = time(NULL);
  struct tm tm;
  localtime_r(&t, &tm);
  strftime(buf, len, "%Y-%m-%dT%H:%M:%S%z", &tm);
}

/* Paths are logged without their query string: it may carry search terms or tokens. */
void log_request(const char *method, const char *path, int status, double ms) {
  char ts[40];
  stamp(ts, sizeof ts);
  size_t plen = strcspn(path ? path : "", "?");
  FILE *f = g_log ? g_log : stderr;
  fprintf(f, "%s pid=%d %s %.*s %d %.1fms\n", ts, (int)getpid(), method ? method : "-",
          (int)(plen > 300 ? 300 : plen), path ? path : "", status, ms);
  maybe_flush(f, status >= 500);
}

void log_error(const char *fmt, ...) {
  char ts[40];
  stamp(ts, sizeof ts);
  FILE *f = g_log ? g_log : stderr;
  fprintf(f, "%s pid=%d ERROR ", ts, (int)getpid());
  va_list ap;
  va_start(ap, fmt);
  vfprintf(f, fmt, ap);
  va_end(ap);
  fputc('\n', f);
  maybe_flush(f, 1);
}

void log_neoerr(const char *where, NEOERR **err) {
  if (!err || !*err) return;
  STRING s;
  string_init(&s);
  nerr_error_traceback(*err, &s);
  log_error("%s: %s", where, s.buf ? s.buf : "");
  string_clear(&s);
  nerr_ignore(err);
}
