/* catalog.c: storefront reads — categories, brands, product lists, search, detail, content, view counts */
#include "catalog/catalog.h"
#include "db.h"
#include "catalog/card_sql.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define RUNNING "starts_at <= NOW() AND ends_at > NOW()"

/* ---- categories and brands ---- */
static const char SQL_CATEGORIES[] =
    "SELECT id, parent_id, name, LEFT(name, 1) AS initial, icon FROM (SELECT id, parent_id, sort, icon, " TR(
        "name", "name") " FROM categories) c ORDER BY parent_id IS NOT NULL, sort, id";
static const char SQL_CATEGORY[] = "SELECT c.id, " TR("c.name", "name") ", c.parent_id, " TR(
    "pc.name", "parent_name") " FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id WHERE c.id = ?";
static const char SQL_BRANDS[] = "SELECT id, " TR("name", "name") ", logo FROM brands ORDER BY sort, id";
static const char SQL_BRANDS_FIRST[] = "SELECT id, " TR("name", "name") ", logo FROM brands ORDER BY sort, id LIMIT ?";
static const char SQL_BRAND[] = "SELECT id, " TR("name", "name") ", logo FROM brands WHERE id = ?";

/* The product list's chips: the top level, and the children of one top category only (by_parent ranges) — the
 * sidebar costs the same however large the tree grows. */
static const char SQL_CATEGORY_CHIPS[] =
    "SELECT id, parent_id, name, LEFT(name, 1) AS initial, icon FROM (SELECT id, parent_id, sort, icon, " TR(
        "name", "name") " FROM categories WHERE parent_id IS NULL OR parent_id = ?) c ORDER BY parent_id IS NOT NULL,"
                        " sort, id";

static NEOERR *category_tree(MYSQL *db, HDF *out, const char *prefix, const char *sql, const dbp *p, int n) {
  HDF *tmp = NULL;
  int top = 0;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = db_query_hdf(db, tmp, "C", sql, p, n, NULL);
  /* Parents sort first, so every child finds its parent already placed. */
  HDF *row = err ? NULL : hdf_get_child(tmp, "C");
  for (; !err && row; row = hdf_obj_next(row)) {
    const char *parent = hdf_get_value(row, "parent_id", NULL);
    char key[256];
    if (!parent) {
      snprintf(key, sizeof key, "%s.%d", prefix, top++);
      err = hdf_copy(out, key, row);
      continue;
    }
    for (int t = 0; t < top; t++) {
      snprintf(key, sizeof key, "%s.%d", prefix, t);
      HDF *p = hdf_get_obj(out, key);
      if (!p || strcmp(hdf_get_value(p, "id", ""), parent) != 0) continue;
      int n = 0;
      for (HDF *c = hdf_get_child(p, "Children"); c; c = hdf_obj_next(c)) n++;
      snprintf(key, sizeof key, "Children.%d", n);
      err = hdf_copy(p, key, row);
      break;
    }
  }
  hdf_destroy(&tmp);
  return nerr_pass(err);
}

NEOERR *catalog_categories(MYSQL *db, HDF *out, const char *prefix, const char *lang) {
  return nerr_pass(category_tree(db, out, prefix, SQL_CATEGORIES, DBA(DS(lang))));
}

NEOERR *catalog_category_chips(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long top) {
  return nerr_pass(category_tree(db, out, prefix, SQL_CATEGORY_CHIPS, DBA(DS(lang), DI(top))));
}

NEOERR *catalog_category_get(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_CATEGORY, DBA(DS(lang), DS(lang), DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

NEOERR *catalog_brands(MYSQL *db, HDF *out, const char *prefix, const char *lang) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_BRANDS, DBA(DS(lang)), NULL));
}

NEOERR *catalog_brands_first(MYSQL *db, HDF *out, const char *prefix, const char *lang, int limit, int *more) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_BRANDS_FIRST, DBA(DS(lang), DI(limit + 1)), &rows);
  *more = !err && rows > limit;
  if (*more) {
    char key[160];
    snprintf(key, sizeof key, "%s.%d", prefix, limit); /* the one read past the limit only tells there are more */
    err = hdf_remove_tree(out, key);
  }
  return nerr_pass(err);
}

NEOERR *catalog_brand_get(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_BRAND, DBA(DS(lang), DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

/* ---- home page lists (the product list pages are product_list.c) ---- */
/* The home page promotes what can be redeemed now: the list snapshot's in-stock block, checked live. */
static const char SQL_HOT[] = CARD " FROM products p WHERE p.on_shelf = 1 AND p.list_in_stock = 1 AND p.stock > 0"
                                   " ORDER BY p.list_sales DESC, p.id DESC LIMIT ?";
static const char SQL_NEWEST[] = CARD " FROM products p WHERE p.on_shelf = 1 AND p.list_in_stock = 1 AND p.stock > 0"
                                      " ORDER BY p.created_at DESC, p.id DESC LIMIT ?";

NEOERR *catalog_hot(MYSQL *db, HDF *out, const char *prefix, const char *lang, int limit) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_HOT, DBA(DS(lang), DI(limit)), NULL));
}

NEOERR *catalog_newest(MYSQL *db, HDF *out, const char *prefix, const char *lang, int limit) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_NEWEST, DBA(DS(lang), DI(limit)), NULL));
}

/* ---- search query text (the search itself is search_list.c) ---- */
static int is_space(const unsigned char *p) {
  /* ASCII blanks, and the ideographic space U+3000 that CJK keyboards type */
  return *p == ' ' || *p == '\t' ? 1 : (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ? 3 : 0;
}

int catalog_search_query(const char *q, char *out, size_t len) {
  /* Each word becomes +"word": required, and inside quotes the boolean operators are plain text.
   * Quotes, backslashes and control characters are dropped so no word can leave its quotes. */
  const unsigned char *p = (const unsigned char *)q;
  size_t o = 0;
  int words = 0;
  out[0] = 0;
  while (*p && words < 8) {
    int sp;
    while ((sp = is_space(p))) p += sp;
    char word[256];
    size_t wl = 0;
    for (; *p && !is_space(p); p++)
      if (*p != '"' && *p != '\\' && *p >= 0x20 && *p != 0x7f && wl < sizeof word) word[wl++] = (char)*p;
    if (!wl) continue;
    if (o + wl + 5 >= len) break;
    if (o) out[o++] = ' ';
    out[o++] = '+';
    out[o++] = '"';
    memcpy(out + o, word, wl);
    o += wl;
    out[o++] = '"';
    out[o] = 0;
    words++;
  }
  return words > 0;
}

/* ---- product detail ---- */
static const char SQL_PRODUCT[] = CARD ", " TR("p.summary", "summary") ", " TR(
    "p.description",
    "description") ", p.per_member_limit, p.views, p.type, p.category_id, " TR("c.name",
                                                                               "category") ", c.parent_id AS "
                                                                                           "category_parent,"
                                                                                           " " TR("b.name",
                                                                                                  "brand") ", "
                                                                                                           "p."
                                                                                                           "bra"
                                                                                                           "nd_"
                                                                                                           "id,"
                                                                                                           " mc"
                                                                                                           ".na"
                                                                                                           "me "
                                                                                                           "AS "
                                                                                                           "mer"
                                                                                                           "cha"
                                                                                                           "nt"
                                                                                                           " FR"
                                                                                                           "OM "
                                                                                                           "pro"
                                                                                                           "duc"
                                                                                                           "ts "
                                                                                                           "p "
                                                                                                           "JOI"
                                                                                                           "N "
                                                                                                           "cat"
                                                                                                           "ego"
                                                                                                           "rie"
                                                                                                           "s "
                                                                                                           "c "
                                                                                                           "ON "
                                                                                                           "c."
                                                                                                           "id "
                                                                                                           "= "
                                                                                                           "p."
                                                                                                           "cat"
                                                                                                           "ego"
                                                                                                           "ry_"
                                                                                                           "id "
                                                                                                           "LEF"
                                                                                                           "T "
                                                                                                           "JOI"
                                                                                                           "N "
                                                                                                           "bra"
                                                                                                           "nds"
                                                                                                           " b "
                                                                                                           "ON "
                                                                                                           "b."
                                                                                                           "id "
                                                                                                           "= "
                                                                                                           "p."
                                                                                                           "bra"
                                                                                                           "nd_"
                                                                                                           "id"
                                                                                                           " LE"
                                                                                                           "FT "
                                                                                                           "JOI"
                                                                                                           "N "
                                                                                                           "mer"
                                                                                                           "cha"
                                                                                                           "nts"
                                                                                                           " mc"
                                                                                                           " ON"
                                                                                                           " mc"
                                                                                                           ".id"
                                                                                                           " = "
                                                                                                           "p."
                                                                                                           "mer"
                                                                                                           "cha"
                                                                                                           "nt_"
                                                                                                           "id "
                                                                                                           "WHE"
                                                                                                           "RE "
                                                                                                           "p."
                                                                                                           "id "
                                                                                                           "= "
                                                                                                           "? "
                                                                                                           "AND"
                                                                                                           " p."
                                                                                                           "on_"
                                                                                                           "she"
                                                                                                           "lf "
                                                                                                           "= "
                                                                                                           "1";
static const char SQL_IMAGES[] = "SELECT url FROM product_images WHERE product_id = ? ORDER BY sort, id LIMIT 8";
/* product_ratings is kept by triggers on reviews (schema 044): one row, however many reviews. */
static const char SQL_REVIEW_STATS[] =
    "SELECT IFNULL(r.approved, 0) AS count, IFNULL(ROUND(r.score_sum / r.approved, 1), 0) AS avg,"
    " IFNULL(ROUND(r.score_sum / r.approved), 0) AS stars"
    " FROM (SELECT ? AS id) p LEFT JOIN product_ratings r ON r.product_id = p.id";
static const char SQL_REVIEWS[] =
    "SELECT r.score, r.content, DATE_FORMAT(r.created_at, '%Y-%m-%d') AS date,"
    " CONCAT(LEFT(m.mobile, 3), '****', RIGHT(m.mobile, 4)) AS who"
    " FROM reviews r LEFT JOIN members m ON m.id = r.member_id"
    " WHERE r.product_id = ? AND r.status = 'approved' ORDER BY r.id DESC LIMIT ? OFFSET ?";
static const char SQL_CONSULTATIONS[] = "SELECT q.question, q.answer, DATE_FORMAT(q.created_at, '%Y-%m-%d') AS date,"
                                        " CONCAT(LEFT(m.mobile, 3), '****', RIGHT(m.mobile, 4)) AS who"
                                        " FROM consultations q LEFT JOIN members m ON m.id = q.member_id"
                                        " WHERE q.product_id = ? AND q.answer IS NOT NULL ORDER BY q.id DESC LIMIT ?";

NEOERR *catalog_product(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found) {
  int rows = 0;
  NEOERR *err =
      db_query_hdf(db, out, prefix, SQL_PRODUCT, DBA(DS(lang), DS(lang), DS(lang), DS(lang), DS(lang), DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

NEOERR *catalog_product_images(MYSQL *db, HDF *out, const char *prefix, long long id) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_IMAGES, DBA(DI(id)), NULL));
}

NEOERR *catalog_review_stats(MYSQL *db, HDF *out, const char *prefix, long long id, long long *count) {
  char key[128];
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_REVIEW_STATS, DBA(DI(id)), NULL);
  snprintf(key, sizeof key, "%s.0.count", prefix);
  *count = err ? 0 : db_hdf_ll(out, key, 0);
  return nerr_pass(err);
}

NEOERR *catalog_reviews(MYSQL *db, HDF *out, const char *prefix, long long id, long long offset, int limit) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_REVIEWS, DBA(DI(id), DI(limit), DI(offset)), NULL));
}

NEOERR *catalog_consultations(MYSQL *db, HDF *out, const char *prefix, long long id, int limit) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_CONSULTATIONS, DBA(DI(id), DI(limit)), NULL));
}

/* ---- view counter ----
 * Product pages are hot and benchmarked, so a view is counted in this process's memory and written
 * later as one UPDATE per product: when VIEW_BATCH views are pending, VIEW_SECONDS have passed, or the
 * table is full. The flush happens on a later request; views pending when a process dies (crash,
 * restart) are lost — an accepted trade for a popularity counter that is not money. */
#define VIEW_SLOTS 64
#define VIEW_BATCH 50
#define VIEW_SECONDS 5
static struct { long long id, n; } g_views[VIEW_SLOTS];
static int g_nviews;
static long long g_pending;
static time_t g_last_flush;

static const char SQL_VIEWS_ADD[] = "UPDATE products SET views = views + ? WHERE id = ?";

void catalog_view(long long id) {
  if (!g_last_flush) g_last_flush = time(NULL);
  for (int i = 0; i < g_nviews; i++)
    if (g_views[i].id == id) {
      g_views[i].n++;
      g_pending++;
      return;
    }
  if (g_nviews == VIEW_SLOTS) return; /* full: dropped, the next flush empties the table */
  g_views[g_nviews].id = id;
  g_views[g_nviews++].n = 1;
  g_pending++;
}

NEOERR *catalog_views_flush(MYSQL *db, int force) {
  time_t now = time(NULL);
  if (!g_nviews) return STATUS_OK;
  if (!force && g_pending < VIEW_BATCH && g_nviews < VIEW_SLOTS && now - g_last_flush < VIEW_SECONDS) return STATUS_OK;
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < g_nviews && !err; i++)
    err = db_exec(db, SQL_VIEWS_ADD, DBA(DI(g_views[i].n), DI(g_views[i].id)), NULL, NULL);
  /* Cleared even on error: retrying a failing UPDATE on every request would only add load. */
  g_nviews = 0;
  g_pending = 0;
  g_last_flush = now;
  return nerr_pass(err);
}

/* ---- content: banners, ads, notices, activities ---- */
static const char SQL_BANNERS[] =
    "SELECT id, " TR("title", "title") ", image, link FROM banners WHERE " RUNNING " ORDER BY sort, id LIMIT ?";
static const char SQL_ADS[] =
    "SELECT id, " TR("title", "title") ", image, link FROM ads WHERE position = ? AND " RUNNING
                                       " ORDER BY sort, id LIMIT ?";
static const char SQL_NOTICES[] =
    "SELECT id, " TR("title", "title") ", pinned, DATE_FORMAT(published_at, '%Y-%m-%d') AS date"
                                       " FROM notices WHERE published_at <= NOW() ORDER BY pinned DESC, published_at "
                                       "DESC, id DESC LIMIT ? OFFSET ?";
static const char SQL_NOTICES_COUNT[] = "SELECT COUNT(*) FROM notices WHERE published_at <= NOW()";
static const char SQL_NOTICE[] = "SELECT id, " TR("title", "title") ", " TR(
    "body",
    "body") ", pinned,"
            " DATE_FORMAT(published_at, '%Y-%m-%d %H:%i') AS date FROM notices WHERE id = ? AND published_at <= NOW()";
#define ACT_STATE "CASE WHEN starts_at > NOW() THEN 'upcoming' WHEN ends_at <= NOW() THEN 'past' ELSE 'ongoing' END"
#define ACT_TAB                                                                                                        \
  " FROM activities WHERE (? = 'all' OR (? = 'ongoing' AND " RUNNING ") OR (? = 'upcoming' AND starts_at > NOW())"     \
  " OR (? = 'past' AND ends_at <= NOW()))"
#define ACT_COLS                                                                                                       \
  "SELECT id, " TR("title", "title") ", " TR(                                                                          \
      "summary",                                                                                                       \
      "summary") ", image, " ACT_STATE " AS state,"                                                                    \
                 " DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i') AS starts, DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i') AS ends"
static const char SQL_ACTIVITIES[] = ACT_COLS ACT_TAB " ORDER BY starts_at DESC, id DESC LIMIT ? OFFSET ?";
static const char SQL_ACTIVITIES_COUNT[] = "SELECT COUNT(*)" ACT_TAB;
static const char SQL_ACTIVITY[] = ACT_COLS ", " TR("rules", "rules") " FROM activities WHERE id = ?";
static const char SQL_ACTIVITY_PRODUCTS[] =
    CARD " FROM activity_products ap JOIN products p ON p.id = ap.product_id"
         " WHERE ap.activity_id = ? AND p.on_shelf = 1 ORDER BY p.in_stock DESC, ap.sort, p.id LIMIT 60";

NEOERR *content_banners(MYSQL *db, HDF *out, const char *prefix, const char *lang, int limit) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_BANNERS, DBA(DS(lang), DI(limit)), NULL));
}

NEOERR *content_ads(MYSQL *db, HDF *out, const char *prefix, const char *lang, const char *position, int limit) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_ADS, DBA(DS(lang), DS(position), DI(limit)), NULL));
}

NEOERR *content_notices(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long offset, int limit,
                        long long *total) {
  NEOERR *err = db_query_ll(db, SQL_NOTICES_COUNT, DB_NOARGS, total, NULL);
  if (err || *total <= offset) return nerr_pass(err);
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_NOTICES, DBA(DS(lang), DI(limit), DI(offset)), NULL));
}

NEOERR *content_notice_get(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_NOTICE, DBA(DS(lang), DS(lang), DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

NEOERR *content_activities(MYSQL *db, HDF *out, const char *prefix, const char *lang, const char *tab, long long offset,
                           int limit, long long *total) {
  NEOERR *err = db_query_ll(db, SQL_ACTIVITIES_COUNT, DBA(DS(tab), DS(tab), DS(tab), DS(tab)), total, NULL);
  if (err || *total <= offset) return nerr_pass(err);
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_ACTIVITIES,
                                DBA(DS(lang), DS(lang), DS(tab), DS(tab), DS(tab), DS(tab), DI(limit), DI(offset)),
                                NULL));
}

NEOERR *content_activity_get(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_ACTIVITY, DBA(DS(lang), DS(lang), DS(lang), DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

NEOERR *content_activity_products(MYSQL *db, HDF *out, const char *prefix, const char *lang, long long id) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_ACTIVITY_PRODUCTS, DBA(DS(lang), DI(id)), NULL));
}
