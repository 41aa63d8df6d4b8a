// jobs.test.mjs: mallctl jobs and operator commands — expiry, reminders, housekeeping, check-ledger, orders, moderation
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { ORIGIN, mallctl, mallctlRun, mallctlAsync, sql as stackSql } from './lib/stack.mjs';

// Writes here leave the page caches alone: what a job changes must show on the storefront by the job's own doing.
const sql = (query) => stackSql(query, { flush: false });
const num = (query) => Number(sql(query));
const day = (offset) => sql(`SELECT DATE_FORMAT(CURDATE() + INTERVAL ${Number(offset)} DAY, '%Y-%m-%d')`);

// A fresh member of this test (digits-only mobile, so it can go into SQL text).
function newMember() {
  for (;;) {
    const mobile = '19' + String(randomInt(0, 1e9)).padStart(9, '0');
    if (num(`SELECT COUNT(*) FROM members WHERE mobile = '${mobile}'`) > 0) continue;
    const id = num(`INSERT INTO members (mobile, name, password_hash) VALUES ('${mobile}', '任务测试', 'x'); SELECT LAST_INSERT_ID()`);
    return { id, mobile };
  }
}

// Grants a lot through mallctl (today or later), then moves its expiry to `expiresIn` days from today.
function grant(member, amount, expiresIn) {
  mallctl('grant-points', member.mobile, String(amount), day(Math.max(expiresIn, 0)), '任务测试发放');
  const lot = num(`SELECT MAX(id) FROM points_lots WHERE member_id = ${member.id}`);
  if (expiresIn < 0) sql(`UPDATE points_lots SET expires_at = CURDATE() + INTERVAL ${Number(expiresIn)} DAY WHERE id = ${lot}`);
  return lot;
}
const balance = (m) => num(`SELECT points_balance FROM members WHERE id = ${m.id}`);

// An order row as the checkout leaves it (no lines: no stock involved, no points: no spend needed).
function newOrder(member, status, extra = '') {
  const no = 'J' + String(randomInt(0, 1e8)).padStart(8, '0') + String(randomInt(0, 1e8)).padStart(8, '0');
  const taken = ['paid', 'shipped', 'completed'].includes(status) ? 1 : 0;
  sql(`INSERT INTO orders (order_no, member_id, status, points_total, needs_shipping, stock_taken) VALUES ('${no}', ${member.id}, '${status}', 0, 1, ${taken})`);
  if (extra) sql(`UPDATE orders SET ${extra} WHERE order_no = '${no}'`);
  return no;
}
const orderStatus = (no) => sql(`SELECT status FROM orders WHERE order_no = '${no}'`);

test('expire-points expires due lots once, however often it runs', () => {
  const m = newMember();
  const due = grant(m, 300, -1);
  const keep = grant(m, 200, 0); // expiring today: still good today
  assert.equal(balance(m), 500);
  mallctl('expire-points');
  const after = () => sql(`SELECT CONCAT(status, ' ', remaining) FROM points_lots WHERE id IN (${due}, ${keep}) ORDER BY id`);
  const entries = () => sql(`SELECT CONCAT(kind, ' ', amount, ' ', balance_after) FROM points_ledger WHERE member_id = ${m.id} AND kind = 'expire'`);
  assert.equal(after(), 'expired 0\nopen 200');
  assert.equal(entries(), 'expire -300 200');
  assert.equal(balance(m), 200);
  mallctl('expire-points');
  assert.equal(after(), 'expired 0\nopen 200');
  assert.equal(entries(), 'expire -300 200');
  assert.equal(balance(m), 200);
  mallctl('check-ledger');
});

test('the same cron job on two machines at once: one run at a time, the other waits its turn; a dead run frees it', async () => {
  // Another machine's run holds the job (a lease of 2 s, as if it were still working or had died holding it).
  sql(`INSERT INTO job_locks (name, holder, host, locked_until) VALUES ('orders-housekeeping', '${'b'.repeat(32)}', 'node-b', NOW() + INTERVAL 2 SECOND)
       ON DUPLICATE KEY UPDATE holder = VALUES(holder), host = VALUES(host), locked_until = VALUES(locked_until)`);
  const m = newMember();
  const stale = newOrder(m, 'pending', 'created_at = NOW() - INTERVAL 31 MINUTE');
  const r = await mallctlAsync('orders-housekeeping');
  assert.equal(r.status, 0, r.out);
  assert.match(r.stderr, /running elsewhere \(on node-b, lease until .*\): waiting for it/);
  assert.equal(orderStatus(stale), 'cancelled', 'it ran once the lease was over');
  assert.equal(sql(`SELECT holder <> '${'b'.repeat(32)}' AND locked_until <= NOW() FROM job_locks WHERE name = 'orders-housekeeping'`), '1', 'taken over, then given back');

  // Two runs started together over the same due lots: each lot expires once.
  const members = [newMember(), newMember(), newMember()];
  const lots = members.map((x) => grant(x, 100, -1));
  const [a, b] = await Promise.all([mallctlAsync('expire-points'), mallctlAsync('expire-points')]);
  assert.equal(a.status, 0, a.out);
  assert.equal(b.status, 0, b.out);
  assert.equal(num(`SELECT COUNT(*) FROM points_ledger WHERE kind = 'expire' AND lot_id IN (${lots.join(',')})`), 3);
  for (const x of members) assert.equal(balance(x), 0);
  mallctl('check-ledger');
});

test('send-reminders texts and notifies once per lot, even run twice and concurrently', async () => {
  const m = newMember();
  const soon = grant(m, 120, 1);
  const soon2 = grant(m, 80, 2);
  const later = grant(m, 500, 40);
  const runs = await Promise.all([1, 2, 3].map(() => mallctlAsync('send-reminders', '--days', '3')));
  for (const r of runs) assert.equal(r.status, 0, r.out);
  mallctl('send-reminders', '--days', '3');
  const texts = sql(`SELECT body FROM sms_outbox WHERE mobile = '${m.mobile}' AND purpose = 'expiry' ORDER BY id`).split('\n');
  assert.equal(texts.length, 2, texts.join('\n'));
  assert.ok(texts.some((t) => t.includes('120积分') && t.includes(day(1))), texts.join('\n'));
  assert.ok(texts.some((t) => t.includes('80积分') && t.includes(day(2))), texts.join('\n'));
  assert.equal(num(`SELECT COUNT(*) FROM inbox WHERE member_id = ${m.id} AND dedupe_key IN ('expiry:${soon}', 'expiry:${soon2}')`), 2);
  assert.equal(num(`SELECT COUNT(*) FROM inbox WHERE member_id = ${m.id}`), 2);
  assert.equal(num(`SELECT COUNT(*) FROM points_lots WHERE id = ${later} AND reminded_at IS NULL`), 1);
  assert.equal(mallctlRun('send-reminders', '--days', '0').status, 2);
  assert.equal(mallctlRun('send-reminders', '--days', 'x').status, 2);
  assert.equal(mallctlRun('send-reminders', '--days', '4294967297').status, 2);
});

test('orders-housekeeping cancels stale unpaid orders and completes long-shipped ones', () => {
  const m = newMember();
  const stale = newOrder(m, 'pending', 'created_at = NOW() - INTERVAL 31 MINUTE');
  const fresh = newOrder(m, 'pending', 'created_at = NOW() - INTERVAL 29 MINUTE');
  const oldPaid = newOrder(m, 'paid', 'created_at = NOW() - INTERVAL 2 DAY, paid_at = NOW() - INTERVAL 2 DAY');
  const oldShipped = newOrder(m, 'shipped', 'shipped_at = NOW() - INTERVAL 11 DAY');
  const newShipped = newOrder(m, 'shipped', 'shipped_at = NOW() - INTERVAL 9 DAY');
  const out = mallctl('orders-housekeeping');
  assert.match(out, /cancelled [1-9]\d* unpaid orders, completed [1-9]\d* shipped orders/);
  assert.equal(orderStatus(stale), 'cancelled');
  assert.equal(orderStatus(fresh), 'pending');
  assert.equal(orderStatus(oldPaid), 'paid');
  assert.equal(orderStatus(oldShipped), 'completed');
  assert.equal(orderStatus(newShipped), 'shipped');
  assert.equal(sql(`SELECT kind FROM order_events WHERE order_id = (SELECT id FROM orders WHERE order_no = '${stale}')`), 'cancelled');
  mallctl('orders-housekeeping');
  assert.equal(orderStatus(oldPaid), 'paid');
  mallctl('check-ledger');
});

test('check-ledger fails when the expiry days, open-lot or entry counts (schema 046, 047) disagree with the lots and entries', () => {
  const m = newMember();
  grant(m, 100, 30);
  assert.equal(sql(`SELECT CONCAT(remaining, '/', lots) FROM points_expiry_days WHERE member_id = ${m.id}`), '100/1');
  assert.equal(sql(`SELECT open_lots FROM points_member_lots WHERE member_id = ${m.id}`), '1');
  const line = /expiry days = the open lots' points and count per member and day, no day without one\s+FAIL \(1\)/;
  try {
    sql(`UPDATE points_expiry_days SET remaining = remaining + 1 WHERE member_id = ${m.id}`);
    const bad = mallctlRun('check-ledger');
    assert.equal(bad.status, 1, bad.out);
    assert.match(bad.out, line);
  } finally {
    sql(`UPDATE points_expiry_days SET remaining = remaining - 1 WHERE member_id = ${m.id}`);
  }
  try {
    sql(`INSERT INTO points_expiry_days VALUES (${m.id}, CURDATE() + INTERVAL 999 DAY, 0, 0)`);
    const bad = mallctlRun('check-ledger');
    assert.equal(bad.status, 1, bad.out);
    assert.match(bad.out, line);
  } finally {
    sql(`DELETE FROM points_expiry_days WHERE member_id = ${m.id} AND lots = 0`);
  }
  try {
    sql(`UPDATE points_member_lots SET open_lots = 2 WHERE member_id = ${m.id}`);
    const bad = mallctlRun('check-ledger');
    assert.equal(bad.status, 1, bad.out);
    assert.match(bad.out, /open-lot counts = the open lots per member\s+FAIL \(1\)/);
  } finally {
    sql(`UPDATE points_member_lots SET open_lots = 1 WHERE member_id = ${m.id}`);
  }
  // The entry count (schema 047): the grant's one entry, counted by the trigger.
  assert.equal(sql(`SELECT ledger_entries FROM points_member_lots WHERE member_id = ${m.id}`), '1');
  try {
    sql(`UPDATE points_member_lots SET ledger_entries = 2 WHERE member_id = ${m.id}`);
    const bad = mallctlRun('check-ledger');
    assert.equal(bad.status, 1, bad.out);
    assert.match(bad.out, /entry counts = the ledger entries per member\s+FAIL \(1\)/);
  } finally {
    sql(`UPDATE points_member_lots SET ledger_entries = 1 WHERE member_id = ${m.id}`);
  }
  assert.equal(mallctlRun('check-ledger').status, 0);
});

test('check-ledger passes on clean data and fails on a corrupted balance', () => {
  const m = newMember();
  grant(m, 100, 30);
  const clean = mallctlRun('check-ledger');
  assert.equal(clean.status, 0, clean.out);
  assert.match(clean.out, /check-ledger: 0 violations/);
  for (const inv of ['I1', 'I2', 'I3', 'I4', 'I5', 'I6']) assert.match(clean.out, new RegExp(`^${inv} `, 'm'));
  try {
    sql(`UPDATE members SET points_balance = points_balance + 7 WHERE id = ${m.id}`);
    const bad = mallctlRun('check-ledger');
    assert.equal(bad.status, 1, bad.out);
    assert.match(bad.out, /member balance = sum of ledger entries\s+FAIL \(1\)/);
    assert.match(bad.out, /check-ledger: [1-9]\d* violations/);
  } finally {
    sql(`UPDATE members SET points_balance = points_balance - 7 WHERE id = ${m.id}`);
  }
  assert.equal(mallctlRun('check-ledger').status, 0);
});

test('grant-points credits a lot and refuses bad input without writing', () => {
  const m = newMember();
  const expires = day(90);
  assert.match(mallctl('grant-points', m.mobile, '2500', expires, '春节活动奖励'), /granted 2500 points/);
  assert.equal(balance(m), 2500);
  assert.equal(sql(`SELECT CONCAT(source, ' ', amount, ' ', remaining, ' ', expires_at, ' ', note) FROM points_lots WHERE member_id = ${m.id}`),
    `grant 2500 2500 ${expires} 春节活动奖励`);
  assert.equal(sql(`SELECT CONCAT(kind, ' ', amount, ' ', balance_after) FROM points_ledger WHERE member_id = ${m.id}`), 'grant 2500 2500');
  for (const args of [[m.mobile, '0', expires, 'x'], [m.mobile, '-5', expires, 'x'], [m.mobile, '12abc', expires, 'x'],
    [m.mobile, '1000000000000', expires, 'x'], [m.mobile, '10', day(-1), 'x'], [m.mobile, '10', '2026-02-30', 'x'],
    [m.mobile, '10', 'tomorrow', 'x'], [m.mobile, '10', expires, ''], ['1234', '10', expires, 'x']]) {
    assert.equal(mallctlRun('grant-points', ...args).status, 2, args.join(' '));
  }
  assert.equal(mallctlRun('grant-points', '19000000000', '10', expires, 'x').status === 0, false);
  assert.equal(balance(m), 2500);
  assert.equal(num(`SELECT COUNT(*) FROM points_ledger WHERE member_id = ${m.id}`), 1);
});

test('order-ship, order-event and order-complete move an order along its timeline', () => {
  const m = newMember();
  const no = newOrder(m, 'paid');
  const pending = newOrder(m, 'pending');
  assert.equal(mallctlRun('order-ship', pending, '顺丰速运', 'SF100').out, 'Order.Result.BadState');
  assert.equal(mallctlRun('order-event', no, '已揽收').out, 'Order.Result.BadState');
  assert.equal(mallctlRun('order-complete', no).out, 'Order.Result.BadState');
  assert.equal(mallctlRun('order-ship', 'P2099010100000000', '顺丰速运', 'SF100').out, 'Order.Result.NotFound');
  assert.equal(mallctlRun('order-ship', no, '', 'SF100').status, 2);
  assert.equal(mallctl('order-ship', no, '顺丰速运', 'SF1234567890'), 'Order.Result.Ok');
  assert.equal(sql(`SELECT CONCAT(status, ' ', carrier, ' ', tracking_no) FROM orders WHERE order_no = '${no}'`), 'shipped 顺丰速运 SF1234567890');
  assert.equal(num(`SELECT COUNT(*) FROM inbox WHERE member_id = ${m.id} AND title = '您的订单已发货' AND link = '/order/${no}'`), 1);
  assert.equal(mallctl('order-event', no, '快件已到达【深圳南山营业部】'), 'Order.Result.Ok');
  const cancel = mallctlRun('order-cancel', no, '运营取消');
  assert.equal(cancel.status, 1);
  assert.equal(cancel.out, 'Order.Result.BadState');
  assert.equal(mallctl('order-complete', no), 'Order.Result.Ok');
  const again = mallctlRun('order-complete', no);
  assert.equal(again.status, 1);
  assert.equal(again.out, 'Order.Result.BadState');
  assert.equal(sql(`SELECT GROUP_CONCAT(kind ORDER BY id) FROM order_events WHERE order_id = (SELECT id FROM orders WHERE order_no = '${no}')`),
    'shipped,event,completed');
  mallctl('check-ledger');
});

test('moderation commands publish reviews, messages and answers', async () => {
  const m = newMember();
  const cat = num('SELECT MIN(id) FROM categories');
  const product = num(`INSERT INTO products (type, category_id, name_zh, description_zh, description_en, points_price, stock, initial_stock)
    VALUES ('physical', ${cat}, '任务测试商品', '', '', 100, 5, 5); SELECT LAST_INSERT_ID()`);
  try {
    const review = num(`INSERT INTO reviews (product_id, member_id, score, content) VALUES (${product}, ${m.id}, 5, '包装很好，物流很快'); SELECT LAST_INSERT_ID()`);
    const before = await (await fetch(`${ORIGIN}/product/${product}`)).text();
    assert.ok(!before.includes('包装很好，物流很快'), 'a pending review must not show');
    assert.match(mallctl('review-approve', String(review)), /approved/);
    const after = await (await fetch(`${ORIGIN}/product/${product}`)).text();
    assert.ok(after.includes('包装很好，物流很快'), 'the approved review shows on the product page at once');
    assert.equal(mallctlRun('review-approve', '999999999').status, 1);
    assert.equal(mallctlRun('review-approve', 'abc').status, 2);

    const msg = num(`INSERT INTO messages (member_id, content) VALUES (${m.id}, '请问积分什么时候到账？'); SELECT LAST_INSERT_ID()`);
    mallctl('message-approve', String(msg), '您好，积分将在次月5日前到账。');
    assert.equal(sql(`SELECT CONCAT(status, ' ', reply, ' ', replied_at IS NOT NULL) FROM messages WHERE id = ${msg}`),
      'approved 您好，积分将在次月5日前到账。 1');
    assert.equal(num(`SELECT COUNT(*) FROM inbox WHERE member_id = ${m.id} AND dedupe_key = 'message-reply:${msg}'`), 1);
    const quiet = num(`INSERT INTO messages (member_id, content) VALUES (${m.id}, '谢谢'); SELECT LAST_INSERT_ID()`);
    mallctl('message-approve', String(quiet));
    assert.equal(sql(`SELECT CONCAT(status, ' ', reply IS NULL) FROM messages WHERE id = ${quiet}`), 'approved 1');

    const ask = num(`INSERT INTO consultations (product_id, member_id, question) VALUES (${product}, ${m.id}, '支持七天无理由退货吗？'); SELECT LAST_INSERT_ID()`);
    mallctl('consultation-answer', String(ask), '支持，签收后7天内可申请。');
    assert.equal(sql(`SELECT CONCAT(answer, ' ', answered_at IS NOT NULL) FROM consultations WHERE id = ${ask}`), '支持，签收后7天内可申请。 1');
    assert.equal(mallctlRun('consultation-answer', String(ask), '').status, 2);
  } finally {
    sql(`UPDATE products SET on_shelf = 0 WHERE id = ${product}`);
  }
});
