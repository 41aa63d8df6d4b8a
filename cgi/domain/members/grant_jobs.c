/* grant_jobs.c: bulk points grants from a CSV file (B8) — check whole, store as a job, apply with a leased resumable
 * worker (each line once: its done flag commits with its ledger entry), report as CSV */
#include "members/grant_jobs.h"
#include "crypto.h"
#include "members/enterprise_budget.h"
#include "members/members_admin.h"
#include "points/points.h"
#include "points/reports.h"
#include "shared/csv.h"
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define LOOKUP_CHUNK 500 /* mobiles per lookup statement */
#define INSERT_CHUNK 500 /* rows per multi-row INSERT */

static const char SQL_DUPLICATE[] = "SELECT id FROM grant_jobs WHERE enterprise = ? AND file_sha256 = ?";
static const char SQL_JOB_INSERT[] = "INSERT IGNORE INTO grant_jobs (admin_id, enterprise, file_name, file_sha256, total,"
                                     " points_total) VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_JOB_NEXT[] = "SELECT id FROM grant_jobs FORCE INDEX (by_state) WHERE state = 'queued' ORDER BY id LIMIT 1";
static const char SQL_JOB_STALE[] = "SELECT id FROM grant_jobs FORCE INDEX (by_state) WHERE state = 'running' AND "
                                    "lease_until < NOW() ORDER BY id LIMIT 1";
/* Taking a job keeps done_count: a stale job resumes where its worker stopped. */
static const char SQL_JOB_TAKE[] =
    "UPDATE grant_jobs SET state = 'running', holder = ?, worker_pid = ?, lease_until = NOW() + INTERVAL ? SECOND,"
    " started_at = COALESCE(started_at, NOW()), message = ''"
    " WHERE id = ? AND (state = 'queued' OR (state = 'running' AND lease_until < NOW()))";
static const char SQL_JOB_GET[] = "SELECT total, done_count FROM grant_jobs WHERE id = ?";
/* First statement of every step: locks the job row, so only the lease's holder writes its rows. */
static const char SQL_JOB_STEP[] = "UPDATE grant_jobs SET done_count = done_count + ?, lease_until = NOW() + INTERVAL ? "
                                   "SECOND WHERE id = ? AND holder = ? AND state = 'running'";
static const char SQL_PENDING_ROWS[] =
    "SELECT r.line, r.member_id, r.points, r.reason, DATE_FORMAT(r.expires, '%Y-%m-%d'), m.enterprise"
    " FROM grant_job_rows r JOIN members m ON m.id = r.member_id"
    " WHERE r.job_id = ? AND r.done = 0 ORDER BY r.line LIMIT ?";
static const char SQL_ROW_DONE[] =
    "UPDATE grant_job_rows SET done = 1, ledger_id = ? WHERE job_id = ? AND line = ? AND done = 0";
static const char SQL_JOB_FINISH[] = "UPDATE grant_jobs SET state = ?, message = ?, finished_at = NOW(), lease_until = NULL"
                                     " WHERE id = ? AND holder = ?";
static const char SQL_JOB_REQUEUE[] =
    "UPDATE grant_jobs SET state = 'queued', message = '', finished_at = NULL, holder = NULL, lease_until = NULL"
    " WHERE id = ? AND (? = 1 OR enterprise = ?) AND (state = 'failed' OR (state = 'running' AND lease_until < NOW()))";
#define JOB_COLS                                                                                                       \
  "SELECT id, file_name, state, total, done_count, points_total, enterprise, message,"                                 \
  " IF(total > 0, FLOOR(100 * done_count / total), 100) AS percent,"                                                   \
  " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created_at,"                                                       \
  " DATE_FORMAT(started_at, '%Y-%m-%d %H:%i:%s') AS started_at,"                                                       \
  " DATE_FORMAT(finished_at, '%Y-%m-%d %H:%i:%s') AS finished_at, file_sha256,"                                        \
  " state = 'running' AS running, state = 'running' AND lease_until < NOW() AS stale"
static const char SQL_LIST[] = JOB_COLS " FROM grant_jobs WHERE (? = 1 OR enterprise = ?) ORDER BY id DESC LIMIT ?";
static const char SQL_ONE[] = JOB_COLS " FROM grant_jobs WHERE id = ? AND (? = 1 OR enterprise = ?)";
static const char SQL_IN_SCOPE[] = "SELECT COUNT(*) FROM grant_jobs WHERE id = ? AND (? = 1 OR enterprise = ?)";
static const char SQL_ROWS_CSV[] =
    "SELECT line, mobile, points, reason, DATE_FORMAT(expires, '%Y-%m-%d'), done, ledger_id FROM grant_job_rows"
    " WHERE job_id = ? AND line > ? ORDER BY line LIMIT 5000";

/* ---- the file ---- */

typedef struct {
  long long line;
  char mobile[12];
  long long points;
  char reason[DB_VARCHAR(200)];
  char expires[11];
  long long member_id;
  int ent; /* index into the enterprises seen */
} grow;

typedef struct {
  char code[DB_VARCHAR(64)];
  long long points;
} gent;

typedef struct {
  grant_check *out;
  grow *rows;
  long long n, cap;
  gent ents[64];
  int nents;
} gparse;

static void issue(grant_check *c, long long line, const char *what, const char *detail) {
  c->issues_total++;
  if (c->nissues >= GRANT_MAX_ISSUES) return;
  grant_issue *i = &c->issues[c->nissues++];
  i->line = line;
  snprintf(i->what, sizeof i->what, "%s", what);
  snprintf(i->detail, sizeof i->detail, "%s", detail ? detail : "");
}

/* Splits one line (no line break) into at most 8 CSV fields, quotes honoured, in place. Returns the field count. */
static int split(char *s, char **f, int max) {
  int n = 0;
  char *p = s;
  for (;;) {
    if (n == max) return max + 1;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '"') {
      char *w = ++p;
      f[n++] = w;
      while (*p) {
        if (*p == '"' && p[1] == '"') *w++ = '"', p += 2;
        else if (*p == '"') break;
        else *w++ = *p++;
      }
      if (*p == '"') p++;
      *w = 0;
      while (*p == ' ' || *p == '\t') p++;
      if (*p == ',') p++;
      else if (*p) return -1;
      else return n;
      /* the byte after the terminator was overwritten: continue from p */
      continue;
    }
    f[n++] = p;
    char *comma = strchr(p, ',');
    if (!comma) {
      size_t l = strlen(p);
      while (l && (p[l - 1] == ' ' || p[l - 1] == '\t')) p[--l] = 0;
      return n;
    }
    *comma = 0;
    size_t l = strlen(p);
    while (l && (p[l - 1] == ' ' || p[l - 1] == '\t')) p[--l] = 0;
    p = comma + 1;
  }
}

static int utf8_chars(const char *s) {
  int n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static int utf8_ok(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    int k = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
    if (k < 0) return 0;
    p++;
    for (int i = 0; i < k; i++, p++)
      if ((*p & 0xC0) != 0x80) return 0;
  }
  return 1;
}

/* One line of the file; *header = 1 for a first line naming the columns. */
static NEOERR *parse_line(MYSQL *db, gparse *g, long long no, char *line, const char *today) {
  grant_check *c = g->out;
  char *f[8];
  int n = split(line, f, 7);
  if (n == 1 && !*f[0]) return STATUS_OK; /* an empty line */
  if (no == 1 && n >= 1 && (strcasecmp(f[0], "mobile") == 0 || strcmp(f[0], "手机号") == 0)) return STATUS_OK;
  if (n != 4) {
    issue(c, no, "columns", "");
    return STATUS_OK;
  }
  int bad = 0;
  size_t ml = strlen(f[0]);
  int digits = ml == 11 && f[0][0] == '1';
  for (size_t i = 0; digits && i < ml; i++) digits = f[0][i] >= '0' && f[0][i] <= '9';
  if (!digits) bad++, issue(c, no, "mobile", f[0]);
  char *end = NULL;
  long long pts = strtoll(f[1], &end, 10);
  if (!*f[1] || !end || *end || pts < 1 || pts > MEMBER_ADJUST_MAX) bad++, issue(c, no, "points", f[1]);
  int rc = utf8_ok(f[2]) ? utf8_chars(f[2]) : -1;
  if (rc < 2 || rc > 200) bad++, issue(c, no, "reason", "");
  /* A real calendar day, checked here: a file of 100,000 lines is not 100,000 round trips. */
  if (report_day_number(f[3]) < 0 || strcmp(f[3], today) < 0) bad++, issue(c, no, "expiry", f[3]);
  if (bad) return STATUS_OK;
  if (g->n == g->cap) {
    long long cap = g->cap ? g->cap * 2 : 1024;
    grow *r = realloc(g->rows, (size_t)cap * sizeof *r);
    if (!r) return nerr_raise(NERR_NOMEM, "grant rows");
    g->rows = r;
    g->cap = cap;
  }
  grow *r = &g->rows[g->n++];
  memset(r, 0, sizeof *r);
  r->line = no;
  snprintf(r->mobile, sizeof r->mobile, "%s", f[0]);
  r->points = pts;
  snprintf(r->reason, sizeof r->reason, "%s", f[2]);
  snprintf(r->expires, sizeof r->expires, "%s", f[3]);
  r->ent = -1;
  c->points += pts;
  return STATUS_OK;
}

static int by_mobile(const void *a, const void *b) {
  return strcmp((*(grow *const *)a)->mobile, (*(grow *const *)b)->mobile);
}

/* The lookup statement for LOOKUP_CHUNK mobiles (built once). */
static const char *lookup_sql(void) {
  static char sql[LOOKUP_CHUNK * 2 + 200];
  if (sql[0]) return sql;
  strcpy(sql, "SELECT mobile, id, enterprise FROM members WHERE mobile IN (");
  for (int i = 0; i < LOOKUP_CHUNK; i++) strcat(sql, i ? ",?" : "?");
  strcat(sql, ")");
  return sql;
}

typedef struct {
  gparse *g;
  grow **sorted;
  long long n;
  const ent_scope *scope;
  char mobile[12];
  long long id;
  char ent[DB_VARCHAR(64)];
} glookup;

static int ent_index(gparse *g, const char *code) {
  for (int i = 0; i < g->nents; i++)
    if (strcmp(g->ents[i].code, code) == 0) return i;
  if (g->nents == (int)(sizeof g->ents / sizeof g->ents[0])) return -2;
  snprintf(g->ents[g->nents].code, sizeof g->ents[0].code, "%s", code);
  g->ents[g->nents].points = 0;
  return g->nents++;
}

/* A member found: every row of its mobile gets its id, when it is in scope. */
static NEOERR *found_member(void *ctx, int row) {
  glookup *l = ctx;
  (void)row;
  if (!l->scope->all && strcmp(l->ent, l->scope->code) != 0) return STATUS_OK; /* not this admin's member */
  grow key, *kp = &key;
  snprintf(key.mobile, sizeof key.mobile, "%s", l->mobile);
  grow **hit = bsearch(&kp, l->sorted, (size_t)l->n, sizeof *l->sorted, by_mobile);
  if (!hit) return STATUS_OK;
  while (hit > l->sorted && strcmp(hit[-1]->mobile, l->mobile) == 0) hit--;
  int e = ent_index(l->g, l->ent);
  for (; hit < l->sorted + l->n && strcmp((*hit)->mobile, l->mobile) == 0; hit++) {
    (*hit)->member_id = l->id;
    (*hit)->ent = e;
  }
  return STATUS_OK;
}

static NEOERR *resolve(MYSQL *db, const ent_scope *scope, gparse *g) {
  grow **sorted = malloc((size_t)(g->n ? g->n : 1) * sizeof *sorted);
  dbp *p = malloc(LOOKUP_CHUNK * sizeof *p);
  if (!sorted || !p) {
    free(sorted);
    free(p);
    return nerr_raise(NERR_NOMEM, "grant lookup");
  }
  for (long long i = 0; i < g->n; i++) sorted[i] = &g->rows[i];
  qsort(sorted, (size_t)g->n, sizeof *sorted, by_mobile);
  glookup l = {.g = g, .sorted = sorted, .n = g->n, .scope = scope};
  NEOERR *err = STATUS_OK;
  long long i = 0;
  while (!err && i < g->n) {
    int k = 0;
    for (; i < g->n && k < LOOKUP_CHUNK; i++)
      if (k == 0 || strcmp(sorted[i]->mobile, p[k - 1].s) != 0) p[k++] = DS(sorted[i]->mobile);
    for (int j = k; j < LOOKUP_CHUNK; j++) p[j] = DS("");
    err = db_each(db, lookup_sql(), p, LOOKUP_CHUNK, DCOLS(DCOL_STR(l.mobile), DCOL_LL(&l.id), DCOL_STR(l.ent)),
                  found_member, &l, NULL);
  }
  free(sorted);
  free(p);
  return nerr_pass(err);
}

static const char *insert_sql(void) {
  static char sql[INSERT_CHUNK * 16 + 200];
  if (sql[0]) return sql;
  strcpy(sql, "INSERT INTO grant_job_rows (job_id, line, member_id, mobile, points, reason, expires) VALUES ");
  for (int i = 0; i < INSERT_CHUNK; i++) strcat(sql, i ? ",(?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?)");
  return sql;
}
static const char SQL_ROW_INSERT[] =
    "INSERT INTO grant_job_rows (job_id, line, member_id, mobile, points, reason, expires) VALUES (?,?,?,?,?,?,?)";

struct store_arg {
  const ent_scope *scope;
  const audit_actor *who;
  const char *file_name;
  gparse *g;
};

static NEOERR *tx_store(MYSQL *db, void *arg) {
  struct store_arg *a = arg;
  grant_check *c = a->g->out;
  long long n = 0, id = 0;
  c->job_id = 0;
  NEOERR *err = db_exec(db, SQL_JOB_INSERT,
                        DBA(DI(a->who->id), DS(ent_scope_code(a->scope)), DS(a->file_name), DS(c->sha256),
                            DI(a->g->n), DI(c->points)),
                        &n, &id);
  if (err) return nerr_pass(err);
  if (n != 1) /* the same file, uploaded at the same moment by another request */
    return nerr_pass(db_query_ll(db, SQL_DUPLICATE, DBA(DS(ent_scope_code(a->scope)), DS(c->sha256)), &c->duplicate,
                                 NULL));
  dbp *p = malloc(INSERT_CHUNK * 7 * sizeof *p);
  if (!p) return nerr_raise(NERR_NOMEM, "grant insert");
  long long i = 0;
  while (!err && i < a->g->n) {
    int k = 0;
    long long left = a->g->n - i;
    int rows = left >= INSERT_CHUNK ? INSERT_CHUNK : 1;
    for (; k < rows; k++, i++) {
      grow *r = &a->g->rows[i];
      dbp *q = p + k * 7;
      q[0] = DI(id), q[1] = DI(r->line), q[2] = DI(r->member_id), q[3] = DS(r->mobile), q[4] = DI(r->points);
      q[5] = DS(r->reason), q[6] = DS(r->expires);
    }
    err = db_exec(db, rows == INSERT_CHUNK ? insert_sql() : SQL_ROW_INSERT, p, rows * 7, NULL, NULL);
  }
  free(p);
  json_t *after = NULL;
  if (!err) {
    after = json_pack("{s:s, s:s, s:I, s:I, s:s}", "file", a->file_name, "sha256", c->sha256, "rows",
                      (json_int_t)a->g->n, "points", (json_int_t)c->points, "enterprise", ent_scope_code(a->scope));
    err = audit_record(db, a->who, "bulk_grant", "grant_job", id, NULL, after);
    json_decref(after);
  }
  if (!err) c->job_id = id;
  return nerr_pass(err);
}

NEOERR *grant_file_submit(MYSQL *db, ent_scope scope, const audit_actor *who, const char *file_name, const char *data,
                          size_t len, grant_check *out) {
  memset(out, 0, sizeof *out);
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256((const unsigned char *)data, len, md);
  crypto_hex(md, sizeof md, out->sha256);
  NEOERR *err = db_query_ll(db, SQL_DUPLICATE, DBA(DS(ent_scope_code(&scope)), DS(out->sha256)), &out->duplicate, NULL);
  if (err || out->duplicate) return nerr_pass(err);
  if (len > (size_t)GRANT_FILE_MAX_BYTES || memchr(data, 0, len)) {
    issue(out, 0, "file", "");
    return STATUS_OK;
  }
  char today[11];
  if ((err = report_today(db, today))) return nerr_pass(err);
  gparse g = {.out = out};
  char *copy = malloc(len + 1);
  if (!copy) return nerr_raise(NERR_NOMEM, "grant file");
  memcpy(copy, data, len);
  copy[len] = 0;
  char *p = copy;
  if (len >= 3 && memcmp(p, CSV_BOM, 3) == 0) p += 3;
  long long no = 0;
  while (!err && *p) {
    char *nl = strchr(p, '\n');
    if (nl) *nl = 0;
    size_t l = strlen(p);
    if (l && p[l - 1] == '\r') p[--l] = 0;
    no++;
    if (g.n >= GRANT_FILE_MAX_ROWS) {
      issue(out, no, "file", "");
      break;
    }
    err = parse_line(db, &g, no, p, today);
    if (!nl) break;
    p = nl + 1;
  }
  out->lines = no;
  out->rows = g.n;
  if (!err && g.n == 0 && !out->issues_total) issue(out, 0, "file", "");
  if (!err && g.n) err = resolve(db, &scope, &g);
  for (long long i = 0; !err && i < g.n; i++) {
    grow *r = &g.rows[i];
    if (!r->member_id) issue(out, r->line, "member", r->mobile);
    else if (r->ent >= 0) g.ents[r->ent].points += r->points;
    else issue(out, r->line, "file", ""); /* more enterprises in one file than a job takes */
  }
  /* What each enterprise's budget has left: a file that needs more is refused whole (the worker checks again). */
  for (int e = 0; !err && !out->issues_total && e < g.nents; e++) {
    long long left = 0;
    int limited = 0;
    err = enterprise_budget_left(db, g.ents[e].code, &left, &limited);
    if (!err && limited && g.ents[e].points > left) {
      char d[96];
      snprintf(d, sizeof d, "%.40s: %lld > %lld", g.ents[e].code, g.ents[e].points, left);
      issue(out, 0, "budget", d);
    }
  }
  if (!err && !out->issues_total) {
    struct store_arg a = {&scope, who, file_name && *file_name ? file_name : "grants.csv", &g};
    err = db_tx(db, tx_store, &a);
  }
  free(copy);
  free(g.rows);
  return nerr_pass(err);
}

/* ---- the worker ---- */

NEOERR *grant_job_claim(MYSQL *db, long long job_id, grant_job *job, int *got) {
  memset(job, 0, sizeof *job);
  *got = 0;
  unsigned char r[16];
  if (crypto_random(r, sizeof r) != 0) return nerr_raise(NERR_SYSTEM, "no randomness");
  crypto_hex(r, sizeof r, job->holder);
  NEOERR *err = STATUS_OK;
  int found = 1;
  long long id = job_id, n = 0;
  if (!id) err = db_query_ll(db, SQL_JOB_NEXT, DB_NOARGS, &id, &found);
  if (!err && !job_id && !found) err = db_query_ll(db, SQL_JOB_STALE, DB_NOARGS, &id, &found);
  if (err || !found) return nerr_pass(err);
  /* One conditional UPDATE decides: two workers cannot both take it. */
  err = db_exec(db, SQL_JOB_TAKE, DBA(DS(job->holder), DI(getpid()), DI(GRANT_JOB_LEASE), DI(id)), &n, NULL);
  if (err || n != 1) return nerr_pass(err);
  job->id = id;
  err = db_row(db, SQL_JOB_GET, DBA(DI(id)), DCOLS(DCOL_LL(&job->total), DCOL_LL(&job->done)), NULL);
  if (!err) *got = 1;
  return nerr_pass(err);
}

typedef struct {
  long long line, member_id, points;
  char reason[DB_VARCHAR(200)];
  char expires[11];
  char ent[DB_VARCHAR(64)];
} todo_row;

struct step_arg {
  grant_job *job;
  todo_row *rows;
  int n;
  int budget_line; /* out: the first line refused by its enterprise's budget (0 = none) */
};

static NEOERR *refuse(void) {
  NEOERR *err = points_init_errors();
  return err ? err : nerr_raise(NERR_POINTS_REFUSED, "enterprise budget used up");
}

/* n rows in one transaction: the job row (locked first: the lease is ours), then each row's grant and done flag, then
 * each enterprise's budget for what the rows grant it. */
static NEOERR *tx_step(MYSQL *db, void *arg) {
  struct step_arg *a = arg;
  long long n = 0;
  a->budget_line = 0;
  NEOERR *err = db_exec(db, SQL_JOB_STEP, DBA(DI(a->n), DI(GRANT_JOB_LEASE), DI(a->job->id), DS(a->job->holder)), &n,
                        NULL);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "grant job %lld: lease lost", a->job->id);
  for (int i = 0; !err && i < a->n; i++) {
    todo_row *r = &a->rows[i];
    char key[64];
    long long ledger = 0;
    snprintf(key, sizeof key, "bulk:%lld:%lld", a->job->id, r->line);
    err = points_credit_once(db, r->member_id, "grant", r->points, "grant", r->reason, r->expires, key, &ledger);
    if (!err) err = db_exec(db, SQL_ROW_DONE, DBA(DI(ledger), DI(a->job->id), DI(r->line)), &n, NULL);
    if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "grant job %lld line %lld: done twice", a->job->id, r->line);
  }
  /* Budgets, summed per enterprise (rows of one enterprise are adjacent or not: sum them all). */
  for (int i = 0; !err && i < a->n; i++) {
    int first = 1;
    for (int j = 0; j < i && first; j++) first = strcmp(a->rows[j].ent, a->rows[i].ent) != 0;
    if (!first || !a->rows[i].ent[0]) continue;
    long long sum = 0;
    for (int j = i; j < a->n; j++)
      if (strcmp(a->rows[j].ent, a->rows[i].ent) == 0) sum += a->rows[j].points;
    int room = 1;
    err = enterprise_budget_take(db, a->rows[i].ent, sum, &room);
    if (!err && !room) {
      a->budget_line = (int)a->rows[i].line;
      err = refuse();
    }
  }
  return nerr_pass(err);
}

static NEOERR *finish(MYSQL *db, grant_job *job, const char *state, const char *msg) {
  return nerr_pass(db_exec(db, SQL_JOB_FINISH, DBA(DS(state), DS(msg), DI(job->id), DS(job->holder)), NULL, NULL));
}

NEOERR *grant_job_run(MYSQL *db, grant_job *job, grant_progress_fn fn, void *ctx) {
  todo_row *rows = calloc(GRANT_ROWS_PER_TX, sizeof *rows);
  if (!rows) return nerr_raise(NERR_NOMEM, "grant job");
  NEOERR *err = STATUS_OK;
  char msg[200] = "";
  for (;;) {
    int n = 0;
    err = db_rows(db, SQL_PENDING_ROWS, DBA(DI(job->id), DI(GRANT_ROWS_PER_TX)),
                  DCOLS(DCOL_LL(&rows[0].line), DCOL_LL(&rows[0].member_id), DCOL_LL(&rows[0].points),
                        DCOL_STR(rows[0].reason), DCOL_STR(rows[0].expires), DCOL_STR(rows[0].ent)),
                  sizeof *rows, GRANT_ROWS_PER_TX, &n);
    if (err || n == 0) break;
    struct step_arg a = {job, rows, n, 0};
    err = db_tx(db, tx_step, &a);
    if (err && nerr_match(err, NERR_POINTS_REFUSED)) {
      /* A budget ran out within these rows: one at a time, so every row it still covers is granted. */
      nerr_ignore(&err);
      for (int i = 0; !err && i < n && !msg[0]; i++) {
        struct step_arg one = {job, rows + i, 1, 0};
        err = db_tx(db, tx_step, &one);
        if (err && nerr_match(err, NERR_POINTS_REFUSED)) {
          nerr_ignore(&err);
          snprintf(msg, sizeof msg, "budget:%lld", rows[i].line);
        } else if (!err) job->done++;
      }
      if (err || msg[0]) break;
      continue;
    }
    if (err) break;
    job->done += n;
    if (fn) fn(ctx, job->done, job->total);
  }
  free(rows);
  if (err) {
    /* The lease expires and another worker resumes; say why on the job page. */
    STRING s;
    string_init(&s);
    nerr_error_string(err, &s);
    snprintf(msg, sizeof msg, "error:%.180s", s.buf ? s.buf : "");
    string_clear(&s);
    NEOERR *e2 = finish(db, job, "failed", msg);
    nerr_ignore(&e2);
    return nerr_pass(err);
  }
  return nerr_pass(finish(db, job, msg[0] ? "failed" : "done", msg));
}

struct requeue_arg {
  const ent_scope *scope;
  const audit_actor *who;
  long long id;
  int *ok;
};

static NEOERR *tx_requeue(MYSQL *db, void *arg) {
  struct requeue_arg *a = arg;
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_JOB_REQUEUE, DBA(DI(a->id), ENT_ARGS(*a->scope)), &n, NULL);
  *a->ok = !err && n == 1;
  if (*a->ok) err = audit_record(db, a->who, "bulk_grant_resume", "grant_job", a->id, NULL, NULL);
  return nerr_pass(err);
}

NEOERR *grant_job_requeue(MYSQL *db, ent_scope scope, const audit_actor *who, long long job_id, int *ok) {
  struct requeue_arg a = {&scope, who, job_id, ok};
  *ok = 0;
  return nerr_pass(db_tx(db, tx_requeue, &a));
}

NEOERR *grant_jobs_list(MYSQL *db, ent_scope scope, int limit, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_LIST, DBA(ENT_ARGS(scope), DI(limit)), NULL));
}

NEOERR *grant_job_hdf(MYSQL *db, ent_scope scope, long long job_id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  HDF *tmp = NULL;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = db_query_hdf(db, tmp, "J", SQL_ONE, DBA(DI(job_id), ENT_ARGS(scope)), &rows);
  *found = rows == 1;
  if (!err && *found) err = hdf_copy(out, prefix, hdf_get_obj(tmp, "J.0"));
  hdf_destroy(&tmp);
  return nerr_pass(err);
}

typedef struct {
  STRING *out;
  long long line, points, done, ledger;
  int ledger_null;
  char mobile[DB_VARCHAR(20)], reason[DB_VARCHAR(200)], expires[11];
} csv_ctx;

static NEOERR *csv_row(void *ctx, int row) {
  csv_ctx *c = ctx;
  (void)row;
  NEOERR *err = string_appendf(c->out, "%lld", c->line);
  if (!err) err = csv_text(c->out, c->mobile, 0);
  if (!err) err = csv_num(c->out, c->points);
  if (!err) err = csv_text(c->out, c->reason, 0);
  if (!err) err = csv_text(c->out, c->expires, 0);
  if (!err) err = csv_text(c->out, c->done ? "granted" : "pending", 0);
  if (!err) err = c->ledger_null ? string_append(c->out, ",") : string_appendf(c->out, ",%lld", c->ledger);
  if (!err) err = string_append(c->out, "\r\n");
  return nerr_pass(err);
}

NEOERR *grant_job_csv(MYSQL *db, ent_scope scope, long long job_id, STRING *out, int *found) {
  long long n = 0;
  NEOERR *err = db_query_ll(db, SQL_IN_SCOPE, DBA(DI(job_id), ENT_ARGS(scope)), &n, NULL);
  *found = n > 0;
  if (err || !*found) return nerr_pass(err);
  csv_ctx c = {.out = out};
  err = string_append(out, CSV_BOM "line,mobile,points,reason,expiry,state,ledger_id\r\n");
  for (int rows = 5000; !err && rows == 5000;) {
    long long from = c.line;
    err = db_each(db, SQL_ROWS_CSV, DBA(DI(job_id), DI(from)),
                  DCOLS(DCOL_LL(&c.line), DCOL_STR(c.mobile), DCOL_LL(&c.points), DCOL_STR(c.reason),
                        DCOL_STR(c.expires), DCOL_LL(&c.done), DCOL_LL_N(&c.ledger, &c.ledger_null)),
                  csv_row, &c, &rows);
  }
  return nerr_pass(err);
}
