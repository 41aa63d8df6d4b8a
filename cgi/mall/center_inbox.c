/* center_inbox.c: notifications (A9) — newest first, unread highlighted, mark one or all read */
#include "mall_center.h"
#include "mall_store.h"
#include "members/inbox_read.h"

/* GET /inbox?page=&done= → 200; 400 invalid page */
NEOERR *h_inbox(req *r) {
  long long page = 1, total = 0, unread = 0;
  if (!req_page(r, &page)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = center_show(r, "mall/center/inbox.cs", "Center.Inbox.Title", "inbox");
  if (!err) err = center_done_notice(r, "read|allread");
  if (!err) err = inbox_unread(r->db, r->user_id, &unread);
  if (!err) err = hdf_set_valuef(r->hdf, "Center.Unread=%lld", unread);
  if (!err) err = inbox_list(r->db, r->user_id, r->hdf, "Inbox", (page - 1) * CENTER_PER_PAGE, CENTER_PER_PAGE, &total);
  if (!err) err = req_pager(r, "/inbox?", page, total, CENTER_PER_PAGE);
  return nerr_pass(err);
}

/* POST /inbox/{id}/read → 303 /inbox?done=read; 404 unknown or another member's notice */
NEOERR *h_inbox_read(req *r) {
  int found = 0;
  NEOERR *err = inbox_mark_read(r->db, r->user_id, store_id_arg(r), &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  req_redirect(r, "/inbox?done=read");
  return STATUS_OK;
}

/* POST /inbox/read-all → 303 /inbox?done=allread */
NEOERR *h_inbox_read_all(req *r) {
  long long n = 0;
  NEOERR *err = inbox_mark_all_read(r->db, r->user_id, &n);
  if (err) return nerr_pass(err);
  req_redirect(r, "/inbox?done=allread");
  return STATUS_OK;
}
