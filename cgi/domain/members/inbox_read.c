/* inbox_read.c: the member's side of the inbox (A9) — list, unread count, mark read */
#include "members/inbox_read.h"

static const char SQL_INBOX_COUNT[] = "SELECT COUNT(*) FROM inbox WHERE member_id = ?";
static const char SQL_INBOX_LIST[] =
    "SELECT id, kind, title, body, link, read_at IS NULL AS unread, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS time"
    " FROM inbox WHERE member_id = ? ORDER BY id DESC LIMIT ? OFFSET ?";
static const char SQL_INBOX_UNREAD[] = "SELECT COUNT(*) FROM inbox WHERE member_id = ? AND read_at IS NULL";
static const char SQL_INBOX_EXISTS[] = "SELECT COUNT(*) FROM inbox WHERE member_id = ? AND id = ?";
static const char SQL_INBOX_READ[] =
    "UPDATE inbox SET read_at = NOW() WHERE member_id = ? AND id = ? AND read_at IS NULL";
static const char SQL_INBOX_READ_ALL[] = "UPDATE inbox SET read_at = NOW() WHERE member_id = ? AND read_at IS NULL";

NEOERR *inbox_list(MYSQL *db, long long member_id, HDF *out, const char *prefix, long long offset, int limit,
                   long long *total) {
  NEOERR *err = db_query_ll(db, SQL_INBOX_COUNT, DBA(DI(member_id)), total, NULL);
  if (!err && offset < *total)
    err = db_query_hdf(db, out, prefix, SQL_INBOX_LIST, DBA(DI(member_id), DI(limit), DI(offset)), NULL);
  return nerr_pass(err);
}

NEOERR *inbox_unread(MYSQL *db, long long member_id, long long *count) {
  return nerr_pass(db_query_ll(db, SQL_INBOX_UNREAD, DBA(DI(member_id)), count, NULL));
}

NEOERR *inbox_mark_read(MYSQL *db, long long member_id, long long id, int *found) {
  long long n = 0;
  NEOERR *err = db_query_ll(db, SQL_INBOX_EXISTS, DBA(DI(member_id), DI(id)), &n, NULL);
  *found = n > 0;
  if (!err && n) err = db_exec(db, SQL_INBOX_READ, DBA(DI(member_id), DI(id)), NULL, NULL);
  return nerr_pass(err);
}

NEOERR *inbox_mark_all_read(MYSQL *db, long long member_id, long long *marked) {
  return nerr_pass(db_exec(db, SQL_INBOX_READ_ALL, DBA(DI(member_id)), marked, NULL));
}
