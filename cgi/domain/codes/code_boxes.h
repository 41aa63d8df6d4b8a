/* code_boxes.h: activation by box (F5) — only codes in an active box earn; a box (a stolen pallet) is deactivated the
 * same way. Audited; one row per box is written, whatever the box holds. */
#ifndef MALL_CODE_BOXES_H
#define MALL_CODE_BOXES_H
#include "db.h"
#include "backoffice/audit.h"

#define BOXES_LIST_MAX 1000 /* box codes one request may name */

typedef enum { BOXES_OK, BOXES_UNKNOWN, BOXES_NONE_IN_RANGE } boxes_result;

/* The statements (EXPLAIN tests): [0] range activation (active ×3, batch, from, to, active), [1] is the range empty
 * (batch, from, to), [2] first page (batch, limit), [3] next page (batch, after, limit), [4] capped count (batch, cap). */
extern const char *const CODE_BOXES_SQL[5];

/* Activates (active = 1) or deactivates the named boxes of a batch (list of n codes), or every box whose code is
 * between from and to (box-code order; list NULL). A list naming an unknown box changes nothing (*res BOXES_UNKNOWN,
 * unknown gets the first few, comma-separated). *changed: boxes whose state changed. */
NEOERR *code_boxes_set(MYSQL *db, const audit_actor *who, long long batch_id, int active, const char *const *list,
                       int n, const char *from, const char *to, long long *changed, boxes_result *res, char *unknown,
                       size_t ulen);

/* Boxes of a batch in box-code order, keyset after a box code ("" = the first page): prefix.N.{id, box_code, codes,
 * active, activated_at, deactivated_at}; *more when another page follows. */
NEOERR *code_boxes_list(MYSQL *db, long long batch_id, const char *after, int limit, HDF *out, const char *prefix,
                        int *more);
/* Boxes of a batch counted up to cap + 1 (never a scan of them all), and how many of those are active. */
NEOERR *code_boxes_count(MYSQL *db, long long batch_id, long long cap, long long *boxes, long long *active);

#endif
