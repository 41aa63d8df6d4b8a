/* data_cache.h: per-process copies of storefront database reads (HDF subtrees), keyed by text, dropped when the
 * catalog generation moves or after DATA_CACHE_TTL seconds */
#ifndef MALL_DATA_CACHE_H
#define MALL_DATA_CACHE_H
#include "neo.h"

#define DATA_CACHE_TTL 10 /* seconds, like the page cache: stock and review counts may lag this much */

/* The cached data of key, or NULL (never cached, evicted, stale). Owned by the cache: copy out, do not keep. */
HDF *data_cache_get(const char *key);
/* Keeps *d under key, read at catalog generation gen (taken before the reads), and sets *d to NULL; a key too long
 * to keep leaves *d with the caller — so callers use d through another pointer and hdf_destroy(d) afterwards. */
void data_cache_put(const char *key, HDF **d, unsigned long long gen);
/* Copies every top-level node of d into dst. */
NEOERR *data_cache_copy(HDF *dst, HDF *d);

#endif
