/* backup.c: `mallctl backup DIR` and `mallctl restore DIR` — a consistent online copy of the database (mariadb-dump
 * --single-transaction: one InnoDB snapshot while the mall serves, no locks, restorable into any MariaDB, local or
 * not), the server secret and the uploads, with a manifest of SHA-256 sums that restore checks before it touches
 * anything. */
#include "backup.h"
#include "config.h"
#include "generations.h"
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MANIFEST "manifest.json"
#define DUMP "database.sql"
#define FORMAT 1

static const char SQL_SCHEMA_VERSION[] = "SELECT COALESCE(MAX(version), '') FROM schema_migrations";
static const char SQL_TABLES[] = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()";

static int say(const char *fmt, const char *a, const char *b) {
  fprintf(stderr, "mallctl: ");
  fprintf(stderr, fmt, a ? a : "", b ? b : "");
  fputc('\n', stderr);
  return 1;
}

/* SHA-256 of a file as hex, and its size. 0 on success. */
static int file_sha256(const char *path, char hex[65], long long *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  unsigned char buf[65536], md[32];
  unsigned int mdlen = 0;
  size_t n;
  *size = 0;
  int ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
  while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0) {
    ok = EVP_DigestUpdate(ctx, buf, n);
    *size += (long long)n;
  }
  ok = ok && !ferror(f) && EVP_DigestFinal_ex(ctx, md, &mdlen) && mdlen == 32;
  EVP_MD_CTX_free(ctx);
  fclose(f);
  for (int i = 0; ok && i < 32; i++) snprintf(hex + 2 * i, 3, "%02x", md[i]);
  return ok ? 0 : -1;
}

static int copy_file(const char *from, const char *to, mode_t mode) {
  int in = open(from, O_RDONLY), out = in < 0 ? -1 : open(to, O_WRONLY | O_CREAT | O_TRUNC, mode);
  char buf[65536];
  ssize_t n = 0;
  int ok = in >= 0 && out >= 0;
  while (ok && (n = read(in, buf, sizeof buf)) > 0) ok = write(out, buf, (size_t)n) == n;
  ok = ok && n == 0;
  if (in >= 0) close(in);
  if (out >= 0 && close(out) != 0) ok = 0;
  return ok ? 0 : -1;
}

/* Makes every directory of path (like mkdir -p), mode 0700. */
static int mkdirs(const char *path) {
  char p[2048];
  snprintf(p, sizeof p, "%s", path);
  for (char *s = p + 1; *s; s++) {
    if (*s != '/') continue;
    *s = 0;
    if (mkdir(p, 0700) != 0 && errno != EEXIST) return -1;
    *s = '/';
  }
  return mkdir(p, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

/* A client options file (0600, removed after) so the password is never on a command line or in the environment. */
static int client_options(char *path, size_t len) {
  snprintf(path, len, "%s/tmp/backup-client-XXXXXX", g_cfg.var);
  int fd = mkstemp(path);
  if (fd < 0) return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    unlink(path);
    return -1;
  }
  fprintf(f, "[client]\nuser=%s\npassword=%s\nsocket=%s\ndefault-character-set=utf8mb4\n", g_cfg.db_user,
          g_cfg.db_pass ? g_cfg.db_pass : "", g_cfg.db_socket);
  return fclose(f) == 0 ? 0 : -1;
}

/* Runs argv with stdin from in_path and stdout to out_path (either may be NULL); 0 when it exits 0. */
static int run(char *const argv[], const char *in_path, const char *out_path) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    if (in_path) {
      int fd = open(in_path, O_RDONLY);
      if (fd < 0 || dup2(fd, 0) < 0) _exit(126);
      close(fd);
    }
    if (out_path) {
      int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (fd < 0 || dup2(fd, 1) < 0) _exit(126);
      close(fd);
    }
    execvp(argv[0], argv);
    _exit(127);
  }
  int st = 0;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

/* The files of a backup, walked by nftw (which takes no context: one walk at a time). */
static struct {
  const char *from_root, *to_root;
  json_t *files;
  int failed;
} g_walk;

static int add_file(const char *dir, const char *rel, json_t *files) {
  char path[2048], hex[65];
  long long size = 0;
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  if (file_sha256(path, hex, &size) != 0) return -1;
  json_array_append_new(files, json_pack("{s:s, s:I, s:s}", "path", rel, "size", (json_int_t)size, "sha256", hex));
  return 0;
}

static int copy_upload(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)ftw;
  if (flag != FTW_F || !S_ISREG(st->st_mode)) return 0;
  const char *rel = path + strlen(g_walk.from_root) + 1;
  char to[2048], rel_in_backup[1100], dir[2048];
  snprintf(to, sizeof to, "%s/uploads/%s", g_walk.to_root, rel);
  snprintf(dir, sizeof dir, "%s", to);
  *strrchr(dir, '/') = 0;
  snprintf(rel_in_backup, sizeof rel_in_backup, "uploads/%s", rel);
  if (mkdirs(dir) != 0 || copy_file(path, to, 0600) != 0 || add_file(g_walk.to_root, rel_in_backup, g_walk.files) != 0)
    g_walk.failed = 1;
  return g_walk.failed;
}

int backup_create(MYSQL *db, const char *dir) {
  struct stat st;
  if (stat(dir, &st) == 0) return say("backup: %s exists already: name a new directory", dir, NULL);
  if (mkdirs(dir) != 0) return say("backup: cannot create %s", dir, NULL);
  char version[160] = "", opts[1100], dump[2048], path[2048];
  NEOERR *err = db_query_str(db, SQL_SCHEMA_VERSION, DB_NOARGS, version, sizeof version, NULL);
  if (err) {
    nerr_ignore(&err);
    return say("backup: cannot read the schema version", NULL, NULL);
  }
  if (client_options(opts, sizeof opts) != 0) return say("backup: cannot write a client options file in %s/tmp", g_cfg.var, NULL);
  char arg_opts[1200];
  snprintf(arg_opts, sizeof arg_opts, "--defaults-extra-file=%s", opts);
  snprintf(dump, sizeof dump, "%s/%s", dir, DUMP);
  char *argv[] = {"mariadb-dump", arg_opts, "--single-transaction", "--routines", "--triggers", "--events",
                  "--hex-blob", "--skip-lock-tables", (char *)g_cfg.db_name, NULL};
  time_t started = time(NULL);
  int rc = run(argv, NULL, dump);
  unlink(opts);
  if (rc != 0) return say("backup: mariadb-dump failed (see its message above)", NULL, NULL);

  json_t *files = json_array();
  add_file(dir, DUMP, files);
  snprintf(path, sizeof path, "%s/secret.key", g_cfg.var);
  char to[2048];
  snprintf(to, sizeof to, "%s/secret.key", dir);
  if (copy_file(path, to, 0600) != 0 || add_file(dir, "secret.key", files) != 0) {
    json_decref(files);
    return say("backup: cannot copy %s", path, NULL);
  }
  const char *uploads = g_cfg.uploads;
  g_walk.from_root = uploads;
  g_walk.to_root = dir;
  g_walk.files = files;
  g_walk.failed = 0;
  if (stat(uploads, &st) == 0 && (nftw(uploads, copy_upload, 16, FTW_PHYS) != 0 || g_walk.failed)) {
    json_decref(files);
    return say("backup: cannot copy the uploads in %s", uploads, NULL);
  }
  char when[32];
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&started));
  json_t *m = json_pack("{s:i, s:s, s:s, s:s, s:o}", "format", FORMAT, "created_at", when, "schema_version", version,
                        "database", g_cfg.db_name, "files", files);
  snprintf(path, sizeof path, "%s/%s", dir, MANIFEST);
  rc = json_dump_file(m, path, JSON_INDENT(2) | JSON_SORT_KEYS);
  printf("backup: %s — %zu files, schema %s, taken %s\n", dir, json_array_size(files), version, when);
  json_decref(m);
  return rc == 0 ? 0 : say("backup: cannot write %s", path, NULL);
}

/* Every file the manifest names is there with its size and SHA-256, and names no path outside the backup. */
static int verify(const char *dir, json_t *m) {
  json_t *files = json_object_get(m, "files"), *f;
  size_t i;
  if (json_integer_value(json_object_get(m, "format")) != FORMAT || !json_is_array(files))
    return say("restore: %s/manifest.json is not a backup manifest this version reads", dir, NULL);
  int dump = 0, secret = 0;
  json_array_foreach(files, i, f) {
    const char *rel = json_string_value(json_object_get(f, "path"));
    const char *want = json_string_value(json_object_get(f, "sha256"));
    json_int_t size = json_integer_value(json_object_get(f, "size"));
    if (!rel || !want || rel[0] == '/' || strstr(rel, ".."))
      return say("restore: the manifest names a bad path (%s): refused", rel ? rel : "?", NULL);
    char path[2048], hex[65];
    long long got = 0;
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    if (file_sha256(path, hex, &got) != 0) return say("restore: %s is missing from the backup: refused", rel, NULL);
    if (got != size || strcmp(hex, want) != 0)
      return say("restore: %s does not match the manifest (damaged or changed since the backup): refused", rel, NULL);
    dump |= strcmp(rel, DUMP) == 0;
    secret |= strcmp(rel, "secret.key") == 0;
  }
  if (!dump || !secret) return say("restore: the manifest lacks %s or secret.key: refused", DUMP, NULL);
  return 0;
}

int backup_restore(MYSQL *db, const char *dir) {
  char path[2048];
  snprintf(path, sizeof path, "%s/%s", dir, MANIFEST);
  json_error_t jerr;
  json_t *m = json_load_file(path, 0, &jerr);
  if (!m) return say("restore: cannot read %s: refused", path, NULL);
  int rc = verify(dir, m);
  long long tables = -1;
  NEOERR *err = rc ? STATUS_OK : db_query_ll(db, SQL_TABLES, DB_NOARGS, &tables, NULL);
  if (err) {
    nerr_ignore(&err);
    rc = say("restore: cannot list the database's tables", NULL, NULL);
  }
  if (!rc && tables != 0)
    rc = say("restore: database %s is not empty: restore only into an empty one (a fresh instance)", g_cfg.db_name, NULL);
  char opts[1100], arg_opts[1200], dump[2048];
  if (!rc && client_options(opts, sizeof opts) != 0) rc = say("restore: cannot write a client options file", NULL, NULL);
  if (!rc) {
    snprintf(arg_opts, sizeof arg_opts, "--defaults-extra-file=%s", opts);
    snprintf(dump, sizeof dump, "%s/%s", dir, DUMP);
    char *argv[] = {"mariadb", arg_opts, (char *)g_cfg.db_name, NULL};
    rc = run(argv, dump, NULL);
    unlink(opts);
    if (rc) say("restore: loading %s failed (see its message above)", dump, NULL);
  }
  /* The secret and the uploads come back with the data they belong to (voucher passwords, CSRF, pictures). */
  json_t *f;
  size_t i;
  json_array_foreach(rc ? NULL : json_object_get(m, "files"), i, f) {
    const char *rel = json_string_value(json_object_get(f, "path"));
    if (strcmp(rel, DUMP) == 0) continue;
    char from[2048], to[2048], todir[2048];
    snprintf(from, sizeof from, "%s/%s", dir, rel);
    if (strncmp(rel, "uploads/", 8) == 0) snprintf(to, sizeof to, "%s/%s", g_cfg.uploads, rel + 8);
    else snprintf(to, sizeof to, "%s/%s", g_cfg.var, rel);
    snprintf(todir, sizeof todir, "%s", to);
    *strrchr(todir, '/') = 0;
    if (mkdirs(todir) != 0 || copy_file(from, to, 0600) != 0) {
      rc = say("restore: cannot write %s", to, NULL);
      break;
    }
  }
  if (!rc) {
    catalog_bump();
    accounts_bump();
    printf("restore: %s loaded (schema %s, taken %s)\n", dir, json_string_value(json_object_get(m, "schema_version")),
           json_string_value(json_object_get(m, "created_at")));
  }
  json_decref(m);
  return rc;
}
