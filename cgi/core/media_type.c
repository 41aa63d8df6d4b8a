/* media_type.c: a request's Content-Type read as RFC 9110 says — clients send "…; charset=utf-8" and any case, and
 * ClearSilver 0.10.5's cgi_parse only knows the exact lower-case bare string (anything else leaves the form unread). */
#include "media_type.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *skip_ws(const char *p) {
  while (*p == ' ' || *p == '\t') p++;
  return p;
}

/* Length of the type/subtype token at p (up to ';', a space or the end). */
static size_t type_len(const char *p) { return strcspn(p, "; \t"); }

int media_param(const char *ct, const char *name, char *out, size_t len) {
  if (!ct || !len) return 0;
  size_t nl = strlen(name);
  const char *p = strchr(ct, ';');
  while (p) {
    p = skip_ws(p + 1);
    const char *eq = strchr(p, '=');
    const char *next = strchr(p, ';');
    if (eq && (!next || eq < next)) {
      const char *k_end = eq;
      while (k_end > p && (k_end[-1] == ' ' || k_end[-1] == '\t')) k_end--;
      if ((size_t)(k_end - p) == nl && strncasecmp(p, name, nl) == 0) {
        const char *v = skip_ws(eq + 1);
        size_t vl;
        if (*v == '"') {
          v++;
          vl = strcspn(v, "\"");
        } else {
          vl = strcspn(v, "; \t");
        }
        snprintf(out, len, "%.*s", (int)vl, v);
        return 1;
      }
    }
    p = next;
  }
  return 0;
}

body_kind media_body_kind(const char *ct) {
  if (!ct) return BODY_NONE;
  const char *p = skip_ws(ct);
  size_t n = type_len(p);
  if (n == 0) return BODY_NONE;
  if (n == 19 && strncasecmp(p, "multipart/form-data", 19) == 0) return BODY_MULTIPART;
  if (n != 33 || strncasecmp(p, "application/x-www-form-urlencoded", 33) != 0) return BODY_OTHER;
  char cs[32];
  if (media_param(ct, "charset", cs, sizeof cs) && strcasecmp(cs, "utf-8") != 0 && strcasecmp(cs, "utf8") != 0)
    return BODY_BAD_CHARSET;
  return BODY_FORM;
}
