/* multipart.c: multipart/form-data request bodies, parsed here instead of by ClearSilver's cgi_parse.
 * Why: ClearSilver 0.10.5's rfc2388.c caches the boundary's length in a static keyed by the boundary's address;
 * in a long-lived FastCGI process the next request's boundary is often malloc'd at the same address, and when its
 * length differs every boundary line is missed and the form silently arrives empty (seen: about 1 request in 100
 * with random-length boundaries came back 403 for a missing CSRF token). */
#include "multipart.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value of attr= in a header like `form-data; name="x"; filename="y"` (quoted or bare); NULL if absent. */
static char *header_attr(const char *h, size_t hlen, const char *attr) {
  size_t al = strlen(attr);
  for (size_t i = 0; i + al + 1 <= hlen; i++) {
    if ((i == 0 || h[i - 1] == ';' || isspace((unsigned char)h[i - 1])) && strncasecmp(h + i, attr, al) == 0 &&
        h[i + al] == '=') {
      const char *v = h + i + al + 1, *end = h + hlen;
      const char *e;
      if (v < end && *v == '"') {
        v++;
        for (e = v; e < end && *e != '"'; e++) {}
      } else {
        for (e = v; e < end && *e != ';' && !isspace((unsigned char)*e); e++) {}
      }
      return strndup(v, (size_t)(e - v));
    }
  }
  return NULL;
}

/* The boundary parameter of the Content-Type header, as ClearSilver reads it. */
static char *boundary_of(const char *ct) {
  const char *semi = strchr(ct, ';');
  return semi ? header_attr(semi + 1, strlen(semi + 1), "boundary") : NULL;
}

static NEOERR *set_field(CGI *cgi, const char *name, const char *value, size_t len) {
  char key[300];
  while (len && isspace((unsigned char)value[len - 1])) len--;
  if (cgi->ignore_empty_form_vars && len == 0) return STATUS_OK;
  char *v = strndup(value, len);
  if (!v) return nerr_raise(NERR_NOMEM, "multipart value");
  snprintf(key, sizeof key, "Query.%s", name);
  NEOERR *err = STATUS_OK;
  HDF *obj = hdf_get_obj(cgi->hdf, key);
  if (obj) { /* seen before: a list, as ClearSilver makes it */
    int n = 0;
    char idx[16];
    HDF *c = hdf_obj_child(obj);
    if (!c) {
      err = hdf_set_value(obj, "0", hdf_obj_value(obj));
      n = 1;
    }
    for (; c; c = hdf_obj_next(c)) n++;
    snprintf(idx, sizeof idx, "%d", n);
    if (!err) err = hdf_set_value(obj, idx, v);
  }
  if (!err) err = hdf_set_value(cgi->hdf, key, v);
  free(v);
  return nerr_pass(err);
}

static NEOERR *set_file(CGI *cgi, const char *name, const char *filename, const char *type, const char *data,
                        size_t len) {
  FILE *fp = NULL;
  char key[300];
  NEOERR *err = open_upload(cgi, 1, &fp);
  if (err) return nerr_pass(err);
  if (len && fwrite(data, 1, len, fp) != len) return nerr_raise_errno(NERR_IO, "writing upload %s", name);
  fflush(fp);
  fseek(fp, 0, SEEK_SET);
  snprintf(key, sizeof key, "Query.%s", name);
  err = hdf_set_value(cgi->hdf, key, filename);
  snprintf(key, sizeof key, "Query.%s.Type", name);
  if (!err && type) err = hdf_set_value(cgi->hdf, key, type);
  snprintf(key, sizeof key, "Query.%s.FileHandle", name);
  if (!err) err = hdf_set_int_value(cgi->hdf, key, uListLength(cgi->files));
  return nerr_pass(err);
}

/* One part: headers up to the blank line, then its data. */
static NEOERR *part(CGI *cgi, const char *p, size_t len) {
  const char *sep = memmem(p, len, "\r\n\r\n", 4);
  if (!sep) return nerr_raise(NERR_PARSE, "multipart part without a header end");
  char *name = NULL, *filename = NULL, *type = NULL;
  for (const char *line = p; line < sep;) {
    const char *eol = memmem(line, (size_t)(sep - line), "\r\n", 2);
    if (!eol) eol = sep;
    size_t ll = (size_t)(eol - line);
    const char *colon = memchr(line, ':', ll);
    if (colon) {
      size_t nl = (size_t)(colon - line), vl = ll - nl - 1;
      const char *v = colon + 1;
      while (vl && isspace((unsigned char)*v)) {
        v++;
        vl--;
      }
      if (nl == 19 && strncasecmp(line, "Content-Disposition", nl) == 0) {
        free(name);
        free(filename);
        name = header_attr(v, vl, "name");
        filename = header_attr(v, vl, "filename");
      } else if (nl == 12 && strncasecmp(line, "Content-Type", nl) == 0) {
        size_t tl = 0;
        while (tl < vl && v[tl] != ';' && !isspace((unsigned char)v[tl])) tl++;
        free(type);
        type = strndup(v, tl);
      }
    }
    line = eol + 2;
  }
  const char *data = sep + 4;
  size_t dlen = len - (size_t)(data - p);
  NEOERR *err = STATUS_OK;
  if (name && filename) err = set_file(cgi, name, filename, type, data, dlen);
  else if (name) err = set_field(cgi, name, data, dlen);
  free(name);
  free(filename);
  free(type);
  return nerr_pass(err);
}

static NEOERR *parse_body(CGI *cgi, const char *body, size_t len, const char *boundary) {
  char delim[200];
  int dl = snprintf(delim, sizeof delim, "\r\n--%s", boundary);
  if (dl < 0 || (size_t)dl >= sizeof delim) return nerr_raise(NERR_PARSE, "multipart boundary too long");
  /* The first delimiter may open the body (no CRLF before it). */
  const char *p = len >= (size_t)dl - 2 && memcmp(body, delim + 2, (size_t)dl - 2) == 0
      ? body + dl - 2
      : memmem(body, len, delim, (size_t)dl);
  if (!p) return nerr_raise(NERR_PARSE, "multipart body without its boundary");
  if (p != body + dl - 2) p += dl;
  const char *end = body + len;
  while (1) {
    if (end - p >= 2 && p[0] == '-' && p[1] == '-') return STATUS_OK; /* the closing delimiter */
    if (end - p < 2 || p[0] != '\r' || p[1] != '\n') return nerr_raise(NERR_PARSE, "multipart delimiter line");
    p += 2;
    const char *next = memmem(p, (size_t)(end - p), delim, (size_t)dl);
    if (!next) return nerr_raise(NERR_PARSE, "multipart part without an end");
    NEOERR *err = part(cgi, p, (size_t)(next - p));
    if (err) return nerr_pass(err);
    p = next + dl;
  }
}

NEOERR *multipart_parse(CGI *cgi, const char *content_type, long long length) {
  char *boundary = boundary_of(content_type);
  if (!boundary || !*boundary) {
    free(boundary);
    return nerr_raise(NERR_PARSE, "multipart without a boundary");
  }
  if (length < 0) length = 0;
  char *body = malloc((size_t)length + 1);
  NEOERR *err = body ? STATUS_OK : nerr_raise(NERR_NOMEM, "multipart body");
  long long got = 0;
  while (!err && got < length) {
    int n = 0;
    cgiwrap_read(body + got, (int)(length - got), &n);
    if (n <= 0) err = nerr_raise(NERR_IO, "Short read on multipart POST input (%lld < %lld)", got, length);
    else got += n;
  }
  if (!err) err = parse_body(cgi, body, (size_t)length, boundary);
  free(body);
  free(boundary);
  return nerr_pass(err);
}
