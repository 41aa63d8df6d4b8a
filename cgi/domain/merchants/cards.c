/* cards.c: member cards — card numbers, payment password with lock, offline points payments */
#include "merchants/cards.h"
#include "crypto.h"
#include "members/inbox.h"
#include "shared/passwords.h"
#include "points/points.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_CARD_SET[] = "UPDATE members SET card_no = ? WHERE id = ? AND card_no IS NULL";
static const char SQL_CARD_GET[] = "SELECT card_no FROM members WHERE id = ?";
static const char SQL_CARD_STATE[] =
    "SELECT card_no, pay_password_hash IS NOT NULL AS has_password, pay_failures AS failures, "
    "pay_locked_until > NOW() AS locked, CEIL(TIMESTAMPDIFF(SECOND, NOW(), pay_locked_until) / 60) AS locked_minutes "
    "FROM members WHERE id = ?";
static const char SQL_CARD_LOOKUP[] =
    "SELECT status, pay_password_hash IS NOT NULL AS has_password, pay_locked_until > NOW() AS locked, "
    "CEIL(TIMESTAMPDIFF(SECOND, NOW(), pay_locked_until) / 60) AS locked_minutes, "
    "CONCAT(LEFT(card_no, 4), ' **** **** ', RIGHT(card_no, 4)) AS card_masked, mobile FROM members WHERE card_no = ?";
static const char SQL_PW_SET[] =
    "UPDATE members SET pay_password_hash = ?, pay_failures = 0, pay_locked_until = NULL WHERE id = ?";
/* The member row is the lock every payment and password check of one card serializes on. */
static const char SQL_PAY_LOCK_ID[] =
    "SELECT id, status, pay_password_hash AS hash, pay_locked_until > NOW() AS locked, "
    "CEIL(TIMESTAMPDIFF(SECOND, NOW(), pay_locked_until) / 60) AS locked_minutes, pay_failures AS failures "
    "FROM members WHERE id = ? FOR UPDATE";
static const char SQL_PAY_LOCK_CARD[] =
    "SELECT id, status, pay_password_hash AS hash, pay_locked_until > NOW() AS locked, "
    "CEIL(TIMESTAMPDIFF(SECOND, NOW(), pay_locked_until) / 60) AS locked_minutes, pay_failures AS failures "
    "FROM members WHERE card_no = ? FOR UPDATE";
/* The fifth failure in a row starts the lock; an expired lock starts counting afresh. MariaDB assigns
 * left to right, so the second assignment sees the new count. */
static const char SQL_PAY_FAIL[] =
    "UPDATE members SET pay_failures = IF(pay_locked_until IS NOT NULL AND pay_locked_until <= NOW(), 1, pay_failures "
    "+ 1), "
    "pay_locked_until = IF(pay_failures >= ?, NOW() + INTERVAL ? MINUTE, NULL) WHERE id = ?";
static const char SQL_PAY_OK[] = "UPDATE members SET pay_failures = 0, pay_locked_until = NULL WHERE id = ?";
/* The session runs in the mall's time zone, so receipts carry the mall's date. */
static const char SQL_TODAY[] = "SELECT DATE_FORMAT(NOW(), '%Y%m%d')";
static const char SQL_RECEIPT_OWNER[] = "SELECT merchant_id FROM offline_payments WHERE receipt_no = ?";
static const char SQL_PAYMENT_INSERT[] =
    "INSERT INTO offline_payments (receipt_no, member_id, merchant_id, merchant_user_id, points, ledger_id) "
    "VALUES (?, ?, ?, ?, ?, ?)";

#define PAYMENT_COLS                                                                                                   \
  "SELECT p.receipt_no, p.points, DATE_FORMAT(p.created_at, '%Y-%m-%d %H:%i:%s') AS time, m.name AS merchant, "        \
  "u.username AS staff, CONCAT(LEFT(b.card_no, 4), ' **** **** ', RIGHT(b.card_no, 4)) AS card_masked "                \
  "FROM offline_payments p JOIN merchants m ON m.id = p.merchant_id JOIN members b ON b.id = p.member_id "             \
  "LEFT JOIN merchant_users u ON u.id = p.merchant_user_id "
static const char SQL_MEMBER_PAYMENTS[] = PAYMENT_COLS "WHERE p.member_id = ? ORDER BY p.id DESC LIMIT ?";
static const char SQL_MERCHANT_PAYMENTS[] = PAYMENT_COLS "WHERE p.merchant_id = ? ORDER BY p.id DESC LIMIT ?";
static const char SQL_RECEIPT_MEMBER[] = PAYMENT_COLS "WHERE p.member_id = ? AND p.receipt_no = ?";
static const char SQL_RECEIPT_MERCHANT[] = PAYMENT_COLS "WHERE p.merchant_id = ? AND p.receipt_no = ?";

NEOERR *card_ensure(MYSQL *db, long long member_id, char card_no[CARD_NO_DIGITS + 1]) {
  int found = 0;
  card_no[0] = 0;
  NEOERR *err = db_query_str(db, SQL_CARD_GET, DBA(DI(member_id)), card_no, CARD_NO_DIGITS + 1, &found);
  if (!found) card_no[0] = 0; /* a NULL card_no reads as not found */
  if (err || card_no[0]) return nerr_pass(err);
  /* Two first visits at once: the conditional UPDATE lets one number win, and both read it back.
   * A clash with another card's number (UNIQUE) is astronomically rare: try another number. */
  for (int attempt = 0; attempt < 3; attempt++) {
    char no[CARD_NO_DIGITS + 1];
    if (crypto_digits(no, CARD_NO_DIGITS)) return nerr_raise(NERR_SYSTEM, "card_ensure: no randomness");
    if (no[0] == '0') no[0] = '6';
    err = db_exec(db, SQL_CARD_SET, DBA(DS(no), DI(member_id)), NULL, NULL);
    if (!err) break;
    if (attempt == 2) return nerr_pass(err);
    nerr_ignore(&err);
  }
  err = db_query_str(db, SQL_CARD_GET, DBA(DI(member_id)), card_no, CARD_NO_DIGITS + 1, &found);
  if (!err && (!found || strlen(card_no) != CARD_NO_DIGITS))
    err = nerr_raise(NERR_ASSERT, "member %lld has no card", member_id);
  return nerr_pass(err);
}

NEOERR *card_state(MYSQL *db, long long member_id, HDF *out, const char *prefix) {
  HDF *h = NULL;
  int rows = 0;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(db, h, "C", SQL_CARD_STATE, DBA(DI(member_id)), &rows);
  /* Only the columns that are not NULL (no lock: no locked, locked_minutes; printing NULL gave "(null)"). */
  if (!err && rows == 1) err = hdf_copy(out, prefix, hdf_get_obj(h, "C.0"));
  hdf_destroy(&h);
  return nerr_pass(err);
}

const char *card_paypw_weak(const char *pw) {
  size_t n = strlen(pw);
  if (n != CARD_PAYPW_DIGITS) return "Card.Pw.Digits";
  for (size_t i = 0; i < n; i++)
    if (pw[i] < '0' || pw[i] > '9') return "Card.Pw.Digits";
  int same = 1, up = 1, down = 1;
  for (size_t i = 1; i < n; i++) {
    if (pw[i] != pw[0]) same = 0;
    if (pw[i] != '0' + (pw[i - 1] - '0' + 1) % 10) up = 0;
    if (pw[i] != '0' + (pw[i - 1] - '0' + 9) % 10) down = 0;
  }
  if (same) return "Card.Pw.Same";
  if (up || down) return "Card.Pw.Sequence";
  /* Patterns like 121212 / 123123 are just as guessable. */
  if (memcmp(pw, pw + 2, 4) == 0 || memcmp(pw, pw + 3, 3) == 0) return "Card.Pw.Repeat";
  return NULL;
}

NEOERR *card_paypw_set(MYSQL *db, long long member_id, const char *pw) {
  char hash[PASSWORD_HASH_LEN];
  if (card_paypw_weak(pw)) return nerr_raise(NERR_ASSERT, "card_paypw_set: weak password");
  if (password_hash(pw, hash)) return nerr_raise(NERR_SYSTEM, "card_paypw_set: hashing failed");
  return nerr_pass(db_exec(db, SQL_PW_SET, DBA(DS(hash), DI(member_id)), NULL, NULL));
}

/* The locked member row of a card (by id when card_no is NULL). */
typedef struct {
  long long id;
  char status[16];
  char hash[PASSWORD_HASH_LEN + 8];
  int has_hash, locked, failures;
  long long locked_minutes;
} card_row;

static NEOERR *lock_card(MYSQL *db, long long member_id, const char *card_no, card_row *row, int *found) {
  /* No password: hash NULL. No lock: pay_locked_until NULL makes locked and locked_minutes NULL (read as 0). */
  int no_hash = 0, no_lock = 0, no_minutes = 0;
  memset(row, 0, sizeof *row);
  const dbc cols[] = {DCOL_LL(&row->id),
                      DCOL_STR(row->status),
                      DCOL_STR_N(row->hash, &no_hash),
                      DCOL_INT_N(&row->locked, &no_lock),
                      DCOL_LL_N(&row->locked_minutes, &no_minutes),
                      DCOL_INT(&row->failures)};
  const int ncols = (int)(sizeof cols / sizeof cols[0]);
  NEOERR *err = card_no ? db_row(db, SQL_PAY_LOCK_CARD, DBA(DS(card_no)), cols, ncols, found)
                        : db_row(db, SQL_PAY_LOCK_ID, DBA(DI(member_id)), cols, ncols, found);
  row->has_hash = *found && !no_hash;
  return nerr_pass(err);
}

/* Checks the password against the locked row, counting a failure (and maybe locking) when wrong. */
static NEOERR *check_locked_pw(MYSQL *db, const card_row *row, const char *pw, card_outcome *out) {
  if (row->locked) {
    out->result = CARD_LOCKED;
    out->locked_minutes = row->locked_minutes > 0 ? row->locked_minutes : 1;
    return STATUS_OK;
  }
  if (password_check(row->hash, pw)) {
    out->result = CARD_OK;
    return nerr_pass(db_exec(db, SQL_PAY_OK, DBA(DI(row->id)), NULL, NULL));
  }
  /* A lock that has run out leaves stale failures behind: the count restarts at 1. */
  int before = row->locked_minutes <= 0 && row->failures >= CARD_PAY_MAX_FAILURES ? 0 : row->failures;
  NEOERR *err =
      db_exec(db, SQL_PAY_FAIL, DBA(DI(CARD_PAY_MAX_FAILURES), DI(CARD_PAY_LOCK_MINUTES), DI(row->id)), NULL, NULL);
  if (err) return nerr_pass(err);
  if (before + 1 >= CARD_PAY_MAX_FAILURES) {
    out->result = CARD_LOCKED;
    out->locked_minutes = CARD_PAY_LOCK_MINUTES;
  } else {
    out->result = CARD_WRONG;
    out->tries_left = CARD_PAY_MAX_FAILURES - before - 1;
  }
  return STATUS_OK;
}

struct change_arg {
  long long member_id;
  const char *old_pw;
  const char *new_hash;
  card_outcome *out;
};

static NEOERR *tx_change(MYSQL *db, void *arg) {
  struct change_arg *a = arg;
  card_row row;
  int found = 0;
  memset(a->out, 0, sizeof *a->out);
  NEOERR *err = lock_card(db, a->member_id, NULL, &row, &found);
  if (err) return nerr_pass(err);
  if (!found) {
    a->out->result = CARD_NONE;
    return STATUS_OK;
  }
  if (!row.has_hash) {
    a->out->result = CARD_NO_PASSWORD;
    return STATUS_OK;
  }
  if ((err = check_locked_pw(db, &row, a->old_pw, a->out)) || a->out->result != CARD_OK) return nerr_pass(err);
  return nerr_pass(db_exec(db, SQL_PW_SET, DBA(DS(a->new_hash), DI(a->member_id)), NULL, NULL));
}

NEOERR *card_paypw_change(MYSQL *db, long long member_id, const char *old_pw, const char *new_pw, card_outcome *out) {
  char hash[PASSWORD_HASH_LEN];
  if (card_paypw_weak(new_pw)) return nerr_raise(NERR_ASSERT, "card_paypw_change: weak password");
  if (password_hash(new_pw, hash)) return nerr_raise(NERR_SYSTEM, "card_paypw_change: hashing failed");
  struct change_arg a = {member_id, old_pw, hash, out};
  return nerr_pass(db_tx(db, tx_change, &a));
}

NEOERR *card_lookup(MYSQL *db, const char *card_no, HDF *out, const char *prefix, int *found) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_CARD_LOOKUP, DBA(DS(card_no)), found));
}

NEOERR *card_new_receipt(MYSQL *db, char out[CARD_RECEIPT_LEN + 1]) {
  int found = 0;
  NEOERR *err = db_query_str(db, SQL_TODAY, DB_NOARGS, out, 9, &found);
  if (err) return nerr_pass(err);
  if (!found || strlen(out) != 8) return nerr_raise(NERR_ASSERT, "card_new_receipt: no date");
  if (crypto_digits(out + 8, CARD_RECEIPT_LEN - 8)) return nerr_raise(NERR_SYSTEM, "card_new_receipt: no randomness");
  return STATUS_OK;
}

struct pay_arg {
  const card_payment *p;
  card_outcome *out;
  points_result spent;
};

static NEOERR *tx_pay(MYSQL *db, void *arg) {
  struct pay_arg *a = arg;
  const card_payment *p = a->p;
  card_outcome *out = a->out;
  card_row row;
  int found = 0;
  memset(out, 0, sizeof *out);
  a->spent = POINTS_OK;
  NEOERR *err = lock_card(db, 0, p->card_no, &row, &found);
  if (err) return nerr_pass(err);
  if (!found) {
    out->result = CARD_NONE;
    return STATUS_OK;
  }
  /* Under the card's lock, so a double submit waits for the first and then sees its receipt. */
  long long owner = 0;
  int paid = 0;
  if ((err = db_query_ll(db, SQL_RECEIPT_OWNER, DBA(DS(p->receipt_no)), &owner, &paid))) return nerr_pass(err);
  if (paid) {
    out->result = owner == p->merchant_id ? CARD_OK : CARD_RECEIPT_TAKEN;
    out->repeated = 1;
    return STATUS_OK;
  }
  if (strcmp(row.status, "active")) {
    out->result = CARD_FROZEN;
    return STATUS_OK;
  }
  if (!row.has_hash) {
    out->result = CARD_NO_PASSWORD;
    return STATUS_OK;
  }
  if ((err = check_locked_pw(db, &row, p->password, out)) || out->result != CARD_OK) return nerr_pass(err);

  char once[64], note[200];
  snprintf(once, sizeof once, "offline:%s", p->receipt_no);
  snprintf(note, sizeof note, "线下支付 · %s", p->merchant_name ? p->merchant_name : "");
  long long ledger_id = 0;
  err = points_spend(db, row.id, "offline", p->points, 0, once, note, &a->spent, &ledger_id);
  if (err) return nerr_pass(err); /* refusals roll the whole payment back, failures reset included */
  err = db_exec(
      db, SQL_PAYMENT_INSERT,
      DBA(DS(p->receipt_no), DI(row.id), DI(p->merchant_id), DI(p->merchant_user_id), DI(p->points), DI(ledger_id)),
      NULL, NULL);
  if (err) return nerr_pass(err);
  char title[200], body[400], link[64], dedupe[64];
  snprintf(title, sizeof title, "线下积分支付 %lld 积分", p->points);
  snprintf(body, sizeof body,
           "您在「%s」使用会员卡支付了 %lld 积分,小票号 %s。如非本人操作,请立即重置支付密码并联系客服。",
           p->merchant_name ? p->merchant_name : "", p->points, p->receipt_no);
  snprintf(link, sizeof link, "/card/receipt/%s", p->receipt_no);
  snprintf(dedupe, sizeof dedupe, "offline:%s", p->receipt_no);
  return nerr_pass(inbox_add(db, row.id, "offline", title, body, link, dedupe, NULL));
}

NEOERR *card_pay(MYSQL *db, const card_payment *p, card_outcome *out) {
  struct pay_arg a = {p, out, POINTS_OK};
  if (p->points < 1 || p->points > CARD_PAY_MAX_POINTS)
    return nerr_raise(NERR_ASSERT, "card_pay: points %lld", p->points);
  NEOERR *err = db_tx(db, tx_pay, &a);
  if (err && nerr_match(err, NERR_POINTS_REFUSED)) {
    nerr_ignore(&err);
    memset(out, 0, sizeof *out);
    out->result = a.spent == POINTS_FROZEN ? CARD_FROZEN : a.spent == POINTS_NO_MEMBER ? CARD_NONE : CARD_INSUFFICIENT;
  }
  return nerr_pass(err);
}

static NEOERR *list(MYSQL *db, const char *sql, long long owner, int limit, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, sql, DBA(DI(owner), DI(limit)), rows));
}

NEOERR *card_member_payments(MYSQL *db, long long member_id, int limit, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(list(db, SQL_MEMBER_PAYMENTS, member_id, limit, out, prefix, rows));
}

NEOERR *card_merchant_payments(MYSQL *db, long long merchant_id, int limit, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(list(db, SQL_MERCHANT_PAYMENTS, merchant_id, limit, out, prefix, rows));
}

NEOERR *card_receipt_member(MYSQL *db, long long member_id, const char *receipt_no, HDF *out, const char *prefix,
                            int *found) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_RECEIPT_MEMBER, DBA(DI(member_id), DS(receipt_no)), found));
}

NEOERR *card_receipt_merchant(MYSQL *db, long long merchant_id, const char *receipt_no, HDF *out, const char *prefix,
                              int *found) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_RECEIPT_MERCHANT, DBA(DI(merchant_id), DS(receipt_no)), found));
}
