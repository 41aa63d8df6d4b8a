/* center_consult.c: product consultations (A6) — ask from the product page, "my consultations" */
#include "mall_center.h"
#include "mall_store.h"
#include "catalog/catalog.h"
#include "catalog/consultations.h"
#include <stdio.h>

/* POST /product/{id}/ask: question (1–200 characters) → 303 /consultations?done=asked; 200 form with
 * the error under the field; 404 unknown or off-shelf product; 429 after CONSULT_DAILY_MAX today */
NEOERR *h_ask(req *r) {
  static const in_field F[] = {{"question", IN_TEXT, IN_REQUIRED, 1, CONSULT_MAX_CHARS, NULL}};
  in_value v[1];
  long long id = store_id_arg(r);
  int found = 0;
  NEOERR *err = catalog_product(r->db, r->hdf, "Product", r->lang, id, &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  if ((err = center_show(r, "mall/center/ask.cs", "Center.Ask.Title", "consultations"))) return nerr_pass(err);
  if ((err = hdf_set_valuef(r->hdf, "Ask.Max=%d", CONSULT_MAX_CHARS))) return nerr_pass(err);
  if (input_read(r, F, 1, v)) return STATUS_OK;
  consult_result res;
  if ((err = consultation_ask(r->db, r->user_id, id, v[0].s, &res))) return nerr_pass(err);
  if (res == CONSULT_NO_PRODUCT) return nerr_pass(req_fail(r, 404));
  if (res == CONSULT_TOO_MANY) {
    r->status = 429;
    return nerr_pass(req_flash(r, "Center.Ask.TooMany"));
  }
  req_redirect(r, "/consultations?done=asked");
  return STATUS_OK;
}

/* GET /consultations?page=|after=&done= → 200; 400 invalid page or cursor */
NEOERR *h_consultations(req *r) {
  long long page = 1, after = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = center_show(r, "mall/center/consultations.cs", "Center.Ask.MineTitle", "consultations");
  if (!err) err = center_done_notice(r, "asked");
  if (!err)
    err = center_list(r, &CONSULTATIONS_MINE[id_list_en(r->lang)], r->user_id, page, after, "Questions",
                      "/consultations?", "id");
  return nerr_pass(err);
}
