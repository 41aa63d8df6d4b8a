/* monitor_alerts.c: surge, budget and breaker alerts per activity — fired once by a unique key, texted once by a
 * claim, acknowledged once; conditions read with plain reads (the unique key, not the read, makes them once) */
#include "campaigns/monitor_alerts.h"
#include "shared/sms.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char SQL_SETTINGS[] =
    "SELECT COALESCE(s.surge_pct, 300), COALESCE(s.surge_minutes, 5), COALESCE(s.surge_min_orders, 10), "
    "COALESCE(s.budget_pct, 80), COALESCE(s.on_trip, 1), COALESCE(s.duty_mobiles, '') FROM activities a "
    "LEFT JOIN monitor_settings s ON s.activity_id = a.id WHERE a.id = ?";
static const char SQL_SETTINGS_SNAPSHOT[] =
    "SELECT activity_id, surge_pct, surge_minutes, surge_min_orders, budget_pct, on_trip, duty_mobiles "
    "FROM monitor_settings WHERE activity_id = ?";
static const char SQL_SETTINGS_SAVE[] =
    "INSERT INTO monitor_settings (activity_id, surge_pct, surge_minutes, surge_min_orders, budget_pct, on_trip, "
    "duty_mobiles) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE surge_pct = VALUES(surge_pct), "
    "surge_minutes = VALUES(surge_minutes), surge_min_orders = VALUES(surge_min_orders), "
    "budget_pct = VALUES(budget_pct), on_trip = VALUES(on_trip), duty_mobiles = VALUES(duty_mobiles)";

/* Every running activity with today's budget state and its settings. */
static const char SQL_RUNNING[] =
    "SELECT a.id, a.title_zh, a.points_budget, a.cash_budget_fen, COALESCE(d.points_spent, 0), "
    "COALESCE(d.cash_spent_fen, 0), COALESCE(UNIX_TIMESTAMP(d.tripped_at), 0), "
    "COALESCE(s.surge_pct, 300), COALESCE(s.surge_minutes, 5), COALESCE(s.surge_min_orders, 10), "
    "COALESCE(s.budget_pct, 80), COALESCE(s.on_trip, 1) FROM activities a FORCE INDEX (running) "
    "LEFT JOIN activity_days d ON d.activity_id = a.id AND d.day = CURDATE() "
    "LEFT JOIN monitor_settings s ON s.activity_id = a.id "
    "WHERE a.starts_at <= NOW() AND a.ends_at > NOW() LIMIT 200"; /* any order: each activity on its own */
/* The last N minutes (this one included) and yesterday's same minutes: two primary-key ranges. */
static const char SQL_SURGE[] =
    "SELECT (SELECT CAST(COALESCE(SUM(orders), 0) AS SIGNED) FROM activity_minutes WHERE activity_id = ? "
    "AND minute >= DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:00') - INTERVAL ? MINUTE), "
    "(SELECT CAST(COALESCE(SUM(orders), 0) AS SIGNED) FROM activity_minutes WHERE activity_id = ? "
    "AND minute >= DATE_FORMAT(NOW() - INTERVAL 1 DAY, '%Y-%m-%d %H:%i:00') - INTERVAL ? MINUTE "
    "AND minute <= DATE_FORMAT(NOW() - INTERVAL 1 DAY, '%Y-%m-%d %H:%i:00'))";
/* A surge's slot: one past the surge alerts acknowledged over a window ago. So an acknowledged surge that goes on
 * alerts again once its window has passed since the ack — not at once (the ack would mean nothing) and not never. */
static const char SQL_SURGE_SLOT[] =
    "SELECT COUNT(*) FROM monitor_alerts WHERE activity_id = ? AND kind = 'surge' AND day = CURDATE() "
    "AND acked_at IS NOT NULL AND acked_at <= NOW() - INTERVAL ? MINUTE";
static const char SQL_FIRE[] =
    "INSERT IGNORE INTO monitor_alerts (activity_id, kind, day, slot, fired_at, measured, reference) "
    "VALUES (?, ?, CURDATE(), ?, NOW(), ?, ?)";
static const char SQL_UNTEXTED[] =
    "SELECT al.id, al.kind, al.measured, al.reference, a.title_zh, COALESCE(s.duty_mobiles, ''), "
    "COALESCE(s.surge_minutes, 5) FROM monitor_alerts al FORCE INDEX (by_day) STRAIGHT_JOIN activities a "
    "ON a.id = al.activity_id "
    "LEFT JOIN monitor_settings s ON s.activity_id = al.activity_id "
    "WHERE al.day >= CURDATE() - INTERVAL 1 DAY AND al.texted_at IS NULL ORDER BY al.day, al.id LIMIT 100";
static const char SQL_CLAIM[] = "UPDATE monitor_alerts SET texted_at = NOW() WHERE id = ? AND texted_at IS NULL";
static const char SQL_TEXTED[] = "UPDATE monitor_alerts SET texts = ? WHERE id = ?";
static const char SQL_ALERT_SNAPSHOT[] =
    "SELECT id, activity_id, kind, day, slot, fired_at, measured, reference, texts, acked_at, acked_by, acked_by_name "
    "FROM monitor_alerts WHERE id = ?";
static const char SQL_ACK_LOCK[] = "SELECT acked_at IS NOT NULL FROM monitor_alerts WHERE id = ? FOR UPDATE";
static const char SQL_ACK[] =
    "UPDATE monitor_alerts SET acked_at = NOW(), acked_by = ?, acked_by_name = ? WHERE id = ? AND acked_at IS NULL";
static const char SQL_PURGE[] =
    "DELETE FROM activity_payments WHERE paid_at < CURDATE() - INTERVAL 2 DAY ORDER BY paid_at LIMIT 10000";

const char *const MONITOR_ALERT_SQL[4] = {SQL_SURGE, SQL_SURGE_SLOT, SQL_UNTEXTED, SQL_RUNNING};

NEOERR *monitor_settings_get(MYSQL *db, long long activity_id, monitor_settings *s, int *found) {
  memset(s, 0, sizeof *s);
  return nerr_pass(db_row(db, SQL_SETTINGS, DBA(DI(activity_id)),
                          DCOLS(DCOL_INT(&s->surge_pct), DCOL_INT(&s->surge_minutes), DCOL_INT(&s->surge_min_orders),
                                DCOL_INT(&s->budget_pct), DCOL_INT(&s->on_trip), DCOL_STR(s->duty_mobiles)),
                          found));
}

int monitor_mobiles_normalize(const char *text, char *out, size_t len) {
  char list[MONITOR_MOBILES_MAX][12];
  int n = 0;
  size_t o = 0;
  out[0] = 0;
  for (const char *p = text ? text : ""; *p;) {
    if (*p == ',' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ';') {
      p++;
      continue;
    }
    size_t l = 0;
    while (isdigit((unsigned char)p[l])) l++;
    /* A mainland mobile: 11 digits starting with 1, followed by a separator or the end. */
    if (l != 11 || p[0] != '1' || (p[l] && !strchr(", \t\r\n;", p[l]))) return 0;
    int dup = 0;
    for (int i = 0; i < n; i++) dup |= strncmp(list[i], p, 11) == 0;
    if (!dup) {
      if (n == MONITOR_MOBILES_MAX) return 0;
      memcpy(list[n], p, 11);
      list[n++][11] = 0;
    }
    p += l;
  }
  for (int i = 0; i < n; i++) {
    if (o + 13 > len) return 0;
    o += (size_t)snprintf(out + o, len - o, "%s%s", i ? "," : "", list[i]);
  }
  return 1;
}

struct save_arg {
  const audit_actor *who;
  long long id;
  const monitor_settings *s;
};

static NEOERR *tx_save(MYSQL *db, void *arg) {
  struct save_arg *a = arg;
  const monitor_settings *s = a->s;
  json_t *before = NULL, *after = NULL;
  NEOERR *err = audit_snapshot(db, SQL_SETTINGS_SNAPSHOT, a->id, &before);
  if (!err)
    err = db_exec(db, SQL_SETTINGS_SAVE,
                  DBA(DI(a->id), DI(s->surge_pct), DI(s->surge_minutes), DI(s->surge_min_orders), DI(s->budget_pct),
                      DI(s->on_trip ? 1 : 0), DS(s->duty_mobiles)),
                  NULL, NULL);
  if (!err) err = audit_snapshot(db, SQL_SETTINGS_SNAPSHOT, a->id, &after);
  if (!err) err = audit_record(db, a->who, "update", "monitor_settings", a->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *monitor_settings_save(MYSQL *db, const audit_actor *who, long long activity_id, const monitor_settings *s) {
  struct save_arg a = {who, activity_id, s};
  return nerr_pass(db_tx(db, tx_save, &a));
}

typedef struct {
  long long id, points_budget, cash_budget, points_spent, cash_spent, tripped_at;
  char title[DB_VARCHAR(200)];
  int surge_pct, surge_minutes, surge_min_orders, budget_pct, on_trip;
} running_row;

#define MAX_RUNNING 200

static NEOERR *fire(MYSQL *db, long long activity_id, const char *kind, long long slot, long long measured,
                    long long reference, int *fired) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_FIRE, DBA(DI(activity_id), DS(kind), DI(slot), DI(measured), DI(reference)), &n, NULL);
  if (!err && n == 1) (*fired)++;
  return nerr_pass(err);
}

/* The used share of the fuller budget, in whole per cent (rounded down); -1 without a budget. */
static long long budget_used_pct(const running_row *r) {
  long long pct = -1;
  if (r->points_budget > 0) pct = r->points_spent * 100 / r->points_budget;
  if (r->cash_budget > 0 && r->cash_spent * 100 / r->cash_budget > pct) pct = r->cash_spent * 100 / r->cash_budget;
  return pct;
}

static NEOERR *evaluate_one(MYSQL *db, const running_row *r, int *fired) {
  NEOERR *err = STATUS_OK;
  if (r->on_trip && r->tripped_at > 0) err = fire(db, r->id, "tripped", r->tripped_at, 0, 0, fired);
  long long used = budget_used_pct(r);
  if (!err && r->budget_pct > 0 && used >= r->budget_pct)
    err = fire(db, r->id, "budget", 0, used, r->budget_pct, fired);
  if (err || r->surge_pct <= 0) return nerr_pass(err);
  long long now = 0, then = 0, slot = 0;
  int w = r->surge_minutes > 0 ? r->surge_minutes - 1 : 0;
  err = db_row(db, SQL_SURGE, DBA(DI(r->id), DI(w), DI(r->id), DI(w)), DCOLS(DCOL_LL(&now), DCOL_LL(&then)), NULL);
  /* More than surge_pct % of yesterday's same minutes, and enough orders for the ratio to mean something. */
  if (err || now < r->surge_min_orders || now < 1 || now * 100 <= then * r->surge_pct) return nerr_pass(err);
  err = db_query_ll(db, SQL_SURGE_SLOT, DBA(DI(r->id), DI(r->surge_minutes > 0 ? r->surge_minutes : 1)), &slot, NULL);
  if (!err) err = fire(db, r->id, "surge", slot, now, then, fired);
  return nerr_pass(err);
}

static void alert_text(const char *kind, const char *title, long long measured, long long reference, int minutes,
                       char *buf, size_t len) {
  if (strcmp(kind, "surge") == 0)
    snprintf(buf, len, "【积分商城】监控告警:活动「%s」近%d分钟兑换%lld单,昨日同时段%lld单,请关注。", title, minutes,
             measured, reference);
  else if (strcmp(kind, "budget") == 0)
    snprintf(buf, len, "【积分商城】监控告警:活动「%s」今日预算已用%lld%%(提醒阈值%lld%%)。", title, measured,
             reference);
  else snprintf(buf, len, "【积分商城】监控告警:活动「%s」已熔断,今日兑换已停止。", title);
}

typedef struct {
  long long id, measured, reference;
  int minutes;
  char kind[16], title[DB_VARCHAR(200)], mobiles[DB_VARCHAR(200)];
} untexted_row;

/* Texts each alert nobody texted yet, once: the evaluator whose claim changes the row sends them. */
static NEOERR *text_alerts(MYSQL *db, int *texted) {
  static untexted_row u[100];
  int rows = 0;
  NEOERR *err = db_rows(db, SQL_UNTEXTED, DB_NOARGS,
                        DCOLS(DCOL_LL(&u[0].id), DCOL_STR(u[0].kind), DCOL_LL(&u[0].measured), DCOL_LL(&u[0].reference),
                              DCOL_STR(u[0].title), DCOL_STR(u[0].mobiles), DCOL_INT(&u[0].minutes)),
                        sizeof u[0], 100, &rows);
  for (int i = 0; !err && i < rows; i++) {
    long long claimed = 0;
    if ((err = db_exec(db, SQL_CLAIM, DBA(DI(u[i].id)), &claimed, NULL)) || claimed != 1) continue;
    char text[700], mobile[12];
    alert_text(u[i].kind, u[i].title, u[i].measured, u[i].reference, u[i].minutes, text, sizeof text);
    int n = 0;
    for (const char *p = u[i].mobiles; !err && *p;) {
      size_t l = strcspn(p, ",");
      if (l == 11) {
        int sent = 0;
        memcpy(mobile, p, 11);
        mobile[11] = 0;
        err = sms_send(db, mobile, "monitor", text, &sent);
        n++;
      }
      p += l + (p[l] == ',');
    }
    if (!err) err = db_exec(db, SQL_TEXTED, DBA(DI(n), DI(u[i].id)), NULL, NULL);
    if (!err) *texted += n;
  }
  return nerr_pass(err);
}

NEOERR *monitor_evaluate(MYSQL *db, int *fired, int *texted) {
  static running_row r[MAX_RUNNING];
  int rows = 0;
  *fired = *texted = 0;
  NEOERR *err = db_rows(db, SQL_RUNNING, DB_NOARGS,
                        DCOLS(DCOL_LL(&r[0].id), DCOL_STR(r[0].title), DCOL_LL(&r[0].points_budget),
                              DCOL_LL(&r[0].cash_budget), DCOL_LL(&r[0].points_spent), DCOL_LL(&r[0].cash_spent),
                              DCOL_LL(&r[0].tripped_at), DCOL_INT(&r[0].surge_pct), DCOL_INT(&r[0].surge_minutes),
                              DCOL_INT(&r[0].surge_min_orders), DCOL_INT(&r[0].budget_pct), DCOL_INT(&r[0].on_trip)),
                        sizeof r[0], MAX_RUNNING, &rows);
  for (int i = 0; !err && i < rows; i++) err = evaluate_one(db, &r[i], fired);
  if (!err) err = text_alerts(db, texted);
  return nerr_pass(err);
}

struct ack_arg {
  const audit_actor *who;
  long long id;
  monitor_ack_result res;
};

static NEOERR *tx_ack(MYSQL *db, void *arg) {
  struct ack_arg *a = arg;
  int acked = 0, found = 0;
  json_t *before = NULL, *after = NULL;
  a->res = MONITOR_ACK_OK;
  NEOERR *err = db_row(db, SQL_ACK_LOCK, DBA(DI(a->id)), DCOLS(DCOL_INT(&acked)), &found);
  if (!err && !found) a->res = MONITOR_ACK_NOT_FOUND;
  else if (!err && acked) a->res = MONITOR_ACK_ALREADY;
  if (err || a->res != MONITOR_ACK_OK) return nerr_pass(err);
  err = audit_snapshot(db, SQL_ALERT_SNAPSHOT, a->id, &before);
  if (!err)
    err = db_exec(db, SQL_ACK, DBA(DI(a->who->id), DS(a->who->name ? a->who->name : ""), DI(a->id)), NULL, NULL);
  if (!err) err = audit_snapshot(db, SQL_ALERT_SNAPSHOT, a->id, &after);
  if (!err) err = audit_record(db, a->who, "ack", "monitor_alert", a->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *monitor_ack(MYSQL *db, const audit_actor *who, long long alert_id, monitor_ack_result *res) {
  struct ack_arg a = {who, alert_id, MONITOR_ACK_OK};
  NEOERR *err = db_tx(db, tx_ack, &a);
  *res = a.res;
  return nerr_pass(err);
}

NEOERR *monitor_purge(MYSQL *db, long long *removed) {
  long long n = 0;
  *removed = 0;
  NEOERR *err;
  do {
    err = db_exec(db, SQL_PURGE, DB_NOARGS, &n, NULL);
    if (!err) *removed += n;
  } while (!err && n == 10000);
  return nerr_pass(err);
}
