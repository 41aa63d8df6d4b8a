// enterprise-budget.test.mjs: B8 — an enterprise's prepaid points budget: parallel grants against a small budget
// never pass it (the refusals say so next to the field), the super admin sets and raises it (audited, never below what
// was granted), the partner API's earn takes from it too, and the enterprise admin is created bound to an enterprise.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, q, checkLedger, mallctl } from './lib/stack.mjs';
import { adminClient } from './lib/admin.mjs';
import { makeMembers, memberId, balance } from './lib/members.mjs';
import { fieldError } from './lib/client.mjs';
import { makePartner, api, idem, ref } from './lib/api.mjs';

const tag = randomInt(1e9);
const E = `bud-${tag}`;
const w = {};

before(async () => {
  sql(`INSERT INTO enterprises (code, name, budget) VALUES ('${E}', 'Budget test', 100)`);
  w.members = makeMembers(4);
  sql(`UPDATE members SET enterprise = '${E}' WHERE mobile IN (${w.members.map(q).join(',')})`);
  ({ c: w.sup } = await adminClient('super'));
  ({ c: w.ent } = await adminClient('enterprise', { enterprise: E }));
});

const used = () => Number(sql(`SELECT budget_used FROM enterprises WHERE code = '${E}'`));
const grant = (c, m, amount) => c.request('POST', `/admin/members/${memberId(m)}/grant`,
  { csrf: c.csrf, grant_amount: amount, grant_expires: '2030-12-31', grant_reason: 'budget test' });

test('parallel grants against a budget of 100 grant exactly 100 points, the rest refused next to the field', async () => {
  await w.ent.get(`/admin/members/${memberId(w.members[0])}`);
  await w.sup.get(`/admin/members/${memberId(w.members[0])}`);
  const before = w.members.map(balance);
  // 24 grants of 10 from two admins at once onto four members: 10 fit.
  const res = await Promise.all(Array.from({ length: 24 }, (_, i) => grant(i % 2 ? w.sup : w.ent, w.members[i % 4], 10)));
  // A refusal is posted/redirected/got (the page kept for the GET answers 409); a grant is a plain 303.
  const ok = res.filter((r) => r.status === 303 && /done=granted/.test(r.location)).length;
  const refused = res.filter((r) => r.status === 409);
  assert.equal(ok, 10, 'as many as the budget holds');
  assert.equal(refused.length, 14, res.map((r) => r.status).join(','));
  for (const r of refused) assert.match(fieldError(r.html, 'grant_amount') || '', /预算|budget/i);
  assert.equal(used(), 100);
  const after = w.members.map(balance);
  assert.equal(after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0), 100, 'granted = budget used');
  checkLedger();
});

test('the super admin raises the budget (audited), never below what was granted; grants go on', async () => {
  await w.sup.get('/admin/enterprises');
  const low = await w.sup.post('/admin/enterprises/budget', { code: E, budget: 50 }, '/admin/enterprises');
  assert.equal(low.status, 200);
  assert.match(fieldError(low.html, 'budget') || '', /已发放|granted/);
  assert.equal(sql(`SELECT budget FROM enterprises WHERE code = '${E}'`), '100');
  const up = await w.sup.post('/admin/enterprises/budget', { code: E, budget: 130 }, '/admin/enterprises');
  assert.equal((up.posted || up).status, 303);
  assert.equal(sql(`SELECT budget FROM enterprises WHERE code = '${E}'`), '130');
  const audit = sql(`SELECT after_json FROM audit_log WHERE action = 'budget' AND entity = 'enterprise' ORDER BY id DESC LIMIT 1`);
  assert.match(audit, /"budget": ?130/);
  assert.match(audit, new RegExp(E));
  const page = await w.sup.get('/admin/enterprises');
  assert.match(page.html, new RegExp(`data-code="${E}"[\\s\\S]*?class="num left">30<`));
  await w.ent.get(`/admin/members/${memberId(w.members[0])}`);
  const r = await grant(w.ent, w.members[0], 30);
  assert.equal((r.posted || r).status, 303);
  const over = await grant(w.ent, w.members[0], 1);
  assert.equal(over.status, 409);
  assert.equal(used(), 130);
  // The enterprise admin cannot set budgets.
  assert.equal((await w.ent.post('/admin/enterprises/budget', { code: E, budget: 999999 }, '/admin/')).status, 403);
  assert.equal((await w.ent.get('/admin/enterprises')).status, 403);
});

test('the partner API earn stops at the budget too (409 budget_used_up, nothing written)', async () => {
  sql(`UPDATE enterprises SET budget = budget_used + 15 WHERE code = '${E}'`);
  const p = await makePartner(mallctl, E);
  const id = memberId(w.members[1]);
  const bal = balance(w.members[1]);
  const ok = await api('POST', `/api/v1/members/${id}/earn`, { key: p, idem: idem(), body: { points: 10, reference: ref(), source: "bill" } });
  assert.equal(ok.status, 201, JSON.stringify(ok.json));
  const no = await api('POST', `/api/v1/members/${id}/earn`, { key: p, idem: idem(), body: { points: 10, reference: ref(), source: "bill" } });
  assert.equal(no.status, 409);
  assert.equal(no.json.error.code, 'budget_used_up');
  assert.equal(balance(w.members[1]), bal + 10);
  checkLedger();
});

test('an enterprise admin is created bound to an enterprise; without one the form says so', async () => {
  await w.sup.get('/admin/admins');
  const name = `ent${tag}`;
  const none = await w.sup.post('/admin/admins', { username: name, role: 'enterprise', password: 'First@Pass2026', confirm: 'First@Pass2026' }, '/admin/admins');
  assert.equal(none.status, 200);
  assert.ok(fieldError(none.html, 'enterprise'));
  assert.equal(sql(`SELECT COUNT(*) FROM admins WHERE username = '${name}'`), '0');
  const made = await w.sup.post('/admin/admins', { username: name, role: 'enterprise', enterprise: E, password: 'First@Pass2026', confirm: 'First@Pass2026' }, '/admin/admins');
  assert.equal((made.posted || made).status, 303);
  assert.equal(sql(`SELECT enterprise FROM admins WHERE username = '${name}'`), E);
  // The database refuses an enterprise admin without an enterprise.
  assert.throws(() => sql(`INSERT INTO admins (username, password_hash, role) VALUES ('x${tag}', 'x', 'enterprise')`));
});
