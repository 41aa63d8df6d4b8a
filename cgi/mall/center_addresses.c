/* center_addresses.c: delivery addresses (A3) — list, create, edit, delete with confirmation, default */
#include "mall_center.h"
#include "mall_store.h"
#include "orders/addresses.h"
#include <stdio.h>
#include <string.h>

#define T_LIST "mall/center/addresses.cs"
#define T_FORM "mall/center/address_form.cs"
#define T_DELETE "mall/center/address_delete.cs"

static const in_field FIELDS[] = {
    {"recipient", IN_STR, IN_REQUIRED, 1, ADDRESS_RECIPIENT_MAX, NULL},
    {"mobile", IN_MOBILE, IN_REQUIRED, 0, 0, NULL},
    {"province", IN_STR, IN_REQUIRED, 1, ADDRESS_REGION_MAX, NULL},
    {"city", IN_STR, IN_REQUIRED, 1, ADDRESS_REGION_MAX, NULL},
    {"district", IN_STR, IN_REQUIRED, 1, ADDRESS_REGION_MAX, NULL},
    {"detail", IN_STR, IN_REQUIRED, ADDRESS_DETAIL_MIN, ADDRESS_DETAIL_MAX, NULL},
    {"is_default", IN_ENUM, 0, 0, 0, "1"},
};
enum { NFIELDS = sizeof FIELDS / sizeof FIELDS[0] };

/* The optional local page to return to after saving (e.g. the checkout); anything else is dropped. */
static const char *read_next(req *r) {
  static const in_field F[] = {{"next", IN_STR, 0, 1, 500, NULL}};
  in_value v;
  int bad = input_read(r, F, 1, &v);
  hdf_remove_tree(r->hdf, "Form.Errors.next");
  if (bad || !v.present || v.s[0] != '/' || v.s[1] == '/' || v.s[1] == '\\') {
    hdf_remove_tree(r->hdf, "Form.Values.next");
    return NULL;
  }
  return v.s;
}

static NEOERR *limits(req *r) {
  NEOERR *err = hdf_set_valuef(r->hdf, "Address.Max=%d", ADDRESS_MAX_PER_MEMBER);
  if (!err) err = hdf_set_valuef(r->hdf, "Address.RecipientMax=%d", ADDRESS_RECIPIENT_MAX);
  if (!err) err = hdf_set_valuef(r->hdf, "Address.RegionMax=%d", ADDRESS_REGION_MAX);
  if (!err) err = hdf_set_valuef(r->hdf, "Address.DetailMax=%d", ADDRESS_DETAIL_MAX);
  return nerr_pass(err);
}

/* GET /addresses?done= → 200 list */
NEOERR *h_addresses(req *r) {
  int count = 0;
  NEOERR *err = center_show(r, T_LIST, "Center.Address.Title", "addresses");
  if (!err) err = center_done_notice(r, "saved|deleted|default");
  if (!err) err = limits(r);
  if (!err) err = addresses_list(r->db, r->user_id, r->hdf, "Addresses", &count);
  if (!err) err = hdf_set_valuef(r->hdf, "Address.Count=%d", count);
  return nerr_pass(err);
}

static NEOERR *show_form(req *r, long long id) {
  NEOERR *err = center_show(r, T_FORM, id ? "Center.Address.EditTitle" : "Center.Address.NewTitle", "addresses");
  if (!err) err = limits(r);
  char action[64];
  snprintf(action, sizeof action, id ? "/address/%lld" : "/addresses", id);
  if (!err) err = hdf_set_value(r->hdf, "Address.Action", action);
  if (!err && id) err = hdf_set_valuef(r->hdf, "Address.Id=%lld", id);
  return nerr_pass(err);
}

/* GET /addresses/new?next= → 200 form (with a message when the member has the maximum already). */
NEOERR *h_address_new(req *r) {
  int count = 0;
  HDF *tmp = NULL;
  read_next(r);
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = addresses_list(r->db, r->user_id, tmp, "A", &count);
  hdf_destroy(&tmp);
  if (!err) err = show_form(r, 0);
  if (!err && count >= ADDRESS_MAX_PER_MEMBER) err = req_form_error(r, NULL, "Center.Address.TooMany");
  return nerr_pass(err);
}

/* GET /address/{id}/edit → 200 form filled in; 404 unknown or another member's address */
NEOERR *h_address_edit(req *r) {
  long long id = store_id_arg(r);
  int found = 0;
  read_next(r);
  NEOERR *err = address_get(r->db, r->user_id, id, r->hdf, "Address.Row", &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  static const char *const cols[] = {"recipient", "mobile", "province", "city", "district", "detail"};
  for (size_t i = 0; i < sizeof cols / sizeof cols[0] && !err; i++)
    err = hdf_set_valuef(r->hdf, "Form.Values.%s=%s", cols[i], hdf_get_valuef(r->hdf, "Address.Row.0.%s", cols[i]));
  if (!err && hdf_get_int_value(r->hdf, "Address.Row.0.is_default", 0))
    err = hdf_set_value(r->hdf, "Form.Values.is_default", "1");
  if (!err) err = show_form(r, id);
  return nerr_pass(err);
}

/* Validates and saves (id 0 = new). → 303 to next or /addresses?done=saved; 200 form with errors;
 * 404 for another member's address. */
static NEOERR *save(req *r, long long id) {
  in_value v[NFIELDS];
  const char *next = read_next(r);
  NEOERR *err = show_form(r, id);
  if (err) return nerr_pass(err);
  int bad = input_read(r, FIELDS, NFIELDS, v);
  address_fields f = {v[0].s, v[1].s, v[2].s, v[3].s, v[4].s, v[5].s, v[6].present};
  const char *why = NULL, *field = bad ? NULL : address_validate(&f, &why);
  if (field) {
    char key[64];
    snprintf(key, sizeof key, "Form.%s", why);
    err = req_form_error(r, field, key);
    bad++;
  }
  if (err || bad) {
    /* A form sent with a mistake keeps its values; a wrong mobile is easier to fix when shown. */
    if (!err) err = req_form_error(r, NULL, "Center.FixErrors");
    return nerr_pass(err);
  }
  address_result res;
  long long saved = 0;
  if ((err = address_save(r->db, r->user_id, id, &f, &res, &saved))) return nerr_pass(err);
  if (res == ADDRESS_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res == ADDRESS_TOO_MANY) return nerr_pass(req_form_error(r, NULL, "Center.Address.TooMany"));
  req_redirect(r, next ? next : "/addresses?done=saved");
  return STATUS_OK;
}

/* POST /addresses: recipient, mobile, province, city, district, detail, is_default, next */
NEOERR *h_address_create(req *r) { return nerr_pass(save(r, 0)); }

/* POST /address/{id}: same fields */
NEOERR *h_address_update(req *r) {
  long long id = store_id_arg(r);
  int found = 0;
  HDF *tmp = NULL;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = address_get(r->db, r->user_id, id, tmp, "A", &found);
  hdf_destroy(&tmp);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  return nerr_pass(save(r, id));
}

/* GET /address/{id}/delete → 200 "delete this address?" with a POST button; 404 unknown */
NEOERR *h_address_delete_confirm(req *r) {
  int found = 0;
  NEOERR *err = address_get(r->db, r->user_id, store_id_arg(r), r->hdf, "Address.Row", &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  return nerr_pass(center_show(r, T_DELETE, "Center.Address.DeleteTitle", "addresses"));
}

/* POST /address/{id}/delete → 303 /addresses?done=deleted; 404 unknown or another member's */
NEOERR *h_address_delete(req *r) {
  address_result res;
  NEOERR *err = address_delete(r->db, r->user_id, store_id_arg(r), &res);
  if (err) return nerr_pass(err);
  if (res != ADDRESS_OK) return nerr_pass(req_fail(r, 404));
  req_redirect(r, "/addresses?done=deleted");
  return STATUS_OK;
}

/* POST /address/{id}/default → 303 /addresses?done=default; 404 unknown or another member's */
NEOERR *h_address_default(req *r) {
  address_result res;
  NEOERR *err = address_set_default(r->db, r->user_id, store_id_arg(r), &res);
  if (err) return nerr_pass(err);
  if (res != ADDRESS_OK) return nerr_pass(req_fail(r, 404));
  req_redirect(r, "/addresses?done=default");
  return STATUS_OK;
}
