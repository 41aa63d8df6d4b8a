/* guards.c: circuit breakers (F2) and pause switches (F4) inside the payment — conditional counters, never moved to a
 * value computed in C from a SELECT (what an order adds to them is summed from its own lines) */
#include "campaigns/guards.h"
#include "generations.h"
#include <stdio.h>
#include <string.h>

#define RUNNING "a.starts_at <= NOW() AND a.ends_at > NOW()"

static const char SQL_DAY_CREATE[] = "INSERT IGNORE INTO activity_days (activity_id, day) VALUES (?, CURDATE())";
/* Locking read: a pause that committed before this scan got here is always seen; a pause waits for the scans and
 * payments already past this point (they take the switch row in share mode first, before any other guard lock). */
static const char SQL_MALL_SWITCH[] = "SELECT paused FROM mall_switch WHERE id = 1 LOCK IN SHARE MODE";
/* What the order meets, in one round trip and without grouping or sorting (guards_pay adds it up): first the mall's
 * switch (line 0; cap = paused): a locking read, so a pause that committed before this payment got here is always
 * seen, and a pause waits for the payments already past this point (they took the switch row in share mode first,
 * before any other guard lock; the union runs its parts in order). Then each order line with its product's daily cap
 * and, once per running activity of its product, that activity's settings (activity 0: none), with the order's
 * totals and discounts. Settings only; every counter is moved by a conditional UPDATE. */
static const char SQL_ORDER_GUARDS[] =
    "(SELECT 0 AS line, 0 AS product, 0 AS quantity, 0 AS points, 0 AS cash, paused AS cap, 0 AS activity, 0, 0, 0, "
    "0, 0, 0, 0, 0 FROM mall_switch WHERE id = 1 LOCK IN SHARE MODE) "
    "UNION ALL (SELECT i.id, i.product_id, i.quantity, i.points_price * i.quantity, i.cash_price_fen * i.quantity, "
    "p.member_day_cap, COALESCE(a.id, 0), COALESCE(a.paused, 0), COALESCE(a.points_budget, 0), "
    "COALESCE(a.cash_budget_fen, 0), COALESCE(a.member_day_cap, 0), o.discount_points, o.points_total, "
    "o.discount_cash_fen, o.cash_total_fen FROM order_items i JOIN orders o ON o.id = i.order_id "
    "JOIN products p ON p.id = i.product_id LEFT JOIN (activity_products ap JOIN activities a ON a.id = "
    "ap.activity_id AND " RUNNING ") ON ap.product_id = i.product_id WHERE i.order_id = ?)";
/* One member's day count: inserted, or raised only while it stays within the cap (affected rows 0 = refused).
 * The member row is locked by the payment, so two tabs of one member meet here one after the other. */
static const char SQL_CAP_TAKE[] =
    "INSERT INTO member_day_counts (member_id, scope, ref_id, day, quantity) SELECT ?, ?, ?, CURDATE(), ? FROM DUAL "
    "WHERE ? <= ? ON DUPLICATE KEY UPDATE quantity = IF(quantity + VALUES(quantity) <= ?, quantity + "
    "VALUES(quantity), quantity)";
/* The activity's day budget: taken only while it stays within both budgets and the day has not tripped. Sent deferred
 * behind the payment's pipelined writes (guards_budget_send), hence DB_IN_TX. */
static const char SQL_BUDGET_TAKE[] =
    "UPDATE activity_days SET points_spent = points_spent + ?, cash_spent_fen = cash_spent_fen + ?, orders = orders + "
    "1 "
    "WHERE activity_id = ? AND day = CURDATE() AND tripped_at IS NULL AND (? = 0 OR points_spent + ? <= ?) "
    "AND (? = 0 OR cash_spent_fen + ? <= ?) AND " DB_IN_TX;
/* Pipelined (db.h): it rides with the payment's next statement. */
static const char SQL_COUNTED[] =
    "INSERT INTO order_guard_counts (order_id, scope, ref_id, day, quantity, points, cash_fen) "
    "SELECT ?, ?, ?, CURDATE(), ?, ?, ? FROM DUAL WHERE " DB_IN_TX;
static const char SQL_TRIP[] =
    "UPDATE activity_days SET tripped_at = NOW() WHERE activity_id = ? AND day = CURDATE() AND tripped_at IS NULL";
static const char SQL_VERSION_BUMP[] = "UPDATE mall_switch SET version = version + 1 WHERE id = 1";
/* A cancel gives back today's counts (GREATEST: a count an admin reset by hand never goes below zero). */
static const char SQL_RELEASE_CAPS[] =
    "UPDATE member_day_counts c JOIN order_guard_counts g ON g.scope = c.scope AND g.ref_id = c.ref_id AND g.day = "
    "c.day "
    "JOIN orders o ON o.id = g.order_id AND o.member_id = c.member_id "
    "SET c.quantity = GREATEST(c.quantity - g.quantity, 0) WHERE g.order_id = ? AND g.day = CURDATE() "
    "AND g.scope IN ('product', 'activity')";
static const char SQL_RELEASE_BUDGET[] =
    "UPDATE activity_days d JOIN order_guard_counts g ON g.ref_id = d.activity_id AND g.day = d.day "
    "SET d.points_spent = GREATEST(d.points_spent - g.points, 0), d.cash_spent_fen = GREATEST(d.cash_spent_fen - "
    "g.cash_fen, 0), d.orders = GREATEST(d.orders - 1, 0) WHERE g.order_id = ? AND g.day = CURDATE() AND g.scope = "
    "'budget'";
static const char SQL_RELEASED[] = "DELETE FROM order_guard_counts WHERE order_id = ?";
/* Untrip only when both budgets leave room beyond what was spent (0 = no budget). */
static const char SQL_UNTRIP[] =
    "UPDATE activity_days d JOIN activities a ON a.id = d.activity_id SET d.tripped_at = NULL "
    "WHERE d.activity_id = ? AND d.day = CURDATE() AND d.tripped_at IS NOT NULL "
    "AND (a.points_budget = 0 OR a.points_budget > d.points_spent) "
    "AND (a.cash_budget_fen = 0 OR a.cash_budget_fen > d.cash_spent_fen)";
/* A scan's activity: settings only, like SQL_ORDER_GUARDS. */
static const char SQL_SCAN_ACTIVITY[] =
    "SELECT a.paused, " RUNNING ", a.points_budget, a.member_day_cap FROM activities a WHERE a.id = ?";
static const char SQL_SCAN_BUDGET_OF[] = "SELECT points_budget FROM activities WHERE id = ?";
/* A scan's points out of the day budget; payments' orders count stays theirs. */
static const char SQL_SCAN_BUDGET[] =
    "UPDATE activity_days SET points_spent = points_spent + ? WHERE activity_id = ? AND day = CURDATE() "
    "AND tripped_at IS NULL AND points_spent + ? <= ?";
static const char SQL_ACTIVITY_MESSAGE[] =
    "SELECT IF(? = 'en' AND a.title_en <> '', a.title_en, a.title_zh), "
    "IF(? = 'en' AND a.trip_message_en <> '', a.trip_message_en, a.trip_message_zh), a.style = 'lottery', a.paused, "
    "a.pause_reason, d.tripped_at IS NOT NULL FROM activities a "
    "LEFT JOIN activity_days d ON d.activity_id = a.id AND d.day = CURDATE() WHERE a.id = ?";

static const char SQL_PRODUCT_STOPPED[] =
    "SELECT a.id FROM activity_products ap JOIN activities a ON a.id = ap.activity_id "
    "LEFT JOIN activity_days d ON d.activity_id = a.id AND d.day = CURDATE() "
    "WHERE ap.product_id = ? AND " RUNNING " AND (a.paused = 1 OR d.tripped_at IS NOT NULL) ORDER BY a.id LIMIT 1";

NEOERR *guards_product_stopped(MYSQL *db, long long product_id, long long *activity_id) {
  *activity_id = 0;
  return nerr_pass(db_query_ll(db, SQL_PRODUCT_STOPPED, DBA(DI(product_id)), activity_id, NULL));
}

/* One row of SQL_ORDER_GUARDS. */
typedef struct {
  long long line, product, quantity, points, cash, cap, activity;
  int paused;
  long long points_budget, cash_budget, activity_cap, discount_points, points_total, discount_cash, cash_total;
} flat_row;

/* What the order meets, added up: its running activities ('a', ascending id: settings, and the order's units,
 * points and cash charged in them), the mall ('m'), its products with a daily cap ('p', ascending id). */
typedef struct {
  char kind[2];
  int paused;
  long long id, points_budget, cash_budget, cap, units, points, cash;
} guard_row;

#define MAX_GUARD_ROWS 120
#define MAX_FLAT_ROWS 480 /* order lines × the running activities of each product */

static NEOERR *cap_take(MYSQL *db, long long member_id, const char *scope, long long ref, long long units,
                        long long cap, int *ok) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_CAP_TAKE,
                        DBA(DI(member_id), DS(scope), DI(ref), DI(units), DI(units), DI(cap), DI(cap)), &n, NULL);
  *ok = !err && n > 0;
  return nerr_pass(err);
}

static void budget_args(const guard_budget *b, dbp args[9]) {
  const dbp a[] = {DI(b->points),        DI(b->cash),        DI(b->id),   DI(b->points_budget), DI(b->points),
                   DI(b->points_budget), DI(b->cash_budget), DI(b->cash), DI(b->cash_budget)};
  memcpy(args, a, sizeof a);
}

NEOERR *guards_budget_send(MYSQL *db, long long order_id, guard_outcome *g) {
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i < g->nbudgets; i++) {
    guard_budget *b = &g->budgets[i];
    dbp args[9];
    budget_args(b, args);
    err = db_exec_deferred(db, SQL_BUDGET_TAKE, args, 9, &b->taken);
    /* Counted whether or not it was taken: a refusal rolls the payment back, this row with it. */
    if (!err)
      err = db_exec_pipelined(db, SQL_COUNTED,
                              DBA(DI(order_id), DS("budget"), DI(b->id), DI(b->units), DI(b->points), DI(b->cash)), 1);
  }
  return nerr_pass(err);
}

NEOERR *guards_budget_check(MYSQL *db, guard_outcome *g) {
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i < g->nbudgets; i++) {
    guard_budget *b = &g->budgets[i];
    if (b->taken > 0) continue;
    /* No row yet today (the day's first payments): make it and take once more. Made by a payment running beside
     * this one (its INSERT waited for that one's COMMIT, or the two deadlocked on the gap and db_tx runs the loser
     * again) it is taken once more all the same: only a row that refuses with this payment's own read trips. */
    long long n = 0;
    err = db_exec(db, SQL_DAY_CREATE, DBA(DI(b->id)), NULL, NULL);
    dbp args[9];
    budget_args(b, args);
    if (!err) err = db_exec(db, SQL_BUDGET_TAKE, args, 9, &n, NULL);
    if (!err && n == 0) {
      g->result = GUARD_TRIPPED;
      g->activity_id = b->id;
      break;
    }
  }
  return nerr_pass(err);
}

/* An activity's part of what the order charges: its items at list price less their share of the order's coupon
 * discount (the share rounded down, so a budget never counts less than was charged; all of it when every item is in
 * the activity). */
static long long charged(long long list, long long discount, long long total) {
  return total + discount > 0 ? list - discount * list / (total + discount) : list;
}

static int guard_cmp(const void *x, const void *y) {
  const guard_row *a = x, *b = y;
  int k = (a->kind[0] > b->kind[0]) - (a->kind[0] < b->kind[0]);
  return k ? k : (a->id > b->id) - (a->id < b->id);
}

/* One guard row of kind and id in r (added when new); NULL when r is full. */
static guard_row *guard_of(guard_row *r, int *n, char kind, long long id) {
  for (int i = 0; i < *n; i++)
    if (r[i].kind[0] == kind && r[i].id == id) return &r[i];
  if (*n == MAX_GUARD_ROWS) return NULL;
  guard_row *g = &r[(*n)++];
  memset(g, 0, sizeof *g);
  g->kind[0] = kind;
  g->id = id;
  return g;
}

/* The flat rows added up into guard rows, sorted (activities, the mall, products, each by id). */
static NEOERR *guard_rows(const flat_row *f, int nf, guard_row *r, int *nr) {
  long long lines[MAX_FLAT_ROWS];
  int nlines = 0;
  *nr = 0;
  for (int i = 0; i < nf; i++) {
    int is_switch = f[i].line == 0;
    guard_row *g = is_switch || f[i].activity ? guard_of(r, nr, is_switch ? 'm' : 'a', f[i].activity) : NULL;
    if ((is_switch || f[i].activity) && !g) return nerr_raise(NERR_ASSERT, "guards: more than %d", MAX_GUARD_ROWS);
    if (is_switch) {
      g->paused = f[i].cap != 0;
      continue;
    }
    if (g) {
      g->paused = f[i].paused;
      g->points_budget = f[i].points_budget;
      g->cash_budget = f[i].cash_budget;
      g->cap = f[i].activity_cap;
      g->units += f[i].quantity;
      g->points += f[i].points;
      g->cash += f[i].cash;
    }
    int seen = 0; /* a line comes once per activity of its product: its product's cap counts it once */
    for (int j = 0; j < nlines && !seen; j++) seen = lines[j] == f[i].line;
    if (seen || f[i].cap <= 0) continue;
    lines[nlines++] = f[i].line;
    guard_row *p = guard_of(r, nr, 'p', f[i].product);
    if (!p) return nerr_raise(NERR_ASSERT, "guards: more than %d", MAX_GUARD_ROWS);
    p->cap = f[i].cap;
    p->units += f[i].quantity;
  }
  for (int i = 0; i < *nr; i++) { /* list prices in, the charged part out (the order's columns are on every line) */
    if (r[i].kind[0] != 'a') continue;
    for (int j = 0; j < nf; j++) {
      if (f[j].activity != r[i].id || !f[j].line) continue;
      r[i].points = charged(r[i].points, f[j].discount_points, f[j].points_total);
      r[i].cash = charged(r[i].cash, f[j].discount_cash, f[j].cash_total);
      break;
    }
  }
  qsort(r, (size_t)*nr, sizeof r[0], guard_cmp);
  return STATUS_OK;
}

NEOERR *guards_pay(MYSQL *db, long long member_id, long long order_id, guard_outcome *out) {
  memset(out, 0, sizeof *out);
  int rows = 0, ok = 1;
  guard_row r[MAX_GUARD_ROWS];
  flat_row f[MAX_FLAT_ROWS];
  int nf = 0;
  NEOERR *err = db_rows(db, SQL_ORDER_GUARDS, DBA(DI(order_id)),
                        DCOLS(DCOL_LL(&f[0].line), DCOL_LL(&f[0].product), DCOL_LL(&f[0].quantity),
                              DCOL_LL(&f[0].points), DCOL_LL(&f[0].cash), DCOL_LL(&f[0].cap), DCOL_LL(&f[0].activity),
                              DCOL_INT(&f[0].paused), DCOL_LL(&f[0].points_budget), DCOL_LL(&f[0].cash_budget),
                              DCOL_LL(&f[0].activity_cap), DCOL_LL(&f[0].discount_points),
                              DCOL_LL(&f[0].points_total), DCOL_LL(&f[0].discount_cash), DCOL_LL(&f[0].cash_total)),
                        sizeof f[0], MAX_FLAT_ROWS, &nf);
  if (!err) err = guard_rows(f, nf, r, &rows);
  if (err) return nerr_pass(err);
  /* Pauses first, the mall's before any activity's: a paused activity refuses whatever its counters say. */
  for (int i = 0; i < rows; i++) {
    if (r[i].kind[0] == 'm' && r[i].paused) {
      out->result = GUARD_MALL_PAUSED;
      return STATUS_OK;
    }
  }
  for (int i = 0; i < rows; i++) {
    if (r[i].kind[0] == 'a' && r[i].paused) {
      out->result = GUARD_ACTIVITY_PAUSED;
      out->activity_id = r[i].id;
      return STATUS_OK;
    }
  }
  /* Caps (this member's rows, locked by nobody else) before budgets (the activity's hot row, held to COMMIT). */
  for (int i = 0; !err && ok && i < rows; i++) {
    const guard_row *g = &r[i];
    if (g->cap <= 0) continue;
    const char *scope = g->kind[0] == 'a' ? "activity" : "product";
    err = cap_take(db, member_id, scope, g->id, g->units, g->cap, &ok);
    if (!err && !ok) {
      out->result = g->kind[0] == 'a' ? GUARD_CAP_ACTIVITY : GUARD_CAP_PRODUCT;
      if (g->kind[0] == 'a') out->activity_id = g->id;
      else out->product_id = g->id;
    }
    if (!err && ok)
      err = db_exec_pipelined(db, SQL_COUNTED, DBA(DI(order_id), DS(scope), DI(g->id), DI(g->units), DI(0), DI(0)), 1);
  }
  /* The budgets (the activities' hot day rows) are taken later, next to the stock (guards_budget_send). */
  for (int i = 0; !err && ok && i < rows && out->nbudgets < GUARD_MAX_ACTIVITIES; i++) {
    const guard_row *g = &r[i];
    if (g->kind[0] != 'a' || (g->points_budget <= 0 && g->cash_budget <= 0)) continue;
    out->budgets[out->nbudgets++] = (guard_budget){g->id,          g->units,       g->points, g->cash,
                                                   g->points_budget, g->cash_budget, -1};
  }
  /* What the monitor counts once the payment has its stock (monitor_count, the payment's last statements). */
  for (int i = 0; !err && ok && i < rows && out->nactivities < GUARD_MAX_ACTIVITIES; i++) {
    if (r[i].kind[0] != 'a') continue;
    guard_activity *a = &out->activities[out->nactivities++];
    a->id = r[i].id;
    a->points = r[i].points;
    a->cash = r[i].cash;
  }
  return nerr_pass(err);
}

NEOERR *guards_pay_switch_only(MYSQL *db, guard_outcome *out) {
  memset(out, 0, sizeof *out);
  long long paused = 0;
  NEOERR *err = db_query_ll(db, SQL_MALL_SWITCH, DB_NOARGS, &paused, NULL);
  if (!err && paused) out->result = GUARD_MALL_PAUSED;
  return nerr_pass(err);
}

NEOERR *guards_notify(MYSQL *db) {
  NEOERR *err = db_exec(db, SQL_VERSION_BUMP, DB_NOARGS, NULL, NULL);
  catalog_bump();
  return nerr_pass(err);
}

NEOERR *guards_trip(MYSQL *db, long long activity_id) {
  long long n = 0;
  /* Two statements, each its own commit: never holds the day row while waiting for the switch row. */
  NEOERR *err = db_exec(db, SQL_TRIP, DBA(DI(activity_id)), &n, NULL);
  if (!err && n == 1) err = guards_notify(db);
  return nerr_pass(err);
}

NEOERR *guards_release(MYSQL *db, long long order_id) {
  NEOERR *err = db_exec(db, SQL_RELEASE_CAPS, DBA(DI(order_id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_RELEASE_BUDGET, DBA(DI(order_id)), NULL, NULL);
  if (!err) err = db_exec(db, SQL_RELEASED, DBA(DI(order_id)), NULL, NULL);
  return nerr_pass(err);
}

NEOERR *guards_untrip(MYSQL *db, long long activity_id, int *untripped) {
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_UNTRIP, DBA(DI(activity_id)), &n, NULL);
  *untripped = !err && n > 0;
  return nerr_pass(err);
}

NEOERR *guards_activity_message(MYSQL *db, long long activity_id, const char *lang, char *title, size_t title_len,
                                char *message, size_t len, int *lottery, int *paused, int *tripped) {
  char t[DB_VARCHAR(200)], m[DB_VARCHAR(200)], reason[DB_VARCHAR(200)];
  int found = 0, tr_null = 0;
  *lottery = *paused = *tripped = 0;
  NEOERR *err = db_row(db, SQL_ACTIVITY_MESSAGE, DBA(DS(lang), DS(lang), DI(activity_id)),
                       DCOLS(DCOL_STR(t), DCOL_STR(m), DCOL_INT(lottery), DCOL_INT(paused), DCOL_STR(reason),
                             DCOL_INT_N(tripped, &tr_null)),
                       &found);
  if (err) return nerr_pass(err);
  if (!found) t[0] = m[0] = reason[0] = 0;
  snprintf(title, title_len, "%s", t);
  snprintf(message, len, "%s", *paused ? reason : m);
  return STATUS_OK;
}

NEOERR *guards_scan_prepare(MYSQL *db, long long activity_id) {
  long long budget = 0;
  int found = 0;
  NEOERR *err = db_query_ll(db, SQL_SCAN_BUDGET_OF, DBA(DI(activity_id)), &budget, &found);
  if (!err && found && budget > 0) err = db_exec(db, SQL_DAY_CREATE, DBA(DI(activity_id)), NULL, NULL);
  return nerr_pass(err);
}

NEOERR *guards_scan(MYSQL *db, long long member_id, long long activity_id, long long points, guard_outcome *out) {
  memset(out, 0, sizeof *out);
  out->activity_id = activity_id;
  int paused = 0, running = 0, found = 0, ok = 1;
  long long budget = 0, cap = 0;
  NEOERR *err = db_row(db, SQL_MALL_SWITCH, DB_NOARGS, DCOLS(DCOL_INT(&paused)), NULL);
  if (err || paused) {
    out->result = paused ? GUARD_MALL_PAUSED : GUARD_OK;
    return nerr_pass(err);
  }
  err = db_row(db, SQL_SCAN_ACTIVITY, DBA(DI(activity_id)),
               DCOLS(DCOL_INT(&paused), DCOL_INT(&running), DCOL_LL(&budget), DCOL_LL(&cap)), &found);
  if (err) return nerr_pass(err);
  if (!found || !running) out->result = GUARD_NOT_RUNNING;
  else if (paused) out->result = GUARD_ACTIVITY_PAUSED;
  if (out->result != GUARD_OK) return STATUS_OK;
  if (cap > 0 && !(err = cap_take(db, member_id, "activity", activity_id, 1, cap, &ok)) && !ok)
    out->result = GUARD_CAP_ACTIVITY;
  if (err || !ok || budget <= 0) return nerr_pass(err);
  long long n = 0;
  err = db_exec(db, SQL_SCAN_BUDGET, DBA(DI(points), DI(activity_id), DI(points), DI(budget)), &n, NULL);
  if (!err && n == 0) {
    /* No row (the day turned since guards_scan_prepare): make it and try once more; a row that exists refused. */
    long long made = 0;
    err = db_exec(db, SQL_DAY_CREATE, DBA(DI(activity_id)), &made, NULL);
    if (!err && made == 1)
      err = db_exec(db, SQL_SCAN_BUDGET, DBA(DI(points), DI(activity_id), DI(points), DI(budget)), &n, NULL);
  }
  if (!err && n == 0) out->result = GUARD_TRIPPED;
  return nerr_pass(err);
}

NEOERR *guards_points_take(MYSQL *db, long long activity_id, long long points, long long budget, int *ok) {
  *ok = 1;
  if (budget <= 0) return STATUS_OK;
  long long n = 0;
  NEOERR *err = db_exec(db, SQL_SCAN_BUDGET, DBA(DI(points), DI(activity_id), DI(points), DI(budget)), &n, NULL);
  if (!err && n == 0) {
    /* No row (none prepared, or the day turned): make it and try once more; a row that exists refused. */
    long long made = 0;
    err = db_exec(db, SQL_DAY_CREATE, DBA(DI(activity_id)), &made, NULL);
    if (!err && made == 1)
      err = db_exec(db, SQL_SCAN_BUDGET, DBA(DI(points), DI(activity_id), DI(points), DI(budget)), &n, NULL);
  }
  *ok = !err && n > 0;
  return nerr_pass(err);
}
