/* finance_report.c: the monthly points report for finance (P5) — opening, issued by source, spent, expired and
 * closing liability per enterprise, from ledger kinds; ended months' closings kept for the next month's opening */
#include "finance_report.h"
#include "shared/csv.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const fin_col_names[FIN_COLS] = {"grant",  "consumption", "activity", "scan",
                                            "refund", "adjust_in",   "spent",    "expired"};

int finance_month_valid(const char *m) {
  if (!m || strlen(m) != 7 || m[4] != '-') return 0;
  for (int i = 0; i < 7; i++)
    if (i != 4 && (m[i] < '0' || m[i] > '9')) return 0;
  int y = atoi(m), mo = atoi(m + 5);
  return y >= 2000 && y <= 2099 && mo >= 1 && mo <= 12;
}

/* 'YYYY-MM' shifted by delta months. */
static void month_shift(const char *m, int delta, char out[8]) {
  unsigned k = (unsigned)(atoi(m) * 12 + atoi(m + 5) - 1 + delta);
  char tmp[32];
  snprintf(tmp, sizeof tmp, "%04u-%02u", (k / 12) % 10000, k % 12 + 1);
  memcpy(out, tmp, 7);
  out[7] = 0;
}

static const char SQL_COMPLETE[] = "SELECT ? <= NOW() - INTERVAL 1 HOUR";
static const char SQL_LAST_DAY[] = "SELECT DATE_FORMAT(LAST_DAY(?), '%Y-%m-%d')";
static const char SQL_CLOSED[] = "SELECT COUNT(*) FROM points_months_closed WHERE month = ?";
static const char SQL_CLOSINGS[] = "SELECT enterprise, closing FROM points_month_closings WHERE month = ?";
/* Every ledger amount before a time, by the member's enterprise: the balances then. */
static const char SQL_BALANCES_BEFORE[] =
    "SELECT m.enterprise, COALESCE(SUM(l.amount), 0) FROM points_ledger l JOIN members m ON m.id = l.member_id "
    "WHERE l.created_at < ? GROUP BY m.enterprise";
/* The members' balances now, less anything the ledger dates after the month (none in practice: entries take the time
 * they are written; a clock set back, or a test, can still write some). */
static const char SQL_BALANCES_NOW[] =
    "SELECT b.enterprise, SUM(b.amount) FROM (SELECT enterprise, points_balance AS amount FROM members"
    " UNION ALL SELECT m.enterprise, -l.amount FROM points_ledger l JOIN members m ON m.id = l.member_id"
    " WHERE l.created_at >= ?) b GROUP BY b.enterprise";
static const char SQL_CLOSING_PUT[] =
    "INSERT IGNORE INTO points_month_closings (month, enterprise, closing) VALUES (?, ?, ?)";
static const char SQL_CLOSED_PUT[] = "INSERT IGNORE INTO points_months_closed (month) VALUES (?)";
/* One SUM per column of finance_report.h, in fin_col order (outflows negated), then the net: an entry of a kind no
 * column names shows as a net that the columns do not explain, which the load refuses. */
static const char SQL_MOVEMENTS[] =
    "SELECT m.enterprise, SUM(IF(l.kind = 'grant', l.amount, 0)), SUM(IF(l.kind IN ('earn', 'api_earn'), l.amount, 0)),"
    " SUM(IF(l.kind = 'bonus' AND l.amount > 0, l.amount, 0)), SUM(IF(l.kind = 'scan', l.amount, 0)),"
    " SUM(IF(l.kind = 'refund' OR (l.kind = 'api_reverse' AND l.amount > 0), l.amount, 0)),"
    " SUM(IF(l.kind = 'adjust' AND l.amount > 0, l.amount, 0)),"
    " -SUM(IF(l.kind IN ('spend', 'offline', 'api_spend', 'coupon') OR (l.kind IN ('adjust', 'api_reverse', 'bonus') AND l.amount < 0),"
    " l.amount, 0)),"
    " -SUM(IF(l.kind = 'expire', l.amount, 0)), SUM(l.amount)"
    " FROM points_ledger l JOIN members m ON m.id = l.member_id WHERE l.created_at >= ? AND l.created_at < ?"
    " GROUP BY m.enterprise";

typedef struct {
  fin_report *r;
  const char *only;
  char month[8], start[20], next[20];
  char ent[DB_VARCHAR(64)];
  long long v[FIN_COLS + 1];
  int which;        /* 0 opening, 1 closing */
  const char *keep; /* the month whose closings are being written down, or NULL */
  MYSQL *db;
} load_ctx;

static fin_row *row_for(fin_report *r, const char *ent) {
  for (int i = 0; i < r->n; i++)
    if (strcmp(r->rows[i].enterprise, ent) == 0) return &r->rows[i];
  fin_row *grown = realloc(r->rows, (size_t)(r->n + 1) * sizeof *grown);
  if (!grown) return NULL;
  r->rows = grown;
  fin_row *f = &r->rows[r->n++];
  memset(f, 0, sizeof *f);
  snprintf(f->enterprise, sizeof f->enterprise, "%s", ent);
  return f;
}

static NEOERR *balance_row(void *arg, int row) {
  load_ctx *c = arg;
  (void)row;
  NEOERR *err = STATUS_OK;
  /* Written down for every enterprise, whichever one the report is for. */
  if (c->keep) err = db_exec(c->db, SQL_CLOSING_PUT, DBA(DS(c->keep), DS(c->ent), DI(c->v[0])), NULL, NULL);
  if (err || (c->only && strcmp(c->only, c->ent) != 0)) return nerr_pass(err);
  fin_row *f = row_for(c->r, c->ent);
  if (!f) return nerr_raise(NERR_NOMEM, "finance report");
  if (c->which == 0) f->opening = c->v[0];
  else f->closing = c->v[0];
  return STATUS_OK;
}

static NEOERR *movement_row(void *arg, int row) {
  load_ctx *c = arg;
  (void)row;
  long long explained = 0;
  for (int k = 0; k < FIN_COLS; k++) explained += k < FIN_ISSUED_COLS ? c->v[k] : -c->v[k];
  if (explained != c->v[FIN_COLS])
    return nerr_raise(NERR_ASSERT, "finance report %s: a ledger kind of enterprise '%s' is in no column", c->month,
                      c->ent);
  if (c->only && strcmp(c->only, c->ent) != 0) return STATUS_OK;
  fin_row *f = row_for(c->r, c->ent);
  if (!f) return nerr_raise(NERR_NOMEM, "finance report");
  memcpy(f->col, c->v, sizeof f->col);
  return STATUS_OK;
}

/* The balances at a month's close (the start of the next, next_start): the kept ones when that month is closed;
 * else summed from the ledger (and kept when it ended over an hour ago); a month still running closes, so far, at
 * the members' balances now. which: 0 into the openings, 1 into the closings. */
static NEOERR *balances_at(MYSQL *db, load_ctx *c, const char *month, const char *next_start, int which) {
  c->which = which;
  c->keep = NULL;
  long long closed = 0, ended = 0;
  dbc cols[] = {DCOL_STR(c->ent), DCOL_LL(&c->v[0])};
  NEOERR *err = db_query_ll(db, SQL_CLOSED, DBA(DS(month)), &closed, NULL);
  if (!err && closed) return nerr_pass(db_each(db, SQL_CLOSINGS, DBA(DS(month)), cols, 2, balance_row, c, NULL));
  if (!err) err = db_query_ll(db, SQL_COMPLETE, DBA(DS(next_start)), &ended, NULL);
  if (err) return nerr_pass(err);
  if (!ended && which == 1)
    return nerr_pass(db_each(db, SQL_BALANCES_NOW, DBA(DS(next_start)), cols, 2, balance_row, c, NULL));
  if (ended) c->keep = month;
  err = db_each(db, SQL_BALANCES_BEFORE, DBA(DS(next_start)), cols, 2, balance_row, c, NULL);
  if (!err && ended) err = db_exec(db, SQL_CLOSED_PUT, DBA(DS(month)), NULL, NULL);
  c->keep = NULL;
  return nerr_pass(err);
}

static int by_enterprise(const void *a, const void *b) {
  return strcmp(((const fin_row *)a)->enterprise, ((const fin_row *)b)->enterprise);
}

/* One consistent snapshot: openings, movements and closings read in one transaction. */
static NEOERR *load_tx(MYSQL *db, void *arg) {
  load_ctx *c = arg;
  fin_report *r = c->r;
  free(r->rows);
  r->rows = NULL;
  r->n = 0;
  char prev[8];
  month_shift(c->month, -1, prev);
  long long ended = 0;
  NEOERR *err = balances_at(db, c, prev, c->start, 0);
  if (!err)
    err = db_each(db, SQL_MOVEMENTS, DBA(DS(c->start), DS(c->next)),
                  DCOLS(DCOL_STR(c->ent), DCOL_LL(&c->v[0]), DCOL_LL(&c->v[1]), DCOL_LL(&c->v[2]), DCOL_LL(&c->v[3]),
                        DCOL_LL(&c->v[4]), DCOL_LL(&c->v[5]), DCOL_LL(&c->v[6]), DCOL_LL(&c->v[7]),
                        DCOL_LL(&c->v[8])),
                  movement_row, c, NULL);
  if (!err) err = balances_at(db, c, c->month, c->next, 1);
  if (!err) err = db_query_ll(db, SQL_COMPLETE, DBA(DS(c->next)), &ended, NULL);
  r->complete = ended != 0;
  return nerr_pass(err);
}

NEOERR *finance_report_load(MYSQL *db, const char *month, ent_scope scope, fin_report *out) {
  const char *enterprise = scope.all ? NULL : scope.code;
  memset(out, 0, sizeof *out);
  if (!finance_month_valid(month)) return nerr_raise(NERR_ASSERT, "finance_report_load: bad month");
  load_ctx c;
  memset(&c, 0, sizeof c);
  c.r = out;
  c.db = db;
  c.only = enterprise;
  snprintf(c.month, sizeof c.month, "%s", month);
  char next[8];
  month_shift(month, 1, next);
  snprintf(c.start, sizeof c.start, "%s-01 00:00:00", month);
  snprintf(c.next, sizeof c.next, "%s-01 00:00:00", next);
  snprintf(out->month, sizeof out->month, "%s", month);
  snprintf(out->from, sizeof out->from, "%s-01", month);
  int found = 0;
  NEOERR *err = db_query_str(db, SQL_LAST_DAY, DBA(DS(out->from)), out->to, sizeof out->to, &found);
  if (!err) err = db_tx(db, load_tx, &c);
  if (err) {
    finance_report_free(out);
    return nerr_pass(err);
  }
  /* An enterprise's own report always has its row, zeros when nothing moved. */
  if (enterprise && !row_for(out, enterprise)) {
    finance_report_free(out);
    return nerr_raise(NERR_NOMEM, "finance report");
  }
  if (out->n > 1) qsort(out->rows, (size_t)out->n, sizeof *out->rows, by_enterprise);
  fin_row *t = &out->total;
  snprintf(t->enterprise, sizeof t->enterprise, "%s", enterprise ? enterprise : "");
  for (int i = 0; i < out->n; i++) {
    fin_row *f = &out->rows[i];
    for (int k = 0; k < FIN_ISSUED_COLS; k++) f->issued += f->col[k];
    f->holds = f->opening + f->issued - f->col[FIN_SPENT] - f->col[FIN_EXPIRED] == f->closing;
    t->opening += f->opening;
    for (int k = 0; k < FIN_COLS; k++) t->col[k] += f->col[k];
    t->issued += f->issued;
    t->closing += f->closing;
  }
  t->holds = t->opening + t->issued - t->col[FIN_SPENT] - t->col[FIN_EXPIRED] == t->closing;
  return STATUS_OK;
}

void finance_report_free(fin_report *r) {
  free(r->rows);
  r->rows = NULL;
  r->n = 0;
}

NEOERR *finance_report_csv(const fin_report *r, STRING *out) {
  NEOERR *err = string_append(out, CSV_BOM "month,enterprise,opening");
  for (int k = 0; k < FIN_COLS && !err; k++) {
    if (k == FIN_SPENT) err = string_append(out, ",issued");
    if (!err) err = string_appendf(out, ",%s", fin_col_names[k]);
  }
  if (!err) err = string_append(out, ",closing,identity\r\n");
  for (int i = 0; i <= r->n && !err; i++) {
    const fin_row *f = i < r->n ? &r->rows[i] : &r->total;
    err = csv_text(out, r->month, 1);
    if (!err) err = csv_text(out, i < r->n ? f->enterprise : "TOTAL", 0);
    if (!err) err = csv_num(out, f->opening);
    for (int k = 0; k < FIN_COLS && !err; k++) {
      if (k == FIN_SPENT) err = csv_num(out, f->issued);
      if (!err) err = csv_num(out, f->col[k]);
    }
    if (!err) err = csv_num(out, f->closing);
    if (!err) err = string_append(out, f->holds ? ",holds\r\n" : ",BROKEN\r\n");
  }
  return nerr_pass(err);
}
