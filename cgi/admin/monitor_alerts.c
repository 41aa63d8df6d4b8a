/* monitor_alerts.c: the monitor's alert settings per activity and the acknowledgement of an alert (both audited) */
#include "adm_monitor.h"
#include "adm_catalog.h"
#include "campaigns/monitor_alerts.h"
#include "campaigns/switches.h"
#include <stdio.h>
#include <string.h>

#define T_SETTINGS "admin/monitor/settings.cs"

static const in_field F[] = {
    {"surge_pct", IN_INT, IN_REQUIRED, 0, 100000, NULL},
    {"surge_minutes", IN_INT, IN_REQUIRED, 1, 120, NULL},
    {"surge_min_orders", IN_INT, IN_REQUIRED, 0, 1000000, NULL},
    {"budget_pct", IN_INT, IN_REQUIRED, 0, 100, NULL},
    {"on_trip", IN_ENUM, IN_REQUIRED, 0, 0, "0|1"},
    {"duty_mobiles", IN_STR, 0, 0, 200, NULL},
};
#define NF (int)(sizeof F / sizeof F[0])

static NEOERR *page(req *r, long long id, int *found) {
  char title[DB_VARCHAR(200)];
  NEOERR *err = switch_activity_title(r->db, id, title, sizeof title, found);
  if (err || !*found) return nerr_pass(err);
  err = adm_cat_page(r, T_SETTINGS, "Monitor.Settings.Title");
  if (!err) err = hdf_set_value(r->hdf, "Settings.Activity", title);
  if (!err) err = hdf_set_valuef(r->hdf, "Settings.Id=%lld", id);
  return nerr_pass(err);
}

/* GET /admin/monitor/{id}/settings → 200 the form (the defaults when never saved); 404 unknown activity */
NEOERR *h_adm_monitor_settings(req *r) {
  long long id = req_arg_id(r, 0);
  monitor_settings s;
  int found = 0;
  NEOERR *err = page(r, id, &found);
  if (!err && found) err = monitor_settings_get(r->db, id, &s, &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  HDF *h = r->hdf;
  err = hdf_set_valuef(h, "Form.Values.surge_pct=%d", s.surge_pct);
  if (!err) err = hdf_set_valuef(h, "Form.Values.surge_minutes=%d", s.surge_minutes);
  if (!err) err = hdf_set_valuef(h, "Form.Values.surge_min_orders=%d", s.surge_min_orders);
  if (!err) err = hdf_set_valuef(h, "Form.Values.budget_pct=%d", s.budget_pct);
  if (!err) err = hdf_set_valuef(h, "Form.Values.on_trip=%d", s.on_trip ? 1 : 0);
  if (!err) err = hdf_set_value(h, "Form.Values.duty_mobiles", s.duty_mobiles);
  return nerr_pass(err);
}

/* POST /admin/monitor/{id}/settings (surge_pct, surge_minutes, surge_min_orders, budget_pct, on_trip, duty_mobiles)
 * → 303 /admin/monitor?done=saved; 200 the form with field errors; 404 unknown activity */
NEOERR *h_adm_monitor_settings_save(req *r) {
  long long id = req_arg_id(r, 0);
  in_value v[NF];
  int found = 0;
  NEOERR *err = page(r, id, &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  int bad = input_read(r, F, NF, v);
  monitor_settings s = {0};
  if (!bad && !monitor_mobiles_normalize(v[5].present ? v[5].s : "", s.duty_mobiles, sizeof s.duty_mobiles)) {
    if ((err = req_form_error(r, "duty_mobiles", "Monitor.Settings.MobilesRule"))) return nerr_pass(err);
    bad = 1;
  }
  if (bad) {
    if ((err = adm_cat_keep_values(r, F, NF))) return nerr_pass(err);
    return nerr_pass(req_form_error(r, NULL, "AdminCat.FixErrors"));
  }
  s.surge_pct = (int)v[0].i;
  s.surge_minutes = (int)v[1].i;
  s.surge_min_orders = (int)v[2].i;
  s.budget_pct = (int)v[3].i;
  s.on_trip = strcmp(v[4].s, "1") == 0;
  audit_actor who;
  admin_actor(r, &who);
  if ((err = monitor_settings_save(r->db, &who, id, &s))) return nerr_pass(err);
  req_redirect(r, "/admin/monitor?done=saved");
  return STATUS_OK;
}

/* POST /admin/monitor/alerts/{id}/ack → 303 /admin/monitor?done=acked (or unchanged when acknowledged already);
 * 404 unknown alert */
NEOERR *h_adm_monitor_ack(req *r) {
  audit_actor who;
  admin_actor(r, &who);
  monitor_ack_result res;
  NEOERR *err = monitor_ack(r->db, &who, req_arg_id(r, 0), &res);
  if (err) return nerr_pass(err);
  if (res == MONITOR_ACK_NOT_FOUND) return nerr_pass(req_fail(r, 404));
  req_redirect(r, res == MONITOR_ACK_OK ? "/admin/monitor?done=acked" : "/admin/monitor?done=unchanged");
  return STATUS_OK;
}
