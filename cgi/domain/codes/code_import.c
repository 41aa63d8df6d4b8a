/* code_import.c: box ↔ item mapping import — check every line (by keyed hash, in batches), then write all or nothing */
#include "codes/code_import.h"
#include "codes/code_format.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOOKUP_ROWS 500

typedef struct {
  char hash[CODE_HASH_HEX + 1];
  const char *box; /* points into the CSV buffer */
  long long line, serial;
  int box_idx;
  int mapped; /* in this very box already: nothing to write (an import run again reads, never writes) */
} item;

typedef struct {
  char hash[CODE_HASH_HEX + 1];
  long long batch, serial;
  char box[BOX_CODE_MAX + 1];
} found_row;

static int by_hash(const void *a, const void *b) {
  const item *x = a, *y = b;
  int c = strcmp(x->hash, y->hash);
  return c ? c : (x->line > y->line) - (x->line < y->line);
}
static int by_box_serial(const void *a, const void *b) {
  const item *x = a, *y = b;
  if (x->box_idx != y->box_idx) return x->box_idx - y->box_idx;
  return (x->serial > y->serial) - (x->serial < y->serial);
}
static int by_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

long long code_import_refusals(const code_import_report *r) {
  return r->malformed + r->check + r->unknown + r->duplicate + r->conflict + r->bad_box;
}

static void issue(code_import_report *r, long long line, const char *kind, const char *detail) {
  if (r->nissues >= IMPORT_MAX_ISSUES) return;
  import_issue *i = &r->issues[r->nissues++];
  i->line = line;
  snprintf(i->kind, sizeof i->kind, "%s", kind);
  snprintf(i->detail, sizeof i->detail, "%s", detail ? detail : "");
}

static int box_ok(const char *s) {
  size_t n = strlen(s);
  if (n < 1 || n > BOX_CODE_MAX) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || strchr("-_.", *s)))
      return 0;
  return 1;
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t' || *s == '"') s++;
  char *e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '"')) *--e = 0;
  return s;
}

/* Splits csv into items (lines with a well-formed code); counts the others as problems. */
static NEOERR *parse(char *csv, size_t len, code_import_report *rep, item **out, long long *n) {
  long long cap = 1024, k = 0, line = 0;
  item *v = malloc((size_t)cap * sizeof *v);
  if (!v) return nerr_raise(NERR_NOMEM, "import items");
  char *p = csv, *end = csv + len;
  while (p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    if (nl) *nl = 0;
    line++;
    char *l = trim(p);
    p = nl ? nl + 1 : end;
    if (!*l) continue;
    /* box code, [anything,] code: the first and the last field (comma, semicolon or tab). */
    char *sep = strpbrk(l, ",;\t"), *last = NULL;
    for (char *q = l; (q = strpbrk(q, ",;\t")); q++) last = q;
    if (!sep) {
      rep->lines++;
      rep->malformed++;
      issue(rep, line, "malformed", "");
      continue;
    }
    *sep = 0;
    char *box = trim(l), *code_s = trim(last + 1);
    char code[CODE_LEN + 1];
    code_status st = code_parse(code_s, code);
    if (st == CODE_MALFORMED && rep->lines == 0 && !strpbrk(code_s, "0123456789")) continue; /* a header line */
    rep->lines++;
    if (rep->lines > IMPORT_MAX_LINES) {
      free(v);
      return nerr_raise(NERR_ASSERT, "more than %d lines", IMPORT_MAX_LINES);
    }
    if (!box_ok(box)) {
      rep->bad_box++;
      issue(rep, line, "box", box);
      continue;
    }
    if (st != CODE_OK) {
      if (st == CODE_BAD_CHECK) rep->check++;
      else rep->malformed++;
      issue(rep, line, st == CODE_BAD_CHECK ? "check" : "malformed", "");
      continue;
    }
    if (k == cap) {
      cap *= 2;
      item *nv = realloc(v, (size_t)cap * sizeof *v);
      if (!nv) {
        free(v);
        return nerr_raise(NERR_NOMEM, "import items");
      }
      v = nv;
    }
    code_hash(code, v[k].hash);
    v[k].box = box;
    v[k].line = line;
    v[k].serial = 0;
    v[k].box_idx = -1;
    v[k].mapped = 0;
    k++;
  }
  *out = v;
  *n = k;
  return STATUS_OK;
}

/* Looks up every hash (sorted) in batches; sets serials, counts unknown and conflicting lines. */
static NEOERR *lookup(MYSQL *db, long long batch_id, item *v, long long n, code_import_report *rep, unsigned char *seen,
                      long long count) {
  found_row *rows = malloc(LOOKUP_ROWS * sizeof *rows);
  dbp *args = malloc(LOOKUP_ROWS * sizeof *args);
  STRING sql;
  string_init(&sql);
  NEOERR *err = rows && args ? STATUS_OK : nerr_raise(NERR_NOMEM, "import lookup");
  for (long long i = 0; !err && i < n; i += LOOKUP_ROWS) {
    int m = (int)(n - i < LOOKUP_ROWS ? n - i : LOOKUP_ROWS), got = 0;
    string_clear(&sql);
    err = string_append(&sql,
                        "SELECT c.hash, c.batch_id, c.serial, COALESCE(x.box_code, '') FROM codes c "
                        "LEFT JOIN code_boxes x ON x.id = c.box_id WHERE c.hash IN (");
    for (int k = 0; !err && k < m; k++) {
      args[k] = DS(v[i + k].hash);
      err = string_append(&sql, k ? ",?" : "?");
    }
    if (!err) err = string_append(&sql, ") ORDER BY c.hash");
    if (!err)
      err = db_rows(
          db, sql.buf, args, m,
          DCOLS(DCOL_STR(rows[0].hash), DCOL_LL(&rows[0].batch), DCOL_LL(&rows[0].serial), DCOL_STR(rows[0].box)),
          sizeof rows[0], LOOKUP_ROWS, &got);
    /* Both sides are in hash order: one merge. */
    int r = 0;
    for (int k = 0; !err && k < m; k++) {
      item *it = &v[i + k];
      if (it->line < 0) continue; /* a duplicate: refused already */
      while (r < got && strcmp(rows[r].hash, it->hash) < 0) r++;
      if (r >= got || strcmp(rows[r].hash, it->hash) || rows[r].batch != batch_id) {
        /* Another batch's code is as unknown here as a code never made. */
        rep->unknown++;
        issue(rep, it->line, "unknown", "");
        continue;
      }
      it->serial = rows[r].serial;
      it->mapped = strcmp(rows[r].box, it->box) == 0;
      if (rows[r].box[0] && strcmp(rows[r].box, it->box)) {
        rep->conflict++;
        issue(rep, it->line, "conflict", rows[r].box);
      }
      if (it->serial >= 1 && it->serial <= count)
        seen[(it->serial - 1) / 8] |= (unsigned char)(1u << ((it->serial - 1) % 8));
    }
  }
  string_clear(&sql);
  free(rows);
  free(args);
  return nerr_pass(err);
}

struct write_arg {
  const audit_actor *who;
  long long batch_id;
  item *v;
  long long n;
  const char **boxes;
  long long *box_ids;
  long long nboxes;
  code_import_report *rep;
};

static const char SQL_BOX_COUNTS[] =
    "UPDATE code_boxes b SET codes = (SELECT COUNT(*) FROM codes c WHERE c.box_id = b.id) WHERE b.batch_id = ?";
static const char SQL_BATCH_IMPORTED[] = "UPDATE code_batches SET imported_at = NOW() WHERE id = ?";

static NEOERR *tx_write(MYSQL *db, void *arg) {
  struct write_arg *a = arg;
  STRING sql;
  string_init(&sql);
  dbp *args = malloc(2 * 1000 * sizeof *args + 4 * sizeof *args);
  NEOERR *err = args ? STATUS_OK : nerr_raise(NERR_NOMEM, "import write");
  a->rep->changed = 0;
  /* The boxes, then their ids (both in box-code order). */
  for (long long i = 0; !err && i < a->nboxes; i += 500) {
    int m = (int)(a->nboxes - i < 500 ? a->nboxes - i : 500);
    string_clear(&sql);
    err = string_append(&sql, "INSERT IGNORE INTO code_boxes (batch_id, box_code) VALUES ");
    for (int k = 0; !err && k < m; k++) {
      args[2 * k] = DI(a->batch_id);
      args[2 * k + 1] = DS(a->boxes[i + k]);
      err = string_append(&sql, k ? ",(?,?)" : "(?,?)");
    }
    if (!err) err = db_exec(db, sql.buf, args, 2 * m, NULL, NULL);
    string_clear(&sql);
    if (!err) err = string_append(&sql, "SELECT id FROM code_boxes WHERE batch_id = ? AND box_code IN (");
    args[0] = DI(a->batch_id);
    for (int k = 0; !err && k < m; k++) {
      args[k + 1] = DS(a->boxes[i + k]);
      err = string_append(&sql, k ? ",?" : "?");
    }
    if (!err) err = string_append(&sql, ") ORDER BY box_code");
    int got = 0;
    if (!err) err = db_rows(db, sql.buf, args, m + 1, DCOLS(DCOL_LL(&a->box_ids[i])), sizeof a->box_ids[0], m, &got);
    if (!err && got != m) err = nerr_raise(NERR_ASSERT, "import: %d of %d boxes", got, m);
  }
  /* Codes per box, up to 1000 serials a statement; only codes without a box change (again: nothing changes). */
  for (long long i = 0; !err && i < a->n;) {
    int box = a->v[i].box_idx, m = 0;
    string_clear(&sql);
    err = string_append(&sql, "UPDATE codes SET box_id = ? WHERE batch_id = ? AND box_id IS NULL AND serial IN (");
    args[0] = DI(a->box_ids[box]);
    args[1] = DI(a->batch_id);
    while (!err && i < a->n && a->v[i].box_idx == box && m < 1000) {
      if (!a->v[i].mapped) {
        args[2 + m] = DI(a->v[i].serial);
        err = string_append(&sql, m ? ",?" : "?");
        m++;
      }
      i++;
    }
    long long changed = 0;
    if (!err) err = string_append(&sql, ")");
    if (!err && m) err = db_exec(db, sql.buf, args, m + 2, &changed, NULL);
    a->rep->changed += changed;
  }
  /* Counts move only with codes that moved. */
  if (!err && a->rep->changed) err = db_exec(db, SQL_BOX_COUNTS, DBA(DI(a->batch_id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_BATCH_IMPORTED, DBA(DI(a->batch_id)), NULL, NULL);
  if (!err) {
    json_t *after = json_pack("{s:I,s:I,s:I,s:I,s:I}", "lines", (json_int_t)a->rep->lines, "codes",
                              (json_int_t)a->rep->codes, "boxes", (json_int_t)a->rep->boxes, "changed",
                              (json_int_t)a->rep->changed, "missing", (json_int_t)a->rep->missing);
    err = audit_record(db, a->who, "import", "code_batch", a->batch_id, NULL, after);
    json_decref(after);
  }
  string_clear(&sql);
  free(args);
  return nerr_pass(err);
}

static const char SQL_BATCH_SIZE[] = "SELECT count FROM code_batches WHERE id = ?";

NEOERR *code_import(MYSQL *db, const audit_actor *who, long long batch_id, char *csv, size_t len,
                    code_import_report *rep) {
  memset(rep, 0, sizeof *rep);
  long long count = 0, n = 0;
  int found = 0;
  NEOERR *err = db_query_ll(db, SQL_BATCH_SIZE, DBA(DI(batch_id)), &count, &found);
  if (err || !found) return err ? nerr_pass(err) : nerr_raise(NERR_ASSERT, "no batch %lld", batch_id);
  item *v = NULL;
  if ((err = parse(csv, len, rep, &v, &n))) return nerr_pass(err);
  unsigned char *seen = calloc((size_t)(count + 7) / 8, 1);
  const char **boxes = NULL;
  long long *box_ids = NULL, nb = 0;
  if (!seen) err = nerr_raise(NERR_NOMEM, "import");
  /* Duplicates: equal hashes sit side by side; every line after the first is refused. */
  if (!err) qsort(v, (size_t)n, sizeof *v, by_hash);
  long long distinct = 0;
  for (long long i = 0; !err && i < n; i++) {
    if (i && strcmp(v[i].hash, v[i - 1].hash) == 0) {
      long long first = i - 1;
      while (first > 0 && strcmp(v[first - 1].hash, v[i].hash) == 0) first--;
      char d[32];
      snprintf(d, sizeof d, "%lld", v[first].line);
      rep->duplicate++;
      issue(rep, v[i].line, "duplicate", d);
      v[i].line = -v[i].line; /* marked: looked up, never written */
    } else distinct++;
  }
  rep->codes = distinct;
  if (!err) err = lookup(db, batch_id, v, n, rep, seen, count);
  for (long long s = 1; !err && s <= count; s++) {
    if (seen[(s - 1) / 8] & (1u << ((s - 1) % 8))) continue;
    if (rep->nmissing_listed < IMPORT_MAX_MISSING) rep->missing_serials[rep->nmissing_listed++] = s;
    rep->missing++;
  }
  /* The problems in line order, as the plant's file reads. */
  for (int i = 1; i < rep->nissues; i++)
    for (int k = i; k > 0 && rep->issues[k - 1].line > rep->issues[k].line; k--) {
      import_issue t = rep->issues[k];
      rep->issues[k] = rep->issues[k - 1];
      rep->issues[k - 1] = t;
    }
  if (!err && code_import_refusals(rep) == 0 && n > 0) {
    /* Distinct boxes, sorted; each item learns its box's index. */
    boxes = malloc((size_t)n * sizeof *boxes);
    if (!boxes) err = nerr_raise(NERR_NOMEM, "import boxes");
    for (long long i = 0; !err && i < n; i++) boxes[i] = v[i].box;
    if (!err) qsort(boxes, (size_t)n, sizeof *boxes, by_str);
    for (long long i = 0; !err && i < n; i++)
      if (!nb || strcmp(boxes[nb - 1], boxes[i])) boxes[nb++] = boxes[i];
    rep->boxes = nb;
    for (long long i = 0; !err && i < n; i++) {
      const char **at = bsearch(&v[i].box, boxes, (size_t)nb, sizeof *boxes, by_str);
      v[i].box_idx = (int)(at - boxes);
    }
    box_ids = err ? NULL : calloc((size_t)nb, sizeof *box_ids);
    if (!err && !box_ids) err = nerr_raise(NERR_NOMEM, "import boxes");
    if (!err) qsort(v, (size_t)n, sizeof *v, by_box_serial);
    struct write_arg a = {who, batch_id, v, n, boxes, box_ids, nb, rep};
    if (!err) err = db_tx(db, tx_write, &a);
    if (!err) rep->written = 1;
  }
  free(box_ids);
  free(boxes);
  free(seen);
  free(v);
  return nerr_pass(err);
}
