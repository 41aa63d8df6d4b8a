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


/* The member center's lists: counted up to CENTER_COUNT_CAP ("1000+"), numbered pages up to CENTER_OFFSET_PAGES. */
#define CENTER_COUNT_CAP 1000
#define CENTER_OFFSET_PAGES 50

/* A list newest first by one unique, ever-growing id column, whose filter needs at most one value (a member's or a
 * product's id): the member center's lists, a product's reviews, the public message wall. */
typedef struct {
  const char *cols;  /* "SELECT …" (no parameters) */
  const char *from;  /* " FROM … WHERE …" with at most one '?' (the list's arg) */
  const char *count; /* the same without the joins the count does not need (NULL: from) */
  const char *key;   /* the id column: the order (descending) and the ?after= cursor */
} id_list;
/* 1 for lang "en" (a list's English-named variant), else 0. */
int id_list_en(const char *lang);
/* The list's page (count 0: numbered pages by offset, or after > 0 the rows below that id) or its bounded count
 * (count 1: at most cap + 1). */
void id_list_stmt(const id_list *l, long long arg, int count, long long cap, long long offset, long long after,
                  int limit, list_stmt *out);
/* Runs the bounded count into *total and then, unless the page starts past it, the page into prefix.N (*rows). */
NEOERR *id_list_fetch(MYSQL *db, const id_list *l, long long arg, long long cap, long long offset, long long after,
                      int limit, HDF *out, const char *prefix, int *rows, long long *total);

#endif
