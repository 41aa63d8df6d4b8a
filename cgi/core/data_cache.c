/* data_cache.c: per-process copies of storefront database reads, invalidated like the page cache */
#include "data_cache.h"
#include "generations.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define DATA_SLOTS 512 /* chips, filters, counts per filter, rankings per search */

static struct {
  char key[192]; /* a search's key holds its query (50 characters) */
  HDF *data;
  unsigned long long gen;
  time_t at;
} g_data[DATA_SLOTS];

static int slot_of(const char *key) {
  unsigned h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)key; *p; p++) h = (h ^ *p) * 16777619u;
  return (int)(h % DATA_SLOTS);
}

HDF *data_cache_get(const char *key) {
  int s = slot_of(key);
  if (!g_data[s].data || strcmp(g_data[s].key, key) != 0) return NULL;
  if (g_data[s].gen != catalog_generation() || time(NULL) - g_data[s].at >= DATA_CACHE_TTL) return NULL;
  return g_data[s].data;
}

/* Nodes lent to the request's HDF, and trees evicted while lent (freed by data_cache_return). */
#define LENT_MAX 32
static HDF *g_lent[LENT_MAX];
static int g_nlent;
static HDF *g_evicted[DATA_SLOTS];
static int g_nevicted;

void data_cache_put(const char *key, HDF **d, unsigned long long gen) {
  int s = slot_of(key);
  if (strlen(key) >= sizeof g_data[s].key) return; /* a cut key could meet another's data: not kept */
  if (g_nlent && g_data[s].data) { /* the old tree may be lent: freed by data_cache_return */
    if (g_nevicted == DATA_SLOTS) return; /* not kept: the caller still owns *d */
    g_evicted[g_nevicted++] = g_data[s].data;
  } else
    hdf_destroy(&g_data[s].data);
  snprintf(g_data[s].key, sizeof g_data[s].key, "%s", key);
  g_data[s].data = *d;
  g_data[s].gen = gen;
  g_data[s].at = time(NULL);
  *d = NULL;
}

NEOERR *data_cache_copy(HDF *dst, HDF *d) {
  NEOERR *err = STATUS_OK;
  for (HDF *c = hdf_obj_child(d); c && !err; c = hdf_obj_next(c)) err = hdf_copy(dst, hdf_obj_name(c), c);
  return nerr_pass(err);
}

static int is_lent(const HDF *n) {
  for (int i = 0; i < g_nlent; i++)
    if (g_lent[i] == n) return 1;
  return 0;
}

NEOERR *data_cache_lend(HDF *dst, HDF *d) {
  NEOERR *err = STATUS_OK;
  for (HDF *c = hdf_obj_child(d); c && !err; c = hdf_obj_next(c)) {
    HDF *node = hdf_get_obj(dst, hdf_obj_name(c));
    int again = node && is_lent(node); /* lent twice in one request: the later tree replaces the earlier one */
    if (!again && (node || g_nlent == LENT_MAX)) {
      err = hdf_copy(dst, hdf_obj_name(c), c); /* a copy into a lent node would write into the cache: never here */
      continue;
    }
    if (!again && (err = hdf_get_node(dst, hdf_obj_name(c), &node))) break;
    /* The node borrows c's value, children and their index; data_cache_return empties it again. */
    node->value = c->value;
    node->alloc_value = 0;
    node->child = c->child;
    node->last_child = c->last_child;
    node->last_hp = node->last_hs = NULL;
    node->hash = c->hash;
    if (!again) g_lent[g_nlent++] = node;
  }
  return nerr_pass(err);
}

void data_cache_return(void) {
  for (int i = 0; i < g_nlent; i++) {
    HDF *n = g_lent[i];
    n->value = NULL;
    n->child = n->last_child = n->last_hp = n->last_hs = NULL;
    n->hash = NULL;
  }
  g_nlent = 0;
  for (int i = 0; i < g_nevicted; i++) hdf_destroy(&g_evicted[i]);
  g_nevicted = 0;
}
