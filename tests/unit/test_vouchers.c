/* test_vouchers.c: QR PNG/SVG generation (decoded with zbarimg), password sealing, and the voucher domain against
 * MariaDB — issue at payment, wrong-password lock, redeem once (also under a race), merchant scoping, cancel rules. */
#include "ledger_fixture.h"
#include "orders/orders.h"
#include "shared/qr.h"
#include "merchants/vouchers.h"

static const char SQL_MERCHANT_OF[] = "UPDATE products SET merchant_id = ?, voucher_valid_days = 10 WHERE id = ?";
/* Merchants of this suite's own: their redemptions never reach other suites' settlements. */
static const char SQL_MERCHANT_INSERT[] =
    "INSERT INTO merchants (name, address, phone) VALUES ('单元测试商户', '测试路 1 号', '')";
static const char SQL_STAFF_INSERT[] =
    "INSERT INTO merchant_users (merchant_id, username, password_hash, role) VALUES (?, ?, 'x', 'staff')";
static const char SQL_FIRST_VOUCHER[] = "SELECT voucher_no FROM vouchers WHERE order_id = ? ORDER BY id LIMIT 1";
static const char SQL_VOUCHER_COUNT[] = "SELECT COUNT(*) FROM vouchers WHERE order_id = ?";
static const char SQL_ENC_OF[] = "SELECT password_enc FROM vouchers WHERE voucher_no = ?";
static const char SQL_ATTEMPTS[] = "SELECT COUNT(*) FROM voucher_attempts WHERE voucher_no = ?";
static const char SQL_INBOX_USED[] = "SELECT COUNT(*) FROM inbox WHERE member_id = ? AND kind = 'voucher'";
static const char SQL_STATUS_OF[] = "SELECT status FROM vouchers WHERE voucher_no = ?";

/* Writes a PNG to a temp file and returns what zbarimg reads from it (caller frees). */
static char *zbar_decode(const unsigned char *png, size_t len) {
  char path[] = "/tmp/test_vouchers_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, png, len), (ssize_t)len);
  close(fd);
  char cmd[128], *out = calloc(1, 1024);
  snprintf(cmd, sizeof cmd, "zbarimg --raw -q %s 2>/dev/null", path);
  FILE *p = popen(cmd, "r");
  assert_non_null(p);
  size_t n = fread(out, 1, 1023, p);
  pclose(p);
  unlink(path);
  while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r')) out[--n] = 0;
  return out;
}

static void test_qr_png_decodes(void **state) {
  const char *url = "http://mall.example:8080/merchant/verify?no=V123456789012345&pw=01234567";
  unsigned char *png = NULL;
  size_t len = 0;
  assert_int_equal(qr_png(url, 6, &png, &len), 0);
  assert_true(len > 100);
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
  assert_memory_equal(png, sig, 8);
  char *got = zbar_decode(png, len);
  assert_string_equal(got, url);
  free(got);
  free(png);
  assert_int_equal(qr_png("", 6, &png, &len), -1);
  assert_null(png);
  assert_int_equal(qr_png(url, 0, &png, &len), -1);
}

static void test_qr_svg_path(void **state) {
  HDF *h = NULL;
  t_ok(hdf_init(&h), "hdf");
  t_ok(qr_to_hdf("V123456789012345", h, "Qr"), "qr_to_hdf");
  int size = hdf_get_int_value(h, "Qr.size", 0);
  assert_int_equal(size, 25 + 2 * QR_MARGIN); /* 16 bytes at level M need version 2 */
  const char *path = hdf_get_value(h, "Qr.path", "");
  assert_true(strncmp(path, "M4 4h7v1h-7z", 12) == 0); /* the top-left finder pattern's first row */
  for (const char *p = path; *p; p++) assert_non_null(strchr("0123456789Mhvz- ", *p));
  hdf_destroy(&h);
}

static void test_password_seal(void **state) {
  char hex[80], pw[16];
  assert_int_equal(voucher_password_seal("V111111111111111", "12345678", hex, sizeof hex), 0);
  assert_int_equal(strlen(hex), 72);
  assert_null(strstr(hex, "12345678"));
  assert_int_equal(voucher_password_open("V111111111111111", hex, pw, sizeof pw), 0);
  assert_string_equal(pw, "12345678");
  /* Bound to its number (AAD) and tamper-evident (GCM tag). */
  assert_int_equal(voucher_password_open("V222222222222222", hex, pw, sizeof pw), -1);
  hex[60] = hex[60] == '0' ? '1' : '0';
  assert_int_equal(voucher_password_open("V111111111111111", hex, pw, sizeof pw), -1);
  assert_int_equal(voucher_password_open("V111111111111111", "zz", pw, sizeof pw), -1);
}

static long long g_merchant, g_other, g_staff;

static int setup(void **state) {
  char name[32] = "unit";
  crypto_digits(name + 4, 12);
  t_ok(db_exec(t_db(), SQL_MERCHANT_INSERT, DB_NOARGS, NULL, &g_merchant), "merchant");
  t_ok(db_exec(t_db(), SQL_MERCHANT_INSERT, DB_NOARGS, NULL, &g_other), "other merchant");
  t_ok(db_exec(t_db(), SQL_STAFF_INSERT, DBA(DI(g_merchant), DS(name)), NULL, &g_staff), "staff");
  return 0;
}

/* A paid order of two vouchers of g_merchant; fills the first voucher's number and password. */
static long long paid_voucher_order(long long *member, char no[VOUCHER_NO_LEN + 1], char pw[16],
                                    char order_no[ORDER_NO_LEN + 1]) {
  *member = fx_member();
  fx_lot(*member, 1000, 30);
  long long p = fx_product("voucher", 100, 10, 0);
  t_ok(db_exec(t_db(), SQL_MERCHANT_OF, DBA(DI(g_merchant), DI(p)), NULL, NULL), "merchant");
  order_line l = {p, 2};
  order_outcome out;
  t_ok(order_create(t_db(), *member, &l, 1, 0, "", 0, &out), "create");
  assert_int_equal(out.result, ORDER_OK);
  memcpy(order_no, out.order_no, ORDER_NO_LEN + 1);
  t_ok(order_pay(t_db(), *member, order_no, &out), "pay");
  assert_int_equal(out.result, ORDER_OK);
  assert_int_equal(fx_ll(SQL_VOUCHER_COUNT, out.order_id), 2);
  t_ok(db_query_str(t_db(), SQL_FIRST_VOUCHER, DBA(DI(out.order_id)), no, VOUCHER_NO_LEN + 1, NULL), "voucher no");
  char enc[80];
  t_ok(db_query_str(t_db(), SQL_ENC_OF, DBA(DS(no)), enc, sizeof enc, NULL), "enc");
  assert_int_equal(voucher_password_open(no, enc, pw, 16), 0);
  return out.order_id;
}

static int staff(void) { return (int)g_staff; }

static voucher_result redeem(int merchant, const char *no, const char *pw, voucher_outcome *o) {
  t_ok(voucher_redeem(t_db(), merchant, staff(), no, pw, "127.0.0.1", o), "redeem");
  return o->result;
}

static void status_of(const char *no, const char *want) {
  char got[16] = "";
  t_ok(db_query_str(t_db(), SQL_STATUS_OF, DBA(DS(no)), got, sizeof got, NULL), "status");
  assert_string_equal(got, want);
}

static void test_wrong_passwords_lock(void **state) {
  long long m;
  char no[VOUCHER_NO_LEN + 1], pw[16], order_no[ORDER_NO_LEN + 1];
  paid_voucher_order(&m, no, pw, order_no);
  voucher_outcome o;
  /* Another merchant's voucher is "not found", and its attempts do not count towards the lock. */
  assert_int_equal(redeem((int)g_other, no, pw, &o), VOUCHER_NOT_FOUND);
  char wrong[16];
  snprintf(wrong, sizeof wrong, "%s", pw);
  wrong[0] = wrong[0] == '9' ? '0' : (char)(wrong[0] + 1);
  for (int i = 1; i < VOUCHER_MAX_FAILURES; i++) {
    assert_int_equal(redeem((int)g_merchant, no, wrong, &o), VOUCHER_WRONG_PASSWORD);
    assert_int_equal(o.tries_left, VOUCHER_MAX_FAILURES - i);
  }
  assert_int_equal(redeem((int)g_merchant, no, "x", &o), VOUCHER_LOCKED);
  assert_int_equal(redeem((int)g_merchant, no, pw, &o), VOUCHER_LOCKED); /* the right one no longer helps */
  status_of(no, "issued");
  long long attempts = 0;
  t_ok(db_query_ll(t_db(), SQL_ATTEMPTS, DBA(DS(no)), &attempts, NULL), "attempts");
  assert_int_equal(attempts, VOUCHER_MAX_FAILURES + 2); /* every attempt logged */
}

static void test_redeem_once_and_cancel_refused(void **state) {
  long long m;
  char no[VOUCHER_NO_LEN + 1], pw[16], order_no[ORDER_NO_LEN + 1];
  paid_voucher_order(&m, no, pw, order_no);
  HDF *h = NULL;
  t_ok(hdf_init(&h), "hdf");
  voucher_outcome o;
  char lower[VOUCHER_NO_LEN + 3];
  snprintf(lower, sizeof lower, " v%s", no + 1); /* typed by hand */
  t_ok(voucher_check(t_db(), (int)g_merchant, staff(), lower, pw, "", h, "V", &o), "check");
  assert_int_equal(o.result, VOUCHER_OK);
  assert_string_equal(hdf_get_value(h, "V.0.no", ""), no);
  assert_string_equal(hdf_get_value(h, "V.0.status", ""), "issued");
  status_of(no, "issued"); /* checking does not redeem */
  assert_int_equal(redeem((int)g_merchant, no, pw, &o), VOUCHER_OK);
  assert_true(strlen(o.redeemed_at) == 19);
  assert_int_equal(redeem((int)g_merchant, no, pw, &o), VOUCHER_USED);
  status_of(no, "redeemed");
  assert_int_equal(fx_ll(SQL_INBOX_USED, m), 1);
  order_outcome out;
  t_ok(order_cancel(t_db(), m, order_no, "", &out), "cancel");
  assert_int_equal(out.result, ORDER_VOUCHER_USED);
  t_ok(order_cancel(t_db(), 0, order_no, "", &out), "cancel by operator");
  assert_int_equal(out.result, ORDER_VOUCHER_USED);
  fx_ledger_clean();
  hdf_destroy(&h);
}

static void test_cancel_voids_then_redeem_refused(void **state) {
  long long m;
  char no[VOUCHER_NO_LEN + 1], pw[16], order_no[ORDER_NO_LEN + 1];
  paid_voucher_order(&m, no, pw, order_no);
  order_outcome out;
  t_ok(order_cancel(t_db(), m, order_no, "", &out), "cancel");
  assert_int_equal(out.result, ORDER_OK);
  status_of(no, "voided");
  voucher_outcome o;
  assert_int_equal(redeem((int)g_merchant, no, pw, &o), VOUCHER_VOIDED);
  assert_int_equal(fx_ll(FX_BALANCE, m), 1000);
  fx_ledger_clean();
}

struct race {
  char no[VOUCHER_NO_LEN + 1], pw[16];
};
static int racer_redeem(int idx, void *arg) {
  struct race *r = arg;
  voucher_outcome o;
  NEOERR *err = voucher_redeem(t_db(), (int)g_merchant, staff(), r->no, r->pw, "", &o);
  if (err) {
    nerr_ignore(&err);
    return -1;
  }
  return (int)o.result;
}

static void test_race_redeem(void **state) {
  long long m;
  struct race r;
  char order_no[ORDER_NO_LEN + 1];
  paid_voucher_order(&m, r.no, r.pw, order_no);
  enum { N = 6 };
  int res[N];
  fx_race(N, racer_redeem, &r, res);
  assert_int_equal(fx_count(res, N, VOUCHER_OK), 1);
  assert_int_equal(fx_count(res, N, VOUCHER_USED), N - 1);
  assert_int_equal(fx_ll(SQL_INBOX_USED, m), 1);
  fx_ledger_clean();
}

static void test_expire_idempotent(void **state) {
  long long expired = -1;
  t_ok(vouchers_expire(t_db(), &expired), "expire");
  t_ok(vouchers_expire(t_db(), &expired), "expire again");
  assert_int_equal(expired, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_qr_png_decodes),
      cmocka_unit_test(test_qr_svg_path),
      cmocka_unit_test(test_password_seal),
      cmocka_unit_test(test_wrong_passwords_lock),
      cmocka_unit_test(test_redeem_once_and_cancel_refused),
      cmocka_unit_test(test_cancel_voids_then_redeem_refused),
      cmocka_unit_test(test_race_redeem),
      cmocka_unit_test(test_expire_idempotent),
  };
  FX_RUN("vouchers", tests, setup);
}
