/* mallctl.c: command-line face of the mall — migrations, demo data, admin accounts, SMS outbox */
#include "config.h"
#include "db.h"
#include "passwords.h"
#include "search_index.h"
#include "sms.h"
#include "render.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static MYSQL *g_db;

static int fail(NEOERR **err, const char *what) {
  STRING s;
  string_init(&s);
  nerr_error_string(*err, &s);
  fprintf(stderr, "mallctl %s: %s\n", what, s.buf ? s.buf : "error");
  string_clear(&s);
  nerr_ignore(err);
  return 1;
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
  if (buf) buf[n] = 0;
  fclose(f);
  return buf;
}

static int sql_file_filter(const struct dirent *d) {
  size_t l = strlen(d->d_name);
  return l > 4 && strcmp(d->d_name + l - 4, ".sql") == 0;
}

static const char SQL_MIGRATIONS_TABLE[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(128) NOT NULL PRIMARY KEY, "
    "applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB";
static const char SQL_MIGRATION_SEEN[] = "SELECT COUNT(*) FROM schema_migrations WHERE version = ?";
static const char SQL_MIGRATION_RECORD[] = "INSERT INTO schema_migrations (version) VALUES (?)";

/* Applies schema/NNN_*.sql in name order, each once. */
static int cmd_migrate(void) {
  char dir[1100];
  snprintf(dir, sizeof dir, "%s/schema", g_cfg.root);
  NEOERR *err = db_exec(g_db, SQL_MIGRATIONS_TABLE, DB_NOARGS, NULL, NULL);
  if (err) return fail(&err, "migrate");
  struct dirent **names = NULL;
  int n = scandir(dir, &names, sql_file_filter, alphasort);
  if (n < 0) { fprintf(stderr, "mallctl migrate: cannot read %s\n", dir); return 1; }
  int rc = 0, applied = 0;
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    long long seen = 0;
    if (rc == 0 && (err = db_query_ll(g_db, SQL_MIGRATION_SEEN, DBA(DS(name)), &seen, NULL))) rc = fail(&err, name);
    if (rc == 0 && !seen) {
      char path[1400];
      snprintf(path, sizeof path, "%s/%s", dir, name);
      char *sql = read_file(path);
      if (!sql) { fprintf(stderr, "mallctl migrate: cannot read %s\n", path); rc = 1; }
      /* DDL commits implicitly in MariaDB; a failed file stops here and is retried next run. */
      if (rc == 0 && (err = db_run_script(g_db, sql))) rc = fail(&err, name);
      if (rc == 0 && (err = db_exec(g_db, SQL_MIGRATION_RECORD, DBA(DS(name)), NULL, NULL))) rc = fail(&err, name);
      if (rc == 0) { printf("applied %s\n", name); applied++; }
      free(sql);
    }
    free(names[i]);
  }
  free(names);
  if (rc == 0) printf("migrations: %d applied, schema up to date\n", applied);
  return rc;
}

static const char SQL_MEMBER_COUNT[] = "SELECT COUNT(*) FROM members";
static const char SQL_SET_MEMBER_PW[] = "UPDATE members SET password_hash = ? WHERE password_hash = ?";
static const char SQL_SET_ADMIN_PW[] = "UPDATE admins SET password_hash = ? WHERE password_hash = ?";
static const char SQL_SET_MERCHANT_PW[] = "UPDATE merchant_users SET password_hash = ? WHERE password_hash = ?";

/* Demo rows carry a marker ("demo:<password>") instead of a hash; replace each with scrypt. */
static int set_demo_password(const char *sql, const char *password) {
  char marker[128], hash[PASSWORD_HASH_LEN];
  snprintf(marker, sizeof marker, "demo:%s", password);
  if (password_hash(password, hash) != 0) { fprintf(stderr, "mallctl seed: scrypt failed\n"); return 1; }
  NEOERR *err = db_exec(g_db, sql, DBA(DS(hash), DS(marker)), NULL, NULL);
  return err ? fail(&err, "seed") : 0;
}

static int cmd_seed(int if_empty) {
  long long members = 0;
  NEOERR *err = db_query_ll(g_db, SQL_MEMBER_COUNT, DB_NOARGS, &members, NULL);
  if (err) return fail(&err, "seed");
  if (if_empty && members > 0) { printf("seed: database already has data, left as it is\n"); return 0; }
  char dir[1100];
  snprintf(dir, sizeof dir, "%s/schema/demo", g_cfg.root);
  struct dirent **names = NULL;
  int n = scandir(dir, &names, sql_file_filter, alphasort);
  if (n < 0) { fprintf(stderr, "mallctl seed: cannot read %s\n", dir); return 1; }
  int rc = 0;
  for (int i = 0; i < n; i++) {
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
    char *sql = rc == 0 ? read_file(path) : NULL;
    if (rc == 0 && !sql) { fprintf(stderr, "mallctl seed: cannot read %s\n", path); rc = 1; }
    if (rc == 0 && (err = db_run_script(g_db, sql))) rc = fail(&err, names[i]->d_name);
    if (rc == 0) printf("loaded %s\n", names[i]->d_name);
    free(sql);
    free(names[i]);
  }
  free(names);
  if (rc == 0) rc = set_demo_password(SQL_SET_MEMBER_PW, "Demo@2026");
  if (rc == 0) rc = set_demo_password(SQL_SET_ADMIN_PW, "Admin@2026");
  if (rc == 0) rc = set_demo_password(SQL_SET_MERCHANT_PW, "Merchant@2026");
  if (rc == 0 && (err = search_reindex_all(g_db))) rc = fail(&err, "reindex");
  if (rc == 0) { catalog_bump(); printf("seed: demo data loaded\n"); }
  return rc;
}

static const char SQL_ADMIN_UPSERT[] =
    "INSERT INTO admins (username, password_hash, role) VALUES (?, ?, ?) "
    "ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), role = VALUES(role), status = 'active'";

/* Password comes from MALL_ADMIN_PASSWORD or the first line of stdin, never from argv (ps shows argv). */
static int cmd_create_admin(const char *username, const char *role) {
  char pw[256] = "";
  const char *envpw = getenv("MALL_ADMIN_PASSWORD");
  if (envpw) snprintf(pw, sizeof pw, "%s", envpw);
  else if (fgets(pw, sizeof pw, stdin)) pw[strcspn(pw, "\r\n")] = 0;
  if (strlen(pw) < 8) { fprintf(stderr, "mallctl create-admin: password must have at least 8 characters\n"); return 2; }
  char hash[PASSWORD_HASH_LEN];
  if (password_hash(pw, hash) != 0) { fprintf(stderr, "mallctl create-admin: scrypt failed\n"); return 1; }
  NEOERR *err = db_exec(g_db, SQL_ADMIN_UPSERT, DBA(DS(username), DS(hash), DS(role)), NULL, NULL);
  if (err) return fail(&err, "create-admin");
  printf("admin %s (%s) ready\n", username, role);
  return 0;
}

static const char SQL_OUTBOX_ALL[] =
    "SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS at, mobile, purpose, driver, status, body "
    "FROM sms_outbox ORDER BY id DESC LIMIT ?";
static const char SQL_OUTBOX_PHONE[] =
    "SELECT id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS at, mobile, purpose, driver, status, body "
    "FROM sms_outbox WHERE mobile = ? ORDER BY id DESC LIMIT ?";

static int cmd_sms_outbox(const char *phone, long long last) {
  HDF *h = NULL;
  NEOERR *err = hdf_init(&h);
  int rows = 0;
  if (!err) {
    if (phone) err = db_query_hdf(g_db, h, "M", SQL_OUTBOX_PHONE, DBA(DS(phone), DI(last)), &rows);
    else err = db_query_hdf(g_db, h, "M", SQL_OUTBOX_ALL, DBA(DI(last)), &rows);
  }
  if (err) { hdf_destroy(&h); return fail(&err, "sms-outbox"); }
  for (int i = rows - 1; i >= 0; i--) {
    printf("%s\t%s\t%s\t%s\t%s\t%s\n", hdf_get_valuef(h, "M.%d.at", i), hdf_get_valuef(h, "M.%d.mobile", i),
           hdf_get_valuef(h, "M.%d.purpose", i), hdf_get_valuef(h, "M.%d.driver", i),
           hdf_get_valuef(h, "M.%d.status", i), hdf_get_valuef(h, "M.%d.body", i));
  }
  hdf_destroy(&h);
  return 0;
}

static int valid_mobile(const char *m) {
  if (strlen(m) != 11 || m[0] != '1') return 0;
  for (; *m; m++)
    if (*m < '0' || *m > '9') return 0;
  return 1;
}

static int valid_purpose(const char *p) {
  size_t l = strlen(p);
  if (l < 1 || l > 32) return 0;
  for (; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || *p == '-')) return 0;
  return 1;
}

/* Sends a text through the configured driver: exit 0 when sent, 1 when the driver failed. */
static int cmd_sms_send(const char *mobile, const char *text) {
  if (!valid_mobile(mobile)) { fprintf(stderr, "mallctl sms-send: bad mobile number\n"); return 2; }
  int sent = 0;
  NEOERR *err = sms_send(g_db, mobile, "manual", text, &sent);
  if (err) return fail(&err, "sms-send");
  printf("%s\n", sent ? "sent" : "failed");
  return sent ? 0 : 1;
}

/* Issues a code through the domain API (tests and support): prints sent | cooldown N | daily-cap | failed. */
static int cmd_sms_code_send(const char *mobile, const char *purpose, const char *ref) {
  if (!valid_mobile(mobile) || !valid_purpose(purpose)) { fprintf(stderr, "mallctl sms-code-send: bad mobile or purpose\n"); return 2; }
  sms_send_result res;
  NEOERR *err = sms_code_send(g_db, mobile, purpose, ref, &res);
  if (err) return fail(&err, "sms-code-send");
  if (res.status == SMS_SEND_COOLDOWN) printf("cooldown %lld\n", res.seconds_left);
  else printf("%s\n", sms_send_status_name(res.status));
  return 0;
}

/* Checks a code through the domain API: prints ok | wrong N | dead | expired | used | none. */
static int cmd_sms_code_verify(const char *mobile, const char *purpose, const char *ref, const char *code) {
  if (!valid_mobile(mobile) || !valid_purpose(purpose)) { fprintf(stderr, "mallctl sms-code-verify: bad mobile or purpose\n"); return 2; }
  sms_verify_result res;
  NEOERR *err = sms_code_verify(g_db, mobile, purpose, ref, code, &res);
  if (err) return fail(&err, "sms-code-verify");
  if (res.status == SMS_VERIFY_WRONG) printf("wrong %d\n", res.tries_left);
  else printf("%s\n", sms_verify_status_name(res.status));
  return 0;
}

static void usage(void) {
  fprintf(stderr,
          "usage: mallctl COMMAND\n"
          "  migrate                      apply new schema/NNN_*.sql files\n"
          "  seed [--if-empty]            load the demo data (schema/demo/*.sql)\n"
          "  create-admin USER ROLE       password from MALL_ADMIN_PASSWORD or stdin; ROLE: super|ops|moderator|finance|enterprise\n"
          "  sms-outbox [--phone P] [--last N]  recent texts, oldest first\n"
          "  sms-send MOBILE TEXT         send a text with the configured driver (MALL_SMS_DRIVER, MALL_SMS_URL)\n"
          "  sms-code-send MOBILE PURPOSE [REF]         issue a one-time code (prints sent|cooldown N|daily-cap|failed)\n"
          "  sms-code-verify MOBILE PURPOSE REF CODE    check a code (prints ok|wrong N|dead|expired|used|none)\n"
          "  reindex                      rebuild the product search copy\n");
}

int main(int argc, char **argv) {
  if (argc < 2) { usage(); return 2; }
  if (config_load() != 0) { fprintf(stderr, "mallctl: cannot read or create %s/secret.key\n", g_cfg.var); return 1; }
  NEOERR *err = db_connect(&g_db);
  if (err) return fail(&err, "connect");
  int rc;
  const char *cmd = argv[1];
  if (strcmp(cmd, "migrate") == 0) {
    rc = cmd_migrate();
  } else if (strcmp(cmd, "seed") == 0) {
    rc = cmd_seed(argc > 2 && strcmp(argv[2], "--if-empty") == 0);
  } else if (strcmp(cmd, "create-admin") == 0 && argc == 4) {
    rc = cmd_create_admin(argv[2], argv[3]);
  } else if (strcmp(cmd, "sms-outbox") == 0) {
    const char *phone = NULL;
    long long last = 20;
    for (int i = 2; i + 1 < argc; i += 2) {
      if (strcmp(argv[i], "--phone") == 0) phone = argv[i + 1];
      else if (strcmp(argv[i], "--last") == 0) last = atoll(argv[i + 1]);
    }
    if (last < 1 || last > 10000) last = 20;
    rc = cmd_sms_outbox(phone, last);
  } else if (strcmp(cmd, "sms-send") == 0 && argc == 4) {
    rc = cmd_sms_send(argv[2], argv[3]);
  } else if (strcmp(cmd, "sms-code-send") == 0 && (argc == 4 || argc == 5)) {
    rc = cmd_sms_code_send(argv[2], argv[3], argc == 5 ? argv[4] : "");
  } else if (strcmp(cmd, "sms-code-verify") == 0 && argc == 6) {
    rc = cmd_sms_code_verify(argv[2], argv[3], argv[4], argv[5]);
  } else if (strcmp(cmd, "reindex") == 0) {
    err = search_reindex_all(g_db);
    rc = err ? fail(&err, "reindex") : 0;
    if (!rc) { catalog_bump(); printf("search index rebuilt\n"); }
  } else {
    usage();
    rc = 2;
  }
  db_close();
  return rc;
}
