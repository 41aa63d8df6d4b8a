/* reviews.c: product reviews by members after completed orders (A7) — once per order item, moderated */
#include "catalog/reviews.h"
#include <stdio.h>
#include <string.h>

static const char SQL_REVIEW_ITEM[] =
    "SELECT oi.id, oi.product_id, oi.name, oi.image, oi.quantity, o.order_no, o.status,"
    " (SELECT COUNT(*) FROM reviews r WHERE r.order_item_id = oi.id) AS reviewed"
    " FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.id = ? AND o.member_id = ?";
/* The eligibility check and the insert are one statement; the UNIQUE order_item_id turns a second
 * (or concurrent) submit into zero affected rows instead of an error. */
static const char SQL_REVIEW_INSERT[] =
    "INSERT IGNORE INTO reviews (product_id, member_id, order_item_id, score, content)"
    " SELECT oi.product_id, o.member_id, oi.id, ?, ? FROM order_items oi JOIN orders o ON o.id = oi.order_id"
    " WHERE oi.id = ? AND o.member_id = ? AND o.status = 'completed'";
#define MINE_COLS(name)                                                                                                \
  "SELECT r.id, r.product_id, " name " AS product, p.image, r.score, r.content, r.status,"                             \
  " DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i') AS date"
#define MINE_FROM " FROM reviews r JOIN products p ON p.id = r.product_id WHERE r.member_id = ?"
#define MINE_COUNT " FROM reviews r WHERE r.member_id = ?"
const id_list REVIEWS_MINE[2] = {{MINE_COLS("p.name_zh"), MINE_FROM, MINE_COUNT, "r.id"},
                                 {MINE_COLS("IF(p.name_en <> '', p.name_en, p.name_zh)"), MINE_FROM, MINE_COUNT, "r.id"}};
static const char SQL_REVIEWS_PENDING[] =
    "SELECT oi.id, oi.name, oi.image, o.order_no, DATE_FORMAT(o.completed_at, '%Y-%m-%d') AS date"
    " FROM orders o JOIN order_items oi ON oi.order_id = o.id LEFT JOIN reviews r ON r.order_item_id = oi.id"
    " WHERE o.member_id = ? AND o.status = 'completed' AND r.id IS NULL ORDER BY oi.id DESC LIMIT ?";

NEOERR *review_item(MYSQL *db, long long member_id, long long item_id, HDF *out, const char *prefix,
                    review_result *res) {
  long long id = 0, product_id = 0, quantity = 0, reviewed = 0;
  char name[DB_VARCHAR(160)], image[DB_VARCHAR(255)], order_no[DB_VARCHAR(17)], status[16];
  int found = 0;
  *res = REVIEW_NOT_FOUND;
  NEOERR *err = db_row(db, SQL_REVIEW_ITEM, DBA(DI(item_id), DI(member_id)),
                       DCOLS(DCOL_LL(&id), DCOL_LL(&product_id), DCOL_STR(name), DCOL_STR(image), DCOL_LL(&quantity),
                             DCOL_STR(order_no), DCOL_STR(status), DCOL_LL(&reviewed)),
                       &found);
  if (err || !found) return nerr_pass(err);
  if (reviewed) *res = REVIEW_ALREADY;
  else *res = strcmp(status, "completed") == 0 ? REVIEW_OK : REVIEW_NOT_COMPLETED;
  /* The page shows the item: the same keys a db_query_hdf row would have. */
  err = hdf_set_valuef(out, "%s.0.id=%lld", prefix, id);
  if (!err) err = hdf_set_valuef(out, "%s.0.product_id=%lld", prefix, product_id);
  if (!err) err = hdf_set_valuef(out, "%s.0.quantity=%lld", prefix, quantity);
  if (!err) err = hdf_set_valuef(out, "%s.0.reviewed=%lld", prefix, reviewed);
  const char *texts[][2] = {{"name", name}, {"image", image}, {"order_no", order_no}, {"status", status}};
  for (size_t i = 0; !err && i < sizeof texts / sizeof texts[0]; i++) {
    char key[128];
    snprintf(key, sizeof key, "%s.0.%s", prefix, texts[i][0]);
    err = hdf_set_value(out, key, texts[i][1]);
  }
  return nerr_pass(err);
}

NEOERR *review_create(MYSQL *db, long long member_id, long long item_id, int score, const char *content,
                      review_result *res) {
  long long added = 0;
  NEOERR *err = db_exec(db, SQL_REVIEW_INSERT, DBA(DI(score), DS(content), DI(item_id), DI(member_id)), &added, NULL);
  if (err) return nerr_pass(err);
  if (added) {
    *res = REVIEW_OK;
    return STATUS_OK;
  }
  /* Nothing written: say why. */
  HDF *h = NULL;
  if ((err = hdf_init(&h))) return nerr_pass(err);
  err = review_item(db, member_id, item_id, h, "I", res);
  if (!err && *res == REVIEW_OK) *res = REVIEW_ALREADY; /* lost a race between the check and the insert */
  hdf_destroy(&h);
  return nerr_pass(err);
}

NEOERR *reviews_pending_items(MYSQL *db, long long member_id, HDF *out, const char *prefix, int limit, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_REVIEWS_PENDING, DBA(DI(member_id), DI(limit)), rows));
}
