/* config.c: runtime settings read once from the environment (MALL_*) */
#include "config.h"
#include "crypto.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

mall_config g_cfg;

static const char *env_or(const char *name, const char *def) {
  const char *v = getenv(name);
  return (v && *v) ? v : def;
}

/* The secret lives in a 0600 file so every process of the mall shares it. */
static int load_secret(void) {
  char path[1024];
  snprintf(path, sizeof path, "%s/secret.key", g_cfg.var);
  int fd = open(path, O_RDONLY);
  if (fd >= 0) {
    ssize_t n = read(fd, g_cfg.secret, sizeof g_cfg.secret);
    close(fd);
    if (n == (ssize_t)sizeof g_cfg.secret) return 0;
  }
  if (crypto_random(g_cfg.secret, sizeof g_cfg.secret) != 0) return -1;
  fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) { /* another process won the race: read its secret */
    fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t n = read(fd, g_cfg.secret, sizeof g_cfg.secret);
    close(fd);
    return n == (ssize_t)sizeof g_cfg.secret ? 0 : -1;
  }
  ssize_t n = write(fd, g_cfg.secret, sizeof g_cfg.secret);
  close(fd);
  return n == (ssize_t)sizeof g_cfg.secret ? 0 : -1;
}

int config_load(void) {
  g_cfg.root = env_or("MALL_ROOT", ".");
  g_cfg.var = env_or("MALL_VAR", "var");
  static char uploads[1024];
  snprintf(uploads, sizeof uploads, "%s/uploads", g_cfg.var);
  g_cfg.uploads = env_or("MALL_UPLOADS", uploads);
  g_cfg.db_socket = env_or("MALL_DB_SOCKET", "var/run/mariadb.sock");
  g_cfg.db_hosts = env_or("MALL_DB_HOSTS", "");
  /* With a cluster, 20 s by default: a Galera node can leave a brute-force-aborted statement unanswered forever
   * (the MDEV-20172 family); longer than innodb_lock_wait_timeout, so a lock wait is never cut short. */
  g_cfg.db_timeout = atoi(env_or("MALL_DB_TIMEOUT", *g_cfg.db_hosts ? "20" : "0"));
  g_cfg.db_name = env_or("MALL_DB_NAME", "mall");
  g_cfg.db_user = env_or("MALL_DB_USER", "root");
  g_cfg.db_pass = env_or("MALL_DB_PASS", "");
  g_cfg.sms_driver = env_or("MALL_SMS_DRIVER", "outbox");
  g_cfg.sms_url = env_or("MALL_SMS_URL", "");
  g_cfg.tz = env_or("MALL_TZ", "+08:00");
  g_cfg.pay_provider = env_or("MALL_PAY_PROVIDER", "sandbox");
  g_cfg.pay_sandbox = atoi(env_or("MALL_PAY_SANDBOX", "0"));
  g_cfg.pay_secret = env_or("MALL_PAY_SECRET", "");
  g_cfg.pay_url = env_or("MALL_PAY_URL", "");
  g_cfg.pay_merchant = env_or("MALL_PAY_MERCHANT", "");
  g_cfg.https = atoi(env_or("MALL_HTTPS", "0"));
  return load_secret();
}
