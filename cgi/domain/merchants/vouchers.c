/* vouchers.c: issue at payment, void at cancel, verify/redeem (atomic, locked after 5 wrong passwords), expiry, reads */
#include "merchants/vouchers.h"
#include "crypto.h"
#include "members/inbox.h"
#include "shared/sms.h"
#include <ctype.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_VOUCHER_LINES[] =
    "SELECT i.id AS item_id, i.product_id, i.quantity, i.points_price, p.merchant_id, p.settle_price_fen, "
    "p.voucher_valid_days AS days FROM order_items i JOIN products p ON p.id = i.product_id "
    "WHERE i.order_id = ? AND i.product_type = 'voucher' AND p.merchant_id IS NOT NULL ORDER BY i.id";
/* IGNORE: a duplicate number (1 in 10^15) inserts nothing and the caller draws again. */
static const char SQL_VOUCHER_INSERT[] =
    "INSERT IGNORE INTO vouchers (voucher_no, order_id, order_item_id, member_id, merchant_id, product_id, "
    "password_hash, password_enc, valid_from, valid_to, points, settle_price_fen) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURDATE(), CURDATE() + INTERVAL ? DAY, ?, ?)";
static const char SQL_ORDER_VOUCHERS_LOCK[] =
    "SELECT id, status FROM vouchers WHERE order_id = ? ORDER BY id FOR UPDATE";
static const char SQL_ORDER_VOUCHERS_VOID[] =
    "UPDATE vouchers SET status = 'voided' WHERE order_id = ? AND status IN ('issued', 'expired')";
static const char SQL_ORDER_UNTEXTED[] =
    "SELECT v.id, v.voucher_no, v.password_enc, DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to, "
    "p.name_zh AS product, m.mobile FROM vouchers v JOIN products p ON p.id = v.product_id "
    "JOIN members m ON m.id = v.member_id WHERE v.order_id = ? AND v.texted = 0 ORDER BY v.id";
static const char SQL_VOUCHER_CLAIM_TEXT[] = "UPDATE vouchers SET texted = 1 WHERE id = ? AND texted = 0";

static const char SQL_MERCHANT_NAME[] = "SELECT name FROM merchants WHERE id = ?";
static const char SQL_VOUCHER_LOCK[] =
    "SELECT id, member_id, password_hash, status, failed_attempts, locked_at IS NOT NULL AS locked, "
    "valid_to < CURDATE() AS past, DATE_FORMAT(redeemed_at, '%Y-%m-%d %H:%i:%s') AS redeemed_at "
    "FROM vouchers WHERE voucher_no = ? AND merchant_id = ? FOR UPDATE";
/* MariaDB applies SET assignments left to right: locked_at sees the count already raised. */
static const char SQL_VOUCHER_FAIL[] = "UPDATE vouchers SET failed_attempts = failed_attempts + 1, "
                                       "locked_at = IF(failed_attempts >= ?, NOW(), locked_at) WHERE id = ?";
static const char SQL_VOUCHER_REDEEM[] =
    "UPDATE vouchers SET status = 'redeemed', redeemed_at = NOW(), redeemed_by = ? WHERE id = ? AND status = 'issued'";
static const char SQL_VOUCHER_REDEEMED_AT[] =
    "SELECT DATE_FORMAT(redeemed_at, '%Y-%m-%d %H:%i:%s') FROM vouchers WHERE id = ?";
static const char SQL_ATTEMPT_INSERT[] =
    "INSERT INTO voucher_attempts (merchant_id, merchant_user_id, voucher_no, outcome, ip) VALUES (?, ?, ?, ?, ?)";
static const char SQL_VOUCHER_DETAILS[] =
    "SELECT v.voucher_no AS no, p.name_zh AS product, p.name_en AS product_en, v.points, v.settle_price_fen, "
    "DATE_FORMAT(v.valid_from, '%Y-%m-%d') AS valid_from, DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to, "
    "IF(v.status = 'issued' AND v.valid_to < CURDATE(), 'expired', v.status) AS status, "
    "DATE_FORMAT(v.redeemed_at, '%Y-%m-%d %H:%i') AS redeemed_at, "
    "CONCAT(LEFT(m.mobile, 3), '****', RIGHT(m.mobile, 4)) AS member_masked "
    "FROM vouchers v JOIN products p ON p.id = v.product_id JOIN members m ON m.id = v.member_id WHERE v.id = ?";

#define MEMBER_COLUMNS                                                                                                 \
  "SELECT v.voucher_no AS no, v.password_enc, IF(v.status = 'issued' AND v.valid_to < CURDATE(), 'expired', "          \
  "v.status) AS status, v.points, DATE_FORMAT(v.valid_from, '%Y-%m-%d') AS valid_from, "                               \
  "DATE_FORMAT(v.valid_to, '%Y-%m-%d') AS valid_to, DATE_FORMAT(v.redeemed_at, '%Y-%m-%d %H:%i') AS redeemed_at, "     \
  "DATE_FORMAT(v.created_at, '%Y-%m-%d %H:%i') AS created_at, p.id AS product_id, p.name_zh AS product, "              \
  "p.name_en AS product_en, p.image, mc.name AS merchant, mc.address, mc.phone, o.order_no "                           \
  "FROM vouchers v JOIN products p ON p.id = v.product_id JOIN merchants mc ON mc.id = v.merchant_id "                 \
  "JOIN orders o ON o.id = v.order_id "
static const char SQL_MEMBER_VOUCHER[] = MEMBER_COLUMNS "WHERE v.voucher_no = ? AND v.member_id = ?";
static const char SQL_MEMBER_VOUCHERS[] = MEMBER_COLUMNS "WHERE v.member_id = ? ORDER BY v.id DESC LIMIT 500";
static const char SQL_ORDER_VOUCHERS[] = MEMBER_COLUMNS "WHERE v.order_id = ? AND v.member_id = ? ORDER BY v.id";
static const char SQL_VOUCHERS_EXPIRE[] =
    "UPDATE vouchers SET status = 'expired' WHERE status = 'issued' AND valid_to < CURDATE()";

const char *voucher_result_code(voucher_result r) {
  static const char *codes[] = {"ok", "not_found", "wrong", "locked", "used", "voided", "expired"};
  return (unsigned)r < sizeof codes / sizeof codes[0] ? codes[r] : "error";
}

const char *voucher_result_name(voucher_result r) {
  static const char *names[] = {"Voucher.Result.Ok",     "Voucher.Result.NotFound", "Voucher.Result.Wrong",
                                "Voucher.Result.Locked", "Voucher.Result.Used",     "Voucher.Result.Voided",
                                "Voucher.Result.Expired"};
  return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "Voucher.Result.NotFound";
}

/* ---- password: HMAC for checking, AES-256-GCM copy for the owner's page ---- */

static void password_hash(const char *no, const char *password, char out[65]) {
  char msg[64];
  snprintf(msg, sizeof msg, "voucher|%s|%s", no, password);
  crypto_hmac_hex(msg, out);
}

/* A key of its own, derived from the server secret, so the HMACs and this key never coincide. */
static void seal_key(unsigned char key[32]) {
  char hex[65];
  crypto_hmac_hex("voucher-password-key|v1", hex);
  for (int i = 0; i < 32; i++) {
    unsigned v = 0;
    sscanf(hex + 2 * i, "%2x", &v);
    key[i] = (unsigned char)v;
  }
}

#define SEAL_IV 12
#define SEAL_TAG 16
#define SEAL_BYTES (SEAL_IV + SEAL_TAG + VOUCHER_PASSWORD_LEN)

int voucher_password_seal(const char *no, const char *password, char *hex, size_t len) {
  unsigned char key[32], buf[SEAL_BYTES];
  int outl = 0, ok = 0;
  if (len < 2 * SEAL_BYTES + 1 || strlen(password) != VOUCHER_PASSWORD_LEN) return -1;
  if (crypto_random(buf, SEAL_IV) != 0) return -1;
  seal_key(key);
  EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
  if (c && EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
      EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, SEAL_IV, NULL) == 1 &&
      EVP_EncryptInit_ex(c, NULL, NULL, key, buf) == 1 &&
      EVP_EncryptUpdate(c, NULL, &outl, (const unsigned char *)no, (int)strlen(no)) == 1 &&
      EVP_EncryptUpdate(c, buf + SEAL_IV + SEAL_TAG, &outl, (const unsigned char *)password, VOUCHER_PASSWORD_LEN) ==
          1 &&
      EVP_EncryptFinal_ex(c, buf + SEAL_IV + SEAL_TAG + outl, &outl) == 1 &&
      EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, SEAL_TAG, buf + SEAL_IV) == 1)
    ok = 1;
  EVP_CIPHER_CTX_free(c);
  memset(key, 0, sizeof key);
  if (!ok) return -1;
  crypto_hex(buf, SEAL_BYTES, hex);
  return 0;
}

int voucher_password_open(const char *no, const char *hex, char *password, size_t len) {
  unsigned char key[32], buf[SEAL_BYTES], plain[VOUCHER_PASSWORD_LEN + 16];
  int outl = 0, ok = 0;
  if (!hex || strlen(hex) != 2 * SEAL_BYTES || len < VOUCHER_PASSWORD_LEN + 1) return -1;
  for (int i = 0; i < SEAL_BYTES; i++) {
    unsigned v = 0;
    if (!isxdigit((unsigned char)hex[2 * i]) || !isxdigit((unsigned char)hex[2 * i + 1])) return -1;
    sscanf(hex + 2 * i, "%2x", &v);
    buf[i] = (unsigned char)v;
  }
  seal_key(key);
  EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
  if (c && EVP_DecryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
      EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, SEAL_IV, NULL) == 1 &&
      EVP_DecryptInit_ex(c, NULL, NULL, key, buf) == 1 &&
      EVP_DecryptUpdate(c, NULL, &outl, (const unsigned char *)no, (int)strlen(no)) == 1 &&
      EVP_DecryptUpdate(c, plain, &outl, buf + SEAL_IV + SEAL_TAG, VOUCHER_PASSWORD_LEN) == 1 &&
      EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, SEAL_TAG, buf + SEAL_IV) == 1 &&
      EVP_DecryptFinal_ex(c, plain + outl, &outl) == 1)
    ok = 1;
  EVP_CIPHER_CTX_free(c);
  memset(key, 0, sizeof key);
  if (!ok) return -1;
  memcpy(password, plain, VOUCHER_PASSWORD_LEN);
  password[VOUCHER_PASSWORD_LEN] = 0;
  return 0;
}

void voucher_verify_url(const char *base, const char *no, const char *password, char *buf, size_t len) {
  size_t b = strlen(base);
  while (b > 0 && base[b - 1] == '/') b--;
  /* Number and password are [A-Z0-9] only: nothing to escape. */
  snprintf(buf, len, "%.*s/merchant/verify?no=%s&pw=%s", (int)b, base, no, password);
}

/* ---- issue / void / text (order side) ---- */

/* A voucher line of a paid order (a row of SQL_VOUCHER_LINES): one voucher per unit. */
struct issue {
  MYSQL *db;
  long long order_id, member_id;
  long long item_id, product_id, quantity, points_price, merchant_id, settle_price_fen, days;
};

static NEOERR *issue_line(void *ctx, int row) {
  struct issue *x = ctx;
  NEOERR *err = STATUS_OK;
  (void)row;
  for (long long u = 0; !err && u < x->quantity; u++) {
    long long n = 0;
    for (int tries = 0; !err && n == 0; tries++) {
      char no[VOUCHER_NO_LEN + 1], pw[VOUCHER_PASSWORD_LEN + 1], hash[65], enc[2 * SEAL_BYTES + 1];
      no[0] = 'V';
      if (tries >= 5) {
        err = nerr_raise(NERR_ASSERT, "no free voucher number after 5 draws");
        break;
      }
      if (crypto_digits(no + 1, VOUCHER_NO_LEN - 1) != 0 || crypto_digits(pw, VOUCHER_PASSWORD_LEN) != 0 ||
          voucher_password_seal(no, pw, enc, sizeof enc) != 0) {
        err = nerr_raise(NERR_ASSERT, "voucher randomness or sealing failed");
        break;
      }
      password_hash(no, pw, hash);
      err =
          db_exec(x->db, SQL_VOUCHER_INSERT,
                  DBA(DS(no), DI(x->order_id), DI(x->item_id), DI(x->member_id), DI(x->merchant_id), DI(x->product_id),
                      DS(hash), DS(enc), DI(x->days), DI(x->points_price), DI(x->settle_price_fen)),
                  &n, NULL);
      memset(pw, 0, sizeof pw);
    }
  }
  return nerr_pass(err);
}

NEOERR *vouchers_issue_order(MYSQL *db, long long order_id, long long member_id) {
  struct issue x = {.db = db, .order_id = order_id, .member_id = member_id};
  return nerr_pass(
      db_each(db, SQL_VOUCHER_LINES, DBA(DI(order_id)),
              DCOLS(DCOL_LL(&x.item_id), DCOL_LL(&x.product_id), DCOL_LL(&x.quantity), DCOL_LL(&x.points_price),
                    DCOL_LL(&x.merchant_id), DCOL_LL(&x.settle_price_fen), DCOL_LL(&x.days)),
              issue_line, &x, NULL));
}

/* A voucher of an order being cancelled (a row of SQL_ORDER_VOUCHERS_LOCK). */
struct voiding {
  long long id;
  char status[16];
  int redeemed;
};

static NEOERR *count_redeemed(void *ctx, int row) {
  struct voiding *v = ctx;
  (void)row;
  if (strcmp(v->status, "redeemed") == 0) v->redeemed++;
  return STATUS_OK;
}

NEOERR *vouchers_void_order(MYSQL *db, long long order_id, int *redeemed) {
  struct voiding v = {0, "", 0};
  int rows = 0;
  *redeemed = 0;
  NEOERR *err = db_each(db, SQL_ORDER_VOUCHERS_LOCK, DBA(DI(order_id)), DCOLS(DCOL_LL(&v.id), DCOL_STR(v.status)),
                        count_redeemed, &v, &rows);
  if (!err) *redeemed = v.redeemed;
  if (!err && rows > 0 && v.redeemed == 0) err = db_exec(db, SQL_ORDER_VOUCHERS_VOID, DBA(DI(order_id)), NULL, NULL);
  return nerr_pass(err);
}

/* A voucher not texted yet (a row of SQL_ORDER_UNTEXTED). */
struct untexted {
  MYSQL *db;
  long long id;
  char no[VOUCHER_NO_LEN + 1], enc[DB_VARCHAR(80)], valid_to[16], product[DB_VARCHAR(120)], mobile[DB_VARCHAR(11)];
};

static NEOERR *text_voucher(void *ctx, int row) {
  struct untexted *v = ctx;
  long long n = 0;
  char pw[VOUCHER_PASSWORD_LEN + 1], text[400];
  (void)row;
  /* Claim first: two callers never text the same voucher twice. */
  NEOERR *err = db_exec(v->db, SQL_VOUCHER_CLAIM_TEXT, DBA(DI(v->id)), &n, NULL);
  if (err || n != 1) return nerr_pass(err);
  if (voucher_password_open(v->no, v->enc, pw, sizeof pw) != 0) return STATUS_OK;
  snprintf(text, sizeof text, "您兑换的「%.120s」电子券：券号 %s，验证密码 %s，有效期至 %s。请到店出示，勿告知他人。",
           v->product, v->no, pw, v->valid_to);
  memset(pw, 0, sizeof pw);
  int sent = 0;
  return nerr_pass(sms_send(v->db, v->mobile, "voucher", text, &sent));
}

NEOERR *vouchers_text_order(MYSQL *db, long long order_id) {
  /* Inside a transaction the texts would leave before the vouchers exist for sure: the outermost caller
   * calls again after COMMIT. */
  if (db->server_status & SERVER_STATUS_IN_TRANS) return STATUS_OK;
  struct untexted v;
  memset(&v, 0, sizeof v);
  v.db = db;
  return nerr_pass(db_each(db, SQL_ORDER_UNTEXTED, DBA(DI(order_id)),
                           DCOLS(DCOL_LL(&v.id), DCOL_STR(v.no), DCOL_STR(v.enc), DCOL_STR(v.valid_to),
                                 DCOL_STR(v.product), DCOL_STR(v.mobile)),
                           text_voucher, &v, NULL));
}

/* ---- merchant side ---- */

struct verify_arg {
  long long merchant_id, merchant_user_id;
  int redeem;
  const char *no, *password, *ip;
  HDF *details;
  const char *prefix;
  voucher_outcome *out;
};

static NEOERR *verify_body(MYSQL *db, struct verify_arg *a) {
  voucher_outcome *out = a->out;
  char stored[65], status[16];
  long long failed = 0;
  int locked = 0, past = 0, never_redeemed = 0, found = 0;
  NEOERR *err =
      db_row(db, SQL_VOUCHER_LOCK, DBA(DS(a->no), DI(a->merchant_id)),
             DCOLS(DCOL_LL(&out->voucher_id), DCOL_LL(&out->member_id), DCOL_STR(stored), DCOL_STR(status),
                   DCOL_LL(&failed), DCOL_INT(&locked), DCOL_INT(&past), DCOL_STR_N(out->redeemed_at, &never_redeemed)),
             &found);
  if (err) return nerr_pass(err);
  if (!found) {
    out->result = VOUCHER_NOT_FOUND;
    return STATUS_OK;
  }
  if (locked) {
    out->result = VOUCHER_LOCKED;
    return STATUS_OK;
  }
  char hash[65];
  password_hash(a->no, a->password, hash);
  if (!crypto_equal(hash, stored)) {
    failed++;
    /* Locks when this is the fifth wrong one (the IF sees the raised count). */
    err = db_exec(db, SQL_VOUCHER_FAIL, DBA(DI(VOUCHER_MAX_FAILURES), DI(out->voucher_id)), NULL, NULL);
    out->tries_left = failed >= VOUCHER_MAX_FAILURES ? 0 : (int)(VOUCHER_MAX_FAILURES - failed);
    out->result = out->tries_left ? VOUCHER_WRONG_PASSWORD : VOUCHER_LOCKED;
    return nerr_pass(err);
  }
  if (strcmp(status, "redeemed") == 0) out->result = VOUCHER_USED;
  else if (strcmp(status, "voided") == 0) out->result = VOUCHER_VOIDED;
  else if (strcmp(status, "expired") == 0 || past) out->result = VOUCHER_EXPIRED;
  else out->result = VOUCHER_OK;

  if (out->result == VOUCHER_OK && a->redeem) {
    long long n = 0;
    err = db_exec(db, SQL_VOUCHER_REDEEM, DBA(DI(a->merchant_user_id), DI(out->voucher_id)), &n, NULL);
    if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "voucher %lld changed under its lock", out->voucher_id);
    int found = 0;
    if (!err)
      err = db_query_str(db, SQL_VOUCHER_REDEEMED_AT, DBA(DI(out->voucher_id)), out->redeemed_at,
                         sizeof out->redeemed_at, &found);
    char merchant[400] = "", body[640], link[48], key[48];
    if (!err) err = db_query_str(db, SQL_MERCHANT_NAME, DBA(DI(a->merchant_id)), merchant, sizeof merchant, &found);
    snprintf(body, sizeof body, "您的电子券 %s 已于 %s 在「%s」验证使用。如非本人操作，请联系客服。", a->no,
             out->redeemed_at, merchant);
    snprintf(link, sizeof link, "/voucher/%s", a->no);
    snprintf(key, sizeof key, "voucher-used:%lld", out->voucher_id);
    int added = 0;
    if (!err) err = inbox_add(db, out->member_id, "voucher", "电子券已使用", body, link, key, &added);
  }
  if (!err && a->details)
    err = db_query_hdf(db, a->details, a->prefix, SQL_VOUCHER_DETAILS, DBA(DI(out->voucher_id)), NULL);
  return nerr_pass(err);
}

static NEOERR *tx_verify(MYSQL *db, void *arg) {
  struct verify_arg *a = arg;
  memset(a->out, 0, sizeof *a->out);
  NEOERR *err = verify_body(db, a);
  const char *outcome = a->redeem && a->out->result == VOUCHER_OK ? "redeemed" : voucher_result_code(a->out->result);
  if (!err)
    err = db_exec(db, SQL_ATTEMPT_INSERT,
                  DBA(DI(a->merchant_id), DI(a->merchant_user_id), DS(a->no), DS(outcome), DS(a->ip ? a->ip : "")),
                  NULL, NULL);
  return nerr_pass(err);
}

static NEOERR *verify(MYSQL *db, long long merchant_id, long long merchant_user_id, const char *voucher_no,
                      const char *password, const char *ip, HDF *details, const char *prefix, int redeem,
                      voucher_outcome *out) {
  char no[33], pw[16];
  size_t i = 0;
  memset(out, 0, sizeof *out);
  /* Staff type numbers by hand: case and surrounding blanks do not matter; anything longer is cut to the
   * attempts column and can never match. */
  while (voucher_no && isspace((unsigned char)*voucher_no)) voucher_no++;
  for (; voucher_no && voucher_no[i] && i < sizeof no - 1 && !isspace((unsigned char)voucher_no[i]); i++)
    no[i] = (char)toupper((unsigned char)voucher_no[i]);
  no[i] = 0;
  snprintf(pw, sizeof pw, "%s", password ? password : "");
  if (!*no) {
    out->result = VOUCHER_NOT_FOUND;
    return STATUS_OK;
  }
  struct verify_arg a = {merchant_id, merchant_user_id, redeem, no, pw, ip, details, prefix ? prefix : "Voucher", out};
  return nerr_pass(db_tx(db, tx_verify, &a));
}

NEOERR *voucher_check(MYSQL *db, long long merchant_id, long long merchant_user_id, const char *voucher_no,
                      const char *password, const char *ip, HDF *details, const char *prefix, voucher_outcome *out) {
  return nerr_pass(verify(db, merchant_id, merchant_user_id, voucher_no, password, ip, details, prefix, 0, out));
}

NEOERR *voucher_redeem(MYSQL *db, long long merchant_id, long long merchant_user_id, const char *voucher_no,
                       const char *password, const char *ip, voucher_outcome *out) {
  return nerr_pass(verify(db, merchant_id, merchant_user_id, voucher_no, password, ip, NULL, NULL, 1, out));
}

/* ---- member side ---- */

/* Drops each row's password_enc; reveal = 1 puts the clear password in its place (the owner's voucher page). */
static void open_passwords(HDF *out, const char *prefix, int rows, int single, int reveal) {
  for (int i = 0; i < rows; i++) {
    char base[96], pw[VOUCHER_PASSWORD_LEN + 1] = "";
    if (single) snprintf(base, sizeof base, "%s", prefix);
    else snprintf(base, sizeof base, "%s.%d", prefix, i);
    HDF *row = hdf_get_obj(out, base);
    if (!row) continue;
    const char *no = hdf_get_value(row, "no", "");
    if (reveal && voucher_password_open(no, hdf_get_value(row, "password_enc", ""), pw, sizeof pw) == 0)
      hdf_set_value(row, "password", pw);
    hdf_remove_tree(row, "password_enc");
    memset(pw, 0, sizeof pw);
  }
}

NEOERR *voucher_get(MYSQL *db, long long member_id, const char *voucher_no, HDF *out, const char *prefix, int *found) {
  HDF *h = NULL;
  int rows = 0;
  *found = 0;
  if (!voucher_no || strlen(voucher_no) != VOUCHER_NO_LEN) return STATUS_OK;
  NEOERR *err = hdf_init(&h);
  if (!err) err = db_query_hdf(db, h, "V", SQL_MEMBER_VOUCHER, DBA(DS(voucher_no), DI(member_id)), &rows);
  if (!err && rows == 1) {
    err = hdf_copy(out, prefix, hdf_get_obj(h, "V.0"));
    if (!err) open_passwords(out, prefix, 1, 1, 1);
    *found = 1;
  }
  hdf_destroy(&h);
  return nerr_pass(err);
}

NEOERR *vouchers_of_member(MYSQL *db, long long member_id, HDF *out, const char *prefix, int *rows) {
  int n = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_MEMBER_VOUCHERS, DBA(DI(member_id)), &n);
  if (!err) open_passwords(out, prefix, n, 0, 0);
  if (rows) *rows = n;
  return nerr_pass(err);
}

NEOERR *vouchers_of_order(MYSQL *db, long long member_id, long long order_id, HDF *out, const char *prefix, int *rows) {
  int n = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_ORDER_VOUCHERS, DBA(DI(order_id), DI(member_id)), &n);
  if (!err) open_passwords(out, prefix, n, 0, 0);
  if (rows) *rows = n;
  return nerr_pass(err);
}

NEOERR *vouchers_expire(MYSQL *db, long long *expired) {
  return nerr_pass(db_exec(db, SQL_VOUCHERS_EXPIRE, DB_NOARGS, expired, NULL));
}
