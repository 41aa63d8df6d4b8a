/* audit_read.h: searching the audit log (read-only: nothing in the program edits or deletes entries) */
#ifndef MALL_AUDIT_READ_H
#define MALL_AUDIT_READ_H
#include "db.h"

#define AUDIT_PAGE_SIZE 20

typedef struct {
  long long admin_id;    /* 0 = any */
  const char *entity;    /* "" = any */
  long long entity_id;   /* 0 = any */
  const char *from, *to; /* "YYYY-MM-DD" inclusive, "" = open */
} audit_filter;

/* 1 when s is a real calendar date written YYYY-MM-DD. */
int audit_date_ok(const char *s);

/* One page (1-based) of matching entries, newest first, as prefix.N.{id, admin_id, admin_name, action, entity,
 * entity_id, ip, created_at} plus prefix.N.Diff.M.{key, before, after, changed} (the union of the before and
 * after objects' keys, values as text) and prefix.N.before_raw / after_raw when a side is not a JSON object.
 * *total gets the number of matching entries. */
NEOERR *audit_search(MYSQL *db, const audit_filter *f, int page, HDF *out, const char *prefix, long long *total);

/* The entity names present in the log, as prefix.N.entity (for the filter's choices). */
NEOERR *audit_entities(MYSQL *db, HDF *out, const char *prefix);

#endif
