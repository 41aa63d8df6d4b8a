/* grants_cmd.c: mallctl grants-worker — applies bulk grant jobs (B8): the job the back office just queued (--job ID),
 * or from cron every queued job and every job whose worker died (its lease ran out: it resumes where it stopped) */
#include "grants_cmd.h"
#include "members/grant_jobs.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void progress(void *ctx, long long done, long long total) {
  int *last = ctx, pct = total ? (int)(100 * done / total) : 100;
  if (isatty(2)) fprintf(stderr, "\rgrants: %lld / %lld (%d%%)%s", done, total, pct, done == total ? "\n" : "");
  *last = pct;
}

static int cmd_worker(MYSQL *db, int argc, char **argv) {
  long long only = 0;
  for (int i = 2; i + 1 < argc; i++)
    if (strcmp(argv[i], "--job") == 0) only = strtoll(argv[i + 1], NULL, 10);
  int ran = 0, rc = 0;
  for (;;) {
    grant_job job;
    int got = 0, last = -1;
    NEOERR *err = grant_job_claim(db, only, &job, &got);
    if (!err && !got) break;
    if (!err) {
      ran++;
      err = grant_job_run(db, &job, progress, &last);
    }
    if (err) {
      STRING s;
      string_init(&s);
      nerr_error_string(err, &s);
      fprintf(stderr, "mallctl grants-worker: %s\n", s.buf ? s.buf : "error");
      string_clear(&s);
      nerr_ignore(&err);
      rc = 1;
      break;
    }
    printf("grant job %lld: %lld / %lld lines granted\n", job.id, job.done, job.total);
    if (only) break;
  }
  if (!ran) printf("grants-worker: no job waiting\n");
  return rc;
}

int grants_cmd_is(const char *cmd) { return strcmp(cmd, "grants-worker") == 0; }

int grants_cmd(MYSQL *db, int argc, char **argv) {
  if (strcmp(argv[1], "grants-worker") == 0) return cmd_worker(db, argc, argv);
  return 2;
}

void grants_cmd_usage(void) {
  fprintf(stderr, "  grants-worker [--job ID]     run the back office's bulk grant jobs, resuming abandoned ones (cron: "
                  "every minute)\n");
}
