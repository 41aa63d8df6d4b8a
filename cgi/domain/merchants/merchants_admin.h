/* merchants_admin.h: the back office's merchant pages (B7) — accounts list and detail, audited enable / disable.
 * (Applications and settlements arrive with the merchant issue.) */
#ifndef MALL_MERCHANTS_ADMIN_H
#define MALL_MERCHANTS_ADMIN_H
#include "backoffice/audit.h"
#include "shared/list_stmt.h"

/* Counts stop past this many (shown as "1000+"); numbered pages stop at MERCHANTS_ADMIN_OFFSET_PAGES, deeper ones
 * seek (?after=<the last id shown>). */
#define MERCHANTS_ADMIN_COUNT_CAP 1000
#define MERCHANTS_ADMIN_OFFSET_PAGES 20
/* The list's statement (count 1: its bounded count); after > 0 seeks past that id (offset unused). */
void merchants_admin_list_stmt(const char *q, long long offset, long long after, int limit, int count, list_stmt *out);
/* q: part of the name ("" = all). Rows in id order under prefix.N: id, name, phone, status, staff, products,
 * created_at; *total exact up to MERCHANTS_ADMIN_COUNT_CAP, else MERCHANTS_ADMIN_COUNT_CAP + 1. */
NEOERR *merchants_admin_list(MYSQL *db, const char *q, long long offset, long long after, int limit, HDF *out,
                             const char *prefix, int *rows, long long *total);
/* id, name, address, phone, status, created_at; *found = 0 when unknown. */
NEOERR *merchants_admin_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found);
/* Staff accounts (merchant_users): id, username, role, status, created_at. */
NEOERR *merchants_admin_staff(MYSQL *db, long long id, HDF *out, const char *prefix);
/* Its voucher products: id, name, points_price, stock, on_shelf. */
NEOERR *merchants_admin_products(MYSQL *db, long long id, HDF *out, const char *prefix);
/* status "active" / "disabled", in one db_tx with its audit entry. *found = 0 for an unknown merchant;
 * *changed = 0 when it already had that status (nothing written). */
NEOERR *merchants_admin_set_status(MYSQL *db, const audit_actor *who, long long id, const char *status, int *found,
                                   int *changed);

#endif
