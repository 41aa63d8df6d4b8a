/* system.c: back-office health check and loading the signed-in admin (User.* and its role) */
#include "admin.h"
#include <string.h>

static const char SQL_ADMIN_HEADER[] = "SELECT username, role, status FROM admins WHERE id = ?";

/* Fills User.Name and User.Role; a disabled admin is signed out. */
NEOERR *admin_load(req *r, long long id, int *ok) {
  HDF *h = NULL;
  int rows = 0;
  *ok = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(r->db, h, "A", SQL_ADMIN_HEADER, DBA(DI(id)), &rows);
  if (!err && rows == 1 && strcmp(hdf_get_value(h, "A.0.status", ""), "active") == 0) {
    err = hdf_set_value(r->hdf, "User.Name", hdf_get_value(h, "A.0.username", ""));
    if (!err) err = hdf_set_value(r->hdf, "User.Role", hdf_get_value(h, "A.0.role", ""));
    if (!err) *ok = 1;
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}

/* GET /admin/healthz → 200 "ok" when the database answers, 503 otherwise. */
NEOERR *h_admin_healthz(req *r) {
  long long one = 0;
  int up = 0;
  if (r->db) {
    NEOERR *err = db_query_ll(r->db, "SELECT 1", DB_NOARGS, &one, NULL);
    if (err) nerr_ignore(&err);
    else up = one == 1;
  }
  r->status = up ? 200 : 503;
  r->content_type = "text/plain; charset=utf-8";
  return nerr_pass(string_append(&r->body, up ? "ok\n" : "database unavailable\n"));
}

void admin_actor(req *r, audit_actor *who) {
  who->id = r->user_id;
  who->name = hdf_get_value(r->hdf, "User.Name", "");
  who->ip = req_client_ip(r);
}
