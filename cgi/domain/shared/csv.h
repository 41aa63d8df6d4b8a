/* csv.h: CSV cells for spreadsheet exports — quoting, formula-injection guard, UTF-8 BOM (no HTTP) */
#ifndef MALL_CSV_H
#define MALL_CSV_H
#include "neo.h"

/* Lets Excel read UTF-8 (Chinese) correctly: the first bytes of every export. */
#define CSV_BOM "\xEF\xBB\xBF"

/* One text cell (a ',' before it unless first): quoted when it holds a separator, quote or line break; a
 * leading = + - @ (or tab / CR) gets a ' first so spreadsheets show it as text instead of running it. */
NEOERR *csv_text(STRING *s, const char *v, int first);
/* One number cell, never first. */
NEOERR *csv_num(STRING *s, long long v);

#endif
