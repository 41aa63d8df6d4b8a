/* coupons.c: /coupons — open campaigns with their claim buttons and the member's coupons (usable / used / expired);
 * claiming (F6) under the blacklist (F3) and the pause switches (F4); the activity page's campaigns and the coupon
 * choice at checkout */
#include "mall_coupons.h"
#include "blocked.h"
#include "coupons/coupons.h"
#include "coupons/coupons_read.h"
#include <stdio.h>
#include <string.h>

#define T_COUPONS "mall/coupons/list.cs"
#define ID_MAX 999999999999999999LL

/* "¥12.34" for fen. */
static void yuan(long long fen, char *buf, size_t len) { snprintf(buf, len, "¥%lld.%02lld", fen / 100, fen % 100); }

/* prefix.N.terms: what a coupon or campaign row gives, in the member's words ("满 100 积分减 20 积分", "¥5.00"…). */
static NEOERR *terms_rows(req *r, const char *prefix) {
  NEOERR *err = STATUS_OK;
  for (HDF *c = hdf_get_child(r->hdf, prefix); c && !err; c = hdf_obj_next(c)) {
    int cash = strcmp(hdf_get_value(c, "kind", ""), "cash_off") == 0;
    long long face = db_hdf_ll(c, "face_value", 0), threshold = db_hdf_ll(c, "threshold", 0);
    char f[32], t[32], key[64], buf[300];
    if (cash) {
      yuan(face, f, sizeof f);
      yuan(threshold, t, sizeof t);
    } else {
      snprintf(f, sizeof f, "%lld", face);
      snprintf(t, sizeof t, "%lld", threshold);
    }
    snprintf(key, sizeof key, "Coupons.Terms.%s%s", cash ? "Cash" : "Points", threshold > 0 ? "" : "Free");
    const char *marks[] = {"{face}", "{threshold}"}, *values[] = {f, t};
    err = hdf_set_value(c, "terms", req_text_fill(r, key, marks, values, 2, buf, sizeof buf));
    if (!err) err = hdf_set_value(c, "face_text", f);
  }
  return nerr_pass(err);
}

static NEOERR *list_page(req *r, const char *tab, long long after) {
  int rows = 0, more = 0, open = 0;
  r->template = T_COUPONS;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Coupons.Title"));
  if (!err) err = hdf_set_value(r->hdf, "Center.Tab", "coupons");
  if (!err) err = hdf_set_value(r->hdf, "CouponsPage.Tab", tab);
  if (!err) err = coupon_campaigns_open(r->db, 0, r->user_id, r->lang, r->hdf, "Campaigns", &open);
  if (!err) err = terms_rows(r, "Campaigns");
  if (!err) err = coupons_member_list(r->db, r->user_id, tab, r->lang, after, r->hdf, "Coupons", &rows, &more);
  if (!err) err = terms_rows(r, "Coupons");
  if (!err && more) {
    char key[64];
    snprintf(key, sizeof key, "Coupons.%d.id", rows - 1);
    err = hdf_set_value(r->hdf, "CouponsPage.After", hdf_get_value(r->hdf, key, ""));
  }
  return nerr_pass(err);
}

/* GET /coupons?tab=usable|used|expired&after=&done=claimed → 200 the open campaigns (claim buttons) and the member's
 * coupons of the tab, newest first, keyset pages; 400 a bad tab or cursor */
NEOERR *h_coupons(req *r) {
  static const in_field F[] = {{"tab", IN_ENUM, 0, 0, 0, "usable|used|expired"}, {"after", IN_INT, 0, 1, ID_MAX, NULL}};
  in_value v[2];
  if (input_read(r, F, 2, v)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = list_page(r, v[0].present ? v[0].s : "usable", v[1].present ? v[1].i : 0);
  if (!err) err = req_done_notice(r, "claimed", "Coupons.Done");
  return nerr_pass(err);
}

static const char *const CLAIM_KEY[] = {"Ok",     "NotFound",       "NotStarted", "Ended",        "SoldOut", "Limit",
                                        "Paused", "ActivityPaused", "MallPaused", "Insufficient", "Frozen"};
static const int CLAIM_STATUS[] = {303, 404, 409, 409, 409, 409, 409, 409, 409, 409, 403};

/* POST /coupons/{id}/claim → 303 /coupons?done=claimed; the coupons page with the reason otherwise: 404 no such
 * campaign, 409 not open yet / closed / all claimed / the member's limit reached / paused / not enough points,
 * 403 frozen or blacklisted. Every attempt counts for the blacklist's coupon_claim rules. */
NEOERR *h_coupon_claim(req *r) {
  int blocked = 0;
  const char *mobile = hdf_get_value(r->hdf, "User.Mobile", "");
  NEOERR *err = req_blacklist_guard(r, mobile, NULL, &blocked);
  if (err || blocked) return nerr_pass(err);
  req_blacklist_event(r, BL_EVENT_COUPON_CLAIM, mobile, NULL);
  long long id = req_arg_id(r, 0);
  claim_outcome o;
  if (id <= 0) return nerr_pass(req_fail(r, 404));
  if ((err = coupon_claim(r->db, r->user_id, id, &o))) return nerr_pass(err);
  if (o.result == CLAIM_OK) {
    req_redirect(r, "/coupons?done=claimed");
    return STATUS_OK;
  }
  if (o.result == CLAIM_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  if ((err = list_page(r, "usable", 0))) return nerr_pass(err);
  r->status = CLAIM_STATUS[o.result];
  char key[64];
  snprintf(key, sizeof key, "Coupons.Claim.%s", CLAIM_KEY[o.result]);
  return nerr_pass(req_flash(r, key));
}

NEOERR *mall_activity_coupons(req *r, long long activity_id) {
  int rows = 0;
  NEOERR *err = coupon_campaigns_open(r->db, activity_id, r->user_id, r->lang, r->hdf, "ActivityCoupons", &rows);
  if (!err) err = terms_rows(r, "ActivityCoupons");
  return nerr_pass(err);
}

static const in_field COUPON_FIELD = {"coupon_id", IN_INT, 0, 0, ID_MAX, NULL};

/* The form's coupon_id: a malformed one counts as none (the order then simply takes no coupon) and leaves no form
 * error behind. */
long long mall_coupons_choice(req *r) {
  in_value v;
  int had_errors = hdf_get_value(r->hdf, "Form.HasErrors", NULL) != NULL;
  if (input_read(r, &COUPON_FIELD, 1, &v)) {
    hdf_remove_tree(r->hdf, "Form.Errors.coupon_id");
    hdf_remove_tree(r->hdf, "Form.Values.coupon_id");
    if (!had_errors) hdf_remove_tree(r->hdf, "Form.HasErrors");
    return 0;
  }
  return v.present ? v.i : 0;
}

NEOERR *mall_coupons_checkout(req *r, long long points, long long cash) {
  int rows = 0;
  if (r->user_id <= 0) return STATUS_OK;
  NEOERR *err = coupons_for_order(r->db, r->user_id, r->lang, points, cash, r->hdf, "Coupons", 20, &rows);
  if (!err) err = terms_rows(r, "Coupons");
  if (err) return nerr_pass(err);
  /* The member's choice when the form sent one; else the best coupon (listed first). */
  long long chosen = mall_coupons_choice(r);
  if (!hdf_get_value(r->hdf, "Form.Values.coupon_id", NULL)) {
    chosen = rows ? db_hdf_ll(r->hdf, "Coupons.0.id", 0) : 0;
    err = hdf_set_valuef(r->hdf, "Form.Values.coupon_id=%lld", chosen);
  }
  long long off = 0, off_cash = 0;
  for (HDF *c = hdf_get_child(r->hdf, "Coupons"); c && !err; c = hdf_obj_next(c)) {
    if (db_hdf_ll(c, "id", 0) != chosen) continue;
    off = db_hdf_ll(c, "off_points", 0);
    off_cash = db_hdf_ll(c, "off_cash", 0);
  }
  char y[32];
  yuan(off_cash, y, sizeof y);
  long long balance = db_hdf_ll(r->hdf, "User.Points", 0), pay = points - off;
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Discount=%lld", off);
  if (!err && off_cash) err = hdf_set_value(r->hdf, "Totals.DiscountCash", y);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Pay=%lld", pay);
  /* The cash part less a cash-off coupon: what the cashier will ask for (the order stores it). */
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.CashOff=%lld", off_cash);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.CashPay=%lld", cash - off_cash);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.After=%lld", balance - pay);
  if (!err) err = hdf_set_valuef(r->hdf, "Totals.Short=%d", pay > balance);
  return nerr_pass(err);
}
