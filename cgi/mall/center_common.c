/* center_common.c: pieces shared by the member center pages — page frame, paging, notices */
#include "mall_center.h"
#include "mall_store.h"
#include "members/inbox_read.h"
#include <stdio.h>
#include <string.h>

NEOERR *center_show(req *r, const char *tmpl, const char *title_key, const char *tab) {
  r->template = tmpl;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, title_key));
  if (!err && tab) err = hdf_set_value(r->hdf, "Center.Tab", tab);
  return nerr_pass(err);
}

NEOERR *center_done_notice(req *r, const char *choices) {
  return nerr_pass(req_done_notice(r, choices, "Center.Done"));
}

NEOERR *center_list(req *r, const id_list *l, long long arg, long long page, long long after, const char *prefix,
                    const char *base, const char *key_field) {
  long long total = 0;
  int rows = 0;
  /* Numbered pages stop at CENTER_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= CENTER_OFFSET_PAGES ? (page - 1) * CENTER_PER_PAGE : 1LL << 60;
  NEOERR *err =
      id_list_fetch(r->db, l, arg, CENTER_COUNT_CAP, offset, after, CENTER_PER_PAGE, r->hdf, prefix, &rows, &total);
  char next[32] = "";
  if (!err && rows == CENTER_PER_PAGE) {
    char key[96];
    snprintf(key, sizeof key, "%s.%d.%s", prefix, rows - 1, key_field);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  if (!err)
    err = req_pager_seek(r, base, after ? 0 : page, total, CENTER_COUNT_CAP, CENTER_PER_PAGE, CENTER_OFFSET_PAGES,
                         next[0] ? next : NULL);
  return nerr_pass(err);
}

NEOERR *center_account_summary(req *r) {
  long long unread = 0;
  NEOERR *err = inbox_unread(r->db, r->user_id, &unread);
  if (!err) err = hdf_set_valuef(r->hdf, "Center.Unread=%lld", unread);
  if (!err && unread > INBOX_UNREAD_CAP) err = hdf_set_valuef(r->hdf, "Center.UnreadText=%d+", INBOX_UNREAD_CAP);
  return nerr_pass(err);
}
