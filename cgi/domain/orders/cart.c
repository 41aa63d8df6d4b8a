/* cart.c: the member's server-side cart (C1) — lines bounded by stock and the per-member limit */
#include "orders/cart.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Units of a product in the member's orders that still count against its per-member limit. */
#define BOUGHT(product)                                                                                                \
  "COALESCE((SELECT SUM(oi.quantity) FROM order_items oi JOIN orders o ON o.id = oi.order_id "                         \
  "WHERE o.member_id = ? AND oi.product_id = " product " AND o.status <> 'cancelled'), 0)"
#define MAXQ(stock, limit, bought) "GREATEST(0, LEAST(" stock ", 999, IF(" limit " > 0, " limit " - " bought ", 999)))"

static const char SQL_BOUNDS[] = "SELECT p.stock, p.per_member_limit, p.type, p.cash_price_fen, " BOUGHT(
    "p.id") " AS bought, "
            "COALESCE((SELECT quantity FROM cart_items WHERE member_id = ? AND product_id = p.id), 0) AS in_cart "
            "FROM products p WHERE p.id = ? AND p.on_shelf = 1";
static const char SQL_LINES[] = "SELECT COUNT(*) FROM cart_items WHERE member_id = ?";
/* Concurrent adds of one product add up instead of overwriting each other, still capped. */
static const char SQL_ADD[] = "INSERT INTO cart_items (member_id, product_id, quantity) VALUES (?, ?, ?) "
                              "ON DUPLICATE KEY UPDATE quantity = LEAST(quantity + VALUES(quantity), ?), selected = 1";
static const char SQL_LINE_PRODUCT[] = "SELECT product_id FROM cart_items WHERE id = ? AND member_id = ?";
static const char SQL_SET_QTY[] = "UPDATE cart_items SET quantity = ? WHERE id = ? AND member_id = ?";
static const char SQL_REMOVE[] = "DELETE FROM cart_items WHERE id = ? AND member_id = ?";
static const char SQL_SELECT_ONE[] = "UPDATE cart_items SET selected = ? WHERE id = ? AND member_id = ?";
static const char SQL_SELECT_ALL[] = "UPDATE cart_items SET selected = ? WHERE member_id = ?";
static const char SQL_SELECTED[] =
    "SELECT product_id, quantity FROM cart_items WHERE member_id = ? AND selected = 1 ORDER BY id LIMIT 50";

#define LIST_INNER                                                                                                     \
  "SELECT c.id, c.product_id, c.quantity, c.selected, "                                                                \
  "IF(? = 'en' AND p.name_en <> '', p.name_en, p.name_zh) AS name, p.image, p.points_price AS points, p.type, "        \
  "p.stock, p.on_shelf, p.per_member_limit, p.cash_price_fen, " BOUGHT(                                                \
      "c.product_id") " AS bought, "                                                                                   \
                      "c.quantity * p.points_price AS line_points "                                                    \
                      "FROM cart_items c JOIN products p ON p.id = c.product_id WHERE c.member_id = ? "
#define LIST_OUTER(inner)                                                                                              \
  "SELECT x.*, " MAXQ("x.stock", "x.per_member_limit",                                                                 \
                      "x.bought") " AS max_qty, "                                                                      \
                                  "CASE WHEN x.on_shelf = 0 THEN 'offshelf' "                                          \
                                  "WHEN x.stock = 0 THEN 'soldout' "                                                   \
                                  "WHEN " MAXQ("x.stock", "x.per_member_limit",                                        \
                                               "x.bought") " = 0 THEN 'limit' "                                        \
                                                           "WHEN x.quantity > " MAXQ(                                  \
                                                               "x.stock", "x.per_member_limit",                        \
                                                               "x.bought") " THEN 'toomany' END AS problem "           \
                                                                           "FROM (" inner ") x ORDER BY x.id DESC"
static const char SQL_LIST[] = LIST_OUTER(LIST_INNER);
static const char SQL_LIST_SELECTED[] = LIST_OUTER(LIST_INNER "AND c.selected = 1");

NEOERR *cart_product_bounds(MYSQL *db, long long member_id, long long product_id, cart_bounds *b) {
  memset(b, 0, sizeof *b);
  NEOERR *err = db_row(db, SQL_BOUNDS, DBA(DI(member_id), DI(member_id), DI(product_id)),
                       DCOLS(DCOL_LL(&b->stock), DCOL_LL(&b->limit), DCOL_STR(b->type), DCOL_LL(&b->cash_fen),
                             DCOL_LL(&b->bought), DCOL_LL(&b->in_cart)),
                       &b->found);
  if (!err && b->found) {
    long long m = b->stock < ORDER_MAX_QUANTITY ? b->stock : ORDER_MAX_QUANTITY;
    if (b->limit > 0 && b->limit - b->bought < m) m = b->limit - b->bought;
    b->max = m > 0 ? m : 0;
  }
  return nerr_pass(err);
}

NEOERR *cart_add(MYSQL *db, long long member_id, long long product_id, long long quantity, cart_result *res,
                 cart_bounds *b) {
  *res = CART_OK;
  NEOERR *err = cart_product_bounds(db, member_id, product_id, b);
  if (err) return nerr_pass(err);
  if (!b->found) {
    *res = CART_NO_PRODUCT;
    return STATUS_OK;
  }
  if (b->stock <= 0) {
    *res = CART_SOLD_OUT;
    return STATUS_OK;
  }
  if (b->max <= 0) {
    *res = CART_LIMIT;
    return STATUS_OK;
  }
  if (b->in_cart + quantity > b->max) {
    *res = CART_TOO_MANY;
    return STATUS_OK;
  }
  if (!b->in_cart) {
    long long lines = 0;
    if ((err = db_query_ll(db, SQL_LINES, DBA(DI(member_id)), &lines, NULL))) return nerr_pass(err);
    if (lines >= CART_MAX_LINES) {
      *res = CART_FULL;
      return STATUS_OK;
    }
  }
  err = db_exec(db, SQL_ADD, DBA(DI(member_id), DI(product_id), DI(quantity), DI(b->max)), NULL, NULL);
  if (!err) db_tx_touch_principal(member_id); /* the header shows the cart's count */
  return nerr_pass(err);
}

NEOERR *cart_line_product(MYSQL *db, long long member_id, long long line_id, long long *product_id) {
  int found = 0;
  *product_id = 0;
  NEOERR *err = db_query_ll(db, SQL_LINE_PRODUCT, DBA(DI(line_id), DI(member_id)), product_id, &found);
  if (!found) *product_id = 0;
  return nerr_pass(err);
}

NEOERR *cart_set_quantity(MYSQL *db, long long member_id, long long line_id, long long quantity) {
  NEOERR *err = db_exec(db, SQL_SET_QTY, DBA(DI(quantity), DI(line_id), DI(member_id)), NULL, NULL);
  if (!err) db_tx_touch_principal(member_id);
  return nerr_pass(err);
}

NEOERR *cart_remove(MYSQL *db, long long member_id, long long line_id) {
  NEOERR *err = db_exec(db, SQL_REMOVE, DBA(DI(line_id), DI(member_id)), NULL, NULL);
  if (!err) db_tx_touch_principal(member_id);
  return nerr_pass(err);
}

NEOERR *cart_select(MYSQL *db, long long member_id, long long line_id, int selected) {
  if (!line_id) return nerr_pass(db_exec(db, SQL_SELECT_ALL, DBA(DI(selected ? 1 : 0), DI(member_id)), NULL, NULL));
  return nerr_pass(db_exec(db, SQL_SELECT_ONE, DBA(DI(selected ? 1 : 0), DI(line_id), DI(member_id)), NULL, NULL));
}

NEOERR *cart_list(MYSQL *db, long long member_id, const char *lang, int selected_only, HDF *out, const char *prefix,
                  int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, selected_only ? SQL_LIST_SELECTED : SQL_LIST,
                                DBA(DS(lang), DI(member_id), DI(member_id)), rows));
}

/* A selected cart line (a row of SQL_SELECTED), kept while there is room. */
struct selected {
  order_line row, *lines;
  int max, *n;
};

static NEOERR *selected_keep(void *ctx, int row) {
  struct selected *s = ctx;
  (void)row;
  if (*s->n < s->max) s->lines[(*s->n)++] = s->row;
  return STATUS_OK;
}

NEOERR *cart_selected_lines(MYSQL *db, long long member_id, order_line *lines, int max, int *n) {
  struct selected s = {{0, 0}, lines, max, n};
  *n = 0;
  return nerr_pass(db_each(db, SQL_SELECTED, DBA(DI(member_id)),
                           DCOLS(DCOL_LL(&s.row.product_id), DCOL_LL(&s.row.quantity)), selected_keep, &s, NULL));
}

NEOERR *cart_count(MYSQL *db, long long member_id, long long *lines) {
  *lines = 0;
  return nerr_pass(db_query_ll(db, SQL_LINES, DBA(DI(member_id)), lines, NULL));
}
