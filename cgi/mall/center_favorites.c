/* center_favorites.c: favorites (A4) — list with product cards, add from the product page, remove */
#include "mall_center.h"
#include "catalog/favorites.h"

static const in_field PRODUCT[] = {{"product_id", IN_INT, IN_REQUIRED, 1, 999999999999999999LL, NULL}};

/* GET /favorites?page=|after=&done= → 200; 400 invalid page or cursor */
NEOERR *h_favorites(req *r) {
  long long page = 1, after = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = center_show(r, "mall/center/favorites.cs", "Center.Fav.Title", "favorites");
  if (!err) err = center_done_notice(r, "added|removed");
  if (!err)
    err = center_list(r, &FAVORITES_LIST[id_list_en(r->lang)], r->user_id, page, after, "Favorites", "/favorites?",
                      "fav_id");
  return nerr_pass(err);
}

/* POST /favorites/add: product_id → 303 /favorites?done=added (idempotent); 400 bad id;
 * 404 unknown or off-shelf product */
NEOERR *h_favorite_add(req *r) {
  in_value v[1];
  if (input_read(r, PRODUCT, 1, v)) return nerr_pass(req_fail(r, 400));
  int ok = 0;
  NEOERR *err = favorites_add(r->db, r->user_id, v[0].i, &ok);
  if (err) return nerr_pass(err);
  if (!ok) return nerr_pass(req_fail(r, 404));
  req_redirect(r, "/favorites?done=added");
  return STATUS_OK;
}

/* POST /favorites/remove: product_id → 303 /favorites?done=removed (removing twice is fine); 400 bad id */
NEOERR *h_favorite_remove(req *r) {
  in_value v[1];
  if (input_read(r, PRODUCT, 1, v)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = favorites_remove(r->db, r->user_id, v[0].i);
  if (err) return nerr_pass(err);
  req_redirect(r, "/favorites?done=removed");
  return STATUS_OK;
}
