// checkout.test.mjs: confirm order (C2), SMS-code payment (C3/C4), result (C6), orders, cancel with refund to the same lots (O1/O2)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, mallctl, checkLedger } from './lib/stack.mjs';
import { flash, notice, headerPoints, fieldError } from './lib/client.mjs';
import { balance, addAddress, lastCode, skipCooldown, signedInMember } from './lib/members.mjs';
import { makeProduct, placeNow, sendCode, orderStatus } from './lib/shop.mjs';

const lots = (id) => sql(`SELECT id, amount, remaining, expires_at, status FROM points_lots WHERE member_id = ${id} ORDER BY id`);

test('happy path: cart → checkout with address → SMS code → pay → balance lower → cancel → points back to the same lots', async () => {
  const { m, c, id } = await signedInMember(300, '2027-01-31');
  // a second, later-expiring lot: the spend must take the earlier one first
  mallctl('grant-points', m, '1000', '2029-06-30', 'shop test later lot');
  const before = lots(id);
  const phys = makeProduct({ type: 'physical', points: 400, stock: 5 });
  const virt = makeProduct({ type: 'virtual', points: 100, stock: 5 });
  const addr = addAddress(m);
  assert.equal((await c.post('/cart/add', { product_id: phys, quantity: 1 })).status, 303);
  assert.equal((await c.post('/cart/add', { product_id: virt, quantity: 2 })).status, 303);
  const form = await c.get('/checkout');
  assert.equal(form.status, 200);
  assert.match(form.html, new RegExp(`name="address_id" value="${addr}" checked`));
  assert.match(form.html, /应付积分[\s\S]*?<strong>600<\/strong>/);
  let r = await c.post('/checkout', { address_id: addr, remark: '工作日送货' });
  assert.equal(r.status, 303, flash(r.html));
  const no = r.location.match(/^\/order\/(P\d{16})\/pay$/)[1];
  assert.match(no, new RegExp(`^P${new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10).replace(/-/g, '')}\\d{8}$`));
  assert.equal(sql(`SELECT COUNT(*) FROM cart_items WHERE member_id = ${id}`), '0', 'ordered lines leave the cart');
  assert.equal(orderStatus(no), 'pending');
  assert.equal(sql(`SELECT stock FROM products WHERE id = ${phys}`), '5', 'stock is taken at payment, not before');

  const pay = await c.get(`/order/${no}/pay`);
  assert.equal(pay.status, 200);
  assert.match(pay.html, new RegExp(`${m.slice(0, 3)}\\*{4}${m.slice(7)}`), 'the masked mobile the code goes to');
  const code = await sendCode(c, no, m);
  r = await c.post(`/order/${no}/pay`, { code });
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(r.location, `/order/${no}/done`);
  const done = await c.get(r.location);
  assert.equal(done.status, 200);
  assert.match(done.html, /兑换成功/);
  assert.match(done.html, /class="done-balance">700</);
  assert.equal(balance(m), 700);
  assert.equal(orderStatus(no), 'paid');
  assert.equal(sql(`SELECT stock FROM products WHERE id = ${phys}`), '4');
  // FIFO: the 300-point lot expiring first is used up, 300 more from the later one
  assert.equal(sql(`SELECT GROUP_CONCAT(remaining ORDER BY id) FROM points_lots WHERE member_id = ${id}`), '0,700');
  const detail = await c.get(`/order/${no}`);
  assert.match(detail.html, /积分支付<\/td><td class="num amount">-600</);
  assert.match(detail.html, /2027-01-31/);
  assert.match(detail.html, /工作日送货/);
  assert.match(detail.html, /测试收货人/);

  // the same code again: the order is paid already, nothing is charged twice
  r = await c.post(`/order/${no}/pay`, { code });
  assert.equal(r.status, 409);
  assert.equal(flash(r.html), '该订单已支付,无需重复支付。');
  assert.equal(balance(m), 700);

  // cancel: a confirmation step first
  const confirm = await c.get(`/order/${no}/cancel`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /<strong>600<\/strong>\s*积分将按原有效期退回/);
  r = await c.post(`/order/${no}/cancel`, { reason: 'changed' });
  assert.equal(r.status, 400, 'not confirmed');
  assert.equal(orderStatus(no), 'paid');
  r = await c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/order/${no}?done=cancelled`);
  assert.equal(orderStatus(no), 'cancelled');
  assert.equal(balance(m), 1300);
  assert.equal(lots(id), before, 'the points went back to the very lots, with their original expiry');
  assert.equal(sql(`SELECT stock FROM products WHERE id = ${phys}`), '5', 'stock restored');
  const after = await c.get(`/order/${no}?done=cancelled`);
  assert.match(notice(after.html), /已按原有效期退回/);
  assert.match(after.html, /积分退回<\/td><td class="num amount">\+600</);
  assert.match(after.html, /已按原有效期退回 300/);
  r = await c.post(`/order/${no}/cancel`, { confirm: 1 });
  assert.equal(r.status, 409, 'cancelling twice');
  assert.equal(balance(m), 1300);
  checkLedger();
});

test('checkout input: long remark, missing address, someone else\'s address, empty selection', async () => {
  const a = await signedInMember(5000), b = await signedInMember();
  const phys = makeProduct({ type: 'physical', points: 100 });
  const mine = addAddress(a.m), theirs = addAddress(b.m);
  await a.c.post('/cart/add', { product_id: phys, quantity: 1 });
  const orders = () => sql(`SELECT COUNT(*) FROM orders WHERE member_id = ${a.id}`);
  let r = await a.c.post('/checkout', { address_id: mine, remark: '长'.repeat(101) });
  assert.equal(r.status, 400);
  assert.equal(flash(r.html), '备注最多 100 个字,请删减后再提交。');
  r = await a.c.post('/checkout', { remark: '' });
  assert.equal(r.status, 400);
  assert.equal(flash(r.html), '请选择收货地址。');
  r = await a.c.post('/checkout', { address_id: theirs });
  assert.equal(r.status, 404, "someone else's address");
  assert.doesNotMatch(r.html, /测试收货人|科技园/);
  for (const bad of ['0', '-1', 'x', '1000000000000000000000']) {
    assert.equal((await a.c.post('/checkout', { address_id: bad })).status, 404, `address_id=${bad}`);
  }
  assert.equal(orders(), '0');
  r = await a.c.post('/checkout', { address_id: mine, remark: '长'.repeat(100) });
  assert.equal(r.status, 303, '100 characters are fine');
  assert.equal(orders(), '1');
  r = await a.c.post('/checkout', { address_id: mine });
  assert.equal(r.status, 409, 'nothing selected any more');
  assert.equal(flash(r.html), '请先选择要兑换的商品。');
  assert.equal(orders(), '1');
});

test('buy now: bad quantities get a message and create nothing; a voucher needs no address', async () => {
  const { c, id } = await signedInMember(5000);
  const p = makeProduct({ type: 'voucher', points: 100, stock: 7, limit: 3 });
  for (const bad of ['0', '-2', '1000000000000', 'abc', '', '4']) {
    const r = await c.post('/checkout/now', { product_id: p, quantity: bad, confirm: 1 });
    assert.equal(r.status, 400, `quantity=${JSON.stringify(bad)}`);
    // Back on the product page: the message under the quantity field, which keeps what was typed.
    assert.equal(fieldError(r.html, 'quantity'), '数量无效:请输入 1 到 3 之间的整数。');
    assert.match(r.html, new RegExp(`id="qty"[^>]* value="${bad || 1}"`));
    assert.doesNotMatch(r.html, /提交订单/);
  }
  assert.equal((await c.post('/checkout/now', { product_id: 'abc', quantity: 1 })).status, 404);
  assert.equal((await c.post('/checkout/now', { product_id: makeProduct({ onShelf: 0 }), quantity: 1 })).status, 404);
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE member_id = ${id}`), '0');
  const page = await c.post('/checkout/now', { product_id: p, quantity: 2 });
  assert.equal(page.status, 200, 'from the product page: the confirmation page');
  assert.match(page.html, /无需收货地址/);
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE member_id = ${id}`), '0', 'nothing is created before confirming');
  const no = await placeNow(c, p, 2);
  assert.equal(sql(`SELECT points_total FROM orders WHERE order_no = ${q(no)}`), '200');
});

test("someone else's order is a 404 exactly like an unknown one, on every order route", async () => {
  const a = await signedInMember(5000), b = await signedInMember(5000);
  const p = makeProduct({ points: 100 });
  const no = await placeNow(a.c, p, 1);
  const unknown = 'P2026010100000000';
  const bodyOf = (html) => html.replace(/<input type="hidden" name="csrf"[^>]*>/g, '').replace(/value="[0-9a-f]{64}"/g, '');
  for (const path of [`/order/${no}`, `/order/${no}/pay`, `/order/${no}/done`, `/order/${no}/cancel`]) {
    const theirs = await b.c.get(path), none = await b.c.get(path.replace(no, unknown));
    assert.equal(theirs.status, 404, path);
    assert.equal(none.status, 404);
    assert.equal(bodyOf(theirs.html).replace(new RegExp(no, 'g'), ''), bodyOf(none.html).replace(new RegExp(unknown, 'g'), ''), `${path} tells nothing`);
  }
  for (const action of ['code', 'pay', 'cancel', 'receive']) {
    const r = await b.c.post(`/order/${no}/${action}`, { code: '123456', confirm: 1 });
    assert.equal(r.status, 404, action);
  }
  assert.equal(sql(`SELECT COUNT(*) FROM sms_codes WHERE mobile = ${q(b.m)}`), '0', 'no code for their order');
  assert.equal(orderStatus(no), 'pending');
  assert.equal((await b.c.get('/order/nope')).status, 404);
});

test('SMS code rules on payment: bound to the order, 5 wrong tries, single use, cooldown, format', async () => {
  const { m, c } = await signedInMember(5000);
  const p = makeProduct({ points: 100, stock: 50 });
  const A = await placeNow(c, p, 1), B = await placeNow(c, p, 2);
  let r = await c.post(`/order/${A}/pay`, { code: '123456' });
  assert.equal(r.status, 400);
  assert.equal(flash(r.html), '请先获取本订单的短信验证码。');
  const codeA = await sendCode(c, A, m);
  r = await c.post(`/order/${B}/code`, {});
  assert.equal(r.status, 429, 'the 60 s resend cooldown');
  assert.match(flash(r.html), /请 \d+ 秒后再试/);
  r = await c.post(`/order/${B}/pay`, { code: codeA });
  assert.equal(r.status, 400, 'a code for order A is no good for order B');
  assert.equal(orderStatus(B), 'pending');
  for (const bad of ['', '12345', '1234567', 'abcdef']) {
    r = await c.post(`/order/${A}/pay`, { code: bad });
    assert.equal(r.status, 400, `code=${bad}`);
    assert.match(flash(r.html), bad ? /验证码为 6 位数字/ : /请输入短信验证码/);
  }
  // 5 wrong tries kill it (the try on order B above found no code for B: it does not count against A)
  const wrong = codeA === '000000' ? '111111' : '000000';
  for (const left of [4, 3, 2, 1]) {
    r = await c.post(`/order/${A}/pay`, { code: wrong });
    assert.equal(flash(r.html), `验证码错误,还可以尝试 ${left} 次。`);
  }
  r = await c.post(`/order/${A}/pay`, { code: wrong });
  assert.match(flash(r.html), /错误次数过多已失效/);
  r = await c.post(`/order/${A}/pay`, { code: codeA });
  assert.equal(r.status, 400, 'even the right code is dead now');
  assert.equal(orderStatus(A), 'pending');
  // a fresh code pays; used once only
  skipCooldown(m);
  const again = await sendCode(c, A, m);
  assert.equal((await c.post(`/order/${A}/pay`, { code: again })).status, 303);
  // a resent code retires the one before it, even while that one is still live
  skipCooldown(m);
  const firstB = await sendCode(c, B, m);
  skipCooldown(m);
  const codeB = await sendCode(c, B, m);
  if (firstB !== codeB) {
    r = await c.post(`/order/${B}/pay`, { code: firstB });
    assert.equal(r.status, 400);
    assert.equal(flash(r.html), '验证码错误,还可以尝试 4 次。');
  }
  assert.equal((await c.post(`/order/${B}/pay`, { code: codeB })).status, 303);
  assert.equal(balance(m), 4700);
  // the pay page of a paid order sends the member to the order
  const paid = await c.get(`/order/${A}/pay`);
  assert.equal(paid.status, 303);
  assert.equal(paid.location, `/order/${A}`);
  assert.equal(sql(`SELECT COUNT(*) FROM sms_outbox WHERE mobile = ${q(m)}`), '4');
  assert.ok(lastCode(m));
  checkLedger();
});

test('a payment right after a payment: the failure page shows the balance the first one left', async () => {
  const { m, c } = await signedInMember(1000);
  const p = makeProduct({ points: 100, stock: 10 });
  const A = await placeNow(c, p, 1), B = await placeNow(c, p, 1);
  const codeA = await sendCode(c, A, m);
  skipCooldown(m);
  const codeB = await sendCode(c, B, m);
  // Nothing but HTTP from here: every process's copy of this member's header is now out of date, and
  // the pay route answers without reading it again until it shows a page.
  assert.equal((await c.post(`/order/${A}/pay`, { code: codeA })).status, 303);
  const wrong = codeB === '000000' ? '111111' : '000000';
  const r = await c.post(`/order/${B}/pay`, { code: wrong });
  assert.equal(r.status, 400);
  assert.equal(headerPoints(r.html), 900, 'the header balance after payment A');
  assert.match(r.html, /支付后余额<\/dt><dd>800</);
  assert.equal((await c.post(`/order/${B}/pay`, { code: codeB })).status, 303);
  assert.equal(headerPoints((await c.get(`/order/${B}/done`)).html), 800);
  assert.equal(balance(m), 800);
  checkLedger();
});

test('refusals at payment: not enough points, sold out meanwhile — clear messages, nothing charged', async () => {
  const { m, c } = await signedInMember(150);
  const dear = makeProduct({ points: 200 });
  const no = await placeNow(c, dear, 1);
  let page = await c.get(`/order/${no}/pay`);
  assert.match(page.html, /积分余额不足,无法支付此订单/);
  const code = await sendCode(c, no, m);
  let r = await c.post(`/order/${no}/pay`, { code });
  assert.equal(r.status, 409);
  assert.equal(flash(r.html), '积分余额不足,无法支付本订单。');
  assert.equal(balance(m), 150);
  // The refused payment rolled back, but its code is spent all the same: asking again needs a new code.
  r = await c.post(`/order/${no}/pay`, { code });
  assert.equal(r.status, 409);
  assert.equal(flash(r.html), '该验证码已使用,请重新获取。');

  const scarce = makeProduct({ points: 100, stock: 1 });
  const mine = await placeNow(c, scarce, 1);
  sql(`UPDATE products SET stock = 0, initial_stock = initial_stock - 1 WHERE id = ${scarce}`);
  skipCooldown(m);
  const code2 = await sendCode(c, mine, m);
  r = await c.post(`/order/${mine}/pay`, { code: code2 });
  assert.equal(r.status, 409);
  assert.match(flash(r.html), /已售罄/);
  assert.equal(balance(m), 150);
  assert.equal(orderStatus(mine), 'pending');
  checkLedger();
});

test('missing CSRF on checkout, code, pay, cancel and receive → 403, nothing changes', async () => {
  const { m, c, id } = await signedInMember(5000);
  const p = makeProduct({ points: 100 });
  await c.post('/cart/add', { product_id: p, quantity: 1 });
  const no = await placeNow(c, p, 1);
  for (const [action, form] of [['/checkout', {}], ['/checkout/now', { product_id: p, quantity: 1, confirm: 1 }],
    [`/order/${no}/code`, {}], [`/order/${no}/pay`, { code: '123456' }], [`/order/${no}/cancel`, { confirm: 1 }],
    [`/order/${no}/receive`, {}]]) {
    const r = await c.request('POST', action, form);
    assert.equal(r.status, 403, action);
    const forged = await c.request('POST', action, { ...form, csrf: '0'.repeat(64) });
    assert.equal(forged.status, 403, `${action} forged token`);
  }
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE member_id = ${id}`), '1');
  assert.equal(sql(`SELECT COUNT(*) FROM sms_codes WHERE mobile = ${q(m)}`), '0');
  assert.equal(orderStatus(no), 'pending');
});

test('orders list by status, shipping, timeline, confirm receipt, review links', async () => {
  const { m, c } = await signedInMember(5000);
  const p = makeProduct({ type: 'physical', points: 100, stock: 9 });
  const addr = addAddress(m);
  await c.post('/cart/add', { product_id: p, quantity: 1 });
  let r = await c.post('/checkout', { address_id: addr });
  assert.equal(r.status, 303, flash(r.html));
  const no = r.location.split('/')[2];
  const pending = await placeNow(c, makeProduct({ points: 50 }), 1);
  const code = await sendCode(c, no, m);
  assert.equal((await c.post(`/order/${no}/pay`, { code })).status, 303);
  let list = await c.get('/orders?status=pending');
  assert.equal(list.status, 200);
  assert.match(list.html, new RegExp(pending));
  assert.doesNotMatch(list.html, new RegExp(no));
  list = await c.get('/orders');
  assert.match(list.html, new RegExp(pending));
  assert.match(list.html, new RegExp(no));
  for (const bad of ['?status=lost', '?page=0', '?page=x', '?status=paid&status=all']) {
    assert.equal((await c.get(`/orders${bad}`)).status, 400, bad);
  }
  mallctl('order-ship', no, '顺丰速运', 'SF1234567890');
  mallctl('order-event', no, '【深圳】快件已到达南山营业点');
  let detail = await c.get(`/order/${no}`);
  assert.match(detail.html, /顺丰速运/);
  assert.match(detail.html, /SF1234567890/);
  assert.match(detail.html, /快件已到达南山营业点/);
  assert.match(detail.html, /确认收货/);
  r = await c.post(`/order/${no}/receive`, {});
  assert.equal(r.status, 303);
  assert.equal(orderStatus(no), 'completed');
  detail = await c.get(`/order/${no}?done=received`);
  const item = sql(`SELECT i.id FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.order_no = ${q(no)}`);
  assert.match(detail.html, new RegExp(`href="/review/new\\?item=${item}"`));
  r = await c.post(`/order/${no}/receive`, {});
  assert.equal(r.status, 409, 'twice');
  r = await c.post(`/order/${no}/cancel`, { confirm: 1 });
  assert.equal(r.status, 409, 'a completed order cannot be cancelled');
  assert.equal(orderStatus(no), 'completed');
  checkLedger();
});
