/* fcgi_io.h: where a request's bytes come from and go to — a FastCGI connection or an emulated one (tests) */
#ifndef MALL_FCGI_IO_H
#define MALL_FCGI_IO_H
#include <ClearSilver.h>
#include <fcgiapp.h>

/* Installs the ClearSilver cgiwrap callbacks once per process (cgiwrap is global). */
void io_install(void);
/* The next request reads and writes a real FastCGI connection … */
void io_bind_fcgi(FCGX_Request *fr);
/* … or an emulated one: env is KEY=VALUE strings, body may be NULL, output is appended to out. */
void io_bind_emulated(char **env, const char *body, STRING *out);
/* Indexes the bound request's environment: call once per request before io_env. */
void io_env_index(void);
/* The bound request's variables as KEY=VALUE strings, NULL-terminated (NULL when none is bound). */
char **io_env_list(void);
/* A request variable (REQUEST_URI, HTTP_COOKIE …), NULL when absent. */
const char *io_env(const char *name);
/* Finds cookie name in the raw Cookie header (for the fast path, before any parsing).
 * Returns 1 when present; copies its value into buf when buf is not NULL. */
int io_env_cookie(const char *name, char *buf, size_t len);
/* Writes response bytes. */
void io_send(const char *buf, int len);
/* Writes a whole response (CGI head, then body) and ends the request's output: one write on a FastCGI
 * connection when nothing was sent before; emulated requests append both. */
void io_send_response(const char *head, int head_len, const char *body, int body_len);

#endif
