/* consultations.c: product questions from members (A6) — ask, "my consultations" */
#include "catalog/consultations.h"

static const char SQL_CONSULT_TODAY[] =
    "SELECT COUNT(*) FROM consultations WHERE member_id = ? AND created_at >= CURDATE()";
static const char SQL_CONSULT_INSERT[] = "INSERT INTO consultations (product_id, member_id, question)"
                                         " SELECT id, ?, ? FROM products WHERE id = ? AND on_shelf = 1";
#define MINE_COLS(name)                                                                                                \
  "SELECT q.id, q.product_id, " name " AS product, p.image, q.question, q.answer,"                                     \
  " DATE_FORMAT(q.created_at, '%Y-%m-%d %H:%i') AS date, DATE_FORMAT(q.answered_at, '%Y-%m-%d %H:%i') AS answered"
#define MINE_FROM " FROM consultations q JOIN products p ON p.id = q.product_id WHERE q.member_id = ?"
#define MINE_COUNT " FROM consultations q WHERE q.member_id = ?"
const id_list CONSULTATIONS_MINE[2] = {{MINE_COLS("p.name_zh"), MINE_FROM, MINE_COUNT, "q.id"},
                                       {MINE_COLS("IF(p.name_en <> '', p.name_en, p.name_zh)"), MINE_FROM, MINE_COUNT, "q.id"}};

NEOERR *consultation_ask(MYSQL *db, long long member_id, long long product_id, const char *question,
                         consult_result *res) {
  long long n = 0, added = 0;
  NEOERR *err = db_query_ll(db, SQL_CONSULT_TODAY, DBA(DI(member_id)), &n, NULL);
  if (err) return nerr_pass(err);
  if (n >= CONSULT_DAILY_MAX) {
    *res = CONSULT_TOO_MANY;
    return STATUS_OK;
  }
  err = db_exec(db, SQL_CONSULT_INSERT, DBA(DI(member_id), DS(question), DI(product_id)), &added, NULL);
  *res = added ? CONSULT_OK : CONSULT_NO_PRODUCT;
  return nerr_pass(err);
}

