// onboarding.test.mjs: V3 merchant onboarding — public application, first review (ops), final review (super),
// rejections with reasons texted to the applicant, roles, and the new owner signing in with the texted password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { BASE, sql, q } from './lib/stack.mjs';
import { Client } from './lib/client.mjs';
import { mobile } from './lib/members.mjs';
import { adminClient, adminPost } from './lib/admin.mjs';
import { merchantLogin, licenceNo } from './lib/merchants.mjs';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
// The application form's licence image field.
const licence = (data = PNG, filename = 'licence.png') => [{ field: 'licence', filename, type: 'image/png', data }];

const lastSms = (m) => sql(`SELECT body FROM sms_outbox WHERE mobile = ${q(m)} ORDER BY id DESC LIMIT 1`);
const appRow = (id) => {
  const [status, merchant] = sql(`SELECT status, COALESCE(merchant_id, 0) FROM merchant_applications WHERE id = ${Number(id)}`).split('\t');
  return { status, merchant: Number(merchant) };
};

function form(over = {}) {
  return {
    company: `测试洗车行 ${randomInt(1e6)}`, contact: '王经理', mobile: mobile(), address: '深圳市南山区科技园 1 号',
    category: 'carwash', licence_no: licenceNo(), username: `shop_${randomInt(1e9)}`, ...over,
  };
}

// Applies as an anonymous visitor; returns the application id.
async function apply(fields = form()) {
  const c = new Client();
  assert.equal((await c.get('/merchant/apply')).status, 200);
  const r = await c.multipart('/merchant/apply', fields, licence());
  assert.equal(r.status, 303, r.html.match(/field-error[^>]*>([^<]*)/g)?.join(' '));
  const id = Number(new URL(r.location, BASE).searchParams.get('no'));
  assert.ok(id > 0);
  return id;
}

test('apply → first review by ops → final review by super → the owner signs in with the texted password', async () => {
  const f = form();
  const id = await apply(f);
  assert.equal(appRow(id).status, 'submitted');
  assert.match(lastSms(f.mobile), new RegExp(`编号 ${id}`));
  const img = sql(`SELECT licence_image FROM merchant_applications WHERE id = ${id}`);
  assert.match(img, /^\/uploads\/[0-9a-f]+\.png$/);

  const { c: ops } = await adminClient('ops');
  const page = await ops.get(`/admin/applications/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /id="review-first"/);
  assert.ok(page.html.includes(f.company));
  assert.match((await ops.get('/admin/applications?status=submitted')).html, new RegExp(`data-id="${id}"`));
  // ops cannot take the final step
  assert.equal((await adminPost(ops, `/admin/applications/${id}/final`, { decision: 'approve' })).status, 403);
  const r1 = await adminPost(ops, `/admin/applications/${id}/first`, { decision: 'approve', reason: '' });
  assert.equal(r1.status, 303);
  assert.equal(appRow(id).status, 'first_approved');
  assert.match(lastSms(f.mobile), /初审/);
  // a second first review is refused: it is no longer at that stage
  assert.equal((await adminPost(ops, `/admin/applications/${id}/first`, { decision: 'reject', reason: 'x' })).status, 409);

  const { c: sup } = await adminClient('super');
  const p2 = await sup.get(`/admin/applications/${id}`);
  assert.match(p2.html, /id="review-final"/);
  const r2 = await adminPost(sup, `/admin/applications/${id}/final`, { decision: 'approve' }, `/admin/applications/${id}`);
  assert.equal(r2.status, 303);
  const row = appRow(id);
  assert.equal(row.status, 'approved');
  assert.ok(row.merchant > 0);
  assert.equal(sql(`SELECT CONCAT(name, '|', status) FROM merchants WHERE id = ${row.merchant}`), `${f.company}|active`);
  assert.equal(sql(`SELECT CONCAT(role, '|', merchant_id) FROM merchant_users WHERE username = '${f.username}'`), `owner|${row.merchant}`);
  // every step audited
  assert.equal(sql(`SELECT GROUP_CONCAT(action ORDER BY id) FROM audit_log WHERE entity = 'merchant_application' AND entity_id = ${id}`),
    'first_approve,final_approve');
  assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE entity = 'merchant' AND entity_id = ${row.merchant} AND action = 'create'`), '1');

  const sms = lastSms(f.mobile);
  assert.ok(sms.includes(f.username), sms);
  const pw = sms.match(/初始密码：([A-Za-z0-9]+)/)[1];
  assert.ok(pw.length >= 10);
  assert.equal((await merchantLogin(new Client(), f.username, 'wrong-password')).status === 303, false);
  const m = new Client();
  const r = await merchantLogin(m, f.username, pw);
  assert.equal(r.status, 303);
  const home = await m.get('/merchant/');
  assert.equal(home.status, 200);
  assert.ok(home.html.includes(f.company));
  // the password is stored only as a hash
  assert.ok(!sql(`SELECT password_hash FROM merchant_users WHERE username = '${f.username}'`).includes(pw));
});

test('rejections need a reason, which is texted; a rejected application cannot be approved later', async () => {
  const f = form();
  const id = await apply(f);
  const { c: ops } = await adminClient('ops');
  const bad = await adminPost(ops, `/admin/applications/${id}/first`, { decision: 'reject', reason: '' }, `/admin/applications/${id}`);
  assert.equal(bad.status, 400);
  assert.equal(appRow(id).status, 'submitted');
  const r = await adminPost(ops, `/admin/applications/${id}/first`, { decision: 'reject', reason: '营业执照照片不清晰' });
  assert.equal(r.status, 303);
  assert.equal(appRow(id).status, 'rejected');
  assert.match(lastSms(f.mobile), /未通过初审.*营业执照照片不清晰/);
  const { c: sup } = await adminClient('super');
  assert.equal((await adminPost(sup, `/admin/applications/${id}/final`, { decision: 'approve' })).status, 409);
  assert.equal(appRow(id).merchant, 0);

  // final rejection
  const g = form();
  const id2 = await apply(g);
  assert.equal((await adminPost(ops, `/admin/applications/${id2}/first`, { decision: 'approve' })).status, 303);
  const r2 = await adminPost(sup, `/admin/applications/${id2}/final`, { decision: 'reject', reason: '所在区域暂不开放合作' });
  assert.equal(r2.status, 303);
  assert.equal(appRow(id2).status, 'rejected');
  assert.equal(appRow(id2).merchant, 0);
  assert.match(lastSms(g.mobile), /未通过终审.*所在区域暂不开放合作/);
  assert.equal(sql(`SELECT COUNT(*) FROM merchant_users WHERE username = '${g.username}'`), '0');
});

test('roles: moderator and finance cannot open applications; anonymous goes to sign-in; missing CSRF is 403', async () => {
  const id = await apply();
  for (const role of ['moderator', 'finance']) {
    const { c } = await adminClient(role);
    assert.equal((await c.get('/admin/applications')).status, 403, role);
    assert.equal((await adminPost(c, `/admin/applications/${id}/first`, { decision: 'approve' })).status, 403, role);
  }
  const anon = new Client();
  assert.equal((await anon.get(`/admin/applications/${id}`)).status, 303);
  const { c: ops } = await adminClient('ops');
  await ops.get('/admin/applications');
  assert.equal((await ops.request('POST', `/admin/applications/${id}/first`, { decision: 'approve' })).status, 403);
  assert.equal(appRow(id).status, 'submitted');
  // the public form checks CSRF too
  const v = new Client();
  await v.get('/merchant/apply');
  const r = await v.multipart('/merchant/apply', form(), licence(PNG, 'a.png'), { csrf: false });
  assert.equal(r.status, 403);
});

test('multipart forms are read whole whatever their boundary\'s length (ClearSilver\'s parser missed ~1 in 100)', async () => {
  const c = new Client();
  await c.get('/merchant/apply');
  const statuses = {};
  for (let i = 0; i < 300; i++) {
    const boundary = `b${'-'.repeat(randomInt(1, 40))}${randomInt(1e12)}`;
    const r = await c.multipart('/merchant/apply', form({ mobile: '12345' }), [], { boundary });
    statuses[r.status] = (statuses[r.status] || 0) + 1;
  }
  assert.deepEqual(statuses, { 400: 300 }, 'every post read with its CSRF token and fields (400: the bad mobile)');
});

test('the form refuses bad input with a message per field and stores nothing', async () => {
  const c = new Client();
  await c.get('/merchant/apply');
  const f = form({ mobile: '12345', licence_no: '91440300MA5ABCDEF0', username: '9bad name' });
  const before = sql('SELECT COUNT(*) FROM merchant_applications');
  const r = await c.multipart('/merchant/apply', f, licence(PNG, 'x.png'));
  assert.equal(r.status, 400);
  for (const field of ['mobile', 'licence_no', 'username']) assert.match(r.html, new RegExp(`id="e-${field}"`), field);
  // a "PNG" that is really text
  const g = form();
  const r2 = await c.multipart('/merchant/apply', g, licence(Buffer.from('<?php echo 1; ?>'), 'x.png'));
  assert.equal(r2.status, 400);
  assert.match(r2.html, /JPG/);
  // no image at all
  const r3 = await c.multipart('/merchant/apply', form());
  assert.equal(r3.status, 400);
  assert.equal(sql('SELECT COUNT(*) FROM merchant_applications'), before);
  // a sign-in name already in use
  const r4 = await c.multipart('/merchant/apply', form({ username: 'carwash' }), licence(PNG, 'x.png'));
  assert.equal(r4.status, 400);
  assert.match(r4.html, /id="e-username"/);
});

test('a sign-in name taken between application and final review is a clear error, and nothing is created', async () => {
  const f = form();
  const id = await apply(f);
  const { c: ops } = await adminClient('ops');
  assert.equal((await adminPost(ops, `/admin/applications/${id}/first`, { decision: 'approve' })).status, 303);
  sql(`INSERT INTO merchant_users (merchant_id, username, password_hash, role) SELECT merchant_id, '${f.username}', password_hash, 'staff' FROM merchant_users WHERE username = 'carwash'`);
  const merchants = sql('SELECT COUNT(*) FROM merchants');
  const { c: sup } = await adminClient('super');
  const r = await adminPost(sup, `/admin/applications/${id}/final`, { decision: 'approve' }, `/admin/applications/${id}`);
  assert.equal(r.status, 409);
  assert.match(r.html, /登录名已被/);
  assert.equal(appRow(id).status, 'first_approved');
  assert.equal(sql('SELECT COUNT(*) FROM merchants'), merchants);
});
