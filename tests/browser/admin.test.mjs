// admin.test.mjs: the back office in a real browser — an admin signs in, creates a product with an uploaded image,
// puts it on shelf and finds it on the storefront by search; approves a member's message and sees it on the public
// messages page; ships a paid order and adds a logistics event, and the member sees the timeline; then the reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { ORIGIN, DEMO, sql, checkLedger } from '../http/lib/stack.mjs';
import { Client } from '../http/lib/client.mjs';
import { makeMembers, memberId, addAddress } from '../http/lib/members.mjs';
import { makeProduct, buyNow } from '../http/lib/shop.mjs';
import {
  launchChromium, person, shooter, steps, slug, open, submit, adminSignIn, imageFile,
} from '../http/lib/browser.mjs';

const TAG = randomInt(1e6, 1e7);

let browser, admin, member, work;
const problems = []; // console errors, failed requests and 5xx responses seen on either side

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'mall-admin-browser-'));
  browser = await launchChromium();
  // Two people, two cookie jars: the admin and the member.
  admin = await person(browser, 'admin', problems);
  member = await person(browser, 'member', problems);
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const shot = shooter('admin');

// A real photo-sized PNG made by ImageMagick (a tiny built-in PNG when it is missing).
const makeImage = () => imageFile(work, 'product.png', ['-size', '480x480', 'gradient:#ff7a1a-#ffd6a8', '-gravity', 'center',
  '-pointsize', '64', '-fill', 'white', '-annotate', '0', String(TAG)], [0x89, 0x50, 0x4e, 0x47]);

test('back office: product with image on shelf → found by search; message approved → public; order shipped → member sees the timeline', async (t) => {
  const step = steps(t, { onFail: async (name) => { await shot(admin, `failed-${slug(name)}`); await shot(member, `failed-${slug(name)}-member`); } });
  let mobile, mid, orderNo, messageId, productId, tracking;
  const name = `后台浏览器测试商品 ${TAG}`;

  await step('a member has paid for a gift and left a message (through the storefront\'s HTTP flow)', async () => {
    [mobile] = makeMembers(1, 2000);
    mid = memberId(mobile);
    const addr = addAddress(mobile);
    const gift = makeProduct({ type: 'physical', points: 300, stock: 5, name: '后台发货测试礼品' });
    const shopper = new Client();
    await shopper.login(mobile);
    orderNo = await buyNow(shopper, mobile, gift, 1, { address_id: addr });
    const message = `浏览器测试留言 ${TAG}:积分商城很好用!`;
    sql(`INSERT INTO messages (member_id, content) VALUES (${mid}, '${message}')`);
    messageId = Number(sql(`SELECT MAX(id) FROM messages WHERE member_id = ${mid}`));
  });

  await step('the admin signs in and sees the dashboard', async () => {
    const res = await adminSignIn(admin, 'admin');
    assert.equal(res.status(), 200);
    assert.match(await admin.locator('header').innerText(), /admin/);
    await shot(admin, '01-dashboard');
  });

  await step('creates a product with an uploaded image, saved off shelf', async () => {
    await open(admin, '/admin/products/new');
    await admin.check('input[name=type][value=virtual]');
    const firstCategory = await admin.locator('#f-category_id option:not([value=""])').first().getAttribute('value');
    await admin.selectOption('#f-category_id', firstCategory);
    await admin.fill('#f-name_zh', name);
    await admin.fill('#f-summary_zh', '浏览器测试:后台新建并上架的商品');
    await admin.fill('#f-points_price', '1888');
    await admin.fill('#f-stock', '20');
    await admin.fill('#f-description_zh', '这是一件由后台浏览器测试创建的商品。');
    await admin.setInputFiles('#f-image_file', makeImage());
    await admin.uncheck('input[name=on_shelf]'); // saved off shelf first; the shelf button below puts it on
    await shot(admin, '02-product-form');
    const res = await submit(admin, admin.locator('form.product-form button[type=submit]'));
    assert.equal(res.status(), 200, `save product: ${await admin.locator('.flash, .field-error').allInnerTexts()}`);
    productId = Number((new URL(admin.url()).pathname.match(/^\/admin\/products\/(\d+)/) || [])[1]);
    assert.ok(productId > 0, `after saving: ${admin.url()}`);
    const img = admin.locator('#images img').first();
    assert.match(await img.getAttribute('src'), /^\/uploads\/[0-9a-f]+\.png$/, 'stored under a random name');
    assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), 'the uploaded image is served');
    assert.equal(await admin.locator('#shelf-state').innerText(), '已下架');
    assert.equal((await member.context().request.get(`${ORIGIN}/product/${productId}`)).status(), 404, 'off shelf: not on the storefront');
  });

  await step('puts the product on shelf', async () => {
    const res = await submit(admin, admin.locator('form[action$="/shelf"] button[type=submit]'));
    assert.equal(res.status(), 200);
    assert.equal(await admin.locator('#shelf-state').innerText(), '已上架');
    await shot(admin, '03-product-on-shelf');
  });

  await step('the storefront finds it by search at once, with its image', async () => {
    await open(member, `/search?q=${encodeURIComponent(String(TAG))}`);
    const hit = member.locator(`a[href="/product/${productId}"]`).first();
    await hit.waitFor();
    await shot(member, '04-search');
    await submit(member, hit);
    assert.equal(new URL(member.url()).pathname, `/product/${productId}`);
    assert.match(await member.locator('main').innerText(), new RegExp(name));
    assert.match(await member.locator('main').innerText(), /1,?888/);
    const shown = member.locator('main img[src^="/uploads/"]').first();
    assert.ok(await shown.evaluate((el) => el.complete && el.naturalWidth > 0), 'the product image shows on the storefront');
    await shot(member, '05-product');
  });

  await step('approves the member\'s message with a reply; it shows on the public board', async () => {
    await open(member, '/messages/public');
    assert.doesNotMatch(await member.locator('main').innerText(), new RegExp(String(TAG)), 'not public before approval');
    await open(admin, '/admin/moderation/messages');
    const item = admin.locator(`#message-${messageId}`);
    assert.match(await item.innerText(), new RegExp(String(TAG)));
    await item.locator('textarea[name=reply]').fill('感谢您的支持,我们会继续努力!');
    await shot(admin, '06-moderation');
    const res = await submit(admin, item.locator('button[name=action][value=approve]'));
    assert.equal(res.status(), 200);
    assert.equal(sql(`SELECT status FROM messages WHERE id = ${messageId}`), 'approved');
    await open(member, '/messages/public');
    const wall = await member.locator('main').innerText();
    assert.match(wall, new RegExp(`浏览器测试留言 ${TAG}`));
    assert.match(wall, /感谢您的支持/);
    await shot(member, '07-messages-public');
  });

  await step('finds the paid order, ships it and adds a logistics event', async () => {
    await open(admin, '/admin/orders');
    await admin.fill('input[name=no]', orderNo);
    await submit(admin, admin.locator('form:has(input[name=no]) button[type=submit]'));
    await submit(admin, admin.locator(`a[href="/admin/orders/${orderNo}"]`).first());
    tracking = `SF${TAG}0001`;
    await admin.fill('#f-carrier', '顺丰速运');
    await admin.fill('#f-tracking', tracking);
    let res = await submit(admin, admin.locator('#ship button[type=submit]'));
    assert.equal(res.status(), 200);
    assert.equal(sql(`SELECT status FROM orders WHERE order_no = '${orderNo}'`), 'shipped');
    await admin.fill('#f-note', '快件已到达【深圳南山转运中心】');
    res = await submit(admin, admin.locator('#timeline button[type=submit]'));
    assert.equal(res.status(), 200);
    assert.match(await admin.locator('#timeline').innerText(), /深圳南山转运中心/);
    await shot(admin, '08-order-shipped');
  });

  await step('the member signs in and sees carrier, tracking number and the timeline', async () => {
    await open(member, `/order/${orderNo}`); // → sign-in first
    assert.equal(new URL(member.url()).pathname, '/login');
    await member.fill('input[name=mobile]', mobile);
    await member.fill('input[name=password]', DEMO.password);
    await submit(member, member.locator('main form button[type=submit]').first());
    assert.equal(new URL(member.url()).pathname, `/order/${orderNo}`);
    const detail = await member.locator('main').innerText();
    assert.match(detail, /顺丰速运/);
    assert.match(detail, new RegExp(tracking));
    assert.match(detail, /深圳南山转运中心/);
    await shot(member, '09-member-order-timeline');
  });

  await step('the reports show today\'s activity on the chart and in the table', async () => {
    await open(admin, '/admin/reports');
    assert.ok(await admin.locator('svg.chart-svg polyline.chart-line').count() >= 5, 'line charts drawn');
    assert.ok(await admin.locator('#points-report tbody tr').count() === 30);
    await open(admin, '/admin/reports/redemptions');
    assert.match(await admin.locator('#redemptions-report').innerText(), /后台发货测试礼品/);
    await shot(admin, '10-reports');
    // P5: this month so far, by enterprise; the identity stated above the table.
    const month = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7);
    // Other tests move ledger entries into past months: kept closings of those months are history they rewrote.
    sql('DELETE FROM points_months_closed; DELETE FROM points_month_closings', { flush: false });
    await open(admin, `/admin/reports/finance?month=${month}`);
    assert.equal(await admin.locator('#fin-identity').getAttribute('data-holds'), '1');
    assert.ok(await admin.locator('#finance-report tbody tr').count() >= 1, 'enterprises listed');
    await shot(admin, '11-finance-report');
  });

  checkLedger();
  assert.deepEqual(problems, [], 'no server errors or script errors on either side');
});

test('back office: a delete asks first — dismissing the dialog keeps the brand, accepting deletes it', async (t) => {
  const step = steps(t, { onFail: (name) => shot(admin, `failed-${slug(name)}`) });
  const brand = `确认删除测试品牌 ${TAG}`;
  sql(`INSERT INTO brands (name_zh, name_en) VALUES ('${brand}', 'Confirm test ${TAG}')`);
  const id = Number(sql(`SELECT MAX(id) FROM brands WHERE name_zh = '${brand}'`));
  const button = admin.locator(`tr[data-id="${id}"] button.btn-danger`);
  const asked = [];
  const answer = (accept) => admin.once('dialog', async (d) => { asked.push(d.message()); await (accept ? d.accept() : d.dismiss()); });

  await step('dismissing the confirmation keeps the brand', async () => {
    await open(admin, '/admin/brands');
    answer(false);
    await button.click();
    await admin.waitForTimeout(300); // a dismissed dialog sends nothing: there is no navigation to wait for
    assert.equal(new URL(admin.url()).pathname, '/admin/brands');
    assert.equal(sql(`SELECT COUNT(*) FROM brands WHERE id = ${id}`), '1', 'dismissed: the brand stays');
  });

  await step('accepting it deletes the brand', async () => {
    answer(true);
    const res = await submit(admin, button);
    assert.equal(res.status(), 200);
    assert.equal(sql(`SELECT COUNT(*) FROM brands WHERE id = ${id}`), '0', 'accepted: the brand is gone');
    assert.deepEqual(asked, ['确定要删除吗?删除后无法恢复。', '确定要删除吗?删除后无法恢复。']);
    assert.equal(await admin.locator(`tr[data-id="${id}"]`).count(), 0);
  });

  assert.deepEqual(problems, []);
});
