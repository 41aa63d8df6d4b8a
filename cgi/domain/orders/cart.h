/* cart.h: the member's server-side cart (C1) — lines bounded by stock and the per-member limit */
#ifndef MALL_CART_H
#define MALL_CART_H
#include "db.h"
#include "orders/orders.h"

#define CART_MAX_LINES ORDER_MAX_LINES

/* What a member may still put in a cart for one product (advisory: payment re-checks everything). */
typedef struct {
  int found; /* 0: unknown or off the shelf */
  long long stock, limit, bought, in_cart;
  long long max;      /* min(stock, limit - bought, ORDER_MAX_QUANTITY), never below 0 */
  long long cash_fen; /* the product's cash part (fen): paid at the provider before the points (C5) */
  char type[16];      /* physical | voucher | virtual */
} cart_bounds;
NEOERR *cart_product_bounds(MYSQL *db, long long member_id, long long product_id, cart_bounds *out);

typedef enum {
  CART_OK,
  CART_NO_PRODUCT, /* unknown or off the shelf */
  CART_SOLD_OUT,   /* no stock left */
  CART_LIMIT,      /* the per-member limit is used up */
  CART_TOO_MANY,   /* quantity above what is left: see the bounds' max (minus in_cart for adds) */
  CART_FULL,       /* CART_MAX_LINES different products already */
  CART_CASH,       /* unused since points + cash payment exists (C5) */
} cart_result;

/* Adds quantity (1..ORDER_MAX_QUANTITY) of a product; the line is selected afterwards. */
NEOERR *cart_add(MYSQL *db, long long member_id, long long product_id, long long quantity, cart_result *res,
                 cart_bounds *b);

/* A line of this member: *product_id = 0 when it is unknown or someone else's. */
NEOERR *cart_line_product(MYSQL *db, long long member_id, long long line_id, long long *product_id);
/* Sets a line's quantity (caller checked the bounds). */
NEOERR *cart_set_quantity(MYSQL *db, long long member_id, long long line_id, long long quantity);
NEOERR *cart_remove(MYSQL *db, long long member_id, long long line_id);
/* line_id 0 = every line of the member. */
NEOERR *cart_select(MYSQL *db, long long member_id, long long line_id, int selected);

/* Lines under prefix.N: id, product_id, quantity, selected, name, image, points, type, stock, on_shelf,
 * per_member_limit, bought, max_qty, line_points, cash_price_fen,
 * problem (offshelf|soldout|limit|toomany, unset when fine).
 * selected_only limits the list to the selected lines. Newest first. */
NEOERR *cart_list(MYSQL *db, long long member_id, const char *lang, int selected_only, HDF *out, const char *prefix,
                  int *rows);
/* The selected lines as order lines (at most max), oldest first. */
NEOERR *cart_selected_lines(MYSQL *db, long long member_id, order_line *lines, int max, int *n);
NEOERR *cart_count(MYSQL *db, long long member_id, long long *lines);

#endif
