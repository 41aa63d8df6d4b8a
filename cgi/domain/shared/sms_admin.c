/* sms_admin.c: reading the SMS outbox for the back office (B10) — with live codes and passwords masked */
#include "shared/sms_admin.h"
#include <string.h>

/* Masked in SQL so the secret never reaches the page model: a code is exactly six digits (order numbers
 * and phone numbers are longer runs and stay readable); a reset text's password is its 10+ character token. */
#define MASKED_BODY                                                                                                    \
  "IF(purpose = 'admin_reset', REGEXP_REPLACE(body, '[A-Za-z0-9]{10,}', '**********'),"                                \
  " REGEXP_REPLACE(body, '(?<![0-9])[0-9]{6}(?![0-9])', '******')) AS body"
#define SMS_COLS                                                                                                       \
  "SELECT id, mobile, purpose, " MASKED_BODY ", driver, status, error,"                                               \
  " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at"

/* A whole mobile reads by_mobile (mobile, id) in order; a prefix gathers its texts by range first; none reads the
 * table newest first. Counts stop at SMS_COUNT_CAP + 1. */
void sms_outbox_stmt(const char *mobile, long long offset, long long after, int limit, int count, list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  list_stmt_add(&body, " FROM sms_outbox WHERE 1 = 1");
  if (mobile && strlen(mobile) == 11) list_stmt_arg(&body, " AND mobile = ?", DS(mobile));
  else if (mobile && *mobile) list_stmt_arg(&body, " AND mobile LIKE CONCAT(?, '%')", DS(mobile));
  list_stmt_build(out, &body, count, SMS_COUNT_CAP, SMS_COLS, "id", offset, after, limit);
}

NEOERR *sms_outbox_list(MYSQL *db, const char *mobile, long long offset, long long after, int limit, HDF *out,
                        const char *prefix, int *rows, long long *total) {
  const char *m = mobile ? mobile : "";
  for (const char *p = m; *p; p++)
    if (*p < '0' || *p > '9') return nerr_raise(NERR_ASSERT, "sms_outbox_list: mobile must be digits");
  list_stmt st;
  *rows = 0;
  sms_outbox_stmt(m, 0, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  sms_outbox_stmt(m, offset, after, limit, 0, &st);
  if (!err && (after > 0 || offset < *total)) err = db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows);
  return nerr_pass(err);
}
