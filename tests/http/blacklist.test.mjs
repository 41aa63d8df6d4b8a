// blacklist.test.mjs: the blacklist (F3) — automatic rules caught where the events happen, manual entries (IP, CIDR
// range, member mobile, merchant account) with expiry and removal, the 403 page, the back office's forms and audit.
// Every client has its own loopback source address (lib/client.mjs), which is the REMOTE_ADDR the mall sees: a test
// blocks only addresses and accounts of its own, and never changes a rule other test files could trip over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, q, num, pool } from './lib/stack.mjs';
import { Client, flash, fieldError } from './lib/client.mjs';
import { makeMembers, mobile as randomMobile, skipCooldown } from './lib/members.mjs';
import { adminClient, auditOf } from './lib/admin.mjs';
import { makeProduct, placeNow, sendCode, payOrder } from './lib/shop.mjs';
import { makeCardMembers } from './lib/card.mjs';
import { makeMerchantUser, merchantClient, MERCHANT_PASSWORD } from './lib/merchants.mjs';

const BLOCKED_ZH = /访问受限/;
const loopback = (a, b, c) => `127.${a}.${b}.${c}`;
const octet = () => randomInt(1, 250);

// A sign-in attempt from client c → the response.
const signIn = (c, m, password) => c.submit('/login', '/login', { mobile: m, password });
// The back office's add form → the response (303 on success).
const addEntry = (admin, form) => admin.post('/admin/blacklist', form, '/admin/blacklist');
// The id of the newest entry naming value.
const entryId = (value) => num(sql(`SELECT MAX(id) FROM blacklist_entries WHERE value = '${value.replace(/[^0-9a-zA-Z.:/_]/g, '')}'`));
// Removes entry id through the confirmation form.
async function removeEntry(admin, id, reason = '核实后解除') {
  const form = await admin.get(`/admin/blacklist/${id}/remove`);
  assert.equal(form.status, 200);
  const r = await admin.post(`/admin/blacklist/${id}/remove`, { reason, confirm: 1 });
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(r.location, '/admin/blacklist?done=removed');
}
// The mall's clock (its time zone) plus s seconds, as the add form takes it.
const mallTimePlus = (s) => sql(`SELECT DATE_FORMAT(NOW() + INTERVAL ${Number(s)} SECOND, '%Y-%m-%d %H:%i:%s')`);

function assertBlocked(r, what) {
  assert.equal(r.status, 403, `${what}: expected the blocked page, got ${r.status} ${flash(r.html) || ''}`);
  assert.match(r.html, BLOCKED_ZH, `${what}: the zh blocked page`);
  assert.match(r.html, /400-800-2026/, `${what}: says how to appeal`);
  assert.match(r.html, /<code>B\d+<\/code>/, `${what}: the appeal reference`);
}

test('more than 60 failed sign-ins from one IP in an hour: that IP is blocked on its next request, and only it', async () => {
  const [victim, other] = makeMembers(2);
  const a = octet(), b = octet();
  const bad = new Client(loopback(a, b, 11));
  // 61 failures: the throttle locks the account after 5 (429), and the refused attempts count too.
  const guessed = randomMobile('136');
  let last;
  for (let i = 0; i < 61; i++) {
    last = await signIn(bad, guessed, 'wrong-password');
    assert.ok([200, 429].includes(last.status), `attempt ${i + 1}: ${last.status}`);
  }
  const ip = loopback(a, b, 11);
  assert.equal(sql(`SELECT COUNT(*) FROM blacklist_entries WHERE kind = 'ip' AND value = '${ip}' AND rule_id = 1`), '1',
    'the rule that caught it is recorded');
  // Its next request, even with the right password of a real account, is refused.
  assertBlocked(await signIn(bad, victim, 'Demo@2026'), 'the caught IP');
  // Another IP signs in that same account, and another account, as usual.
  assert.equal((await signIn(new Client(loopback(a, b, 12)), victim, 'Demo@2026')).status, 303, 'another IP goes on');
  assert.equal((await signIn(new Client(), other, 'Demo@2026')).status, 303, 'another account goes on');
  // Codes from the caught IP are refused too.
  assertBlocked(await bad.submit('/forgot', '/forgot/code', { mobile: victim }), 'a code requested from the caught IP');
});

// Rule 3 (redemptions per member, more than 20 a day on 3 of the last 7 days) switched on or off through its form.
const PAYMENT_RULE = { threshold: 20, period: 'days', window_minutes: 1440, days_needed: 3, days_span: 7, block_minutes: 10080 };
async function paymentRule(admin, on) {
  const r = await admin.post('/admin/blacklist/rules/3', on ? { ...PAYMENT_RULE, enabled: 1 } : PAYMENT_RULE, '/admin/blacklist/rules');
  assert.equal(r.status, 303, fieldError(r.html, 'threshold') || flash(r.html));
}

test('redemptions on 3 days within a week over the daily threshold: the member is blocked, with the rule recorded', async (t) => {
  // Off by default (a flash sale's own buyers must not trip it): on for this test only. Nobody else's counters reach
  // 3 days over the threshold, so other tests running meanwhile are not affected.
  const { c: admin } = await adminClient();
  await paymentRule(admin, true);
  t.after(() => paymentRule(admin, false));
  const [m] = makeMembers(1, 10000);
  const c = new Client();
  await c.login(m);
  // Two earlier days over the threshold (20 a day) and 20 today already, written as the counters would have them.
  sql(`INSERT INTO blacklist_counts (event, subject_kind, subject, unit, bucket, n) VALUES
       ('payment', 'mobile', ${q(m)}, 'day', CURDATE() - INTERVAL 5 DAY, 25),
       ('payment', 'mobile', ${q(m)}, 'day', CURDATE() - INTERVAL 2 DAY, 21),
       ('payment', 'mobile', ${q(m)}, 'day', CURDATE(), 20)`, { flush: false });
  const product = makeProduct({ points: 10, stock: 10 });
  const first = await placeNow(c, product);
  await payOrder(c, m, first); // the 21st today: the third day over the threshold
  const entry = sql(`SELECT rule_id, TIMESTAMPDIFF(DAY, NOW(), expires_at) FROM blacklist_entries WHERE kind = 'mobile' AND value = ${q(m)}`);
  assert.equal(entry.split('\t')[0], '3', 'caught by the payment rule');
  assert.ok(Number(entry.split('\t')[1]) >= 6, 'for the rule\'s week');
  const second = await placeNow(c, product); // ordering is not refused: paying is
  assertBlocked(await c.post(`/order/${second}/code`, {}), 'a payment code');
  assertBlocked(await c.post(`/order/${second}/pay`, { code: '123456' }), 'a payment');
});

test('more than 200 code requests an hour from one IP (rule switched on): blocked, other IPs go on', async (t) => {
  const { c: admin } = await adminClient();
  const rule = { threshold: 200, period: 'minutes', window_minutes: 60, days_needed: 1, days_span: 1, block_minutes: 1440 };
  const set = async (on) => assert.equal((await admin.post('/admin/blacklist/rules/2', on ? { ...rule, enabled: 1 } : rule,
    '/admin/blacklist/rules')).status, 303);
  await set(true);
  t.after(() => set(false));
  const a = octet(), b = octet();
  const bad = new Client(loopback(a, b, 21));
  // The per-IP code throttle answers 429 after 30; the requests it refuses still count.
  const statuses = [];
  for (let i = 0; i < 201; i++) statuses.push((await bad.post('/forgot/code', { mobile: randomMobile('136') }, '/forgot')).status);
  assert.ok(statuses.every((s) => s === 200 || s === 429), `statuses ${[...new Set(statuses)]}`);
  assert.equal(sql(`SELECT rule_id FROM blacklist_entries WHERE kind = 'ip' AND value = '${loopback(a, b, 21)}'`), '2');
  assertBlocked(await bad.post('/forgot/code', { mobile: randomMobile('136') }, '/forgot'), 'the 202nd request');
  assert.equal((await new Client(loopback(a, b, 22)).submit('/forgot', '/forgot/code', { mobile: randomMobile('136') })).status, 200,
    'the neighbour address goes on');
});

test('a manual entry for a member mobile blocks sign-in and payment; removal unblocks at once; both audited', async () => {
  const { c: admin } = await adminClient('ops');
  const [m] = makeMembers(1, 1000);
  const c = new Client();
  await c.login(m);
  const no = await placeNow(c, makeProduct({ points: 10 }));
  await sendCode(c, no, m);
  const r = await addEntry(admin, { kind: 'mobile', value: m, reason: '刷单嫌疑' });
  assert.equal(r.status, 303, fieldError(r.html, 'value') || flash(r.html));
  const id = entryId(m);
  // The list shows it (active filter is the default).
  const list = await admin.get(`/admin/blacklist?kind=mobile&q=${m}`);
  assert.equal(list.status, 200);
  assert.match(list.html, new RegExp(`data-value="${m}" data-state="active"`));
  // Signed in already: paying and codes are refused; a new sign-in too (from any IP).
  skipCooldown(m);
  assertBlocked(await c.post(`/order/${no}/code`, {}), 'payment code');
  assertBlocked(await c.post(`/order/${no}/pay`, { code: '000000' }), 'payment');
  assertBlocked(await signIn(new Client(), m, 'Demo@2026'), 'sign-in');
  // Browsing goes on.
  assert.equal((await c.get('/products')).status, 200);
  await removeEntry(admin, id);
  assert.equal((await signIn(new Client(), m, 'Demo@2026')).status, 303, 'signs in again at once');
  await payOrder(c, m, no);
  const audit = auditOf('blacklist', id);
  assert.deepEqual(audit.map((e) => e.action), ['create', 'remove']);
  assert.equal(audit[0].after.value, m);
  assert.equal(audit[0].after.reason, '刷单嫌疑');
  assert.equal(audit[1].after.remove_reason, '核实后解除');
  assert.ok(audit[1].after.removed_at);
});

test('a manual entry with an expiry lapses by itself (no write, no cache flush)', async () => {
  const { c: admin } = await adminClient();
  const [m] = makeMembers(1);
  const r = await addEntry(admin, { kind: 'mobile', value: m, reason: '临时封禁', expires: mallTimePlus(3) });
  assert.equal(r.status, 303, fieldError(r.html, 'expires') || flash(r.html));
  assertBlocked(await signIn(new Client(), m, 'Demo@2026'), 'before the expiry');
  await new Promise((res) => setTimeout(res, 4000));
  assert.equal((await signIn(new Client(), m, 'Demo@2026')).status, 303, 'after the expiry');
  const ended = await admin.get(`/admin/blacklist?state=ended&kind=mobile&q=${m}`);
  assert.match(ended.html, new RegExp(`data-value="${m}" data-state="expired"`));
});

test('a CIDR entry blocks every address of the range and none outside it', async () => {
  const { c: admin } = await adminClient();
  const [m] = makeMembers(1);
  const a = octet(), b = octet();
  // Host bits are cleared: 127.a.b.77/24 is stored as the range's network.
  const r = await addEntry(admin, { kind: 'ip', value: `${loopback(a, b, 77)}/24`, reason: '撞库来源网段' });
  assert.equal(r.status, 303, fieldError(r.html, 'value') || flash(r.html));
  const range = `${loopback(a, b, 0)}/24`;
  const id = entryId(range);
  assert.ok(id > 0, 'stored as its network');
  assertBlocked(await signIn(new Client(loopback(a, b, 1)), m, 'Demo@2026'), 'first address in the range');
  assertBlocked(await signIn(new Client(loopback(a, b, 254)), m, 'Demo@2026'), 'last address in the range');
  const outside = new Client(loopback(a, b === 250 ? 1 : b + 1, 1));
  assert.equal((await signIn(outside, m, 'Demo@2026')).status, 303, 'the next range goes on');
  await removeEntry(admin, id);
  assert.equal((await signIn(new Client(loopback(a, b, 1)), m, 'Demo@2026')).status, 303, 'removal unblocks the range');
});

test('the blocked page is 403 in Chinese, and in English with the language cookie; never a 500', async () => {
  const { c: admin } = await adminClient();
  const ip = loopback(octet(), octet(), 9);
  assert.equal((await addEntry(admin, { kind: 'ip', value: ip, reason: '测试' })).status, 303);
  const zh = new Client(ip);
  const page = await signIn(zh, randomMobile('136'), 'whatever');
  assertBlocked(page, 'zh');
  assert.match(page.html, /申诉编号/);
  const en = new Client(ip);
  en.jar.set('lang', 'en');
  const enPage = await signIn(en, randomMobile('136'), 'whatever');
  assert.equal(enPage.status, 403);
  assert.match(enPage.html, /Access restricted/);
  assert.match(enPage.html, /appeal/);
  // Register codes are refused the same way.
  assertBlocked(await zh.submit('/register', '/register/code', { mobile: randomMobile('136') }), 'register code');
  await removeEntry(admin, entryId(ip));
});

test('a merchant account entry blocks its sign-in; a blocked card holder cannot pay at the terminal', async () => {
  const { c: admin } = await adminClient();
  const staff = makeMerchantUser(1);
  const r = await addEntry(admin, { kind: 'merchant', value: staff, reason: '异常核销' });
  assert.equal(r.status, 303, fieldError(r.html, 'value') || flash(r.html));
  const mc = new Client();
  await mc.get('/merchant/login');
  assertBlocked(await mc.request('POST', '/merchant/login', { csrf: mc.csrf, username: staff, password: MERCHANT_PASSWORD }), 'merchant sign-in');
  await removeEntry(admin, entryId(staff));
  // The terminal: a card whose member is blacklisted is refused before the password step.
  const [holder] = makeCardMembers(1, 500, null);
  const cashier = await merchantClient(makeMerchantUser(1));
  assert.equal((await addEntry(admin, { kind: 'mobile', value: holder.mobile, reason: '盗刷' })).status, 303);
  assertBlocked(await cashier.post('/merchant/terminal', { card_no: holder.card, points: 10 }, '/merchant/terminal'), 'terminal');
  await removeEntry(admin, entryId(holder.mobile));
});

test('the add form rejects bad input with field errors and writes nothing', async () => {
  const { c: admin } = await adminClient();
  const before = sql('SELECT COUNT(*) FROM blacklist_entries');
  const cases = [
    [{ kind: 'ip', value: '10.0.0.300/24', reason: '测试' }, 'value'],
    [{ kind: 'ip', value: '10.0.0.0/33', reason: '测试' }, 'value'],
    [{ kind: 'ip', value: '10.0.0.0/4', reason: '测试' }, 'value'],
    [{ kind: 'ip', value: 'not-an-ip', reason: '测试' }, 'value'],
    [{ kind: 'mobile', value: '1380013800', reason: '测试' }, 'value'],
    [{ kind: 'merchant', value: `nobody${randomInt(1e9)}`, reason: '测试' }, 'value'],
    [{ kind: 'mobile', value: randomMobile('136'), reason: '测试', expires: '2020-01-01 00:00' }, 'expires'],
    [{ kind: 'mobile', value: randomMobile('136'), reason: '测试', expires: 'tomorrow' }, 'expires'],
    [{ kind: 'mobile', value: randomMobile('136'), reason: '' }, 'reason'],
    [{ kind: 'nothing', value: '1.2.3.4', reason: '测试' }, 'kind'],
  ];
  for (const [form, field] of cases) {
    const r = await addEntry(admin, form);
    assert.equal(r.status, 400, `${JSON.stringify(form)} → ${r.status}`);
    assert.ok(fieldError(r.html, field), `${JSON.stringify(form)}: an error under ${field}`);
  }
  assert.equal(sql('SELECT COUNT(*) FROM blacklist_entries'), before);
  // IPv6 ranges are taken, canonical.
  assert.equal((await addEntry(admin, { kind: 'ip', value: '2001:DB8:0:0:1::/64', reason: '测试' })).status, 303);
  const id = entryId('2001:db8::/64');
  assert.ok(id > 0);
  // The same thing twice: the second is refused, naming the first.
  const dup = await addEntry(admin, { kind: 'ip', value: '2001:db8::/64', reason: '测试' });
  assert.equal(dup.status, 400);
  assert.match(fieldError(dup.html, 'value'), new RegExp(`B${id}`));
  // Removal needs the confirmation.
  const unconfirmed = await admin.post(`/admin/blacklist/${id}/remove`, { reason: '测试' });
  assert.equal(unconfirmed.status, 400);
  assert.ok(fieldError(unconfirmed.html, 'confirm'));
  await removeEntry(admin, id);
  const again = await admin.post(`/admin/blacklist/${id}/remove`, { reason: '测试', confirm: 1 });
  assert.equal(again.status, 409, 'an ended entry is not removed twice');
  assert.equal((await admin.get('/admin/blacklist/999999999/remove')).status, 404);
});

test('rules: settings checked and audited; roles without the blacklist are refused', async () => {
  const { c: admin } = await adminClient();
  const page = await admin.get('/admin/blacklist/rules');
  assert.equal(page.status, 200);
  assert.match(page.html, /id="rule-4"/);
  // Rule 4 (sign-in failures per mobile) is off by default and stays off here: only its block time changes.
  const base = { threshold: 30, period: 'minutes', window_minutes: 60, days_needed: 1, days_span: 1, block_minutes: 60 };
  const bad = await admin.post('/admin/blacklist/rules/4', { ...base, days_needed: 5, days_span: 3 });
  assert.equal(bad.status, 400);
  assert.ok(fieldError(bad.html, 'days_needed'));
  const zero = await admin.post('/admin/blacklist/rules/4', { ...base, threshold: 0 });
  assert.equal(zero.status, 400);
  assert.ok(fieldError(zero.html, 'threshold'));
  const ok = await admin.post('/admin/blacklist/rules/4', { ...base, block_minutes: 90 });
  assert.equal(ok.status, 303);
  assert.equal(sql('SELECT block_minutes, enabled FROM blacklist_rules WHERE id = 4'), '90\t0');
  const audit = auditOf('blacklist_rule', 4);
  assert.equal(audit.at(-1).action, 'update');
  assert.equal(audit.at(-1).after.block_minutes, '90');
  assert.equal((await admin.post('/admin/blacklist/rules/999', base)).status, 404);
  const { c: moderator } = await adminClient('moderator');
  assert.equal((await moderator.get('/admin/blacklist')).status, 403);
  assert.equal((await moderator.post('/admin/blacklist', { kind: 'ip', value: '1.2.3.4', reason: 'x' })).status, 403);
});

test('a change made on another app machine (no generation bump here) is seen within a second through the version row', async () => {
  const [m] = makeMembers(1);
  const ip = loopback(octet(), octet(), 5);
  const c = new Client(ip);
  assert.equal((await signIn(c, m, 'Demo@2026')).status, 303);
  // What another machine's back office writes; this machine's generations file never hears of it.
  sql(`INSERT INTO blacklist_entries (kind, value, reason) VALUES ('ip', '${ip}', 'other node');
       UPDATE blacklist_version SET version = version + 1 WHERE id = 1`, { flush: false });
  await new Promise((res) => setTimeout(res, 1100));
  assertBlocked(await signIn(new Client(ip), m, 'Demo@2026'), 'after another machine\'s change');
  sql(`UPDATE blacklist_entries SET removed_at = NOW() WHERE kind = 'ip' AND value = '${ip}';
       UPDATE blacklist_version SET version = version + 1 WHERE id = 1`, { flush: false });
  await new Promise((res) => setTimeout(res, 1100));
  assert.equal((await signIn(new Client(ip), m, 'Demo@2026')).status, 303, 'and its removal');
});

test('a burst of failed sign-ins from one IP racing across the rule: never a 500, the IP ends up blocked', async () => {
  const ip = loopback(octet(), octet(), 33);
  const guessed = randomMobile('136');
  const statuses = await pool(Array.from({ length: 90 }, (_, i) => i), 12, async () => {
    const r = await signIn(new Client(ip), guessed, 'wrong-password');
    return r.status;
  });
  for (const s of statuses) assert.ok([200, 403, 429].includes(s), `status ${s}`);
  assert.ok(num(sql(`SELECT COUNT(*) FROM blacklist_entries WHERE kind = 'ip' AND value = '${ip}' AND rule_id = 1`)) >= 1);
  assertBlocked(await signIn(new Client(ip), guessed, 'wrong-password'), 'after the burst');
});
