/* list_stmt.c: list statements shaped by the filters given, with keyset pages and bounded counts */
#include "shared/list_stmt.h"
#include <stdio.h>
#include <string.h>

void list_stmt_add(list_stmt *st, const char *text) {
  size_t len = strlen(st->sql);
  snprintf(st->sql + len, sizeof st->sql - len, "%s", text);
}

void list_stmt_arg(list_stmt *st, const char *text, dbp value) {
  list_stmt_add(st, text);
  if (st->n < (int)(sizeof st->p / sizeof st->p[0])) st->p[st->n++] = value;
}

void list_stmt_page(list_stmt *st, const char *key, long long offset, long long after, int limit) {
  char buf[160];
  if (after > 0) {
    snprintf(buf, sizeof buf, " AND %s < ?", key);
    list_stmt_arg(st, buf, DI(after));
  }
  snprintf(buf, sizeof buf, " ORDER BY %s DESC LIMIT ?", key);
  list_stmt_arg(st, buf, DI(limit));
  if (after <= 0) list_stmt_arg(st, " OFFSET ?", DI(offset));
}

void list_stmt_count(list_stmt *out, const list_stmt *body, long long cap) {
  memset(out, 0, sizeof *out);
  list_stmt_add(out, "SELECT COUNT(*) FROM (SELECT 1");
  list_stmt_add(out, body->sql);
  char buf[64];
  snprintf(buf, sizeof buf, " LIMIT %lld) bounded", cap + 1);
  list_stmt_add(out, buf);
  memcpy(out->p, body->p, sizeof out->p);
  out->n = body->n;
}

void list_stmt_build(list_stmt *out, const list_stmt *body, int count, long long cap, const char *cols, const char *key,
                     long long offset, long long after, int limit) {
  if (count) {
    list_stmt_count(out, body, cap);
    return;
  }
  memset(out, 0, sizeof *out);
  list_stmt_add(out, cols);
  list_stmt_add(out, body->sql);
  memcpy(out->p, body->p, sizeof out->p);
  out->n = body->n;
  list_stmt_page(out, key, offset, after, limit);
}

void list_stmt_order(list_stmt *st, const char *order_by, long long offset, int seek, int limit) {
  list_stmt_add(st, " ORDER BY ");
  list_stmt_add(st, order_by);
  list_stmt_arg(st, " LIMIT ?", DI(limit));
  if (!seek) list_stmt_arg(st, " OFFSET ?", DI(offset));
}

void list_stmt_start(list_stmt *out, const list_stmt *body, const char *cols) {
  memset(out, 0, sizeof *out);
  list_stmt_add(out, cols);
  list_stmt_add(out, body->sql);
  memcpy(out->p, body->p, sizeof out->p);
  out->n = body->n;
}

int id_list_en(const char *lang) { return lang && strcmp(lang, "en") == 0; }

void id_list_stmt(const id_list *l, long long arg, int count, long long cap, long long offset, long long after,
                  int limit, list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  const char *from = count && l->count ? l->count : l->from;
  if (strchr(from, '?')) list_stmt_arg(&body, from, DI(arg));
  else list_stmt_add(&body, from);
  list_stmt_build(out, &body, count, cap, l->cols, l->key, offset, after, limit);
}

NEOERR *id_list_fetch(MYSQL *db, const id_list *l, long long arg, long long cap, long long offset, long long after,
                      int limit, HDF *out, const char *prefix, int *rows, long long *total) {
  list_stmt st;
  int n = 0;
  id_list_stmt(l, arg, 1, cap, 0, 0, 0, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  if (!err && (after > 0 || offset < *total)) {
    id_list_stmt(l, arg, 0, cap, offset, after, limit, &st);
    err = db_query_hdf(db, out, prefix, st.sql, st.p, st.n, &n);
  }
  if (rows) *rows = n;
  return nerr_pass(err);
}
