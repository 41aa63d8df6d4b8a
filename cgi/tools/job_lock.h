/* job_lock.h: a cron job runs on one machine at a time — a leased row in job_locks (the database every node shares) */
#ifndef MALL_JOB_LOCK_H
#define MALL_JOB_LOCK_H
#include "db.h"

/* Longest a run may hold its job: a run that dies holding it frees it after this. */
#define JOB_LEASE_SECONDS 3600
/* How long a run waits for another run of the same job to finish, and how often it looks. */
#define JOB_WAIT_SECONDS 600
#define JOB_POLL_MS 200

typedef struct {
  char name[65];
  char holder[33]; /* random: this run's claim */
  int held;
} job_lock;

/* Claims job name for this run, waiting (up to JOB_WAIT_SECONDS) while another run holds a live lease: the same job
 * never runs twice at once. *got = 0 only when the wait ran out (it says who holds it). */
NEOERR *job_lock_take(MYSQL *db, const char *name, job_lock *l, int *got);
/* Gives the claim back (nothing when it was not held). */
NEOERR *job_lock_release(MYSQL *db, job_lock *l);

#endif
