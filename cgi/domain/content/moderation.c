/* moderation.c: the back office's moderation queues (B4) — messages, reviews, consultations; audited actions */
#include "content/moderation.h"
#include "generations.h"
#include "members/inbox.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_COUNTS[] = "SELECT (SELECT COUNT(*) FROM messages WHERE status = 'pending') AS messages,"
                                 " (SELECT COUNT(*) FROM reviews WHERE status = 'pending') AS reviews,"
                                 " (SELECT COUNT(*) FROM consultations WHERE answer IS NULL) AS consultations";
static const char SQL_MESSAGES_COUNT[] = "SELECT COUNT(*) FROM messages WHERE status = ?";
static const char SQL_MESSAGES[] =
    "SELECT g.id, g.member_id, m.mobile, g.content, g.status, g.reply,"
    " DATE_FORMAT(g.created_at, '%Y-%m-%d %H:%i') AS date, DATE_FORMAT(g.replied_at, '%Y-%m-%d %H:%i') AS replied"
    " FROM messages g LEFT JOIN members m ON m.id = g.member_id WHERE g.status = ? ORDER BY g.id DESC LIMIT ? OFFSET ?";
static const char SQL_REVIEWS_COUNT[] = "SELECT COUNT(*) FROM reviews WHERE status = ?";
static const char SQL_REVIEWS[] =
    "SELECT r.id, r.product_id, p.name_zh AS product, m.mobile, r.score, r.content, r.status,"
    " DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i') AS date"
    " FROM reviews r LEFT JOIN products p ON p.id = r.product_id LEFT JOIN members m ON m.id = r.member_id"
    " WHERE r.status = ? ORDER BY r.id DESC LIMIT ? OFFSET ?";
/* answered = 0 → waiting, 1 → answered */
static const char SQL_CONSULT_COUNT[] = "SELECT COUNT(*) FROM consultations WHERE (answer IS NOT NULL) = ?";
static const char SQL_CONSULTS[] =
    "SELECT q.id, q.product_id, p.name_zh AS product, m.mobile, q.question, q.answer,"
    " DATE_FORMAT(q.created_at, '%Y-%m-%d %H:%i') AS date, DATE_FORMAT(q.answered_at, '%Y-%m-%d %H:%i') AS answered"
    " FROM consultations q LEFT JOIN products p ON p.id = q.product_id LEFT JOIN members m ON m.id = q.member_id"
    " WHERE (q.answer IS NOT NULL) = ? ORDER BY q.id DESC LIMIT ? OFFSET ?";

/* Snapshots for the audit log; FOR UPDATE so "before" is the row we change, not an older read view. */
static const char SQL_MESSAGE_SNAP[] = "SELECT id, member_id, status, reply FROM messages WHERE id = ? FOR UPDATE";
static const char SQL_REVIEW_SNAP[] = "SELECT id, product_id, status FROM reviews WHERE id = ? FOR UPDATE";
static const char SQL_CONSULT_SNAP[] =
    "SELECT id, product_id, member_id, answer FROM consultations WHERE id = ? FOR UPDATE";
static const char SQL_MESSAGE_SET[] = "UPDATE messages SET status = COALESCE(?, status), reply = COALESCE(?, reply),"
                                      " replied_at = IF(? IS NULL, replied_at, NOW()) WHERE id = ?";
static const char SQL_REVIEW_SET[] = "UPDATE reviews SET status = ? WHERE id = ?";
static const char SQL_CONSULT_SET[] = "UPDATE consultations SET answer = ?, answered_at = NOW() WHERE id = ?";

NEOERR *moderation_counts(MYSQL *db, HDF *out, const char *prefix) {
  HDF *h = NULL;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(db, h, "C", SQL_COUNTS, DB_NOARGS, NULL);
  if (!err) err = hdf_copy(out, prefix, hdf_get_obj(h, "C.0"));
  hdf_destroy(&h);
  return nerr_pass(err);
}

static NEOERR *page(MYSQL *db, const char *count_sql, const char *sql, dbp key, long long offset, int limit, HDF *out,
                    const char *prefix, long long *total) {
  NEOERR *err = db_query_ll(db, count_sql, &key, 1, total, NULL);
  if (!err && offset < *total) err = db_query_hdf(db, out, prefix, sql, DBA(key, DI(limit), DI(offset)), NULL);
  return nerr_pass(err);
}

NEOERR *moderation_messages(MYSQL *db, const char *status, long long offset, int limit, HDF *out, const char *prefix,
                            long long *total) {
  return nerr_pass(page(db, SQL_MESSAGES_COUNT, SQL_MESSAGES, DS(status), offset, limit, out, prefix, total));
}

NEOERR *moderation_reviews(MYSQL *db, const char *status, long long offset, int limit, HDF *out, const char *prefix,
                           long long *total) {
  return nerr_pass(page(db, SQL_REVIEWS_COUNT, SQL_REVIEWS, DS(status), offset, limit, out, prefix, total));
}

NEOERR *moderation_consultations(MYSQL *db, const char *status, long long offset, int limit, HDF *out,
                                 const char *prefix, long long *total) {
  int answered = status && strcmp(status, "answered") == 0;
  return nerr_pass(page(db, SQL_CONSULT_COUNT, SQL_CONSULTS, DI(answered), offset, limit, out, prefix, total));
}

/* ---- actions ---- */

struct act {
  const audit_actor *who;
  long long id;
  const char *status, *text;
  int found;
};

/* An id from an audit snapshot (its values are text): missing or malformed is an error, never a 0 to write. */
static NEOERR *json_id(json_t *o, const char *k, long long *id) {
  const char *s = json_string_value(json_object_get(o, k));
  char *end = NULL;
  *id = s ? strtoll(s, &end, 10) : 0;
  if (!s || !*s || *end || *id <= 0) return nerr_raise(NERR_ASSERT, "audit snapshot without a valid %s", k);
  return STATUS_OK;
}

static NEOERR *tx_message(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  struct act *a = arg;
  json_t *before = NULL, *after = NULL;
  NEOERR *err = audit_snapshot(db, SQL_MESSAGE_SNAP, a->id, &before);
  a->found = before != NULL;
  if (err || !before) return nerr_pass(err);
  err = db_exec(
      db, SQL_MESSAGE_SET,
      DBA(a->status ? DS(a->status) : DNULL, a->text ? DS(a->text) : DNULL, a->text ? DS(a->text) : DNULL, DI(a->id)),
      NULL, NULL);
  char key[48];
  snprintf(key, sizeof key, "message-reply:%lld", a->id);
  long long member_id = 0;
  if (!err && a->text) err = json_id(before, "member_id", &member_id);
  if (!err && a->text) err = inbox_add(db, member_id, "message", "您的留言有了回复", a->text, "/messages", key, NULL);
  if (!err) err = audit_snapshot(db, SQL_MESSAGE_SNAP, a->id, &after);
  const char *action = !a->status ? "reply" : strcmp(a->status, "approved") == 0 ? "approve" : "reject";
  if (!err) err = audit_record(db, a->who, action, "message", a->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *moderation_message(MYSQL *db, const audit_actor *who, long long id, const char *status, const char *reply,
                           int *found) {
  struct act a = {who, id, status, reply, 0};
  NEOERR *err = db_tx(db, tx_message, &a);
  *found = a.found;
  return nerr_pass(err);
}

static NEOERR *tx_review(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  struct act *a = arg;
  json_t *before = NULL, *after = NULL;
  NEOERR *err = audit_snapshot(db, SQL_REVIEW_SNAP, a->id, &before);
  a->found = before != NULL;
  if (err || !before) return nerr_pass(err);
  err = db_exec(db, SQL_REVIEW_SET, DBA(DS(a->status), DI(a->id)), NULL, NULL);
  if (!err) err = audit_snapshot(db, SQL_REVIEW_SNAP, a->id, &after);
  const char *action = strcmp(a->status, "approved") == 0 ? "approve" : "hide";
  if (!err) err = audit_record(db, a->who, action, "review", a->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *moderation_review(MYSQL *db, const audit_actor *who, long long id, const char *status, int *found) {
  struct act a = {who, id, status, NULL, 0};
  NEOERR *err = db_tx(db, tx_review, &a);
  *found = a.found;
  return nerr_pass(err);
}

static NEOERR *tx_answer(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  struct act *a = arg;
  json_t *before = NULL, *after = NULL;
  NEOERR *err = audit_snapshot(db, SQL_CONSULT_SNAP, a->id, &before);
  a->found = before != NULL;
  if (err || !before) return nerr_pass(err);
  err = db_exec(db, SQL_CONSULT_SET, DBA(DS(a->text), DI(a->id)), NULL, NULL);
  char key[48], link[64];
  long long product_id = 0, member_id = 0;
  if (!err) err = json_id(before, "product_id", &product_id);
  if (!err) err = json_id(before, "member_id", &member_id);
  snprintf(key, sizeof key, "consultation:%lld", a->id);
  snprintf(link, sizeof link, "/product/%lld#qa", product_id);
  if (!err) err = inbox_add(db, member_id, "consultation", "您的商品咨询有了回复", a->text, link, key, NULL);
  if (!err) err = audit_snapshot(db, SQL_CONSULT_SNAP, a->id, &after);
  if (!err) err = audit_record(db, a->who, "answer", "consultation", a->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *moderation_answer(MYSQL *db, const audit_actor *who, long long id, const char *answer, int *found) {
  struct act a = {who, id, NULL, answer, 0};
  NEOERR *err = db_tx(db, tx_answer, &a);
  *found = a.found;
  return nerr_pass(err);
}
