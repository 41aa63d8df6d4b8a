/* moderation.c: the back office's moderation queues (B4) — messages, reviews, consultations; audited actions */
#include "content/moderation.h"
#include "generations.h"
#include "members/inbox.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each queue is one status of one table, read newest first on (status, id) and stopped at the page (README "Lists"):
 * messages by_status, reviews mod_status, consultations mod_answered (answered: derived from answer, schema 043); counts
 * stop at MOD_COUNT_CAP + 1; past MOD_OFFSET_PAGES numbered pages the next page seeks (?after=<the last id shown>). */
static const char SQL_COUNTS[] = "SELECT (SELECT COUNT(*) FROM messages WHERE status = 'pending') AS messages,"
                                 " (SELECT COUNT(*) FROM reviews WHERE status = 'pending') AS reviews,"
                                 " (SELECT COUNT(*) FROM consultations WHERE answered = 0) AS consultations";
static const struct {
  const char *cols, *body, *key;
} QUEUE[] = {
    {"SELECT g.id, g.member_id, m.mobile, g.content, g.status, g.reply,"
     " DATE_FORMAT(g.created_at, '%Y-%m-%d %H:%i') AS date, DATE_FORMAT(g.replied_at, '%Y-%m-%d %H:%i') AS replied",
     " FROM messages g FORCE INDEX (by_status) LEFT JOIN members m ON m.id = g.member_id WHERE g.status = ?", "g.id"},
    {"SELECT r.id, r.product_id, p.name_zh AS product, m.mobile, r.score, r.content, r.status,"
     " DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i') AS date",
     " FROM reviews r FORCE INDEX (mod_status) LEFT JOIN products p ON p.id = r.product_id"
     " LEFT JOIN members m ON m.id = r.member_id WHERE r.status = ?",
     "r.id"},
    {"SELECT q.id, q.product_id, p.name_zh AS product, m.mobile, q.question, q.answer,"
     " DATE_FORMAT(q.created_at, '%Y-%m-%d %H:%i') AS date, DATE_FORMAT(q.answered_at, '%Y-%m-%d %H:%i') AS answered",
     " FROM consultations q FORCE INDEX (mod_answered) LEFT JOIN products p ON p.id = q.product_id"
     " LEFT JOIN members m ON m.id = q.member_id WHERE q.answered = ?",
     "q.id"},
};

void moderation_list_stmt(int queue, const char *status, long long offset, long long after, int limit, int count,
                          list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  if (queue < 0 || queue > 2) queue = 0;
  /* consultations: status pending|answered → the answered flag */
  list_stmt_arg(&body, QUEUE[queue].body,
                queue == 2 ? DI(status && strcmp(status, "answered") == 0) : DS(status ? status : ""));
  list_stmt_build(out, &body, count, MOD_COUNT_CAP, QUEUE[queue].cols, QUEUE[queue].key, offset, after, limit);
}

NEOERR *moderation_counts(MYSQL *db, HDF *out, const char *prefix) {
  HDF *h = NULL;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(db, h, "C", SQL_COUNTS, DB_NOARGS, NULL);
  if (!err) err = hdf_copy(out, prefix, hdf_get_obj(h, "C.0"));
  hdf_destroy(&h);
  return nerr_pass(err);
}

NEOERR *moderation_list(MYSQL *db, int queue, const char *status, long long offset, long long after, int limit,
                        HDF *out, const char *prefix, int *rows, long long *total) {
  list_stmt st;
  *rows = 0;
  moderation_list_stmt(queue, status, 0, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  if (err || (after <= 0 && offset >= *total)) return nerr_pass(err);
  moderation_list_stmt(queue, status, offset, after, limit, 0, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows));
}

/* Snapshots for the audit log; FOR UPDATE so "before" is the row we change, not an older read view. */
static const char SQL_MESSAGE_SNAP[] = "SELECT id, member_id, status, reply FROM messages WHERE id = ? FOR UPDATE";
static const char SQL_REVIEW_SNAP[] = "SELECT id, product_id, status FROM reviews WHERE id = ? FOR UPDATE";
static const char SQL_CONSULT_SNAP[] =
    "SELECT id, product_id, member_id, answer FROM consultations WHERE id = ? FOR UPDATE";
static const char SQL_MESSAGE_SET[] = "UPDATE messages SET status = COALESCE(?, status), reply = COALESCE(?, reply),"
                                      " replied_at = IF(? IS NULL, replied_at, NOW()) WHERE id = ?";
static const char SQL_REVIEW_SET[] = "UPDATE reviews SET status = ? WHERE id = ?";
static const char SQL_CONSULT_SET[] = "UPDATE consultations SET answer = ?, answered_at = NOW() WHERE id = ?";

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
