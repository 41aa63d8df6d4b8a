/* csv.c: CSV cells for spreadsheet exports — quoting, formula-injection guard (shared by every export) */
#include "shared/csv.h"
#include <string.h>

NEOERR *csv_text(STRING *s, const char *v, int first) {
  NEOERR *err = first ? STATUS_OK : string_append_char(s, ',');
  if (!v) v = "";
  int guard = v[0] && strchr("=+-@\t\r", v[0]) != NULL;
  int quote = strpbrk(v, ",\"\r\n") != NULL;
  if (!err && quote) err = string_append_char(s, '"');
  if (!err && guard) err = string_append_char(s, '\'');
  for (const char *c = v; *c && !err; c++) {
    if (*c == '"') err = string_append_char(s, '"');
    if (!err) err = string_append_char(s, *c);
  }
  if (!err && quote) err = string_append_char(s, '"');
  return nerr_pass(err);
}

NEOERR *csv_num(STRING *s, long long v) { return nerr_pass(string_appendf(s, ",%lld", v)); }
