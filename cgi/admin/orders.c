/* orders.c: orders in the back office (B5) — search and filter, detail, ship, logistics events, cancel with
 * refund (the member's cancel path, on behalf of the operator); every action audited */
#include "payments/payments.h"
#include "adm_ops.h"
#include "orders/orders_admin.h"
#include "merchants/vouchers_admin.h"
#include "orders/orders_read.h"
#include <stdio.h>
#include <string.h>

#define ORDER_STATES "pending|paid|shipped|completed|cancelled"

/* Tracking numbers: letters, digits and '-' only (they are read out on the phone and typed into carrier sites). */
static int tracking_ok(const char *s) {
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '-')) return 0;
  return 1;
}

static int alnum(const char *s) {
  for (; s && *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))) return 0;
  return 1;
}

/* GET /admin/orders?no=&mobile=&status=&from=&to=&page= → 200 list; bad filters → 200 with field errors */
NEOERR *h_adm_orders(req *r) {
  static const in_field F[] = {
      {"no", IN_STR, 0, 1, ORDER_NO_LEN, NULL},
      {"mobile", IN_DIGITS, 0, 1, 11, NULL},
      {"status", IN_ENUM, 0, 0, 0, ORDER_STATES},
      {"from", IN_DATE, 0, 0, 0, NULL},
      {"to", IN_DATE, 0, 0, 0, NULL},
  };
  in_value v[5];
  long long page = 1, total = 0, after = 0;
  int rows = 0;
  if (!req_page_after(r, &page, &after)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = ops_show(r, "admin/ops/orders.cs", "Ops.Orders.Title");
  if (err) return nerr_pass(err);
  int bad = input_read(r, F, 5, v);
  if (v[0].present && !alnum(v[0].s)) bad += ops_field_error(r, "no", "Ops.Orders.BadNo");
  for (int i = 3; i < 5; i++)
    if (v[i].present && !ops_date_ok(v[i].s)) bad += ops_field_error(r, F[i].name, "Ops.Orders.BadDate");
  if (!bad && v[3].present && v[4].present && strcmp(v[3].s, v[4].s) > 0)
    bad += ops_field_error(r, "to", "Ops.Orders.DateOrder");
  if ((err = orders_admin_counts(r->db, adm_scope(r), r->hdf, "Counts"))) return nerr_pass(err);
  if (bad) return nerr_pass(hdf_set_value(r->hdf, "Filter.Bad", "1"));
  order_filter f = {v[0].s, v[1].s, v[2].s, v[3].s, v[4].s};
  /* Numbered pages stop at ORDERS_ADMIN_OFFSET_PAGES (their OFFSET grows with the page); deeper ones seek. */
  long long offset = page <= ORDERS_ADMIN_OFFSET_PAGES ? (page - 1) * OPS_PER_PAGE : 1LL << 60;
  err = orders_admin_search(r->db, adm_scope(r), &f, offset, after, OPS_PER_PAGE, r->hdf, "Orders", &rows, &total);
  char next[32] = "";
  if (rows == OPS_PER_PAGE) {
    char key[32];
    snprintf(key, sizeof key, "Orders.%d.id", rows - 1);
    snprintf(next, sizeof next, "%lld", db_hdf_ll(r->hdf, key, 0));
  }
  STRING base;
  string_init(&base);
  if (!err) err = string_append(&base, "/admin/orders?");
  for (int i = 0; !err && i < 5; i++) err = ops_base_add(&base, F[i].name, v[i].s);
  if (!err)
    err = req_pager_seek(r, base.buf, after ? 0 : page, total, ORDERS_ADMIN_COUNT_CAP, OPS_PER_PAGE,
                         ORDERS_ADMIN_OFFSET_PAGES, next[0] ? next : NULL);
  /* The status tabs keep the other filters. */
  if (!err) {
    STRING tabs;
    string_init(&tabs);
    err = string_append(&tabs, "/admin/orders?");
    for (int i = 0; !err && i < 5; i++)
      if (i != 2) err = ops_base_add(&tabs, F[i].name, v[i].s);
    if (!err) err = hdf_set_value(r->hdf, "Filter.TabBase", tabs.buf);
    string_clear(&tabs);
  }
  string_clear(&base);
  return nerr_pass(err);
}

/* The detail page of order no; *found = 0 when there is none (the caller answers 404). */
static NEOERR *detail(req *r, const char *no, int *found) {
  NEOERR *err = ops_show(r, "admin/ops/order.cs", "Ops.Order.Title");
  if (!err) err = orders_admin_get(r->db, adm_scope(r), no, r->hdf, "Order", found);
  if (err || !*found) return nerr_pass(err);
  long long id = db_hdf_ll(r->hdf, "Order.0.id", 0);
  long long member = db_hdf_ll(r->hdf, "Order.0.member_id", 0);
  err = orders_read_items(r->db, id, ORDER_MAX_LINES, r->hdf, "Items", NULL);
  if (!err) err = orders_read_events(r->db, id, r->hdf, "Events");
  if (!err) err = orders_read_ledger(r->db, member, id, r->hdf, "Ledger");
  if (!err) err = orders_read_lots(r->db, member, id, r->hdf, "Lots");
  if (!err) err = vouchers_admin_of_order(r->db, id, r->hdf, "Vouchers");
  if (!err) err = payments_of_order(r->db, id, r->hdf, "Payments"); /* the cash part (C5) */
  if (!err && ops_can(r, ROLES_ORDERS)) err = hdf_set_value(r->hdf, "Page.CanEdit", "1");
  return nerr_pass(err);
}

static NEOERR *show(req *r, int *found) {
  NEOERR *err = detail(r, req_arg(r, 0), found);
  if (!err && !*found) err = req_fail(r, 404);
  return nerr_pass(err);
}

/* GET /admin/orders/{no}?done= → 200 detail; 404 unknown number */
NEOERR *h_adm_order(req *r) {
  int found = 0;
  NEOERR *err = show(r, &found);
  if (!err && found) err = ops_done(r, "shipped|event|cancelled|unlocked");
  return nerr_pass(err);
}

static void to_order(req *r, const char *done) {
  char to[128];
  snprintf(to, sizeof to, "/admin/orders/%s?done=%s", req_arg(r, 0), done);
  req_redirect(r, to);
}

/* An action's outcome: 303 to the order, or the page again with why it was refused (409). */
static NEOERR *outcome(req *r, const order_outcome *out, const char *done, const char *tmpl) {
  if (out->result == ORDER_OK) {
    to_order(r, done);
    return STATUS_OK;
  }
  int found = 0;
  NEOERR *err = show(r, &found);
  if (err || !found) return nerr_pass(err);
  if (tmpl) r->template = tmpl;
  r->status = out->result == ORDER_NOT_FOUND ? 404 : 409;
  char key[64];
  snprintf(key, sizeof key, "Ops.%s", order_result_name(out->result));
  return nerr_pass(req_flash(r, key));
}

/* POST /admin/orders/{no}/ship: carrier (1–32), tracking_no (4–64 letters, digits, -) → 303 detail ?done=shipped;
 * 200 detail with field errors; 409 not a paid order with goods to ship; 404 unknown number */
NEOERR *h_adm_order_ship(req *r) {
  static const in_field F[] = {
      {"carrier", IN_STR, IN_REQUIRED, 1, 32, NULL},
      {"tracking_no", IN_STR, IN_REQUIRED, 4, 64, NULL},
  };
  in_value v[2];
  int bad = input_read(r, F, 2, v);
  if (v[1].present && !tracking_ok(v[1].s)) bad += ops_field_error(r, "tracking_no", "Ops.Order.BadTracking");
  if (bad) {
    int found = 0;
    return nerr_pass(show(r, &found));
  }
  audit_actor who;
  admin_actor(r, &who);
  order_outcome out;
  NEOERR *err = orders_admin_ship(r->db, adm_scope(r), &who, req_arg(r, 0), v[0].s, v[1].s, &out);
  if (err) return nerr_pass(err);
  return nerr_pass(outcome(r, &out, "shipped", NULL));
}

/* POST /admin/orders/{no}/event: note (1–255) → 303 detail ?done=event; 200 with the field error;
 * 409 not shipped; 404 unknown number */
NEOERR *h_adm_order_event(req *r) {
  static const in_field F[] = {{"note", IN_STR, IN_REQUIRED, 1, 255, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) {
    int found = 0;
    return nerr_pass(show(r, &found));
  }
  audit_actor who;
  admin_actor(r, &who);
  order_outcome out;
  NEOERR *err = orders_admin_event(r->db, adm_scope(r), &who, req_arg(r, 0), v[0].s, &out);
  if (err) return nerr_pass(err);
  return nerr_pass(outcome(r, &out, "event", NULL));
}

/* GET /admin/orders/{no}/cancel → 200 confirmation (refund amount, mandatory reason); 404 unknown number */
NEOERR *h_adm_order_cancel_form(req *r) {
  int found = 0;
  NEOERR *err = show(r, &found);
  if (!err && found) r->template = "admin/ops/order_cancel.cs";
  if (!err && found) err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Ops.Order.CancelTitle"));
  return nerr_pass(err);
}

/* POST /admin/orders/{no}/cancel: reason (2–200) → 303 detail ?done=cancelled (paid points back to their
 * lots, stock restored); 200 confirmation with the error; 409 shipped/completed/cancelled; 404 unknown */
NEOERR *h_adm_order_cancel(req *r) {
  static const in_field F[] = {{"reason", IN_STR, IN_REQUIRED, 2, 200, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v)) {
    NEOERR *err = h_adm_order_cancel_form(r);
    if (!err) err = req_flash(r, "Ops.Order.ReasonRequired");
    return nerr_pass(err);
  }
  audit_actor who;
  admin_actor(r, &who);
  order_outcome out;
  NEOERR *err = orders_admin_cancel(r->db, adm_scope(r), &who, req_arg(r, 0), v[0].s, &out);
  if (err) return nerr_pass(err);
  return nerr_pass(outcome(r, &out, "cancelled", "admin/ops/order_cancel.cs"));
}

/* POST /admin/orders/{no}/vouchers/{voucher_no}/unlock → 303 detail ?done=unlocked (wrong-password count back to 0,
 * audited); 409 the voucher is not locked; 404 unknown order or not one of its vouchers */
NEOERR *h_adm_order_voucher_unlock(req *r) {
  int found = 0;
  NEOERR *err = show(r, &found);
  if (err || !found) return nerr_pass(err);
  audit_actor who;
  admin_actor(r, &who);
  voucher_unlock_result res;
  err = vouchers_admin_unlock(r->db, &who, db_hdf_ll(r->hdf, "Order.0.id", 0), req_arg(r, 1), &res);
  if (err) return nerr_pass(err);
  if (res == VOUCHER_UNLOCK_UNKNOWN) return nerr_pass(req_fail(r, 404));
  if (res == VOUCHER_UNLOCK_NOT_LOCKED) {
    r->status = 409;
    return nerr_pass(req_flash(r, "Ops.Voucher.NotLocked"));
  }
  to_order(r, "unlocked");
  return STATUS_OK;
}
