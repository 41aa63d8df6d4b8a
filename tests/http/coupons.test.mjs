// coupons.test.mjs: coupon campaigns (F6) through the real stack — a surge of 2,000 parallel claims for a quota of 100
// (exactly 100, nobody above the per-member limit, no 500), one member's parallel claims against its limit, a coupon
// suggested and applied at checkout, the discount recorded and charged, given back on cancel (not once expired), a
// paused campaign refusing claims while its coupons stay usable, points exchanged for a coupon in the ledger (and
// check-ledger clean), the blacklist and the pause switches refusing claims, and the back office's form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, mallctl, checkLedger, pool } from './lib/stack.mjs';
import { Client, flash, notice, fieldError } from './lib/client.mjs';
import { makeMembers, balance, memberId, skipCooldown } from './lib/members.mjs';
import { makeProduct, placeNow, payOrder, orderStatus } from './lib/shop.mjs';
import { adminClient, adminPost, auditOf } from './lib/admin.mjs';
import { makeActivity, budgetToday } from './lib/guards.mjs';

// A campaign open for claims now → its id.
function makeCampaign(activity, { kind = 'points_off', face = 30, threshold = 0, quota = 100, per = 1, price = 0,
  useDays = 7, name = '测试券' } = {}) {
  sql(`INSERT INTO coupon_campaigns (activity_id, name_zh, kind, face_value, threshold, quota, per_member, price_points,
         claim_from, claim_until, use_from, use_until)
       VALUES (${activity}, '${name}', '${kind}', ${face}, ${threshold}, ${quota}, ${per}, ${price}, NOW() - INTERVAL 1 HOUR,
         NOW() + INTERVAL 1 DAY, NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL ${useDays} DAY)`);
  return Number(sql(`SELECT MAX(id) FROM coupon_campaigns WHERE activity_id = ${activity}`));
}
async function signedIn(ms) {
  return pool(ms, 6, async (m) => { const c = new Client(); await c.login(m); await c.get('/coupons'); return c; });
}
const claim = (c, campaign) => c.post(`/coupons/${campaign}/claim`, {}, '/coupons');
const statuses = (rs) => rs.reduce((a, r) => { a[r.status] = (a[r.status] || 0) + 1; return a; }, {});
const couponsOf = (m, campaign) => Number(sql(`SELECT COUNT(*) FROM coupons WHERE member_id = ${memberId(m)} AND campaign_id = ${campaign}`));
const couponIdOf = (m, campaign) => Number(sql(`SELECT MAX(id) FROM coupons WHERE member_id = ${memberId(m)} AND campaign_id = ${campaign}`));
const couponRow = (id) => sql(`SELECT status, COALESCE(order_id, 0) FROM coupons WHERE id = ${id}`).split('\t');

test('surge: 2,000 claims at once for a quota of 100 → exactly 100 coupons, nobody above the limit of 3, no 500', async () => {
  const a = makeActivity([]);
  const camp = makeCampaign(a, { quota: 100, per: 3, face: 10 }); // 40 members × 3 = 120 places for 100
  const ms = makeMembers(40, 0);
  const clients = await signedIn(ms);
  const started = Date.now();
  const rs = await Promise.all(Array.from({ length: 2000 }, (_, i) => claim(clients[i % clients.length], camp)));
  const took = Date.now() - started;
  const st = statuses(rs);
  assert.deepEqual(Object.keys(st).sort(), ['303', '409'], JSON.stringify(st));
  assert.equal(st[303], 100, JSON.stringify(st));
  for (const r of rs.filter((x) => x.status === 409)) assert.match(flash(r.html), /领完|上限/);
  assert.equal(sql(`SELECT COUNT(*) FROM coupons WHERE campaign_id = ${camp}`), '100');
  assert.equal(sql(`SELECT claimed FROM coupon_campaigns WHERE id = ${camp}`), '100');
  assert.equal(sql(`SELECT COUNT(*) FROM (SELECT member_id FROM coupons WHERE campaign_id = ${camp} GROUP BY member_id
    HAVING COUNT(*) > 3) d`), '0', 'no member above its limit');
  assert.equal(ms.map((m) => couponsOf(m, camp)).reduce((x, y) => x + y, 0), 100);
  // After the surge: the campaign says it is all claimed.
  const late = await claim(clients[0], camp);
  assert.equal(late.status, 409);
  assert.match(flash(late.html), /已被领完/);
  console.log(`# 2000 claims in ${took} ms (${Math.round(2000 / (took / 1000))} claims/s)`);
  checkLedger();
});

test('one member\'s 40 parallel claims against a limit of 3 → exactly 3 coupons, the rest told the limit', async () => {
  const a = makeActivity([]);
  const camp = makeCampaign(a, { quota: 1000, per: 3 });
  const [m] = makeMembers(1, 0);
  const [c] = await signedIn([m]);
  const rs = await Promise.all(Array.from({ length: 40 }, () => claim(c, camp)));
  assert.deepEqual(statuses(rs), { 303: 3, 409: 37 });
  for (const r of rs.filter((x) => x.status === 409)) assert.match(flash(r.html), /每人领取上限/);
  assert.equal(couponsOf(m, camp), 3);
  assert.equal(sql(`SELECT claimed FROM coupon_campaigns WHERE id = ${camp}`), '3');
  const page = await c.get('/coupons');
  assert.equal((page.html.match(/data-coupon="\d+"/g) || []).length, 3);
  checkLedger();
});

test('checkout: the best coupon is suggested, the order stores the discounted total, payment charges it, cancel gives the coupon back', async () => {
  const a = makeActivity([]);
  const small = makeCampaign(a, { face: 10, name: '小券' });
  const big = makeCampaign(a, { face: 40, threshold: 100, name: '大券' });
  const tooHigh = makeCampaign(a, { face: 90, threshold: 500, name: '门槛券' });
  const [m] = makeMembers(1, 1000);
  const [c] = await signedIn([m]);
  for (const camp of [small, big, tooHigh]) assert.equal((await claim(c, camp)).status, 303);
  const bigId = couponIdOf(m, big);
  const p = makeProduct({ points: 150, stock: 20 });

  // The confirm page lists the two that apply, the bigger chosen, and the totals after it.
  const form = await c.post('/checkout/now', { product_id: p, quantity: 1 }, `/product/${p}`);
  assert.equal(form.status, 200);
  assert.match(form.html, new RegExp(`name="coupon_id" value="${bigId}" checked`));
  assert.match(form.html, new RegExp(`name="coupon_id" value="${couponIdOf(m, small)}"`));
  assert.doesNotMatch(form.html, new RegExp(`name="coupon_id" value="${couponIdOf(m, tooHigh)}"`), 'below its threshold');
  assert.match(form.html, /class="sum-pay"><span class="pts"><strong>110<\/strong>/);

  const no = await placeNow(c, p, 1, { coupon_id: bigId });
  assert.equal(sql(`SELECT points_total, discount_points, discount_cash_fen, coupon_id FROM orders WHERE order_no = ${q(no)}`),
    `110\t40\t0\t${bigId}`);
  assert.deepEqual(couponRow(bigId), ['used', sql(`SELECT id FROM orders WHERE order_no = ${q(no)}`)]);
  // Used once: the same coupon cannot take a second order.
  const twice = await c.post('/checkout/now', { product_id: p, quantity: 1, confirm: 1, coupon_id: bigId }, `/product/${p}`);
  assert.equal(twice.status, 409);
  assert.match(flash(twice.html), /消费券已不可用/);
  // Someone else's coupon neither.
  const [other] = makeMembers(1, 1000);
  const [oc] = await signedIn([other]);
  const stolen = await oc.post('/checkout/now', { product_id: p, quantity: 1, confirm: 1, coupon_id: couponIdOf(m, small) }, `/product/${p}`);
  assert.equal(stolen.status, 409);

  const pay = await c.get(`/order/${no}/pay`);
  assert.match(pay.html, /coupon-discount/);
  await payOrder(c, m, no);
  assert.equal(balance(m), 1000 - 110);
  assert.equal(sql(`SELECT amount FROM points_ledger WHERE kind = 'spend' AND order_id = (SELECT id FROM orders WHERE order_no = ${q(no)})`), '-110');
  checkLedger();

  // Cancel the paid order: 110 points back, the coupon usable again.
  const cancel = await c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 }, `/order/${no}/cancel`);
  assert.equal(cancel.status, 303, flash(cancel.html));
  assert.equal(orderStatus(no), 'cancelled');
  assert.equal(balance(m), 1000);
  assert.deepEqual(couponRow(bigId), ['unused', '0']);
  assert.match((await c.get('/coupons?tab=usable')).html, new RegExp(`data-coupon="${bigId}"`));
  checkLedger();

  // A pending order cancelled after its coupon's use window ended: the coupon is not given back (it stays used).
  const no2 = await placeNow(c, p, 1, { coupon_id: bigId });
  sql(`UPDATE coupons SET use_until = NOW() - INTERVAL 1 MINUTE WHERE id = ${bigId}`);
  assert.equal((await c.post(`/order/${no2}/cancel`, { confirm: 1 }, `/order/${no2}/cancel`)).status, 303);
  assert.equal(couponRow(bigId)[0], 'used');
  assert.match((await c.get('/coupons?tab=used')).html, new RegExp(`data-coupon="${bigId}"`));
  // An unused coupon past its window is listed as expired and is not offered.
  const smallId = couponIdOf(m, small);
  sql(`UPDATE coupons SET use_until = NOW() - INTERVAL 1 MINUTE WHERE id = ${smallId}`);
  assert.match((await c.get('/coupons?tab=expired')).html, new RegExp(`data-coupon="${smallId}"`));
  const again = await c.post('/checkout/now', { product_id: p, quantity: 1 }, `/product/${p}`);
  assert.doesNotMatch(again.html, /id="coupon-choice"/);
  checkLedger();
});

test('a coupon order counts what it charged against its activity: budget and monitor take 110 of a 150 product with 40 off, two activities share the discount', async () => {
  const p = makeProduct({ points: 150, stock: 20 });
  const q2 = makeProduct({ points: 50, stock: 20 });
  const a = makeActivity([p], { budget: 1000 });
  const b = makeActivity([q2], { budget: 1000 });
  const camp = makeCampaign(a, { face: 40, threshold: 100 });
  const [m] = makeMembers(1, 1000);
  const [c] = await signedIn([m]);
  assert.equal((await claim(c, camp)).status, 303);
  const no = await placeNow(c, p, 1, { coupon_id: couponIdOf(m, camp) });
  await payOrder(c, m, no);
  assert.equal(balance(m), 1000 - 110);
  assert.equal(budgetToday(a).points, 110, 'the budget counts the points charged, not the list price');
  assert.equal(sql(`SELECT SUM(points) FROM activity_minutes WHERE activity_id = ${a}`), '110');
  const cancel = await c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 }, `/order/${no}/cancel`);
  assert.equal(cancel.status, 303, flash(cancel.html));
  assert.equal(budgetToday(a).points, 0, 'cancel gives back exactly what it took');

  // One order over two activities (150 in a, 50 in b) with 40 off: a takes 150 − 30 = 120, b 50 − 10 = 40, together
  // the 160 charged.
  const camp2 = makeCampaign(a, { face: 40, threshold: 100 });
  assert.equal((await claim(c, camp2)).status, 303);
  assert.equal((await c.post('/cart/add', { product_id: p, quantity: 1 }, `/product/${p}`)).status, 303);
  assert.equal((await c.post('/cart/add', { product_id: q2, quantity: 1 }, `/product/${q2}`)).status, 303);
  assert.equal((await c.get('/checkout')).status, 200);
  const placed = await c.post('/checkout', { coupon_id: couponIdOf(m, camp2) }, '/checkout');
  assert.equal(placed.status, 303, flash(placed.html));
  const no2 = placed.location.match(/\/order\/(P\d{16})\/pay$/)[1];
  assert.equal(sql(`SELECT points_total, discount_points FROM orders WHERE order_no = ${q(no2)}`), '160\t40');
  skipCooldown(m);
  await payOrder(c, m, no2);
  assert.equal(budgetToday(a).points, 120);
  assert.equal(budgetToday(b).points, 40);
  checkLedger();
});

test('a paused campaign refuses claims; coupons already claimed stay usable (F4); the pause switches refuse claims', async () => {
  const a = makeActivity([]);
  const camp = makeCampaign(a, { face: 20, per: 5 });
  const [m] = makeMembers(1, 500);
  const [c] = await signedIn([m]);
  assert.equal((await claim(c, camp)).status, 303);
  const held = couponIdOf(m, camp);

  const { c: admin } = await adminClient('ops');
  const paused = await adminPost(admin, `/admin/coupons/${camp}/pause`, { reason: '库存盘点' }, `/admin/coupons/${camp}`);
  assert.equal(paused.status, 303, flash(paused.html));
  assert.ok(auditOf('coupon_campaign', camp).some((e) => e.action === 'pause'));
  const refused = await claim(c, camp);
  assert.equal(refused.status, 409);
  assert.match(flash(refused.html), /暂停领取/);
  assert.equal(couponsOf(m, camp), 1);

  // The held coupon still takes an order, which is paid.
  const p = makeProduct({ points: 100, stock: 5 });
  const no = await placeNow(c, p, 1, { coupon_id: held });
  assert.equal(sql(`SELECT points_total FROM orders WHERE order_no = ${q(no)}`), '80');
  await payOrder(c, m, no);
  assert.equal(balance(m), 420);

  assert.equal((await adminPost(admin, `/admin/coupons/${camp}/resume`, {}, `/admin/coupons/${camp}`)).status, 303);
  // The activity's pause and the mall's pause stop claims too.
  sql(`UPDATE activities SET paused = 1, pause_reason = '盘点' WHERE id = ${a}`);
  const actPaused = await claim(c, camp);
  assert.equal(actPaused.status, 409);
  assert.match(flash(actPaused.html), /活动已暂停/);
  sql(`UPDATE activities SET paused = 0, pause_reason = '' WHERE id = ${a}`);
  mallctl('pause', '--reason', '系统升级');
  try {
    const mall = await claim(c, camp);
    assert.equal(mall.status, 409);
    assert.match(flash(mall.html), /兑换已暂停/);
  } finally { mallctl('resume'); }
  assert.equal(couponsOf(m, camp), 1);
  assert.equal((await claim(c, camp)).status, 303);
  checkLedger();
});

test('points exchanged for a coupon: a ledger entry of kind coupon from the lots, shown on /points; not enough points writes nothing', async () => {
  const a = makeActivity([]);
  const camp = makeCampaign(a, { face: 300, price: 200, per: 3 });
  const [m, poor] = makeMembers(2, 0);
  sql(`UPDATE members SET points_balance = 0 WHERE mobile = ${q(poor)}`);
  const [rich] = makeMembers(1, 450);
  const [c, pc] = await signedIn([rich, poor]);
  assert.equal((await claim(c, camp)).status, 303);
  assert.equal((await claim(c, camp)).status, 303);
  assert.equal(balance(rich), 50);
  const entries = sql(`SELECT amount, once_key, order_id IS NULL FROM points_ledger WHERE kind = 'coupon' AND member_id = ${memberId(rich)} ORDER BY id`);
  assert.equal(entries, `-200\tcoupon:${camp}:${memberId(rich)}:1\t1\n-200\tcoupon:${camp}:${memberId(rich)}:2\t1`);
  assert.equal(sql(`SELECT COUNT(*) FROM coupons c JOIN points_ledger e ON e.id = c.ledger_id WHERE c.member_id = ${memberId(rich)}`), '2');
  const points = await c.get('/points?kind=coupon');
  assert.equal(points.status, 200);
  assert.match(points.html, /兑换消费券/);
  assert.match(points.html, /-200/);
  // Third: 50 points left, the price is 200.
  const broke = await claim(c, camp);
  assert.equal(broke.status, 409);
  assert.match(flash(broke.html), /积分不足/);
  assert.equal(balance(rich), 50);
  assert.equal(couponsOf(rich, camp), 2);
  assert.equal(sql(`SELECT claimed FROM coupon_campaigns WHERE id = ${camp}`), '2', 'the refused claim took nothing of the quota');
  assert.equal((await claim(pc, camp)).status, 409);
  void m;
  checkLedger();
});

test('the blacklist refuses claims (403) and counts them as coupon_claim events', async () => {
  const a = makeActivity([]);
  const camp = makeCampaign(a, { per: 5 });
  const [m] = makeMembers(1, 0);
  const [c] = await signedIn([m]);
  sql(`INSERT INTO blacklist_entries (kind, value, reason) VALUES ('mobile', ${q(m)}, 'coupons test');
       UPDATE blacklist_version SET version = version + 1 WHERE id = 1`);
  try {
    assert.equal((await claim(c, camp)).status, 403);
    assert.equal(couponsOf(m, camp), 0);
  } finally {
    sql(`UPDATE blacklist_entries SET removed_at = NOW() WHERE value = ${q(m)}; UPDATE blacklist_version SET version = version + 1 WHERE id = 1`);
  }
  const rule = sql(`SELECT id FROM blacklist_rules WHERE event = 'coupon_claim' AND subject = 'ip'`);
  sql(`UPDATE blacklist_rules SET threshold = 2, window_minutes = 60, block_minutes = 60, enabled = 1 WHERE id = ${rule};
       UPDATE blacklist_version SET version = version + 1 WHERE id = 1`);
  try {
    const st = [];
    for (let i = 0; i < 4; i++) st.push((await claim(c, camp)).status);
    assert.deepEqual(st, [303, 303, 303, 403], 'more than 2 claims an hour from one IP: blocked from the next');
    assert.equal(sql(`SELECT COUNT(*) FROM blacklist_entries WHERE kind = 'ip' AND value = '${c.localAddress}' AND rule_id = ${rule}`), '1');
  } finally {
    sql(`UPDATE blacklist_rules SET enabled = 0 WHERE id = ${rule}; UPDATE blacklist_entries SET removed_at = NOW() WHERE rule_id = ${rule};
         UPDATE blacklist_version SET version = version + 1 WHERE id = 1`);
  }
});

test('back office: create with errors beside the fields, then valid; shown on the activity page; quota never below claims; roles', async () => {
  const a = makeActivity([]);
  const { c } = await adminClient('ops');
  // The activity's page leads to a new campaign for it.
  const act = await c.get(`/admin/activities/${a}`);
  assert.match(act.html, new RegExp(`href="/admin/coupons/new\\?activity_id=${a}"`));
  const fresh = await c.get(`/admin/coupons/new?activity_id=${a}`);
  assert.equal(fresh.status, 200);
  assert.match(fresh.html, new RegExp(`<option value="${a}" selected>`));
  const good = { activity_id: a, name_zh: '周末消费券', name_en: 'Weekend coupon', kind: 'points_off', face_value: 25,
    threshold: 100, quota: 50, per_member: 2, price_points: 0, claim_from: '2026-01-01', claim_until: '2030-12-31',
    use_from: '2026-01-01', use_until: '2030-12-31' };
  const bad = await adminPost(c, '/admin/coupons', { ...good, quota: 0, claim_until: '2025-01-01', face_value: 'x' }, '/admin/coupons/new');
  assert.equal(bad.status, 200);
  assert.ok(fieldError(bad.html, 'quota'), 'quota error beside its field');
  assert.ok(fieldError(bad.html, 'face_value'), 'face value error beside its field');
  const dates = await adminPost(c, '/admin/coupons', { ...good, claim_until: '2025-01-01' }, '/admin/coupons/new');
  assert.equal(dates.status, 200);
  assert.match(fieldError(dates.html, 'claim_until'), /不能早于/);
  assert.equal(sql(`SELECT COUNT(*) FROM coupon_campaigns WHERE name_zh = '周末消费券'`), '0');

  const made = await adminPost(c, '/admin/coupons', good, '/admin/coupons/new');
  assert.equal(made.status, 303, flash(made.html));
  const camp = Number(made.location.match(/\/admin\/coupons\/(\d+)/)[1]);
  assert.ok(auditOf('coupon_campaign', camp).some((e) => e.action === 'create'));
  const edit = await c.get(`/admin/coupons/${camp}?done=created`);
  assert.equal(edit.status, 200);
  assert.match(notice(edit.html), /已创建/);

  // Members see it on the activity page and claim it there.
  const [m] = makeMembers(1, 0);
  const [mc] = await signedIn([m]);
  const page = await mc.get(`/activity/${a}`);
  assert.match(page.html, new RegExp(`action="/coupons/${camp}/claim"`));
  assert.match(page.html, /周末消费券/);
  assert.equal((await mc.post(`/coupons/${camp}/claim`, {}, `/activity/${a}`)).status, 303);

  const lower = await adminPost(c, `/admin/coupons/${camp}`, { ...good, quota: 0 }, `/admin/coupons/${camp}`);
  assert.equal(lower.status, 200);
  const below = await adminPost(c, `/admin/coupons/${camp}`, { ...good, quota: 1, per_member: 1 }, `/admin/coupons/${camp}`);
  assert.equal(below.status, 303, 'quota 1 with 1 claimed is fine');
  sql(`UPDATE coupon_campaigns SET quota = 5, claimed = 2 WHERE id = ${camp}`);
  const tooLow = await adminPost(c, `/admin/coupons/${camp}`, { ...good, quota: 1 }, `/admin/coupons/${camp}`);
  assert.equal(tooLow.status, 200);
  assert.match(fieldError(tooLow.html, 'quota'), /已领取/);
  sql(`UPDATE coupon_campaigns SET claimed = 1 WHERE id = ${camp}`);

  const { c: mod } = await adminClient('moderator');
  assert.equal((await mod.get('/admin/coupons')).status, 403);
  assert.equal((await c.get('/admin/coupons')).status, 200);
  checkLedger();
});

test('a cash-off coupon is claimed and listed, and is not offered for an order without a cash part', async () => {
  const a = makeActivity([]);
  const camp = makeCampaign(a, { kind: 'cash_off', face: 500, threshold: 2000, name: '现金券' });
  const [m] = makeMembers(1, 500);
  const [c] = await signedIn([m]);
  assert.equal((await claim(c, camp)).status, 303);
  const list = await c.get('/coupons');
  assert.match(list.html, /现金部分满 ¥20\.00 减 ¥5\.00/);
  const p = makeProduct({ points: 100, stock: 5 });
  const form = await c.post('/checkout/now', { product_id: p, quantity: 1 }, `/product/${p}`);
  assert.doesNotMatch(form.html, /id="coupon-choice"/);
  const forced = await c.post('/checkout/now', { product_id: p, quantity: 1, confirm: 1, coupon_id: couponIdOf(m, camp) }, `/product/${p}`);
  assert.equal(forced.status, 409);
  assert.equal(couponRow(couponIdOf(m, camp))[0], 'unused');
});

test('from the cart too; ten parallel orders with one coupon → one order takes it, the others are refused', async () => {
  const a = makeActivity([]);
  const camp = makeCampaign(a, { face: 25, per: 2 });
  const [m] = makeMembers(1, 2000);
  const [c] = await signedIn([m]);
  assert.equal((await claim(c, camp)).status, 303);
  assert.equal((await claim(c, camp)).status, 303);
  const [first, second] = sql(`SELECT id FROM coupons WHERE member_id = ${memberId(m)} ORDER BY id`).split('\n').map(Number);
  const p = makeProduct({ points: 100, stock: 50 });
  assert.equal((await c.post('/cart/add', { product_id: p, quantity: 2 }, `/product/${p}`)).status, 303);
  const page = await c.get('/checkout');
  assert.equal(page.status, 200);
  assert.match(page.html, /id="coupon-choice"/);
  const placed = await c.post('/checkout', { coupon_id: first }, '/checkout');
  assert.equal(placed.status, 303, flash(placed.html));
  const no = placed.location.match(/\/order\/(P\d{16})\/pay$/)[1];
  assert.equal(sql(`SELECT points_total, discount_points, coupon_id FROM orders WHERE order_no = ${q(no)}`), `175\t25\t${first}`);

  // Ten "buy now" orders at once, all naming the second coupon: the member row and the coupon's conditional update
  // let exactly one take it.
  const rs = await Promise.all(Array.from({ length: 10 }, () =>
    c.post('/checkout/now', { product_id: p, quantity: 1, confirm: 1, coupon_id: second }, `/product/${p}`)));
  assert.deepEqual(statuses(rs), { 303: 1, 409: 9 });
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE coupon_id = ${second}`), '1');
  assert.equal(couponRow(second)[0], 'used');
  checkLedger();
});
