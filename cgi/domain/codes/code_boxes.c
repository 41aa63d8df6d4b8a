/* code_boxes.c: activating and deactivating boxes of a code batch (one row per box), and the boxes list */
#include "codes/code_boxes.h"
#include <stdio.h>
#include <string.h>

static const char SQL_RANGE_SET[] =
    "UPDATE code_boxes FORCE INDEX (by_code) SET active = ?, activated_at = IF(? = 1, NOW(), activated_at), "
    "deactivated_at = IF(? = 0, NOW(), deactivated_at) WHERE batch_id = ? AND box_code BETWEEN ? AND ? AND active <> ?";
static const char SQL_RANGE_ANY[] =
    "SELECT COUNT(*) FROM (SELECT 1 FROM code_boxes FORCE INDEX (by_code) WHERE batch_id = ? AND box_code BETWEEN ? "
    "AND ? LIMIT 1) t";
static const char SQL_BOXES_FIRST[] =
    "SELECT id, box_code, codes, active, activated_at, deactivated_at FROM code_boxes FORCE INDEX (by_code) "
    "WHERE batch_id = ? ORDER BY box_code LIMIT ?";
static const char SQL_BOXES_AFTER[] =
    "SELECT id, box_code, codes, active, activated_at, deactivated_at FROM code_boxes FORCE INDEX (by_code) "
    "WHERE batch_id = ? AND box_code > ? ORDER BY box_code LIMIT ?";
static const char SQL_BOXES_COUNT[] = "SELECT COUNT(*), CAST(COALESCE(SUM(active), 0) AS SIGNED) FROM (SELECT active "
                                      "FROM code_boxes FORCE INDEX (by_code) "
                                      "WHERE batch_id = ? LIMIT ?) t";

const char *const CODE_BOXES_SQL[] = {SQL_RANGE_SET, SQL_RANGE_ANY, SQL_BOXES_FIRST, SQL_BOXES_AFTER, SQL_BOXES_COUNT};

struct set_arg {
  const audit_actor *who;
  long long batch_id;
  int active;
  const char *const *list;
  int n;
  const char *from, *to;
  long long *changed;
  boxes_result *res;
  char *unknown;
  size_t ulen;
};

/* "UPDATE …/SELECT … box_code IN (?, …)" with the batch first. */
static NEOERR *in_list(STRING *sql, const char *head, const struct set_arg *a, dbp *args, int first) {
  NEOERR *err = string_append(sql, head);
  for (int i = 0; !err && i < a->n; i++) {
    args[first + i] = DS(a->list[i]);
    err = string_append(sql, i ? ",?" : "?");
  }
  if (!err) err = string_append(sql, ")");
  return nerr_pass(err);
}

static NEOERR *tx_set(MYSQL *db, void *arg) {
  struct set_arg *a = arg;
  *a->changed = 0;
  *a->res = BOXES_OK;
  if (a->unknown && a->ulen) a->unknown[0] = 0;
  NEOERR *err = STATUS_OK;
  json_t *after = json_object();
  if (a->list) {
    dbp args[BOXES_LIST_MAX + 4];
    char found[BOXES_LIST_MAX][41];
    int rows = 0;
    STRING sql;
    string_init(&sql);
    args[0] = DI(a->batch_id);
    err = in_list(&sql, "SELECT box_code FROM code_boxes WHERE batch_id = ? AND box_code IN (", a, args, 1);
    if (!err)
      err = db_rows(db, sql.buf, args, a->n + 1, DCOLS(DCOL_STR(found[0])), sizeof found[0], BOXES_LIST_MAX, &rows);
    /* Every named box must exist: a typo in a pallet number must not pass unnoticed. */
    int missing = 0;
    for (int i = 0; !err && i < a->n; i++) {
      int hit = 0;
      for (int k = 0; k < rows && !hit; k++) hit = strcmp(found[k], a->list[i]) == 0;
      if (hit) continue;
      if (missing++ < 5 && a->unknown) {
        size_t l = strlen(a->unknown);
        snprintf(a->unknown + l, a->ulen - l, "%s%s", l ? ", " : "", a->list[i]);
      }
    }
    string_clear(&sql);
    if (!err && missing) *a->res = BOXES_UNKNOWN;
    if (!err && !missing) {
      args[0] = DI(a->active);
      args[1] = DI(a->active);
      args[2] = DI(a->active);
      args[3] = DI(a->batch_id);
      args[4] = DI(a->active);
      err = in_list(&sql,
                    "UPDATE code_boxes SET active = ?, activated_at = IF(? = 1, NOW(), activated_at), "
                    "deactivated_at = IF(? = 0, NOW(), deactivated_at) WHERE batch_id = ? AND active <> ? "
                    "AND box_code IN (",
                    a, args, 5);
      if (!err) err = db_exec(db, sql.buf, args, a->n + 5, a->changed, NULL);
      json_t *l = json_array();
      for (int i = 0; i < a->n; i++) json_array_append_new(l, json_string(a->list[i]));
      json_object_set_new(after, "boxes", l);
    }
    string_clear(&sql);
  } else {
    long long any = 0;
    err = db_query_ll(db, SQL_RANGE_ANY, DBA(DI(a->batch_id), DS(a->from), DS(a->to)), &any, NULL);
    if (!err && !any) *a->res = BOXES_NONE_IN_RANGE;
    if (!err && any)
      err = db_exec(
          db, SQL_RANGE_SET,
          DBA(DI(a->active), DI(a->active), DI(a->active), DI(a->batch_id), DS(a->from), DS(a->to), DI(a->active)),
          a->changed, NULL);
    json_object_set_new(after, "from", json_string(a->from));
    json_object_set_new(after, "to", json_string(a->to));
  }
  if (!err && *a->res == BOXES_OK) {
    json_object_set_new(after, "changed", json_integer(*a->changed));
    err = audit_record(db, a->who, a->active ? "activate" : "deactivate", "code_batch", a->batch_id, NULL, after);
  }
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *code_boxes_set(MYSQL *db, const audit_actor *who, long long batch_id, int active, const char *const *list,
                       int n, const char *from, const char *to, long long *changed, boxes_result *res, char *unknown,
                       size_t ulen) {
  if (list && (n < 1 || n > BOXES_LIST_MAX)) return nerr_raise(NERR_ASSERT, "boxes: %d named", n);
  if (!list && (!from || !to)) return nerr_raise(NERR_ASSERT, "boxes: no range");
  struct set_arg a = {who, batch_id, active ? 1 : 0, list, n, from, to, changed, res, unknown, ulen};
  return nerr_pass(db_tx(db, tx_set, &a));
}

NEOERR *code_boxes_list(MYSQL *db, long long batch_id, const char *after, int limit, HDF *out, const char *prefix,
                        int *more) {
  int rows = 0;
  NEOERR *err = after && *after
      ? db_query_hdf(db, out, prefix, SQL_BOXES_AFTER, DBA(DI(batch_id), DS(after), DI(limit + 1)), &rows)
      : db_query_hdf(db, out, prefix, SQL_BOXES_FIRST, DBA(DI(batch_id), DI(limit + 1)), &rows);
  *more = rows > limit;
  if (!err && *more) {
    char name[80];
    snprintf(name, sizeof name, "%s.%d", prefix, limit);
    err = hdf_remove_tree(out, name);
  }
  return nerr_pass(err);
}

NEOERR *code_boxes_count(MYSQL *db, long long batch_id, long long cap, long long *boxes, long long *active) {
  return nerr_pass(
      db_row(db, SQL_BOXES_COUNT, DBA(DI(batch_id), DI(cap + 1)), DCOLS(DCOL_LL(boxes), DCOL_LL(active)), NULL));
}
