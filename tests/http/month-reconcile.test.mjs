// month-reconcile.test.mjs: one scripted month holding every kind of ledger entry (earn, grant, code scan, spend,
// terminal payment, refund, expire, adjust + and −) on several days. The points report's day rows and month row equal
// independent SQL sums per kind and opening + Σ columns = closing on each; a merchant's statement for that month
// equals its redeemed vouchers + its terminal payments under the rule set in the back office (audited);
// check-ledger stays clean and catches a statement or terminal payment that no longer adds up.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, q, mallctl, mallctlRun, checkLedger } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, memberId, skipCooldown, addLot } from './lib/members.mjs';
import { makeProduct, placeNow, payOrder } from './lib/shop.mjs';
import { adminClient, auditOf } from './lib/admin.mjs';
import { makeMerchant, merchantClient } from './lib/merchants.mjs';
import { setPayPassword, makeCardMembers, payHashOf, startPayment, confirmPayment } from './lib/card.mjs';
import { makeActivity } from './lib/guards.mjs';
import { mallctlBatch, codeOf } from './lib/codes.mjs';
import { api, idem, ref } from './lib/api.mjs';

const W = {};
const pad = (n) => String(n).padStart(2, '0');
const KINDS = ['earn', 'grant', 'scan', 'api_earn', 'bonus', 'adjust_in', 'spend', 'offline', 'api_spend', 'coupon', 'refund',
  'api_reverse_in', 'expire', 'adjust_out', 'api_reverse_out', 'bonus_out'];
const RATE = 83; // fen per 100 points for the test merchant's terminal payments
const num = (s) => Number(String(s).replace(/[,+\s]/g, ''));

// A ledger credit with its lot (like a grant), of another kind: earn, or a positive adjust.
function credit(mobile, kind, amount) {
  addLot(mobile, amount, '2099-12-31');
  sql(`UPDATE points_ledger SET kind = '${kind}' WHERE id = (SELECT id FROM (SELECT MAX(id) AS id FROM points_ledger WHERE member_id = ${memberId(mobile)}) x)`);
}

before(async () => {
  // A month in 2001–2019 nobody else wrote ledger entries, terminal payments or statements in.
  for (;;) {
    W.y = randomInt(2001, 2020);
    W.m = randomInt(1, 13);
    W.month = `${W.y}-${pad(W.m)}`;
    const busy = sql(`SELECT (SELECT COUNT(*) FROM points_ledger WHERE DATE_FORMAT(created_at, '%Y-%m') = '${W.month}')
      + (SELECT COUNT(*) FROM offline_payments WHERE DATE_FORMAT(created_at, '%Y-%m') = '${W.month}')
      + (SELECT COUNT(*) FROM vouchers WHERE DATE_FORMAT(redeemed_at, '%Y-%m') = '${W.month}')`);
    if (busy === '0') break;
  }
  W.days = [3, 10, 17, 24].map((d) => `${W.month}-${pad(d)}`);
  W.merchant = makeMerchant('对账商户');
  // The rule, set on the back office merchant page (audited).
  const { c: fin } = await adminClient('finance');
  await fin.get(`/admin/merchants/${W.merchant.id}`);
  const set = await fin.post(`/admin/merchants/${W.merchant.id}/settle-rate`, { fen_per_100: RATE }, `/admin/merchants/${W.merchant.id}`);
  assert.equal(set.status, 303, flash(set.html));

  // Members: a buys and pays at the till, b pays at the till and has a lot expire.
  const [payer] = makeMembers(1);
  const pc = new Client();
  await pc.login(payer);
  await setPayPassword(pc, payer, '369258');
  const [a, b] = makeCardMembers(2, 0, payHashOf(payer));
  W.a = a; W.b = b;
  const ids = `${a.id}, ${b.id}`;
  const ledgerMark = Number(sql('SELECT COALESCE(MAX(id), 0) FROM points_ledger'));

  credit(a.mobile, 'earn', 500);
  mallctl('grant-points', a.mobile, '3000', '2099-12-31', '对账测试发放');
  mallctl('grant-points', b.mobile, '2000', '2099-12-31', '对账测试发放');
  const p1 = makeProduct({ points: 100, stock: 20 }), p2 = makeProduct({ points: 300, stock: 20 });
  const c = new Client();
  await c.login(a.mobile);
  // A one-item code scanned (F5): 60 points as a lot of its own.
  const { urls } = mallctlBatch(makeActivity([]), { count: 2, points: 60, per: 2 });
  await c.get(`/c/${codeOf(urls[0])}`);
  assert.equal((await c.post(`/c/${codeOf(urls[0])}`, {})).status, 303);
  const o1 = await placeNow(c, p1, 2); await payOrder(c, a.mobile, o1);
  skipCooldown(a.mobile);
  const o2 = await placeNow(c, p2, 1); await payOrder(c, a.mobile, o2);
  const mc = await merchantClient(W.merchant.staff);
  const pay = async (who, points) => {
    const form = await startPayment(mc, who.card, points);
    const r = await confirmPayment(mc, form, '369258');
    assert.equal(r.status, 303, flash(r.html));
    return form.receipt;
  };
  const r1 = await pay(b, 777), r2 = await pay(b, 123), r3 = await pay(a, 55);
  mallctl('order-cancel', o2, '对账测试取消'); // refund 300
  // A coupon exchanged for 45 points (F6): kind coupon, counted as spent.
  const act = makeActivity([]);
  sql(`INSERT INTO coupon_campaigns (activity_id, name_zh, kind, face_value, threshold, quota, per_member, price_points,
         claim_from, claim_until, use_from, use_until)
       VALUES (${act}, '对账测试券', 'points_off', 30, 0, 10, 1, 45, NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 1 DAY,
         NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 7 DAY)`);
  const camp = sql(`SELECT MAX(id) FROM coupon_campaigns WHERE activity_id = ${act}`);
  await c.get('/coupons');
  const claimed = await c.post(`/coupons/${camp}/claim`, {}, '/coupons');
  assert.equal(claimed.status, 303, flash(claimed.html));
  // The partner API (I1): a earns 70 and 15, spends 20; the spend and the 15 are reversed (+20, −15).
  sql(`UPDATE members SET enterprise = '中国移动' WHERE id = ${a.id}`);
  const apiCall = async (path, body) => {
    const r = await api('POST', path, { body, idem: idem() });
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  const e1 = ref(), e2 = ref(), s1 = ref();
  await apiCall(`/api/v1/members/${a.id}/earn`, { points: 70, reference: e1 });
  await apiCall(`/api/v1/members/${a.id}/earn`, { points: 15, reference: e2 });
  await apiCall(`/api/v1/members/${a.id}/spend`, { points: 20, reference: s1 });
  await apiCall('/api/v1/reversals', { reference: s1 });
  await apiCall('/api/v1/reversals', { reference: e2 });
  // Earning rules (P2): a earns 40 by rule with a double-points activity bonus (+40), and 10 + 10 reversed (−10, −10).
  sql(`INSERT INTO earning_rules (enterprise, code, version, name, points_per_unit, unit_fen, rounding)
       VALUES ('中国移动', 'recon-${W.month}', 1, 'reconcile test', 1, 100, 'down')`);
  const bonusAct = makeActivity([]);
  sql(`INSERT INTO activity_bonuses (activity_id, enterprise, kind, multiplier_pct) VALUES (${bonusAct}, '中国移动', 'multiply', 200)`);
  const e3 = ref();
  assert.deepEqual((await apiCall(`/api/v1/members/${a.id}/earn`, { rule: `recon-${W.month}`, amount_fen: 4000, reference: ref() })).bonuses.map((x) => x.points), [40]);
  await apiCall(`/api/v1/members/${a.id}/earn`, { rule: `recon-${W.month}`, amount_fen: 1000, reference: e3 });
  await apiCall('/api/v1/reversals', { reference: e3 });
  sql(`UPDATE activities SET ends_at = NOW() - INTERVAL 1 SECOND WHERE id = ${bonusAct}`);
  credit(a.mobile, 'adjust', 250);
  const { c: sup } = await adminClient('super');
  await sup.get(`/admin/members/${a.id}`);
  const ded = await sup.post(`/admin/members/${a.id}/deduct`, { deduct_amount: 90, deduct_reason: '对账测试扣减' }, `/admin/members/${a.id}`);
  assert.equal(ded.status, 303, flash(ded.html));
  // b's 40-point lot that ran out yesterday, expired by the job.
  addLot(b.mobile, 40, sql('SELECT CURDATE() - INTERVAL 1 DAY'));
  mallctl('expire-points');

  // Into the month: each entry on its day (several per day), the terminal payments with their ledger entries.
  const at = (d, t = '12:00:00') => `'${W.days[d]} ${t}'`;
  const mine = `member_id IN (${ids}) AND id > ${ledgerMark}`;
  sql(`UPDATE points_ledger SET created_at = ${at(0, '00:00:00')} WHERE ${mine} AND kind IN ('earn', 'grant', 'scan', 'api_earn');
       UPDATE points_ledger SET created_at = ${at(1, '10:00:00')} WHERE ${mine} AND kind = 'api_spend';
       UPDATE points_ledger SET created_at = ${at(2, '11:00:00')} WHERE ${mine} AND kind = 'api_reverse';
       UPDATE points_ledger SET created_at = IF(amount > 0, ${at(0, '00:00:00')}, ${at(2, '11:00:00')}) WHERE ${mine} AND kind = 'bonus';
       UPDATE points_ledger SET created_at = ${at(1, '09:00:00')} WHERE ${mine} AND kind = 'spend';
       UPDATE points_ledger SET created_at = ${at(1, '23:59:59')} WHERE ${mine} AND kind = 'offline' AND member_id = ${b.id};
       UPDATE points_ledger SET created_at = ${at(2)} WHERE ${mine} AND kind IN ('refund', 'adjust', 'coupon');
       UPDATE points_ledger SET created_at = ${at(3)} WHERE ${mine} AND kind IN ('offline', 'expire') AND created_at > NOW() - INTERVAL 1 DAY;
       UPDATE offline_payments p JOIN points_ledger l ON l.id = p.ledger_id SET p.created_at = l.created_at
         WHERE p.receipt_no IN (${[r1, r2, r3].map(q).join(',')})`);
  W.receipts = [r1, r2, r3];
  // A redeemed voucher of the merchant in the month (written as paying and verifying leave it; 0-point order).
  const vp = makeProduct({ type: 'voucher', points: 100, stock: 5 });
  const vno = `R${Date.now() % 1e8}${randomInt(1e8)}`.slice(0, 17);
  sql(`UPDATE products SET merchant_id = ${W.merchant.id}, stock = stock - 1 WHERE id = ${vp};
       INSERT INTO orders (order_no, member_id, status, points_total, stock_taken, paid_at) VALUES ('${vno}', ${b.id}, 'paid', 0, 1, NOW());
       INSERT INTO order_items (order_id, product_id, product_type, name, points_price, quantity)
         SELECT id, ${vp}, 'voucher', 'reconcile test', 100, 1 FROM orders WHERE order_no = '${vno}';
       INSERT INTO vouchers (voucher_no, order_id, order_item_id, member_id, merchant_id, product_id, password_hash, status,
         valid_from, valid_to, points, settle_price_fen, redeemed_at, redeemed_by)
         SELECT 'V${randomInt(1e9)}${randomInt(1e6)}', o.id, i.id, ${b.id}, ${W.merchant.id}, ${vp}, REPEAT('0', 64), 'redeemed',
           '2000-01-01', '2099-12-31', 100, 1999, ${at(2, '15:00:00')}, ${W.merchant.staffId}
         FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.order_no = '${vno}'`);
  checkLedger();
});

// Independent sums: one column per kind straight from the ledger, signed as stored.
function ledgerByKind(from, toExclusive) {
  const [earn, grant, scan, adjIn, spend, offline, refund, expire, adjOut, apiEarn, apiSpend, revIn, revOut, coupon, bonus, bonusOut, net] = sql(`SELECT
      COALESCE(SUM(CASE WHEN kind = 'earn' THEN amount END), 0), COALESCE(SUM(CASE WHEN kind = 'grant' THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'scan' THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'adjust' AND amount > 0 THEN amount END), 0), COALESCE(SUM(CASE WHEN kind = 'spend' THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'offline' THEN amount END), 0), COALESCE(SUM(CASE WHEN kind = 'refund' THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'expire' THEN amount END), 0), COALESCE(SUM(CASE WHEN kind = 'adjust' AND amount < 0 THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'api_earn' THEN amount END), 0), COALESCE(SUM(CASE WHEN kind = 'api_spend' THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'api_reverse' AND amount > 0 THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'api_reverse' AND amount < 0 THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'coupon' THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'bonus' AND amount > 0 THEN amount END), 0),
      COALESCE(SUM(CASE WHEN kind = 'bonus' AND amount < 0 THEN amount END), 0),
      COALESCE(SUM(amount), 0)
    FROM points_ledger WHERE created_at >= '${from}' AND created_at < '${toExclusive}'`).split('\t').map(Number);
  return { earn, grant, scan, adjust_in: adjIn, spend, offline, refund, expire, adjust_out: adjOut, api_earn: apiEarn,
    api_spend: apiSpend, api_reverse_in: revIn, api_reverse_out: revOut, coupon, bonus, bonus_out: bonusOut, net };
}
const balanceBefore = (day) => Number(sql(`SELECT COALESCE(SUM(amount), 0) FROM points_ledger WHERE created_at < '${day}'`));
const nextDay = (d) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400e3).toISOString().slice(0, 10);
// Table rows: { period: { opening, earn, …, adjust_out, net, closing } }
function reportRows(html) {
  const heads = [...html.match(/<thead>[\s\S]*?<\/thead>/)[0].matchAll(/data-kind="([a-z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(heads, KINDS, 'one column per ledger kind group, in the documented order');
  const rows = {};
  for (const m of html.matchAll(/<tr (?:class="[^"]*" )?data-period="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    const v = [...m[2].matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)].map((c) => num(c[1]));
    const row = { opening: v[0], net: v[1 + KINDS.length], closing: v[2 + KINDS.length] };
    KINDS.forEach((k, i) => { row[k] = v[1 + i]; });
    rows[m[1]] = row;
  }
  return rows;
}
const sumCols = (row) => KINDS.reduce((s, k) => s + row[k], 0);

test('every day and the month: report columns = ledger sums per kind, opening + Σ columns = closing (page and CSV)', async () => {
  const { c } = await adminClient('finance');
  const first = `${W.month}-01`, last = new Date(Date.UTC(W.y, W.m, 0)).toISOString().slice(0, 10);
  const daily = await c.get(`/admin/reports?from=${first}&to=${last}&group=day`);
  assert.equal(daily.status, 200);
  const rows = reportRows(daily.html);
  let kindsSeen = new Set();
  for (let d = first; d <= last; d = nextDay(d)) {
    const row = rows[d], truth = ledgerByKind(d, nextDay(d));
    assert.ok(row, `a row for ${d}`);
    for (const k of KINDS) { assert.equal(row[k], truth[k], `${d} ${k}`); if (truth[k]) kindsSeen.add(k); }
    assert.equal(row.net, truth.net, `${d} net`);
    assert.equal(row.opening, balanceBefore(d), `${d} opening`);
    assert.equal(row.closing, balanceBefore(nextDay(d)), `${d} closing`);
    assert.equal(row.opening + sumCols(row), row.closing, `${d}: opening + Σ columns = closing`);
  }
  assert.deepEqual([...kindsSeen].sort(), [...KINDS].sort(), 'the month holds every kind of entry');
  assert.equal(rows[W.days[1]].offline, -900, 'terminal payments of the day (777 + 123) in their own column');
  assert.equal(rows[W.days[3]].offline, -55);
  // The legend names every column, terminal payments included.
  assert.match(daily.html, /id="report-legend"[\s\S]*终端支付[\s\S]*offline/);

  const monthly = await c.get(`/admin/reports?from=${first}&to=${last}&group=month`);
  const mrow = reportRows(monthly.html)[W.month], mtruth = ledgerByKind(first, nextDay(last));
  for (const k of KINDS) assert.equal(mrow[k], mtruth[k], `month ${k}`);
  assert.equal(mrow.opening, balanceBefore(first));
  assert.equal(mrow.closing, balanceBefore(nextDay(last)));
  assert.equal(mrow.opening + sumCols(mrow), mrow.closing, 'month: opening + Σ columns = closing');
  assert.equal(mtruth.offline, -955);
  assert.deepEqual([mtruth.api_earn, mtruth.api_spend, mtruth.api_reverse_in, mtruth.api_reverse_out], [135, -20, 20, -25],
    'the partner API columns');
  assert.deepEqual([mtruth.bonus, mtruth.bonus_out], [50, -10], 'the activity bonus columns');

  const csv = await c.getBytes(`/admin/reports/points.csv?from=${first}&to=${last}&group=day`);
  const lines = csv.text.slice(1).trim().split('\r\n').map((l) => l.split(','));
  assert.deepEqual(lines[0].slice(3), ['期初余额', '消费赠送', '运营发放', '扫码积分', '接口发放', '活动奖励', '正向调整', '商城兑换', '终端支付', '接口扣减', '兑换消费券', '订单退还',
    '接口冲正退还', '过期', '后台扣减', '接口冲正扣回', '活动奖励收回', '净变动', '期末余额']);
  for (const l of lines.slice(1)) {
    const v = l.slice(3).map(Number);
    assert.equal(v[0] + v.slice(1, 1 + KINDS.length).reduce((s, x) => s + x, 0), v[2 + KINDS.length], `CSV ${l[0]}: opening + Σ columns = closing`);
    if (rows[l[0]]) assert.equal(v[1 + KINDS.indexOf('offline')], rows[l[0]].offline, `CSV ${l[0]} terminal column`);
  }
});

test("the merchant's statement = its redeemed vouchers + its terminal payments at its rule; admin, merchant and CSV agree", async () => {
  const audit = auditOf('merchant', W.merchant.id);
  assert.ok(audit.some((e) => e.action === 'settle_rate' && Number(e.after.offline_fen_per_100) === RATE), 'the rule change is audited');
  assert.match(mallctl('settle', '--month', W.month), /terminal payments/);
  const [sid, vouchers, vfen, vpts, tn, tpts, tfen, amount, points] = sql(`SELECT id, vouchers, voucher_fen, voucher_points,
    offline_count, offline_points, offline_fen, amount_fen, points FROM settlements WHERE merchant_id = ${W.merchant.id} AND month = '${W.month}'`)
    .split('\t').map(Number);
  // Independent sums, with the rule written out here: per line (points × rate + 50) DIV 100.
  const [tv, tvf, tvp] = sql(`SELECT COUNT(*), COALESCE(SUM(settle_price_fen), 0), COALESCE(SUM(points), 0) FROM vouchers
    WHERE merchant_id = ${W.merchant.id} AND status = 'redeemed' AND redeemed_at >= '${W.month}-01' AND redeemed_at < '${W.month}-01' + INTERVAL 1 MONTH`).split('\t').map(Number);
  const [to, top, tof] = sql(`SELECT COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM((points * ${RATE} + 50) DIV 100), 0) FROM offline_payments
    WHERE merchant_id = ${W.merchant.id} AND created_at >= '${W.month}-01' AND created_at < '${W.month}-01' + INTERVAL 1 MONTH`).split('\t').map(Number);
  assert.deepEqual([vouchers, vfen, vpts], [tv, tvf, tvp], 'voucher part');
  assert.deepEqual([tn, tpts, tfen], [to, top, tof], 'terminal part');
  assert.deepEqual([tn, tpts, tfen], [3, 955, 645 + 102 + 46], 'the three payments: 777, 123 and 55 points at 83 fen / 100');
  assert.equal(amount, vfen + tfen, 'total = vouchers + terminal, exactly');
  assert.equal(points, vpts + tpts);
  // The terminal ledger entries of the merchant's receipts are the statement's terminal points.
  assert.equal(-Number(sql(`SELECT SUM(l.amount) FROM points_ledger l JOIN offline_payments p ON p.ledger_id = l.id WHERE p.settlement_id = ${sid}`)), tpts);

  const { c: fin } = await adminClient('finance');
  const page = await fin.get(`/admin/settlements/${sid}`);
  assert.equal(page.status, 200);
  for (const r of W.receipts) assert.ok(page.html.includes(r), `receipt ${r} listed`);
  assert.match(page.html, new RegExp(`id="total-amount">¥${(amount / 100).toFixed(2).replace('.', '\\.')}<`));
  const csv = await fin.get(`/admin/settlements/${sid}/vouchers.csv`);
  const lines = csv.html.slice(1).trim().split('\r\n').slice(1).map((l) => l.split(','));
  assert.equal(lines.length, vouchers + tn, 'one line per voucher and per terminal payment');
  assert.equal(lines.reduce((s, l) => s + Number(l[4]), 0), amount, 'Σ line amounts = statement amount');
  assert.equal(lines.filter((l) => l[7] === '终端支付').length, 3);
  const list = await fin.get(`/admin/settlements.csv?month=${W.month}`);
  assert.ok(list.html.split('\r\n').some((l) => l.startsWith(`${sid},`) && l.endsWith(`,${vfen},${vpts},${tn},${tpts},${tfen}`)), list.html);

  const owner = await merchantClient(W.merchant.owner);
  const mine = await owner.get(`/merchant/settlements/${sid}`);
  assert.equal(mine.status, 200);
  assert.match(mine.html, /id="total-terminal">3</);
  for (const r of W.receipts) assert.ok(mine.html.includes(r));
  const mcsv = await owner.get(`/merchant/settlements/${sid}/vouchers.csv`);
  assert.equal(mcsv.html.slice(1).trim().split('\r\n').slice(1).reduce((s, l) => s + Number(l.split(',')[4]), 0), amount);

  // Idempotent; a submitted statement keeps its amounts even when the rule changes and the month is settled again.
  const before = sql(`SELECT amount_fen, offline_fen FROM settlements WHERE id = ${sid}`);
  mallctl('settle', '--month', W.month);
  assert.equal(sql(`SELECT amount_fen, offline_fen FROM settlements WHERE id = ${sid}`), before);
  await owner.get(`/merchant/settlements/${sid}`);
  assert.equal((await owner.post(`/merchant/settlements/${sid}/submit`, {}, `/merchant/settlements/${sid}`)).status, 303);
  sql(`UPDATE merchants SET offline_fen_per_100 = 100 WHERE id = ${W.merchant.id}`);
  mallctl('settle', '--month', W.month);
  assert.equal(sql(`SELECT amount_fen, offline_fen FROM settlements WHERE id = ${sid}`), before, 'submitted: unchanged');
  checkLedger();
});

test('the rule: finance sets it (0..100000, audited); bad input changes nothing; ops cannot', async () => {
  const m = makeMerchant('费率商户');
  assert.equal(sql(`SELECT offline_fen_per_100 FROM merchants WHERE id = ${m.id}`), '80', 'default 80 fen per 100 points');
  const { c: fin } = await adminClient('finance');
  const page = await fin.get(`/admin/merchants/${m.id}`);
  assert.match(page.html, /id="rate-now">80</);
  for (const bad of ['-1', '100001', '1.5', 'abc', '']) {
    const r = await fin.post(`/admin/merchants/${m.id}/settle-rate`, { fen_per_100: bad }, `/admin/merchants/${m.id}`);
    assert.equal(r.status, 400, `${bad}: ${r.status}`);
    assert.match(r.html, /0 到 100000/);
  }
  assert.equal(sql(`SELECT offline_fen_per_100 FROM merchants WHERE id = ${m.id}`), '80');
  assert.equal((await fin.post('/admin/merchants/999999999/settle-rate', { fen_per_100: 5 }, `/admin/merchants/${m.id}`)).status, 404);
  const { c: ops } = await adminClient('ops');
  const opsPage = await ops.get(`/admin/merchants/${m.id}`);
  assert.equal(opsPage.status, 200);
  assert.match(opsPage.html, /id="rate-now">80</);
  assert.doesNotMatch(opsPage.html, /action="[^"]*\/settle-rate"/, 'ops sees the rule but no form');
  assert.match(page.html, /action="[^"]*\/settle-rate"/, 'finance gets the form');
  assert.equal((await ops.post(`/admin/merchants/${m.id}/settle-rate`, { fen_per_100: 5 }, `/admin/merchants/${m.id}`)).status, 403);
  assert.equal(sql(`SELECT offline_fen_per_100 FROM merchants WHERE id = ${m.id}`), '80');
});

test('check-ledger: clean, then fails on a duplicated terminal payment, a statement off its lines, a paid cash order', () => {
  const clean = mallctlRun('check-ledger');
  assert.equal(clean.status, 0, clean.out);
  const receipt = W.receipts[0];
  const corrupt = [
    [`INSERT INTO offline_payments (receipt_no, member_id, merchant_id, merchant_user_id, points, ledger_id, created_at)
        SELECT CONCAT('9', SUBSTRING(receipt_no, 2)), member_id, merchant_id, merchant_user_id, points, ledger_id, created_at
        FROM offline_payments WHERE receipt_no = ${q(receipt)}`,
      /every offline ledger entry has exactly one offline payment\s+FAIL/,
      `DELETE FROM offline_payments WHERE receipt_no = CONCAT('9', SUBSTRING(${q(receipt)}, 2))`],
    [`UPDATE settlements SET amount_fen = amount_fen + 1 WHERE merchant_id = ${W.merchant.id} AND month = '${W.month}'`,
      /statement totals = vouchers \+ terminal payments = the sums of their lines\s+FAIL/,
      `UPDATE settlements SET amount_fen = amount_fen - 1 WHERE merchant_id = ${W.merchant.id} AND month = '${W.month}'`],
    [`UPDATE offline_payments SET settle_fen = settle_fen + 1 WHERE receipt_no = ${q(receipt)}`,
      /statement totals = vouchers \+ terminal payments = the sums of their lines\s+FAIL/,
      `UPDATE offline_payments SET settle_fen = settle_fen - 1 WHERE receipt_no = ${q(receipt)}`],
    [`UPDATE orders o JOIN order_items i ON i.order_id = o.id SET i.cash_price_fen = 1
        WHERE o.member_id = ${W.a.id} AND o.status = 'paid' AND i.cash_price_fen = 0`,
      /every paid order with a cash part names one paid payment[^\n]*FAIL/,
      `UPDATE orders o JOIN order_items i ON i.order_id = o.id SET i.cash_price_fen = 0 WHERE o.member_id = ${W.a.id} AND o.status = 'paid'`],
  ];
  for (const [bad, message, undo] of corrupt) {
    try {
      sql(bad);
      const r = mallctlRun('check-ledger');
      assert.equal(r.status, 1, r.out);
      assert.match(r.out, message);
    } finally {
      sql(undo);
    }
  }
  assert.equal(mallctlRun('check-ledger').status, 0);
});
