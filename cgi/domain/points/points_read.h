/* points_read.h: read side of the points center (A2) — expiring soon, open lots, filterable ledger */
#ifndef MALL_POINTS_READ_H
#define MALL_POINTS_READ_H
#include "db.h"

#define POINTS_EXPIRING_DAYS 30
/* Lists count at most this many rows (more shows as "1000+"), and number pages this deep before they seek. */
#define POINTS_COUNT_CAP 1000
#define POINTS_OFFSET_PAGES 50

/* The expiring list shows the soonest lots due within POINTS_EXPIRING_DAYS, this many (the page shows the sum of all of
 * them, and the lots list below, soonest first, has the rest): a member with hundreds due reads and renders ten. */
#define POINTS_EXPIRING_MAX 10
/* Open lots with points left that expire within days (today included), soonest first (at most 100):
 * id, source, note, amount, remaining, expires, days_left. *sum = their remaining points (sum NULL: not read). */
NEOERR *member_points_expiring(MYSQL *db, long long member_id, int days, HDF *out, const char *prefix, long long *sum);

/* Where a page of open lots starts: after the lot (expires 'YYYY-MM-DD', id); unset = the first page. */
typedef struct {
  int set;
  char expires[11];
  long long id;
} lots_seek;
/* "2026-12-31.123" ⇄ lots_seek; parse returns 0 for anything else. */
int lots_seek_parse(const char *s, lots_seek *out);
/* One page of open lots with points left, soonest expiry first (same columns as above): limit rows from after.
 * *open = how many open lots there are (POINTS_COUNT_CAP + 1 = more; open NULL: not counted); *next is set when
 * more follow. */
NEOERR *member_points_lots(MYSQL *db, long long member_id, const lots_seek *after, int limit, HDF *out,
                           const char *prefix, int *rows, long long *open, lots_seek *next);

/* The lot statements above, for the EXPLAIN test (NULL-terminated): expiring (member, days), expiring sum (member,
 * days), first page (member, limit), after (member, expires, expires, id, limit), count (cap + 1, member, cap, member). */
extern const char *const POINTS_LOT_SQL[];

typedef struct {
  const char *kind;      /* NULL = all; earn|spend|refund|expire|grant|adjust */
  const char *from, *to; /* 'YYYY-MM-DD' inclusive, NULL = open */
} ledger_filter;

/* A statement and its parameters, built for a filter (member_points_ledger_stmt and the ones below). */
typedef struct {
  char sql[3072]; /* room for the points page's union, which holds the summary, which holds a count statement */
  dbp p[32];
  int n;
} ledger_stmt;
/* A page of ledger entries read along with the first page of open lots (member_points_lots_first): filter f, from
 * offset or the entries older than after_id (0: the newest), at most limit (<= POINTS_LEDGER_PAGE_MAX) into prefix.0…
 * with member_points_ledger's columns; *rows = how many. With total (NULL: none), the page's numbers come with it, as
 * member_points_summary counts them (lots_cap, entries_cap): *total the entries (-1: entries_cap -1, not counted). */
#define POINTS_LEDGER_PAGE_MAX 32
typedef struct {
  const ledger_filter *f;
  long long offset, after_id;
  int limit;
  const char *prefix;
  int *rows;
  long long lots_cap, entries_cap, *total;
  int entries_only; /* with total: count the entries only; *open and *soon then come from the lots read, as without */
} ledger_page;
/* The first page of open lots (into lots, *rows, *next as above) and the lots expiring within days (into expiring,
 * as member_points_expiring lists them) from one statement — a second one only when over POINTS_EXPIRING_MAX open
 * lots are due within days. *open and *soon: when the statement read every open lot (a member with few), their
 * number and the points of those expiring within days, as member_points_summary counts them; else -1. With ledger
 * (NULL: none), that page of entries and, when it asks, the numbers (*open, *soon then always set, unless
 * entries_only) come from the same statement (a UNION ALL: one round trip for the whole points page). */
NEOERR *member_points_lots_first(MYSQL *db, long long member_id, int days, int limit, HDF *out, const char *lots,
                                 const char *expiring, int *rows, lots_seek *next, long long *open, long long *soon,
                                 const ledger_page *ledger);
/* Its statement (want: lots rows to read), for the EXPLAIN test. */
void member_points_lots_first_stmt(long long member_id, int days, int want, const ledger_page *ledger,
                                   ledger_stmt *st);

/* Ledger entries newest first: id, kind, amount, balance_after, note, order_no (or unset), time. By offset, or
 * (after_id > 0) the entries older than after_id. *total counts at most POINTS_COUNT_CAP + 1. */
NEOERR *member_points_ledger(MYSQL *db, long long member_id, const ledger_filter *f, HDF *out, const char *prefix,
                             long long offset, long long after_id, int limit, long long *total);
/* The statement member_points_ledger runs for a filter (count = 1: its bounded count, to limit + 1 or, limit 0,
 * POINTS_COUNT_CAP + 1; count = 3: the rows as member_points_lots_first's union reads them), for the EXPLAIN test. */
void member_points_ledger_stmt(long long member_id, const ledger_filter *f, int count, long long offset,
                               long long after_id, int limit, ledger_stmt *st);
/* The same page without its count (the points page reads the counts with member_points_summary). */
NEOERR *member_points_ledger_rows(MYSQL *db, long long member_id, const ledger_filter *f, HDF *out, const char *prefix,
                                  long long offset, long long after_id, int limit);
/* The points page's numbers in one statement (one round trip): the points of open lots expiring within days, the
 * open lots (counted to at most lots_cap + 1) and the ledger entries of filter f (to at most entries_cap + 1; 0:
 * POINTS_COUNT_CAP; -1: not counted, *entries = -1). Each count reads at most its cap + 1 index entries. */
NEOERR *member_points_summary(MYSQL *db, long long member_id, int days, const ledger_filter *f, long long lots_cap,
                              long long entries_cap, long long *expiring, long long *open, long long *entries);
void member_points_summary_stmt(long long member_id, int days, const ledger_filter *f, long long lots_cap,
                                long long entries_cap, ledger_stmt *st);

#endif
