/* code_batches.h: code batches of an activity (F5) — creating one with its generation job, the job itself (codes
 * generated from the CSPRNG, only their keyed hashes written, the clear codes streamed into the encrypted package),
 * the package download and the once-shown password, and the back office's lists. No HTTP here. */
#ifndef MALL_CODE_BATCHES_H
#define MALL_CODE_BATCHES_H
#include "db.h"
#include "backoffice/audit.h"

#define CODE_BATCH_MAX 1000000
#define CODE_INSERT_ROWS 1000 /* rows per multi-row INSERT */
#define CODE_JOB_LEASE 120    /* seconds a worker's claim lasts without progress */
#define CODE_PACKAGE_PIECE (768 * 1024)

typedef struct {
  long long activity_id;
  const char *name;
  long long count, points;
  const char *valid_until, *points_expire; /* YYYY-MM-DD */
  const char *base_url;                    /* code URLs are base_url + "/c/" + code */
} code_batch_spec;

typedef enum { BATCH_OK, BATCH_NO_ACTIVITY, BATCH_BAD_DATES } batch_result;

/* Creates the batch and its queued generation job, audited, in one transaction. */
NEOERR *code_batch_create(MYSQL *db, const audit_actor *who, const code_batch_spec *s, long long *batch_id,
                          long long *job_id, batch_result *res);

/* A failed batch gets a new job (its codes were removed with the failure), audited; *job_id 0 when the batch is not
 * failed. */
NEOERR *code_batch_retry(MYSQL *db, const audit_actor *who, long long batch_id, long long *job_id);
/* Forgets package passwords nobody came to see within days (the package itself stays unreadable without it). */
NEOERR *code_jobs_forget_passwords(MYSQL *db, int days, long long *forgotten);

typedef struct {
  long long id, batch_id, admin_id, total;
  char holder[33];
} code_job;

/* Claims a job for this process: job_id, or (0) the oldest queued one, or one whose worker's lease ran out (it starts
 * again from nothing). *got = 0 when there is none to take. */
NEOERR *code_job_claim(MYSQL *db, long long job_id, code_job *job, int *got);

typedef void (*code_progress_fn)(void *ctx, long long done, long long total);
/* Runs a claimed job: generates the batch's codes (multi-row INSERTs of keyed hashes), builds the AES-256 ZIP of their
 * URLs with a new random password, and keeps it — at out_path when given (mallctl: the batch counts as exported
 * there), else in the database for its admin to download. The password goes to password (24 bytes) and, sealed, into
 * the job row (not for out_path). On failure the job and batch are marked failed and their codes removed. */
NEOERR *code_job_run(MYSQL *db, code_job *job, const char *out_path, char password[24], code_progress_fn fn, void *ctx,
                     double *seconds);

typedef enum { REVEAL_OK, REVEAL_NOT_YOURS, REVEAL_GONE, REVEAL_NOT_READY, REVEAL_NO_JOB } reveal_result;
/* The package password of a finished job, once, to the admin who started it: read and wiped in one transaction. */
NEOERR *code_job_password(MYSQL *db, long long job_id, long long admin_id, char out[24], reveal_result *res);

/* A job for its page: Job.{id, batch_id, state, done_count, total, percent, message, created_at, started_at,
 * finished_at, seconds_taken, admin_id, password_waiting, password_shown_at, batch_name, batch_state, package_bytes,
 * package_sha256}. *found = 0 when none. */
NEOERR *code_job_hdf(MYSQL *db, long long job_id, HDF *out, int *found);

/* The package for download by the admin who generated it (*ok = 0 otherwise or when it is gone): bytes into body;
 * the first download records the batch's exported_by / exported_at, audited. */
NEOERR *code_package_take(MYSQL *db, const audit_actor *who, long long batch_id, STRING *body, int *ok);
/* Deletes the package (only the hashes remain), audited; *ok = 0 when not its admin's or none. */
NEOERR *code_package_discard(MYSQL *db, const audit_actor *who, long long batch_id, int *ok);

/* Lists, newest first, keyset on the primary key (after = 0: the first page): prefix.N.* rows, at most limit;
 * *more = 1 when another page follows. */
/* Their statements (EXPLAIN tests): batches first (limit), after (id, limit), jobs first, after. */
extern const char *const CODE_LISTS_SQL[4];
NEOERR *code_batches_list(MYSQL *db, long long after, int limit, HDF *out, const char *prefix, int *more);
NEOERR *code_jobs_list(MYSQL *db, long long after, int limit, HDF *out, const char *prefix, int *more);
/* One batch for its page: prefix.{id, name, activity_id, activity, count, points, valid_until, points_expire, state,
 * created_at, package_sha256, package_bytes, exported_by, exported_at, imported_at, has_package}. */
NEOERR *code_batch_hdf(MYSQL *db, long long batch_id, HDF *out, const char *prefix, int *found);
/* Typed facts of a batch that decide: *found = 0 when none. */
NEOERR *code_batch_count(MYSQL *db, long long batch_id, long long *count, int *found);

#endif
