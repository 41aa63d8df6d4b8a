/* earning_rules.c: earning rules (P2) — rule versions applied to reported consumptions under a per-member day cap
 * (one conditional statement), activity bonuses out of the F2 day budget, their reverse, and the back office's saves */
#include "points/earning_rules.h"
#include "campaigns/guards.h"
#include "points/earning_math.h"
#include <stdio.h>
#include <string.h>

/* ---- applying a rule ---- */
static const char SQL_MEMBER_LOCK[] = "SELECT id FROM members WHERE id = ? FOR UPDATE";
static const char SQL_RULE_NEWEST[] =
    "SELECT id, version, points_per_unit, unit_fen, rounding, member_day_cap, status = 'active' FROM earning_rules "
    "WHERE enterprise = ? AND code = ? ORDER BY version DESC LIMIT 1";
/* The member's day count of the rule: inserted, or raised by what the cap leaves — last_take is assigned first (the
 * assignments of one UPDATE run left to right), then added, so the row says what this statement took. */
static const char SQL_DAY_TAKE[] =
    "INSERT INTO rule_member_days (enterprise, code, member_id, day, points, last_take) "
    "VALUES (?, ?, ?, CURDATE(), LEAST(?, ?), LEAST(?, ?)) "
    "ON DUPLICATE KEY UPDATE last_take = GREATEST(LEAST(?, ? - points), 0), points = points + last_take";
static const char SQL_DAY_TAKEN[] = "SELECT last_take FROM rule_member_days WHERE enterprise = ? AND code = ? AND "
                                    "member_id = ? AND day = CURDATE() FOR UPDATE";
static const char SQL_RULE_RECORD[] =
    "INSERT INTO api_rule_earns (op_id, rule_id, enterprise, code, member_id, day, amount_fen, computed, points) "
    "VALUES (?, ?, ?, ?, ?, CURDATE(), ?, ?, ?)";

NEOERR *earning_rule_apply(MYSQL *db, const char *enterprise, const char *code, long long member_id,
                           long long amount_fen, long long max_points, earn_rule_use *use, earn_rule_result *res) {
  memset(use, 0, sizeof *use);
  *res = EARN_RULE_OK;
  long long ppu = 0, unit = 0, cap = 0, id = 0;
  int version = 0, active = 0, found = 0;
  char rounding[16];
  NEOERR *err = db_row(db, SQL_MEMBER_LOCK, DBA(DI(member_id)), DCOLS(DCOL_LL(&id)), NULL);
  if (!err)
    err = db_row(db, SQL_RULE_NEWEST, DBA(DS(enterprise), DS(code)),
                 DCOLS(DCOL_LL(&use->rule_id), DCOL_INT(&version), DCOL_LL(&ppu), DCOL_LL(&unit), DCOL_STR(rounding),
                       DCOL_LL(&cap), DCOL_INT(&active)),
                 &found);
  if (err) return nerr_pass(err);
  if (!found || !active) {
    *res = EARN_RULE_UNKNOWN;
    return STATUS_OK;
  }
  snprintf(use->code, sizeof use->code, "%s", code);
  use->version = version;
  use->amount_fen = amount_fen;
  int mode = earning_rounding_parse(rounding);
  use->computed = earning_points(amount_fen, ppu, unit, mode < 0 ? EARN_ROUND_DOWN : (earn_rounding)mode);
  if (use->computed < 0 || use->computed > max_points) {
    *res = EARN_RULE_TOO_MUCH;
    return STATUS_OK;
  }
  if (use->computed == 0) {
    *res = EARN_RULE_NOTHING;
    return STATUS_OK;
  }
  use->points = use->computed;
  if (cap > 0) {
    long long want = use->computed;
    err = db_exec(db, SQL_DAY_TAKE,
                  DBA(DS(enterprise), DS(code), DI(member_id), DI(want), DI(cap), DI(want), DI(cap), DI(want), DI(cap)),
                  NULL, NULL);
    if (!err) err = db_query_ll(db, SQL_DAY_TAKEN, DBA(DS(enterprise), DS(code), DI(member_id)), &use->points, NULL);
    if (err) return nerr_pass(err);
    if (use->points <= 0) {
      *res = EARN_RULE_CAP_USED;
      return STATUS_OK;
    }
  }
  use->capped = use->points < use->computed;
  return STATUS_OK;
}

NEOERR *earning_rule_record(MYSQL *db, long long op_id, const char *enterprise, long long member_id,
                            const earn_rule_use *use) {
  return nerr_pass(db_exec(db, SQL_RULE_RECORD,
                           DBA(DI(op_id), DI(use->rule_id), DS(enterprise), DS(use->code), DI(member_id),
                               DI(use->amount_fen), DI(use->computed), DI(use->points)),
                           NULL, NULL));
}

/* ---- activity bonuses ---- */
#define BONUS_RUNNING                                                                                                  \
  "FROM activity_bonuses b JOIN activities a ON a.id = b.activity_id WHERE b.status = 'active' AND a.paused = 0 "     \
  "AND a.starts_at <= NOW() AND a.ends_at > NOW() AND (b.enterprise = '' OR b.enterprise = ?) "
static const char SQL_BONUS_MISSING_DAYS[] =
    "SELECT a.id " BONUS_RUNNING "AND a.points_budget > 0 AND NOT EXISTS (SELECT 1 FROM activity_days d "
    "WHERE d.activity_id = a.id AND d.day = CURDATE()) ORDER BY a.id LIMIT 8";
static const char SQL_DAY_CREATE[] = "INSERT IGNORE INTO activity_days (activity_id, day) VALUES (?, CURDATE())";
static const char SQL_BONUSES_RUNNING[] =
    "SELECT a.id, b.kind = 'multiply', b.multiplier_pct, b.fixed_points, a.points_budget " BONUS_RUNNING
    "ORDER BY a.id LIMIT 8";
static const char SQL_BONUS_PAID[] =
    "INSERT INTO earn_bonuses (activity_id, member_id, earn_ledger_id, ledger_id, points, day) "
    "VALUES (?, ?, ?, ?, ?, CURDATE())";

NEOERR *earning_bonuses_prepare(MYSQL *db, const char *enterprise) {
  long long ids[8];
  int rows = 0;
  NEOERR *err =
      db_rows(db, SQL_BONUS_MISSING_DAYS, DBA(DS(enterprise)), DCOLS(DCOL_LL(&ids[0])), sizeof ids[0], 8, &rows);
  for (int i = 0; !err && i < rows; i++) err = db_exec(db, SQL_DAY_CREATE, DBA(DI(ids[i])), NULL, NULL);
  return nerr_pass(err);
}

typedef struct {
  long long id, pct, fixed, budget;
  int multiply;
} bonus_row;

NEOERR *earning_bonuses_pay(MYSQL *db, const char *enterprise, long long member_id, long long earn_ledger_id,
                            long long points, const char *expires, earn_bonus_paid *out, int *n) {
  *n = 0;
  bonus_row b[EARN_MAX_BONUSES];
  int rows = 0;
  NEOERR *err = db_rows(db, SQL_BONUSES_RUNNING, DBA(DS(enterprise)),
                        DCOLS(DCOL_LL(&b[0].id), DCOL_INT(&b[0].multiply), DCOL_LL(&b[0].pct), DCOL_LL(&b[0].fixed),
                              DCOL_LL(&b[0].budget)),
                        sizeof b[0], EARN_MAX_BONUSES, &rows);
  for (int i = 0; !err && i < rows; i++) {
    long long bonus = earning_bonus(points, b[i].multiply, b[i].pct, b[i].fixed);
    if (bonus <= 0) continue;
    int ok = 0;
    if ((err = guards_points_take(db, b[i].id, bonus, b[i].budget, &ok)) || !ok) continue;
    char key[64], note[64];
    snprintf(key, sizeof key, "bonus:%lld:%lld", b[i].id, earn_ledger_id);
    snprintf(note, sizeof note, "活动奖励 #%lld", b[i].id);
    long long lid = 0;
    err = points_credit_once(db, member_id, "bonus", bonus, "activity", note, expires, key, &lid);
    if (!err)
      err = db_exec(db, SQL_BONUS_PAID, DBA(DI(b[i].id), DI(member_id), DI(earn_ledger_id), DI(lid), DI(bonus)), NULL,
                    NULL);
    if (!err) out[(*n)++] = (earn_bonus_paid){b[i].id, bonus, lid};
  }
  return nerr_pass(err);
}

/* ---- reverse ---- */
static const char SQL_BONUSES_OF[] =
    "SELECT id, activity_id, ledger_id, points, DATE_FORMAT(day, '%Y-%m-%d') FROM earn_bonuses "
    "WHERE earn_ledger_id = ? AND reverse_ledger_id IS NULL ORDER BY id FOR UPDATE";
static const char SQL_BONUS_REVERSED[] =
    "UPDATE earn_bonuses SET reverse_ledger_id = ? WHERE id = ? AND reverse_ledger_id IS NULL";
static const char SQL_BUDGET_BACK[] = "UPDATE activity_days SET points_spent = GREATEST(points_spent - ?, 0) "
                                      "WHERE activity_id = ? AND day = ?";
static const char SQL_RULE_EARN_OF[] =
    "SELECT points FROM api_rule_earns WHERE op_id = ? AND reversed = 0 FOR UPDATE";
static const char SQL_RULE_DAY_BACK[] =
    "UPDATE rule_member_days d JOIN api_rule_earns r ON r.enterprise = d.enterprise AND r.code = d.code "
    "AND r.member_id = d.member_id AND r.day = d.day SET d.points = GREATEST(d.points - r.points, 0) "
    "WHERE r.op_id = ?";
static const char SQL_RULE_EARN_REVERSED[] = "UPDATE api_rule_earns SET reversed = 1 WHERE op_id = ?";

typedef struct {
  long long id, activity_id, ledger_id, points;
  char day[11];
} bonus_paid_row;

NEOERR *earning_reverse(MYSQL *db, long long op_id, long long earn_ledger_id, long long member_id, const char *note,
                        earn_bonus_paid *out, int *n, points_result *res) {
  *n = 0;
  *res = POINTS_OK;
  bonus_paid_row b[EARN_MAX_BONUSES];
  int rows = 0;
  NEOERR *err = db_rows(db, SQL_BONUSES_OF, DBA(DI(earn_ledger_id)),
                        DCOLS(DCOL_LL(&b[0].id), DCOL_LL(&b[0].activity_id), DCOL_LL(&b[0].ledger_id),
                              DCOL_LL(&b[0].points), DCOL_STR(b[0].day)),
                        sizeof b[0], EARN_MAX_BONUSES, &rows);
  for (int i = 0; !err && i < rows; i++) {
    char key[64];
    snprintf(key, sizeof key, "bonus_reverse:%lld", b[i].ledger_id);
    long long taken = 0, entry = 0, k = 0;
    err = points_reverse_bonus(db, member_id, b[i].ledger_id, key, note, res, &taken, &entry);
    if (!err) err = db_exec(db, SQL_BONUS_REVERSED, DBA(DI(entry), DI(b[i].id)), &k, NULL);
    if (!err && k != 1) err = nerr_raise(NERR_ASSERT, "bonus %lld changed under its lock", b[i].id);
    if (!err) err = db_exec(db, SQL_BUDGET_BACK, DBA(DI(b[i].points), DI(b[i].activity_id), DS(b[i].day)), NULL, NULL);
    if (!err) out[(*n)++] = (earn_bonus_paid){b[i].activity_id, -taken, entry};
  }
  if (err) return nerr_pass(err);
  long long pts = 0;
  int found = 0;
  if ((err = db_query_ll(db, SQL_RULE_EARN_OF, DBA(DI(op_id)), &pts, &found)) || !found) return nerr_pass(err);
  err = db_exec(db, SQL_RULE_DAY_BACK, DBA(DI(op_id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_RULE_EARN_REVERSED, DBA(DI(op_id)), NULL, NULL);
  return nerr_pass(err);
}

/* ---- back office ---- */
int earning_code_valid(const char *s) {
  size_t n = s ? strlen(s) : 0;
  if (n == 0 || n > EARN_CODE_MAX) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || strchr("-_.:", c))) return 0;
  }
  return 1;
}

#define RULE_COLS                                                                                                      \
  "r.id, r.enterprise, r.code, r.version, r.name, r.points_per_unit, r.unit_fen, r.rounding, r.member_day_cap, "     \
  "r.status, DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i') AS created_at "
static const char SQL_RULES_LIST[] =
    "SELECT " RULE_COLS "FROM earning_rules r JOIN (SELECT code, MAX(version) AS v FROM earning_rules "
    "WHERE enterprise = ? GROUP BY code) m ON m.code = r.code AND m.v = r.version WHERE r.enterprise = ? "
    "ORDER BY r.code LIMIT 500";
static const char SQL_RULE_GET[] =
    "SELECT " RULE_COLS ", e.name AS enterprise_name, (SELECT MAX(version) FROM earning_rules x WHERE "
    "x.enterprise = r.enterprise AND x.code = r.code) AS newest FROM earning_rules r JOIN enterprises e ON "
    "e.code = r.enterprise WHERE r.id = ?";
static const char SQL_RULE_VERSIONS[] =
    "SELECT " RULE_COLS "FROM earning_rules r JOIN earning_rules o ON o.enterprise = r.enterprise AND o.code = r.code "
    "WHERE o.id = ? ORDER BY r.version DESC LIMIT 200";
static const char SQL_RULE_AUDIT[] =
    "SELECT enterprise, code, version, name, points_per_unit, unit_fen, rounding, member_day_cap, status "
    "FROM earning_rules WHERE id = ?";
static const char SQL_RULE_OF[] = "SELECT enterprise, code FROM earning_rules WHERE id = ?";
static const char SQL_ENTERPRISE_LOCK[] = "SELECT COUNT(*) FROM enterprises WHERE code = ? LOCK IN SHARE MODE";
/* The enterprise's row is locked first: two saves of one enterprise's rules take their versions one after the other. */
static const char SQL_ENTERPRISE_XLOCK[] = "SELECT code FROM enterprises WHERE code = ? FOR UPDATE";
static const char SQL_RULE_LAST[] = "SELECT COALESCE(MAX(version), 0) FROM earning_rules WHERE enterprise = ? AND code = ?";
static const char SQL_RULE_INSERT[] =
    "INSERT INTO earning_rules (enterprise, code, version, name, points_per_unit, unit_fen, rounding, member_day_cap, "
    "status, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

NEOERR *earning_rules_list(MYSQL *db, const char *enterprise, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_RULES_LIST, DBA(DS(enterprise), DS(enterprise)), rows));
}

NEOERR *earning_rule_get(MYSQL *db, long long id, HDF *out, const char *prefix, int *found) {
  return nerr_pass(db_query_hdf_one(db, out, prefix, SQL_RULE_GET, DBA(DI(id)), found));
}

NEOERR *earning_rule_versions(MYSQL *db, long long id, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_RULE_VERSIONS, DBA(DI(id)), rows));
}

struct rule_save {
  const audit_actor *who;
  long long from_id;
  const earning_rule_spec *s;
  long long *new_id;
  rule_save_result *res;
};

static NEOERR *tx_rule_save(MYSQL *db, void *arg) {
  struct rule_save *a = arg;
  const earning_rule_spec *s = a->s;
  char ent[DB_VARCHAR(64)], code[EARN_CODE_MAX + 1];
  int found = 0;
  NEOERR *err = STATUS_OK;
  json_t *before = NULL, *after = NULL;
  *a->res = RULE_SAVE_OK;
  if (a->from_id) {
    err = db_row(db, SQL_RULE_OF, DBA(DI(a->from_id)), DCOLS(DCOL_STR(ent), DCOL_STR(code)), &found);
    if (err || !found) {
      if (!err) *a->res = RULE_SAVE_NOT_FOUND;
      return nerr_pass(err);
    }
  } else {
    if (!earning_code_valid(s->code)) {
      *a->res = RULE_SAVE_BAD_CODE;
      return STATUS_OK;
    }
    snprintf(ent, sizeof ent, "%s", s->enterprise);
    snprintf(code, sizeof code, "%s", s->code);
  }
  long long known = 0, last = 0;
  char locked[DB_VARCHAR(64)];
  if ((err = db_query_ll(db, SQL_ENTERPRISE_LOCK, DBA(DS(ent)), &known, NULL))) return nerr_pass(err);
  if (!known) {
    *a->res = RULE_SAVE_NO_ENTERPRISE;
    return STATUS_OK;
  }
  if ((err = db_query_str(db, SQL_ENTERPRISE_XLOCK, DBA(DS(ent)), locked, sizeof locked, NULL))) return nerr_pass(err);
  if ((err = db_query_ll(db, SQL_RULE_LAST, DBA(DS(ent), DS(code)), &last, NULL))) return nerr_pass(err);
  if (!a->from_id && last > 0) {
    *a->res = RULE_SAVE_CODE_TAKEN;
    return STATUS_OK;
  }
  if (a->from_id && (err = audit_snapshot(db, SQL_RULE_AUDIT, a->from_id, &before))) return nerr_pass(err);
  err = db_exec(db, SQL_RULE_INSERT,
                DBA(DS(ent), DS(code), DI(last + 1), DS(s->name), DI(s->points_per_unit), DI(s->unit_fen),
                    DS(s->rounding), DI(s->member_day_cap), DS(s->status), DI(a->who->id)),
                NULL, a->new_id);
  if (!err) err = audit_snapshot(db, SQL_RULE_AUDIT, *a->new_id, &after);
  if (!err)
    err = audit_record(db, a->who, a->from_id ? "update" : "create", "earning_rule", *a->new_id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *earning_rule_save(MYSQL *db, const audit_actor *who, long long from_id, const earning_rule_spec *s,
                          long long *new_id, rule_save_result *res) {
  *new_id = 0;
  struct rule_save a = {who, from_id, s, new_id, res};
  return nerr_pass(db_tx(db, tx_rule_save, &a));
}

static const char SQL_BONUSES_LIST[] =
    "SELECT b.activity_id, a.title_zh AS title, DATE_FORMAT(a.starts_at, '%Y-%m-%d %H:%i') AS starts_at, "
    "DATE_FORMAT(a.ends_at, '%Y-%m-%d %H:%i') AS ends_at, a.points_budget, b.enterprise, b.kind, b.multiplier_pct, "
    "b.fixed_points, b.status, (a.starts_at <= NOW() AND a.ends_at > NOW()) AS running, "
    "(SELECT COALESCE(SUM(x.points), 0) FROM earn_bonuses x WHERE x.activity_id = b.activity_id AND x.day = CURDATE() "
    "AND x.reverse_ledger_id IS NULL) AS paid_today "
    "FROM activity_bonuses b JOIN activities a ON a.id = b.activity_id ORDER BY b.activity_id DESC LIMIT 500";
static const char SQL_ACTIVITY_EXISTS[] = "SELECT COUNT(*) FROM activities WHERE id = ?";
static const char SQL_ENTERPRISE_EXISTS[] = "SELECT COUNT(*) FROM enterprises WHERE code = ?";
static const char SQL_BONUS_AUDIT[] =
    "SELECT activity_id, enterprise, kind, multiplier_pct, fixed_points, status FROM activity_bonuses "
    "WHERE activity_id = ?";
static const char SQL_BONUS_PUT[] =
    "INSERT INTO activity_bonuses (activity_id, enterprise, kind, multiplier_pct, fixed_points, status, updated_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE enterprise = VALUES(enterprise), kind = VALUES(kind), "
    "multiplier_pct = VALUES(multiplier_pct), fixed_points = VALUES(fixed_points), status = VALUES(status), "
    "updated_by = VALUES(updated_by), updated_at = NOW()";

NEOERR *earning_bonuses_list(MYSQL *db, HDF *out, const char *prefix, int *rows) {
  return nerr_pass(db_query_hdf(db, out, prefix, SQL_BONUSES_LIST, DB_NOARGS, rows));
}

struct bonus_save {
  const audit_actor *who;
  long long activity_id, pct, fixed;
  const char *enterprise, *kind, *status;
  int *found, *bad_enterprise;
};

static NEOERR *tx_bonus_save(MYSQL *db, void *arg) {
  struct bonus_save *a = arg;
  long long n = 0;
  NEOERR *err = db_query_ll(db, SQL_ACTIVITY_EXISTS, DBA(DI(a->activity_id)), &n, NULL);
  if (err) return nerr_pass(err);
  *a->found = n > 0;
  if (!n) return STATUS_OK;
  if (a->enterprise[0]) {
    if ((err = db_query_ll(db, SQL_ENTERPRISE_EXISTS, DBA(DS(a->enterprise)), &n, NULL))) return nerr_pass(err);
    *a->bad_enterprise = n == 0;
    if (!n) return STATUS_OK;
  }
  json_t *before = NULL, *after = NULL;
  err = audit_snapshot(db, SQL_BONUS_AUDIT, a->activity_id, &before);
  if (!err)
    err = db_exec(db, SQL_BONUS_PUT,
                  DBA(DI(a->activity_id), DS(a->enterprise), DS(a->kind), DI(a->pct), DI(a->fixed), DS(a->status),
                      DI(a->who->id)),
                  NULL, NULL);
  if (!err) err = audit_snapshot(db, SQL_BONUS_AUDIT, a->activity_id, &after);
  if (!err) err = audit_record(db, a->who, before ? "update" : "create", "activity_bonus", a->activity_id, before, after);
  json_decref(before);
  json_decref(after);
  return nerr_pass(err);
}

NEOERR *earning_bonus_save(MYSQL *db, const audit_actor *who, long long activity_id, const char *enterprise,
                           const char *kind, long long pct, long long fixed_points, const char *status, int *found,
                           int *bad_enterprise) {
  *found = 0;
  *bad_enterprise = 0;
  struct bonus_save a = {who, activity_id, pct, fixed_points, enterprise, kind, status, found, bad_enterprise};
  return nerr_pass(db_tx(db, tx_bonus_save, &a));
}
