/* vouchers.c: /vouchers list, /voucher/{no} printable voucher (inline SVG QR), /voucher/{no}/qr.png */
#include "mall_vouchers.h"
#include "config.h"
#include "shared/qr.h"
#include "merchants/vouchers.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QR_PNG_SCALE 8

/* The site's absolute address for the QR: MALL_PUBLIC_URL when set (behind a proxy), else the request's
 * Host header — only when it looks like a host name, so a forged header cannot put markup in the URL. */
static void public_base(req *r, char *buf, size_t len) {
  const char *env = getenv("MALL_PUBLIC_URL");
  if (env && (strncmp(env, "http://", 7) == 0 || strncmp(env, "https://", 8) == 0) && strlen(env) < 200) {
    snprintf(buf, len, "%s", env);
    return;
  }
  const char *host = hdf_get_value(r->hdf, "HTTP.Host", "");
  int ok = *host && strlen(host) < 200;
  for (const char *p = host; ok && *p; p++) ok = isalnum((unsigned char)*p) || strchr(".-:[]", *p);
  snprintf(buf, len, "%s://%s", g_cfg.https ? "https" : "http", ok ? host : "localhost");
}

/* Loads the member's voucher and its verification URL; 404 page (and *found = 0) for unknown or another's. */
static NEOERR *load(req *r, char *url, size_t len, int *found) {
  NEOERR *err = voucher_get(r->db, r->user_id, req_arg(r, 0), r->hdf, "Voucher", found);
  if (err) return nerr_pass(err);
  if (!*found) return nerr_pass(req_fail(r, 404));
  char base[256];
  public_base(r, base, sizeof base);
  voucher_verify_url(base, hdf_get_value(r->hdf, "Voucher.no", ""), hdf_get_value(r->hdf, "Voucher.password", ""), url,
                     len);
  return STATUS_OK;
}

/* GET /vouchers → 200 the member's vouchers, newest first */
NEOERR *h_vouchers(req *r) {
  r->template = "mall/vouchers/list.cs";
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Voucher.List.Title"));
  if (!err) err = vouchers_of_member(r->db, r->user_id, r->hdf, "Vouchers", NULL);
  return nerr_pass(err);
}

/* GET /voucher/{no} → 200 printable voucher with password and QR; 404 unknown or another member's */
NEOERR *h_voucher(req *r) {
  char url[400];
  int found = 0;
  r->no_cache = 1;
  NEOERR *err = load(r, url, sizeof url, &found);
  if (err || !found) return nerr_pass(err);
  r->template = "mall/vouchers/voucher.cs";
  err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Voucher.Title"));
  if (!err) err = hdf_set_value(r->hdf, "Voucher.url", url);
  if (!err) err = qr_to_hdf(url, r->hdf, "Qr");
  return nerr_pass(err);
}

/* GET /voucher/{no}/qr.png → 200 image/png (private, no-store); 404 unknown or another member's */
NEOERR *h_voucher_qr_png(req *r) {
  char url[400];
  int found = 0;
  NEOERR *err = load(r, url, sizeof url, &found);
  if (err || !found) return nerr_pass(err);
  unsigned char *png = NULL;
  size_t len = 0;
  if (qr_png(url, QR_PNG_SCALE, &png, &len) != 0) return nerr_raise(NERR_ASSERT, "QR PNG failed");
  err = string_appendn(&r->body, (const char *)png, (int)len);
  free(png);
  r->content_type = "image/png";
  return nerr_pass(err);
}

NEOERR *mall_order_vouchers(req *r, long long order_id, int *redeemed) {
  int rows = 0;
  *redeemed = 0;
  NEOERR *err = vouchers_of_order(r->db, r->user_id, order_id, r->hdf, "Vouchers", &rows);
  for (int i = 0; !err && i < rows; i++)
    if (strcmp(hdf_get_valuef(r->hdf, "Vouchers.%d.status", i) ?: "", "redeemed") == 0) (*redeemed)++;
  return nerr_pass(err);
}
