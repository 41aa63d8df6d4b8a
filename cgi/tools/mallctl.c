/* mallctl.c: command-line face of the mall — migrations, demo data, admin accounts, SMS outbox */
#include "backup.h"
#include "codes_cmd.h"
#include "grants_cmd.h"
#include "report_cmd.h"
#include "partners_cmd.h"
#include "config.h"
#include "payments/payments.h"
#include "job_lock.h"
#include "db.h"
#include "members/inbox.h"
#include "points/ledger_check.h"
#include "members/members.h"
#include "orders/orders.h"
#include "points/points.h"
#include "points/reminders.h"
#include "shared/passwords.h"
#include "catalog/product_list.h"
#include "catalog/search_list.h"
#include "points/points_read.h"
#include "catalog/search_index.h"
#include "merchants/settlements.h"
#include "shared/sms.h"
#include "render.h"
#include <dirent.h>
#include "merchants/vouchers.h"
#include "campaigns/switches.h"
#include "campaigns/monitor_alerts.h"
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
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
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
  if (n < 0) {
    fprintf(stderr, "mallctl migrate: cannot read %s\n", dir);
    return 1;
  }
  int rc = 0, applied = 0;
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    long long seen = 0;
    if (rc == 0 && (err = db_query_ll(g_db, SQL_MIGRATION_SEEN, DBA(DS(name)), &seen, NULL))) rc = fail(&err, name);
    if (rc == 0 && !seen) {
      char path[1400];
      snprintf(path, sizeof path, "%s/%s", dir, name);
      char *sql = read_file(path);
      if (!sql) {
        fprintf(stderr, "mallctl migrate: cannot read %s\n", path);
        rc = 1;
      }
      /* DDL commits implicitly in MariaDB; a failed file stops here and is retried next run. */
      if (rc == 0 && (err = db_run_script(g_db, sql))) rc = fail(&err, name);
      if (rc == 0 && (err = db_exec(g_db, SQL_MIGRATION_RECORD, DBA(DS(name)), NULL, NULL))) rc = fail(&err, name);
      if (rc == 0) {
        printf("applied %s\n", name);
        applied++;
      }
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
  if (password_hash(password, hash) != 0) {
    fprintf(stderr, "mallctl seed: scrypt failed\n");
    return 1;
  }
  NEOERR *err = db_exec(g_db, sql, DBA(DS(hash), DS(marker)), NULL, NULL);
  return err ? fail(&err, "seed") : 0;
}

static int cmd_seed(int if_empty) {
  long long members = 0;
  NEOERR *err = db_query_ll(g_db, SQL_MEMBER_COUNT, DB_NOARGS, &members, NULL);
  if (err) return fail(&err, "seed");
  if (if_empty && members > 0) {
    printf("seed: database already has data, left as it is\n");
    return 0;
  }
  char dir[1100];
  snprintf(dir, sizeof dir, "%s/schema/demo", g_cfg.root);
  struct dirent **names = NULL;
  int n = scandir(dir, &names, sql_file_filter, alphasort);
  if (n < 0) {
    fprintf(stderr, "mallctl seed: cannot read %s\n", dir);
    return 1;
  }
  int rc = 0;
  for (int i = 0; i < n; i++) {
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
    char *sql = rc == 0 ? read_file(path) : NULL;
    if (rc == 0 && !sql) {
      fprintf(stderr, "mallctl seed: cannot read %s\n", path);
      rc = 1;
    }
    if (rc == 0 && (err = db_run_script(g_db, sql))) rc = fail(&err, names[i]->d_name);
    if (rc == 0) printf("loaded %s\n", names[i]->d_name);
    free(sql);
    free(names[i]);
  }
  free(names);
  if (rc == 0) rc = set_demo_password(SQL_SET_MEMBER_PW, "Demo@2026");
  if (rc == 0) rc = set_demo_password(SQL_SET_ADMIN_PW, "Admin@2026");
  if (rc == 0) rc = set_demo_password(SQL_SET_MERCHANT_PW, "Merchant@2026");
  if (rc == 0) rc = partners_seal_demo(g_db);
  if (rc == 0 && (err = search_reindex_all(g_db))) rc = fail(&err, "reindex");
  if (rc == 0) {
    catalog_bump();
    printf("seed: demo data loaded\n");
  }
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
  if (strlen(pw) < 8) {
    fprintf(stderr, "mallctl create-admin: password must have at least 8 characters\n");
    return 2;
  }
  char hash[PASSWORD_HASH_LEN];
  if (password_hash(pw, hash) != 0) {
    fprintf(stderr, "mallctl create-admin: scrypt failed\n");
    return 1;
  }
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
  if (err) {
    hdf_destroy(&h);
    return fail(&err, "sms-outbox");
  }
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
  if (!valid_mobile(mobile)) {
    fprintf(stderr, "mallctl sms-send: bad mobile number\n");
    return 2;
  }
  int sent = 0;
  NEOERR *err = sms_send(g_db, mobile, "manual", text, &sent);
  if (err) return fail(&err, "sms-send");
  printf("%s\n", sent ? "sent" : "failed");
  return sent ? 0 : 1;
}

/* Issues a code through the domain API (tests and support): prints sent | cooldown N | daily-cap | failed. */
static int cmd_sms_code_send(const char *mobile, const char *purpose, const char *ref) {
  if (!valid_mobile(mobile) || !valid_purpose(purpose)) {
    fprintf(stderr, "mallctl sms-code-send: bad mobile or purpose\n");
    return 2;
  }
  sms_send_result res;
  NEOERR *err = sms_code_send(g_db, mobile, purpose, ref, &res);
  if (err) return fail(&err, "sms-code-send");
  if (res.status == SMS_SEND_COOLDOWN) printf("cooldown %lld\n", res.seconds_left);
  else printf("%s\n", sms_send_status_name(res.status));
  return 0;
}

/* Checks a code through the domain API: prints ok | wrong N | dead | expired | used | none. */
static int cmd_sms_code_verify(const char *mobile, const char *purpose, const char *ref, const char *code) {
  if (!valid_mobile(mobile) || !valid_purpose(purpose)) {
    fprintf(stderr, "mallctl sms-code-verify: bad mobile or purpose\n");
    return 2;
  }
  sms_verify_result res;
  NEOERR *err = sms_code_verify(g_db, mobile, purpose, ref, code, &res);
  if (err) return fail(&err, "sms-code-verify");
  if (res.status == SMS_VERIFY_WRONG) printf("wrong %d\n", res.tries_left);
  else printf("%s\n", sms_verify_status_name(res.status));
  return 0;
}

/* ---- points and orders jobs (run by cron; every one is safe to run twice or concurrently) ---- */

static int cmd_expire_points(void) {
  long long members = 0, points = 0;
  NEOERR *err = points_expire_all(g_db, &members, &points);
  if (err) return fail(&err, "expire-points");
  printf("expired %lld points of %lld members\n", points, members);
  return 0;
}

/* issued vouchers past valid_to → expired (vouchers); a second run finds nothing */
static int cmd_expire_vouchers(void) {
  long long n = 0;
  NEOERR *err = vouchers_expire(g_db, &n);
  if (err) return fail(&err, "expire-vouchers");
  printf("expired %lld vouchers\n", n);
  return 0;
}

static int cmd_send_reminders(int days) {
  if (days < 1 || days > REMINDER_MAX_DAYS) {
    fprintf(stderr, "mallctl send-reminders: --days must be 1..%d\n", REMINDER_MAX_DAYS);
    return 2;
  }
  long long lots = 0;
  NEOERR *err = reminders_send(g_db, days, &lots);
  if (err) return fail(&err, "send-reminders");
  printf("reminded %lld lots expiring within %d days\n", lots, days);
  return 0;
}

static int cmd_orders_housekeeping(void) {
  long long cancelled = 0, completed = 0;
  NEOERR *err = orders_housekeeping(g_db, &cancelled, &completed);
  if (err) return fail(&err, "orders-housekeeping");
  printf("cancelled %lld unpaid orders, completed %lld shipped orders\n", cancelled, completed);
  return 0;
}

static void print_check(void *ctx, const char *code, const char *what, long long violations) {
  (void)ctx;
  if (violations < 0) printf("%s  %-84s skipped\n", code, what);
  else printf("%s  %-84s %s (%lld)\n", code, what, violations ? "FAIL" : "ok", violations);
}

/* Exit 1 when any invariant is violated: tests and monitoring rely on the status. */
/* pay-jobs (C5): the sandbox's due notifications, open trades older than a minute asked about, refunds retried. */
static int cmd_pay_jobs(void) {
  payments_job_stats st;
  NEOERR *err = payments_jobs(g_db, &st);
  if (err) return fail(&err, "pay-jobs");
  printf("pay-jobs: %lld notifications sent, %lld not acknowledged, %lld trades settled by query, %lld refunded, "
         "%lld refunds to retry\n",
         st.notified, st.notify_failed, st.synced, st.refunded, st.refund_failed);
  return 0;
}

static int cmd_check_ledger(void) {
  long long violations = 0;
  NEOERR *err = ledger_check(g_db, print_check, NULL, &violations);
  if (err) return fail(&err, "check-ledger");
  printf("check-ledger: %lld violations\n", violations);
  return violations ? 1 : 0;
}

/* Order commands print the result name (Order.Result.Ok …) and exit 1 unless it is Ok. */
static int order_done(NEOERR *err, const order_outcome *out, const char *what) {
  if (err) return fail(&err, what);
  printf("%s\n", order_result_name(out->result));
  return out->result == ORDER_OK ? 0 : 1;
}

static int text_ok(const char *s, size_t max) {
  size_t l = strlen(s);
  if (l == 0 || l > max) return 0;
  for (; *s; s++)
    if ((unsigned char)*s < 0x20) return 0;
  return 1;
}

static int cmd_order_ship(const char *no, const char *carrier, const char *tracking) {
  if (!text_ok(carrier, 32) || !text_ok(tracking, 64)) {
    fprintf(stderr, "mallctl order-ship: carrier 1..32 and tracking number 1..64 bytes\n");
    return 2;
  }
  order_outcome out;
  NEOERR *err = order_ship(g_db, no, carrier, tracking, &out);
  return order_done(err, &out, "order-ship");
}

static int cmd_order_event(const char *no, const char *text) {
  if (!text_ok(text, 255)) {
    fprintf(stderr, "mallctl order-event: text of 1..255 bytes\n");
    return 2;
  }
  order_outcome out;
  NEOERR *err = order_add_event(g_db, no, text, &out);
  return order_done(err, &out, "order-event");
}

static int cmd_order_complete(const char *no) {
  order_outcome out;
  NEOERR *err = order_complete(g_db, 0, no, &out);
  return order_done(err, &out, "order-complete");
}

static int cmd_order_cancel(const char *no, const char *reason) {
  if (!text_ok(reason, 200)) {
    fprintf(stderr, "mallctl order-cancel: reason of 1..200 bytes\n");
    return 2;
  }
  order_outcome out;
  NEOERR *err = order_cancel(g_db, 0, no, reason, &out);
  return order_done(err, &out, "order-cancel");
}

static const char SQL_VALID_EXPIRY[] =
    "SELECT STR_TO_DATE(?, '%Y-%m-%d') >= CURDATE() AND DATE_FORMAT(STR_TO_DATE(?, '%Y-%m-%d'), '%Y-%m-%d') = ?";

struct grant_arg {
  long long member_id, amount;
  const char *expires, *reason;
  long long ledger_id;
};

static NEOERR *tx_grant(MYSQL *db, void *arg) {
  struct grant_arg *g = arg;
  return nerr_pass(points_credit(db, g->member_id, "grant", g->amount, "grant", g->reason, g->expires, &g->ledger_id));
}

static int cmd_grant_points(const char *mobile, const char *amount_s, const char *expires, const char *reason) {
  char *end = NULL;
  long long amount = strtoll(amount_s, &end, 10);
  if (!valid_mobile(mobile) || !end || *end || amount < 1 || amount > 100000000 || !text_ok(reason, 200)) {
    fprintf(stderr, "mallctl grant-points: MOBILE AMOUNT(1..100000000) EXPIRES(YYYY-MM-DD, today or later) REASON\n");
    return 2;
  }
  long long valid = 0;
  NEOERR *err = db_query_ll(g_db, SQL_VALID_EXPIRY, DBA(DS(expires), DS(expires), DS(expires)), &valid, NULL);
  if (err) return fail(&err, "grant-points");
  if (!valid) {
    fprintf(stderr, "mallctl grant-points: EXPIRES must be a date YYYY-MM-DD, today or later\n");
    return 2;
  }
  long long id = 0;
  char status[16];
  if ((err = member_find(g_db, mobile, &id, status))) return fail(&err, "grant-points");
  if (!id) {
    fprintf(stderr, "mallctl grant-points: no member with mobile %s\n", mobile);
    return 1;
  }
  struct grant_arg g = {id, amount, expires, reason, 0};
  if ((err = db_tx(g_db, tx_grant, &g))) return fail(&err, "grant-points");
  printf("granted %lld points to member %lld (ledger entry %lld), expiring %s\n", amount, id, g.ledger_id, expires);
  return 0;
}

/* ---- moderation until the back office exists ---- */

static const char SQL_REVIEW_APPROVE[] = "UPDATE reviews SET status = 'approved' WHERE id = ?";
static const char SQL_REVIEW_EXISTS[] = "SELECT COUNT(*) FROM reviews WHERE id = ?";
static const char SQL_MESSAGE_APPROVE[] = "UPDATE messages SET status = 'approved', reply = COALESCE(?, reply), "
                                          "replied_at = IF(? IS NULL, replied_at, NOW()) WHERE id = ?";
static const char SQL_MESSAGE_MEMBER[] = "SELECT member_id FROM messages WHERE id = ?";
static const char SQL_CONSULT_ANSWER[] = "UPDATE consultations SET answer = ?, answered_at = NOW() WHERE id = ?";
static const char SQL_CONSULT_MEMBER[] = "SELECT member_id FROM consultations WHERE id = ?";

static long long id_arg(const char *s) {
  char *end = NULL;
  long long v = strtoll(s, &end, 10);
  return end && !*end && v > 0 ? v : 0;
}

static int cmd_review_approve(const char *id_s) {
  long long id = id_arg(id_s), n = 0;
  if (!id) {
    fprintf(stderr, "mallctl review-approve: ID must be a positive number\n");
    return 2;
  }
  NEOERR *err = db_exec(g_db, SQL_REVIEW_APPROVE, DBA(DI(id)), &n, NULL);
  if (err) return fail(&err, "review-approve");
  long long found = 0;
  if ((err = db_query_ll(g_db, SQL_REVIEW_EXISTS, DBA(DI(id)), &found, NULL))) return fail(&err, "review-approve");
  if (!found) {
    fprintf(stderr, "mallctl review-approve: no review %lld\n", id);
    return 1;
  }
  catalog_bump(); /* product pages are cached */
  printf("review %lld approved\n", id);
  return 0;
}

static int cmd_message_approve(const char *id_s, const char *reply) {
  long long id = id_arg(id_s), member = 0;
  if (!id || (reply && !text_ok(reply, 1000))) {
    fprintf(stderr, "mallctl message-approve: ID [REPLY of 1..1000 bytes]\n");
    return 2;
  }
  int found = 0;
  NEOERR *err = db_query_ll(g_db, SQL_MESSAGE_MEMBER, DBA(DI(id)), &member, &found);
  if (!err && found)
    err = db_exec(g_db, SQL_MESSAGE_APPROVE, DBA(reply ? DS(reply) : DNULL, reply ? DS(reply) : DNULL, DI(id)), NULL,
                  NULL);
  char key[48];
  snprintf(key, sizeof key, "message-reply:%lld", id);
  if (!err && found && reply)
    err = inbox_add(g_db, member, "message", "您的留言有了回复", reply, "/messages", key, NULL);
  if (err) return fail(&err, "message-approve");
  if (!found) {
    fprintf(stderr, "mallctl message-approve: no message %lld\n", id);
    return 1;
  }
  catalog_bump(); /* the public messages page may be cached */
  printf("message %lld approved%s\n", id, reply ? " with a reply" : "");
  return 0;
}

static int cmd_consultation_answer(const char *id_s, const char *text) {
  long long id = id_arg(id_s), member = 0;
  if (!id || !text_ok(text, 1000)) {
    fprintf(stderr, "mallctl consultation-answer: ID TEXT(1..1000 bytes)\n");
    return 2;
  }
  int found = 0;
  NEOERR *err = db_query_ll(g_db, SQL_CONSULT_MEMBER, DBA(DI(id)), &member, &found);
  if (!err && found) err = db_exec(g_db, SQL_CONSULT_ANSWER, DBA(DS(text), DI(id)), NULL, NULL);
  char key[48];
  snprintf(key, sizeof key, "consultation:%lld", id);
  if (!err && found) err = inbox_add(g_db, member, "consultation", "您的商品咨询有了回复", text, "", key, NULL);
  if (err) return fail(&err, "consultation-answer");
  if (!found) {
    fprintf(stderr, "mallctl consultation-answer: no consultation %lld\n", id);
    return 1;
  }
  catalog_bump(); /* product pages are cached */
  printf("consultation %lld answered\n", id);
  return 0;
}

/* Builds the month's merchant statements (V7); idempotent, so a cron job may run it as often as it likes. */
static int cmd_settle(const char *month) {
  if (!settlement_month_ok(month)) {
    fprintf(stderr, "mallctl settle: --month YYYY-MM\n");
    return 2;
  }
  settle_summary sum;
  NEOERR *err = settlement_run(g_db, NULL, month, &sum);
  if (err) return fail(&err, "settle");
  printf("settle %s: %d statements (%d new, %d rebuilt, %d kept), %lld vouchers, %lld terminal payments (%lld fen),"
         " %lld fen, %lld points\n",
         month, sum.statements, sum.created, sum.recomputed, sum.kept, sum.vouchers, sum.offline, sum.offline_fen,
         sum.amount_fen, sum.points);
  return 0;
}

/* pause|resume [--activity ID] [--reason TEXT] (F4): for when the web back office itself is struggling. Audited as
 * the system ("mallctl:<unix user>"); every app process shows the change within a second. */
static int cmd_switch(int pause, int argc, char **argv) {
  const char *what = pause ? "pause" : "resume", *reason = NULL;
  long long activity = 0;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--activity") == 0 && i + 1 < argc && (activity = id_arg(argv[i + 1]))) i++;
    else if (pause && strcmp(argv[i], "--reason") == 0 && i + 1 < argc && argv[i + 1][0]) reason = argv[++i];
    else {
      fprintf(stderr, "mallctl %s: usage: mallctl %s [--activity ID]%s\n", what, what, pause ? " --reason TEXT" : "");
      return 2;
    }
  }
  if (pause && !reason) {
    fprintf(stderr, "mallctl pause: --reason TEXT is required (members see it)\n");
    return 2;
  }
  char name[96];
  const char *user = getenv("USER");
  snprintf(name, sizeof name, "mallctl:%.60s", user && *user ? user : "unknown");
  audit_actor who = {0, name, "", "system"};
  switch_result res = SWITCH_OK;
  NEOERR *err = pause ? switch_pause(g_db, &who, activity, reason, &res) : switch_resume(g_db, &who, activity, &res);
  if (err) return fail(&err, what);
  if (res == SWITCH_NOT_FOUND) {
    fprintf(stderr, "mallctl %s: no activity %lld\n", what, activity);
    return 1;
  }
  if (activity) printf("activity %lld %s\n", activity, res == SWITCH_UNCHANGED ? (pause ? "was paused already" : "was not paused") : (pause ? "paused" : "resumed"));
  else printf("redemption %s\n", res == SWITCH_UNCHANGED ? (pause ? "was paused already" : "was not paused") : (pause ? "paused" : "resumed"));
  return 0;
}

/* Prints EXPLAIN FORMAT=JSON of one statement. */
static NEOERR *explain_one(const char *what, const char *sql, const dbp *p, int n) {
  char q[3000], plan[32768];
  int found = 0;
  snprintf(q, sizeof q, "EXPLAIN FORMAT=JSON %s", sql);
  NEOERR *err = db_query_str(g_db, q, p, n, plan, sizeof plan, &found);
  if (!err) printf("---- %s\n%s\n%s\n", what, sql, plan);
  return nerr_pass(err);
}

/* The monitor's alerts (F1): evaluated every minute from cron whether or not anyone looks at the monitor; old
 * payment rows of the top lists dropped. */
static int cmd_monitor_alerts(void) {
  int fired = 0, texted = 0;
  long long purged = 0;
  NEOERR *err = monitor_evaluate(g_db, &fired, &texted);
  if (!err) err = monitor_purge(g_db, &purged);
  if (err) return fail(&err, "monitor-alerts");
  printf("monitor-alerts: %d fired, %d texted, %lld old payment rows dropped\n", fired, texted, purged);
  return 0;
}

/* The plans of the main list statements (bench.sh prints them when a page misses its target). */
static int cmd_explain(void) {
  catalog_filter all = {.max = 1000000000000LL, .sort = SORT_SALES};
  list_seek after = {1, 1, 100, 1000000};
  list_stmt ls;
  search_stmt ss;
  ledger_stmt ld;
  ledger_filter none = {0};
  char bq[256];
  long long top = 0, member = 0;
  NEOERR *err = db_query_ll(g_db, "SELECT MIN(id) FROM categories WHERE parent_id IS NULL", DB_NOARGS, &top, NULL);
  if (!err) err = db_query_ll(g_db, "SELECT id FROM members WHERE mobile = '13800138000'", DB_NOARGS, &member, NULL);
  catalog_list_stmt(&all, 0, 1, NULL, 0, "zh-CN", 0, 20, &ls);
  if (!err) err = explain_one("products, page 1", ls.sql, ls.p, ls.n);
  catalog_list_stmt(&all, 0, 1, NULL, 1, "zh-CN", 980, 20, &ls);
  if (!err) err = explain_one("products, page 50", ls.sql, ls.p, ls.n);
  catalog_list_stmt(&all, 0, 1, &after, 0, "zh-CN", 0, 20, &ls);
  if (!err) err = explain_one("products, keyset page", ls.sql, ls.p, ls.n);
  catalog_counts_stmt(&all, 0, LIST_COUNT_CAP + 1, &ls);
  if (!err) err = explain_one("products, counts", ls.sql, ls.p, ls.n);
  catalog_filter cat = {.cat = top, .max = 1000000000000LL, .sort = SORT_POINTS_ASC};
  catalog_list_stmt(&cat, 1, 1, NULL, 0, "zh-CN", 0, 20, &ls);
  if (!err) err = explain_one("products, top category by points", ls.sql, ls.p, ls.n);
  catalog_search_query("洗车", bq, sizeof bq);
  catalog_search_stmt(bq, 0, 0, SEARCH_COUNT_CAP + 1, &ss);
  if (!err) err = explain_one("search 洗车, ranked ids (every page and the count)", ss.sql, ss.p, ss.n);
  /* The points page's statements as center_points.c runs them: lots, expiring lots and ledger page in one union (the
   * counts in it on a numbered page past the first — the entries only for a member with few lots — and on a member
   * with many's later views), the counts alone after a first view of a member with many. */
  int rows = 0;
  long long total = 0;
  ledger_page first = {&none, 0, 0, 11, "L", &rows, 100, 0, NULL, 0};
  ledger_page deep = {&none, 490, 0, 10, "L", &rows, 100, 540, &total, 1};
  ledger_page many = {&none, 0, 0, 11, "L", &rows, 100, 50, &total, 0};
  member_points_lots_first_stmt(member, 30, 11, &first, &ld);
  if (!err) err = explain_one("points, first view (lots + ledger page)", ld.sql, ld.p, ld.n);
  member_points_lots_first_stmt(member, 30, 11, &deep, &ld);
  if (!err) err = explain_one("points, page 50 (lots + ledger page + entries counted)", ld.sql, ld.p, ld.n);
  member_points_lots_first_stmt(member, 30, 11, &many, &ld);
  if (!err) err = explain_one("points, a many-lots member's later first view (+ every count)", ld.sql, ld.p, ld.n);
  member_points_summary_stmt(member, 30, &none, 100, 50, &ld);
  if (!err) err = explain_one("points, counts (after a first view of a member with many lots)", ld.sql, ld.p, ld.n);
  return err ? fail(&err, "explain") : 0;
}

static void usage(void) {
  fprintf(
      stderr,
      "usage: mallctl COMMAND\n"
      "  migrate                      apply new schema/NNN_*.sql files\n"
      "  backup DIR                   online backup: database snapshot, secret.key, uploads, SHA-256 manifest\n"
      "  restore DIR                  into an empty database: verify the manifest, load, then check-ledger\n"
      "  seed [--if-empty]            load the demo data (schema/demo/*.sql)\n"
      "  expire-vouchers              issued vouchers past their last day → expired\n"
      "  create-admin USER ROLE       password from MALL_ADMIN_PASSWORD or stdin; ROLE: "
      "super|ops|moderator|finance|enterprise|monitor\n"
      "  sms-outbox [--phone P] [--last N]  recent texts, oldest first\n"
      "  sms-send MOBILE TEXT         send a text with the configured driver (MALL_SMS_DRIVER, MALL_SMS_URL)\n"
      "  sms-code-send MOBILE PURPOSE [REF]         issue a one-time code (prints sent|cooldown N|daily-cap|failed)\n"
      "  sms-code-verify MOBILE PURPOSE REF CODE    check a code (prints ok|wrong N|dead|expired|used|none)\n"
      "  reindex                      rebuild the product search copy\n"
      "  explain                      EXPLAIN the main list statements (products, search, points)\n"
      "  refresh-lists                bring list order (in stock, sales, views) up to date now (also runs by itself)\n"
      "  flush-caches                 make every process drop its page, session and blacklist caches (after SQL by hand)\n"
      "  expire-points                expire due points lots (idempotent)\n"
      "  send-reminders --days N      SMS + inbox notice for points expiring within N days, once per lot\n"
      "  orders-housekeeping          cancel orders unpaid after 30 min, complete orders shipped 10 days ago\n"
      "  monitor-alerts               evaluate the monitor's alerts (surge, budget, breaker), text each one once\n"
      "  check-ledger                 verify ledger invariants I1-I6; exit 1 on any violation\n"
      "  order-ship NO CARRIER TRACKING   mark a paid order shipped\n"
      "  order-event NO TEXT          add a logistics event to a shipped order\n"
      "  order-complete NO            confirm receipt of a shipped order\n"
      "  order-cancel NO REASON       cancel (and refund a paid, unshipped) order as the operator\n"
      "  grant-points MOBILE AMOUNT EXPIRES REASON   credit a lot of points (EXPIRES: YYYY-MM-DD)\n"
      "  review-approve ID            show a review on the product page\n"
      "  message-approve ID [REPLY]   publish a message, optionally with a reply\n"
      "  consultation-answer ID TEXT  answer a product consultation\n"
      "  pay-jobs                     cash part (C5): sandbox notifications, stale trades queried, refunds retried\n"
      "  settle --month YYYY-MM       build the month's merchant settlement statements (idempotent)\n"
      "  pause [--activity ID] --reason TEXT   pause all redemption, or one activity (audited; members see the reason)\n"
      "  resume [--activity ID]       resume it\n");
  codes_cmd_usage();
  grants_cmd_usage();
  report_cmd_usage();
  partners_cmd_usage();
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage();
    return 2;
  }
  if (config_load() != 0) {
    fprintf(stderr, "mallctl: cannot read or create %s/secret.key\n", g_cfg.var);
    return 1;
  }
  NEOERR *err = db_connect(&g_db);
  if (err) return fail(&err, "connect");
  int rc;
  const char *cmd = argv[1];
  /* Jobs cron runs on every app machine: one run at a time, the others wait their turn (then find little to do). */
  static const char *const JOBS[] = {"expire-points", "expire-vouchers", "send-reminders", "orders-housekeeping",
                                     "settle",        "monitor-alerts",  "api-purge",      "pay-jobs", NULL};
  job_lock job = {0};
  for (int i = 0; JOBS[i]; i++) {
    if (strcmp(cmd, JOBS[i]) != 0) continue;
    int got = 0;
    if ((err = job_lock_take(g_db, cmd, &job, &got))) {
      rc = fail(&err, cmd);
      db_close();
      return rc;
    }
    if (!got) {
      db_close();
      return 0;
    }
  }
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
  } else if (strcmp(cmd, "expire-points") == 0 && argc == 2) {
    rc = cmd_expire_points();
  } else if (strcmp(cmd, "expire-vouchers") == 0 && argc == 2) {
    rc = cmd_expire_vouchers();
  } else if (strcmp(cmd, "send-reminders") == 0 && argc == 4 && strcmp(argv[2], "--days") == 0) {
    long long days = id_arg(argv[3]);
    rc = cmd_send_reminders(days > REMINDER_MAX_DAYS ? 0 : (int)days);
  } else if (strcmp(cmd, "orders-housekeeping") == 0 && argc == 2) {
    rc = cmd_orders_housekeeping();
  } else if (strcmp(cmd, "pay-jobs") == 0 && argc == 2) {
    rc = cmd_pay_jobs();
  } else if (strcmp(cmd, "check-ledger") == 0 && argc == 2) {
    rc = cmd_check_ledger();
  } else if (strcmp(cmd, "backup") == 0 && argc == 3) {
    rc = backup_create(g_db, argv[2]);
  } else if (strcmp(cmd, "restore") == 0 && argc == 3) {
    /* A restore is done when the ledger it brought back holds together. */
    rc = backup_restore(g_db, argv[2]);
    if (!rc) rc = cmd_check_ledger();
  } else if (strcmp(cmd, "order-ship") == 0 && argc == 5) {
    rc = cmd_order_ship(argv[2], argv[3], argv[4]);
  } else if (strcmp(cmd, "order-event") == 0 && argc == 4) {
    rc = cmd_order_event(argv[2], argv[3]);
  } else if (strcmp(cmd, "order-complete") == 0 && argc == 3) {
    rc = cmd_order_complete(argv[2]);
  } else if (strcmp(cmd, "order-cancel") == 0 && argc == 4) {
    rc = cmd_order_cancel(argv[2], argv[3]);
  } else if (strcmp(cmd, "grant-points") == 0 && argc == 6) {
    rc = cmd_grant_points(argv[2], argv[3], argv[4], argv[5]);
  } else if (strcmp(cmd, "review-approve") == 0 && argc == 3) {
    rc = cmd_review_approve(argv[2]);
  } else if (strcmp(cmd, "message-approve") == 0 && (argc == 3 || argc == 4)) {
    rc = cmd_message_approve(argv[2], argc == 4 ? argv[3] : NULL);
  } else if (strcmp(cmd, "consultation-answer") == 0 && argc == 4) {
    rc = cmd_consultation_answer(argv[2], argv[3]);
  } else if (strcmp(cmd, "settle") == 0 && argc == 4 && strcmp(argv[2], "--month") == 0) {
    rc = cmd_settle(argv[3]);
  } else if (strcmp(cmd, "pause") == 0 || strcmp(cmd, "resume") == 0) {
    rc = cmd_switch(strcmp(cmd, "pause") == 0, argc, argv);
  } else if (strcmp(cmd, "report-points") == 0) {
    rc = report_cmd(g_db, argc, argv);
  } else if (codes_cmd_is(cmd)) {
    rc = codes_cmd(g_db, argc, argv);
  } else if (grants_cmd_is(cmd)) {
    rc = grants_cmd(g_db, argc, argv);
  } else if (partners_cmd_is(cmd)) {
    rc = partners_cmd(g_db, argc, argv);
    if (rc == 2) usage();
  } else if (strcmp(cmd, "flush-caches") == 0) {
    catalog_bump();
    accounts_bump();
    blacklist_bump();
    printf("caches flushed\n");
    rc = 0;
  } else if (strcmp(cmd, "monitor-alerts") == 0 && argc == 2) {
    rc = cmd_monitor_alerts();
  } else if (strcmp(cmd, "explain") == 0 && argc == 2) {
    rc = cmd_explain();
  } else if (strcmp(cmd, "refresh-lists") == 0 && argc == 2) {
    err = catalog_lists_refresh(g_db, 1);
    if (!err) catalog_bump();
    rc = err ? fail(&err, "refresh-lists") : 0;
  } else if (strcmp(cmd, "reindex") == 0) {
    err = search_reindex_all(g_db);
    rc = err ? fail(&err, "reindex") : 0;
    if (!rc) {
      catalog_bump();
      printf("search index rebuilt\n");
    }
  } else {
    usage();
    rc = 2;
  }
  if ((err = job_lock_release(g_db, &job))) rc = fail(&err, "job release");
  db_close();
  return rc;
}
