// tabbar.test.mjs: the phone tab bar's cart count (N5) is the member's and follows every change of the cart at once,
// on cached storefront pages as well: adding, changing, removing lines and ordering them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, memberId } from './lib/members.mjs';
import { makeProduct } from './lib/shop.mjs';

// The count on the tab bar's cart tab (0 when it shows none), and the same on the wide header's cart link.
const tabCount = (html) => {
  const tab = html.match(/<nav class="tabbar"[\s\S]*?<\/nav>/);
  assert.ok(tab, 'the page has the tab bar');
  assert.match(tab[0], /href="\/"[\s\S]*href="\/categories"[\s\S]*href="\/cart"[\s\S]*href="\/account"/, '首页 · 分类 · 购物车 · 我的');
  return Number((tab[0].match(/class="tabbar-badge"[^>]*>(\d+)/) || [0, 0])[1]);
};
const headerCount = (html) => Number((html.match(/class="header-cart-count">(\d+)/) || [0, 0])[1]);

// Several processes serve the stack: ask often enough that every one has the page cached.
async function counts(c, path, n = 8) {
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    const p = await c.get(path);
    assert.equal(p.status, 200);
    assert.equal(headerCount(p.html), tabCount(p.html), 'the header and the tab bar agree');
    seen.add(tabCount(p.html));
  }
  return [...seen];
}

test('the tab bar shows the cart count, changed at once on cached pages by every cart change', async () => {
  const [m] = makeMembers(1, 5000);
  const c = new Client();
  await c.login(m);
  const [a, b] = [makeProduct({ points: 10, stock: 9 }), makeProduct({ points: 20, stock: 9 })];
  assert.deepEqual(await counts(c, '/products'), [0], 'an empty cart shows no count');

  assert.equal((await c.post('/cart/add', { product_id: a, quantity: 2 })).status, 303);
  assert.deepEqual(await counts(c, '/products'), [1], 'every process shows the new line');
  assert.deepEqual(await counts(c, `/product/${b}`), [1]);
  assert.equal((await c.post('/cart/add', { product_id: b, quantity: 1 })).status, 303);
  assert.deepEqual(await counts(c, '/products'), [2]);
  assert.deepEqual(await counts(c, `/product/${b}`), [2], 'a page cached before the change is not served again');

  const line = sql(`SELECT id FROM cart_items WHERE member_id = ${memberId(m)} AND product_id = ${a}`);
  assert.equal((await c.post('/cart/remove', { line })).status, 303);
  assert.deepEqual(await counts(c, '/products'), [1]);

  // Ordering the cart's lines empties it.
  const r = await c.post('/checkout', {}, '/checkout');
  assert.equal(r.status, 303, flash(r.html));
  assert.deepEqual(await counts(c, '/products'), [0]);
  assert.deepEqual(await counts(c, `/product/${b}`), [0]);

  // A visitor's cached page has the tab bar, without a count.
  const visitor = new Client();
  assert.deepEqual(await counts(visitor, '/products'), [0]);
});
