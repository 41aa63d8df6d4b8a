/* codes.c: one-item code batches in the back office (F5) — create a batch (its generation job runs in a mallctl
 * process, never in this FastCGI process), follow the job, reveal the package password once, download and discard
 * the encrypted package */
#include "adm_codes.h"
#include "adm_catalog.h"
#include "campaigns/switches.h"
#include "codes/code_batches.h"
#include "config.h"
#include "log.h"
#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define T_LIST "admin/codes/list.cs"
#define T_JOB "admin/codes/job.cs"
#define T_PASSWORD "admin/codes/password.cs"
#define PER_PAGE 20

/* The code URLs' base: MALL_PUBLIC_URL when set, else this request's host (only when it looks like one). */
static void public_base(req *r, char *buf, size_t len) {
  const char *env = getenv("MALL_PUBLIC_URL");
  if (env && (strncmp(env, "http://", 7) == 0 || strncmp(env, "https://", 8) == 0) && strlen(env) < 200) {
    snprintf(buf, len, "%s", env);
    return;
  }
  const char *host = hdf_get_value(r->hdf, "HTTP.Host", "");
  int ok = *host && strlen(host) < 200;
  for (const char *p = host; ok && *p; p++) ok = isalnum((unsigned char)*p) || strchr(".-:[]", *p);
  snprintf(buf, len, "%s://%s", req_is_https() ? "https" : "http", ok ? host : "localhost");
}

/* Starts `mallctl codes-worker --job ID` beside this program, detached, its output in the log directory. If it cannot
 * start, cron's `mallctl codes-worker` takes the job. */
static void spawn_worker(long long job_id) { adm_spawn_worker("codes-worker", job_id); }

static NEOERR *list_page(req *r, long long after, long long jobs_after) {
  int more = 0, jmore = 0;
  NEOERR *err = adm_cat_page(r, T_LIST, "Codes.Title");
  if (!err) err = code_batches_list(r->db, after, PER_PAGE, r->hdf, "Batches", &more);
  if (!err && more) {
    char key[64];
    snprintf(key, sizeof key, "Batches.%d.id", PER_PAGE - 1);
    err = hdf_set_value(r->hdf, "Page.NextAfter", hdf_get_value(r->hdf, key, ""));
  }
  if (!err) err = code_jobs_list(r->db, jobs_after, 10, r->hdf, "Jobs", &jmore);
  if (!err && jmore) err = hdf_set_value(r->hdf, "Page.JobsAfter", hdf_get_value(r->hdf, "Jobs.9.id", ""));
  if (!err) err = switch_list_activities(r->db, r->hdf, "Activities");
  return nerr_pass(err);
}

/* GET /admin/codes?after=&jobs_after=&done= → 200 batches and jobs (newest first, each keyset on its id), the new batch
 * form; 400 a bad cursor */
NEOERR *h_adm_codes(req *r) {
  static const in_field F[] = {{"after", IN_INT, 0, 1, 2147483647, NULL},
                               {"jobs_after", IN_INT, 0, 1, 9000000000000000000LL, NULL}};
  in_value v[2];
  if (input_read(r, F, 2, v)) return nerr_pass(req_fail(r, 400));
  NEOERR *err = list_page(r, v[0].present ? v[0].i : 0, v[1].present ? v[1].i : 0);
  if (!err) err = req_done_notice(r, "discarded", "Codes.Done");
  return nerr_pass(err);
}

/* POST /admin/codes: activity_id, name, count (1–1,000,000), points, valid_until, points_expire → 303
 * /admin/codes/jobs/{id} (the job is queued and a worker started); 200 the form with field errors. */
NEOERR *h_adm_codes_create(req *r) {
  static const in_field F[] = {
      {"activity_id", IN_INT, IN_REQUIRED, 1, 2147483647, NULL}, {"name", IN_STR, IN_REQUIRED, 1, 100, NULL},
      {"count", IN_INT, IN_REQUIRED, 1, CODE_BATCH_MAX, NULL},   {"points", IN_INT, IN_REQUIRED, 1, 1000000, NULL},
      {"valid_until", IN_DATE, IN_REQUIRED, 0, 0, NULL},         {"points_expire", IN_DATE, IN_REQUIRED, 0, 0, NULL},
  };
  in_value v[6];
  int bad = input_read(r, F, 6, v);
  NEOERR *err;
  long long batch = 0, job = 0;
  batch_result res = BATCH_OK;
  if (!bad) {
    char base[256];
    public_base(r, base, sizeof base);
    code_batch_spec s = {v[0].i, v[1].s, v[2].i, v[3].i, v[4].s, v[5].s, base};
    audit_actor who;
    admin_actor(r, &who);
    if ((err = code_batch_create(r->db, &who, &s, &batch, &job, &res))) return nerr_pass(err);
    if (res == BATCH_NO_ACTIVITY) bad = req_form_error(r, "activity_id", "Codes.NoActivity") == STATUS_OK;
    if (res == BATCH_BAD_DATES) bad = req_form_error(r, "points_expire", "Codes.BadDates") == STATUS_OK;
  }
  if (bad) {
    err = list_page(r, 0, 0);
    if (!err) err = adm_cat_keep_values(r, F, 6);
    if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
    return nerr_pass(err);
  }
  spawn_worker(job);
  char loc[64];
  snprintf(loc, sizeof loc, "/admin/codes/jobs/%lld", job);
  req_redirect(r, loc);
  return STATUS_OK;
}

/* GET /admin/codes/jobs/{id} → 200 the job's progress (the page refreshes itself every 2 s while it runs); when
 * done, the package and, for the admin who started it, the button that shows its password once; 404 unknown job */
NEOERR *h_adm_codes_job(req *r) {
  int found = 0;
  NEOERR *err = adm_cat_page(r, T_JOB, "Codes.JobTitle");
  if (!err) err = code_job_hdf(r->db, req_arg_id(r, 0), r->hdf, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  const char *state = hdf_get_value(r->hdf, "Job.state", "");
  if (strcmp(state, "queued") == 0 || strcmp(state, "running") == 0) err = hdf_set_value(r->hdf, "Page.Refresh", "2");
  if (!err && db_hdf_ll(r->hdf, "Job.admin_id", -1) == r->user_id) err = hdf_set_value(r->hdf, "Job.Mine", "1");
  return nerr_pass(err);
}

/* POST /admin/codes/jobs/{id}/password → 200 the package password, shown this once (it is wiped in the same
 * transaction); 409 shown before; 403 another admin's job; 404 unknown job */
NEOERR *h_adm_codes_password(req *r) {
  char pw[24];
  reveal_result res;
  long long id = req_arg_id(r, 0);
  NEOERR *err = code_job_password(r->db, id, r->user_id, pw, &res);
  if (err) return nerr_pass(err);
  if (res == REVEAL_NO_JOB) return nerr_pass(req_fail(r, 404));
  if (res == REVEAL_NOT_YOURS) return nerr_pass(req_fail(r, 403));
  int found = 0;
  if ((err = adm_cat_page(r, T_PASSWORD, "Codes.PasswordTitle"))) return nerr_pass(err);
  if ((err = code_job_hdf(r->db, id, r->hdf, &found))) return nerr_pass(err);
  if (res != REVEAL_OK) {
    r->status = 409;
    return nerr_pass(req_flash(r, res == REVEAL_GONE ? "Codes.PasswordGone" : "Codes.NotReady"));
  }
  err = hdf_set_value(r->hdf, "Package.Password", pw);
  memset(pw, 0, sizeof pw);
  if (!err) {
    audit_actor who;
    admin_actor(r, &who);
    err = audit_record(r->db, &who, "show_password", "code_batch", db_hdf_ll(r->hdf, "Job.batch_id", 0), NULL, NULL);
  }
  return nerr_pass(err);
}

/* GET /admin/codes/batches/{id}/package.zip → 200 the encrypted ZIP (only for the admin who generated it, while it is
 * kept; the first download is recorded as the export, audited); 404 otherwise */
NEOERR *h_adm_codes_package(req *r) {
  audit_actor who;
  admin_actor(r, &who);
  int ok = 0;
  long long id = req_arg_id(r, 0);
  NEOERR *err = code_package_take(r->db, &who, id, &r->body, &ok);
  if (err) return nerr_pass(err);
  if (!ok) {
    r->body.len = 0;
    r->status = 404;
    r->content_type = "text/plain; charset=utf-8";
    return nerr_pass(string_append(&r->body, "no package for you here\n"));
  }
  char h[160];
  snprintf(h, sizeof h, "Content-Disposition: attachment; filename=\"codes-batch%lld.zip\"\r\n", id);
  r->content_type = "application/zip";
  r->no_cache = 1;
  return nerr_pass(string_append(&r->headers, h));
}

/* POST /admin/codes/batches/{id}/retry → 303 the new job's page (a worker started); 409 the batch has not failed */
NEOERR *h_adm_codes_retry(req *r) {
  audit_actor who;
  admin_actor(r, &who);
  long long job = 0;
  NEOERR *err = code_batch_retry(r->db, &who, req_arg_id(r, 0), &job);
  if (err) return nerr_pass(err);
  if (!job) return nerr_pass(req_fail(r, 409));
  spawn_worker(job);
  char loc[64];
  snprintf(loc, sizeof loc, "/admin/codes/jobs/%lld", job);
  req_redirect(r, loc);
  return STATUS_OK;
}

/* POST /admin/codes/batches/{id}/discard → 303 /admin/codes?done=discarded (the package is deleted: only the codes'
 * hashes remain); 404 when there is none of this admin's */
NEOERR *h_adm_codes_discard(req *r) {
  audit_actor who;
  admin_actor(r, &who);
  int ok = 0;
  NEOERR *err = code_package_discard(r->db, &who, req_arg_id(r, 0), &ok);
  if (err) return nerr_pass(err);
  if (!ok) return nerr_pass(req_fail(r, 404));
  req_redirect(r, "/admin/codes?done=discarded");
  return STATUS_OK;
}
