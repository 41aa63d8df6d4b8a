/* partners_cmd.c: mallctl's partner API commands (I1) — api-purge, partner-key, and sealing the demo secrets */
#include "partners_cmd.h"
#include "partners/partners.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(NEOERR **err, const char *what) {
  STRING s;
  string_init(&s);
  nerr_error_traceback(*err, &s);
  fprintf(stderr, "mallctl %s: %s\n", what, s.buf ? s.buf : "error");
  string_clear(&s);
  nerr_ignore(err);
  return 1;
}

int partners_cmd_is(const char *cmd) { return !strcmp(cmd, "api-purge") || !strcmp(cmd, "partner-key"); }

void partners_cmd_usage(void) {
  fprintf(
      stderr,
      "  api-purge [--log-days N]     partner API: drop expired nonces, idempotency keys (48 h), rate counters and\n"
      "                               API log rows older than N days (default 90); cron, one run at a time\n"
      "  partner-key PARTNER_ID       make a key pair for a partner; prints the key id and the secret (once)\n");
}

static const char SQL_DEMO_KEYS[] = "SELECT key_id, secret_enc FROM partner_keys WHERE secret_enc LIKE 'demo:%'";
static const char SQL_KEY_SEAL[] = "UPDATE partner_keys SET secret_enc = ? WHERE key_id = ? AND secret_enc = ?";

struct demo_key {
  MYSQL *db;
  char key_id[41];
  char enc[PARTNER_SEALED_MAX];
};

static NEOERR *seal_row(void *ctx, int row) {
  struct demo_key *k = ctx;
  (void)row;
  char sealed[PARTNER_SEALED_MAX];
  if (partner_secret_seal(k->enc + 5, sealed, sizeof sealed) != 0) return nerr_raise(NERR_SYSTEM, "seal");
  return nerr_pass(db_exec(k->db, SQL_KEY_SEAL, DBA(DS(sealed), DS(k->key_id), DS(k->enc)), NULL, NULL));
}

int partners_seal_demo(MYSQL *db) {
  struct demo_key k = {db, "", ""};
  NEOERR *err = db_each(db, SQL_DEMO_KEYS, DB_NOARGS, DCOLS(DCOL_STR(k.key_id), DCOL_STR(k.enc)), seal_row, &k, NULL);
  return err ? fail(&err, "seed partner keys") : 0;
}

int partners_cmd(MYSQL *db, int argc, char **argv) {
  NEOERR *err = STATUS_OK;
  if (!strcmp(argv[1], "api-purge")) {
    int days = 90;
    if (argc == 4 && !strcmp(argv[2], "--log-days")) days = atoi(argv[3]);
    else if (argc != 2) return 2;
    if (days < 1) return 2;
    long long n = 0, k = 0, r = 0, l = 0;
    if ((err = api_purge(db, days, &n, &k, &r, &l))) return fail(&err, "api-purge");
    printf("api-purge: %lld nonces, %lld idempotency keys, %lld rate counters, %lld log rows removed\n", n, k, r, l);
    return 0;
  }
  if (!strcmp(argv[1], "partner-key") && argc == 3) {
    char key_id[PARTNER_KEY_ID_LEN + 1], secret[PARTNER_SECRET_LEN + 1];
    int ok = 0;
    if ((err = partner_key_create(db, atoll(argv[2]), 0, key_id, secret, &ok))) return fail(&err, "partner-key");
    if (!ok) {
      fprintf(stderr, "mallctl partner-key: no partner %s\n", argv[2]);
      return 1;
    }
    printf("key_id %s\nsecret %s\n", key_id, secret);
    return 0;
  }
  return 2;
}
