/* messages.c: members' messages to the operator (A5) — post, own list with replies, public wall */
#include "content/messages.h"

static const char SQL_MESSAGE_TODAY[] = "SELECT COUNT(*) FROM messages WHERE member_id = ? AND created_at >= CURDATE()";
static const char SQL_MESSAGE_INSERT[] = "INSERT INTO messages (member_id, content) VALUES (?, ?)";
const id_list MESSAGES_MINE = {"SELECT id, content, status, reply, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS date,"
                               " DATE_FORMAT(replied_at, '%Y-%m-%d %H:%i') AS replied",
                               " FROM messages WHERE member_id = ?", NULL, "id"};
const id_list MESSAGES_PUBLIC = {"SELECT g.id, g.content, g.reply, DATE_FORMAT(g.created_at, '%Y-%m-%d') AS date,"
                                 " DATE_FORMAT(g.replied_at, '%Y-%m-%d') AS replied,"
                                 " CONCAT(LEFT(m.mobile, 3), '****', RIGHT(m.mobile, 4)) AS who",
                                 " FROM messages g LEFT JOIN members m ON m.id = g.member_id WHERE g.status = 'approved'",
                                 " FROM messages g WHERE g.status = 'approved'", "g.id"};

NEOERR *message_post(MYSQL *db, long long member_id, const char *content, int *ok) {
  long long n = 0;
  *ok = 0;
  NEOERR *err = db_query_ll(db, SQL_MESSAGE_TODAY, DBA(DI(member_id)), &n, NULL);
  if (err || n >= MESSAGE_DAILY_MAX) return nerr_pass(err);
  err = db_exec(db, SQL_MESSAGE_INSERT, DBA(DI(member_id), DS(content)), NULL, NULL);
  if (!err) *ok = 1;
  return nerr_pass(err);
}

