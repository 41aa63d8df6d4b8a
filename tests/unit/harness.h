/* harness.h: shared helpers for the cmocka unit tests — emulated requests, cookie jar, test DB access */
#ifndef MALL_TEST_HARNESS_H
#define MALL_TEST_HARNESS_H
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "app.h"
#include "db.h"

/* One emulated HTTP response, split into status, raw header block and body. */
typedef struct {
  int status;
  char *head; /* header lines as the program wrote them */
  char *body;
} t_resp;

/* A tiny cookie jar: "name=value; name2=value2", updated from Set-Cookie headers. */
typedef struct {
  char s[2048];
} t_jar;

/* Sends one request through app_handle_emulated; jar may be NULL (no cookies sent or kept). */
void t_request(const app *a, const char *method, const char *uri, t_jar *jar, const char *body, t_resp *out);
void t_resp_free(t_resp *r);
/* Value of header name (case-insensitive) in a response, copied into buf; NULL when absent. */
const char *t_header(const t_resp *r, const char *name, char *buf, size_t len);
/* Cookie value from the jar, or NULL. */
const char *t_jar_get(const t_jar *j, const char *name, char *buf, size_t len);
void t_jar_set(t_jar *j, const char *name, const char *value);
/* The csrf hidden input's value in a page body, copied into buf; NULL when absent. */
const char *t_csrf(const t_resp *r, char *buf, size_t len);
/* Fails the test with the NEOERR's text when err is set (and frees it). */
void t_ok(NEOERR *err, const char *what);
/* The process's DB connection (same one the app uses). */
MYSQL *t_db(void);
/* The first column of sql's first row as a number (the test fails on an error). */
long long t_one(const char *sql);
/* EXPLAIN FORMAT=JSON of a list statement: 1, with its plan printed a table a line, when it reads a real table whole
 * ("access_type": "ALL"; derived tables are fine), sorts ("filesort", unless sort_ok), or, with driving ('|'-separated
 * index name prefixes), reads its first real table through an index not named there; else 0. PLAN=1 prints a refused
 * plan whole. */
int t_plan_refused(const char *stmt, const dbp *p, int n, int sort_ok, const char *driving);

#endif
