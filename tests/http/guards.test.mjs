// guards.test.mjs: circuit breakers (F2) through the real HTTP stack — trip messages, per-member daily caps of a
// product and of an activity, two tabs racing for the last unit, the next day, what a cancel gives back.
// (The 200 parallel payments against a budget are guards-budget.test.mjs: a file of their own for its time.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, checkLedger, pool } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, memberId, balance, skipCooldown } from './lib/members.mjs';
import { makeProduct, placeNow, sendCode, orderStatus } from './lib/shop.mjs';
import { makeActivity, nextDay, budgetToday } from './lib/guards.mjs';

async function signedIn(ms) {
  return pool(ms, 6, async (m) => { const c = new Client(); await c.login(m); return c; });
}
const statuses = (rs) => rs.reduce((a, r) => { a[r.status] = (a[r.status] || 0) + 1; return a; }, {});
// The payment codes texted to ms (one each), read from the outbox.
function codesOf(ms) {
  const texts = sql(`SELECT mobile, body FROM sms_outbox WHERE purpose = 'pay' AND mobile IN (${ms.map(q).join(',')}) ORDER BY id`);
  return new Map(texts.split('\n').map((l) => { const [m, body] = l.split('\t'); return [m, body.match(/验证码是(\d{6})/)[1]]; }));
}
const paidOf = (p) => Number(sql(`SELECT COUNT(*) FROM orders o JOIN order_items i ON i.order_id = o.id
  WHERE i.product_id = ${p} AND o.status = 'paid'`));

test('budget: a non-lottery activity shows 系统维护中 by default, its own message when set, English on the English side', async () => {
  const [m1, m2] = makeMembers(2, 1000);
  const [c1, c2] = await signedIn([m1, m2]);
  const p = makeProduct({ points: 60, stock: 100 });
  const a = makeActivity([p], { budget: 100 });
  const n1 = await placeNow(c1, p, 1);
  const r1 = await c1.post(`/order/${n1}/pay`, { code: await sendCode(c1, n1, m1) });
  assert.equal(r1.status, 303);
  const n2 = await placeNow(c2, p, 1);
  const r2 = await c2.post(`/order/${n2}/pay`, { code: await sendCode(c2, n2, m2) });
  assert.equal(r2.status, 409);
  assert.equal(flash(r2.html), '系统维护中,请稍后再试');
  sql(`UPDATE activities SET trip_message_zh = '今日额度已抢完', trip_message_en = 'All gone for today' WHERE id = ${a}`);
  assert.match((await c2.get(`/activity/${a}`)).html, /今日额度已抢完/);
  c2.jar.set('lang', 'en');
  assert.match((await c2.get(`/activity/${a}`)).html, /All gone for today/);
  checkLedger();
});

test('caps: the 3rd large pack of the day is refused, the 1st of the next day is not; an activity cap counts across its products', async () => {
  const [m] = makeMembers(1, 10000);
  const [c] = await signedIn([m]);
  const big = makeProduct({ points: 100, stock: 100, name: '大包装' });
  sql(`UPDATE products SET member_day_cap = 2 WHERE id = ${big}`);
  const pay = async (p, qty = 1) => {
    const no = await placeNow(c, p, qty);
    skipCooldown(m);
    return { no, r: await c.post(`/order/${no}/pay`, { code: await sendCode(c, no, m) }) };
  };
  assert.equal((await pay(big)).r.status, 303);
  assert.equal((await pay(big)).r.status, 303);
  const third = await pay(big);
  assert.equal(third.r.status, 409);
  assert.match(flash(third.r.html), /今日兑换上限/);
  assert.equal(orderStatus(third.no), 'pending');
  assert.equal(balance(m), 10000 - 200);
  // Cancelling a paid one today gives its unit back.
  nextDay({ members: [memberId(m)] });
  assert.equal((await pay(big)).r.status, 303, 'the 1st of the next day');
  assert.equal((await pay(big, 2)).r.status, 409, 'over the cap in one order');

  // Activity cap: 3 units a day across two products.
  const s1 = makeProduct({ points: 10, stock: 100 });
  const s2 = makeProduct({ points: 10, stock: 100 });
  makeActivity([s1, s2], { cap: 3 });
  assert.equal((await pay(s1, 2)).r.status, 303);
  const over = await pay(s2, 2);
  assert.equal(over.r.status, 409);
  assert.match(flash(over.r.html), /今日兑换上限/);
  assert.equal((await pay(s2, 1)).r.status, 303);
  checkLedger();
});

test('caps: two tabs racing for the last allowed unit of the day — exactly one wins', async () => {
  const [m] = makeMembers(1, 10000);
  const tabs = await signedIn([m, m]);
  const p = makeProduct({ points: 50, stock: 100 });
  sql(`UPDATE products SET member_day_cap = 3 WHERE id = ${p}`);
  const first = await placeNow(tabs[0], p, 2);
  assert.equal((await tabs[0].post(`/order/${first}/pay`, { code: await sendCode(tabs[0], first, m) })).status, 303);
  const orders = [await placeNow(tabs[0], p, 1), await placeNow(tabs[1], p, 1)];
  const codes = [];
  for (let i = 0; i < 2; i++) { skipCooldown(m); codes.push(await sendCode(tabs[i], orders[i], m)); }
  const rs = await Promise.all(tabs.map((c, i) => c.post(`/order/${orders[i]}/pay`, { code: codes[i] })));
  assert.deepEqual(statuses(rs), { 303: 1, 409: 1 }, JSON.stringify(statuses(rs)));
  assert.match(flash(rs.find((r) => r.status === 409).html), /今日兑换上限/);
  assert.equal(sql(`SELECT quantity FROM member_day_counts WHERE member_id = ${memberId(m)} AND scope = 'product' AND ref_id = ${p} AND day = CURDATE()`), '3');
  assert.equal(balance(m), 10000 - 150);
  checkLedger();
});

test('caps and budget are given back when a paid order is cancelled the same day', async () => {
  const [m] = makeMembers(1, 10000);
  const [c] = await signedIn([m]);
  const p = makeProduct({ points: 100, stock: 100 });
  sql(`UPDATE products SET member_day_cap = 1 WHERE id = ${p}`);
  const a = makeActivity([p], { budget: 1000 });
  const no = await placeNow(c, p, 1);
  assert.equal((await c.post(`/order/${no}/pay`, { code: await sendCode(c, no, m) })).status, 303);
  assert.equal(budgetToday(a).points, 100);
  const r = await c.post(`/order/${no}/cancel`, { reason: 'other', confirm: 1 }, `/order/${no}/cancel`);
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(orderStatus(no), 'cancelled');
  assert.equal(budgetToday(a).points, 0);
  assert.equal(sql(`SELECT quantity FROM member_day_counts WHERE member_id = ${memberId(m)} AND ref_id = ${p} AND day = CURDATE()`), '0');
  const again = await placeNow(c, p, 1);
  skipCooldown(m);
  assert.equal((await c.post(`/order/${again}/pay`, { code: await sendCode(c, again, m) })).status, 303);
  checkLedger();
});
