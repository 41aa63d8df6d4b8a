/* reviews.h: product reviews by members after completed orders (A7) — once per order item, moderated */
#ifndef MALL_REVIEWS_H
#define MALL_REVIEWS_H
#include "shared/list_stmt.h"

#define REVIEW_MIN_CHARS 5
#define REVIEW_MAX_CHARS 500

typedef enum {
  REVIEW_OK,
  REVIEW_NOT_FOUND,     /* unknown order item, or another member's (indistinguishable) */
  REVIEW_NOT_COMPLETED, /* the order is not completed (yet) */
  REVIEW_ALREADY,       /* this order item has a review already */
} review_result;

/* One order item of this member's orders under prefix.0: id, product_id, name, image, quantity,
 * order_no, status (of the order), reviewed (0/1). *res: OK, NOT_FOUND, NOT_COMPLETED or ALREADY. */
NEOERR *review_item(MYSQL *db, long long member_id, long long item_id, HDF *out, const char *prefix,
                    review_result *res);
/* Stores a pending review; a double submit (even a concurrent one) gets REVIEW_ALREADY, never an error. */
NEOERR *review_create(MYSQL *db, long long member_id, long long item_id, int score, const char *content,
                      review_result *res);
/* Own reviews, newest first (arg: the member; [id_list_en(lang)]): id, product_id, product, image, score, content,
 * status, date. */
extern const id_list REVIEWS_MINE[2];
/* Items of completed orders still waiting for a review, newest first: id, name, image, order_no, date. */
NEOERR *reviews_pending_items(MYSQL *db, long long member_id, HDF *out, const char *prefix, int limit, int *rows);

#endif
