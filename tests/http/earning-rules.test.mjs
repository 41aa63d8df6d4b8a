// earning-rules.test.mjs: earning rules (P2) end to end — rules per enterprise made and versioned in the back office
// (audited, roles), a partner's consumption earned by rule through the signed API (rounding, versions, refusals), the
// member's day cap of a rule (partial earn, then refused; parallel earns at the cap never pass it; a reverse gives
// room back), activity bonuses (inside the window and for the enterprise only, out of the activity's daily budget —
// parallel earns never pass it), a reverse taking its bonus back, check-ledger clean and catching a tampered bonus,
// and the finance report's "activity" column with its identity.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, mallctl, mallctlRun, checkLedger, pool } from './lib/stack.mjs';
import { api, idem, ref, makePartner, memberOf } from './lib/api.mjs';
import { mobile as newMobile } from './lib/members.mjs';
import { adminClient, auditOf } from './lib/admin.mjs';
import { makeActivity } from './lib/guards.mjs';

const ENT = `ER${Date.now() % 1e8}`; // an enterprise of this run alone: its rules, bonuses and report row
const OTHER = `EO${Date.now() % 1e8}`;
const P = {};
const code = (r) => r.json && r.json.error && r.json.error.code;
const earn = (member, body, key = P.a) => api('POST', `/api/v1/members/${member}/earn`, { key, body: { reference: ref('er'), ...body }, idem: idem() });
const reverse = (reference, key = P.a) => api('POST', '/api/v1/reversals', { key, body: { reference }, idem: idem() });
const newMember = (ent = ENT) => memberOf(ent, newMobile('168'));
const ledger = (member) => sql(`SELECT GROUP_CONCAT(CONCAT(kind, ':', amount) ORDER BY id) FROM points_ledger WHERE member_id = ${member}`);
const balance = (member) => Number(sql(`SELECT points_balance FROM members WHERE id = ${member}`));

// A rule straight in the table (the back office's own test makes them through its pages).
function rule(rcode, { per = 1, unit = 100, rounding = 'down', cap = 0, status = 'active', ent = ENT } = {}) {
  const v = Number(sql(`SELECT COALESCE(MAX(version), 0) + 1 FROM earning_rules WHERE enterprise = ${q(ent)} AND code = '${rcode}'`));
  sql(`INSERT INTO earning_rules (enterprise, code, version, name, points_per_unit, unit_fen, rounding, member_day_cap, status)
       VALUES (${q(ent)}, '${rcode}', ${v}, 'test ${rcode}', ${per}, ${unit}, '${rounding}', ${cap}, '${status}')`);
  return v;
}
function bonus(activity, { kind = 'multiply', pct = 200, fixed = 0, ent = ENT, status = 'active' } = {}) {
  sql(`INSERT INTO activity_bonuses (activity_id, enterprise, kind, multiplier_pct, fixed_points, status)
       VALUES (${activity}, '${ent}', '${kind}', ${pct}, ${fixed}, '${status}')
       ON DUPLICATE KEY UPDATE enterprise = VALUES(enterprise), kind = VALUES(kind), multiplier_pct = VALUES(multiplier_pct),
         fixed_points = VALUES(fixed_points), status = VALUES(status)`);
}
// Bonus activities of this file stop running once their test is done, so later earns of ENT meet only their own.
const stop = (activity) => sql(`UPDATE activities SET ends_at = NOW() - INTERVAL 1 SECOND WHERE id = ${activity}`);

before(async () => {
  P.a = await makePartner(mallctl, ENT);
  P.o = await makePartner(mallctl, OTHER);
});

test('back office: rules per enterprise — a new rule, its next version, refusals beside their fields, audited; ops and super only', async () => {
  const { c } = await adminClient('ops');
  const list = await c.get(`/admin/earning-rules?enterprise=${ENT}`);
  assert.equal(list.status, 200);
  assert.match(list.html, /积分规则/);
  assert.match(list.html, /id="earning-rule-new"/);
  const form = { enterprise: ENT, code: 'bo-yuan', name: '每元1分', points_per_unit: 1, unit_fen: 100, rounding: 'down', member_day_cap: 0, status: 'active' };
  const made = await c.post('/admin/earning-rules', form, `/admin/earning-rules?enterprise=${ENT}`);
  assert.equal(made.status, 303, made.html.slice(0, 300));
  const id = Number(made.location.match(/\/admin\/earning-rules\/(\d+)/)[1]);
  const page = await c.get(`/admin/earning-rules/${id}`);
  assert.match(page.html, /id="rule-version">v1</);
  // The same code again, a bad code, a bad ratio: refused, each beside its field, nothing written.
  const dup = await c.post('/admin/earning-rules', form, `/admin/earning-rules?enterprise=${ENT}`);
  assert.match(dup.html, /id="e-code"[^>]*>[^<]*已有此代码/);
  const badCode = await c.post('/admin/earning-rules', { ...form, code: 'a b' }, `/admin/earning-rules?enterprise=${ENT}`);
  assert.match(badCode.html, /id="e-code"/);
  const badUnit = await c.post('/admin/earning-rules', { ...form, code: 'bo-other', unit_fen: 0 }, `/admin/earning-rules?enterprise=${ENT}`);
  assert.match(badUnit.html, /id="e-unit_fen"/);
  assert.equal(sql(`SELECT COUNT(*) FROM earning_rules WHERE enterprise = ${q(ENT)} AND code IN ('bo-yuan', 'bo-other')`), '1');
  // The next version: 2 points per yuan, rounded half up, capped at 500 a day; version 1 stays as it was.
  const saved = await c.post(`/admin/earning-rules/${id}`, { ...form, points_per_unit: 2, rounding: 'half_up', member_day_cap: 500 }, `/admin/earning-rules/${id}`);
  assert.equal(saved.status, 303);
  const id2 = Number(saved.location.match(/\/admin\/earning-rules\/(\d+)/)[1]);
  assert.notEqual(id2, id);
  assert.equal(sql(`SELECT CONCAT(version, ' ', points_per_unit, ' ', rounding, ' ', member_day_cap) FROM earning_rules WHERE id = ${id2}`), '2 2 half_up 500');
  assert.equal(sql(`SELECT CONCAT(version, ' ', points_per_unit) FROM earning_rules WHERE id = ${id}`), '1 1');
  const v2 = await c.get(`/admin/earning-rules/${id2}`);
  assert.match(v2.html, /data-version="2"[\s\S]*data-version="1"/, 'both versions listed, newest first');
  const listed = await c.get(`/admin/earning-rules?enterprise=${ENT}`);
  assert.match(listed.html, /<tr data-rule="bo-yuan">[\s\S]*?v2/, 'the list shows the version in force');
  // Audited: who, before → after.
  assert.deepEqual(auditOf('earning_rule', id).map((e) => e.action), ['create']);
  const upd = auditOf('earning_rule', id2);
  assert.deepEqual(upd.map((e) => e.action), ['update']);
  assert.equal(upd[0].before.version, '1');
  assert.equal(upd[0].after.points_per_unit, '2');
  // The API computes with the version in force.
  const m = newMember();
  const r = await earn(m, { rule: 'bo-yuan', amount_fen: 1250 });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.json.points, r.json.rule.version], [25, 2]);
  // Roles: moderator and finance may not.
  for (const role of ['moderator', 'finance']) {
    const { c: other } = await adminClient(role);
    assert.equal((await other.get('/admin/earning-rules')).status, 403, role);
    assert.equal((await other.get('/admin/earning-bonuses')).status, 403, role);
  }
});

test('rule math through the API: rounding modes, the version in force, refusals; the points form still works', async () => {
  rule('down');
  rule('half', { rounding: 'half_up' });
  rule('up', { rounding: 'up' });
  rule('three-per-2', { per: 3, unit: 200 });
  const m = newMember();
  const got = {};
  for (const rc of ['down', 'half', 'up', 'three-per-2']) {
    const r = await earn(m, { rule: rc, amount_fen: 1250, note: '门店消费' });
    assert.equal(r.status, 201, r.text);
    got[rc] = r.json.points;
    assert.deepEqual(r.json.rule, { code: rc, version: 1, amount_fen: 1250, computed: r.json.points, points: r.json.points, capped: false });
    assert.deepEqual(r.json.bonuses, []);
    assert.equal(sql(`SELECT CONCAT(kind, ':', amount) FROM points_ledger WHERE id = ${r.json.ledger_id}`), `api_earn:${r.json.points}`);
  }
  assert.deepEqual(got, { down: 12, half: 13, up: 13, 'three-per-2': 18 }, '¥12.50: 12, 13, 13 and 18.75 → 18');
  assert.equal(balance(m), 56);
  // A new version: the next earn says so and computes with it.
  assert.equal(rule('down', { per: 5 }), 2);
  const v2 = await earn(m, { rule: 'down', amount_fen: 1250 });
  assert.deepEqual([v2.json.points, v2.json.rule.version], [62, 2]);
  // Refusals: unknown or disabled rule (404), too small an amount (409), both forms or none, bad amounts (400).
  rule('off', { status: 'disabled' });
  for (const rc of ['nope', 'off']) {
    const r = await earn(m, { rule: rc, amount_fen: 1000 });
    assert.deepEqual([r.status, code(r)], [404, 'rule_not_found'], rc);
  }
  const other = await earn(newMember(OTHER), { rule: 'down', amount_fen: 1000 }, P.o);
  assert.deepEqual([other.status, code(other)], [404, 'rule_not_found'], "another enterprise's partner does not have ENT's rules");
  const small = await earn(m, { rule: 'half', amount_fen: 49 });
  assert.deepEqual([small.status, code(small)], [409, 'nothing_to_earn']);
  for (const [field, body] of [['points', { rule: 'down', amount_fen: 100, points: 5 }], ['amount_fen', { rule: 'down' }],
    ['amount_fen', { rule: 'down', amount_fen: 0 }], ['amount_fen', { rule: 'down', amount_fen: '100' }],
    ['amount_fen', { rule: 'down', amount_fen: 100000000001 }], ['rule', { rule: 'a b', amount_fen: 100 }], ['points', { amount_fen: 100 }]]) {
    const r = await earn(m, body);
    assert.deepEqual([r.status, code(r)], [400, 'invalid_request'], JSON.stringify(body));
    assert.match(r.json.error.message, new RegExp(`^${field}`), JSON.stringify(body));
  }
  const plain = await earn(m, { points: 7 });
  assert.equal(plain.status, 201);
  assert.equal(plain.json.rule, undefined, 'a points earn has no rule');
  assert.equal(sql(`SELECT COUNT(*) FROM api_rule_earns x JOIN api_ops o ON o.id = x.op_id WHERE o.member_id = ${m}`), '5');
  checkLedger();
});

test('the day cap of a rule: a partial earn, then refused; parallel earns at the cap never pass it; a reverse gives room back; a new day starts again', async () => {
  rule('capped', { cap: 100 });
  const m = newMember();
  const e1 = await earn(m, { rule: 'capped', amount_fen: 6000 });
  assert.deepEqual([e1.status, e1.json.points, e1.json.rule.capped], [201, 60, false]);
  const e2Ref = ref('cap');
  const e2 = await earn(m, { rule: 'capped', amount_fen: 6000, reference: e2Ref });
  assert.deepEqual([e2.json.points, e2.json.rule.computed, e2.json.rule.capped, e2.json.balance], [40, 60, true, 100]);
  const e3 = await earn(m, { rule: 'capped', amount_fen: 100 });
  assert.deepEqual([e3.status, code(e3)], [409, 'daily_cap_reached']);
  // Other rules and other members have their own counts.
  rule('uncapped');
  assert.equal((await earn(m, { rule: 'uncapped', amount_fen: 500 })).json.points, 5);
  // A reverse gives its points back to the day's count.
  assert.equal((await reverse(e2Ref)).status, 201);
  const e4 = await earn(m, { rule: 'capped', amount_fen: 10000 });
  assert.deepEqual([e4.json.points, e4.json.rule.capped], [40, true]);

  // Twenty at once, 30 points each, cap 100, for one member: exactly 100 credited, never more.
  const p = newMember();
  const answers = [];
  await pool(Array.from({ length: 20 }, (_, i) => i), 20, async () => { answers.push(await earn(p, { rule: 'capped', amount_fen: 3000 })); });
  const ok = answers.filter((a) => a.status === 201), refused = answers.filter((a) => a.status === 409);
  assert.equal(ok.length + refused.length, 20, answers.map((a) => a.status).join(','));
  assert.ok(refused.every((a) => code(a) === 'daily_cap_reached'));
  assert.equal(ok.reduce((s, a) => s + a.json.points, 0), 100, 'the cap, to the point');
  assert.deepEqual(ok.map((a) => a.json.points).sort((x, y) => x - y), [10, 30, 30, 30], 'three whole earns and what was left');
  assert.equal(balance(p), 100);
  assert.equal(sql(`SELECT points FROM rule_member_days WHERE enterprise = ${q(ENT)} AND code = 'capped' AND member_id = ${p} AND day = CURDATE()`), '100');
  // The next mall day (Asia/Shanghai): the count starts again.
  sql(`UPDATE rule_member_days SET day = day - INTERVAL 1 DAY WHERE member_id = ${p} ORDER BY day;
       UPDATE api_rule_earns SET day = day - INTERVAL 1 DAY WHERE member_id = ${p} ORDER BY op_id`);
  assert.equal((await earn(p, { rule: 'capped', amount_fen: 3000 })).json.points, 30);
  checkLedger();
});

test('activity bonuses: inside the window and for the enterprise; none outside it, when paused, or for a points earn; a reverse takes the bonus back', async () => {
  rule('bonus-r');
  const act = makeActivity([]), fixedAct = makeActivity([]);
  bonus(act, { pct: 200 });
  bonus(fixedAct, { kind: 'fixed', fixed: 8 });
  const ended = makeActivity([]), later = makeActivity([]), theirs = makeActivity([]), paused = makeActivity([]), off = makeActivity([]);
  sql(`UPDATE activities SET starts_at = NOW() - INTERVAL 3 DAY, ends_at = NOW() - INTERVAL 1 DAY WHERE id = ${ended};
       UPDATE activities SET starts_at = NOW() + INTERVAL 1 DAY WHERE id = ${later};
       UPDATE activities SET paused = 1 WHERE id = ${paused}`);
  for (const a of [ended, later, paused]) bonus(a, { kind: 'fixed', fixed: 1000 });
  bonus(theirs, { kind: 'fixed', fixed: 1000, ent: OTHER });
  bonus(off, { kind: 'fixed', fixed: 1000, status: 'disabled' });
  try {
    const m = newMember();
    const r = await earn(m, { rule: 'bonus-r', amount_fen: 3000 });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.points, 30);
    assert.deepEqual(r.json.bonuses.map((b) => [b.activity_id, b.points]), [[act, 30], [fixedAct, 8]], 'double, and 8 fixed; nothing else');
    assert.equal(r.json.balance, 68, 'the balance counts the bonuses');
    assert.equal(ledger(m), 'api_earn:30,bonus:30,bonus:8');
    for (const b of r.json.bonuses) {
      assert.equal(sql(`SELECT CONCAT(kind, ' ', amount, ' ', lot_id IS NOT NULL) FROM points_ledger WHERE id = ${b.ledger_id}`), `bonus ${b.points} 1`);
    }
    // The bonus lots expire with the earn.
    assert.equal(sql(`SELECT COUNT(DISTINCT l.expires_at) FROM points_ledger e JOIN points_lots l ON l.id = e.lot_id WHERE e.member_id = ${m}`), '1');
    // A points earn (the partner's own number) gets no bonus (README: only earns by rule qualify).
    const plain = await earn(m, { points: 50 });
    assert.equal(plain.json.bonuses, undefined);
    assert.equal(ledger(m), 'api_earn:30,bonus:30,bonus:8,api_earn:50');
    // The other enterprise's earn gets only its own bonus.
    rule('bonus-r', { ent: OTHER });
    const o = newMember(OTHER);
    const ro = await earn(o, { rule: 'bonus-r', amount_fen: 3000 }, P.o);
    assert.deepEqual(ro.json.bonuses.map((b) => [b.activity_id, b.points]), [[theirs, 1000]]);
    stop(theirs);
    assert.equal((await reverse(ro.json.reference, P.o)).status, 201);
    // Reversing the earn takes its bonuses back (negative bonus entries) and gives the budget back.
    const rv = await reverse(r.json.reference);
    assert.equal(rv.status, 201, rv.text);
    assert.deepEqual([rv.json.points, rv.json.balance], [-30, 50]);
    assert.deepEqual(rv.json.bonuses.map((b) => [b.activity_id, b.points]), [[act, -30], [fixedAct, -8]]);
    assert.equal(ledger(m), 'api_earn:30,bonus:30,bonus:8,api_earn:50,api_reverse:-30,bonus:-30,bonus:-8');
    assert.equal(sql(`SELECT COUNT(*) FROM earn_bonuses WHERE member_id = ${m} AND reverse_ledger_id IS NOT NULL`), '2');
    // A bonus whose points were spent is not taken back: the reverse is refused and nothing moves.
    const m2 = newMember();
    const r2 = await earn(m2, { rule: 'bonus-r', amount_fen: 1000 });
    assert.equal(r2.json.balance, 28);
    assert.equal((await api('POST', `/api/v1/members/${m2}/spend`, { key: P.a, body: { points: 15, reference: ref('sp') }, idem: idem() })).status, 201);
    const no = await reverse(r2.json.reference);
    assert.deepEqual([no.status, code(no)], [409, 'earn_already_used']);
    assert.equal(balance(m2), 13);
    checkLedger();
    // check-ledger notices a bonus entry that no longer matches what was paid.
    sql(`UPDATE earn_bonuses SET points = points + 1 WHERE ledger_id = ${r2.json.bonuses[0].ledger_id}`);
    try {
      const bad = mallctlRun('check-ledger');
      assert.equal(bad.status, 1);
      assert.match(bad.out, /every bonus entry credits one paid bonus[^\n]*[1-9]/);
    } finally {
      sql(`UPDATE earn_bonuses SET points = points - 1 WHERE ledger_id = ${r2.json.bonuses[0].ledger_id}`);
    }
  } finally {
    [act, fixedAct, theirs, later, paused, off].forEach(stop);
  }
  checkLedger();
});

test("bonuses stop at the activity's daily budget under parallel earns; the back office sets a bonus (audited)", async () => {
  rule('budget-r');
  const act = makeActivity([], { budget: 55 });
  // Set through the back office: fixed 10 points per earn, this enterprise only.
  const { c } = await adminClient('super');
  const saved = await c.post('/admin/earning-bonuses', { activity_id: act, enterprise: ENT, kind: 'fixed', multiplier_pct: 100, fixed_points: 10, status: 'active' }, '/admin/earning-bonuses');
  assert.equal(saved.status, 303, saved.html.slice(0, 300));
  const refused = await c.post('/admin/earning-bonuses', { activity_id: act, enterprise: ENT, kind: 'multiply', multiplier_pct: 100, fixed_points: 0, status: 'active' }, '/admin/earning-bonuses');
  assert.match(refused.html, /id="e-multiplier_pct"/);
  assert.deepEqual(auditOf('activity_bonus', act).map((e) => [e.action, e.after.fixed_points]), [['create', '10']]);
  try {
    const members = Array.from({ length: 20 }, () => newMember());
    const answers = [];
    await pool(members, 20, async (m) => { answers.push(await earn(m, { rule: 'budget-r', amount_fen: 500 })); });
    assert.ok(answers.every((a) => a.status === 201), answers.map((a) => a.text).join('\n'));
    const paid = answers.flatMap((a) => a.json.bonuses);
    assert.equal(paid.length, 5, 'five bonuses of 10 fit in 55');
    assert.ok(paid.every((b) => b.activity_id === act && b.points === 10));
    assert.equal(answers.filter((a) => a.json.bonuses.length === 0).length, 15, 'the others earned without a bonus');
    assert.equal(sql(`SELECT points_spent FROM activity_days WHERE activity_id = ${act} AND day = CURDATE()`), '50');
    assert.equal(sql(`SELECT COALESCE(SUM(amount), 0) FROM points_ledger e JOIN earn_bonuses b ON b.ledger_id = e.id WHERE b.activity_id = ${act}`), '50');
    const page = await c.get('/admin/earning-bonuses');
    assert.match(page.html, new RegExp(`<tr data-bonus="${act}">[\\s\\S]*?<td class="num">50</td><td class="num">55</td>`));
    // A reverse gives its bonus's budget back: the next earn gets a bonus again.
    const withBonus = answers.find((a) => a.json.bonuses.length);
    assert.equal((await reverse(withBonus.json.reference)).status, 201);
    assert.equal(sql(`SELECT points_spent FROM activity_days WHERE activity_id = ${act} AND day = CURDATE()`), '40');
    const again = await earn(newMember(), { rule: 'budget-r', amount_fen: 500 });
    assert.deepEqual(again.json.bonuses.map((b) => b.points), [10]);
  } finally {
    stop(act);
  }
  checkLedger();
});

test('finance report: bonuses are issued in the "activity" column, taken-back ones are spent, and the identity holds', async () => {
  const month = sql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m')");
  sql('DELETE FROM points_months_closed; DELETE FROM points_month_closings', { flush: false });
  const r = mallctlRun('report-points', '--month', month, '--enterprise', ENT, '--csv');
  assert.equal(r.status, 0, r.out);
  const lines = r.out.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const head = lines[0];
  assert.deepEqual(head.slice(3, 10), ['grant', 'consumption', 'activity', 'scan', 'refund', 'adjust_in', 'issued']);
  const row = Object.fromEntries(head.map((h, i) => [h, lines.find((l) => l[1] === ENT)[i]]));
  const one = (cond) => sql(`SELECT COALESCE(SUM(l.amount), 0) FROM points_ledger l JOIN members m ON m.id = l.member_id
    WHERE m.enterprise = ${q(ENT)} AND l.created_at >= '${month}-01' AND ${cond}`);
  assert.equal(row.activity, one("l.kind = 'bonus' AND l.amount > 0"));
  assert.ok(Number(row.activity) > 0, 'this file paid bonuses');
  assert.equal(row.consumption, one("l.kind IN ('earn', 'api_earn')"));
  assert.equal(row.spent, String(-Number(one("(l.kind IN ('spend', 'offline', 'api_spend', 'coupon') OR (l.kind IN ('adjust', 'api_reverse', 'bonus') AND l.amount < 0))"))));
  assert.equal(row.identity, 'holds');
  assert.equal(Number(row.opening) + Number(row.issued) - Number(row.spent) - Number(row.expired), Number(row.closing));
  const { c } = await adminClient('finance');
  const page = await c.get(`/admin/reports/finance?month=${month}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /data-col="activity">活动奖励</);
  assert.match(page.html, /id="fin-identity" data-holds="1"/);
  // The points report has the bonus columns too.
  const pts = await c.get(`/admin/reports?from=${month}-01&to=${sql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')")}&group=month`);
  assert.match(pts.html, /data-kind="bonus"[\s\S]*data-kind="bonus_out"/);
  checkLedger();
});
