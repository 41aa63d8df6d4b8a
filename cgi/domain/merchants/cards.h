/* cards.h: member cards (A8) — card numbers, the 6-digit payment password, offline payments (V8) */
#ifndef MALL_CARDS_H
#define MALL_CARDS_H
#include "db.h"

#define CARD_NO_DIGITS 16
#define CARD_PAYPW_DIGITS 6
#define CARD_PAY_MAX_FAILURES 5 /* wrong payment passwords in a row that lock the card */
#define CARD_PAY_LOCK_MINUTES 30
#define CARD_PAY_MAX_POINTS 1000000
#define CARD_RECEIPT_LEN 18 /* YYYYMMDD + 10 random digits */

/* The member's card number, created on first call (16 CSPRNG digits, set only while still NULL). */
NEOERR *card_ensure(MYSQL *db, long long member_id, char card_no[CARD_NO_DIGITS + 1]);

/* Card state into out.<prefix>: card_no, has_password (0/1), failures, locked (0/1),
 * locked_minutes (minutes left, when locked). */
NEOERR *card_state(MYSQL *db, long long member_id, HDF *out, const char *prefix);

/* NULL when pw is an acceptable payment password, else the language key of the reason
 * ("Card.Pw.Digits", "Card.Pw.Same", "Card.Pw.Sequence"). */
const char *card_paypw_weak(const char *pw);

typedef enum {
  CARD_OK,
  CARD_NONE,          /* no such card / member */
  CARD_NO_PASSWORD,   /* the member has not set a payment password */
  CARD_WRONG,         /* wrong payment password: tries_left before the lock */
  CARD_LOCKED,        /* too many wrong passwords: locked_minutes left */
  CARD_FROZEN,        /* the member is frozen */
  CARD_INSUFFICIENT,  /* not enough points; nothing written */
  CARD_RECEIPT_TAKEN, /* the receipt number belongs to another merchant's payment */
} card_result;

typedef struct {
  card_result result;
  int tries_left;
  long long locked_minutes;
  int repeated; /* CARD_OK for a receipt paid before (double submit): nothing new was written */
} card_outcome;

/* Sets (or resets, after an SMS check) the payment password; clears failures and any lock. */
NEOERR *card_paypw_set(MYSQL *db, long long member_id, const char *pw);
/* Changes it after checking the old one; a wrong old password counts as a failure and a locked card
 * refuses (so the change form is no way round the lock). */
NEOERR *card_paypw_change(MYSQL *db, long long member_id, const char *old_pw, const char *new_pw, card_outcome *out);

/* Looks a card up for the terminal: out.<prefix>.{status, has_password, locked, locked_minutes,
 * card_masked}; *found = 0 when no member has that card. */
NEOERR *card_lookup(MYSQL *db, const char *card_no, HDF *out, const char *prefix, int *found);

typedef struct {
  const char *card_no;
  long long points;
  const char *password;
  const char *receipt_no; /* pre-generated in the confirm form: the idempotency key */
  long long merchant_id, merchant_user_id;
  const char *merchant_name; /* for the member's inbox notice */
} card_payment;

/* One db_tx: locks the member, checks lock / password (counting failures), spends the points
 * (ledger kind "offline", FIFO lots, once_key "offline:<receipt>") and records offline_payments,
 * and tells the member in their inbox. A receipt already paid by this merchant is CARD_OK with
 * repeated = 1 and pays nothing. */
NEOERR *card_pay(MYSQL *db, const card_payment *p, card_outcome *out);

/* A fresh receipt number (CARD_RECEIPT_LEN digits + NUL): the mall's date, then CSPRNG digits. */
NEOERR *card_new_receipt(MYSQL *db, char out[CARD_RECEIPT_LEN + 1]);

/* Offline payment lists and receipts, each scoped to its owner. Rows: receipt_no, points, time,
 * merchant, staff, card_masked. */
NEOERR *card_member_payments(MYSQL *db, long long member_id, int limit, HDF *out, const char *prefix, int *rows);
NEOERR *card_merchant_payments(MYSQL *db, long long merchant_id, int limit, HDF *out, const char *prefix, int *rows);
NEOERR *card_receipt_member(MYSQL *db, long long member_id, const char *receipt_no, HDF *out, const char *prefix,
                            int *found);
NEOERR *card_receipt_merchant(MYSQL *db, long long merchant_id, const char *receipt_no, HDF *out, const char *prefix,
                              int *found);

#endif
