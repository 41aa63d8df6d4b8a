/* db.h: MariaDB Connector/C wrapper — prepared statements cached by text, rows into HDF or typed variables, retrying transactions */
#ifndef MALL_DB_H
#define MALL_DB_H
#include "neo.h"
#include <mysql.h>

/* One bound parameter. Build with DI(), DS(), DNULL. */
typedef struct {
  enum { DBP_INT, DBP_STR, DBP_NULL } type;
  long long i;
  const char *s;
} dbp;
#define DI(x) ((dbp){.type = DBP_INT, .i = (long long)(x)})
#define DS(x) ((dbp){.type = DBP_STR, .s = (x)})
#define DNULL ((dbp){.type = DBP_NULL})
/* DBA(p1, p2, ...) expands to "array, count" for the helpers below. */
#define DBA(...) (dbp[]){__VA_ARGS__}, (int)(sizeof((dbp[]){__VA_ARGS__}) / sizeof(dbp))
#define DB_NOARGS NULL, 0

extern NERR_TYPE NERR_SQL;       /* any database failure */
extern NERR_TYPE NERR_SQL_RETRY; /* deadlock / lock wait timeout / record changed: retry the transaction */

NEOERR *db_init_errors(void);
/* Opens (or returns) this process's connection. */
NEOERR *db_connect(MYSQL **out);
void db_close(void);
/* How many times this process renewed a connection that died under it (a database restart or failover). */
long long db_reconnects(void);
/* Transactions this process ran again after error 1213 (an InnoDB deadlock, or a Galera certification conflict). */
long long db_conflicts(void);
/* Seconds a statement's reply may take before the connection counts as lost (the FastCGI programs set it). */
void db_set_read_timeout(unsigned int seconds);
/* Statements are identified by their text: any text, static or built in a buffer, is safe. Each process
 * prepares a statement once and keeps it in a cache keyed by the whole text (hashed, then compared; the
 * cache holds its own copy), never by the text's address. The cache holds DB_STMT_CACHE statements — every
 * statement the programs have, with room to spare — and beyond that closes the least recently used one at a
 * time; a lost connection (db_close) drops them all. A statement that binds a different number of parameters
 * than it has is an error. */
#define DB_STMT_CACHE 1024
/* For tests: statements in the cache now, and prepares since the process started. */
void db_stmt_cache_stats(int *held, long long *prepares);

/* Executes a statement; affected rows and insert id are optional outputs. */
NEOERR *db_exec(MYSQL *db, const char *sql, const dbp *p, int n, long long *affected, long long *insert_id);
/* Inside db_tx, a write whose only check is its affected row count: sent without waiting for the answer, which is
 * read (and the count checked against expect) with the next statement's or before COMMIT — so a run of such writes
 * costs one round trip. A wrong count or an error is returned by the call that reads it (the transaction rolls
 * back). The statement must carry DB_IN_TX in its WHERE (an INSERT: INSERT … SELECT … FROM DUAL WHERE DB_IN_TX):
 * should an earlier one in the run lose a deadlock, InnoDB rolls the transaction back and the ones already sent
 * behind it change nothing instead of committing on their own. A statement that carries it may also go out behind
 * the run before its answers are read. Outside a transaction: db_exec and the same check, at once. */
#define DB_IN_TX "@@in_transaction = 1"
#define DB_ANY_ROWS -1 /* expect: at least one row (an upsert reports 1 or 2) */
NEOERR *db_exec_pipelined(MYSQL *db, const char *sql, const dbp *p, int n, long long expect);
/* The same for a write whose count decides what comes next, once the caller has sent what may ride behind it: the
 * count lands in *affected (-1 until then) when the next statement's call (or db_settle) reads the answers. */
NEOERR *db_exec_deferred(MYSQL *db, const char *sql, const dbp *p, int n, long long *affected);
/* db_exec_deferred for an INSERT whose generated id is wanted: *insert_id is set with the count (0 until then). */
NEOERR *db_exec_deferred_id(MYSQL *db, const char *sql, const dbp *p, int n, long long *affected, long long *insert_id);
/* Reads every answer still owed (no-op when none). */
NEOERR *db_settle(MYSQL *db);
/* Runs a query and copies each row to HDF as prefix.<row>.<column> (all values as strings;
 * NULL columns are left unset). *rows gets the row count when not NULL. */
NEOERR *db_query_hdf(MYSQL *db, HDF *out, const char *prefix, const char *sql, const dbp *p, int n, int *rows);
/* One row's columns straight under prefix (prefix.col, not prefix.0.col); *found = 1 when exactly one row came. */
NEOERR *db_query_hdf_one(MYSQL *db, HDF *out, const char *prefix, const char *sql, const dbp *p, int n, int *found);
/* First column of the first row as an integer; *found = 0 when no row or NULL. */
NEOERR *db_query_ll(MYSQL *db, const char *sql, const dbp *p, int n, long long *value, int *found);
/* First column of the first row copied into buf (size len); *found as above. */
NEOERR *db_query_str(MYSQL *db, const char *sql, const dbp *p, int n, char *buf, size_t len, int *found);

/* ---- Typed rows: domain decisions read columns straight into C variables (kcgi's db_user_fill) ----
 * HDF (db_query_hdf) is for what a page only shows. Whatever decides — a limit, an amount, a balance, stock, a
 * state, an id that is written elsewhere — is read with these. One spec per result column, in order:
 *
 *   long long stock = 0, limit = 0;
 *   char type[16];
 *   int found = 0;
 *   err = db_row(db, "SELECT stock, per_member_limit, type FROM products WHERE id = ?", DBA(DI(id)),
 *                DCOLS(DCOL_LL(&stock), DCOL_LL(&limit), DCOL_STR(type)), &found);
 *
 * Strict on purpose; each of these is an error (NERR_ASSERT), never a silent 0:
 *  - the statement returns more or fewer columns than specs are given;
 *  - a number spec (DBC_LL, DBC_INT) on a column that is not a whole number in the result metadata (text,
 *    dates, floats, decimals with a fraction); an int spec on a value outside int;
 *  - a string longer than its buffer (size - 1 bytes and the NUL);
 *  - SQL NULL in a column without a null flag (with one: *null = 1 and the value reads 0 / "").
 * Ids, amounts and points are long long (DBC_LL); DBC_INT is for small counts and flags. */
typedef enum { DBC_LL, DBC_INT, DBC_STR } dbc_type;
typedef struct {
  dbc_type type;
  void *ptr;   /* long long *, int *, or a char buffer */
  size_t size; /* DBC_STR: the buffer's size */
  int *null;   /* optional: set to 1 for SQL NULL, 0 otherwise */
} dbc;
/* Spec builders: the compiler refuses a variable of the wrong type, and DCOL_STR a pointer instead of an array
 * (use {DBC_STR, p, size} for a buffer known only by pointer). */
#define DCOL_LL(p) ((dbc){DBC_LL, (1 ? (p) : (long long *)0), 0, NULL})
#define DCOL_INT(p) ((dbc){DBC_INT, (1 ? (p) : (int *)0), 0, NULL})
#define DCOL_STR(a) ((dbc){DBC_STR, (a), DB_ARRAY_SIZE(a), NULL})
#define DCOL_LL_N(p, isnull) ((dbc){DBC_LL, (1 ? (p) : (long long *)0), 0, (1 ? (isnull) : (int *)0)})
#define DCOL_INT_N(p, isnull) ((dbc){DBC_INT, (1 ? (p) : (int *)0), 0, (1 ? (isnull) : (int *)0)})
#define DCOL_STR_N(a, isnull) ((dbc){DBC_STR, (a), DB_ARRAY_SIZE(a), (1 ? (isnull) : (int *)0)})
#define DB_ARRAY_SIZE(a)                                                                                               \
  (sizeof(a) + 0 * sizeof(char[1 - 2 * __builtin_types_compatible_p(__typeof__(a), __typeof__(&(a)[0]))]))
/* Bytes a VARCHAR(n) / CHAR(n) column of utf8mb4 text needs in a DBC_STR buffer, with the NUL. */
#define DB_VARCHAR(n) ((n)*4 + 1)
/* DCOLS(spec, spec, ...) expands to "array, count", like DBA. */
#define DCOLS(...) (dbc[]){__VA_ARGS__}, (int)(sizeof((dbc[]){__VA_ARGS__}) / sizeof(dbc))

/* At most one row into the specs' variables (zeroed first). *found = 0 when there is none; more than one row
 * is an error. found NULL: exactly one row is expected (an aggregate), none is an error too. */
NEOERR *db_row(MYSQL *db, const char *sql, const dbp *p, int n, const dbc *c, int nc, int *found);
/* Every row into an array of structs: the specs (and their null flags) point into element 0, and row i is
 * read stride * i bytes further (stride = sizeof element). More than max rows is an error before any row is
 * read. *rows gets the count. */
NEOERR *db_rows(MYSQL *db, const char *sql, const dbp *p, int n, const dbc *c, int nc, size_t stride, int max,
                int *rows);
/* Row by row: fn(ctx, row) runs once each row is in the specs' variables; an error from fn stops the loop and
 * is returned. The rows are read into the client first, so fn may run other statements (even this one). */
typedef NEOERR *(*db_row_fn)(void *ctx, int row);
NEOERR *db_each(MYSQL *db, const char *sql, const dbp *p, int n, const dbc *c, int nc, db_row_fn fn, void *ctx,
                int *rows);
/* A 64-bit integer from an HDF value (a row db_query_hdf put there for a page, User.Points): def when absent or
 * not a whole decimal number. For page flow and totals a page shows — never hdf_get_int_value (an int) for
 * ids, amounts or points; domain decisions read typed rows above. */
long long db_hdf_ll(HDF *h, const char *name, long long def);

/* Runs fn inside START TRANSACTION … COMMIT; on 1213/1205/1020 rolls back and runs it again
 * (up to 8 times, with a short random backoff). Any other error rolls back and is returned.
 * Called inside another db_tx, fn joins the outer transaction under a savepoint: a failing fn leaves
 * nothing behind, and the outer db_tx commits, retries or rolls back the whole. */
typedef NEOERR *(*db_tx_fn)(MYSQL *db, void *arg);
NEOERR *db_tx(MYSQL *db, db_tx_fn fn, void *arg);
/* Inside db_tx: the transaction changed what per-process caches hold. The row of cache_generations (generations.h)
 * is raised just before COMMIT, in the same transaction (a rollback raises nothing), and this machine's generations
 * file after it; outside a transaction both at once. */
void db_tx_touch_generation(int row);
/* Every cached session is read again (a change touching many principals at once). */
void db_tx_touch_accounts(void);
/* A principal's session ended or its status changed: its cached sessions (and its slot's) are read again. */
void db_tx_touch_sessions(long long principal_id);
/* The open transaction changed this principal's header data (a balance, the cart): its caches go. */
void db_tx_touch_principal(long long principal_id);
/* For a transaction's last write, to raise the generation row in the same statement instead of one of its own
 * before COMMIT: the one row the open transaction has touched (0: none, several, or no transaction open), the
 * expression that raises a row's counter (col: the gen column, e.g. "g.gen"), and the call that tells db_tx the
 * row is raised (a row touched after it is raised again before COMMIT, with the first). */
int db_tx_single_generation(void);
#define DB_GEN_RAISED(col) "GREATEST(" col " + 1, CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS SIGNED))"
void db_tx_generation_raised(void);
/* A whole transaction written as one stored procedure (its own START TRANSACTION … COMMIT, and a handler that rolls
 * back on any error, e.g. schema/048): one round trip. *declined is 1 when it signalled SQLSTATE 45000 — not its
 * case, nothing changed — or failed in a way that rolled it back (a deadlock lost 4 times, a lock wait), or was not
 * sent (inside a transaction; a connection found dead before it left): the caller goes its long way. A connection
 * lost under it is an error (the COMMIT may have happened). gen_row: the cache_generations row the procedure raises
 * (db_principal_generation_row), bumped on this machine after it. */
NEOERR *db_call_tx(MYSQL *db, const char *sql, const dbp *p, int n, int gen_row, int *declined);
/* The cache_generations row db_tx_touch_principal would raise for this principal. */
int db_principal_generation_row(long long principal_id);
/* How many attempts the last db_tx took (for tests). */
int db_tx_last_attempts(void);
/* How many times this process sent a statement again outside a transaction after a deadlock or lock wait. */
long long db_autocommit_retries(void);
/* Runs a fixed multi-statement SQL script (migrations and seed files only: never user data). */
NEOERR *db_run_script(MYSQL *db, const char *sql);

#endif
