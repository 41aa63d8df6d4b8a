/* system.c: loading the signed-in admin (User.* and its role) and who acts, for the audit log */
#include "admin.h"
#include "adm_session.h"
#include <string.h>

static const char SQL_ADMIN_HEADER[] = "SELECT username, role, status, enterprise FROM admins WHERE id = ?";

/* Fills User.Name, User.Role and, for an enterprise admin, User.Enterprise (the scope of all it reads: app.c copies it
 * to r->enterprise with the role); a disabled admin, or an enterprise admin bound to no enterprise, is signed out. */
NEOERR *admin_load(req *r, long long id, int *ok) {
  HDF *h = NULL;
  int rows = 0;
  *ok = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(r->db, h, "A", SQL_ADMIN_HEADER, DBA(DI(id)), &rows);
  const char *ent = hdf_get_value(h, "A.0.enterprise", "");
  int bound = strcmp(hdf_get_value(h, "A.0.role", ""), "enterprise") != 0 || *ent;
  if (!err && rows == 1 && bound && strcmp(hdf_get_value(h, "A.0.status", ""), "active") == 0) {
    err = hdf_set_value(r->hdf, "User.Name", hdf_get_value(h, "A.0.username", ""));
    if (!err && *ent && strcmp(hdf_get_value(h, "A.0.role", ""), "enterprise") == 0)
      err = hdf_set_value(r->hdf, "User.Enterprise", ent);
    if (!err) err = hdf_set_value(r->hdf, "User.Role", hdf_get_value(h, "A.0.role", ""));
    if (!err) err = admin_nav_fill(r); /* role-aware menu, cached with the session's User.* */
    if (!err) *ok = 1;
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}

void admin_actor(req *r, audit_actor *who) {
  *who = (audit_actor){
      .id = r->user_id, .name = hdf_get_value(r->hdf, "User.Name", ""), .ip = req_client_ip(r), .kind = "admin"};
}
