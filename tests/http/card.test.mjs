// card.test.mjs: A8 member card — card number and QR, payment password set / change / reset by SMS, weak ones refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q } from './lib/stack.mjs';
import { Client, flash, notice } from './lib/client.mjs';
import { lastCode, skipCooldown, signedInMember } from './lib/members.mjs';
import { setPayPassword, cardOf, payHashOf } from './lib/card.mjs';
import { decodeSvgQr } from './lib/qr.mjs';

const fieldError = (html) => [...html.matchAll(/class="field-error"[^>]*>([^<]*)</g)].map((x) => x[1]).join(' | ');

test('the card page needs a signed-in member', async () => {
  const r = await new Client().get('/card');
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/login\?next=%2Fcard/);
});

test('a card number is made on the first visit, once, and shown with its QR code', async () => {
  const { m, c } = await signedInMember();
  assert.equal(cardOf(m), 'NULL');
  // Concurrent first visits agree on one number.
  const pages = await Promise.all([c.get('/card'), c.get('/card'), c.get('/card')]);
  for (const p of pages) assert.equal(p.status, 200);
  const card = cardOf(m);
  assert.match(card, /^[1-9]\d{15}$/);
  const spaced = card.replace(/(\d{4})(?=\d)/g, '$1 ');
  for (const p of pages) assert.ok(p.html.includes(spaced), 'every page shows the stored number');
  assert.equal(decodeSvgQr(pages[0].html), card, 'the QR holds the card number only');
  assert.equal((await c.get('/card')).html.includes(spaced), true);
  assert.equal(cardOf(m), card, 'the number never changes');
  // Another member gets another number.
  const other = await signedInMember();
  assert.equal((await other.c.get('/card')).status, 200);
  assert.notEqual(cardOf(other.m), card);
});

test('setting the payment password needs an SMS code and refuses weak or mismatched ones', async () => {
  const { m, c } = await signedInMember();
  assert.match((await c.get('/card')).html, /未设置|Not set/);
  // Without a code sent first.
  let r = await c.post('/card/password', { code: '123456', password: '258147', confirm: '258147' }, '/card');
  assert.equal(r.status, 400);
  assert.match(fieldError(r.html), /请先获取短信验证码/);

  r = await c.post('/card/code', {}, '/card');
  assert.equal(r.status, 200);
  assert.match(notice(r.html), /验证码已发送/);
  const code = lastCode(m);
  for (const [pw, why] of [['111111', /相同的数字/], ['123456', /连续数字/], ['654321', /连续数字/], ['890123', /连续数字/],
    ['121212', /重复的组合/], ['147147', /重复的组合/], ['12345', /6 位数字/], ['12a456', /6 位数字/]]) {
    r = await c.post('/card/password', { code, password: pw, confirm: pw }, '/card');
    assert.equal(r.status, 400, pw);
    assert.match(fieldError(r.html), why, pw);
    assert.ok(!r.html.includes(`value="${pw}"`), 'a typed password is never echoed');
  }
  r = await c.post('/card/password', { code, password: '258147', confirm: '258174' }, '/card');
  assert.equal(r.status, 400);
  assert.match(fieldError(r.html), /两次输入的支付密码不一致/);
  r = await c.post('/card/password', { code: code === '000000' ? '000001' : '000000', password: '258147', confirm: '258147' }, '/card');
  assert.equal(r.status, 400);
  assert.match(fieldError(r.html), /验证码错误/);
  assert.equal(payHashOf(m), 'NULL', 'nothing was set by the refused attempts');

  r = await c.post('/card/password', { code, password: '258147', confirm: '258147' }, '/card');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/card?done=set');
  const hash = payHashOf(m);
  assert.match(hash, /^\$s1\$/, 'scrypt hash stored');
  assert.ok(!hash.includes('258147'));
  assert.notEqual(hash, sql(`SELECT password_hash FROM members WHERE mobile = ${q(m)}`), 'separate from the login password');
  const page = await c.get('/card?done=set');
  assert.match(notice(page.html), /支付密码已设置/);
  assert.match(page.html, /已设置/);
  // The code is used up.
  r = await c.post('/card/password', { code, password: '369258', confirm: '369258' }, '/card');
  assert.equal(r.status, 400);
  assert.equal(payHashOf(m), hash);
});

test('changing the payment password checks the old one; five wrong ones lock it; an SMS reset unlocks', async () => {
  const { m, c } = await signedInMember();
  await setPayPassword(c, m, '258147');
  const before = payHashOf(m);
  let r = await c.post('/card/password/change', { old: '258147', password: '258147', confirm: '258147' }, '/card');
  assert.equal(r.status, 400, 'same as the old one');
  r = await c.post('/card/password/change', { old: '258147', password: '222222', confirm: '222222' }, '/card');
  assert.equal(r.status, 400, 'weak new one');
  assert.match(fieldError(r.html), /相同的数字/);
  r = await c.post('/card/password/change', { old: '369369', password: '470258', confirm: '470258' }, '/card');
  assert.equal(r.status, 400);
  assert.match(fieldError(r.html), /原支付密码错误,还可尝试 4 次/);
  assert.equal(payHashOf(m), before);

  r = await c.post('/card/password/change', { old: '258147', password: '470258', confirm: '470258' }, '/card');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/card?done=changed');
  assert.notEqual(payHashOf(m), before);
  assert.equal(sql(`SELECT pay_failures FROM members WHERE mobile = ${q(m)}`), '0', 'a right password resets the failures');
  // The old password no longer works, the new one does.
  r = await c.post('/card/password/change', { old: '258147', password: '581470', confirm: '581470' }, '/card');
  assert.equal(r.status, 400);

  // Guessing through the change form is stopped by the same lock as the terminal.
  for (let i = 0; i < 3; i++) {
    r = await c.post('/card/password/change', { old: '111112', password: '581470', confirm: '581470' }, '/card');
    assert.equal(r.status, 400);
  }
  r = await c.post('/card/password/change', { old: '111113', password: '581470', confirm: '581470' }, '/card');
  assert.equal(r.status, 423, 'fifth wrong password locks');
  assert.match(flash(r.html), /已锁定 30 分钟/);
  r = await c.post('/card/password/change', { old: '470258', password: '581470', confirm: '581470' }, '/card');
  assert.equal(r.status, 423, 'even the right password is refused while locked');
  assert.match((await c.get('/card')).html, /线下支付已锁定/);
  const hashLocked = payHashOf(m);

  // Reset by SMS: proves the mobile, sets a new password and lifts the lock.
  skipCooldown(m);
  assert.equal((await c.post('/card/code', {}, '/card')).status, 200);
  r = await c.post('/card/password', { code: lastCode(m), password: '581470', confirm: '581470' }, '/card');
  assert.equal(r.status, 303);
  assert.notEqual(payHashOf(m), hashLocked);
  assert.equal(sql(`SELECT CONCAT(pay_failures, ':', COALESCE(pay_locked_until, 'none')) FROM members WHERE mobile = ${q(m)}`), '0:none');
  r = await c.post('/card/password/change', { old: '581470', password: '692581', confirm: '692581' }, '/card');
  assert.equal(r.status, 303);
});

test('payment password forms refuse a missing CSRF token and work for the signed-in member only', async () => {
  const { m, c } = await signedInMember();
  await c.get('/card');
  let r = await c.request('POST', '/card/password', { code: '123456', password: '258147', confirm: '258147' });
  assert.equal(r.status, 403);
  r = await c.request('POST', '/card/code', {});
  assert.equal(r.status, 403);
  r = await c.request('POST', '/card/password/change', { old: '123456', password: '258147', confirm: '258147' });
  assert.equal(r.status, 403);
  assert.equal(sql(`SELECT COUNT(*) FROM sms_codes WHERE mobile = ${q(m)} AND purpose = 'paypw'`), '0');
  r = await new Client().request('POST', '/card/code', {});
  assert.ok([303, 403].includes(r.status));
});

test('receipts of other members are not found', async () => {
  const { c } = await signedInMember();
  assert.equal((await c.get('/card/receipt/202601010000000000')).status, 404);
  assert.equal((await c.get('/card/receipt/abc')).status, 404);
});
