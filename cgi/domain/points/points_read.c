/* points_read.c: read side of the points center (A2) — expiring soon, open lots (paged), filterable ledger (keyset) */
#include "points/points_read.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every statement here reads one member's rows through an index that starts with member_id, and no more of them
 * than the page needs: open lots through open_lots (member_id, open_left, expires_at — spent lots are never read),
 * the ledger through by_member (member_id, id) or by_member_kind (member_id, kind, id); the sum due soon, the open
 * lots' count and the unfiltered entries' count through the member's rows of points_expiry_days and
 * points_member_lots (filtered entries are counted in the index). Counts stop at
 * POINTS_COUNT_CAP + 1. The lots' index is named: for a member with a handful of lots the optimiser preferred fifo
 * (member_id, status, …) and a filesort, a few µs more on the points page's every view. */
#define LOT_COLUMNS                                                                                                    \
  "SELECT id, source, note, amount, remaining, DATE_FORMAT(expires_at, '%Y-%m-%d') AS expires,"                        \
  " DATEDIFF(expires_at, CURDATE()) AS days_left FROM points_lots FORCE INDEX (open_lots) "
#define EXPIRING_WHERE                                                                                                 \
  "WHERE member_id = ? AND open_left = 1 AND expires_at >= CURDATE() AND expires_at < CURDATE() + INTERVAL ? DAY"
/* The sum due soon adds the member's expiry days (points_expiry_days, kept by triggers on points_lots: schema 046), one
 * row per day in the window rather than one per lot (a member's 146 lots due within 30 days at bulk: 6 rows). */
#define EXPIRING_SUM                                                                                                   \
  "SELECT CAST(COALESCE(SUM(remaining), 0) AS SIGNED) FROM points_expiry_days WHERE member_id = ? AND"                 \
  " expires_at >= CURDATE() AND expires_at < CURDATE() + INTERVAL ? DAY"

static void bind(ledger_stmt *st, dbp p);
static void summary_stmt(long long member_id, int days, const ledger_filter *f, long long lots_cap,
                         long long entries_cap, int tagged, int lots, ledger_stmt *st);

#define STR_(x) #x
#define STR(x) STR_(x)
static const char SQL_LOTS_EXPIRING[] =
    LOT_COLUMNS EXPIRING_WHERE " ORDER BY expires_at, id LIMIT " STR(POINTS_EXPIRING_MAX);
static const char SQL_LOTS_EXPIRING_SUM[] = EXPIRING_SUM;
static const char SQL_LOTS_FIRST[] =
    LOT_COLUMNS "WHERE member_id = ? AND open_left = 1 ORDER BY expires_at, id LIMIT ?";
/* The same, tagged as the lots part of the union with a ledger page (member_points_lots_first). */
static const char SQL_LOTS_FIRST_TAGGED[] =
    "SELECT 'L' AS part, id, source, note, amount, remaining, DATE_FORMAT(expires_at, '%Y-%m-%d') AS expires,"
    " DATEDIFF(expires_at, CURDATE()) AS days_left FROM points_lots FORCE INDEX (open_lots)"
    " WHERE member_id = ? AND open_left = 1 ORDER BY expires_at, id LIMIT ?";
static const char SQL_LOTS_AFTER[] =
    LOT_COLUMNS "WHERE member_id = ? AND open_left = 1 AND (expires_at > ? OR (expires_at = ? AND id > ?))"
                " ORDER BY expires_at, id LIMIT ?";
/* (member, cap + 1): the member's open lots, kept in points_member_lots by triggers on points_lots (schema 046), cut
 * at cap + 1 ("more than cap") as the callers expect. */
static const char SQL_LOTS_OPEN_COUNT[] =
    "SELECT LEAST(COALESCE((SELECT open_lots FROM points_member_lots WHERE member_id = ?), 0), ?)";

/* (member, cap + 1): the member's ledger entries, kept in points_member_lots by triggers on points_ledger (047). */
static const char SQL_ENTRIES_COUNT[] =
    "SELECT LEAST(COALESCE((SELECT ledger_entries FROM points_member_lots WHERE member_id = ?), 0), ?)";

const char *const POINTS_LOT_SQL[] = {SQL_LOTS_EXPIRING, SQL_LOTS_EXPIRING_SUM, SQL_LOTS_FIRST,
                                      SQL_LOTS_AFTER,    SQL_LOTS_OPEN_COUNT,   NULL};

NEOERR *member_points_expiring(MYSQL *db, long long member_id, int days, HDF *out, const char *prefix, long long *sum) {
  NEOERR *err = sum ? db_query_ll(db, SQL_LOTS_EXPIRING_SUM, DBA(DI(member_id), DI(days)), sum, NULL) : STATUS_OK;
  if (!err) err = db_query_hdf(db, out, prefix, SQL_LOTS_EXPIRING, DBA(DI(member_id), DI(days)), NULL);
  return nerr_pass(err);
}

int lots_seek_parse(const char *s, lots_seek *out) {
  int y, m, d;
  long long id;
  char again[64];
  memset(out, 0, sizeof *out);
  if (!s || strlen(s) > 40 || sscanf(s, "%4d-%2d-%2d.%lld", &y, &m, &d, &id) != 4 || id <= 0) return 0;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  snprintf(again, sizeof again, "%04d-%02d-%02d.%lld", y, m, d, id);
  if (strcmp(again, s) != 0) return 0;
  out->set = 1;
  snprintf(out->expires, sizeof out->expires, "%04d-%02d-%02d", y, m, d);
  out->id = id;
  return 1;
}

NEOERR *member_points_lots(MYSQL *db, long long member_id, const lots_seek *after, int limit, HDF *out,
                           const char *prefix, int *rows, long long *open, lots_seek *next) {
  memset(next, 0, sizeof *next);
  NEOERR *err =
      open ? db_query_ll(db, SQL_LOTS_OPEN_COUNT, DBA(DI(member_id), DI(POINTS_COUNT_CAP + 1)), open, NULL) : STATUS_OK;
  /* One row more than the page: a page that ends the list says so (no "more" link to an empty page). */
  if (!err && after && after->set)
    err = db_query_hdf(db, out, prefix, SQL_LOTS_AFTER,
                       DBA(DI(member_id), DS(after->expires), DS(after->expires), DI(after->id), DI(limit + 1)), rows);
  else if (!err) err = db_query_hdf(db, out, prefix, SQL_LOTS_FIRST, DBA(DI(member_id), DI(limit + 1)), rows);
  if (!err && *rows > limit) {
    char key[128];
    snprintf(key, sizeof key, "%s.%d", prefix, limit);
    err = hdf_remove_tree(out, key);
    *rows = limit;
    snprintf(key, sizeof key, "%s.%d", prefix, *rows - 1);
    HDF *last = hdf_get_obj(out, key);
    next->set = 1;
    snprintf(next->expires, sizeof next->expires, "%s", hdf_get_value(last, "expires", ""));
    next->id = db_hdf_ll(last, "id", 0);
  }
  return nerr_pass(err);
}

/* A row of the union below, read as text into its own buffers (no HDF built only to be copied): a lot, in the lots
 * column names; an entry in them too (ENTRY_AT says which is which); the numbers in id, source and note. */
typedef struct {
  char part[4], id[24], source[DB_VARCHAR(32)], note[DB_VARCHAR(255)], amount[24], remaining[24],
      expires[DB_VARCHAR(20)], days[24];
  int null[8]; /* in column order, part first */
  long long id_ll, days_ll;
} union_row;

static long long text_ll(const char *s, long long def) {
  char *end = NULL;
  if (!*s) return def;
  long long x = strtoll(s, &end, 10);
  return *end ? def : x;
}

/* Rows of the union sorted in C: a UNION ALL promises no order, and the parts' own ORDER BY … LIMIT chose them. */
static int lot_before(const union_row *a, const union_row *b) {
  int c = strcmp(a->expires, b->expires);
  return c < 0 || (c == 0 && a->id_ll < b->id_ll);
}
static int entry_before(const union_row *a, const union_row *b) { return a->id_ll > b->id_ll; }
static void sort_rows(union_row **v, int n, int (*before)(const union_row *, const union_row *)) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && before(v[j], v[j - 1]); j--) {
      union_row *t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
}

/* Union row r under prefix.i: names[k] takes the union's column at[k] (1 id, 2 source, 3 note, 4 amount, 5 remaining,
 * 6 expires, 7 days_left); a NULL stays unset, as db_query_hdf leaves it (an entry without an order has no number). */
static NEOERR *put_row(HDF *out, const char *prefix, int i, const union_row *r, const char *const names[7],
                       const int at[7]) {
  const char *const values[8] = {r->part, r->id, r->source, r->note, r->amount, r->remaining, r->expires, r->days};
  char key[128];
  HDF *node = NULL;
  snprintf(key, sizeof key, "%s.%d", prefix, i);
  NEOERR *err = hdf_get_node(out, key, &node);
  for (int k = 0; !err && k < 7; k++)
    if (!r->null[at[k]]) err = hdf_set_value(node, names[k], values[at[k]]);
  return nerr_pass(err);
}
/* A lot in the columns SQL_LOTS_FIRST names; a ledger entry (in the lots' columns) in member_points_ledger's. */
static const char *const LOT_NAMES[7] = {"id", "source", "note", "amount", "remaining", "expires", "days_left"};
static const int LOT_AT[7] = {1, 2, 3, 4, 5, 6, 7};
static const char *const ENTRY_NAMES[7] = {"id", "kind", "amount", "balance_after", "note", "order_no", "time"};
static const int ENTRY_AT[7] = {1, 2, 4, 5, 3, 6, 7};

void member_points_lots_first_stmt(long long member_id, int days, int want, const ledger_page *ledger,
                                   ledger_stmt *st) {
  st->n = 0;
  if (ledger) {
    /* With a ledger page: both lists and the page's numbers in one round trip, told apart by their first column. */
    ledger_stmt entries, numbers = {.n = 0};
    member_points_ledger_stmt(member_id, ledger->f, 3, ledger->offset, ledger->after_id, ledger->limit, &entries);
    if (ledger->total)
      summary_stmt(member_id, days, ledger->f, ledger->lots_cap, ledger->entries_cap, 1, !ledger->entries_only,
                   &numbers);
    int len = snprintf(st->sql, sizeof st->sql, "(%s) UNION ALL (%s)%s%s%s", SQL_LOTS_FIRST_TAGGED, entries.sql,
                       ledger->total ? " UNION ALL (" : "", ledger->total ? numbers.sql : "", ledger->total ? ")" : "");
    if (len < 0 || (size_t)len >= sizeof st->sql || !entries.sql[0] || (ledger->total && !numbers.sql[0]))
      st->sql[0] = 0; /* fails rather than run cut */
    bind(st, DI(member_id));
    bind(st, DI(want));
    for (int i = 0; i < entries.n; i++) bind(st, entries.p[i]);
    for (int i = 0; i < numbers.n; i++) bind(st, numbers.p[i]);
  } else {
    snprintf(st->sql, sizeof st->sql, "%s", SQL_LOTS_FIRST);
    bind(st, DI(member_id));
    bind(st, DI(want));
  }
}

NEOERR *member_points_lots_first(MYSQL *db, long long member_id, int days, int limit, HDF *out, const char *lots,
                                 const char *expiring, int *rows, lots_seek *next, long long *open, long long *soon,
                                 const ledger_page *ledger) {
  /* One statement: the soonest open lots are both the first page and, from their start, the expiring ones. */
  const int want = (limit > POINTS_EXPIRING_MAX ? limit : POINTS_EXPIRING_MAX) + 1;
  int got = 0, nsoon = 0, last_soon = 0, last_due = 0, nlots = 0, nentries = 0, numbers = 0, nrows = 0;
  long long soon_sum = 0, soon_all = -1, open_all = -1;
  union_row *lot_rows[POINTS_EXPIRING_MAX + 64], *entry_rows[POINTS_LEDGER_PAGE_MAX];
  memset(next, 0, sizeof *next);
  *rows = 0;
  if (ledger) *ledger->rows = 0;
  if (ledger && ledger->total) *ledger->total = -1;
  if (want > (int)(sizeof lot_rows / sizeof lot_rows[0]) || (ledger && ledger->limit > POINTS_LEDGER_PAGE_MAX))
    return nerr_raise(NERR_ASSERT, "member_points_lots_first: page too large");
  ledger_stmt st;
  member_points_lots_first_stmt(member_id, days, want, ledger, &st);
  const int max_rows = want + (ledger ? ledger->limit + 1 : 0);
  /* Not zeroed (46 KB, 5 % of a view's instructions): db_rows sets every column of each row it fetches, a NULL as ""
   * with its flag, and no row past those is read. */
  union_row *all = malloc((size_t)max_rows * sizeof *all);
  if (!all) return nerr_raise(NERR_NOMEM, "member_points_lots_first: %d rows", max_rows);
  union_row *r0 = all;
  /* Every column may be NULL: the numbers row has NULLs where it has nothing to say, an entry without an order has no
   * order number. Without a ledger there is no part column. */
  const dbc spec[] = {DCOL_STR_N(r0->part, &r0->null[0]),    DCOL_STR_N(r0->id, &r0->null[1]),
                      DCOL_STR_N(r0->source, &r0->null[2]),  DCOL_STR_N(r0->note, &r0->null[3]),
                      DCOL_STR_N(r0->amount, &r0->null[4]),  DCOL_STR_N(r0->remaining, &r0->null[5]),
                      DCOL_STR_N(r0->expires, &r0->null[6]), DCOL_STR_N(r0->days, &r0->null[7])};
  NEOERR *err = ledger ? db_rows(db, st.sql, st.p, st.n, spec, 8, sizeof *all, max_rows, &nrows)
                       : db_rows(db, st.sql, st.p, st.n, spec + 1, 7, sizeof *all, max_rows, &nrows);
  for (int i = 0; !err && i < nrows; i++) {
    union_row *row = &all[i];
    if (!ledger) strcpy(row->part, "L");
    row->id_ll = row->null[1] ? -1 : text_ll(row->id, -1);
    if (ledger && ledger->total && strcmp(row->part, "S") == 0) { /* the numbers: in the lots' id, source and note */
      numbers = 1;
      soon_all = row->id_ll;
      open_all = row->null[2] ? -1 : text_ll(row->source, -1);
      *ledger->total = row->null[3] ? -1 : text_ll(row->note, -1);
      continue;
    }
    if (strcmp(row->part, "E") == 0) {
      if (nentries < POINTS_LEDGER_PAGE_MAX) entry_rows[nentries++] = row;
    } else if (nlots < want) {
      row->days_ll = text_ll(row->days, -1);
      lot_rows[nlots++] = row;
    }
  }
  got = nlots;
  sort_rows(lot_rows, nlots, lot_before);
  sort_rows(entry_rows, nentries, entry_before);
  for (int i = 0; !err && i < nlots; i++) {
    union_row *row = lot_rows[i];
    long long left = row->days_ll;
    last_soon = left >= 0 && left < days;
    last_due = left < days; /* soon, or overdue (the nightly job expires those) */
    if (i < limit) {
      err = put_row(out, lots, i, row, LOT_NAMES, LOT_AT);
      *rows = i + 1;
      if (i == limit - 1 && got > limit) {
        next->set = 1;
        snprintf(next->expires, sizeof next->expires, "%.*s", (int)sizeof next->expires - 1, row->expires);
        next->id = row->id_ll;
      }
    }
    if (last_soon) soon_sum += text_ll(row->remaining, 0);
    if (!err && last_soon && nsoon < POINTS_EXPIRING_MAX) err = put_row(out, expiring, nsoon++, row, LOT_NAMES, LOT_AT);
  }
  for (int i = 0; !err && i < nentries; i++) {
    err = put_row(out, ledger->prefix, i, entry_rows[i], ENTRY_NAMES, ENTRY_AT);
    *ledger->rows = i + 1;
  }
  free(all);
  *open = numbers && open_all >= 0 ? open_all : got < want ? got : -1; /* entries_only: no lot numbers read */
  *soon = numbers && soon_all >= 0 ? soon_all : got < want ? soon_sum : -1;
  /* Every row read was due soon or overdue (overdue lots the nightly job has not expired yet come first) and the list
   * is not full: more may follow, so the expiring list is read on its own. */
  if (!err && got == want && last_due && nsoon < POINTS_EXPIRING_MAX) {
    HDF *e = hdf_get_obj(out, expiring);
    if (e) err = hdf_remove_tree(out, expiring);
    if (!err) err = member_points_expiring(db, member_id, days, out, expiring, NULL);
  }
  return nerr_pass(err);
}

/* ---- the ledger: one statement text per filter shape (no "? IS NULL OR" catch-alls) ---- */
static void add(ledger_stmt *st, const char *s) {
  size_t len = strlen(st->sql);
  snprintf(st->sql + len, sizeof st->sql - len, "%s", s);
}
static void bind(ledger_stmt *st, dbp p) {
  if (st->n < (int)(sizeof st->p / sizeof st->p[0])) st->p[st->n++] = p;
  else st->sql[0] = 0; /* no room: the statement fails rather than run with parameters missing */
}

void member_points_ledger_stmt(long long member_id, const ledger_filter *f, int count, long long offset,
                               long long after_id, int limit, ledger_stmt *st) {
  st->sql[0] = 0;
  st->n = 0;
  /* The index is named: "id < ?" on the primary key looks cheap to the optimiser when the member is recent, and
   * then it reads every member's older entries. */
  const char *index = f->kind ? " FORCE INDEX (by_member_kind)" : " FORCE INDEX (by_member)";
  if (count == 1) {
    /* Filtered: the (cap + 1)-th entry probed in the index, else the entries counted. The cap
     * is POINTS_COUNT_CAP, or what the caller asks (member_points_summary_stmt) in limit. */
    long long cap = limit > 0 ? limit : POINTS_COUNT_CAP;
    if (!f->kind && !f->from && !f->to) { /* every entry: the member's kept count (schema 047), one row */
      add(st, SQL_ENTRIES_COUNT);
      bind(st, DI(member_id));
      bind(st, DI(cap + 1));
      return;
    }
    ledger_stmt where;
    member_points_ledger_stmt(member_id, f, 2, 0, 0, 0, &where);
    /* The caps are bound, so one text serves every page (the statement cache keys by text). */
    add(st, "SELECT COALESCE((SELECT ? FROM points_ledger l");
    bind(st, DI(cap + 1));
    add(st, index);
    add(st, where.sql);
    for (int i = 0; i < where.n; i++) bind(st, where.p[i]);
    add(st, " LIMIT 1 OFFSET ?), (SELECT COUNT(*) FROM points_ledger l");
    bind(st, DI(cap));
    add(st, index);
    add(st, where.sql);
    for (int i = 0; i < where.n; i++) bind(st, where.p[i]);
    add(st, "))");
    return;
  }
  if (count == 0 || count == 3) { /* count 2: the WHERE alone, for the count above */
    /* 3: the ledger part of the union with the first lots page, in the lots' column order (member_points_lots_first) */
    add(st,
        count == 3 ? "SELECT 'E' AS part, l.id, l.kind, l.note, l.amount, l.balance_after, o.order_no,"
                     " DATE_FORMAT(l.created_at, '%Y-%m-%d %H:%i') AS time FROM points_ledger l"
                   : "SELECT l.id, l.kind, l.amount, l.balance_after, l.note, o.order_no,"
                     " DATE_FORMAT(l.created_at, '%Y-%m-%d %H:%i') AS time FROM points_ledger l");
    add(st, index);
    add(st, " LEFT JOIN orders o ON o.id = l.order_id");
  }
  add(st, " WHERE l.member_id = ?");
  bind(st, DI(member_id));
  if (f->kind) {
    add(st, " AND l.kind = ?");
    bind(st, DS(f->kind));
  }
  if (f->from) {
    add(st, " AND l.created_at >= ?");
    bind(st, DS(f->from));
  }
  if (f->to) {
    add(st, " AND l.created_at < ? + INTERVAL 1 DAY");
    bind(st, DS(f->to));
  }
  if (count == 1 || count == 2) return;
  if (after_id > 0) {
    add(st, " AND l.id < ?");
    bind(st, DI(after_id));
  }
  add(st, " ORDER BY l.id DESC LIMIT ?");
  bind(st, DI(limit));
  if (after_id <= 0 && offset > 0) {
    add(st, " OFFSET ?");
    bind(st, DI(offset));
  }
}

NEOERR *member_points_ledger_rows(MYSQL *db, long long member_id, const ledger_filter *f, HDF *out, const char *prefix,
                                  long long offset, long long after_id, int limit) {
  ledger_stmt st;
  member_points_ledger_stmt(member_id, f, 0, offset, after_id, limit, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.sql, st.p, st.n, NULL));
}

NEOERR *member_points_ledger(MYSQL *db, long long member_id, const ledger_filter *f, HDF *out, const char *prefix,
                             long long offset, long long after_id, int limit, long long *total) {
  ledger_stmt st;
  member_points_ledger_stmt(member_id, f, 1, 0, 0, 0, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  if (err || (after_id <= 0 && offset >= *total)) return nerr_pass(err);
  return nerr_pass(member_points_ledger_rows(db, member_id, f, out, prefix, offset, after_id, limit));
}

/* tagged: as the summary part of member_points_lots_first's union ('S', the three numbers, four NULLs). */
/* lots 0: NULL for the expiring sum and the open lots (the lots read tells them for a member with few). */
static void summary_stmt(long long member_id, int days, const ledger_filter *f, long long lots_cap,
                         long long entries_cap, int tagged, int lots, ledger_stmt *st) {
  ledger_stmt count;
  char lot_numbers[sizeof EXPIRING_SUM + sizeof SQL_LOTS_OPEN_COUNT + 8];
  member_points_ledger_stmt(member_id, f, 1, 0, 0, entries_cap > 0 ? (int)entries_cap : 0, &count);
  if (lots) snprintf(lot_numbers, sizeof lot_numbers, "(" EXPIRING_SUM "), (%s)", SQL_LOTS_OPEN_COUNT);
  else snprintf(lot_numbers, sizeof lot_numbers, "NULL, NULL");
  int len = snprintf(st->sql, sizeof st->sql, "SELECT %s%s, (%s)%s", tagged ? "'S' AS part, " : "", lot_numbers,
                     entries_cap < 0 ? "SELECT -1" : count.sql, tagged ? ", NULL, NULL, NULL, NULL" : "");
  if (len < 0 || (size_t)len >= sizeof st->sql) st->sql[0] = 0; /* an empty statement fails; a cut one must not run */
  st->n = 0;
  if (lots) {
    bind(st, DI(member_id));
    bind(st, DI(days));
    bind(st, DI(member_id));
    bind(st, DI(lots_cap + 1));
  }
  for (int i = 0; entries_cap >= 0 && i < count.n; i++) bind(st, count.p[i]);
}

void member_points_summary_stmt(long long member_id, int days, const ledger_filter *f, long long lots_cap,
                                long long entries_cap, ledger_stmt *st) {
  summary_stmt(member_id, days, f, lots_cap, entries_cap, 0, 1, st);
}

NEOERR *member_points_summary(MYSQL *db, long long member_id, int days, const ledger_filter *f, long long lots_cap,
                              long long entries_cap, long long *expiring, long long *open, long long *entries) {
  ledger_stmt st;
  member_points_summary_stmt(member_id, days, f, lots_cap, entries_cap, &st);
  return nerr_pass(db_row(db, st.sql, st.p, st.n, DCOLS(DCOL_LL(expiring), DCOL_LL(open), DCOL_LL(entries)), NULL));
}
