/* generations.c: counters shared by every process (a mapped file) that invalidate per-process caches */
#include "generations.h"
#include "config.h"
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* After the two global counters, one counter per member slot (member id modulo MEMBER_SLOTS): a balance
 * change drops only the cached pages and sessions of the members sharing that slot. */
#define MEMBER_SLOTS 4096
enum { GEN_CATALOG, GEN_ACCOUNTS, GEN_BLACKLIST, GEN_MEMBERS, GEN_COUNT = GEN_MEMBERS + MEMBER_SLOTS };
static volatile unsigned long long *g_gen;

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
  return g_gen ? __atomic_load_n(&g_gen[i], __ATOMIC_ACQUIRE) : ++fallback;
}

static void bump(int i) {
  gen_map();
  if (g_gen) __atomic_add_fetch(&g_gen[i], 1, __ATOMIC_ACQ_REL);
}

unsigned long long catalog_generation(void) { return get(GEN_CATALOG); }
void catalog_bump(void) { bump(GEN_CATALOG); }
unsigned long long accounts_generation(void) { return get(GEN_ACCOUNTS); }
void accounts_bump(void) { bump(GEN_ACCOUNTS); }
unsigned long long blacklist_generation(void) { return get(GEN_BLACKLIST); }
void blacklist_bump(void) { bump(GEN_BLACKLIST); }

static int member_slot(long long principal_id) {
  return GEN_MEMBERS + (int)((unsigned long long)principal_id % MEMBER_SLOTS);
}

unsigned long long principal_counter(long long principal_id) { return get(member_slot(principal_id)); }
/* Both counters only grow, so their sum changes whenever either does. */
unsigned long long principal_generation(long long principal_id) {
  return get(GEN_ACCOUNTS) + principal_counter(principal_id);
}
void principal_bump(long long principal_id) { bump(member_slot(principal_id)); }
