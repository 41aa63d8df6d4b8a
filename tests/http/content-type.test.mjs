// content-type.test.mjs: forms sent as real clients send them — "; charset=utf-8" (fetch with URLSearchParams), any
// case — are read; a form in another charset gets a clear 415, never a misleading "page expired"
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/client.mjs';
import { makeMembers } from './lib/members.mjs';
import { DEMO } from './lib/stack.mjs';

const signIn = async (type) => {
  const [m] = makeMembers(1);
  const c = new Client();
  await c.get('/login');
  const body = new URLSearchParams({ csrf: c.csrf, mobile: m, password: DEMO.password }).toString();
  const r = await c.send('POST', '/login', body, { 'Content-Type': type });
  return { c, r };
};

for (const type of ['application/x-www-form-urlencoded;charset=UTF-8', 'application/x-www-form-urlencoded; charset=utf-8',
  'Application/X-WWW-Form-URLEncoded', 'application/x-www-form-urlencoded ; Charset="UTF-8"']) {
  test(`a form sent as "${type}" is read`, async () => {
    const { c, r } = await signIn(type);
    assert.equal(r.status, 303, 'signed in, not refused as an expired form');
    assert.equal(r.location, '/account');
    assert.ok(c.cookie('member_sid'));
  });
}

test('a form in another charset is refused with 415 and says why; nothing is signed in', async () => {
  const { c, r } = await signIn('application/x-www-form-urlencoded; charset=GBK');
  assert.equal(r.status, 415);
  assert.match(r.html, /编码不受支持/);
  assert.match(r.html, /UTF-8/);
  assert.doesNotMatch(r.html, /页面已过期/);
  assert.equal(c.cookie('member_sid'), undefined);
});

test('a body of another type is not read as a form (the CSRF check refuses it)', async () => {
  const { r } = await signIn('text/plain');
  assert.equal(r.status, 403);
});
