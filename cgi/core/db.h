/* db.h: MariaDB Connector/C wrapper — prepared statements only, results into HDF, retrying transactions */
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
/* Executes a statement; affected rows and insert id are optional outputs. */
NEOERR *db_exec(MYSQL *db, const char *sql, const dbp *p, int n, long long *affected, long long *insert_id);
/* Runs a query and copies each row to HDF as prefix.<row>.<column> (all values as strings;
 * NULL columns are left unset). *rows gets the row count when not NULL. */
NEOERR *db_query_hdf(MYSQL *db, HDF *out, const char *prefix, const char *sql, const dbp *p, int n, int *rows);
/* First column of the first row as an integer; *found = 0 when no row or NULL. */
NEOERR *db_query_ll(MYSQL *db, const char *sql, const dbp *p, int n, long long *value, int *found);
/* First column of the first row copied into buf (size len); *found as above. */
NEOERR *db_query_str(MYSQL *db, const char *sql, const dbp *p, int n, char *buf, size_t len, int *found);

/* Runs fn inside START TRANSACTION … COMMIT; on 1213/1205/1020 rolls back and runs it again
 * (up to 8 times, with a short random backoff). Any other error rolls back and is returned.
 * Called inside another db_tx, fn joins the outer transaction under a savepoint: a failing fn leaves
 * nothing behind, and the outer db_tx commits, retries or rolls back the whole. */
typedef NEOERR *(*db_tx_fn)(MYSQL *db, void *arg);
NEOERR *db_tx(MYSQL *db, db_tx_fn fn, void *arg);
/* Inside db_tx: a member's balance or status changed; session caches are invalidated after COMMIT
 * (outside a transaction: at once). */
void db_tx_touch_accounts(void);
/* The open transaction changed this principal's header data (a balance): its caches go after COMMIT. */
void db_tx_touch_principal(long long principal_id);
/* How many attempts the last db_tx took (for tests). */
int db_tx_last_attempts(void);
/* Runs a fixed multi-statement SQL script (migrations and seed files only: never user data). */
NEOERR *db_run_script(MYSQL *db, const char *sql);

#endif
