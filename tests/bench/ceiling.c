/* ceiling.c: the flash sale's physical ceiling — N threads, one connection each, hammer the one-row stock
 * decrement as autocommit prepared statements for S seconds; prints "CEILING <updates/s> <updates> <p50 ms> <p99 ms>".
 *   usage: ceiling SOCKET DATABASE ROW_ID THREADS SECONDS [STATEMENT]   (user root, no password, like the stack)
 * STATEMENT: another one-parameter conditional UPDATE of one row (the coupon claim storm's campaign counter); the
 * default is the stock decrement on a product. */
#include <mysql.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *SQL_TAKE = "UPDATE products SET stock = stock - 1 WHERE id = ? AND stock > 0";

static const char *g_socket, *g_db;
static long long g_product;
static double g_start, g_stop;
static pthread_barrier_t g_ready, g_go;

#define BUCKETS 100000 /* latency histogram in 10 µs steps up to 1 s */

typedef struct {
  long long done, failed;
  long long *hist; /* per-thread: merged after join, so no locking on the hot path */
} worker;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *run(void *arg) {
  worker *w = arg;
  MYSQL *db = mysql_init(NULL);
  MYSQL_STMT *st = NULL;
  MYSQL_BIND b;
  long long id = g_product;
  int ok = db && mysql_real_connect(db, NULL, "root", "", g_db, 0, g_socket, 0) && !mysql_autocommit(db, 1);
  if (ok) ok = (st = mysql_stmt_init(db)) && !mysql_stmt_prepare(st, SQL_TAKE, strlen(SQL_TAKE));
  memset(&b, 0, sizeof b);
  b.buffer_type = MYSQL_TYPE_LONGLONG;
  b.buffer = &id;
  if (ok) ok = !mysql_stmt_bind_param(st, &b);
  if (!ok) { w->failed++; fprintf(stderr, "ceiling: %s\n", db ? mysql_error(db) : "out of memory"); }
  pthread_barrier_wait(&g_ready); /* everyone connected before the clock starts */
  pthread_barrier_wait(&g_go);
  while (ok) {
    double t0 = now();
    if (t0 >= g_stop) break;
    if (mysql_stmt_execute(st)) { w->failed++; fprintf(stderr, "ceiling: %s\n", mysql_stmt_error(st)); break; }
    double t1 = now();
    if (mysql_stmt_affected_rows(st) == 1) w->done++;
    long long bucket = (long long)((t1 - t0) * 1e5);
    w->hist[bucket < BUCKETS ? bucket : BUCKETS - 1]++;
  }
  if (st) mysql_stmt_close(st);
  if (db) mysql_close(db);
  return NULL;
}

/* Upper edge of the bucket holding the p-th fraction of the samples, in ms. */
static double percentile(const long long *hist, long long total, double p) {
  long long seen = 0, want = (long long)(total * p);
  int k = 0;
  for (; k < BUCKETS - 1 && (seen += hist[k]) < want; k++) {}
  return (k + 1) / 100.0;
}

int main(int argc, char **argv) {
  if (argc != 6 && argc != 7) {
    fprintf(stderr, "usage: ceiling SOCKET DATABASE ROW_ID THREADS SECONDS [STATEMENT]\n");
    return 2;
  }
  if (argc == 7) SQL_TAKE = argv[6];
  g_socket = argv[1];
  g_db = argv[2];
  g_product = atoll(argv[3]);
  int threads = atoi(argv[4]);
  double seconds = atof(argv[5]);
  if (threads < 1 || threads > 1024 || seconds <= 0) { fprintf(stderr, "ceiling: bad arguments\n"); return 2; }
  mysql_library_init(0, NULL, NULL);
  pthread_t *tid = calloc(threads, sizeof *tid);
  worker *w = calloc(threads, sizeof *w);
  if (!tid || !w) return 1;
  pthread_barrier_init(&g_ready, NULL, threads + 1);
  pthread_barrier_init(&g_go, NULL, threads + 1);
  for (int i = 0; i < threads; i++) {
    if (!(w[i].hist = calloc(BUCKETS, sizeof(long long)))) return 1;
    pthread_create(&tid[i], NULL, run, &w[i]);
  }
  /* The clock starts once every thread is connected; the threads read g_stop only after g_go. */
  pthread_barrier_wait(&g_ready);
  g_start = now();
  g_stop = g_start + seconds;
  pthread_barrier_wait(&g_go);
  long long done = 0, failed = 0, total = 0;
  for (int i = 0; i < threads; i++) {
    pthread_join(tid[i], NULL);
    done += w[i].done;
    failed += w[i].failed;
  }
  double elapsed = now() - g_start;
  long long *hist = calloc(BUCKETS, sizeof(long long));
  if (!hist) return 1;
  for (int i = 0; i < threads; i++)
    for (int k = 0; k < BUCKETS; k++) { hist[k] += w[i].hist[k]; total += w[i].hist[k]; }
  printf("CEILING %.1f %lld %.2f %.2f\n", elapsed > 0 ? done / elapsed : 0.0, done, percentile(hist, total, 0.50),
         percentile(hist, total, 0.99));
  mysql_library_end();
  return failed ? 1 : 0;
}
