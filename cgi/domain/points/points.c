/* points.c: the points ledger — lots with expiry, FIFO spends, refunds to the same lots, expiry, grants */
#include "points/points.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

NERR_TYPE NERR_POINTS_REFUSED = -1;

NEOERR *points_init_errors(void) {
  NEOERR *err = db_init_errors();
  if (err) return nerr_pass(err);
  if (NERR_POINTS_REFUSED == -1) err = nerr_register(&NERR_POINTS_REFUSED, "PointsRefused");
  return nerr_pass(err);
}

/* Locks are taken member row first, then lots, in every function below: with orders.c locking the order
 * and product rows before calling in here, all writers agree on one order and cannot deadlock in a cycle. */
static const char SQL_MEMBER_LOCK[] = "SELECT status FROM members WHERE id = ? FOR UPDATE";
static const char SQL_MEMBER_ADD[] = "UPDATE members SET points_balance = points_balance + ? WHERE id = ?";
static const char SQL_MEMBER_TAKE[] =
    "UPDATE members SET points_balance = points_balance - ? WHERE id = ? AND points_balance >= ? AND status = 'active'";
static const char SQL_MEMBER_TAKE_EXPIRED[] =
    "UPDATE members SET points_balance = points_balance - ? WHERE id = ? AND points_balance >= ?";

static const char SQL_LOT_INSERT[] =
    "INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
/* DB_IN_TX: it goes out behind the spend's member UPDATE before that answer is read (points_spend). */
static const char SQL_MEMBER_TAKE_TX[] = "UPDATE members SET points_balance = points_balance - ? WHERE id = ? AND "
                                         "points_balance >= ? AND status = 'active' AND " DB_IN_TX;
static const char SQL_LOTS_OPEN[] =
    "SELECT id, remaining, expires_at < CURDATE() AS due FROM points_lots WHERE member_id = ? AND status = 'open' "
    "AND remaining > 0 AND " DB_IN_TX " ORDER BY expires_at, id FOR UPDATE";
/* A spend's lot and allocation writes are pipelined (db_exec_pipelined: one round trip for the lot of them; each must
 * change one row), hence DB_IN_TX. */
static const char SQL_LOT_TAKE[] =
    "UPDATE points_lots SET remaining = remaining - ? WHERE id = ? AND remaining >= ? AND " DB_IN_TX;
static const char SQL_LOTS_DUE[] =
    "SELECT id, remaining FROM points_lots WHERE member_id = ? AND status = 'open' AND expires_at < CURDATE() "
    "ORDER BY id FOR UPDATE";
static const char SQL_LOT_EXPIRE[] = "UPDATE points_lots SET remaining = 0, status = 'expired' WHERE id = ?";
/* An expired lot is reopened: its points come back, and the next expire run expires them again with an
 * entry of their own (the member saw them expire once already; the ledger stays exact either way). */
static const char SQL_LOT_GIVE_BACK[] =
    "UPDATE points_lots SET remaining = remaining + ?, status = 'open' WHERE id = ? AND remaining + ? <= amount";
static const char SQL_MEMBERS_DUE[] =
    "SELECT DISTINCT member_id FROM points_lots WHERE status = 'open' AND expires_at < CURDATE() ORDER BY member_id";

/* balance_after is read from the member row in the same statement: this transaction holds that row's
 * lock, so it is the balance this entry leaves (one round trip instead of a SELECT and an INSERT). */
static const char SQL_LEDGER_INSERT[] =
    "INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, order_id, note, once_key) "
    "SELECT id, ?, ?, points_balance, ?, ?, ?, ? FROM members WHERE id = ?";
/* A spend's entry, sent behind its charge (points_spend): it only counts when the charge took. */
static const char SQL_LEDGER_INSERT_TX[] =
    "INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, order_id, note, once_key) "
    "SELECT id, ?, ?, points_balance, NULL, ?, ?, ? FROM members WHERE id = ? AND " DB_IN_TX;
static const char SQL_LEDGER_DROP[] = "DELETE FROM points_ledger WHERE id = ?";
static const char SQL_LEDGER_ONCE[] = "SELECT id FROM points_ledger WHERE once_key = ? FOR UPDATE";
static const char SQL_SPEND_GET[] =
    "SELECT id FROM points_ledger WHERE id = ? AND member_id = ? AND kind IN ('spend', 'adjust') AND amount < 0";
static const char SQL_API_SPEND_GET[] =
    "SELECT id FROM points_ledger WHERE id = ? AND member_id = ? AND kind = 'api_spend' AND amount < 0";
/* The lot an api_earn entry created, locked: its amount and what is left of it, and whether it is still open. */
static const char SQL_CREDIT_LOT[] =
    "SELECT l.id, l.amount, l.remaining, l.status = 'open' FROM points_ledger e JOIN points_lots l ON l.id = e.lot_id "
    "WHERE e.id = ? AND e.member_id = ? AND e.kind = ? AND e.amount > 0 FOR UPDATE";
static const char SQL_LOT_EMPTY[] =
    "UPDATE points_lots SET remaining = 0 WHERE id = ? AND remaining = ? AND status = 'open'";
static const char SQL_ALLOC_INSERT[] = "INSERT INTO points_allocations (ledger_id, lot_id, amount) VALUES (?, ?, ?)";
static const char SQL_ALLOC_INSERT_TX[] =
    "INSERT INTO points_allocations (ledger_id, lot_id, amount) SELECT ?, ?, ? FROM DUAL WHERE " DB_IN_TX;
static const char SQL_ALLOCS_OPEN[] =
    "SELECT id, lot_id, amount - refunded AS open FROM points_allocations WHERE ledger_id = ? AND refunded < amount "
    "ORDER BY id FOR UPDATE";
static const char SQL_ALLOC_REFUNDED[] =
    "UPDATE points_allocations SET refunded = amount WHERE id = ? AND amount - refunded = ?";

static NEOERR *refuse(points_result *res, points_result why, const char *what) {
  if (res) *res = why;
  NEOERR *err = points_init_errors();
  if (err) return nerr_pass(err);
  return nerr_raise(NERR_POINTS_REFUSED, "%s", what);
}

/* Locks the member row; *status gets "active"/"frozen", "" when there is no such member. */
static NEOERR *member_lock(MYSQL *db, long long member_id, char status[16]) {
  int found = 0;
  NEOERR *err = db_query_str(db, SQL_MEMBER_LOCK, DBA(DI(member_id)), status, 16, &found);
  if (!found) status[0] = 0;
  return nerr_pass(err);
}

/* Every entry changes a balance: the header balance cached with sessions must be read again (after COMMIT). */
static NEOERR *ledger_add(MYSQL *db, long long member_id, const char *kind, long long amount, long long lot_id,
                          long long order_id, const char *note, const char *once_key, long long *id) {
  long long n = 0;
  db_tx_touch_principal(member_id);
  NEOERR *err = db_exec(db, SQL_LEDGER_INSERT,
                        DBA(DS(kind), DI(amount), lot_id ? DI(lot_id) : DNULL, order_id ? DI(order_id) : DNULL,
                            DS(note ? note : ""), once_key ? DS(once_key) : DNULL, DI(member_id)),
                        &n, id);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "ledger entry for member %lld not written", member_id);
  return nerr_pass(err);
}

NEOERR *points_credit(MYSQL *db, long long member_id, const char *kind, long long amount, const char *source,
                      const char *note, const char *expires, long long *ledger_id) {
  return nerr_pass(points_credit_once(db, member_id, kind, amount, source, note, expires, NULL, ledger_id));
}

NEOERR *points_credit_once(MYSQL *db, long long member_id, const char *kind, long long amount, const char *source,
                           const char *note, const char *expires, const char *once_key, long long *ledger_id) {
  if (amount <= 0) return nerr_raise(NERR_ASSERT, "points_credit: amount %lld", amount);
  if (strcmp(kind, "earn") && strcmp(kind, "grant") && strcmp(kind, "adjust") && strcmp(kind, "scan") &&
      strcmp(kind, "api_earn") && strcmp(kind, "bonus"))
    return nerr_raise(NERR_ASSERT, "points_credit: kind %s", kind);
  char status[16];
  NEOERR *err = member_lock(db, member_id, status);
  if (err) return nerr_pass(err);
  if (!status[0]) return refuse(NULL, POINTS_NO_MEMBER, "points_credit: no such member");
  long long lot_id = 0;
  err =
      db_exec(db, SQL_LOT_INSERT,
              DBA(DI(member_id), DS(source ? source : kind), DS(note ? note : ""), DI(amount), DI(amount), DS(expires)),
              NULL, &lot_id);
  if (!err) err = db_exec(db, SQL_MEMBER_ADD, DBA(DI(amount), DI(member_id)), NULL, NULL);
  if (!err) err = ledger_add(db, member_id, kind, amount, lot_id, 0, note, once_key, ledger_id);
  return nerr_pass(err);
}

/* One due lot of a member being expired (a row of SQL_LOTS_DUE). */
struct expiring {
  MYSQL *db;
  long long member_id, lot, remaining, total;
};

static NEOERR *expire_lot(void *ctx, int row) {
  struct expiring *x = ctx;
  long long rem = x->remaining, n = 0;
  (void)row;
  NEOERR *err = db_exec(x->db, SQL_LOT_EXPIRE, DBA(DI(x->lot)), NULL, NULL);
  if (err || rem <= 0) return nerr_pass(err);
  err = db_exec(x->db, SQL_MEMBER_TAKE_EXPIRED, DBA(DI(rem), DI(x->member_id), DI(rem)), &n, NULL);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "member %lld: balance below its open lots", x->member_id);
  if (!err) err = ledger_add(x->db, x->member_id, "expire", -rem, x->lot, 0, "积分到期", NULL, NULL);
  if (!err) x->total += rem;
  return nerr_pass(err);
}

/* Expires due lots of a member whose row this transaction has locked already. */
static NEOERR *expire_locked(MYSQL *db, long long member_id, long long *expired_points) {
  struct expiring x = {db, member_id, 0, 0, 0};
  NEOERR *err = db_each(db, SQL_LOTS_DUE, DBA(DI(member_id)), DCOLS(DCOL_LL(&x.lot), DCOL_LL(&x.remaining)), expire_lot,
                        &x, NULL);
  if (!err && expired_points) *expired_points = x.total;
  return nerr_pass(err);
}

NEOERR *points_expire_member(MYSQL *db, long long member_id, long long *expired_points) {
  if (expired_points) *expired_points = 0;
  char status[16];
  NEOERR *err = member_lock(db, member_id, status);
  if (err || !status[0]) return nerr_pass(err);
  err = expire_locked(db, member_id, expired_points);
  return nerr_pass(err);
}

struct expire_arg {
  long long member_id, points;
};

static NEOERR *tx_expire(MYSQL *db, void *arg) {
  struct expire_arg *a = arg;
  return nerr_pass(points_expire_member(db, a->member_id, &a->points));
}

/* A member with due lots (a row of SQL_MEMBERS_DUE): expired in a transaction of its own. */
struct expire_all {
  MYSQL *db;
  long long member_id, *members, *points;
};

static NEOERR *expire_member_row(void *ctx, int row) {
  struct expire_all *x = ctx;
  struct expire_arg a = {x->member_id, 0};
  (void)row;
  NEOERR *err = db_tx(x->db, tx_expire, &a);
  if (!err && a.points > 0) {
    if (x->members) (*x->members)++;
    if (x->points) *x->points += a.points;
  }
  return nerr_pass(err);
}

NEOERR *points_expire_all(MYSQL *db, long long *members, long long *points) {
  if (members) *members = 0;
  if (points) *points = 0;
  struct expire_all x = {db, 0, members, points};
  return nerr_pass(db_each(db, SQL_MEMBERS_DUE, DB_NOARGS, DCOLS(DCOL_LL(&x.member_id)), expire_member_row, &x, NULL));
}

/* The long way to take points from a member whose balance could not simply be charged: lock the row, refuse
 * a missing or frozen member, expire due lots (points past their date are never spent), then charge. */
static NEOERR *take_slowly(MYSQL *db, long long member_id, long long amount, points_result *res) {
  char status[16];
  NEOERR *err = member_lock(db, member_id, status);
  if (err) return nerr_pass(err);
  if (!status[0]) return refuse(res, POINTS_NO_MEMBER, "no such member");
  if (strcmp(status, "active")) return refuse(res, POINTS_FROZEN, "member frozen");
  if ((err = expire_locked(db, member_id, NULL))) return nerr_pass(err);
  long long n = 0;
  err = db_exec(db, SQL_MEMBER_TAKE, DBA(DI(amount), DI(member_id), DI(amount)), &n, NULL);
  if (!err && n != 1) return refuse(res, POINTS_INSUFFICIENT, "not enough points");
  return nerr_pass(err);
}

/* A member's open lots (SQL_LOTS_OPEN), earliest expiry first; due: one of them is past its date. */
typedef struct {
  long long id, remaining;
} open_lot;
struct lots {
  open_lot *v;
  int n, cap, due;
  open_lot row; /* the row being read */
  int row_due;
};

static NEOERR *lot_keep(void *ctx, int row) {
  struct lots *l = ctx;
  (void)row;
  if (l->n == l->cap) {
    int cap = l->cap ? 2 * l->cap : 16;
    open_lot *v = realloc(l->v, (size_t)cap * sizeof *v);
    if (!v) return nerr_raise(NERR_NOMEM, "open lots");
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = l->row;
  if (l->row_due) l->due = 1;
  return STATUS_OK;
}

/* Reads (and locks) the open lots of a member into l, replacing what it held. */
static NEOERR *lots_open(MYSQL *db, long long member_id, struct lots *l) {
  l->n = 0;
  l->due = 0;
  return nerr_pass(db_each(db, SQL_LOTS_OPEN, DBA(DI(member_id)),
                           DCOLS(DCOL_LL(&l->row.id), DCOL_LL(&l->row.remaining), DCOL_INT(&l->row_due)), lot_keep, l,
                           NULL));
}

NEOERR *points_spend(MYSQL *db, long long member_id, const char *kind, long long amount, long long order_id,
                     const char *once_key, const char *note, points_result *res, long long *ledger_id) {
  if (res) *res = POINTS_OK;
  if (amount <= 0) return nerr_raise(NERR_ASSERT, "points_spend: amount %lld", amount);
  if (strcmp(kind, "spend") && strcmp(kind, "adjust") && strcmp(kind, "offline") && strcmp(kind, "api_spend") &&
      strcmp(kind, "coupon"))
    return nerr_raise(NERR_ASSERT, "points_spend: kind %s", kind);
  /* Usually one statement locks the member row, checks it is active and charges the balance; the entry goes out
   * behind it on the bet that the charge took (its balance_after is the charged balance), and the lots read next
   * tells whether any of those points were past their date: one round trip for the three. */
  long long n = 0, written = 0, entry = 0;
  NEOERR *err = db_exec_deferred(db, SQL_MEMBER_TAKE_TX, DBA(DI(amount), DI(member_id), DI(amount)), &n);
  if (err) return nerr_pass(err);
  db_tx_touch_principal(member_id);
  err = db_exec_deferred_id(db, SQL_LEDGER_INSERT_TX,
                            DBA(DS(kind), DI(-amount), order_id ? DI(order_id) : DNULL, DS(note ? note : ""),
                                once_key ? DS(once_key) : DNULL, DI(member_id)),
                            &written, &entry);
  if (err) return nerr_pass(err);
  struct lots lots;
  memset(&lots, 0, sizeof lots);
  err = lots_open(db, member_id, &lots);
  if (!err) err = db_settle(db); /* n, written and entry are known from here */
  int slow = n != 1;
  /* The bet lost (nothing charged, or due points charged): the entry goes, and is written again once charged. */
  if (!err && (slow || lots.due) && written == 1) err = db_exec(db, SQL_LEDGER_DROP, DBA(DI(entry)), NULL, NULL);
  if (!err && (slow || lots.due)) written = 0;
  if (!err && slow) { /* nothing was charged: the long way, then the lots again (expiry may have closed some) */
    err = take_slowly(db, member_id, amount, res);
    if (!err) err = lots_open(db, member_id, &lots);
  } else if (!err && lots.due) {
    /* Due lots were counted in the charge: put it back, expire them, charge again. */
    err = db_exec(db, SQL_MEMBER_ADD, DBA(DI(amount), DI(member_id)), NULL, NULL);
    if (!err) err = take_slowly(db, member_id, amount, res);
    if (!err) err = lots_open(db, member_id, &lots);
  }
  if (!err && written != 1) err = ledger_add(db, member_id, kind, -amount, 0, order_id, note, once_key, &entry);
  long long left = amount;
  for (int i = 0; !err && i < lots.n && left > 0; i++) {
    long long lot = lots.v[i].id, rem = lots.v[i].remaining;
    long long take = rem < left ? rem : left;
    /* a lot that changed under its lock (a count other than 1) fails the transaction */
    err = db_exec_pipelined(db, SQL_LOT_TAKE, DBA(DI(take), DI(lot), DI(take)), 1);
    if (!err) err = db_exec_pipelined(db, SQL_ALLOC_INSERT_TX, DBA(DI(entry), DI(lot), DI(take)), 1);
    left -= take;
  }
  free(lots.v);
  /* The balance said yes but the lots cannot cover it: the data is corrupt; write nothing. */
  if (!err && left > 0)
    err = nerr_raise(NERR_ASSERT, "member %lld: open lots short by %lld of the balance", member_id, left);
  if (!err && ledger_id) *ledger_id = entry;
  return nerr_pass(err);
}

/* One allocation of a spend being refunded (a row of SQL_ALLOCS_OPEN): its points go back to its lot. */
struct give_back {
  MYSQL *db;
  long long alloc, lot, open, total;
};

static NEOERR *give_back_row(void *ctx, int row) {
  struct give_back *g = ctx;
  long long n = 0;
  (void)row;
  NEOERR *err = db_exec(g->db, SQL_LOT_GIVE_BACK, DBA(DI(g->open), DI(g->lot), DI(g->open)), &n, NULL);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "lot %lld cannot take back %lld points", g->lot, g->open);
  if (!err) err = db_exec(g->db, SQL_ALLOC_REFUNDED, DBA(DI(g->alloc), DI(g->open)), &n, NULL);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "allocation %lld changed under its lock", g->alloc);
  if (!err) g->total += g->open;
  return nerr_pass(err);
}

NEOERR *points_refund(MYSQL *db, long long member_id, long long spend_ledger_id, long long order_id,
                      const char *once_key, long long *refunded) {
  if (refunded) *refunded = 0;
  char status[16];
  NEOERR *err = member_lock(db, member_id, status);
  if (err) return nerr_pass(err);
  if (!status[0]) return refuse(NULL, POINTS_NO_MEMBER, "points_refund: no such member");
  long long id = 0;
  int found = 0;
  if (once_key) {
    err = db_query_ll(db, SQL_LEDGER_ONCE, DBA(DS(once_key)), &id, &found);
    if (err || found) return nerr_pass(err); /* refunded before: nothing to do */
  }
  err = db_query_ll(db, SQL_SPEND_GET, DBA(DI(spend_ledger_id), DI(member_id)), &id, &found);
  if (err) return nerr_pass(err);
  if (!found)
    return nerr_raise(NERR_ASSERT, "points_refund: entry %lld is not a spend of member %lld", spend_ledger_id,
                      member_id);
  struct give_back g = {db, 0, 0, 0, 0};
  err = db_each(db, SQL_ALLOCS_OPEN, DBA(DI(spend_ledger_id)),
                DCOLS(DCOL_LL(&g.alloc), DCOL_LL(&g.lot), DCOL_LL(&g.open)), give_back_row, &g, NULL);
  long long total = g.total;
  if (!err && total > 0) err = db_exec(db, SQL_MEMBER_ADD, DBA(DI(total), DI(member_id)), NULL, NULL);
  if (!err && total > 0)
    err = ledger_add(db, member_id, "refund", total, 0, order_id, "订单取消退还积分", once_key, NULL);
  if (!err && refunded) *refunded = total;
  return nerr_pass(err);
}

/* Spend reversals for the partner API: the same give-back as points_refund, on an api_spend entry, with an
 * api_reverse entry (no order). */
NEOERR *points_reverse_spend(MYSQL *db, long long member_id, long long spend_ledger_id, const char *once_key,
                             const char *note, long long *returned, long long *ledger_id) {
  if (returned) *returned = 0;
  char status[16];
  NEOERR *err = member_lock(db, member_id, status);
  if (err) return nerr_pass(err);
  if (!status[0]) return refuse(NULL, POINTS_NO_MEMBER, "points_reverse_spend: no such member");
  long long id = 0;
  int found = 0;
  err = db_query_ll(db, SQL_API_SPEND_GET, DBA(DI(spend_ledger_id), DI(member_id)), &id, &found);
  if (err) return nerr_pass(err);
  if (!found)
    return nerr_raise(NERR_ASSERT, "points_reverse_spend: entry %lld is not an api_spend of member %lld",
                      spend_ledger_id, member_id);
  struct give_back g = {db, 0, 0, 0, 0};
  err = db_each(db, SQL_ALLOCS_OPEN, DBA(DI(spend_ledger_id)),
                DCOLS(DCOL_LL(&g.alloc), DCOL_LL(&g.lot), DCOL_LL(&g.open)), give_back_row, &g, NULL);
  if (!err && g.total <= 0)
    err = nerr_raise(NERR_ASSERT, "points_reverse_spend: entry %lld has nothing to return", spend_ledger_id);
  if (!err) err = db_exec(db, SQL_MEMBER_ADD, DBA(DI(g.total), DI(member_id)), NULL, NULL);
  if (!err) err = ledger_add(db, member_id, "api_reverse", g.total, 0, 0, note, once_key, ledger_id);
  if (!err && returned) *returned = g.total;
  return nerr_pass(err);
}

/* A credit's lot taken back: only a lot nobody touched (nothing spent from it, not expired) — whole, through an
 * allocation of a negative entry of reverse_kind, so the lot's usage adds up like a spend's. */
static NEOERR *take_back_lot(MYSQL *db, long long member_id, long long credit_ledger_id, const char *credit_kind,
                             const char *reverse_kind, const char *once_key, const char *note, points_result *res,
                             long long *taken, long long *ledger_id) {
  if (res) *res = POINTS_OK;
  if (taken) *taken = 0;
  char status[16];
  NEOERR *err = member_lock(db, member_id, status);
  if (err) return nerr_pass(err);
  if (!status[0]) return refuse(res, POINTS_NO_MEMBER, "take_back_lot: no such member");
  long long lot = 0, amount = 0, remaining = 0;
  int open = 0, found = 0;
  err = db_row(db, SQL_CREDIT_LOT, DBA(DI(credit_ledger_id), DI(member_id), DS(credit_kind)),
               DCOLS(DCOL_LL(&lot), DCOL_LL(&amount), DCOL_LL(&remaining), DCOL_INT(&open)), &found);
  if (err) return nerr_pass(err);
  if (!found)
    return nerr_raise(NERR_ASSERT, "take_back_lot: entry %lld is not a %s of member %lld", credit_ledger_id,
                      credit_kind, member_id);
  if (!open || remaining != amount) return refuse(res, POINTS_LOT_USED, "the earned points were used or expired");
  long long n = 0;
  err = db_exec(db, SQL_LOT_EMPTY, DBA(DI(lot), DI(amount)), &n, NULL);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "lot %lld changed under its lock", lot);
  if (!err) err = db_exec(db, SQL_MEMBER_TAKE_EXPIRED, DBA(DI(amount), DI(member_id), DI(amount)), &n, NULL);
  if (!err && n != 1) err = nerr_raise(NERR_ASSERT, "member %lld: balance below its open lots", member_id);
  long long entry = 0;
  if (!err) err = ledger_add(db, member_id, reverse_kind, -amount, lot, 0, note, once_key, &entry);
  if (!err) err = db_exec(db, SQL_ALLOC_INSERT, DBA(DI(entry), DI(lot), DI(amount)), NULL, NULL);
  if (!err && taken) *taken = amount;
  if (!err && ledger_id) *ledger_id = entry;
  return nerr_pass(err);
}

/* Earn reversals for the partner API: an api_earn's untouched lot, with an api_reverse entry. */
NEOERR *points_reverse_credit(MYSQL *db, long long member_id, long long credit_ledger_id, const char *once_key,
                              const char *note, points_result *res, long long *taken, long long *ledger_id) {
  return nerr_pass(
      take_back_lot(db, member_id, credit_ledger_id, "api_earn", "api_reverse", once_key, note, res, taken, ledger_id));
}

/* Activity bonuses (P2) taken back with their earn: a bonus's untouched lot, with a negative bonus entry. */
NEOERR *points_reverse_bonus(MYSQL *db, long long member_id, long long bonus_ledger_id, const char *once_key,
                             const char *note, points_result *res, long long *taken, long long *ledger_id) {
  return nerr_pass(
      take_back_lot(db, member_id, bonus_ledger_id, "bonus", "bonus", once_key, note, res, taken, ledger_id));
}
