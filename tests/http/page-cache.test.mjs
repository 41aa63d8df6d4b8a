// page-cache.test.mjs: pages served from the per-process caches stay right for each visitor — a member's
// cached page shows that member and carries that session's CSRF token; a balance change, a sign-out or a
// catalog change shows at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mallctl, sql } from './lib/stack.mjs';
import { Client, csrfOf, headerPoints } from './lib/client.mjs';
import { makeMembers } from './lib/members.mjs';
import { makeProduct } from './lib/shop.mjs';

const masked = (m) => `${m.slice(0, 3)}****${m.slice(-4)}`;

// Several processes serve the stack: ask often enough that every one has the page cached.
async function many(c, path, n = 12) {
  const pages = [];
  for (let i = 0; i < n; i++) pages.push(await c.get(path));
  return pages;
}

test('two members on the same cached page each see themselves and get their own CSRF token', async () => {
  const [ma, mb] = makeMembers(2, 500);
  const a = new Client(), b = new Client();
  await a.login(ma);
  await b.login(mb);
  // Warm every process for both sessions, then alternate: a shared cache entry would show up here.
  await many(a, '/products');
  await many(b, '/products');
  const pa = [], pb = [];
  for (let i = 0; i < 12; i++) { pa.push(await a.get('/products')); pb.push(await b.get('/products')); }
  for (const p of pa) { assert.equal(p.status, 200); assert.ok(p.html.includes(masked(ma))); assert.ok(!p.html.includes(masked(mb))); }
  for (const p of pb) { assert.equal(p.status, 200); assert.ok(p.html.includes(masked(mb))); assert.ok(!p.html.includes(masked(ma))); }
  const ta = new Set(pa.map((p) => csrfOf(p.html))), tb = new Set(pb.map((p) => csrfOf(p.html)));
  assert.equal(ta.size, 1, 'one token per session, on every copy of the page');
  assert.equal(tb.size, 1);
  assert.notEqual([...ta][0], [...tb][0]);
  assert.ok(/^[0-9a-f]{64}$/.test([...ta][0]));
  // The token from a cached page works for a POST.
  const r = await a.request('POST', '/favorites/add', { csrf: [...ta][0], product_id: makeProduct({ points: 1, stock: 1 }) });
  assert.equal(r.status, 303);
});

test('a balance change, a sign-out and a catalog change show at once on cached pages', async () => {
  const [m] = makeMembers(1, 500);
  const c = new Client();
  await c.login(m);
  for (const p of await many(c, '/')) assert.equal(headerPoints(p.html), 500);
  // Through the ledger (another process), not SQL: the member's generation must drop its cached pages.
  mallctl('grant-points', m, '250', '2030-12-31', 'page cache test');
  for (const p of await many(c, '/')) assert.equal(headerPoints(p.html), 750, 'every process shows the new balance');
  const id = makeProduct({ points: 7, stock: 3, name: 'pagecache' });
  for (const p of await many(c, `/product/${id}`, 4)) assert.equal(p.status, 200);
  sql(`UPDATE products SET on_shelf = 0 WHERE id = ${id}`); // sql() tells the caches, as the back office does
  for (const p of await many(c, `/product/${id}`)) assert.equal(p.status, 404, 'off the shelf at once');
  // Signing out ends the session in every process, even for a copy of the old cookie.
  const sid = c.jar.get('member_sid');
  const form = (await c.get('/account')).html;
  assert.equal((await c.request('POST', '/logout', { csrf: csrfOf(form) })).status, 303);
  const old = new Client();
  old.jar.set('member_sid', sid);
  for (const p of await many(old, '/')) assert.ok(!p.html.includes(masked(m)), 'signed out everywhere');
});
