// guards-budget.test.mjs: a daily points budget (F2) under 200 payments at once through the real HTTP stack — never
// a point over the budget, the losers see the activity's message, nothing partial, and the next day it runs again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, checkLedger, pool } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, balance, skipCooldown } from './lib/members.mjs';
import { makeProduct, placeNow, sendCode, orderStatus } from './lib/shop.mjs';
import { makeActivity, nextDay, budgetToday } from './lib/guards.mjs';

const statuses = (rs) => rs.reduce((a, r) => { a[r.status] = (a[r.status] || 0) + 1; return a; }, {});
const paidOf = (p) => Number(sql(`SELECT COUNT(*) FROM orders o JOIN order_items i ON i.order_id = o.id
  WHERE i.product_id = ${p} AND o.status = 'paid'`));

// 40 members with 5 orders each make the 200 payments (signing in 200 members would take the file's whole time;
// a member's own payments queue on its member row, the budget row is what all 200 race for).
const MEMBERS = 40, EACH = 5;

test('budget: 200 buyers pay at once against 1,000 points — never more than the budget, losers see 谢谢参与, the next day it runs again', async () => {
  const members = makeMembers(MEMBERS, 100);
  const signed = await pool(members, 6, async (m) => { const c = new Client(); await c.login(m); return c; });
  const p = makeProduct({ points: 7, stock: 1000 });
  const a = makeActivity([p], { budget: 1000, style: 'lottery' });
  // Buyer i is member i % MEMBERS with an order and a payment code of its own.
  const ms = [], clients = [], orders = [], codes = [];
  for (let round = 0; round < EACH; round++) {
    const nos = await pool(signed, 8, (c) => placeNow(c, p, 1));
    // One code request at a time: what races here is the payments, not the SMS codes' locks.
    await pool(signed, 1, (c, i) => c.post(`/order/${nos[i]}/code`, {}).then((r) => assert.equal(r.status, 200, flash(r.html))));
    const texts = sql(`SELECT o.mobile, o.body FROM sms_outbox o JOIN (SELECT mobile, MAX(id) AS id FROM sms_outbox
      WHERE purpose = 'pay' AND mobile IN (${members.map(q).join(',')}) GROUP BY mobile) l ON l.id = o.id`);
    const code = new Map(texts.split('\n').map((l) => { const [m, body] = l.split('\t'); return [m, body.match(/验证码是(\d{6})/)[1]]; }));
    members.forEach((m, i) => { ms.push(m); clients.push(signed[i]); orders.push(nos[i]); codes.push(code.get(m)); });
    sql(`UPDATE sms_codes SET created_at = created_at - INTERVAL 61 SECOND WHERE mobile IN (${members.map(q).join(',')})`);
  }
  assert.equal(new Set(orders).size, 200);

  const rs = await Promise.all(clients.map((c, i) => c.post(`/order/${orders[i]}/pay`, { code: codes[i] })));
  const won = rs.filter((r) => r.status === 303).length;
  // 1,000 ÷ 7: 142 payments fit (994 points); the first that would not trips the activity for the day.
  assert.deepEqual(statuses(rs), { 303: 142, 409: 58 }, JSON.stringify(statuses(rs)));
  for (const r of rs.filter((x) => x.status === 409)) assert.equal(flash(r.html), '谢谢参与');
  const b = budgetToday(a);
  assert.equal(b.points, won * 7);
  assert.ok(b.points <= 1000, `spent ${b.points} > budget`);
  assert.equal(b.orders, won);
  assert.equal(b.tripped, true);
  // Nothing partial for the refused: orders still pending, points untouched, stock only for the winners.
  assert.equal(paidOf(p), won);
  assert.equal(sql(`SELECT stock FROM products WHERE id = ${p}`), String(1000 - won));
  assert.equal(members.map(balance).reduce((x, y) => x + y, 0), MEMBERS * 100 - won * 7);
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE order_no IN (${orders.map(q).join(',')}) AND status = 'pending'`), String(200 - won));
  assert.equal(sql(`SELECT COALESCE(SUM(l.amount), 0) FROM points_ledger l JOIN orders o ON o.id = l.order_id
    WHERE o.order_no IN (${orders.map(q).join(',')}) AND l.kind = 'spend'`), String(-won * 7));
  checkLedger();

  // Tripped: its page says so, and a payment that would fit is refused too.
  const page = await clients[0].get(`/activity/${a}`);
  assert.match(page.html, /activity-guard[^>]*>谢谢参与</);
  const loser = rs.findIndex((r) => r.status === 409);
  skipCooldown(ms[loser]);
  const again = await sendCode(clients[loser], orders[loser], ms[loser]);
  const r2 = await clients[loser].post(`/order/${orders[loser]}/pay`, { code: again });
  assert.equal(r2.status, 409);
  assert.equal(flash(r2.html), '谢谢参与');

  // The next day the activity runs again.
  nextDay({ activity: a });
  assert.doesNotMatch((await clients[0].get(`/activity/${a}`)).html, /activity-guard/);
  skipCooldown(ms[loser]);
  const code3 = await sendCode(clients[loser], orders[loser], ms[loser]);
  const r3 = await clients[loser].post(`/order/${orders[loser]}/pay`, { code: code3 });
  assert.equal(r3.status, 303, flash(r3.html));
  assert.equal(orderStatus(orders[loser]), 'paid');
  assert.deepEqual(budgetToday(a), { points: 7, cash: 0, orders: 1, tripped: false });
  checkLedger();
});

