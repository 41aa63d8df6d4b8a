/* catalog_admin.h: back-office catalog — product, category and brand writes (audited) and admin lists (B2) */
#ifndef MALL_CATALOG_ADMIN_H
#define MALL_CATALOG_ADMIN_H
#include "neo.h"
#include <mysql.h>
#include "backoffice/audit.h"

#define CATALOG_LOW_STOCK 10           /* "low stock" filter and dashboard: stock at or below this */
#define CATALOG_MAX_POINTS 100000000LL /* one hundred million points */
#define CATALOG_MAX_FEN 100000000LL    /* one million yuan */
#define CATALOG_MAX_STOCK 10000000LL
#define CATALOG_MAX_LIMIT 10000

typedef enum {
  CATALOG_OK,
  CATALOG_NOT_FOUND,
  CATALOG_BAD_CATEGORY, /* unknown category */
  CATALOG_BAD_BRAND,
  CATALOG_BAD_MERCHANT,
  CATALOG_NEEDS_MERCHANT, /* voucher products belong to a merchant */
  CATALOG_STOCK_NEGATIVE, /* the stock change would take it below zero (orders took stock meanwhile) */
  CATALOG_BAD_PARENT,     /* a sub-category's parent must be a top-level category other than itself */
  CATALOG_HAS_CHILDREN,   /* cannot delete / move under another: it has sub-categories */
  CATALOG_HAS_PRODUCTS,   /* cannot delete: products use it */
} catalog_result;

/* Exact yuan → fen: "12", "12.3", "12.34" (no sign, no exponent, at most two decimals).
 * 0 ok, -1 not a price, -2 above max_fen. */
int catalog_parse_yuan(const char *s, long long max_fen, long long *fen);

/* ---- products ---- */
typedef struct {
  const char *q;    /* name contains (or the id), "" = any */
  long long cat;    /* 0 = any; a top-level category includes its children */
  long long brand;  /* 0 = any */
  const char *type; /* "" = any */
  int shelf;        /* -1 any, 0 off, 1 on */
  int low;          /* 1: stock <= CATALOG_LOW_STOCK */
} product_query;

/* Counts stop past this many (shown as "1000+"); numbered pages stop at CATALOG_ADMIN_OFFSET_PAGES, deeper ones seek
 * (?after=<the last id shown>). */
#define CATALOG_ADMIN_COUNT_CAP 1000
#define CATALOG_ADMIN_OFFSET_PAGES 20
/* Rows, newest first: id, type, name_zh, name_en, image, points_price, cash (yuan text), stock, initial_stock, sales,
 * on_shelf, category, brand, updated; *total exact up to CATALOG_ADMIN_COUNT_CAP, else CATALOG_ADMIN_COUNT_CAP + 1. */
NEOERR *catalog_admin_products(MYSQL *db, HDF *out, const char *prefix, const product_query *q, long long offset,
                               long long after, int limit, int *rows, long long *total);
/* Every column of one product (any shelf state), plus cash as yuan text. */
NEOERR *catalog_admin_product(MYSQL *db, HDF *out, const char *prefix, long long id, int *found);
/* prefix.N.{id,url} */
NEOERR *catalog_admin_product_images(MYSQL *db, HDF *out, const char *prefix, long long id);

typedef struct {
  const char *type;
  long long category_id, brand_id, merchant_id; /* brand/merchant 0 = none */
  const char *name_zh, *name_en, *summary_zh, *summary_en, *description_zh, *description_en;
  long long points_price, cash_fen;
  long long stock;     /* the stock the admin wants */
  long long stock_was; /* the stock the form showed: the change is stock - stock_was (orders may run meanwhile) */
  long long per_member_limit;
  long long member_day_cap; /* units one member may pay for per mall day (F2); 0 = no cap */
  int on_shelf;             /* create only; the shelf has its own action afterwards */
  const char *image;        /* a newly uploaded image (becomes the main one), NULL when none */
} product_fields;

/* Creates (id 0) or updates a product in one transaction with its audit entry, then reindexes it for search.
 * The caller bumps the catalog generation when *res is CATALOG_OK. */
NEOERR *catalog_product_save(MYSQL *db, const audit_actor *who, long long id, const product_fields *f,
                             catalog_result *res, long long *saved_id);
NEOERR *catalog_product_shelve(MYSQL *db, const audit_actor *who, long long id, int on_shelf, catalog_result *res);
/* Removes one gallery image; when it was the main image, the next one (or none) becomes main. */
NEOERR *catalog_product_image_remove(MYSQL *db, const audit_actor *who, long long product_id, long long image_id,
                                     catalog_result *res);

/* ---- categories and brands ---- */
/* Tree order (each parent followed by its children): id, parent_id, parent_name, name_zh, name_en, icon, sort,
 * products, children. */
NEOERR *catalog_admin_categories(MYSQL *db, HDF *out, const char *prefix, int *rows);
NEOERR *catalog_admin_category(MYSQL *db, HDF *out, const char *prefix, long long id, int *found);
typedef struct {
  long long parent_id; /* 0 = top level */
  const char *name_zh, *name_en, *icon;
  long long sort;
} category_fields;
NEOERR *catalog_category_save(MYSQL *db, const audit_actor *who, long long id, const category_fields *f,
                              catalog_result *res, long long *saved_id);
NEOERR *catalog_category_delete(MYSQL *db, const audit_actor *who, long long id, catalog_result *res);

/* id, name_zh, name_en, logo, sort, products */
NEOERR *catalog_admin_brands(MYSQL *db, HDF *out, const char *prefix, int *rows);
NEOERR *catalog_admin_brand(MYSQL *db, HDF *out, const char *prefix, long long id, int *found);
typedef struct {
  const char *name_zh, *name_en, *logo;
  long long sort;
} brand_fields;
NEOERR *catalog_brand_save(MYSQL *db, const audit_actor *who, long long id, const brand_fields *f, catalog_result *res,
                           long long *saved_id);
NEOERR *catalog_brand_delete(MYSQL *db, const audit_actor *who, long long id, catalog_result *res);

/* id, name (for the product form's merchant select) */
NEOERR *catalog_admin_merchants(MYSQL *db, HDF *out, const char *prefix);

#endif
