/* audit_read.h: searching the audit log (read-only: nothing in the program edits or deletes entries) */
#ifndef MALL_AUDIT_READ_H
#define MALL_AUDIT_READ_H
#include "db.h"
#include "shared/list_stmt.h"

#define AUDIT_PAGE_SIZE 20
#define AUDIT_COUNT_CAP 1000   /* counts past it show as "1000+" */
#define AUDIT_OFFSET_PAGES 20 /* numbered pages; deeper ones seek (?after=<id>) */

typedef struct {
  long long admin_id;    /* 0 = any */
  const char *entity;    /* "" = any */
  long long entity_id;   /* 0 = any */
  const char *from, *to; /* "YYYY-MM-DD" inclusive, "" = open */
} audit_filter;

/* 1 when s is a real calendar date written YYYY-MM-DD. */
int audit_date_ok(const char *s);

/* One page of matching entries, newest first — from offset, or (after > 0) from the entry before id after — as
 * prefix.N.{id, admin_id, admin_name, action, entity, entity_id, ip, created_at} plus prefix.N.Diff.M.{key, before,
 * after, changed} (the union of the before and after objects' keys, values as text) and prefix.N.before_raw /
 * after_raw when a side is not a JSON object. *total counts matching entries up to AUDIT_COUNT_CAP + 1. */
NEOERR *audit_search(MYSQL *db, const audit_filter *f, long long offset, long long after, HDF *out, const char *prefix,
                     int *rows, long long *total);
/* The statements audit_search runs (count = 1: its bounded count), for the EXPLAIN test. */
void audit_search_stmt(const audit_filter *f, long long offset, long long after, int count, list_stmt *out);

/* The entity names present in the log, as prefix.N.entity (for the filter's choices). */
NEOERR *audit_entities(MYSQL *db, HDF *out, const char *prefix);

#endif
