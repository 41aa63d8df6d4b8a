/* coupons.c: coupon campaigns (F6) — claims under a quota and a per-member limit, points exchanged for coupons, the
 * discount on an order, taken at order creation and given back on cancel */
#include "coupons/coupons.h"
#include "points/points.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What decides whether a claim can succeed now (plain read, only to refuse early; the transaction decides). */
static const char SQL_CAMPAIGN_STATE[] =
    "SELECT c.activity_id, c.price_points, c.per_member, c.claimed >= c.quota, c.claim_from > NOW(), "
    "c.claim_until <= NOW(), c.paused, a.paused FROM coupon_campaigns c JOIN activities a ON a.id = c.activity_id "
    "WHERE c.id = ?";
static const char SQL_MEMBER_LOCK[] = "SELECT status FROM members WHERE id = ? FOR UPDATE";
/* Share mode: a pause that committed is seen; a pause waits for the claims already past this point. */
static const char SQL_MALL_SWITCH[] = "SELECT paused FROM mall_switch WHERE id = 1 LOCK IN SHARE MODE";
/* The member's count: inserted at 1, or raised only while it stays within the limit (0 rows = refused). The member
 * row is locked first, so one member's parallel claims meet here one after the other. */
const char COUPON_MEMBER_CLAIM_SQL[] =
    "INSERT INTO coupon_member_claims (campaign_id, member_id, claimed) VALUES (?, ?, 1) "
    "ON DUPLICATE KEY UPDATE claimed = IF(claimed + 1 <= ?, claimed + 1, claimed)";
static const char SQL_MEMBER_NTH[] = "SELECT claimed FROM coupon_member_claims WHERE campaign_id = ? AND member_id = ?";
/* The one write that decides who gets one of the quota: only while some are left, the campaign runs and its price is
 * the one charged. The hot row: taken last, held only to COMMIT. */
const char COUPON_CLAIM_SQL[] =
    "UPDATE coupon_campaigns SET claimed = claimed + 1 WHERE id = ? AND claimed < quota AND paused = 0 "
    "AND claim_from <= NOW() AND claim_until > NOW() AND price_points = ?";
static const char SQL_COUPON_INSERT[] =
    "INSERT INTO coupons (campaign_id, member_id, kind, face_value, threshold, use_from, use_until, price_points, "
    "ledger_id) SELECT id, ?, kind, face_value, threshold, use_from, use_until, ?, ? FROM coupon_campaigns WHERE id = "
    "?";

/* Order creation: the member's coupon, locked (its terms are the copy made when it was claimed). */
static const char SQL_COUPON_FOR_ORDER[] =
    "SELECT kind = 'cash_off', face_value, threshold FROM coupons WHERE id = ? AND member_id = ? AND status = 'unused' "
    "AND use_from <= NOW() AND use_until > NOW() FOR UPDATE";
static const char SQL_COUPON_TAKE[] =
    "UPDATE coupons SET status = 'used', order_id = ?, used_at = NOW() WHERE id = ? AND status = 'unused'";
static const char SQL_ORDER_DISCOUNT[] =
    "UPDATE orders SET coupon_id = ?, discount_points = ?, discount_cash_fen = ? WHERE id = ?";
static const char SQL_COUPON_GIVE_BACK[] =
    "UPDATE coupons SET status = 'unused', order_id = NULL, used_at = NULL WHERE order_id = ? AND status = 'used' "
    "AND use_until > NOW()";

/* Checkout: the member's unused coupons in their use window (by_member: the member's unused ones only). */
const char COUPONS_USABLE_SQL[] =
    "SELECT c.id, c.kind = 'cash_off', c.face_value, c.threshold, DATE_FORMAT(c.use_until - INTERVAL 1 SECOND, "
    "'%Y-%m-%d'), (SELECT IF(? = 'en' AND k.name_en <> '', k.name_en, k.name_zh) FROM coupon_campaigns k "
    "WHERE k.id = c.campaign_id) FROM coupons c FORCE INDEX (by_member) WHERE c.member_id = ? AND c.status = 'unused' "
    "AND c.use_from <= NOW() AND c.use_until > NOW() ORDER BY c.id DESC LIMIT 200";

void coupon_discount(const coupon_terms *t, long long points, long long cash, long long *off_points,
                     long long *off_cash) {
  *off_points = *off_cash = 0;
  if (!t || t->face_value <= 0) return;
  long long base = t->kind == COUPON_CASH_OFF ? cash : points;
  if (base <= 0 || base < t->threshold) return;
  long long off = t->face_value < base ? t->face_value : base;
  if (t->kind == COUPON_CASH_OFF) *off_cash = off;
  else *off_points = off;
}

int coupon_kind_parse(const char *s) {
  if (s && strcmp(s, "points_off") == 0) return COUPON_POINTS_OFF;
  if (s && strcmp(s, "cash_off") == 0) return COUPON_CASH_OFF;
  return -1;
}

/* ---- claim ---- */

typedef struct {
  long long activity_id, price, per_member;
  int sold_out, early, late, paused, activity_paused;
} campaign_state;

/* Reads the campaign and says what a claim would meet now: CLAIM_OK when it may be tried. */
static NEOERR *claim_state(MYSQL *db, long long campaign_id, campaign_state *s, claim_result *res) {
  int found = 0;
  memset(s, 0, sizeof *s);
  NEOERR *err =
      db_row(db, SQL_CAMPAIGN_STATE, DBA(DI(campaign_id)),
             DCOLS(DCOL_LL(&s->activity_id), DCOL_LL(&s->price), DCOL_LL(&s->per_member), DCOL_INT(&s->sold_out),
                   DCOL_INT(&s->early), DCOL_INT(&s->late), DCOL_INT(&s->paused), DCOL_INT(&s->activity_paused)),
             &found);
  if (err) return nerr_pass(err);
  if (!found) *res = CLAIM_NOT_FOUND;
  else if (s->early) *res = CLAIM_NOT_STARTED;
  else if (s->late) *res = CLAIM_ENDED;
  else if (s->paused) *res = CLAIM_PAUSED;
  else if (s->activity_paused) *res = CLAIM_ACTIVITY_PAUSED;
  else if (s->sold_out) *res = CLAIM_SOLD_OUT;
  else *res = CLAIM_OK;
  return STATUS_OK;
}

static NEOERR *refused(claim_outcome *o, claim_result why) {
  o->result = why;
  NEOERR *err = points_init_errors();
  return err ? err : nerr_raise(NERR_POINTS_REFUSED, "claim refused");
}

struct claim_arg {
  long long member_id;
  const campaign_state *s;
  claim_outcome *out;
};

static NEOERR *tx_claim(MYSQL *db, void *arg) {
  struct claim_arg *a = arg;
  claim_outcome *o = a->out;
  long long cid = o->campaign_id, mid = a->member_id, n = 0, nth = 0;
  char status[16];
  int found = 0, paused = 0;
  o->result = CLAIM_OK;
  o->coupon_id = o->ledger_id = 0;
  /* Member row first, as every points writer does (points.h). */
  NEOERR *err = db_query_str(db, SQL_MEMBER_LOCK, DBA(DI(mid)), status, sizeof status, &found);
  if (err) return nerr_pass(err);
  if (!found || strcmp(status, "active")) return refused(o, CLAIM_FROZEN);
  if ((err = db_row(db, SQL_MALL_SWITCH, DB_NOARGS, DCOLS(DCOL_INT(&paused)), NULL))) return nerr_pass(err);
  if (paused) return refused(o, CLAIM_MALL_PAUSED);
  /* The activity's pause was read by claim_state (a plain read, as the payment's guards read it). */
  err = db_exec(db, COUPON_MEMBER_CLAIM_SQL, DBA(DI(cid), DI(mid), DI(a->s->per_member)), &n, NULL);
  if (err) return nerr_pass(err);
  if (n == 0) return refused(o, CLAIM_LIMIT);
  if (a->s->price > 0) {
    /* This member's n-th claim of the campaign (its own row, locked by the upsert): the exchange's key. */
    if ((err = db_query_ll(db, SQL_MEMBER_NTH, DBA(DI(cid), DI(mid)), &nth, NULL))) return nerr_pass(err);
    char key[64], note[64];
    points_result pr = POINTS_OK;
    snprintf(key, sizeof key, "coupon:%lld:%lld:%lld", cid, mid, nth);
    snprintf(note, sizeof note, "兑换消费券 #%lld", cid);
    err = points_spend(db, mid, "coupon", a->s->price, 0, key, note, &pr, &o->ledger_id);
    if (err && pr != POINTS_OK) o->result = pr == POINTS_INSUFFICIENT ? CLAIM_INSUFFICIENT : CLAIM_FROZEN;
    if (err) return nerr_pass(err);
  }
  /* The quota: one conditional UPDATE of the hot row, last. */
  if ((err = db_exec(db, COUPON_CLAIM_SQL, DBA(DI(cid), DI(a->s->price)), &n, NULL))) return nerr_pass(err);
  if (n != 1) return refused(o, CLAIM_SOLD_OUT); /* or paused / closed meanwhile: read again after the rollback */
  err = db_exec(db, SQL_COUPON_INSERT, DBA(DI(mid), DI(a->s->price), o->ledger_id ? DI(o->ledger_id) : DNULL, DI(cid)),
                &n, &o->coupon_id);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "coupon of campaign %lld not written", cid);
  /* The member's cached pages (the activity page shows what it holds) are dropped with the commit. */
  if (!err) db_tx_touch_principal(mid);
  return nerr_pass(err);
}

NEOERR *coupon_claim(MYSQL *db, long long member_id, long long campaign_id, claim_outcome *out) {
  memset(out, 0, sizeof *out);
  out->campaign_id = campaign_id;
  campaign_state s;
  claim_result res = CLAIM_OK;
  NEOERR *err = claim_state(db, campaign_id, &s, &res);
  out->activity_id = s.activity_id;
  out->price_points = s.price;
  if (err || res != CLAIM_OK) {
    out->result = res;
    return nerr_pass(err);
  }
  struct claim_arg a = {member_id, &s, out};
  err = db_tx(db, tx_claim, &a);
  if (err && nerr_handle(&err, NERR_POINTS_REFUSED)) {
    claim_result why = out->result;
    out->coupon_id = out->ledger_id = 0;
    if (why == CLAIM_SOLD_OUT || why == CLAIM_OK) {
      /* Lost the race for the last ones, or the campaign changed: say what it is now. */
      if ((err = claim_state(db, campaign_id, &s, &res))) return nerr_pass(err);
      why = res == CLAIM_OK ? CLAIM_SOLD_OUT : res;
    }
    out->result = why;
  }
  return nerr_pass(err);
}

/* ---- orders ---- */

NEOERR *coupon_lock_for_order(MYSQL *db, long long member_id, long long coupon_id, long long points, long long cash,
                              long long *off_points, long long *off_cash, int *usable) {
  coupon_terms t = {COUPON_POINTS_OFF, 0, 0};
  int cash_kind = 0, found = 0;
  *off_points = *off_cash = 0;
  *usable = 0;
  NEOERR *err = db_row(db, SQL_COUPON_FOR_ORDER, DBA(DI(coupon_id), DI(member_id)),
                       DCOLS(DCOL_INT(&cash_kind), DCOL_LL(&t.face_value), DCOL_LL(&t.threshold)), &found);
  if (err || !found) return nerr_pass(err);
  t.kind = cash_kind ? COUPON_CASH_OFF : COUPON_POINTS_OFF;
  coupon_discount(&t, points, cash, off_points, off_cash);
  *usable = *off_points > 0 || *off_cash > 0;
  return STATUS_OK;
}

NEOERR *coupon_take(MYSQL *db, long long coupon_id, long long order_id, long long off_points, long long off_cash,
                    int *ok) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_COUPON_TAKE, DBA(DI(order_id), DI(coupon_id)), &n, NULL);
  *ok = !err && n == 1;
  if (!err && *ok)
    err = db_exec(db, SQL_ORDER_DISCOUNT, DBA(DI(coupon_id), DI(off_points), DI(off_cash), DI(order_id)), NULL, NULL);
  return nerr_pass(err);
}

NEOERR *coupon_give_back(MYSQL *db, long long order_id, int *returned) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_COUPON_GIVE_BACK, DBA(DI(order_id)), &n, NULL);
  if (returned) *returned = !err && n > 0;
  return nerr_pass(err);
}

/* ---- checkout suggestions ---- */

typedef struct {
  long long id, face, threshold, off_points, off_cash;
  int cash_kind;
  char until[11], name[DB_VARCHAR(100)];
} usable_row;

static int best_first(const void *x, const void *y) {
  const usable_row *a = x, *b = y;
  if (a->off_points != b->off_points) return a->off_points > b->off_points ? -1 : 1;
  if (a->off_cash != b->off_cash) return a->off_cash > b->off_cash ? -1 : 1;
  int c = strcmp(a->until, b->until);
  if (c) return c;
  return (a->id > b->id) - (a->id < b->id);
}

#define USABLE_MAX 200

NEOERR *coupons_for_order(MYSQL *db, long long member_id, const char *lang, long long points, long long cash, HDF *out,
                          const char *prefix, int max, int *rows) {
  *rows = 0;
  usable_row *r = calloc(USABLE_MAX, sizeof *r);
  if (!r) return nerr_raise(NERR_NOMEM, "coupons_for_order");
  int n = 0, kept = 0;
  NEOERR *err = db_rows(db, COUPONS_USABLE_SQL, DBA(DS(lang ? lang : "zh-CN"), DI(member_id)),
                        DCOLS(DCOL_LL(&r[0].id), DCOL_INT(&r[0].cash_kind), DCOL_LL(&r[0].face),
                              DCOL_LL(&r[0].threshold), DCOL_STR(r[0].until), DCOL_STR(r[0].name)),
                        sizeof r[0], USABLE_MAX, &n);
  for (int i = 0; !err && i < n; i++) {
    coupon_terms t = {r[i].cash_kind ? COUPON_CASH_OFF : COUPON_POINTS_OFF, r[i].face, r[i].threshold};
    coupon_discount(&t, points, cash, &r[i].off_points, &r[i].off_cash);
    if (r[i].off_points > 0 || r[i].off_cash > 0) r[kept++] = r[i];
  }
  if (!err) qsort(r, (size_t)kept, sizeof r[0], best_first);
  for (int i = 0; !err && i < kept && i < max; i++) {
    const usable_row *u = &r[i];
    err = hdf_set_valuef(out, "%s.%d.id=%lld", prefix, i, u->id);
    if (!err) err = hdf_set_valuef(out, "%s.%d.name=%s", prefix, i, u->name);
    if (!err) err = hdf_set_valuef(out, "%s.%d.kind=%s", prefix, i, u->cash_kind ? "cash_off" : "points_off");
    if (!err) err = hdf_set_valuef(out, "%s.%d.face_value=%lld", prefix, i, u->face);
    if (!err) err = hdf_set_valuef(out, "%s.%d.threshold=%lld", prefix, i, u->threshold);
    if (!err) err = hdf_set_valuef(out, "%s.%d.use_until=%s", prefix, i, u->until);
    if (!err) err = hdf_set_valuef(out, "%s.%d.off_points=%lld", prefix, i, u->off_points);
    if (!err) err = hdf_set_valuef(out, "%s.%d.off_cash=%lld", prefix, i, u->off_cash);
    if (!err) *rows = i + 1;
  }
  free(r);
  return nerr_pass(err);
}
