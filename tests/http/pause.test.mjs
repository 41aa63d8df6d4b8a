// pause.test.mjs: the emergency switch (F4) through the real stack — pausing an activity from the back office (with
// its confirmation) and all redemption with mallctl: payments refused with the reason and nothing written, the banner
// on member pages, paid vouchers still verified by their merchant, points held untouched; resume; audit rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, mallctl, mallctlRun, checkLedger } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, balance, skipCooldown } from './lib/members.mjs';
import { makeProduct, placeNow, sendCode, buyNow, orderStatus } from './lib/shop.mjs';
import { makeMerchant, merchantClient } from './lib/merchants.mjs';
import { adminClient, adminPost, auditOf } from './lib/admin.mjs';
import { makeActivity } from './lib/guards.mjs';

const stockOf = (p) => Number(sql(`SELECT stock FROM products WHERE id = ${p}`));

test('pause one activity from the back office: confirmation, refused payment with the reason, banner, vouchers still verified, resume', async () => {
  const merchant = makeMerchant('暂停测试商户');
  const voucher = makeProduct({ type: 'voucher', points: 200, stock: 20, name: '暂停测试券' });
  sql(`UPDATE products SET merchant_id = ${merchant.id}, settle_price_fen = 100, voucher_valid_days = 30 WHERE id = ${voucher}`);
  const p = makeProduct({ points: 100, stock: 20 });
  const a = makeActivity([voucher, p]);
  const [m] = makeMembers(1, 5000);
  const c = new Client();
  await c.login(m);
  // Bought before the pause: a paid voucher order.
  const paid = await buyNow(c, m, voucher, 1);
  const pw = (mallctl('sms-outbox', '--phone', m, '--last', '20').match(/券号 (V\d{15})，验证密码 (\d{8})/) || []).slice(1);
  assert.equal(pw.length, 2, 'voucher texted');
  const pending = await placeNow(c, p, 1);

  const { c: admin, admin: who } = await adminClient('ops');
  assert.equal((await admin.get('/admin/switch')).status, 200);
  // First the confirmation page, nothing paused yet.
  const ask = await adminPost(admin, '/admin/switch/pause', { activity_id: a, reason: '库存核对中' }, '/admin/switch');
  assert.equal(ask.status, 200);
  assert.match(ask.html, /确定要暂停活动/);
  assert.equal(sql(`SELECT paused FROM activities WHERE id = ${a}`), '0');
  const done = await adminPost(admin, '/admin/switch/pause', { activity_id: a, reason: '库存核对中', confirm: 1 });
  assert.equal(done.status, 303);
  assert.equal(sql(`SELECT CONCAT(paused, ' ', pause_reason) FROM activities WHERE id = ${a}`), '1 库存核对中');
  const audit = auditOf('activity', a);
  assert.equal(audit.at(-1).action, 'pause');
  assert.equal(audit.at(-1).who, who.username);

  // The banner on member pages (cached storefront pages too), the activity's page says so.
  for (const path of ['/', '/orders', `/product/${p}`]) assert.match((await c.get(path)).html, /guard-banner[\s\S]*库存核对中/, path);
  assert.match((await new Client().get('/')).html, /guard-banner[\s\S]*库存核对中/, 'anonymous visitors too');
  assert.match((await c.get(`/activity/${a}`)).html, /activity-guard[^>]*>[^<]*库存核对中/);

  // A payment is refused with the reason, and nothing is written.
  const before = balance(m);
  skipCooldown(m);
  const refused = await c.post(`/order/${pending}/pay`, { code: await sendCode(c, pending, m) });
  assert.equal(refused.status, 409);
  assert.match(flash(refused.html), /已暂停[\s\S]*库存核对中/);
  assert.equal(orderStatus(pending), 'pending');
  assert.equal(balance(m), before);
  assert.equal(stockOf(p), 20);

  // The merchant still verifies the voucher paid before the pause; the paid order is untouched.
  const staff = await merchantClient(merchant.staff);
  const look = await staff.post('/merchant/verify', { no: pw[0], pw: pw[1] }, '/merchant/verify');
  assert.equal(look.status, 200);
  const redeemed = await staff.post('/merchant/verify/redeem', { no: pw[0], pw: pw[1] }, '/merchant/verify');
  assert.equal(redeemed.status, 303);
  assert.equal(sql(`SELECT status FROM vouchers WHERE voucher_no = ${q(pw[0])}`), 'redeemed');
  assert.equal(orderStatus(paid), 'paid');

  // Resume: the banner goes, the payment goes through.
  const resumed = await adminPost(admin, '/admin/switch/resume', { activity_id: a }, '/admin/switch');
  assert.equal(resumed.status, 303);
  assert.equal(auditOf('activity', a).at(-1).action, 'resume');
  assert.doesNotMatch((await c.get('/')).html, /库存核对中/);
  skipCooldown(m);
  const ok = await c.post(`/order/${pending}/pay`, { code: await sendCode(c, pending, m) });
  assert.equal(ok.status, 303, flash(ok.html));
  assert.equal(orderStatus(pending), 'paid');
  checkLedger();
});

test('mallctl pause|resume: all redemption paused with a reason, audited as the system; bad arguments refused', async () => {
  const [m] = makeMembers(1, 5000);
  const c = new Client();
  await c.login(m);
  const p = makeProduct({ points: 100, stock: 20 });
  const no = await placeNow(c, p, 1);
  const code = await sendCode(c, no, m);
  assert.equal(mallctlRun('pause').status, 2, 'a reason is required');
  assert.equal(mallctlRun('pause', '--activity', 'x', '--reason', 'r').status, 2);
  assert.equal(mallctlRun('pause', '--activity', '999999999', '--reason', 'r').status, 1);
  try {
    assert.match(mallctl('pause', '--reason', '系统升级'), /redemption paused/);
    assert.match(mallctl('pause', '--reason', '系统升级'), /paused already/);
    assert.match((await c.get('/points')).html, /guard-banner[\s\S]*商城兑换已暂停[\s\S]*系统升级/);
    const r = await c.post(`/order/${no}/pay`, { code });
    assert.equal(r.status, 409);
    assert.match(flash(r.html), /商城兑换已暂停[\s\S]*系统升级/);
    assert.equal(orderStatus(no), 'pending');
    assert.equal(balance(m), 5000);
  } finally {
    mallctl('resume');
  }
  assert.doesNotMatch((await c.get('/points')).html, /商城兑换已暂停|系统升级/);
  const rows = sql(`SELECT CONCAT(actor_kind, ' ', action, ' ', admin_name) FROM audit_log WHERE entity = 'mall' ORDER BY id DESC LIMIT 2`).split('\n');
  assert.match(rows[0], /^system resume mallctl:/);
  assert.match(rows[1], /^system pause mallctl:/);
  skipCooldown(m);
  const ok = await c.post(`/order/${no}/pay`, { code: await sendCode(c, no, m) });
  assert.equal(ok.status, 303, flash(ok.html));
  checkLedger();
});
