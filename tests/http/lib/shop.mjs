// shop.mjs: products made with SQL, and orders placed and paid through the storefront's own HTTP flow.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, q } from './stack.mjs';
import { flash } from './client.mjs';
import { lastCode } from './members.mjs';

// A product of its own (initial stock = stock, so the stock invariant holds).
export function makeProduct({ type = 'virtual', points = 100, stock = 10, limit = 0, onShelf = 1, name = 'shop test' } = {}) {
  sql(`INSERT INTO products (type, category_id, name_zh, name_en, description_zh, description_en, points_price, stock,
         initial_stock, per_member_limit, on_shelf)
       SELECT '${type}', MIN(id), '${name} ${randomInt(1e6)}', '', '', '', ${points}, ${stock}, ${stock}, ${limit}, ${onShelf} FROM categories`);
  const id = Number(sql('SELECT MAX(id) FROM products'));
  // Indexed like a product the back office adds, so storefront searches keep finding what they list.
  sql(`REPLACE INTO product_search (product_id, title, body) SELECT id, name_zh, '' FROM products WHERE id = ${id}`);
  return id;
}

// Buy now → pending order number.
export async function placeNow(c, productId, quantity = 1, extra = {}) {
  const r = await c.post('/checkout/now', { product_id: productId, quantity, confirm: 1, ...extra });
  assert.equal(r.status, 303, `checkout/now: ${r.status} ${flash(r.html)}`);
  const no = (r.location.match(/\/order\/(P\d{16})\/pay$/) || [])[1];
  assert.ok(no, `unexpected redirect ${r.location}`);
  return no;
}
// Has the payment code of order no texted to m → the code.
export async function sendCode(c, no, m) {
  const r = await c.post(`/order/${no}/code`, {});
  assert.equal(r.status, 200, `code: ${flash(r.html)}`);
  return lastCode(m);
}
// Pays order no with the code texted to m (303 and status paid asserted).
export async function payOrder(c, m, no) {
  const code = await sendCode(c, no, m);
  const r = await c.post(`/order/${no}/pay`, { code });
  assert.equal(r.status, 303, `pay ${no}: ${flash(r.html)}`);
  assert.equal(orderStatus(no), 'paid');
  return r;
}
// Buys now and pays → the paid order's number.
export async function buyNow(c, m, productId, quantity = 1, extra = {}) {
  const no = await placeNow(c, productId, quantity, extra);
  await payOrder(c, m, no);
  return no;
}
export const orderStatus = (no) => sql(`SELECT status FROM orders WHERE order_no = ${q(no)}`);
