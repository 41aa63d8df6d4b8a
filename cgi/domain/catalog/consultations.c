/* consultations.c: product questions from members (A6) — ask, "my consultations" */
#include "catalog/consultations.h"

static const char SQL_CONSULT_TODAY[] =
    "SELECT COUNT(*) FROM consultations WHERE member_id = ? AND created_at >= CURDATE()";
static const char SQL_CONSULT_INSERT[] = "INSERT INTO consultations (product_id, member_id, question)"
                                         " SELECT id, ?, ? FROM products WHERE id = ? AND on_shelf = 1";
static const char SQL_CONSULT_MINE_COUNT[] = "SELECT COUNT(*) FROM consultations WHERE member_id = ?";
static const char SQL_CONSULT_MINE[] =
    "SELECT q.id, q.product_id, IF(? = 'en' AND p.name_en <> '', p.name_en, p.name_zh) AS product, p.image,"
    " q.question, q.answer, DATE_FORMAT(q.created_at, '%Y-%m-%d %H:%i') AS date,"
    " DATE_FORMAT(q.answered_at, '%Y-%m-%d %H:%i') AS answered"
    " FROM consultations q JOIN products p ON p.id = q.product_id"
    " WHERE q.member_id = ? ORDER BY q.id DESC LIMIT ? OFFSET ?";

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

NEOERR *consultations_mine(MYSQL *db, long long member_id, const char *lang, HDF *out, const char *prefix,
                           long long offset, int limit, long long *total) {
  NEOERR *err = db_query_ll(db, SQL_CONSULT_MINE_COUNT, DBA(DI(member_id)), total, NULL);
  if (!err && offset < *total)
    err = db_query_hdf(db, out, prefix, SQL_CONSULT_MINE, DBA(DS(lang), DI(member_id), DI(limit), DI(offset)), NULL);
  return nerr_pass(err);
}
