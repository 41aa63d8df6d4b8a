// guess-race.test.mjs: password guesses fired all at once meet the same limit as guesses one after another — the
// count and the decision are one step (throttle_take): 30 in parallel check at most 5 passwords, for members,
// admins, merchants and a member's current password; the right password then still waits for the lock to lapse
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q } from './lib/stack.mjs';
import { Client } from './lib/client.mjs';
import { makeMembers, signedInMember } from './lib/members.mjs';
import { makeAdmin } from './lib/admin.mjs';
import { makeMerchantUser } from './lib/merchants.mjs';

const LIMIT = 5, N = 30;

// N clients (each from its own address, so the per-IP limit stays out of it) post a wrong password at once.
async function guessAll(path, form) {
  const clients = Array.from({ length: N }, () => new Client());
  await Promise.all(clients.map((c) => c.get(path)));
  return Promise.all(clients.map((c) => c.request('POST', path, { csrf: c.csrf, ...form })));
}

function tally(rs, wrong) {
  const got = { wrong: 0, locked: 0, other: [] };
  for (const r of rs) {
    if (r.status === 429) got.locked++;
    else if (wrong.test(r.html)) got.wrong++;
    else got.other.push(r.status);
  }
  return got;
}

const lit = (s) => { assert.match(s, /^[0-9A-Za-z.-]+$/); return `'${s}'`; };
const events = (scope, subject) => Number(sql(`SELECT COUNT(*) FROM throttle_events WHERE scope = ${lit(scope)} AND subject = ${lit(subject)}`));

for (const who of [
  { name: 'member', path: '/login', account: () => makeMembers(1)[0], field: 'mobile', wrong: /手机号或密码错误/, scope: 'login' },
  { name: 'admin', path: '/admin/login', account: () => makeAdmin('ops').username, field: 'username', wrong: /用户名或密码错误/, scope: 'admin_login' },
  { name: 'merchant', path: '/merchant/login', account: () => makeMerchantUser(1, 'staff'), field: 'username', wrong: /账号或密码错误/, scope: 'merchant_login' },
]) {
  test(`${who.name}: ${N} wrong passwords at once → exactly ${LIMIT} checked, the rest told the account is locked`, async () => {
    const account = who.account();
    const got = tally(await guessAll(who.path, { [who.field]: account, password: 'Wrong-guess-1' }), who.wrong);
    assert.deepEqual(got.other, [], 'no 500, no other answer');
    assert.equal(got.wrong, LIMIT, `${got.wrong} passwords checked`);
    assert.equal(got.locked, N - LIMIT);
    // The right password now is refused too: the lock holds.
    const c = new Client();
    await c.get(who.path);
    const r = await c.request('POST', who.path, { csrf: c.csrf, [who.field]: account, password: 'Demo@2026' });
    assert.equal(r.status, 429);
  });
}

test(`a member's current password on the change form: ${N} wrong at once → ${LIMIT} checked`, async () => {
  const { c, mobile } = await signedInMember();
  await c.get('/account/password');
  const token = c.csrf;
  const rs = await Promise.all(Array.from({ length: N }, () =>
    c.exchange('POST', '/account/password', new URLSearchParams({ csrf: token, current: 'Wrong-guess-1', password: 'NewPass@2027', confirm: 'NewPass@2027' }).toString(),
      { 'Content-Type': 'application/x-www-form-urlencoded' })));
  assert.deepEqual(rs.filter((r) => r.status >= 500).map((r) => r.status), []);
  assert.equal(events('login-mobile', mobile), LIMIT, 'exactly five attempts were let through and counted');
});

test('a successful sign-in counts nothing against the address it came from; a frozen account counts nothing', async () => {
  const [m, frozen] = makeMembers(2);
  sql(`UPDATE members SET status = 'frozen' WHERE mobile = ${q(frozen)}`);
  const c = new Client();
  for (let i = 0; i < 3; i++) {
    await c.get('/login');
    const r = await c.request('POST', '/login', { csrf: c.csrf, mobile: frozen, password: 'Demo@2026' });
    assert.notEqual(r.status, 429);
  }
  assert.equal(events('login-mobile', frozen), 0);
  await c.login(m);
  assert.equal(events('login-ip', c.localAddress), 0, 'nothing left on the IP');
});
