/* merchants_admin.h: the back office's merchant pages (B7) — accounts list and detail, audited enable / disable.
 * (Applications and settlements arrive with the merchant issue.) */
#ifndef MALL_MERCHANTS_ADMIN_H
#define MALL_MERCHANTS_ADMIN_H
#include "backoffice/audit.h"

/* q: part of the name ("" = all). Rows under prefix.N: id, name, phone, status, staff, products, created_at. */
NEOERR *merchants_admin_list(MYSQL *db, const char *q, long long offset, int limit, HDF *out, const char *prefix,
                             long long *total);
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
