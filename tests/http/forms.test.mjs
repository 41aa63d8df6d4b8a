// forms.test.mjs: what a person meets when a form or a page says no — length errors that say the limit and keep the
// text, dates written 年-月-日 whatever the browser, a refused permission told apart from an expired form (mall,
// back office, merchant portal; zh and en), exactly one message on each sign-in page, audit entries in words
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.mjs';
import { Client, fieldError, flash } from './lib/client.mjs';
import { signedInMember, makeMembers, memberId } from './lib/members.mjs';
import { makeProduct } from './lib/shop.mjs';
import { adminClient, makeAdmin } from './lib/admin.mjs';
import { newMerchantClient } from './lib/merchants.mjs';

const count = (table, where) => Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));
// The text of a textarea or the value of an input named n, as the page holds it (entities decoded).
const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const areaText = (html, n) => decode((html.match(new RegExp(`<textarea[^>]* name="${n}"[^>]*>([^<]*)</textarea>`)) || [])[1] ?? '');
const inputValue = (html, n) => decode((html.match(new RegExp(`<input[^>]* name="${n}"[^>]* value="([^"]*)"`)) || [])[1] ?? '');

test('too long: the message says the limit, the form keeps the text, nothing is written (member center)', async () => {
  const { c, id } = await signedInMember();
  const long = '留言<b>'.repeat(100) + '多'; // 501 characters, with markup that must come back escaped
  let r = await c.post('/messages', { content: long }, '/messages');
  assert.equal(fieldError(r.html, 'content'), '最多 500 字');
  assert.equal(areaText(r.html, 'content'), long, 'the message is still there to shorten');
  assert.doesNotMatch(r.html, /留言<b>/, 'escaped');
  assert.equal(count('messages', `member_id = ${id}`), 0);

  const p = makeProduct();
  const q = '问'.repeat(201);
  r = await c.post(`/product/${p}/ask`, { question: q }, `/product/${p}`);
  assert.equal(fieldError(r.html, 'question'), '最多 200 字');
  assert.equal(areaText(r.html, 'question'), q);
  assert.equal(count('consultations', `member_id = ${id}`), 0);

  const detail = '路'.repeat(101);
  r = await c.post('/addresses', { recipient: '张三', mobile: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail }, '/addresses/new');
  assert.equal(fieldError(r.html, 'detail'), '最多 100 字');
  assert.equal(inputValue(r.html, 'detail'), detail);
  assert.equal(inputValue(r.html, 'recipient'), '张三', 'the valid fields stay too');
  assert.equal(count('addresses', `member_id = ${id}`), 0);

  c.jar.set('lang', 'en');
  r = await c.post('/messages', { content: 'x'.repeat(501) }, '/messages');
  assert.equal(fieldError(r.html, 'content'), 'At most 500 characters');
  assert.equal(areaText(r.html, 'content'), 'x'.repeat(501));
});

test('too long in the back office: the limit is said and the text kept', async () => {
  const { c } = await adminClient('super');
  const [m] = makeMembers(1);
  const mid = memberId(m);
  const reason = '原因'.repeat(100) + '长'; // 201
  const r = await c.post(`/admin/members/${mid}/grant`, { grant_amount: 10, grant_expires: '2030-12-31', grant_reason: reason }, `/admin/members/${mid}`);
  assert.equal(fieldError(r.html, 'grant_reason'), '最多 200 字');
  assert.equal(inputValue(r.html, 'grant_reason'), reason);
  assert.equal(inputValue(r.html, 'grant_amount'), '10');
  assert.equal(count('points_lots', `member_id = ${mid}`), 0, 'nothing granted');
});

test('date filters take 年-月-日 text on every page, and a bad date gets a clear message', async () => {
  const { c } = await adminClient('super');
  const mc = await newMerchantClient(1, 'owner');
  const { c: member } = await signedInMember();
  const pages = [[c, '/admin/orders'], [c, '/admin/audit'], [c, '/admin/reports'], [mc, '/merchant/orders'], [member, '/points']];
  for (const [client, path] of pages) {
    const page = await client.get(path);
    assert.equal(page.status, 200, path);
    for (const n of ['from', 'to']) {
      const tag = (page.html.match(new RegExp(`<input[^>]*name="${n}"[^>]*>`)) || [])[0];
      assert.ok(tag, `${path}: a ${n} field`);
      assert.doesNotMatch(tag, /type="date"/, `${path} ${n}: not the browser's locale date`);
      assert.match(tag, /type="text"/);
      assert.match(tag, /inputmode="numeric"/);
      assert.match(tag, /pattern="\[0-9\]\{4\}-\[0-9\]\{2\}-\[0-9\]\{2\}"/);
      assert.match(tag, /placeholder="2026-12-04"/);
    }
    for (const bad of ['12/04/2026', '2026-02-30', '2026-1-5', 'abc']) {
      const r = await client.get(`${path}?from=${encodeURIComponent(bad)}`);
      assert.notEqual(r.status, 500, `${path} from=${bad}`);
      assert.match(fieldError(r.html, 'from') || '', /2026-12-04/, `${path} from=${bad}: the message shows the format`);
      assert.equal(inputValue(r.html, 'from'), bad, `${path} from=${bad}: kept to correct`);
    }
    const ok = await client.get(`${path}?from=2026-01-01&to=2026-12-04`);
    assert.equal(ok.status, 200, `${path}: a good range`);
    assert.equal(fieldError(ok.html, 'from'), undefined);
  }
  const [m] = makeMembers(1);
  const page = await c.get(`/admin/members/${memberId(m)}`);
  assert.match(page.html, /<input id="g-expires" name="grant_expires" type="text"[^>]*placeholder="2026-12-04"/);
});

test('a refused permission and an expired form are different pages, each with a way back (admin, merchant, mall)', async () => {
  // No permission: the back office's ops role may not read the audit log.
  const { c: ops } = await adminClient('ops');
  let r = await ops.send('GET', '/admin/audit', null, { Referer: `http://${new URL(process.env.MALL_URL).host}/admin/orders` });
  assert.equal(r.status, 403);
  assert.match(r.html, /<h1>无权访问<\/h1>/);
  assert.match(r.html, /没有访问此页面或执行此操作的权限/);
  assert.doesNotMatch(r.html, /页面已过期/);
  assert.match(r.html, /<a class="btn btn-primary" href="\/admin\/orders">返回上一页<\/a>/);
  assert.match(r.html, /<a class="btn" href="\/admin\/">返回首页<\/a>/, 'home is the back office');
  assert.doesNotMatch(r.html, /href="\/products"/, 'no storefront links in the back office');
  // Someone else's page as Referer is not offered.
  r = await ops.send('GET', '/admin/audit', null, { Referer: 'http://evil.example/admin/orders' });
  assert.doesNotMatch(r.html, /返回上一页/);
  assert.match(r.html, /<a class="btn btn-primary" href="\/admin\/">返回首页<\/a>/);
  ops.jar.set('lang', 'en');
  r = await ops.get('/admin/audit');
  assert.match(r.html, /<h1>Access denied<\/h1>/);

  // Expired form (stale token): its own message, and the way back is the form.
  r = await ops.request('POST', '/admin/orders/1/ship', { csrf: '0'.repeat(64), carrier: 'x', tracking_no: '1234' });
  assert.equal(r.status, 403);
  assert.match(r.html, /<h1>Page expired<\/h1>/);
  assert.match(r.html, /reload it and try again/);
  ops.jar.set('lang', 'zh-CN');
  const host = new URL(process.env.MALL_URL).host;
  r = await ops.send('POST', '/admin/orders/1/ship', 'csrf=bad', { 'Content-Type': 'application/x-www-form-urlencoded', Referer: `http://${host}/admin/orders/1` });
  assert.equal(r.status, 403);
  assert.match(r.html, /<h1>页面已过期<\/h1>/);
  assert.match(r.html, /页面已过期,请刷新后重试。/);
  assert.match(r.html, /<a class="btn btn-primary" href="\/admin\/orders\/1">返回表单<\/a>/);
  assert.doesNotMatch(r.html, /无权访问/);

  // Merchant portal: staff may not manage staff; an expired form there too.
  const staff = await newMerchantClient(1, 'staff');
  r = await staff.get('/merchant/staff');
  assert.equal(r.status, 403);
  assert.match(r.html, /<h1>无权访问<\/h1>/);
  assert.match(r.html, /href="\/merchant\/">返回首页<\/a>/);
  r = await staff.send('POST', '/merchant/verify', 'csrf=bad', { 'Content-Type': 'application/x-www-form-urlencoded', Referer: `http://${host}/merchant/verify` });
  assert.equal(r.status, 403);
  assert.match(r.html, /<h1>页面已过期<\/h1>/);
  assert.match(r.html, /href="\/merchant\/verify">返回表单<\/a>/);

  // Mall: an expired sign-in form (no Referer: the form is at the same address).
  const v = new Client();
  r = await v.request('POST', '/login', { mobile: '13800138000', password: 'whatever123', csrf: 'stale' });
  assert.equal(r.status, 403);
  assert.match(r.html, /<h1>页面已过期<\/h1>/);
  assert.match(r.html, /<a class="btn btn-primary" href="\/login">返回表单<\/a>/);
  assert.match(r.html, /<a class="btn" href="\/">返回首页<\/a>/);
  v.jar.set('lang', 'en');
  r = await v.request('POST', '/login', { mobile: '13800138000', password: 'whatever123', csrf: 'stale' });
  assert.match(r.html, /<h1>Page expired<\/h1>.*[\s\S]*Back to the form/);
});

test('a failed sign-in shows exactly one error message on every sign-in page', async () => {
  const messages = (html) => html.match(/class="(flash flash-error|field-error)"/g) || [];
  const admin = makeAdmin('ops');
  for (const [path, form, text] of [
    ['/login', { mobile: makeMembers(1)[0], password: 'Wrong@2026' }, '手机号或密码错误'],
    ['/admin/login', { username: admin.username, password: 'Wrong@2026' }, '用户名或密码错误'],
    ['/merchant/login', { username: 'carwash_staff', password: 'Wrong@2026' }, '账号或密码错误'],
  ]) {
    const c = new Client();
    const r = await c.submit(path, path, form);
    assert.notEqual(r.status, 303, path);
    assert.equal(messages(r.html).length, 1, `${path}: one message, not ${messages(r.html).length}`);
    assert.equal(flash(r.html), text, path);
    assert.equal(r.html.split(text).length - 1, 1, `${path}: the text once`);
  }
});

test('the audit log shows actions, entity types and field names in words (zh and en), unknown keys as they are', async () => {
  const { c, admin } = await adminClient('super');
  const p = makeProduct({ points: 100 });
  sql(`INSERT INTO audit_log (admin_id, admin_name, ip, action, entity, entity_id, before_json, after_json) VALUES
       (${admin.id}, '${admin.username}', '127.0.0.1', 'final_approve', 'merchant_application', ${p}, '{"status":"first_approved"}', '{"status":"approved"}'),
       (${admin.id}, '${admin.username}', '127.0.0.1', 'update', 'product', ${p}, '{"cash_price_fen":"0","zz_new_field":"a"}', '{"cash_price_fen":"150","zz_new_field":"b"}'),
       (${admin.id}, '${admin.username}', '127.0.0.1', 'reset-password', 'admin', ${admin.id}, NULL, '{"password":"reset"}'),
       (${admin.id}, '${admin.username}', '127.0.0.1', 'zz_new_action', 'zz_new_entity', ${p}, NULL, NULL)`);
  let r = await c.get(`/admin/audit?admin=${admin.id}`);
  assert.equal(r.status, 200);
  assert.match(r.html, /title="final_approve">终审通过</);
  assert.match(r.html, /商户入驻申请 <a href/);
  assert.match(r.html, /<th title="cash_price_fen">现金部分\(分\)<\/th>/);
  assert.match(r.html, /<th title="status">状态<\/th>/);
  assert.match(r.html, /title="reset-password">重置密码</);
  assert.match(r.html, /<th title="zz_new_field">zz_new_field<\/th>/, 'an unknown field as its key');
  assert.match(r.html, /title="zz_new_action">zz_new_action</);
  assert.match(r.html, /<td>zz_new_entity <a href/);
  assert.doesNotMatch(r.html, />final_approve</);
  assert.doesNotMatch(r.html, /<th[^>]*>cash_price_fen</);
  c.jar.set('lang', 'en');
  r = await c.get(`/admin/audit?admin=${admin.id}`);
  assert.match(r.html, /title="final_approve">Final review: approve</);
  assert.match(r.html, /Merchant application <a href/);
  assert.match(r.html, /<th title="cash_price_fen">Cash part \(fen\)<\/th>/);
});
