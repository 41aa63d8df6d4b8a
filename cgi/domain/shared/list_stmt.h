/* list_stmt.h: list statements shaped by the filters given (so each shape can use its index), with keyset pages and
 * bounded counts — the back office's lists are built with it (DESIGN: a list's cost follows the page) */
#ifndef MALL_LIST_STMT_H
#define MALL_LIST_STMT_H
#include "db.h"

typedef struct {
  char sql[2048];
  dbp p[16];
  int n;
} list_stmt;

/* Appends SQL text (a literal: values go through list_stmt_param). */
void list_stmt_add(list_stmt *st, const char *text);
/* Appends text holding one '?' and its value. */
void list_stmt_arg(list_stmt *st, const char *text, dbp value);
/* Ends a page: "AND key < after" when after > 0, then ORDER BY key DESC LIMIT limit (and OFFSET offset without
 * after). key is the list's unique, ever-growing id column. */
void list_stmt_page(list_stmt *st, const char *key, long long offset, long long after, int limit);
/* The list's statement (count 0: cols + body, then list_stmt_page on key) or its bounded count (count 1: at most
 * cap + 1), from body (FROM … WHERE …, with its parameters). */
void list_stmt_build(list_stmt *out, const list_stmt *body, int count, long long cap, const char *cols, const char *key,
                     long long offset, long long after, int limit);
/* Ends a page in any order: " ORDER BY order_by LIMIT limit", with OFFSET offset unless seek (the caller has added
 * the keyset condition that starts the page after its cursor). */
void list_stmt_order(list_stmt *st, const char *order_by, long long offset, int seek, int limit);
/* out = cols + body (FROM … WHERE …, with its parameters): the caller then adds its keyset condition and order. */
void list_stmt_start(list_stmt *out, const list_stmt *body, const char *cols);
/* A bounded count of what body (FROM … WHERE …, with its parameters) matches: at most cap + 1. */
void list_stmt_count(list_stmt *out, const list_stmt *body, long long cap);

#endif
