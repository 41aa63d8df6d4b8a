// admin-ops.test.mjs: back-office moderation (B4), orders (B5), members (B6), merchants (B7) and the SMS outbox (B10):
// effects on the storefront and member center, ledger kept clean, audit entries for every write, roles, bad input, CSRF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, q, mallctl, checkLedger } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, memberId, balance, addAddress, signedInMember, DEMO_PASSWORD } from './lib/members.mjs';
import { makeProduct, buyNow, orderStatus } from './lib/shop.mjs';
import { adminClient, adminPost, auditOf } from './lib/admin.mjs';

const num = (s) => Number(s);
const fieldError = (html, name) => {
  const at = html.indexOf(`name="${name}"`);
  if (at < 0) return undefined;
  return (html.slice(at).match(/class="field-error"[^>]*>([^<]*)</) || [])[1];
};
const ledgerCount = (id) => num(sql(`SELECT COUNT(*) FROM points_ledger WHERE member_id = ${id}`));

// A member who bought one physical product and paid for it with points.
async function paidOrder(points = 1000, price = 300) {
  const who = await signedInMember(points);
  const product = makeProduct({ type: 'physical', points: price, stock: 5, name: 'admin-ops 测试商品' });
  const address_id = addAddress(who.m);
  const no = await buyNow(who.c, who.m, product, 1, { address_id });
  return { ...who, no, product, orderId: num(sql(`SELECT id FROM orders WHERE order_no = ${q(no)}`)) };
}

// ---- B4 moderation ----

test('moderation: approving a message with a reply puts it on /messages/public and in the member center; audited', async () => {
  const { c, id } = await signedInMember();
  const text = `后台审核测试留言 ${randomInt(1e9)}`;
  assert.equal((await c.post('/messages', { content: text }, '/messages')).status, 303);
  const msg = num(sql(`SELECT id FROM messages WHERE member_id = ${id}`));
  const { c: mod } = await adminClient('moderator');
  const queue = await mod.get('/admin/moderation/messages');
  assert.equal(queue.status, 200);
  assert.match(queue.html, new RegExp(text));
  assert.match(queue.html, /class="ops-tabs"/);
  const anon = new Client();
  assert.doesNotMatch((await anon.get('/messages/public')).html, new RegExp(text), 'pending is not public');

  const reply = `感谢您的建议 ${randomInt(1e6)}`;
  const r = await adminPost(mod, `/admin/moderation/messages/${msg}`, { action: 'approve', reply, status: 'pending' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/admin/moderation/messages?status=pending&done=approved');
  const pub = await anon.get('/messages/public');
  assert.match(pub.html, new RegExp(text));
  assert.match(pub.html, new RegExp(reply));
  const mine = await c.get('/messages');
  assert.match(mine.html, new RegExp(reply));
  assert.equal(sql(`SELECT COUNT(*) FROM inbox WHERE member_id = ${id} AND kind = 'message'`), '1', 'the member is told');
  const [e] = auditOf('message', msg);
  assert.equal(e.action, 'approve');
  assert.equal(e.before.status, 'pending');
  assert.equal(e.after.status, 'approved');
  assert.equal(e.after.reply, reply);

  // Reject takes it off the public board again; a reply alone keeps the status.
  assert.equal((await adminPost(mod, `/admin/moderation/messages/${msg}`, { action: 'reject' })).status, 303);
  assert.doesNotMatch((await anon.get('/messages/public')).html, new RegExp(text));
  const empty = await adminPost(mod, `/admin/moderation/messages/${msg}`, { action: 'reply', reply: '', status: 'rejected' });
  assert.equal(empty.status, 200);
  assert.ok(fieldError(empty.html, 'reply'), 'a reply-only action needs text');
  assert.equal((await adminPost(mod, `/admin/moderation/messages/${msg}`, { action: 'reply', reply: '补充说明' })).status, 303);
  assert.equal(sql(`SELECT status FROM messages WHERE id = ${msg}`), 'rejected');
  assert.deepEqual(auditOf('message', msg).map((a) => a.action), ['approve', 'reject', 'reply']);
  assert.equal((await adminPost(mod, '/admin/moderation/messages/999999999', { action: 'approve' })).status, 404);
  assert.equal((await adminPost(mod, `/admin/moderation/messages/${msg}`, { action: 'delete' })).status, 200, 'unknown action refused');
});

test('moderation: an approved review shows on the product page, a hidden one does not; audited', async () => {
  const { id } = await signedInMember();
  const product = makeProduct({ type: 'virtual', points: 50, name: 'admin-ops 评价商品' });
  const text = `物超所值的好评 ${randomInt(1e9)}`;
  sql(`INSERT INTO reviews (product_id, member_id, score, content) VALUES (${product}, ${id}, 5, '${text}')`);
  const rid = num(sql(`SELECT id FROM reviews WHERE product_id = ${product}`));
  const anon = new Client();
  assert.doesNotMatch((await anon.get(`/product/${product}`)).html, new RegExp(text));
  const { c: mod } = await adminClient('moderator');
  assert.match((await mod.get('/admin/moderation/reviews')).html, new RegExp(text));
  let r = await adminPost(mod, `/admin/moderation/reviews/${rid}`, { action: 'approve', status: 'pending' });
  assert.equal(r.status, 303);
  assert.match((await anon.get(`/product/${product}`)).html, new RegExp(text), 'visible at once (cache invalidated)');
  r = await adminPost(mod, `/admin/moderation/reviews/${rid}`, { action: 'hide', status: 'approved' });
  assert.equal(r.status, 303);
  assert.doesNotMatch((await anon.get(`/product/${product}`)).html, new RegExp(text));
  const log = auditOf('review', rid);
  assert.deepEqual(log.map((a) => [a.action, a.before.status, a.after.status]), [['approve', 'pending', 'approved'], ['hide', 'approved', 'hidden']]);
});

test('moderation: an answered consultation shows under the product and tells the member; audited', async () => {
  const { c, id } = await signedInMember();
  const product = makeProduct({ type: 'virtual', points: 50, name: 'admin-ops 咨询商品' });
  const question = `请问有效期多久 ${randomInt(1e9)}`;
  assert.equal((await c.post(`/product/${product}/ask`, { question }, `/product/${product}`)).status, 303);
  const qid = num(sql(`SELECT id FROM consultations WHERE member_id = ${id}`));
  const { c: mod } = await adminClient('super');
  assert.match((await mod.get('/admin/moderation/consultations')).html, new RegExp(question));
  const bad = await adminPost(mod, `/admin/moderation/consultations/${qid}`, { answer: '' });
  assert.equal(bad.status, 200);
  assert.ok(fieldError(bad.html, 'answer'));
  const answer = `自购买之日起一年内有效 ${randomInt(1e6)}`;
  const r = await adminPost(mod, `/admin/moderation/consultations/${qid}`, { answer });
  assert.equal(r.status, 303);
  const page = await new Client().get(`/product/${product}`);
  assert.match(page.html, new RegExp(question));
  assert.match(page.html, new RegExp(answer));
  assert.match((await c.get('/consultations')).html, new RegExp(answer));
  assert.equal(sql(`SELECT COUNT(*) FROM inbox WHERE member_id = ${id} AND kind = 'consultation'`), '1');
  const [e] = auditOf('consultation', qid);
  assert.equal(e.action, 'answer');
  assert.equal(e.before.answer, undefined);
  assert.equal(e.after.answer, answer);
});

// ---- B5 orders ----

test('orders: search by number, mobile, status and dates; bad filters get a message', async () => {
  const o = await paidOrder();
  const { c: ops } = await adminClient('ops');
  for (const path of [`/admin/orders?no=${o.no}`, `/admin/orders?mobile=${o.m}`, `/admin/orders?mobile=${o.m}&status=paid`,
    `/admin/orders?no=${o.no.slice(0, 12)}&mobile=${o.m}`]) {
    const r = await ops.get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.html, new RegExp(`data-no="${o.no}"`), path);
  }
  assert.doesNotMatch((await ops.get(`/admin/orders?mobile=${o.m}&status=shipped`)).html, new RegExp(o.no));
  assert.doesNotMatch((await ops.get(`/admin/orders?mobile=${o.m}&to=2020-01-01`)).html, new RegExp(o.no));
  const today = sql('SELECT CURDATE()');
  assert.match((await ops.get(`/admin/orders?mobile=${o.m}&from=${today}&to=${today}`)).html, new RegExp(o.no));
  for (const [field, path] of [['from', '/admin/orders?from=2026-02-30'], ['to', '/admin/orders?from=2026-03-02&to=2026-03-01'],
    ['no', '/admin/orders?no=P%25'], ['mobile', '/admin/orders?mobile=13x'], ['status', '/admin/orders?status=lost']]) {
    const r = await ops.get(path);
    assert.equal(r.status, 200, path);
    assert.ok(fieldError(r.html, field) || /field-error/.test(r.html), `${path}: message for ${field}`);
    assert.doesNotMatch(r.html, /data-no=/, `${path}: no results with a bad filter`);
  }
});

test('orders: ship → the member sees carrier, tracking number and timeline; events added; audited', async () => {
  const o = await paidOrder();
  const { c: ops, admin } = await adminClient('ops');
  const detail = await ops.get(`/admin/orders/${o.no}`);
  assert.equal(detail.status, 200);
  assert.match(detail.html, /action="\/admin\/orders\/P\d+\/ship"/);
  assert.match(detail.html, /测试收货人/);
  assert.match(detail.html, /-300/, 'the spend is in the order ledger');
  let r = await adminPost(ops, `/admin/orders/${o.no}/ship`, { carrier: '顺丰速运', tracking_no: 'SF 1234<script>' });
  assert.equal(r.status, 200);
  assert.ok(fieldError(r.html, 'tracking_no'));
  assert.equal(orderStatus(o.no), 'paid');
  r = await adminPost(ops, `/admin/orders/${o.no}/ship`, { carrier: '', tracking_no: 'SF1234567890' });
  assert.ok(fieldError(r.html, 'carrier'));
  r = await adminPost(ops, `/admin/orders/${o.no}/ship`, { carrier: '顺丰速运', tracking_no: 'SF1234567890' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/admin/orders/${o.no}?done=shipped`);
  assert.equal(orderStatus(o.no), 'shipped');
  // Shipping twice is refused, nothing changes.
  r = await adminPost(ops, `/admin/orders/${o.no}/ship`, { carrier: '京东物流', tracking_no: 'JD0001' });
  assert.equal(r.status, 409);
  assert.equal(sql(`SELECT carrier FROM orders WHERE order_no = ${q(o.no)}`), '顺丰速运');
  const note = `快件已到达【深圳南山营业部】${randomInt(1e6)}`;
  assert.equal((await adminPost(ops, `/admin/orders/${o.no}/event`, { note })).status, 303);
  assert.equal((await adminPost(ops, `/admin/orders/${o.no}/event`, { note: '' })).status, 200);

  const mine = await o.c.get(`/order/${o.no}`);
  assert.equal(mine.status, 200);
  assert.match(mine.html, /顺丰速运/);
  assert.match(mine.html, /SF1234567890/);
  assert.match(mine.html, new RegExp(note.replace(/[【】]/g, '.')));
  const log = auditOf('order', o.orderId);
  assert.deepEqual(log.map((a) => a.action), ['ship', 'event']);
  assert.equal(log[0].who, admin.username);
  assert.equal(log[0].before.status, 'paid');
  assert.equal(log[0].after.status, 'shipped');
  assert.equal(log[0].after.tracking_no, 'SF1234567890');
  assert.equal(log[1].after.note, note);
  // A shipped order cannot be cancelled.
  r = await adminPost(ops, `/admin/orders/${o.no}/cancel`, { reason: '测试取消' });
  assert.equal(r.status, 409);
  assert.equal(orderStatus(o.no), 'shipped');
  assert.equal((await ops.get('/admin/orders/P00000000000000000')).status, 404);
});

test('orders: cancel with refund needs a confirmed reason; points go back, stock is restored, check-ledger clean', async () => {
  const o = await paidOrder(1000, 300);
  assert.equal(balance(o.m), 700);
  const stock = num(sql(`SELECT stock FROM products WHERE id = ${o.product}`));
  const { c: ops } = await adminClient('ops');
  const confirm = await ops.get(`/admin/orders/${o.no}/cancel`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /class="ops-refund">300</);
  assert.match(confirm.html, /name="reason"/);
  let r = await adminPost(ops, `/admin/orders/${o.no}/cancel`, { reason: '' });
  assert.equal(r.status, 200);
  assert.ok(fieldError(r.html, 'reason'));
  assert.equal(orderStatus(o.no), 'paid', 'nothing happens without a reason');
  r = await adminPost(ops, `/admin/orders/${o.no}/cancel`, { reason: '商品缺货，已电话告知会员' });
  assert.equal(r.status, 303);
  assert.equal(orderStatus(o.no), 'cancelled');
  assert.equal(balance(o.m), 1000);
  assert.equal(num(sql(`SELECT stock FROM products WHERE id = ${o.product}`)), stock + 1);
  assert.equal(sql(`SELECT COUNT(*) FROM points_ledger WHERE order_id = ${o.orderId} AND kind = 'refund'`), '1');
  checkLedger();
  assert.match((await o.c.get(`/order/${o.no}`)).html, /商品缺货，已电话告知会员/);
  const [e] = auditOf('order', o.orderId);
  assert.equal(e.action, 'cancel');
  assert.equal(e.before.status, 'paid');
  assert.equal(e.after.status, 'cancelled');
  assert.equal(e.after.member_balance, '1000');
  // Twice: refused, no second refund.
  r = await adminPost(ops, `/admin/orders/${o.no}/cancel`, { reason: '再次取消' });
  assert.equal(r.status, 409);
  assert.equal(balance(o.m), 1000);
  checkLedger();
});

// ---- B6 members ----

test('members: search by mobile or name; detail shows balance, open lots and ledger', async () => {
  const [m] = makeMembers(1, 500);
  const id = memberId(m);
  const name = `测试会员${randomInt(1e6)}`;
  sql(`UPDATE members SET name = '${name}' WHERE id = ${id}`);
  const { c: fin } = await adminClient('finance');
  for (const qs of [m, m.slice(0, 7), encodeURIComponent(name), encodeURIComponent(name.slice(2))]) {
    const r = await fin.get(`/admin/members?q=${qs}`);
    assert.equal(r.status, 200);
    assert.match(r.html, new RegExp(`data-mobile="${m}"`), qs);
  }
  assert.doesNotMatch((await fin.get('/admin/members?q=%25')).html, new RegExp(`data-mobile="${m}"`), '% is not a wildcard');
  const d = await fin.get(`/admin/members/${id}`);
  assert.equal(d.status, 200);
  assert.match(d.html, /id="balance">500</);
  assert.match(d.html, /2030-12-31/);
  assert.match(d.html, /data-kind="grant"/);
  assert.doesNotMatch(d.html, /action="\/admin\/members\/\d+\/grant"/, 'finance sees no grant form');
  assert.equal((await fin.get('/admin/members/999999999')).status, 404);
});

test('members: grant and deduct keep check-ledger clean; more than the balance is refused with nothing written; audited', async () => {
  const [m] = makeMembers(1, 200);
  const id = memberId(m);
  const { c: ops, admin } = await adminClient('ops');
  assert.match((await ops.get(`/admin/members/${id}`)).html, /action="\/admin\/members\/\d+\/grant"/);
  let r = await adminPost(ops, `/admin/members/${id}/grant`, { grant_amount: '300', grant_expires: '2031-06-30', grant_reason: '客诉补偿 #1' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/admin/members/${id}?done=granted`);
  assert.equal(balance(m), 500);
  assert.equal(sql(`SELECT CONCAT(kind, ':', amount, ':', note) FROM points_ledger WHERE member_id = ${id} ORDER BY id DESC LIMIT 1`), 'grant:300:客诉补偿 #1');
  assert.equal(sql(`SELECT expires_at FROM points_lots WHERE member_id = ${id} ORDER BY id DESC LIMIT 1`), '2031-06-30');
  checkLedger();
  r = await adminPost(ops, `/admin/members/${id}/deduct`, { deduct_amount: '250', deduct_reason: '误发积分回收' });
  assert.equal(r.status, 303);
  assert.equal(balance(m), 250);
  assert.equal(sql(`SELECT CONCAT(kind, ':', amount) FROM points_ledger WHERE member_id = ${id} ORDER BY id DESC LIMIT 1`), 'adjust:-250');
  // FIFO: the 2030 lot (200) goes first, then 50 of the 2031 lot.
  assert.equal(sql(`SELECT GROUP_CONCAT(remaining ORDER BY expires_at) FROM points_lots WHERE member_id = ${id}`), '0,250');
  checkLedger();

  const entries = ledgerCount(id);
  r = await adminPost(ops, `/admin/members/${id}/deduct`, { deduct_amount: '251', deduct_reason: '超额扣减' });
  assert.equal(r.status, 409);
  assert.match(flash(r.html), /超过会员当前积分余额/);
  assert.equal(balance(m), 250);
  assert.equal(ledgerCount(id), entries, 'nothing written');
  checkLedger();

  const log = auditOf('member', id);
  assert.deepEqual(log.map((a) => a.action), ['grant', 'deduct']);
  assert.equal(log[0].who, admin.username);
  assert.deepEqual([log[0].before.points_balance, log[0].after.points_balance, log[0].after.reason], ['200', '500', '客诉补偿 #1']);
  assert.deepEqual([log[1].before.points_balance, log[1].after.points_balance, log[1].after.amount], ['500', '250', 250]);
});

test('members: bad amounts, dates and empty reasons are refused beside the field; nothing written', async () => {
  const [m] = makeMembers(1, 100);
  const id = memberId(m);
  const { c: ops } = await adminClient('super');
  const entries = ledgerCount(id);
  const grants = [
    [{ grant_amount: '-5' }, 'grant_amount'], [{ grant_amount: '0' }, 'grant_amount'], [{ grant_amount: '99999999999' }, 'grant_amount'],
    [{ grant_amount: 'abc' }, 'grant_amount'], [{ grant_amount: '1e3' }, 'grant_amount'], [{ grant_amount: '12.5' }, 'grant_amount'],
    [{ grant_reason: '' }, 'grant_reason'], [{ grant_reason: ' ' }, 'grant_reason'], [{ grant_expires: '2020-01-01' }, 'grant_expires'],
    [{ grant_expires: '2031-02-30' }, 'grant_expires'], [{ grant_expires: 'tomorrow' }, 'grant_expires'],
  ];
  for (const [change, field] of grants) {
    const form = { grant_amount: '100', grant_expires: '2031-01-01', grant_reason: '测试发放', ...change };
    const r = await adminPost(ops, `/admin/members/${id}/grant`, form);
    assert.equal(r.status, 200, JSON.stringify(change));
    assert.ok(fieldError(r.html, field), `message beside ${field} for ${JSON.stringify(change)}`);
  }
  for (const [change, field] of [[{ deduct_amount: '-1' }, 'deduct_amount'], [{ deduct_amount: 'x' }, 'deduct_amount'], [{ deduct_reason: '' }, 'deduct_reason']]) {
    const r = await adminPost(ops, `/admin/members/${id}/deduct`, { deduct_amount: '10', deduct_reason: '测试扣减', ...change });
    assert.equal(r.status, 200, JSON.stringify(change));
    assert.ok(fieldError(r.html, field), `message beside ${field}`);
  }
  assert.equal(ledgerCount(id), entries);
  assert.equal(balance(m), 100);
  assert.equal(auditOf('member', id).length, 0);
  assert.equal((await adminPost(ops, '/admin/members/999999999/grant', { grant_amount: '1', grant_expires: '2031-01-01', grant_reason: '不存在' })).status, 404);
});

test('members: freeze ends the session and blocks sign-in and payment; unfreeze lets them back; audited', async () => {
  const { m, c, id } = await signedInMember(500);
  assert.equal((await c.get('/account')).status, 200);
  const { c: ops } = await adminClient('ops');
  let r = await adminPost(ops, `/admin/members/${id}/freeze`, { status_reason: '疑似盗号' });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT status FROM members WHERE id = ${id}`), 'frozen');
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE realm = 'member' AND principal_id = ${id}`), '0');
  const after = await c.get('/account');
  assert.equal(after.status, 303, 'the existing session ended');
  assert.match(after.location, /^\/login/);
  const again = new Client();
  await again.get('/login');
  const login = await again.request('POST', '/login', { csrf: again.csrf, mobile: m, password: DEMO_PASSWORD });
  assert.notEqual(login.status, 303, 'a frozen member cannot sign in');
  assert.match(flash(login.html) || '', /冻结/);
  // Deducting from a frozen member is refused (the ledger refuses frozen accounts).
  r = await adminPost(ops, `/admin/members/${id}/deduct`, { deduct_amount: '10', deduct_reason: '测试' });
  assert.equal(r.status, 409);
  assert.equal(balance(m), 500);

  r = await adminPost(ops, `/admin/members/${id}/unfreeze`, {});
  assert.equal(r.status, 303);
  await new Client().login(m);
  const log = auditOf('member', id);
  assert.deepEqual(log.map((a) => [a.action, a.before.status, a.after.status]), [['freeze', 'active', 'frozen'], ['unfreeze', 'frozen', 'active']]);
  assert.equal(log[0].after.reason, '疑似盗号');
});

test('members: password reset texts a temporary password (never on the page or in the URL), ends sessions; audited', async () => {
  const { m, c, id } = await signedInMember();
  const { c: ops } = await adminClient('ops');
  const r = await adminPost(ops, `/admin/members/${id}/password`, {});
  assert.equal(r.status, 303);
  assert.equal(r.location, `/admin/members/${id}?done=password`);
  const text = mallctl('sms-outbox', '--phone', m, '--last', '1');
  const pw = (text.match(/临时密码：([A-Za-z0-9]{10,})/) || [])[1];
  assert.ok(pw, `temporary password texted: ${text}`);
  assert.match(pw, /[0-9]/);
  assert.match(pw, /[A-Za-z]/);
  const page = await ops.get(r.location);
  assert.doesNotMatch(page.html, new RegExp(pw));
  assert.equal((await c.get('/account')).status, 303, 'old session ended');
  const old = new Client();
  await old.get('/login');
  assert.notEqual((await old.request('POST', '/login', { csrf: old.csrf, mobile: m, password: DEMO_PASSWORD })).status, 303);
  await new Client().login(m, pw);
  const [e] = auditOf('member', id);
  assert.equal(e.action, 'reset_password');
  assert.doesNotMatch(JSON.stringify(e), new RegExp(pw), 'the password is not in the audit log');
  // The outbox page masks it too.
  const sms = await ops.get(`/admin/sms?mobile=${m}`);
  assert.equal(sms.status, 200);
  assert.doesNotMatch(sms.html, new RegExp(pw));
  assert.match(sms.html, /\*{10}/);
});

// ---- B7 merchants ----

test('merchants: list and detail with staff and voucher products; disable / enable audited', async () => {
  const name = `测试商户${randomInt(1e6)}`;
  sql(`INSERT INTO merchants (name, address, phone) VALUES ('${name}', '深圳市南山区测试路 8 号', '0755-12345678')`);
  const mid = num(sql(`SELECT id FROM merchants WHERE name = '${name}'`));
  const user = `staff${randomInt(1e9)}`;
  sql(`INSERT INTO merchant_users (merchant_id, username, password_hash, role) VALUES (${mid}, '${user}', 'x', 'owner')`);
  const { c: fin } = await adminClient('finance');
  assert.match((await fin.get(`/admin/merchants?q=${encodeURIComponent(name)}`)).html, new RegExp(`data-id="${mid}"`));
  const d = await fin.get(`/admin/merchants/${mid}`);
  assert.equal(d.status, 200);
  assert.match(d.html, new RegExp(user));
  assert.match(d.html, /0755-12345678/);
  assert.match(d.html, /id="settlements"/);
  let r = await adminPost(fin, `/admin/merchants/${mid}/status`, { status: 'disabled' });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT status FROM merchants WHERE id = ${mid}`), 'disabled');
  r = await adminPost(fin, `/admin/merchants/${mid}/status`, { status: 'active' });
  assert.equal(r.status, 303);
  assert.equal((await adminPost(fin, `/admin/merchants/${mid}/status`, { status: 'gone' })).status, 400);
  assert.deepEqual(auditOf('merchant', mid).map((a) => [a.action, a.before.status, a.after.status]),
    [['disable', 'active', 'disabled'], ['enable', 'disabled', 'active']]);
});

// ---- B10 SMS outbox ----

test('SMS outbox: texts listed per mobile with driver and status; verification codes masked', async () => {
  const [m] = makeMembers(1);
  mallctl('sms-code-send', m, 'reset');
  const code = (mallctl('sms-outbox', '--phone', m, '--last', '1').match(/(\d{6})/) || [])[1];
  assert.ok(code);
  const { c: ops } = await adminClient('ops');
  const r = await ops.get(`/admin/sms?mobile=${m}`);
  assert.equal(r.status, 200);
  assert.match(r.html, new RegExp(m));
  assert.match(r.html, /\*{6}/);
  assert.doesNotMatch(r.html, new RegExp(`(?<![0-9])${code}(?![0-9])`), 'the live code is not shown');
  assert.match(r.html, /outbox/);
  assert.equal((await ops.get('/admin/sms?mobile=13%25')).status, 200);
  assert.doesNotMatch((await ops.get('/admin/sms?mobile=13%25')).html, /data-id=/, 'a bad filter lists nothing');
});

// ---- roles and CSRF ----

test('roles: each page family refuses the roles it does not list (403), and nothing is written', async () => {
  const [m] = makeMembers(1, 100);
  const id = memberId(m);
  const { c: mod } = await adminClient('moderator');
  const { c: fin } = await adminClient('finance');
  const { c: ops } = await adminClient('ops');
  const grant = { grant_amount: '50', grant_expires: '2031-01-01', grant_reason: '越权测试' };
  assert.equal((await adminPost(mod, `/admin/members/${id}/grant`, grant)).status, 403, 'a moderator cannot grant points');
  assert.equal((await adminPost(fin, `/admin/members/${id}/grant`, grant)).status, 403, 'finance views members but cannot grant');
  assert.equal((await mod.get(`/admin/members/${id}`)).status, 403);
  assert.equal((await mod.get('/admin/orders')).status, 403);
  assert.equal((await mod.get('/admin/sms')).status, 403);
  assert.equal((await fin.get('/admin/orders')).status, 403);
  assert.equal((await ops.get('/admin/moderation/messages')).status, 403, 'moderation is for moderators');
  assert.equal((await adminPost(ops, '/admin/moderation/reviews/1', { action: 'approve' })).status, 403);
  assert.equal((await fin.get(`/admin/members/${id}`)).status, 200);
  assert.equal((await mod.get('/admin/moderation/messages')).status, 200);
  assert.equal(balance(m), 100);
  assert.equal(auditOf('member', id).length, 0);
  // Anonymous: to the sign-in page.
  const anon = await new Client().get('/admin/orders');
  assert.equal(anon.status, 303);
  assert.match(anon.location, /^\/admin\/login\?next=/);
});

test('CSRF: a write without the token is refused (403) and writes nothing', async () => {
  const [m] = makeMembers(1, 100);
  const id = memberId(m);
  const { c: ops } = await adminClient('super');
  await ops.get(`/admin/members/${id}`);
  for (const [path, form] of [[`/admin/members/${id}/grant`, { grant_amount: '50', grant_expires: '2031-01-01', grant_reason: '无令牌' }],
    [`/admin/members/${id}/freeze`, {}], [`/admin/members/${id}/password`, {}]]) {
    assert.equal((await ops.request('POST', path, form)).status, 403, path);
    assert.equal((await ops.request('POST', path, { ...form, csrf: '0'.repeat(64) })).status, 403, path);
  }
  assert.equal(balance(m), 100);
  assert.equal(sql(`SELECT status FROM members WHERE id = ${id}`), 'active');
  assert.equal(auditOf('member', id).length, 0);
});

test('the order list: past the numbered pages the next link seeks from the last order shown; bad cursors are a 400', async () => {
  const { c: ops } = await adminClient('ops');
  const [m] = makeMembers(1, 0);
  const id = memberId(m);
  // 30 orders of one member: two pages, the second reached both by number and by the cursor of the first.
  sql(`INSERT INTO orders (order_no, member_id, status, points_total) SELECT CONCAT('K', LPAD(${id} MOD 100000, 5, '0'), LPAD(seq, 11, '0')), ${id}, 'pending', 1 FROM seq_1_to_30`);
  const first = await ops.get(`/admin/orders?mobile=${m}`);
  assert.equal(first.status, 200);
  const nos = (html) => [...html.matchAll(/<tr data-no="([^"]+)"/g)].map((x) => x[1]);
  const page1 = nos(first.html);
  assert.equal(page1.length, 20);
  const lastId = sql(`SELECT id FROM orders WHERE order_no = ${q(page1[19])}`);
  const byCursor = await ops.get(`/admin/orders?mobile=${m}&after=${lastId}`);
  assert.equal(byCursor.status, 200);
  const byNumber = await ops.get(`/admin/orders?mobile=${m}&page=2`);
  assert.deepEqual(nos(byCursor.html), nos(byNumber.html));
  assert.equal(nos(byCursor.html).length, 10);
  assert.equal(new Set([...page1, ...nos(byCursor.html)]).size, 30, 'every order once');
  for (const bad of ['x', '-1', '0', '99999999999999999999999']) {
    assert.equal((await ops.get(`/admin/orders?after=${bad}`)).status, 400, `after=${bad}`);
  }
  assert.equal((await ops.get('/admin/orders?page=500')).status, 200, 'a page past the numbered ones is empty, not an error');
  assert.equal((await ops.get('/admin/sms?after=1')).status, 200);
  assert.equal((await ops.get('/admin/sms?after=y')).status, 400);
});
