// app-nodes.test.mjs: two app nodes on one database (the test stack and a second lighttpd + FastCGI node with its own
// var/run, lib/node.mjs) — what one node's back office or member does reaches the other node's per-process caches:
// sign-out, freeze and password change before that member's next request there; a balance change at once; a pause
// refuses the next payment at once and shows its banner within a second; a catalog edit and a blacklist entry within
// a second (README: Caches across app nodes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VAR, sql } from './lib/stack.mjs';
import { Client, csrfOf, flash, headerPoints } from './lib/client.mjs';
import { makeMembers, memberId, skipCooldown, balance } from './lib/members.mjs';
import { makeProduct, placeNow, sendCode, orderStatus } from './lib/shop.mjs';
import { adminClient, adminPost } from './lib/admin.mjs';
import { makeActivity } from './lib/guards.mjs';
import { startNode, onNode } from './lib/node.mjs';

// The bound for what is not tied to a session (catalog, blacklist, the pause banner on anonymous pages): every process
// reads the database's counters at most once a second, so any request starting a second after the commit sees it.
const BOUND_MS = 1000;
const masked = (m) => `${m.slice(0, 3)}****${m.slice(-4)}`;

let node2;
before(async () => { node2 = await startNode({ procs: 2 }); });
after(async () => { await node2?.stop(); });

// Asks often enough that every process of the node has answered (and cached) it.
async function many(c, p, n = 8) {
  const pages = [];
  for (let i = 0; i < n; i++) pages.push(await c.get(p));
  return pages;
}
// Checks out the whole cart (virtual products: no address) → the pending order's number.
async function placeCart(c) {
  const r = await c.post('/checkout', { remark: '' });
  assert.equal(r.status, 303, flash(r.html));
  return r.location.match(/^\/order\/(P\d{16})\/pay$/)[1];
}
const signedInAs = (page, m) => page.status === 200 && page.html.includes(masked(m));

test('the second node is another machine: its own run directory and generations file', async () => {
  assert.notEqual(node2.dir, VAR);
  await many(new Client(undefined, node2.base), '/');
  assert.ok(fs.existsSync(path.join(node2.dir, 'run', 'generations')), 'node 2 maps its own file');
  assert.ok(fs.readdirSync(path.join(node2.dir, 'run')).some((f) => f.startsWith('mall.sock')), 'node 2 runs its own FastCGI processes');
  assert.notEqual(fs.realpathSync(path.join(node2.dir, 'run')), fs.realpathSync(path.join(VAR, 'run')));
});

test('signed out on node 1: the old cookie is refused on node 2 at its very next request', async () => {
  const [m] = makeMembers(1, 300);
  const c1 = new Client();
  await c1.login(m);
  const c2 = onNode(c1, node2);
  // Node 2's processes hold the session (and the signed-in home page) in their caches.
  for (const p of await many(c2, '/')) assert.ok(signedInAs(p, m), 'signed in on node 2');
  for (const p of await many(c2, '/account')) assert.equal(p.status, 200);
  const sid = c1.cookie('member_sid');
  const slot = () => BigInt(sql(`SELECT gen FROM cache_generations WHERE id = 10000 + ${memberId(m)} % 4096`));
  const before = slot();
  const form = await c1.get('/account');
  assert.equal((await c1.request('POST', '/logout', { csrf: csrfOf(form.html) })).status, 303);
  assert.ok(slot() > before, 'the sign-out raised the member\'s session slot (not a row every sign-out shares)');
  const old = new Client(undefined, node2.base);
  old.jar.set('member_sid', sid);
  for (const p of await many(old, '/account')) {
    assert.equal(p.status, 303, 'members-only page refused on node 2');
    assert.match(p.location, /^\/login/);
  }
  for (const p of await many(old, '/')) assert.ok(!p.html.includes(masked(m)), 'node 2 no longer shows the member');
});

test('frozen in the back office on node 1: the member is refused on node 2 at the next request', async () => {
  const [m] = makeMembers(1, 300);
  const c2 = new Client(undefined, node2.base);
  await c2.login(m);
  for (const p of await many(c2, '/account')) assert.equal(p.status, 200);
  for (const p of await many(c2, '/')) assert.ok(signedInAs(p, m));
  const { c: ops } = await adminClient('ops');
  const id = memberId(m);
  const r = await adminPost(ops, `/admin/members/${id}/freeze`, { status_reason: '多节点测试' }, `/admin/members/${id}`);
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(sql(`SELECT status FROM members WHERE id = ${id}`), 'frozen');
  for (const p of await many(c2, '/account')) assert.equal(p.status, 303, 'refused on node 2');
  const again = new Client(undefined, node2.base);
  const page = await again.get('/login');
  const signin = await again.request('POST', '/login', { csrf: csrfOf(page.html), mobile: m, password: 'Demo@2026' });
  assert.notEqual(signin.status, 303, 'a frozen member cannot sign in on node 2 either');
});

test('password changed on node 1: the member\'s other session is refused on node 2 at the next request', async () => {
  const [m] = makeMembers(1, 300);
  const a = new Client(), b = new Client(undefined, node2.base);
  await a.login(m);
  await b.login(m);
  for (const p of await many(b, '/account')) assert.equal(p.status, 200);
  const r = await a.submit('/account/password', '/account/password', { current: 'Demo@2026', password: 'Nodes-2026x', confirm: 'Nodes-2026x' });
  assert.equal(r.status, 303, flash(r.html));
  for (const p of await many(b, '/account')) assert.equal(p.status, 303, 'the other session is refused on node 2');
  for (const p of await many(b, '/')) assert.ok(!p.html.includes(masked(m)));
  // The session the change gave node 1's browser works on node 2 too.
  for (const p of await many(onNode(a, node2), '/account')) assert.equal(p.status, 200);
});

test('points granted on node 1: node 2 shows the new balance at the member\'s next request', async () => {
  const [m] = makeMembers(1, 500);
  const c2 = new Client(undefined, node2.base);
  await c2.login(m);
  for (const p of await many(c2, '/')) assert.equal(headerPoints(p.html), 500);
  const { c: ops } = await adminClient('ops');
  const id = memberId(m);
  const r = await adminPost(ops, `/admin/members/${id}/grant`, { grant_amount: '300', grant_expires: '2031-06-30', grant_reason: '多节点测试' },
    `/admin/members/${id}`);
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(balance(m), 800);
  for (const p of await many(c2, '/')) assert.equal(headerPoints(p.html), 800, 'every process of node 2');
});

// The payment raises the member's balance slot in its last stock statement (not one of its own before COMMIT): node 2
// must still learn of the spend at once, for a one-line order and for two lines (only the last line's statement raises).
test('an order paid on node 1: node 2 shows the lower balance at the member\'s next request', async () => {
  const [m] = makeMembers(1, 1000);
  const c1 = new Client(), c2 = new Client(undefined, node2.base);
  await c1.login(m);
  await c2.login(m);
  for (const p of await many(c2, '/')) assert.equal(headerPoints(p.html), 1000);
  const slot = () => BigInt(sql(`SELECT gen FROM cache_generations WHERE id = 1000 + ${memberId(m)} % 4096`));
  const p1 = makeProduct({ points: 120, stock: 5 }), p2 = makeProduct({ points: 80, stock: 5 });
  let before = slot();
  const one = await placeNow(c1, p1);
  skipCooldown(m);
  let r = await c1.post(`/order/${one}/pay`, { code: await sendCode(c1, one, m) });
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(orderStatus(one), 'paid');
  assert.ok(slot() > before, 'the payment raised the member\'s balance slot');
  for (const p of await many(c2, '/')) assert.equal(headerPoints(p.html), 880, 'every process of node 2');
  for (const id of [p1, p2]) assert.equal((await c1.post('/cart/add', { product_id: id, quantity: 1 })).status, 303);
  const two = await placeCart(c1);
  before = slot();
  skipCooldown(m);
  r = await c1.post(`/order/${two}/pay`, { code: await sendCode(c1, two, m) });
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(orderStatus(two), 'paid');
  assert.ok(slot() > before, 'the two-line payment raised the slot');
  assert.equal(sql(`SELECT CONCAT(stock, '/', sales) FROM products WHERE id IN (${p1}, ${p2}) ORDER BY id`), '3/2\n4/1');
  for (const p of await many(c2, '/')) assert.equal(headerPoints(p.html), 680, 'every process of node 2');
});

test('an activity paused on node 1: node 2 refuses its next payment at once and shows the banner within a second', async () => {
  const p = makeProduct({ points: 100, stock: 20 });
  const a = makeActivity([p]);
  const [m] = makeMembers(1, 5000);
  const c2 = new Client(undefined, node2.base);
  await c2.login(m);
  const pending = await placeNow(c2, p, 1);
  const code = await sendCode(c2, pending, m);
  const anon2 = new Client(undefined, node2.base);
  for (const pg of await many(anon2, '/')) assert.doesNotMatch(pg.html, /多节点暂停/);
  for (const pg of await many(c2, '/')) assert.doesNotMatch(pg.html, /多节点暂停/);
  const { c: ops } = await adminClient('ops');
  const done = await adminPost(ops, '/admin/switch/pause', { activity_id: a, reason: '多节点暂停', confirm: 1 }, '/admin/switch');
  assert.equal(done.status, 303, flash(done.html));
  const t0 = Date.now();
  try {
    const refused = await c2.post(`/order/${pending}/pay`, { code });
    assert.equal(refused.status, 409, 'the next payment on node 2 is refused');
    assert.match(flash(refused.html), /多节点暂停/);
    assert.equal(orderStatus(pending), 'pending');
    assert.equal(balance(m), 5000);
    await sleep(Math.max(0, BOUND_MS - (Date.now() - t0)));
    for (const pg of await many(anon2, '/')) assert.match(pg.html, /guard-banner[\s\S]*多节点暂停/, 'anonymous pages on node 2');
    for (const pg of await many(c2, '/')) assert.match(pg.html, /guard-banner[\s\S]*多节点暂停/, 'the member\'s pages on node 2');
  } finally {
    assert.equal((await adminPost(ops, '/admin/switch/resume', { activity_id: a }, '/admin/switch')).status, 303);
  }
  await sleep(BOUND_MS);
  for (const pg of await many(anon2, '/')) assert.doesNotMatch(pg.html, /多节点暂停/, 'resumed on node 2 too');
  skipCooldown(m);
  const ok = await c2.post(`/order/${pending}/pay`, { code: await sendCode(c2, pending, m) });
  assert.equal(ok.status, 303, flash(ok.html));
  assert.equal(orderStatus(pending), 'paid');
});

test('a product edited on node 1: node 2\'s cached pages show the new title and price within a second', async () => {
  const id = makeProduct({ points: 123, stock: 5, name: 'nodes before' });
  const anon2 = new Client(undefined, node2.base);
  for (const pg of await many(anon2, `/product/${id}`)) {
    assert.equal(pg.status, 200);
    assert.match(pg.html, /class="price"><strong>123<\/strong>/);
  }
  const { c: admin } = await adminClient('super');
  await admin.get(`/admin/products/${id}`);
  const title = `多节点改名 ${id}`;
  const edited = await admin.multipart(`/admin/products/${id}`, {
    type: 'virtual', category_id: sql(`SELECT category_id FROM products WHERE id = ${id}`), name_zh: title, name_en: '',
    points_price: '456', cash_price: '', stock: '5', stock_was: '5', per_member_limit: '0', on_shelf: '1',
  });
  assert.equal(edited.status, 303, flash(edited.html));
  assert.equal(sql(`SELECT CONCAT(points_price, ' ', name_zh) FROM products WHERE id = ${id}`), `456 ${title}`);
  await sleep(BOUND_MS);
  for (const pg of await many(anon2, `/product/${id}`)) {
    assert.match(pg.html, /class="price"><strong>456<\/strong>/, 'the new price on node 2');
    assert.ok(pg.html.includes(title), 'the new title on node 2');
  }
});

test('a blacklist entry added on node 1 blocks sign-in on node 2 within a second', async () => {
  const [m] = makeMembers(1, 0);
  // Node 2's processes have read the list (a sign-in checks it).
  for (let i = 0; i < 4; i++) await new Client(undefined, node2.base).login(m);
  const { c: ops } = await adminClient('ops');
  const r = await ops.post('/admin/blacklist', { kind: 'mobile', value: m, reason: '多节点测试' }, '/admin/blacklist');
  assert.equal(r.status, 303, flash(r.html));
  await sleep(BOUND_MS);
  for (let i = 0; i < 4; i++) {
    const c = new Client(undefined, node2.base);
    const page = await c.get('/login');
    const refused = await c.request('POST', '/login', { csrf: csrfOf(page.html), mobile: m, password: 'Demo@2026' });
    assert.equal(refused.status, 403, 'blocked on node 2');
  }
});

// Statements the database has been sent so far (every client's, prepared or not).
const statements = () => Number(sql("SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('QUESTIONS', 'COM_STMT_EXECUTE')"));

test('node 2 gone: node 1, alone again, serves cached signed-in pages without a read each, yet refuses a cookie signed out on node 2 before it left', async () => {
  const [m, k] = makeMembers(2, 300);
  const c1 = new Client();
  await c1.login(m);
  const k1 = new Client();
  await k1.login(k);
  for (const p of await many(c1, '/')) assert.ok(signedInAs(p, m), 'node 1 holds the member\'s session');
  await many(k1, '/');
  let before = statements();
  await many(k1, '/', 20);
  assert.ok(statements() - before >= 20, 'with node 2 listed, node 1 reads the counters at every signed-in request');
  // The member signs out on node 2; node 1 never sees that member again before node 2 leaves.
  const c2 = onNode(c1, node2);
  const form = await c2.get('/account');
  const sid = c1.cookie('member_sid');
  assert.equal((await c2.request('POST', '/logout', { csrf: csrfOf(form.html) })).status, 303);
  await node2.stop();
  node2 = undefined;
  // Node 2's row would be counted gone after 30 s without a refresh: age it instead of waiting.
  const self = fs.readFileSync(path.join(VAR, 'run', 'node-id'), 'utf8').trim();
  assert.match(self, /^[0-9a-f]{32}$/);
  sql(`UPDATE app_nodes SET seen_at = NOW(3) - INTERVAL 1 MINUTE WHERE node <> '${self}'`, { flush: false });
  await sleep(1100);
  const old = new Client();
  old.jar.set('member_sid', sid);
  for (const p of await many(old, '/account')) {
    assert.equal(p.status, 303, 'refused on node 1, though node 1 had the session cached and is alone now');
    assert.match(p.location, /^\/login/);
  }
  for (const p of await many(k1, '/')) assert.ok(signedInAs(p, k));
  before = statements();
  await many(k1, '/', 40);
  assert.ok(statements() - before < 20, `alone, node 1 trusts its own counters (${statements() - before} statements for 40 pages)`);
});
