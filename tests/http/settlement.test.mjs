// settlement.test.mjs: V7 monthly settlement — statements built from redemptions across two merchants and two
// months reconcile exactly, re-runs are idempotent, the owner submits, finance approves / rejects / pays, a
// rejected statement is corrected and resubmitted, CSV on both sides, roles, scoping and CSRF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, mallctl, checkLedger } from './lib/stack.mjs';
import { makeMembers, memberId } from './lib/members.mjs';
import { makeProduct } from './lib/shop.mjs';
import { adminClient, adminPost } from './lib/admin.mjs';
import { makeMerchant, merchantClient } from './lib/merchants.mjs';

// A fresh merchant with an owner and a staff account.
const makeSettleMerchant = () => makeMerchant('结算测试商户', { address: '测试地址', phone: '13900000000' });

// Redeemed vouchers written with SQL the way paying and verifying would leave them: one paid order (0 points, so
// no ledger rows are needed) with one voucher line of `list.length` units, stock taken; each voucher redeemed at
// list[i].at for list[i].fen with list[i].points.
function makeVouchers(merchant, list, issued = 0) {
  const [m] = makeMembers(1);
  const member = memberId(m);
  const product = makeProduct({ type: 'voucher', points: 100, stock: 100 });
  const units = list.length + issued;
  const digits = (n) => String(randomInt(10 ** n)).padStart(n, '0');
  const no = `S${digits(8)}${digits(8)}`;
  sql(`UPDATE products SET merchant_id = ${merchant.id}, stock = stock - ${units} WHERE id = ${product};
       INSERT INTO orders (order_no, member_id, status, points_total, stock_taken, paid_at) VALUES ('${no}', ${member}, 'paid', 0, 1, NOW());
       INSERT INTO order_items (order_id, product_id, product_type, name, points_price, quantity)
         SELECT id, ${product}, 'voucher', 'settle test', 100, ${units} FROM orders WHERE order_no = '${no}'`);
  const [order, item] = sql(`SELECT o.id, i.id FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.order_no = '${no}'`).split('\t').map(Number);
  const rows = [...list.map((v) => ({ ...v, status: 'redeemed' })), ...Array.from({ length: issued }, () => ({ fen: 777, points: 70, status: 'issued' }))];
  const nos = rows.map(() => `T${digits(7)}${digits(8)}`);
  sql(`INSERT INTO vouchers (voucher_no, order_id, order_item_id, member_id, merchant_id, product_id, password_hash, status,
         valid_from, valid_to, points, settle_price_fen, redeemed_at, redeemed_by) VALUES ${rows.map((v, i) =>
    `('${nos[i]}', ${order}, ${item}, ${member}, ${merchant.id}, ${product}, REPEAT('0', 64), '${v.status}', '2019-01-01', '2030-12-31',
      ${v.points}, ${v.fen}, ${v.status === 'redeemed' ? `'${v.at}'` : 'NULL'}, ${v.status === 'redeemed' ? merchant.staffId : 'NULL'})`).join(',')}`);
  return nos;
}

const statement = (merchant, month) => {
  const row = sql(`SELECT id, vouchers, amount_fen, points, status FROM settlements WHERE merchant_id = ${merchant.id} AND month = '${month}'`);
  if (!row) return null;
  const [id, vouchers, amount, points, status] = row.split('\t');
  return { id: Number(id), vouchers: Number(vouchers), amount: Number(amount), points: Number(points), status };
};
// What the redemptions say a statement must hold (computed independently of the statement).
const truth = (merchant, month) => {
  const [n, fen, pts] = sql(`SELECT COUNT(*), COALESCE(SUM(settle_price_fen), 0), COALESCE(SUM(points), 0) FROM vouchers
    WHERE merchant_id = ${merchant.id} AND status = 'redeemed' AND redeemed_at >= '${month}-01' AND redeemed_at < '${month}-01' + INTERVAL 1 MONTH`).split('\t').map(Number);
  return { vouchers: n, amount: fen, points: pts };
};
const snapshot = (merchants) => sql(`SELECT s.id, s.merchant_id, s.month, s.vouchers, s.amount_fen, s.points, s.status,
  (SELECT GROUP_CONCAT(v.voucher_no ORDER BY v.voucher_no) FROM vouchers v WHERE v.settlement_id = s.id)
  FROM settlements s WHERE s.merchant_id IN (${merchants.map((m) => m.id).join(',')}) ORDER BY s.id`);

// Two unused months far in the past per test (statements persist between runs; merchants are new each time).
const months = () => {
  const y = 2001 + randomInt(0, 17);
  const mo = randomInt(1, 12);
  return [`${y}-${String(mo).padStart(2, '0')}`, `${y}-${String(mo + 1).padStart(2, '0')}`];
};

test('statements of two merchants over two months equal the sum of their redemptions; re-runs change nothing', async () => {
  const [m1, m2] = months();
  const a = makeSettleMerchant();
  const b = makeSettleMerchant();
  // Month edges in the mall time zone: the first second of m1 and the last second of m1 both belong to m1.
  makeVouchers(a, [
    { at: `${m1}-01 00:00:00`, fen: 1234, points: 100 }, { at: `${m1}-15 12:30:00`, fen: 1234, points: 100 },
    { at: `${m1}-28 23:59:59`, fen: 999, points: 80 }, { at: `${m2}-01 00:00:00`, fen: 5000, points: 400 },
    { at: `${m2}-20 08:00:00`, fen: 1, points: 1 },
  ], 2);
  makeVouchers(b, [{ at: `${m1}-03 10:00:00`, fen: 2500, points: 200 }, { at: `${m1}-04 10:00:00`, fen: 2500, points: 200 },
    { at: `${m2}-09 10:00:00`, fen: 333, points: 30 }]);
  assert.match(mallctl('settle', '--month', m1), /statements/);
  const { c: fin } = await adminClient('finance');
  assert.equal((await adminPost(fin, '/admin/settlements/run', { month: m2 }, '/admin/settlements')).status, 303);

  const expected = { [`${a.id}|${m1}`]: [3, 3467, 280], [`${a.id}|${m2}`]: [2, 5001, 401], [`${b.id}|${m1}`]: [2, 5000, 400], [`${b.id}|${m2}`]: [1, 333, 30] };
  for (const [k, [n, fen, pts]] of Object.entries(expected)) {
    const [mid, month] = k.split('|');
    const merchant = mid == a.id ? a : b;
    const s = statement(merchant, month);
    assert.deepEqual({ vouchers: s.vouchers, amount: s.amount, points: s.points }, { vouchers: n, amount: fen, points: pts }, k);
    assert.deepEqual({ vouchers: s.vouchers, amount: s.amount, points: s.points }, truth(merchant, month), k);
    assert.equal(s.status, 'draft');
    assert.equal(Number(sql(`SELECT COUNT(*) FROM vouchers WHERE settlement_id = ${s.id}`)), n);
  }
  // issued (unredeemed) vouchers are never settled
  assert.equal(sql(`SELECT COUNT(*) FROM vouchers WHERE merchant_id = ${a.id} AND status = 'issued' AND settlement_id IS NOT NULL`), '0');

  const before = snapshot([a, b]);
  mallctl('settle', '--month', m1);
  mallctl('settle', '--month', m2);
  assert.equal((await adminPost(fin, '/admin/settlements/run', { month: m1 }, '/admin/settlements')).status, 303);
  assert.equal(snapshot([a, b]), before);
  assert.equal(sql(`SELECT COUNT(*) FROM settlements WHERE merchant_id IN (${a.id}, ${b.id})`), '4');

  // the bill list and the detail show the same totals
  const list = await fin.get(`/admin/settlements?month=${m1}`);
  assert.equal(list.status, 200);
  assert.ok(list.html.includes(`data-id="${statement(a, m1).id}"`));
  const detail = await fin.get(`/admin/settlements/${statement(a, m1).id}`);
  assert.match(detail.html, /id="total-amount">¥34\.67</);
  assert.match(detail.html, /id="total-points">280</);
  // the runs from the back office are audited
  assert.ok(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'settle' AND entity = 'settlement_month' AND entity_id = ${m1.replace('-', '')}`)) >= 1);
  checkLedger();
});

test('owner submits, finance rejects with a reason, the statement is corrected, resubmitted, approved and paid', async () => {
  const [m1, m2] = months();
  const a = makeSettleMerchant();
  const nos = makeVouchers(a, [{ at: `${m1}-10 10:00:00`, fen: 1000, points: 90 }, { at: `${m1}-11 10:00:00`, fen: 2000, points: 180 },
    { at: `${m2}-05 10:00:00`, fen: 4000, points: 360 }]);
  mallctl('settle', '--month', m1);
  mallctl('settle', '--month', m2);
  const s1 = statement(a, m1);

  const owner = await merchantClient(a.owner);
  const list = await owner.get('/merchant/settlements');
  assert.equal(list.status, 200);
  assert.ok(list.html.includes(`data-month="${m1}"`));
  const page = await owner.get(`/merchant/settlements/${s1.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.html.includes(nos[0]) && page.html.includes(nos[1]) && !page.html.includes(nos[2]));
  assert.equal((await owner.post(`/merchant/settlements/${s1.id}/submit`, {}, `/merchant/settlements/${s1.id}`)).status, 303);
  assert.equal(statement(a, m1).status, 'submitted');
  // a submitted statement is never recomputed, even when a redemption changes
  sql(`UPDATE vouchers SET settle_price_fen = 1500 WHERE voucher_no = '${nos[0]}'`);
  mallctl('settle', '--month', m1);
  assert.equal(statement(a, m1).amount, 3000);

  const { c: fin } = await adminClient('finance');
  const noReason = await adminPost(fin, `/admin/settlements/${s1.id}/review`, { action: 'reject', reason: '' }, `/admin/settlements/${s1.id}`);
  assert.equal(noReason.status, 400);
  assert.equal(statement(a, m1).status, 'submitted');
  assert.equal((await adminPost(fin, `/admin/settlements/${s1.id}/review`, { action: 'reject', reason: '第二张券核销时间有误' })).status, 303);
  assert.equal(statement(a, m1).status, 'rejected');
  assert.match((await owner.get(`/merchant/settlements/${s1.id}`)).html, /第二张券核销时间有误/);
  // paying is only for approved statements
  assert.equal((await adminPost(fin, `/admin/settlements/${s1.id}/review`, { action: 'pay' })).status, 409);

  // the correction: the second voucher was really redeemed in the next month (whose statement is still a draft)
  sql(`UPDATE vouchers SET redeemed_at = '${m2}-01 09:00:00' WHERE voucher_no = '${nos[1]}'`);
  mallctl('settle', '--month', m1);
  mallctl('settle', '--month', m2);
  const c1 = statement(a, m1);
  const c2 = statement(a, m2);
  assert.deepEqual({ vouchers: c1.vouchers, amount: c1.amount, points: c1.points }, truth(a, m1));
  assert.deepEqual({ vouchers: c2.vouchers, amount: c2.amount, points: c2.points }, truth(a, m2));
  assert.deepEqual([c1.vouchers, c1.amount, c2.vouchers, c2.amount], [1, 1500, 2, 6000]);
  assert.equal(c1.status, 'rejected');
  // each voucher belongs to exactly one statement
  assert.equal(sql(`SELECT GROUP_CONCAT(settlement_id ORDER BY voucher_no) FROM vouchers WHERE voucher_no IN ('${nos.join("','")}')`),
    [[nos[0], c1.id], [nos[1], c2.id], [nos[2], c2.id]].sort().map((x) => x[1]).join(','));

  owner.csrf = null;
  assert.equal((await owner.post(`/merchant/settlements/${s1.id}/submit`, {}, `/merchant/settlements/${s1.id}`)).status, 303);
  assert.equal((await adminPost(fin, `/admin/settlements/${s1.id}/review`, { action: 'approve' })).status, 303);
  assert.equal(statement(a, m1).status, 'approved');
  assert.equal((await adminPost(fin, `/admin/settlements/${s1.id}/review`, { action: 'pay' })).status, 303);
  assert.equal(statement(a, m1).status, 'paid');
  const paid = snapshot([a]);
  mallctl('settle', '--month', m1);
  assert.equal(snapshot([a]), paid);
  assert.deepEqual(sql(`SELECT GROUP_CONCAT(action ORDER BY id) FROM audit_log WHERE entity = 'settlement' AND entity_id = ${s1.id}`).split(','),
    ['reject', 'approve', 'pay']);
  // a paid statement cannot be submitted again
  owner.csrf = null;
  assert.equal((await owner.post(`/merchant/settlements/${s1.id}/submit`, {}, `/merchant/settlements/${s1.id}`)).status, 409);
});

test('CSV exports on both sides reconcile with the statement and start with a UTF-8 BOM', async () => {
  const [m1] = months();
  const a = makeSettleMerchant();
  makeVouchers(a, [{ at: `${m1}-02 10:00:00`, fen: 1999, points: 150 }, { at: `${m1}-03 10:00:00`, fen: 1, points: 1 }]);
  mallctl('settle', '--month', m1);
  const s = statement(a, m1);
  const { c: fin } = await adminClient('finance');
  const csv = await fin.get(`/admin/settlements/${s.id}/vouchers.csv`);
  assert.equal(csv.status, 200);
  assert.ok(csv.html.startsWith('\uFEFF'));
  const lines = csv.html.slice(1).trim().split('\r\n');
  assert.equal(lines.length, 3);
  assert.equal(lines.slice(1).reduce((sum, l) => sum + Number(l.split(',')[4]), 0), s.amount);
  const all = await fin.get(`/admin/settlements.csv?month=${m1}`);
  assert.ok(all.html.startsWith('\uFEFF'));
  assert.ok(all.html.split('\r\n').some((l) => l.startsWith(`${s.id},`) && l.includes(',2,2000,20.00,151,')), all.html);

  const owner = await merchantClient(a.owner);
  const mine = await owner.get('/merchant/settlements.csv');
  assert.equal(mine.status, 200);
  assert.ok(mine.html.startsWith('\uFEFF'));
  assert.equal(mine.html.trim().split('\r\n').length, 2);
  assert.ok(mine.html.includes(`${m1},2,2000,20.00,151,`));
  const v = await owner.get(`/merchant/settlements/${s.id}/vouchers.csv`);
  assert.equal(v.html.slice(1).trim().split('\r\n').length, 3);
});

test('scoping and roles: other merchants, staff, ops and moderators are kept out; missing CSRF is 403', async () => {
  const [m1] = months();
  const a = makeSettleMerchant();
  const b = makeSettleMerchant();
  makeVouchers(a, [{ at: `${m1}-02 10:00:00`, fen: 100, points: 10 }]);
  mallctl('settle', '--month', m1);
  const s = statement(a, m1);
  const other = await merchantClient(b.owner);
  assert.equal((await other.get(`/merchant/settlements/${s.id}`)).status, 404);
  assert.equal((await other.get(`/merchant/settlements/${s.id}/vouchers.csv`)).status, 404);
  assert.equal((await other.post(`/merchant/settlements/${s.id}/submit`, {}, '/merchant/settlements')).status, 404);
  assert.equal(statement(a, m1).status, 'draft');
  const staff = await merchantClient(a.staff);
  assert.equal((await staff.get('/merchant/settlements')).status, 403);
  assert.equal((await staff.get(`/merchant/settlements/${s.id}`)).status, 403);
  for (const role of ['ops', 'moderator']) {
    const { c } = await adminClient(role);
    assert.equal((await c.get('/admin/settlements')).status, 403, role);
    assert.equal((await adminPost(c, '/admin/settlements/run', { month: m1 })).status, 403, role);
  }
  const { c: fin } = await adminClient('finance');
  await fin.get('/admin/settlements');
  assert.equal((await fin.request('POST', '/admin/settlements/run', { month: m1 })).status, 403);
  assert.equal((await fin.request('POST', `/admin/settlements/${s.id}/review`, { action: 'approve' })).status, 403);
  const owner = await merchantClient(a.owner);
  await owner.get('/merchant/settlements');
  assert.equal((await owner.request('POST', `/merchant/settlements/${s.id}/submit`, {})).status, 403);
  assert.equal(statement(a, m1).status, 'draft');
  // a bad month is a message, not a run
  const bad = await adminPost(fin, '/admin/settlements/run', { month: '2026-13' });
  assert.equal(bad.status, 400);
  assert.match(bad.html, /2026-10/);
});
