/* code_scan.c: scanning a one-item code — looked up by keyed hash, earned once in one transaction */
#include "codes/code_scan.h"
#include "campaigns/monitor.h"
#include "points/points.h"
#include <stdio.h>
#include <string.h>

const char CODE_FIND_SQL[] =
    "SELECT c.batch_id, c.serial, b.activity_id, b.points, DATE_FORMAT(b.points_expire, '%Y-%m-%d'), "
    "DATE_FORMAT(b.valid_until, '%Y-%m-%d'), b.valid_until >= CURDATE(), COALESCE(x.active, 0), "
    "COALESCE(DATE_FORMAT(c.used_at, '%Y-%m-%d %H:%i:%s'), ''), COALESCE(c.used_by, 0) "
    "FROM codes c JOIN code_batches b ON b.id = c.batch_id LEFT JOIN code_boxes x ON x.id = c.box_id WHERE c.hash = ?";
static const char SQL_MEMBER_LOCK[] = "SELECT status FROM members WHERE id = ? FOR UPDATE";
/* The one write that decides who gets a code: only while unused, only in an active box. The box row is read in share
 * mode by this statement, so a deactivation waits for scans in flight and the scans after it see it. */
const char CODE_USE_SQL[] = "UPDATE codes c JOIN code_boxes x ON x.id = c.box_id SET c.used_at = NOW(), c.used_by = ? "
                            "WHERE c.batch_id = ? AND c.serial = ? AND c.used_at IS NULL AND x.active = 1";
static const char SQL_CODE_LEDGER[] = "UPDATE codes SET ledger_id = ? WHERE batch_id = ? AND serial = ?";
static const char SQL_BATCH_NAME[] = "SELECT name FROM code_batches WHERE id = ?";

/* Reads the code's row into out; SCAN_OK when it could be collected now, else why not. */
static NEOERR *find(MYSQL *db, const char *text, long long member_id, scan_outcome *out) {
  memset(out, 0, sizeof *out);
  code_status st = code_parse(text, out->code);
  if (st != CODE_OK) {
    out->result = SCAN_TYPO;
    return STATUS_OK;
  }
  char hash[CODE_HASH_HEX + 1];
  code_hash(out->code, hash);
  int found = 0, valid = 0, active = 0;
  long long used_by = 0;
  NEOERR *err = db_row(db, CODE_FIND_SQL, DBA(DS(hash)),
                       DCOLS(DCOL_LL(&out->batch_id), DCOL_LL(&out->serial), DCOL_LL(&out->activity_id),
                             DCOL_LL(&out->points), DCOL_STR(out->points_expire), DCOL_STR(out->valid_until),
                             DCOL_INT(&valid), DCOL_INT(&active), DCOL_STR(out->used_at), DCOL_LL(&used_by)),
                       &found);
  if (err) return nerr_pass(err);
  out->mine = member_id && used_by == member_id;
  if (!found) out->result = SCAN_INVALID;
  else if (out->used_at[0]) out->result = SCAN_USED;
  else if (!active) out->result = SCAN_INACTIVE;
  else if (!valid) out->result = SCAN_EXPIRED;
  else out->result = SCAN_OK;
  return STATUS_OK;
}

NEOERR *code_lookup(MYSQL *db, const char *text, long long member_id, scan_outcome *out) {
  return nerr_pass(find(db, text, member_id, out));
}

struct scan_arg {
  long long member_id;
  scan_outcome *out;
  const char *note;
};

static NEOERR *refused(void) {
  NEOERR *err = points_init_errors();
  return err ? err : nerr_raise(NERR_POINTS_REFUSED, "scan refused");
}

static NEOERR *tx_scan(MYSQL *db, void *arg) {
  struct scan_arg *a = arg;
  scan_outcome *o = a->out;
  char status[16];
  int found = 0;
  o->result = SCAN_OK;
  /* Member row first, as every points writer does (points.h). */
  NEOERR *err = db_query_str(db, SQL_MEMBER_LOCK, DBA(DI(a->member_id)), status, sizeof status, &found);
  if (err) return nerr_pass(err);
  if (!found || strcmp(status, "active")) {
    o->result = SCAN_FROZEN;
    return refused();
  }
  long long n = 0;
  err = db_exec(db, CODE_USE_SQL, DBA(DI(a->member_id), DI(o->batch_id), DI(o->serial)), &n, NULL);
  if (err) return nerr_pass(err);
  if (n != 1) {
    o->result = SCAN_USED; /* or deactivated meanwhile: read again after the rollback */
    return refused();
  }
  if ((err = guards_scan(db, a->member_id, o->activity_id, o->points, &o->guard))) return nerr_pass(err);
  if (o->guard.result != GUARD_OK) {
    o->result = SCAN_GUARD;
    return refused();
  }
  char key[64];
  snprintf(key, sizeof key, "scan:%lld:%lld", o->batch_id, o->serial);
  err = points_credit_once(db, a->member_id, "scan", o->points, "scan", a->note, o->points_expire, key, &o->ledger_id);
  if (!err) err = db_exec(db, SQL_CODE_LEDGER, DBA(DI(o->ledger_id), DI(o->batch_id), DI(o->serial)), NULL, NULL);
  if (!err && o->activity_id > 0) err = monitor_count_scan(db, o->activity_id, o->points); /* the live monitor (F1) */
  return nerr_pass(err);
}

NEOERR *code_scan(MYSQL *db, const char *text, long long member_id, scan_outcome *out) {
  NEOERR *err = find(db, text, member_id, out);
  if (err || out->result != SCAN_OK) return nerr_pass(err);
  char name[DB_VARCHAR(100)] = "", note[DB_VARCHAR(100) + 32];
  int found = 0;
  if ((err = db_query_str(db, SQL_BATCH_NAME, DBA(DI(out->batch_id)), name, sizeof name, &found)))
    return nerr_pass(err);
  snprintf(note, sizeof note, "扫码积分 %s", name);
  if ((err = guards_scan_prepare(db, out->activity_id))) return nerr_pass(err);
  struct scan_arg a = {member_id, out, note};
  err = db_tx(db, tx_scan, &a);
  if (err && nerr_handle(&err, NERR_POINTS_REFUSED)) {
    scan_result why = out->result;
    guard_outcome g = out->guard;
    if (why == SCAN_USED) {
      /* Lost the race, or the box was deactivated: say what the code is now. */
      err = find(db, text, member_id, out);
      if (!err && out->result == SCAN_OK) out->result = SCAN_INACTIVE;
      return nerr_pass(err);
    }
    out->result = why;
    out->guard = g;
    if (why == SCAN_GUARD && g.result == GUARD_TRIPPED) err = guards_trip(db, g.activity_id);
  }
  return nerr_pass(err);
}
