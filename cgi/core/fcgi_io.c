/* fcgi_io.c: where a request's bytes come from and go to — a FastCGI connection or an emulated one (tests) */
#include "fcgi_io.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cgiwrap emulation: one global I/O target (each process serves one request at a time) ---- */
typedef struct {
  FCGX_Request *fr; /* real FastCGI request, or NULL for emulated requests */
  char **env;
  const char *body;
  size_t body_len, body_off;
  STRING *out;
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
  if (g_io.fr) return FCGX_PutStr(buf, len, g_io.fr->out);
  NEOERR *err = string_appendn(g_io.out, buf, len);
  if (err) {
    nerr_ignore(&err);
    return -1;
  }
  return len;
}

static int io_writef(void *data, const char *fmt, va_list ap) {
  (void)data;
  if (g_io.fr) return FCGX_VFPrintF(g_io.fr->out, fmt, ap);
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

void io_bind_fcgi(FCGX_Request *fr) { g_io.fr = fr; }

void io_bind_emulated(char **env, const char *body, STRING *out) {
  g_io.fr = NULL;
  g_io.env = env;
  g_io.body = body ? body : "";
  g_io.body_len = body ? strlen(body) : 0;
  g_io.body_off = 0;
  g_io.out = out;
}

void io_send(const char *buf, int len) { io_write(NULL, buf, len); }
