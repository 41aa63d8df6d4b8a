// vouchers.test.mjs: V1/V2 — vouchers issued at payment and texted once, the owner's printable voucher with a
// QR that decodes (zbarimg) to the verification URL, owner-only pages, cancel voids or is refused, expiry job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE, VAR, sql, q, mallctl, mallctlAsync, checkLedger } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, balance } from './lib/members.mjs';
import { makeProduct, buyNow, orderStatus } from './lib/shop.mjs';
import { decodeQr } from './lib/qr.mjs';

// A merchant of this file's own (so its redemptions never show up in other tests' statements or journeys),
// with one staff account; its voucher products leave the shelf once bought.
const tag = randomInt(1e6);
sql(`INSERT INTO merchants (name, address, phone) VALUES ('电子券测试商户${tag}', '测试路 ${tag} 号', '010-12345678')`);
const MERCHANT = Number(sql(`SELECT MAX(id) FROM merchants WHERE name = '电子券测试商户${tag}'`));
sql(`INSERT INTO merchant_users (merchant_id, username, password_hash, role) VALUES (${MERCHANT}, 'vtest${tag}', 'x', 'staff')`);

// A voucher product of that merchant, valid for `days` days.
function voucherProduct(points = 300, days = 7) {
  const id = makeProduct({ type: 'voucher', points, stock: 50, name: 'voucher test' });
  sql(`UPDATE products SET merchant_id = ${MERCHANT}, settle_price_fen = ${Math.round(points * 0.8)}, voucher_valid_days = ${days} WHERE id = ${id}`);
  return id;
}

// Buys and pays for quantity units; the product then leaves the shelf.
async function buy(c, m, productId, quantity) {
  const no = await buyNow(c, m, productId, quantity);
  sql(`UPDATE products p JOIN order_items i ON i.product_id = p.id JOIN orders o ON o.id = i.order_id
       SET p.on_shelf = 0 WHERE o.order_no = ${q(no)}`);
  return no;
}

const vouchersOf = (orderNo) => sql(`SELECT v.voucher_no, v.status, v.password_hash, DATEDIFF(v.valid_to, v.valid_from), v.points,
  v.settle_price_fen FROM vouchers v JOIN orders o ON o.id = v.order_id WHERE o.order_no = ${q(orderNo)} ORDER BY v.id`)
  .split('\n').filter(Boolean).map((l) => { const [no, status, hash, days, points, settle] = l.split('\t'); return { no, status, hash, days: +days, points: +points, settle: +settle }; });

// The voucher texts sent to m: number → password.
function textedPasswords(m) {
  const out = mallctl('sms-outbox', '--phone', m, '--last', '50');
  const found = new Map();
  for (const [, no, pw] of out.matchAll(/券号 (V\d{15})，验证密码 (\d{8})/g)) {
    assert.ok(!found.has(no), `voucher ${no} texted twice`);
    found.set(no, pw);
  }
  return found;
}

// The server's own HMAC of a voucher password (the only form it stores).
const secret = () => readFileSync(path.join(VAR, 'secret.key'));
const hmac = (no, pw) => createHmac('sha256', secret()).update(`voucher|${no}|${pw}`).digest('hex');

test('paying a voucher product issues one voucher per unit, texted once, stored only as an HMAC', async () => {
  const [m] = makeMembers(1, 5000);
  const c = new Client();
  await c.login(m);
  const pid = voucherProduct(300, 7);
  const no = await buy(c, m, pid, 2);
  const vs = vouchersOf(no);
  assert.equal(vs.length, 2);
  const texted = textedPasswords(m);
  assert.equal(texted.size, 2, 'one text per voucher');
  for (const v of vs) {
    assert.match(v.no, /^V\d{15}$/);
    assert.equal(v.status, 'issued');
    assert.equal(v.days, 7);
    assert.equal(v.points, 300);
    assert.equal(v.settle, 240);
    const pw = texted.get(v.no);
    assert.match(pw, /^\d{8}$/);
    assert.equal(v.hash, hmac(v.no, pw), 'the stored hash is the HMAC of the texted password');
    assert.equal(sql(`SELECT COUNT(*) FROM vouchers WHERE voucher_no = ${q(v.no)} AND (password_enc LIKE '%${pw}%' OR password_hash LIKE '%${pw}%')`), '0',
      'the password is not stored in clear');
  }
  assert.notEqual(vs[0].no, vs[1].no);
  assert.equal(balance(m), 4400);
  // The order page and /vouchers list both vouchers with links.
  const order = await c.get(`/order/${no}`);
  const list = await c.get('/vouchers');
  // Nothing to ship: a paid voucher order is "paid", not "awaiting shipment".
  assert.match(order.html, /class="order-status status-paid">已支付</);
  assert.ok(!order.html.includes('待发货'));
  for (const v of vs) {
    assert.ok(order.html.includes(`href="/voucher/${v.no}"`), 'order page links the voucher');
    assert.ok(list.html.includes(`href="/voucher/${v.no}"`), '/vouchers links the voucher');
  }
  checkLedger();
});

test('the owner\'s voucher page shows number, password, merchant and a QR; the PNG decodes to the verification URL', async () => {
  const [m] = makeMembers(1, 2000);
  const c = new Client();
  await c.login(m);
  const no = await buy(c, m, voucherProduct(500, 30), 1);
  const [v] = vouchersOf(no);
  const pw = textedPasswords(m).get(v.no);
  const page = await c.get(`/voucher/${v.no}`);
  assert.equal(page.status, 200);
  assert.ok(page.html.includes(v.no) && page.html.includes(pw), 'number and password on the page');
  const merchant = sql(`SELECT name FROM merchants WHERE id = ${MERCHANT}`);
  assert.ok(page.html.includes(merchant), 'merchant name on the page');
  assert.match(page.html, /<svg[^>]*viewBox="0 0 (\d+) \1"[\s\S]*?<path d="(M\d+ \d+h\d+v1h-\d+z)+"/, 'inline SVG QR');
  const png = await c.getBytes(`/voucher/${v.no}/qr.png`);
  assert.equal(png.status, 200);
  assert.equal(png.type, 'image/png');
  assert.match(png.cache, /no-store/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const url = new URL(decodeQr(png.bytes));
  assert.equal(url.pathname, '/merchant/verify');
  assert.equal(url.host, BASE.host, 'absolute URL of this site');
  assert.equal(url.searchParams.get('no'), v.no);
  assert.equal(url.searchParams.get('pw'), pw);
  assert.equal(hmac(v.no, url.searchParams.get('pw')), v.hash);
});

test('another member, or an anonymous visitor, cannot see a voucher or its QR', async () => {
  const [owner, other] = makeMembers(2, 2000);
  const c = new Client();
  await c.login(owner);
  const no = await buy(c, owner, voucherProduct(100, 30), 1);
  const [v] = vouchersOf(no);
  const o = new Client();
  await o.login(other);
  const unknown = await o.get('/voucher/V000000000000000');
  assert.equal(unknown.status, 404);
  const page = await o.get(`/voucher/${v.no}`);
  assert.equal(page.status, 404);
  assert.equal(page.html, unknown.html.replaceAll('V000000000000000', v.no), 'looks exactly like an unknown number');
  assert.ok(!page.html.includes(textedPasswords(owner).get(v.no)));
  const png = await o.getBytes(`/voucher/${v.no}/qr.png`);
  assert.equal(png.status, 404);
  assert.notEqual(png.type, 'image/png');
  assert.ok(!(await o.get('/vouchers')).html.includes(v.no));
  assert.ok(!(await o.get(`/order/${no}`)).html.includes(v.no));
  const anon = new Client();
  for (const p of [`/voucher/${v.no}`, `/voucher/${v.no}/qr.png`, '/vouchers']) {
    const r = await anon.get(p);
    assert.equal(r.status, 303, p);
    assert.match(r.location, /^\/login\?next=/);
  }
});

test('cancelling a paid voucher order voids its vouchers and refunds the points', async () => {
  const [m] = makeMembers(1, 3000);
  const c = new Client();
  await c.login(m);
  const no = await buy(c, m, voucherProduct(400, 30), 2);
  assert.equal(balance(m), 2200);
  const r = await c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 });
  assert.equal(r.status, 303, flash(r.html));
  assert.equal(orderStatus(no), 'cancelled');
  assert.deepEqual(vouchersOf(no).map((v) => v.status), ['voided', 'voided']);
  assert.equal(balance(m), 3000);
  const page = await c.get(`/voucher/${vouchersOf(no)[0].no}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /vstatus-voided/);
  checkLedger();
});

test('an order with a redeemed voucher cannot be cancelled; nothing is refunded or voided', async () => {
  const [m] = makeMembers(1, 3000);
  const c = new Client();
  await c.login(m);
  const no = await buy(c, m, voucherProduct(250, 30), 2);
  const [used, unused] = vouchersOf(no);
  // The merchant redeemed one (the merchant portal's path; its own tests drive it over HTTP).
  sql(`UPDATE vouchers SET status = 'redeemed', redeemed_at = NOW(), redeemed_by = (SELECT MIN(id) FROM merchant_users WHERE merchant_id = ${MERCHANT}) WHERE voucher_no = ${q(used.no)}`);
  const order = await c.get(`/order/${no}`);
  assert.ok(!order.html.includes(`href="/order/${no}/cancel"`), 'no cancel link once a voucher is used');
  const r = await c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 });
  assert.equal(r.status, 409);
  assert.ok(flash(r.html), 'the member is told why');
  assert.equal(orderStatus(no), 'paid');
  assert.deepEqual(vouchersOf(no).map((v) => v.status), ['redeemed', 'issued']);
  assert.equal(unused.status, 'issued');
  assert.equal(balance(m), 2500);
  // The operator cannot cancel it either.
  const op = await mallctlAsync('order-cancel', no, 'test');
  assert.equal(op.status, 1);
  assert.match(op.out, /Order\.Result\.VoucherUsed/);
  assert.equal(orderStatus(no), 'paid');
  checkLedger();
});

test('expire-vouchers expires issued vouchers past their last day, once', async () => {
  const [m] = makeMembers(1, 1000);
  const c = new Client();
  await c.login(m);
  const no = await buy(c, m, voucherProduct(100, 30), 2);
  const [old, fresh] = vouchersOf(no);
  sql(`UPDATE vouchers SET valid_from = CURDATE() - INTERVAL 40 DAY, valid_to = CURDATE() - INTERVAL 1 DAY WHERE voucher_no = ${q(old.no)}`);
  const first = mallctl('expire-vouchers');
  assert.match(first, /^expired [1-9]\d* vouchers$/);
  assert.deepEqual(vouchersOf(no).map((v) => v.status), ['expired', 'issued']);
  assert.equal(mallctl('expire-vouchers'), 'expired 0 vouchers');
  assert.deepEqual(vouchersOf(no).map((v) => v.status), ['expired', 'issued']);
  assert.equal(fresh.status, 'issued');
  const page = await c.get(`/voucher/${old.no}`);
  assert.match(page.html, /vstatus-expired/);
});
