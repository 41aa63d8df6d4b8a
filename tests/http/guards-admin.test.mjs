// guards-admin.test.mjs: the circuit breakers' back office (F2) — caps, budgets and trip messages on the activity
// and product forms, validated field by field (never a 500); raising a tripped activity's budget is audited and
// un-trips it; the switch page shows today's budget and the breaker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, checkLedger } from './lib/stack.mjs';
import { Client, flash, fieldError } from './lib/client.mjs';
import { makeMembers } from './lib/members.mjs';
import { makeProduct, placeNow, sendCode } from './lib/shop.mjs';
import { adminClient, adminPost, auditOf } from './lib/admin.mjs';
import { makeActivity, budgetToday } from './lib/guards.mjs';

// The activity's form as the edit page holds it, with changes.
function activityForm(id, changes = {}) {
  const [title, rules, starts, ends, products] = sql(`SELECT title_zh, rules_zh, DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i'),
    DATE_FORMAT(ends_at, '%Y-%m-%dT%H:%i'), (SELECT GROUP_CONCAT(product_id SEPARATOR ' ') FROM activity_products WHERE activity_id = ${id})
    FROM activities WHERE id = ${id}`).split('\t');
  return { title_zh: title, rules_zh: rules, starts_at: starts, ends_at: ends, products, style: 'normal', points_budget: 0,
    cash_budget_fen: 0, member_day_cap: 0, ...changes };
}

test('raising a tripped activity\'s budget is audited and un-trips it; payments go through again', async () => {
  const [m1, m2] = makeMembers(2, 1000);
  const c1 = new Client(), c2 = new Client();
  await c1.login(m1);
  await c2.login(m2);
  const p = makeProduct({ points: 80, stock: 100 });
  const a = makeActivity([p], { budget: 100 });
  const n1 = await placeNow(c1, p, 1);
  assert.equal((await c1.post(`/order/${n1}/pay`, { code: await sendCode(c1, n1, m1) })).status, 303);
  const n2 = await placeNow(c2, p, 1);
  const refused = await c2.post(`/order/${n2}/pay`, { code: await sendCode(c2, n2, m2) });
  assert.equal(refused.status, 409);
  assert.equal(budgetToday(a).tripped, true);

  const { c: admin, admin: who } = await adminClient('ops');
  const sw = await admin.get('/admin/switch');
  assert.match(sw.html, new RegExp(`data-id="${a}"[\\s\\S]*?80 / 100[\\s\\S]*?已熔断`));
  assert.equal((await admin.get(`/admin/activities/${a}`)).status, 200);
  const r = await adminPost(admin, `/admin/activities/${a}`, activityForm(a, { points_budget: 500, trip_message_zh: '名额已满' }));
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(budgetToday(a).tripped, false);
  const audit = auditOf('activity', a);
  const update = audit.find((e) => e.action === 'update');
  assert.equal(update.who, who.username);
  assert.equal(update.before.points_budget, '100');
  assert.equal(update.after.points_budget, '500');
  assert.equal(update.after.trip_message_zh, '名额已满');
  assert.ok(audit.some((e) => e.action === 'untrip'), 'the untrip is recorded');

  const n3 = await placeNow(c2, p, 1);
  sql(`UPDATE sms_codes SET created_at = created_at - INTERVAL 61 SECOND WHERE mobile = '${m2}'`);
  const ok = await c2.post(`/order/${n3}/pay`, { code: await sendCode(c2, n3, m2) });
  assert.equal(ok.status, 303, flash(ok.html));
  assert.equal(budgetToday(a).points, 160);
  // A save that leaves the budget below what was spent keeps a tripped day tripped.
  sql(`UPDATE activity_days SET tripped_at = NOW() WHERE activity_id = ${a} AND day = CURDATE()`);
  assert.equal((await adminPost(admin, `/admin/activities/${a}`, activityForm(a, { points_budget: 150 }))).status, 303);
  assert.equal(budgetToday(a).tripped, true);
  checkLedger();
});

test('bad values on the activity, product and switch forms get field errors, never a 500', async () => {
  const { c: admin } = await adminClient('super');
  const p = makeProduct({ points: 10, stock: 5 });
  const a = makeActivity([p]);
  for (const [field, value] of [['points_budget', 'abc'], ['points_budget', '-5'], ['cash_budget_fen', '1.5'],
    ['member_day_cap', '1000001'], ['style', 'casino'], ['trip_message_zh', 'x'.repeat(201)]]) {
    const r = await adminPost(admin, `/admin/activities/${a}`, activityForm(a, { [field]: value }));
    assert.equal(r.status, 200, `${field}=${value}: ${r.status}`);
    assert.ok(fieldError(r.html, field), `${field}=${value} has a field error`);
  }
  assert.equal(sql(`SELECT CONCAT(points_budget, ' ', member_day_cap, ' ', style) FROM activities WHERE id = ${a}`), '0 0 normal');
  // A new activity with guards is stored with them.
  const made = await adminPost(admin, '/admin/activities', { ...activityForm(a, { style: 'lottery', points_budget: 900, member_day_cap: 3 }), title_zh: '护栏新活动' });
  assert.equal(made.status, 303, flash(made.html));
  assert.equal(sql(`SELECT CONCAT(style, ' ', points_budget, ' ', member_day_cap) FROM activities WHERE title_zh = '护栏新活动'`), 'lottery 900 3');

  // The product form's daily cap.
  const page = await admin.get(`/admin/products/${p}`);
  assert.match(page.html, /name="member_day_cap"/);
  const form = { type: 'virtual', category_id: sql(`SELECT category_id FROM products WHERE id = ${p}`), name_zh: 'cap test',
    points_price: 10, stock: 5, stock_was: 5, per_member_limit: 0 };
  const bad = await adminPost(admin, `/admin/products/${p}`, { ...form, member_day_cap: 'many' });
  assert.equal(bad.status, 200);
  assert.ok(fieldError(bad.html, 'member_day_cap'));
  const good = await adminPost(admin, `/admin/products/${p}`, { ...form, member_day_cap: 2 });
  assert.equal(good.status, 303, flash(good.html));
  assert.equal(sql(`SELECT member_day_cap FROM products WHERE id = ${p}`), '2');
  const audit = auditOf('product', p).at(-1);
  assert.equal(audit.after.member_day_cap, '2');

  // The switch: a pause without a reason, or with a bad id.
  const noReason = await adminPost(admin, '/admin/switch/pause', { reason: '' }, '/admin/switch');
  assert.equal(noReason.status, 200);
  assert.ok(fieldError(noReason.html, 'reason'));
  const badId = await adminPost(admin, '/admin/switch/pause', { activity_id: 'x', reason: 'r', confirm: 1 }, '/admin/switch');
  assert.equal(badId.status, 200);
  assert.equal((await adminPost(admin, '/admin/switch/pause', { activity_id: 999999999, reason: 'r', confirm: 1 }, '/admin/switch')).status, 404);
  assert.equal((await adminPost(admin, '/admin/switch/resume', { activity_id: 'x' }, '/admin/switch')).status, 400);
  assert.equal(sql('SELECT paused FROM mall_switch'), '0');
  // Roles: moderators and finance do not reach the switch.
  for (const role of ['moderator', 'finance']) assert.equal((await (await adminClient(role)).c.get('/admin/switch')).status, 403);
});
