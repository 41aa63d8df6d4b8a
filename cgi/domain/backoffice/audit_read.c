/* audit_read.c: searching the audit log and laying out before → after for display */
#include "backoffice/audit_read.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The statement is shaped by the filters given: an admin → by_admin (admin_id, id); an entity and its id → by_entity;
 * an entity alone → by_entity_at (entity, id); dates → the id range their times span (by_date); each read newest first
 * and stopping at the page. Counts stop at AUDIT_COUNT_CAP + 1. */
#define AUDIT_COLS                                                                                                     \
  "SELECT id, actor_kind, admin_id, admin_name, action, entity, entity_id, ip, before_json, after_json, "              \
  "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at"
static const char SQL_AUDIT_ENTITIES[] = "SELECT DISTINCT entity FROM audit_log ORDER BY entity";

int audit_date_ok(const char *s) {
  int y, m, d;
  char tail;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return 0;
  if (y < 2000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return 0;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
  return 1;
}

/* A JSON value as display text: strings as they are, anything else in compact JSON. */
static char *value_text(json_t *v) {
  if (!v) return strdup("");
  if (json_is_string(v)) return strdup(json_string_value(v));
  char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
  return s ? s : strdup("");
}

static NEOERR *set_diff_row(HDF *row, int m, const char *key, json_t *b, json_t *a) {
  char name[64];
  char *bt = value_text(b), *at = value_text(a);
  int changed = !b || !a || !json_equal(b, a);
  NEOERR *err = STATUS_OK;
  snprintf(name, sizeof name, "Diff.%d.key", m);
  err = hdf_set_value(row, name, key);
  snprintf(name, sizeof name, "Diff.%d.before", m);
  if (!err && b) err = hdf_set_value(row, name, bt);
  snprintf(name, sizeof name, "Diff.%d.after", m);
  if (!err && a) err = hdf_set_value(row, name, at);
  snprintf(name, sizeof name, "Diff.%d.changed", m);
  if (!err) err = hdf_set_int_value(row, name, changed);
  free(bt);
  free(at);
  return nerr_pass(err);
}

static int cmp_names(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

/* Before → after as one row per key (keys of either side, sorted, changed ones marked). */
static NEOERR *lay_out_diff(HDF *row) {
  const char *bs = hdf_get_value(row, "before_json", NULL), *as = hdf_get_value(row, "after_json", NULL);
  json_t *b = bs ? json_loads(bs, 0, NULL) : NULL, *a = as ? json_loads(as, 0, NULL) : NULL;
  NEOERR *err = STATUS_OK;
  /* Anything that is not an object is shown verbatim (escaped by the template). */
  if (bs && !json_is_object(b)) err = hdf_set_value(row, "before_raw", bs);
  if (!err && as && !json_is_object(a)) err = hdf_set_value(row, "after_raw", as);
  json_t *keys = json_object();
  const char *k;
  json_t *v;
  if (json_is_object(b)) json_object_foreach(b, k, v) json_object_set_new(keys, k, json_true());
  if (json_is_object(a)) json_object_foreach(a, k, v) json_object_set_new(keys, k, json_true());
  /* Sorted keys, stable across entries. */
  size_t n = json_object_size(keys), i = 0;
  const char **names = calloc(n ? n : 1, sizeof *names);
  json_object_foreach(keys, k, v) names[i++] = k;
  qsort(names, n, sizeof *names, cmp_names);
  for (i = 0; i < n && !err; i++)
    err = set_diff_row(row, (int)i, names[i], json_is_object(b) ? json_object_get(b, names[i]) : NULL,
                       json_is_object(a) ? json_object_get(a, names[i]) : NULL);
  free(names);
  json_decref(keys);
  json_decref(b);
  json_decref(a);
  if (!err) err = hdf_remove_tree(row, "before_json");
  if (!err) err = hdf_remove_tree(row, "after_json");
  return nerr_pass(err);
}

static void audit_where(list_stmt *st, const audit_filter *f) {
  list_stmt_add(st, " FROM audit_log");
  /* With an entity its own index leads (an admin's entries are then checked row by row): left alone, the optimiser
   * merges it with by_admin and sorts. */
  if (f->entity && *f->entity) list_stmt_add(st, f->entity_id ? " FORCE INDEX (by_entity)" : " FORCE INDEX (by_entity_at)");
  list_stmt_add(st, " WHERE 1 = 1");
  if (f->admin_id) list_stmt_arg(st, " AND admin_id = ? AND actor_kind = 'admin'", DI(f->admin_id));
  if (f->entity && *f->entity) list_stmt_arg(st, " AND entity = ?", DS(f->entity));
  if (f->entity_id) list_stmt_arg(st, " AND entity_id = ?", DI(f->entity_id));
  /* Ids grow with time: a date range is the id range between its first and last entries. */
  if (f->from && *f->from)
    list_stmt_arg(st, " AND id >= (SELECT COALESCE(MIN(id), 9223372036854775807) FROM audit_log WHERE created_at >= ?)",
                  DS(f->from));
  if (f->to && *f->to)
    list_stmt_arg(st, " AND id <= (SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE created_at < ? + INTERVAL 1 DAY)",
                  DS(f->to));
}

void audit_search_stmt(const audit_filter *f, long long offset, long long after, int count, list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  audit_where(&body, f);
  list_stmt_build(out, &body, count, AUDIT_COUNT_CAP, AUDIT_COLS, "id", offset, after, AUDIT_PAGE_SIZE);
}

NEOERR *audit_search(MYSQL *db, const audit_filter *f, long long offset, long long after, HDF *out, const char *prefix,
                     int *rows, long long *total) {
  list_stmt st;
  *total = 0;
  *rows = 0;
  audit_search_stmt(f, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  if (err || (!*total && !after)) return nerr_pass(err);
  audit_search_stmt(f, offset, after, 0, &st);
  err = db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows);
  for (HDF *row = hdf_obj_child(hdf_get_obj(out, prefix)); row && !err; row = hdf_obj_next(row))
    err = lay_out_diff(row);
  return nerr_pass(err);
}

NEOERR *audit_entities(MYSQL *db, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_AUDIT_ENTITIES, DB_NOARGS, NULL));
}
