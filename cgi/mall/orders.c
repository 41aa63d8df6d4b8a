/* orders.c: my orders (O1) — list by status, detail with ledger and timeline, cancel (O2), confirm receipt (O3) */
#include "mall_shop.h"
#include "mall_cash.h"
#include "orders/orders_read.h"
#include "mall_vouchers.h"
#include <stdio.h>
#include <string.h>

#define T_ORDERS "mall/shop/orders.cs"
#define T_ORDER "mall/shop/order.cs"
#define T_CANCEL "mall/shop/cancel.cs"
#define PER_PAGE 10
#define PAGE_MAX 100000
#define STATUSES "pending|paid|shipped|completed|cancelled"

/* Fills Pager.* like the storefront's pager (Base ends in '?' or '&'). */
/* GET /orders?status=pending|paid|shipped|completed|cancelled|all&page=|after= → 200; 400 bad parameters. Numbered
 * pages stop at ORDERS_OFFSET_PAGES; deeper ones seek from the last order shown (?after=<id>). */
NEOERR *h_orders(req *r) {
  static const in_field F[] = {
      {"status", IN_ENUM, 0, 0, 0, STATUSES "|all"},
      {"page", IN_INT, 0, 1, PAGE_MAX, NULL},
      {"after", IN_INT, 0, 1, 9000000000000000000LL, NULL},
  };
  in_value v[3];
  if (input_read(r, F, 3, v)) return nerr_pass(req_fail(r, 400));
  long long after_id = v[2].present ? v[2].i : 0;
  const char *status = v[0].present && strcmp(v[0].s, "all") != 0 ? v[0].s : NULL;
  long long page = v[1].present ? v[1].i : 1, total = 0;
  int rows = 0;
  NEOERR *err = shop_show(r, T_ORDERS, "Shop.Orders.Title");
  if (!err) err = hdf_set_value(r->hdf, "Orders.Status", status ? status : "all");
  if (!err) err = orders_read_counts(r->db, r->user_id, r->hdf, "Orders.Counts");
  if (!err)
    err = orders_read_list(r->db, r->user_id, status, page <= ORDERS_OFFSET_PAGES ? (page - 1) * PER_PAGE : 1LL << 60,
                           after_id, PER_PAGE, r->hdf, "Orders.List", &rows, &total);
  for (int i = 0; !err && i < rows; i++) {
    char prefix[48];
    snprintf(prefix, sizeof prefix, "Orders.List.%d.Items", i);
    err = orders_read_items(r->db, shop_ll(shop_row(r->hdf, "Orders.List", i), "id"), 4, r->hdf, prefix, NULL);
  }
  char base[64];
  snprintf(base, sizeof base, "/orders?status=%s&", status ? status : "all");
  char next[32] = "";
  if (rows == PER_PAGE) snprintf(next, sizeof next, "%lld", shop_ll(shop_row(r->hdf, "Orders.List", rows - 1), "id"));
  if (!err)
    err = req_pager_seek(r, base, after_id ? 0 : page, total, ORDERS_COUNT_CAP, PER_PAGE, ORDERS_OFFSET_PAGES,
                         next[0] ? next : NULL);
  return nerr_pass(err);
}

NEOERR *shop_order_page(req *r, const char *order_no) {
  int found = 0;
  NEOERR *err = shop_show(r, T_ORDER, "Shop.Order.Title");
  if (!err) err = orders_read_get(r->db, r->user_id, order_no, r->hdf, "Order", &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  long long id = shop_ll(r->hdf, "Order.0.id");
  const char *st = hdf_get_value(r->hdf, "Order.0.status", "");
  err = orders_read_items(r->db, id, 100, r->hdf, "Items", NULL);
  if (!err) err = orders_read_events(r->db, id, r->hdf, "Events");
  if (!err) err = orders_read_ledger(r->db, r->user_id, id, r->hdf, "Ledger");
  if (!err) err = orders_read_lots(r->db, r->user_id, id, r->hdf, "Lots");
  int used_vouchers = 0; /* a redeemed voucher makes the order final */
  if (!err) err = mall_order_vouchers(r, id, &used_vouchers);
  int cash_due = 0; /* C5: the cash part's state (Cash.*) */
  if (!err && shop_ll(r->hdf, "Order.0.cash_total_fen") > 0) err = cash_pay_view(r, &cash_due);
  if (!err) err = hdf_set_valuef(r->hdf, "Order.CanPay=%d", strcmp(st, "pending") == 0);
  if (!err)
    err = hdf_set_valuef(r->hdf, "Order.CanCancel=%d",
                         strcmp(st, "pending") == 0 || (strcmp(st, "paid") == 0 && !used_vouchers));
  if (!err) err = hdf_set_valuef(r->hdf, "Order.CanReceive=%d", strcmp(st, "shipped") == 0);
  if (!err) err = hdf_set_valuef(r->hdf, "Order.CanReview=%d", strcmp(st, "completed") == 0);
  return nerr_pass(err);
}

/* GET /order/{no}?done=cancelled|received → 200 detail; 404 unknown or someone else's. */
NEOERR *h_order(req *r) {
  static const in_field F[] = {{"done", IN_ENUM, 0, 0, 0, "cancelled|received"}};
  in_value v[1];
  if (input_read(r, F, 1, v)) {
    hdf_remove_tree(r->hdf, "Form");
    memset(v, 0, sizeof v);
  }
  NEOERR *err = shop_order_page(r, req_arg(r, 0));
  if (err || r->status == 404 || !v[0].present) return nerr_pass(err);
  char key[64];
  snprintf(key, sizeof key, "Shop.Order.Done.%s", v[0].s);
  return nerr_pass(shop_notice(r, key));
}

static void to_order(req *r, const char *query) {
  char loc[96];
  snprintf(loc, sizeof loc, "/order/%s%s", req_arg(r, 0), query);
  req_redirect(r, loc);
}

static NEOERR *cancel_page(req *r, int *ok) {
  NEOERR *err = shop_order_page(r, req_arg(r, 0));
  *ok = !err && r->status != 404 && hdf_get_int_value(r->hdf, "Order.CanCancel", 0);
  if (!err && r->status != 404) {
    r->template = T_CANCEL;
    err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Shop.Cancel.Title"));
  }
  return nerr_pass(err);
}

/* GET /order/{no}/cancel → 200 confirmation (reason, confirm checkbox); 303 to the order when it can
 * no longer be cancelled; 404 not ours. */
NEOERR *h_order_cancel_form(req *r) {
  int ok = 0;
  NEOERR *err = cancel_page(r, &ok);
  if (!err && r->status != 404 && !ok) to_order(r, "");
  return nerr_pass(err);
}

/* POST /order/{no}/cancel: reason (changed|address|duplicate|other), confirm=1 → 303 /order/{no}?done=cancelled
 * (a paid order's points go back to their lots, stock restored); 400 not confirmed / bad reason;
 * 409 shipped or already cancelled; 404 not ours. */
NEOERR *h_order_cancel(req *r) {
  static const in_field F[] = {
      {"reason", IN_ENUM, 0, 0, 0, "changed|address|duplicate|other"},
      {"confirm", IN_ENUM, IN_REQUIRED, 0, 0, "1"},
  };
  in_value v[2];
  int bad = input_read(r, F, 2, v), ok = 0;
  NEOERR *err = cancel_page(r, &ok);
  if (err || r->status == 404) return nerr_pass(err);
  if (bad)
    return nerr_pass(shop_flash(
        r, 400, hdf_get_obj(r->hdf, "Form.Errors.confirm") ? "Shop.Cancel.NotConfirmed" : "Shop.Cancel.BadReason", 0,
        NULL));
  char key[64];
  snprintf(key, sizeof key, "Shop.Cancel.Reason.%s", v[0].present ? v[0].s : "other");
  order_outcome o;
  memset(&o, 0, sizeof o);
  if ((err = order_cancel(r->db, r->user_id, req_arg(r, 0), req_text(r, key), &o))) return nerr_pass(err);
  if (o.result == ORDER_OK) {
    to_order(r, "?done=cancelled"); /* points.c already told the session caches about the refund */
    return STATUS_OK;
  }
  /* Refused (shipped meanwhile, cancelled twice): show the order as it is now, with the reason. */
  hdf_remove_tree(r->hdf, "Order");
  hdf_remove_tree(r->hdf, "Items");
  hdf_remove_tree(r->hdf, "Events");
  hdf_remove_tree(r->hdf, "Ledger");
  hdf_remove_tree(r->hdf, "Lots");
  if ((err = shop_order_page(r, req_arg(r, 0))) || r->status == 404) return nerr_pass(err);
  return nerr_pass(shop_result_flash(r, &o, "Items"));
}

/* POST /order/{no}/receive → 303 /order/{no}?done=received (completed); 409 not shipped; 404 not ours. */
NEOERR *h_order_receive(req *r) {
  order_outcome o;
  memset(&o, 0, sizeof o);
  NEOERR *err = order_complete(r->db, r->user_id, req_arg(r, 0), &o);
  if (err) return nerr_pass(err);
  if (o.result == ORDER_OK) {
    to_order(r, "?done=received");
    return STATUS_OK;
  }
  if ((err = shop_order_page(r, req_arg(r, 0))) || r->status == 404) return nerr_pass(err);
  return nerr_pass(shop_result_flash(r, &o, "Items"));
}
