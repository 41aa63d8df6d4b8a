// merchant-portal.test.mjs: V4–V6 — merchant sign-in (throttle, own cookie), staff accounts, verifying
// vouchers (QR URL, exactly-once under a race, other merchants see nothing, lock, rate limit), orders + CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { BASE, sql, q, mallctl, checkLedger } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, memberId } from './lib/members.mjs';
import { makeProduct, buyNow, orderStatus } from './lib/shop.mjs';
import { MERCHANT_PASSWORD, makeMerchant, merchantLogin, merchantClient } from './lib/merchants.mjs';
import { decodeQr } from './lib/qr.mjs';
import { adminClient, adminPost } from './lib/admin.mjs';

const tag = () => `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
const makePortalMerchant = () => makeMerchant('门户测试商户');
const outcome = (html) => (html.match(/data-outcome="([a-z_]+)"/) || [])[1];

// Vouchers bought through the real flow: a member pays for `n` units of a voucher product of merchant m.
async function buyVouchers(m, n = 1, { points = 200, name = 'portal voucher' } = {}) {
  const pid = makeProduct({ type: 'voucher', points, stock: 100, name });
  sql(`UPDATE products SET merchant_id = ${m.id}, settle_price_fen = ${points * 3}, voucher_valid_days = 30 WHERE id = ${pid}`);
  const [mobile] = makeMembers(1, points * n + 1000);
  const c = new Client();
  await c.login(mobile);
  const no = await buyNow(c, mobile, pid, n);
  const texted = new Map();
  for (const [, vno, pw] of mallctl('sms-outbox', '--phone', mobile, '--last', '50').matchAll(/券号 (V\d{15})，验证密码 (\d{8})/g)) texted.set(vno, pw);
  const vs = sql(`SELECT v.voucher_no FROM vouchers v JOIN orders o ON o.id = v.order_id WHERE o.order_no = ${q(no)} ORDER BY v.id`).split('\n');
  assert.equal(vs.length, n);
  return { member: c, mobile, orderNo: no, pid, vouchers: vs.map((v) => ({ no: v, pw: texted.get(v) })) };
}
const voucherRow = (no) => {
  const [status, failed, locked, by] = sql(`SELECT status, failed_attempts, locked_at IS NOT NULL, COALESCE(redeemed_by, 0) FROM vouchers WHERE voucher_no = ${q(no)}`).split('\t');
  return { status, failed: +failed, locked: locked === '1', by: +by };
};

// The verification page's two steps: look a voucher up, then redeem it.
const check = (c, no, pw) => c.post('/merchant/verify', { no, pw }, '/merchant/verify');
const redeem = (c, no, pw) => c.post('/merchant/verify/redeem', { no, pw }, '/merchant/verify');

test('sign-in: wrong password refused, right one gives the portal its own cookie; member and admin sessions do not count', async () => {
  const m = makePortalMerchant();
  const c = new Client();
  const bad = await merchantLogin(c, m.owner, 'wrong-password');
  assert.equal(bad.status, 200);
  assert.match(flash(bad.html), /账号或密码错误/);
  const ok = await merchantLogin(c, m.owner);
  assert.equal(ok.status, 303);
  assert.equal(ok.location, '/merchant/');
  assert.ok(c.jar.has('merchant_sid'), 'merchant cookie set');
  const home = await c.get('/merchant/');
  assert.equal(home.status, 200);
  assert.ok(home.html.includes(m.name), 'home names the merchant');
  assert.match(home.html, /id="today-redeemed"[^>]*>0</);
  // The merchant cookie is nothing to the back office or the storefront's member pages.
  assert.equal((await c.get('/admin/')).status, 303);
  assert.equal((await c.get('/account')).status, 303);
  // A member's session token under the merchant cookie's name is not a merchant session.
  const [mobile] = makeMembers(1);
  const member = new Client();
  await member.login(mobile);
  const token = [...member.jar].find(([k]) => /member/.test(k));
  assert.ok(token, 'member cookie');
  const forged = new Client();
  forged.jar.set('merchant_sid', token[1]);
  const r = await forged.get('/merchant/');
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/merchant\/login\?next=/);
  // Signing out ends the session.
  const out = await c.post('/merchant/logout', {}, '/merchant/');
  assert.equal(out.status, 303);
  assert.equal(out.location, '/merchant/login');
  assert.equal((await c.get('/merchant/')).status, 303);
});

test('sign-in is throttled per account: after 5 failures even the right password waits (429)', async () => {
  const m = makePortalMerchant();
  for (let i = 0; i < 5; i++) {
    const r = await merchantLogin(new Client(), m.owner, `wrong-${i}`);
    assert.equal(r.status, 200);
  }
  const r = await merchantLogin(new Client(), m.owner);
  assert.equal(r.status, 429);
  assert.match(flash(r.html), /分钟后再试/);
  assert.ok(!r.location);
  // Another account is not affected.
  assert.equal((await merchantLogin(new Client(), m.staff)).status, 303);
});

test('disabled accounts and accounts of a disabled merchant cannot sign in; disabling ends open sessions', async () => {
  const m = makePortalMerchant();
  const staff = await merchantClient(m.staff);
  const owner = await merchantClient(m.owner);
  const sid = Number(sql(`SELECT id FROM merchant_users WHERE username = '${m.staff}'`));
  const r = await owner.post(`/merchant/staff/${sid}/status`, { status: 'disabled' }, '/merchant/staff');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/merchant/staff?done=disabled');
  assert.equal((await staff.get('/merchant/')).status, 303, 'the staff member was signed out');
  const again = await merchantLogin(new Client(), m.staff);
  assert.equal(again.status, 200);
  assert.match(flash(again.html), /停用/);
  assert.ok(!again.location);
  sql(`UPDATE merchants SET status = 'disabled' WHERE id = ${m.id}`);
  assert.equal((await owner.get('/merchant/')).status, 303, 'a disabled merchant signs its accounts out');
  const o = await merchantLogin(new Client(), m.owner);
  assert.equal(o.status, 200);
  assert.match(flash(o.html), /停用/);
});

test('owner manages staff of its own merchant only; staff cannot open staff pages', async () => {
  const m = makePortalMerchant(), other = makePortalMerchant();
  const owner = await merchantClient(m.owner);
  const page = await owner.get('/merchant/staff');
  assert.equal(page.status, 200);
  assert.ok(page.html.includes(m.staff));
  assert.ok(!page.html.includes(other.staff), 'another merchant\'s staff are not listed');
  assert.ok(page.html.includes('href="/merchant/staff"'), 'owner nav shows staff accounts');
  // Create: bad username, then a good one that can sign in.
  const bad = await owner.post('/merchant/staff', { username: 'X y', password: 'Longenough1' });
  assert.equal(bad.status, 200);
  assert.match(bad.html, /class="field-error"/);
  const name = `pn${tag()}`;
  const made = await owner.post('/merchant/staff', { username: name, password: 'Newstaff@1' });
  assert.equal(made.status, 303);
  assert.equal(sql(`SELECT CONCAT(merchant_id, role, status) FROM merchant_users WHERE username = '${name}'`), `${m.id}staffactive`);
  const taken = await owner.post('/merchant/staff', { username: name, password: 'Newstaff@1' });
  assert.equal(taken.status, 200);
  assert.match(taken.html, /已被使用/);
  const s = new Client();
  assert.equal((await merchantLogin(s, name, 'Newstaff@1')).status, 303);
  // Staff: verify and orders yes, staff accounts no (403), and no staff link in the nav.
  const staffHome = await s.get('/merchant/');
  assert.equal(staffHome.status, 200);
  assert.ok(!staffHome.html.includes('href="/merchant/staff"'));
  assert.equal((await s.get('/merchant/verify')).status, 200);
  assert.equal((await s.get('/merchant/orders')).status, 200);
  assert.equal((await s.get('/merchant/staff')).status, 403);
  assert.equal((await s.post('/merchant/staff', { username: `px${tag()}`, password: 'Newstaff@1' }, '/merchant/')).status, 403);
  // Reset password: too short is refused; a good one works and ends the staff's session.
  const uid = Number(sql(`SELECT id FROM merchant_users WHERE username = '${name}'`));
  const short = await owner.post(`/merchant/staff/${uid}/password`, { password: 'short' });
  assert.equal(short.status, 200);
  assert.match(short.html, /8–64/);
  const reset = await owner.post(`/merchant/staff/${uid}/password`, { password: 'Another@22' });
  assert.equal(reset.status, 303);
  assert.equal((await s.get('/merchant/')).status, 303, 'signed out after the reset');
  assert.equal((await merchantLogin(new Client(), name, 'Another@22')).status, 303);
  // Another merchant's staff, and the owner itself, are out of reach: 404, nothing changes.
  const otherId = Number(sql(`SELECT id FROM merchant_users WHERE username = '${other.staff}'`));
  const ownerId = Number(sql(`SELECT id FROM merchant_users WHERE username = '${m.owner}'`));
  assert.equal((await owner.post(`/merchant/staff/${otherId}/status`, { status: 'disabled' })).status, 404);
  assert.equal((await owner.post(`/merchant/staff/${otherId}/password`, { password: 'Hijacked@1' })).status, 404);
  assert.equal((await owner.post(`/merchant/staff/${ownerId}/status`, { status: 'disabled' })).status, 404);
  assert.equal(sql(`SELECT status FROM merchant_users WHERE id IN (${otherId}, ${ownerId}) GROUP BY status`), 'active');
  assert.equal((await merchantLogin(new Client(), other.staff)).status, 303, 'the other merchant\'s password is unchanged');
  // Every change is in the audit log, as this owner of this merchant, and no password hash is in it.
  const ownerStatus = await owner.post(`/merchant/staff/${uid}/status`, { status: 'disabled' });
  assert.equal(ownerStatus.status, 303);
  assert.equal(sql(`SELECT GROUP_CONCAT(action ORDER BY id) FROM audit_log WHERE actor_kind = 'merchant' AND entity = 'merchant_user'
                    AND entity_id = ${uid}`), 'create,reset_password,disable');
  assert.equal(sql(`SELECT GROUP_CONCAT(DISTINCT CONCAT(admin_id, ' ', admin_name)) FROM audit_log WHERE actor_kind = 'merchant'
                    AND entity_id = ${uid}`), `${ownerId} ${m.owner} @ ${m.name}`);
  assert.equal(sql(`SELECT COUNT(*) FROM audit_log a, merchant_users u WHERE a.entity_id = ${uid} AND a.entity = 'merchant_user'
                    AND u.id = ${uid} AND INSTR(CONCAT(COALESCE(a.before_json, ''), COALESCE(a.after_json, '')), u.password_hash) > 0`), '0');
  assert.match(sql(`SELECT after_json FROM audit_log WHERE entity_id = ${uid} AND action = 'disable'`), /"status":"disabled"/);
  const { c: sup } = await adminClient('super');
  const log = await sup.get('/admin/audit?entity=merchant_user');
  assert.equal(log.status, 200);
  assert.ok(log.html.includes(`${m.owner} @ ${m.name}`), 'the back office audit log shows who');
});

test('POSTs without the CSRF token are refused (403) and change nothing', async () => {
  const m = makePortalMerchant();
  const { vouchers: [v] } = await buyVouchers(m);
  const c = await merchantClient(m.owner);
  for (const [p, form] of [['/merchant/verify/redeem', { no: v.no, pw: v.pw }], ['/merchant/verify', { no: v.no, pw: v.pw }],
    ['/merchant/staff', { username: `pc${tag()}`, password: 'Newstaff@1' }], ['/merchant/logout', {}]]) {
    const r = await c.request('POST', p, form);
    assert.equal(r.status, 403, p);
  }
  assert.equal(voucherRow(v.no).status, 'issued');
  assert.equal(sql(`SELECT COUNT(*) FROM voucher_attempts WHERE voucher_no = ${q(v.no)}`), '0');
  assert.equal((await c.get('/merchant/')).status, 200, 'still signed in');
});

test('the QR\'s URL: sign-in comes back to it pre-filled; details, confirm, redeemed once, member told in the inbox', async () => {
  const m = makePortalMerchant();
  const { member, mobile, orderNo, vouchers: [v] } = await buyVouchers(m, 1, { points: 150 });
  const res = await member.getBytes(`/voucher/${v.no}/qr.png`);
  assert.equal(res.status, 200);
  const url = new URL(decodeQr(res.bytes));
  const target = url.pathname + url.search;
  // Not signed in: to the sign-in page, and back to the pre-filled form after it.
  const c = new Client();
  const anon = await c.get(target);
  assert.equal(anon.status, 303);
  const next = new URL(anon.location, BASE).searchParams.get('next');
  assert.equal(next, target);
  const li = await merchantLogin(c, m.staff, MERCHANT_PASSWORD, next);
  assert.equal(li.status, 303);
  assert.equal(li.location, target);
  const form = await c.get(target);
  assert.equal(form.status, 200);
  assert.ok(form.html.includes(`value="${v.no}"`) && form.html.includes(`value="${v.pw}"`), 'form pre-filled');
  assert.equal(voucherRow(v.no).status, 'issued', 'opening the URL changes nothing');
  // Look up: details with the member's masked mobile, nothing redeemed yet.
  const d = await check(c, v.no, v.pw);
  assert.equal(d.status, 200);
  assert.match(d.html, /id="confirm"/);
  assert.ok(d.html.includes(`${mobile.slice(0, 3)}****${mobile.slice(7)}`), 'masked mobile');
  assert.ok(!d.html.includes(mobile), 'never the full mobile');
  assert.match(d.html, /data-status="issued"/);
  assert.equal(voucherRow(v.no).status, 'issued');
  // Confirm: redeemed by this staff account, receipt page, inbox entry; the member's order shows it used.
  const done = await redeem(c, v.no, v.pw);
  assert.equal(done.status, 303);
  assert.equal(done.location, `/merchant/verify/done?no=${v.no}`);
  const receipt = await c.get(done.location);
  assert.equal(receipt.status, 200);
  assert.match(receipt.html, /id="done"/);
  assert.match(receipt.html, /data-status="redeemed"/);
  const row = voucherRow(v.no);
  assert.equal(row.status, 'redeemed');
  assert.equal(row.by, Number(sql(`SELECT id FROM merchant_users WHERE username = '${m.staff}'`)));
  assert.equal(sql(`SELECT COUNT(*) FROM inbox WHERE member_id = ${memberId(mobile)} AND body LIKE '%${v.no}%'`), '1');
  assert.match(sql(`SELECT body FROM inbox WHERE member_id = ${memberId(mobile)} AND body LIKE '%${v.no}%'`),
    new RegExp(`在「${m.name}」验证使用`), 'the notice names the merchant');
  // Again: told it is used, with when.
  const again = await redeem(c, v.no, v.pw);
  assert.equal(again.status, 409);
  assert.equal(outcome(again.html), 'used');
  assert.match(again.html, /已于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d 核销/);
  assert.equal(sql(`SELECT GROUP_CONCAT(outcome ORDER BY id) FROM voucher_attempts WHERE voucher_no = ${q(v.no)}`), 'ok,redeemed,used');
  assert.equal(orderStatus(orderNo), 'paid');
  // The home page counts it.
  assert.match((await c.get('/merchant/')).html, /id="today-redeemed"[^>]*>1</);
  checkLedger();
});

test('two staff confirming one voucher at once: exactly one redeems it, the other is told it is already used', async () => {
  const m = makePortalMerchant();
  const { vouchers } = await buyVouchers(m, 3);
  const a = await merchantClient(m.owner), b = await merchantClient(m.staff);
  await a.get('/merchant/verify');
  await b.get('/merchant/verify');
  for (const v of vouchers) {
    const rs = await Promise.all([redeem(a, v.no, v.pw), redeem(b, v.no, v.pw)]);
    const statuses = rs.map((r) => r.status).sort();
    assert.deepEqual(statuses, [303, 409], `one winner for ${v.no}`);
    assert.equal(outcome(rs.find((r) => r.status === 409).html), 'used');
    assert.equal(voucherRow(v.no).status, 'redeemed');
    assert.equal(sql(`SELECT COUNT(*) FROM voucher_attempts WHERE voucher_no = ${q(v.no)} AND outcome = 'redeemed'`), '1');
  }
  checkLedger();
});

test('another merchant cannot see or redeem a voucher: it answers exactly like an unknown number', async () => {
  const m = makePortalMerchant(), intruder = makePortalMerchant();
  const { vouchers: [v] } = await buyVouchers(m);
  const c = await merchantClient(intruder.owner);
  const unknownNo = `V${String(randomInt(1e9)).padStart(15, '9')}`;
  const theirs = await check(c, v.no, v.pw);
  const unknown = await check(c, unknownNo, v.pw);
  assert.equal(theirs.status, unknown.status);
  assert.equal(outcome(theirs.html), 'not_found');
  assert.equal(outcome(unknown.html), 'not_found');
  const strip = (h) => h.replace(/<section class="card">[\s\S]*$/, '').replace(/value="[^"]*"/g, '');
  assert.equal(strip(theirs.html), strip(unknown.html), 'same page as for an unknown number');
  const r = await redeem(c, v.no, v.pw);
  assert.equal(outcome(r.html), 'not_found');
  assert.equal(voucherRow(v.no).status, 'issued');
  assert.equal(voucherRow(v.no).failed, 0, 'the intruder\'s attempts do not count towards the owner\'s lock');
  assert.equal((await c.get(`/merchant/verify/done?no=${v.no}`)).status, 404);
  const list = await c.get(`/merchant/orders?no=${v.no}`);
  assert.equal(list.status, 200);
  assert.match(list.html, /id="empty"/);
  const csv = await c.get('/merchant/orders.csv');
  assert.ok(!csv.html.includes(v.no), 'not in the other merchant\'s CSV');
  // The owning merchant can.
  const own = await merchantClient(m.staff);
  assert.equal((await redeem(own, v.no, v.pw)).status, 303);
});

test('brute force: five wrong passwords lock the voucher, then even the right password fails — until ops unlock it', async () => {
  const m = makePortalMerchant();
  const { orderNo, vouchers: [v] } = await buyVouchers(m);
  const c = await merchantClient(m.staff);
  const wrong = (i) => String((Number(v.pw) + 1 + i) % 1e8).padStart(8, '0');
  for (let i = 0; i < 4; i++) {
    const r = await check(c, v.no, wrong(i));
    assert.equal(outcome(r.html), 'wrong');
    assert.ok(r.html.includes(`还可再试 ${4 - i} 次`), `tries left after ${i + 1}`);
  }
  assert.ok(!voucherRow(v.no).locked, 'four wrong passwords do not lock the voucher yet');
  const fifth = await redeem(c, v.no, wrong(4));
  assert.equal(outcome(fifth.html), 'locked');
  assert.ok(voucherRow(v.no).locked);
  for (const f of [check, redeem]) {
    const r = await f(c, v.no, v.pw);
    assert.equal(outcome(r.html), 'locked', 'the right password no longer works');
    assert.ok(!r.html.includes('id="confirm"'));
  }
  const row = voucherRow(v.no);
  assert.equal(row.status, 'issued');
  assert.equal(row.failed, 5);
  assert.equal(sql(`SELECT GROUP_CONCAT(outcome ORDER BY id) FROM voucher_attempts WHERE voucher_no = ${q(v.no)}`),
    'wrong,wrong,wrong,wrong,locked,locked,locked');

  // The back office sees the lock on the order and lifts it (audited); the merchant can verify again.
  const { c: ops, admin } = await adminClient('ops');
  const page = await ops.get(`/admin/orders/${orderNo}`);
  assert.equal(page.status, 200);
  const unlock = `/admin/orders/${orderNo}/vouchers/${v.no}/unlock`;
  assert.ok(page.html.includes(`action="${unlock}"`), 'an unlock button for the locked voucher');
  assert.match(page.html, /已锁定/);
  const { c: moderator } = await adminClient('moderator');
  assert.equal((await adminPost(moderator, unlock, {})).status, 403, 'moderators cannot');
  assert.equal((await adminPost(ops, `/admin/orders/${orderNo}/vouchers/V000000000000000/unlock`, {})).status, 404);
  let r = await adminPost(ops, unlock, {});
  assert.equal(r.status, 303);
  assert.equal(r.location, `/admin/orders/${orderNo}?done=unlocked`);
  const after = voucherRow(v.no);
  assert.equal(after.locked, false);
  assert.equal(after.failed, 0);
  assert.equal(sql(`SELECT COUNT(*) FROM audit_log a JOIN admins d ON d.id = a.admin_id WHERE d.username = ${q(admin.username)}
                    AND a.action = 'unlock' AND a.entity = 'voucher'`), '1');
  r = await adminPost(ops, unlock, {});
  assert.equal(r.status, 409, 'not locked any more');
  assert.equal(flash(r.html), '该电子券未被锁定，无需解锁。');
  const ok = await redeem(c, v.no, v.pw);
  assert.equal(ok.status, 303, 'the right password works again');
  assert.equal(voucherRow(v.no).status, 'redeemed');
});

test('wrong attempts are rate limited per merchant account (429, logged), other accounts unaffected', async () => {
  const m = makePortalMerchant();
  const { vouchers: [v] } = await buyVouchers(m);
  const c = await merchantClient(m.staff);
  const uid = Number(sql(`SELECT id FROM merchant_users WHERE username = '${m.staff}'`));
  // 29 earlier failures of this account within the window (as if typed a moment ago), then the 30th over HTTP.
  sql(`INSERT INTO voucher_attempts (merchant_id, merchant_user_id, voucher_no, outcome, ip)
       SELECT ${m.id}, ${uid}, CONCAT('VX', seq), 'not_found', '127.0.0.1' FROM seq_1_to_29`);
  const last = await check(c, 'V000000000000001', '12345678');
  assert.equal(last.status, 200);
  assert.equal(outcome(last.html), 'not_found');
  for (const f of [check, redeem]) {
    const r = await f(c, v.no, v.pw);
    assert.equal(r.status, 429);
    assert.equal(outcome(r.html), 'limited');
  }
  assert.equal(voucherRow(v.no).status, 'issued');
  assert.equal(sql(`SELECT COUNT(*) FROM voucher_attempts WHERE merchant_user_id = ${uid} AND outcome = 'limited'`), '2');
  // Older failures leave the window.
  sql(`UPDATE voucher_attempts SET created_at = created_at - INTERVAL 11 MINUTE WHERE merchant_user_id = ${uid}`);
  const owner = await merchantClient(m.owner);
  assert.equal((await redeem(owner, v.no, v.pw)).status, 303, 'the owner account was never limited');
  const back = await check(c, 'V000000000000001', '12345678');
  assert.equal(back.status, 200, 'the window moved on');
});

test('orders: status, number and date filters, pagination links, CSV with BOM and formula-safe cells', async () => {
  const m = makePortalMerchant();
  const { vouchers } = await buyVouchers(m, 3, { points: 120, name: '=SUM(1+1) 洗车券' });
  const c = await merchantClient(m.owner);
  const [v1, v2, v3] = vouchers;
  assert.equal((await redeem(c, v1.no, v1.pw)).status, 303);
  const all = await c.get('/merchant/orders');
  assert.equal(all.status, 200);
  assert.match(all.html, /id="total">3</);
  for (const v of vouchers) assert.ok(all.html.includes(`data-no="${v.no}"`));
  const redeemed = await c.get('/merchant/orders?status=redeemed&by=redeemed');
  assert.match(redeemed.html, /id="total">1</);
  assert.ok(redeemed.html.includes(`data-no="${v1.no}"`) && !redeemed.html.includes(`data-no="${v2.no}"`));
  assert.ok(redeemed.html.includes(m.owner), 'who redeemed it');
  const issued = await c.get('/merchant/orders?status=issued');
  assert.match(issued.html, /id="total">2</);
  const byNo = await c.get(`/merchant/orders?no=${v3.no.toLowerCase()}`);
  assert.match(byNo.html, /id="total">1</);
  assert.ok(byNo.html.includes(`data-no="${v3.no}"`));
  const today = sql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')");
  assert.match((await c.get(`/merchant/orders?from=${today}&to=${today}`)).html, /id="total">3</);
  assert.match((await c.get('/merchant/orders?from=2001-01-01&to=2001-01-31')).html, /id="empty"/);
  const badDate = await c.get('/merchant/orders?from=2026-02-30');
  assert.equal(badDate.status, 400);
  assert.match(badDate.html, /class="field-error"/);
  assert.equal((await c.get('/merchant/orders?status=stolen')).status, 400);
  // CSV: BOM, header, every row of the filter; a cell starting with = is defused.
  const csv = await c.get('/merchant/orders.csv?status=issued');
  assert.equal(csv.status, 200);
  assert.ok(csv.html.startsWith('\uFEFF'), 'UTF-8 BOM');
  const lines = csv.html.slice(1).trim().split('\r\n');
  assert.match(lines[0], /^券号,商品,会员手机,状态/);
  assert.equal(lines.length, 3);
  for (const line of lines.slice(1)) {
    assert.match(line, /^V\d{15},'=SUM\(1\+1\) 洗车券/);
    assert.ok(line.includes(',待使用,'));
  }
  assert.ok(!csv.html.includes(v1.no), 'the filter applies to the CSV');
  const full = await c.get('/merchant/orders.csv');
  assert.ok(full.html.includes(`${v1.no},`) && full.html.includes(m.owner));
  // Pagination: 21+ rows give a page 2 link that keeps the filter.
  await buyVouchers(m, 19, { points: 10 });
  const p1 = await c.get('/merchant/orders?status=issued');
  assert.match(p1.html, /id="total">21</);
  assert.ok(p1.html.includes('href="/merchant/orders?status=issued&amp;page=2"'), 'page link keeps the filter');
  const p2 = await c.get('/merchant/orders?status=issued&page=2');
  assert.equal((p2.html.match(/data-no="/g) || []).length, 1);
  checkLedger();
});
