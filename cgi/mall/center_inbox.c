/* center_inbox.c: notifications (A9) — newest first, unread highlighted, mark one or all read */
#include "mall_center.h"
#include "mall_store.h"
#include "members/inbox_read.h"

/* GET /inbox?page=|after=&done= → 200; 400 invalid page or cursor */
NEOERR *h_inbox(req *r) {
  long long page = 1, after = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = center_show(r, "mall/center/inbox.cs", "Center.Inbox.Title", "inbox");
  if (!err) err = center_done_notice(r, "read|allread");
  if (!err) err = center_account_summary(r);
  if (!err) err = center_list(r, &INBOX_LIST, r->user_id, page, after, "Inbox", "/inbox?", "id");
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
