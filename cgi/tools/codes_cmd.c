/* codes_cmd.c: mallctl codes-generate, codes-worker, codes-import, codes-activate, codes-deactivate, qr-png */
#include "codes_cmd.h"
#include "codes/code_batches.h"
#include "codes/code_boxes.h"
#include "codes/code_import.h"
#include "codes/code_package.h"
#include "shared/qr.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failed(NEOERR **err, const char *what) {
  STRING s;
  string_init(&s);
  nerr_error_string(*err, &s);
  fprintf(stderr, "mallctl %s: %s\n", what, s.buf ? s.buf : "error");
  string_clear(&s);
  nerr_ignore(err);
  return 1;
}

/* The value after option name in argv, or NULL. */
static const char *opt(int argc, char **argv, const char *name) {
  for (int i = 2; i + 1 < argc; i++)
    if (strcmp(argv[i], name) == 0) return argv[i + 1];
  return NULL;
}

static long long num(const char *s) {
  if (!s || !*s) return 0;
  char *end = NULL;
  long long v = strtoll(s, &end, 10);
  return end && !*end && v > 0 ? v : 0;
}

static void system_actor(audit_actor *who, char name[96]) {
  const char *user = getenv("USER");
  snprintf(name, 96, "mallctl:%.60s", user && *user ? user : "unknown");
  *who = (audit_actor){0, name, "", "system"};
}

/* The progress line: one line rewritten in place on a terminal, a line per 10% otherwise. */
static void progress(void *ctx, long long done, long long total) {
  int *last = ctx, tty = isatty(2), pct = (int)(100 * done / total);
  if (tty) fprintf(stderr, "\rcodes: %lld / %lld (%d%%)%s", done, total, pct, done == total ? "\n" : "");
  else if (pct / 10 != *last / 10 || done == total) fprintf(stderr, "codes: %lld / %lld (%d%%)\n", done, total, pct);
  *last = pct;
}

static int cmd_generate(MYSQL *db, int argc, char **argv) {
  const char *out = opt(argc, argv, "--out"), *base = opt(argc, argv, "--base-url");
  if (!base) base = getenv("MALL_PUBLIC_URL");
  code_batch_spec s = {num(opt(argc, argv, "--activity")),
                       opt(argc, argv, "--name"),
                       num(opt(argc, argv, "--count")),
                       num(opt(argc, argv, "--points")),
                       opt(argc, argv, "--valid-until"),
                       opt(argc, argv, "--points-expire"),
                       base};
  if (!s.activity_id || !s.count || s.count > CODE_BATCH_MAX || !s.points || !s.valid_until || !s.points_expire ||
      !out || !base || strncmp(base, "http", 4) != 0) {
    fprintf(stderr,
            "usage: mallctl codes-generate --activity ID --count N (1-%d) --points P --valid-until YYYY-MM-DD "
            "--points-expire YYYY-MM-DD --out FILE.zip [--name TEXT] [--base-url https://… (default "
            "MALL_PUBLIC_URL)]\n",
            CODE_BATCH_MAX);
    return 2;
  }
  if (!s.name) s.name = "mallctl";
  char name[96], password[24];
  audit_actor who;
  system_actor(&who, name);
  long long batch = 0, job_id = 0;
  batch_result res;
  NEOERR *err = code_batch_create(db, &who, &s, &batch, &job_id, &res);
  if (err) return failed(&err, "codes-generate");
  if (res != BATCH_OK) {
    fprintf(stderr, "mallctl codes-generate: %s\n",
            res == BATCH_NO_ACTIVITY ? "no such activity" : "dates: valid-until from today, points-expire after it");
    return 1;
  }
  code_job job;
  int got = 0, last = -1;
  double secs = 0;
  if ((err = code_job_claim(db, job_id, &job, &got))) return failed(&err, "codes-generate");
  if (!got) {
    fprintf(stderr, "mallctl codes-generate: job %lld was taken by a worker\n", job_id);
    return 1;
  }
  err = code_job_run(db, &job, out, password, progress, &last, &secs);
  if (err) return failed(&err, "codes-generate");
  printf("batch %lld: %lld codes in %.2f s (%.0f codes/s), package %s\n", batch, s.count, secs, s.count / secs, out);
  /* Printed once, here only: the server keeps nothing that opens the package. */
  printf("password: %s\n", password);
  return 0;
}

static int cmd_worker(MYSQL *db, int argc, char **argv) {
  long long only = num(opt(argc, argv, "--job"));
  int ran = 0, rc = 0;
  for (;;) {
    code_job job;
    int got = 0, last = -1;
    double secs = 0;
    char password[24];
    NEOERR *err = code_job_claim(db, only, &job, &got);
    if (err) return failed(&err, "codes-worker");
    if (!got) break;
    ran++;
    err = code_job_run(db, &job, NULL, password, isatty(2) ? progress : NULL, &last, &secs);
    memset(password, 0, sizeof password);
    if (err) rc = failed(&err, "codes-worker");
    else printf("job %lld: batch %lld, %lld codes in %.2f s\n", job.id, job.batch_id, job.total, secs);
    if (only) break;
  }
  if (!ran && !only) printf("codes-worker: no job waiting\n");
  /* A password nobody came to see in a week is forgotten: the package it opens is then useless to anyone. */
  long long forgotten = 0;
  NEOERR *err = only ? STATUS_OK : code_jobs_forget_passwords(db, 7, &forgotten);
  if (err) rc = failed(&err, "codes-worker");
  else if (forgotten) printf("codes-worker: %lld package passwords never shown, forgotten\n", forgotten);
  return rc;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  if (buf) buf[n] = 0;
  *len = buf ? (size_t)n : 0;
  fclose(f);
  return buf;
}

static const char *const ISSUE_TEXT[][2] = {
    {"malformed", "not a code (box code, then the code or its URL)"},
    {"check", "check character does not match: a typo"},
    {"unknown", "unknown code: not of this batch"},
    {"duplicate", "duplicate of line"},
    {"conflict", "already in box"},
    {"box", "bad box code"},
};

static void codes_print_report(FILE *f, const code_import_report *r) {
  for (int i = 0; i < r->nissues; i++) {
    const import_issue *is = &r->issues[i];
    const char *t = is->kind;
    for (size_t k = 0; k < sizeof ISSUE_TEXT / sizeof ISSUE_TEXT[0]; k++)
      if (strcmp(ISSUE_TEXT[k][0], is->kind) == 0) t = ISSUE_TEXT[k][1];
    fprintf(f, "line %lld: %s%s%s\n", is->line, t, is->detail[0] ? " " : "", is->detail);
  }
  long long refused = code_import_refusals(r);
  if (refused > r->nissues) fprintf(f, "… and %lld more refused lines\n", refused - r->nissues);
  if (r->missing) {
    fprintf(f, "missing: %lld codes of the batch are in no line (serials", r->missing);
    for (int i = 0; i < r->nmissing_listed; i++) fprintf(f, " %lld", r->missing_serials[i]);
    fprintf(f, "%s)\n", r->missing > r->nmissing_listed ? " …" : "");
  }
}

static int cmd_import(MYSQL *db, int argc, char **argv) {
  long long batch = num(opt(argc, argv, "--batch"));
  const char *path = argc >= 5 ? argv[argc - 1] : NULL;
  if (!batch || !path || path[0] == '-') {
    fprintf(stderr,
            "usage: mallctl codes-import --batch ID FILE (.csv, or .zip with the password in MALL_ZIP_PASSWORD "
            "or on stdin)\n");
    return 2;
  }
  size_t len = 0;
  char *data = slurp(path, &len);
  if (!data) {
    fprintf(stderr, "mallctl codes-import: cannot read %s\n", path);
    return 1;
  }
  if (code_zip_looks(data, len)) {
    char pw[200] = "";
    const char *env = getenv("MALL_ZIP_PASSWORD");
    if (env) snprintf(pw, sizeof pw, "%s", env);
    else if (fgets(pw, sizeof pw, stdin)) pw[strcspn(pw, "\r\n")] = 0;
    char *csv = NULL;
    size_t clen = 0;
    int bad = 0;
    NEOERR *err = code_zip_read(data, len, pw, 256u << 20, &csv, &clen, &bad);
    free(data);
    if (err) return failed(&err, "codes-import");
    if (bad) {
      fprintf(stderr, "mallctl codes-import: wrong password for %s\n", path);
      return 1;
    }
    data = csv;
    len = clen;
  }
  char name[96];
  audit_actor who;
  system_actor(&who, name);
  code_import_report *r = malloc(sizeof *r);
  if (!r) return 1;
  NEOERR *err = code_import(db, &who, batch, data, len, r);
  free(data);
  int rc = 0;
  if (err) rc = failed(&err, "codes-import");
  else {
    codes_print_report(stdout, r);
    if (r->written)
      printf("imported: %lld lines, %lld codes in %lld boxes (%lld newly mapped)\n", r->lines, r->codes, r->boxes,
             r->changed);
    else {
      printf("refused: %lld of %lld lines; nothing was written\n", code_import_refusals(r), r->lines);
      rc = 1;
    }
  }
  free(r);
  return rc;
}

static int cmd_boxes(MYSQL *db, int argc, char **argv, int active) {
  const char *what = active ? "codes-activate" : "codes-deactivate";
  long long batch = num(opt(argc, argv, "--batch"));
  const char *boxes = opt(argc, argv, "--boxes"), *from = opt(argc, argv, "--from"), *to = opt(argc, argv, "--to");
  if (!batch || (!boxes && !(from && to))) {
    fprintf(stderr, "usage: mallctl %s --batch ID (--boxes A,B,… | --from A --to B)\n", what);
    return 2;
  }
  char *copy = boxes ? strdup(boxes) : NULL;
  const char *list[BOXES_LIST_MAX];
  int n = 0;
  for (char *save = NULL, *t = copy ? strtok_r(copy, ", ", &save) : NULL; t && n < BOXES_LIST_MAX;
       t = strtok_r(NULL, ", ", &save))
    list[n++] = t;
  char name[96], unknown[300];
  audit_actor who;
  system_actor(&who, name);
  long long changed = 0;
  boxes_result res;
  NEOERR *err =
      code_boxes_set(db, &who, batch, active, copy ? list : NULL, n, from, to, &changed, &res, unknown, sizeof unknown);
  free(copy);
  if (err) return failed(&err, what);
  if (res == BOXES_UNKNOWN) {
    fprintf(stderr, "mallctl %s: unknown boxes: %s (nothing changed)\n", what, unknown);
    return 1;
  }
  if (res == BOXES_NONE_IN_RANGE) {
    fprintf(stderr, "mallctl %s: no box between %s and %s\n", what, from, to);
    return 1;
  }
  printf("%lld boxes %s\n", changed, active ? "activated" : "deactivated");
  return 0;
}

static int cmd_qr(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: mallctl qr-png TEXT FILE.png\n");
    return 2;
  }
  unsigned char *png = NULL;
  size_t len = 0;
  if (qr_png(argv[2], 8, &png, &len) != 0) return 1;
  FILE *f = fopen(argv[3], "wb");
  int ok = f && fwrite(png, 1, len, f) == len;
  if (f) fclose(f);
  free(png);
  return ok ? 0 : 1;
}

int codes_cmd_is(const char *cmd) {
  return strcmp(cmd, "codes-generate") == 0 || strcmp(cmd, "codes-worker") == 0 || strcmp(cmd, "codes-import") == 0 ||
      strcmp(cmd, "codes-activate") == 0 || strcmp(cmd, "codes-deactivate") == 0 || strcmp(cmd, "qr-png") == 0;
}

int codes_cmd(MYSQL *db, int argc, char **argv) {
  const char *cmd = argv[1];
  if (strcmp(cmd, "codes-generate") == 0) return cmd_generate(db, argc, argv);
  if (strcmp(cmd, "codes-worker") == 0) return cmd_worker(db, argc, argv);
  if (strcmp(cmd, "codes-import") == 0) return cmd_import(db, argc, argv);
  if (strcmp(cmd, "codes-activate") == 0) return cmd_boxes(db, argc, argv, 1);
  if (strcmp(cmd, "codes-deactivate") == 0) return cmd_boxes(db, argc, argv, 0);
  if (strcmp(cmd, "qr-png") == 0) return cmd_qr(argc, argv);
  return 2;
}

void codes_cmd_usage(void) {
  fprintf(
      stderr,
      "  codes-generate --activity ID --count N --points P --valid-until D --points-expire D --out FILE.zip\n"
      "                               [--name TEXT] [--base-url URL]   one-item codes (F5): prints the password once\n"
      "  codes-worker [--job ID]      run the back office's queued generation jobs (cron: every minute)\n"
      "  codes-import --batch ID FILE box ↔ code mapping (.csv, or .zip: password from MALL_ZIP_PASSWORD or stdin)\n"
      "  codes-activate --batch ID (--boxes A,B | --from A --to B)     codes in these boxes earn\n"
      "  codes-deactivate --batch ID (--boxes A,B | --from A --to B)   they no longer do (a stolen pallet)\n"
      "  qr-png TEXT FILE.png         draw a QR code (tests, print previews)\n");
}
