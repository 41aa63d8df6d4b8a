/* content_admin.h: back-office content — announcements, banners, ads, activities, described by one table each (B3) */
#ifndef MALL_CONTENT_ADMIN_H
#define MALL_CONTENT_ADMIN_H
#include "neo.h"
#include <mysql.h>
#include "backoffice/audit.h"
#include "shared/list_stmt.h"

typedef enum {
  CF_STR,      /* one line of text, min..max characters */
  CF_TEXT,     /* several lines */
  CF_INT,      /* min..max */
  CF_BOOL,     /* checkbox: "1" or absent ("0") */
  CF_TIME,     /* date and time, "YYYY-MM-DD HH:MM" (a datetime-local input sends a T in the middle) */
  CF_IMAGE,    /* a local image path (/uploads/…, /img/…), or a file uploaded in <name>_file */
  CF_LINK,     /* a local path or an http(s) URL */
  CF_ENUM,     /* one of choices "a|b" */
  CF_PRODUCTS, /* activity products: ids in display order (not a column: activity_products) */
} cf_type;

typedef struct {
  const char *name;
  cf_type type;
  int required;
  long long min, max;
  const char *choices;
} content_field;

typedef struct {
  const char *entity;          /* audit entity and page name: "notice", "banner", "ad", "activity" */
  const content_field *fields; /* columns in the order the insert and update statements bind them */
  int nfields;
  const char *sql_list, *sql_count, *sql_get, *sql_insert, *sql_update, *sql_delete;
  const char *starts, *ends; /* the time window's fields (ends must come after starts), or NULL */
  int has_products;          /* the last field is CF_PRODUCTS */
  /* Optional: inside the save's transaction after the row and its audit entry; after its COMMIT. */
  NEOERR *(*after_save)(MYSQL *db, const audit_actor *who, long long id);
  NEOERR *(*after_commit)(MYSQL *db);
  /* The list's order: its columns, the id last, all descending (list_desc) or all ascending; the list statements
   * read the table's ct_list index in this order (sql_list: columns FROM table FORCE INDEX; sql_count: the FROM). */
  const char *list_order;
  int list_desc;
} content_kind;

extern const content_kind CONTENT_NOTICE, CONTENT_BANNER, CONTENT_AD, CONTENT_ACTIVITY;

#define CONTENT_MAX_PRODUCTS 60

typedef enum { CONTENT_OK, CONTENT_NOT_FOUND, CONTENT_BAD_PRODUCT } content_result;

/* Rows in the kind's order: id, title, image, info, state (live | scheduled | ended), pinned; from offset, or
 * after > 0: past that row (offset unused). *total exact up to CONTENT_LIST_COUNT_CAP, else CONTENT_LIST_COUNT_CAP + 1
 * ("1000+"); numbered pages stop at CONTENT_LIST_OFFSET_PAGES. */
#define CONTENT_LIST_COUNT_CAP 1000
#define CONTENT_LIST_OFFSET_PAGES 20
NEOERR *content_admin_list(MYSQL *db, const content_kind *k, HDF *out, const char *prefix, long long offset,
                           long long after, int limit, int *rows, long long *total);
/* A keyset cursor: the row's id and the text of its other sort columns. */
typedef struct {
  long long id;
  char key[3][40];
} content_cursor;
/* The cursor of row id (*found = 0 when it is gone). */
NEOERR *content_admin_cursor(MYSQL *db, const content_kind *k, long long id, content_cursor *cur, int *found);
/* The list's statement (count 1: its bounded count; after NULL: numbered), for content_admin_list and the EXPLAIN
 * unit test. */
void content_admin_list_stmt(const content_kind *k, long long offset, const content_cursor *after, int limit,
                             int count, list_stmt *out);
/* One row with every field as the form shows it (times as YYYY-MM-DDTHH:MM, products as "3 7 12"). */
NEOERR *content_admin_get(MYSQL *db, const content_kind *k, HDF *out, const char *prefix, long long id, int *found);

/* The database's clock (its time zone is the mall's) as form values: now, and a week later. */
NEOERR *content_admin_now(MYSQL *db, char now[32], char week[32]);

/* Field checks. 0 when fine. */
int content_check_time(const char *in, char out[32]); /* out: "YYYY-MM-DD HH:MM:SS" */
int content_check_link(const char *s);
/* "3, 7 12" → ids (no duplicates, at most max). -1 on a token that is not an id, -2 when too many. */
int content_parse_ids(const char *s, long long *ids, int max, int *n);

/* Creates (id 0) or updates one row with its audit entry in one transaction. values[i] belongs to fields[i]
 * (NULL for the CF_PRODUCTS field); *bad_product names an unknown product id. */
NEOERR *content_save(MYSQL *db, const audit_actor *who, const content_kind *k, long long id, const char *const *values,
                     const long long *products, int nproducts, content_result *res, long long *saved_id,
                     long long *bad_product);
NEOERR *content_delete(MYSQL *db, const audit_actor *who, const content_kind *k, long long id, content_result *res);

#endif
