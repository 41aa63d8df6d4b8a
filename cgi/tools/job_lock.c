/* job_lock.c: a cron job runs on one machine at a time — the same crontab may run on every app machine at once. The
 * claim is one statement (a live lease is kept, an expired one taken over), inside db_tx so that a Galera
 * certification conflict between two nodes claiming at once is retried and one of them wins. */
#include "job_lock.h"
#include "crypto.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* MariaDB applies the assignments left to right: holder is decided while locked_until still holds the old lease. */
static const char SQL_CLAIM[] =
    "INSERT INTO job_locks (name, holder, host, locked_until) VALUES (?, ?, ?, NOW() + INTERVAL ? SECOND) "
    "ON DUPLICATE KEY UPDATE holder = IF(locked_until < NOW(), VALUES(holder), holder), "
    "host = IF(holder = VALUES(holder), VALUES(host), host), "
    "locked_until = IF(holder = VALUES(holder), VALUES(locked_until), locked_until)";
static const char SQL_WHO[] = "SELECT holder, host, DATE_FORMAT(locked_until, '%Y-%m-%d %H:%i:%s') FROM job_locks "
                              "WHERE name = ?";
static const char SQL_RELEASE[] = "UPDATE job_locks SET locked_until = NOW() - INTERVAL 1 SECOND "
                                  "WHERE name = ? AND holder = ?";

struct claim {
  job_lock *l;
  char host[65];
  char who[33], who_host[65], until[32];
};

static NEOERR *claim_tx(MYSQL *db, void *arg) {
  struct claim *c = arg;
  NEOERR *err = db_exec(db, SQL_CLAIM, DBA(DS(c->l->name), DS(c->l->holder), DS(c->host), DI(JOB_LEASE_SECONDS)),
                        NULL, NULL);
  if (!err)
    err = db_row(db, SQL_WHO, DBA(DS(c->l->name)), DCOLS(DCOL_STR(c->who), DCOL_STR(c->who_host), DCOL_STR(c->until)),
                 NULL);
  return nerr_pass(err);
}

static NEOERR *take_once(MYSQL *db, const char *name, job_lock *l, int *got, int quiet) {
  unsigned char r[16];
  memset(l, 0, sizeof *l);
  *got = 0;
  if (crypto_random(r, sizeof r) != 0) return nerr_raise(NERR_SYSTEM, "no randomness for a job claim");
  crypto_hex(r, sizeof r, l->holder);
  snprintf(l->name, sizeof l->name, "%s", name);
  struct claim c = {.l = l};
  if (gethostname(c.host, sizeof c.host - 1) != 0) snprintf(c.host, sizeof c.host, "?");
  NEOERR *err = db_tx(db, claim_tx, &c);
  if (err) return nerr_pass(err);
  l->held = *got = strcmp(c.who, l->holder) == 0;
  if (!*got && !quiet)
    fprintf(stderr, "mallctl %s: running elsewhere (on %s, lease until %s): waiting for it\n", name, c.who_host, c.until);
  return STATUS_OK;
}

NEOERR *job_lock_take(MYSQL *db, const char *name, job_lock *l, int *got) {
  /* Waiting, not skipping: the run in progress may have started before the work this one was started for. */
  for (int waited = 0;; waited++) {
    NEOERR *err = take_once(db, name, l, got, waited > 0);
    if (err || *got) return nerr_pass(err);
    if (waited * JOB_POLL_MS >= JOB_WAIT_SECONDS * 1000) {
      fprintf(stderr, "mallctl %s: still running elsewhere after %d s: skipped\n", name, JOB_WAIT_SECONDS);
      return STATUS_OK;
    }
    usleep(JOB_POLL_MS * 1000);
  }
}

NEOERR *job_lock_release(MYSQL *db, job_lock *l) {
  if (!l->held) return STATUS_OK;
  l->held = 0;
  return nerr_pass(db_exec(db, SQL_RELEASE, DBA(DS(l->name), DS(l->holder)), NULL, NULL));
}
