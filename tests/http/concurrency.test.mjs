// concurrency.test.mjs: races through the real HTTP stack (C4) — flash sale, double submit, overdraw, cancel vs pay,
// expiry vs pay — each followed by `mallctl check-ledger`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, checkLedger, pool, mallctlAsync } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, balance, skipCooldown, addLot, memberId as memberIdOf } from './lib/members.mjs';
import { makeProduct, placeNow, sendCode, orderStatus } from './lib/shop.mjs';

async function signedIn(ms) {
  return pool(ms, 6, async (m) => { const c = new Client(); await c.login(m); return c; });
}
const statuses = (rs) => rs.reduce((a, r) => { a[r.status] = (a[r.status] || 0) + 1; return a; }, {});

test('(a) 100 members buy a product with stock 10 at the same moment: exactly 10 paid, the rest told it is sold out', async () => {
  const ms = makeMembers(100, 1000);
  const clients = await signedIn(ms);
  const p = makeProduct({ points: 100, stock: 10 });
  const orders = await pool(clients, 16, (c) => placeNow(c, p, 1));
  await pool(clients, 16, (c, i) => c.post(`/order/${orders[i]}/code`, {}).then((r) => assert.equal(r.status, 200, flash(r.html))));
  const texts = sql(`SELECT mobile, body FROM sms_outbox WHERE purpose = 'pay' AND mobile IN (${ms.map(q).join(',')}) ORDER BY id`);
  const code = new Map(texts.split('\n').map((l) => { const [m, body] = l.split('\t'); return [m, body.match(/验证码是(\d{6})/)[1]]; }));
  assert.equal(code.size, 100);
  const rs = await Promise.all(clients.map((c, i) => c.post(`/order/${orders[i]}/pay`, { code: code.get(ms[i]) })));
  const won = rs.filter((r) => r.status === 303);
  assert.deepEqual(statuses(rs), { 303: 10, 409: 90 }, JSON.stringify(statuses(rs)));
  for (const r of won) assert.match(r.location, /\/done$/);
  for (const r of rs.filter((x) => x.status === 409)) assert.match(flash(r.html), /已售罄/);
  assert.equal(sql(`SELECT stock FROM products WHERE id = ${p}`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM orders o JOIN order_items i ON i.order_id = o.id WHERE i.product_id = ${p} AND o.status = 'paid'`), '10');
  assert.equal(ms.map(balance).reduce((a, b) => a + b, 0), 100 * 1000 - 10 * 100, 'only the winners paid');
  checkLedger();
});

test('(b) one member pays the same order from 20 parallel requests with the right code: charged once, no 500', async () => {
  const [m] = makeMembers(1, 1000);
  const [c] = await signedIn([m]);
  const p = makeProduct({ points: 300, stock: 100 });
  const no = await placeNow(c, p, 1);
  const code = await sendCode(c, no, m);
  const rs = await Promise.all(Array.from({ length: 20 }, () => c.request('POST', `/order/${no}/pay`, { csrf: c.csrf, code })));
  assert.equal(rs.filter((r) => r.status === 303).length, 1, JSON.stringify(statuses(rs)));
  for (const r of rs.filter((x) => x.status !== 303)) {
    assert.ok([400, 409].includes(r.status), `status ${r.status}`);
    assert.match(flash(r.html), /已支付|已使用|已失效/);
  }
  assert.equal(orderStatus(no), 'paid');
  assert.equal(balance(m), 700);
  assert.equal(sql(`SELECT COUNT(*) FROM points_ledger l JOIN orders o ON o.id = l.order_id WHERE o.order_no = ${q(no)} AND l.kind = 'spend'`), '1');
  assert.equal(sql(`SELECT stock FROM products WHERE id = ${p}`), '99');
  checkLedger();
});

// Each order has its own payment code (sms.h binds codes to mobile + purpose + order and amount), so
// one member can hold five live codes and fire the five payments at once: they race for one balance.
test('(c) a member with 1,000 points pays five 300-point orders in parallel: at most three succeed, never below zero', async () => {
  const [m] = makeMembers(1, 1000);
  const tabs = await signedIn([m, m, m, m, m]);
  const p = makeProduct({ points: 300, stock: 100 });
  const orders = [];
  for (const c of tabs) orders.push(await placeNow(c, p, 1));
  const codes = [];
  for (let i = 0; i < 5; i++) { skipCooldown(m); codes.push(await sendCode(tabs[i], orders[i], m)); }
  const rs = await Promise.all(tabs.map((c, i) => c.post(`/order/${orders[i]}/pay`, { code: codes[i] })));
  assert.deepEqual(statuses(rs), { 303: 3, 409: 2 }, JSON.stringify(statuses(rs)));
  for (const r of rs.filter((x) => x.status === 409)) assert.match(flash(r.html), /积分余额不足/);
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE order_no IN (${orders.map(q).join(',')}) AND status = 'paid'`), '3');
  assert.equal(balance(m), 100);
  assert.equal(sql(`SELECT MIN(balance_after) >= 0 FROM points_ledger WHERE member_id = ${memberIdOf(m)}`), '1');
  checkLedger();
});

test('(d) cancel racing with pay: either paid then refunded, or cancelled and not charged — never both, never lost', async () => {
  const [m] = makeMembers(1, 3000);
  const [c] = await signedIn([m]);
  const p = makeProduct({ points: 300, stock: 100 });
  for (let round = 0; round < 6; round++) {
    const no = await placeNow(c, p, 1);
    skipCooldown(m);
    const code = await sendCode(c, no, m);
    const before = balance(m);
    const [pay, cancel] = await Promise.all([
      c.post(`/order/${no}/pay`, { code }),
      c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 }),
    ]);
    assert.ok([303, 409].includes(pay.status), `pay ${pay.status}`);
    assert.ok([303, 409].includes(cancel.status), `cancel ${cancel.status}`);
    assert.equal(orderStatus(no), cancel.status === 303 ? 'cancelled' : 'paid');
    assert.equal(balance(m), orderStatus(no) === 'paid' ? before - 300 : before, `round ${round}`);
  }
  checkLedger();
});

test('(d) expire-points racing with pay: due lots expire exactly once, the payment uses live points only', async () => {
  const ms = makeMembers(4, 300);
  const clients = await signedIn(ms);
  const p = makeProduct({ points: 300, stock: 100 });
  const yesterday = sql('SELECT CURDATE() - INTERVAL 1 DAY');
  for (const m of ms) addLot(m, 200, yesterday);
  const orders = await pool(clients, 4, (c) => placeNow(c, p, 1));
  const codes = [];
  for (let i = 0; i < ms.length; i++) codes.push(await sendCode(clients[i], orders[i], ms[i]));
  const [job, ...rs] = await Promise.all([
    mallctlAsync('expire-points'),
    ...clients.map((c, i) => c.post(`/order/${orders[i]}/pay`, { code: codes[i] })),
  ]);
  assert.equal(job.status, 0, job.out);
  for (const r of rs) assert.equal(r.status, 303, flash(r.html));
  for (const m of ms) {
    assert.equal(balance(m), 0, 'the expired 200 were not spendable and are gone');
    assert.equal(sql(`SELECT COUNT(*) FROM points_ledger l JOIN members m ON m.id = l.member_id WHERE m.mobile = ${q(m)} AND l.kind = 'expire'`), '1');
  }
  checkLedger();
});
