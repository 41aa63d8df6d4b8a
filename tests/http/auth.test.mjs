// auth.test.mjs: member accounts (A1) — register, sign in/out, sessions, passwords, SMS codes, throttling
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, mallctl } from './lib/stack.mjs';
import { Client, flash, notice, fieldError } from './lib/client.mjs';
import { mobile as randomMobile, lastCode } from './lib/members.mjs';

// ---- helpers ----
const mobile = () => randomMobile('139');
const memberCount = (m) => Number(sql(`SELECT COUNT(*) FROM members WHERE mobile = ${q(m)}`));

async function register(c, m, password = 'Secret-2026') {
  const sent = await c.submit('/register', '/register/code', { mobile: m });
  assert.equal(sent.status, 200);
  const r = await c.submit('/register', '/register', { mobile: m, code: lastCode(m), password, confirm: password });
  assert.equal(r.status, 303, flash(r.html) || fieldError(r.html, 'code'));
  return r;
}

async function login(c, m, password = 'Secret-2026', extra = {}) {
  return c.submit('/login', '/login', { mobile: m, password, ...extra });
}

async function signedIn(c) {
  const r = await c.get('/account');
  return r.status === 200;
}

// ---- registration ----
test('register end to end: code by SMS, account created, signed in', async () => {
  const c = new Client(), m = mobile();
  const form = await c.get('/register');
  assert.equal(form.status, 200);
  assert.match(form.html, /name="mobile"/);
  assert.match(form.html, /formaction="\/register\/code"/, 'send-code button works without JavaScript');
  const sent = await c.submit('/register', '/register/code', { mobile: m });
  assert.equal(sent.status, 200);
  assert.match(notice(sent.html), new RegExp(`${m.slice(0, 3)}\\*{4}${m.slice(7)}`));
  assert.match(sent.html, new RegExp(`name="mobile"[^>]*value="${m}"`), 'mobile stays filled in');
  const text = mallctl('sms-outbox', '--phone', m, '--last', '1');
  assert.match(text, /register\toutbox\tsent\t【积分商城】您的注册验证码是\d{6},5分钟内有效,请勿泄露。/);
  assert.equal(sql(`SELECT COUNT(*) FROM sms_codes WHERE mobile = ${q(m)} AND code_hash LIKE '%${lastCode(m)}%'`), '0',
    'the code is stored only as an HMAC');

  const r = await c.submit('/register', '/register', { mobile: m, code: lastCode(m), password: 'Secret-2026', confirm: 'Secret-2026' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/account?welcome=1');
  assert.match(c.cookie('member_sid'), /^[0-9a-f]{64}$/);
  const home = await c.get('/account?welcome=1');
  assert.equal(home.status, 200);
  assert.match(home.html, new RegExp(`${m.slice(0, 3)}\\*{4}${m.slice(7)}`));
  assert.match(home.html, /注册成功/);
  assert.match(home.html, /href="\/account\/password"/);
  assert.equal(memberCount(m), 1);
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = SHA2('${c.cookie('member_sid')}', 256)`), '1',
    'only the hash of the token is stored');
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = '${c.cookie('member_sid')}'`), '0');
});

test('register honours a local next and refuses others', async () => {
  const m = mobile(), c = new Client();
  await c.submit('/register?next=%2Faccount%2Fpassword', '/register/code', { mobile: m, next: '/account/password' });
  let r = await c.submit('/register', '/register', { mobile: m, code: lastCode(m), password: 'Secret-2026', confirm: 'Secret-2026', next: '/account/password' });
  assert.equal(r.location, '/account/password');
  const m2 = mobile(), c2 = new Client();
  await c2.submit('/register', '/register/code', { mobile: m2 });
  r = await c2.submit('/register', '/register', { mobile: m2, code: lastCode(m2), password: 'Secret-2026', confirm: 'Secret-2026', next: '//evil.example/x' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/');
});

test('register: already registered, bad input and wrong code write nothing', async () => {
  const c = new Client(), m = mobile();
  await register(c, m);
  const again = await new Client().submit('/register', '/register/code', { mobile: m });
  assert.equal(again.status, 200);
  assert.match(fieldError(again.html, 'mobile'), /已注册/);
  assert.equal(mallctl('sms-outbox', '--phone', m).split('\n').length, 1, 'no second text');

  const bad = await new Client().submit('/register', '/register/code', { mobile: '12345' });
  assert.match(fieldError(bad.html, 'mobile'), /11位手机号/);
  assert.equal(mallctl('sms-outbox', '--phone', '12345'), '');

  const n = mobile(), d = new Client();
  await d.submit('/register', '/register/code', { mobile: n });
  const code = lastCode(n);
  let r = await d.submit('/register', '/register', { mobile: n, code, password: 'short', confirm: 'short' });
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'password'), /8–64/);
  assert.doesNotMatch(r.html, /value="short"/, 'passwords are never echoed');
  r = await d.submit('/register', '/register', { mobile: n, code, password: 'Secret-2026', confirm: 'Secret-2027' });
  assert.match(fieldError(r.html, 'confirm'), /不一致/);
  r = await d.submit('/register', '/register', { mobile: n, code, password: 'x'.repeat(65), confirm: 'x'.repeat(65) });
  assert.match(fieldError(r.html, 'password'), /8–64/);
  r = await d.submit('/register', '/register', { mobile: '2' + n.slice(1), code, password: 'Secret-2026', confirm: 'Secret-2026' });
  assert.match(fieldError(r.html, 'mobile'), /11位手机号/);
  const wrong = code === '000000' ? '111111' : '000000';
  r = await d.submit('/register', '/register', { mobile: n, code: wrong, password: 'Secret-2026', confirm: 'Secret-2026' });
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'code'), /验证码错误,还可尝试 4 次/);
  assert.equal(memberCount(n), 0);
  assert.equal(d.cookie('member_sid'), undefined);
  // The code still works after the failed tries.
  r = await d.submit('/register', '/register', { mobile: n, code, password: 'Secret-2026', confirm: 'Secret-2026' });
  assert.equal(r.status, 303);
  assert.equal(memberCount(n), 1);
});

test('two registrations racing with the same code: one account, no error page', async () => {
  const m = mobile(), a = new Client(), b = new Client();
  await a.submit('/register', '/register/code', { mobile: m });
  const code = lastCode(m);
  const [ta, tb] = [await a.token('/register'), await b.token('/register')];
  const form = { mobile: m, code, password: 'Secret-2026', confirm: 'Secret-2026' };
  const res = await Promise.all([a.request('POST', '/register', { csrf: ta, ...form }), b.request('POST', '/register', { csrf: tb, ...form })]);
  assert.deepEqual(res.map((r) => r.status).sort(), [200, 303]);
  assert.equal(memberCount(m), 1);
});

// ---- sign in / out and sessions ----
test('login, rotation of the session token, logout kills the old cookie', async () => {
  const m = mobile();
  await register(new Client(), m);
  const c = new Client();
  const planted = 'a'.repeat(64);
  c.jar.set('member_sid', planted);
  let r = await login(c, m);
  assert.equal(r.status, 303);
  assert.equal(r.location, '/account');
  const first = c.cookie('member_sid');
  assert.notEqual(first, planted, 'a token planted before sign-in is replaced');
  assert.ok(await signedIn(c));

  // Signing in again from a signed-in tab (the CSRF token is then the session's).
  r = await c.submit('/account', '/login', { mobile: m, password: 'Secret-2026' });
  assert.equal(r.status, 303);
  const second = c.cookie('member_sid');
  assert.notEqual(second, first, 'every sign-in issues a new token');
  const old = new Client();
  old.jar.set('member_sid', first);
  assert.equal(await signedIn(old), false, 'the token before the new sign-in is dead');
  assert.ok(await signedIn(c));

  const header = c.jar.get('member_sid');
  r = await c.submit('/account', '/logout', {});
  assert.equal(r.status, 303);
  assert.equal(r.location, '/');
  assert.equal(c.cookie('member_sid'), undefined, 'cookie cleared');
  const replay = new Client();
  replay.jar.set('member_sid', header);
  const after = await replay.get('/account');
  assert.equal(after.status, 303);
  assert.equal(after.location, '/login?next=%2Faccount');
});

test('session cookie is HttpOnly and SameSite=Lax', async () => {
  const m = mobile(), c = new Client();
  const r = await register(c, m);
  const sc = r.headers['set-cookie'].find((s) => s.startsWith('member_sid='));
  assert.match(sc, /HttpOnly/);
  assert.match(sc, /SameSite=Lax/);
});

test('unknown mobile and wrong password get the same answer', async () => {
  const m = mobile();
  await register(new Client(), m);
  const wrong = await login(new Client(), m, 'Wrong-password');
  const unknown = await login(new Client(), mobile(), 'Wrong-password');
  assert.equal(wrong.status, 200);
  assert.equal(unknown.status, 200);
  assert.equal(flash(wrong.html), '手机号或密码错误');
  assert.equal(flash(unknown.html), flash(wrong.html));
  assert.doesNotMatch(wrong.html, /Wrong-password/);
});

test('login with next goes there; a foreign next goes home; signed-in /login moves on', async () => {
  const m = mobile();
  await register(new Client(), m);
  const c = new Client();
  const form = await c.get('/login?next=%2Faccount%2Fpassword');
  assert.match(form.html, /name="next" value="\/account\/password"/);
  let r = await login(c, m, 'Secret-2026', { next: '/account/password' });
  assert.equal(r.location, '/account/password');
  r = await c.get('/login');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/account');
  const d = new Client();
  r = await login(d, m, 'Secret-2026', { next: 'https://evil.example/' });
  assert.equal(r.location, '/account');
  r = await login(new Client(), m, 'Secret-2026', { next: '//evil.example/' });
  assert.equal(r.location, '/');
});

test('members-only pages send visitors to login; an expired session says so', async () => {
  let r = await new Client().get('/account/password');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login?next=%2Faccount%2Fpassword');
  const m = mobile(), c = new Client();
  await register(c, m);
  sql(`UPDATE sessions SET last_seen_at = last_seen_at - INTERVAL 31 MINUTE WHERE token_hash = SHA2('${c.cookie('member_sid')}', 256)`);
  r = await c.get('/account');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login?next=%2Faccount&expired=1');
  const page = await c.get(r.location);
  assert.match(notice(page.html), /请重新登录/);
  assert.equal(c.cookie('member_sid'), undefined);
  // 12 h absolute limit, even when active.
  await login(c, m);
  sql(`UPDATE sessions SET created_at = created_at - INTERVAL 12 HOUR - INTERVAL 1 MINUTE WHERE token_hash = SHA2('${c.cookie('member_sid')}', 256)`);
  assert.equal(await signedIn(c), false);
});

test('a frozen member cannot sign in and is signed out', async () => {
  const m = mobile(), c = new Client();
  await register(c, m);
  sql(`UPDATE members SET status = 'frozen' WHERE mobile = ${q(m)}`);
  assert.equal(await signedIn(c), false, 'existing session no longer works');
  const r = await login(new Client(), m);
  assert.equal(r.status, 200);
  assert.match(flash(r.html), /冻结/);
  const wrong = await login(new Client(), m, 'Wrong-password');
  assert.equal(flash(wrong.html), '手机号或密码错误', 'frozen is told only to someone who knows the password');
});

test('POST without or with a wrong CSRF token is refused and changes nothing', async () => {
  const m = mobile(), c = new Client();
  await c.get('/register');
  let r = await c.request('POST', '/register/code', { mobile: m });
  assert.equal(r.status, 403);
  r = await c.request('POST', '/register/code', { mobile: m, csrf: 'f'.repeat(64) });
  assert.equal(r.status, 403);
  assert.equal(mallctl('sms-outbox', '--phone', m), '');
  await register(c, m);
  r = await c.request('POST', '/logout', {});
  assert.equal(r.status, 403);
  r = await c.request('POST', '/account/password', { csrf: '0'.repeat(64), current: 'Secret-2026', password: 'Other-2026', confirm: 'Other-2026' });
  assert.equal(r.status, 403);
  assert.ok(await signedIn(c), 'still signed in');
  r = await new Client().request('POST', '/login', { mobile: m, password: 'Secret-2026' });
  assert.equal(r.status, 403);
  // The anonymous token does not work once signed in (it is bound to the session).
  const d = new Client();
  const anonTok = await d.token('/login');
  await login(d, m);
  r = await d.request('POST', '/logout', { csrf: anonTok });
  assert.equal(r.status, 403);
});

// ---- passwords ----
test('change password: checks, other sessions dropped, current one rotated', async () => {
  const m = mobile(), a = new Client(), b = new Client();
  await register(a, m);
  await login(b, m);
  let r = await a.submit('/account/password', '/account/password', { current: 'Wrong-2026', password: 'Better-2026', confirm: 'Better-2026' });
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'current'), /当前密码不正确/);
  r = await a.submit('/account/password', '/account/password', { current: 'Secret-2026', password: 'short', confirm: 'short' });
  assert.match(fieldError(r.html, 'password'), /8–64/);
  r = await a.submit('/account/password', '/account/password', { current: 'Secret-2026', password: 'Better-2026', confirm: 'Better-2027' });
  assert.match(fieldError(r.html, 'confirm'), /不一致/);
  assert.ok(await signedIn(b), 'nothing changed yet');

  const before = a.cookie('member_sid');
  r = await a.submit('/account/password', '/account/password', { current: 'Secret-2026', password: 'Better-2026', confirm: 'Better-2026' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/account?changed=1');
  assert.notEqual(a.cookie('member_sid'), before);
  assert.ok(await signedIn(a));
  assert.equal(await signedIn(b), false, 'other sessions are dropped');
  const stale = new Client();
  stale.jar.set('member_sid', before);
  assert.equal(await signedIn(stale), false);
  assert.equal(flash((await login(new Client(), m, 'Secret-2026')).html), '手机号或密码错误');
  assert.equal((await login(new Client(), m, 'Better-2026')).status, 303);
});

test('forgot password: same answer for unknown mobiles, reset drops every session', async () => {
  const m = mobile(), a = new Client();
  await register(a, m);
  const c = new Client();
  const known = await c.submit('/forgot', '/forgot/code', { mobile: m });
  const stranger = mobile();
  const unknown = await new Client().submit('/forgot', '/forgot/code', { mobile: stranger });
  assert.equal(known.status, 200);
  assert.equal(unknown.status, 200);
  assert.match(notice(known.html), /如果该手机号已注册/);
  assert.equal(notice(unknown.html), notice(known.html));
  assert.equal(mallctl('sms-outbox', '--phone', stranger), '', 'nothing is texted to unregistered mobiles');
  const again = await new Client().submit('/forgot', '/forgot/code', { mobile: stranger });
  assert.equal(again.status, 429, 'unregistered mobiles get the same cooldown');
  const text = mallctl('sms-outbox', '--phone', m, '--last', '1');
  assert.match(text, /reset\toutbox\tsent\t【积分商城】您正在重置登录密码,验证码是\d{6}/);
  const code = text.match(/验证码是(\d{6})/)[1];

  let r = await c.submit('/forgot', '/forgot', { mobile: m, code, password: 'short', confirm: 'short' });
  assert.match(fieldError(r.html, 'password'), /8–64/);
  r = await c.submit('/forgot', '/forgot', { mobile: m, code, password: 'Reset-2026x', confirm: 'Reset-2026x' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login?reset=1');
  assert.match(notice((await c.get(r.location)).html), /密码已重置/);
  assert.equal(await signedIn(a), false, 'sessions of the member are dropped');
  assert.equal((await login(new Client(), m, 'Secret-2026')).status, 200);
  assert.equal((await login(new Client(), m, 'Reset-2026x')).status, 303);
  r = await c.submit('/forgot', '/forgot', { mobile: m, code, password: 'Again-2026x', confirm: 'Again-2026x' });
  assert.match(fieldError(r.html, 'code'), /已失效/, 'the code is single use');
});

// ---- SMS code rules (domain API through mallctl, and the pages) ----
test('codes expire after 5 minutes', () => {
  const m = mobile();
  assert.equal(mallctl('sms-code-send', m, 'test'), 'sent');
  const code = lastCode(m);
  sql(`UPDATE sms_codes SET expires_at = expires_at - INTERVAL 301 SECOND WHERE mobile = ${q(m)}`);
  assert.equal(mallctl('sms-code-verify', m, 'test', '', code), 'expired');
});

test('codes are single use', () => {
  const m = mobile();
  mallctl('sms-code-send', m, 'test');
  const code = lastCode(m);
  assert.equal(mallctl('sms-code-verify', m, 'test', '', code), 'ok');
  assert.equal(mallctl('sms-code-verify', m, 'test', '', code), 'used');
});

test('5 wrong tries kill a code', () => {
  const m = mobile();
  mallctl('sms-code-send', m, 'test');
  const code = lastCode(m);
  const wrong = code === '999999' ? '888888' : '999999';
  for (const left of [4, 3, 2, 1]) assert.equal(mallctl('sms-code-verify', m, 'test', '', wrong), `wrong ${left}`);
  assert.equal(mallctl('sms-code-verify', m, 'test', '', wrong), 'dead');
  assert.equal(mallctl('sms-code-verify', m, 'test', '', code), 'dead', 'even the right code');
});

test('a code bound to ref A fails for ref B', () => {
  const m = mobile();
  mallctl('sms-code-send', m, 'pay', 'P2026112200000001|500');
  const code = lastCode(m);
  // Another order or another amount has no code at all: the right digits do not carry over.
  assert.equal(mallctl('sms-code-verify', m, 'pay', 'P2026112200000002|500', code), 'none');
  assert.equal(mallctl('sms-code-verify', m, 'pay', 'P2026112200000001|900', code), 'none');
  assert.equal(mallctl('sms-code-verify', m, 'test', 'P2026112200000001|500', code), 'none', 'purpose is bound too');
  assert.equal(mallctl('sms-code-verify', m, 'pay', 'P2026112200000001|500', code), 'ok');
});

test('only the newest code of a mobile and purpose works', () => {
  const m = mobile();
  mallctl('sms-code-send', m, 'test');
  const first = lastCode(m);
  sql(`UPDATE sms_codes SET created_at = created_at - INTERVAL 61 SECOND WHERE mobile = ${q(m)}`);
  assert.equal(mallctl('sms-code-send', m, 'test'), 'sent');
  const second = lastCode(m);
  if (first !== second) assert.match(mallctl('sms-code-verify', m, 'test', '', first), /^wrong/);
  assert.equal(mallctl('sms-code-verify', m, 'test', '', second), 'ok');
});

test('60 s resend cooldown per mobile and purpose', async () => {
  const m = mobile();
  assert.equal(mallctl('sms-code-send', m, 'test'), 'sent');
  const cd = mallctl('sms-code-send', m, 'test').match(/^cooldown (\d+)$/);
  assert.ok(cd);
  assert.ok(Number(cd[1]) > 0 && Number(cd[1]) <= 60);
  assert.equal(mallctl('sms-code-send', m, 'other'), 'sent', 'another purpose has its own cooldown');
  sql(`UPDATE sms_codes SET created_at = created_at - INTERVAL 61 SECOND WHERE mobile = ${q(m)}`);
  assert.equal(mallctl('sms-code-send', m, 'test'), 'sent');

  const n = mobile(), c = new Client();
  assert.equal((await c.submit('/register', '/register/code', { mobile: n })).status, 200);
  const r = await c.submit('/register', '/register/code', { mobile: n });
  assert.equal(r.status, 429);
  assert.match(flash(r.html), /请 \d+ 秒后再试/);
  assert.match(r.html, new RegExp(`value="${n}"`), 'mobile stays filled in');
  assert.equal(mallctl('sms-outbox', '--phone', n).split('\n').length, 1);
});

test('at most 10 codes per mobile per day', async () => {
  const m = mobile();
  for (let i = 0; i < 10; i++) assert.equal(mallctl('sms-code-send', m, `cap-${'abcdefghij'[i]}`), 'sent');
  assert.equal(mallctl('sms-code-send', m, 'cap-k'), 'daily-cap');
  const r = await new Client().submit('/register', '/register/code', { mobile: m });
  assert.equal(r.status, 429);
  assert.match(flash(r.html), /今日.*上限/);
  assert.equal(mallctl('sms-outbox', '--phone', m, '--last', '100').split('\n').length, 10);
  // Yesterday's codes do not count.
  sql(`UPDATE sms_codes SET created_at = created_at - INTERVAL 1 DAY WHERE mobile = ${q(m)}`);
  assert.equal(mallctl('sms-code-send', m, 'cap-k'), 'sent');
});

test('one IP cannot request codes for many mobiles (30 an hour)', async () => {
  const c = new Client(), ip = c.localAddress;
  try {
    sql(`INSERT INTO throttle_events (scope, subject, created_at) SELECT 'sms-ip', '${ip}', NOW() FROM seq_1_to_29`);
    const m = mobile();
    assert.equal((await c.submit('/register', '/register/code', { mobile: m })).status, 200, 'the 30th is sent');
    const n = mobile();
    const r = await c.submit('/forgot', '/forgot/code', { mobile: n });
    assert.equal(r.status, 429);
    assert.match(flash(r.html), /当前网络获取验证码太频繁/);
    assert.equal(sql(`SELECT COUNT(*) FROM sms_codes WHERE mobile = ${q(n)}`), '0');
    assert.equal((await new Client().submit('/forgot', '/forgot/code', { mobile: n })).status, 200, 'other addresses are not affected');
  } finally {
    sql(`DELETE FROM throttle_events WHERE scope = 'sms-ip' AND subject = '${ip}'`);
  }
});

// ---- login throttling ----
test('5 failures lock the account for the window, even with the right password', async () => {
  const m = mobile();
  await register(new Client(), m);
  const c = new Client();
  for (let i = 0; i < 4; i++) assert.equal((await login(c, m, 'Wrong-password')).status, 200);
  const fifth = await login(c, m, 'Wrong-password');
  assert.equal(fifth.status, 200);
  assert.equal(flash(fifth.html), '手机号或密码错误');
  const locked = await login(c, m);
  assert.equal(locked.status, 429);
  assert.match(flash(locked.html), /锁定.*1[45] 分钟后再试/);
  assert.equal(c.cookie('member_sid'), undefined);
  // An unknown mobile locks the same way, so a lock reveals nothing.
  const u = mobile();
  for (let i = 0; i < 5; i++) await login(c, u, 'Wrong-password');
  assert.equal((await login(c, u, 'Wrong-password')).status, 429);
  // The window passes: the account opens again.
  sql(`UPDATE throttle_events SET created_at = created_at - INTERVAL 15 MINUTE WHERE scope = 'login-mobile' AND subject = ${q(m)}`);
  const ok = await login(c, m);
  assert.equal(ok.status, 303);
});

test('a successful sign-in clears the account\'s failures: four more wrong passwords do not lock it', async () => {
  const m = mobile();
  await register(new Client(), m);
  const c = new Client();
  for (let i = 0; i < 3; i++) assert.equal((await login(c, m, 'Wrong-password')).status, 200);
  assert.equal(sql(`SELECT COUNT(*) FROM throttle_events WHERE scope = 'login-mobile' AND subject = ${q(m)}`), '3');
  assert.equal((await login(c, m)).status, 303);
  assert.equal(sql(`SELECT COUNT(*) FROM throttle_events WHERE scope = 'login-mobile' AND subject = ${q(m)}`), '0');
  const d = new Client();
  for (let i = 0; i < 4; i++) assert.equal((await login(d, m, 'Wrong-password')).status, 200);
  assert.equal((await login(d, m)).status, 303, 'three failures before the sign-in no longer count');
});

test('a reset by SMS lifts the account lock', async () => {
  const m = mobile();
  await register(new Client(), m);
  const c = new Client();
  for (let i = 0; i < 5; i++) await login(c, m, 'Wrong-password');
  assert.equal((await login(c, m)).status, 429);
  await c.submit('/forgot', '/forgot/code', { mobile: m });
  const r = await c.submit('/forgot', '/forgot', { mobile: m, code: lastCode(m), password: 'Reset-2026x', confirm: 'Reset-2026x' });
  assert.equal(r.status, 303);
  assert.equal((await login(c, m, 'Reset-2026x')).status, 303);
});

// Runs last; its client has its own loopback source address like every client here.
test('20 failures from one IP lock sign-in from that IP only', async () => {
  const m = mobile();
  await register(new Client(), m);
  const c = new Client(), ip = c.localAddress;
  try {
    for (let i = 0; i < 20; i++) {
      const r = await login(c, mobile(), 'Wrong-password');
      assert.equal(r.status, 200, `failure ${i + 1}`);
    }
    assert.equal(sql(`SELECT COUNT(*) FROM throttle_events WHERE scope = 'login-ip' AND subject = '${ip}'`), '20');
    const locked = await login(c, m);
    assert.equal(locked.status, 429);
    assert.match(flash(locked.html), /当前网络登录失败次数过多/);
    assert.equal((await login(new Client(), m)).status, 303, 'other addresses are not affected');
  } finally {
    sql(`DELETE FROM throttle_events WHERE scope = 'login-ip' AND subject = '${ip}'`);
  }
});
