/* input.c: declared input validation — types, ranges, lengths, single values, valid UTF-8 */
#include "input.h"
#include "render.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counts UTF-8 code points; -1 when the bytes are not valid UTF-8 or hold control characters. */
static long utf8_chars(const char *s, int allow_newlines) {
  const unsigned char *p = (const unsigned char *)s;
  long n = 0;
  while (*p) {
    unsigned c = *p;
    int extra;
    if (c < 0x80) {
      if ((c < 0x20 && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f) return -1;
      extra = 0;
    } else if ((c & 0xe0) == 0xc0 && c >= 0xc2) extra = 1;
    else if ((c & 0xf0) == 0xe0) extra = 2;
    else if ((c & 0xf8) == 0xf0 && c <= 0xf4) extra = 3;
    else return -1;
    /* Overlong 3/4-byte forms, UTF-16 surrogates and code points past U+10FFFF: MariaDB rejects them. */
    if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0) || (c == 0xf0 && p[1] < 0x90) ||
        (c == 0xf4 && p[1] >= 0x90))
      return -1;
    p++;
    for (int k = 0; k < extra; k++, p++)
      if ((*p & 0xc0) != 0x80) return -1;
    n++;
  }
  return n;
}

static int all_digits(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return 0;
  return 1;
}

/* YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
static int date_ok(const char *v) {
  if (strlen(v) != 10 || v[4] != '-' || v[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9')) return 0;
  int y = atoi(v), m = atoi(v + 5), d = atoi(v + 8);
  static const int DAYS[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]) return 0;
  return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static int in_choices(const char *choices, const char *v) {
  size_t vl = strlen(v);
  const char *p = choices;
  while (p && *p) {
    const char *bar = strchr(p, '|');
    size_t l = bar ? (size_t)(bar - p) : strlen(p);
    if (l == vl && strncmp(p, v, l) == 0) return 1;
    p = bar ? bar + 1 : NULL;
  }
  return 0;
}

const char *input_check(const in_field *f, const char *v, int multi, in_value *out) {
  memset(out, 0, sizeof *out);
  if (multi) return "multi";
  if (!v || !*v) return (f->flags & IN_REQUIRED) ? "required" : NULL;
  out->s = v;
  out->present = 1;
  switch (f->type) {
  case IN_INT: {
    const char *d = v[0] == '-' ? v + 1 : v;
    if (!all_digits(d) || strlen(d) > 18) return "number";
    errno = 0;
    char *end;
    long long x = strtoll(v, &end, 10);
    if (errno || *end) return "number";
    if (x < f->min || x > f->max) return "range";
    out->i = x;
    return NULL;
  }
  case IN_STR:
  case IN_TEXT: {
    long n = utf8_chars(v, f->type == IN_TEXT);
    if (n < 0) return "chars";
    if (n < f->min) return "short";
    if (n > f->max) return "long";
    return NULL;
  }
  case IN_ENUM: return in_choices(f->choices, v) ? NULL : "choice";
  case IN_MOBILE:
    if (strlen(v) != 11 || !all_digits(v) || v[0] != '1' || v[1] < '3') return "mobile";
    return NULL;
  case IN_DATE: return date_ok(v) ? NULL : "date";
  case IN_DIGITS: {
    size_t l = strlen(v);
    if (!all_digits(v) || (long long)l < f->min || (long long)l > f->max) return "digits";
    return NULL;
  }
  }
  return "invalid";
}

/* t with every {n} replaced by n, into buf. */
static void fill_n(char *buf, size_t len, const char *t, long long n) {
  size_t o = 0;
  while (*t && o + 1 < len) {
    if (strncmp(t, "{n}", 3) == 0) {
      int w = snprintf(buf + o, len - o, "%lld", n);
      o = w > 0 && (size_t)w < len - o ? o + (size_t)w : len - 1;
      t += 3;
    } else buf[o++] = *t++;
  }
  buf[o] = 0;
}

int input_read(req *r, const in_field *f, int n, in_value *out) {
  int bad = 0;
  for (int i = 0; i < n; i++) {
    char name[128];
    snprintf(name, sizeof name, "Query.%s", f[i].name);
    HDF *node = hdf_get_obj(r->hdf, name);
    /* ClearSilver stores a repeated parameter as children 0, 1, …: refuse it. */
    int multi = node && hdf_obj_child(node) != NULL;
    const char *v = node ? hdf_obj_value(node) : NULL;
    const char *e = input_check(&f[i], v, multi, &out[i]);
    if (e) {
      bad++;
      char key[160];
      snprintf(key, sizeof key, "Form.Errors.%s", f[i].name);
      char lkey[64], msg[256];
      snprintf(lkey, sizeof lkey, "Lang.Form.%s", e);
      const char *t = lang_get(r->lang, lkey);
      /* A length error says the field's limit ("最多 500 字"): {n} is the declared max (or min when too short). */
      fill_n(msg, sizeof msg, t ? t : e, strcmp(e, "short") == 0 ? f[i].min : f[i].max);
      hdf_set_value(r->hdf, key, msg);
      hdf_set_value(r->hdf, "Form.HasErrors", "1");
      /* The form shows what was typed again, so a member can shorten it instead of typing it anew; bytes that
       * are not valid UTF-8 (or a repeated parameter) are not echoed. */
      if (v && *v && !multi && strcmp(e, "chars") != 0) {
        snprintf(key, sizeof key, "Form.Values.%s", f[i].name);
        hdf_set_value(r->hdf, key, v);
      }
    } else if (out[i].present) {
      char key[160];
      snprintf(key, sizeof key, "Form.Values.%s", f[i].name);
      hdf_set_value(r->hdf, key, out[i].s);
    }
  }
  return bad;
}
