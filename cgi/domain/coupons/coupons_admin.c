/* coupons_admin.c: coupon campaigns in the back office — audited create, edit, pause, resume; lists */
#include "coupons/coupons_admin.h"
#include "coupons/coupons.h"
#include "generations.h"
#include <stdio.h>
#include <string.h>

static const char SQL_ACTIVITY_EXISTS[] = "SELECT id FROM activities WHERE id = ?";
/* Windows are stored as [first day 00:00, day after the last 00:00). */
static const char SQL_INSERT[] =
    "INSERT INTO coupon_campaigns (activity_id, name_zh, name_en, kind, face_value, threshold, quota, per_member, "
    "price_points, claim_from, claim_until, use_from, use_until, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "? + INTERVAL 1 DAY, ?, ? + INTERVAL 1 DAY, ?)";
static const char SQL_UPDATE[] =
    "UPDATE coupon_campaigns SET activity_id = ?, name_zh = ?, name_en = ?, kind = ?, face_value = ?, threshold = ?, "
    "quota = ?, per_member = ?, price_points = ?, claim_from = ?, claim_until = ? + INTERVAL 1 DAY, use_from = ?, "
    "use_until = ? + INTERVAL 1 DAY WHERE id = ? AND claimed <= ?";
static const char SQL_LOCK[] = "SELECT id FROM coupon_campaigns WHERE id = ? FOR UPDATE";
static const char SQL_PAUSE[] = "UPDATE coupon_campaigns SET paused = ?, pause_reason = ? WHERE id = ?";
static const char SQL_SNAPSHOT[] =
    "SELECT activity_id, name_zh, name_en, kind, face_value, threshold, quota, claimed, per_member, price_points, "
    "claim_from, claim_until, use_from, use_until, paused, pause_reason FROM coupon_campaigns WHERE id = ?";

#define LIST_COLUMNS                                                                                                   \
  "SELECT c.id, c.activity_id, a.title_zh AS activity, c.name_zh AS name, c.name_zh, c.name_en, c.kind, "              \
  "c.face_value, c.threshold, c.quota, c.claimed, c.per_member, c.price_points, "                                      \
  "DATE_FORMAT(c.claim_from, '%Y-%m-%d') AS claim_from, DATE_FORMAT(c.claim_until - INTERVAL 1 DAY, '%Y-%m-%d') AS "   \
  "claim_until, DATE_FORMAT(c.use_from, '%Y-%m-%d') AS use_from, DATE_FORMAT(c.use_until - INTERVAL 1 DAY, "           \
  "'%Y-%m-%d') AS use_until, c.paused, c.pause_reason FROM coupon_campaigns c JOIN activities a ON a.id = "            \
  "c.activity_id "
static const char SQL_LIST[] = LIST_COLUMNS "WHERE (? = 0 OR c.id < ?) ORDER BY c.id DESC LIMIT ?";
static const char SQL_GET[] = LIST_COLUMNS "WHERE c.id = ?";
/* One campaign's coupons by state (its own index, by_campaign): bounded by the quota. */
static const char SQL_FIGURES[] =
    "SELECT CAST(COALESCE(SUM(status = 'used'), 0) AS SIGNED), CAST(COALESCE(SUM(price_points), 0) AS SIGNED) "
    "FROM coupons FORCE INDEX (by_campaign) WHERE campaign_id = ?";

struct save_arg {
  const audit_actor *who;
  long long id;
  const coupon_campaign_spec *s;
  long long *saved_id;
  campaign_result *res;
};

static NEOERR *tx_save(MYSQL *db, void *arg) {
  struct save_arg *a = arg;
  const coupon_campaign_spec *s = a->s;
  catalog_bump(); /* activity pages show their campaigns: their row is raised with this transaction */
  long long n = 0, found_id = 0;
  int found = 0;
  *a->res = CAMPAIGN_OK;
  NEOERR *err = db_query_ll(db, SQL_ACTIVITY_EXISTS, DBA(DI(s->activity_id)), &found_id, &found);
  if (err) return nerr_pass(err);
  if (!found) {
    *a->res = CAMPAIGN_NO_ACTIVITY;
    return STATUS_OK;
  }
  json_t *before = NULL, *after = NULL;
  if (a->id) {
    if ((err = db_query_ll(db, SQL_LOCK, DBA(DI(a->id)), &found_id, &found))) return nerr_pass(err);
    if (!found) {
      *a->res = CAMPAIGN_NOT_FOUND;
      return STATUS_OK;
    }
    if ((err = audit_snapshot(db, SQL_SNAPSHOT, a->id, &before))) return nerr_pass(err);
    const dbp p[] = {DI(s->activity_id), DS(s->name_zh),  DS(s->name_en),    DS(s->kind),         DI(s->face_value),
                     DI(s->threshold),   DI(s->quota),    DI(s->per_member), DI(s->price_points), DS(s->claim_from),
                     DS(s->claim_until), DS(s->use_from), DS(s->use_until),  DI(a->id),           DI(s->quota)};
    err = db_exec(db, SQL_UPDATE, p, (int)(sizeof p / sizeof p[0]), &n, NULL);
    if (!err && n == 0) {
      /* The row is locked and exists: only the quota condition can have refused (or nothing changed at all). */
      long long claimed = 0;
      err = db_query_ll(db, "SELECT claimed FROM coupon_campaigns WHERE id = ?", DBA(DI(a->id)), &claimed, NULL);
      if (!err && claimed > s->quota) *a->res = CAMPAIGN_QUOTA_CLAIMED;
    }
    *a->saved_id = a->id;
  } else {
    const dbp p[] = {DI(s->activity_id),  DS(s->name_zh),
                     DS(s->name_en),      DS(s->kind),
                     DI(s->face_value),   DI(s->threshold),
                     DI(s->quota),        DI(s->per_member),
                     DI(s->price_points), DS(s->claim_from),
                     DS(s->claim_until),  DS(s->use_from),
                     DS(s->use_until),    DI(a->who ? a->who->id : 0)};
    err = db_exec(db, SQL_INSERT, p, (int)(sizeof p / sizeof p[0]), &n, a->saved_id);
  }
  if (!err && *a->res == CAMPAIGN_OK) err = audit_snapshot(db, SQL_SNAPSHOT, *a->saved_id, &after);
  if (!err && *a->res == CAMPAIGN_OK)
    err = audit_record(db, a->who, a->id ? "update" : "create", "coupon_campaign", *a->saved_id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *coupon_campaign_save(MYSQL *db, const audit_actor *who, long long id, const coupon_campaign_spec *s,
                             long long *saved_id, campaign_result *res) {
  *saved_id = 0;
  *res = CAMPAIGN_OK;
  if (coupon_kind_parse(s->kind) < 0) *res = CAMPAIGN_BAD_KIND;
  else if (strcmp(s->claim_until, s->claim_from) < 0) *res = CAMPAIGN_CLAIM_DATES;
  else if (strcmp(s->use_until, s->use_from) < 0 || strcmp(s->use_until, s->claim_from) < 0) *res = CAMPAIGN_USE_DATES;
  if (*res != CAMPAIGN_OK) return STATUS_OK;
  struct save_arg a = {who, id, s, saved_id, res};
  return nerr_pass(db_tx(db, tx_save, &a));
}

struct pause_arg {
  const audit_actor *who;
  long long id;
  int pause, *found;
  const char *reason;
};

static NEOERR *tx_pause(MYSQL *db, void *arg) {
  struct pause_arg *a = arg;
  long long id = 0;
  catalog_bump(); /* the activity pages' claim buttons */
  NEOERR *err = db_query_ll(db, SQL_LOCK, DBA(DI(a->id)), &id, a->found);
  if (err || !*a->found) return nerr_pass(err);
  err = db_exec(db, SQL_PAUSE, DBA(DI(a->pause), DS(a->pause ? a->reason : ""), DI(a->id)), NULL, NULL);
  json_t *after = NULL;
  if (!err && a->pause) after = json_pack("{s:s}", "reason", a->reason);
  if (!err) err = audit_record(db, a->who, a->pause ? "pause" : "resume", "coupon_campaign", a->id, NULL, after);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *coupon_campaign_pause(MYSQL *db, const audit_actor *who, long long id, int pause, const char *reason,
                              int *found) {
  *found = 0;
  struct pause_arg a = {who, id, pause, found, reason ? reason : ""};
  return nerr_pass(db_tx(db, tx_pause, &a));
}

NEOERR *coupon_campaigns_admin_list(MYSQL *db, long long after, int limit, HDF *out, const char *prefix, int *more) {
  int rows = 0;
  *more = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_LIST, DBA(DI(after), DI(after), DI(limit + 1)), &rows);
  if (!err && rows > limit) {
    char key[64];
    snprintf(key, sizeof key, "%s.%d", prefix, limit);
    hdf_remove_tree(out, key);
    *more = 1;
  }
  return nerr_pass(err);
}

NEOERR *coupon_campaign_admin_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  long long used = 0, exchanged = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_GET, DBA(DI(id)), &rows);
  *found = rows > 0;
  if (!err && rows) err = db_row(db, SQL_FIGURES, DBA(DI(id)), DCOLS(DCOL_LL(&used), DCOL_LL(&exchanged)), NULL);
  if (!err && rows) err = hdf_set_valuef(out, "%s.0.used=%lld", prefix, used);
  if (!err && rows) err = hdf_set_valuef(out, "%s.0.exchanged=%lld", prefix, exchanged);
  return nerr_pass(err);
}
