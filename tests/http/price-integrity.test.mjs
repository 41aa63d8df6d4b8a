// price-integrity.test.mjs: the amount a member is shown is the amount charged (C4, C5). A product with a cash part
// shows the same cash amount on the product page, cart, checkout, pay page and the cashier (the order's stored
// total); an order whose cash part is unpaid is never paid by its points alone; for every payable product type the
// points on the product page, cart, checkout and pay page equal what the ledger and the order record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, checkLedger } from './lib/stack.mjs';
import { flash } from './lib/client.mjs';
import { signedInMember, addAddress, balance, lastCode, skipCooldown } from './lib/members.mjs';
import { makeProduct, sendCode, orderStatus } from './lib/shop.mjs';
import { makeMerchant } from './lib/merchants.mjs';

const CASH_FEN = 14900; // "7000 积分 + ¥149.00"
// Voucher products of a merchant of their own: the demo merchants' catalogs stay as other tests expect them.
let merchant;
const merchantId = () => (merchant ||= makeMerchant('价格测试商户')).id;
const cashProduct = (type = 'physical') => {
  const id = makeProduct({ type, points: 7000, stock: 20 });
  sql(`UPDATE products SET cash_price_fen = ${CASH_FEN}${type === 'voucher' ? `, merchant_id = ${merchantId()}` : ''} WHERE id = ${id}`);
  return id;
};
const orderCount = (memberId) => Number(sql(`SELECT COUNT(*) FROM orders WHERE member_id = ${memberId}`));
const ledgerCount = (memberId) => Number(sql(`SELECT COUNT(*) FROM points_ledger WHERE member_id = ${memberId}`));
const codesSent = (mobile) => Number(sql(`SELECT COUNT(*) FROM sms_codes WHERE mobile = ${q(mobile)} AND purpose = 'pay'`));
const num = (s) => Number(String(s).replace(/,/g, ''));

test('a product with a cash part shows points + ¥ and can be ordered; every page shows the same cash amount (zh and en)', async () => {
  const p = cashProduct('virtual');
  const { c, id } = await signedInMember(50000);
  const page = await c.get(`/product/${p}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /¥149\.00/, 'the price is shown whole');
  assert.doesNotMatch(page.html, /id="cash-unavailable"/);
  assert.match(page.html, /formaction="\/checkout\/now"/, 'redeem-now button');
  const add = await c.post('/cart/add', { product_id: p, quantity: 3 }, `/product/${p}`);
  assert.equal(add.status, 303, flash(add.html));
  const cart = await c.get('/cart');
  assert.match(cart.html, /class="cart-price">[\s\S]*?\+ ¥149\.00/);
  assert.match(cart.html, /class="cart-cash">¥447\.00</, 'the cart total has the cash part');
  const form = await c.get('/checkout');
  assert.match(form.html, /class="sum-cash">¥447\.00</);
  const en = await c.send('GET', '/checkout', null, { Cookie: `${c.cookieHeader()}; lang=en` });
  assert.match(en.html, /Cash<\/dt><dd class="sum-cash">¥447\.00</);
  const placed = await c.post('/checkout', {}, '/checkout');
  assert.equal(placed.status, 303, flash(placed.html));
  const no = placed.location.match(/\/order\/(P\d{16})\/pay$/)[1];
  assert.equal(sql(`SELECT CONCAT_WS(',', points_total, cash_total_fen) FROM orders WHERE order_no = ${q(no)}`), '21000,44700');
  const pay = await c.get(`/order/${no}/pay`);
  assert.match(pay.html, /class="sum-cash">¥447\.00/);
  const cash = await c.post(`/order/${no}/cash`, {}, `/order/${no}/pay`);
  assert.equal(cash.status, 303);
  const cashier = await c.get(cash.location);
  assert.match(cashier.html, /class="sum-total sandbox-amount">¥447\.00</, 'the cashier charges the stored cash total');
  assert.equal(orderCount(id), 1);
});

test('an order whose cash part is unpaid cannot be paid by points: no code, no charge, stock untouched', async () => {
  const p = cashProduct('physical');
  const { c, m, id } = await signedInMember(50000);
  // A pending order for 7000 points + ¥149.00 whose cash part was never paid, written directly.
  const no = `P${sql("SELECT DATE_FORMAT(CURDATE(), '%Y%m%d')")}${String(Date.now() % 1e8).padStart(8, '0')}`;
  sql(`INSERT INTO orders (order_no, member_id, points_total, cash_total_fen, needs_shipping, recipient, mobile, region, address_detail)
         VALUES ('${no}', ${id}, 7000, ${CASH_FEN}, 1, '测试', '${m}', '广东省 深圳市 南山区', '测试路 1 号');
       INSERT INTO order_items (order_id, product_id, product_type, name, points_price, cash_price_fen, quantity)
         SELECT id, ${p}, 'physical', 'cash test', 7000, ${CASH_FEN}, 1 FROM orders WHERE order_no = '${no}'`);
  const stock = sql(`SELECT stock FROM products WHERE id = ${p}`);
  const ledger = ledgerCount(id);
  const pay = await c.get(`/order/${no}/pay`);
  assert.equal(pay.status, 200);
  assert.match(pay.html, /id="pay-cash"/);
  assert.doesNotMatch(pay.html, /action="\/order\/[^"]+\/pay"/, 'no pay form');
  const code = await c.post(`/order/${no}/code`, {}, `/order/${no}/pay`);
  assert.equal(code.status, 409);
  assert.match(flash(code.html), /现金部分还没有支付/);
  assert.equal(codesSent(m), 0, 'no code texted');
  // A code for this very order and amount (as if obtained before): the payment is still refused.
  sql(`UPDATE orders SET cash_total_fen = 0 WHERE order_no = '${no}'`);
  const got = await sendCode(c, no, m);
  sql(`UPDATE orders SET cash_total_fen = ${CASH_FEN} WHERE order_no = '${no}'`);
  const r = await c.post(`/order/${no}/pay`, { code: got }, `/order/${no}/pay`);
  assert.equal(r.status, 409, flash(r.html));
  assert.match(flash(r.html), /现金部分还没有支付/);
  // …and one whose cash part is only on its line (the order row says 0) is refused too.
  skipCooldown(m);
  sql(`UPDATE orders SET cash_total_fen = 0 WHERE order_no = '${no}'`);
  const got2 = await sendCode(c, no, m);
  const r2 = await c.post(`/order/${no}/pay`, { code: got2 }, `/order/${no}/pay`);
  assert.equal(r2.status, 409, flash(r2.html));
  assert.equal(orderStatus(no), 'pending');
  assert.equal(balance(m), 50000, 'nothing charged');
  assert.equal(ledgerCount(id), ledger, 'no ledger entry');
  assert.equal(sql(`SELECT stock FROM products WHERE id = ${p}`), stock, 'stock untouched');
  // It can still be cancelled.
  sql(`UPDATE orders SET status = 'cancelled', cancelled_at = NOW() WHERE order_no = '${no}'`);
  checkLedger();
});

// Points shown on a page: the product page's price, the cart total, the checkout total, the pay page amount.
const shown = {
  product: (html) => num(html.match(/class="price"><strong>([\d,]+)<\/strong>/)[1]),
  cart: (html) => num(html.match(/class="cart-total">[^<]*<strong>([\d,]+)<\/strong>/)[1]),
  checkout: (html) => num(html.match(/class="sum-total"><span class="pts"><strong>([\d,]+)<\/strong>/)[1]),
  pay: (html) => num(html.match(/class="sum-total"><span class="pts"><strong>([\d,]+)<\/strong>/)[1]),
};

for (const type of ['physical', 'voucher', 'virtual']) {
  test(`${type}: points on product page, cart, checkout and pay page = points charged (ledger and order)`, async () => {
    const price = 1234 + Math.floor(Math.random() * 1000), qty = 3;
    const p = makeProduct({ type, points: price, stock: 50 });
    if (type === 'voucher') sql(`UPDATE products SET merchant_id = ${merchantId()} WHERE id = ${p}`);
    const { c, m, id } = await signedInMember(100000);
    const address = type === 'physical' ? { address_id: addAddress(m) } : {};

    const seen = {};
    seen.product = shown.product((await c.get(`/product/${p}`)).html) * qty;
    const add = await c.post('/cart/add', { product_id: p, quantity: qty }, `/product/${p}`);
    assert.equal(add.status, 303, flash(add.html));
    seen.cart = shown.cart((await c.get('/cart')).html);
    const form = await c.get('/checkout');
    assert.equal(form.status, 200);
    seen.checkout = shown.checkout(form.html);
    const placed = await c.post('/checkout', address, '/checkout');
    assert.equal(placed.status, 303, flash(placed.html));
    const no = placed.location.match(/\/order\/(P\d{16})\/pay$/)[1];
    seen.pay = shown.pay((await c.get(`/order/${no}/pay`)).html);
    skipCooldown(m);
    await sendCode(c, no, m);
    const paid = await c.post(`/order/${no}/pay`, { code: lastCode(m) }, `/order/${no}/pay`);
    assert.equal(paid.status, 303, flash(paid.html));

    const [orderPoints, cash] = sql(`SELECT points_total, cash_total_fen FROM orders WHERE order_no = '${no}'`).split('\t').map(Number);
    const charged = -Number(sql(`SELECT SUM(l.amount) FROM points_ledger l JOIN orders o ON o.id = l.order_id
      WHERE o.order_no = '${no}' AND l.kind = 'spend'`));
    assert.deepEqual(seen, { product: price * qty, cart: price * qty, checkout: price * qty, pay: price * qty });
    assert.equal(orderPoints, price * qty, 'order total');
    assert.equal(charged, price * qty, 'ledger spend');
    assert.equal(cash, 0, 'no cash part on a paid order');
    assert.equal(balance(m), 100000 - price * qty);
    // The "paid" page and the order page show the same amount again.
    assert.match((await c.get(`/order/${no}/done`)).html, new RegExp(`${price * qty}|${(price * qty).toLocaleString('en-US')}`));
    assert.equal(Number(sql(`SELECT COUNT(*) FROM orders WHERE member_id = ${id}`)), 1);
    checkLedger();
  });
}
