/* catalog_admin.c: back-office catalog — product, category and brand writes (audited) and admin lists (B2) */
#include "catalog/catalog_admin_list.h"
#include "generations.h"
#include "catalog/search_index.h"
#include "catalog/catalog.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S0(x) ((x) ? (x) : "")

int catalog_parse_yuan(const char *s, long long max_fen, long long *fen) {
  long long yuan = 0, cents = 0;
  int digits = 0, decimals = 0;
  const char *p = s;
  if (!s || !*s) return -1;
  for (; *p >= '0' && *p <= '9'; p++, digits++) {
    if (digits >= 12) return -2;
    yuan = yuan * 10 + (*p - '0');
  }
  if (!digits) return -1;
  if (*p == '.') {
    for (p++; *p >= '0' && *p <= '9'; p++, decimals++) {
      if (decimals >= 2) return -1;
      cents = cents * 10 + (*p - '0');
    }
    if (!decimals) return -1;
    if (decimals == 1) cents *= 10;
  }
  if (*p) return -1;
  long long v = yuan * 100 + cents;
  if (v > max_fen) return -2;
  *fen = v;
  return 0;
}

#define YUAN(col) "CONCAT(" col " DIV 100, '.', LPAD(" col " MOD 100, 2, '0'))"

/* ---- product lists ---- */
/* The list's statement is shaped by the filters given (README "Lists"): the WHERE holds only those, and the most
 * selective scope names its index, read newest first and stopped at the page — a category's subtree (adm_root on the
 * materialised cat_root) or a sub-category (adm_cat), a brand, low stock (adm_low on the derived low_stock), a type,
 * a shelf state; none → PRIMARY. The other filters are checked on the rows that index reads. A name search gathers
 * its candidates from the Mroonga copy (every word of the text in the title: a superset of the names containing
 * it), then checks the names with LIKE, and sorts those — the one shape that sorts. Counts stop at
 * CATALOG_ADMIN_COUNT_CAP + 1. */
#if CATALOG_LOW_STOCK != 10
#error "schema 043 derives products.low_stock as stock <= 10"
#endif
#define PRODUCT_LIST_COLS                                                                                              \
  "SELECT p.id, p.type, p.name_zh, p.name_en, p.image, p.points_price, " YUAN("p.cash_price_fen") " AS cash,"          \
  " p.stock, p.initial_stock, p.sales, p.on_shelf, c.name_zh AS category, b.name_zh AS brand,"                         \
  " DATE_FORMAT(p.updated_at, '%Y-%m-%d %H:%i') AS updated"
static const char SQL_CAT_TOP[] = "SELECT parent_id IS NULL FROM categories WHERE id = ?";

/* LIKE treats % and _ as wildcards: a search for "100%" means those characters. */
static void like_pattern(const char *q, char *out, size_t len) {
  size_t o = 0;
  if (len < 3) {
    out[0] = 0;
    return;
  }
  out[o++] = '%';
  for (; *q && o + 3 < len; q++) {
    if (*q == '%' || *q == '_' || *q == '\\') out[o++] = '\\';
    out[o++] = *q;
  }
  out[o++] = '%';
  out[o] = 0;
}

void catalog_admin_products_stmt(const product_query *q, int cat_top, long long offset, long long after, int limit,
                                 int count, catalog_admin_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  const char *text = q->q ? q->q : "";
  long long idq = -1;
  if (*text && !text[strspn(text, "0123456789")] && strlen(text) <= 11) idq = strtoll(text, NULL, 10);
  int words = *text && catalog_search_query(text, out->bq, sizeof out->bq);
  like_pattern(text, out->like, sizeof out->like);
  list_stmt_add(&body, " FROM products p");
  if (words) {
    /* Candidates first (Mroonga), then products by primary key: no scope index can serve both. */
    list_stmt_arg(&body, " JOIN (SELECT product_id FROM product_search WHERE MATCH(title) AGAINST(? IN BOOLEAN MODE)",
                  DS(out->bq));
    if (idq >= 0) list_stmt_arg(&body, " UNION SELECT ?", DI(idq));
    list_stmt_add(&body, ") hit ON hit.product_id = p.id");
  } else {
    /* No search words (none, or a text of quotes only): the scope's index, the text checked on the rows it reads. */
    if (q->cat) list_stmt_add(&body, cat_top ? " FORCE INDEX (adm_root)" : " FORCE INDEX (adm_cat)");
    else if (q->brand) list_stmt_add(&body, " FORCE INDEX (adm_brand)");
    else if (q->low) list_stmt_add(&body, " FORCE INDEX (adm_low)");
    else if (*S0(q->type)) list_stmt_add(&body, " FORCE INDEX (adm_type)");
    else if (q->shelf >= 0) list_stmt_add(&body, " FORCE INDEX (adm_shelf)");
    else list_stmt_add(&body, " FORCE INDEX (PRIMARY)");
  }
  list_stmt_add(&body, " JOIN categories c ON c.id = p.category_id LEFT JOIN brands b ON b.id = p.brand_id WHERE 1 = 1");
  if (*text) {
    list_stmt_arg(&body, " AND (p.name_zh LIKE ?", DS(out->like));
    list_stmt_arg(&body, " OR p.name_en LIKE ?", DS(out->like));
    if (idq >= 0) list_stmt_arg(&body, " OR p.id = ?", DI(idq));
    list_stmt_add(&body, ")");
  }
  if (q->cat) list_stmt_arg(&body, cat_top ? " AND p.cat_root = ?" : " AND p.category_id = ?", DI(q->cat));
  if (q->brand) list_stmt_arg(&body, " AND p.brand_id = ?", DI(q->brand));
  if (q->low) list_stmt_add(&body, " AND p.low_stock = 1");
  if (*S0(q->type)) list_stmt_arg(&body, " AND p.type = ?", DS(q->type));
  if (q->shelf >= 0) list_stmt_arg(&body, " AND p.on_shelf = ?", DI(q->shelf));
  /* A count over a scope index reads it in the list's order and stops at the cap. */
  if (count && !words) list_stmt_add(&body, " ORDER BY p.id DESC");
  list_stmt_build(&out->st, &body, count, CATALOG_ADMIN_COUNT_CAP, PRODUCT_LIST_COLS, "p.id", offset, after, limit);
}

NEOERR *catalog_admin_products(MYSQL *db, HDF *out, const char *prefix, const product_query *q, long long offset,
                               long long after, int limit, int *rows, long long *total) {
  long long top = 0;
  catalog_admin_stmt st;
  *rows = 0;
  NEOERR *err = q->cat ? db_query_ll(db, SQL_CAT_TOP, DBA(DI(q->cat)), &top, NULL) : STATUS_OK;
  if (!err) catalog_admin_products_stmt(q, (int)top, 0, 0, 0, 1, &st);
  if (!err) err = db_query_ll(db, st.st.sql, st.st.p, st.st.n, total, NULL);
  if (err || (after <= 0 && *total <= offset)) return nerr_pass(err);
  catalog_admin_products_stmt(q, (int)top, offset, after, limit, 0, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.st.sql, st.st.p, st.st.n, rows));
}

#define PRODUCT_COLS                                                                                                   \
  "id, type, category_id, brand_id, merchant_id, name_zh, name_en, summary_zh, summary_en, description_zh,"            \
  " description_en, points_price, cash_price_fen, stock, initial_stock, per_member_limit, member_day_cap, image, on_shelf"
static const char SQL_PRODUCT[] =
    "SELECT " PRODUCT_COLS
    ", " YUAN("cash_price_fen") " AS cash, sales, initial_stock - stock AS taken FROM products WHERE id = ?";
static const char SQL_PRODUCT_SNAPSHOT[] = "SELECT " PRODUCT_COLS " FROM products WHERE id = ? FOR UPDATE";
static const char SQL_PRODUCT_IMAGES[] = "SELECT id, url FROM product_images WHERE product_id = ? ORDER BY sort, id";

NEOERR *catalog_admin_product(MYSQL *db, HDF *out, const char *prefix, long long id, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_PRODUCT, DBA(DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

NEOERR *catalog_admin_product_images(MYSQL *db, HDF *out, const char *prefix, long long id) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_PRODUCT_IMAGES, DBA(DI(id)), NULL));
}

/* ---- product writes ---- */
static const char SQL_CATEGORY_EXISTS[] = "SELECT COUNT(*) FROM categories WHERE id = ?";
static const char SQL_BRAND_EXISTS[] = "SELECT COUNT(*) FROM brands WHERE id = ?";
static const char SQL_MERCHANT_EXISTS[] = "SELECT COUNT(*) FROM merchants WHERE id = ?";
static const char SQL_PRODUCT_INSERT[] =
    "INSERT INTO products (type, category_id, brand_id, merchant_id, name_zh, name_en, summary_zh, summary_en,"
    " description_zh, description_en, points_price, cash_price_fen, stock, initial_stock, per_member_limit, image,"
    " on_shelf, member_day_cap) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_PRODUCT_UPDATE[] =
    "UPDATE products SET type = ?, category_id = ?, brand_id = ?, merchant_id = ?, name_zh = ?, name_en = ?,"
    " summary_zh = ?, summary_en = ?, description_zh = ?, description_en = ?, points_price = ?, cash_price_fen = ?,"
    " per_member_limit = ?, image = IF(? = '', image, ?), member_day_cap = ? WHERE id = ?";
/* Stock and initial stock move together, so initial − current still equals what paid orders took (I4). */
static const char SQL_PRODUCT_STOCK[] =
    "UPDATE products SET stock = stock + ?, initial_stock = initial_stock + ? WHERE id = ? AND stock + ? >= 0";
static const char SQL_IMAGE_INSERT[] =
    "INSERT INTO product_images (product_id, url, sort)"
    " SELECT ?, ?, IFNULL(MAX(sort), 0) + 1 FROM product_images WHERE product_id = ?";
static const char SQL_PRODUCT_SHELVE[] = "UPDATE products SET on_shelf = ? WHERE id = ?";
static const char SQL_IMAGE_URL[] = "SELECT url FROM product_images WHERE id = ? AND product_id = ?";
static const char SQL_IMAGE_DELETE[] = "DELETE FROM product_images WHERE id = ? AND product_id = ?";
static const char SQL_PRODUCT_MAIN_IMAGE[] =
    "UPDATE products p SET p.image = IFNULL((SELECT i.url FROM product_images i WHERE i.product_id = p.id"
    " ORDER BY i.sort, i.id LIMIT 1), '') WHERE p.id = ? AND p.image = ?";

static NEOERR *exists(MYSQL *db, const char *sql, long long id, int *yes) {
  long long n = 0;
  NEOERR *err = db_query_ll(db, sql, DBA(DI(id)), &n, NULL);
  *yes = n > 0;
  return nerr_pass(err);
}

typedef struct {
  const audit_actor *who;
  long long id;
  const product_fields *f;
  catalog_result res;
  long long saved;
  int on_shelf;
  long long image_id;
} product_tx;

static NEOERR *product_refs(MYSQL *db, const product_fields *f, catalog_result *res) {
  int ok = 0;
  NEOERR *err = exists(db, SQL_CATEGORY_EXISTS, f->category_id, &ok);
  if (!err && !ok) *res = CATALOG_BAD_CATEGORY;
  if (!err && ok && f->brand_id && !(err = exists(db, SQL_BRAND_EXISTS, f->brand_id, &ok)) && !ok)
    *res = CATALOG_BAD_BRAND;
  if (!err && ok && f->merchant_id && !(err = exists(db, SQL_MERCHANT_EXISTS, f->merchant_id, &ok)) && !ok)
    *res = CATALOG_BAD_MERCHANT;
  if (!err && ok && strcmp(f->type, "voucher") == 0 && !f->merchant_id) *res = CATALOG_NEEDS_MERCHANT;
  return nerr_pass(err);
}

static NEOERR *product_save_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  product_tx *t = arg;
  const product_fields *f = t->f;
  json_t *before = NULL, *after = NULL;
  t->res = CATALOG_OK;
  t->saved = t->id;
  NEOERR *err = STATUS_OK;
  if (t->id && !(err = audit_snapshot(db, SQL_PRODUCT_SNAPSHOT, t->id, &before)) && !before) t->res = CATALOG_NOT_FOUND;
  if (!err && t->res == CATALOG_OK) err = product_refs(db, f, &t->res);
  if (err || t->res != CATALOG_OK) goto done;
  dbp brand = f->brand_id ? DI(f->brand_id) : DNULL, merchant = f->merchant_id ? DI(f->merchant_id) : DNULL;
  const char *image = f->image ? f->image : "";
  if (!t->id) {
    err = db_exec(db, SQL_PRODUCT_INSERT,
                  DBA(DS(f->type), DI(f->category_id), brand, merchant, DS(f->name_zh), DS(f->name_en),
                      DS(f->summary_zh), DS(f->summary_en), DS(f->description_zh), DS(f->description_en),
                      DI(f->points_price), DI(f->cash_fen), DI(f->stock), DI(f->stock), DI(f->per_member_limit),
                      DS(image), DI(f->on_shelf ? 1 : 0), DI(f->member_day_cap)),
                  NULL, &t->saved);
  } else {
    err = db_exec(db, SQL_PRODUCT_UPDATE,
                  DBA(DS(f->type), DI(f->category_id), brand, merchant, DS(f->name_zh), DS(f->name_en),
                      DS(f->summary_zh), DS(f->summary_en), DS(f->description_zh), DS(f->description_en),
                      DI(f->points_price), DI(f->cash_fen), DI(f->per_member_limit), DS(image), DS(image),
                      DI(f->member_day_cap), DI(t->id)),
                  NULL, NULL);
    long long delta = f->stock - f->stock_was, changed = 0;
    if (!err && delta) {
      err = db_exec(db, SQL_PRODUCT_STOCK, DBA(DI(delta), DI(delta), DI(t->id), DI(delta)), &changed, NULL);
      if (!err && changed != 1) t->res = CATALOG_STOCK_NEGATIVE;
    }
  }
  if (!err && t->res == CATALOG_OK && f->image)
    err = db_exec(db, SQL_IMAGE_INSERT, DBA(DI(t->saved), DS(f->image), DI(t->saved)), NULL, NULL);
  if (!err && t->res == CATALOG_OK) err = audit_snapshot(db, SQL_PRODUCT_SNAPSHOT, t->saved, &after);
  if (!err && t->res == CATALOG_OK)
    err = audit_record(db, t->who, t->id ? "update" : "create", "product", t->saved, before, after);
  /* A refused stock change must leave nothing behind: the other columns were already updated. */
  if (!err && t->res != CATALOG_OK) err = nerr_raise(NERR_ASSERT, "refused");
done:
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

/* db_tx rolls back on any error: a refusal found mid-way travels as NERR_ASSERT and is turned back into *res. */
static NEOERR *run_tx(MYSQL *db, db_tx_fn fn, product_tx *t, catalog_result *res) {
  NEOERR *err = db_tx(db, fn, t);
  if (err && nerr_match(err, NERR_ASSERT) && t->res != CATALOG_OK) nerr_ignore(&err);
  *res = t->res;
  return nerr_pass(err);
}

NEOERR *catalog_product_save(MYSQL *db, const audit_actor *who, long long id, const product_fields *f,
                             catalog_result *res, long long *saved_id) {
  product_tx t = {.who = who, .id = id, .f = f};
  NEOERR *err = run_tx(db, product_save_tx, &t, res);
  *saved_id = t.saved;
  if (!err && *res == CATALOG_OK) err = search_reindex_product(db, t.saved);
  return nerr_pass(err);
}

static NEOERR *product_shelve_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  product_tx *t = arg;
  json_t *before = NULL, *after = NULL;
  t->res = CATALOG_OK;
  NEOERR *err = audit_snapshot(db, SQL_PRODUCT_SNAPSHOT, t->id, &before);
  if (!err && !before) t->res = CATALOG_NOT_FOUND;
  if (!err && before) err = db_exec(db, SQL_PRODUCT_SHELVE, DBA(DI(t->on_shelf), DI(t->id)), NULL, NULL);
  if (!err && before) err = audit_snapshot(db, SQL_PRODUCT_SNAPSHOT, t->id, &after);
  if (!err && before)
    err = audit_record(db, t->who, t->on_shelf ? "shelve" : "unshelve", "product", t->id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *catalog_product_shelve(MYSQL *db, const audit_actor *who, long long id, int on_shelf, catalog_result *res) {
  product_tx t = {.who = who, .id = id, .on_shelf = on_shelf ? 1 : 0};
  NEOERR *err = run_tx(db, product_shelve_tx, &t, res);
  if (!err && *res == CATALOG_OK) err = search_reindex_product(db, id);
  return nerr_pass(err);
}

static NEOERR *image_remove_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  product_tx *t = arg;
  json_t *before = NULL, *after = NULL;
  char url[256] = "";
  int found = 0;
  t->res = CATALOG_OK;
  NEOERR *err = audit_snapshot(db, SQL_PRODUCT_SNAPSHOT, t->id, &before);
  if (!err && before) err = db_query_str(db, SQL_IMAGE_URL, DBA(DI(t->image_id), DI(t->id)), url, sizeof url, &found);
  if (!err && (!before || !found)) t->res = CATALOG_NOT_FOUND;
  if (!err && found) err = db_exec(db, SQL_IMAGE_DELETE, DBA(DI(t->image_id), DI(t->id)), NULL, NULL);
  if (!err && found) err = db_exec(db, SQL_PRODUCT_MAIN_IMAGE, DBA(DI(t->id), DS(url)), NULL, NULL);
  if (!err && found) err = audit_snapshot(db, SQL_PRODUCT_SNAPSHOT, t->id, &after);
  if (!err && found) {
    json_object_set_new(before, "removed_image", json_string(url));
    err = audit_record(db, t->who, "remove-image", "product", t->id, before, after);
  }
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *catalog_product_image_remove(MYSQL *db, const audit_actor *who, long long product_id, long long image_id,
                                     catalog_result *res) {
  product_tx t = {.who = who, .id = product_id, .image_id = image_id};
  return nerr_pass(run_tx(db, image_remove_tx, &t, res));
}

/* ---- categories ---- */
static const char SQL_CATEGORIES[] =
    "SELECT c.id, c.parent_id, pc.name_zh AS parent_name, c.name_zh, c.name_en, c.icon, c.sort,"
    " (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id) AS products,"
    " (SELECT COUNT(*) FROM categories k WHERE k.parent_id = c.id) AS children"
    " FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id"
    " ORDER BY COALESCE(pc.sort, c.sort), COALESCE(c.parent_id, c.id), c.parent_id IS NOT NULL, c.sort, c.id";
static const char SQL_CATEGORY[] = "SELECT id, parent_id, name_zh, name_en, icon, sort FROM categories WHERE id = ?";
static const char SQL_CATEGORY_SNAPSHOT[] =
    "SELECT id, parent_id, name_zh, name_en, icon, sort FROM categories WHERE id = ? FOR UPDATE";
static const char SQL_CATEGORY_IS_TOP[] = "SELECT COUNT(*) FROM categories WHERE id = ? AND parent_id IS NULL";
static const char SQL_CATEGORY_CHILDREN[] = "SELECT COUNT(*) FROM categories WHERE parent_id = ?";
static const char SQL_CATEGORY_PRODUCTS[] = "SELECT COUNT(*) FROM products WHERE category_id = ?";
static const char SQL_CATEGORY_INSERT[] =
    "INSERT INTO categories (parent_id, name_zh, name_en, icon, sort) VALUES (?, ?, ?, ?, ?)";
static const char SQL_CATEGORY_UPDATE[] =
    "UPDATE categories SET parent_id = ?, name_zh = ?, name_en = ?, icon = ?, sort = ? WHERE id = ?";
static const char SQL_CATEGORY_REROOT[] = "UPDATE products SET cat_root = ? WHERE category_id = ? AND cat_root <> ?";
static const char SQL_CATEGORY_DELETE[] = "DELETE FROM categories WHERE id = ?";
/* Search text carries category names: the products in a renamed category are indexed again. */
static const char SQL_CATEGORY_PRODUCT_IDS[] =
    "SELECT p.id FROM products p JOIN categories c ON c.id = p.category_id WHERE c.id = ? OR c.parent_id = ?";
static const char SQL_BRAND_PRODUCT_IDS[] = "SELECT id FROM products WHERE brand_id = ?";

NEOERR *catalog_admin_categories(MYSQL *db, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_CATEGORIES, DB_NOARGS, rows));
}

NEOERR *catalog_admin_category(MYSQL *db, HDF *out, const char *prefix, long long id, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_CATEGORY, DBA(DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

typedef struct {
  const audit_actor *who;
  long long id;
  const category_fields *cf;
  const brand_fields *bf;
  catalog_result res;
  long long saved;
} taxonomy_tx;

static NEOERR *count(MYSQL *db, const char *sql, long long id, long long *n) {
  return nerr_pass(db_query_ll(db, sql, DBA(DI(id)), n, NULL));
}

static NEOERR *category_save_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  taxonomy_tx *t = arg;
  const category_fields *f = t->cf;
  json_t *before = NULL, *after = NULL;
  long long n = 0;
  t->res = CATALOG_OK;
  t->saved = t->id;
  NEOERR *err = STATUS_OK;
  if (t->id && !(err = audit_snapshot(db, SQL_CATEGORY_SNAPSHOT, t->id, &before)) && !before)
    t->res = CATALOG_NOT_FOUND;
  /* Two levels only: the parent must be top level, and a category with children stays top level. */
  if (!err && t->res == CATALOG_OK && f->parent_id) {
    if (f->parent_id == t->id) t->res = CATALOG_BAD_PARENT;
    else if (!(err = count(db, SQL_CATEGORY_IS_TOP, f->parent_id, &n)) && n == 0) t->res = CATALOG_BAD_PARENT;
    else if (!err && t->id && !(err = count(db, SQL_CATEGORY_CHILDREN, t->id, &n)) && n > 0)
      t->res = CATALOG_HAS_CHILDREN;
  }
  if (err || t->res != CATALOG_OK) goto done;
  dbp parent = f->parent_id ? DI(f->parent_id) : DNULL;
  if (!t->id)
    err = db_exec(db, SQL_CATEGORY_INSERT, DBA(parent, DS(f->name_zh), DS(f->name_en), DS(f->icon), DI(f->sort)), NULL,
                  &t->saved);
  else
    err = db_exec(db, SQL_CATEGORY_UPDATE,
                  DBA(parent, DS(f->name_zh), DS(f->name_en), DS(f->icon), DI(f->sort), DI(t->id)), NULL, NULL);
  /* The storefront reads a top category's subtree through products.cat_root (025_fast.sql): a category that moves
   * takes its products to the new root. */
  if (!err && t->id)
    err = db_exec(db, SQL_CATEGORY_REROOT, DBA(DI(f->parent_id ? f->parent_id : t->id), DI(t->id), DI(f->parent_id ? f->parent_id : t->id)), NULL, NULL);
  if (!err) err = audit_snapshot(db, SQL_CATEGORY_SNAPSHOT, t->saved, &after);
  if (!err) err = audit_record(db, t->who, t->id ? "update" : "create", "category", t->saved, before, after);
done:
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

/* One product whose search text names the category or brand (a row of the product ids statement). */
struct reindex {
  MYSQL *db;
  long long id;
};

static NEOERR *reindex_row(void *ctx, int row) {
  struct reindex *x = ctx;
  (void)row;
  return nerr_pass(search_reindex_product(x->db, x->id));
}

/* Reindexes the products whose search text names this category or brand (sql takes the id once or twice). */
static NEOERR *reindex_products(MYSQL *db, const char *sql, long long id, int twice) {
  struct reindex x = {db, 0};
  return nerr_pass(twice ? db_each(db, sql, DBA(DI(id), DI(id)), DCOLS(DCOL_LL(&x.id)), reindex_row, &x, NULL)
                         : db_each(db, sql, DBA(DI(id)), DCOLS(DCOL_LL(&x.id)), reindex_row, &x, NULL));
}

NEOERR *catalog_category_save(MYSQL *db, const audit_actor *who, long long id, const category_fields *f,
                              catalog_result *res, long long *saved_id) {
  taxonomy_tx t = {.who = who, .id = id, .cf = f};
  NEOERR *err = db_tx(db, category_save_tx, &t);
  *res = t.res;
  *saved_id = t.saved;
  if (!err && t.res == CATALOG_OK && id) err = reindex_products(db, SQL_CATEGORY_PRODUCT_IDS, id, 1);
  return nerr_pass(err);
}

static NEOERR *category_delete_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  taxonomy_tx *t = arg;
  json_t *before = NULL;
  long long n = 0;
  t->res = CATALOG_OK;
  NEOERR *err = audit_snapshot(db, SQL_CATEGORY_SNAPSHOT, t->id, &before);
  if (!err && !before) t->res = CATALOG_NOT_FOUND;
  if (!err && before && !(err = count(db, SQL_CATEGORY_CHILDREN, t->id, &n)) && n > 0) t->res = CATALOG_HAS_CHILDREN;
  if (!err && t->res == CATALOG_OK && !(err = count(db, SQL_CATEGORY_PRODUCTS, t->id, &n)) && n > 0)
    t->res = CATALOG_HAS_PRODUCTS;
  if (!err && t->res == CATALOG_OK) err = db_exec(db, SQL_CATEGORY_DELETE, DBA(DI(t->id)), NULL, NULL);
  if (!err && t->res == CATALOG_OK) err = audit_record(db, t->who, "delete", "category", t->id, before, NULL);
  json_decref(before);
  return nerr_pass(err);
}

NEOERR *catalog_category_delete(MYSQL *db, const audit_actor *who, long long id, catalog_result *res) {
  taxonomy_tx t = {.who = who, .id = id};
  NEOERR *err = db_tx(db, category_delete_tx, &t);
  *res = t.res;
  return nerr_pass(err);
}

/* ---- brands ---- */
static const char SQL_BRANDS[] =
    "SELECT b.id, b.name_zh, b.name_en, b.logo, b.sort,"
    " (SELECT COUNT(*) FROM products p WHERE p.brand_id = b.id) AS products FROM brands b ORDER BY b.sort, b.id";
static const char SQL_BRAND[] = "SELECT id, name_zh, name_en, logo, sort FROM brands WHERE id = ?";
static const char SQL_BRAND_SNAPSHOT[] = "SELECT id, name_zh, name_en, logo, sort FROM brands WHERE id = ? FOR UPDATE";
static const char SQL_BRAND_INSERT[] = "INSERT INTO brands (name_zh, name_en, logo, sort) VALUES (?, ?, ?, ?)";
static const char SQL_BRAND_UPDATE[] = "UPDATE brands SET name_zh = ?, name_en = ?, logo = ?, sort = ? WHERE id = ?";
static const char SQL_BRAND_PRODUCTS[] = "SELECT COUNT(*) FROM products WHERE brand_id = ?";
static const char SQL_BRAND_DELETE[] = "DELETE FROM brands WHERE id = ?";
static const char SQL_MERCHANTS[] = "SELECT id, name FROM merchants ORDER BY id";

NEOERR *catalog_admin_brands(MYSQL *db, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_BRANDS, DB_NOARGS, rows));
}

NEOERR *catalog_admin_brand(MYSQL *db, HDF *out, const char *prefix, long long id, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_BRAND, DBA(DI(id)), &rows);
  *found = rows > 0;
  return nerr_pass(err);
}

static NEOERR *brand_save_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  taxonomy_tx *t = arg;
  const brand_fields *f = t->bf;
  json_t *before = NULL, *after = NULL;
  t->res = CATALOG_OK;
  t->saved = t->id;
  NEOERR *err = STATUS_OK;
  if (t->id && !(err = audit_snapshot(db, SQL_BRAND_SNAPSHOT, t->id, &before)) && !before) t->res = CATALOG_NOT_FOUND;
  if (!err && t->res == CATALOG_OK) {
    if (!t->id)
      err =
          db_exec(db, SQL_BRAND_INSERT, DBA(DS(f->name_zh), DS(f->name_en), DS(f->logo), DI(f->sort)), NULL, &t->saved);
    else
      err = db_exec(db, SQL_BRAND_UPDATE, DBA(DS(f->name_zh), DS(f->name_en), DS(f->logo), DI(f->sort), DI(t->id)),
                    NULL, NULL);
    if (!err) err = audit_snapshot(db, SQL_BRAND_SNAPSHOT, t->saved, &after);
    if (!err) err = audit_record(db, t->who, t->id ? "update" : "create", "brand", t->saved, before, after);
  }
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *catalog_brand_save(MYSQL *db, const audit_actor *who, long long id, const brand_fields *f, catalog_result *res,
                           long long *saved_id) {
  taxonomy_tx t = {.who = who, .id = id, .bf = f};
  NEOERR *err = db_tx(db, brand_save_tx, &t);
  *res = t.res;
  *saved_id = t.saved;
  if (!err && t.res == CATALOG_OK && id) err = reindex_products(db, SQL_BRAND_PRODUCT_IDS, id, 0);
  return nerr_pass(err);
}

static NEOERR *brand_delete_tx(MYSQL *db, void *arg) {
  catalog_bump(); /* storefront pages show this: their row is raised with this transaction */
  taxonomy_tx *t = arg;
  json_t *before = NULL;
  long long n = 0;
  t->res = CATALOG_OK;
  NEOERR *err = audit_snapshot(db, SQL_BRAND_SNAPSHOT, t->id, &before);
  if (!err && !before) t->res = CATALOG_NOT_FOUND;
  if (!err && before && !(err = count(db, SQL_BRAND_PRODUCTS, t->id, &n)) && n > 0) t->res = CATALOG_HAS_PRODUCTS;
  if (!err && t->res == CATALOG_OK) err = db_exec(db, SQL_BRAND_DELETE, DBA(DI(t->id)), NULL, NULL);
  if (!err && t->res == CATALOG_OK) err = audit_record(db, t->who, "delete", "brand", t->id, before, NULL);
  json_decref(before);
  return nerr_pass(err);
}

NEOERR *catalog_brand_delete(MYSQL *db, const audit_actor *who, long long id, catalog_result *res) {
  taxonomy_tx t = {.who = who, .id = id};
  NEOERR *err = db_tx(db, brand_delete_tx, &t);
  *res = t.res;
  return nerr_pass(err);
}

NEOERR *catalog_admin_merchants(MYSQL *db, HDF *out, const char *prefix) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_MERCHANTS, DB_NOARGS, NULL));
}
