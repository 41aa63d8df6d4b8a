/* audit.h: the back office's audit log — who changed what, when, before → after (B1) */
#ifndef MALL_AUDIT_H
#define MALL_AUDIT_H
#include "db.h"
#include <jansson.h>

typedef struct {
  long long id;     /* admins.id (merchant_users.id when kind is "merchant") */
  const char *name; /* admins.username ("username @ merchant" for a merchant account) */
  const char *ip;
  const char *kind; /* NULL or "admin"; "merchant" for the merchant portal */
} audit_actor;

/* Records one write, inside the caller's transaction (so the entry and the change commit together).
 * action: "create", "update", "delete", "shelve", "grant", "ship" …; entity: "product", "member" …;
 * before/after: JSON objects or NULL (borrowed, not stolen). */
NEOERR *audit_record(MYSQL *db, const audit_actor *who, const char *action, const char *entity, long long entity_id,
                     json_t *before, json_t *after);

/* Reads one row as a JSON object of strings (columns → values; SQL NULL columns left out) with a statement
 * taking one id parameter. *out is NULL when there is no such row; the caller json_decref()s it. */
NEOERR *audit_snapshot(MYSQL *db, const char *sql, long long id, json_t **out);

#endif
