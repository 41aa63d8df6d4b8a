/* verify.c: voucher verification (V5) — number + password (typed, or pre-filled from the QR's URL) →
 * details → confirm → redeemed once; wrong attempts rate limited per account */
#include "mch_verify.h"
#include "merchants/merchant_orders.h"
#include "merchants/vouchers.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define T_FORM "merchant/verify/form.cs"
#define T_CONFIRM "merchant/verify/confirm.cs"
#define T_DONE "merchant/verify/done.cs"
#define RECENT 10

static const in_field F_VOUCHER[] = {
    {"no", IN_STR, IN_REQUIRED, 1, 32, NULL},
    {"pw", IN_STR, IN_REQUIRED, 1, 32, NULL},
};

static long long user_id(req *r) { return r->user_id; }

static NEOERR *show_form(req *r) {
  int rows = 0;
  r->template = T_FORM;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "MchPortal.Verify.Title"));
  if (!err) err = merchant_attempts_recent(r->db, merchant_id_of(r), RECENT, r->hdf, "Attempts", &rows);
  return nerr_pass(err);
}

/* The outcome box over the form: Outcome.{code,text}; wrong passwords say how many tries are left. */
static NEOERR *outcome(req *r, const char *code, const voucher_outcome *o) {
  char key[80], msg[400], tries[24];
  snprintf(key, sizeof key, "MchPortal.Verify.Outcome.%s", code);
  snprintf(tries, sizeof tries, "%d", o ? o->tries_left : 0);
  /* {n}: the tries left after a wrong password, or when an already used voucher was redeemed. */
  const char *mark[] = {"{n}"};
  const char *value[] = {strcmp(code, "wrong") == 0                                ? tries
                             : strcmp(code, "used") == 0 && o && o->redeemed_at[0] ? o->redeemed_at
                                                                                   : "-"};
  if (strcmp(code, "wrong") == 0 || strcmp(code, "used") == 0) req_text_fill(r, key, mark, value, 1, msg, sizeof msg);
  else snprintf(msg, sizeof msg, "%s", req_text(r, key));
  NEOERR *err = hdf_set_value(r->hdf, "Outcome.code", code);
  if (!err) err = hdf_set_value(r->hdf, "Outcome.text", msg);
  return nerr_pass(err);
}

/* Refuses (429, logged as "limited") when this account made too many wrong attempts lately. */
static NEOERR *limited(req *r, const char *no, int *yes) {
  NEOERR *err = merchant_verify_limited(r->db, merchant_id_of(r), user_id(r), no, req_client_ip(r), yes);
  if (!err && *yes) {
    r->status = 429;
    err = outcome(r, "limited", NULL);
  }
  return nerr_pass(err);
}

/* GET /merchant/verify?no=&pw= → the form, pre-filled from the QR's URL; nothing is checked or logged. */
NEOERR *h_mch_verify_form(req *r) {
  static const in_field F[] = {
      {"no", IN_STR, 0, 1, 32, NULL},
      {"pw", IN_STR, 0, 1, 32, NULL},
  };
  in_value v[2];
  if (input_read(r, F, 2, v)) hdf_remove_tree(r->hdf, "Form");
  return nerr_pass(show_form(r));
}

/* POST /merchant/verify: no, pw → 200 the voucher's details with a confirm button; 200 the form with the
 * outcome (unknown / wrong password with tries left / locked / used / voided / expired); 429 limited. */
NEOERR *h_mch_verify_check(req *r) {
  in_value v[2];
  NEOERR *err = show_form(r);
  if (err || input_read(r, F_VOUCHER, 2, v)) return nerr_pass(err);
  int lim = 0;
  if ((err = limited(r, v[0].s, &lim)) || lim) return nerr_pass(err);
  voucher_outcome o;
  HDF *d = NULL;
  if ((err = hdf_init(&d))) return nerr_pass(err);
  err = voucher_check(r->db, merchant_id_of(r), user_id(r), v[0].s, v[1].s, req_client_ip(r), d, "V", &o);
  if (!err && o.result == VOUCHER_OK) {
    r->template = T_CONFIRM;
    err = hdf_copy(r->hdf, "Voucher", hdf_get_obj(d, "V.0"));
  } else if (!err) {
    err = outcome(r, voucher_result_code(o.result), &o);
    /* The right password on a used/expired voucher: show what it is, so staff can explain. */
    if (!err && hdf_get_obj(d, "V.0")) err = hdf_copy(r->hdf, "Voucher", hdf_get_obj(d, "V.0"));
  }
  hdf_destroy(&d);
  return nerr_pass(err);
}

/* POST /merchant/verify/redeem: no, pw → 303 /merchant/verify/done?no=… when this request redeemed it;
 * else 200 the form with the outcome ("already used at …" for the loser of two confirms); 429 limited. */
NEOERR *h_mch_verify_redeem(req *r) {
  in_value v[2];
  NEOERR *err = show_form(r);
  if (err || input_read(r, F_VOUCHER, 2, v)) return nerr_pass(err);
  int lim = 0;
  if ((err = limited(r, v[0].s, &lim)) || lim) return nerr_pass(err);
  voucher_outcome o;
  err = voucher_redeem(r->db, merchant_id_of(r), user_id(r), v[0].s, v[1].s, req_client_ip(r), &o);
  if (err) return nerr_pass(err);
  if (o.result != VOUCHER_OK) {
    if (o.result == VOUCHER_USED) r->status = 409;
    return nerr_pass(outcome(r, voucher_result_code(o.result), &o));
  }
  /* The number as the domain matched it (leading blanks dropped, up to a blank, upper case): a real
   * voucher number, so it is safe in the URL. */
  char to[96], no[33];
  const char *c = v[0].s;
  size_t k = 0;
  while (isspace((unsigned char)*c)) c++;
  for (; *c && !isspace((unsigned char)*c) && k < sizeof no - 1; c++) no[k++] = (char)toupper((unsigned char)*c);
  no[k] = 0;
  snprintf(to, sizeof to, "/merchant/verify/done?no=%s", no);
  req_redirect(r, to);
  return STATUS_OK;
}

/* GET /merchant/verify/done?no= → the receipt of a redeemed voucher of this merchant; 404 otherwise. */
NEOERR *h_mch_verify_done(req *r) {
  static const in_field F[] = {{"no", IN_STR, IN_REQUIRED, 1, 32, NULL}};
  in_value v;
  if (input_read(r, F, 1, &v)) return nerr_pass(req_fail(r, 404));
  int found = 0;
  NEOERR *err = merchant_voucher_get(r->db, merchant_id_of(r), v.s, r->hdf, "Voucher", &found);
  if (err) return nerr_pass(err);
  if (!found || strcmp(hdf_get_value(r->hdf, "Voucher.status", ""), "redeemed") != 0) {
    hdf_remove_tree(r->hdf, "Voucher");
    return nerr_pass(req_fail(r, 404));
  }
  r->template = T_DONE;
  r->no_cache = 1;
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", req_text(r, "MchPortal.Verify.DoneTitle")));
}
