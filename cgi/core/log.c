/* log.c: one line per request and error lines, appended to var/log/<program>.log */
#include "log.h"
#include "config.h"
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Request lines are buffered here, not in stdio: a write per request costs more than the rest of a
 * cached page, and this buffer can be written out from a signal handler (log_flush_from_signal). */
static int g_fd = 2;
static char g_buf[32768];
static size_t g_len;
static time_t g_last_flush;
static int g_pid; /* this process's, read once (log_open runs in each process, before any request) */

void log_open(const char *program) {
  char path[1024];
  snprintf(path, sizeof path, "%s/log", g_cfg.var);
  mkdir(path, 0750);
  snprintf(path, sizeof path, "%s/log/%s.log", g_cfg.var, program);
  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd >= 0) g_fd = fd;
  g_pid = (int)getpid();
}

static int pid(void) { return g_pid ? g_pid : (int)getpid(); }

void log_flush(void) {
  size_t off = 0;
  while (off < g_len) {
    ssize_t n = write(g_fd, g_buf + off, g_len - off);
    if (n <= 0) break;
    off += (size_t)n;
  }
  g_len = 0;
  g_last_flush = time(NULL);
}

void log_flush_from_signal(void) {
  /* write(2) is async-signal-safe; callers only use this while no line is being appended. */
  if (g_len && write(g_fd, g_buf, g_len) < 0) return;
  g_len = 0;
}

int log_pending(void) { return g_len > 0; }

static void append(const char *line, size_t n, int now) {
  if (g_len + n > sizeof g_buf) log_flush();
  if (n > sizeof g_buf) n = sizeof g_buf;
  memcpy(g_buf + g_len, line, n);
  g_len += n;
  if (now || time(NULL) != g_last_flush) log_flush();
}

/* The time as text, formatted once a second (localtime_r and strftime were half of logging a request). */
static void stamp(char *buf, size_t len) {
  static time_t last = -1;
  static char text[40];
  time_t t = time(NULL);
  if (t != last) {
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &tm);
    last = t;
  }
  snprintf(buf, len, "%s", text);
}

/* Paths are logged without their query string: it may carry search terms or tokens. */
void log_request(const char *method, const char *path, int status, double ms) {
  char ts[40], line[512];
  stamp(ts, sizeof ts);
  size_t plen = strcspn(path ? path : "", "?");
  int n = snprintf(line, sizeof line, "%s pid=%d %s %.*s %d %.1fms\n", ts, pid(), method ? method : "-",
                   (int)(plen > 300 ? 300 : plen), path ? path : "", status, ms);
  if (n > 0) append(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1, status >= 500);
}

void log_error(const char *fmt, ...) {
  char line[4096];
  char ts[40];
  stamp(ts, sizeof ts);
  int n = snprintf(line, sizeof line, "%s pid=%d ERROR ", ts, pid());
  va_list ap;
  va_start(ap, fmt);
  if (n > 0 && (size_t)n < sizeof line) n += vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  size_t len = (size_t)n < sizeof line - 1 ? (size_t)n : sizeof line - 2;
  line[len++] = '\n';
  append(line, len, 1);
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
