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

NEOERR *center_account_summary(req *r) {
  long long unread = 0;
  NEOERR *err = inbox_unread(r->db, r->user_id, &unread);
  if (!err) err = hdf_set_valuef(r->hdf, "Center.Unread=%lld", unread);
  return nerr_pass(err);
}
