/* inbox_read.c: the member's side of the inbox (A9) — list, unread count, mark read */
#include "members/inbox_read.h"

const id_list INBOX_LIST = {
    "SELECT id, kind, title, body, link, read_at IS NULL AS unread, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS time",
    " FROM inbox WHERE member_id = ?", NULL, "id"};
/* by_member_unread reads only the unread rows; a member who never reads sees "99+" (INBOX_UNREAD_CAP). */
const char INBOX_UNREAD_SQL[] =
    "SELECT COUNT(*) FROM (SELECT 1 FROM inbox FORCE INDEX (by_member_unread) WHERE member_id = ? AND read_at IS NULL"
    " LIMIT ?) bounded";
static const char SQL_INBOX_EXISTS[] = "SELECT COUNT(*) FROM inbox WHERE member_id = ? AND id = ?";
static const char SQL_INBOX_READ[] =
    "UPDATE inbox SET read_at = NOW() WHERE member_id = ? AND id = ? AND read_at IS NULL";
static const char SQL_INBOX_READ_ALL[] = "UPDATE inbox SET read_at = NOW() WHERE member_id = ? AND read_at IS NULL";

NEOERR *inbox_unread(MYSQL *db, long long member_id, long long *count) {
  return nerr_pass(db_query_ll(db, INBOX_UNREAD_SQL, DBA(DI(member_id), DI(INBOX_UNREAD_CAP + 1)), count, NULL));
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
