/* monitor.c: the live monitoring wall (F1) — /admin/monitor (desk and phone), /admin/monitor/wall (the operations
 * room's LCD), an activity's minutes as CSV; alerts are evaluated here too, at most every 15 s per process */
#include "adm_monitor.h"
#include "adm_catalog.h"
#include "adm_session.h"
#include "campaigns/monitor.h"
#include "campaigns/monitor_alerts.h"
#include "campaigns/switches.h"
#include "shared/csv.h"
#include "shared/svg_chart.h"
#include "log.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define DESK_REFRESH 15 /* seconds */
#define WALL_REFRESH 5
#define EVAL_EVERY 15

static monitor_series g_series; /* 70 KB: one request at a time per process */

static const char *const *minute_labels(void) {
  static char text[MONITOR_DAY_MINUTES][6];
  static const char *labels[MONITOR_DAY_MINUTES];
  if (!labels[0])
    for (int i = 0; i < MONITOR_DAY_MINUTES; i++) {
      snprintf(text[i], sizeof text[i], "%02d:%02d", i / 60, i % 60);
      labels[i] = text[i];
    }
  return labels;
}

/* The cron job is the evaluator that must run; a monitor page open somewhere only brings alerts sooner. */
static void evaluate_now_and_then(req *r) {
  static time_t last;
  time_t now = time(NULL);
  if (now - last < EVAL_EVERY) return;
  last = now;
  int fired = 0, texted = 0;
  NEOERR *err = monitor_evaluate(r->db, &fired, &texted);
  if (err) log_neoerr("monitor_evaluate", &err); /* the page still shows what there is */
}

static long long sum_to(const long long *v, int last) {
  long long t = 0;
  for (int i = 0; i <= last; i++) t += v[i];
  return t;
}

static NEOERR *set_ll(HDF *h, const char *prefix, const char *key, long long v) {
  return nerr_pass(hdf_set_valuef(h, "%s.%s=%lld", prefix, key, v));
}

/* Fen as yuan with two decimals, for the figures a person reads. */
static NEOERR *set_yuan(HDF *h, const char *prefix, const char *key, long long fen) {
  return nerr_pass(hdf_set_valuef(h, "%s.%s=%s%lld.%02lld", prefix, key, fen < 0 ? "-" : "",
                                  (fen < 0 ? -fen : fen) / 100, (fen < 0 ? -fen : fen) % 100));
}

/* Used share of a budget in whole per cent, for the meter and the text. */
static NEOERR *budget(HDF *h, const char *prefix, const char *key, long long spent, long long budget) {
  if (budget <= 0) return STATUS_OK;
  long long pct = spent * 100 / budget;
  return nerr_pass(set_ll(h, prefix, key, pct));
}

static NEOERR *chart(req *r, const char *prefix, const char *name, long long (*v)[MONITOR_DAY_MINUTES]) {
  char p[160];
  snprintf(p, sizeof p, "%s.%s", prefix, name);
  /* Yesterday whole, today up to this minute: the stock-index look, today's line running into the day. */
  const chart_series s[2] = {{req_text(r, "Monitor.Yesterday"), "s2", v[0]},
                             {req_text(r, "Monitor.Today"), "s1", v[1]}};
  const int len[2] = {0, g_series.now + 1};
  return nerr_pass(chart_lines_live(r->hdf, p, minute_labels(), MONITOR_DAY_MINUTES, s, 2, len));
}

static NEOERR *fill_activity(req *r, HDF *a, const char *prefix, int wall) {
  long long id = db_hdf_ll(a, "id", 0);
  monitor_series *s = &g_series;
  NEOERR *err = monitor_series_read(r->db, id, s);
  HDF *h = r->hdf;
  if (!err) err = set_ll(h, prefix, "Today.orders", s->total_orders[1]);
  if (!err) err = set_ll(h, prefix, "Today.points", s->total_points[1]);
  if (!err) err = set_ll(h, prefix, "Today.cash", s->total_cash[1]);
  long long scans = 0, scan_points = 0;
  if (!err) err = monitor_scans_today(r->db, id, &scans, &scan_points);
  if (!err) err = set_ll(h, prefix, "Today.scans", scans);
  if (!err) err = set_ll(h, prefix, "Today.scan_points", scan_points);
  /* Yesterday by this minute: the comparison that means something before the day is over. */
  if (!err) err = set_ll(h, prefix, "Yday.orders", sum_to(s->orders[0], s->now));
  if (!err) err = set_ll(h, prefix, "Yday.points", sum_to(s->points[0], s->now));
  if (!err) err = set_ll(h, prefix, "Yday.cash", sum_to(s->cash[0], s->now));
  if (!err) err = set_yuan(h, prefix, "Today.cash_yuan", s->total_cash[1]);
  if (!err) err = set_yuan(h, prefix, "Yday.cash_yuan", sum_to(s->cash[0], s->now));
  if (!err) err = set_yuan(h, prefix, "cash_spent_yuan", db_hdf_ll(a, "cash_spent_fen", 0));
  if (!err) err = set_yuan(h, prefix, "cash_budget_yuan", db_hdf_ll(a, "cash_budget_fen", 0));
  if (!err) err = budget(h, prefix, "PointsPct", db_hdf_ll(a, "points_spent", 0), db_hdf_ll(a, "points_budget", 0));
  if (!err) err = budget(h, prefix, "CashPct", db_hdf_ll(a, "cash_spent_fen", 0), db_hdf_ll(a, "cash_budget_fen", 0));
  if (!err) err = chart(r, prefix, "OrdersChart", s->orders);
  if (!err) err = chart(r, prefix, "PointsChart", s->points);
  int cash = db_hdf_ll(a, "cash_budget_fen", 0) > 0 || s->total_cash[0] > 0 || s->total_cash[1] > 0;
  if (!err && cash) err = chart(r, prefix, "CashChart", s->cash);
  if (!err && !wall) {
    char m[200], ip[200];
    snprintf(m, sizeof m, "%s.TopMembers", prefix);
    snprintf(ip, sizeof ip, "%s.TopIps", prefix);
    err = monitor_top(r->db, id, h, m, ip);
  }
  return nerr_pass(err);
}

static int may(req *r, const char *method, const char *path) {
  for (int i = 0; i < r->app->nroutes; i++) {
    const route *rt = &r->app->routes[i];
    if (strcmp(rt->method, method) == 0 && strcmp(rt->pattern, path) == 0) return route_allows(rt, r->role);
  }
  return 0;
}

static NEOERR *board(req *r, int wall) {
  evaluate_now_and_then(r);
  switch_state st;
  NEOERR *err = switch_read(r->db, &st);
  if (!err && st.mall_paused) err = hdf_set_value(r->hdf, "Monitor.MallPaused", "1");
  if (!err) err = hdf_set_value(r->hdf, "Monitor.MallReason", st.mall_reason);
  if (!err) err = switch_list_activities(r->db, r->hdf, "Monitor.Activities");
  HDF *list = hdf_get_obj(r->hdf, "Monitor.Activities");
  for (HDF *a = list ? hdf_obj_child(list) : NULL; a && !err; a = hdf_obj_next(a)) {
    char prefix[96];
    snprintf(prefix, sizeof prefix, "Monitor.Activities.%s", hdf_obj_name(a));
    err = fill_activity(r, a, prefix, wall);
  }
  if (!err) err = monitor_alerts_list(r->db, r->hdf, "Monitor.Alerts", wall);
  char now[32] = "";
  /* The mall's clock (MALL_TZ), the one the minutes are counted in. */
  if (!err) err = db_query_str(r->db, "SELECT DATE_FORMAT(NOW(), '%H:%i:%s')", DB_NOARGS, now, sizeof now, NULL);
  if (!err) err = hdf_set_value(r->hdf, "Monitor.Now", now);
  if (!err) err = hdf_set_valuef(r->hdf, "Page.Refresh=%d", wall ? WALL_REFRESH : DESK_REFRESH);
  if (!err && may(r, "POST", "/admin/monitor/alerts/{id}/ack")) err = hdf_set_value(r->hdf, "Monitor.CanAck", "1");
  if (!err && may(r, "GET", "/admin/monitor/{id}/settings")) err = hdf_set_value(r->hdf, "Monitor.CanConfigure", "1");
  if (!err && may(r, "GET", "/admin/members/{id}")) err = hdf_set_value(r->hdf, "Monitor.CanMembers", "1");
  return nerr_pass(err);
}

/* GET /admin/monitor?done= → 200 every running activity: charts, budgets, breakers, top members and IPs, alerts */
NEOERR *h_adm_monitor(req *r) {
  NEOERR *err = adm_cat_page(r, "admin/monitor/monitor.cs", "Monitor.Title");
  if (!err) err = req_done_notice(r, "acked|unchanged|saved", "Monitor.Done");
  if (!err) err = board(r, 0);
  return nerr_pass(err);
}

/* GET /admin/monitor/wall → 200 the big screen: dark, large, all activities, unacknowledged alerts; refreshes itself */
NEOERR *h_adm_monitor_wall(req *r) {
  NEOERR *err = adm_cat_page(r, "admin/monitor/wall.cs", "Monitor.WallTitle");
  if (!err) err = hdf_set_value(r->hdf, "Page.Bare", "1");
  if (!err) err = hdf_set_value(r->hdf, "Page.Wall", "1");
  if (!err) err = board(r, 1);
  return nerr_pass(err);
}

/* GET /admin/monitor/{id}/minutes.csv → 200 text/csv: every minute of yesterday and today with an order; 404 unknown */
NEOERR *h_adm_monitor_csv(req *r) {
  long long id = req_arg_id(r, 0);
  char title[DB_VARCHAR(200)];
  int found = 0;
  NEOERR *err = id > 0 ? switch_activity_title(r->db, id, title, sizeof title, &found) : STATUS_OK;
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  monitor_series *s = &g_series;
  if ((err = monitor_series_read(r->db, id, s))) return nerr_pass(err);
  STRING out;
  string_init(&out);
  err = string_append(&out, CSV_BOM "day,minute,orders,points,cash_fen\r\n");
  static const char *const DAY[2] = {"yesterday", "today"};
  for (int d = 0; d < 2 && !err; d++)
    for (int m = 0; m < MONITOR_DAY_MINUTES && !err; m++) {
      if (!s->orders[d][m] && !s->points[d][m] && !s->cash[d][m]) continue;
      err = csv_text(&out, DAY[d], 1);
      if (!err) err = csv_text(&out, minute_labels()[m], 0);
      if (!err) err = csv_num(&out, s->orders[d][m]);
      if (!err) err = csv_num(&out, s->points[d][m]);
      if (!err) err = csv_num(&out, s->cash[d][m]);
      if (!err) err = string_append(&out, "\r\n");
    }
  r->content_type = "text/csv; charset=utf-8";
  if (!err)
    err = string_appendf(&r->headers, "Content-Disposition: attachment; filename=\"monitor-%lld-minutes.csv\"\r\n", id);
  if (!err) err = string_append(&r->body, out.buf ? out.buf : "");
  string_clear(&out);
  return nerr_pass(err);
}
