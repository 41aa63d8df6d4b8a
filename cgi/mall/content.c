/* content.c: announcements and the activity zone */
#include "mall.h"
#include "mall_store.h"
#include "mall_coupons.h"
#include "catalog/catalog.h"
#include <stdio.h>

#define NOTICES_PER_PAGE 15
#define ACTIVITIES_PER_PAGE 12

/* GET /notices?page= → 200 list (pinned first); 400 invalid page */
NEOERR *h_notices(req *r) {
  static const in_field F[] = {{"page", IN_INT, 0, 1, STORE_PAGE_MAX, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) return nerr_pass(req_fail(r, 400));
  long long page = v[0].present ? v[0].i : 1, total = 0;
  r->template = "mall/store/notices.cs";
  NEOERR *err = store_title(r, "Store.Notices.Title");
  if (!err)
    err = content_notices(r->db, r->hdf, "Notices", r->lang, (page - 1) * NOTICES_PER_PAGE, NOTICES_PER_PAGE, &total);
  if (!err) err = req_pager(r, "/notices?", page, total, NOTICES_PER_PAGE);
  return nerr_pass(err);
}

/* GET /notice/{id} → 200 detail; 404 unknown or not yet published */
NEOERR *h_notice(req *r) {
  int found = 0;
  NEOERR *err = content_notice_get(r->db, r->hdf, "Notice", r->lang, store_id_arg(r), &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  r->template = "mall/store/notice.cs";
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", hdf_get_value(r->hdf, "Notice.0.title", "")));
}

/* GET /activities?tab=ongoing|upcoming|past|all&page= → 200; 400 invalid tab or page */
NEOERR *h_activities(req *r) {
  static const in_field F[] = {
      {"tab", IN_ENUM, 0, 0, 0, "ongoing|upcoming|past|all"},
      {"page", IN_INT, 0, 1, STORE_PAGE_MAX, NULL},
  };
  in_value v[2];
  if (input_read(r, F, 2, v)) return nerr_pass(req_fail(r, 400));
  const char *tab = v[0].present ? v[0].s : "ongoing";
  long long page = v[1].present ? v[1].i : 1, total = 0;
  char base[64];
  snprintf(base, sizeof base, "/activities?tab=%s&", tab);
  r->template = "mall/store/activities.cs";
  NEOERR *err = store_title(r, "Store.Activities.Title");
  if (!err) err = hdf_set_value(r->hdf, "Filter.Tab", tab);
  if (!err)
    err = content_activities(r->db, r->hdf, "Activities", r->lang, tab, (page - 1) * ACTIVITIES_PER_PAGE,
                             ACTIVITIES_PER_PAGE, &total);
  if (!err) err = req_pager(r, base, page, total, ACTIVITIES_PER_PAGE);
  return nerr_pass(err);
}

/* GET /activity/{id} → 200 with its rules and products; 404 unknown */
/* A paused or tripped activity says so on its page (F2, F4): the same words its payments are refused with. The
 * page is cached; a pause, resume, trip or untrip drops the caches (guards_notify, switch_poll). */
static NEOERR *activity_guard(req *r, long long id) {
  char text[900];
  int active = 0;
  NEOERR *err = mall_guard_text(r, id, text, sizeof text, &active);
  if (err || !active) return nerr_pass(err);
  return nerr_pass(hdf_set_value(r->hdf, "ActivityGuard.Message", text));
}

NEOERR *h_activity(req *r) {
  int found = 0;
  long long id = store_id_arg(r);
  NEOERR *err = content_activity_get(r->db, r->hdf, "Activity", r->lang, id, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  r->template = "mall/store/activity.cs";
  err = hdf_set_value(r->hdf, "Page.Title", hdf_get_value(r->hdf, "Activity.0.title", ""));
  if (!err) err = content_activity_products(r->db, r->hdf, "Products", r->lang, id);
  if (!err) err = activity_guard(r, id);
  if (!err) err = mall_activity_coupons(r, id); /* F6: its campaigns open for claims */
  return nerr_pass(err);
}
