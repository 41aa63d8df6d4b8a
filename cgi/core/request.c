/* request.c: one HTTP request as handlers see it — its parts, the response being built, and the helpers on it */
#include "request.h"
#include "app.h"
#include "config.h"
#include "fcgi_io.h"
#include "render.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *req_arg(req *r, int i) { return (i >= 0 && i < 4) ? r->args[i] : ""; }

const char *req_cookie(req *r, const char *name) {
  char key[128];
  snprintf(key, sizeof key, "Cookie.%s", name);
  return hdf_get_value(r->hdf, key, NULL);
}

const char *req_client_ip(req *r) {
  (void)r;
  const char *ip = io_env("REMOTE_ADDR");
  return ip ? ip : "-";
}

const char *req_text(req *r, const char *key) {
  char full[200];
  snprintf(full, sizeof full, "Lang.%s", key);
  const char *v = lang_get(r->lang, full);
  return v ? v : key;
}

NEOERR *req_form_error(req *r, const char *field, const char *lang_key) {
  NEOERR *err = hdf_set_value(r->hdf, "Form.HasErrors", "1");
  if (err) return nerr_pass(err);
  if (!field) return nerr_pass(req_flash(r, lang_key));
  char key[160];
  snprintf(key, sizeof key, "Form.Errors.%s", field);
  return nerr_pass(hdf_set_value(r->hdf, key, req_text(r, lang_key)));
}

int req_is_https(void) {
  const char *h = io_env("HTTPS");
  return g_cfg.https || (h && strcmp(h, "on") == 0);
}

NEOERR *req_set_cookie(req *r, const char *name, const char *value, int max_age, int http_only) {
  NEOERR *err = string_appendf(&r->headers, "Set-Cookie: %s=%s; Path=/; SameSite=Lax%s%s", name, value,
                               http_only ? "; HttpOnly" : "", req_is_https() ? "; Secure" : "");
  if (!err && (max_age > 0 || !*value)) err = string_appendf(&r->headers, "; Max-Age=%d", *value ? max_age : 0);
  if (!err) err = string_append(&r->headers, "\r\n");
  return nerr_pass(err);
}

void req_redirect(req *r, const char *path) {
  /* Only local paths: an open redirect would let a link send members anywhere. */
  if (!path || path[0] != '/' || path[1] == '/' || path[1] == '\\' || strpbrk(path, "\r\n")) path = "/";
  free(r->location);
  r->location = strdup(path);
  r->status = 303;
}

int req_local_referer(req *r, char *buf, size_t len) {
  (void)r;
  const char *ref = io_env("HTTP_REFERER"), *host = io_env("HTTP_HOST");
  buf[0] = 0;
  if (!ref || !host || !*host || !len) return 0;
  if (strncmp(ref, "http://", 7) == 0) ref += 7;
  else if (strncmp(ref, "https://", 8) == 0) ref += 8;
  else return 0;
  size_t hl = strlen(host);
  if (strncmp(ref, host, hl) != 0) return 0;
  const char *path = ref + hl;
  /* Only a path on this host, printable, that cannot be read as another host (//x, /\x). */
  if (path[0] != '/' || path[1] == '/' || path[1] == '\\' || strlen(path) >= len) return 0;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++)
    if (*p < 0x20 || *p == 0x7f) return 0;
  snprintf(buf, len, "%s", path);
  return 1;
}

NEOERR *req_fail(req *r, int status) {
  r->status = status;
  r->template = "layout/error.cs";
  r->no_cache = 1;
  NEOERR *err = hdf_set_int_value(r->hdf, "Page.Status", status);
  /* The way out of an error page: this program's home (the mall, the back office, the merchant portal). */
  const char *name = r->app ? r->app->name : "mall";
  if (!err)
    err = strcmp(name, "mall") == 0 ? hdf_set_value(r->hdf, "Page.HomeUrl", "/")
                                    : hdf_set_valuef(r->hdf, "Page.HomeUrl=/%s/", name);
  char back[1024];
  /* Refused (403): back to the page the visitor came from, when it is one of ours. */
  if (!err && status == 403 && req_local_referer(r, back, sizeof back) && strcmp(back, r->uri) != 0)
    err = hdf_set_value(r->hdf, "Page.BackUrl", back);
  char key[64];
  snprintf(key, sizeof key, "Lang.Error.%d", status);
  const char *t = lang_get(r->lang, key);
  if (!err) err = hdf_set_value(r->hdf, "Page.Title", t ? t : "Error");
  snprintf(key, sizeof key, "Lang.Error.%dText", status);
  t = lang_get(r->lang, key);
  if (!err) err = hdf_set_value(r->hdf, "Page.ErrorText", t ? t : "");
  return nerr_pass(err);
}

NEOERR *req_fail_expired(req *r, const char *back) {
  NEOERR *err = req_fail(r, 403);
  hdf_remove_tree(r->hdf, "Page.BackUrl");
  if (!err) err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Error.Expired"));
  if (!err) err = hdf_set_value(r->hdf, "Page.ErrorText", req_text(r, "Error.ExpiredText"));
  if (!err && back && *back) err = hdf_set_value(r->hdf, "Page.FormUrl", back);
  return nerr_pass(err);
}

long long req_arg_id(req *r, int i) {
  const char *s = req_arg(r, i);
  if (!*s || strlen(s) > 18) return 0;
  for (const char *p = s; *p; p++)
    if (*p < '0' || *p > '9') return 0;
  long long v = strtoll(s, NULL, 10);
  return v > 0 ? v : 0;
}

const char *req_text_fill(req *r, const char *key, const char *const *marks, const char *const *values, int count,
                          char *buf, size_t len) {
  const char *t = req_text(r, key);
  size_t o = 0;
  if (!len) return buf;
  while (*t && o + 1 < len) {
    int hit = -1;
    for (int i = 0; i < count && hit < 0; i++)
      if (strncmp(t, marks[i], strlen(marks[i])) == 0) hit = i;
    if (hit < 0) {
      buf[o++] = *t++;
      continue;
    }
    o += (size_t)snprintf(buf + o, len - o, "%s", values[hit] ? values[hit] : "");
    if (o >= len) o = len - 1;
    t += strlen(marks[hit]);
  }
  buf[o] = 0;
  return buf;
}

const char *req_text_n(req *r, const char *key, long long n, char *buf, size_t len) {
  char num[24];
  snprintf(num, sizeof num, "%lld", n);
  const char *marks[] = {"{n}"}, *values[] = {num};
  return req_text_fill(r, key, marks, values, 1, buf, len);
}

NEOERR *req_flash_text(req *r, const char *text) {
  NEOERR *err = hdf_set_value(r->hdf, "Form.HasErrors", "1");
  if (!err) err = hdf_set_value(r->hdf, "Page.Flash", text);
  return nerr_pass(err);
}

NEOERR *req_flash(req *r, const char *lang_key) { return nerr_pass(req_flash_text(r, req_text(r, lang_key))); }

NEOERR *req_label_rows(req *r, HDF *h, const char *list, const char *field, const char *lang_key) {
  NEOERR *err = STATUS_OK;
  HDF *l = hdf_get_obj(h, list);
  for (HDF *row = l ? hdf_obj_child(l) : NULL; row && !err; row = hdf_obj_next(row))
    err = hdf_set_value(row, field, req_text(r, lang_key));
  return nerr_pass(err);
}

NEOERR *req_upload_read(req *r, const char *field, size_t max, char **buf, size_t *len, int *too_big) {
  *buf = NULL;
  *len = 0;
  *too_big = 0;
  FILE *fp = cgi_filehandle(r->cgi, field);
  if (!fp) return STATUS_OK;
  if (fseek(fp, 0, SEEK_END) != 0) return nerr_raise_errno(NERR_IO, "upload");
  long n = ftell(fp);
  rewind(fp);
  if (n <= 0) return STATUS_OK;
  if ((size_t)n > max) {
    *too_big = 1;
    return STATUS_OK;
  }
  char *b = malloc((size_t)n + 1);
  if (!b) return nerr_raise(NERR_NOMEM, "upload");
  if (fread(b, 1, (size_t)n, fp) != (size_t)n) {
    free(b);
    return nerr_raise_errno(NERR_IO, "upload read");
  }
  b[n] = 0;
  *buf = b;
  *len = (size_t)n;
  return STATUS_OK;
}
