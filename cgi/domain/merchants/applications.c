/* applications.c: merchant onboarding (V3) — public applications, two-stage review, creating the merchant */
#include "merchants/applications.h"
#include "crypto.h"
#include "shared/passwords.h"
#include "shared/sms.h"
#include <stdio.h>
#include <string.h>

static const char SQL_NAME_TAKEN[] =
    "SELECT (SELECT COUNT(*) FROM merchant_users WHERE username = ?)"
    " + (SELECT COUNT(*) FROM merchant_applications WHERE username = ? AND status IN ('submitted','first_approved'))";
static const char SQL_INSERT[] = "INSERT INTO merchant_applications (company, contact, mobile, address, category, "
                                 "licence_no, licence_image, username)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
/* The list reads by_status (one status) or PRIMARY newest first and stops at the page (README "Lists"); counts stop at
 * APPLICATIONS_COUNT_CAP + 1; past the numbered pages ?after=<the last id shown>. */
#define LIST_COLS                                                                                                      \
  "SELECT id, company, contact, mobile, category, username, status,"                                                   \
  " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at"
static const char SQL_GET[] =
    "SELECT a.id, a.company, a.contact, a.mobile, a.address, a.category, a.licence_no, a.licence_image, a.username,"
    " a.status, a.first_reason, a.final_reason, a.merchant_id, f.username AS first_reviewer_name,"
    " g.username AS final_reviewer_name, DATE_FORMAT(a.first_at, '%Y-%m-%d %H:%i') AS first_at,"
    " DATE_FORMAT(a.final_at, '%Y-%m-%d %H:%i') AS final_at, DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i') AS created_at"
    " FROM merchant_applications a LEFT JOIN admins f ON f.id = a.first_reviewer"
    " LEFT JOIN admins g ON g.id = a.final_reviewer WHERE a.id = ?";
static const char SQL_SNAP[] =
    "SELECT id, company, mobile, username, status, first_reviewer, first_reason, final_reviewer, final_reason,"
    " merchant_id FROM merchant_applications WHERE id = ? FOR UPDATE";
static const char SQL_FIRST[] =
    "UPDATE merchant_applications SET status = ?, first_reviewer = ?, first_reason = ?, first_at = NOW()"
    " WHERE id = ? AND status = 'submitted'";
static const char SQL_FINAL[] =
    "UPDATE merchant_applications SET status = ?, final_reviewer = ?, final_reason = ?, final_at = NOW(),"
    " merchant_id = ? WHERE id = ? AND status = 'first_approved'";
static const char SQL_USER_EXISTS[] = "SELECT COUNT(*) FROM merchant_users WHERE username = ? FOR UPDATE";
static const char SQL_MERCHANT_NEW[] =
    "INSERT INTO merchants (name, address, phone, status) SELECT company, address, mobile, 'active'"
    " FROM merchant_applications WHERE id = ?";
static const char SQL_OWNER_NEW[] = "INSERT INTO merchant_users (merchant_id, username, password_hash, role, status) "
                                    "VALUES (?, ?, ?, 'owner', 'active')";
static const char SQL_MERCHANT_SNAP[] = "SELECT id, name, address, phone, status FROM merchants WHERE id = ?";

int application_licence_ok(const char *s) {
  static const char CHARS[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int W[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  if (!s || strlen(s) != 18) return 0;
  int sum = 0, v[18];
  for (int i = 0; i < 18; i++) {
    const char *p = s[i] ? strchr(CHARS, s[i]) : NULL;
    if (!p) return 0;
    v[i] = (int)(p - CHARS);
  }
  for (int i = 0; i < 17; i++) sum += v[i] * W[i];
  int check = (31 - sum % 31) % 31;
  return v[17] == check;
}

int application_username_ok(const char *s) {
  size_t n = s ? strlen(s) : 0;
  if (n < 4 || n > 32 || s[0] < 'a' || s[0] > 'z') return 0;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) return 0;
  return 1;
}

NEOERR *application_username_taken(MYSQL *db, const char *username, int *taken) {
  long long n = 0;
  NEOERR *err = db_query_ll(db, SQL_NAME_TAKEN, DBA(DS(username), DS(username)), &n, NULL);
  *taken = n > 0;
  return nerr_pass(err);
}

NEOERR *application_submit(MYSQL *db, const application_form *f, long long *id) {
  NEOERR *err = db_exec(db, SQL_INSERT,
                        DBA(DS(f->company), DS(f->contact), DS(f->mobile), DS(f->address), DS(f->category),
                            DS(f->licence_no), DS(f->licence_image ? f->licence_image : ""), DS(f->username)),
                        NULL, id);
  if (err) return nerr_pass(err);
  char text[300];
  int sent = 0;
  snprintf(text, sizeof text, "【积分商城】您的商户入驻申请（编号 %lld）已提交，我们会尽快完成审核并短信通知您。", *id);
  return nerr_pass(sms_send(db, f->mobile, "merchant_apply", text, &sent));
}

void applications_list_stmt(const char *status, long long offset, long long after, int limit, int count,
                            list_stmt *out) {
  list_stmt body;
  memset(&body, 0, sizeof body);
  if (status && *status)
    list_stmt_arg(&body, " FROM merchant_applications FORCE INDEX (by_status) WHERE status = ?", DS(status));
  else list_stmt_add(&body, " FROM merchant_applications FORCE INDEX (PRIMARY) WHERE 1 = 1");
  if (count) list_stmt_add(&body, " ORDER BY id DESC"); /* the count reads the index in order and stops at the cap */
  list_stmt_build(out, &body, count, APPLICATIONS_COUNT_CAP, LIST_COLS, "id", offset, after, limit);
}

NEOERR *applications_list(MYSQL *db, const char *status, long long offset, long long after, int limit, HDF *out,
                          const char *prefix, int *rows, long long *total) {
  list_stmt st;
  *rows = 0;
  applications_list_stmt(status, 0, 0, 0, 1, &st);
  NEOERR *err = db_query_ll(db, st.sql, st.p, st.n, total, NULL);
  if (err || (after <= 0 && offset >= *total)) return nerr_pass(err);
  applications_list_stmt(status, offset, after, limit, 0, &st);
  return nerr_pass(db_query_hdf(db, out, prefix, st.sql, st.p, st.n, rows));
}

NEOERR *application_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found) {
  int rows = 0;
  NEOERR *err = db_query_hdf(db, out, prefix, SQL_GET, DBA(DI(id)), &rows);
  *found = rows == 1;
  return nerr_pass(err);
}

struct review {
  const audit_actor *who;
  long long id;
  int final, approve;
  const char *reason, *hash;
  app_review_result res;
  long long merchant_id;
  char mobile[16], username[72];
};

static const char *jstr(json_t *o, const char *k) {
  const char *v = json_string_value(json_object_get(o, k));
  return v ? v : "";
}

static NEOERR *tx_review(MYSQL *db, void *arg) {
  struct review *x = arg;
  json_t *before = NULL, *after = NULL, *m = NULL;
  long long n = 0;
  x->res = APP_REVIEW_NOT_FOUND;
  x->merchant_id = 0;
  NEOERR *err = audit_snapshot(db, SQL_SNAP, x->id, &before);
  if (err || !before) goto done;
  snprintf(x->mobile, sizeof x->mobile, "%s", jstr(before, "mobile"));
  snprintf(x->username, sizeof x->username, "%s", jstr(before, "username"));
  x->res = APP_REVIEW_STATE;
  if (strcmp(jstr(before, "status"), x->final ? "first_approved" : "submitted") != 0) goto done;
  const char *to = x->approve ? (x->final ? "approved" : "first_approved") : "rejected";
  if (!x->final) {
    err = db_exec(db, SQL_FIRST, DBA(DS(to), DI(x->who->id), DS(x->reason), DI(x->id)), &n, NULL);
  } else {
    if (x->approve) {
      long long clash = 0;
      err = db_query_ll(db, SQL_USER_EXISTS, DBA(DS(x->username)), &clash, NULL);
      if (!err && clash) {
        x->res = APP_REVIEW_USERNAME_TAKEN;
        goto done;
      }
      if (!err) err = db_exec(db, SQL_MERCHANT_NEW, DBA(DI(x->id)), NULL, &x->merchant_id);
      if (!err) err = db_exec(db, SQL_OWNER_NEW, DBA(DI(x->merchant_id), DS(x->username), DS(x->hash)), NULL, NULL);
      if (!err) err = audit_snapshot(db, SQL_MERCHANT_SNAP, x->merchant_id, &m);
      if (!err) err = audit_record(db, x->who, "create", "merchant", x->merchant_id, NULL, m);
    }
    if (!err)
      err = db_exec(db, SQL_FINAL,
                    DBA(DS(to), DI(x->who->id), DS(x->reason), x->merchant_id ? DI(x->merchant_id) : DNULL, DI(x->id)),
                    &n, NULL);
  }
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "application %lld changed under its row lock", x->id);
  if (!err) err = audit_snapshot(db, SQL_SNAP, x->id, &after);
  char action[32];
  snprintf(action, sizeof action, "%s_%s", x->final ? "final" : "first", x->approve ? "approve" : "reject");
  if (!err) err = audit_record(db, x->who, action, "merchant_application", x->id, before, after);
  if (!err) x->res = APP_REVIEW_OK;
done:
  json_decref(before);
  json_decref(after);
  json_decref(m);
  return nerr_pass(err);
}

NEOERR *application_review(MYSQL *db, const audit_actor *who, long long id, int final, int approve, const char *reason,
                           app_review_result *res, long long *merchant_id) {
  char pw[APPLICATION_PASSWORD_LEN + 1] = "", hash[PASSWORD_HASH_LEN] = "";
  struct review x = {
      .who = who, .id = id, .final = final, .approve = approve, .reason = reason ? reason : "", .hash = hash};
  /* Hashed before the transaction: scrypt is slow and must not run while row locks are held. */
  if (final && approve && (password_generate(pw, sizeof pw) || password_hash(pw, hash)))
    return nerr_raise(NERR_SYSTEM, "cannot make an initial merchant password");
  NEOERR *err = db_tx(db, tx_review, &x);
  *res = x.res;
  if (merchant_id) *merchant_id = x.merchant_id;
  if (!err && x.res == APP_REVIEW_OK) {
    /* After COMMIT: a text never announces an account that was rolled back. */
    char text[1100];
    int sent = 0;
    if (!approve)
      snprintf(text, sizeof text, "【积分商城】很抱歉，您的商户入驻申请（编号 %lld）未通过%s，原因：%s", id,
               final ? "终审" : "初审", x.reason);
    else if (!final)
      snprintf(text, sizeof text, "【积分商城】您的商户入驻申请（编号 %lld）已通过初审，正在等待终审。", id);
    else
      snprintf(text, sizeof text,
               "【积分商城】恭喜，您的商户入驻申请（编号 %lld）已通过审核。商户后台登录名：%s ，初始密码：%s ，"
               "请登录后尽快修改密码。",
               id, x.username, pw);
    err = sms_send(db, x.mobile, "merchant_review", text, &sent);
    memset(text, 0, sizeof text);
  }
  memset(pw, 0, sizeof pw);
  return nerr_pass(err);
}
