/* card.c: the member card (A8) — card number and QR, payment password set / change / reset, receipts */
#include "blocked.h"
#include "mall_card.h"
#include "merchants/cards.h"
#include "shared/qr.h"
#include "shared/sms.h"
#include <stdio.h>
#include <string.h>

#define T_CARD "mall/card/card.cs"
#define T_RECEIPT "mall/card/receipt.cs"
#define RECENT_PAYMENTS 10

/* {n} in a language string filled with a number. */
static NEOERR *text_n(req *r, const char *hdf_key, const char *lang_key, long long n, int error) {
  char msg[600];
  req_text_n(r, lang_key, n, msg, sizeof msg);
  NEOERR *err = error ? hdf_set_value(r->hdf, "Form.HasErrors", "1") : STATUS_OK;
  if (!err) err = hdf_set_value(r->hdf, hdf_key, msg);
  return nerr_pass(err);
}

/* The card page with its data; forms posting here re-render it with their messages. */
static NEOERR *card_page(req *r) {
  char no[CARD_NO_DIGITS + 1];
  int rows = 0;
  r->template = T_CARD;
  r->no_cache = 1;
  NEOERR *err = hdf_set_value(r->hdf, "Page.Title", req_text(r, "Card.Title"));
  if (!err) err = hdf_set_value(r->hdf, "Center.Tab", "card");
  if (!err) err = card_ensure(r->db, r->user_id, no);
  if (!err) err = card_state(r->db, r->user_id, r->hdf, "Card");
  if (!err) {
    char spaced[CARD_NO_DIGITS + 4];
    snprintf(spaced, sizeof spaced, "%.4s %.4s %.4s %.4s", no, no + 4, no + 8, no + 12);
    err = hdf_set_value(r->hdf, "Card.Spaced", spaced);
  }
  /* The QR holds the card number only: the terminal's scanner types it into the card field. */
  if (!err) err = qr_to_hdf(no, r->hdf, "Card.Qr");
  if (!err) err = card_member_payments(r->db, r->user_id, RECENT_PAYMENTS, r->hdf, "Payments", &rows);
  if (!err) err = hdf_set_valuef(r->hdf, "Card.MaxFailures=%d", CARD_PAY_MAX_FAILURES);
  if (!err) err = hdf_set_valuef(r->hdf, "Card.LockMinutes=%d", CARD_PAY_LOCK_MINUTES);
  return nerr_pass(err);
}

/* GET /card?done=set|changed → 200 the card, its password state and recent offline payments. */
NEOERR *h_card(req *r) {
  static const in_field F[] = {{"done", IN_ENUM, 0, 0, 0, "set|changed"}};
  in_value v[1];
  NEOERR *err = card_page(r);
  if (err) return nerr_pass(err);
  if (input_read(r, F, 1, v)) {
    /* A stale or hand-made ?done= is not worth an error. */
    hdf_remove_tree(r->hdf, "Form.Errors");
    hdf_remove_tree(r->hdf, "Form.HasErrors");
  } else if (v[0].present) {
    err = hdf_set_value(r->hdf, "Page.Notice",
                        req_text(r, strcmp(v[0].s, "set") == 0 ? "Card.Done.Set" : "Card.Done.Changed"));
  }
  return nerr_pass(err);
}

/* POST /card/code → 200 the card page with "code sent" (Card.CodeSent); 429 cooldown / daily cap; 403 blacklisted. */
NEOERR *h_card_code(req *r) {
  int blocked = 0;
  NEOERR *err = req_blacklist_guard(r, hdf_get_value(r->hdf, "User.Mobile", ""), NULL, &blocked);
  if (err || blocked) return nerr_pass(err);
  req_blacklist_event(r, BL_EVENT_SMS_CODE, hdf_get_value(r->hdf, "User.Mobile", ""), NULL);
  if ((err = card_page(r))) return nerr_pass(err);
  sms_send_result s;
  memset(&s, 0, sizeof s);
  if ((err = sms_code_send(r->db, hdf_get_value(r->hdf, "User.Mobile", ""), "paypw", "", &s))) return nerr_pass(err);
  if ((err = hdf_set_value(r->hdf, "Card.Sent", "1"))) return nerr_pass(err);
  switch (s.status) {
  case SMS_SEND_OK: return nerr_pass(hdf_set_value(r->hdf, "Page.Notice", req_text(r, "Card.CodeSent")));
  case SMS_SEND_COOLDOWN:
    r->status = 429;
    return nerr_pass(text_n(r, "Page.Flash", "Card.CodeCooldown", s.seconds_left, 1));
  case SMS_SEND_DAILY_CAP: r->status = 429; return nerr_pass(req_form_error(r, NULL, "Card.CodeDailyCap"));
  default: r->status = 503; return nerr_pass(req_form_error(r, NULL, "Card.CodeSendFailed"));
  }
}

/* New password + confirmation: weak ones and mismatches get a message beside the field. */
static int check_new(req *r, const in_value *pw, const in_value *confirm) {
  int bad = 0;
  if (pw->present && !hdf_get_obj(r->hdf, "Form.Errors.password")) {
    const char *why = card_paypw_weak(pw->s);
    if (why) {
      req_form_error(r, "password", why);
      bad++;
    }
  } else if (hdf_get_obj(r->hdf, "Form.Errors.password")) {
    req_form_error(r, "password", "Card.Pw.Digits");
  }
  if (pw->present && confirm->present && strcmp(pw->s, confirm->s) != 0) {
    req_form_error(r, "confirm", "Card.Pw.Mismatch");
    bad++;
  }
  return bad;
}

static NEOERR *code_error(req *r, const sms_verify_result *v) {
  r->status = 400;
  switch (v->status) {
  case SMS_VERIFY_WRONG: return nerr_pass(text_n(r, "Form.Errors.code", "Card.CodeWrong", v->tries_left, 1));
  case SMS_VERIFY_DEAD: return nerr_pass(req_form_error(r, "code", "Card.CodeDead"));
  case SMS_VERIFY_EXPIRED: return nerr_pass(req_form_error(r, "code", "Card.CodeExpired"));
  case SMS_VERIFY_USED: return nerr_pass(req_form_error(r, "code", "Card.CodeUsed"));
  default: return nerr_pass(req_form_error(r, "code", "Card.CodeNone"));
  }
}

/* POST /card/password: code, password, confirm — sets the payment password the first time or resets a
 * forgotten one (the SMS code proves the member holds the mobile; it also lifts a lock).
 * → 303 /card?done=set; 400 the card page with messages. */
NEOERR *h_card_password(req *r) {
  static const in_field F[] = {
      {"code", IN_DIGITS, IN_REQUIRED, SMS_CODE_DIGITS, SMS_CODE_DIGITS, NULL},
      {"password", IN_DIGITS, IN_REQUIRED, CARD_PAYPW_DIGITS, CARD_PAYPW_DIGITS, NULL},
      {"confirm", IN_DIGITS, IN_REQUIRED, CARD_PAYPW_DIGITS, CARD_PAYPW_DIGITS, NULL},
  };
  in_value v[3];
  NEOERR *err = card_page(r);
  if (err) return nerr_pass(err);
  if ((err = hdf_set_value(r->hdf, "Card.Sent", "1"))) return nerr_pass(err);
  int bad = input_read(r, F, 3, v);
  bad += check_new(r, &v[1], &v[2]);
  if (bad) {
    r->status = 400;
    return nerr_pass(req_form_error(r, NULL, "Card.FixErrors"));
  }
  sms_verify_result c;
  if ((err = sms_code_verify(r->db, hdf_get_value(r->hdf, "User.Mobile", ""), "paypw", "", v[0].s, &c)))
    return nerr_pass(err);
  if (c.status != SMS_VERIFY_OK) return nerr_pass(code_error(r, &c));
  if ((err = card_paypw_set(r->db, r->user_id, v[1].s))) return nerr_pass(err);
  req_redirect(r, "/card?done=set");
  return STATUS_OK;
}

/* POST /card/password/change: old, password, confirm → 303 /card?done=changed; 400 wrong old password
 * (counts towards the lock) or bad new one; 423 locked. */
NEOERR *h_card_password_change(req *r) {
  static const in_field F[] = {
      {"old", IN_DIGITS, IN_REQUIRED, CARD_PAYPW_DIGITS, CARD_PAYPW_DIGITS, NULL},
      {"password", IN_DIGITS, IN_REQUIRED, CARD_PAYPW_DIGITS, CARD_PAYPW_DIGITS, NULL},
      {"confirm", IN_DIGITS, IN_REQUIRED, CARD_PAYPW_DIGITS, CARD_PAYPW_DIGITS, NULL},
  };
  in_value v[3];
  NEOERR *err = card_page(r);
  if (err) return nerr_pass(err);
  if ((err = hdf_set_value(r->hdf, "Card.Changing", "1"))) return nerr_pass(err);
  int bad = input_read(r, F, 3, v);
  bad += check_new(r, &v[1], &v[2]);
  if (!bad && strcmp(v[0].s, v[1].s) == 0) {
    req_form_error(r, "password", "Card.Pw.SameAsOld");
    bad++;
  }
  if (bad) {
    r->status = 400;
    return nerr_pass(req_form_error(r, NULL, "Card.FixErrors"));
  }
  card_outcome o;
  if ((err = card_paypw_change(r->db, r->user_id, v[0].s, v[1].s, &o))) return nerr_pass(err);
  switch (o.result) {
  case CARD_OK: req_redirect(r, "/card?done=changed"); return STATUS_OK;
  case CARD_WRONG: r->status = 400; return nerr_pass(text_n(r, "Form.Errors.old", "Card.Pw.WrongOld", o.tries_left, 1));
  case CARD_LOCKED:
    r->status = 423;
    if ((err = card_state(r->db, r->user_id, r->hdf, "Card"))) return nerr_pass(err);
    return nerr_pass(text_n(r, "Page.Flash", "Card.Pw.Locked", o.locked_minutes, 1));
  case CARD_NO_PASSWORD: r->status = 409; return nerr_pass(req_form_error(r, NULL, "Card.Pw.NotSet"));
  default: return nerr_pass(req_fail(r, 404));
  }
}

/* GET /card/receipt/{no} → 200 the member's receipt of an offline payment; 404 unknown or another member's. */
NEOERR *h_card_receipt(req *r) {
  const char *no = req_arg(r, 0);
  int found = 0;
  if (strlen(no) != CARD_RECEIPT_LEN) return nerr_pass(req_fail(r, 404));
  NEOERR *err = card_receipt_member(r->db, r->user_id, no, r->hdf, "Receipt", &found);
  if (err || !found) return nerr_pass(err ? err : req_fail(r, 404));
  r->template = T_RECEIPT;
  r->no_cache = 1;
  if ((err = hdf_set_value(r->hdf, "Center.Tab", "card"))) return nerr_pass(err);
  return nerr_pass(hdf_set_value(r->hdf, "Page.Title", req_text(r, "Card.Receipt.Title")));
}
