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
/* Like data_cache_copy, without copying: each top-level node of d that dst lacks is lent to dst (a node of the same
 * name whose children are d's), the rest are copied. Lent nodes are read-only for the request: a write beneath one
 * would change the cached data. d (and anything data_cache_put evicts meanwhile) stays alive until
 * data_cache_return, which must run before dst is destroyed. Copying a product page's reads cost more than
 * rendering its cards. */
NEOERR *data_cache_lend(HDF *dst, HDF *d);
/* Takes back every lent node (they are empty again) and frees the trees evicted while lent. */
void data_cache_return(void);

#endif
