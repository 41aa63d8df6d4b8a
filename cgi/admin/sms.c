/* sms.c: the SMS outbox page (B10) — every text sent, driver, status, error; filter by mobile; codes masked */
#include "adm_people.h"
#include "shared/sms_admin.h"

/* GET /admin/sms?mobile=&page= → 200 (mobile: 3–11 digits, a prefix); bad mobile → 200 with the field error */
NEOERR *h_adm_sms(req *r) {
  static const in_field F[] = {{"mobile", IN_DIGITS, 0, 3, 11, NULL}};
  in_value v[1];
  long long page = 1, total = 0;
  if (!req_page(r, &page)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = ops_show(r, "admin/people/sms.cs", "Ops.Sms.Title");
  if (err || input_read(r, F, 1, v)) return nerr_pass(err);
  err = sms_outbox_list(r->db, v[0].s, (page - 1) * OPS_PER_PAGE, OPS_PER_PAGE, r->hdf, "Sms", &total);
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/sms?");
  if (!err) err = ops_base_add(&base, "mobile", v[0].s);
  if (!err) err = req_pager(r, base.buf, page, total, OPS_PER_PAGE);
  string_clear(&base);
  return nerr_pass(err);
}
