/* inbox.c: member notifications (order shipped, points expiring, voucher used …) */
#include "members/inbox.h"

static const char SQL_INBOX_ADD[] =
    "INSERT IGNORE INTO inbox (member_id, kind, title, body, link, dedupe_key) VALUES (?, ?, ?, ?, ?, ?)";

NEOERR *inbox_add(MYSQL *db, long long member_id, const char *kind, const char *title, const char *body,
                  const char *link, const char *dedupe_key, int *added) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_INBOX_ADD,
                        DBA(DI(member_id), DS(kind), DS(title), DS(body ? body : ""), DS(link ? link : ""),
                            dedupe_key ? DS(dedupe_key) : DNULL),
                        &n, NULL);
  if (added) *added = n > 0;
  return nerr_pass(err);
}
