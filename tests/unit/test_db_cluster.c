/* test_db_cluster.c: against a Galera cluster (MALL_DB_HOSTS with two or more nodes; scripts/cluster.sh runs it) —
 * a write-write conflict with another node comes back as 1213 and db_tx runs the transaction again, once, to a
 * committed result; a lost node is replaced by the next one in the list. Without MALL_DB_HOSTS it skips. */
#include "harness.h"
#include "config.h"
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_SETUP[] = "DROP TABLE IF EXISTS unit_cluster_probe;"
                                "CREATE TABLE unit_cluster_probe (id INT NOT NULL PRIMARY KEY, v INT NOT NULL) "
                                "ENGINE=InnoDB;"
                                "INSERT INTO unit_cluster_probe (id, v) VALUES (1, 0), (2, 0)";
static const char SQL_TEARDOWN[] = "DROP TABLE IF EXISTS unit_cluster_probe";
static const char SQL_ADD[] = "UPDATE unit_cluster_probe SET v = v + ? WHERE id = ?";
static const char SQL_GET[] = "SELECT v FROM unit_cluster_probe WHERE id = ?";
static const char SQL_PORT[] = "SELECT @@port";

static int g_nodes;    /* listed in MALL_DB_HOSTS */
static MYSQL *g_other; /* plain Connector/C, on a node other than the one db_connect chose */

static int listed_nodes(void) {
  const char *h = getenv("MALL_DB_HOSTS");
  if (!h || !*h) return 0;
  int n = 1;
  for (; *h; h++) n += *h == ',';
  return n;
}

/* Node i of MALL_DB_HOSTS ("host:port"), into host and port. */
static void listed_node(int i, char *host, size_t len, unsigned *port) {
  const char *h = getenv("MALL_DB_HOSTS");
  for (; i > 0 && h; i--) h = strchr(h, ',') ? strchr(h, ',') + 1 : NULL;
  assert_non_null(h);
  snprintf(host, len, "%.*s", (int)strcspn(h, ","), h);
  char *colon = strrchr(host, ':');
  assert_non_null(colon);
  *colon = 0;
  *port = (unsigned)atoi(colon + 1);
}

static long long value(int id) {
  long long v = -1;
  t_ok(db_query_ll(t_db(), SQL_GET, DBA(DI(id)), &v, NULL), "select");
  return v;
}

static int setup(void **state) {
  g_nodes = listed_nodes();
  if (g_nodes < 2) return 0;
  t_ok(db_run_script(t_db(), SQL_SETUP), "setup");
  long long mine = 0;
  t_ok(db_query_ll(t_db(), SQL_PORT, DB_NOARGS, &mine, NULL), "port");
  for (int i = 0; i < g_nodes && !g_other; i++) {
    char host[256];
    unsigned port;
    listed_node(i, host, sizeof host, &port);
    if ((long long)port == mine) continue;
    MYSQL *b = mysql_init(NULL);
    /* Causal reads on the other node: its UPDATE waits until the rows inserted above through this node are applied
     * there (under load its applier lags, and an UPDATE of rows not yet there changes nothing: no conflict at all). */
    if (mysql_real_connect(b, host, g_cfg.db_user, g_cfg.db_pass, g_cfg.db_name, port, NULL, 0) &&
        mysql_query(b, "SET SESSION wsrep_sync_wait = 15") == 0)
      g_other = b;
    else mysql_close(b);
  }
  if (!g_other) fail_msg("no second node reachable");
  return 0;
}

static int teardown(void **state) {
  if (g_nodes < 2) return 0;
  t_ok(db_exec(t_db(), SQL_TEARDOWN, DB_NOARGS, NULL, NULL), "teardown");
  if (g_other) mysql_close(g_other);
  return 0;
}

typedef struct {
  int calls;
} tx_ctx;

/* Writes row 1 on this node; on the first attempt the other node commits a write to the same row meanwhile, which
 * replicates here before this transaction commits: Galera aborts this one, 1213 at COMMIT. */
static NEOERR *tx_conflict(MYSQL *db, void *arg) {
  tx_ctx *c = arg;
  c->calls++;
  NEOERR *err = db_exec(db, SQL_ADD, DBA(DI(1), DI(2)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_ADD, DBA(DI(1), DI(1)), NULL, NULL);
  if (err) return nerr_pass(err);
  if (c->calls == 1 && mysql_query(g_other, "UPDATE unit_cluster_probe SET v = v + 10 WHERE id = 1"))
    return nerr_raise(NERR_ASSERT, "other node: %s", mysql_error(g_other));
  return STATUS_OK; /* the conflict shows at COMMIT */
}

static void test_certification_conflict_is_retried(void **state) {
  if (g_nodes < 2) skip();
  long long before = db_conflicts();
  tx_ctx c = {0};
  t_ok(db_tx(t_db(), tx_conflict, &c), "db_tx across a conflict with another node");
  print_message("attempts %d, conflicts retried %lld\n", db_tx_last_attempts(), db_conflicts() - before);
  assert_int_equal(db_tx_last_attempts(), 2);
  assert_int_equal(c.calls, 2);
  assert_int_equal(db_conflicts() - before, 1);
  /* The other node's write and this one, each exactly once. */
  assert_int_equal(value(1), 11);
  assert_int_equal(value(2), 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_certification_conflict_is_retried),
  };
  int rc = cmocka_run_group_tests_name("db_cluster", tests, setup, teardown);
  db_close();
  return rc;
}
