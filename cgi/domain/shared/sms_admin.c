/* sms_admin.c: reading the SMS outbox for the back office (B10) — with live codes and passwords masked */
#include "shared/sms_admin.h"

/* Masked in SQL so the secret never reaches the page model: a code is exactly six digits (order numbers
 * and phone numbers are longer runs and stay readable); a reset text's password is its 10+ character token. */
#define MASKED_BODY                                                                                                    \
  "IF(purpose = 'admin_reset', REGEXP_REPLACE(body, '[A-Za-z0-9]{10,}', '**********'),"                                \
  " REGEXP_REPLACE(body, '(?<![0-9])[0-9]{6}(?![0-9])', '******')) AS body"
static const char SQL_COUNT[] = "SELECT COUNT(*) FROM sms_outbox WHERE ? = '' OR mobile LIKE CONCAT(?, '%')";
static const char SQL_LIST[] =
    "SELECT id, mobile, purpose, " MASKED_BODY ", driver, status, error,"
    " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at"
    " FROM sms_outbox WHERE ? = '' OR mobile LIKE CONCAT(?, '%') ORDER BY id DESC LIMIT ? OFFSET ?";

NEOERR *sms_outbox_list(MYSQL *db, const char *mobile, long long offset, int limit, HDF *out, const char *prefix,
                        long long *total) {
  const char *m = mobile ? mobile : "";
  for (const char *p = m; *p; p++)
    if (*p < '0' || *p > '9') return nerr_raise(NERR_ASSERT, "sms_outbox_list: mobile must be digits");
  NEOERR *err = db_query_ll(db, SQL_COUNT, DBA(DS(m), DS(m)), total, NULL);
  if (!err && offset < *total)
    err = db_query_hdf(db, out, prefix, SQL_LIST, DBA(DS(m), DS(m), DI(limit), DI(offset)), NULL);
  return nerr_pass(err);
}
