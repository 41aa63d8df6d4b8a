/* codes.c: /c/{code} — what a one-item code is worth and, for a signed-in member, collecting it (F5); sign-in and
 * registration come back here */
#include "mall_codes.h"
#include "blocked.h"
#include "campaigns/switches.h"
#include "codes/code_scan.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_SCAN "mall/codes/scan.cs"

static const char *const STATE[] = {"ok", "typo", "invalid", "used", "inactive", "expired", "guard", "frozen"};
static const int STATUS[] = {200, 400, 404, 409, 409, 410, 409, 403};

/* The page values of an outcome: Scan.{State, Code, Points, Expire, ValidUntil, UsedAt, Mine, Next}. */
static NEOERR *show(req *r, const scan_outcome *o) {
  r->template = T_SCAN;
  r->no_cache = 1;
  r->status = STATUS[o->result];
  HDF *h = r->hdf;
  char next[96];
  NEOERR *err = hdf_set_value(h, "Page.Title", req_text(r, "Codes.Scan.Title"));
  if (!err) err = hdf_set_value(h, "Scan.State", STATE[o->result]);
  /* A typo is shown as typed (escaped by the template); anything else by its canonical spelling. */
  if (!err) err = hdf_set_value(h, "Scan.Code", o->code[0] ? o->code : req_arg(r, 0));
  snprintf(next, sizeof next, "/c/%s", o->code[0] ? o->code : "");
  if (!err && o->code[0]) err = hdf_set_value(h, "Scan.Next", next);
  if (!err && o->result != SCAN_TYPO && o->result != SCAN_INVALID) {
    err = hdf_set_valuef(h, "Scan.Points=%lld", o->points);
    if (!err) err = hdf_set_value(h, "Scan.Expire", o->points_expire);
    if (!err) err = hdf_set_value(h, "Scan.ValidUntil", o->valid_until);
    if (!err && o->used_at[0]) err = hdf_set_value(h, "Scan.UsedAt", o->used_at);
    if (!err && o->mine) err = hdf_set_value(h, "Scan.Mine", "1");
  }
  return nerr_pass(err);
}

/* A guard's refusal in the member's words (pause reason, trip message, cap). */
static NEOERR *guard_flash(req *r, const scan_outcome *o) {
  char title[DB_VARCHAR(200)], msg[DB_VARCHAR(200)], buf[1000];
  int lottery = 0, paused = 0, tripped = 0;
  NEOERR *err = STATUS_OK;
  switch (o->guard.result) {
  case GUARD_MALL_PAUSED: {
    const switch_state *st = switch_poll(r->db);
    const char *marks[] = {"{reason}"}, *values[] = {st ? st->mall_reason : ""};
    return nerr_pass(req_flash_text(r, req_text_fill(r, "Codes.Scan.MallPaused", marks, values, 1, buf, sizeof buf)));
  }
  case GUARD_ACTIVITY_PAUSED:
  case GUARD_TRIPPED:
    err = guards_activity_message(r->db, o->activity_id, r->lang, title, sizeof title, msg, sizeof msg, &lottery,
                                  &paused, &tripped);
    if (err) return nerr_pass(err);
    if (o->guard.result == GUARD_ACTIVITY_PAUSED) {
      const char *marks[] = {"{name}", "{reason}"}, *values[] = {title, msg};
      return nerr_pass(
          req_flash_text(r, req_text_fill(r, "Codes.Scan.ActivityPaused", marks, values, 2, buf, sizeof buf)));
    }
    return nerr_pass(msg[0] ? req_flash_text(r, msg)
                            : req_flash(r, lottery ? "Guard.Trip.Lottery" : "Guard.Trip.Normal"));
  case GUARD_CAP_ACTIVITY: return nerr_pass(req_flash(r, "Codes.Scan.Cap"));
  default: return nerr_pass(req_flash(r, "Codes.Scan.NotRunning"));
  }
}

/* GET /c/{code}?done=earned → 200 what the code earns (a button to collect it, or sign-in / register links that come
 * back here); 400 a typo (the check character does not match: no database work); 404 not a code ("invalid", nothing
 * more); 409 used already (when; "by you" for the member who did) or its box not activated; 410 the batch's validity
 * is over */
NEOERR *h_code(req *r) {
  scan_outcome o;
  NEOERR *err = code_lookup(r->db, req_arg(r, 0), r->user_id, &o);
  if (!err) err = show(r, &o);
  if (!err && o.result == SCAN_USED && o.mine) {
    r->status = 200;
    err = req_done_notice(r, "earned", "Codes.Scan.Done");
  }
  return nerr_pass(err);
}

/* POST /c/{code} (signed in) → 303 /c/{code}?done=earned once the points are in; the page with the reason otherwise:
 * 400 typo, 404 invalid, 409 used / not active / paused / budget or cap reached, 410 expired, 403 frozen or
 * blacklisted. Every attempt counts for the blacklist's code_scan rules. */
NEOERR *h_code_collect(req *r) {
  int blocked = 0;
  const char *mobile = hdf_get_value(r->hdf, "User.Mobile", "");
  NEOERR *err = req_blacklist_guard(r, mobile, NULL, &blocked);
  if (err || blocked) return nerr_pass(err);
  req_blacklist_event(r, BL_EVENT_CODE_SCAN, mobile, NULL);
  scan_outcome o;
  if ((err = code_scan(r->db, req_arg(r, 0), r->user_id, &o))) return nerr_pass(err);
  if (o.result == SCAN_OK) {
    char loc[64];
    snprintf(loc, sizeof loc, "/c/%s?done=earned", o.code);
    req_redirect(r, loc);
    return STATUS_OK;
  }
  if ((err = show(r, &o))) return nerr_pass(err);
  if (o.result == SCAN_GUARD) return nerr_pass(guard_flash(r, &o));
  if (o.result == SCAN_FROZEN) return nerr_pass(req_flash(r, "Codes.Scan.Frozen"));
  return STATUS_OK;
}
