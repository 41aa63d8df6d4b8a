// monitor-role.test.mjs: the read-only `monitor` role (F1) for the client's representatives — it sees the dashboard and
// the monitor pages and nothing else; every write is refused (403), even a POST carrying its own valid CSRF token, and
// nothing changes; a super admin creates such an account from the admin form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql } from './lib/stack.mjs';
import { adminClient, adminPost, adminLogin, ADMIN_PASSWORD } from './lib/admin.mjs';
import { Client } from './lib/client.mjs';
import { makeProduct } from './lib/shop.mjs';
import { makeActivity } from './lib/guards.mjs';
import { makeMembers, memberId, balance } from './lib/members.mjs';

test('the monitor role reads the monitor and is refused every other page and every write, with a valid CSRF token too', async () => {
  const p = makeProduct({ points: 50, stock: 10 });
  const a = makeActivity([p], { budget: 5000 });
  const [m] = makeMembers(1, 100);
  const mid = memberId(m);
  const { c } = await adminClient('monitor');

  // What it may read.
  for (const path of ['/admin/', '/admin/monitor', '/admin/monitor/wall', `/admin/monitor/${a}/minutes.csv`])
    assert.equal((await c.get(path)).status, 200, path);
  // Its menu: the dashboard and the monitor only.
  const home = await c.get('/admin/');
  const nav = home.html.slice(home.html.indexOf('<nav class="admin-nav"'), home.html.indexOf('</nav>'));
  assert.deepEqual([...nav.matchAll(/href="([^"]+)"/g)].map((x) => x[1]), ['/admin/', '/admin/monitor']);
  assert.match(home.html, /监控\(只读\)/);
  // The monitor page offers nothing that writes (its only form is signing out, in the header).
  const mon = await c.get('/admin/monitor');
  assert.equal((mon.html.match(/<form /g) || []).length, 1);
  assert.match(mon.html, /action="\/admin\/logout"/);
  assert.doesNotMatch(mon.html, /\/settings"/);

  // Every other back-office page: 403.
  for (const path of ['/admin/switch', '/admin/products', '/admin/products/new', '/admin/activities', `/admin/activities/${a}`,
    '/admin/orders', '/admin/members', `/admin/members/${mid}`, '/admin/merchants', '/admin/reports', '/admin/sms',
    '/admin/blacklist', '/admin/admins', '/admin/audit', '/admin/settlements', `/admin/monitor/${a}/settings`])
    assert.equal((await c.get(path)).status, 403, path);

  // Writes with the session's own valid token (taken from a page it may open): 403, and nothing changes.
  const token = (await c.get('/admin/monitor')).html.match(/name="csrf" value="([^"]+)"/)[1];
  assert.ok(token);
  const writes = [
    ['/admin/switch/pause', { activity_id: a, reason: 'x', confirm: 1 }],
    ['/admin/switch/pause', { reason: 'x', confirm: 1 }],
    ['/admin/switch/resume', {}],
    [`/admin/monitor/${a}/settings`, { surge_pct: 0, surge_minutes: 5, surge_min_orders: 0, budget_pct: 0, on_trip: 0, duty_mobiles: '' }],
    ['/admin/monitor/alerts/1/ack', {}],
    [`/admin/members/${mid}/grant`, { amount: 1000, reason: 'x', expires: '2030-12-31' }],
    [`/admin/members/${mid}/freeze`, { reason: 'x' }],
    [`/admin/products/${p}/shelf`, { on_shelf: 0 }],
    [`/admin/activities/${a}/delete`, {}],
    ['/admin/admins', { username: `mon${randomInt(1e6)}`, role: 'super', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD }],
    ['/admin/blacklist', { kind: 'ip', value: '10.0.0.1', reason: 'x' }],
    ['/admin/settlements/run', { month: '2026-01' }],
  ];
  for (const [path, form] of writes) {
    const r = await c.request('POST', path, { csrf: token, ...form });
    assert.equal(r.status, 403, `POST ${path}`);
  }
  assert.equal(sql(`SELECT CONCAT(paused, ' ', (SELECT paused FROM mall_switch)) FROM activities WHERE id = ${a}`), '0 0');
  assert.equal(sql(`SELECT COUNT(*) FROM monitor_settings WHERE activity_id = ${a}`), '0');
  assert.equal(balance(m), 100);
  assert.equal(sql(`SELECT CONCAT(status, ' ', (SELECT on_shelf FROM products WHERE id = ${p})) FROM members WHERE id = ${mid}`), 'active 1');
  assert.equal(sql(`SELECT COUNT(*) FROM activities WHERE id = ${a}`), '1');
  // The token was valid: signing out with it works.
  assert.equal((await c.request('POST', '/admin/logout', { csrf: token })).status, 303);
});

test('a super admin creates a monitor account from the admin form; it signs in and lands on the dashboard', async () => {
  const { c: sup } = await adminClient('super');
  const form = await sup.get('/admin/admins');
  assert.match(form.html, /<option value="monitor"[^>]*>监控\(只读\)<\/option>/);
  const username = `client${randomInt(1e6)}`;
  const r = await adminPost(sup, '/admin/admins', { username, role: 'monitor', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD }, '/admin/admins');
  assert.equal(r.posted?.status ?? r.status, 303);
  assert.equal(sql(`SELECT role FROM admins WHERE username = '${username}'`), 'monitor');
  const c = new Client();
  await adminLogin(c, username);
  assert.equal((await c.get('/admin/')).status, 200);
  assert.equal((await c.get('/admin/monitor/wall')).status, 200);
  assert.equal((await c.get('/admin/products')).status, 403);
  // The demo data has one too (README: demo accounts).
  const demo = new Client();
  await adminLogin(demo, 'monitor');
  assert.equal((await demo.get('/admin/monitor')).status, 200);
  assert.equal((await demo.get('/admin/switch')).status, 403);
});
