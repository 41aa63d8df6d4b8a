/* grants.c: bulk points grants from a CSV file in the back office (B8) — upload (checked whole: a line-by-line report,
 * nothing written while a line is bad; a second upload of the same file leads to its job), the job's progress (applied
 * by a mallctl worker, never in this process), resume after a failure, the result as CSV; all within the admin's scope */
#include "adm_enterprises.h"
#include "adm_ops.h"
#include "members/grant_jobs.h"
#include "shared/csv.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_LIST "admin/enterprises/grants.cs"
#define T_JOB "admin/enterprises/grant_job.cs"

static NEOERR *list(req *r) {
  NEOERR *err = ops_show(r, T_LIST, "Grants.Title");
  if (!err) err = grant_jobs_list(r->db, adm_scope(r), 50, r->hdf, "Jobs");
  if (!err && r->enterprise[0] && strcmp(r->role, "enterprise") == 0)
    err = hdf_set_value(r->hdf, "Page.Enterprise", r->enterprise);
  return nerr_pass(err);
}

/* GET /admin/grants → 200 the upload form and the latest jobs in the admin's scope */
NEOERR *h_adm_grants(req *r) { return nerr_pass(list(r)); }

/* The uploaded file, whole, into *buf (malloc'd); *too_big when over the limit. */
static NEOERR *read_upload(req *r, char **buf, size_t *len, int *too_big) {
  return nerr_pass(req_upload_read(r, "file", GRANT_FILE_MAX_BYTES, buf, len, too_big));
}

/* The check's report as page values: Check.{lines, rows, points, issues, more}, Check.Issues.N.{line, what, detail}. */
static NEOERR *report(req *r, const grant_check *c) {
  HDF *h = r->hdf;
  NEOERR *err = hdf_set_valuef(h, "Check.lines=%lld", c->lines);
  if (!err) err = hdf_set_valuef(h, "Check.rows=%lld", c->rows);
  if (!err) err = hdf_set_valuef(h, "Check.points=%lld", c->points);
  if (!err) err = hdf_set_valuef(h, "Check.issues=%lld", c->issues_total);
  if (!err && c->issues_total > c->nissues) err = hdf_set_valuef(h, "Check.more=%lld", c->issues_total - c->nissues);
  for (int i = 0; !err && i < c->nissues; i++) {
    err = hdf_set_valuef(h, "Check.Issues.%d.line=%lld", i, c->issues[i].line);
    if (!err) err = hdf_set_valuef(h, "Check.Issues.%d.what=%s", i, c->issues[i].what);
    if (!err) err = hdf_set_valuef(h, "Check.Issues.%d.detail=%s", i, c->issues[i].detail);
  }
  return nerr_pass(err);
}

/* POST /admin/grants (multipart: file — CSV lines "mobile,points,reason,expiry", up to 100,000) → 303 the new job's
 * page (its worker started); 303 the earlier job's page ?done=duplicate for a file uploaded before; 422 the form with
 * the line-by-line report (nothing written); 200 the form with the error next to the file field (none, too big) */
NEOERR *h_adm_grants_upload(req *r) {
  char *data = NULL;
  size_t len = 0;
  int too_big = 0;
  NEOERR *err = read_upload(r, &data, &len, &too_big);
  if (err) return nerr_pass(err);
  if (too_big || !data) {
    free(data);
    if ((err = list(r))) return nerr_pass(err);
    return nerr_pass(req_form_error(r, "file", too_big ? "Grants.TooBig" : "Grants.NoFile"));
  }
  grant_check *c = calloc(1, sizeof *c);
  if (!c) {
    free(data);
    return nerr_raise(NERR_NOMEM, "grant check");
  }
  audit_actor who;
  admin_actor(r, &who);
  err = grant_file_submit(r->db, adm_scope(r), &who, hdf_get_value(r->hdf, "Query.file", ""), data, len, c);
  free(data);
  char to[96];
  if (!err && (c->job_id || c->duplicate)) {
    if (c->job_id) adm_spawn_worker("grants-worker", c->job_id);
    snprintf(to, sizeof to, "/admin/grants/jobs/%lld%s", c->job_id ? c->job_id : c->duplicate,
             c->job_id ? "" : "?done=duplicate");
    req_redirect(r, to);
  } else if (!err) {
    err = list(r);
    if (!err) err = report(r, c);
    if (!err) err = req_form_error(r, "file", "Grants.Refused");
    r->status = 422;
  }
  free(c);
  return nerr_pass(err);
}

static NEOERR *job_page(req *r, int *found) {
  NEOERR *err = ops_show(r, T_JOB, "Grants.JobTitle");
  if (!err) err = grant_job_hdf(r->db, adm_scope(r), req_arg_id(r, 0), r->hdf, "Job", found);
  if (err || !*found) return nerr_pass(err);
  const char *state = hdf_get_value(r->hdf, "Job.state", "");
  if (strcmp(state, "queued") == 0 || strcmp(state, "running") == 0) err = hdf_set_value(r->hdf, "Page.Refresh", "2");
  const char *msg = hdf_get_value(r->hdf, "Job.message", "");
  if (!err && strncmp(msg, "budget:", 7) == 0) err = hdf_set_value(r->hdf, "Job.BudgetLine", msg + 7);
  return nerr_pass(err);
}

/* GET /admin/grants/jobs/{id}?done= → 200 the job's progress (refreshing itself while it runs), its result link; 404
 * unknown or another enterprise's job */
NEOERR *h_adm_grants_job(req *r) {
  int found = 0;
  NEOERR *err = job_page(r, &found);
  if (!err && !found) return nerr_pass(req_fail(r, 404));
  if (!err) err = req_done_notice(r, "duplicate|resumed", "Grants.Done");
  return nerr_pass(err);
}

/* GET /admin/grants/jobs/{id}/result.csv → 200 text/csv: every line of the file with its state and ledger entry; 404 */
NEOERR *h_adm_grants_job_csv(req *r) {
  int found = 0;
  long long id = req_arg_id(r, 0);
  string_clear(&r->body);
  NEOERR *err = grant_job_csv(r->db, adm_scope(r), id, &r->body, &found);
  if (err) return nerr_pass(err);
  if (!found) {
    string_clear(&r->body);
    return nerr_pass(req_fail(r, 404));
  }
  r->no_cache = 1;
  r->content_type = "text/csv; charset=utf-8";
  char h[160];
  snprintf(h, sizeof h, "Content-Disposition: attachment; filename=\"grant-job-%lld.csv\"\r\n", id);
  return nerr_pass(string_append(&r->headers, h));
}

/* POST /admin/grants/jobs/{id}/resume → 303 the job ?done=resumed (queued again, a worker started; audited); 409 the
 * job is not failed nor abandoned by its worker; 404 unknown or another enterprise's job */
NEOERR *h_adm_grants_job_resume(req *r) {
  audit_actor who;
  admin_actor(r, &who);
  int ok = 0, found = 0;
  long long id = req_arg_id(r, 0);
  NEOERR *err = grant_job_requeue(r->db, adm_scope(r), &who, id, &ok);
  if (err) return nerr_pass(err);
  if (ok) {
    adm_spawn_worker("grants-worker", id);
    char to[96];
    snprintf(to, sizeof to, "/admin/grants/jobs/%lld?done=resumed", id);
    req_redirect(r, to);
    return STATUS_OK;
  }
  if ((err = job_page(r, &found))) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  r->status = 409;
  return nerr_pass(req_flash(r, "Grants.NotResumable"));
}
