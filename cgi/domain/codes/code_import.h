/* code_import.h: the plant's box ↔ item mapping (CSV: box code, then the item's code or code URL) — every line checked
 * against the batch by keyed hash first (malformed, bad check character, unknown, duplicate, already in another box;
 * codes of the batch the file leaves out are listed too), then written whole or not at all; importing it again
 * changes nothing */
#ifndef MALL_CODE_IMPORT_H
#define MALL_CODE_IMPORT_H
#include "db.h"
#include "backoffice/audit.h"

#define IMPORT_MAX_ISSUES 200  /* problem lines a report lists (all are counted) */
#define IMPORT_MAX_MISSING 100 /* missing serials a report lists */
#define IMPORT_MAX_LINES 1100000
#define BOX_CODE_MAX 40

typedef struct {
  long long line;
  char kind[16];   /* malformed, check, unknown, duplicate, conflict, box */
  char detail[64]; /* the other line of a duplicate, the box a code is in already, the text of a bad box */
} import_issue;

typedef struct {
  long long lines, codes, boxes; /* mapping lines read, distinct codes, distinct boxes */
  long long malformed, check, unknown, duplicate, conflict, bad_box; /* refusals */
  long long missing; /* codes of the batch the file does not name (a warning) */
  long long missing_serials[IMPORT_MAX_MISSING];
  int nmissing_listed;
  import_issue issues[IMPORT_MAX_ISSUES];
  int nissues;
  int written;       /* 1: the mapping is in the database */
  long long changed; /* codes given a box by this import (0 when it was imported before) */
} code_import_report;

/* Checks every line of csv[0..len) (modified in place) and, when none is refused, writes the mapping in one
 * transaction, audited. The report says what was found either way. */
NEOERR *code_import(MYSQL *db, const audit_actor *who, long long batch_id, char *csv, size_t len,
                    code_import_report *rep);
/* Refusals counted in a report. */
long long code_import_refusals(const code_import_report *rep);

#endif
