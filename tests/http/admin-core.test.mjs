// admin-core.test.mjs: back-office sign-in/out and throttling, cookie separation from the storefront, the dashboard,
// admin accounts (create / disable / enable / reset, all audited) and the read-only audit log (B1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, memberId } from './lib/members.mjs';
import { makeProduct } from './lib/shop.mjs';
import { ADMIN_PASSWORD, adminClient, adminLogin, adminPost, makeAdmin, auditOf } from './lib/admin.mjs';

// A sign-in attempt (the CSRF token of the sign-in page, or of the last page seen).
const tryLogin = (c, username, password) => c.post('/admin/login', { username, password }, '/admin/login');

test('sign in, see the dashboard, sign out; the session is gone afterwards', async () => {
  const a = makeAdmin('ops');
  const c = new Client();
  const anon = await c.get('/admin/');
  assert.equal(anon.status, 303);
  assert.match(anon.location, /^\/admin\/login\?next=%2Fadmin%2F/);
  const r = await adminLogin(c, a.username);
  assert.equal(r.location, '/admin/');
  assert.ok(c.jar.get('admin_sid'), 'admin session cookie set');
  assert.ok(!c.jar.has('mall_member_sid'), 'no storefront session');
  const dash = await c.get('/admin/');
  assert.equal(dash.status, 200);
  assert.match(dash.html, new RegExp(`<strong>${a.username}</strong>`));
  assert.match(dash.html, /action="\/admin\/logout"/);
  const sid = c.jar.get('admin_sid');
  const out = await adminPost(c, '/admin/logout', {});
  assert.equal(out.status, 303);
  assert.equal(out.location, '/admin/login');
  // Replaying the old cookie does not sign anyone in.
  c.jar.set('admin_sid', sid);
  assert.equal((await c.get('/admin/')).status, 303);
});

test('wrong password and unknown username get the same message and no session', async () => {
  const a = makeAdmin('ops');
  const c = new Client();
  const bad = await tryLogin(c, a.username, 'Wrong@2026x');
  const unknown = await tryLogin(c, `nobody${randomInt(1e9)}`, 'Wrong@2026x');
  for (const r of [bad, unknown]) {
    assert.equal(r.status, 200);
    assert.equal(flash(r.html), '用户名或密码错误');
    assert.ok(!c.jar.has('admin_sid'));
  }
  // Empty fields are messages next to the fields, not errors.
  const empty = await tryLogin(c, '', '');
  assert.equal(empty.status, 200);
  assert.match(empty.html, /class="field-error"/);
});

test('after next: only back-office paths, never elsewhere', async () => {
  const a = makeAdmin('super');
  const c = new Client();
  await c.get('/admin/login?next=%2Fadmin%2Fadmins');
  let r = await c.request('POST', '/admin/login', { csrf: c.csrf, username: a.username, password: ADMIN_PASSWORD, next: '/admin/admins' });
  assert.equal(r.location, '/admin/admins');
  const d = new Client();
  await d.get('/admin/login');
  r = await d.request('POST', '/admin/login', { csrf: d.csrf, username: a.username, password: ADMIN_PASSWORD, next: '//evil.example/x' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/admin/');
});

test('five failures lock the username for 15 minutes, even with the right password; others are unaffected', async () => {
  const a = makeAdmin('ops');
  const b = makeAdmin('ops');
  for (let i = 0; i < 5; i++) {
    const c = new Client(); // a different source address each time: the per-username limit decides
    assert.equal((await tryLogin(c, a.username, `Wrong@${i}xxxxx`)).status, 200);
  }
  const c = new Client();
  const locked = await tryLogin(c, a.username, ADMIN_PASSWORD);
  assert.equal(locked.status, 429);
  assert.match(flash(locked.html), /15 分钟/);
  assert.ok(!c.jar.has('admin_sid'));
  await adminLogin(new Client(), b.username);
});

test('twenty failures from one address lock that address for every username', async () => {
  const c = new Client();
  for (let i = 0; i < 20; i++) {
    const r = await tryLogin(c, `ghost${randomInt(1e9)}`, 'Wrong@2026x');
    assert.equal(r.status, 200, `attempt ${i + 1}`);
  }
  const a = makeAdmin('ops');
  const locked = await tryLogin(c, a.username, ADMIN_PASSWORD);
  assert.equal(locked.status, 429);
  assert.ok(!c.jar.has('admin_sid'));
  await adminLogin(new Client(), a.username); // another address still signs in
});

test('a disabled admin cannot sign in', async () => {
  const a = makeAdmin('finance');
  sql(`UPDATE admins SET status = 'disabled' WHERE id = ${a.id}`);
  const c = new Client();
  const r = await tryLogin(c, a.username, ADMIN_PASSWORD);
  assert.equal(r.status, 200);
  assert.match(flash(r.html), /已停用/);
  assert.ok(!c.jar.has('admin_sid'));
});

test('cookies are separate: a member session does not open the back office, an admin session does not sign in on the mall', async () => {
  const [m] = makeMembers(1);
  const member = new Client();
  await member.login(m);
  assert.equal((await member.get('/account')).status, 200);
  const r = await member.get('/admin/');
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/admin\/login/);
  // The member's token presented as an admin token is still nobody.
  const forged = new Client();
  forged.jar.set('admin_sid', member.jar.get('mall_member_sid'));
  assert.equal((await forged.get('/admin/')).status, 303);

  const { c: admin } = await adminClient('super');
  assert.equal((await admin.get('/admin/')).status, 200);
  const acc = await admin.get('/account');
  assert.equal(acc.status, 303);
  assert.match(acc.location, /^\/login/);
  const forged2 = new Client();
  forged2.jar.set('mall_member_sid', admin.jar.get('admin_sid'));
  assert.equal((await forged2.get('/account')).status, 303);
});

test('missing or wrong CSRF token → 403 and nothing written', async () => {
  const { c } = await adminClient('super');
  const name = `csrf${randomInt(1e9)}`;
  for (const csrf of [undefined, '0'.repeat(64)]) {
    const form = { username: name, role: 'ops', password: 'Longenough@1', confirm: 'Longenough@1' };
    if (csrf) form.csrf = csrf;
    const r = await c.request('POST', '/admin/admins', form);
    assert.equal(r.status, 403);
  }
  assert.equal(sql(`SELECT COUNT(*) FROM admins WHERE username = '${name}'`), '0');
  const out = await c.request('POST', '/admin/logout', {});
  assert.equal(out.status, 403);
  assert.equal((await c.get('/admin/')).status, 200, 'still signed in');
  // The sign-in form needs its token too.
  const d = new Client();
  assert.equal((await d.request('POST', '/admin/login', { username: 'admin', password: ADMIN_PASSWORD })).status, 403);
});

// The number shown next to a label on the dashboard.
const stat = (html, label) => {
  const m = html.match(new RegExp(`stat-label">${label}</div>(?:<a[^>]*>|<div class="stat-value">)(\\d+)<`));
  assert.ok(m, `dashboard figure ${label}`);
  return Number(m[1]);
};
// Reads a figure and its SQL truth until both agree (other test files change the same tables meanwhile).
async function agrees(c, label, query) {
  let last;
  for (let i = 0; i < 5; i++) {
    const page = await c.get('/admin/');
    assert.equal(page.status, 200);
    last = [stat(page.html, label), Number(sql(query))];
    if (last[0] === last[1]) return last[0];
  }
  assert.fail(`${label}: page ${last[0]} vs SQL ${last[1]}`);
}

test('dashboard figures follow the data', async () => {
  const { c } = await adminClient('moderator');
  const [m] = makeMembers(1);
  const mid = memberId(m);
  const msgQ = "SELECT COUNT(*) FROM messages WHERE status = 'pending'";
  const consQ = 'SELECT COUNT(*) FROM consultations WHERE answer IS NULL';
  const lowQ = 'SELECT COUNT(*) FROM products WHERE on_shelf = 1 AND stock <= 5';
  const ordersQ = 'SELECT COUNT(*) FROM orders WHERE created_at >= CURDATE()';
  await agrees(c, '待审核留言', msgQ);
  await agrees(c, '待回复咨询', consQ);
  await agrees(c, '今日下单', ordersQ);
  const lowBadge = async () => {
    for (let i = 0; i < 5; i++) {
      const page = await c.get('/admin/');
      const shown = Number(page.html.match(/id="low-stock-count">(\d+)</)[1]);
      if (shown === Number(sql(lowQ))) return page;
    }
    assert.fail('low-stock count disagrees with SQL');
  };
  await lowBadge();

  sql(`INSERT INTO messages (member_id, content) VALUES (${mid}, 'dashboard test 1'), (${mid}, 'dashboard test 2')`);
  const pid = makeProduct({ stock: 2, name: 'dash low stock' });
  sql(`INSERT INTO consultations (product_id, member_id, question) VALUES (${pid}, ${mid}, 'dashboard test?')`);
  // The new rows are counted: the page agrees with SQL, which includes them.
  await agrees(c, '待审核留言', msgQ);
  await agrees(c, '待回复咨询', consQ);
  const page = await lowBadge();
  // A role without catalog rights sees figures but no links into pages it cannot open.
  assert.doesNotMatch(page.html, /href="\/admin\/orders"/);
  assert.doesNotMatch(page.html, /href="\/admin\/admins"/);
  sql(`UPDATE products SET on_shelf = 0 WHERE id = ${pid}`);
});

test('navigation shows only what the role may open', async () => {
  const { c: sup } = await adminClient('super');
  const s = (await sup.get('/admin/')).html;
  assert.match(s, /<nav class="admin-nav"[\s\S]*href="\/admin\/admins"[\s\S]*<\/nav>/);
  assert.match(s, /href="\/admin\/audit"/);
  for (const role of ['ops', 'moderator', 'finance', 'enterprise']) {
    const { c } = await adminClient(role);
    const page = await c.get('/admin/');
    assert.equal(page.status, 200, role);
    assert.doesNotMatch(page.html, /href="\/admin\/admins"/, role);
    assert.doesNotMatch(page.html, /href="\/admin\/audit"/, role);
    // Every link in the nav opens for this role.
    const nav = page.html.match(/<nav class="admin-nav"[\s\S]*?<\/nav>/)[0];
    for (const [, href] of nav.matchAll(/href="([^"]+)"/g)) {
      let r = await c.get(href);
      if (r.status === 303) r = await c.get(r.location); // an index page that opens its first tab
      assert.equal(r.status, 200, `${role} ${href}`);
    }
    assert.equal((await c.get('/admin/admins')).status, 403, role);
    assert.equal((await c.get('/admin/audit')).status, 403, role);
  }
});

test('create, disable, enable and reset an admin: each write is audited with before → after', async () => {
  const { c, admin: boss } = await adminClient('super');
  const username = `new${randomInt(1e9)}`;
  await c.get('/admin/admins');
  const created = await adminPost(c, '/admin/admins', { username, role: 'finance', password: 'First@Pass2026', confirm: 'First@Pass2026' });
  assert.equal(created.status, 303, flash(created.html));
  const id = Number(created.location.match(/^\/admin\/admins\/(\d+)\?done=created$/)[1]);
  assert.equal(sql(`SELECT CONCAT(username, ' ', role, ' ', status) FROM admins WHERE id = ${id}`), `${username} finance active`);
  const newbie = new Client();
  await adminLogin(newbie, username, 'First@Pass2026');
  assert.equal((await newbie.get('/admin/')).status, 200);

  // Disable: the admin's open session ends at once and signing in is refused.
  let r = await adminPost(c, `/admin/admins/${id}/status`, { status: 'disabled' }, `/admin/admins/${id}`);
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT status FROM admins WHERE id = ${id}`), 'disabled');
  assert.equal((await newbie.get('/admin/')).status, 303);
  r = await tryLogin(new Client(), username, 'First@Pass2026');
  assert.match(flash(r.html), /已停用/);

  r = await adminPost(c, `/admin/admins/${id}/status`, { status: 'active' });
  assert.equal(r.status, 303);
  r = await adminPost(c, `/admin/admins/${id}/password`, { password: 'Second@Pass2026', confirm: 'Second@Pass2026' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/admin/admins/${id}?done=reset`);
  assert.equal((await tryLogin(new Client(), username, 'First@Pass2026')).status, 200, 'old password refused');
  await adminLogin(new Client(), username, 'Second@Pass2026');

  const rows = auditOf('admin', id);
  assert.deepEqual(rows.map((x) => x.action), ['create', 'disable', 'enable', 'reset-password']);
  for (const row of rows) assert.equal(row.who, boss.username);
  assert.equal(rows[0].before, null);
  assert.equal(rows[0].after.username, username);
  assert.equal(rows[0].after.role, 'finance');
  assert.equal(rows[1].before.status, 'active');
  assert.equal(rows[1].after.status, 'disabled');
  assert.equal(rows[2].before.status, 'disabled');
  assert.equal(rows[2].after.status, 'active');
  assert.equal(rows[3].after.password, 'reset');
  const raw = sql(`SELECT CONCAT(COALESCE(before_json,''), COALESCE(after_json,'')) FROM audit_log WHERE entity = 'admin' AND entity_id = ${id}`);
  assert.doesNotMatch(raw, /scrypt|\$s1\$|Pass2026/, 'no hash or password in the log');

  // The audit page shows the same entries with before → after.
  const page = await c.get(`/admin/audit?entity=admin&entity_id=${id}`);
  assert.equal(page.status, 200);
  assert.equal([...page.html.matchAll(/class="audit-entry"/g)].length, 4);
  assert.match(page.html, /<tr class="changed"><th title="status">状态<\/th>\s*<td class="before"><pre>active<\/pre><\/td>\s*<td class="arrow"[^>]*>→<\/td>\s*<td class="after"><pre>disabled<\/pre>/);
  // Filters: by admin and by date.
  const byAdmin = await c.get(`/admin/audit?admin=${boss.id}`);
  assert.equal([...byAdmin.html.matchAll(/class="audit-entry"/g)].length, 4);
  const future = await c.get(`/admin/audit?admin=${boss.id}&from=2999-01-01`);
  assert.match(future.html, /class="empty-state"/);
  const bad = await c.get('/admin/audit?from=2026-02-30');
  assert.equal(bad.status, 400);
  assert.match(bad.html, /请按 年-月-日 填写日期/);
  assert.equal((await c.get('/admin/audit?entity_id=abc')).status, 400);
});

test('account form validation: messages next to the fields, nothing written', async () => {
  const { c } = await adminClient('super');
  await c.get('/admin/admins');
  const taken = `dup${randomInt(1e9)}`;
  makeAdmin('ops', taken); // username starts with `taken`
  const existing = sql(`SELECT username FROM admins WHERE username LIKE '${taken}%' LIMIT 1`);
  const cases = [
    [{ username: 'Bad Name', role: 'ops', password: 'Longenough@1', confirm: 'Longenough@1' }, /小写字母/],
    [{ username: `ok${randomInt(1e9)}`, role: 'ops', password: 'short', confirm: 'short' }, /10–64/],
    [{ username: `ok${randomInt(1e9)}`, role: 'ops', password: 'Longenough@1', confirm: 'Different@1' }, /不一致/],
    [{ username: `ok${randomInt(1e9)}`, role: 'root', password: 'Longenough@1', confirm: 'Longenough@1' }, /选项无效/],
    [{ username: existing, role: 'ops', password: 'Longenough@1', confirm: 'Longenough@1' }, /已被使用/],
  ];
  const count = sql('SELECT COUNT(*) FROM admins');
  for (const [form, msg] of cases) {
    const r = await adminPost(c, '/admin/admins', form);
    assert.equal(r.status, 200, JSON.stringify(form));
    assert.match(r.html, /class="field-error"/);
    assert.match(r.html, msg);
    assert.doesNotMatch(r.html, /value="Longenough@1"/, 'passwords are not echoed');
  }
  assert.equal(sql('SELECT COUNT(*) FROM admins'), count);
});

test('an admin cannot disable themself; unknown ids are 404', async () => {
  const { c, admin } = await adminClient('super');
  const r = await adminPost(c, `/admin/admins/${admin.id}/status`, { status: 'disabled' }, `/admin/admins/${admin.id}`);
  assert.equal(r.status, 400);
  assert.match(r.html, /不能停用自己的账号/);
  assert.equal(sql(`SELECT status FROM admins WHERE id = ${admin.id}`), 'active');
  assert.equal((await c.get('/admin/')).status, 200);
  assert.equal((await c.get('/admin/admins/999999999')).status, 404);
  assert.equal((await adminPost(c, '/admin/admins/999999999/status', { status: 'disabled' })).status, 404);
  assert.equal((await adminPost(c, '/admin/admins/999999999/password', { password: 'Longenough@1', confirm: 'Longenough@1' })).status, 404);
});

test('the audit log cannot be edited: no route, and the database refuses UPDATE and DELETE', async () => {
  const { c } = await adminClient('super');
  await c.get('/admin/audit');
  assert.equal((await adminPost(c, '/admin/audit', { id: '1', action: 'x' })).status, 405);
  for (const p of ['/admin/audit/1', '/admin/audit/1/edit', '/admin/audit/1/delete']) {
    assert.equal((await adminPost(c, p, { action: 'x' })).status, 404, p);
    assert.equal((await c.get(p)).status, 404, p);
  }
  const id = sql('SELECT MAX(id) FROM audit_log');
  assert.ok(Number(id) > 0);
  assert.throws(() => sql(`UPDATE audit_log SET action = 'forged' WHERE id = ${id}`), /append-only/);
  assert.throws(() => sql(`DELETE FROM audit_log WHERE id = ${id}`), /append-only/);
  assert.notEqual(sql(`SELECT action FROM audit_log WHERE id = ${id}`), 'forged');
});

test('audit values are shown escaped', async () => {
  const { c, admin } = await adminClient('super');
  const eid = randomInt(1e9);
  sql(`INSERT INTO audit_log (admin_id, admin_name, action, entity, entity_id, before_json, after_json)
       VALUES (${admin.id}, '${admin.username}', 'update', 'xsstest', ${eid}, '{"name":"<b>old</b>"}', '{"name":"<script>alert(1)</script>"}')`);
  const page = await c.get(`/admin/audit?entity=xsstest&entity_id=${eid}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.html, /<script>alert/);
  assert.match(page.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(page.html, /&lt;b&gt;old&lt;\/b&gt;/);
});
