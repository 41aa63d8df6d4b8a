/* center_messages.c: messages to the operator (A5) — post, own list with status and replies, public wall */
#include "mall_center.h"
#include "content/messages.h"
#include <stdio.h>

static NEOERR *mine(req *r, long long page, long long after) {
  NEOERR *err = center_show(r, "mall/center/messages.cs", "Center.Msg.Title", "messages");
  if (!err) err = hdf_set_valuef(r->hdf, "Msg.Max=%d", MESSAGE_MAX_CHARS);
  if (!err) err = center_list(r, &MESSAGES_MINE, r->user_id, page, after, "Messages", "/messages?", "id");
  return nerr_pass(err);
}

/* GET /messages?page=|after=&done= → 200; 400 invalid page or cursor */
NEOERR *h_messages(req *r) {
  long long page = 1, after = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = mine(r, page, after);
  if (!err) err = center_done_notice(r, "posted");
  return nerr_pass(err);
}

/* POST /messages: content (1–500 characters) → 303 /messages?done=posted; 200 with the error under the
 * field; 429 after MESSAGE_DAILY_MAX messages today */
NEOERR *h_message_post(req *r) {
  static const in_field F[] = {{"content", IN_TEXT, IN_REQUIRED, 1, MESSAGE_MAX_CHARS, NULL}};
  in_value v[1];
  int bad = input_read(r, F, 1, v);
  NEOERR *err = mine(r, 1, 0);
  if (err || bad) return nerr_pass(err);
  int ok = 0;
  if ((err = message_post(r->db, r->user_id, v[0].s, &ok))) return nerr_pass(err);
  if (!ok) {
    r->status = 429;
    return nerr_pass(req_flash(r, "Center.Msg.TooMany"));
  }
  req_redirect(r, "/messages?done=posted");
  return STATUS_OK;
}

/* GET /messages/public?page=|after= → 200 approved messages with replies (anyone); 400 invalid page or cursor */
NEOERR *h_messages_public(req *r) {
  long long page = 1, after = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = center_show(r, "mall/center/messages_public.cs", "Center.Msg.PublicTitle", NULL);
  if (!err) err = center_list(r, &MESSAGES_PUBLIC, 0, page, after, "Messages", "/messages/public?", "id");
  return nerr_pass(err);
}
