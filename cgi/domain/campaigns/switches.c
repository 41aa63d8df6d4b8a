/* switches.c: the emergency switch (F4) — pause / resume with audit, and the per-process banner state */
#include "campaigns/switches.h"
#include "generations.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

/* The switch row first in every transaction that takes it (payments take it in share mode first too). */
static const char SQL_SWITCH_LOCK[] = "SELECT paused FROM mall_switch WHERE id = 1 FOR UPDATE";
static const char SQL_MALL_PAUSE[] =
    "UPDATE mall_switch SET paused = 1, reason = ?, paused_at = NOW(), version = version + 1 WHERE id = 1";
static const char SQL_MALL_RESUME[] =
    "UPDATE mall_switch SET paused = 0, reason = '', paused_at = NULL, version = version + 1 WHERE id = 1";
static const char SQL_ACTIVITY_LOCK[] = "SELECT paused FROM activities WHERE id = ? FOR UPDATE";
static const char SQL_ACTIVITY_PAUSE[] =
    "UPDATE activities SET paused = 1, pause_reason = ?, paused_at = NOW() WHERE id = ?";
static const char SQL_ACTIVITY_RESUME[] =
    "UPDATE activities SET paused = 0, pause_reason = '', paused_at = NULL WHERE id = ?";
static const char SQL_VERSION_BUMP[] = "UPDATE mall_switch SET version = version + 1 WHERE id = 1";
static const char SQL_MALL_SNAPSHOT[] =
    "SELECT paused, reason, DATE_FORMAT(paused_at, '%Y-%m-%d %H:%i:%s') AS paused_at FROM mall_switch WHERE ? = 0";
static const char SQL_ACTIVITY_SNAPSHOT[] =
    "SELECT id, title_zh, paused, pause_reason, DATE_FORMAT(paused_at, '%Y-%m-%d %H:%i:%s') AS paused_at "
    "FROM activities WHERE id = ?";
static const char SQL_STATE_MALL[] =
    "SELECT paused, reason, COALESCE(DATE_FORMAT(paused_at, '%Y-%m-%d %H:%i'), '') FROM mall_switch WHERE id = 1";
static const char SQL_STATE_ACTIVITIES[] =
    "SELECT id, title_zh, title_en, pause_reason FROM activities WHERE paused = 1 AND ends_at > NOW() "
    "ORDER BY id LIMIT "
    "8";
static const char SQL_POLL[] = "SELECT version, CAST(CURDATE() + 0 AS SIGNED) FROM mall_switch WHERE id = 1";

/* Copies at most max UTF-8 characters of in. */
static void clip(const char *in, size_t max, char *out, size_t len) {
  size_t i = 0, chars = 0;
  if (!in) in = "";
  while (in[i] && chars < max) {
    unsigned char c = (unsigned char)in[i];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n >= len) break;
    i += n;
    chars++;
  }
  memcpy(out, in, i);
  out[i] = 0;
}

struct switch_arg {
  const audit_actor *who;
  long long activity_id;
  const char *reason;
  int pause;
  switch_result res;
};

static NEOERR *tx_switch(MYSQL *db, void *arg) {
  struct switch_arg *a = arg;
  json_t *before = NULL, *after = NULL;
  int paused = 0, found = 0;
  a->res = SWITCH_OK;
  /* Lock order as in a payment: the switch row, then the activity. */
  NEOERR *err = db_row(db, SQL_SWITCH_LOCK, DB_NOARGS, DCOLS(DCOL_INT(&paused)), NULL);
  const char *snap = a->activity_id ? SQL_ACTIVITY_SNAPSHOT : SQL_MALL_SNAPSHOT;
  if (!err && a->activity_id)
    err = db_row(db, SQL_ACTIVITY_LOCK, DBA(DI(a->activity_id)), DCOLS(DCOL_INT(&paused)), &found);
  if (!err && a->activity_id && !found) a->res = SWITCH_NOT_FOUND;
  if (!err && a->res == SWITCH_OK && paused == a->pause) a->res = SWITCH_UNCHANGED;
  if (err || a->res != SWITCH_OK) return nerr_pass(err);
  err = audit_snapshot(db, snap, a->activity_id, &before);
  if (!err) {
    if (a->activity_id)
      err = a->pause ? db_exec(db, SQL_ACTIVITY_PAUSE, DBA(DS(a->reason), DI(a->activity_id)), NULL, NULL)
                     : db_exec(db, SQL_ACTIVITY_RESUME, DBA(DI(a->activity_id)), NULL, NULL);
    else
      err = a->pause ? db_exec(db, SQL_MALL_PAUSE, DBA(DS(a->reason)), NULL, NULL)
                     : db_exec(db, SQL_MALL_RESUME, DB_NOARGS, NULL, NULL);
  }
  if (!err && a->activity_id) err = db_exec(db, SQL_VERSION_BUMP, DB_NOARGS, NULL, NULL);
  if (!err) catalog_bump(); /* pages carry the banner: the catalog row goes with this transaction */
  if (!err) err = audit_snapshot(db, snap, a->activity_id, &after);
  if (!err)
    err = audit_record(db, a->who, a->pause ? "pause" : "resume", a->activity_id ? "activity" : "mall",
                       a->activity_id ? a->activity_id : 0, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

static NEOERR *flip(MYSQL *db, const audit_actor *who, long long activity_id, const char *reason, int pause,
                    switch_result *res) {
  char text[DB_VARCHAR(SWITCH_REASON_MAX)];
  clip(reason, SWITCH_REASON_MAX, text, sizeof text);
  struct switch_arg a = {who, activity_id > 0 ? activity_id : 0, text, pause, SWITCH_OK};
  NEOERR *err = db_tx(db, tx_switch, &a);
  *res = a.res;
  return nerr_pass(err);
}

NEOERR *switch_pause(MYSQL *db, const audit_actor *who, long long activity_id, const char *reason, switch_result *res) {
  return nerr_pass(flip(db, who, activity_id, reason, 1, res));
}

NEOERR *switch_resume(MYSQL *db, const audit_actor *who, long long activity_id, switch_result *res) {
  return nerr_pass(flip(db, who, activity_id, "", 0, res));
}

NEOERR *switch_read(MYSQL *db, switch_state *st) {
  memset(st, 0, sizeof *st);
  NEOERR *err = db_row(db, SQL_STATE_MALL, DB_NOARGS,
                       DCOLS(DCOL_INT(&st->mall_paused), DCOL_STR(st->mall_reason), DCOL_STR(st->paused_at)), NULL);
  switch_activity *a = st->activities;
  if (!err)
    err = db_rows(db, SQL_STATE_ACTIVITIES, DB_NOARGS,
                  DCOLS(DCOL_LL(&a[0].id), DCOL_STR(a[0].title_zh), DCOL_STR(a[0].title_en), DCOL_STR(a[0].reason)),
                  sizeof a[0], SWITCH_BANNER_MAX, &st->nactivities);
  return nerr_pass(err);
}

static switch_state g_state;
static int g_have;
static long long g_version = -1, g_day = -1;
static unsigned long long g_gen;
static time_t g_checked;

static const char SQL_LIST_ACTIVITIES[] =
    "SELECT a.id, a.title_zh AS title, a.paused, a.pause_reason, a.points_budget, a.cash_budget_fen, a.member_day_cap, "
    "COALESCE(d.points_spent, 0) AS points_spent, COALESCE(d.cash_spent_fen, 0) AS cash_spent_fen, "
    "COALESCE(d.orders, 0) AS orders, d.tripped_at IS NOT NULL AS tripped FROM activities a "
    "LEFT JOIN activity_days d ON d.activity_id = a.id AND d.day = CURDATE() "
    "WHERE a.starts_at <= NOW() AND a.ends_at > NOW() ORDER BY a.id LIMIT 200";
static const char SQL_ACTIVITY_TITLE[] = "SELECT title_zh FROM activities WHERE id = ?";

NEOERR *switch_list_activities(MYSQL *db, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_LIST_ACTIVITIES, DB_NOARGS, NULL));
}

NEOERR *switch_activity_title(MYSQL *db, long long id, char *title, size_t len, int *found) {
  return nerr_pass(db_query_str(db, SQL_ACTIVITY_TITLE, DBA(DI(id)), title, len, found));
}

const switch_state *switch_poll(MYSQL *db) {
  time_t now = time(NULL);
  unsigned long long gen = catalog_generation();
  if (g_have && gen == g_gen && now == g_checked) return &g_state;
  long long version = 0, day = 0;
  NEOERR *err = db_row(db, SQL_POLL, DB_NOARGS, DCOLS(DCOL_LL(&version), DCOL_LL(&day)), NULL);
  if (err) {
    nerr_ignore(&err);
    return &g_state;
  }
  g_checked = now;
  g_gen = gen;
  if (g_have && version == g_version && day == g_day) return &g_state;
  switch_state fresh;
  if ((err = switch_read(db, &fresh))) {
    nerr_ignore(&err);
    return &g_state;
  }
  /* Another machine (or the day turning) changed what pages show: this machine's cached pages go (the database knows
   * already: every machine reads the version). */
  if (g_have) catalog_bump_local();
  g_gen = catalog_generation();
  g_state = fresh;
  g_version = version;
  g_day = day;
  g_have = 1;
  return &g_state;
}

NEOERR *switch_to_hdf(const switch_state *st, HDF *hdf, const char *lang) {
  NEOERR *err = STATUS_OK;
  int en = lang && strcmp(lang, "en") == 0;
  if (st->mall_paused) {
    err = hdf_set_value(hdf, "Guard.MallPaused", "1");
    if (!err) err = hdf_set_value(hdf, "Guard.Reason", st->mall_reason);
  }
  for (int i = 0; !err && i < st->nactivities; i++) {
    const switch_activity *a = &st->activities[i];
    err = hdf_set_valuef(hdf, "Guard.Activities.%d.id=%lld", i, a->id);
    if (!err)
      err = hdf_set_valuef(hdf, "Guard.Activities.%d.title=%s", i, en && a->title_en[0] ? a->title_en : a->title_zh);
    if (!err) err = hdf_set_valuef(hdf, "Guard.Activities.%d.reason=%s", i, a->reason);
  }
  return nerr_pass(err);
}
