/* partners.c: the back office's partner API pages (I1) — partners of an enterprise, key pairs (a secret is shown once,
 * to the admin who made it; rotation = a new key, then the old one revoked), enable/disable, and the API call log
 * (keyset pages, newest first) */
#include "adm_partners.h"
#include "adm_catalog.h"
#include "partners/partners.h"
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_LIST "admin/partners/list.cs"
#define T_ONE "admin/partners/partner.cs"
#define T_LOG "admin/partners/log.cs"

static const char SQL_PARTNER_AUDIT[] =
    "SELECT id, name, enterprise, status, rate_per_minute FROM partners WHERE id = ?";

static NEOERR *list_page(req *r) {
  NEOERR *err = adm_cat_page(r, T_LIST, "Partners.Title");
  int rows = 0;
  if (!err) err = partners_list(r->db, r->hdf, "Partners", &rows);
  if (!err) err = enterprises_list(r->db, r->hdf, "Enterprises", &rows);
  return nerr_pass(err);
}

/* GET /admin/partners → 200 the partners, the form for a new one */
NEOERR *h_adm_partners(req *r) {
  NEOERR *err = list_page(r);
  if (!err) err = adm_cat_done(r, "created");
  return nerr_pass(err);
}

/* POST /admin/partners {name, enterprise, rate} → 303 the new partner's page; 200 the form with messages */
NEOERR *h_adm_partner_create(req *r) {
  static const in_field F[] = {{"name", IN_STR, IN_REQUIRED, 1, 100, NULL},
                               {"enterprise", IN_STR, IN_REQUIRED, 1, 64, NULL},
                               {"rate", IN_INT, IN_REQUIRED, 1, 100000, NULL}};
  in_value v[3];
  int bad = input_read(r, F, 3, v);
  long long id = 0;
  NEOERR *err = STATUS_OK;
  if (!bad) {
    if ((err = partner_create(r->db, v[0].s, v[1].s, (int)v[2].i, r->user_id, &id))) return nerr_pass(err);
    if (!id) bad = req_form_error(r, "enterprise", "Partners.NoEnterprise") == STATUS_OK;
  }
  if (bad) {
    err = list_page(r);
    if (!err) err = adm_cat_keep_values(r, F, 3);
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  audit_actor who;
  admin_actor(r, &who);
  json_t *after = NULL;
  err = audit_snapshot(r->db, SQL_PARTNER_AUDIT, id, &after);
  if (!err) err = audit_record(r->db, &who, "create", "partner", id, NULL, after);
  json_decref(after);
  if (err) return nerr_pass(err);
  char loc[64];
  snprintf(loc, sizeof loc, "/admin/partners/%lld?done=created", id);
  req_redirect(r, loc);
  return STATUS_OK;
}

static int key_id_ok(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n > 40) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
      return 0;
  return 1;
}

/* GET /admin/partners/{id}?reveal=<key id>&done= → 200 the partner, its keys (a new key's secret once, for the admin
 * who made it, within 15 minutes), the forms; 404 unknown partner */
NEOERR *h_adm_partner(req *r) {
  static const in_field F[] = {{"reveal", IN_STR, 0, 1, 40, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v) || (v[0].present && !key_id_ok(v[0].s))) return nerr_pass(req_fail(r, 400));
  long long id = req_arg_id(r, 0);
  int found = 0, rows = 0;
  NEOERR *err = adm_cat_page(r, T_ONE, "Partners.PartnerTitle");
  if (!err) err = partner_get(r->db, id, r->hdf, "Partner", &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  r->no_cache = 1;
  if (v[0].present) {
    char secret[PARTNER_SECRET_MAX + 1];
    int ok = 0;
    if ((err = partner_key_reveal(r->db, id, v[0].s, r->user_id, secret, sizeof secret, &ok))) return nerr_pass(err);
    if (ok) {
      err = hdf_set_value(r->hdf, "NewKey.key_id", v[0].s);
      if (!err) err = hdf_set_value(r->hdf, "NewKey.secret", secret);
      OPENSSL_cleanse(secret, sizeof secret);
      if (!err) err = string_append(&r->headers, "Cache-Control: no-store\r\n");
    } else {
      err = req_flash(r, "Partners.SecretGone");
    }
    if (err) return nerr_pass(err);
  }
  if (!err) err = partner_keys_list(r->db, id, r->hdf, "Keys", &rows);
  if (!err) err = adm_cat_done(r, "created|key_revoked|enabled|disabled");
  return nerr_pass(err);
}

/* POST /admin/partners/{id}/keys → 303 the partner's page showing the new key's secret once; 404 unknown partner */
NEOERR *h_adm_partner_key_create(req *r) {
  long long id = req_arg_id(r, 0);
  char key_id[PARTNER_KEY_ID_LEN + 1], secret[PARTNER_SECRET_LEN + 1];
  int ok = 0;
  NEOERR *err = partner_key_create(r->db, id, r->user_id, key_id, secret, &ok);
  OPENSSL_cleanse(secret, sizeof secret);
  if (err) return nerr_pass(err);
  if (!ok) return nerr_pass(req_fail(r, 404));
  audit_actor who;
  admin_actor(r, &who);
  json_t *after = json_pack("{s:s}", "key_id", key_id);
  err = audit_record(r->db, &who, "key_create", "partner", id, NULL, after);
  json_decref(after);
  if (err) return nerr_pass(err);
  char loc[128];
  snprintf(loc, sizeof loc, "/admin/partners/%lld?reveal=%s#new-key", id, key_id);
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/partners/{id}/keys/{no}/revoke → 303 the partner's page; 404 when it is no active key of the partner */
NEOERR *h_adm_partner_key_revoke(req *r) {
  long long id = req_arg_id(r, 0);
  const char *key = req_arg(r, 1);
  int ok = 0;
  NEOERR *err = key_id_ok(key) ? partner_key_revoke(r->db, id, key, &ok) : STATUS_OK;
  if (err) return nerr_pass(err);
  if (!ok) return nerr_pass(req_fail(r, 404));
  audit_actor who;
  admin_actor(r, &who);
  json_t *before = json_pack("{s:s,s:s}", "key_id", key, "status", "active");
  json_t *after = json_pack("{s:s,s:s}", "key_id", key, "status", "revoked");
  err = audit_record(r->db, &who, "key_revoke", "partner", id, before, after);
  json_decref(before);
  json_decref(after);
  if (err) return nerr_pass(err);
  char loc[64];
  snprintf(loc, sizeof loc, "/admin/partners/%lld?done=key_revoked", id);
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/partners/{id}/status {status: active|disabled} → 303; 404 unknown partner */
NEOERR *h_adm_partner_status(req *r) {
  static const in_field F[] = {{"status", IN_ENUM, IN_REQUIRED, 0, 0, "active|disabled"}};
  in_value v[1];
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  long long id = req_arg_id(r, 0);
  int active = strcmp(v[0].s, "active") == 0, ok = 0;
  json_t *before = NULL, *after = NULL;
  NEOERR *err = audit_snapshot(r->db, SQL_PARTNER_AUDIT, id, &before);
  if (!err && !before) return nerr_pass(req_fail(r, 404));
  if (!err) err = partner_set_status(r->db, id, active, &ok);
  if (!err) err = audit_snapshot(r->db, SQL_PARTNER_AUDIT, id, &after);
  audit_actor who;
  admin_actor(r, &who);
  if (!err) err = audit_record(r->db, &who, "update", "partner", id, before, after);
  json_decref(before);
  json_decref(after);
  if (err) return nerr_pass(err);
  char loc[64];
  snprintf(loc, sizeof loc, "/admin/partners/%lld?done=%s", id, active ? "enabled" : "disabled");
  req_redirect(r, loc);
  return STATUS_OK;
}

/* GET /admin/api-log?partner=<id>&before=<id> → 200 the API calls, newest first, API_LOG_PAGE at a time (keyset:
 * before = the last id shown) */
NEOERR *h_adm_api_log(req *r) {
  static const in_field F[] = {{"partner", IN_INT, 0, 1, 2147483647, NULL},
                               {"before", IN_INT, 0, 1, 9000000000000000000LL, NULL}};
  in_value v[2];
  if (input_read(r, F, 2, v)) return nerr_pass(req_fail(r, 400));
  int rows = 0;
  long long next = 0, partner = v[0].present ? v[0].i : 0;
  NEOERR *err = adm_cat_page(r, T_LOG, "Partners.LogTitle");
  if (!err) err = partners_list(r->db, r->hdf, "Partners", &rows);
  if (!err) err = api_log_page(r->db, partner, v[1].present ? v[1].i : 0, r->hdf, "Log", &rows, &next);
  if (!err && partner) err = hdf_set_valuef(r->hdf, "Filter.Partner=%lld", partner);
  if (!err && next) err = hdf_set_valuef(r->hdf, "Page.NextBefore=%lld", next);
  return nerr_pass(err);
}
