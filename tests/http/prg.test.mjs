// prg.test.mjs: POST/redirect/GET — a page a POST renders (a form with its errors) is shown by the GET its 303 leads
// to, once, to the same browser and member only, so Reload and Back never send the form again
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.mjs';
import { Client, fieldError, flash } from './lib/client.mjs';
import { signedInMember, makeMembers } from './lib/members.mjs';
import { makeProduct } from './lib/shop.mjs';

const kept = () => Number(sql('SELECT COUNT(*) FROM post_replays'));
const areaText = (html, n) => (html.match(new RegExp(`<textarea[^>]* name="${n}"[^>]*>([^<]*)</textarea>`)) || [])[1] ?? '';

test('a form with errors: 303 to the page it was sent from, which shows the errors and the text once', async () => {
  const { c } = await signedInMember();
  await c.get('/messages');
  const long = '留'.repeat(501);
  const r = await c.post('/messages', { content: long });
  assert.deepEqual(r.posted, { status: 303, location: '/messages' }, 'the POST itself answers with a redirect');
  assert.equal(fieldError(r.html, 'content'), '最多 500 字', 'the GET shows the error the POST found');
  assert.equal(areaText(r.html, 'content'), long, 'and the text to shorten');
  assert.equal(c.cookie('member_pr'), undefined, 'the page is taken: its cookie is cleared');

  const again = await c.get('/messages');
  assert.equal(again.status, 200, 'Reload: the page as it is, no form sent again');
  assert.equal(fieldError(again.html, 'content'), undefined);
  assert.equal(areaText(again.html, 'content'), '');
  assert.ok(r.html.includes(`name="csrf" value="${c.csrf}"`), 'the kept page carries the session\'s CSRF token');
});

test('the page waits for its own address, its own cookie and its own member only', async () => {
  const { c } = await signedInMember();
  const p = makeProduct();
  await c.get(`/product/${p}`);
  const raw = await c.exchange('POST', `/product/${p}/ask`, new URLSearchParams({ csrf: c.csrf, question: '问'.repeat(201) }).toString(),
    { 'Content-Type': 'application/x-www-form-urlencoded' });
  assert.equal(raw.status, 303);
  assert.equal(raw.location, `/product/${p}`);
  const token = c.cookie('member_pr');
  assert.match(token || '', /^[0-9a-f]{64}$/);
  assert.doesNotMatch(raw.headers['set-cookie'].join(';'), new RegExp(`member_pr=${token}(?![^,]*HttpOnly)`), 'HttpOnly');

  // Another member holding the same cookie (copied, say) gets the product page as it is, and takes nothing.
  const { c: other } = await signedInMember();
  other.jar.set('member_pr', token);
  const theirs = await other.get(`/product/${p}`);
  assert.equal(theirs.status, 200);
  assert.equal(fieldError(theirs.html, 'question'), undefined);
  // Nobody signed in either.
  const anon = new Client();
  anon.jar.set('member_pr', token);
  assert.equal(fieldError((await anon.get(`/product/${p}`)).html, 'question'), undefined);

  // Another address first: that page as usual, and the kept one still waits.
  assert.equal(fieldError((await c.get('/messages')).html, 'question'), undefined);
  const mine = await c.get(`/product/${p}`);
  assert.equal(fieldError(mine.html, 'question'), '最多 200 字');
  assert.equal(fieldError((await c.get(`/product/${p}`)).html, 'question'), undefined, 'served once');
});

test('a page kept too long is not served; rows nobody came back for are swept by later POSTs', async () => {
  const { c } = await signedInMember();
  const post = async () => {
    await c.get('/messages');
    const raw = await c.exchange('POST', '/messages', new URLSearchParams({ csrf: c.csrf, content: '' }).toString(),
      { 'Content-Type': 'application/x-www-form-urlencoded' });
    assert.equal(raw.status, 303);
  };
  const old = () => Number(sql('SELECT COUNT(*) FROM post_replays WHERE created_at < NOW() - INTERVAL 10 MINUTE'));
  await post();
  sql('UPDATE post_replays SET created_at = NOW() - INTERVAL 3 MINUTE WHERE created_at > NOW() - INTERVAL 5 SECOND');
  const late = await c.get('/messages');
  assert.equal(late.status, 200);
  assert.equal(fieldError(late.html, 'content'), undefined, 'stale: the page as it is now');

  await post(); // abandoned: never fetched
  sql('UPDATE post_replays SET created_at = NOW() - INTERVAL 11 MINUTE WHERE created_at > NOW() - INTERVAL 5 SECOND');
  assert.ok(old() >= 1);
  await c.post('/messages', { content: '' });
  assert.equal(old(), 0, 'the next POST swept it');
  assert.ok(kept() >= 0);
});

test('sign-in with a wrong password: 303 back to /login, one message, the mobile kept; Reload shows a clean form', async () => {
  const [m] = makeMembers(1);
  const c = new Client();
  await c.get('/login');
  const r = await c.request('POST', '/login', { csrf: c.csrf, mobile: m, password: 'wrong-password-1' });
  assert.equal(r.posted?.status, 303);
  assert.equal(r.posted.location, '/login');
  assert.ok(flash(r.html), 'the error is shown');
  assert.equal(r.html.split('flash flash-error').length - 1, 1, 'exactly once');
  assert.match(r.html, new RegExp(`name="mobile"[^>]*value="${m}"`));
  const again = await c.get('/login');
  assert.equal(flash(again.html), undefined);
  // The kept form's token still signs in: it is the visitor's own token, filled in at the GET.
  const ok = await c.request('POST', '/login', { csrf: c.csrf, mobile: m, password: (await import('./lib/stack.mjs')).DEMO.password });
  assert.equal(ok.status, 303);
  assert.equal(ok.posted, undefined, 'success is a plain redirect');
});

test('a foreign Referer is never the redirect target: the page goes to the POST\'s own address', async () => {
  const { c } = await signedInMember();
  await c.get('/messages');
  const r = await c.exchange('POST', '/messages', new URLSearchParams({ csrf: c.csrf, content: '' }).toString(),
    { 'Content-Type': 'application/x-www-form-urlencoded', Referer: 'https://evil.example/messages' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/messages');
  assert.ok(fieldError((await c.get('/messages')).html, 'content'));
});
