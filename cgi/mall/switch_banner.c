/* switch_banner.c: the emergency switch's banner on every member page (F4) and the guard refusals' texts (F2, F4) */
#include "mall.h"
#include "mall_shop.h"
#include "campaigns/guards.h"
#include "campaigns/switches.h"
#include "orders/orders.h"
#include <stdio.h>
#include <string.h>

/* Before the page caches: a pause or resume made on another machine drops this machine's cached pages. */
void mall_before_request(void) {
  MYSQL *db = NULL;
  NEOERR *err = db_connect(&db);
  if (err) {
    nerr_ignore(&err); /* dispatch reports the database being down */
    return;
  }
  switch_poll(db);
}

NEOERR *mall_layout_values(req *r) { return nerr_pass(switch_to_hdf(switch_poll(r->db), r->hdf, r->lang)); }

NEOERR *mall_guard_text(req *r, long long activity_id, char *out, size_t len, int *active) {
  char title[DB_VARCHAR(200)], msg[DB_VARCHAR(200)];
  int lottery = 0, paused = 0, tripped = 0;
  NEOERR *err = guards_activity_message(r->db, activity_id, r->lang, title, sizeof title, msg, sizeof msg, &lottery,
                                        &paused, &tripped);
  if (err) return nerr_pass(err);
  if (active) *active = paused || tripped;
  if (paused) {
    const char *marks[] = {"{name}", "{reason}"}, *values[] = {title, msg};
    req_text_fill(r, "Guard.ActivityPaused", marks, values, 2, out, len);
  } else {
    snprintf(out, len, "%s", msg[0] ? msg : req_text(r, lottery ? "Guard.Trip.Lottery" : "Guard.Trip.Normal"));
  }
  return STATUS_OK;
}

NEOERR *mall_guard_flash(req *r, const order_outcome *o) {
  char msg[900];
  if (o->result == ORDER_PAUSED && o->activity_id == 0) {
    const switch_state *st = switch_poll(r->db);
    const char *marks[] = {"{reason}"}, *values[] = {st->mall_reason};
    req_text_fill(r, "Guard.MallPausedPay", marks, values, 1, msg, sizeof msg);
  } else {
    NEOERR *err = mall_guard_text(r, o->activity_id, msg, sizeof msg, NULL);
    if (err) return nerr_pass(err);
  }
  r->status = 409;
  return nerr_pass(req_flash_text(r, msg));
}
