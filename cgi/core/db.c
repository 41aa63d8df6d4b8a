/* db.c: MariaDB Connector/C wrapper — prepared statements cached by text, rows into HDF or typed variables, retrying transactions */
#include "db.h"
#include "config.h"
#include "crypto.h"
#include "generations.h"
#include "log.h"
#include <errmsg.h>
#include <errno.h>
#include <limits.h>
#include <mysqld_error.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

NERR_TYPE NERR_SQL = -1;
NERR_TYPE NERR_SQL_RETRY = -1;

static MYSQL *g_db;
static int g_last_attempts;
static unsigned int g_last_errno;   /* the server's or client's error number of the last failed statement */
static unsigned int g_read_timeout; /* seconds a statement may keep us waiting (0: forever) */

void db_set_read_timeout(unsigned int seconds) { g_read_timeout = seconds; }
static int g_in_tx;
/* Rows of cache_generations the open transaction raises just before its COMMIT (generations.h); more than fit:
 * the accounts row instead of the principals' slots (balance and session slots alike: ids from GEN_ROW_SLOTS). */
static int g_touched[16];
static int g_ntouched;
static int g_raised; /* a statement of the transaction raised the touched row already (db_tx_generation_raised) */
static void gen_rows_bump_local(void);
static NEOERR *gen_rows_raise(MYSQL *db);

/* A writer that is not a listed app machine may be unknown to a machine alone on the database, which reads only
 * the global rows (each second), not the principals' slots. */
static int gen_row_writable(int row) {
  return row >= GEN_ROW_SLOTS && !generations_registered() ? GEN_ROW_ACCOUNTS : row;
}

int db_principal_generation_row(long long principal_id) { return gen_row_writable(generations_slot_row(principal_id)); }

void db_tx_touch_generation(int row) {
  row = gen_row_writable(row);
  int slots = 0;
  for (int i = 0; i < g_ntouched; i++) {
    if (g_touched[i] == row) return;
    slots += g_touched[i] >= GEN_ROW_SLOTS;
  }
  if (row >= GEN_ROW_SLOTS && slots >= 12) { /* the accounts row covers every principal */
    db_tx_touch_generation(GEN_ROW_ACCOUNTS);
    return;
  }
  g_touched[g_ntouched++] = row; /* at most 3 global rows and 12 slots */
  g_raised = 0;                  /* then all of them are raised before COMMIT */
  if (g_in_tx) return;           /* raised before COMMIT */
  /* Outside a transaction the change is committed already: raise the row now, then this machine's file. */
  NEOERR *err = g_db ? gen_rows_raise(g_db) : nerr_raise(NERR_SQL, "no connection");
  if (err) log_neoerr("cache generations (other app machines may serve stale caches)", &err);
  gen_rows_bump_local();
}

void db_tx_touch_accounts(void) { db_tx_touch_generation(GEN_ROW_ACCOUNTS); }

void db_tx_touch_principal(long long principal_id) { db_tx_touch_generation(generations_slot_row(principal_id)); }

void db_tx_touch_sessions(long long principal_id) { db_tx_touch_generation(generations_session_row(principal_id)); }

int db_tx_single_generation(void) { return g_in_tx && g_ntouched == 1 ? g_touched[0] : 0; }

void db_tx_generation_raised(void) { g_raised = g_in_tx && g_ntouched == 1; }

/* After COMMIT, so no other process of this machine can cache the old values again. */
static void gen_rows_bump_local(void) {
  for (int i = 0; i < g_ntouched; i++) generations_bump_local_row(g_touched[i]);
  g_ntouched = 0;
}

/* The statement cache (one per process, for its one connection). A statement is identified by its text,
 * never by the text's address: the cache hashes the text (FNV-1a), compares the whole text on a hit and keeps
 * its own copy, so a statement built in a buffer — or another text that later lands at the same address —
 * never runs someone else's prepared statement (DESIGN.md: anything keyed by a pointer's address). Entries
 * hang in hash chains for lookup and in one list from most to least recently used; a full cache closes its
 * least recently used statement, one at a time. */
#define STMT_BUCKETS 2048 /* a power of two, twice DB_STMT_CACHE: chains stay about one entry long */

typedef struct stmt_entry stmt_entry;
struct stmt_entry {
  stmt_entry *chain;         /* next in its hash bucket */
  stmt_entry *newer, *older; /* the recency list */
  MYSQL_STMT *st;
  uint64_t hash;
  size_t len;
  int busy;   /* its result is being read (a db_each callback may run other statements meanwhile) */
  int cached; /* in the cache; 0: a one-off, closed when its reader is done */
  char sql[]; /* the cache's own copy of the text */
};

static stmt_entry *g_bucket[STMT_BUCKETS];
static stmt_entry *g_newest, *g_oldest;
static int g_held;
static long long g_prepares;
static unsigned g_conn_gen; /* bumped when the connection goes: a reader notices that its statements died */
static unsigned int g_lost; /* the error that killed the connection, until it is renewed (0: alive) */
static int g_begin_pending; /* START TRANSACTION sent, its answer not read yet (begin_send) */
static int g_npending;      /* statements sent by db_exec_pipelined whose answers are not read yet */
static long long g_reconnects;
static void conn_lost(unsigned int e);
static int reconnect(void);

NEOERR *db_init_errors(void) {
  NEOERR *err = nerr_init();
  if (err) return nerr_pass(err);
  if (NERR_SQL == -1) err = nerr_register(&NERR_SQL, "DatabaseError");
  if (err == STATUS_OK && NERR_SQL_RETRY == -1) err = nerr_register(&NERR_SQL_RETRY, "DatabaseRetry");
  return nerr_pass(err);
}

static int is_retry_errno(unsigned int e) {
  return e == ER_LOCK_DEADLOCK || e == ER_LOCK_WAIT_TIMEOUT || e == ER_CHECKREAD;
}

/* MALL_DB_HOSTS: a cluster's nodes (Galera), tried in order starting from the one last used. */
#define DB_MAX_NODES 8
static struct {
  char host[256];
  unsigned int port;
} g_nodes[DB_MAX_NODES];
static int g_nnodes = -1;     /* -1: not parsed yet; 0: no list, the unix socket */
static int g_node;            /* the node last connected to */
static long long g_conflicts; /* transactions run again after 1213 (a deadlock, or a certification conflict) */

static int nodes_count(void) {
  if (g_nnodes >= 0) return g_nnodes;
  g_nnodes = 0;
  const char *s = g_cfg.db_hosts ? g_cfg.db_hosts : "";
  while (*s && g_nnodes < DB_MAX_NODES) {
    size_t n = strcspn(s, ",");
    char item[300];
    snprintf(item, sizeof item, "%.*s", (int)(n < sizeof item - 1 ? n : sizeof item - 1), s);
    s += n + (s[n] == ',');
    char *h = item;
    while (*h == ' ') h++;
    char *end = h + strlen(h);
    while (end > h && end[-1] == ' ') *--end = 0;
    if (!*h) continue;
    unsigned int port = 3306;
    char *colon = strrchr(h, ':');
    if (colon) {
      *colon = 0;
      port = (unsigned int)strtoul(colon + 1, NULL, 10);
    }
    snprintf(g_nodes[g_nnodes].host, sizeof g_nodes[0].host, "%s", h);
    g_nodes[g_nnodes].port = port ? port : 3306;
    g_nnodes++;
  }
  return g_nnodes;
}

/* A Galera node that is up but not part of the primary component (joining, or cut off) answers every query with
 * 1047: such a node is passed over like one that refuses. A server without wsrep has no such status: ready. */
static int node_ready(MYSQL *db) {
  if (mysql_query(db, "SHOW STATUS LIKE 'wsrep_ready'")) return 0;
  MYSQL_RES *res = mysql_store_result(db);
  if (!res) return 0;
  MYSQL_ROW row = mysql_fetch_row(res);
  int ready = !row || (row[1] && strcasecmp(row[1], "ON") == 0);
  mysql_free_result(res);
  return ready;
}

static int is_gone_errno(unsigned int e) {
  return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == CR_CONNECTION_ERROR || e == ER_CONNECTION_KILLED ||
      (e == ER_UNKNOWN_COM_ERROR && g_nnodes > 0); /* 1047: this cluster node left the primary component */
}

/* A deadlock (1213: InnoDB, or Galera's brute-force abort of a transaction another node's commit conflicts
 * with), a lock-wait timeout or a lost connection inside a transaction dooms it: the server has rolled it back (or
 * will), and a statement sent after that would run on its own, autocommitted — a caller that went on past the
 * error (a best-effort step, a retry loop) would leave half a transaction behind. So nothing more is sent until
 * db_tx rolls back and runs the transaction again. */
static unsigned int g_tx_doomed;

static void failed(unsigned int e) {
  g_last_errno = e;
  if (g_in_tx && !g_tx_doomed && (is_retry_errno(e) || is_gone_errno(e))) g_tx_doomed = e;
}

static NEOERR *tx_doomed_check(void) {
  if (!g_in_tx || !g_tx_doomed) return STATUS_OK;
  g_last_errno = g_tx_doomed;
  return nerr_raise(NERR_SQL_RETRY, "transaction rolled back after [%u]; statement not sent", g_tx_doomed);
}

/* The statement never ran: safe to send again on another connection. */
static int is_unsent_errno(unsigned int e) { return e == CR_SERVER_GONE_ERROR || e == ER_UNKNOWN_COM_ERROR; }

static void recency_unlink(stmt_entry *e) {
  if (e->newer) e->newer->older = e->older;
  else g_newest = e->older;
  if (e->older) e->older->newer = e->newer;
  else g_oldest = e->newer;
  e->newer = e->older = NULL;
}

static void recency_push(stmt_entry *e) {
  e->newer = NULL;
  e->older = g_newest;
  if (g_newest) g_newest->newer = e;
  else g_oldest = e;
  g_newest = e;
}

/* Closes the statement (after mysql_close too: Connector/C only frees it then) and frees the entry. */
static void entry_free(stmt_entry *e) {
  if (e->st) mysql_stmt_close(e->st);
  free(e);
}

/* Takes e out of the cache. One whose rows are being read stays open for its reader, who frees it. */
static void cache_drop(stmt_entry *e) {
  stmt_entry **pp = &g_bucket[e->hash & (STMT_BUCKETS - 1)];
  while (*pp != e) pp = &(*pp)->chain;
  *pp = e->chain;
  e->chain = NULL;
  recency_unlink(e);
  e->cached = 0;
  g_held--;
  if (!e->busy) entry_free(e);
}

static void cache_clear(void) {
  while (g_oldest) cache_drop(g_oldest);
}

void db_close(void) {
  if (!g_db) return;
  cache_clear();
  g_conn_gen++;
  mysql_close(g_db);
  g_db = NULL;
  g_lost = 0;
}

void db_stmt_cache_stats(int *held, long long *prepares) {
  if (held) *held = g_held;
  if (prepares) *prepares = g_prepares;
}

/* Every statement runs on this process's connection; a pointer kept from before a lost connection (db_close
 * freed it) must not reach Connector/C. */
static NEOERR *conn_check(MYSQL *db) {
  if (!db || db != g_db) return nerr_raise(NERR_SQL, "no database connection (lost earlier in this request?)");
  return STATUS_OK;
}

/* What every connection is set up with: per-day rules and timestamps use the mall's time zone. */
static NEOERR *session_setup(MYSQL *db) {
  NEOERR *err = STATUS_OK;
  MYSQL_STMT *st = mysql_stmt_init(db);
  static const char set_tz[] = "SET time_zone = ?";
  MYSQL_BIND b;
  memset(&b, 0, sizeof b);
  b.buffer_type = MYSQL_TYPE_STRING;
  b.buffer = (void *)g_cfg.tz;
  b.buffer_length = strlen(g_cfg.tz);
  if (!st || mysql_stmt_prepare(st, set_tz, sizeof set_tz - 1) || mysql_stmt_bind_param(st, &b) ||
      mysql_stmt_execute(st)) {
    err = nerr_raise(NERR_SQL, "set time_zone: %s", st ? mysql_stmt_error(st) : "init");
  }
  if (st) mysql_stmt_close(st);
  /* A table lock (metadata lock) waited for as long as a row lock, not the server's default of a year. */
  static const char lock_wait[] = "SET SESSION lock_wait_timeout = 20";
  if (!err && mysql_real_query(db, lock_wait, sizeof lock_wait - 1))
    err = nerr_raise(NERR_SQL, "set lock_wait_timeout: %s", mysql_error(db));
  return err;
}

/* The connection died under a statement (server restarted, failed over, killed it): every prepared statement
 * died with it. The handle stays — requests hold its address — until reconnect() renews it in place. */
static void conn_lost(unsigned int e) {
  g_lost = e;
  g_begin_pending = 0; /* a renewed connection owes no answer */
  g_npending = 0;
  cache_clear();
  g_conn_gen++;
}

/* A fresh connection in the same MYSQL handle (mariadb_reconnect copies the new one over it, so every pointer a
 * request holds stays good), set up as db_connect does. Never inside a transaction: that died with the
 * connection, and only db_tx may run it again. 0: connected again. */
static int reconnect_once(void) {
  my_bool on = 1, off = 0;
  /* mariadb_reconnect refuses while the dead connection looked mid-transaction, and without the option set;
   * the option is off otherwise so Connector/C never reconnects on its own, silently, without our set-up. */
  g_db->server_status &= ~SERVER_STATUS_IN_TRANS;
  mysql_optionsv(g_db, MYSQL_OPT_RECONNECT, &on);
  int rc = mariadb_reconnect(g_db);
  mysql_optionsv(g_db, MYSQL_OPT_RECONNECT, &off);
  NEOERR *err;
  if (rc) err = nerr_raise(NERR_SQL, "reconnect: [%u] %s", mysql_errno(g_db), mysql_error(g_db));
  else if (g_nnodes > 0 && !node_ready(g_db)) err = nerr_raise(NERR_SQL, "reconnect: node not ready (wsrep)");
  else err = session_setup(g_db);
  if (err) {
    log_neoerr("db reconnect", &err);
    return -1;
  }
  return 0;
}

static int reconnect(void) {
  if (!g_db || g_in_tx) return -1;
  cache_clear();
  g_conn_gen++;
  int ok = -1;
  if (nodes_count() == 0) {
    ok = reconnect_once();
  } else {
    /* mariadb_reconnect dials the handle's own host and port (mysql->host, mysql->port, copied from the last
     * connect): pointing them at the next node makes it fail over in place, every pointer a request holds intact. */
    for (int i = 0; i < g_nnodes && ok != 0; i++) {
      int k = (g_node + i) % g_nnodes;
      char *host = strdup(g_nodes[k].host);
      if (!host) break;
      free(g_db->host);
      g_db->host = host;
      g_db->port = g_nodes[k].port;
      ok = reconnect_once();
      if (ok == 0) {
        if (k != g_node) log_error("db: failed over to node %s:%u", g_nodes[k].host, g_nodes[k].port);
        g_node = k;
      }
    }
  }
  if (ok != 0) return -1;
  g_lost = 0;
  g_reconnects++;
  return 0;
}

long long db_reconnects(void) { return g_reconnects; }
long long db_conflicts(void) { return g_conflicts; }

/* A fresh connection: the unix socket, or the first cluster node (from the one last used) that takes it. */
static NEOERR *connect_fresh(MYSQL **out) {
  NEOERR *err = STATUS_OK;
  int n = nodes_count();
  for (int i = 0; i < (n ? n : 1); i++) {
    int k = n ? (g_node + i) % n : 0;
    MYSQL *db = mysql_init(NULL);
    if (!db) return nerr_raise(NERR_NOMEM, "mysql_init");
    unsigned int timeout = 5;
    mysql_optionsv(db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_optionsv(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    /* A reply that never comes (a Galera node leaving brute-force-aborted statements unanswered; once, a statement
     * kept after its rows failed to arrive — see stmt_discard) becomes a lost connection — renewed and the work retried — instead of a request hanging
     * until the server stops. MALL_DB_TIMEOUT overrides the programs' own limit; kept by mariadb_reconnect. */
    unsigned int t = g_cfg.db_timeout > 0 ? (unsigned int)g_cfg.db_timeout : g_read_timeout;
    if (t) {
      mysql_optionsv(db, MYSQL_OPT_READ_TIMEOUT, &t);
      mysql_optionsv(db, MYSQL_OPT_WRITE_TIMEOUT, &t);
    }
    nerr_ignore(&err);
    if (!mysql_real_connect(db, n ? g_nodes[k].host : NULL, g_cfg.db_user, g_cfg.db_pass, g_cfg.db_name,
                            n ? g_nodes[k].port : 0, n ? NULL : g_cfg.db_socket, CLIENT_MULTI_STATEMENTS)) {
      err = n ? nerr_raise(NERR_SQL, "connect %s:%u: %s", g_nodes[k].host, g_nodes[k].port, mysql_error(db))
              : nerr_raise(NERR_SQL, "connect: %s", mysql_error(db));
    } else if (n && !node_ready(db)) {
      err = nerr_raise(NERR_SQL, "connect %s:%u: node not ready (wsrep)", g_nodes[k].host, g_nodes[k].port);
    } else {
      err = session_setup(db);
    }
    if (!err) {
      if (n && k != g_node) log_error("db: connected to node %s:%u", g_nodes[k].host, g_nodes[k].port);
      g_node = k;
      *out = db;
      return STATUS_OK;
    }
    mysql_close(db);
  }
  return nerr_pass(err);
}

NEOERR *db_connect(MYSQL **out) {
  NEOERR *err = db_init_errors();
  if (err) return nerr_pass(err);
  /* Lost in an earlier request and not renewed since (the server was still down): try now, else start over. */
  if (g_db && g_lost && reconnect() != 0) db_close();
  if (g_db) {
    *out = g_db;
    return STATUS_OK;
  }
  MYSQL *db = NULL;
  if ((err = connect_fresh(&db))) return nerr_pass(err);
  g_db = db;
  g_lost = 0;
  *out = db;
  return STATUS_OK;
}

/* A failed statement's error: retryable or not, and the connection marked lost when it is gone. */
static NEOERR *sql_error(unsigned int e, const char *what, const char *message) {
  failed(e);
  NEOERR *err = nerr_raise(is_retry_errno(e) ? NERR_SQL_RETRY : NERR_SQL, "%s: [%u] %s", what, e, message);
  if (is_gone_errno(e)) conn_lost(e);
  return err;
}

static NEOERR *stmt_error(MYSQL_STMT *st, const char *what) {
  return sql_error(mysql_stmt_errno(st), what, mysql_stmt_error(st));
}

static NEOERR *conn_error(MYSQL *db, const char *what) { return sql_error(mysql_errno(db), what, mysql_error(db)); }

/* START TRANSACTION leaves without waiting for its answer: the transaction's first statement follows it in the same
 * round trip (Connector/C's MARIADB_OPT_SKIP_READ_RESPONSE) and the two answers are read in order. Anything else
 * sent first (a prepare, COMMIT, ROLLBACK) reads the answer before it goes (answers_settle). */
static NEOERR *begin_send(MYSQL *db) {
  NEOERR *err = conn_check(db);
  if (err) return nerr_pass(err);
  static const char begin[] = "START TRANSACTION";
  if (mysql_send_query(db, begin, sizeof begin - 1)) return conn_error(db, begin);
  g_begin_pending = 1;
  return STATUS_OK;
}

static NEOERR *begin_settle(MYSQL *db) {
  if (!g_begin_pending) return STATUS_OK;
  g_begin_pending = 0;
  if (mysql_read_query_result(db)) return conn_error(db, "START TRANSACTION");
  return STATUS_OK;
}

/* Statements db_exec_pipelined sent, in order, with the affected row count each must report. The entry is not marked
 * busy (the same text may go again behind itself); nothing evicts it before its answer is read (a prepare reads every
 * answer owed first) and a lost connection empties the queue with the cache. */
#define PIPELINE_MAX 32
static struct {
  stmt_entry *e;
  long long expect;
  long long *affected;  /* db_exec_deferred's: the count goes here, whatever it is */
  long long *insert_id; /* db_exec_deferred_id's: the id the statement generated (0 when none) */
} g_pending[PIPELINE_MAX];

/* Reads every answer the connection owes (START TRANSACTION's, then the pipelined statements'): the first error or
 * wrong count is returned, the rest are read and dropped. */
static NEOERR *answers_settle(MYSQL *db) {
  NEOERR *first = begin_settle(db);
  for (int i = 0; i < g_npending && !g_lost; i++) {
    MYSQL_STMT *st = g_pending[i].e->st;
    NEOERR *err = STATUS_OK;
    if (db->methods->db_read_execute_response(st)) {
      err = stmt_error(st, "execute (pipelined)");
    } else {
      long long got = (long long)mysql_stmt_affected_rows(st);
      if (g_pending[i].insert_id) *g_pending[i].insert_id = (long long)mysql_stmt_insert_id(st);
      if (g_pending[i].affected) *g_pending[i].affected = got;
      else if (got != g_pending[i].expect && !(g_pending[i].expect == DB_ANY_ROWS && got > 0))
        err = nerr_raise(NERR_ASSERT, "%lld rows changed where %lld were expected: %.80s", got, g_pending[i].expect,
                         g_pending[i].e->sql);
    }
    if (err && !first) first = err;
    else nerr_ignore(&err);
  }
  g_npending = 0;
  return first;
}

/* Sends a bound statement without reading its answer. */
static int send_only(MYSQL *db, MYSQL_STMT *st) {
  my_bool skip = 1;
  mysql_optionsv(db, MARIADB_OPT_SKIP_READ_RESPONSE, &skip);
  int unsent = mysql_stmt_execute(st);
  skip = 0;
  mysql_optionsv(db, MARIADB_OPT_SKIP_READ_RESPONSE, &skip);
  return unsent;
}

/* Executes a bound statement. With answers owed, it goes out behind them when that is safe — after START TRANSACTION
 * always; after pipelined statements only when it carries DB_IN_TX (one of them may have lost a deadlock, and
 * InnoDB's rollback would leave this one to run on its own) — and the owed answers are read before its own. Otherwise
 * the owed answers are read first. */
static NEOERR *execute(MYSQL *db, MYSQL_STMT *st, const char *sql) {
  if (g_npending && !strstr(sql, DB_IN_TX)) {
    NEOERR *err = answers_settle(db);
    if (err) return err;
  }
  if (!g_begin_pending && !g_npending) return mysql_stmt_execute(st) ? stmt_error(st, "execute") : STATUS_OK;
  int unsent = send_only(db, st);
  NEOERR *owed = answers_settle(db);
  if (unsent) {
    nerr_ignore(&owed);
    return stmt_error(st, "execute");
  }
  if (owed && g_lost) return owed;
  /* The statement's answer is read even after an owed one failed: the connection stays in step. (A START that fails
   * on a live connection while the statement after it succeeds is not known to happen.) */
  int failed_exec = db->methods->db_read_execute_response(st);
  if (owed) return owed;
  return failed_exec ? stmt_error(st, "execute") : STATUS_OK;
}

static uint64_t fnv1a(const char *s, size_t *len) {
  uint64_t h = 14695981039346656037ULL;
  const unsigned char *p = (const unsigned char *)s;
  for (; *p; p++) h = (h ^ *p) * 1099511628211ULL;
  *len = (size_t)(p - (const unsigned char *)s);
  return h;
}

/* The prepared statement for sql: the cached one, or a fresh prepare that joins the cache (evicting the least
 * recently used when full). The one text already being read (a db_each callback running it again) gets a
 * one-off statement of its own. Give it back with stmt_release. */
static NEOERR *stmt_get(MYSQL *db, const char *sql, stmt_entry **out) {
  *out = NULL;
  NEOERR *err = conn_check(db);
  if (!err) err = tx_doomed_check();
  if (err) return nerr_pass(err);
  size_t len;
  uint64_t h = fnv1a(sql, &len);
  stmt_entry **bucket = &g_bucket[h & (STMT_BUCKETS - 1)];
  stmt_entry *e = *bucket;
  while (e && !(e->hash == h && e->len == len && memcmp(e->sql, sql, len) == 0)) e = e->chain;
  if (e && !e->busy) {
    if (e != g_newest) {
      recency_unlink(e);
      recency_push(e);
    }
    *out = e;
    return STATUS_OK;
  }
  int cache = !e;
  e = malloc(sizeof *e + len + 1);
  if (!e) return nerr_raise(NERR_NOMEM, "statement cache");
  memset(e, 0, sizeof *e);
  e->hash = h;
  e->len = len;
  memcpy(e->sql, sql, len + 1);
  if (!(e->st = mysql_stmt_init(db))) {
    free(e);
    return nerr_raise(NERR_NOMEM, "mysql_stmt_init");
  }
  g_prepares++;
  if ((err = answers_settle(db))) {
    entry_free(e);
    return err;
  }
  if (mysql_stmt_prepare(e->st, e->sql, (unsigned long)len)) {
    err = stmt_error(e->st, "prepare");
    entry_free(e);
    return err;
  }
  if (cache && g_held >= DB_STMT_CACHE) {
    stmt_entry *old = g_oldest;
    while (old && old->busy) old = old->newer;
    if (old) cache_drop(old);
    else cache = 0; /* every one is being read: nested that deep, this one stays a one-off */
  }
  if (cache) {
    e->chain = *bucket;
    *bucket = e;
    recency_push(e);
    e->cached = 1;
    g_held++;
  }
  *out = e;
  return STATUS_OK;
}

/* The reader is done: frees the result, and a one-off (or one dropped while read) goes for good. */
static void stmt_release(stmt_entry *e) {
  if (!e) return;
  e->busy = 0;
  if (!e->cached) {
    entry_free(e);
    return;
  }
  mysql_stmt_free_result(e->st);
}

/* A statement whose rows did not all arrive — the server sent its columns, then an error (a deadlock or lock wait met
 * by a locking read while the rows were being read) — is closed, not kept: Connector/C 3.3 leaves it in a state where
 * its next execute waits for an answer that never comes, until the read timeout (seen as a sign-in hanging 30 s after
 * its throttle read lost a deadlock; tests/unit/test_db_tx.c shows it). */
static void stmt_discard(stmt_entry *e) {
  if (e->cached) cache_drop(e); /* it is busy: it stays open for stmt_release, which closes it */
  stmt_release(e);
}

/* A statement that cannot have changed anything: worth sending again on a fresh connection. */
static int sql_is_read(const char *sql) {
  while (*sql == ' ' || *sql == '\n' || *sql == '(') sql++;
  return strncasecmp(sql, "SELECT", 6) == 0 || strncasecmp(sql, "WITH", 4) == 0 || strncasecmp(sql, "SHOW", 4) == 0;
}

static NEOERR *stmt_run_once(MYSQL *db, const char *sql, const dbp *p, int n, stmt_entry **out);

/* Finds or prepares the statement for sql, binds params and executes it; marked busy until stmt_release. When the
 * connection turns out dead (a database restart since this process last used it) outside a transaction, it is
 * renewed and the statement sent once more if that is safe: a read, or anything the dead connection never sent
 * (2006 — the server was gone before the statement left). A write lost in flight (2013) is not guessed at.
 * Outside a transaction a statement that lost a deadlock or a lock wait is sent again (up to AUTOCOMMIT_TRIES in all):
 * on its own it is its whole transaction, and InnoDB rolled all of it back (seen as a 500 on /login: sign-ins from one
 * address deleting throttle events while others hold share locks on them). */
#define AUTOCOMMIT_TRIES 4
static long long g_autocommit_retries;
long long db_autocommit_retries(void) { return g_autocommit_retries; }

static NEOERR *stmt_run(MYSQL *db, const char *sql, const dbp *p, int n, stmt_entry **out) {
  NEOERR *err = stmt_run_once(db, sql, p, n, out);
  for (int tries = 1; err && !g_in_tx && tries < AUTOCOMMIT_TRIES && nerr_match(err, NERR_SQL_RETRY); tries++) {
    log_error("db: write conflict outside a transaction; statement sent again (attempt %d)", tries + 1);
    nerr_ignore(&err);
    g_autocommit_retries++;
    err = stmt_run_once(db, sql, p, n, out);
  }
  if (!err || !g_lost || g_in_tx || !(sql_is_read(sql) || is_unsent_errno(g_lost))) return err;
  unsigned int lost = g_lost;
  if (reconnect() != 0) return err;
  log_error("db: connection renewed after [%u]; statement sent again", lost);
  nerr_ignore(&err);
  return nerr_pass(stmt_run_once(db, sql, p, n, out));
}

/* Storage the bound parameters point into until the statement is sent: the caller's, so it outlives bind_params. */
#define BIND_STORE(n)                                                                                                  \
  MYSQL_BIND bind_b[(n) > 0 ? (n) : 1];                                                                                \
  unsigned long bind_lens[(n) > 0 ? (n) : 1];                                                                          \
  my_bool bind_nulls[(n) > 0 ? (n) : 1]
#define BIND_ARGS bind_b, bind_lens, bind_nulls

/* Binds the parameters: Connector/C reads the values, lengths and null flags (in p and the store) when it sends. */
static NEOERR *bind_params(MYSQL_STMT *st, const char *sql, const dbp *p, int n, MYSQL_BIND *b, unsigned long *lens,
                           my_bool *nulls) {
  if ((int)mysql_stmt_param_count(st) != n)
    return nerr_raise(NERR_ASSERT, "statement wants %lu params, got %d: %.80s", mysql_stmt_param_count(st), n, sql);
  if (n == 0) return STATUS_OK;
  memset(b, 0, sizeof *b * (size_t)n);
  for (int i = 0; i < n; i++) {
    nulls[i] = 0;
    if (p[i].type == DBP_INT) {
      b[i].buffer_type = MYSQL_TYPE_LONGLONG;
      b[i].buffer = (void *)&p[i].i;
    } else if (p[i].type == DBP_STR && p[i].s) {
      lens[i] = strlen(p[i].s);
      b[i].buffer_type = MYSQL_TYPE_STRING;
      b[i].buffer = (void *)p[i].s;
      b[i].buffer_length = lens[i];
      b[i].length = &lens[i];
    } else {
      nulls[i] = 1;
      b[i].buffer_type = MYSQL_TYPE_NULL;
    }
    b[i].is_null = &nulls[i];
  }
  return mysql_stmt_bind_param(st, b) ? stmt_error(st, "bind") : STATUS_OK;
}

static NEOERR *stmt_run_once(MYSQL *db, const char *sql, const dbp *p, int n, stmt_entry **out) {
  stmt_entry *e = NULL;
  NEOERR *err = stmt_get(db, sql, &e);
  if (err) return nerr_pass(err);
  e->busy = 1;
  MYSQL_STMT *st = e->st;
  BIND_STORE(n);
  err = bind_params(st, sql, p, n, BIND_ARGS);
  if (!err) err = execute(db, st, sql);
  if (err) {
    stmt_release(e); /* a lost connection dropped it from the cache already: then this closes it */
    return err;
  }
  *out = e;
  return STATUS_OK;
}

NEOERR *db_exec(MYSQL *db, const char *sql, const dbp *p, int n, long long *affected, long long *insert_id) {
  stmt_entry *e = NULL;
  NEOERR *err = stmt_run(db, sql, p, n, &e);
  if (err) return nerr_pass(err);
  if (affected) *affected = (long long)mysql_stmt_affected_rows(e->st);
  if (insert_id) *insert_id = (long long)mysql_stmt_insert_id(e->st);
  stmt_release(e);
  return STATUS_OK;
}

/* db_exec_pipelined's way when a statement cannot wait in the queue: at once, the same check. */
static NEOERR *exec_expect(MYSQL *db, const char *sql, const dbp *p, int n, long long expect) {
  long long got = 0;
  NEOERR *err = db_exec(db, sql, p, n, &got, NULL);
  if (!err && got != expect && !(expect == DB_ANY_ROWS && got > 0))
    err = nerr_raise(NERR_ASSERT, "%lld rows changed where %lld were expected: %.80s", got, expect, sql);
  return nerr_pass(err);
}

/* Queues a pipelined statement: the count is checked against expect, or stored in *affected (db_exec_deferred). */
static NEOERR *pipeline(MYSQL *db, const char *sql, const dbp *p, int n, long long expect, long long *affected,
                        long long *insert_id) {
  if (!strstr(sql, DB_IN_TX)) return nerr_raise(NERR_ASSERT, "pipelined without " DB_IN_TX ": %.80s", sql);
  NEOERR *err = STATUS_OK;
  if (!g_in_tx) /* nothing to save outside a transaction */
    return nerr_pass(affected ? db_exec(db, sql, p, n, affected, insert_id) : exec_expect(db, sql, p, n, expect));
  if (g_npending == PIPELINE_MAX && (err = answers_settle(db))) return err;
  stmt_entry *e = NULL;
  if ((err = stmt_get(db, sql, &e))) return nerr_pass(err);
  if (!e->cached) { /* a one-off (the cached one is being read up the stack): it could not wait in the queue */
    stmt_release(e);
    return nerr_pass(affected ? db_exec(db, sql, p, n, affected, insert_id) : exec_expect(db, sql, p, n, expect));
  }
  BIND_STORE(n);
  err = bind_params(e->st, sql, p, n, BIND_ARGS);
  if (!err && send_only(db, e->st)) err = stmt_error(e->st, "execute");
  if (err) {
    stmt_release(e);
    return err;
  }
  g_pending[g_npending].e = e;
  g_pending[g_npending].affected = affected;
  g_pending[g_npending].insert_id = insert_id;
  g_pending[g_npending++].expect = expect;
  return STATUS_OK;
}

NEOERR *db_exec_pipelined(MYSQL *db, const char *sql, const dbp *p, int n, long long expect) {
  return pipeline(db, sql, p, n, expect, NULL, NULL);
}

NEOERR *db_exec_deferred(MYSQL *db, const char *sql, const dbp *p, int n, long long *affected) {
  *affected = -1;
  return pipeline(db, sql, p, n, 0, affected, NULL);
}

NEOERR *db_exec_deferred_id(MYSQL *db, const char *sql, const dbp *p, int n, long long *affected,
                            long long *insert_id) {
  *affected = -1;
  *insert_id = 0;
  return pipeline(db, sql, p, n, 0, affected, insert_id);
}

NEOERR *db_settle(MYSQL *db) { return g_begin_pending || g_npending ? answers_settle(db) : STATUS_OK; }

/* Fetches all rows; calls row_cb for each with string values (NULL for SQL NULL). */
typedef NEOERR *(*row_fn)(void *ctx, int row, int ncols, MYSQL_FIELD *f, char **vals);

static NEOERR *query_rows(MYSQL *db, const char *sql, const dbp *p, int n, row_fn cb, void *ctx, int *rows) {
  stmt_entry *e = NULL;
  if (rows) *rows = 0;
  NEOERR *err = stmt_run(db, sql, p, n, &e);
  if (err) return nerr_pass(err);
  MYSQL_STMT *st = e->st;
  MYSQL_RES *meta = mysql_stmt_result_metadata(st);
  if (!meta) {
    stmt_release(e);
    return nerr_raise(NERR_ASSERT, "query without result set: %.80s", sql);
  }
  int nc = (int)mysql_num_fields(meta);
  MYSQL_FIELD *f = mysql_fetch_fields(meta);
  my_bool upd = 1;
  mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &upd);
  if (mysql_stmt_store_result(st)) {
    err = stmt_error(st, "store");
    mysql_free_result(meta);
    stmt_discard(e);
    return err;
  }
  MYSQL_BIND b[nc];
  unsigned long lens[nc];
  my_bool nulls[nc];
  char *bufs[nc];
  char *vals[nc];
  memset(b, 0, sizeof b);
  for (int i = 0; i < nc; i++) {
    unsigned long cap = f[i].max_length + 1;
    if (cap < 32) cap = 32;
    bufs[i] = malloc(cap);
    if (!bufs[i] && !err) err = nerr_raise(NERR_NOMEM, "row buffer");
    b[i].buffer_type = MYSQL_TYPE_STRING;
    b[i].buffer = bufs[i];
    b[i].buffer_length = bufs[i] ? cap : 0;
    b[i].length = &lens[i];
    b[i].is_null = &nulls[i];
  }
  int r = 0;
  if (!err && mysql_stmt_bind_result(st, b)) err = stmt_error(st, "bind_result");
  while (!err) {
    int rc = mysql_stmt_fetch(st);
    if (rc == MYSQL_NO_DATA) break;
    if (rc == 1) {
      err = stmt_error(st, "fetch");
      break;
    }
    for (int i = 0; i < nc; i++) {
      if (nulls[i]) {
        vals[i] = NULL;
        continue;
      }
      unsigned long l = lens[i] < b[i].buffer_length ? lens[i] : b[i].buffer_length - 1;
      bufs[i][l] = 0;
      vals[i] = bufs[i];
    }
    err = cb(ctx, r, nc, f, vals);
    r++;
  }
  for (int i = 0; i < nc; i++) free(bufs[i]);
  mysql_free_result(meta);
  stmt_release(e);
  if (rows) *rows = r;
  return nerr_pass(err);
}

struct hdf_ctx {
  HDF *hdf;
  const char *prefix;
};

static NEOERR *row_to_hdf(void *ctx, int row, int nc, MYSQL_FIELD *f, char **vals) {
  struct hdf_ctx *c = ctx;
  HDF *node = NULL; /* the row's node, found once: each column is then set by its own name, not the whole path */
  for (int i = 0; i < nc; i++) {
    if (!vals[i]) continue;
    NEOERR *err = STATUS_OK;
    if (!node) {
      char key[256];
      snprintf(key, sizeof key, "%s.%d", c->prefix, row);
      err = hdf_get_node(c->hdf, key, &node);
    }
    if (!err) err = hdf_set_value(node, f[i].name, vals[i]);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

NEOERR *db_query_hdf(MYSQL *db, HDF *out, const char *prefix, const char *sql, const dbp *p, int n, int *rows) {
  struct hdf_ctx c = {out, prefix};
  return nerr_pass(query_rows(db, sql, p, n, row_to_hdf, &c, rows));
}

NEOERR *db_query_hdf_one(MYSQL *db, HDF *out, const char *prefix, const char *sql, const dbp *p, int n, int *found) {
  int rows = 0;
  char tmp[128], from[160];
  snprintf(tmp, sizeof tmp, "%s_rows", prefix);
  NEOERR *err = db_query_hdf(db, out, tmp, sql, p, n, &rows);
  *found = rows == 1;
  if (!err && rows == 1) {
    snprintf(from, sizeof from, "%s.0", tmp);
    err = hdf_copy(out, prefix, hdf_get_obj(out, from));
  }
  if (!err) err = hdf_remove_tree(out, tmp);
  return nerr_pass(err);
}

struct str_ctx {
  char *buf;
  size_t len;
  int found;
};

static NEOERR *row_first(void *ctx, int row, int nc, MYSQL_FIELD *f, char **vals) {
  (void)f;
  struct str_ctx *c = ctx;
  if (row == 0 && nc > 0 && vals[0]) {
    snprintf(c->buf, c->len, "%s", vals[0]);
    c->found = 1;
  }
  return STATUS_OK;
}

NEOERR *db_query_str(MYSQL *db, const char *sql, const dbp *p, int n, char *buf, size_t len, int *found) {
  struct str_ctx c = {buf, len, 0};
  if (len) buf[0] = 0;
  NEOERR *err = query_rows(db, sql, p, n, row_first, &c, NULL);
  if (found) *found = c.found;
  return nerr_pass(err);
}

NEOERR *db_query_ll(MYSQL *db, const char *sql, const dbp *p, int n, long long *value, int *found) {
  char buf[32];
  int f = 0;
  NEOERR *err = db_query_str(db, sql, p, n, buf, sizeof buf, &f);
  if (err) return nerr_pass(err);
  *value = f ? strtoll(buf, NULL, 10) : 0;
  if (found) *found = f;
  return STATUS_OK;
}

/* ---- typed rows ---- */

#define TYPED_MAX_COLS 48

static int whole_number_type(const MYSQL_FIELD *f) {
  switch (f->type) {
  case MYSQL_TYPE_FLOAT:
  case MYSQL_TYPE_DOUBLE: return 0;
  case MYSQL_TYPE_DECIMAL:
  case MYSQL_TYPE_NEWDECIMAL: return f->decimals == 0;
  default: return IS_NUM(f->type);
  }
}

/* The statement's result must have exactly the columns asked for, numbers where numbers are read. */
static NEOERR *typed_check(MYSQL_STMT *st, const char *sql, const dbc *c, int nc) {
  unsigned int fc = mysql_stmt_field_count(st);
  if (fc != (unsigned)nc)
    return nerr_raise(NERR_ASSERT, "statement returns %u columns, %d are read: %.80s", fc, nc, sql);
  MYSQL_RES *meta = mysql_stmt_result_metadata(st);
  if (!meta) return nerr_raise(NERR_ASSERT, "no result metadata: %.80s", sql);
  MYSQL_FIELD *f = mysql_fetch_fields(meta);
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < nc && !err; i++) {
    if (c[i].type == DBC_STR) {
      if (!c[i].ptr || c[i].size == 0)
        err = nerr_raise(NERR_ASSERT, "column %d (%s): no buffer: %.80s", i, f[i].name, sql);
    } else if (c[i].type == DBC_LL || c[i].type == DBC_INT) {
      if (!c[i].ptr) err = nerr_raise(NERR_ASSERT, "column %d (%s): no variable: %.80s", i, f[i].name, sql);
      else if (!whole_number_type(&f[i]))
        err = nerr_raise(NERR_ASSERT, "column %d (%s) is not a whole number (type %d): %.80s", i, f[i].name,
                         (int)f[i].type, sql);
    } else {
      err = nerr_raise(NERR_ASSERT, "column %d: unknown spec type %d", i, (int)c[i].type);
    }
  }
  mysql_free_result(meta);
  return err;
}

/* Where column i of row `off` bytes past element 0 goes. */
#define AT(ptr, off) ((void *)((char *)(ptr) + (off)))

static void typed_zero(const dbc *c, int nc, size_t off) {
  for (int i = 0; i < nc; i++) {
    if (c[i].null) *(int *)AT(c[i].null, off) = 0;
    if (!c[i].ptr) continue;
    if (c[i].type == DBC_LL) *(long long *)AT(c[i].ptr, off) = 0;
    else if (c[i].type == DBC_INT) *(int *)AT(c[i].ptr, off) = 0;
    else if (c[i].size) *(char *)AT(c[i].ptr, off) = 0;
  }
}

struct typed_buf {
  MYSQL_BIND b[TYPED_MAX_COLS];
  long long ints[TYPED_MAX_COLS];
  my_bool nulls[TYPED_MAX_COLS], errs[TYPED_MAX_COLS];
  unsigned long lens[TYPED_MAX_COLS];
};

static void typed_bind(struct typed_buf *t, const dbc *c, int nc, size_t off) {
  memset(t->b, 0, sizeof t->b[0] * (size_t)nc);
  for (int i = 0; i < nc; i++) {
    MYSQL_BIND *b = &t->b[i];
    if (c[i].type == DBC_STR) {
      b->buffer_type = MYSQL_TYPE_STRING;
      b->buffer = AT(c[i].ptr, off);
      b->buffer_length = c[i].size;
    } else {
      b->buffer_type = MYSQL_TYPE_LONGLONG;
      b->buffer = c[i].type == DBC_LL ? AT(c[i].ptr, off) : (void *)&t->ints[i];
    }
    b->is_null = &t->nulls[i];
    b->error = &t->errs[i];
    b->length = &t->lens[i];
  }
}

/* After a fetch: NULLs, ranges and lengths checked; strings terminated; ints stored. */
static NEOERR *typed_settle(struct typed_buf *t, const dbc *c, int nc, size_t off, const char *sql) {
  for (int i = 0; i < nc; i++) {
    void *ptr = AT(c[i].ptr, off);
    if (t->nulls[i]) {
      if (!c[i].null) return nerr_raise(NERR_ASSERT, "column %d is NULL and has no null flag: %.80s", i, sql);
      *(int *)AT(c[i].null, off) = 1;
      if (c[i].type == DBC_LL) *(long long *)ptr = 0;
      else if (c[i].type == DBC_INT) *(int *)ptr = 0;
      else *(char *)ptr = 0;
      continue;
    }
    if (c[i].null) *(int *)AT(c[i].null, off) = 0;
    if (c[i].type == DBC_STR) {
      if (t->lens[i] >= c[i].size)
        return nerr_raise(NERR_ASSERT, "column %d: %lu bytes do not fit its buffer of %zu: %.80s", i, t->lens[i],
                          c[i].size, sql);
      ((char *)ptr)[t->lens[i]] = 0;
    } else if (t->errs[i]) {
      return nerr_raise(NERR_ASSERT, "column %d does not fit a long long: %.80s", i, sql);
    } else if (c[i].type == DBC_INT) {
      if (t->ints[i] < INT_MIN || t->ints[i] > INT_MAX)
        return nerr_raise(NERR_ASSERT, "column %d: %lld does not fit an int: %.80s", i, t->ints[i], sql);
      *(int *)ptr = (int)t->ints[i];
    }
  }
  return STATUS_OK;
}

/* The one loop behind db_row, db_rows and db_each. stride: bytes from one row's variables to the next (0: every
 * row into the same ones); max: more rows are an error before any is read (-1: no limit); fn: after each row. */
static NEOERR *typed_query(MYSQL *db, const char *sql, const dbp *p, int n, const dbc *c, int nc, size_t stride,
                           int max, db_row_fn fn, void *ctx, int *rows) {
  int r = 0;
  if (rows) *rows = 0;
  if (!c || nc < 1 || nc > TYPED_MAX_COLS) return nerr_raise(NERR_ASSERT, "%d column specs: %.80s", nc, sql);
  stmt_entry *e = NULL;
  NEOERR *err = stmt_run(db, sql, p, n, &e);
  if (err) return nerr_pass(err);
  MYSQL_STMT *st = e->st;
  err = typed_check(st, sql, c, nc);
  /* Rows are stored client side first: fn may run other statements on the connection. */
  int broken = !err && mysql_stmt_store_result(st);
  if (broken) err = stmt_error(st, "store");
  if (!err && max >= 0 && mysql_stmt_num_rows(st) > (unsigned long long)max)
    err = nerr_raise(NERR_ASSERT, "%llu rows where at most %d fit: %.80s", (unsigned long long)mysql_stmt_num_rows(st),
                     max, sql);
  struct typed_buf t;
  unsigned gen = g_conn_gen;
  while (!err) {
    size_t off = stride * (size_t)r;
    if (r == 0 || stride) {
      typed_bind(&t, c, nc, off);
      if (mysql_stmt_bind_result(st, t.b)) {
        err = stmt_error(st, "bind_result");
        break;
      }
    }
    int rc = mysql_stmt_fetch(st);
    if (rc == MYSQL_NO_DATA) break;
    if (rc == 1) {
      err = stmt_error(st, "fetch");
      break;
    }
    err = typed_settle(&t, c, nc, off, sql); /* MYSQL_DATA_TRUNCATED: it says which column */
    if (err) break;
    r++;
    if (fn) err = fn(ctx, r - 1);
    if (!err && gen != g_conn_gen) err = nerr_raise(NERR_SQL, "connection lost while reading rows: %.80s", sql);
  }
  if (broken) stmt_discard(e);
  else stmt_release(e);
  if (rows) *rows = r;
  return nerr_pass(err);
}

NEOERR *db_row(MYSQL *db, const char *sql, const dbp *p, int n, const dbc *c, int nc, int *found) {
  int rows = 0;
  if (found) *found = 0;
  if (c) typed_zero(c, nc, 0);
  NEOERR *err = typed_query(db, sql, p, n, c, nc, 0, 1, NULL, NULL, &rows);
  if (err) return nerr_pass(err);
  if (found) *found = rows == 1;
  else if (rows != 1) return nerr_raise(NERR_ASSERT, "no row: %.80s", sql);
  return STATUS_OK;
}

NEOERR *db_rows(MYSQL *db, const char *sql, const dbp *p, int n, const dbc *c, int nc, size_t stride, int max,
                int *rows) {
  if (max < 0 || (max > 1 && stride == 0)) return nerr_raise(NERR_ASSERT, "db_rows: max %d, stride %zu", max, stride);
  return nerr_pass(typed_query(db, sql, p, n, c, nc, stride, max, NULL, NULL, rows));
}

NEOERR *db_each(MYSQL *db, const char *sql, const dbp *p, int n, const dbc *c, int nc, db_row_fn fn, void *ctx,
                int *rows) {
  if (!fn) return nerr_raise(NERR_ASSERT, "db_each without a callback");
  return nerr_pass(typed_query(db, sql, p, n, c, nc, 0, -1, fn, ctx, rows));
}

long long db_hdf_ll(HDF *h, const char *name, long long def) {
  const char *v = hdf_get_value(h, name, NULL);
  if (!v || !*v) return def;
  char *end = NULL;
  errno = 0;
  long long x = strtoll(v, &end, 10);
  return *end || errno == ERANGE ? def : x;
}

static NEOERR *plain(MYSQL *db, const char *sql) {
  NEOERR *err = conn_check(db);
  int rollback = strcmp(sql, "ROLLBACK") == 0;
  if (!err) err = answers_settle(db);
  if (err && rollback && !g_lost)
    nerr_ignore(&err); /* what it undoes may have failed: the rollback goes all the same */
  if (!err && !rollback) err = tx_doomed_check();
  if (err) return nerr_pass(err);
  if (mysql_real_query(db, sql, strlen(sql))) return conn_error(db, sql);
  return STATUS_OK;
}

int db_tx_last_attempts(void) { return g_last_attempts; }

/* Raises the touched rows of cache_generations (in id order, as InnoDB locks them) to at least the time in
 * microseconds: a database restored from an older backup still moves every counter forward. */
static NEOERR *gen_rows_raise(MYSQL *db) {
  char sql[400];
  dbp p[sizeof g_touched / sizeof g_touched[0]];
  int rows[sizeof g_touched / sizeof g_touched[0]], n = g_ntouched;
  memcpy(rows, g_touched, sizeof rows);
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && rows[j - 1] > rows[j]; j--) {
      int t = rows[j];
      rows[j] = rows[j - 1];
      rows[j - 1] = t;
    }
  int len = snprintf(sql, sizeof sql, "UPDATE cache_generations SET gen = " DB_GEN_RAISED("gen") " WHERE id IN (");
  for (int i = 0; i < n; i++) {
    len += snprintf(sql + len, sizeof sql - (size_t)len, i ? ", ?" : "?");
    p[i] = DI(rows[i]);
  }
  snprintf(sql + len, sizeof sql - (size_t)len, ")");
  return nerr_pass(db_exec(db, sql, p, n, NULL, NULL));
}

NEOERR *db_tx(MYSQL *db, db_tx_fn fn, void *arg) {
  NEOERR *err = STATUS_OK;
  /* Nested (e.g. the back office wraps order_ship with its audit entry): join the outer transaction —
   * a second START TRANSACTION would silently commit it. A savepoint undoes the inner part when it
   * fails (a refusal after some writes must leave nothing behind); the outer db_tx retries deadlocks. */
  if (g_in_tx) {
    err = plain(db, "SAVEPOINT db_tx_nested");
    if (!err) err = fn(db, arg);
    if (err && g_db && !g_tx_doomed) {
      NEOERR *rb = plain(db, "ROLLBACK TO SAVEPOINT db_tx_nested");
      nerr_ignore(&rb);
    }
    return nerr_pass(err);
  }
  int waits = 0;
  for (int attempt = 1; attempt <= 8; attempt++) {
    g_last_attempts = attempt;
    g_ntouched = 0;
    g_raised = 0;
    int committing = 0;
    g_last_errno = 0;
    g_tx_doomed = 0;
    err = begin_send(db);
    g_in_tx = 1;
    if (!err) err = fn(db, arg);
    if (!err && g_ntouched && !g_raised) err = gen_rows_raise(db); /* last: its row locks held only until COMMIT */
    if (!err) {
      committing = 1;
      err = plain(db, "COMMIT"); /* refused, unsent, when fn went on past a doomed statement */
    }
    g_in_tx = 0;
    g_tx_doomed = 0;
    if (!err) {
      gen_rows_bump_local();
      return STATUS_OK;
    }
    if (committing) gen_rows_bump_local(); /* it may have committed: better a cache dropped for nothing */
    g_ntouched = 0;                        /* rolled back: nothing changed */
    /* The connection died under the transaction, which died with it (the server rolls back a connection's open
     * transaction): run it whole again on a fresh one. Not when it died under COMMIT after the COMMIT left (2013):
     * then it may have committed, and running it again could do it twice. */
    if (g_lost && attempt < 8 && !(committing && g_lost != CR_SERVER_GONE_ERROR)) {
      unsigned int lost = g_lost;
      if (reconnect() != 0) return nerr_pass(err);
      log_error("db: connection renewed after [%u]; transaction run again", lost);
      nerr_ignore(&err);
      continue;
    }
    unsigned int why = g_last_errno;
    /* After 1205 InnoDB keeps the transaction open: always roll back before anything else. */
    if (g_db && !g_lost) {
      NEOERR *rb = plain(db, "ROLLBACK");
      nerr_ignore(&rb);
    }
    if (!nerr_match(err, NERR_SQL_RETRY) || attempt == 8 || !g_db || g_lost) return nerr_pass(err);
    /* Under Galera a write-write conflict with another node's transaction comes as 1213 at COMMIT (certification)
     * or at the next statement (brute-force abort): the same retry as an InnoDB deadlock. */
    if (why == ER_LOCK_DEADLOCK) {
      g_conflicts++;
      log_error("db: write conflict [1213] at %s, transaction run again (attempt %d)",
                committing ? "COMMIT" : "a statement", attempt + 1);
    }
    /* Deadlocks are cheap to retry; a lock held for a whole lock-wait timeout is usually still held. */
    if (why == ER_LOCK_WAIT_TIMEOUT && ++waits >= 3) return nerr_pass(err);
    nerr_ignore(&err);
    unsigned char r;
    crypto_random(&r, 1);
    struct timespec ts = {0, (long)(1 + (r % 8)) * attempt * 1000000L};
    nanosleep(&ts, NULL);
  }
  return nerr_pass(err);
}

NEOERR *db_call_tx(MYSQL *db, const char *sql, const dbp *p, int n, int gen_row, int *declined) {
  *declined = 1;
  if (g_in_tx) return STATUS_OK; /* its own START TRANSACTION would commit the open one: the long way */
  NEOERR *err = STATUS_OK;
  /* A lost deadlock rolled it back whole (its handler): sent again, like an autocommitted statement. Anything else —
   * its SQLSTATE 45000, a lock wait (the long way waits no longer than it would have) — goes the long way at once. */
  for (int tries = 0; tries < AUTOCOMMIT_TRIES; tries++) {
    nerr_ignore(&err);
    g_last_errno = 0;
    stmt_entry *e = NULL;
    err = stmt_run_once(db, sql, p, n, &e);
    if (!err) stmt_release(e);
    if (!err || g_lost || g_last_errno != ER_LOCK_DEADLOCK) break;
    g_conflicts++;
  }
  if (gen_row > 0 && (!err || g_lost)) generations_bump_local_row(gen_row); /* lost: it may have committed */
  if (!err) *declined = 0;
  if (!err) return STATUS_OK;
  if (g_lost && is_unsent_errno(g_lost) && reconnect() == 0) { /* it never left: the long way on a fresh connection */
    nerr_ignore(&err);
    return STATUS_OK;
  }
  if (g_lost || !g_db) {
    *declined = 0;
    return nerr_pass(err);
  }
  if (g_last_errno != ER_SIGNAL_EXCEPTION) log_neoerr("db_call_tx (the long way instead)", &err);
  nerr_ignore(&err);
  return STATUS_OK;
}

NEOERR *db_run_script(MYSQL *db, const char *sql) {
  NEOERR *err = plain(db, sql);
  if (err) return nerr_pass(err);
  int rc;
  do {
    MYSQL_RES *res = mysql_store_result(db);
    if (res) mysql_free_result(res);
    rc = mysql_next_result(db);
    if (rc > 0) return nerr_raise(NERR_SQL, "script: [%u] %s", mysql_errno(db), mysql_error(db));
  } while (rc == 0);
  return STATUS_OK;
}
