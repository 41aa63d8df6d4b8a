// cash-pay.test.mjs: points + cash (C5) — the cash part is paid first at the sandbox provider's cashier (a signed
// notification, or a query when the member comes back first), then the points with the SMS code; a failed cash
// payment charges nothing; a points part that fails after the cash refunds the cash; cancel refunds both parts;
// notifications: duplicated, forged, concurrent, wrong amount; the outbox retried by `mallctl pay-jobs`; an order
// whose points are never confirmed expires and is refunded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql, q, mallctl, checkLedger, ORIGIN, VAR } from './lib/stack.mjs';
import { flash } from './lib/client.mjs';
import { signedInMember, balance, lastCode } from './lib/members.mjs';
import { makeActivity } from './lib/guards.mjs';
import { adminClient } from './lib/admin.mjs';
import { makeProduct, placeNow, sendCode, payOrder, orderStatus } from './lib/shop.mjs';

const CASH = 1234; // ¥12.34
const cashProduct = ({ points = 700, cash = CASH, stock = 10 } = {}) => {
  const id = makeProduct({ type: 'virtual', points, stock });
  sql(`UPDATE products SET cash_price_fen = ${cash} WHERE id = ${id}`);
  return id;
};
// One product for the tests that do not change it (each product made here pushes the demo catalog off the newest
// page other files read).
let shared;
const sharedProduct = () => (shared ||= cashProduct({ stock: 1000 }));
const orderId = (no) => Number(sql(`SELECT id FROM orders WHERE order_no = ${q(no)}`));
const payments = (no) => sql(`SELECT state, amount_fen FROM payments WHERE order_id = ${orderId(no)} ORDER BY id`)
  .split('\n').filter(Boolean).map((l) => l.split('\t'));
const spends = (no) => Number(sql(`SELECT COUNT(*) FROM points_ledger WHERE order_id = ${orderId(no)} AND kind = 'spend'`));
const events = (no, kind) => Number(sql(`SELECT COUNT(*) FROM order_events WHERE order_id = ${orderId(no)} AND kind = '${kind}'`));
const tradeState = (trade) => sql(`SELECT state FROM sandbox_trades WHERE trade_no = ${q(trade)}`);

// The notification key as the README states it: HMAC-SHA256(var/secret.key, "pay-notify:sandbox") in hex.
const KEY = createHmac('sha256', readFileSync(`${VAR}/secret.key`)).update('pay-notify:sandbox').digest('hex');
const canonical = ({ trade_no, provider_trade_no = '', amount_fen, status }) =>
  `amount_fen=${amount_fen}&provider_trade_no=${provider_trade_no}&status=${status}&trade_no=${trade_no}`;
const sign = (fields, key = KEY) => createHmac('sha256', key).update(canonical(fields)).digest('hex');
async function notify(fields, sig = sign(fields)) {
  const body = new URLSearchParams({ ...fields, sign: sig }).toString();
  const r = await fetch(`${ORIGIN}/pay/notify/sandbox`, { method: 'POST', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  return { status: r.status, text: (await r.text()).trim() };
}

// Order → cash step → the sandbox cashier's trade number (the member is at the cashier).
async function toCashier(c, no) {
  const r = await c.post(`/order/${no}/cash`, {}, `/order/${no}/pay`);
  assert.equal(r.status, 303, `cash: ${flash(r.html)}`);
  const trade = (r.location.match(/^\/sandbox-pay\/cashier\/(C\d{23})$/) || [])[1];
  assert.ok(trade, `unexpected redirect ${r.location}`);
  const page = await c.get(r.location);
  assert.equal(page.status, 200);
  assert.match(page.html, /class="sum-total sandbox-amount">¥12\.34</, 'the cashier asks for the order\'s cash total');
  return trade;
}
// The payer's answer at the cashier → back to the order's payment page.
async function atCashier(c, trade, action, no) {
  const r = await c.post(`/sandbox-pay/cashier/${trade}`, { action }, `/sandbox-pay/cashier/${trade}`);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/order/${no}/pay`);
  return r;
}
async function cashPaidOrder(points = 5000, product = sharedProduct()) {
  const member = await signedInMember(points);
  const no = await placeNow(member.c, product);
  const trade = await toCashier(member.c, no);
  await atCashier(member.c, trade, 'pay', no);
  return { ...member, no, trade, product };
}

test('sandbox pay → cash paid → SMS code → points → paid; the cash total stored on the order is what is charged', async () => {
  const p = sharedProduct();
  const { m, c } = await signedInMember(5000);
  const no = await placeNow(c, p);
  assert.equal(sql(`SELECT CONCAT_WS(',', points_total, cash_total_fen) FROM orders WHERE order_no = ${q(no)}`), '700,1234');
  let page = await c.get(`/order/${no}/pay`);
  assert.match(page.html, /class="sum-cash">¥12\.34/);
  assert.match(page.html, new RegExp(`action="/order/${no}/cash"`), 'step one: the cashier');
  assert.doesNotMatch(page.html, new RegExp(`action="/order/${no}/code"`), 'no SMS code before the cash is paid');
  // The points step is refused while the cash is due: no code sent, nothing charged.
  let r = await c.post(`/order/${no}/code`, {});
  assert.equal(r.status, 409);
  assert.match(flash(r.html), /现金部分还没有支付/);
  r = await c.post(`/order/${no}/pay`, { code: '123456' });
  assert.equal(r.status, 409);
  assert.equal(orderStatus(no), 'pending');

  const trade = await toCashier(c, no);
  assert.equal(tradeState(trade), 'open');
  await atCashier(c, trade, 'pay', no);
  assert.deepEqual(payments(no), [['paid', String(CASH)]]);
  assert.equal(sql(`SELECT acked_at IS NOT NULL FROM sandbox_notifications WHERE trade_no = ${q(trade)}`), '1',
    'the signed notification was delivered and acknowledged');
  page = await c.get(`/order/${no}/pay`);
  assert.match(page.html, /id="cash-paid"/);
  assert.match(page.html, new RegExp(`action="/order/${no}/code"`), 'step two: the SMS code');
  assert.equal(orderStatus(no), 'pending', 'cash alone does not make the order paid');
  await payOrder(c, m, no);
  assert.equal(balance(m), 5000 - 700);
  assert.equal(spends(no), 1);
  const done = await c.get(`/order/${no}/done`);
  assert.match(done.html, /class="sum-cash">¥12\.34</);
  const detail = await c.get(`/order/${no}`);
  assert.match(detail.html, /¥12\.34 · <span class="cash-state cash-paid">已支付/);
  // A second visit to the cashier changes nothing.
  r = await c.post(`/sandbox-pay/cashier/${trade}`, { action: 'pay' }, `/sandbox-pay/cashier/${trade}`);
  assert.equal(r.status, 303);
  assert.deepEqual(payments(no), [['paid', String(CASH)]]);
  checkLedger();
});

test('a member whose balance does not cover the points part is not sent to the cashier', async () => {
  const { c } = await signedInMember(100);
  const no = await placeNow(c, sharedProduct());
  const page = await c.get(`/order/${no}/pay`);
  assert.match(page.html, /id="cash-not-enough"/);
  const r = await c.post(`/order/${no}/cash`, {}, `/order/${no}/pay`);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/order/${no}/pay`);
  assert.deepEqual(payments(no), [], 'no trade opened');
});

test('a double submit of "pay at the cashier" opens one trade', async () => {
  const { c } = await signedInMember(5000);
  const no = await placeNow(c, sharedProduct());
  await c.get(`/order/${no}/pay`);
  const answers = await Promise.all(Array.from({ length: 6 }, () => c.post(`/order/${no}/cash`, {})));
  assert.deepEqual([...new Set(answers.map((a) => a.status))], [303]);
  assert.equal(new Set(answers.map((a) => a.location)).size, 1, 'every answer sends to the same cashier');
  assert.deepEqual(payments(no), [['created', String(CASH)]]);
});

test('sandbox fail → nothing charged, the order still waits for its cash; a retry pays', async () => {
  const { m, c } = await signedInMember(5000);
  const no = await placeNow(c, sharedProduct());
  const trade = await toCashier(c, no);
  await atCashier(c, trade, 'fail', no);
  assert.deepEqual(payments(no), [['failed', String(CASH)]]);
  assert.equal(tradeState(trade), 'failed');
  const page = await c.get(`/order/${no}/pay`);
  assert.match(page.html, /id="cash-failed"/);
  assert.match(page.html, new RegExp(`action="/order/${no}/cash"`));
  assert.equal((await c.post(`/order/${no}/code`, {})).status, 409);
  assert.equal(orderStatus(no), 'pending');
  assert.equal(spends(no), 0);
  assert.equal(balance(m), 5000);
  // Abandoning at the cashier changes nothing either; then paying works.
  const again = await toCashier(c, no);
  assert.notEqual(again, trade, 'a new trade for the new attempt');
  await atCashier(c, again, 'abandon', no);
  assert.equal(tradeState(again), 'open');
  assert.deepEqual(payments(no).map((p) => p[0]), ['failed', 'created']);
  assert.equal(await toCashier(c, no), again, 'the open trade is offered again');
  await atCashier(c, again, 'pay', no);
  assert.deepEqual(payments(no).map((p) => p[0]), ['failed', 'paid']);
  await payOrder(c, m, no);
  checkLedger();
});

test('points part fails after the cash was paid (sold out) → order cancelled, cash refunded, no points taken', async () => {
  const { m, c, no, trade, product } = await cashPaidOrder(5000, cashProduct());
  sql(`UPDATE products SET stock = 0, initial_stock = initial_stock - 10 WHERE id = ${product}`);
  const code = await sendCode(c, no, m);
  const r = await c.post(`/order/${no}/pay`, { code });
  assert.equal(r.status, 409);
  assert.match(flash(r.html), /订单已取消，已支付的现金部分原路退回/);
  assert.equal(orderStatus(no), 'cancelled');
  assert.deepEqual(payments(no), [['refunded', String(CASH)]]);
  assert.equal(tradeState(trade), 'refunded', 'refunded through the provider');
  assert.equal(balance(m), 5000);
  assert.equal(spends(no), 0);
  assert.match(r.html, /积分部分未能完成（商品已售罄）/);
  // The same code again: the order is cancelled, nothing more happens.
  const again = await c.post(`/order/${no}/pay`, { code });
  assert.equal(again.status, 409);
  assert.deepEqual(payments(no), [['refunded', String(CASH)]]);
  checkLedger();
});

test('points part refused by a paused activity after the cash → cash refunded', async () => {
  const product = cashProduct();
  const activity = makeActivity([product]);
  const { m, c, no, trade } = await cashPaidOrder(5000, product);
  const code = await sendCode(c, no, m);
  mallctl('pause', '--activity', String(activity), '--reason', '现金测试暂停');
  let r;
  try {
    r = await c.post(`/order/${no}/pay`, { code });
  } finally {
    mallctl('resume', '--activity', String(activity)); // its banner would show on every page of other tests
  }
  assert.equal(r.status, 409);
  assert.equal(orderStatus(no), 'cancelled');
  assert.deepEqual(payments(no), [['refunded', String(CASH)]]);
  assert.equal(tradeState(trade), 'refunded');
  assert.equal(balance(m), 5000);
  checkLedger();
});

test('a duplicated notification has no second effect; a forged one (bad signature) is refused', async () => {
  const { no, trade } = await cashPaidOrder();
  const [body] = sql(`SELECT body FROM sandbox_notifications WHERE trade_no = ${q(trade)}`).split('\n');
  const paidAt = sql(`SELECT paid_at FROM payments WHERE trade_no = ${q(trade)}`);
  // The provider sends the very same notification again: acknowledged, nothing changes.
  for (let i = 0; i < 2; i++) {
    const r = await fetch(`${ORIGIN}/pay/notify/sandbox`, { method: 'POST', body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 200);
    assert.equal((await r.text()).trim(), 'success');
  }
  assert.equal(events(no, 'cash_paid'), 1);
  assert.equal(sql(`SELECT paid_at FROM payments WHERE trade_no = ${q(trade)}`), paidAt);

  // Forged: a trade still open, "paid" with a signature made with another key, or none that fits.
  const { c: c2, no: no2 } = await (async () => {
    const mem = await signedInMember(5000);
    return { c: mem.c, no: await placeNow(mem.c, sharedProduct()) };
  })();
  const open = await toCashier(c2, no2);
  const fields = { trade_no: open, provider_trade_no: 'SBX00000000000000001', amount_fen: CASH, status: 'paid' };
  let r = await notify(fields, sign(fields, 'not-the-key'));
  assert.equal(r.status, 400);
  assert.equal(r.text, 'fail');
  r = await notify(fields, sign({ ...fields, amount_fen: 1 }));
  assert.equal(r.status, 400, 'a signature of other fields');
  r = await notify({ ...fields, sign: undefined }, '');
  assert.equal(r.status, 400, 'no signature');
  assert.deepEqual(payments(no2), [['created', String(CASH)]]);
  assert.equal(sql(`SELECT cash_payment_id IS NULL FROM orders WHERE order_no = ${q(no2)}`), '1');
  // Unknown trade, properly signed: refused.
  r = await notify({ ...fields, trade_no: 'C' + '9'.repeat(23) });
  assert.equal(r.status, 404);
});

test('an amount mismatch in a signed notification is refused; the right amount is then accepted', async () => {
  const { c, no } = await (async () => {
    const mem = await signedInMember(5000);
    return { ...mem, no: await placeNow(mem.c, sharedProduct()) };
  })();
  const trade = await toCashier(c, no);
  const fields = { trade_no: trade, provider_trade_no: 'SBX00000000000000002', amount_fen: CASH - 1, status: 'paid' };
  let r = await notify(fields);
  assert.equal(r.status, 400);
  assert.deepEqual(payments(no), [['created', String(CASH)]]);
  assert.equal(events(no, 'cash_paid'), 0);
  r = await notify({ ...fields, amount_fen: CASH });
  assert.equal(r.status, 200);
  assert.deepEqual(payments(no), [['paid', String(CASH)]]);
});

test('concurrent duplicate notifications → one effect', async () => {
  const mem = await signedInMember(5000);
  const no = await placeNow(mem.c, sharedProduct());
  const trade = await toCashier(mem.c, no);
  const fields = { trade_no: trade, provider_trade_no: 'SBX00000000000000003', amount_fen: CASH, status: 'paid' };
  const answers = await Promise.all(Array.from({ length: 12 }, () => notify(fields)));
  assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
  assert.deepEqual(payments(no), [['paid', String(CASH)]]);
  assert.equal(events(no, 'cash_paid'), 1);
  assert.equal(sql(`SELECT cash_payment_id = (SELECT id FROM payments WHERE trade_no = ${q(trade)}) FROM orders WHERE order_no = ${q(no)}`), '1');
  await payOrder(mem.c, mem.m, no);
  checkLedger();
});

test('cancel of a paid points + cash order refunds both parts', async () => {
  const { m, c, no, trade } = await cashPaidOrder(5000);
  await payOrder(c, m, no);
  assert.equal(balance(m), 4300);
  const form = await c.get(`/order/${no}/cancel`);
  assert.equal(form.status, 200);
  const r = await c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 });
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(orderStatus(no), 'cancelled');
  assert.equal(balance(m), 5000, 'points back');
  assert.deepEqual(payments(no), [['refunded', String(CASH)]]);
  assert.equal(tradeState(trade), 'refunded', 'cash back through the provider');
  const detail = await c.get(`/order/${no}`);
  assert.match(detail.html, /cash-refunded">已原路退回/);
  assert.match(sql(`SELECT body FROM inbox WHERE link = '/order/${no}' ORDER BY id DESC LIMIT 1`), /现金 ¥12\.34 原路退回/);
  // The back office shows the payment and its refund.
  const { c: admin } = await adminClient('ops');
  const page = await admin.get(`/admin/orders/${no}`);
  assert.equal(page.status, 200);
  assert.match(page.html, new RegExp(`<tr class="payment-refunded"><td class="mono">${trade}<br>`));
  assert.match(page.html, /¥12\.34<\/td><td>已退款/);
  checkLedger();
});

test('a cancel in the back office of a paid points + cash order refunds both parts too', async () => {
  const { m, c, no, trade } = await cashPaidOrder(5000);
  await payOrder(c, m, no);
  const { c: admin } = await adminClient('ops');
  await admin.get(`/admin/orders/${no}/cancel`);
  const r = await admin.post(`/admin/orders/${no}/cancel`, { reason: '客服取消测试' }, `/admin/orders/${no}/cancel`);
  assert.equal(r.status, 303);
  assert.equal(orderStatus(no), 'cancelled');
  assert.equal(balance(m), 5000);
  assert.deepEqual(payments(no), [['refunded', String(CASH)]]);
  assert.equal(tradeState(trade), 'refunded');
  checkLedger();
});

test('a second trade of one order that turns out paid too is refunded; the order keeps one cash payment', async () => {
  const { m, c } = await signedInMember(5000);
  const no = await placeNow(c, sharedProduct());
  const first = await toCashier(c, no);
  await atCashier(c, first, 'fail', no);
  const second = await toCashier(c, no);
  await atCashier(c, second, 'pay', no);
  // The provider took the money for the first trade after all, and says so late.
  sql(`UPDATE sandbox_trades SET state = 'paid' WHERE trade_no = ${q(first)}`);
  const r = await notify({ trade_no: first, provider_trade_no: 'SBX00000000000000009', amount_fen: CASH, status: 'paid' });
  assert.equal(r.status, 200);
  assert.deepEqual(payments(no), [['refunded', String(CASH)], ['paid', String(CASH)]]);
  assert.equal(sql(`SELECT cash_payment_id = (SELECT id FROM payments WHERE trade_no = ${q(second)}) FROM orders WHERE order_no = ${q(no)}`), '1');
  const page = await c.get(`/order/${no}/pay`);
  assert.match(page.html, /id="cash-paid"/, 'the order\'s own cash stays paid');
  await payOrder(c, m, no);
  checkLedger();
});

test('cash paid for an order cancelled meanwhile is refunded, never kept', async () => {
  const mem = await signedInMember(5000);
  const no = await placeNow(mem.c, sharedProduct());
  const trade = await toCashier(mem.c, no);
  await mem.c.get(`/order/${no}/cancel`);
  assert.equal((await mem.c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 })).status, 303);
  await atCashier(mem.c, trade, 'pay', no);
  assert.deepEqual(payments(no), [['refunded', String(CASH)]]);
  assert.equal(tradeState(trade), 'refunded');
  assert.equal(orderStatus(no), 'cancelled');
});

test('a notification the mall did not acknowledge stays in the outbox and mallctl pay-jobs delivers it', async () => {
  const mem = await signedInMember(5000);
  const no = await placeNow(mem.c, sharedProduct());
  const trade = await toCashier(mem.c, no);
  // The mall is unreachable at the moment the cashier notifies (a port nobody listens on).
  const url = sql(`SELECT notify_url FROM sandbox_trades WHERE trade_no = ${q(trade)}`);
  sql(`UPDATE sandbox_trades SET notify_url = 'http://127.0.0.1:9/pay/notify/sandbox' WHERE trade_no = ${q(trade)}`);
  await atCashier(mem.c, trade, 'pay', no); // the member does not come back to the return page
  assert.equal(sql(`SELECT CONCAT_WS(',', tries, acked_at IS NULL) FROM sandbox_notifications WHERE trade_no = ${q(trade)}`), '1,1');
  assert.deepEqual(payments(no), [['created', String(CASH)]]);
  // Back up: the next try is due; the job (on any machine) delivers it.
  sql(`UPDATE sandbox_notifications SET url = '${url}', next_at = NOW() WHERE trade_no = ${q(trade)}`);
  assert.match(mallctl('pay-jobs'), /1 notifications sent/);
  assert.equal(sql(`SELECT acked_at IS NOT NULL FROM sandbox_notifications WHERE trade_no = ${q(trade)}`), '1');
  assert.deepEqual(payments(no), [['paid', String(CASH)]]);
});

test('cash paid, points never confirmed: the order expires 30 minutes after the cash and the cash is refunded', async () => {
  const { m, no, trade } = await cashPaidOrder(5000);
  const id = orderId(no);
  // Created long ago but the cash paid just now: still within its grace.
  sql(`UPDATE orders SET created_at = NOW() - INTERVAL 40 MINUTE WHERE id = ${id}`);
  mallctl('orders-housekeeping');
  assert.equal(orderStatus(no), 'pending');
  sql(`UPDATE payments SET paid_at = NOW() - INTERVAL 31 MINUTE WHERE order_id = ${id}`);
  mallctl('orders-housekeeping');
  assert.equal(orderStatus(no), 'cancelled');
  assert.deepEqual(payments(no), [['refunded', String(CASH)]]);
  assert.equal(tradeState(trade), 'refunded');
  assert.equal(balance(m), 5000);
  checkLedger();
});

test('the redemptions report and the month\'s settlements page show cash received, refunded and net, equal to independent SQL sums', async () => {
  // Three cash payments moved to a day of their own: one kept, one refunded on that day, one refunded the day after.
  const day = new Date(Date.UTC(2001, 0, 1) + randomInt(0, 6900) * 86400e3).toISOString().slice(0, 10); // a day of this run's own
  const kept = await cashPaidOrder();
  await payOrder(kept.c, kept.m, kept.no);
  const back = await cashPaidOrder();
  await back.c.get(`/order/${back.no}/cancel`);
  assert.equal((await back.c.post(`/order/${back.no}/cancel`, { reason: 'changed', confirm: 1 })).status, 303);
  const later = await cashPaidOrder();
  await later.c.get(`/order/${later.no}/cancel`);
  assert.equal((await later.c.post(`/order/${later.no}/cancel`, { reason: 'changed', confirm: 1 })).status, 303);
  const ids = [kept, back, later].map((o) => orderId(o.no)).join(',');
  sql(`UPDATE payments SET paid_at = '${day} 10:00:00' WHERE order_id IN (${ids});
       UPDATE payments SET refunded_at = '${day} 11:00:00' WHERE order_id = ${orderId(back.no)};
       UPDATE payments SET refunded_at = '${day}' + INTERVAL 1 DAY WHERE order_id = ${orderId(later.no)}`);
  const { c } = await adminClient('finance');
  const r = await c.get(`/admin/reports/redemptions?from=${day}&to=${day}&by=product`);
  assert.equal(r.status, 200);
  const shown = (id) => r.html.match(new RegExp(`id="${id}">([^<]*)<`))[1];
  const [inFen, inCount] = sql(`SELECT SUM(amount_fen), COUNT(*) FROM payments WHERE DATE(paid_at) = '${day}'`).split('\t').map(Number);
  const [outFen, outCount] = sql(`SELECT COALESCE(SUM(amount_fen), 0), COUNT(*) FROM payments WHERE DATE(refunded_at) = '${day}'`).split('\t').map(Number);
  const yuan = (fen) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  assert.equal(inFen, 3 * CASH);
  assert.equal(outFen, CASH);
  assert.equal(shown('sum-cash-in'), yuan(inFen));
  assert.equal(shown('cash-payments'), String(inCount));
  assert.equal(shown('sum-cash-refunded'), yuan(outFen));
  assert.equal(shown('cash-refunds'), String(outCount));
  assert.equal(shown('sum-cash-net'), yuan(inFen - outFen));
  assert.equal(shown('sum-cash-net'), '¥24.68');
  // The settlements page of that month: the month's cash part, the same independent sums over the month.
  const month = day.slice(0, 7);
  const s = await c.get(`/admin/settlements?month=${month}`);
  assert.equal(s.status, 200);
  const inMonth = (id) => s.html.match(new RegExp(`id="${id}">([^<]*)<`))[1];
  const [mIn, mInCount] = sql(`SELECT SUM(amount_fen), COUNT(*) FROM payments WHERE DATE_FORMAT(paid_at, '%Y-%m') = '${month}'`).split('\t').map(Number);
  const [mOut, mOutCount] = sql(`SELECT COALESCE(SUM(amount_fen), 0), COUNT(*) FROM payments WHERE DATE_FORMAT(refunded_at, '%Y-%m') = '${month}'`).split('\t').map(Number);
  assert.equal(mIn, 3 * CASH);
  assert.equal(inMonth('sum-cash-in'), yuan(mIn));
  assert.equal(inMonth('cash-payments'), String(mInCount));
  assert.equal(inMonth('sum-cash-refunded'), yuan(mOut));
  assert.equal(inMonth('cash-refunds'), String(mOutCount));
  assert.equal(inMonth('sum-cash-net'), yuan(mIn - mOut));
});

test('a cash-off coupon (F6) on a points + cash order: the confirm page, the order and the cashier all ask for the cash less the coupon, and it is paid', async () => {
  const p = cashProduct({ points: 300, cash: 2000, stock: 5 });
  const act = makeActivity([]);
  sql(`INSERT INTO coupon_campaigns (activity_id, name_zh, kind, face_value, threshold, quota, per_member, price_points,
         claim_from, claim_until, use_from, use_until)
       VALUES (${act}, '现金券测试', 'cash_off', 500, 1000, 10, 1, 0, NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 1 DAY,
         NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 7 DAY)`);
  const camp = sql(`SELECT MAX(id) FROM coupon_campaigns WHERE activity_id = ${act}`);
  const { m, c, id } = await signedInMember(5000);
  await c.get('/coupons');
  assert.equal((await c.post(`/coupons/${camp}/claim`, {}, '/coupons')).status, 303);
  const coupon = sql(`SELECT id FROM coupons WHERE campaign_id = ${camp} AND member_id = ${id}`);
  const form = await c.post('/checkout/now', { product_id: p, quantity: 1 }, `/product/${p}`);
  assert.equal(form.status, 200);
  assert.match(form.html, new RegExp(`name="coupon_id" value="${coupon}" checked`), 'the cash coupon is chosen');
  assert.match(form.html, /class="sum-cash">¥20\.00/);
  assert.match(form.html, /class="sum-cash-pay">¥15\.00/, 'cash to pay after the coupon');
  const no = await placeNow(c, p, 1, { coupon_id: coupon });
  assert.equal(sql(`SELECT CONCAT_WS(',', points_total, cash_total_fen, discount_cash_fen, coupon_id) FROM orders WHERE order_no = ${q(no)}`),
    `300,1500,500,${coupon}`);
  const r = await c.post(`/order/${no}/cash`, {}, `/order/${no}/pay`);
  assert.equal(r.status, 303, flash(r.html));
  const cashier = await c.get(r.location);
  assert.match(cashier.html, /class="sum-total sandbox-amount">¥15\.00</, 'the cashier asks for the discounted cash');
  const trade = r.location.split('/').pop();
  assert.equal((await c.post(`/sandbox-pay/cashier/${trade}`, { action: 'pay' }, r.location)).status, 303);
  await payOrder(c, m, no);
  assert.deepEqual(payments(no), [['paid', '1500']]);
  assert.equal(balance(m), 4700);
  assert.equal(sql(`SELECT status FROM coupons WHERE id = ${coupon}`), 'used');
  checkLedger();

  // The redemptions report of a day of its own: the line at list price (300 points, ¥20.00), the coupon's ¥5.00 off,
  // and charged = what the payments took (independent sums over the ledger and the payments table); the CSV the same.
  const day = new Date(Date.UTC(2020, 0, 1) + randomInt(0, 1400) * 86400e3).toISOString().slice(0, 10); // not the other tests' 2001–2019
  sql(`UPDATE orders SET paid_at = '${day} 12:00:00' WHERE order_no = ${q(no)}`);
  const [spent, paidFen] = sql(`SELECT (SELECT -SUM(amount) FROM points_ledger WHERE kind = 'spend' AND order_id = o.id),
    (SELECT SUM(amount_fen) FROM payments WHERE state = 'paid' AND order_id = o.id) FROM orders o WHERE order_no = ${q(no)}`).split('\t');
  assert.deepEqual([spent, paidFen], ['300', '1500']);
  const { c: admin } = await adminClient('finance');
  const rep = await admin.get(`/admin/reports/redemptions?from=${day}&to=${day}&by=product`);
  assert.equal(rep.status, 200);
  const line = rep.html.match(new RegExp(`<tr data-id="${p}">([\\s\\S]*?)</tr>`))[1];
  assert.deepEqual([...line.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((x) => x[1]), ['1', '1', '1', '300', '20.00', '100.0%']);
  const cell = (id) => rep.html.match(new RegExp(`id="${id}">([^<]*)<`))[1];
  assert.deepEqual([cell('discount-points'), cell('discount-cash')], ['0', '-5.00']);
  assert.deepEqual([cell('charged-points'), cell('charged-cash')], [spent, '15.00']);
  const csv = await admin.getBytes(`/admin/reports/redemptions.csv?from=${day}&to=${day}&by=product`);
  const rows = csv.text.slice(1).trim().split('\r\n').map((l) => l.split(','));
  assert.deepEqual(rows[0], ['编号', '商品', '兑换数量', '订单数', '消耗积分', '现金(元)']);
  assert.deepEqual(rows[1].slice(2), ['1', '1', '300', '20.00']);
  assert.deepEqual(rows.slice(2), [['', '合计', '1', '1', '300', '20.00'], ['', '优惠券抵扣', '', '', '0', '-5.00'],
    ['', '实付', '', '1', '300', '15.00']]);
});
