/* ledger_check.c: verifies the ledger invariants I1–I6 of DESIGN.md (and S1, statements = their lines) over the whole database */
#include "points/ledger_check.h"
#include "shared/sms.h"
#include <string.h>

/* Offline payments (merchant terminal) take points from lots like spends, but belong to no order. */
/* Partner API (I1) spends and points exchanged for coupons (F6) take from lots the same way; an API earn reversed,
 * and an activity bonus taken back with it (P2), take their lot back through an allocation. */
#define SPEND_ENTRY                                                                                                    \
  "(e.kind IN ('spend', 'offline', 'api_spend', 'coupon') OR (e.kind IN ('adjust', 'api_reverse', 'bonus') AND "       \
  "e.amount < 0))"
#define PAID_STATES "('paid', 'shipped', 'completed')"

static const char SQL_I1_LEDGER[] = "SELECT COUNT(*) FROM members m LEFT JOIN (SELECT member_id, SUM(amount) AS s FROM "
                                    "points_ledger GROUP BY member_id) l "
                                    "ON l.member_id = m.id WHERE m.points_balance <> COALESCE(l.s, 0)";
static const char SQL_I1_LOTS[] =
    "SELECT COUNT(*) FROM members m LEFT JOIN (SELECT member_id, SUM(remaining) AS s FROM points_lots "
    "WHERE status = 'open' GROUP BY member_id) l ON l.member_id = m.id WHERE m.points_balance <> COALESCE(l.s, 0)";
/* The expiry days and open-lot counts (schema 046, kept by triggers): each member's open lots per expiry day, their
 * points and their count, no day without open lots; and per member, their count. */
static const char SQL_I1_EXPIRY_DAYS[] =
    "SELECT (SELECT COUNT(*) FROM (SELECT member_id, expires_at, SUM(remaining) AS r, COUNT(*) AS n FROM points_lots "
    "WHERE status = 'open' AND remaining > 0 GROUP BY member_id, expires_at) l LEFT JOIN points_expiry_days d "
    "ON d.member_id = l.member_id AND d.expires_at = l.expires_at WHERE d.member_id IS NULL OR d.remaining <> l.r "
    "OR d.lots <> l.n) + (SELECT COUNT(*) FROM points_expiry_days d WHERE d.lots <= 0 OR NOT EXISTS (SELECT 1 FROM "
    "points_lots x WHERE x.member_id = d.member_id AND x.expires_at = d.expires_at AND x.open_left = 1))";
static const char SQL_I1_MEMBER_LOTS[] =
    "SELECT COUNT(*) FROM members m LEFT JOIN (SELECT member_id, COUNT(*) AS n FROM points_lots WHERE status = 'open' "
    "AND remaining > 0 GROUP BY member_id) l ON l.member_id = m.id LEFT JOIN points_member_lots c ON c.member_id = "
    "m.id "
    "WHERE COALESCE(c.open_lots, 0) <> COALESCE(l.n, 0)";
/* The entries' counts (schema 047, kept by triggers on points_ledger): per member, their ledger entries. */
static const char SQL_I1_MEMBER_ENTRIES[] =
    "SELECT COUNT(*) FROM members m LEFT JOIN (SELECT member_id, COUNT(*) AS n FROM points_ledger GROUP BY member_id) "
    "l "
    "ON l.member_id = m.id LEFT JOIN points_member_lots c ON c.member_id = m.id "
    "WHERE COALESCE(c.ledger_entries, 0) <> COALESCE(l.n, 0)";
static const char SQL_I1_EXPIRED_EMPTY[] =
    "SELECT COUNT(*) FROM points_lots WHERE status = 'expired' AND remaining <> 0";
static const char SQL_I1_LOT_CREDIT[] =
    "SELECT COUNT(*) FROM points_lots l LEFT JOIN (SELECT lot_id, SUM(amount) AS s, COUNT(*) AS c FROM points_ledger "
    "WHERE kind IN ('earn', 'grant', 'adjust', 'scan', 'api_earn', 'bonus') AND amount > 0 AND lot_id IS NOT NULL "
    "GROUP BY "
    "lot_id) e ON e.lot_id = "
    "l.id "
    "WHERE e.c IS NULL OR e.c <> 1 OR e.s <> l.amount";
/* What left a lot is exactly what spends took from it (net of refunds) plus what expired from it. */
static const char SQL_I1_LOT_USAGE[] =
    "SELECT COUNT(*) FROM points_lots l "
    "LEFT JOIN (SELECT lot_id, SUM(amount - refunded) AS s FROM points_allocations GROUP BY lot_id) a ON a.lot_id = "
    "l.id "
    "LEFT JOIN (SELECT lot_id, -SUM(amount) AS s FROM points_ledger WHERE kind = 'expire' GROUP BY lot_id) x "
    "ON x.lot_id = l.id WHERE l.amount - l.remaining <> COALESCE(a.s, 0) + COALESCE(x.s, 0)";
static const char SQL_I1_SPEND_ALLOCS[] =
    "SELECT COUNT(*) FROM points_ledger e LEFT JOIN (SELECT ledger_id, SUM(amount) AS s FROM points_allocations "
    "GROUP BY ledger_id) a ON a.ledger_id = e.id WHERE " SPEND_ENTRY " AND COALESCE(a.s, 0) <> -e.amount";
static const char SQL_I1_ALLOC_OWNER[] =
    "SELECT COUNT(*) FROM points_allocations a LEFT JOIN points_ledger e ON e.id = a.ledger_id "
    "LEFT JOIN points_lots l ON l.id = a.lot_id WHERE e.id IS NULL OR l.id IS NULL OR l.member_id <> e.member_id "
    "OR NOT " SPEND_ENTRY;
static const char SQL_I1_REFUNDS[] =
    "SELECT COUNT(*) FROM points_ledger e "
    "LEFT JOIN (SELECT ledger_id, SUM(refunded) AS r FROM points_allocations GROUP BY ledger_id) a ON a.ledger_id = "
    "e.id "
    "LEFT JOIN (SELECT order_id, SUM(amount) AS r FROM points_ledger WHERE kind = 'refund' GROUP BY order_id) f "
    "ON f.order_id = e.order_id WHERE " SPEND_ENTRY
    " AND e.kind <> 'api_spend' AND COALESCE(a.r, 0) <> IF(e.order_id IS NULL, 0, COALESCE(f.r, 0))";
static const char SQL_I1_REFUND_ORPHANS[] =
    "SELECT COUNT(*) FROM points_ledger f WHERE f.kind = 'refund' AND (f.order_id IS NULL OR NOT EXISTS "
    "(SELECT 1 FROM points_ledger e WHERE e.kind = 'spend' AND e.order_id = f.order_id AND e.member_id = f.member_id))";
static const char SQL_I2[] = "SELECT (SELECT COUNT(*) FROM members WHERE points_balance < 0) "
                             "+ (SELECT COUNT(*) FROM points_lots WHERE remaining < 0 OR remaining > amount) "
                             "+ (SELECT COUNT(*) FROM products WHERE stock < 0) "
                             "+ (SELECT COUNT(*) FROM points_allocations WHERE refunded < 0 OR refunded > amount)";
static const char SQL_I3_SPEND_ORDER[] =
    "SELECT COUNT(*) FROM points_ledger e LEFT JOIN orders o ON o.id = e.order_id WHERE e.kind = 'spend' AND "
    "(o.id IS NULL OR o.member_id <> e.member_id OR -e.amount <> o.points_total OR NOT (o.status IN " PAID_STATES
    " OR (o.status = 'cancelled' AND o.refunded = 1)))";
static const char SQL_I3_ORDER_SPEND[] =
    "SELECT COUNT(*) FROM orders o WHERE o.points_total > 0 AND (o.status IN " PAID_STATES " OR o.refunded = 1) "
    "AND (SELECT COUNT(*) FROM points_ledger e WHERE e.order_id = o.id AND e.kind = 'spend') <> 1";
static const char SQL_I3_ORDER_REFUND[] =
    "SELECT COUNT(*) FROM orders o WHERE (o.refunded = 1 AND o.status <> 'cancelled') OR "
    "COALESCE((SELECT SUM(amount) FROM points_ledger f WHERE f.order_id = o.id AND f.kind = 'refund'), 0) "
    "<> IF(o.refunded = 1, o.points_total, 0)";
static const char SQL_I4_STOCK[] =
    "SELECT COUNT(*) FROM products p LEFT JOIN (SELECT i.product_id, SUM(i.quantity) AS q FROM order_items i "
    "JOIN orders o ON o.id = i.order_id WHERE o.stock_taken = 1 GROUP BY i.product_id) t ON t.product_id = p.id "
    "WHERE p.initial_stock - p.stock <> COALESCE(t.q, 0)";
static const char SQL_I4_TAKEN[] =
    "SELECT COUNT(*) FROM orders WHERE stock_taken <> IF(status IN " PAID_STATES ", 1, 0)";
static const char SQL_I5_CODES[] =
    "SELECT COUNT(*) FROM sms_codes WHERE used_at IS NOT NULL AND (used_at > expires_at OR attempts > ?)";
/* Vouchers (V1, V5): redeemed once, issued only for paid voucher items, voided only with their cancelled order. */
static const char SQL_I5_VOUCHER_REDEEMED[] = "SELECT COUNT(*) FROM vouchers WHERE (status = 'redeemed') <> "
                                              "(redeemed_at IS NOT NULL AND redeemed_by IS NOT NULL)";
static const char SQL_I5_VOUCHER_ORDER[] =
    "SELECT COUNT(*) FROM vouchers v LEFT JOIN orders o ON o.id = v.order_id LEFT JOIN order_items i ON i.id = "
    "v.order_item_id "
    "WHERE o.id IS NULL OR i.id IS NULL OR i.order_id <> v.order_id OR i.product_type <> 'voucher' OR i.product_id <> "
    "v.product_id "
    "OR o.member_id <> v.member_id OR NOT (o.status IN " PAID_STATES " OR (o.status = 'cancelled' AND o.refunded = 1))";
static const char SQL_I5_VOUCHER_UNITS[] =
    "SELECT COUNT(*) FROM (SELECT v.order_item_id FROM vouchers v JOIN order_items i ON i.id = v.order_item_id "
    "GROUP BY v.order_item_id, i.quantity HAVING COUNT(*) > i.quantity) d";
static const char SQL_I5_VOUCHER_VOID[] =
    "SELECT COUNT(*) FROM vouchers v JOIN orders o ON o.id = v.order_id "
    "WHERE (v.status = 'voided') <> (o.status = 'cancelled') AND v.status <> 'expired'";
static const char SQL_I6_ONCE[] = "SELECT COUNT(*) FROM (SELECT order_id FROM points_ledger WHERE kind IN ('spend', "
                                  "'refund') AND order_id IS NOT NULL "
                                  "GROUP BY order_id, kind HAVING COUNT(*) > 1) d";
static const char SQL_I6_OFFLINE[] =
    "SELECT (SELECT COUNT(*) FROM points_ledger e LEFT JOIN offline_payments p ON p.ledger_id = e.id "
    "WHERE e.kind = 'offline' AND (p.id IS NULL OR e.amount >= 0 OR p.points <> -e.amount OR p.member_id <> "
    "e.member_id "
    "OR e.order_id IS NOT NULL OR e.once_key IS NULL OR e.once_key <> CONCAT('offline:', p.receipt_no))) "
    "+ (SELECT COUNT(*) FROM offline_payments p LEFT JOIN points_ledger e ON e.id = p.ledger_id "
    "WHERE e.id IS NULL OR e.kind <> 'offline')";
/* Exactly one: two payment rows on one entry would settle the same points twice. */
static const char SQL_I6_OFFLINE_ONE[] =
    "SELECT COUNT(*) FROM (SELECT ledger_id FROM offline_payments GROUP BY ledger_id HAVING COUNT(*) > 1) d";
/* C5: an order is paid only when both parts are — a paid order with a cash part (on the order or a line) names the
 * one paid payment of its stored cash total; every other paid payment of an order (a duplicate, or one for an order
 * cancelled) is refunded or on its way back; a cancelled order keeps no cash. */
static const char SQL_C5_PAID_CASH[] =
    "SELECT COUNT(*) FROM orders o WHERE o.status IN ('paid', 'shipped', 'completed') AND (o.cash_total_fen <> 0 "
    "OR EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.cash_price_fen <> 0)) AND NOT EXISTS "
    "(SELECT 1 FROM payments p WHERE p.id = o.cash_payment_id AND p.order_id = o.id AND p.state = 'paid' "
    "AND p.amount_fen = o.cash_total_fen AND o.cash_total_fen > 0)";
static const char SQL_C5_ONE_PAID[] =
    "SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.state = 'paid' "
    "AND (o.status = 'cancelled' OR o.cash_payment_id IS NULL OR o.cash_payment_id <> p.id)";
/* V7/V8: a statement's parts are the sums of its lines and its totals the sum of its parts; a line is settled by a
 * statement of its own merchant and of the month it happened in. */
static const char SQL_S_TOTALS[] =
    "SELECT COUNT(*) FROM settlements s WHERE s.amount_fen <> s.voucher_fen + s.offline_fen"
    " OR s.points <> s.voucher_points + s.offline_points"
    " OR (s.vouchers, s.voucher_fen, s.voucher_points) <> (SELECT COUNT(*), COALESCE(SUM(v.settle_price_fen), 0),"
    " COALESCE(SUM(v.points), 0) FROM vouchers v WHERE v.settlement_id = s.id)"
    " OR (s.offline_count, s.offline_fen, s.offline_points) <> (SELECT COUNT(*), COALESCE(SUM(p.settle_fen), 0),"
    " COALESCE(SUM(p.points), 0) FROM offline_payments p WHERE p.settlement_id = s.id)";
static const char SQL_S_LINES[] =
    "SELECT (SELECT COUNT(*) FROM offline_payments p JOIN settlements s ON s.id = p.settlement_id"
    " WHERE s.merchant_id <> p.merchant_id OR s.month <> DATE_FORMAT(p.created_at, '%Y-%m'))"
    " + (SELECT COUNT(*) FROM offline_payments p WHERE p.settlement_id IS NULL AND p.settle_fen <> 0)"
    " + (SELECT COUNT(*) FROM offline_payments p LEFT JOIN settlements s ON s.id = p.settlement_id"
    " WHERE p.settlement_id IS NOT NULL AND s.id IS NULL)";
static const char SQL_I6_KEYS[] =
    "SELECT COUNT(*) FROM points_ledger WHERE kind IN ('spend', 'refund') AND order_id IS NOT NULL "
    "AND (once_key IS NULL OR once_key <> CONCAT(kind, ':', order_id))";

/* One-item codes (F5): a scan entry is the credit of exactly one used code — its member, its batch's points, its key —
 * and a used code has exactly one scan entry. Driven from the ledger and from codes' by_ledger index, never a scan of
 * every code. */
static const char SQL_I6_SCAN_ENTRY[] =
    "SELECT COUNT(*) FROM points_ledger e LEFT JOIN codes c ON c.ledger_id = e.id LEFT JOIN code_batches b ON b.id = "
    "c.batch_id WHERE e.kind = 'scan' AND (c.batch_id IS NULL OR c.used_at IS NULL OR c.used_by <> e.member_id "
    "OR b.points <> e.amount OR e.lot_id IS NULL OR e.once_key IS NULL "
    "OR e.once_key <> CONCAT('scan:', c.batch_id, ':', c.serial))";
static const char SQL_I6_SCAN_CODES[] =
    "SELECT (SELECT COUNT(*) FROM codes FORCE INDEX (by_ledger) WHERE ledger_id IS NULL AND used_at IS NOT NULL) "
    "+ (SELECT COUNT(*) FROM codes c FORCE INDEX (by_ledger) LEFT JOIN points_ledger e ON e.id = c.ledger_id "
    "WHERE c.ledger_id IS NOT NULL AND (e.id IS NULL OR e.kind <> 'scan' OR c.used_at IS NULL)) "
    "+ (SELECT COUNT(*) FROM (SELECT ledger_id FROM codes FORCE INDEX (by_ledger) WHERE ledger_id IS NOT NULL "
    "GROUP BY ledger_id HAVING COUNT(*) > 1) d)";

/* Partner API (I1): every api_* entry is one operation of api_ops (its member, its signed amount, its kind) and every
 * operation has its entry; a reverse undoes exactly one earn or spend of the same member, with the opposite amount
 * and the key api_reverse:<entry it undoes>; what an API spend's allocations got back is what its reverse returned. */
static const char SQL_API_ENTRY_OP[] =
    "SELECT COUNT(*) FROM points_ledger e LEFT JOIN api_ops o ON o.ledger_id = e.id "
    "WHERE e.kind IN ('api_earn', 'api_spend', 'api_reverse') AND (o.id IS NULL OR o.member_id <> e.member_id "
    "OR o.points <> e.amount OR CONCAT('api_', o.kind) <> e.kind)";
static const char SQL_API_OP_ENTRY[] =
    "SELECT COUNT(*) FROM api_ops o LEFT JOIN points_ledger e ON e.id = o.ledger_id WHERE e.id IS NULL "
    "OR e.kind <> CONCAT('api_', o.kind) OR (o.kind = 'earn' AND (o.points <= 0 OR e.lot_id IS NULL)) "
    "OR (o.kind = 'spend' AND o.points >= 0) OR (o.kind = 'reverse') <> (o.reverses IS NOT NULL)";
static const char SQL_API_REVERSE[] =
    "SELECT COUNT(*) FROM api_ops r LEFT JOIN api_ops o ON o.id = r.reverses "
    "LEFT JOIN points_ledger e ON e.id = r.ledger_id WHERE r.kind = 'reverse' AND (o.id IS NULL OR o.kind = 'reverse' "
    "OR o.member_id <> r.member_id OR r.points <> -o.points OR e.once_key IS NULL "
    "OR e.once_key <> CONCAT('api_reverse:', o.ledger_id))";
static const char SQL_API_SPEND_RETURNED[] =
    "SELECT COUNT(*) FROM points_ledger e "
    "LEFT JOIN (SELECT ledger_id, SUM(refunded) AS r FROM points_allocations GROUP BY ledger_id) a ON a.ledger_id = "
    "e.id "
    "LEFT JOIN api_ops o ON o.ledger_id = e.id LEFT JOIN api_ops r ON r.reverses = o.id "
    "WHERE e.kind = 'api_spend' AND COALESCE(a.r, 0) <> COALESCE(r.points, 0)";
/* Earning rules (P2): a bonus entry (> 0) is the credit of one paid bonus — its member, its points, its lot, the key
 * bonus:<activity>:<earn entry> — and comes with an api_earn of its member; a negative bonus entry takes back exactly
 * one paid bonus (key bonus_reverse:<bonus entry>); a bonus is taken back exactly when its earn was reversed. */
static const char SQL_P2_BONUS_ENTRY[] =
    "SELECT COUNT(*) FROM points_ledger e LEFT JOIN earn_bonuses b ON b.ledger_id = e.id "
    "LEFT JOIN points_ledger x ON x.id = b.earn_ledger_id WHERE e.kind = 'bonus' AND e.amount > 0 AND (b.id IS NULL "
    "OR b.member_id <> e.member_id OR b.points <> e.amount OR e.lot_id IS NULL OR e.once_key IS NULL "
    "OR e.once_key <> CONCAT('bonus:', b.activity_id, ':', b.earn_ledger_id) OR x.id IS NULL OR x.kind <> 'api_earn' "
    "OR x.member_id <> e.member_id)";
static const char SQL_P2_BONUS_BACK[] =
    "SELECT (SELECT COUNT(*) FROM points_ledger e LEFT JOIN earn_bonuses b ON b.reverse_ledger_id = e.id "
    "WHERE e.kind = 'bonus' AND e.amount < 0 AND (b.id IS NULL OR b.member_id <> e.member_id OR b.points <> -e.amount "
    "OR e.once_key IS NULL OR e.once_key <> CONCAT('bonus_reverse:', b.ledger_id))) "
    "+ (SELECT COUNT(*) FROM earn_bonuses b LEFT JOIN points_ledger e ON e.id = b.ledger_id "
    "LEFT JOIN points_ledger r ON r.id = b.reverse_ledger_id WHERE e.id IS NULL OR e.kind <> 'bonus' "
    "OR (b.reverse_ledger_id IS NOT NULL AND (r.id IS NULL OR r.kind <> 'bonus')))";
static const char SQL_P2_BONUS_WITH_EARN[] =
    "SELECT COUNT(*) FROM earn_bonuses b JOIN api_ops o ON o.ledger_id = b.earn_ledger_id "
    "LEFT JOIN api_ops r ON r.reverses = o.id WHERE (r.id IS NULL) <> (b.reverse_ledger_id IS NULL)";
/* A rule earn is its API earn's points; the member's day count of a rule is exactly its unreversed rule earns. */
static const char SQL_P2_RULE_EARNS[] =
    "SELECT (SELECT COUNT(*) FROM api_rule_earns x LEFT JOIN api_ops o ON o.id = x.op_id LEFT JOIN api_ops r ON "
    "r.reverses = o.id WHERE o.id IS NULL OR o.kind <> 'earn' OR o.points <> x.points OR o.member_id <> x.member_id "
    "OR x.points > x.computed OR (r.id IS NULL) = (x.reversed = 1)) "
    "+ (SELECT COUNT(*) FROM rule_member_days d LEFT JOIN (SELECT enterprise, code, member_id, day, SUM(points) AS s "
    "FROM api_rule_earns WHERE reversed = 0 GROUP BY enterprise, code, member_id, day) x ON x.enterprise = "
    "d.enterprise "
    "AND x.code = d.code AND x.member_id = d.member_id AND x.day = d.day WHERE d.points <> COALESCE(x.s, 0))";
/* Coupons (F6): an exchange entry is the price of exactly one coupon of its member, keyed
 * coupon:<campaign>:<member>:<n>; a coupon with a price has one. Driven from the ledger's kind and coupons' by_ledger. */
static const char SQL_F6_COUPON_ENTRY[] =
    "SELECT COUNT(*) FROM points_ledger e LEFT JOIN coupons c ON c.ledger_id = e.id WHERE e.kind = 'coupon' AND "
    "(c.id IS NULL OR c.member_id <> e.member_id OR c.price_points <> -e.amount OR e.order_id IS NOT NULL "
    "OR e.once_key IS NULL OR e.once_key NOT LIKE CONCAT('coupon:', c.campaign_id, ':', c.member_id, ':%'))";
static const char SQL_F6_COUPON_PRICE[] =
    "SELECT (SELECT COUNT(*) FROM coupons c LEFT JOIN points_ledger e ON e.id = c.ledger_id "
    "WHERE c.price_points > 0 AND (e.id IS NULL OR e.kind <> 'coupon')) "
    "+ (SELECT COUNT(*) FROM coupons WHERE price_points = 0 AND ledger_id IS NOT NULL)";
/* The quota and the per-member limit: counters = the coupons they counted, never above the quota. */
static const char SQL_F6_QUOTA[] =
    "SELECT COUNT(*) FROM coupon_campaigns k LEFT JOIN (SELECT campaign_id, COUNT(*) AS n FROM coupons "
    "GROUP BY campaign_id) c ON c.campaign_id = k.id WHERE k.claimed <> COALESCE(c.n, 0) OR k.claimed > k.quota";
static const char SQL_F6_MEMBER[] =
    "SELECT COUNT(*) FROM coupon_member_claims m LEFT JOIN (SELECT campaign_id, member_id, COUNT(*) AS n FROM coupons "
    "GROUP BY campaign_id, member_id) c ON c.campaign_id = m.campaign_id AND c.member_id = m.member_id "
    "WHERE m.claimed <> COALESCE(c.n, 0)";
/* A used coupon is recorded by its member's order; an order's points and cash totals are its lines less its
 * discount. */
static const char SQL_F6_ORDERS[] =
    "SELECT (SELECT COUNT(*) FROM coupons c LEFT JOIN orders o ON o.id = c.order_id WHERE c.status = 'used' AND "
    "(o.id IS NULL OR o.coupon_id <> c.id OR o.member_id <> c.member_id)) "
    "+ (SELECT COUNT(*) FROM orders o JOIN coupons c ON c.id = o.coupon_id WHERE o.member_id <> c.member_id "
    "OR o.points_total + o.discount_points <> (SELECT COALESCE(SUM(i.points_price * i.quantity), 0) "
    "FROM order_items i WHERE i.order_id = o.id) "
    "OR o.cash_total_fen + o.discount_cash_fen <> (SELECT COALESCE(SUM(i.cash_price_fen * i.quantity), 0) "
    "FROM order_items i WHERE i.order_id = o.id))";

typedef struct {
  const char *code, *what, *sql;
} check;

static const check CHECKS[] = {
    {"I1", "member balance = sum of ledger entries", SQL_I1_LEDGER},
    {"I1", "member balance = sum of remaining points in open lots", SQL_I1_LOTS},
    {"I1", "expired lots keep no points", SQL_I1_EXPIRED_EMPTY},
    {"I1", "expiry days = the open lots' points and count per member and day, no day without one", SQL_I1_EXPIRY_DAYS},
    {"I1", "open-lot counts = the open lots per member", SQL_I1_MEMBER_LOTS},
    {"I1", "entry counts = the ledger entries per member", SQL_I1_MEMBER_ENTRIES},
    {"I1", "every lot has one crediting entry of its amount", SQL_I1_LOT_CREDIT},
    {"I1", "lot amount - remaining = allocated - refunded + expired", SQL_I1_LOT_USAGE},
    {"I1", "every spend's allocations sum to its amount", SQL_I1_SPEND_ALLOCS},
    {"I1", "allocations belong to a spend of the lot's member", SQL_I1_ALLOC_OWNER},
    {"I1", "refunded allocations = refund entries of the order", SQL_I1_REFUNDS},
    {"I1", "every refund entry has the order's spend", SQL_I1_REFUND_ORPHANS},
    {"I2", "no negative balance, lot remainder, stock or refund", SQL_I2},
    {"I3", "every spend belongs to its member's paid (or refunded) order and equals its total", SQL_I3_SPEND_ORDER},
    {"I3", "every paid order with points has exactly one spend", SQL_I3_ORDER_SPEND},
    {"I3", "refund entries = points total of refunded (cancelled) orders, none elsewhere", SQL_I3_ORDER_REFUND},
    {"I4", "initial stock - stock = quantity of orders holding stock", SQL_I4_STOCK},
    {"I4", "orders hold stock exactly when paid, shipped or completed", SQL_I4_TAKEN},
    {"I5", "SMS codes used at most once, only alive and within their tries", SQL_I5_CODES},
    {"I5", "vouchers are redeemed exactly when a redemption time and staff member are recorded",
     SQL_I5_VOUCHER_REDEEMED},
    {"I5", "vouchers belong to their member's paid (or refunded) order, on a voucher item of it", SQL_I5_VOUCHER_ORDER},
    {"I5", "no order item has more vouchers than units", SQL_I5_VOUCHER_UNITS},
    {"I5", "vouchers are voided exactly when their order is cancelled (expired ones aside)", SQL_I5_VOUCHER_VOID},
    {"I6", "at most one spend and one refund per order", SQL_I6_ONCE},
    {"I6", "order spends and refunds carry their idempotency key", SQL_I6_KEYS},
    {"I6", "every offline payment has one ledger entry of its points and receipt key", SQL_I6_OFFLINE},
    {"I6", "every offline ledger entry has exactly one offline payment", SQL_I6_OFFLINE_ONE},
    {"I6", "every scan entry credits one used code: its member, its batch's points, key scan:<batch>:<serial>",
     SQL_I6_SCAN_ENTRY},
    {"I6", "every used code has exactly one scan entry, and only used codes have one", SQL_I6_SCAN_CODES},
    {"I6", "every API entry is one API operation of its member, kind and amount", SQL_API_ENTRY_OP},
    {"I6", "every API operation has its ledger entry", SQL_API_OP_ENTRY},
    {"I6", "an API reverse undoes one earn or spend of its member, once, with the opposite amount", SQL_API_REVERSE},
    {"I1", "an API spend's lots got back exactly what its reverse returned", SQL_API_SPEND_RETURNED},
    {"P2", "every bonus entry credits one paid bonus of its member's API earn, key bonus:<activity>:<earn entry>",
     SQL_P2_BONUS_ENTRY},
    {"P2", "every bonus taken back has one negative bonus entry, key bonus_reverse:<bonus entry>", SQL_P2_BONUS_BACK},
    {"P2", "a bonus is taken back exactly when its earn was reversed", SQL_P2_BONUS_WITH_EARN},
    {"P2", "rule earns = their API earns; member day counts of a rule = its unreversed rule earns", SQL_P2_RULE_EARNS},
    {"F6", "every coupon exchange entry is the price of one coupon of its member, keyed coupon:<campaign>:<member>:<n>",
     SQL_F6_COUPON_ENTRY},
    {"F6", "every coupon with a price has its exchange entry, free ones none", SQL_F6_COUPON_PRICE},
    {"F6", "campaign claimed = its coupons, never above the quota", SQL_F6_QUOTA},
    {"F6", "member claim counts = their coupons of the campaign", SQL_F6_MEMBER},
    {"F6", "used coupons are recorded by their member's order; order total = lines - coupon discount", SQL_F6_ORDERS},
    {"C5", "every paid order with a cash part names one paid payment of its cash total", SQL_C5_PAID_CASH},
    {"C5", "no other payment keeps cash: duplicates and cancelled orders' payments are refunded", SQL_C5_ONE_PAID},
    {"S1", "statement totals = vouchers + terminal payments = the sums of their lines", SQL_S_TOTALS},
    {"S1", "terminal payments are settled in their merchant's statement of their month", SQL_S_LINES},
};
#define NCHECKS (int)(sizeof CHECKS / sizeof CHECKS[0])

static NEOERR *tx_check(MYSQL *db, void *arg) {
  long long *counts = arg;
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i < NCHECKS; i++) {
    const check *c = &CHECKS[i];
    if (c->sql == SQL_I5_CODES) {
      err = db_query_ll(db, c->sql, DBA(DI(SMS_CODE_MAX_TRIES)), &counts[i], NULL);
    } else {
      err = db_query_ll(db, c->sql, DB_NOARGS, &counts[i], NULL);
    }
  }
  return nerr_pass(err);
}

NEOERR *ledger_check(MYSQL *db, ledger_check_fn cb, void *ctx, long long *violations) {
  long long counts[NCHECKS];
  memset(counts, 0, sizeof counts);
  /* One transaction: its first read opens one snapshot that every later check reads as well. */
  NEOERR *err = db_tx(db, tx_check, counts);
  if (err) return nerr_pass(err);
  long long total = 0;
  for (int i = 0; i < NCHECKS; i++) {
    if (counts[i] > 0) total += counts[i];
    if (cb) cb(ctx, CHECKS[i].code, CHECKS[i].what, counts[i]);
  }
  if (violations) *violations = total;
  return STATUS_OK;
}
