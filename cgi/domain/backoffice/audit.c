/* audit.c: the back office's audit log — who changed what, when, before → after (B1) */
#include "backoffice/audit.h"
#include <stdlib.h>

static const char SQL_AUDIT_INSERT[] =
    "INSERT INTO audit_log (actor_kind, admin_id, admin_name, action, entity, entity_id, before_json, after_json, ip) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

NEOERR *audit_record(MYSQL *db, const audit_actor *who, const char *action, const char *entity, long long entity_id,
                     json_t *before, json_t *after) {
  char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII) : NULL;
  char *a = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII) : NULL;
  NEOERR *err = db_exec(db, SQL_AUDIT_INSERT,
                        DBA(DS(who->kind ? who->kind : "admin"), DI(who->id), DS(who->name ? who->name : ""),
                            DS(action), DS(entity), entity_id ? DI(entity_id) : DNULL, b ? DS(b) : DNULL,
                            a ? DS(a) : DNULL, DS(who->ip ? who->ip : "")),
                        NULL, NULL);
  free(b);
  free(a);
  return nerr_pass(err);
}

NEOERR *audit_snapshot(MYSQL *db, const char *sql, long long id, json_t **out) {
  *out = NULL;
  HDF *h = NULL;
  int rows = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(db, h, "R", sql, DBA(DI(id)), &rows);
  if (!err && rows > 0) {
    json_t *o = json_object();
    for (HDF *c = hdf_obj_child(hdf_get_obj(h, "R.0")); c && o; c = hdf_obj_next(c))
      json_object_set_new(o, hdf_obj_name(c), json_string(hdf_obj_value(c) ? hdf_obj_value(c) : ""));
    *out = o;
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}
