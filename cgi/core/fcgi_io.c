/* fcgi_io.c: where a request's bytes come from and go to — a FastCGI connection or an emulated one (tests) */
#include "fcgi_io.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

/* ---- cgiwrap emulation: one global I/O target (each process serves one request at a time) ---- */
typedef struct {
  FCGX_Request *fr; /* real FastCGI request, or NULL for emulated requests */
  char **env;
  const char *body;
  size_t body_len, body_off;
  STRING *out;
  int streamed; /* something went through libfcgi's out stream this request */
} io_target;
static io_target g_io;

static int io_read(void *data, char *buf, int len) {
  (void)data;
  if (g_io.fr) return FCGX_GetStr(buf, len, g_io.fr->in);
  size_t left = g_io.body_len - g_io.body_off;
  size_t n = (size_t)len < left ? (size_t)len : left;
  memcpy(buf, g_io.body + g_io.body_off, n);
  g_io.body_off += n;
  return (int)n;
}

static int io_write(void *data, const char *buf, int len) {
  (void)data;
  if (g_io.fr) {
    g_io.streamed = 1;
    return FCGX_PutStr(buf, len, g_io.fr->out);
  }
  NEOERR *err = string_appendn(g_io.out, buf, len);
  if (err) {
    nerr_ignore(&err);
    return -1;
  }
  return len;
}

static int io_writef(void *data, const char *fmt, va_list ap) {
  (void)data;
  if (g_io.fr) {
    g_io.streamed = 1;
    return FCGX_VFPrintF(g_io.fr->out, fmt, ap);
  }
  NEOERR *err = string_appendvf(g_io.out, fmt, ap);
  if (err) {
    nerr_ignore(&err);
    return -1;
  }
  return 0;
}

static char **io_envp(void) { return g_io.fr ? g_io.fr->envp : g_io.env; }

/* cgi_init asks for some thirty variables; a scan of the environment for each costs more than the
 * rest of a cached page. So each request indexes its environment once by name hash. */
#define ENV_SLOTS 256
static struct {
  const char *name[ENV_SLOTS];
  size_t len[ENV_SLOTS];
  int used, overflow;
} g_env;

static unsigned env_hash(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

void io_env_index(void) {
  memset(&g_env, 0, sizeof g_env);
  for (char **e = io_envp(); e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    size_t n = (size_t)(eq - *e);
    /* Each request header is a variable: a request with hundreds of them is looked up by scanning. */
    if (g_env.used >= ENV_SLOTS / 2) {
      g_env.overflow = 1;
      return;
    }
    unsigned s = env_hash(*e, n) % ENV_SLOTS;
    while (g_env.name[s] && !(g_env.len[s] == n && strncmp(g_env.name[s], *e, n) == 0)) s = (s + 1) % ENV_SLOTS;
    if (!g_env.name[s]) {
      g_env.name[s] = *e;
      g_env.len[s] = n;
      g_env.used++;
    } /* the first of duplicates wins */
  }
}

/* io_env_index runs before anything reads the environment. */
static const char *env_find(const char *k) {
  size_t kl = strlen(k);
  if (g_env.overflow) {
    for (char **e = io_envp(); e && *e; e++)
      if (strncmp(*e, k, kl) == 0 && (*e)[kl] == '=') return *e + kl + 1;
    return NULL;
  }
  for (unsigned s = env_hash(k, kl) % ENV_SLOTS; g_env.name[s]; s = (s + 1) % ENV_SLOTS)
    if (g_env.len[s] == kl && strncmp(g_env.name[s], k, kl) == 0) return g_env.name[s] + kl + 1;
  return NULL;
}

static char *io_getenv(void *data, const char *k) {
  (void)data;
  const char *v = env_find(k);
  return v ? strdup(v) : NULL; /* cgiwrap frees it */
}

static int io_putenv(void *data, const char *k, const char *v) {
  (void)data;
  (void)k;
  (void)v;
  return 0;
}

static int io_iterenv(void *data, int n, char **k, char **v) {
  (void)data;
  *k = *v = NULL;
  char **e = io_envp();
  for (int i = 0; e && e[i]; i++) {
    if (i != n) continue;
    char *eq = strchr(e[i], '=');
    if (!eq) return 0;
    *k = strndup(e[i], (size_t)(eq - e[i]));
    *v = strdup(eq + 1);
    return 0;
  }
  return 0;
}

const char *io_env(const char *k) { return env_find(k); }

char **io_env_list(void) { return io_envp(); }

int io_env_cookie(const char *name, char *buf, size_t len) {
  const char *h = env_find("HTTP_COOKIE");
  size_t nl = strlen(name);
  while (h && *h) {
    while (*h == ' ' || *h == ';') h++;
    size_t seg = strcspn(h, ";");
    if (seg > nl && strncmp(h, name, nl) == 0 && h[nl] == '=') {
      if (buf) snprintf(buf, len, "%.*s", (int)(seg - nl - 1), h + nl + 1);
      return 1;
    }
    h += seg;
  }
  return 0;
}

void io_install(void) { cgiwrap_init_emu(NULL, io_read, io_writef, io_write, io_getenv, io_putenv, io_iterenv); }

void io_bind_fcgi(FCGX_Request *fr) {
  g_io.fr = fr;
  g_io.streamed = 0;
}

void io_bind_emulated(char **env, const char *body, STRING *out) {
  g_io.fr = NULL;
  g_io.env = env;
  g_io.body = body ? body : "";
  g_io.body_len = body ? strlen(body) : 0;
  g_io.body_off = 0;
  g_io.out = out;
}

void io_send(const char *buf, int len) { io_write(NULL, buf, len); }

/* ---- the whole response in one write ----
 * libfcgi copies output through an 8 KB buffer, so a 20 KB page left in three writes (and woke lighttpd three
 * times) plus the closing records. A response whose head and body are both in memory goes out as FastCGI records
 * built here — stdout records, the empty stdout record, FCGI_END_REQUEST — in one writev, and libfcgi's out stream
 * is marked closed so FCGX_Finish_r adds nothing (its stderr stream, never written, writes nothing either). */
#define REC_MAX 65535
#define IOV_BATCH 64

static void put_header(unsigned char *h, int type, int id, int len) {
  h[0] = 1; /* FCGI_VERSION_1 */
  h[1] = (unsigned char)type;
  h[2] = (unsigned char)((id >> 8) & 0xff);
  h[3] = (unsigned char)(id & 0xff);
  h[4] = (unsigned char)((len >> 8) & 0xff);
  h[5] = (unsigned char)(len & 0xff);
  h[6] = h[7] = 0; /* no padding, reserved */
}

/* Writes every iovec fully (a Unix socket may take part of a large response). */
static int writev_all(int fd, struct iovec *iov, int n) {
  while (n > 0) {
    ssize_t w = writev(fd, iov, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    while (n > 0 && (size_t)w >= iov->iov_len) {
      w -= (ssize_t)iov->iov_len;
      iov++;
      n--;
    }
    if (n > 0) {
      iov->iov_base = (char *)iov->iov_base + w;
      iov->iov_len -= (size_t)w;
    }
  }
  return 0;
}

/* Stdout records for parts[0..np) (at most REC_MAX bytes each), then the closing records. */
static int send_records(FCGX_Request *fr, const char *const *parts, const int *lens, int np) {
  unsigned char hdrs[IOV_BATCH / 2][8], tail[24];
  struct iovec iov[IOV_BATCH];
  int n = 0, id = fr->requestId;
  for (int p = 0; p < np; p++) {
    for (int off = 0; off < lens[p];) {
      int len = lens[p] - off < REC_MAX ? lens[p] - off : REC_MAX;
      if (n + 2 > IOV_BATCH) {
        if (writev_all(fr->ipcFd, iov, n)) return -1;
        n = 0;
      }
      unsigned char *h = hdrs[n / 2];
      put_header(h, 6 /* FCGI_STDOUT */, id, len);
      iov[n++] = (struct iovec){.iov_base = h, .iov_len = 8};
      iov[n++] = (struct iovec){.iov_base = (char *)parts[p] + off, .iov_len = (size_t)len};
      off += len;
    }
  }
  put_header(tail, 6, id, 0);      /* end of stdout */
  put_header(tail + 8, 3, id, 8);  /* FCGI_END_REQUEST: appStatus 0, FCGI_REQUEST_COMPLETE */
  memset(tail + 16, 0, 8);
  if (n + 1 > IOV_BATCH) {
    if (writev_all(fr->ipcFd, iov, n)) return -1;
    n = 0;
  }
  iov[n++] = (struct iovec){.iov_base = tail, .iov_len = sizeof tail};
  return writev_all(fr->ipcFd, iov, n);
}

void io_send_response(const char *head, int head_len, const char *body, int body_len) {
  FCGX_Request *fr = g_io.fr;
  if (!fr || g_io.streamed || !fr->out || fr->out->wasFCloseCalled) {
    io_send(head, head_len);
    if (body_len > 0) io_send(body, body_len);
    return;
  }
  const char *parts[2] = {head, body};
  int lens[2] = {head_len, body_len > 0 ? body_len : 0};
  int failed = send_records(fr, parts, lens, 2);
  /* Closed either way: after a failed write the connection is dropped, as libfcgi would on a write error. */
  fr->out->wasFCloseCalled = fr->out->isClosed = 1;
  if (failed) {
    fr->out->FCGI_errno = errno ? errno : EIO;
    fr->keepConnection = 0;
  }
  g_io.streamed = 1;
}
