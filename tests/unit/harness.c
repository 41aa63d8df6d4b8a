/* harness.c: shared helpers for the cmocka unit tests — emulated requests, cookie jar, test DB access */
#include "harness.h"
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void t_ok(NEOERR *err, const char *what) {
  if (!err) return;
  STRING s;
  string_init(&s);
  nerr_error_traceback(err, &s);
  nerr_ignore(&err);
  fail_msg("%s failed: %s", what, s.buf ? s.buf : "?");
}

MYSQL *t_db(void) {
  MYSQL *db = NULL;
  if (!g_cfg.root && config_load() != 0) fail_msg("config_load");
  t_ok(db_connect(&db), "db_connect");
  return db;
}

static void jar_header(const t_jar *j, char *out, size_t len) { snprintf(out, len, "HTTP_COOKIE=%s", j ? j->s : ""); }

void t_jar_set(t_jar *j, const char *name, const char *value) {
  /* Rebuild without the old value, then append the new one (empty value = delete). */
  char next[sizeof j->s] = "";
  char copy[sizeof j->s];
  snprintf(copy, sizeof copy, "%s", j->s);
  size_t nl = strlen(name);
  for (char *save = NULL, *p = strtok_r(copy, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
    while (*p == ' ') p++;
    if (!*p || (strncmp(p, name, nl) == 0 && p[nl] == '=')) continue;
    size_t used = strlen(next);
    snprintf(next + used, sizeof next - used, "%s%s", used ? "; " : "", p);
  }
  if (value && *value) {
    size_t used = strlen(next);
    snprintf(next + used, sizeof next - used, "%s%s=%s", used ? "; " : "", name, value);
  }
  memcpy(j->s, next, sizeof next);
}

const char *t_jar_get(const t_jar *j, const char *name, char *buf, size_t len) {
  size_t nl = strlen(name);
  for (const char *p = j->s; p && *p;) {
    while (*p == ' ' || *p == ';') p++;
    if (strncmp(p, name, nl) == 0 && p[nl] == '=') {
      snprintf(buf, len, "%.*s", (int)strcspn(p + nl + 1, ";"), p + nl + 1);
      return buf;
    }
    p = strchr(p, ';');
  }
  return NULL;
}

static void jar_update(t_jar *j, const char *head) {
  for (const char *p = head; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
    if (strncasecmp(p, "Set-Cookie: ", 12) != 0) continue;
    const char *nv = p + 12;
    const char *eq = strchr(nv, '=');
    size_t vlen = strcspn(eq + 1, ";\r\n");
    char name[128], value[512];
    snprintf(name, sizeof name, "%.*s", (int)(eq - nv), nv);
    snprintf(value, sizeof value, "%.*s", (int)vlen, eq + 1);
    const char *end = p + strcspn(p, "\r\n");
    const char *ma = strstr(p, "Max-Age=0");
    if (ma && ma < end) value[0] = 0;
    t_jar_set(j, name, value);
  }
}

void t_request(const app *a, const char *method, const char *uri, t_jar *jar, const char *body, t_resp *out) {
  char e_method[64], e_uri[2048], e_qs[2048], e_cookie[2100], e_len[64];
  snprintf(e_method, sizeof e_method, "REQUEST_METHOD=%s", method);
  snprintf(e_uri, sizeof e_uri, "REQUEST_URI=%s", uri);
  const char *q = strchr(uri, '?');
  snprintf(e_qs, sizeof e_qs, "QUERY_STRING=%s", q ? q + 1 : "");
  jar_header(jar, e_cookie, sizeof e_cookie);
  snprintf(e_len, sizeof e_len, "CONTENT_LENGTH=%zu", body ? strlen(body) : (size_t)0);
  char *env[] = {e_method,
                 e_uri,
                 e_qs,
                 e_cookie,
                 e_len,
                 body ? "CONTENT_TYPE=application/x-www-form-urlencoded" : "SERVER_PROTOCOL=HTTP/1.1",
                 "REMOTE_ADDR=127.0.0.1",
                 "SERVER_NAME=127.0.0.1",
                 "SERVER_PORT=80",
                 "HTTP_HOST=127.0.0.1",
                 "SCRIPT_NAME=",
                 NULL};
  STRING raw;
  string_init(&raw);
  int st = app_handle_emulated(a, env, body, &raw);
  assert_true(st > 0);
  memset(out, 0, sizeof *out);
  const char *sep = raw.buf ? strstr(raw.buf, "\r\n\r\n") : NULL;
  assert_non_null(sep);
  out->head = strndup(raw.buf, (size_t)(sep - raw.buf) + 2);
  out->body = strdup(sep + 4);
  assert_int_equal(sscanf(raw.buf, "Status: %d", &out->status), 1);
  assert_int_equal(out->status, st);
  string_clear(&raw);
  if (jar) jar_update(jar, out->head);
  /* POST/redirect/GET (post_replay.c): a browser follows the 303 that keeps the POST's page; so do we. */
  char loc[1024];
  if (jar && strcmp(method, "POST") == 0 && out->status == 303 && strstr(out->head, "_pr=") &&
      !strstr(out->head, "_pr=;") && t_header(out, "Location", loc, sizeof loc)) {
    t_resp_free(out);
    t_request(a, "GET", loc, jar, NULL, out);
  }
}

void t_resp_free(t_resp *r) {
  free(r->head);
  free(r->body);
  r->head = r->body = NULL;
}

const char *t_header(const t_resp *r, const char *name, char *buf, size_t len) {
  size_t nl = strlen(name);
  for (const char *p = r->head; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
    if (strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
      const char *v = p + nl + 1;
      while (*v == ' ') v++;
      snprintf(buf, len, "%.*s", (int)strcspn(v, "\r\n"), v);
      return buf;
    }
  }
  return NULL;
}

const char *t_csrf(const t_resp *r, char *buf, size_t len) {
  const char *m = r->body ? strstr(r->body, "name=\"csrf\" value=\"") : NULL;
  if (!m) return NULL;
  m += strlen("name=\"csrf\" value=\"");
  snprintf(buf, len, "%.*s", (int)strcspn(m, "\""), m);
  return buf;
}

long long t_one(const char *sql) {
  long long v = 0;
  t_ok(db_query_ll(t_db(), sql, DB_NOARGS, &v, NULL), sql);
  return v;
}

/* 1 when the index named at key (up to its closing quote) starts with one of the '|'-separated prefixes. */
static int index_named(const char *key, const char *prefixes) {
  for (const char *p = prefixes; *p;) {
    size_t l = strcspn(p, "|");
    if (strncmp(key, p, l) == 0) return 1;
    p += l + (p[l] == '|');
  }
  return 0;
}

int t_plan_refused(const char *stmt, const dbp *p, int n, int sort_ok, const char *driving) {
  static char sql[4096], plan[65536];
  int found = 0, bad = 0, first = 1;
  snprintf(sql, sizeof sql, "EXPLAIN FORMAT=JSON %s", stmt);
  t_ok(db_query_str(t_db(), sql, p, n, plan, sizeof plan, &found), sql);
  static const char TN[] = "\"table_name\": \"", AT[] = "\"access_type\": \"", KEY[] = "\"key\": \"";
  for (const char *t = plan; (t = strstr(t, TN)); t++) {
    const char *name = t + strlen(TN), *next = strstr(name, TN), *at = strstr(name, AT), *key = strstr(name, KEY);
    if (*name == '<') continue;
    if (at && (!next || at < next) && strncmp(at + strlen(AT), "ALL", 3) == 0) bad = 1;
    if (driving && first && (!key || (next && key > next) || !index_named(key + strlen(KEY), driving))) bad = 1;
    first = 0;
  }
  int sorts = strstr(plan, "filesort") != NULL;
  if (!bad && (sort_ok || !sorts)) return 0;
  /* cmocka cuts long messages: the statement, then each table with its access and key on a line of its own. */
  print_error("scans, sorts or reads another index: %s\n", stmt);
  if (getenv("PLAN")) print_error("%s\n", plan);
  for (const char *t = plan; (t = strstr(t, TN)); t++) {
    const char *at = strstr(t, AT), *key = strstr(t, KEY);
    print_error("  %.20s | %.12s | %.24s\n", t + strlen(TN), at ? at + strlen(AT) : "-", key ? key + strlen(KEY) : "-");
  }
  if (sorts) print_error("  filesort\n");
  return 1;
}
