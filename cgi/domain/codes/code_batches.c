/* code_batches.c: code batches — creation with a queued job, the generation job (hashes into the database, clear codes
 * only into the encrypted package), the package and its once-shown password, the back office's lists */
#include "codes/code_batches.h"
#include "codes/code_format.h"
#include "codes/code_package.h"
#include "config.h"
#include "crypto.h"
#include <errno.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char SQL_ACTIVITY_EXISTS[] = "SELECT COUNT(*) FROM activities WHERE id = ?";
static const char SQL_DATES_OK[] = "SELECT CAST(? AS DATE) >= CURDATE() AND CAST(? AS DATE) >= CAST(? AS DATE)";
static const char SQL_BATCH_INSERT[] =
    "INSERT INTO code_batches (activity_id, name, count, points, valid_until, points_expire, base_url, created_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_JOB_INSERT[] = "INSERT INTO code_jobs (batch_id, admin_id, total) VALUES (?, ?, ?)";

static const char SQL_JOB_NEXT[] =
    "SELECT id FROM code_jobs FORCE INDEX (by_state) WHERE state = 'queued' ORDER BY id LIMIT 1";
static const char SQL_JOB_STALE[] = "SELECT id FROM code_jobs FORCE INDEX (by_state) WHERE state = 'running' AND "
                                    "lease_until < NOW() ORDER BY id LIMIT 1";
static const char SQL_JOB_TAKE[] =
    "UPDATE code_jobs SET state = 'running', holder = ?, lease_until = NOW() + INTERVAL ? SECOND, started_at = NOW(), "
    "done_count = 0, message = '' WHERE id = ? AND (state = 'queued' OR (state = 'running' AND lease_until < NOW()))";
static const char SQL_JOB_GET[] = "SELECT batch_id, admin_id, total FROM code_jobs WHERE id = ?";
static const char SQL_JOB_PROGRESS[] =
    "UPDATE code_jobs SET done_count = ?, lease_until = NOW() + INTERVAL ? SECOND WHERE id = ? AND holder = ? "
    "AND state = 'running'";
static const char SQL_JOB_DONE[] =
    "UPDATE code_jobs SET state = 'done', done_count = total, finished_at = NOW(), seconds_taken = ?, "
    "password_enc = ?, lease_until = NULL WHERE id = ? AND holder = ?";
static const char SQL_JOB_FAILED[] =
    "UPDATE code_jobs SET state = 'failed', finished_at = NOW(), message = ?, lease_until = NULL WHERE id = ? "
    "AND holder = ?";
static const char SQL_BATCH_FOR_JOB[] =
    "SELECT count, base_url, DATE_FORMAT(created_at, '%Y%m%d') FROM code_batches WHERE id = ?";
static const char SQL_BATCH_STATE[] = "UPDATE code_batches SET state = ? WHERE id = ?";
static const char SQL_BATCH_READY[] =
    "UPDATE code_batches SET state = ?, package_sha256 = ?, package_bytes = ?, exported_by = ?, "
    "exported_at = IF(? = 'exported', NOW(), NULL) WHERE id = ?";
static const char SQL_CODES_CLEAR[] = "DELETE FROM codes WHERE batch_id = ? LIMIT 10000";
static const char SQL_PACKAGE_CLEAR[] = "DELETE FROM code_packages WHERE batch_id = ?";
static const char SQL_PACKAGE_PIECE[] = "INSERT INTO code_packages (batch_id, seq, data) VALUES (?, ?, ?)";
static const char SQL_SERIALS_IN[] =
    "SELECT serial FROM codes WHERE batch_id = ? AND serial BETWEEN ? AND ? ORDER BY serial";

static const char SQL_PASSWORD_LOCK[] = "SELECT admin_id, state, password_enc FROM code_jobs WHERE id = ? FOR UPDATE";
static const char SQL_PASSWORD_WIPE[] =
    "UPDATE code_jobs SET password_enc = NULL, password_shown_at = NOW() WHERE id = ? AND password_enc IS NOT NULL";

static const char SQL_JOB_HDF[] =
    "SELECT j.id, j.batch_id, j.state, j.done_count, j.total, FLOOR(100 * j.done_count / j.total) AS percent, "
    "j.message, j.created_at, j.started_at, j.finished_at, j.seconds_taken, j.admin_id, "
    "j.password_enc IS NOT NULL AS password_waiting, j.password_shown_at, b.name AS batch_name, "
    "b.state AS batch_state, b.package_bytes, b.package_sha256 FROM code_jobs j JOIN code_batches b ON b.id = "
    "j.batch_id WHERE j.id = ?";
static const char SQL_PACKAGE_OWNER[] =
    "SELECT j.admin_id FROM code_jobs j WHERE j.batch_id = ? AND j.state = 'done' ORDER BY j.id DESC LIMIT 1";
static const char SQL_PACKAGE_PIECES[] = "SELECT COUNT(*) FROM code_packages WHERE batch_id = ?";
static const char SQL_PACKAGE_READ[] = "SELECT data FROM code_packages WHERE batch_id = ? AND seq = ?";
static const char SQL_BATCH_EXPORTED[] =
    "UPDATE code_batches SET exported_by = ?, exported_at = NOW() WHERE id = ? AND exported_by IS NULL";
static const char SQL_BATCH_DISCARDED[] = "UPDATE code_batches SET state = 'exported' WHERE id = ?";

#define BATCH_COLS                                                                                                     \
  "b.id, b.name, b.activity_id, a.title_zh AS activity, b.count, b.points, b.valid_until, b.points_expire, b.state, "  \
  "b.created_at, b.package_sha256, b.package_bytes, b.exported_by, b.exported_at, b.imported_at"
static const char SQL_BATCHES_FIRST[] =
    "SELECT " BATCH_COLS " FROM code_batches b FORCE INDEX (PRIMARY) LEFT JOIN activities a ON a.id = "
    "b.activity_id ORDER BY b.id DESC LIMIT ?";
static const char SQL_BATCHES_AFTER[] =
    "SELECT " BATCH_COLS " FROM code_batches b FORCE INDEX (PRIMARY) LEFT JOIN activities a ON a.id = "
    "b.activity_id WHERE b.id < ? ORDER BY b.id DESC LIMIT ?";
static const char SQL_BATCH_ONE[] =
    "SELECT " BATCH_COLS ", EXISTS (SELECT 1 FROM code_packages p WHERE p.batch_id = b.id) AS has_package "
    "FROM code_batches b LEFT JOIN activities a ON a.id = b.activity_id WHERE b.id = ?";
#define JOB_COLS                                                                                                       \
  "j.id, j.batch_id, j.state, j.done_count, j.total, FLOOR(100 * j.done_count / j.total) AS percent, j.created_at, "   \
  "j.finished_at, j.seconds_taken, b.name AS batch_name"
static const char SQL_JOBS_FIRST[] =
    "SELECT " JOB_COLS
    " FROM code_jobs j FORCE INDEX (PRIMARY) LEFT JOIN code_batches b ON b.id = j.batch_id ORDER BY j.id DESC LIMIT ?";
static const char SQL_JOBS_AFTER[] =
    "SELECT " JOB_COLS
    " FROM code_jobs j FORCE INDEX (PRIMARY) LEFT JOIN code_batches b ON b.id = j.batch_id WHERE j.id < ? "
    "ORDER BY j.id DESC LIMIT ?";
static const char SQL_BATCH_COUNT[] = "SELECT count FROM code_batches WHERE id = ?";

const char *const CODE_LISTS_SQL[4] = {SQL_BATCHES_FIRST, SQL_BATCHES_AFTER, SQL_JOBS_FIRST, SQL_JOBS_AFTER};

/* ---- creation ---- */

struct create_arg {
  const audit_actor *who;
  const code_batch_spec *s;
  long long *batch_id, *job_id;
  batch_result *res;
};

static NEOERR *tx_create(MYSQL *db, void *arg) {
  struct create_arg *a = arg;
  const code_batch_spec *s = a->s;
  long long n = 0, ok = 0;
  NEOERR *err = db_query_ll(db, SQL_ACTIVITY_EXISTS, DBA(DI(s->activity_id)), &n, NULL);
  if (err || !n) {
    *a->res = BATCH_NO_ACTIVITY;
    return nerr_pass(err);
  }
  err = db_query_ll(db, SQL_DATES_OK, DBA(DS(s->valid_until), DS(s->points_expire), DS(s->valid_until)), &ok, NULL);
  if (err || !ok) {
    *a->res = BATCH_BAD_DATES;
    return nerr_pass(err);
  }
  err = db_exec(db, SQL_BATCH_INSERT,
                DBA(DI(s->activity_id), DS(s->name), DI(s->count), DI(s->points), DS(s->valid_until),
                    DS(s->points_expire), DS(s->base_url), DI(a->who->id)),
                NULL, a->batch_id);
  if (!err) err = db_exec(db, SQL_JOB_INSERT, DBA(DI(*a->batch_id), DI(a->who->id), DI(s->count)), NULL, a->job_id);
  if (!err) {
    json_t *after = json_pack("{s:I,s:s,s:I,s:I,s:s,s:s,s:I}", "activity_id", (json_int_t)s->activity_id, "name",
                              s->name, "count", (json_int_t)s->count, "points", (json_int_t)s->points, "valid_until",
                              s->valid_until, "points_expire", s->points_expire, "job_id", (json_int_t)*a->job_id);
    err = audit_record(db, a->who, "create", "code_batch", *a->batch_id, NULL, after);
    json_decref(after);
  }
  *a->res = BATCH_OK;
  return nerr_pass(err);
}

NEOERR *code_batch_create(MYSQL *db, const audit_actor *who, const code_batch_spec *s, long long *batch_id,
                          long long *job_id, batch_result *res) {
  *batch_id = *job_id = 0;
  if (s->count < 1 || s->count > CODE_BATCH_MAX || s->points < 1)
    return nerr_raise(NERR_ASSERT, "code batch: count %lld points %lld", s->count, s->points);
  struct create_arg a = {who, s, batch_id, job_id, res};
  return nerr_pass(db_tx(db, tx_create, &a));
}

static const char SQL_BATCH_FAILED_LOCK[] =
    "SELECT count FROM code_batches WHERE id = ? AND state = 'failed' FOR UPDATE";
static const char SQL_BATCH_REQUEUED[] = "UPDATE code_batches SET state = 'new' WHERE id = ?";
static const char SQL_FORGET[] =
    "UPDATE code_jobs FORCE INDEX (by_state) SET password_enc = NULL WHERE state = 'done' AND password_enc IS NOT NULL "
    "AND finished_at < NOW() - INTERVAL ? DAY";

struct retry_arg {
  const audit_actor *who;
  long long batch_id, *job_id;
};

static NEOERR *tx_retry(MYSQL *db, void *arg) {
  struct retry_arg *a = arg;
  long long count = 0;
  int found = 0;
  *a->job_id = 0;
  NEOERR *err = db_row(db, SQL_BATCH_FAILED_LOCK, DBA(DI(a->batch_id)), DCOLS(DCOL_LL(&count)), &found);
  if (err || !found) return nerr_pass(err);
  err = db_exec(db, SQL_BATCH_REQUEUED, DBA(DI(a->batch_id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_JOB_INSERT, DBA(DI(a->batch_id), DI(a->who->id), DI(count)), NULL, a->job_id);
  if (!err) err = audit_record(db, a->who, "retry", "code_batch", a->batch_id, NULL, NULL);
  return nerr_pass(err);
}

NEOERR *code_batch_retry(MYSQL *db, const audit_actor *who, long long batch_id, long long *job_id) {
  struct retry_arg a = {who, batch_id, job_id};
  return nerr_pass(db_tx(db, tx_retry, &a));
}

NEOERR *code_jobs_forget_passwords(MYSQL *db, int days, long long *forgotten) {
  return nerr_pass(db_exec(db, SQL_FORGET, DBA(DI(days)), forgotten, NULL));
}

/* ---- the job ---- */

NEOERR *code_job_claim(MYSQL *db, long long job_id, code_job *job, int *got) {
  memset(job, 0, sizeof *job);
  *got = 0;
  unsigned char r[16];
  if (crypto_random(r, sizeof r) != 0) return nerr_raise(NERR_SYSTEM, "no randomness");
  crypto_hex(r, sizeof r, job->holder);
  NEOERR *err = STATUS_OK;
  int found = 1;
  long long id = job_id;
  if (!id) err = db_query_ll(db, SQL_JOB_NEXT, DB_NOARGS, &id, &found);
  if (!err && !found) err = db_query_ll(db, SQL_JOB_STALE, DB_NOARGS, &id, &found);
  if (err || !found) return nerr_pass(err);
  long long n = 0;
  /* One conditional UPDATE decides: two workers started at once (cron on two machines) cannot both take it. */
  err = db_exec(db, SQL_JOB_TAKE, DBA(DS(job->holder), DI(CODE_JOB_LEASE), DI(id)), &n, NULL);
  if (err || n != 1) return nerr_pass(err);
  job->id = id;
  err = db_row(db, SQL_JOB_GET, DBA(DI(id)),
               DCOLS(DCOL_LL(&job->batch_id), DCOL_LL(&job->admin_id), DCOL_LL(&job->total)), NULL);
  if (!err) *got = 1;
  return nerr_pass(err);
}

/* The multi-row INSERT for n rows (built once per n; the statement cache keys by text). */
static const char *insert_sql(int n) {
  static char *full, *last;
  static int last_n;
  char **slot = n == CODE_INSERT_ROWS ? &full : &last;
  if (*slot && (n == CODE_INSERT_ROWS || last_n == n)) return *slot;
  free(*slot);
  STRING s;
  string_init(&s);
  NEOERR *err = string_append(&s, "INSERT IGNORE INTO codes (batch_id, serial, hash) VALUES ");
  for (int i = 0; !err && i < n; i++) err = string_append(&s, i ? ",(?,?,?)" : "(?,?,?)");
  if (err) {
    nerr_ignore(&err);
    string_clear(&s);
    *slot = NULL;
    return NULL;
  }
  *slot = s.buf;
  if (n != CODE_INSERT_ROWS) last_n = n;
  return *slot;
}

/* One chunk of codes: serials first..first+n-1. */
typedef struct {
  char code[CODE_INSERT_ROWS][CODE_LEN + 1];
  char hash[CODE_INSERT_ROWS][CODE_HASH_HEX + 1];
  int pending[CODE_INSERT_ROWS]; /* indexes still to insert */
  dbp args[3 * CODE_INSERT_ROWS];
} gen_chunk;

static NEOERR *fresh(gen_chunk *c, int i) {
  if (code_random(c->code[i]) != 0) return nerr_raise(NERR_SYSTEM, "no randomness for codes");
  code_hash(c->code[i], c->hash[i]);
  return STATUS_OK;
}

/* Inserts the chunk's hashes; a hash that exists already (another batch's code, ~never) is drawn again. */
static NEOERR *insert_chunk(MYSQL *db, long long batch_id, long long first, int n, gen_chunk *c) {
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < n && !err; i++) err = fresh(c, i), c->pending[i] = i;
  int np = n;
  for (int round = 0; !err && np > 0; round++) {
    if (round == 8) return nerr_raise(NERR_ASSERT, "codes: hashes keep colliding");
    for (int k = 0; k < np; k++) {
      int i = c->pending[k];
      c->args[3 * k] = DI(batch_id);
      c->args[3 * k + 1] = DI(first + i);
      c->args[3 * k + 2] = DS(c->hash[i]);
    }
    const char *sql = insert_sql(np);
    if (!sql) return nerr_raise(NERR_NOMEM, "codes insert");
    long long added = 0;
    if ((err = db_exec(db, sql, c->args, 3 * np, &added, NULL))) break;
    if (added == np) break;
    /* Which serials are missing: those are drawn again. */
    long long serials[CODE_INSERT_ROWS];
    int rows = 0;
    err = db_rows(db, SQL_SERIALS_IN, DBA(DI(batch_id), DI(first), DI(first + n - 1)), DCOLS(DCOL_LL(&serials[0])),
                  sizeof serials[0], CODE_INSERT_ROWS, &rows);
    char seen[CODE_INSERT_ROWS];
    memset(seen, 0, sizeof seen);
    for (int k = 0; k < rows; k++) seen[serials[k] - first] = 1;
    np = 0;
    for (int i = 0; !err && i < n; i++)
      if (!seen[i]) {
        c->pending[np++] = i;
        err = fresh(c, i);
      }
  }
  return nerr_pass(err);
}

static NEOERR *clear_codes(MYSQL *db, long long batch_id) {
  long long n = 0;
  NEOERR *err;
  do err = db_exec(db, SQL_CODES_CLEAR, DBA(DI(batch_id)), &n, NULL);
  while (!err && n > 0);
  return nerr_pass(err);
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Generates every code of the batch into csv (serial,url lines) and their hashes into the database. */
static NEOERR *generate(MYSQL *db, code_job *job, long long count, const char *base, STRING *csv, code_progress_fn fn,
                        void *ctx) {
  gen_chunk *c = malloc(sizeof *c);
  if (!c) return nerr_raise(NERR_NOMEM, "codes chunk");
  NEOERR *err = string_append(csv, "serial,url\r\n");
  for (long long first = 1; !err && first <= count; first += CODE_INSERT_ROWS) {
    int n = (int)(count - first + 1 < CODE_INSERT_ROWS ? count - first + 1 : CODE_INSERT_ROWS);
    err = insert_chunk(db, job->batch_id, first, n, c);
    for (int i = 0; !err && i < n; i++) err = string_appendf(csv, "%lld,%s/c/%s\r\n", first + i, base, c->code[i]);
    long long done = first + n - 1;
    if (!err && (done % 10000 == 0 || done == count)) {
      long long kept = 0;
      err = db_exec(db, SQL_JOB_PROGRESS, DBA(DI(done), DI(CODE_JOB_LEASE), DI(job->id), DS(job->holder)), &kept, NULL);
      if (!err && kept != 1 && job->id) err = nerr_raise(NERR_ASSERT, "job %lld: lease lost", job->id);
      if (!err && fn) fn(ctx, done, count);
    }
  }
  /* The clear codes of the last chunk are not left in memory. */
  OPENSSL_cleanse(c, sizeof *c);
  free(c);
  return nerr_pass(err);
}

static NEOERR *read_all(const char *path, unsigned char **buf, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return nerr_raise_errno(NERR_IO, "open %s", path);
  struct stat st;
  NEOERR *err = STATUS_OK;
  if (fstat(fileno(f), &st) != 0) err = nerr_raise_errno(NERR_IO, "stat %s", path);
  *len = err ? 0 : (size_t)st.st_size;
  *buf = err ? NULL : malloc(*len + 1);
  if (!err && !*buf) err = nerr_raise(NERR_NOMEM, "package");
  if (!err && fread(*buf, 1, *len, f) != *len) err = nerr_raise_errno(NERR_IO, "read %s", path);
  fclose(f);
  if (err) {
    free(*buf);
    *buf = NULL;
  }
  return err;
}

/* The package into code_packages, base64 pieces (the statement helpers bind text). */
static NEOERR *store_package(MYSQL *db, long long batch_id, const unsigned char *zip, size_t len) {
  NEOERR *err = db_exec(db, SQL_PACKAGE_CLEAR, DBA(DI(batch_id)), NULL, NULL);
  char *b64 = malloc(4 * (CODE_PACKAGE_PIECE / 3) + 8);
  if (!b64) return nerr_raise(NERR_NOMEM, "package piece");
  for (size_t off = 0, seq = 0; !err && off < len; off += CODE_PACKAGE_PIECE, seq++) {
    size_t n = len - off < CODE_PACKAGE_PIECE ? len - off : CODE_PACKAGE_PIECE;
    EVP_EncodeBlock((unsigned char *)b64, zip + off, (int)n);
    err = db_exec(db, SQL_PACKAGE_PIECE, DBA(DI(batch_id), DI((long long)seq), DS(b64)), NULL, NULL);
  }
  free(b64);
  return nerr_pass(err);
}

static NEOERR *job_fail(MYSQL *db, code_job *job, NEOERR *why) {
  STRING s;
  string_init(&s);
  nerr_error_string(why, &s);
  char msg[300];
  snprintf(msg, sizeof msg, "%s", s.buf ? s.buf : "error");
  string_clear(&s);
  NEOERR *err = db_exec(db, SQL_JOB_FAILED, DBA(DS(msg), DI(job->id), DS(job->holder)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_BATCH_STATE, DBA(DS("failed"), DI(job->batch_id)), NULL, NULL);
  if (!err) err = clear_codes(db, job->batch_id);
  nerr_ignore(&err);
  return why;
}

NEOERR *code_job_run(MYSQL *db, code_job *job, const char *out_path, char password[24], code_progress_fn fn, void *ctx,
                     double *seconds) {
  double t0 = now_seconds();
  long long count = 0;
  char base[DB_VARCHAR(200)], day[16], tmp[1200];
  NEOERR *err = db_row(db, SQL_BATCH_FOR_JOB, DBA(DI(job->batch_id)),
                       DCOLS(DCOL_LL(&count), DCOL_STR(base), DCOL_STR(day)), NULL);
  if (err) return job_fail(db, job, err);
  /* A job taken over from a worker that died starts from nothing: its clear codes died with it. */
  err = db_exec(db, SQL_BATCH_STATE, DBA(DS("generating"), DI(job->batch_id)), NULL, NULL);
  if (!err) err = clear_codes(db, job->batch_id);
  STRING csv;
  string_init(&csv);
  if (!err) err = generate(db, job, count, base, &csv, fn, ctx);
  if (!err && code_password(password) != 0) err = nerr_raise(NERR_SYSTEM, "no randomness for the password");
  /* The encrypted ZIP is written to a file (libzip), then read back into the database and the file removed. */
  const char *path = out_path;
  if (!err && !path) {
    snprintf(tmp, sizeof tmp, "%s/tmp", g_cfg.var);
    mkdir(tmp, 0700);
    snprintf(tmp, sizeof tmp, "%s/tmp/codes-%s.zip", g_cfg.var, job->holder);
    path = tmp;
  }
  char name[64];
  snprintf(name, sizeof name, "codes-batch%lld-%s.csv", job->batch_id, day);
  if (!err) err = code_zip_write(path, name, csv.buf, (size_t)csv.len, password);
  if (csv.buf) OPENSSL_cleanse(csv.buf, (size_t)csv.max);
  string_clear(&csv);
  unsigned char *zip = NULL;
  size_t zlen = 0;
  if (!err) err = read_all(path, &zip, &zlen);
  if (!out_path) unlink(tmp);
  char sha[65] = "";
  if (!err) {
    unsigned char md[32];
    SHA256(zip, zlen, md);
    crypto_hex(md, 32, sha);
  }
  if (!err && !out_path) err = store_package(db, job->batch_id, zip, zlen);
  free(zip);
  char sealed[200] = "";
  if (!err && !out_path && code_password_seal(password, sealed, sizeof sealed) != 0)
    err = nerr_raise(NERR_SYSTEM, "cannot seal the package password");
  double took = now_seconds() - t0;
  if (seconds) *seconds = took;
  char took_s[32];
  snprintf(took_s, sizeof took_s, "%.2f", took);
  const char *state = out_path ? "exported" : "ready";
  if (!err)
    err = db_exec(db, SQL_BATCH_READY,
                  DBA(DS(state), DS(sha), DI((long long)zlen), out_path ? DI(job->admin_id) : DNULL, DS(state),
                      DI(job->batch_id)),
                  NULL, NULL);
  long long n = 0;
  if (!err)
    err = db_exec(db, SQL_JOB_DONE, DBA(DS(took_s), out_path ? DNULL : DS(sealed), DI(job->id), DS(job->holder)), &n,
                  NULL);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "job %lld: lease lost", job->id);
  if (err) {
    if (out_path) unlink(out_path);
    return job_fail(db, job, err);
  }
  return STATUS_OK;
}

/* ---- the password, once ---- */

struct reveal_arg {
  long long job_id, admin_id;
  char *out;
  reveal_result *res;
};

static NEOERR *tx_reveal(MYSQL *db, void *arg) {
  struct reveal_arg *a = arg;
  long long admin = 0;
  char state[16], sealed[201];
  int found = 0, null = 0;
  a->out[0] = 0;
  NEOERR *err = db_row(db, SQL_PASSWORD_LOCK, DBA(DI(a->job_id)),
                       DCOLS(DCOL_LL(&admin), DCOL_STR(state), DCOL_STR_N(sealed, &null)), &found);
  if (err) return nerr_pass(err);
  if (!found) *a->res = REVEAL_NO_JOB;
  else if (admin != a->admin_id) *a->res = REVEAL_NOT_YOURS;
  else if (strcmp(state, "done")) *a->res = REVEAL_NOT_READY;
  else if (null) *a->res = REVEAL_GONE;
  else if (code_password_open(sealed, a->out, 24) != 0)
    return nerr_raise(NERR_ASSERT, "job %lld: sealed password", a->job_id);
  else {
    *a->res = REVEAL_OK;
    err = db_exec(db, SQL_PASSWORD_WIPE, DBA(DI(a->job_id)), NULL, NULL);
  }
  return nerr_pass(err);
}

NEOERR *code_job_password(MYSQL *db, long long job_id, long long admin_id, char out[24], reveal_result *res) {
  struct reveal_arg a = {job_id, admin_id, out, res};
  NEOERR *err = db_tx(db, tx_reveal, &a);
  if (err || *res != REVEAL_OK) out[0] = 0;
  return nerr_pass(err);
}

NEOERR *code_job_hdf(MYSQL *db, long long job_id, HDF *out, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, "JobRow", SQL_JOB_HDF, DBA(DI(job_id)), &rows);
  *found = rows > 0;
  if (!err && rows) err = hdf_copy(out, "Job", hdf_get_obj(out, "JobRow.0"));
  if (!err) err = hdf_remove_tree(out, "JobRow");
  return nerr_pass(err);
}

/* ---- the package ---- */

static NEOERR *package_owner(MYSQL *db, long long batch_id, long long admin_id, int *ok) {
  long long owner = 0, pieces = 0;
  int found = 0;
  NEOERR *err = db_query_ll(db, SQL_PACKAGE_OWNER, DBA(DI(batch_id)), &owner, &found);
  if (!err) err = db_query_ll(db, SQL_PACKAGE_PIECES, DBA(DI(batch_id)), &pieces, NULL);
  *ok = !err && found && owner == admin_id && pieces > 0;
  return nerr_pass(err);
}

struct take_arg {
  const audit_actor *who;
  long long batch_id;
  STRING *body;
  int *ok;
};

static NEOERR *tx_take(MYSQL *db, void *arg) {
  struct take_arg *a = arg;
  long long pieces = 0, n = 0;
  a->body->len = 0;
  NEOERR *err = package_owner(db, a->batch_id, a->who->id, a->ok);
  if (err || !*a->ok) return nerr_pass(err);
  err = db_query_ll(db, SQL_PACKAGE_PIECES, DBA(DI(a->batch_id)), &pieces, NULL);
  size_t cap = 4 * (CODE_PACKAGE_PIECE / 3) + 8;
  char *b64 = malloc(cap);
  unsigned char *raw = malloc(CODE_PACKAGE_PIECE + 8);
  if (!b64 || !raw) err = nerr_raise(NERR_NOMEM, "package piece");
  for (long long seq = 0; !err && seq < pieces; seq++) {
    dbc col = {DBC_STR, b64, cap, NULL};
    err = db_row(db, SQL_PACKAGE_READ, DBA(DI(a->batch_id), DI(seq)), &col, 1, NULL);
    if (err) break;
    size_t bl = strlen(b64);
    int rl = EVP_DecodeBlock(raw, (const unsigned char *)b64, (int)bl);
    if (rl < 0) err = nerr_raise(NERR_ASSERT, "package piece %lld", seq);
    /* EVP_DecodeBlock counts the padding as bytes. */
    if (!err && bl >= 1 && b64[bl - 1] == '=') rl--;
    if (!err && bl >= 2 && b64[bl - 2] == '=') rl--;
    if (!err) err = string_appendn(a->body, (const char *)raw, rl);
  }
  free(b64);
  free(raw);
  if (!err) err = db_exec(db, SQL_BATCH_EXPORTED, DBA(DI(a->who->id), DI(a->batch_id)), &n, NULL);
  if (!err && n == 1) err = audit_record(db, a->who, "export", "code_batch", a->batch_id, NULL, NULL);
  return nerr_pass(err);
}

NEOERR *code_package_take(MYSQL *db, const audit_actor *who, long long batch_id, STRING *body, int *ok) {
  struct take_arg a = {who, batch_id, body, ok};
  return nerr_pass(db_tx(db, tx_take, &a));
}

struct discard_arg {
  const audit_actor *who;
  long long batch_id;
  int *ok;
};

static NEOERR *tx_discard(MYSQL *db, void *arg) {
  struct discard_arg *a = arg;
  NEOERR *err = package_owner(db, a->batch_id, a->who->id, a->ok);
  if (err || !*a->ok) return nerr_pass(err);
  err = db_exec(db, SQL_PACKAGE_CLEAR, DBA(DI(a->batch_id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_BATCH_DISCARDED, DBA(DI(a->batch_id)), NULL, NULL);
  if (!err) err = audit_record(db, a->who, "discard_package", "code_batch", a->batch_id, NULL, NULL);
  return nerr_pass(err);
}

NEOERR *code_package_discard(MYSQL *db, const audit_actor *who, long long batch_id, int *ok) {
  struct discard_arg a = {who, batch_id, ok};
  return nerr_pass(db_tx(db, tx_discard, &a));
}

/* ---- lists ---- */

static NEOERR *keyset(MYSQL *db, const char *first, const char *after_sql, long long after, int limit, HDF *out,
                      const char *prefix, int *more) {
  int rows = 0;
  NEOERR *err = after ? db_query_hdf(db, out, prefix, after_sql, DBA(DI(after), DI(limit + 1)), &rows)
                      : db_query_hdf(db, out, prefix, first, DBA(DI(limit + 1)), &rows);
  *more = rows > limit;
  if (!err && *more) {
    char name[80];
    snprintf(name, sizeof name, "%s.%d", prefix, limit);
    err = hdf_remove_tree(out, name);
  }
  return nerr_pass(err);
}

NEOERR *code_batches_list(MYSQL *db, long long after, int limit, HDF *out, const char *prefix, int *more) {
  return nerr_pass(keyset(db, SQL_BATCHES_FIRST, SQL_BATCHES_AFTER, after, limit, out, prefix, more));
}

NEOERR *code_jobs_list(MYSQL *db, long long after, int limit, HDF *out, const char *prefix, int *more) {
  return nerr_pass(keyset(db, SQL_JOBS_FIRST, SQL_JOBS_AFTER, after, limit, out, prefix, more));
}

NEOERR *code_batch_hdf(MYSQL *db, long long batch_id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  char p[80];
  snprintf(p, sizeof p, "%s.Row", prefix);
  NEOERR *err = db_query_hdf(db, out, p, SQL_BATCH_ONE, DBA(DI(batch_id)), &rows);
  *found = rows > 0;
  char row[96];
  snprintf(row, sizeof row, "%s.0", p);
  if (!err && rows) err = hdf_copy(out, prefix, hdf_get_obj(out, row));
  if (!err) err = hdf_remove_tree(out, p);
  return nerr_pass(err);
}

NEOERR *code_batch_count(MYSQL *db, long long batch_id, long long *count, int *found) {
  return nerr_pass(db_query_ll(db, SQL_BATCH_COUNT, DBA(DI(batch_id)), count, found));
}
