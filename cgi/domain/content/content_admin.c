/* content_admin.c: back-office content — announcements, banners, ads, activities, described by one table each (B3) */
#include "content/content_admin.h"
#include "generations.h"
#include "campaigns/guards.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TIME_FORM(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i') AS " col
#define WINDOW_STATE "CASE WHEN starts_at > NOW() THEN 'scheduled' WHEN ends_at <= NOW() THEN 'ended' ELSE 'live' END"
#define WINDOW_INFO "CONCAT(DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i'), ' ~ ', DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i'))"

/* ---- announcements ---- */
static const content_field NOTICE_FIELDS[] = {
    {"title_zh", CF_STR, 1, 1, 200, NULL},   {"title_en", CF_STR, 0, 1, 200, NULL},
    {"body_zh", CF_TEXT, 1, 1, 20000, NULL}, {"body_en", CF_TEXT, 0, 1, 20000, NULL},
    {"pinned", CF_BOOL, 0, 0, 0, NULL},      {"published_at", CF_TIME, 1, 0, 0, NULL},
};
static const char SQL_NOTICE_LIST[] =
    "SELECT id, title_zh AS title, '' AS image, DATE_FORMAT(published_at, '%Y-%m-%d %H:%i') AS info,"
    " IF(published_at <= NOW(), 'live', 'scheduled') AS state, pinned FROM notices FORCE INDEX (ct_list)";
static const char SQL_NOTICE_COUNT[] = " FROM notices FORCE INDEX (ct_list)";
static const char SQL_NOTICE_GET[] =
    "SELECT id, title_zh, title_en, body_zh, body_en, pinned, " TIME_FORM("published_at") " FROM notices WHERE id = ?";
static const char SQL_NOTICE_INSERT[] =
    "INSERT INTO notices (title_zh, title_en, body_zh, body_en, pinned, published_at) VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_NOTICE_UPDATE[] = "UPDATE notices SET title_zh = ?, title_en = ?, body_zh = ?, body_en = ?, "
                                        "pinned = ?, published_at = ? WHERE id = ?";
static const char SQL_NOTICE_DELETE[] = "DELETE FROM notices WHERE id = ?";
const content_kind CONTENT_NOTICE = {"notice",
                                     NOTICE_FIELDS,
                                     6,
                                     SQL_NOTICE_LIST,
                                     SQL_NOTICE_COUNT,
                                     SQL_NOTICE_GET,
                                     SQL_NOTICE_INSERT,
                                     SQL_NOTICE_UPDATE,
                                     SQL_NOTICE_DELETE,
                                     NULL,
                                     NULL,
                                     0,
                                     NULL,
                                     NULL,
                                     "pinned,published_at,id",
                                     1};

/* ---- banners ---- */
static const content_field BANNER_FIELDS[] = {
    {"title_zh", CF_STR, 1, 1, 200, NULL}, {"title_en", CF_STR, 0, 1, 200, NULL}, {"image", CF_IMAGE, 1, 1, 255, NULL},
    {"link", CF_LINK, 1, 1, 255, NULL},    {"sort", CF_INT, 0, 0, 9999, NULL},    {"starts_at", CF_TIME, 1, 0, 0, NULL},
    {"ends_at", CF_TIME, 1, 0, 0, NULL},
};
static const char SQL_BANNER_LIST[] =
    "SELECT id, title_zh AS title, image, CONCAT(" WINDOW_INFO ", ' · ', link) AS info, " WINDOW_STATE " AS state,"
    " 0 AS pinned FROM banners FORCE INDEX (ct_list)";
static const char SQL_BANNER_COUNT[] = " FROM banners FORCE INDEX (ct_list)";
static const char SQL_BANNER_GET[] = "SELECT id, title_zh, title_en, image, link, sort, " TIME_FORM(
    "starts_at") ", " TIME_FORM("ends_at") " FROM banners WHERE id = ?";
static const char SQL_BANNER_INSERT[] =
    "INSERT INTO banners (title_zh, title_en, image, link, sort, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_BANNER_UPDATE[] = "UPDATE banners SET title_zh = ?, title_en = ?, image = ?, link = ?, sort = ?, "
                                        "starts_at = ?, ends_at = ? WHERE id = ?";
static const char SQL_BANNER_DELETE[] = "DELETE FROM banners WHERE id = ?";
const content_kind CONTENT_BANNER = {"banner",          BANNER_FIELDS,     7,
                                     SQL_BANNER_LIST,   SQL_BANNER_COUNT,  SQL_BANNER_GET,
                                     SQL_BANNER_INSERT, SQL_BANNER_UPDATE, SQL_BANNER_DELETE,
                                     "starts_at",       "ends_at",         0,
                                     NULL,              NULL,              "sort,id",
                                     0};

/* ---- ads ---- */
static const content_field AD_FIELDS[] = {
    {"title_zh", CF_STR, 1, 1, 200, NULL}, {"title_en", CF_STR, 0, 1, 200, NULL},  {"image", CF_IMAGE, 1, 1, 255, NULL},
    {"link", CF_LINK, 1, 1, 255, NULL},    {"position", CF_ENUM, 1, 0, 0, "home"}, {"sort", CF_INT, 0, 0, 9999, NULL},
    {"starts_at", CF_TIME, 1, 0, 0, NULL}, {"ends_at", CF_TIME, 1, 0, 0, NULL},
};
static const char SQL_AD_LIST[] =
    "SELECT id, title_zh AS title, image, CONCAT(position, ' · ', " WINDOW_INFO ", ' · ', link) AS info, " WINDOW_STATE
    " AS state, 0 AS pinned FROM ads FORCE INDEX (ct_list)";
static const char SQL_AD_COUNT[] = " FROM ads FORCE INDEX (ct_list)";
static const char SQL_AD_GET[] = "SELECT id, title_zh, title_en, image, link, position, sort, " TIME_FORM(
    "starts_at") ", " TIME_FORM("ends_at") " FROM ads WHERE id = ?";
static const char SQL_AD_INSERT[] = "INSERT INTO ads (title_zh, title_en, image, link, position, sort, starts_at, "
                                    "ends_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_AD_UPDATE[] =
    "UPDATE ads SET title_zh = ?, title_en = ?, image = ?, link = ?, position = ?, sort = ?, starts_at = ?, ends_at = ?"
    " WHERE id = ?";
static const char SQL_AD_DELETE[] = "DELETE FROM ads WHERE id = ?";
const content_kind CONTENT_AD = {
    "ad",        AD_FIELDS, 8, SQL_AD_LIST, SQL_AD_COUNT, SQL_AD_GET, SQL_AD_INSERT, SQL_AD_UPDATE, SQL_AD_DELETE,
    "starts_at", "ends_at", 0,       NULL,          NULL,   "position,sort,id", 0};

/* ---- activities ---- */
static const content_field ACTIVITY_FIELDS[] = {
    {"title_zh", CF_STR, 1, 1, 200, NULL},    {"title_en", CF_STR, 0, 1, 200, NULL},
    {"summary_zh", CF_STR, 0, 1, 500, NULL},  {"summary_en", CF_STR, 0, 1, 500, NULL},
    {"rules_zh", CF_TEXT, 1, 1, 20000, NULL}, {"rules_en", CF_TEXT, 0, 1, 20000, NULL},
    {"image", CF_IMAGE, 0, 1, 255, NULL},     {"starts_at", CF_TIME, 1, 0, 0, NULL},
    {"ends_at", CF_TIME, 1, 0, 0, NULL},
    /* circuit breakers (F2): the trip message's style, budgets per mall day, units per member per day */
    {"style", CF_ENUM, 0, 0, 0, "normal|lottery"}, /* absent: normal (forms made before it existed) */
    {"points_budget", CF_INT, 0, 0, 1000000000000LL, NULL},
    {"cash_budget_fen", CF_INT, 0, 0, 1000000000000LL, NULL},
    {"member_day_cap", CF_INT, 0, 0, 100000, NULL},
    {"trip_message_zh", CF_STR, 0, 1, 200, NULL},
    {"trip_message_en", CF_STR, 0, 1, 200, NULL},
    {"products", CF_PRODUCTS, 0, 0, 2000, NULL},
};
static const char SQL_ACTIVITY_LIST[] =
    "SELECT a.id, a.title_zh AS title, a.image, CONCAT(" WINDOW_INFO ", ' · ',"
    " (SELECT COUNT(*) FROM activity_products ap WHERE ap.activity_id = a.id)) AS info, " WINDOW_STATE " AS state,"
    " 0 AS pinned FROM activities a FORCE INDEX (ct_list)";
static const char SQL_ACTIVITY_COUNT[] = " FROM activities a FORCE INDEX (ct_list)";
static const char SQL_ACTIVITY_GET[] =
    "SELECT a.id, a.title_zh, a.title_en, a.summary_zh, a.summary_en, a.rules_zh, a.rules_en, a.image, " TIME_FORM(
        "starts_at") ", " TIME_FORM("ends_at") ", a.style, a.points_budget, a.cash_budget_fen, a.member_day_cap,"
                     " a.trip_message_zh, a.trip_message_en, (SELECT GROUP_CONCAT(ap.product_id ORDER BY ap.sort,"
                                               " ap.product_id SEPARATOR ' ') FROM activity_products ap WHERE "
                                               "ap.activity_id = a.id) AS products"
                                               " FROM activities a WHERE a.id = ?";
static const char SQL_ACTIVITY_INSERT[] =
    "INSERT INTO activities (title_zh, title_en, summary_zh, summary_en, rules_zh, rules_en, image, starts_at, ends_at,"
    " style, points_budget, cash_budget_fen, member_day_cap, trip_message_zh, trip_message_en)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(NULLIF(?, ''), 'normal'), ?, ?, ?, ?, ?)";
static const char SQL_ACTIVITY_UPDATE[] =
    "UPDATE activities SET title_zh = ?, title_en = ?, summary_zh = ?, summary_en = ?, rules_zh = ?, rules_en = ?,"
    " image = ?, starts_at = ?, ends_at = ?, style = COALESCE(NULLIF(?, ''), 'normal'), points_budget = ?, cash_budget_fen = ?, member_day_cap = ?,"
    " trip_message_zh = ?, trip_message_en = ? WHERE id = ?";
static const char SQL_ACTIVITY_DELETE[] = "DELETE FROM activities WHERE id = ?";
/* A budget raised above what today spent clears today's trip, in the same transaction and audited (F2). */
static NEOERR *activity_saved(MYSQL *db, const audit_actor *who, long long id) {
  int untripped = 0;
  NEOERR *err = guards_untrip(db, id, &untripped);
  if (!err && untripped) err = audit_record(db, who, "untrip", "activity", id, NULL, NULL);
  return nerr_pass(err);
}
const content_kind CONTENT_ACTIVITY = {"activity",          ACTIVITY_FIELDS,     16,
                                       SQL_ACTIVITY_LIST,   SQL_ACTIVITY_COUNT,  SQL_ACTIVITY_GET,
                                       SQL_ACTIVITY_INSERT, SQL_ACTIVITY_UPDATE, SQL_ACTIVITY_DELETE,
                                       "starts_at",         "ends_at",           1,
                                       activity_saved,      guards_notify,       "a.starts_at,a.id",
                                       1};

static const char SQL_AP_CLEAR[] = "DELETE FROM activity_products WHERE activity_id = ?";
static const char SQL_AP_ADD[] = "INSERT INTO activity_products (activity_id, product_id, sort) VALUES (?, ?, ?)";
static const char SQL_PRODUCT_EXISTS[] = "SELECT COUNT(*) FROM products WHERE id = ?";

/* A list reads its kind's ct_list index in the list's order (schema 043) and stops at the page; counts stop at
 * CONTENT_LIST_COUNT_CAP + 1; past the numbered pages ?after=<id> seeks after that row's sort key (read first, by
 * primary key): "c1 < v1 OR (c1 = v1 AND (c2 < v2 OR (c2 = v2 AND id < id0)))", ranges of the same index. */
void content_admin_list_stmt(const content_kind *k, long long offset, const content_cursor *after, int limit,
                             int count, list_stmt *out) {
  memset(out, 0, sizeof *out);
  char cols[4][32];
  int n = 0;
  for (const char *c = k->list_order; *c && n < 4; n++) {
    size_t l = strcspn(c, ",");
    snprintf(cols[n], sizeof cols[n], "%.*s", (int)l, c);
    c += l + (c[l] == ',');
  }
  if (count) {
    list_stmt_add(out, "SELECT COUNT(*) FROM (SELECT 1");
    list_stmt_add(out, k->sql_count);
  } else {
    list_stmt_add(out, k->sql_list);
  }
  int seek = !count && after && after->id > 0;
  if (seek) {
    const char *lt = k->list_desc ? " < ?" : " > ?";
    char buf[96];
    list_stmt_add(out, " WHERE ");
    for (int i = 0; i < n; i++) {
      snprintf(buf, sizeof buf, "(%s%s", cols[i], lt);
      list_stmt_arg(out, buf, i == n - 1 ? DI(after->id) : DS(after->key[i]));
      if (i < n - 1) {
        snprintf(buf, sizeof buf, " OR (%s = ?", cols[i]);
        list_stmt_arg(out, buf, DS(after->key[i]));
        list_stmt_add(out, " AND ");
      }
    }
    for (int i = 0; i < n; i++) list_stmt_add(out, i == n - 1 ? ")" : "))");
  }
  list_stmt_add(out, " ORDER BY ");
  for (int i = 0; i < n; i++) {
    if (i) list_stmt_add(out, ", ");
    list_stmt_add(out, cols[i]);
    if (k->list_desc) list_stmt_add(out, " DESC");
  }
  if (count) {
    char buf[64];
    snprintf(buf, sizeof buf, " LIMIT %d) bounded", CONTENT_LIST_COUNT_CAP + 1);
    list_stmt_add(out, buf);
    return;
  }
  list_stmt_arg(out, " LIMIT ?", DI(limit));
  if (!seek) list_stmt_arg(out, " OFFSET ?", DI(offset));
}

NEOERR *content_admin_list(MYSQL *db, const content_kind *k, HDF *out, const char *prefix, long long offset,
                           long long after, int limit, int *rows, long long *total) {
  list_stmt st;
  content_cursor cur;
  memset(&cur, 0, sizeof cur);
  *rows = 0;
  content_admin_list_stmt(k, 0, NULL, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  if (err || (after <= 0 && *total <= offset)) return nerr_pass(err);
  if (after > 0) {
    /* the cursor row's sort key, as text (the statement compares each column with it) */
    int found = 0;
    err = content_admin_cursor(db, k, after, &cur, &found);
    if (err || !found) return nerr_pass(err);
  }
  content_admin_list_stmt(k, offset, after > 0 ? &cur : NULL, limit, 0, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows));
}

NEOERR *content_admin_cursor(MYSQL *db, const content_kind *k, long long id, content_cursor *cur, int *found) {
  char sql[256], table[32];
  const char *from = strstr(k->sql_count, " FROM ") + 6;
  snprintf(table, sizeof table, "%.*s", (int)strcspn(from, " "), from);
  /* every sort column but the last (the id), as text */
  char cols[160] = "";
  size_t o = 0;
  int n = 0;
  for (const char *c = k->list_order; *c;) {
    size_t l = strcspn(c, ",");
    const char *dot = memchr(c, '.', l);
    const char *name = dot ? dot + 1 : c;
    size_t nl = l - (size_t)(name - c);
    if (!c[l]) break; /* the id */
    o += snprintf(cols + o, sizeof cols - o, "%sCAST(%.*s AS CHAR) AS k%d", n ? ", " : "", (int)nl, name, n);
    n++;
    c += l + 1;
  }
  snprintf(sql, sizeof sql, "SELECT %s FROM %s WHERE id = ?", cols, table);
  HDF *h = NULL;
  *found = 0;
  cur->id = id;
  NEOERR *err = hdf_init(&h);
  int rows = 0;
  if (!err) err = db_query_hdf(db, h, "C", sql, DBA(DI(id)), &rows);
  for (int i = 0; !err && rows && i < n; i++) {
    char key[16];
    snprintf(key, sizeof key, "C.0.k%d", i);
    snprintf(cur->key[i], sizeof cur->key[i], "%s", hdf_get_value(h, key, ""));
  }
  *found = rows > 0;
  hdf_destroy(&h);
  return nerr_pass(err);
}

NEOERR *content_admin_get(MYSQL *db, const content_kind *k, HDF *out, const char *prefix, long long id, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, k->sql_get, DBA(DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

static const char SQL_NOW[] =
    "SELECT CONCAT(DATE_FORMAT(NOW(), '%Y-%m-%dT%H:%i'), ' ', DATE_FORMAT(NOW() + INTERVAL 7 DAY, '%Y-%m-%dT%H:%i'))";

NEOERR *content_admin_now(MYSQL *db, char now[32], char week[32]) {
  char both[64] = "";
  NEOERR *err = db_query_str(db, SQL_NOW, DB_NOARGS, both, sizeof both, NULL);
  snprintf(now, 32, "%.16s", both);
  snprintf(week, 32, "%.16s", strlen(both) > 17 ? both + 17 : "");
  return nerr_pass(err);
}

static int num(const char *s, int len) {
  int v = 0;
  for (int i = 0; i < len; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

int content_check_time(const char *s, char out[32]) {
  size_t l = strlen(s);
  if ((l != 16 && l != 19) || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return -1;
  if (l == 19 && s[16] != ':') return -1;
  int y = num(s, 4), mo = num(s + 5, 2), d = num(s + 8, 2), h = num(s + 11, 2), mi = num(s + 14, 2);
  int sec = l == 19 ? num(s + 17, 2) : 0;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 2000 || y > 2099 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
    return -1;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > days[mo - 1] + (mo == 2 && leap)) return -1;
  snprintf(out, 32, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, sec);
  return 0;
}

/* Local paths and web addresses only: javascript:, data: and protocol-relative //host links are refused. */
int content_check_link(const char *s) {
  const char *rest;
  if (s[0] == '/') {
    if (s[1] == '/' || s[1] == '\\') return -1;
    rest = s;
  } else if (strncmp(s, "https://", 8) == 0) {
    rest = s + 8;
  } else if (strncmp(s, "http://", 7) == 0) {
    rest = s + 7;
  } else {
    return -1;
  }
  if (!*rest) return -1;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\') return -1;
  return 0;
}

int content_parse_ids(const char *s, long long *ids, int max, int *n) {
  *n = 0;
  const char *p = s;
  while (*p) {
    if (strchr(" ,\t\r\n", *p) || strncmp(p, "\xef\xbc\x8c", 3) == 0) { /* also the full-width comma */
      p += (*p == '\xef') ? 3 : 1;
      continue;
    }
    long long v = 0;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
      if (++digits > 15) return -1;
      v = v * 10 + (*p - '0');
    }
    if (!digits || v == 0 || (*p && !strchr(" ,\t\r\n\xef", *p))) return -1;
    int dup = 0;
    for (int i = 0; i < *n; i++) dup |= ids[i] == v;
    if (dup) continue;
    if (*n >= max) return -2;
    ids[(*n)++] = v;
  }
  return 0;
}

typedef struct {
  const audit_actor *who;
  const content_kind *k;
  long long id;
  const char *const *values;
  const long long *products;
  int nproducts;
  content_result res;
  long long saved, bad_product;
} content_tx;

static NEOERR *save_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  content_tx *t = arg;
  const content_kind *k = t->k;
  json_t *before = NULL, *after = NULL;
  t->res = CONTENT_OK;
  t->saved = t->id;
  NEOERR *err = STATUS_OK;
  if (t->id && !(err = audit_snapshot(db, k->sql_get, t->id, &before)) && !before) t->res = CONTENT_NOT_FOUND;
  for (int i = 0; !err && t->res == CONTENT_OK && i < t->nproducts; i++) {
    long long n = 0;
    err = db_query_ll(db, SQL_PRODUCT_EXISTS, DBA(DI(t->products[i])), &n, NULL);
    if (!err && !n) {
      t->res = CONTENT_BAD_PRODUCT;
      t->bad_product = t->products[i];
    }
  }
  if (err || t->res != CONTENT_OK) goto done;
  dbp p[24];
  int np = 0;
  for (int i = 0; i < k->nfields && np < 23; i++)
    if (k->fields[i].type != CF_PRODUCTS) p[np++] = DS(t->values[i] ? t->values[i] : "");
  if (t->id) {
    p[np++] = DI(t->id);
    err = db_exec(db, k->sql_update, p, np, NULL, NULL);
  } else {
    err = db_exec(db, k->sql_insert, p, np, NULL, &t->saved);
  }
  if (!err && k->has_products) {
    err = db_exec(db, SQL_AP_CLEAR, DBA(DI(t->saved)), NULL, NULL);
    for (int i = 0; !err && i < t->nproducts; i++)
      err = db_exec(db, SQL_AP_ADD, DBA(DI(t->saved), DI(t->products[i]), DI(i + 1)), NULL, NULL);
  }
  if (!err) err = audit_snapshot(db, k->sql_get, t->saved, &after);
  if (!err) err = audit_record(db, t->who, t->id ? "update" : "create", k->entity, t->saved, before, after);
  if (!err && k->after_save) err = k->after_save(db, t->who, t->saved);
done:
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *content_save(MYSQL *db, const audit_actor *who, const content_kind *k, long long id, const char *const *values,
                     const long long *products, int nproducts, content_result *res, long long *saved_id,
                     long long *bad_product) {
  content_tx t = {.who = who, .k = k, .id = id, .values = values, .products = products, .nproducts = nproducts};
  NEOERR *err = db_tx(db, save_tx, &t);
  /* After COMMIT, outside the transaction: never waits on the switch row while holding the kind's row. */
  if (!err && t.res == CONTENT_OK && k->after_commit) err = k->after_commit(db);
  *res = t.res;
  *saved_id = t.saved;
  *bad_product = t.bad_product;
  return nerr_pass(err);
}

static NEOERR *delete_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  content_tx *t = arg;
  json_t *before = NULL;
  t->res = CONTENT_OK;
  NEOERR *err = audit_snapshot(db, t->k->sql_get, t->id, &before);
  if (!err && !before) t->res = CONTENT_NOT_FOUND;
  if (!err && before && t->k->has_products) err = db_exec(db, SQL_AP_CLEAR, DBA(DI(t->id)), NULL, NULL);
  if (!err && before) err = db_exec(db, t->k->sql_delete, DBA(DI(t->id)), NULL, NULL);
  if (!err && before) err = audit_record(db, t->who, "delete", t->k->entity, t->id, before, NULL);
  json_decref(before);
  return nerr_pass(err);
}

NEOERR *content_delete(MYSQL *db, const audit_actor *who, const content_kind *k, long long id, content_result *res) {
  content_tx t = {.who = who, .k = k, .id = id};
  NEOERR *err = db_tx(db, delete_tx, &t);
  *res = t.res;
  return nerr_pass(err);
}
