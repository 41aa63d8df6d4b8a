/* terminal.c: the merchant terminal (V8) — card number + points → member types the payment password → receipt */
#include "mch_terminal.h"
#include "blocked.h"
#include "merchants/cards.h"
#include "crypto.h"
#include "shared/throttle.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T_START "merchant/terminal/start.cs"
#define T_CONFIRM "merchant/terminal/confirm.cs"
#define T_RECEIPT "merchant/terminal/receipt.cs"
#define RECENT 10

static const in_field F_CARD = {"card_no", IN_DIGITS, IN_REQUIRED, CARD_NO_DIGITS, CARD_NO_DIGITS, NULL};
static const in_field F_POINTS = {"points", IN_INT, IN_REQUIRED, 1, CARD_PAY_MAX_POINTS, NULL};

static long long account_id(req *r) { return r->user_id; }

/* Wrong payment passwords per merchant account: each card locks after 5 of its own, and this stops one
 * account from guessing its way through many cards (at most 4 counted per card before it locks). */
#define WRONG_SCOPE "terminal_wrong"
#define WRONG_LIMIT 20
#define WRONG_WINDOW (15 * 60)

/* {n} in a language string filled with a number, as the page's error flash. */
static NEOERR *flash_n(req *r, int status, const char *lang_key, long long n) {
  char msg[600];
  r->status = status;
  return nerr_pass(req_flash_text(r, req_text_n(r, lang_key, n, msg, sizeof msg)));
}

/* Binds the confirm form's card, amount and receipt number to this account, so none can be swapped. */
static void form_sig(req *r, const char *card_no, long long points, const char *receipt, char out[65]) {
  char msg[160];
  snprintf(msg, sizeof msg, "terminal|%lld|%lld|%s|%lld|%s", merchant_id_of(r), account_id(r), card_no, points,
           receipt);
  crypto_hmac_hex(msg, out);
}

static NEOERR *start_page(req *r) {
  int rows = 0;
  r->template = T_START;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Terminal.Title"));
  if (!err) err = hdf_set_valuef(r->hdf, "Terminal.Max=%d", CARD_PAY_MAX_POINTS);
  if (!err) err = card_merchant_payments(r->db, merchant_id_of(r), RECENT, r->hdf, "Payments", &rows);
  return nerr_pass(err);
}

/* GET /merchant/terminal → 200 card number + amount form, and this merchant's latest payments. */
NEOERR *h_mch_terminal(req *r) { return nerr_pass(start_page(r)); }

static NEOERR *confirm_page(req *r, const char *card_no, long long points, const char *receipt, const char *masked) {
  char sig[65];
  form_sig(r, card_no, points, receipt, sig);
  r->template = T_CONFIRM;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Terminal.ConfirmTitle"));
  if (!err) err = hdf_set_value(r->hdf, "Pay.CardNo", card_no);
  if (!err) err = hdf_set_value(r->hdf, "Pay.CardMasked", masked);
  if (!err) err = hdf_set_valuef(r->hdf, "Pay.Points=%lld", points);
  if (!err) err = hdf_set_value(r->hdf, "Pay.Receipt", receipt);
  if (!err) err = hdf_set_value(r->hdf, "Pay.Sig", sig);
  return nerr_pass(err);
}

/* POST /merchant/terminal: card_no, points → 200 the confirm page where the member types the payment
 * password; 400 bad input or unknown card; 409 no payment password / frozen; 423 locked; 403 the shop's IP, this
 * account or the card's member is blacklisted. */
NEOERR *h_mch_terminal_start(req *r) {
  in_value v[2];
  NEOERR *err = start_page(r);
  if (err) return nerr_pass(err);
  int bad = input_read(r, &F_CARD, 1, &v[0]) + input_read(r, &F_POINTS, 1, &v[1]);
  if (bad) {
    if (hdf_get_obj(r->hdf, "Form.Errors.card_no")) req_form_error(r, "card_no", "Terminal.BadCard");
    if (hdf_get_obj(r->hdf, "Form.Errors.points")) req_form_error(r, "points", "Terminal.BadPoints");
    r->status = 400;
    return nerr_pass(req_form_error(r, NULL, "Terminal.FixErrors"));
  }
  int found = 0, blocked = 0;
  HDF *h = NULL;
  if ((err = hdf_init(&h))) return nerr_pass(err);
  err = card_lookup(r->db, v[0].s, h, "C", &found);
  /* The cashier's account, the shop's IP and the card's member: any of them blacklisted stops the payment. */
  const char *holder = hdf_get_value(h, "C.0.mobile", NULL), *cashier = hdf_get_value(r->hdf, "User.Name", "");
  if (!err) err = req_blacklist_guard(r, holder, cashier, &blocked);
  if (err || blocked) {
    hdf_destroy(&h);
    return nerr_pass(err);
  }
  if (!found) {
    r->status = 400;
    err = req_form_error(r, "card_no", "Terminal.NoCard");
  } else if (!err && strcmp(hdf_get_value(h, "C.0.status", ""), "active")) {
    err = flash_n(r, 409, "Terminal.Frozen", 0);
  } else if (!err && !hdf_get_int_value(h, "C.0.has_password", 0)) {
    err = flash_n(r, 409, "Terminal.NoPassword", 0);
  } else if (!err && hdf_get_int_value(h, "C.0.locked", 0)) {
    err = flash_n(r, 423, "Terminal.Locked", strtoll(hdf_get_value(h, "C.0.locked_minutes", "1"), NULL, 10));
  } else if (!err) {
    char receipt[CARD_RECEIPT_LEN + 1];
    err = card_new_receipt(r->db, receipt);
    if (!err) err = confirm_page(r, v[0].s, v[1].i, receipt, hdf_get_value(h, "C.0.card_masked", ""));
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}

/* POST /merchant/terminal/pay: card_no, points, receipt, sig, password → 303 the receipt (a repeat of
 * a paid confirmation too, paying nothing); 400 wrong password (confirm page again) or tampered form;
 * 409 insufficient points / frozen / no password; 423 locked; 429 this account typed too many wrong
 * passwords lately (WRONG_LIMIT in WRONG_WINDOW, on any cards); 403 blacklisted (IP, account, card's member). */
NEOERR *h_mch_terminal_pay(req *r) {
  static const in_field F[] = {
      {"receipt", IN_DIGITS, IN_REQUIRED, CARD_RECEIPT_LEN, CARD_RECEIPT_LEN, NULL},
      {"sig", IN_STR, IN_REQUIRED, 64, 64, NULL},
      {"password", IN_STR, 0, 0, 64, NULL},
  };
  in_value v[2], w[3];
  int bad = input_read(r, &F_CARD, 1, &v[0]) + input_read(r, &F_POINTS, 1, &v[1]) + input_read(r, F, 3, w);
  char sig[65];
  if (!bad) form_sig(r, v[0].s, v[1].i, w[0].s, sig);
  if (bad || !crypto_equal(sig, w[1].s)) return nerr_pass(req_fail(r, 400));
  HDF *h = NULL;
  int found = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = card_lookup(r->db, v[0].s, h, "C", &found);
  int blocked = 0;
  const char *holder = hdf_get_value(h, "C.0.mobile", NULL), *cashier = hdf_get_value(r->hdf, "User.Name", "");
  if (!err) err = req_blacklist_guard(r, holder, cashier, &blocked);
  if (!err && !blocked) err = confirm_page(r, v[0].s, v[1].i, w[0].s, hdf_get_value(h, "C.0.card_masked", ""));
  hdf_destroy(&h);
  if (err || blocked) return nerr_pass(err);
  if (!w[2].present || !w[2].s[0]) {
    r->status = 400;
    return nerr_pass(req_form_error(r, "password", "Terminal.PasswordNeeded"));
  }
  char account[24];
  long long left = 0;
  snprintf(account, sizeof account, "%lld", account_id(r));
  long long attempt = 0;
  if ((err = throttle_take(r->db, WRONG_SCOPE, account, WRONG_LIMIT, WRONG_WINDOW, &left, &attempt)))
    return nerr_pass(err);
  if (left) return nerr_pass(flash_n(r, 429, "Terminal.AccountLimited", (left + 59) / 60));
  card_payment p = {
      .card_no = v[0].s,
      .points = v[1].i,
      .password = w[2].s,
      .receipt_no = w[0].s,
      .merchant_id = merchant_id_of(r),
      .merchant_user_id = account_id(r),
      .merchant_name = hdf_get_value(r->hdf, "User.Merchant", ""),
  };
  card_outcome o;
  if ((err = card_pay(r->db, &p, &o))) return nerr_pass(err);
  /* Only a wrong password keeps counting against this account. */
  if (o.result != CARD_WRONG && (err = throttle_forget(r->db, attempt))) return nerr_pass(err);
  char to[96];
  switch (o.result) {
  case CARD_OK:
    snprintf(to, sizeof to, "/merchant/terminal/receipt/%s%s", w[0].s, o.repeated ? "?again=1" : "");
    req_redirect(r, to);
    return STATUS_OK;
  case CARD_WRONG:
    if ((err = throttle_prune(r->db, WRONG_SCOPE, 2 * WRONG_WINDOW))) return nerr_pass(err);
    r->status = 400;
    return nerr_pass(flash_n(r, 400, "Terminal.WrongPassword", o.tries_left));
  case CARD_LOCKED: return nerr_pass(flash_n(r, 423, "Terminal.Locked", o.locked_minutes));
  case CARD_FROZEN: return nerr_pass(flash_n(r, 409, "Terminal.Frozen", 0));
  case CARD_NO_PASSWORD: return nerr_pass(flash_n(r, 409, "Terminal.NoPassword", 0));
  case CARD_INSUFFICIENT: return nerr_pass(flash_n(r, 409, "Terminal.Insufficient", 0));
  case CARD_RECEIPT_TAKEN: return nerr_pass(req_fail(r, 409));
  default: return nerr_pass(flash_n(r, 400, "Terminal.NoCard", 0));
  }
}

/* GET /merchant/terminal/receipt/{no}?again=1 → 200 this merchant's receipt; 404 unknown or another
 * merchant's (indistinguishable). */
NEOERR *h_mch_terminal_receipt(req *r) {
  static const in_field F[] = {{"again", IN_ENUM, 0, 0, 0, "1"}};
  in_value v[1];
  const char *no = req_arg(r, 0);
  int found = 0;
  if (strlen(no) != CARD_RECEIPT_LEN) return nerr_pass(req_fail(r, 404));
  NEOERR *err = card_receipt_merchant(r->db, merchant_id_of(r), no, r->hdf, "Receipt", &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  r->template = T_RECEIPT;
  r->no_cache = 1;
  if (!input_read(r, F, 1, v) && v[0].present)
    err = hdf_set_value(r->hdf, "Page.Notice", req_text(r, "Terminal.Again"));
  hdf_remove_tree(r->hdf, "Form");
  if (!err) err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Terminal.Receipt.Title"));
  return nerr_pass(err);
}
