/* main.c: api.fcgi — the signed partner points API under /api/v1/ (I1): its route table, HMAC request signatures,
 * nonces, rate limits, idempotency keys, JSON in and out (jansson); no HTML, no cookies, no sessions */
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "log.h"
#include "partners/api_points.h"
#include "partners/partners.h"
#include "points/points.h"
#include <errno.h>
#include <fastcgi.h>
#include <fcgiapp.h>
#include <jansson.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define API_BODY_MAX (64 * 1024)

/* One request as the handlers see it. */
typedef struct {
  FCGX_Request *fr;
  MYSQL *db;
  const char *method;
  char path[512];
  char query[1024];
  char args[2][72];
  char *body; /* NUL-terminated copy of the body */
  size_t body_len;
  json_t *json; /* POST bodies, parsed */
  /* the caller, once the signature is checked */
  long long partner_id;
  char key_id[41];
  char enterprise[DB_VARCHAR(64)];
  /* the answer */
  int status;
  char *out; /* JSON text */
  char code[41];
  int retry_after;
} areq;

typedef NEOERR *(*api_handler)(areq *r);
enum { A_PUBLIC = 1, A_WRITE = 2 };
typedef struct {
  const char *method, *pattern;
  int flags;
  api_handler fn;
} aroute;

static NEOERR *h_openapi(areq *r);
static NEOERR *h_lookup(areq *r);
static NEOERR *h_enrol(areq *r);
static NEOERR *h_member(areq *r);
static NEOERR *h_balance(areq *r);
static NEOERR *h_ledger(areq *r);
static NEOERR *h_earn(areq *r);
static NEOERR *h_spend(areq *r);
static NEOERR *h_reverse(areq *r);

/* The API's table of contents (documented in templates/api/openapi.json). */
static const aroute ROUTES[] = {
    {"GET", "/api/v1/openapi.json", A_PUBLIC, h_openapi},   {"GET", "/api/v1/members", 0, h_lookup},
    {"POST", "/api/v1/members", A_WRITE, h_enrol},          {"GET", "/api/v1/members/{id}", 0, h_member},
    {"GET", "/api/v1/members/{id}/balance", 0, h_balance},  {"GET", "/api/v1/members/{id}/ledger", 0, h_ledger},
    {"POST", "/api/v1/members/{id}/earn", A_WRITE, h_earn}, {"POST", "/api/v1/members/{id}/spend", A_WRITE, h_spend},
    {"POST", "/api/v1/reversals", A_WRITE, h_reverse},
};
#define NROUTES (int)(sizeof ROUTES / sizeof ROUTES[0])

static int route_match(const char *pattern, const char *path, char args[2][72]) {
  int na = 0;
  const char *p = pattern, *s = path;
  while (*p && *s) {
    if (*p == '{') {
      const char *close = strchr(p, '}');
      size_t len = strcspn(s, "/");
      if (len == 0 || len > 18 || na >= 2) return 0;
      for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
      snprintf(args[na++], 72, "%.*s", (int)len, s);
      p = close + 1;
      s += len;
    } else if (*p++ != *s++) {
      return 0;
    }
  }
  return *p == 0 && *s == 0;
}

/* ---- answers ---- */
static NEOERR *answer(areq *r, int status, json_t *j) {
  r->status = status;
  free(r->out);
  r->out = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
  json_decref(j);
  if (!r->out) return nerr_raise(NERR_NOMEM, "json_dumps");
  return STATUS_OK;
}

/* {"error": {"code": code, "message": message}} — code is stable, message is for people. */
static NEOERR *fail(areq *r, int status, const char *code, const char *message) {
  snprintf(r->code, sizeof r->code, "%s", code);
  return nerr_pass(answer(r, status, json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", message)));
}

static const char *status_text(int s) {
  switch (s) {
  case 200: return "OK";
  case 201: return "Created";
  case 400: return "Bad Request";
  case 401: return "Unauthorized";
  case 404: return "Not Found";
  case 405: return "Method Not Allowed";
  case 409: return "Conflict";
  case 413: return "Payload Too Large";
  case 415: return "Unsupported Media Type";
  case 422: return "Unprocessable Content";
  case 429: return "Too Many Requests";
  case 503: return "Service Unavailable";
  default: return s >= 500 ? "Internal Server Error" : "Status";
  }
}

static void send_answer(areq *r, int replayed) {
  const char *body = r->out ? r->out : "{}";
  FCGX_FPrintF(r->fr->out,
               "Status: %d %s\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
               "X-Content-Type-Options: nosniff\r\n",
               r->status, status_text(r->status));
  if (r->retry_after > 0) FCGX_FPrintF(r->fr->out, "Retry-After: %d\r\n", r->retry_after);
  if (replayed) FCGX_FPrintF(r->fr->out, "Idempotent-Replayed: true\r\n");
  FCGX_FPrintF(r->fr->out, "Content-Length: %d\r\n\r\n", (int)strlen(body));
  if (strcmp(r->method, "HEAD")) FCGX_PutStr(body, (int)strlen(body), r->fr->out);
}

/* ---- input ---- */
static const char *env(areq *r, const char *name) { return FCGX_GetParam(name, r->fr->envp); }

/* The value of a query parameter, percent-decoded, into buf; 0 when absent. */
static int query_param(areq *r, const char *name, char *buf, size_t len) {
  size_t nl = strlen(name);
  for (const char *p = r->query; *p;) {
    size_t seg = strcspn(p, "&");
    if (seg > nl && strncmp(p, name, nl) == 0 && p[nl] == '=') {
      size_t o = 0;
      for (size_t i = nl + 1; i < seg && o + 1 < len; i++) {
        char c = p[i];
        if (c == '+') c = ' ';
        else if (c == '%' && i + 2 < seg) {
          char h[3] = {p[i + 1], p[i + 2], 0};
          char *end = NULL;
          long v = strtol(h, &end, 16);
          if (end == h + 2) {
            c = (char)v;
            i += 2;
          }
        }
        buf[o++] = c;
      }
      buf[o] = 0;
      return 1;
    }
    p += seg;
    if (*p == '&') p++;
  }
  buf[0] = 0;
  return 0;
}

static int printable_id(const char *s, size_t max) {
  size_t n = strlen(s);
  if (n == 0 || n > max) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || strchr("-_.:", c))) return 0;
  }
  return 1;
}

static int mobile_ok(const char *s) {
  if (strlen(s) != 11 || s[0] != '1') return 0;
  for (int i = 0; i < 11; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* UTF-8 characters in s (the bytes were checked by jansson). */
static size_t utf8_chars(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xc0) != 0x80) n++;
  return n;
}

/* A string field of the JSON body: NULL when absent; *bad = 1 when present but not a string. */
static const char *jstr(areq *r, const char *field, int *bad) {
  json_t *v = json_object_get(r->json, field);
  if (!v || json_is_null(v)) return NULL;
  if (!json_is_string(v)) {
    *bad = 1;
    return NULL;
  }
  return json_string_value(v);
}

static NEOERR *bad_field(areq *r, const char *field, const char *why) {
  char msg[200];
  snprintf(msg, sizeof msg, "%s: %s", field, why);
  return nerr_pass(fail(r, 400, "invalid_request", msg));
}

/* ---- JSON of domain values ---- */
static json_t *member_json(const api_member *m) {
  return json_pack("{s:I,s:s,s:s,s:o,s:s,s:I,s:s}", "member_id", (json_int_t)m->id, "mobile", m->mobile, "name",
                   m->name, "ext_id", m->ext_id[0] ? json_string(m->ext_id) : json_null(), "status", m->status,
                   "balance", (json_int_t)m->balance, "enrolled_at", m->created_at);
}

static json_t *op_json(const api_op *o) {
  json_t *j = json_pack("{s:I,s:s,s:I,s:I,s:I,s:I}", "operation_id", (json_int_t)o->op_id, "kind", o->kind, "member_id",
                        (json_int_t)o->member_id, "points", (json_int_t)o->points, "balance", (json_int_t)o->balance,
                        "ledger_id", (json_int_t)o->ledger_id);
  if (!j) return NULL;
  json_object_set_new(j, "reference", o->ref[0] ? json_string(o->ref) : json_null());
  if (!strcmp(o->kind, "earn")) json_object_set_new(j, "expires_on", json_string(o->expires_on));
  if (!strcmp(o->kind, "reverse")) json_object_set_new(j, "reverses", json_string(o->reverses));
  /* Earning rules (P2): what the rule did, and the activity bonuses paid (or, on a reverse, taken back). */
  if (o->has_rule)
    json_object_set_new(j, "rule",
                        json_pack("{s:s,s:i,s:I,s:I,s:I,s:b}", "code", o->rule.code, "version", o->rule.version,
                                  "amount_fen", (json_int_t)o->rule.amount_fen, "computed",
                                  (json_int_t)o->rule.computed, "points", (json_int_t)o->rule.points, "capped",
                                  o->rule.capped));
  if (o->has_rule || o->nbonus) {
    json_t *list = json_array();
    for (int i = 0; i < o->nbonus; i++)
      json_array_append_new(list, json_pack("{s:I,s:I,s:I}", "activity_id", (json_int_t)o->bonus[i].activity_id,
                                            "points", (json_int_t)o->bonus[i].points, "ledger_id",
                                            (json_int_t)o->bonus[i].ledger_id));
    json_object_set_new(j, "bonuses", list);
  }
  return j;
}

static NEOERR *refusal(areq *r, api_result res) {
  switch (res) {
  case API_NO_MEMBER: return nerr_pass(fail(r, 404, "member_not_found", "no such member in your enterprise"));
  case API_MEMBER_EXISTS: return nerr_pass(fail(r, 409, "member_exists", "this mobile is registered already"));
  case API_EXT_ID_TAKEN: return nerr_pass(fail(r, 409, "ext_id_taken", "ext_id belongs to another member"));
  case API_REF_EXISTS: return nerr_pass(fail(r, 409, "reference_exists", "this reference was used before"));
  case API_REF_UNKNOWN: return nerr_pass(fail(r, 404, "reference_not_found", "no earn or spend with this reference"));
  case API_ALREADY_REVERSED: return nerr_pass(fail(r, 409, "already_reversed", "this operation was reversed before"));
  case API_RULE_UNKNOWN: return nerr_pass(fail(r, 404, "rule_not_found", "no such earning rule in your enterprise"));
  case API_NOTHING_TO_EARN:
    return nerr_pass(fail(r, 409, "nothing_to_earn", "the amount gives no point under this rule"));
  case API_DAILY_CAP:
    return nerr_pass(fail(r, 409, "daily_cap_reached", "the member's daily cap of this rule is used up"));
  case API_RULE_TOO_MUCH:
    return nerr_pass(fail(r, 409, "points_out_of_range", "the rule gives more than 10000000 points for this amount"));
  case API_INSUFFICIENT: return nerr_pass(fail(r, 409, "insufficient_points", "the member has not enough points"));
  case API_FROZEN: return nerr_pass(fail(r, 409, "member_frozen", "the member's account is frozen"));
  case API_BUDGET_USED:
    return nerr_pass(fail(r, 409, "budget_used_up", "your enterprise's prepaid points budget is used up"));
  case API_EARN_USED:
    return nerr_pass(fail(r, 409, "earn_already_used",
                          "points of this earn were spent or expired: an earn is reversed only while untouched"));
  default: return nerr_raise(NERR_ASSERT, "refusal %d", (int)res);
  }
}

/* ---- handlers ---- */
static char *g_openapi;

/* GET /api/v1/openapi.json → 200 the OpenAPI 3.1 document (no signature needed). */
static NEOERR *h_openapi(areq *r) {
  if (!g_openapi) {
    char path[1100];
    snprintf(path, sizeof path, "%s/templates/api/openapi.json", g_cfg.root);
    json_error_t je;
    json_t *doc = json_load_file(path, 0, &je);
    if (!doc) return nerr_raise(NERR_IO, "%s: %s (line %d)", path, je.text, je.line);
    g_openapi = json_dumps(doc, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(doc);
    if (!g_openapi) return nerr_raise(NERR_NOMEM, "openapi");
  }
  r->status = 200;
  free(r->out);
  r->out = strdup(g_openapi);
  return r->out ? STATUS_OK : nerr_raise(NERR_NOMEM, "openapi");
}

static NEOERR *member_of_path(areq *r, api_member *m, int *found) {
  long long id = strtoll(r->args[0], NULL, 10);
  NEOERR *err = api_member_find(r->db, r->enterprise, id, NULL, NULL, m, found);
  if (!err && !*found) err = fail(r, 404, "member_not_found", "no such member in your enterprise");
  return nerr_pass(err);
}

/* GET /api/v1/members?mobile=… | ?ext_id=… → 200 member, 404 member_not_found, 400 invalid_request */
static NEOERR *h_lookup(areq *r) {
  char mobile[32], ext[128];
  int has_m = query_param(r, "mobile", mobile, sizeof mobile), has_e = query_param(r, "ext_id", ext, sizeof ext);
  if (has_m == has_e) return nerr_pass(fail(r, 400, "invalid_request", "give exactly one of mobile and ext_id"));
  if (has_m && !mobile_ok(mobile)) return nerr_pass(bad_field(r, "mobile", "11 digits starting with 1"));
  if (has_e && !printable_id(ext, 64)) return nerr_pass(bad_field(r, "ext_id", "1-64 of A-Z a-z 0-9 - _ . :"));
  api_member m;
  int found = 0;
  NEOERR *err = api_member_find(r->db, r->enterprise, 0, has_m ? mobile : NULL, has_e ? ext : NULL, &m, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(fail(r, 404, "member_not_found", "no such member in your enterprise"));
  return nerr_pass(answer(r, 200, member_json(&m)));
}

/* GET /api/v1/members/{id} → 200 member, 404 member_not_found */
static NEOERR *h_member(areq *r) {
  api_member m;
  int found = 0;
  NEOERR *err = member_of_path(r, &m, &found);
  if (err || !found) return nerr_pass(err);
  return nerr_pass(answer(r, 200, member_json(&m)));
}

/* GET /api/v1/members/{id}/balance → 200 {member_id, balance}, 404 member_not_found */
static NEOERR *h_balance(areq *r) {
  api_member m;
  int found = 0;
  NEOERR *err = member_of_path(r, &m, &found);
  if (err || !found) return nerr_pass(err);
  return nerr_pass(answer(
      r, 200,
      json_pack("{s:I,s:I,s:s}", "member_id", (json_int_t)m.id, "balance", (json_int_t)m.balance, "status", m.status)));
}

static int day_ok(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  int m = atoi(s + 5), d = atoi(s + 8);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* GET /api/v1/members/{id}/ledger?from=YYYY-MM-DD&to=YYYY-MM-DD&limit=1..100&cursor=… → 200 {entries, next_cursor}
 * newest first (keyset: cursor is the last entry's id); 400 invalid_request, 404 member_not_found */
static NEOERR *h_ledger(areq *r) {
  char from[32], to[32], lim[16], cur[32];
  query_param(r, "from", from, sizeof from);
  query_param(r, "to", to, sizeof to);
  int has_l = query_param(r, "limit", lim, sizeof lim), has_c = query_param(r, "cursor", cur, sizeof cur);
  if (from[0] && !day_ok(from)) return nerr_pass(bad_field(r, "from", "a date YYYY-MM-DD"));
  if (to[0] && !day_ok(to)) return nerr_pass(bad_field(r, "to", "a date YYYY-MM-DD"));
  if (from[0] && to[0] && strcmp(from, to) > 0) return nerr_pass(bad_field(r, "from", "after to"));
  char *end = NULL;
  long limit = has_l ? strtol(lim, &end, 10) : 20;
  if (has_l && (!lim[0] || *end || limit < 1 || limit > API_LEDGER_MAX))
    return nerr_pass(bad_field(r, "limit", "1 to 100"));
  long long before = has_c ? strtoll(cur, &end, 10) : 0;
  if (has_c && (!cur[0] || *end || before < 1)) return nerr_pass(bad_field(r, "cursor", "a next_cursor value"));
  api_member m;
  int found = 0;
  NEOERR *err = member_of_path(r, &m, &found);
  if (err || !found) return nerr_pass(err);
  char f[64], t[64];
  snprintf(f, sizeof f, "%s 00:00:00", from[0] ? from : "1970-01-01");
  if (to[0]) snprintf(t, sizeof t, "%s 23:59:59.999999", to);
  else snprintf(t, sizeof t, "9999-12-31 23:59:59");
  api_entry *rows = calloc(API_LEDGER_MAX, sizeof *rows);
  if (!rows) return nerr_raise(NERR_NOMEM, "ledger");
  int n = 0, more = 0;
  err = api_ledger_page(r->db, m.id, f, t, before, (int)limit, rows, &n, &more);
  if (!err) {
    json_t *list = json_array();
    for (int i = 0; i < n; i++)
      json_array_append_new(list,
                            json_pack("{s:I,s:s,s:I,s:I,s:s,s:s}", "id", (json_int_t)rows[i].id, "kind", rows[i].kind,
                                      "amount", (json_int_t)rows[i].amount, "balance_after",
                                      (json_int_t)rows[i].balance_after, "note", rows[i].note, "created_at",
                                      rows[i].created_at));
    char next[32];
    snprintf(next, sizeof next, "%lld", n ? rows[n - 1].id : 0);
    err = answer(r, 200,
                 json_pack("{s:I,s:o,s:o}", "member_id", (json_int_t)m.id, "entries", list, "next_cursor",
                           more ? json_string(next) : json_null()));
  }
  free(rows);
  return nerr_pass(err);
}

/* The writes: parsed and checked before the idempotent transaction; run inside it. */
typedef struct {
  areq *r;
  int what; /* 0 enrol, 1 earn, 2 spend, 3 reverse */
  long long member_id, points;
  const char *mobile, *name, *ext_id, *source, *ref, *expires_on, *note;
  const char *rule; /* earning rules (P2): an earn of amount_fen by this rule instead of points */
  long long amount_fen;
} write_ctx;

static NEOERR *run_write(MYSQL *db, void *ctx, int *status, char **body) {
  write_ctx *w = ctx;
  areq *r = w->r;
  api_result res = API_OK;
  NEOERR *err = STATUS_OK;
  json_t *j = NULL;
  r->code[0] = 0;
  if (w->what == 0) {
    api_member m;
    err = api_member_enrol(db, r->enterprise, w->mobile, w->name, w->ext_id, &m, &res);
    if (!err && res == API_OK) j = member_json(&m);
  } else {
    api_op op;
    if (w->what == 1 && w->rule)
      err = api_earn_by_rule(db, r->partner_id, r->enterprise, w->member_id, w->rule, w->amount_fen, w->source, w->ref,
                             w->expires_on, w->note, &op, &res);
    else if (w->what == 1)
      err = api_earn(db, r->partner_id, r->enterprise, w->member_id, w->points, w->source, w->ref, w->expires_on,
                     w->note, &op, &res);
    else if (w->what == 2)
      err = api_spend(db, r->partner_id, r->enterprise, w->member_id, w->points, w->ref, w->note, &op, &res);
    else err = api_reverse(db, r->partner_id, r->enterprise, w->ref, w->note, &op, &res);
    if (!err && res == API_OK) j = op_json(&op);
  }
  if (err) return nerr_pass(err);
  if (res != API_OK) err = refusal(r, res);
  else err = answer(r, 201, j);
  if (err) return nerr_pass(err);
  *status = r->status;
  *body = strdup(r->out);
  return *body ? STATUS_OK : nerr_raise(NERR_NOMEM, "answer");
}

static NEOERR *idempotent(areq *r, write_ctx *w) {
  const char *key = env(r, "HTTP_IDEMPOTENCY_KEY"); /* checked in dispatch */
  /* The request a key stands for: method, path and body. */
  size_t n = strlen(r->path) + r->body_len + 16;
  char *buf = malloc(n), sha[65];
  if (!buf) return nerr_raise(NERR_NOMEM, "request hash");
  int l = snprintf(buf, n, "%s\n%s\n", r->method, r->path);
  memcpy(buf + l, r->body, r->body_len);
  buf[l + r->body_len] = 0;
  unsigned char h[32];
  SHA256((const unsigned char *)buf, (size_t)l + r->body_len, h);
  free(buf);
  crypto_hex(h, 32, sha);
  int status = 0, replayed = 0, conflict = 0;
  char *body = NULL;
  NEOERR *err = api_idempotent(r->db, r->partner_id, key, sha, run_write, w, &status, &body, &replayed, &conflict);
  if (err) return nerr_pass(err);
  if (conflict)
    return nerr_pass(fail(r, 422, "idempotency_conflict", "this Idempotency-Key was used with another request"));
  r->status = status;
  free(r->out);
  r->out = body;
  if (replayed) {
    snprintf(r->code, sizeof r->code, "replayed");
    r->retry_after = -1; /* marks the replay header */
  }
  return STATUS_OK;
}

static NEOERR *note_field(areq *r, write_ctx *w, int *stop) {
  int bad = 0;
  w->note = jstr(r, "note", &bad);
  if (bad || (w->note && (utf8_chars(w->note) > 200))) {
    *stop = 1;
    return nerr_pass(bad_field(r, "note", "a string of at most 200 characters"));
  }
  if (!w->note) w->note = "";
  return STATUS_OK;
}

static NEOERR *points_field(areq *r, write_ctx *w, int *stop) {
  json_t *v = json_object_get(r->json, "points");
  if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > API_POINTS_MAX) {
    *stop = 1;
    return nerr_pass(bad_field(r, "points", "a whole number from 1 to 10000000"));
  }
  w->points = json_integer_value(v);
  return STATUS_OK;
}

static NEOERR *ref_field(areq *r, write_ctx *w, int *stop) {
  int bad = 0;
  w->ref = jstr(r, "reference", &bad);
  if (bad || !w->ref || !printable_id(w->ref, API_REF_MAX)) {
    *stop = 1;
    return nerr_pass(bad_field(r, "reference", "1-64 of A-Z a-z 0-9 - _ . :"));
  }
  return STATUS_OK;
}

/* POST /api/v1/members {mobile, name?, ext_id?} → 201 member; 409 member_exists / ext_id_taken; 400; 422 */
static NEOERR *h_enrol(areq *r) {
  write_ctx w = {r, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0};
  int bad = 0;
  w.mobile = jstr(r, "mobile", &bad);
  if (bad || !w.mobile || !mobile_ok(w.mobile)) return nerr_pass(bad_field(r, "mobile", "11 digits starting with 1"));
  w.name = jstr(r, "name", &bad);
  if (bad || (w.name && utf8_chars(w.name) > 64)) return nerr_pass(bad_field(r, "name", "at most 64 characters"));
  w.ext_id = jstr(r, "ext_id", &bad);
  if (bad || (w.ext_id && !printable_id(w.ext_id, 64)))
    return nerr_pass(bad_field(r, "ext_id", "1-64 of A-Z a-z 0-9 - _ . :"));
  if (!w.name) w.name = "";
  if (!w.ext_id) w.ext_id = "";
  return nerr_pass(idempotent(r, &w));
}

/* Earning rules (P2): {rule, amount_fen} instead of points (never both). */
static NEOERR *rule_fields(areq *r, write_ctx *w, int *stop) {
  int bad = 0;
  w->rule = jstr(r, "rule", &bad);
  if (!w->rule && !bad) return nerr_pass(points_field(r, w, stop));
  *stop = 1;
  if (bad || !earning_code_valid(w->rule)) return nerr_pass(bad_field(r, "rule", "1-32 of A-Z a-z 0-9 - _ . :"));
  if (json_object_get(r->json, "points"))
    return nerr_pass(bad_field(r, "points", "not with rule: the rule computes the points"));
  json_t *v = json_object_get(r->json, "amount_fen");
  if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > EARN_AMOUNT_MAX)
    return nerr_pass(bad_field(r, "amount_fen", "a whole number of fen from 1 to 100000000000"));
  w->amount_fen = json_integer_value(v);
  *stop = 0;
  /* Today's budget rows of the bonus activities, before the transaction (see earning_bonuses_prepare). */
  return nerr_pass(earning_bonuses_prepare(r->db, r->enterprise));
}

/* POST /api/v1/members/{id}/earn {points | rule + amount_fen, reference, source?, expires_on?, note?} → 201
 * operation; 404 member_not_found / rule_not_found; 409 reference_exists / nothing_to_earn / daily_cap_reached /
 * points_out_of_range; 400; 422 */
static NEOERR *h_earn(areq *r) {
  write_ctx w = {r, 1, strtoll(r->args[0], NULL, 10), 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0};
  int stop = 0, bad = 0;
  NEOERR *err = rule_fields(r, &w, &stop);
  if (!err && !stop) err = ref_field(r, &w, &stop);
  if (!err && !stop) err = note_field(r, &w, &stop);
  if (err || stop) return nerr_pass(err);
  w.source = jstr(r, "source", &bad);
  if (bad || (w.source && !printable_id(w.source, 32)))
    return nerr_pass(bad_field(r, "source", "1-32 of A-Z a-z 0-9 - _ . :"));
  if (!w.source) w.source = "api";
  w.expires_on = jstr(r, "expires_on", &bad);
  if (bad) return nerr_pass(bad_field(r, "expires_on", "a date YYYY-MM-DD"));
  if (w.expires_on) {
    int ok = 0;
    if ((err = api_expiry_ok(r->db, w.expires_on, &ok))) return nerr_pass(err);
    if (!ok) return nerr_pass(bad_field(r, "expires_on", "a date YYYY-MM-DD after today, at most 10 years ahead"));
  }
  return nerr_pass(idempotent(r, &w));
}

/* POST /api/v1/members/{id}/spend {points, reference, note?} → 201 operation; 404; 409 insufficient_points /
 * member_frozen / reference_exists; 400; 422 */
static NEOERR *h_spend(areq *r) {
  write_ctx w = {r, 2, strtoll(r->args[0], NULL, 10), 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0};
  int stop = 0;
  NEOERR *err = points_field(r, &w, &stop);
  if (!err && !stop) err = ref_field(r, &w, &stop);
  if (!err && !stop) err = note_field(r, &w, &stop);
  if (err || stop) return nerr_pass(err);
  return nerr_pass(idempotent(r, &w));
}

/* POST /api/v1/reversals {reference, note?} → 201 operation; 404 reference_not_found; 409 already_reversed /
 * earn_already_used; 400; 422 */
static NEOERR *h_reverse(areq *r) {
  write_ctx w = {r, 3, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0};
  int stop = 0;
  NEOERR *err = ref_field(r, &w, &stop);
  if (!err && !stop) err = note_field(r, &w, &stop);
  if (err || stop) return nerr_pass(err);
  return nerr_pass(idempotent(r, &w));
}

/* ---- the signature ---- */
/* Checks X-Api-Key, X-Api-Timestamp, X-Api-Nonce and X-Api-Signature; answers 401 itself when they fail
 * (*ok = 0), and 429 past the partner's rate. */
static NEOERR *authenticate(areq *r, int *ok) {
  *ok = 0;
  const char *key = env(r, "HTTP_X_API_KEY"), *ts = env(r, "HTTP_X_API_TIMESTAMP"), *nonce = env(r, "HTTP_X_API_NONCE"),
             *sig = env(r, "HTTP_X_API_SIGNATURE");
  if (!key || !ts || !nonce || !sig || !*key)
    return nerr_pass(
        fail(r, 401, "missing_signature", "X-Api-Key, X-Api-Timestamp, X-Api-Nonce and X-Api-Signature are required"));
  snprintf(r->key_id, sizeof r->key_id, "%s", key);
  char *end = NULL;
  long long t = strtoll(ts, &end, 10);
  long long now = (long long)time(NULL);
  if (!*ts || *end || t < now - API_SKEW_SECONDS || t > now + API_SKEW_SECONDS)
    return nerr_pass(fail(r, 401, "stale_timestamp", "X-Api-Timestamp must be Unix seconds within 5 minutes of now"));
  if (!api_nonce_valid(nonce)) return nerr_pass(fail(r, 401, "invalid_nonce", "X-Api-Nonce: 16-64 of A-Z a-z 0-9 - _"));
  partner_key k;
  int found = 0;
  NEOERR *err = strlen(key) <= 40 ? partner_key_find(r->db, key, &k, &found) : STATUS_OK;
  if (err) return nerr_pass(err);
  if (!found || !k.usable) {
    r->partner_id = found ? k.partner_id : 0; /* a revoked key's calls go to its partner's log */
    OPENSSL_cleanse(&k, sizeof k);
    return nerr_pass(fail(r, 401, "invalid_key", "unknown, revoked or disabled key"));
  }
  char expected[65];
  api_signature(k.secret, r->method, r->path, r->query, ts, nonce, r->body, r->body_len, expected);
  OPENSSL_cleanse(k.secret, sizeof k.secret);
  if (!api_signature_ok(expected, sig)) return nerr_pass(fail(r, 401, "bad_signature", "the signature does not match"));
  r->partner_id = k.partner_id;
  snprintf(r->enterprise, sizeof r->enterprise, "%s", k.enterprise);
  int fresh = 0;
  if ((err = api_nonce_use(r->db, r->partner_id, nonce, &fresh))) return nerr_pass(err);
  if (!fresh) return nerr_pass(fail(r, 401, "replayed_nonce", "this nonce was used before"));
  int allowed = 0, retry = 0;
  if ((err = api_rate_count(r->db, r->partner_id, k.rate_per_minute, &allowed, &retry))) return nerr_pass(err);
  if (!allowed) {
    r->retry_after = retry;
    return nerr_pass(fail(r, 429, "rate_limited", "too many requests for this partner: wait Retry-After seconds"));
  }
  if ((err = partner_key_touch(r->db, r->key_id))) return nerr_pass(err);
  *ok = 1;
  return STATUS_OK;
}

/* ---- one request ---- */
static NEOERR *read_body(areq *r, int *too_big) {
  *too_big = 0;
  const char *cl = env(r, "CONTENT_LENGTH");
  long long n = cl ? strtoll(cl, NULL, 10) : 0;
  if (n < 0) n = 0;
  if (n > API_BODY_MAX) {
    *too_big = 1;
    return STATUS_OK;
  }
  r->body = malloc((size_t)n + 1);
  if (!r->body) return nerr_raise(NERR_NOMEM, "body");
  int got = n ? FCGX_GetStr(r->body, (int)n, r->fr->in) : 0;
  r->body_len = got > 0 ? (size_t)got : 0;
  r->body[r->body_len] = 0;
  return STATUS_OK;
}

static NEOERR *dispatch(areq *r) {
  int too_big = 0;
  NEOERR *err = read_body(r, &too_big);
  if (err) return nerr_pass(err);
  if (too_big) return nerr_pass(fail(r, 413, "payload_too_large", "bodies are at most 64 KiB"));
  const aroute *rt = NULL;
  int path_known = 0;
  const char *m = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
  for (int i = 0; i < NROUTES && !rt; i++) {
    char a[2][72];
    if (!route_match(ROUTES[i].pattern, r->path, a)) continue;
    path_known = 1;
    if (strcmp(ROUTES[i].method, m) == 0) {
      rt = &ROUTES[i];
      memcpy(r->args, a, sizeof a);
    }
  }
  if (!rt) {
    if (path_known) return nerr_pass(fail(r, 405, "method_not_allowed", "this path does not take this method"));
    return nerr_pass(fail(r, 404, "not_found", "no such API path"));
  }
  if (rt->flags & A_PUBLIC) return nerr_pass(rt->fn(r));
  if ((err = db_connect(&r->db))) {
    log_neoerr("db_connect", &err);
    r->db = NULL;
    return nerr_pass(fail(r, 503, "unavailable", "the service is unavailable, try again"));
  }
  int ok = 0;
  if ((err = authenticate(r, &ok)) || !ok) return nerr_pass(err);
  if (rt->flags & A_WRITE) {
    const char *ct = env(r, "CONTENT_TYPE");
    size_t l = ct ? strcspn(ct, "; \t") : 0;
    if (!ct || l != 16 || strncasecmp(ct, "application/json", 16))
      return nerr_pass(fail(r, 415, "unsupported_media_type", "send Content-Type: application/json"));
    json_error_t je;
    r->json = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &je);
    if (!r->json || !json_is_object(r->json))
      return nerr_pass(fail(r, 400, "invalid_json", "the body must be one JSON object"));
    const char *key = env(r, "HTTP_IDEMPOTENCY_KEY");
    if (!key || !*key)
      return nerr_pass(fail(r, 400, "idempotency_key_required", "every write needs an Idempotency-Key header"));
    if (!printable_id(key, API_IDEM_MAX))
      return nerr_pass(fail(r, 400, "invalid_request", "Idempotency-Key: 1-100 of A-Z a-z 0-9 - _ . :"));
  }
  return nerr_pass(rt->fn(r));
}

static void handle(FCGX_Request *fr) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  areq r;
  memset(&r, 0, sizeof r);
  r.fr = fr;
  const char *m = FCGX_GetParam("REQUEST_METHOD", fr->envp);
  r.method = m ? m : "GET";
  const char *uri = FCGX_GetParam("REQUEST_URI", fr->envp);
  if (!uri) uri = "/";
  size_t pl = strcspn(uri, "?");
  snprintf(r.path, sizeof r.path, "%.*s", (int)pl, uri);
  snprintf(r.query, sizeof r.query, "%s", uri[pl] == '?' ? uri + pl + 1 : "");
  NEOERR *err = STATUS_OK;
  if (strlen(uri) >= sizeof r.query) err = fail(&r, 400, "invalid_request", "the address is too long");
  else err = dispatch(&r);
  if (err) {
    log_neoerr(r.path, &err);
    r.retry_after = 0;
    err = fail(&r, 500, "internal_error", "something went wrong on our side; the request may be retried");
    nerr_ignore(&err);
  }
  int replayed = r.retry_after == -1;
  if (replayed) r.retry_after = 0;
  send_answer(&r, replayed);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  log_request(r.method, r.path, r.status, ms);
  /* The API log (back office): every call that reached the database; never a secret, signature or body. */
  if (r.db && strcmp(r.path, "/api/v1/openapi.json")) {
    const char *ip = FCGX_GetParam("REMOTE_ADDR", fr->envp);
    err = api_log_add(r.db, r.partner_id, r.key_id, r.method, r.path, r.status, r.code, (int)ms, ip);
    if (err) log_neoerr("api_log", &err);
  }
  json_decref(r.json);
  free(r.body);
  free(r.out);
}

static volatile sig_atomic_t g_stop, g_waiting;
static void on_term(int sig) {
  (void)sig;
  g_stop = 1;
  if (g_waiting) {
    log_flush_from_signal();
    _exit(0);
  }
}

/* As app.c: with log lines pending, wait for a connection at most a second, then write them (no alarm signals). */
static int wait_for_request(FCGX_Request *fr) {
  g_waiting = 1;
  if (!g_stop && log_pending()) {
    struct pollfd p = {.fd = FCGI_LISTENSOCK_FILENO, .events = POLLIN};
    int n;
    do n = poll(&p, 1, 1000);
    while (n < 0 && errno == EINTR && !g_stop);
    if (n == 0) {
      g_waiting = 0;
      log_flush();
      g_waiting = 1;
    }
  }
  int rc = g_stop ? -1 : FCGX_Accept_r(fr);
  g_waiting = 0;
  return rc;
}

int main(void) {
  if (config_load() != 0) {
    fprintf(stderr, "api: cannot read or create %s/secret.key\n", g_cfg.var);
    return 1;
  }
  log_open("api");
  NEOERR *err = db_init_errors();
  if (!err) err = points_init_errors();
  if (err) {
    log_neoerr("init", &err);
    return 1;
  }
  db_set_read_timeout(30);
  signal(SIGPIPE, SIG_IGN);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_term;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGUSR1, &sa, NULL);
  FCGX_Init();
  FCGX_Request fr;
  FCGX_InitRequest(&fr, 0, 0);
  while (!g_stop && wait_for_request(&fr) >= 0) {
    handle(&fr);
    FCGX_Finish_r(&fr);
  }
  log_flush();
  db_close();
  return 0;
}
