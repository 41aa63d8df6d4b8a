/* db.c: MariaDB Connector/C wrapper — prepared statements only, results into HDF, retrying transactions */
#include "db.h"
#include "config.h"
#include "crypto.h"
#include "generations.h"
#include <errmsg.h>
#include <stdio.h>
#include <mysqld_error.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

NERR_TYPE NERR_SQL = -1;
NERR_TYPE NERR_SQL_RETRY = -1;

static MYSQL *g_db;
static int g_last_attempts;
static int g_in_tx, g_accounts_touched;
/* Principals whose header data the open transaction changed; more than fit: the accounts generation. */
static long long g_touched[8];
static int g_ntouched;

void db_tx_touch_accounts(void) {
  if (g_in_tx) g_accounts_touched = 1;
  else accounts_bump();
}

void db_tx_touch_principal(long long principal_id) {
  if (!g_in_tx) { principal_bump(principal_id); return; }
  for (int i = 0; i < g_ntouched; i++)
    if (g_touched[i] == principal_id) return;
  if (g_ntouched < (int)(sizeof g_touched / sizeof g_touched[0])) g_touched[g_ntouched++] = principal_id;
  else g_accounts_touched = 1;
}

/* After COMMIT, so no other process can cache the old values again. */
static void touched_bump(void) {
  if (g_accounts_touched) accounts_bump();
  for (int i = 0; i < g_ntouched; i++) principal_bump(g_touched[i]);
  g_accounts_touched = 0;
  g_ntouched = 0;
}

/* Statements are cached per connection: the SQL text is a static string, so its
 * address identifies it and a re-prepare on every request is avoided. */
#define STMT_CACHE 128
static struct { const char *sql; MYSQL_STMT *st; } g_cache[STMT_CACHE];

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

static int is_gone_errno(unsigned int e) {
  return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == CR_CONNECTION_ERROR;
}

static void cache_clear(void) {
  for (int i = 0; i < STMT_CACHE; i++) {
    if (g_cache[i].st) mysql_stmt_close(g_cache[i].st);
    g_cache[i].sql = NULL;
    g_cache[i].st = NULL;
  }
}

void db_close(void) {
  if (!g_db) return;
  cache_clear();
  mysql_close(g_db);
  g_db = NULL;
}

NEOERR *db_connect(MYSQL **out) {
  NEOERR *err = db_init_errors();
  if (err) return nerr_pass(err);
  if (g_db) { *out = g_db; return STATUS_OK; }
  MYSQL *db = mysql_init(NULL);
  if (!db) return nerr_raise(NERR_NOMEM, "mysql_init");
  unsigned int timeout = 5;
  mysql_optionsv(db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  mysql_optionsv(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  if (!mysql_real_connect(db, NULL, g_cfg.db_user, g_cfg.db_pass, g_cfg.db_name, 0, g_cfg.db_socket, CLIENT_MULTI_STATEMENTS)) {
    err = nerr_raise(NERR_SQL, "connect: %s", mysql_error(db));
    mysql_close(db);
    return err;
  }
  /* Per-day rules and timestamps use the mall's time zone. */
  MYSQL_STMT *st = mysql_stmt_init(db);
  static const char set_tz[] = "SET time_zone = ?";
  MYSQL_BIND b;
  memset(&b, 0, sizeof b);
  b.buffer_type = MYSQL_TYPE_STRING;
  b.buffer = (void *)g_cfg.tz;
  b.buffer_length = strlen(g_cfg.tz);
  if (!st || mysql_stmt_prepare(st, set_tz, sizeof set_tz - 1) || mysql_stmt_bind_param(st, &b) || mysql_stmt_execute(st)) {
    err = nerr_raise(NERR_SQL, "set time_zone: %s", st ? mysql_stmt_error(st) : "init");
  }
  if (st) mysql_stmt_close(st);
  if (err) { mysql_close(db); return err; }
  g_db = db;
  *out = db;
  return STATUS_OK;
}

static NEOERR *stmt_error(MYSQL_STMT *st, const char *what) {
  unsigned int e = mysql_stmt_errno(st);
  NEOERR *err = nerr_raise(is_retry_errno(e) ? NERR_SQL_RETRY : NERR_SQL, "%s: [%u] %s", what, e, mysql_stmt_error(st));
  if (is_gone_errno(e)) db_close();
  return err;
}

/* Finds or prepares the cached statement for sql, bound to params. */
static NEOERR *stmt_ready(MYSQL *db, const char *sql, const dbp *p, int n, MYSQL_STMT **out) {
  int slot = -1;
  for (int i = 0; i < STMT_CACHE; i++) {
    if (g_cache[i].sql == sql) { slot = i; break; }
    if (slot < 0 && !g_cache[i].sql) slot = i;
  }
  if (slot < 0) { cache_clear(); slot = 0; }
  MYSQL_STMT *st = g_cache[slot].sql == sql ? g_cache[slot].st : NULL;
  if (!st) {
    st = mysql_stmt_init(db);
    if (!st) return nerr_raise(NERR_NOMEM, "mysql_stmt_init");
    if (mysql_stmt_prepare(st, sql, strlen(sql))) {
      NEOERR *err = stmt_error(st, "prepare");
      mysql_stmt_close(st);
      return err;
    }
    if (g_db) { g_cache[slot].sql = sql; g_cache[slot].st = st; }
  }
  if ((int)mysql_stmt_param_count(st) != n)
    return nerr_raise(NERR_ASSERT, "statement wants %lu params, got %d", mysql_stmt_param_count(st), n);
  if (n > 0) {
    MYSQL_BIND b[n];
    unsigned long lens[n];
    my_bool nulls[n];
    memset(b, 0, sizeof b);
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
    /* bind_param copies the bind array; buffers are read at execute time, so execute here. */
    if (mysql_stmt_bind_param(st, b)) return stmt_error(st, "bind");
    if (mysql_stmt_execute(st)) return stmt_error(st, "execute");
  } else if (mysql_stmt_execute(st)) {
    return stmt_error(st, "execute");
  }
  *out = st;
  return STATUS_OK;
}

NEOERR *db_exec(MYSQL *db, const char *sql, const dbp *p, int n, long long *affected, long long *insert_id) {
  MYSQL_STMT *st = NULL;
  NEOERR *err = stmt_ready(db, sql, p, n, &st);
  if (err) return nerr_pass(err);
  if (affected) *affected = (long long)mysql_stmt_affected_rows(st);
  if (insert_id) *insert_id = (long long)mysql_stmt_insert_id(st);
  mysql_stmt_free_result(st);
  return STATUS_OK;
}

/* Fetches all rows; calls row_cb for each with string values (NULL for SQL NULL). */
typedef NEOERR *(*row_fn)(void *ctx, int row, int ncols, MYSQL_FIELD *f, char **vals);

static NEOERR *query_rows(MYSQL *db, const char *sql, const dbp *p, int n, row_fn cb, void *ctx, int *rows) {
  MYSQL_STMT *st = NULL;
  NEOERR *err = stmt_ready(db, sql, p, n, &st);
  if (err) return nerr_pass(err);
  MYSQL_RES *meta = mysql_stmt_result_metadata(st);
  if (!meta) { mysql_stmt_free_result(st); return nerr_raise(NERR_ASSERT, "query without result set"); }
  int nc = (int)mysql_num_fields(meta);
  MYSQL_FIELD *f = mysql_fetch_fields(meta);
  my_bool upd = 1;
  mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &upd);
  if (mysql_stmt_store_result(st)) { err = stmt_error(st, "store"); mysql_free_result(meta); return err; }
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
    b[i].buffer_type = MYSQL_TYPE_STRING;
    b[i].buffer = bufs[i];
    b[i].buffer_length = cap;
    b[i].length = &lens[i];
    b[i].is_null = &nulls[i];
  }
  int r = 0;
  if (mysql_stmt_bind_result(st, b)) err = stmt_error(st, "bind_result");
  while (!err) {
    int rc = mysql_stmt_fetch(st);
    if (rc == MYSQL_NO_DATA) break;
    if (rc == 1) { err = stmt_error(st, "fetch"); break; }
    for (int i = 0; i < nc; i++) {
      if (nulls[i]) { vals[i] = NULL; continue; }
      unsigned long l = lens[i] < b[i].buffer_length ? lens[i] : b[i].buffer_length - 1;
      bufs[i][l] = 0;
      vals[i] = bufs[i];
    }
    err = cb(ctx, r, nc, f, vals);
    r++;
  }
  for (int i = 0; i < nc; i++) free(bufs[i]);
  mysql_free_result(meta);
  mysql_stmt_free_result(st);
  if (rows) *rows = r;
  return nerr_pass(err);
}

struct hdf_ctx { HDF *hdf; const char *prefix; };

static NEOERR *row_to_hdf(void *ctx, int row, int nc, MYSQL_FIELD *f, char **vals) {
  struct hdf_ctx *c = ctx;
  for (int i = 0; i < nc; i++) {
    if (!vals[i]) continue;
    char key[256];
    snprintf(key, sizeof key, "%s.%d.%s", c->prefix, row, f[i].name);
    NEOERR *err = hdf_set_value(c->hdf, key, vals[i]);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

NEOERR *db_query_hdf(MYSQL *db, HDF *out, const char *prefix, const char *sql, const dbp *p, int n, int *rows) {
  struct hdf_ctx c = {out, prefix};
  return nerr_pass(query_rows(db, sql, p, n, row_to_hdf, &c, rows));
}

struct str_ctx { char *buf; size_t len; int found; };

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

static NEOERR *plain(MYSQL *db, const char *sql) {
  if (mysql_real_query(db, sql, strlen(sql))) {
    unsigned int e = mysql_errno(db);
    NEOERR *err = nerr_raise(is_retry_errno(e) ? NERR_SQL_RETRY : NERR_SQL, "%s: [%u] %s", sql, e, mysql_error(db));
    if (is_gone_errno(e)) db_close();
    return err;
  }
  return STATUS_OK;
}

int db_tx_last_attempts(void) { return g_last_attempts; }

NEOERR *db_tx(MYSQL *db, db_tx_fn fn, void *arg) {
  NEOERR *err = STATUS_OK;
  /* Nested (e.g. the back office wraps order_ship with its audit entry): join the outer transaction —
   * a second START TRANSACTION would silently commit it. A savepoint undoes the inner part when it
   * fails (a refusal after some writes must leave nothing behind); the outer db_tx retries deadlocks. */
  if (g_in_tx) {
    err = plain(db, "SAVEPOINT db_tx_nested");
    if (!err) err = fn(db, arg);
    if (err && g_db) {
      NEOERR *rb = plain(db, "ROLLBACK TO SAVEPOINT db_tx_nested");
      nerr_ignore(&rb);
    }
    return nerr_pass(err);
  }
  for (int attempt = 1; attempt <= 8; attempt++) {
    g_last_attempts = attempt;
    g_accounts_touched = 0;
    g_ntouched = 0;
    err = plain(db, "START TRANSACTION");
    g_in_tx = 1;
    if (!err) err = fn(db, arg);
    if (!err) err = plain(db, "COMMIT");
    g_in_tx = 0;
    if (!err) {
      touched_bump();
      return STATUS_OK;
    }
    /* After 1205 InnoDB keeps the transaction open: always roll back before anything else. */
    if (g_db) { NEOERR *rb = plain(db, "ROLLBACK"); nerr_ignore(&rb); }
    if (!nerr_match(err, NERR_SQL_RETRY) || attempt == 8 || !g_db) return nerr_pass(err);
    nerr_ignore(&err);
    unsigned char r;
    crypto_random(&r, 1);
    struct timespec ts = {0, (long)(1 + (r % 8)) * attempt * 1000000L};
    nanosleep(&ts, NULL);
  }
  return nerr_pass(err);
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
