/* members_admin.h: the back office's member pages (B6) — search, detail reads, and audited points grants and
 * deductions, freeze / unfreeze, password reset. No HTTP here. */
#ifndef MALL_MEMBERS_ADMIN_H
#define MALL_MEMBERS_ADMIN_H
#include "backoffice/audit.h"
#include "members/enterprise_scope.h"
#include "shared/list_stmt.h"

#define MEMBER_ADJUST_MAX 10000000 /* points per grant or deduction: a typo guard, not a business limit */
#define MEMBER_TEMP_PASSWORD_LEN 12

/* Every read and change below takes the reader's scope (enterprise_scope.h): a member outside it is "not found". */

/* Counts stop past this many ("1000+"); numbered pages stop at MEMBERS_ADMIN_OFFSET_PAGES, deeper ones seek. */
#define MEMBERS_ADMIN_COUNT_CAP 1000
#define MEMBERS_ADMIN_OFFSET_PAGES 20

/* q: a mobile prefix (digits) or part of a name; "" lists everyone in scope. Newest first, from offset (after 0) or
 * from the member before id after (keyset). Rows under prefix.N: id, mobile, name, status, points_balance, enterprise,
 * created_at; *total counts at most MEMBERS_ADMIN_COUNT_CAP + 1. */
NEOERR *members_admin_search(MYSQL *db, ent_scope scope, const char *q, long long offset, long long after, int limit,
                             HDF *out, const char *prefix, int *rows, long long *total);
/* The statement members_admin_search runs (count = 1: its bounded count), for the EXPLAIN test. */
void members_admin_search_stmt(const ent_scope *scope, const char *q, long long offset, long long after, int limit,
                               int count, list_stmt *out);
/* id, mobile, name, status, points_balance, enterprise, created_at, orders, sessions, default_expiry (a year on);
 * *found = 0 when unknown or out of scope. */
NEOERR *members_admin_get(MYSQL *db, ent_scope scope, long long id, HDF *out, const char *prefix, int *found);
/* Open lots, earliest expiry first: id, source, note, amount, remaining, expires_at, created_at. */
NEOERR *members_admin_lots(MYSQL *db, ent_scope scope, long long id, HDF *out, const char *prefix);
/* Ledger, newest first (the points center's columns: id, kind, amount, balance_after, note, order_no, time): limit
 * entries from offset, or (after_id > 0) older than after_id; *total counts at most POINTS_COUNT_CAP + 1. */
NEOERR *members_admin_ledger(MYSQL *db, ent_scope scope, long long id, long long offset, long long after_id, int limit,
                             HDF *out, const char *prefix, long long *total);

typedef enum {
  MADMIN_OK,
  MADMIN_NOT_FOUND,    /* no such member */
  MADMIN_INSUFFICIENT, /* deduction larger than the balance: nothing written */
  MADMIN_FROZEN,       /* points cannot be deducted from a frozen member */
  MADMIN_BAD_DATE,     /* expiry not a real date from today on */
  MADMIN_UNCHANGED,    /* already frozen / already active */
  MADMIN_BUDGET,       /* the member's enterprise has not that much budget left: nothing written */
} madmin_result;

/* Each runs in one db_tx with its audit entry (before → after status and balance). */
/* A "grant" lot of amount points expiring at the end of expires ('YYYY-MM-DD', today or later), taken from the
 * member's enterprise's budget (enterprise_budget.h) in the same transaction. */
NEOERR *members_admin_grant(MYSQL *db, ent_scope scope, const audit_actor *who, long long id, long long amount,
                            const char *expires, const char *reason, madmin_result *res);
/* An "adjust" spend from the earliest-expiring lots; refused (nothing written) beyond the balance. */
NEOERR *members_admin_deduct(MYSQL *db, ent_scope scope, const audit_actor *who, long long id, long long amount,
                             const char *reason, madmin_result *res);
/* status "frozen" ends every session of the member; "active" lets them sign in again. */
NEOERR *members_admin_set_status(MYSQL *db, ent_scope scope, const audit_actor *who, long long id, const char *status,
                                 const char *reason, madmin_result *res);
/* Stores a random temporary password, ends the member's sessions, then texts the password to the member
 * (never returned, logged or audited). *sent = 1 when the SMS driver accepted it. */
NEOERR *members_admin_reset_password(MYSQL *db, ent_scope scope, const audit_actor *who, long long id,
                                     madmin_result *res, int *sent);

#endif
