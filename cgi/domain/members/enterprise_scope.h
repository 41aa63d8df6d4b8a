/* enterprise_scope.h: whose members a back-office reader may see — every enterprise, or one (B8). Every list and get of
 * members, their ledger, orders and reports takes one by value, so no such query can be written without a scope. */
#ifndef MALL_ENTERPRISE_SCOPE_H
#define MALL_ENTERPRISE_SCOPE_H
#include "db.h"

typedef struct {
  int all;       /* 1: every member (operators, finance, jobs of the whole mall) */
  char code[65]; /* otherwise: members whose members.enterprise is this code (never empty) */
} ent_scope;

/* The whole mall: for principals whose role is not bound to an enterprise. */
ent_scope ent_scope_all(void);
/* One enterprise. An empty code gives a scope that matches no member (fail closed), never "all". */
ent_scope ent_scope_of(const char *code);
/* The members.enterprise value rows are written with for this scope ("" for all). */
const char *ent_scope_code(const ent_scope *s);

/* SQL pieces that bind the scope as two parameters (all, code); ENT_ARGS(s) gives them in that order.
 * ENT_MEMBER_COL(col): col (a members.enterprise column in the query) is in scope.
 * ENT_MEMBER_ID(col): col (a member id) belongs to a member in scope. */
#define ENT_MEMBER_COL(col) " AND (? = 1 OR " col " = ?)"
#define ENT_MEMBER_ID(col) " AND (? = 1 OR " col " IN (SELECT sm.id FROM members sm WHERE sm.enterprise = ?))"
#define ENT_ARGS(s) DI((s).all), DS((s).code)

#endif
