// offline-pay.test.mjs: V8 offline points payment at the merchant terminal — FIFO ledger, receipts for both sides,
// the 5-wrong-passwords lock, idempotent confirmation, parallel payments on one card, merchant scoping, CSRF.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, checkLedger, pool } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, addLot, balance } from './lib/members.mjs';
import { newMerchantClient } from './lib/merchants.mjs';
import { setPayPassword, makeCardMembers, payHashOf, startPayment, confirmPayment } from './lib/card.mjs';

const PW = '258147';
let HASH; // scrypt hash of PW, made once through /card and shared by the test members

before(async () => {
  const [m] = makeMembers(1);
  const c = new Client();
  await c.login(m);
  await setPayPassword(c, m, PW);
  HASH = payHashOf(m);
});

const payments = (memberId) => Number(sql(`SELECT COUNT(*) FROM offline_payments WHERE member_id = ${memberId}`));
const fieldError = (html) => (html.match(/class="field-error"[^>]*>([^<]*)</) || [])[1];

test('an offline payment takes points FIFO through the ledger and leaves a receipt for both sides', async () => {
  const [who] = makeCardMembers(1, 200, HASH);
  addLot(who.mobile, 800, '2029-06-30'); // expires earlier than the first lot (2030-12-31): used first
  const mc = await newMerchantClient(1);
  const form = await startPayment(mc, who.card, 900);
  const r = await confirmPayment(mc, form, PW);
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(r.location, `/merchant/terminal/receipt/${form.receipt}`);
  assert.equal(balance(who.mobile), 100);
  assert.equal(sql(`SELECT CONCAT(kind, ':', amount, ':', once_key) FROM points_ledger WHERE member_id = ${who.id} AND amount < 0`),
    `offline:-900:offline:${form.receipt}`);
  assert.equal(sql(`SELECT GROUP_CONCAT(l.remaining ORDER BY l.expires_at) FROM points_lots l WHERE member_id = ${who.id}`), '0,100',
    'the earliest-expiring lot went first');
  assert.equal(sql(`SELECT CONCAT(merchant_id, ':', points) FROM offline_payments WHERE receipt_no = ${q(form.receipt)}`), '1:900');

  const receipt = await mc.get(r.location);
  assert.equal(receipt.status, 200);
  assert.ok(receipt.html.includes(form.receipt));
  assert.match(receipt.html, /900/);
  assert.ok(!receipt.html.includes(who.card), 'the merchant sees a masked card number');
  assert.match((await mc.get('/merchant/terminal')).html, new RegExp(form.receipt), 'listed on the terminal');

  // The member: the card page lists it, the receipt opens, the inbox tells them.
  const c = new Client();
  await c.login(who.mobile);
  const card = await c.get('/card');
  assert.ok(card.html.includes(`/card/receipt/${form.receipt}`));
  const mine = await c.get(`/card/receipt/${form.receipt}`);
  assert.equal(mine.status, 200);
  assert.match(mine.html, /途虎洗车/);
  assert.equal(sql(`SELECT COUNT(*) FROM inbox WHERE member_id = ${who.id} AND kind = 'offline' AND link = '/card/receipt/${form.receipt}'`), '1');
  assert.match((await c.get('/points')).html, /线下支付/);
  // Nobody else's receipt.
  const [other] = makeCardMembers(1, 0, HASH);
  const oc = new Client();
  await oc.login(other.mobile);
  assert.equal((await oc.get(`/card/receipt/${form.receipt}`)).status, 404);
  checkLedger();
});

test('the same confirmation submitted twice pays once', async () => {
  const [who] = makeCardMembers(1, 1000, HASH);
  const mc = await newMerchantClient(1);
  const form = await startPayment(mc, who.card, 400);
  const [a, b] = await Promise.all([confirmPayment(mc, form, PW), confirmPayment(mc, form, PW)]);
  assert.deepEqual([a.status, b.status], [303, 303]);
  const again = await confirmPayment(mc, form, PW);
  assert.equal(again.status, 303);
  assert.match(again.location, /\?again=1$/);
  assert.match((await mc.get(again.location)).html, /没有重复扣除积分/);
  assert.equal(balance(who.mobile), 600);
  assert.equal(payments(who.id), 1);
  // A new confirmation (new receipt number) is a new payment.
  const second = await startPayment(mc, who.card, 100);
  assert.notEqual(second.receipt, form.receipt);
  assert.equal((await confirmPayment(mc, second, PW)).status, 303);
  assert.equal(balance(who.mobile), 500);
  checkLedger();
});

test('five wrong payment passwords lock offline payment for 30 minutes; a right one resets the count', async () => {
  const [who] = makeCardMembers(1, 1000, HASH);
  const mc = await newMerchantClient(1);
  const form = await startPayment(mc, who.card, 100);
  let r = await confirmPayment(mc, form, '111112');
  assert.equal(r.status, 400);
  assert.match(flash(r.html), /还可尝试 4 次/);
  assert.equal((await confirmPayment(mc, form, PW)).status, 303, 'a right password pays');
  assert.equal(sql(`SELECT pay_failures FROM members WHERE id = ${who.id}`), '0', 'and resets the failures');

  const next = await startPayment(mc, who.card, 100);
  for (let left = 4; left >= 1; left--) {
    r = await confirmPayment(mc, next, `90000${left}`);
    assert.equal(r.status, 400);
    assert.match(flash(r.html), new RegExp(`还可尝试 ${left} 次`));
    assert.ok(!r.html.includes(`value="90000${left}"`), 'the typed password is not echoed');
  }
  r = await confirmPayment(mc, next, '900000');
  assert.equal(r.status, 423);
  assert.match(flash(r.html), /已锁定/);
  assert.equal(sql(`SELECT TIMESTAMPDIFF(MINUTE, NOW(), pay_locked_until) BETWEEN 29 AND 30 FROM members WHERE id = ${who.id}`), '1');
  r = await confirmPayment(mc, next, PW);
  assert.equal(r.status, 423, 'the right password is refused while locked');
  // Another merchant's terminal is locked out as well (the lock belongs to the card).
  const other = await newMerchantClient(2);
  r = await other.post('/merchant/terminal', { card_no: who.card, points: 10 }, '/merchant/terminal');
  assert.equal(r.status, 423);
  assert.match(flash(r.html), /30 分钟/);
  assert.equal(balance(who.mobile), 900);

  // 30 minutes later: unlocked, and one wrong password does not lock it again.
  sql(`UPDATE members SET pay_locked_until = NOW() - INTERVAL 1 SECOND WHERE id = ${who.id}`);
  r = await confirmPayment(mc, next, '111112');
  assert.equal(r.status, 400);
  assert.match(flash(r.html), /还可尝试 4 次/);
  r = await confirmPayment(mc, next, PW);
  assert.equal(r.status, 303);
  assert.equal(balance(who.mobile), 800);
  assert.equal(sql(`SELECT CONCAT(pay_failures, ':', COALESCE(pay_locked_until, 'none')) FROM members WHERE id = ${who.id}`), '0:none');
  checkLedger();
});

test('one merchant account cannot guess its way through many cards: 20 wrong passwords in 15 minutes → 429', async () => {
  const cards = makeCardMembers(6, 1000, HASH);
  const mc = await newMerchantClient(1);
  let r;
  for (const who of cards.slice(0, 5)) { // four wrong ones each: no card locks, the account counts 20
    const form = await startPayment(mc, who.card, 10);
    for (let i = 0; i < 4; i++) {
      r = await confirmPayment(mc, form, String(700000 + i));
      assert.equal(r.status, 400);
    }
  }
  const last = cards[5];
  const form = await startPayment(mc, last.card, 10);
  r = await confirmPayment(mc, form, PW);
  assert.equal(r.status, 429, 'even the right password waits');
  assert.match(flash(r.html), /本收银账号支付密码错误次数过多,请 1[45] 分钟后再试/);
  assert.equal(balance(last.mobile), 1000);
  for (const who of cards) assert.equal(sql(`SELECT pay_locked_until IS NULL FROM members WHERE id = ${who.id}`), '1');
  // Another cashier account of the same merchant is not held up.
  const colleague = await newMerchantClient(1);
  assert.equal((await confirmPayment(colleague, await startPayment(colleague, last.card, 10), PW)).status, 303);
  assert.equal(balance(last.mobile), 990);
  checkLedger();
});

test('guessing in parallel is stopped at the fifth wrong password', async () => {
  const [who] = makeCardMembers(1, 1000, HASH);
  const mc = await newMerchantClient(1);
  const form = await startPayment(mc, who.card, 100);
  const guesses = Array.from({ length: 12 }, (_, i) => String(300000 + i * 7));
  const results = await pool(guesses, 12, (g) => confirmPayment(mc, form, g));
  assert.deepEqual(results.map((r) => r.status).sort(), [...Array(4).fill(400), ...Array(8).fill(423)],
    'four answers "wrong", then only "locked"');
  assert.equal(sql(`SELECT CONCAT(pay_failures, ':', TIMESTAMPDIFF(MINUTE, NOW(), pay_locked_until) BETWEEN 29 AND 30) FROM members WHERE id = ${who.id}`), '5:1');
  assert.equal((await confirmPayment(mc, form, PW)).status, 423);
  assert.equal(balance(who.mobile), 1000);
  checkLedger();
});

test('parallel payments on one card never overdraw it', async () => {
  const [who] = makeCardMembers(1, 1000, HASH);
  const mc = await newMerchantClient(1);
  const forms = [];
  for (let i = 0; i < 10; i++) forms.push(await startPayment(mc, who.card, 300));
  const results = await pool(forms, 10, (f) => confirmPayment(mc, f, PW));
  const paid = results.filter((r) => r.status === 303).length;
  for (const r of results) assert.ok([303, 409].includes(r.status), `status ${r.status}`);
  assert.equal(paid, 3);
  for (const r of results.filter((x) => x.status === 409)) assert.match(flash(r.html), /积分不足/);
  assert.equal(balance(who.mobile), 100);
  assert.equal(payments(who.id), 3);
  checkLedger();
});

test('refusals write nothing: not enough points, frozen member, no payment password, unknown card, bad input', async () => {
  const [poor, frozen, unset] = makeCardMembers(3, 100, HASH);
  sql(`UPDATE members SET pay_password_hash = NULL WHERE id = ${unset.id}`);
  const mc = await newMerchantClient(1);
  const form = await startPayment(mc, poor.card, 101);
  let r = await confirmPayment(mc, form, PW);
  assert.equal(r.status, 409);
  assert.match(flash(r.html), /积分不足/);
  assert.equal(balance(poor.mobile), 100);
  assert.equal(payments(poor.id), 0);

  // Frozen after the amount was entered, and before.
  const f2 = await startPayment(mc, frozen.card, 10);
  sql(`UPDATE members SET status = 'frozen' WHERE id = ${frozen.id}`);
  r = await confirmPayment(mc, f2, PW);
  assert.equal(r.status, 409);
  assert.match(flash(r.html), /冻结/);
  r = await mc.post('/merchant/terminal', { card_no: frozen.card, points: 10 }, '/merchant/terminal');
  assert.equal(r.status, 409);
  assert.equal(balance(frozen.mobile), 100);

  r = await mc.post('/merchant/terminal', { card_no: unset.card, points: 10 }, '/merchant/terminal');
  assert.equal(r.status, 409);
  assert.match(flash(r.html), /尚未设置支付密码/);

  for (const [card, points, field] of [['1234', 10, /16 位数字/], [poor.card, 0, /1 至 1000000/], [poor.card, 1000001, /1 至 1000000/],
    [poor.card, 'abc', /1 至 1000000/], ['0000000000000000', 10, /没有找到该会员卡/]]) {
    r = await mc.post('/merchant/terminal', { card_no: card, points }, '/merchant/terminal');
    assert.equal(r.status, 400, `${card} ${points}`);
    assert.match(fieldError(r.html), field);
  }
  // A confirm form whose amount was changed after the fact is refused.
  const f3 = await startPayment(mc, poor.card, 10);
  r = await confirmPayment(mc, { ...f3, points: 90 }, PW);
  assert.equal(r.status, 400);
  assert.equal(balance(poor.mobile), 100);
  assert.equal(payments(poor.id), 0);
  checkLedger();
});

test('receipts are scoped to the merchant; the terminal needs a merchant account and CSRF', async () => {
  const [who] = makeCardMembers(1, 500, HASH);
  const mc = await newMerchantClient(1);
  const form = await startPayment(mc, who.card, 50);
  assert.equal((await confirmPayment(mc, form, PW)).status, 303);
  const url = `/merchant/terminal/receipt/${form.receipt}`;
  // Staff of the same merchant see it; another merchant's staff get the same 404 as for no receipt.
  const colleague = await newMerchantClient(1);
  assert.equal((await colleague.get(url)).status, 200);
  const stranger = await newMerchantClient(2);
  const other = await stranger.get(url);
  assert.equal(other.status, 404);
  const none = await stranger.get('/merchant/terminal/receipt/000000000000000000');
  assert.equal(none.status, 404);
  assert.equal(other.html.replaceAll(form.receipt, 'N'), none.html.replaceAll('000000000000000000', 'N'), 'indistinguishable from no receipt');
  assert.ok(!(await stranger.get('/merchant/terminal')).html.includes(form.receipt), 'not in the other merchant\'s list');
  // The other merchant cannot replay the confirmation either (the form is bound to the account).
  const replay = await confirmPayment(stranger, form, PW);
  assert.equal(replay.status, 400);

  // Without the CSRF token: 403, nothing paid.
  const f2 = await startPayment(mc, who.card, 50);
  const r = await mc.request('POST', '/merchant/terminal/pay', { ...f2, password: PW });
  assert.equal(r.status, 403);
  assert.equal((await mc.request('POST', '/merchant/terminal', { card_no: who.card, points: 5 })).status, 403);
  assert.equal(balance(who.mobile), 450);
  // Anonymous visitors are sent to the merchant sign-in.
  const anon = await new Client().get('/merchant/terminal');
  assert.equal(anon.status, 303);
  assert.match(anon.location, /^\/merchant\/login/);
  checkLedger();
});
