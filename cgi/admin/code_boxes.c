/* code_boxes.c: a code batch's page in the back office (F5) — its boxes (keyset pages in box-code order), the plant's
 * box ↔ item mapping upload (CSV, or ZIP with its password; checked whole before anything is written), and
 * activation or deactivation of boxes by list or range */
#include "adm_codes.h"
#include "adm_catalog.h"
#include "codes/code_batches.h"
#include "codes/code_boxes.h"
#include "codes/code_import.h"
#include "codes/code_package.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_BATCH "admin/codes/batch.cs"
#define BOXES_PER_PAGE 50
#define IMPORT_MAX_UPLOAD (16L << 20) /* lighttpd lets this route's bodies reach 16 MiB */
/* A request checks and writes at most this many lines (~12 s here): a whole million-code mapping (~1 min) goes through
 * `mallctl codes-import`, so no FastCGI process is held for a minute. */
#define IMPORT_WEB_MAX_LINES 200000

NEOERR *adm_codes_batch_page(req *r, long long batch_id, const char *after, int *found) {
  NEOERR *err = adm_cat_page(r, T_BATCH, "Codes.BatchTitle");
  if (!err) err = code_batch_hdf(r->db, batch_id, r->hdf, "Batch", found);
  if (err || !*found) return nerr_pass(err);
  int more = 0;
  long long boxes = 0, active = 0;
  err = code_boxes_list(r->db, batch_id, after, BOXES_PER_PAGE, r->hdf, "Boxes", &more);
  if (!err && more) {
    char key[64];
    snprintf(key, sizeof key, "Boxes.%d.box_code", BOXES_PER_PAGE - 1);
    err = hdf_set_value(r->hdf, "Page.NextAfter", hdf_get_value(r->hdf, key, ""));
  }
  if (!err && after && *after) err = hdf_set_value(r->hdf, "Page.After", after);
  /* Counted only up to 1,000 (Lists: cost follows the page). */
  if (!err) err = code_boxes_count(r->db, batch_id, 1000, &boxes, &active);
  if (!err) err = hdf_set_value(r->hdf, "Batch.Boxes", boxes > 1000 ? "1000+" : "");
  if (!err && boxes <= 1000) err = hdf_set_valuef(r->hdf, "Batch.Boxes=%lld", boxes);
  if (!err) err = hdf_set_valuef(r->hdf, "Batch.ActiveBoxes=%lld%s", active, boxes > 1000 ? "+" : "");
  return nerr_pass(err);
}

static int box_text_ok(const char *s) {
  if (!*s || strlen(s) > BOX_CODE_MAX) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || strchr("-_.", *s)))
      return 0;
  return 1;
}

/* GET /admin/codes/batches/{id}?after=<box code>&done= → 200 the batch, its boxes, the import and activation forms;
 * 400 bad cursor; 404 unknown batch */
NEOERR *h_adm_codes_batch(req *r) {
  static const in_field F[] = {{"after", IN_STR, 0, 1, BOX_CODE_MAX, NULL}};
  in_value v[1];
  if (input_read(r, F, 1, v) || (v[0].present && !box_text_ok(v[0].s))) return nerr_pass(req_fail(r, 400));
  int found = 0;
  NEOERR *err = adm_codes_batch_page(r, req_arg_id(r, 0), v[0].present ? v[0].s : "", &found);
  if (!err && !found) return nerr_pass(req_fail(r, 404));
  if (!err) err = req_done_notice(r, "imported|activated|deactivated", "Codes.Done");
  return nerr_pass(err);
}

/* The uploaded file, whole, into *buf (malloc'd, NUL-terminated); *len 0 when none was sent. */
static NEOERR *read_upload(req *r, char **buf, size_t *len, int *too_big) {
  return nerr_pass(req_upload_read(r, "file", IMPORT_MAX_UPLOAD, buf, len, too_big));
}

/* The report as page values: Import.{lines, codes, boxes, changed, refused, missing, written}, Import.Issues.N.{line,
 * kind, detail}, Import.Missing.N (serials), Import.MoreIssues. */
static NEOERR *report_hdf(req *r, const code_import_report *rep) {
  HDF *h = r->hdf;
  long long refused = code_import_refusals(rep);
  NEOERR *err = hdf_set_valuef(h, "Import.lines=%lld", rep->lines);
  if (!err) err = hdf_set_valuef(h, "Import.codes=%lld", rep->codes);
  if (!err) err = hdf_set_valuef(h, "Import.boxes=%lld", rep->boxes);
  if (!err) err = hdf_set_valuef(h, "Import.changed=%lld", rep->changed);
  if (!err) err = hdf_set_valuef(h, "Import.refused=%lld", refused);
  if (!err) err = hdf_set_valuef(h, "Import.missing=%lld", rep->missing);
  if (!err) err = hdf_set_valuef(h, "Import.written=%d", rep->written);
  if (!err && refused > rep->nissues) err = hdf_set_valuef(h, "Import.MoreIssues=%lld", refused - rep->nissues);
  for (int i = 0; !err && i < rep->nissues; i++) {
    err = hdf_set_valuef(h, "Import.Issues.%d.line=%lld", i, rep->issues[i].line);
    if (!err) err = hdf_set_valuef(h, "Import.Issues.%d.kind=%s", i, rep->issues[i].kind);
    if (!err) err = hdf_set_valuef(h, "Import.Issues.%d.detail=%s", i, rep->issues[i].detail);
  }
  for (int i = 0; !err && i < rep->nmissing_listed; i++)
    err = hdf_set_valuef(h, "Import.Missing.%d=%lld", i, rep->missing_serials[i]);
  if (!err && rep->missing > rep->nmissing_listed) err = hdf_set_value(h, "Import.MissingMore", "1");
  return nerr_pass(err);
}

/* POST /admin/codes/batches/{id}/import (multipart: file — CSV "box code, code or code URL" per line, or a ZIP holding
 * one; password — the ZIP's) → 200 the batch page with the report: every refused line (malformed, bad check character,
 * unknown, duplicate, in another box) and the batch's codes the file leaves out; written only when no line is
 * refused, in one transaction (again: nothing changes); 404 unknown batch */
NEOERR *h_adm_codes_import(req *r) {
  static const in_field F[] = {{"password", IN_STR, 0, 1, 200, NULL}};
  in_value v[1];
  long long batch = req_arg_id(r, 0), count = 0;
  int found = 0, too_big = 0, bad_pw = 0;
  NEOERR *err = code_batch_count(r->db, batch, &count, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  input_read(r, F, 1, v);
  char *data = NULL, *csv = NULL;
  size_t len = 0, clen = 0;
  if ((err = read_upload(r, &data, &len, &too_big))) return nerr_pass(err);
  const char *problem = NULL;
  if (too_big) problem = "Codes.Import.TooBig";
  else if (!data) problem = "Codes.Import.NoFile";
  else if (code_zip_looks(data, len)) {
    err = code_zip_read(data, len, v[0].present ? v[0].s : "", (size_t)IMPORT_MAX_UPLOAD * 4, &csv, &clen, &bad_pw);
    if (err) {
      nerr_ignore(&err);
      problem = "Codes.Import.BadZip";
    } else if (bad_pw) problem = "Codes.Import.BadPassword";
  } else {
    csv = data;
    clen = len;
    data = NULL;
  }
  free(data);
  long long nl = 0;
  for (size_t i = 0; !problem && csv && i < clen; i++) nl += csv[i] == '\n';
  if (!problem && nl > IMPORT_WEB_MAX_LINES) problem = "Codes.Import.TooManyLines";
  code_import_report *rep = NULL;
  if (!problem) {
    rep = malloc(sizeof *rep);
    audit_actor who;
    admin_actor(r, &who);
    err = rep ? code_import(r->db, &who, batch, csv, clen, rep) : nerr_raise(NERR_NOMEM, "import report");
  }
  free(csv);
  if (!err) err = adm_codes_batch_page(r, batch, "", &found);
  if (!err && problem) err = req_form_error(r, "file", problem);
  if (!err && rep) {
    err = report_hdf(r, rep);
    if (!err && !rep->written) {
      r->status = 422;
      err = req_flash(r, "Codes.Import.RefusedAll");
    } else if (!err) err = hdf_set_value(r->hdf, "Page.Flash", req_text(r, "Codes.Import.Done"));
  }
  free(rep);
  return nerr_pass(err);
}

/* POST /admin/codes/batches/{id}/boxes: action=activate|deactivate, boxes (box codes, one a line or comma-separated,
 * up to 1,000) or from + to (a range in box-code order) → 303 the batch page ?done=activated|deactivated; 200 the page
 * with the error (unknown boxes — nothing changed —, empty range, bad box codes); 404 unknown batch */
NEOERR *h_adm_codes_boxes(req *r) {
  static const in_field F[] = {
      {"action", IN_ENUM, IN_REQUIRED, 0, 0, "activate|deactivate"},
      {"boxes", IN_TEXT, 0, 1, 50000, NULL},
      {"from", IN_STR, 0, 1, BOX_CODE_MAX, NULL},
      {"to", IN_STR, 0, 1, BOX_CODE_MAX, NULL},
  };
  in_value v[4];
  long long batch = req_arg_id(r, 0), count = 0;
  int found = 0;
  NEOERR *err = code_batch_count(r->db, batch, &count, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(req_fail(r, 404));
  int bad = input_read(r, F, 4, v);
  if (bad && !v[0].present) return nerr_pass(req_fail(r, 400));
  int active = v[0].present && strcmp(v[0].s, "activate") == 0;
  char *copy = v[1].present ? strdup(v[1].s) : NULL;
  const char *list[BOXES_LIST_MAX];
  int n = 0;
  const char *field = "boxes", *problem = NULL;
  for (char *save = NULL, *t = copy ? strtok_r(copy, ", \r\n\t", &save) : NULL; t;
       t = strtok_r(NULL, ", \r\n\t", &save)) {
    if (n == BOXES_LIST_MAX) {
      problem = "Codes.Boxes.TooMany";
      break;
    }
    if (!box_text_ok(t)) problem = "Codes.Boxes.BadCode";
    list[n++] = t;
  }
  int range = v[2].present && v[3].present;
  if (!problem && !bad && !n && !range) problem = "Codes.Boxes.Nothing";
  if (!problem && range && (!box_text_ok(v[2].s) || !box_text_ok(v[3].s)))
    problem = "Codes.Boxes.BadCode", field = "from";
  long long changed = 0;
  boxes_result res = BOXES_OK;
  char unknown[300] = "";
  if (!bad && !problem) {
    audit_actor who;
    admin_actor(r, &who);
    err = code_boxes_set(r->db, &who, batch, active, n ? list : NULL, n, v[2].s, v[3].s, &changed, &res, unknown,
                         sizeof unknown);
    if (!err && res == BOXES_UNKNOWN) problem = "Codes.Boxes.Unknown";
    if (!err && res == BOXES_NONE_IN_RANGE) problem = "Codes.Boxes.EmptyRange", field = "from";
  }
  free(copy);
  if (err) return nerr_pass(err);
  if (!bad && !problem) {
    char loc[96];
    snprintf(loc, sizeof loc, "/admin/codes/batches/%lld?done=%s", batch, active ? "activated" : "deactivated");
    req_redirect(r, loc);
    return STATUS_OK;
  }
  err = adm_codes_batch_page(r, batch, "", &found);
  if (!err) err = adm_cat_keep_values(r, F, 4);
  if (!err && problem) err = req_form_error(r, field, problem);
  if (!err && unknown[0]) err = hdf_set_value(r->hdf, "BoxesUnknown", unknown);
  if (!err) err = req_form_error(r, NULL, "AdminCat.FixErrors");
  return nerr_pass(err);
}
