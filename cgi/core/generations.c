/* generations.c: cache counters that invalidate per-process caches — the database's rows (every machine) plus a
 * mapped file under var/run (this machine, no query) */
#include "generations.h"
#include "config.h"
#include "crypto.h"
#include "log.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The file: after the three global counters, one counter per principal slot (id modulo GEN_MEMBER_SLOTS): a balance
 * change drops only the cached pages of the principals sharing that slot; then one per session slot: a sign-out
 * drops only the cached sessions of the principals sharing that slot. */
enum {
  GEN_CATALOG,
  GEN_ACCOUNTS,
  GEN_BLACKLIST,
  GEN_MEMBERS,
  GEN_SESSIONS = GEN_MEMBERS + GEN_MEMBER_SLOTS,
  GEN_COUNT = GEN_SESSIONS + GEN_MEMBER_SLOTS
};
static volatile unsigned long long *g_gen;

/* The database's rows as this process last read them (never lower than an earlier read: a replica that lags
 * behind the last read cannot move a counter back). */
static unsigned long long g_seen[GEN_COUNT];
static time_t g_polled;                                 /* when the global rows were last read */
/* Raised when this process finds itself alone on the database: what it cached while other machines could write is
 * dropped at once (a sign-out there was never read here for a member this process did not serve meanwhile). */
static unsigned long long g_epoch;
static unsigned long long g_request = 1, g_synced_request; /* the request whose principal's slot was read */
static int g_synced_row;

static void gen_map(void) {
  if (g_gen) return;
  char path[1100];
  snprintf(path, sizeof path, "%s/run", g_cfg.var);
  mkdir(path, 0750);
  snprintf(path, sizeof path, "%s/run/generations", g_cfg.var);
  int fd = open(path, O_RDWR | O_CREAT, 0640);
  if (fd < 0) return;
  size_t len = GEN_COUNT * sizeof(unsigned long long);
  if (ftruncate(fd, (off_t)len) == 0) {
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p != MAP_FAILED) g_gen = p;
  }
  close(fd);
}

/* Without the file (unwritable var/) every read returns a new value, so caches never serve stale data. */
static unsigned long long get(int i) {
  static unsigned long long fallback;
  gen_map();
  return (g_gen ? __atomic_load_n(&g_gen[i], __ATOMIC_ACQUIRE) : ++fallback) + g_seen[i] + g_epoch;
}

static void bump(int i) {
  gen_map();
  if (g_gen) __atomic_add_fetch(&g_gen[i], 1, __ATOMIC_ACQ_REL);
}

static int member_slot(long long principal_id) {
  return GEN_MEMBERS + (int)((unsigned long long)principal_id % GEN_MEMBER_SLOTS);
}

int generations_slot_row(long long principal_id) {
  return GEN_ROW_SLOTS + (int)((unsigned long long)principal_id % GEN_MEMBER_SLOTS);
}

int generations_session_row(long long principal_id) {
  return GEN_ROW_SESSIONS + (int)((unsigned long long)principal_id % GEN_MEMBER_SLOTS);
}

/* The file counter of a database row. */
static int index_of_row(int row) {
  if (row == GEN_ROW_CATALOG) return GEN_CATALOG;
  if (row == GEN_ROW_ACCOUNTS) return GEN_ACCOUNTS;
  if (row == GEN_ROW_BLACKLIST) return GEN_BLACKLIST;
  if (row >= GEN_ROW_SLOTS && row < GEN_ROW_SLOTS + GEN_MEMBER_SLOTS) return GEN_MEMBERS + row - GEN_ROW_SLOTS;
  if (row >= GEN_ROW_SESSIONS && row < GEN_ROW_SESSIONS + GEN_MEMBER_SLOTS) return GEN_SESSIONS + row - GEN_ROW_SESSIONS;
  return -1;
}

void generations_bump_local_row(int row) {
  int i = index_of_row(row);
  if (i >= 0) bump(i);
}

unsigned long long catalog_generation(void) { return get(GEN_CATALOG); }
void catalog_bump(void) { db_tx_touch_generation(GEN_ROW_CATALOG); }
void catalog_bump_local(void) { bump(GEN_CATALOG); }
unsigned long long accounts_generation(void) { return get(GEN_ACCOUNTS); }
void accounts_bump(void) { db_tx_touch_generation(GEN_ROW_ACCOUNTS); }
unsigned long long blacklist_generation(void) { return get(GEN_BLACKLIST); }
void blacklist_bump(void) { db_tx_touch_generation(GEN_ROW_BLACKLIST); }

unsigned long long principal_counter(long long principal_id) { return get(member_slot(principal_id)); }
/* Both only grow, so their sum changes whenever either does. */
unsigned long long principal_generation(long long principal_id) {
  return get(GEN_ACCOUNTS) + principal_counter(principal_id);
}
void principal_bump(long long principal_id) { db_tx_touch_principal(principal_id); }
unsigned long long session_generation(long long principal_id) {
  return get(GEN_ACCOUNTS) + get(GEN_SESSIONS + (int)((unsigned long long)principal_id % GEN_MEMBER_SLOTS));
}
void sessions_bump(long long principal_id) { db_tx_touch_sessions(principal_id); }

/* The database's value of a row, never moving back. */
static void seen(long long row, long long value) {
  int i = index_of_row((int)row);
  if (i >= 0 && value > 0 && (unsigned long long)value > g_seen[i]) g_seen[i] = (unsigned long long)value;
}

/* ---- the app machines (table app_nodes, schema 035): alone on the database, the per-request read is skipped ---- */
enum { NODE_DEAD_MS = 30000, NODE_REJOIN_MS = 20000, NODE_REFRESH_MS = 10000, NODE_JOIN_WAIT_MS = 2000 };
static char g_node[33];           /* this machine: var/run/node-id, made once by the first process that needs it */
static int g_solo;                /* the registry read this second saw no other live machine */
static time_t g_nodes_polled;     /* the second of that read (a failed read leaves g_solo 0) */
static time_t g_ready_until;      /* this machine's row is live and joined long enough ago, until then */
static time_t g_alone_at;         /* the last read that found this machine alone */

static const char *node_id(void) {
  if (g_node[0]) return g_node;
  char path[1100], tmp[1200], hex[33];
  snprintf(path, sizeof path, "%s/run/node-id", g_cfg.var);
  for (int attempt = 0; attempt < 2 && !g_node[0]; attempt++) {
    FILE *f = fopen(path, "r");
    if (f) {
      if (fscanf(f, "%32[0-9a-f]", hex) == 1 && strlen(hex) == 32) memcpy(g_node, hex, sizeof hex);
      fclose(f);
      if (g_node[0]) break;
    }
    /* Written aside and linked into place: two processes starting at once agree on the one that linked first. */
    if (crypto_token_hex(hex, 16) != 0) break;
    snprintf(tmp, sizeof tmp, "%s.%d", path, (int)getpid());
    f = fopen(tmp, "w");
    if (!f) break;
    fprintf(f, "%s\n", hex);
    fclose(f);
    if (link(tmp, path) != 0 && errno != EEXIST) {
      unlink(tmp);
      break;
    }
    unlink(tmp);
  }
  if (!g_node[0]) snprintf(g_node, sizeof g_node, "%032x", 0u); /* unwritable var/: never alone (see node_check) */
  return g_node;
}

static const char SQL_NODES_READ[] =
    "SELECT id, gen, 0 FROM cache_generations WHERE id IN (1, 2, 3) "
    "UNION ALL SELECT -1, COUNT(*), 0 FROM app_nodes WHERE node <> ? AND seen_at > NOW(3) - INTERVAL 30 SECOND "
    "UNION ALL SELECT -2, TIMESTAMPDIFF(MICROSECOND, seen_at, NOW(3)) DIV 1000, "
    "TIMESTAMPDIFF(MICROSECOND, joined_at, NOW(3)) DIV 1000 FROM app_nodes WHERE node = ?";
/* A row older than NODE_REJOIN_MS is joined anew (others may be about to count it gone). */
static const char SQL_NODE_REFRESH[] =
    "INSERT INTO app_nodes (node, joined_at, seen_at) VALUES (?, NOW(3), NOW(3)) ON DUPLICATE KEY UPDATE "
    "joined_at = IF(seen_at < NOW(3) - INTERVAL 20 SECOND, NOW(3), joined_at), seen_at = NOW(3)";

/* Reads the global rows and the registry in one statement; keeps this machine's row live; waits out a join. Sets
 * *others to the live machines besides this one (-1 when this machine has just joined: not alone this second). */
static NEOERR *node_check(MYSQL *db, long long *others) {
  const char *node = node_id();
  struct {
    long long id, a, b;
  } r[5];
  int n = 0;
  NEOERR *err = db_rows(db, SQL_NODES_READ, DBA(DS(node), DS(node)),
                        DCOLS(DCOL_LL(&r[0].id), DCOL_LL(&r[0].a), DCOL_LL(&r[0].b)), sizeof r[0], 5, &n);
  if (err) return nerr_pass(err);
  long long seen_ms = -1, joined_ms = 0;
  *others = 0;
  for (int i = 0; i < n; i++) {
    if (r[i].id == -1) *others = r[i].a;
    else if (r[i].id == -2) seen_ms = r[i].a, joined_ms = r[i].b;
    else seen(r[i].id, r[i].a);
  }
  int joining = seen_ms < 0 || seen_ms > NODE_REJOIN_MS;
  if (joining || seen_ms > NODE_REFRESH_MS) {
    err = db_exec(db, SQL_NODE_REFRESH, DBA(DS(node)), NULL, NULL);
    if (err) return nerr_pass(err);
    if (joining) joined_ms = 0;
  }
  if (joined_ms < NODE_JOIN_WAIT_MS) {
    /* Machines alone until now read the registry once a second: after this wait none still trusts its own counters
     * alone, so nothing this machine changes can be missed there. The read above came before the join: not alone. */
    struct timespec ts = {0, 0};
    long long ms = NODE_JOIN_WAIT_MS - joined_ms;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    nanosleep(&ts, NULL);
    *others = -1;
  }
  if (!strcmp(node, "00000000000000000000000000000000")) *others = -1;
  g_ready_until = time(NULL) + (NODE_DEAD_MS - NODE_REJOIN_MS) / 2000;
  return STATUS_OK;
}

int generations_registered(void) { return time(NULL) < g_ready_until; }

int generations_alone(void) { return g_solo && g_nodes_polled == time(NULL); }

/* ---- the database's rows ---- */
/* ---- the database's rows ---- */
static const char SQL_GEN_READ[] = "SELECT id, gen FROM cache_generations WHERE id IN (1, 2, 3, ?, ?)";


void generations_request(void) { g_request++; }

NEOERR *generations_sync(MYSQL *db, long long principal_id) {
  /* Alone on the database: this machine's file already holds every change (no other machine writes). */
  if (principal_id > 0 && generations_alone()) return STATUS_OK;
  int row = principal_id > 0 ? generations_slot_row(principal_id) : GEN_ROW_CATALOG;
  if (principal_id > 0 && g_synced_request == g_request && g_synced_row == row) return STATUS_OK;
  int session_row = principal_id > 0 ? generations_session_row(principal_id) : GEN_ROW_CATALOG;
  struct {
    long long id, gen;
  } r[5];
  int n = 0;
  NEOERR *err = db_rows(db, SQL_GEN_READ, DBA(DI(row), DI(session_row)), DCOLS(DCOL_LL(&r[0].id), DCOL_LL(&r[0].gen)),
                        sizeof r[0], 5, &n);
  if (err) return nerr_pass(err);
  for (int i = 0; i < n; i++) seen(r[i].id, r[i].gen);
  g_polled = time(NULL);
  if (principal_id > 0) {
    g_synced_request = g_request;
    g_synced_row = row;
  }
  return STATUS_OK;
}

void generations_poll(void) {
  time_t now = time(NULL);
  if (now == g_nodes_polled) return;
  g_nodes_polled = now; /* a database that does not answer is asked again next second, not at every request */
  g_polled = now;
  int was = g_solo;
  g_solo = 0;
  long long others = -1;
  MYSQL *db = NULL;
  NEOERR *err = db_connect(&db);
  if (!err) err = node_check(db, &others);
  if (err) {
    log_neoerr("cache generations", &err);
    return;
  }
  now = g_nodes_polled = time(NULL); /* after a join's wait: the second the answer holds for */
  g_solo = others == 0;
  /* A machine that wrote since this process last knew itself alone is still listed (a row lives 30 s, refreshed
   * while its machine serves): only a gap longer than that margin, or others seen meanwhile, can hide its writes. */
  if (g_solo && (!was || now - g_alone_at > 10)) g_epoch++;
  if (g_solo) g_alone_at = now;
}

void generations_seen(long long accounts, long long principal_id, long long slot, long long session_slot) {
  seen(GEN_ROW_ACCOUNTS, accounts);
  seen(generations_slot_row(principal_id), slot);
  seen(generations_session_row(principal_id), session_slot);
  g_synced_request = g_request;
  g_synced_row = generations_slot_row(principal_id);
}
