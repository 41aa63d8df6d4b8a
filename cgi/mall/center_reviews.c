/* center_reviews.c: reviews (A7) — write one per item of a completed order, "my reviews" with status */
#include "mall_center.h"
#include "catalog/reviews.h"
#include <stdio.h>

#define T_FORM "mall/center/review_form.cs"
static const in_field ITEM[] = {{"item", IN_INT, IN_REQUIRED, 1, 999999999999999999LL, NULL}};

/* Loads the order item into Item.0 and says on the page why it cannot be reviewed, if so. */
static NEOERR *load_item(req *r, long long item, review_result *res) {
  NEOERR *err = review_item(r->db, r->user_id, item, r->hdf, "Item", res);
  if (err || *res == REVIEW_NOT_FOUND) return nerr_pass(err);
  if ((err = center_show(r, T_FORM, "Center.Review.NewTitle", "reviews"))) return nerr_pass(err);
  if ((err = hdf_set_valuef(r->hdf, "Review.Max=%d", REVIEW_MAX_CHARS))) return nerr_pass(err);
  if ((err = hdf_set_valuef(r->hdf, "Review.Min=%d", REVIEW_MIN_CHARS))) return nerr_pass(err);
  if (*res == REVIEW_ALREADY) err = hdf_set_value(r->hdf, "Review.Refused", req_text(r, "Center.Review.Already"));
  if (*res == REVIEW_NOT_COMPLETED)
    err = hdf_set_value(r->hdf, "Review.Refused", req_text(r, "Center.Review.NotCompleted"));
  return nerr_pass(err);
}

/* GET /review/new?item= → 200 form (or the reason it cannot be reviewed); 400 bad item; 404 unknown or
 * another member's order item */
NEOERR *h_review_new(req *r) {
  in_value v[1];
  if (input_read(r, ITEM, 1, v)) return nerr_pass(req_fail(r, 400));
  review_result res;
  NEOERR *err = load_item(r, v[0].i, &res);
  if (!err && res == REVIEW_NOT_FOUND) err = req_fail(r, 404);
  return nerr_pass(err);
}

/* POST /review: item, score (1–5), content (5–500 characters) → 303 /reviews?done=reviewed; 200 form with
 * errors; 409 already reviewed or order not completed; 400 bad item; 404 unknown / another member's item */
NEOERR *h_review(req *r) {
  static const in_field F[] = {
      {"score", IN_INT, IN_REQUIRED, 1, 5, NULL},
      {"content", IN_TEXT, IN_REQUIRED, REVIEW_MIN_CHARS, REVIEW_MAX_CHARS, NULL},
  };
  in_value item[1], v[2];
  if (input_read(r, ITEM, 1, item)) return nerr_pass(req_fail(r, 400));
  review_result res;
  NEOERR *err = load_item(r, item[0].i, &res);
  if (err) return nerr_pass(err);
  if (res == REVIEW_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res != REVIEW_OK) {
    r->status = 409;
    return STATUS_OK;
  }
  if (input_read(r, F, 2, v)) return nerr_pass(req_flash(r, "Center.FixErrors"));
  if ((err = review_create(r->db, r->user_id, item[0].i, (int)v[0].i, v[1].s, &res))) return nerr_pass(err);
  if (res == REVIEW_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if (res != REVIEW_OK) {
    r->status = 409;
    return nerr_pass(
        hdf_set_value(r->hdf, "Review.Refused",
                      req_text(r, res == REVIEW_ALREADY ? "Center.Review.Already" : "Center.Review.NotCompleted")));
  }
  req_redirect(r, "/reviews?done=reviewed");
  return STATUS_OK;
}

/* GET /reviews?page=|after=&done= → 200 own reviews with status, and items waiting for a review; 400 bad page or
 * cursor */
NEOERR *h_reviews(req *r) {
  long long page = 1, after = 0;
  int waiting = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = center_show(r, "mall/center/reviews.cs", "Center.Review.Title", "reviews");
  if (!err) err = center_done_notice(r, "reviewed");
  if (!err) err = reviews_pending_items(r->db, r->user_id, r->hdf, "Waiting", 20, &waiting);
  if (!err)
    err = center_list(r, &REVIEWS_MINE[id_list_en(r->lang)], r->user_id, page, after, "Reviews", "/reviews?", "id");
  return nerr_pass(err);
}
