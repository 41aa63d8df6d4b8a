/* generations.h: counters shared by every process (a mapped file) that invalidate per-process caches */
#ifndef MALL_GENERATIONS_H
#define MALL_GENERATIONS_H

/* Catalog: bumped after any change the storefront shows (page caches). */
unsigned long long catalog_generation(void);
void catalog_bump(void);
/* Accounts: bumped after a session ends or a member's status changes (per-process session caches). */
unsigned long long accounts_generation(void);
void accounts_bump(void);
/* Blacklist: bumped after an entry is added or removed, or a rule changes (per-process blacklist caches). */
unsigned long long blacklist_generation(void);
void blacklist_bump(void);
/* One principal's header data (a member's balance): principal_generation() is the accounts generation
 * plus the principal's own counter, which principal_bump() raises for it (and the few ids sharing its
 * slot) alone. Session caches and signed-in page caches are keyed by it. */
unsigned long long principal_generation(long long principal_id);
unsigned long long principal_counter(long long principal_id);
void principal_bump(long long principal_id);

#endif
