// enterprise-isolation.test.mjs: B8 — the admin of enterprise A walks EVERY route of the back office's route table
// (read from admin.fcgi --routes, so a new route is walked too) with enterprise B's member ids, order numbers and job
// ids filled in, and posts every form that could touch B's records: nothing of B is shown or changed, A's own is.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, sql, q, checkLedger } from './lib/stack.mjs';
import { adminClient } from './lib/admin.mjs';
import { signedInMember } from './lib/members.mjs';
import { makeProduct, buyNow } from './lib/shop.mjs';

const tag = randomInt(1e9);
const A = `iso-a-${tag}`, B = `iso-b-${tag}`;
const w = {};

// The route table as the program has it: [{ method, pattern, roles }].
function routes() {
  const bin = path.join(process.env.MALL_BUILD || path.join(ROOT, 'build'), 'admin.fcgi');
  const r = spawnSync(bin, ['--routes'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const list = r.stdout.trim().split('\n').map((l) => { const [method, pattern, roles] = l.split(' '); return { method, pattern, roles: roles.split(',') }; });
  assert.ok(list.length > 100, 'the whole table');
  return list;
}

// A member of enterprise ent, with a paid order and a name of its own.
async function memberWithOrder(ent, name, product) {
  const m = await signedInMember(500);
  const no = await buyNow(m.c, m.m, product);
  sql(`UPDATE members SET enterprise = '${ent}', name = '${name}' WHERE id = ${m.id}`);
  return { ...m, no, name };
}

// What of B a page must never carry — beyond the address A typed itself (a page may link back to it).
const leaks = (html, asked = '') => {
  let body = html;
  // The address, and each value typed into it (a search box shows the query it was given).
  const typed = asked ? [...new URL(asked, 'http://x').searchParams.values()].filter((v) => v.length > 3) : [];
  for (const echo of [asked, encodeURIComponent(asked), ...typed]) if (echo) body = body.split(echo).join('');
  return [w.b.mobile, w.b.name, w.b.no, w.b2.mobile, B, `members/${w.b.id}"`, `members/${w.b2.id}"`].filter((s) => body.includes(s));
};

// B's state that no POST of A's may change.
const stateOfB = () => sql(`SELECT m.status, m.points_balance, (SELECT COUNT(*) FROM points_ledger l WHERE l.member_id = m.id),
    (SELECT GROUP_CONCAT(o.status, o.carrier IS NULL) FROM orders o WHERE o.member_id = m.id), m.password_hash,
    (SELECT CONCAT_WS('/', budget, budget_used) FROM enterprises WHERE code = '${B}'),
    (SELECT CONCAT(state, done_count) FROM grant_jobs WHERE id = ${w.bJob})
    FROM members m WHERE m.id IN (${w.b.id}, ${w.b2.id}) ORDER BY m.id`);

before(async () => {
  sql(`INSERT INTO enterprises (code, name, budget) VALUES ('${A}', 'Isolation A', 100000), ('${B}', 'Isolation B', 100000)`);
  const product = makeProduct({ points: 10, stock: 50 });
  w.a = await memberWithOrder(A, `AliceA${tag}`, product);
  w.b = await memberWithOrder(B, `BobB${tag}`, product);
  w.b2 = await memberWithOrder(B, `BettyB${tag}`, product);
  // A bulk grant job of B's (stored as B's admin's upload leaves it: one row, queued).
  sql(`INSERT INTO grant_jobs (admin_id, enterprise, file_name, file_sha256, total, points_total, state)
       VALUES (1, '${B}', 'b-secret-file.csv', SHA2('${B}', 256), 1, 7, 'failed');
       INSERT INTO grant_job_rows (job_id, line, member_id, mobile, points, reason, expires)
       SELECT LAST_INSERT_ID(), 1, ${w.b.id}, ${q(w.b.mobile)}, 7, 'b only', '2030-12-31'`);
  w.bJob = Number(sql(`SELECT id FROM grant_jobs WHERE enterprise = '${B}'`));
  ({ c: w.admin } = await adminClient('enterprise', { enterprise: A }));
});

// The route's pattern with B's records filled in.
function concrete(pattern) {
  let p = pattern;
  if (p.startsWith('/admin/orders/')) p = p.replace('{no}', w.b.no);
  if (p.startsWith('/admin/grants/jobs/')) p = p.replace('{id}', String(w.bJob));
  return p.replace(/\{id\}/g, String(w.b.id)).replace(/\{no\}/g, w.b.no);
}

test('every GET route of the table, with B\'s ids, shows nothing of B to A\'s admin', async () => {
  const all = routes().filter((r) => r.method === 'GET');
  let opened = 0;
  for (const r of all) {
    const p = concrete(r.pattern);
    const res = await w.admin.get(p);
    assert.ok(res.status < 500, `${p}: ${res.status}`);
    assert.deepEqual(leaks(res.html, p), [], `${p} (${res.status}) shows B's records`);
    const allowed = r.roles.includes('enterprise') || r.roles.includes('-');
    if (!allowed) assert.equal(res.status, 403, `${p} is not the enterprise role's`);
    else if (r.pattern.includes('{')) assert.equal(res.status, 404, `${p}: B's record is not A's to see`);
    else if (res.status === 200) opened++;
  }
  assert.ok(opened >= 6, 'the enterprise role opens its lists');
  // The lists searched for B's records directly.
  for (const p of [`/admin/members?q=${w.b.mobile}`, `/admin/members?q=BobB${tag}`, `/admin/orders?mobile=${w.b.mobile}`,
    `/admin/orders?no=${w.b.no}`, '/admin/orders?status=paid', `/admin/members?after=${w.b.id + 1}`,
    '/admin/reports/finance', '/admin/reports/finance.csv', '/admin/reports/points.csv?from=2020-01-01&to=2020-12-31']) {
    const res = await w.admin.get(p);
    assert.equal(res.status, 200, p);
    assert.deepEqual(leaks(res.html, p), [], `${p} shows B's records`);
  }
});

test('A\'s admin sees A\'s own member, its ledger and its order', async () => {
  const list = await w.admin.get('/admin/members');
  assert.match(list.html, new RegExp(w.a.mobile));
  const member = await w.admin.get(`/admin/members/${w.a.id}`);
  assert.equal(member.status, 200);
  assert.match(member.html, new RegExp(`AliceA${tag}`));
  assert.match(member.html, /id="grant"/, 'the grant form');
  assert.doesNotMatch(member.html, /\/deduct"|\/freeze"|\/password"/, 'no form the role may not post');
  const order = await w.admin.get(`/admin/orders/${w.a.no}`);
  assert.equal(order.status, 200);
  assert.match(order.html, new RegExp(w.a.no));
  assert.doesNotMatch(order.html, /\/ship"|\/cancel"/, 'no order action for the enterprise role');
  const orders = await w.admin.get(`/admin/orders?mobile=${w.a.mobile}`);
  assert.match(orders.html, new RegExp(w.a.no));
  const fin = await w.admin.get('/admin/reports/finance.csv');
  assert.match(fin.html, new RegExp(A));
});

test('every POST that could touch B\'s records is refused and changes nothing', async () => {
  const was = stateOfB();
  const form = { grant_amount: 5, grant_expires: '2030-12-31', grant_reason: 'isolation test', deduct_amount: 5,
    deduct_reason: 'isolation test', status_reason: 'isolation test', reason: 'isolation test', note: 'isolation test',
    carrier: 'SF', tracking_no: 'SF123456', code: B, budget: 0 };
  const posts = routes().filter((r) => r.method === 'POST' && !['/admin/login', '/admin/logout', '/admin/grants'].includes(r.pattern));
  assert.ok(posts.some((r) => r.pattern === '/admin/members/{id}/grant'));
  for (const r of posts) {
    const p = concrete(r.pattern);
    w.admin.page = '/admin/'; // the Referer: a form of A's own pages
    const res = await w.admin.post(p, form, '/admin/');
    assert.ok([403, 404].includes(res.status), `${p}: ${res.status}`);
    assert.deepEqual(leaks(res.html, p), [], `${p} shows B's records`);
  }
  // B's members as the grant form's target, one by one.
  for (const id of [w.b.id, w.b2.id]) {
    w.admin.page = '/admin/';
    const res = await w.admin.post(`/admin/members/${id}/grant`, form, '/admin/');
    assert.equal(res.status, 404);
  }
  assert.equal(stateOfB(), was, 'B unchanged');
  // A bulk file naming B's member: refused line by line, nothing written.
  const file = Buffer.from(`mobile,points,reason,expiry\n${w.b.mobile},5,isolation test,2030-12-31\n`);
  await w.admin.get('/admin/grants');
  const up = await w.admin.multipart('/admin/grants', {}, [{ field: 'file', filename: 'b.csv', type: 'text/csv', data: file }]);
  assert.equal(up.status, 422);
  assert.match(up.html, /data-what="member"/);
  assert.deepEqual(leaks(up.html).filter((s) => s !== w.b.mobile), [], 'only the line A sent is echoed');
  assert.equal(stateOfB(), was, 'B unchanged');
  checkLedger();
});

test('A\'s own grant goes through the same route', async () => {
  const before = Number(sql(`SELECT points_balance FROM members WHERE id = ${w.a.id}`));
  const res = await w.admin.post(`/admin/members/${w.a.id}/grant`, { grant_amount: 5, grant_expires: '2030-12-31', grant_reason: 'own member' }, `/admin/members/${w.a.id}`);
  assert.equal((res.posted || res).status, 303);
  assert.equal(Number(sql(`SELECT points_balance FROM members WHERE id = ${w.a.id}`)), before + 5);
  assert.equal(sql(`SELECT budget_used FROM enterprises WHERE code = '${A}'`), '5');
});
