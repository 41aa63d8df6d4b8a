/* sms.c: the SMS outbox page (B10) — every text sent, driver, status, error; filter by mobile; codes masked */
#include "adm_people.h"
#include "shared/sms_admin.h"
#include <stdio.h>

/* GET /admin/sms?mobile=&page= → 200 (mobile: 3–11 digits, a prefix); bad mobile → 200 with the field error */
NEOERR *h_adm_sms(req *r) {
  static const in_field F[] = {{"mobile", IN_DIGITS, 0, 3, 11, NULL}};
  in_value v[1];
  long long page = 1, total = 0, after = 0;
  int rows = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = ops_show(r, "admin/people/sms.cs", "Ops.Sms.Title");
  if (err || input_read(r, F, 1, v)) return nerr_pass(err);
  /* Numbered pages stop at SMS_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= SMS_OFFSET_PAGES ? (page - 1) * OPS_PER_PAGE : 1LL << 60;
  err = sms_outbox_list(r->db, v[0].s, offset, after, OPS_PER_PAGE, r->hdf, "Sms", &rows, &total);
  char next[32] = "";
  if (rows == OPS_PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Sms.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/sms?");
  if (!err) err = ops_base_add(&base, "mobile", v[0].s);
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, SMS_COUNT_CAP, OPS_PER_PAGE, SMS_OFFSET_PAGES,
                         next[0] ? next : NULL);
  string_clear(&base);
  return nerr_pass(err);
}
