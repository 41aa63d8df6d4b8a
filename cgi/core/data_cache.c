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

void data_cache_put(const char *key, HDF **d, unsigned long long gen) {
  int s = slot_of(key);
  if (strlen(key) >= sizeof g_data[s].key) return; /* a cut key could meet another's data: not kept */
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
