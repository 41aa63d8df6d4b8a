/* points_read.c: read side of the points center (A2) — expiring soon, open lots, filterable ledger */
#include "points/points_read.h"

#define LOT_COLUMNS                                                                                                    \
  "SELECT id, source, note, amount, remaining, DATE_FORMAT(expires_at, '%Y-%m-%d') AS expires,"                        \
  " DATEDIFF(expires_at, CURDATE()) AS days_left FROM points_lots "

static const char SQL_LOTS_EXPIRING[] =
    LOT_COLUMNS "WHERE member_id = ? AND status = 'open' AND remaining > 0 AND expires_at >= CURDATE()"
                " AND expires_at < CURDATE() + INTERVAL ? DAY ORDER BY expires_at, id LIMIT 100";
static const char SQL_LOTS_EXPIRING_SUM[] =
    "SELECT COALESCE(SUM(remaining), 0) FROM points_lots WHERE member_id = ? AND status = 'open' AND remaining > 0"
    " AND expires_at >= CURDATE() AND expires_at < CURDATE() + INTERVAL ? DAY";
static const char SQL_LOTS_OPEN[] =
    LOT_COLUMNS "WHERE member_id = ? AND status = 'open' AND remaining > 0 ORDER BY expires_at, id LIMIT 200";

/* NULL-able filters are bound twice each: "? IS NULL OR column = ?" keeps one prepared statement. */
#define LEDGER_WHERE                                                                                                   \
  " WHERE l.member_id = ? AND (? IS NULL OR l.kind = ?)"                                                               \
  " AND (? IS NULL OR l.created_at >= ?) AND (? IS NULL OR l.created_at < ? + INTERVAL 1 DAY)"
static const char SQL_LEDGER_COUNT[] = "SELECT COUNT(*) FROM points_ledger l" LEDGER_WHERE;
static const char SQL_LEDGER[] =
    "SELECT l.id, l.kind, l.amount, l.balance_after, l.note, o.order_no,"
    " DATE_FORMAT(l.created_at, '%Y-%m-%d %H:%i') AS time"
    " FROM points_ledger l LEFT JOIN orders o ON o.id = l.order_id" LEDGER_WHERE " ORDER BY l.id DESC LIMIT ? OFFSET ?";

NEOERR *member_points_expiring(MYSQL *db, long long member_id, int days, HDF *out, const char *prefix, long long *sum) {
  NEOERR *err = db_query_ll(db, SQL_LOTS_EXPIRING_SUM, DBA(DI(member_id), DI(days)), sum, NULL);
  if (!err) err = db_query_hdf(db, out, prefix, SQL_LOTS_EXPIRING, DBA(DI(member_id), DI(days)), NULL);
  return nerr_pass(err);
}

NEOERR *member_points_lots(MYSQL *db, long long member_id, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_LOTS_OPEN, DBA(DI(member_id)), rows));
}

#define OPT(s) ((s) ? DS(s) : DNULL)

NEOERR *member_points_ledger(MYSQL *db, long long member_id, const ledger_filter *f, HDF *out, const char *prefix,
                             long long offset, int limit, long long *total) {
  NEOERR *err = db_query_ll(
      db, SQL_LEDGER_COUNT,
      DBA(DI(member_id), OPT(f->kind), OPT(f->kind), OPT(f->from), OPT(f->from), OPT(f->to), OPT(f->to)), total, NULL);
  if (!err && offset < *total)
    err = db_query_hdf(db, out, prefix, SQL_LEDGER,
                       DBA(DI(member_id), OPT(f->kind), OPT(f->kind), OPT(f->from), OPT(f->from), OPT(f->to),
                           OPT(f->to), DI(limit), DI(offset)),
                       NULL);
  return nerr_pass(err);
}
