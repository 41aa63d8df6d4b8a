/* reminders.c: points-expiry reminders (P4) — SMS and inbox notice once per lot */
#include "points/reminders.h"
#include "members/inbox.h"
#include "shared/sms.h"
#include <stdio.h>
#include <stdlib.h>

static const char SQL_LOTS_DUE_SOON[] =
    "SELECT l.id, l.member_id, l.remaining, DATE_FORMAT(l.expires_at, '%Y-%m-%d') AS expires, m.mobile "
    "FROM points_lots l JOIN members m ON m.id = l.member_id "
    "WHERE l.status = 'open' AND l.remaining > 0 AND l.reminded_at IS NULL AND m.status = 'active' "
    "AND l.expires_at >= CURDATE() AND l.expires_at < CURDATE() + INTERVAL ? DAY ORDER BY l.id";
/* The claim: whoever flips reminded_at first owns the reminder of this lot. */
static const char SQL_LOT_CLAIM[] = "UPDATE points_lots SET reminded_at = NOW() WHERE id = ? AND reminded_at IS NULL";

struct claim_arg {
  long long lot_id, member_id;
  const char *title, *body;
  int claimed;
};

static NEOERR *tx_claim(MYSQL *db, void *arg) {
  struct claim_arg *c = arg;
  long long n = 0;
  char key[48];
  c->claimed = 0;
  NEOERR *err = db_exec(db, SQL_LOT_CLAIM, DBA(DI(c->lot_id)), &n, NULL);
  if (err || n != 1) return nerr_pass(err);
  snprintf(key, sizeof key, "expiry:%lld", c->lot_id);
  err = inbox_add(db, c->member_id, "points", c->title, c->body, "/points", key, NULL);
  if (!err) c->claimed = 1;
  return nerr_pass(err);
}

/* A lot expiring soon (a row of SQL_LOTS_DUE_SOON). */
struct due_soon {
  MYSQL *db;
  long long lot_id, member_id, remaining, *lots;
  char expires[16], mobile[DB_VARCHAR(11)];
};

static NEOERR *remind(void *ctx, int row) {
  struct due_soon *d = ctx;
  char body[200], sms[200];
  (void)row;
  snprintf(body, sizeof body, "您有 %lld 积分将于 %s 到期，到期后将自动清零，请及时兑换。", d->remaining, d->expires);
  snprintf(sms, sizeof sms, "【积分商城】您有%lld积分将于%s到期，请及时登录积分商城兑换。", d->remaining, d->expires);
  struct claim_arg c = {d->lot_id, d->member_id, "积分即将到期", body, 0};
  NEOERR *err = db_tx(d->db, tx_claim, &c);
  /* The text goes out after the claim committed: at most once, even if this run dies right here. */
  int sent = 0;
  if (!err && c.claimed) err = sms_send(d->db, d->mobile, "expiry", sms, &sent);
  if (!err && c.claimed && d->lots) (*d->lots)++;
  return nerr_pass(err);
}

NEOERR *reminders_send(MYSQL *db, int days, long long *lots) {
  if (lots) *lots = 0;
  if (days < 1 || days > REMINDER_MAX_DAYS) return nerr_raise(NERR_ASSERT, "reminders: days %d out of range", days);
  struct due_soon d = {.db = db, .lots = lots};
  /* "within N days": expiring today up to and including the Nth day from today. */
  return nerr_pass(db_each(
      db, SQL_LOTS_DUE_SOON, DBA(DI(days + 1)),
      DCOLS(DCOL_LL(&d.lot_id), DCOL_LL(&d.member_id), DCOL_LL(&d.remaining), DCOL_STR(d.expires), DCOL_STR(d.mobile)),
      remind, &d, NULL));
}
