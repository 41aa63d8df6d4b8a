// cart.test.mjs: the cart (C1) — add, bounds on quantity, select, remove, move to favorites, other members' lines, CSRF
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.mjs';
import { Client, flash, notice, fieldError } from './lib/client.mjs';
import { signedInMember } from './lib/members.mjs';
import { makeProduct } from './lib/shop.mjs';

const cartRows = (id) => sql(`SELECT product_id, quantity, selected FROM cart_items WHERE member_id = ${id} ORDER BY id`);
const lineId = (id, product) => Number(sql(`SELECT id FROM cart_items WHERE member_id = ${id} AND product_id = ${product}`));

test('anonymous visitors are sent to sign in, and nothing is added', async () => {
  const c = new Client();
  const page = await c.get('/cart');
  assert.equal(page.status, 303);
  assert.match(page.location, /^\/login\?next=%2Fcart/);
  const p = makeProduct();
  const r = await c.request('POST', '/cart/add', { product_id: p, quantity: 1 });
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/login\?next=/);
  assert.equal(sql(`SELECT COUNT(*) FROM cart_items WHERE product_id = ${p}`), '0');
});

test('add, see the line and totals, add again adds up, empty state after removing', async () => {
  const { c, id } = await signedInMember(5000);
  const p = makeProduct({ points: 120, stock: 50 });
  const empty = await c.get('/cart');
  assert.equal(empty.status, 200);
  assert.match(empty.html, /购物车还是空的/);
  let r = await c.post('/cart/add', { product_id: p, quantity: 2 });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/cart?done=added');
  r = await c.post('/cart/add', { product_id: p, quantity: 3 });
  assert.equal(r.status, 303);
  assert.equal(cartRows(id), `${p}\t5\t1`);
  const page = await c.get('/cart?done=added');
  assert.equal(page.status, 200);
  assert.equal(notice(page.html), '已加入购物车。');
  assert.match(page.html, new RegExp(`href="/product/${p}"`));
  assert.match(page.html, /name="quantity" value="5"/);
  assert.match(page.html, /class="cart-total">合计: <strong>600<\/strong>/);
  r = await c.post('/cart/remove', { line: lineId(id, p) });
  assert.equal(r.status, 303);
  assert.equal(cartRows(id), '');
  assert.match((await c.get('/cart')).html, /购物车还是空的/);
});

test('quantity is bounded by stock and the per-member limit, with clear messages', async () => {
  const { c, id } = await signedInMember();
  const p = makeProduct({ stock: 4 });
  let r = await c.post('/cart/add', { product_id: p, quantity: 5 });
  assert.equal(r.status, 400);
  assert.equal(fieldError(r.html, 'quantity'), '数量无效:请输入 1 到 4 之间的整数。', 'told on the product page');
  assert.equal(cartRows(id), '');
  const limited = makeProduct({ stock: 100, limit: 2 });
  assert.equal((await c.post('/cart/add', { product_id: limited, quantity: 2 })).status, 303);
  r = await c.post('/cart/add', { product_id: limited, quantity: 1 });
  assert.equal(r.status, 409);
  assert.match(fieldError(r.html, 'quantity'), /最大数量\(2 件\)/);
  r = await c.post('/cart/update', { line: lineId(id, limited), quantity: 3 });
  assert.equal(r.status, 400);
  assert.equal(flash(r.html), '数量无效:请输入 1 到 2 之间的整数。');
  // the −/+ buttons
  r = await c.post('/cart/update', { line: lineId(id, limited), quantity: 2, step: '-1' });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT quantity FROM cart_items WHERE id = ${lineId(id, limited)}`), '1');
  r = await c.post('/cart/update', { line: lineId(id, limited), quantity: 1, step: '-1' });
  assert.equal(r.status, 400, 'below 1 is refused');
  // bought before: the limit counts paid orders
  const soldOut = makeProduct({ stock: 0 });
  r = await c.post('/cart/add', { product_id: soldOut, quantity: 1 });
  assert.equal(r.status, 409);
  assert.equal(fieldError(r.html, 'quantity'), '很抱歉,该商品已售罄,暂时无法兑换。');
});

test('bad input on the cart forms: 0, negative, 10^12, non-numeric, empty, repeated → a message, never a change', async () => {
  const { c, id } = await signedInMember();
  const p = makeProduct({ stock: 30 });
  assert.equal((await c.post('/cart/add', { product_id: p, quantity: 1 })).status, 303);
  const line = lineId(id, p);
  for (const bad of ['0', '-1', '1000000000000', 'abc', '', '1.5', '１']) {
    let r = await c.post('/cart/add', { product_id: p, quantity: bad });
    assert.equal(r.status, 400, `add quantity=${JSON.stringify(bad)}`);
    assert.match(fieldError(r.html, 'quantity'), /请输入 1 到 29 之间的整数/);
    r = await c.post('/cart/update', { line, quantity: bad });
    assert.equal(r.status, 400, `update quantity=${JSON.stringify(bad)}`);
    assert.match(flash(r.html), /请输入 1 到 30 之间的整数/);
  }
  // a repeated field is refused, not merged
  const repeated = new URLSearchParams([['csrf', c.csrf], ['line', String(line)], ['quantity', '2'], ['quantity', '3']]);
  const r = await c.request('POST', '/cart/update', repeated);
  assert.equal(r.status, 400);
  assert.equal(sql(`SELECT quantity FROM cart_items WHERE id = ${line}`), '1');
  for (const badId of ['0', '-3', 'x', '99999999999999999999']) {
    assert.equal((await c.post('/cart/add', { product_id: badId, quantity: 1 })).status, 404, `product_id=${badId}`);
  }
  assert.equal((await c.post('/cart/add', { product_id: makeProduct({ onShelf: 0 }), quantity: 1 })).status, 404, 'off the shelf');
  assert.equal((await c.post('/cart/select', { selected: '2' })).status, 400);
});

test("someone else's cart line is a 404 and stays untouched; missing CSRF is a 403", async () => {
  const a = await signedInMember(), b = await signedInMember();
  const p = makeProduct({ stock: 20 });
  assert.equal((await a.c.post('/cart/add', { product_id: p, quantity: 2 })).status, 303);
  const line = lineId(a.id, p);
  for (const [action, form] of [['/cart/update', { line, quantity: 1 }], ['/cart/remove', { line }],
    ['/cart/select', { line, selected: 0 }], ['/cart/favorite', { line }]]) {
    const r = await b.c.post(action, form);
    assert.equal(r.status, 404, action);
    assert.doesNotMatch(r.html, new RegExp(`shop test`), `${action} leaks nothing`);
  }
  assert.equal(cartRows(a.id), `${p}\t2\t1`);
  assert.equal(sql(`SELECT COUNT(*) FROM favorites WHERE member_id = ${b.id}`), '0');
  for (const action of ['/cart/add', '/cart/update', '/cart/remove', '/cart/select', '/cart/favorite']) {
    const r = await a.c.request('POST', action, { product_id: p, line, quantity: 1, selected: 0 });
    assert.equal(r.status, 403, action);
  }
  assert.equal(cartRows(a.id), `${p}\t2\t1`);
});

test('select lines (one and all) changes the totals; move to favorites', async () => {
  const { c, id } = await signedInMember();
  const p1 = makeProduct({ points: 100 }), p2 = makeProduct({ points: 250 });
  await c.post('/cart/add', { product_id: p1, quantity: 1 });
  await c.post('/cart/add', { product_id: p2, quantity: 2 });
  let page = await c.get('/cart');
  assert.match(page.html, /合计: <strong>600<\/strong>/);
  assert.equal((await c.post('/cart/select', { line: lineId(id, p2), selected: 0 })).status, 303);
  page = await c.get('/cart');
  assert.match(page.html, /合计: <strong>100<\/strong>/);
  assert.match(page.html, /aria-pressed="false"/);
  assert.equal((await c.post('/cart/select', { selected: 0 })).status, 303);
  assert.match((await c.get('/cart')).html, /合计: <strong>0<\/strong>/);
  const checkout = await c.get('/checkout');
  assert.equal(checkout.status, 303, 'nothing selected: back to the cart');
  assert.equal(checkout.location, '/cart?done=empty');
  assert.equal((await c.post('/cart/select', { selected: 1 })).status, 303);
  assert.match((await c.get('/cart')).html, /合计: <strong>600<\/strong>/);
  const r = await c.post('/cart/favorite', { line: lineId(id, p1) });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/cart?done=favorited');
  assert.equal(sql(`SELECT COUNT(*) FROM favorites WHERE member_id = ${id} AND product_id = ${p1}`), '1');
  assert.equal(cartRows(id), `${p2}\t2\t1`);
});

test('the cart is kept server-side across sessions', async () => {
  const { m, c, id } = await signedInMember();
  const p = makeProduct();
  await c.post('/cart/add', { product_id: p, quantity: 3 });
  const other = new Client();
  await other.login(m);
  const page = await other.get('/cart');
  assert.match(page.html, new RegExp(`href="/product/${p}"`));
  assert.match(page.html, /name="quantity" value="3"/);
  assert.equal(sql(`SELECT COUNT(*) FROM cart_items WHERE member_id = ${id}`), '1');
});

test('a visitor who signs in from an interrupted add lands on the cart, not on an error', async () => {
  const { c } = await signedInMember();
  const r = await c.get('/cart/add');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/cart');
});
