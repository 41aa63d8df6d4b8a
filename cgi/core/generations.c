/* generations.c: cache counters that invalidate per-process caches — the database's rows (every machine) plus a
 * mapped file under var/run (this machine, no query) */
#include "generations.h"
#include "config.h"
#include "log.h"
#include <fcntl.h>
#include <stdio.h>
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
  return (g_gen ? __atomic_load_n(&g_gen[i], __ATOMIC_ACQUIRE) : ++fallback) + g_seen[i];
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

/* ---- the database's rows ---- */
static const char SQL_GEN_READ[] = "SELECT id, gen FROM cache_generations WHERE id IN (1, 2, 3, ?, ?)";

static void seen(long long row, long long value) {
  int i = index_of_row((int)row);
  if (i >= 0 && value > 0 && (unsigned long long)value > g_seen[i]) g_seen[i] = (unsigned long long)value;
}

void generations_request(void) { g_request++; }

NEOERR *generations_sync(MYSQL *db, long long principal_id) {
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
  if (now == g_polled) return;
  g_polled = now; /* a database that does not answer is asked again next second, not at every request */
  MYSQL *db = NULL;
  NEOERR *err = db_connect(&db);
  if (!err) err = generations_sync(db, 0);
  if (err) log_neoerr("cache generations", &err);
}

void generations_seen(long long accounts, long long principal_id, long long slot, long long session_slot) {
  seen(GEN_ROW_ACCOUNTS, accounts);
  seen(generations_slot_row(principal_id), slot);
  seen(generations_session_row(principal_id), session_slot);
  g_synced_request = g_request;
  g_synced_row = generations_slot_row(principal_id);
}
