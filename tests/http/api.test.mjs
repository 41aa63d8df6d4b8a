// api.test.mjs: the signed partner points API (I1) — signatures (good, bad, stale, replayed nonce, tampered query,
// revoked key, secrets never logged), scope (a partner of enterprise A cannot see or credit B's member), enrolment,
// idempotency (retry, conflicting body, racing duplicates), earn / spend / reverse (an earn partly spent is refused),
// keyset ledger pages, database rate limits, the back office's partners and API log, the member's points page, and
// 1,000 mixed parallel calls after which check-ledger is clean. Every answer is checked against the OpenAPI document
// the program serves, and every response it documents must have been seen.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ORIGIN, ROOT, VAR, sql, q, mallctl, mallctlRun, checkLedger, pool } from './lib/stack.mjs';
import { api as rawApi, sign, idem, ref, makePartner, memberOf, DEMO_PARTNER } from './lib/api.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, mobile as newMobile, memberId } from './lib/members.mjs';
import { adminClient } from './lib/admin.mjs';
import { makeActivity } from './lib/guards.mjs';

// ---- the OpenAPI document and a small JSON Schema check of every answer against it ----
const DOC = JSON.parse(readFileSync(path.join(ROOT, 'templates/api/openapi.json'), 'utf8'));
const seen = new Set();
const resolve = (s) => { while (s && s.$ref) s = s.$ref.split('/').slice(1).reduce((o, k) => o[k], DOC); return s; };
function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v;
}
function validate(schema, v, at = '$') {
  const s = resolve(schema);
  if (s.type) {
    const types = [].concat(s.type), t = typeOf(v);
    assert.ok(types.includes(t) || (t === 'integer' && types.includes('number')), `${at}: ${t} is not ${types}`);
  }
  if (s.enum) assert.ok(s.enum.includes(v), `${at}: ${v} not in enum`);
  if (typeof v === 'string' && s.pattern) assert.match(v, new RegExp(s.pattern), at);
  if (typeof v === 'string' && s.format === 'date-time') assert.match(v, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/, at);
  if (typeof v === 'string' && s.format === 'date') assert.match(v, /^\d{4}-\d\d-\d\d$/, at);
  if (typeof v === 'number') {
    if (s.minimum !== undefined) assert.ok(v >= s.minimum, `${at}: ${v} < ${s.minimum}`);
    if (s.maximum !== undefined) assert.ok(v <= s.maximum, `${at}: ${v} > ${s.maximum}`);
  }
  if (typeOf(v) === 'object') {
    for (const r of s.required || []) assert.ok(r in v, `${at}: ${r} missing`);
    for (const [k, x] of Object.entries(v)) {
      if (s.properties && s.properties[k]) validate(s.properties[k], x, `${at}.${k}`);
      else assert.notEqual(s.additionalProperties, false, `${at}.${k} is not documented`);
    }
  }
  if (Array.isArray(v) && s.items) v.forEach((x, i) => validate(s.items, x, `${at}[${i}]`));
}
// The documented operation of a call: its path template matched with {…} as digits.
function operation(method, url) {
  const p = url.split('?')[0];
  for (const [tmpl, ops] of Object.entries(DOC.paths)) {
    const re = new RegExp('^' + tmpl.replace(/\{[^}]+\}/g, '[0-9]+').replace(/\./g, '\\.') + '$');
    if (re.test(p) && ops[method.toLowerCase()]) return ops[method.toLowerCase()];
  }
  return null;
}
function conform(method, url, r) {
  const op = operation(method, url);
  assert.ok(op, `${method} ${url} is not documented`);
  const doc = resolve(op.responses[String(r.status)]);
  assert.ok(doc, `${op.operationId}: status ${r.status} is not documented (${r.text.slice(0, 200)})`);
  assert.match(r.headers.get('content-type') || '', /^application\/json/);
  assert.ok(r.json !== null, `${op.operationId} ${r.status}: not JSON`);
  validate(doc.content['application/json'].schema, r.json, `${op.operationId} ${r.status}`);
  if (r.status === 429) assert.match(r.headers.get('retry-after') || '', /^[0-9]+$/);
  seen.add(`${op.operationId} ${r.status}`);
}
// Every call of this file goes through here.
async function api(method, url, opts) {
  const r = await rawApi(method, url, opts);
  conform(method, url, r);
  return r;
}
const code = (r) => r.json && r.json.error && r.json.error.code;
const post = (url, body, opts = {}) => api('POST', url, { body, idem: idem(), ...opts });

// ---- fixtures ----
const P = {};
before(async () => {
  P.a = await makePartner(mallctl, 'API测试企业A');
  P.b = await makePartner(mallctl, 'API测试企业B');
  P.memberA = memberOf(P.a.enterprise, newMobile('166'));
  P.memberB = memberOf(P.b.enterprise, newMobile('166'));
  const r = await post(`/api/v1/members/${P.memberB}/earn`, { points: 500, reference: ref('b') }, { key: P.b });
  assert.equal(r.status, 201, r.text);
});

test('the OpenAPI 3.1 document is served without a signature and names every route', async () => {
  const r = await api('GET', '/api/v1/openapi.json');
  assert.equal(r.status, 200);
  assert.equal(r.json.openapi, '3.1.0');
  assert.deepEqual(Object.keys(r.json.paths).sort(), Object.keys(DOC.paths).sort());
  const nf = await rawApi('GET', '/api/v1/nothing-here');
  assert.equal(nf.status, 404);
  assert.equal(code(nf), 'not_found');
  const na = await rawApi('DELETE', '/api/v1/members');
  assert.equal(na.status, 405);
  assert.equal(code(na), 'method_not_allowed');
});

test('signatures: good, bad, stale, replayed nonce, tampered query or body, missing, unknown key — stable codes', async () => {
  const url = `/api/v1/members/${P.memberA}/balance`;
  const good = await api('GET', url, { key: P.a });
  assert.equal(good.status, 200);
  assert.equal(good.json.member_id, P.memberA);
  // A wrong signature, and one made with another secret.
  const bad = await api('GET', url, { key: P.a, signature: 'a'.repeat(64) });
  assert.deepEqual([bad.status, code(bad)], [401, 'bad_signature']);
  const other = await api('GET', url, { key: P.a, secret: P.b.secret });
  assert.deepEqual([other.status, code(other)], [401, 'bad_signature']);
  // Stale or future timestamps, just outside ±5 minutes; just inside is fine.
  const now = Math.floor(Date.now() / 1000);
  for (const ts of [now - 301, now + 301, 'yesterday']) {
    const r = await api('GET', url, { key: P.a, timestamp: ts });
    assert.deepEqual([r.status, code(r)], [401, 'stale_timestamp'], String(ts));
  }
  assert.equal((await api('GET', url, { key: P.a, timestamp: now - 250 })).status, 200);
  // The same request sent twice: the second is a replay.
  const nonce = `replay-${Date.now()}-abcdef`;
  const first = await api('GET', url, { key: P.a, nonce, timestamp: now });
  assert.equal(first.status, 200);
  const again = await api('GET', url, { key: P.a, nonce, timestamp: now });
  assert.deepEqual([again.status, code(again)], [401, 'replayed_nonce']);
  // The query and the body are signed: a signature for one mobile does not fit another; nor for another body.
  const m = sql(`SELECT mobile FROM members WHERE id = ${P.memberA}`);
  const ts = Math.floor(Date.now() / 1000), n2 = `tamper-${Date.now()}-xyz123`;
  const sigFor = sign(P.a.secret, 'GET', '/api/v1/members?mobile=13800000000', ts, n2, '');
  const tq = await api('GET', `/api/v1/members?mobile=${m}`, { key: P.a, timestamp: ts, nonce: n2, signature: sigFor });
  assert.deepEqual([tq.status, code(tq)], [401, 'bad_signature']);
  const body = { points: 1, reference: ref() };
  const n3 = `tamper-${Date.now()}-body12`;
  const sigBody = sign(P.a.secret, 'POST', `/api/v1/members/${P.memberA}/earn`, ts, n3, JSON.stringify({ ...body, points: 999 }));
  const tb = await api('POST', `/api/v1/members/${P.memberA}/earn`, { key: P.a, body, idem: idem(), timestamp: ts, nonce: n3, signature: sigBody });
  assert.deepEqual([tb.status, code(tb)], [401, 'bad_signature']);
  // Missing headers, a malformed nonce, an unknown key.
  const bare = await fetch(ORIGIN + url);
  assert.equal(bare.status, 401);
  assert.equal((await bare.json()).error.code, 'missing_signature');
  const shortNonce = await api('GET', url, { key: P.a, nonce: 'short' });
  assert.deepEqual([shortNonce.status, code(shortNonce)], [401, 'invalid_nonce']);
  const unknown = await api('GET', url, { key: { keyId: 'pk_nosuchkey', secret: 'x' } });
  assert.deepEqual([unknown.status, code(unknown)], [401, 'invalid_key']);
  // Every operation refuses a bad signature the same way.
  for (const [method, u] of [['GET', '/api/v1/members?mobile=13800138000'], ['POST', '/api/v1/members'], ['GET', `/api/v1/members/${P.memberA}`],
    ['GET', `/api/v1/members/${P.memberA}/ledger`], ['POST', `/api/v1/members/${P.memberA}/earn`],
    ['POST', `/api/v1/members/${P.memberA}/spend`], ['POST', '/api/v1/reversals']]) {
    const r = await api(method, u, { key: P.a, signature: 'b'.repeat(64), body: method === 'POST' ? {} : undefined, idem: idem() });
    assert.deepEqual([r.status, code(r)], [401, 'bad_signature'], `${method} ${u}`);
  }
  // The refusals are in the API log with their codes; no secret anywhere in the logs or in clear in the database.
  const codes = sql(`SELECT DISTINCT code FROM api_log WHERE partner_id = ${P.a.id} OR key_id IN ('pk_nosuchkey', '${P.a.keyId}')`).split('\n');
  for (const c of ['bad_signature', 'stale_timestamp', 'replayed_nonce']) assert.ok(codes.includes(c), c);
  for (const f of readdirSync(path.join(VAR, 'log'))) {
    const text = readFileSync(path.join(VAR, 'log', f), 'latin1');
    assert.ok(!text.includes(P.a.secret) && !text.includes(DEMO_PARTNER.secret), `a secret in log/${f}`);
  }
  assert.equal(sql(`SELECT COUNT(*) FROM partner_keys WHERE secret_enc LIKE '%${P.a.secret}%' OR secret_enc LIKE 'demo:%'`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%sk\\_%' OR before_json LIKE '%sk\\_%'`), '0');
});

test('scope: a partner of enterprise A cannot see, look up, credit or charge a member of enterprise B', async () => {
  const mB = sql(`SELECT mobile FROM members WHERE id = ${P.memberB}`);
  const before = sql(`SELECT points_balance FROM members WHERE id = ${P.memberB}`);
  for (const u of [`/api/v1/members?mobile=${mB}`, `/api/v1/members/${P.memberB}`, `/api/v1/members/${P.memberB}/balance`,
    `/api/v1/members/${P.memberB}/ledger`]) {
    const r = await api('GET', u, { key: P.a });
    assert.deepEqual([r.status, code(r)], [404, 'member_not_found'], u);
  }
  const earn = await post(`/api/v1/members/${P.memberB}/earn`, { points: 100, reference: ref() }, { key: P.a });
  assert.deepEqual([earn.status, code(earn)], [404, 'member_not_found']);
  const spend = await post(`/api/v1/members/${P.memberB}/spend`, { points: 1, reference: ref() }, { key: P.a });
  assert.deepEqual([spend.status, code(spend)], [404, 'member_not_found']);
  // B's own references cannot be reversed by A either.
  const bRef = sql(`SELECT ref FROM api_ops WHERE enterprise = '${P.b.enterprise}' AND kind = 'earn' LIMIT 1`);
  const rev = await post('/api/v1/reversals', { reference: bRef }, { key: P.a });
  assert.deepEqual([rev.status, code(rev)], [404, 'reference_not_found']);
  assert.equal(sql(`SELECT points_balance FROM members WHERE id = ${P.memberB}`), before, 'B\'s member untouched');
  // A member of no enterprise (self-registered) belongs to no partner; the demo member of 招商银行 is not 中国移动's.
  const own = await api('GET', '/api/v1/members?mobile=13911112222', { key: DEMO_PARTNER });
  assert.equal(own.status, 404);
  const theirs = await api('GET', '/api/v1/members?mobile=13911112222', { key: { keyId: 'pk_demo_cmb', secret: 'sk_demo_cmb_local_only' } });
  assert.equal(theirs.status, 200, theirs.text);
  // B sees its member.
  assert.equal((await api('GET', `/api/v1/members/${P.memberB}`, { key: P.b })).status, 200);
});

test('enrolment: a new member of the enterprise, found by mobile and by its own id; duplicates and bad input refused', async () => {
  const m = newMobile('165'), ext = `E-${Date.now()}`;
  const r = await post('/api/v1/members', { mobile: m, name: '接口会员', ext_id: ext }, { key: P.a });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual([r.json.mobile, r.json.ext_id, r.json.balance, r.json.status], [m, ext, 0, 'active']);
  assert.equal(sql(`SELECT enterprise FROM members WHERE id = ${r.json.member_id}`), P.a.enterprise);
  const byExt = await api('GET', `/api/v1/members?ext_id=${ext}`, { key: P.a });
  assert.equal(byExt.json.member_id, r.json.member_id);
  const byMobile = await api('GET', `/api/v1/members?mobile=${m}`, { key: P.a });
  assert.equal(byMobile.json.member_id, r.json.member_id);
  // The same ext_id in another enterprise is another member's business: B does not see it.
  assert.equal((await api('GET', `/api/v1/members?ext_id=${ext}`, { key: P.b })).status, 404);
  const dup = await post('/api/v1/members', { mobile: m }, { key: P.a });
  assert.deepEqual([dup.status, code(dup)], [409, 'member_exists']);
  const dupExt = await post('/api/v1/members', { mobile: newMobile('165'), ext_id: ext }, { key: P.a });
  assert.deepEqual([dupExt.status, code(dupExt)], [409, 'ext_id_taken']);
  const badMobile = await post('/api/v1/members', { mobile: '12345' }, { key: P.a });
  assert.deepEqual([badMobile.status, code(badMobile)], [400, 'invalid_request']);
  assert.match(badMobile.json.error.message, /^mobile/);
  const noLookup = await api('GET', '/api/v1/members', { key: P.a });
  assert.deepEqual([noLookup.status, code(noLookup)], [400, 'invalid_request']);
  // Writes need JSON and an Idempotency-Key.
  for (const u of ['/api/v1/members', `/api/v1/members/${P.memberA}/earn`, `/api/v1/members/${P.memberA}/spend`, '/api/v1/reversals']) {
    const noKey = await api('POST', u, { key: P.a, body: { mobile: newMobile('165') } });
    assert.deepEqual([noKey.status, code(noKey)], [400, 'idempotency_key_required'], u);
    const form = await api('POST', u, { key: P.a, body: 'mobile=1', idem: idem(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.deepEqual([form.status, code(form)], [415, 'unsupported_media_type'], u);
    const broken = await api('POST', u, { key: P.a, body: '{"points": 1,', idem: idem() });
    assert.deepEqual([broken.status, code(broken)], [400, 'invalid_json'], u);
  }
});

test('idempotency: a retry returns the first answer without a second effect; another body is 422; racing duplicates → one effect', async () => {
  const u = `/api/v1/members/${P.memberA}/earn`, key = idem(), body = { points: 40, reference: ref('idem'), source: 'bill' };
  const first = await api('POST', u, { key: P.a, body, idem: key });
  assert.equal(first.status, 201, first.text);
  const retry = await api('POST', u, { key: P.a, body, idem: key });
  assert.equal(retry.status, 201);
  assert.equal(retry.text, first.text, 'same body, byte for byte');
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  assert.equal(sql(`SELECT COUNT(*) FROM api_ops WHERE ref = '${body.reference}'`), '1');
  assert.equal(sql(`SELECT COUNT(*) FROM points_ledger WHERE id = ${first.json.ledger_id} AND kind = 'api_earn'`), '1');
  const other = await api('POST', u, { key: P.a, body: { ...body, points: 41 }, idem: key });
  assert.deepEqual([other.status, code(other)], [422, 'idempotency_conflict']);
  // Every write refuses a key reused with another body.
  const m = newMobile('165');
  const en = await api('POST', '/api/v1/members', { key: P.a, body: { mobile: m }, idem: key });
  assert.deepEqual([en.status, code(en)], [422, 'idempotency_conflict']);
  for (const w of ['spend']) {
    const r = await api('POST', `/api/v1/members/${P.memberA}/${w}`, { key: P.a, body: { points: 1, reference: ref() }, idem: key });
    assert.deepEqual([r.status, code(r)], [422, 'idempotency_conflict']);
  }
  const rv = await api('POST', '/api/v1/reversals', { key: P.a, body: { reference: body.reference }, idem: key });
  assert.deepEqual([rv.status, code(rv)], [422, 'idempotency_conflict']);
  // A refusal is an answer too: retried, it comes back the same.
  const big = { points: 9999999, reference: ref('big') }, bk = idem();
  const no1 = await api('POST', `/api/v1/members/${P.memberA}/spend`, { key: P.a, body: big, idem: bk });
  const no2 = await api('POST', `/api/v1/members/${P.memberA}/spend`, { key: P.a, body: big, idem: bk });
  assert.deepEqual([no1.status, code(no1)], [409, 'insufficient_points']);
  assert.equal(no2.text, no1.text);
  // Twenty identical requests at once with one key: one effect, twenty identical answers.
  const race = { points: 7, reference: ref('race') }, rk = idem();
  const answers = await Promise.all(Array.from({ length: 20 }, () => api('POST', u, { key: P.a, body: race, idem: rk })));
  assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([201]));
  assert.equal(new Set(answers.map((a) => a.text)).size, 1, 'every racer got the first answer');
  assert.equal(sql(`SELECT COUNT(*) FROM api_ops WHERE ref = '${race.reference}'`), '1');
  assert.equal(sql(`SELECT COUNT(*) FROM points_ledger e JOIN api_ops o ON o.ledger_id = e.id WHERE o.ref = '${race.reference}'`), '1');
  // Kept at least 24 hours; gone after their time with mallctl api-purge.
  assert.ok(Number(sql(`SELECT TIMESTAMPDIFF(HOUR, created_at, expires_at) FROM api_idempotency WHERE idem_key = '${rk}'`)) >= 24);
  sql(`UPDATE api_idempotency SET expires_at = NOW() - INTERVAL 1 SECOND WHERE idem_key = '${rk}';
       UPDATE api_nonces SET expires_at = NOW() - INTERVAL 1 SECOND WHERE partner_id = ${P.a.id}`);
  const purge = mallctlRun('api-purge');
  assert.equal(purge.status, 0, purge.err);
  assert.match(purge.out, /[1-9][0-9]* nonces, [1-9][0-9]* idempotency keys/);
  assert.equal(sql(`SELECT COUNT(*) FROM api_idempotency WHERE idem_key = '${rk}'`), '0');
  assert.equal(sql("SELECT COUNT(*) FROM job_locks WHERE name = 'api-purge' AND locked_until <= NOW()"), '1', 'ran under its job lock, given back');
  checkLedger();
});

test('earn, spend (FIFO lots), reverse: an earn partly spent is refused, untouched earns and spends are reversed once', async () => {
  const mem = memberOf(P.a.enterprise, newMobile('166'));
  const soon = sql('SELECT CURDATE() + INTERVAL 30 DAY'), later = sql('SELECT CURDATE() + INTERVAL 300 DAY');
  const e1 = ref('e1'), e2 = ref('e2'), s1 = ref('s1');
  const r1 = await post(`/api/v1/members/${mem}/earn`, { points: 100, reference: e1, expires_on: soon, note: '月度积分' }, { key: P.a });
  assert.equal(r1.status, 201, r1.text);
  assert.deepEqual([r1.json.points, r1.json.balance, r1.json.expires_on, r1.json.kind], [100, 100, soon, 'earn']);
  const r2 = await post(`/api/v1/members/${mem}/earn`, { points: 50, reference: e2, expires_on: later }, { key: P.a });
  assert.equal(r2.json.balance, 150);
  const again = await post(`/api/v1/members/${mem}/earn`, { points: 5, reference: e1 }, { key: P.a });
  assert.deepEqual([again.status, code(again)], [409, 'reference_exists']);
  for (const [field, b] of [['points', { points: 0, reference: ref() }], ['reference', { points: 1, reference: 'a b' }],
    ['expires_on', { points: 1, reference: ref(), expires_on: sql('SELECT CURDATE()') }], ['expires_on', { points: 1, reference: ref(), expires_on: '2030-02-30' }]]) {
    const r = await post(`/api/v1/members/${mem}/earn`, b, { key: P.a });
    assert.deepEqual([r.status, code(r)], [400, 'invalid_request'], JSON.stringify(b));
    assert.match(r.json.error.message, new RegExp(`^${field}`));
  }
  // The spend takes from the earliest-expiring lot first (the orders' FIFO code).
  const sp = await post(`/api/v1/members/${mem}/spend`, { points: 30, reference: s1 }, { key: P.a });
  assert.deepEqual([sp.status, sp.json.points, sp.json.balance], [201, -30, 120]);
  assert.equal(sql(`SELECT l.expires_at FROM points_allocations a JOIN points_lots l ON l.id = a.lot_id WHERE a.ledger_id = ${sp.json.ledger_id}`), soon);
  const tooMuch = await post(`/api/v1/members/${mem}/spend`, { points: 121, reference: ref() }, { key: P.a });
  assert.deepEqual([tooMuch.status, code(tooMuch)], [409, 'insufficient_points']);
  // e1 is partly spent: its reverse is refused and nothing moves (documented choice: refused, not clawed back).
  const no = await post('/api/v1/reversals', { reference: e1 }, { key: P.a });
  assert.deepEqual([no.status, code(no)], [409, 'earn_already_used']);
  assert.equal(sql(`SELECT points_balance FROM members WHERE id = ${mem}`), '120');
  // e2 is untouched: taken back whole, once.
  const rv2 = await post('/api/v1/reversals', { reference: e2, note: '订单取消' }, { key: P.a });
  assert.deepEqual([rv2.status, rv2.json.kind, rv2.json.points, rv2.json.balance, rv2.json.reverses], [201, 'reverse', -50, 70, e2]);
  const twice = await post('/api/v1/reversals', { reference: e2 }, { key: P.a });
  assert.deepEqual([twice.status, code(twice)], [409, 'already_reversed']);
  // The spend reversed: its 30 points go back to e1's lot with e1's expiry; then e1 is whole again and can be reversed.
  const rvs = await post('/api/v1/reversals', { reference: s1 }, { key: P.a });
  assert.deepEqual([rvs.status, rvs.json.points, rvs.json.balance], [201, 30, 100]);
  assert.equal(sql(`SELECT remaining FROM points_lots l JOIN points_ledger e ON e.lot_id = l.id WHERE e.id = ${r1.json.ledger_id}`), '100');
  const rv1 = await post('/api/v1/reversals', { reference: e1 }, { key: P.a });
  assert.deepEqual([rv1.status, rv1.json.balance], [201, 0]);
  const unknownRef = await post('/api/v1/reversals', { reference: ref('none') }, { key: P.a });
  assert.deepEqual([unknownRef.status, code(unknownRef)], [404, 'reference_not_found']);
  // A frozen member cannot be charged.
  await post(`/api/v1/members/${mem}/earn`, { points: 10, reference: ref() }, { key: P.a });
  sql(`UPDATE members SET status = 'frozen' WHERE id = ${mem}`);
  const frozen = await post(`/api/v1/members/${mem}/spend`, { points: 5, reference: ref() }, { key: P.a });
  assert.deepEqual([frozen.status, code(frozen)], [409, 'member_frozen']);
  const badSpend = await post(`/api/v1/members/${mem}/spend`, { points: 'five', reference: ref() }, { key: P.a });
  assert.deepEqual([badSpend.status, code(badSpend)], [400, 'invalid_request']);
  const badRev = await post('/api/v1/reversals', {}, { key: P.a });
  assert.deepEqual([badRev.status, code(badRev)], [400, 'invalid_request']);
  assert.equal(sql(`SELECT GROUP_CONCAT(kind ORDER BY id) FROM points_ledger WHERE member_id = ${mem}`),
    'api_earn,api_earn,api_spend,api_reverse,api_reverse,api_reverse,api_earn');
  checkLedger();
  // check-ledger notices an API operation that no longer matches its entry, and a reversed spend whose lots did not
  // get its points back.
  sql(`UPDATE api_ops SET points = points + 1 WHERE ledger_id = ${sp.json.ledger_id}`);
  let bad = mallctlRun('check-ledger');
  assert.equal(bad.status, 1);
  assert.match(bad.out, /every API entry is one API operation[^\n]*FAIL|every API entry is one API operation[^\n]*[1-9]/);
  sql(`UPDATE api_ops SET points = points - 1 WHERE ledger_id = ${sp.json.ledger_id}`);
  sql(`UPDATE points_allocations SET refunded = 0 WHERE ledger_id = ${sp.json.ledger_id}`);
  bad = mallctlRun('check-ledger');
  assert.equal(bad.status, 1);
  assert.match(bad.out, /an API spend's lots got back exactly what its reverse returned[^\n]*[1-9]/);
  sql(`UPDATE points_allocations SET refunded = amount WHERE ledger_id = ${sp.json.ledger_id}`);
  checkLedger();
});

test("the member's points page lists API entries under their own kinds", async () => {
  const [m] = makeMembers(1);
  const id = memberId(m);
  sql(`UPDATE members SET enterprise = '${P.a.enterprise}' WHERE id = ${id}`);
  const e = ref('page');
  assert.equal((await post(`/api/v1/members/${id}/earn`, { points: 88, reference: e, note: '合作方活动' }, { key: P.a })).status, 201);
  assert.equal((await post(`/api/v1/members/${id}/spend`, { points: 8, reference: ref() }, { key: P.a })).status, 201);
  const c = new Client();
  await c.login(m);
  const all = await c.get('/points');
  assert.equal(all.status, 200);
  assert.match(all.html, /class="kind-api_earn"[\s\S]*?合作方发放[\s\S]*?\+88/);
  const only = await c.get('/points?kind=api_spend');
  assert.equal(only.status, 200);
  assert.match(only.html, /class="kind-api_spend"/);
  assert.doesNotMatch(only.html, /class="kind-api_earn"/);
});

test('ledger: keyset pages newest first without overlap, filtered by a day range', async () => {
  const mem = memberOf(P.a.enterprise, newMobile('166'));
  for (let i = 0; i < 25; i++) await post(`/api/v1/members/${mem}/earn`, { points: i + 1, reference: ref('L') }, { key: P.a });
  const ids = [];
  let cursor = null, pages = 0;
  do {
    const r = await api('GET', `/api/v1/members/${mem}/ledger?limit=10${cursor ? `&cursor=${cursor}` : ''}`, { key: P.a });
    assert.equal(r.status, 200);
    ids.push(...r.json.entries.map((e) => e.id));
    cursor = r.json.next_cursor;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.equal(ids.length, 25);
  assert.equal(new Set(ids).size, 25, 'no entry twice');
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
  // Five entries moved to a past day: the range finds exactly them.
  sql(`UPDATE points_ledger SET created_at = '2025-03-15 10:00:00' WHERE id IN (${ids.slice(20).join(',')})`);
  const day = await api('GET', `/api/v1/members/${mem}/ledger?from=2025-03-15&to=2025-03-15`, { key: P.a });
  assert.deepEqual(day.json.entries.map((e) => e.id), ids.slice(20));
  assert.match(day.json.entries[0].created_at, /^2025-03-15T10:00:00[+-]\d\d:\d\d$/);
  const none = await api('GET', `/api/v1/members/${mem}/ledger?from=2025-03-16&to=2025-03-20`, { key: P.a });
  assert.deepEqual([none.json.entries, none.json.next_cursor], [[], null]);
  for (const qs of ['limit=0', 'limit=101', 'from=2025-13-01', 'cursor=abc', 'from=2025-03-20&to=2025-03-01']) {
    const r = await api('GET', `/api/v1/members/${mem}/ledger?${qs}`, { key: P.a });
    assert.deepEqual([r.status, code(r)], [400, 'invalid_request'], qs);
  }
});

test('rate limit per partner, counted in the database: 429 with Retry-After on every operation', async () => {
  const slow = await makePartner(mallctl, 'API测试企业A', { rate: 3 });
  const url = `/api/v1/members/${P.memberA}/balance`;
  // Within one minute (a boundary would reset the count: start early in a minute).
  if (new Date().getSeconds() > 45) await new Promise((r) => setTimeout(r, (61 - new Date().getSeconds()) * 1000));
  for (let i = 0; i < 3; i++) assert.equal((await api('GET', url, { key: slow })).status, 200);
  const limited = await api('GET', url, { key: slow });
  assert.deepEqual([limited.status, code(limited)], [429, 'rate_limited']);
  const wait = Number(limited.headers.get('retry-after'));
  assert.ok(wait >= 1 && wait <= 60, String(wait));
  assert.ok(Number(sql(`SELECT MAX(n) FROM api_rate WHERE partner_id = ${slow.id}`)) >= 4, 'counted in api_rate');
  for (const [method, u] of [['GET', '/api/v1/members?mobile=13800138000'], ['POST', '/api/v1/members'], ['GET', `/api/v1/members/${P.memberA}`],
    ['GET', `/api/v1/members/${P.memberA}/ledger`], ['POST', `/api/v1/members/${P.memberA}/earn`],
    ['POST', `/api/v1/members/${P.memberA}/spend`], ['POST', '/api/v1/reversals']]) {
    const r = await api(method, u, { key: slow, body: method === 'POST' ? {} : undefined, idem: idem() });
    assert.equal(r.status, 429, `${method} ${u}`);
  }
  // Another partner is not slowed down.
  assert.equal((await api('GET', url, { key: P.a })).status, 200);
});

test('back office: partners, a key shown once to its maker, rotation (two keys), revocation, disabling, the API log', async () => {
  const { c } = await adminClient('super');
  await c.get('/admin/partners');
  const made = await c.post('/admin/partners', { name: '测试合作方', enterprise: P.a.enterprise, rate: 600 }, '/admin/partners');
  assert.equal(made.status, 303, flash(made.html));
  const id = Number(made.location.match(/\/admin\/partners\/(\d+)/)[1]);
  const bad = await c.post('/admin/partners', { name: 'x', enterprise: 'no such enterprise', rate: 600 }, '/admin/partners');
  assert.match(bad.html, /请选择已有的企业/);
  async function newKey() {
    const r = await c.post(`/admin/partners/${id}/keys`, {}, `/admin/partners/${id}`);
    assert.equal(r.status, 303);
    const page = await c.get(r.location);
    const keyId = page.html.match(/id="new-key-id">([^<]+)</)[1], secret = page.html.match(/id="new-key-secret">([^<]+)</)[1];
    // Shown once: the same address again shows no secret.
    const again = await c.get(r.location);
    assert.doesNotMatch(again.html, /new-key-secret/);
    assert.ok(!again.html.includes(secret));
    return { keyId, secret, enterprise: P.a.enterprise };
  }
  const k1 = await newKey();
  assert.equal((await api('GET', `/api/v1/members/${P.memberA}`, { key: k1 })).status, 200);
  // Another admin never sees it.
  const { c: other } = await adminClient('super');
  const peek = await other.get(`/admin/partners/${id}?reveal=${k1.keyId}`);
  assert.ok(!peek.html.includes(k1.secret));
  // Rotation: a second key works alongside the first; then the first is revoked.
  const k2 = await newKey();
  assert.equal((await api('GET', `/api/v1/members/${P.memberA}`, { key: k2 })).status, 200);
  assert.equal((await api('GET', `/api/v1/members/${P.memberA}`, { key: k1 })).status, 200);
  const rv = await c.post(`/admin/partners/${id}/keys/${k1.keyId}/revoke`, {}, `/admin/partners/${id}`);
  assert.equal(rv.status, 303);
  const gone = await api('GET', `/api/v1/members/${P.memberA}`, { key: k1 });
  assert.deepEqual([gone.status, code(gone)], [401, 'invalid_key']);
  assert.equal((await api('GET', `/api/v1/members/${P.memberA}`, { key: k2 })).status, 200);
  // Disabled partner: every key refused; enabled again: back.
  assert.equal((await c.post(`/admin/partners/${id}/status`, { status: 'disabled' }, `/admin/partners/${id}`)).status, 303);
  assert.equal(code(await api('GET', `/api/v1/members/${P.memberA}`, { key: k2 })), 'invalid_key');
  assert.equal((await c.post(`/admin/partners/${id}/status`, { status: 'active' }, `/admin/partners/${id}`)).status, 303);
  assert.equal((await api('GET', `/api/v1/members/${P.memberA}`, { key: k2 })).status, 200);
  const actions = sql(`SELECT GROUP_CONCAT(action ORDER BY id) FROM audit_log WHERE entity = 'partner' AND entity_id = ${id}`);
  assert.equal(actions, 'create,key_create,key_create,key_revoke,update,update');
  // The API log: this partner's calls, newest first, keyset pages of 50 without overlap.
  for (let i = 0; i < 55; i++) await rawApi('GET', `/api/v1/members/${P.memberA}/balance`, { key: k2 });
  const log1 = await c.get(`/admin/api-log?partner=${id}`);
  assert.equal(log1.status, 200);
  const rows1 = [...log1.html.matchAll(/data-log="(\d+)"/g)].map((m) => Number(m[1]));
  assert.equal(rows1.length, 50);
  assert.ok(log1.html.includes(k2.keyId) && !log1.html.includes(k2.secret));
  const next = log1.html.match(/href="\/admin\/api-log\?partner=\d+&amp;before=(\d+)"/)[1];
  const log2 = await c.get(`/admin/api-log?partner=${id}&before=${next}`);
  const rows2 = [...log2.html.matchAll(/data-log="(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(rows2.length > 0 && Math.max(...rows2) < Math.min(...rows1), 'the next page continues below');
  assert.match(log2.html, /invalid_key/, 'calls with the revoked key are logged under their partner');
  // Who may: ops sees the log but not the partners; finance neither.
  const { c: ops } = await adminClient('ops');
  assert.equal((await ops.get('/admin/api-log')).status, 200);
  assert.equal((await ops.get('/admin/partners')).status, 403);
  const { c: fin } = await adminClient('finance');
  assert.equal((await fin.get('/admin/api-log')).status, 403);
});

test('1,000 mixed parallel API calls (earn, spend, reverse, reads) leave the ledger consistent', async () => {
  const members = Array.from({ length: 12 }, () => memberOf(P.a.enterprise, newMobile('167')));
  const refs = [];
  const kinds = { earn: 0, spend: 0, reverse: 0, read: 0 };
  const statuses = {};
  const jobs = Array.from({ length: 1000 }, (_, i) => i);
  await pool(jobs, 24, async (i) => {
    const m = members[i % members.length];
    const dice = (i * 7919) % 100;
    let r;
    if (dice < 40) {
      const rf = ref('mix');
      r = await post(`/api/v1/members/${m}/earn`, { points: 10 + (i % 50), reference: rf }, { key: P.a });
      if (r.status === 201) refs.push(rf);
      kinds.earn++;
    } else if (dice < 70) {
      const rf = ref('mix');
      r = await post(`/api/v1/members/${m}/spend`, { points: 5 + (i % 30), reference: rf }, { key: P.a });
      if (r.status === 201) refs.push(rf);
      kinds.spend++;
    } else if (dice < 85 && refs.length) {
      r = await post('/api/v1/reversals', { reference: refs[(i * 31) % refs.length] }, { key: P.a });
      kinds.reverse++;
    } else {
      r = await api('GET', `/api/v1/members/${m}/${i % 2 ? 'balance' : 'ledger'}`, { key: P.a });
      kinds.read++;
    }
    statuses[r.status] = (statuses[r.status] || 0) + 1;
    assert.ok([200, 201, 409].includes(r.status), `${r.status} ${r.text}`);
  });
  assert.ok(kinds.earn > 300 && kinds.spend > 200 && kinds.reverse > 100, JSON.stringify(kinds));
  assert.ok(statuses[201] > 500, JSON.stringify(statuses));
  checkLedger();
  // Each member's balance as the API tells it = the sum of its ledger.
  for (const m of members) {
    const b = await api('GET', `/api/v1/members/${m}/balance`, { key: P.a });
    assert.equal(String(b.json.balance), sql(`SELECT COALESCE(SUM(amount), 0) FROM points_ledger WHERE member_id = ${m}`));
  }
});

test('earn by rule (P2): the answer names the rule, its version and the bonuses; the reverse takes them back — as documented', async () => {
  const ent = P.a.enterprise;
  sql(`INSERT INTO earning_rules (enterprise, code, version, name, points_per_unit, unit_fen, rounding, member_day_cap)
       VALUES ('${ent}', 'api-yuan', 1, 'api test', 1, 100, 'half_up', 50)`);
  const act = makeActivity([]);
  sql(`INSERT INTO activity_bonuses (activity_id, enterprise, kind, multiplier_pct) VALUES (${act}, '${ent}', 'multiply', 150)`);
  try {
    const mem = memberOf(ent, newMobile('166'));
    const e = await post(`/api/v1/members/${mem}/earn`, { rule: 'api-yuan', amount_fen: 3050, reference: ref('rule') }, { key: P.a });
    assert.equal(e.status, 201, e.text);
    assert.deepEqual(e.json.rule, { code: 'api-yuan', version: 1, amount_fen: 3050, computed: 31, points: 31, capped: false });
    assert.deepEqual(e.json.bonuses.map((b) => [b.activity_id, b.points]), [[act, 15]]);
    assert.equal(e.json.balance, 46);
    const capped = await post(`/api/v1/members/${mem}/earn`, { rule: 'api-yuan', amount_fen: 3000, reference: ref('rule') }, { key: P.a });
    assert.deepEqual([capped.json.points, capped.json.rule.capped], [19, true]);
    const full = await post(`/api/v1/members/${mem}/earn`, { rule: 'api-yuan', amount_fen: 100, reference: ref('rule') }, { key: P.a });
    assert.deepEqual([full.status, code(full)], [409, 'daily_cap_reached']);
    const none = await post(`/api/v1/members/${mem}/earn`, { rule: 'no-such-rule', amount_fen: 100, reference: ref('rule') }, { key: P.a });
    assert.deepEqual([none.status, code(none)], [404, 'rule_not_found']);
    const rv = await post('/api/v1/reversals', { reference: e.json.reference }, { key: P.a });
    assert.equal(rv.status, 201, rv.text);
    assert.deepEqual(rv.json.bonuses.map((b) => [b.activity_id, b.points]), [[act, -15]]);
    assert.equal(rv.json.balance, 19 + 9, 'the capped earn and its bonus stay');
  } finally {
    sql(`UPDATE activities SET ends_at = NOW() - INTERVAL 1 SECOND WHERE id = ${act}`);
  }
  checkLedger();
});

test('every response the OpenAPI document lists was seen and matched its schema', () => {
  const missing = [];
  for (const ops of Object.values(DOC.paths))
    for (const op of Object.values(ops))
      for (const st of Object.keys(op.responses)) if (!seen.has(`${op.operationId} ${st}`)) missing.push(`${op.operationId} ${st}`);
  assert.deepEqual(missing, []);
});
