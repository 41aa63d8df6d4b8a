/* grant_jobs.h: bulk points grants from a CSV file (B8) — the file checked whole (a line-by-line report; nothing is
 * written while any line is bad), stored as a job of one row per line, applied by a background worker (mallctl
 * grants-worker) that resumes after a crash with every line granted exactly once; the result as CSV. No HTTP here. */
#ifndef MALL_GRANT_JOBS_H
#define MALL_GRANT_JOBS_H
#include "backoffice/audit.h"
#include "members/enterprise_scope.h"

#define GRANT_FILE_MAX_ROWS 100000
#define GRANT_FILE_MAX_BYTES (16L << 20) /* lighttpd lets the upload route's bodies reach 16 MiB */
#define GRANT_MAX_ISSUES 200             /* issues listed one by one; the rest are counted */
#define GRANT_JOB_LEASE 120              /* seconds a worker's claim lasts without progress */
#define GRANT_ROWS_PER_TX 100            /* lines applied per transaction */

typedef struct {
  long long line; /* 1-based line of the file */
  char what[24];  /* "mobile", "points", "reason", "expiry", "member", "columns", "budget", "file" */
  char detail[96];
} grant_issue;

typedef struct {
  long long lines, rows, points; /* lines read, grant rows found, points they grant */
  int nissues;
  long long issues_total; /* every issue, also those past GRANT_MAX_ISSUES */
  grant_issue issues[GRANT_MAX_ISSUES];
  long long job_id;    /* the job made (0 when the file was refused) */
  long long duplicate; /* the job an earlier upload of the same file made (nothing new written) */
  char sha256[65];
} grant_check;

/* Checks the CSV (UTF-8, optional BOM and header; columns mobile, points, reason, expiry 'YYYY-MM-DD') against the
 * members in scope, the dates and the enterprises' budgets left, and when every line is good stores the job and its
 * rows in one transaction, audited ("bulk_grant", entity "grant_job"). The job grants under the scope's enterprise. */
NEOERR *grant_file_submit(MYSQL *db, ent_scope scope, const audit_actor *who, const char *file_name, const char *data,
                          size_t len, grant_check *out);

typedef struct {
  long long id, total, done;
  char holder[33];
} grant_job;

/* Claims job_id, or (0) the oldest queued one, or a running one whose worker's lease ran out (it resumes where that
 * one stopped: rows done stay done). *got = 0 when there is none to take. Records this process's pid. */
NEOERR *grant_job_claim(MYSQL *db, long long job_id, grant_job *job, int *got);
typedef void (*grant_progress_fn)(void *ctx, long long done, long long total);
/* Applies the claimed job's rows not done yet, GRANT_ROWS_PER_TX per transaction: each row's grant (ledger kind
 * 'grant', once_key 'bulk:<job>:<line>'), its enterprise's budget and its done flag commit together, with the job's
 * done_count and lease. Ends 'done', or 'failed' with a message (a budget used up: the rows before stay granted; resume
 * once the budget is raised). */
NEOERR *grant_job_run(MYSQL *db, grant_job *job, grant_progress_fn fn, void *ctx);
/* A failed job (or one whose worker died) is queued again, audited; *ok = 0 when it is not in scope or done. */
NEOERR *grant_job_requeue(MYSQL *db, ent_scope scope, const audit_actor *who, long long job_id, int *ok);

/* Jobs in scope, newest first: prefix.N.{id, file_name, state, total, done_count, points_total, percent, created_at,
 * finished_at, enterprise, message}. */
NEOERR *grant_jobs_list(MYSQL *db, ent_scope scope, int limit, HDF *out, const char *prefix);
/* One job in scope as prefix.{…the same…, file_sha256, started_at, running, stale}; *found = 0 when none. */
NEOERR *grant_job_hdf(MYSQL *db, ent_scope scope, long long job_id, HDF *out, const char *prefix, int *found);
/* The job's rows as CSV (line, mobile, points, reason, expiry, state, ledger_id); *found = 0 when not in scope. */
NEOERR *grant_job_csv(MYSQL *db, ent_scope scope, long long job_id, STRING *out, int *found);

#endif
