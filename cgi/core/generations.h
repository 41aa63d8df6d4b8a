/* generations.h: counters shared by every process (a mapped file) that invalidate per-process caches */
#ifndef MALL_GENERATIONS_H
#define MALL_GENERATIONS_H

/* Catalog: bumped after any change the storefront shows (page caches). */
unsigned long long catalog_generation(void);
void catalog_bump(void);
/* Accounts: bumped after a session ends or a member's header data (balance, status) changes
 * (per-process session caches). */
unsigned long long accounts_generation(void);
void accounts_bump(void);

#endif
