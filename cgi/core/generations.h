/* generations.h: cache counters that invalidate per-process caches — in the database (table cache_generations, seen
 * by every app machine) and in a mapped file under var/run (this machine's processes learn of a local change at
 * once, with no query) */
#ifndef MALL_GENERATIONS_H
#define MALL_GENERATIONS_H
#include "db.h"

/* Each generation is this machine's file counter plus the database row as this process last read it; both only
 * grow, so the sum moves whenever either does. A *_bump() raises both: the row inside the open transaction (db_tx
 * raises it just before COMMIT, so a rollback raises nothing) or at once outside one, the file after the commit.
 * *_bump_local() raises the file only: for a change this process learned from the database itself. */

/* Catalog: any change the storefront shows (page caches). */
unsigned long long catalog_generation(void);
void catalog_bump(void);
void catalog_bump_local(void);
/* Accounts: every cached session at once (mallctl flush-caches, a restore, a transaction touching many principals). */
unsigned long long accounts_generation(void);
void accounts_bump(void);
/* Blacklist: an entry added or removed, a rule changed (per-process blacklist copies). */
unsigned long long blacklist_generation(void);
void blacklist_bump(void);
/* One principal's header data (a member's balance, cart count): principal_generation() is the accounts generation
 * plus the principal's slot counter (id mod GEN_MEMBER_SLOTS), which principal_bump() raises for it (and the few ids
 * sharing its slot) alone. Session caches and signed-in page caches are keyed by it. */
#define GEN_MEMBER_SLOTS 4096
unsigned long long principal_generation(long long principal_id);
unsigned long long principal_counter(long long principal_id);
void principal_bump(long long principal_id);
/* One principal's sessions: the accounts generation plus the principal's session slot, which sessions_bump() raises
 * (a sign-out, a session dropped, a freeze, a password change). A cached session is trusted only while it holds. */
unsigned long long session_generation(long long principal_id);
void sessions_bump(long long principal_id);

/* Reading the database rows. generations_sync reads the global rows and, with principal_id > 0, that principal's two
 * slots in one primary-key read (once per request and principal: a second call in the same request reads nothing).
 * generations_poll reads the global rows (and the app machines, below) at most once a second (errors are logged and ignored: the caches then
 * keep the counters last read, and the request meets the database's trouble itself). generations_request starts a
 * request. */
NEOERR *generations_sync(MYSQL *db, long long principal_id);
void generations_poll(void);
void generations_request(void);
/* The app machines (table app_nodes): generations_poll also keeps this machine's row live (joining waits 2 s) and
 * counts the others. generations_alone(): none other this second — a principal's slots need no read, this
 * machine's file has every change. generations_registered(): this process's machine is a listed machine (app
 * processes, after their poll); any other writer (mallctl) raises the accounts row instead of a principal's slots,
 * which every machine reads within a second. */
int generations_alone(void);
int generations_registered(void);
/* Records rows read elsewhere (the session read joins them): accounts and the principal's two slots. */
void generations_seen(long long accounts, long long principal_id, long long slot, long long session_slot);

/* For db.c: the row ids in cache_generations. */
enum { GEN_ROW_CATALOG = 1, GEN_ROW_ACCOUNTS = 2, GEN_ROW_BLACKLIST = 3, GEN_ROW_SLOTS = 1000, GEN_ROW_SESSIONS = 10000 };
int generations_slot_row(long long principal_id);
int generations_session_row(long long principal_id);
/* For db.c: after COMMIT, the file counter of a row the transaction raised. */
void generations_bump_local_row(int row);

#endif
