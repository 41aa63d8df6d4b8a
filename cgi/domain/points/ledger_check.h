/* ledger_check.h: verifies the ledger invariants I1–I6 of DESIGN.md over the whole database */
#ifndef MALL_LEDGER_CHECK_H
#define MALL_LEDGER_CHECK_H
#include "db.h"

/* Called once per check with its code ("I1" …), what it checks, and how many rows violate it
 * (-1: skipped, e.g. a table that does not exist yet). */
typedef void (*ledger_check_fn)(void *ctx, const char *code, const char *what, long long violations);

/* Runs every check inside one read-only snapshot (concurrent payments are either wholly seen or not at
 * all). *violations gets the total; 0 means the ledger is consistent. cb may be NULL. */
NEOERR *ledger_check(MYSQL *db, ledger_check_fn cb, void *ctx, long long *violations);

#endif
