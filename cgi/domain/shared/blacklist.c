/* blacklist.c: the blacklist (F3) — this process's copy of the active entries and the watched events, the check
 * against it, and the event counters automatic rules read (evaluated where the event happens, set-based) */
#include "shared/blacklist.h"
#include "shared/cidr.h"
#include "generations.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char SQL_BL_ACTIVE[] = "SELECT id, kind, value, CAST(COALESCE(UNIX_TIMESTAMP(expires_at), 0) AS SIGNED), "
                                    "COALESCE(DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i'), '') FROM blacklist_entries "
                                    "WHERE removed_at IS NULL AND (expires_at IS NULL OR expires_at > NOW())";
/* Per event and subject kind: whether a minutes rule and a days rule watch it, and the lowest daily threshold. */
static const char SQL_BL_WATCHED[] =
    "SELECT event, subject, MAX(period = 'minutes'), MAX(period = 'days'), "
    "COALESCE(MIN(IF(period = 'days', threshold, NULL)), 0) FROM blacklist_rules WHERE enabled = 1 "
    "GROUP BY event, subject";
static const char SQL_BL_VERSION[] = "SELECT version FROM blacklist_version WHERE id = 1";
static const char SQL_BL_VERSION_RAISE[] = "UPDATE blacklist_version SET version = version + 1 WHERE id = 1";
/* One event: its minute, for minutes rules. */
static const char SQL_BL_COUNT_MINUTE[] =
    "INSERT INTO blacklist_counts (event, subject_kind, subject, unit, bucket, n) VALUES "
    "(?, ?, ?, 'minute', DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:00'), 1) ON DUPLICATE KEY UPDATE n = n + 1";
/* Its day (mall time zone: the connection's), for days rules; the new count comes back as the insert id (0 for the
 * day's first event), so a day still under every threshold needs no evaluation. */
static const char SQL_BL_COUNT_DAY[] =
    "INSERT INTO blacklist_counts (event, subject_kind, subject, unit, bucket, n) VALUES "
    "(?, ?, ?, 'day', CURDATE(), 1) ON DUPLICATE KEY UPDATE n = LAST_INSERT_ID(n + 1)";
/* Every enabled rule on this event and subject kind, at once: a rule over its threshold adds one entry unless one is
 * active already. Counting starts afresh after the subject's last entry ended (expired or removed), so an unblocked
 * client is not caught again at once by the events that got it blocked. Parameters: value, kind, value, event,
 * kind, value, value, value. */
static const char SQL_BL_EVALUATE[] =
    "INSERT INTO blacklist_entries (kind, value, reason, rule_id, expires_at) "
    "SELECT r.subject, ?, CONCAT('rule #', r.id), r.id, NOW() + INTERVAL r.block_minutes MINUTE "
    "FROM blacklist_rules r JOIN (SELECT COALESCE(MAX(COALESCE(removed_at, expires_at)), '1970-01-02') AS since "
    "FROM blacklist_entries WHERE kind = ? AND value = ?) f "
    "WHERE r.enabled = 1 AND r.event = ? AND r.subject = ? "
    "AND NOT EXISTS (SELECT 1 FROM blacklist_entries e WHERE e.kind = r.subject AND e.value = ? "
    "AND e.removed_at IS NULL AND (e.expires_at IS NULL OR e.expires_at > NOW())) "
    "AND CASE r.period "
    "WHEN 'minutes' THEN (SELECT COALESCE(SUM(c.n), 0) FROM blacklist_counts c WHERE c.event = r.event "
    "AND c.subject_kind = r.subject AND c.subject = ? AND c.unit = 'minute' "
    "AND c.bucket > NOW() - INTERVAL r.window_minutes MINUTE AND c.bucket >= f.since) > r.threshold "
    "ELSE (SELECT COUNT(*) FROM blacklist_counts c WHERE c.event = r.event AND c.subject_kind = r.subject "
    "AND c.subject = ? AND c.unit = 'day' AND c.bucket > CURDATE() - INTERVAL r.days_span DAY "
    "AND c.bucket >= f.since AND c.n > r.threshold) >= r.days_needed END "
    "ORDER BY r.block_minutes DESC, r.id LIMIT 1";
/* Counters past the longest window (a day of minutes, 31 days): a few rows per call. */
static const char SQL_BL_PRUNE_MINUTES[] =
    "DELETE FROM blacklist_counts WHERE unit = 'minute' AND bucket < NOW() - INTERVAL 1 DAY LIMIT 500";
static const char SQL_BL_PRUNE_DAYS[] =
    "DELETE FROM blacklist_counts WHERE unit = 'day' AND bucket < CURDATE() - INTERVAL 32 DAY LIMIT 500";

enum { K_IP, K_MOBILE, K_MERCHANT, K_COUNT };
static const char *const KIND[K_COUNT] = {"ip", "mobile", "merchant"};
static const char *const EVENT[] = {BL_EVENT_SIGNIN_FAIL, BL_EVENT_SMS_CODE, BL_EVENT_PAYMENT, BL_EVENT_CODE_SCAN,
                                     BL_EVENT_COUPON_CLAIM};
#define N_EVENTS (int)(sizeof EVENT / sizeof EVENT[0])

typedef struct {
  long long id, expires;
  int kind;
  cidr net; /* K_IP */
  char value[72];
  char until[20]; /* expires as the mall prints it (its time zone) */
} bl_entry;

static struct {
  bl_entry *e;
  int n, cap, loaded;
  unsigned long long gen;
  long long version; /* blacklist_version when the list was read */
  time_t at;         /* when the copy was last known to be current */
  struct {
    int minutes, days;       /* an enabled rule of that period counts this event for this subject kind */
    long long day_threshold; /* the lowest threshold of those days rules */
  } watch[N_EVENTS][K_COUNT];
} g_bl;

static int kind_of(const char *s) {
  for (int k = 0; k < K_COUNT; k++)
    if (strcmp(s, KIND[k]) == 0) return k;
  return -1;
}

static int event_of(const char *s) {
  for (int i = 0; i < N_EVENTS; i++)
    if (strcmp(s, EVENT[i]) == 0) return i;
  return -1;
}

void blacklist_forget(void) { g_bl.loaded = 0; }

struct load_row {
  long long id, expires;
  char kind[12], value[DB_VARCHAR(64)], until[20];
};

static NEOERR *keep_entry(void *ctx, int row) {
  (void)row;
  const struct load_row *lr = ctx;
  int k = kind_of(lr->kind);
  if (k < 0 || strlen(lr->value) >= sizeof g_bl.e[0].value) return STATUS_OK;
  bl_entry e = {.id = lr->id, .expires = lr->expires, .kind = k};
  snprintf(e.value, sizeof e.value, "%s", lr->value);
  snprintf(e.until, sizeof e.until, "%s", lr->until);
  if (k == K_IP && cidr_parse(lr->value, &e.net) != 0) return STATUS_OK; /* unreadable: never matches */
  if (g_bl.n == g_bl.cap) {
    int cap = g_bl.cap ? g_bl.cap * 2 : 64;
    bl_entry *p = realloc(g_bl.e, (size_t)cap * sizeof *p);
    if (!p) return nerr_raise(NERR_NOMEM, "blacklist: %d entries", cap);
    g_bl.e = p;
    g_bl.cap = cap;
  }
  g_bl.e[g_bl.n++] = e;
  return STATUS_OK;
}

struct watch_row {
  char event[16], subject[12];
  int minutes, days;
  long long day_threshold;
};

static NEOERR *keep_watch(void *ctx, int row) {
  (void)row;
  const struct watch_row *w = ctx;
  int ev = event_of(w->event), k = kind_of(w->subject);
  if (ev < 0 || k < 0) return STATUS_OK;
  g_bl.watch[ev][k].minutes = w->minutes;
  g_bl.watch[ev][k].days = w->days;
  g_bl.watch[ev][k].day_threshold = w->day_threshold;
  return STATUS_OK;
}

NEOERR *blacklist_version_raise(MYSQL *db) {
  return nerr_pass(db_exec(db, SQL_BL_VERSION_RAISE, DB_NOARGS, NULL, NULL));
}

/* Reads the active entries and the watched events again when the copy is stale: the generation moved (a change on
 * this machine), or, checked at most once every BLACKLIST_VERIFY_SECONDS, the version row did (another machine). */
static NEOERR *refresh(MYSQL *db) {
  time_t now = time(NULL);
  unsigned long long gen = blacklist_generation(); /* before the reads: a change meanwhile leaves it stale */
  int same_gen = g_bl.loaded && g_bl.gen == gen;
  if (same_gen && now - g_bl.at < BLACKLIST_VERIFY_SECONDS && now >= g_bl.at) return STATUS_OK;
  long long version = 0;
  NEOERR *err = db_query_ll(db, SQL_BL_VERSION, DB_NOARGS, &version, NULL);
  if (err) return nerr_pass(err);
  if (same_gen && version == g_bl.version) {
    g_bl.at = now;
    return STATUS_OK;
  }
  g_bl.loaded = 0;
  g_bl.n = 0;
  memset(g_bl.watch, 0, sizeof g_bl.watch);
  struct load_row lr;
  err = db_each(db, SQL_BL_ACTIVE, DB_NOARGS,
                DCOLS(DCOL_LL(&lr.id), DCOL_STR(lr.kind), DCOL_STR(lr.value), DCOL_LL(&lr.expires), DCOL_STR(lr.until)),
                keep_entry, &lr, NULL);
  struct watch_row w;
  if (!err)
    err = db_each(db, SQL_BL_WATCHED, DB_NOARGS,
                  DCOLS(DCOL_STR(w.event), DCOL_STR(w.subject), DCOL_INT(&w.minutes), DCOL_INT(&w.days),
                        DCOL_LL(&w.day_threshold)),
                  keep_watch, &w, NULL);
  if (err) {
    g_bl.n = 0;
    memset(g_bl.watch, 0, sizeof g_bl.watch);
    return nerr_pass(err);
  }
  g_bl.loaded = 1;
  g_bl.gen = gen;
  g_bl.version = version; /* read before the list: a change meanwhile makes the next check read it again */
  g_bl.at = now;
  return STATUS_OK;
}

static void fill_hit(const bl_entry *e, blacklist_hit *hit) {
  hit->id = e->id;
  hit->expires = e->expires;
  snprintf(hit->kind, sizeof hit->kind, "%s", KIND[e->kind]);
  snprintf(hit->value, sizeof hit->value, "%s", e->value);
  snprintf(hit->until, sizeof hit->until, "%s", e->until);
}

NEOERR *blacklist_check(MYSQL *db, const char *ip, const char *mobile, const char *merchant, blacklist_hit *hit) {
  memset(hit, 0, sizeof *hit);
  NEOERR *err = refresh(db);
  if (err) return nerr_pass(err);
  cidr addr;
  int have_ip = ip && *ip && cidr_parse_ip(ip, &addr) == 0;
  long long now = (long long)time(NULL);
  for (int i = 0; i < g_bl.n; i++) {
    const bl_entry *e = &g_bl.e[i];
    if (e->expires && e->expires <= now) continue; /* lapsed since the copy was read */
    int match = 0;
    switch (e->kind) {
    case K_IP: match = have_ip && cidr_contains(&e->net, &addr); break;
    case K_MOBILE: match = mobile && strcmp(e->value, mobile) == 0; break;
    /* usernames are unique without regard to case (the column's collation) */
    default: match = merchant && *merchant && strcasecmp(e->value, merchant) == 0; break;
    }
    if (match) {
      fill_hit(e, hit);
      return STATUS_OK;
    }
  }
  return STATUS_OK;
}

struct eval_arg {
  const char *event, *kind, *value;
  long long added;
};

static NEOERR *evaluate(MYSQL *db, void *arg) {
  struct eval_arg *a = arg;
  a->added = 0;
  NEOERR *err = db_exec(
      db, SQL_BL_EVALUATE,
      DBA(DS(a->value), DS(a->kind), DS(a->value), DS(a->event), DS(a->kind), DS(a->value), DS(a->value), DS(a->value)),
      &a->added, NULL);
  if (!err && a->added) err = blacklist_version_raise(db);
  return nerr_pass(err);
}

NEOERR *blacklist_event(MYSQL *db, const char *event, const char *ip, const char *mobile, const char *merchant,
                        int *caught) {
  static unsigned events;
  *caught = 0;
  int ev = event_of(event);
  if (ev < 0) return nerr_raise(NERR_ASSERT, "blacklist: unknown event %s", event);
  NEOERR *err = refresh(db);
  if (err) return nerr_pass(err);
  char addr[64] = "";
  cidr c;
  if (ip && cidr_parse_ip(ip, &c) == 0) cidr_format(&c, addr, sizeof addr); /* one spelling per client */
  const char *subject[K_COUNT] = {addr, mobile, merchant};
  int counted = 0;
  for (int k = 0; k < K_COUNT && !err; k++) {
    const int minutes = g_bl.watch[ev][k].minutes, days = g_bl.watch[ev][k].days;
    if (!subject[k] || !*subject[k] || strlen(subject[k]) > 64 || !(minutes || days)) continue;
    counted = 1;
    long long day_n = 0;
    if (minutes) err = db_exec(db, SQL_BL_COUNT_MINUTE, DBA(DS(event), DS(KIND[k]), DS(subject[k])), NULL, NULL);
    if (!err && days) {
      err = db_exec(db, SQL_BL_COUNT_DAY, DBA(DS(event), DS(KIND[k]), DS(subject[k])), NULL, &day_n);
      if (!day_n) day_n = 1;
    }
    /* Only this event's day changed: while it stays under every daily threshold, no days rule can be crossed now
     * (a day leaving the window never adds one). A minutes rule sums its window, so it is always evaluated. */
    if (err || (!minutes && day_n <= g_bl.watch[ev][k].day_threshold)) continue;
    struct eval_arg a = {event, KIND[k], subject[k], 0};
    err = db_tx(db, evaluate, &a);
    if (!err && a.added) *caught = 1;
  }
  if (!err && counted && ++events % 50 == 1) {
    err = db_exec(db, SQL_BL_PRUNE_MINUTES, DB_NOARGS, NULL, NULL);
    if (!err) err = db_exec(db, SQL_BL_PRUNE_DAYS, DB_NOARGS, NULL, NULL);
  }
  if (*caught) { /* committed: every process reads the list again before its next check */
    blacklist_bump();
    blacklist_forget();
  }
  return nerr_pass(err);
}
