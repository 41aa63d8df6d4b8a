/* blacklist_admin.c: the back office's blacklist (F3) — entries listed, added and removed by hand, automatic rules
 * tuned; every change audited and every process's copy of the list dropped */
#include "backoffice/blacklist_admin.h"
#include "generations.h"
#include "shared/blacklist.h"
#include "shared/cidr.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define ACTIVE "(e.removed_at IS NULL AND (e.expires_at IS NULL OR e.expires_at > NOW()))"
#define COLS                                                                                                           \
  "SELECT e.id, e.kind, e.value, e.reason, e.rule_id, r.event AS rule_event, r.subject AS rule_subject, "              \
  "a.username AS created_by, DATE_FORMAT(e.created_at, '%Y-%m-%d %H:%i:%s') AS created_at, "                           \
  "DATE_FORMAT(e.expires_at, '%Y-%m-%d %H:%i:%s') AS expires_at, "                                                     \
  "DATE_FORMAT(e.removed_at, '%Y-%m-%d %H:%i:%s') AS removed_at, b.username AS removed_by, e.remove_reason, "          \
  "CASE WHEN e.removed_at IS NOT NULL THEN 'removed' WHEN " ACTIVE " THEN 'active' ELSE 'expired' END AS state "
#define JOINS                                                                                                          \
  " LEFT JOIN blacklist_rules r ON r.id = e.rule_id LEFT JOIN admins a ON a.id = e.created_by"                         \
  " LEFT JOIN admins b ON b.id = e.removed_by "
#define COLUMNS COLS "FROM blacklist_entries e" JOINS
static const char SQL_GET[] = COLUMNS "WHERE e.id = ?";
static const char SQL_SNAP[] =
    "SELECT id, kind, value, reason, rule_id, created_at, expires_at, removed_at, remove_reason "
    "FROM blacklist_entries WHERE id = ? FOR UPDATE";
static const char SQL_FUTURE[] = "SELECT STR_TO_DATE(?, '%Y-%m-%d %H:%i:%s') > NOW() "
                                 "AND DATE_FORMAT(STR_TO_DATE(?, '%Y-%m-%d %H:%i:%s'), '%Y-%m-%d %H:%i:%s') = ?";
static const char SQL_MERCHANT_USER[] = "SELECT COUNT(*) FROM merchant_users WHERE username = ?";
/* Locks the subject's entries so two admins adding the same one at once make one. */
static const char SQL_ACTIVE_SAME[] =
    "SELECT e.id FROM blacklist_entries e WHERE e.kind = ? AND e.value = ? AND " ACTIVE " ORDER BY e.id LIMIT 1 "
    "FOR UPDATE";
static const char SQL_ADD[] = "INSERT INTO blacklist_entries (kind, value, reason, created_by, expires_at) "
                              "VALUES (?, ?, ?, ?, STR_TO_DATE(?, '%Y-%m-%d %H:%i:%s'))";
static const char SQL_REMOVE[] =
    "UPDATE blacklist_entries e SET removed_at = NOW(), removed_by = ?, remove_reason = ? WHERE id = ? AND " ACTIVE;
static const char SQL_RULES[] =
    "SELECT r.id, r.event, r.subject, r.threshold, r.period, r.window_minutes, r.days_needed, r.days_span, "
    "r.block_minutes, r.enabled, (SELECT COUNT(*) FROM blacklist_entries e WHERE e.rule_id = r.id) AS caught "
    "FROM blacklist_rules r ORDER BY r.id";
static const char SQL_RULE_SNAP[] =
    "SELECT id, event, subject, threshold, period, window_minutes, days_needed, days_span, block_minutes, enabled "
    "FROM blacklist_rules WHERE id = ? FOR UPDATE";
static const char SQL_RULE_UPDATE[] =
    "UPDATE blacklist_rules SET threshold = ?, period = ?, window_minutes = ?, days_needed = ?, days_span = ?, "
    "block_minutes = ?, enabled = ? WHERE id = ?";

const char *blacklist_value_check(const char *kind, const char *text, char out[65]) {
  out[0] = 0;
  /* Surrounding spaces come from pasting; nothing else is forgiven. */
  while (*text == ' ') text++;
  size_t len = strlen(text);
  while (len && text[len - 1] == ' ') len--;
  if (len == 0) return "Blacklist.ValueRequired";
  if (len > 64) return "Blacklist.ValueLong";
  char v[65];
  snprintf(v, sizeof v, "%.*s", (int)len, text);
  if (strcmp(kind, "ip") == 0) {
    cidr c;
    if (cidr_parse(v, &c) != 0) return "Blacklist.BadIp";
    if (c.prefix < (c.family == 4 ? BLACKLIST_MIN_PREFIX_V4 : BLACKLIST_MIN_PREFIX_V6)) return "Blacklist.RangeTooWide";
    cidr_format(&c, out, 65);
    return NULL;
  }
  if (strcmp(kind, "mobile") == 0) {
    if (len != 11 || v[0] != '1' || v[1] < '3') return "Blacklist.BadMobile";
    for (size_t i = 0; i < len; i++)
      if (!isdigit((unsigned char)v[i])) return "Blacklist.BadMobile";
    memcpy(out, v, len + 1);
    return NULL;
  }
  if (strcmp(kind, "merchant") == 0) {
    for (size_t i = 0; i < len; i++)
      if ((unsigned char)v[i] < 0x20) return "Blacklist.BadMerchant";
    memcpy(out, v, len + 1);
    return NULL;
  }
  return "Blacklist.BadKind";
}

int blacklist_expiry_parse(const char *text, char out[20]) {
  int y, mo, d, h, mi, s = 0, n = 0;
  char sep;
  out[0] = 0;
  if (!text) return -1;
  size_t len = strlen(text);
  if (len != 16 && len != 19) return -1;
  if (len == 16 && sscanf(text, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &n) != 6) return -1;
  if (len == 19 && sscanf(text, "%4d-%2d-%2d%c%2d:%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &s, &n) != 7) return -1;
  if ((size_t)n != len || (sep != ' ' && sep != 'T')) return -1;
  for (size_t i = 0; i < len; i++) /* digits where the format has them: sscanf alone would take "+1" or " 1" */
    if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && !isdigit((unsigned char)text[i])) return -1;
  if (y < 2000 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return -1;
  char tmp[80];
  snprintf(tmp, sizeof tmp, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
  memcpy(out, tmp, 19); /* the ranges above make it exactly 19 characters */
  out[19] = 0;
  return 0; /* a day past the month's end is caught by SQL_FUTURE's round trip */
}

/* The list is shaped by the filters given (README "Lists"), newest first, each shape reading one index in that order
 * and stopping at the page: active entries are the ones not removed (bl_removed / bl_kind_removed: removed_at IS NULL,
 * then the expiry checked on the rows read); a kind alone → bl_kind; ended or all → PRIMARY (ended entries are most
 * of the table, so the page fills fast). A value prefix reads by_subject's (kind, value) ranges and sorts its matches.
 * Counts stop at BLACKLIST_LIST_COUNT_CAP + 1. */
void blacklist_admin_list_stmt(const char *kind, const char *state, const char *q, long long offset, long long after,
                               int limit, int count, blacklist_list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  const char *k = kind ? kind : "", *s = state ? state : "all", *v = q ? q : "";
  int active = strcmp(s, "active") == 0, ended = strcmp(s, "ended") == 0;
  size_t o = 0;
  for (const char *c = v; *c && o + 3 < sizeof out->like; c++) {
    if (*c == '%' || *c == '_' || *c == '\\') out->like[o++] = '\\';
    out->like[o++] = *c;
  }
  out->like[o++] = '%';
  out->like[o] = 0;
  list_stmt_add(&body, " FROM blacklist_entries e");
  if (*v) list_stmt_add(&body, " FORCE INDEX (by_subject)");
  else if (active) list_stmt_add(&body, *k ? " FORCE INDEX (bl_kind_removed)" : " FORCE INDEX (bl_removed)");
  else if (*k) list_stmt_add(&body, " FORCE INDEX (bl_kind)");
  else list_stmt_add(&body, " FORCE INDEX (PRIMARY)");
  if (!count) list_stmt_add(&body, JOINS);
  list_stmt_add(&body, " WHERE 1 = 1");
  if (*k) list_stmt_arg(&body, " AND e.kind = ?", DS(k));
  else if (*v) list_stmt_add(&body, " AND e.kind IN ('ip', 'mobile', 'merchant')"); /* by_subject's leading column */
  if (*v) list_stmt_arg(&body, " AND e.value LIKE ?", DS(out->like));
  if (active) list_stmt_add(&body, " AND e.removed_at IS NULL AND (e.expires_at IS NULL OR e.expires_at > NOW())");
  if (ended) list_stmt_add(&body, " AND NOT " ACTIVE);
  if (count) {
    /* in the list's order where an index gives it, so the count reads that index and stops at the cap */
    if (!*v) list_stmt_add(&body, " ORDER BY e.id DESC");
    list_stmt_count(&out->st, &body, BLACKLIST_LIST_COUNT_CAP);
    return;
  }
  list_stmt_build(&out->st, &body, 0, 0, COLS, "e.id", offset, after, limit);
}

NEOERR *blacklist_admin_list(MYSQL *db, const char *kind, const char *state, const char *q, long long offset,
                             long long after, int limit, HDF *out, const char *prefix, int *rows, long long *total) {
  blacklist_list_stmt st;
  *rows = 0;
  blacklist_admin_list_stmt(kind, state, q, 0, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.st.sql, st.st.p, st.st.n, total, NULL);
  if (err || (after <= 0 && offset >= *total)) return nerr_pass(err);
  blacklist_admin_list_stmt(kind, state, q, offset, after, limit, 0, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.st.sql, st.st.p, st.st.n, rows));
}

NEOERR *blacklist_admin_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_GET, DBA(DI(id)), &rows);
  *found = rows == 1;
  return nerr_pass(err);
}

struct add_arg {
  const audit_actor *who;
  const char *kind, *value, *reason, *expires;
  long long *id;
  bl_add_result *res;
};

static NEOERR *tx_add(MYSQL *db, void *p) {
  struct add_arg *a = p;
  long long n = 0;
  int found = 0;
  NEOERR *err = STATUS_OK;
  *a->id = 0;
  *a->res = BL_ADD_OK;
  if (a->expires) {
    if ((err = db_query_ll(db, SQL_FUTURE, DBA(DS(a->expires), DS(a->expires), DS(a->expires)), &n, &found)))
      return nerr_pass(err);
    if (!found || n != 1) {
      *a->res = BL_ADD_PAST;
      return STATUS_OK;
    }
  }
  if (strcmp(a->kind, "merchant") == 0) {
    if ((err = db_query_ll(db, SQL_MERCHANT_USER, DBA(DS(a->value)), &n, NULL))) return nerr_pass(err);
    if (n == 0) {
      *a->res = BL_ADD_NO_MERCHANT;
      return STATUS_OK;
    }
  }
  if ((err = db_row(db, SQL_ACTIVE_SAME, DBA(DS(a->kind), DS(a->value)), DCOLS(DCOL_LL(a->id)), &found)))
    return nerr_pass(err);
  if (found) {
    *a->res = BL_ADD_DUPLICATE;
    return STATUS_OK;
  }
  err = db_exec(db, SQL_ADD,
                DBA(DS(a->kind), DS(a->value), DS(a->reason), DI(a->who->id), a->expires ? DS(a->expires) : DNULL),
                NULL, a->id);
  json_t *after = NULL;
  if (!err) err = blacklist_version_raise(db);
  if (!err) err = audit_snapshot(db, SQL_SNAP, *a->id, &after);
  if (!err) err = audit_record(db, a->who, "create", "blacklist", *a->id, NULL, after);
  json_decref(after);
  return nerr_pass(err);
}

/* After a change commits: every process on this machine reads the list again before its next check; other machines
 * see the raised version within BLACKLIST_VERIFY_SECONDS. */
static void list_changed(void) {
  blacklist_bump();
  blacklist_forget();
}

NEOERR *blacklist_admin_add(MYSQL *db, const audit_actor *who, const char *kind, const char *value, const char *reason,
                            const char *expires, long long *id, bl_add_result *res) {
  struct add_arg a = {who, kind, value, reason, expires, id, res};
  NEOERR *err = db_tx(db, tx_add, &a);
  if (!err && *res == BL_ADD_OK) list_changed();
  return nerr_pass(err);
}

struct remove_arg {
  const audit_actor *who;
  long long id;
  const char *reason;
  int *found, *changed;
};

static NEOERR *tx_remove(MYSQL *db, void *p) {
  struct remove_arg *a = p;
  json_t *before = NULL, *after = NULL;
  long long n = 0;
  *a->found = *a->changed = 0;
  NEOERR *err = audit_snapshot(db, SQL_SNAP, a->id, &before);
  if (err || !before) return nerr_pass(err);
  *a->found = 1;
  err = db_exec(db, SQL_REMOVE, DBA(DI(a->who->id), DS(a->reason), DI(a->id)), &n, NULL);
  if (!err && n == 1) {
    *a->changed = 1;
    err = blacklist_version_raise(db);
    if (!err) err = audit_snapshot(db, SQL_SNAP, a->id, &after);
    if (!err) err = audit_record(db, a->who, "remove", "blacklist", a->id, before, after);
  }
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *blacklist_admin_remove(MYSQL *db, const audit_actor *who, long long id, const char *reason, int *found,
                               int *changed) {
  struct remove_arg a = {who, id, reason, found, changed};
  NEOERR *err = db_tx(db, tx_remove, &a);
  if (!err && *changed) list_changed();
  return nerr_pass(err);
}

NEOERR *blacklist_rules_list(MYSQL *db, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_RULES, DB_NOARGS, NULL));
}

struct rule_arg {
  const audit_actor *who;
  const bl_rule *rule;
  int *found;
};

static NEOERR *tx_rule(MYSQL *db, void *p) {
  struct rule_arg *a = p;
  const bl_rule *r = a->rule;
  json_t *before = NULL, *after = NULL;
  NEOERR *err = audit_snapshot(db, SQL_RULE_SNAP, r->id, &before);
  *a->found = before != NULL;
  if (err || !before) return nerr_pass(err);
  err = db_exec(db, SQL_RULE_UPDATE,
                DBA(DI(r->threshold), DS(r->period), DI(r->window_minutes), DI(r->days_needed), DI(r->days_span),
                    DI(r->block_minutes), DI(r->enabled ? 1 : 0), DI(r->id)),
                NULL, NULL);
  if (!err) err = blacklist_version_raise(db);
  if (!err) err = audit_snapshot(db, SQL_RULE_SNAP, r->id, &after);
  if (!err) err = audit_record(db, a->who, "update", "blacklist_rule", r->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *blacklist_rule_update(MYSQL *db, const audit_actor *who, const bl_rule *rule, int *found) {
  struct rule_arg a = {who, rule, found};
  NEOERR *err = db_tx(db, tx_rule, &a);
  if (!err && *found) list_changed(); /* the watched events may have changed */
  return nerr_pass(err);
}
