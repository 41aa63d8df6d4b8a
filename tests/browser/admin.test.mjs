// admin.test.mjs: the back office in a real browser — an admin signs in, creates a product with an uploaded image,
// puts it on shelf and finds it on the storefront by search; approves a member's message and sees it on the public
// messages page; ships a paid order and adds a logistics event, and the member sees the timeline; then the reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { launchChromium, watchPage, SHOTS, BASE } from './browser-lib.mjs';
import {
  Client, addAddress, checkLedger, makeMembers, makeProduct, memberId, placeNow, sendCode, sql, flash,
} from '../http/shop-lib.mjs';

const VAR = process.env.MALL_VAR;
const ADMIN = { username: 'admin', password: 'Admin@2026' };
const TAG = randomInt(1e6, 1e7);

let browser, adminCtx, memberCtx, admin, member, work;
const problems = []; // console errors, failed requests and 5xx responses seen on either side

const watch = (page, who) => watchPage(page, who, problems);

before(async () => {
  if (!VAR) throw new Error('MALL_VAR must point at the running stack\'s var directory');
  work = mkdtempSync(join(tmpdir(), 'mall-admin-browser-'));
  browser = await launchChromium();
  // Two people, two cookie jars: the admin and the member.
  adminCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  memberCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  admin = await adminCtx.newPage();
  member = await memberCtx.newPage();
  watch(admin, 'admin');
  watch(member, 'member');
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const shot = (page, name) => page.screenshot({ path: join(SHOTS, `admin-${name}.png`), fullPage: true });

async function open(page, path) {
  const res = await page.goto(BASE + path);
  assert.ok(res, `no response for ${path}`);
  assert.equal(res.status(), 200, `${path} answered ${res.status()}`);
}

// Submits a form by clicking its button and waits for the page it leads to.
async function submit(page, button) {
  const [res] = await Promise.all([page.waitForNavigation(), button.click()]);
  return res;
}

// A real photo-sized PNG made by ImageMagick (a tiny built-in PNG when it is missing).
function makeImage() {
  const file = join(work, 'product.png');
  const r = spawnSync('convert', ['-size', '480x480', 'gradient:#ff7a1a-#ffd6a8', '-gravity', 'center', '-pointsize', '64',
    '-fill', 'white', '-annotate', '0', String(TAG), file]);
  if (r.status !== 0) {
    writeFileSync(file, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64'));
  }
  assert.deepEqual([...readFileSync(file).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  return file;
}

test('back office: product with image on shelf → found by search; message approved → public; order shipped → member sees the timeline', async () => {
  // ---- the member side, prepared through the storefront's own HTTP flow ----
  const [mobile] = makeMembers(1, 2000);
  const mid = memberId(mobile);
  const addr = addAddress(mobile);
  const gift = makeProduct({ type: 'physical', points: 300, stock: 5, name: '后台发货测试礼品' });
  const shopper = new Client();
  await shopper.login(mobile);
  const orderNo = await placeNow(shopper, gift, 1, { address_id: addr });
  const code = await sendCode(shopper, orderNo, mobile);
  const paid = await shopper.post(`/order/${orderNo}/pay`, { code });
  assert.equal(paid.status, 303, `pay: ${flash(paid.html)}`);
  const message = `浏览器测试留言 ${TAG}:积分商城很好用!`;
  sql(`INSERT INTO messages (member_id, content) VALUES (${mid}, '${message}')`);
  const messageId = Number(sql(`SELECT MAX(id) FROM messages WHERE member_id = ${mid}`));

  // ---- sign in ----
  await open(admin, '/admin/login');
  await admin.fill('input[name=username]', ADMIN.username);
  await admin.fill('input[name=password]', ADMIN.password);
  let res = await submit(admin, admin.locator('form button[type=submit]').first());
  assert.equal(res.status(), 200);
  assert.equal(new URL(admin.url()).pathname, '/admin/');
  assert.match(await admin.locator('header').innerText(), /admin/);
  await shot(admin, '01-dashboard');

  // ---- create a product with an uploaded image ----
  const name = `后台浏览器测试商品 ${TAG}`;
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
  res = await submit(admin, admin.locator('form.product-form button[type=submit]'));
  assert.equal(res.status(), 200, `save product: ${await admin.locator('.flash, .field-error').allInnerTexts()}`);
  const productId = Number((new URL(admin.url()).pathname.match(/^\/admin\/products\/(\d+)/) || [])[1]);
  assert.ok(productId > 0, `after saving: ${admin.url()}`);
  const img = admin.locator('#images img').first();
  assert.match(await img.getAttribute('src'), /^\/uploads\/[0-9a-f]+\.png$/, 'stored under a random name');
  assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), 'the uploaded image is served');
  // saved off shelf: not on the storefront yet; the shelf button puts it on
  assert.equal(await admin.locator('#shelf-state').innerText(), '已下架');
  assert.equal((await memberCtx.request.get(`${BASE}/product/${productId}`)).status(), 404, 'off shelf: not on the storefront');
  res = await submit(admin, admin.locator('form[action$="/shelf"] button[type=submit]'));
  assert.equal(res.status(), 200);
  assert.equal(await admin.locator('#shelf-state').innerText(), '已上架');
  await shot(admin, '03-product-on-shelf');

  // ---- the storefront finds it at once ----
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

  // ---- approve the member's message ----
  await open(member, '/messages/public');
  assert.doesNotMatch(await member.locator('main').innerText(), new RegExp(String(TAG)), 'not public before approval');
  await open(admin, '/admin/moderation/messages');
  const item = admin.locator(`#message-${messageId}`);
  assert.match(await item.innerText(), new RegExp(String(TAG)));
  await item.locator('textarea[name=reply]').fill('感谢您的支持,我们会继续努力!');
  await shot(admin, '06-moderation');
  res = await submit(admin, item.locator('button[name=action][value=approve]'));
  assert.equal(res.status(), 200);
  assert.equal(sql(`SELECT status FROM messages WHERE id = ${messageId}`), 'approved');
  await open(member, '/messages/public');
  const wall = await member.locator('main').innerText();
  assert.match(wall, new RegExp(`浏览器测试留言 ${TAG}`));
  assert.match(wall, /感谢您的支持/);
  await shot(member, '07-messages-public');

  // ---- ship the order, add a logistics event ----
  await open(admin, '/admin/orders');
  await admin.fill('input[name=no]', orderNo);
  await submit(admin, admin.locator("form:has(input[name=no]) button[type=submit]"));
  await submit(admin, admin.locator(`a[href="/admin/orders/${orderNo}"]`).first());
  const tracking = `SF${TAG}0001`;
  await admin.fill('#f-carrier', '顺丰速运');
  await admin.fill('#f-tracking', tracking);
  res = await submit(admin, admin.locator('#ship button[type=submit]'));
  assert.equal(res.status(), 200);
  assert.equal(sql(`SELECT status FROM orders WHERE order_no = '${orderNo}'`), 'shipped');
  await admin.fill('#f-note', '快件已到达【深圳南山转运中心】');
  res = await submit(admin, admin.locator('#timeline button[type=submit]'));
  assert.equal(res.status(), 200);
  assert.match(await admin.locator('#timeline').innerText(), /深圳南山转运中心/);
  await shot(admin, '08-order-shipped');

  // ---- the member signs in and sees carrier, tracking number and the timeline ----
  await open(member, `/order/${orderNo}`); // → sign-in first
  assert.equal(new URL(member.url()).pathname, '/login');
  await member.fill('input[name=mobile]', mobile);
  await member.fill('input[name=password]', 'Demo@2026');
  res = await submit(member, member.locator('main form button[type=submit]').first());
  assert.equal(new URL(member.url()).pathname, `/order/${orderNo}`);
  const detail = await member.locator('main').innerText();
  assert.match(detail, /顺丰速运/);
  assert.match(detail, new RegExp(tracking));
  assert.match(detail, /深圳南山转运中心/);
  await shot(member, '09-member-order-timeline');

  // ---- reports: today's activity is on the chart and in the table ----
  await open(admin, '/admin/reports');
  assert.ok(await admin.locator('svg.chart-svg polyline.chart-line').count() >= 5, 'line charts drawn');
  assert.ok(await admin.locator('#points-report tbody tr').count() === 30);
  await open(admin, '/admin/reports/redemptions');
  assert.match(await admin.locator('#redemptions-report').innerText(), /后台发货测试礼品/);
  await shot(admin, '10-reports');

  checkLedger();
  assert.deepEqual(problems, [], 'no server errors or script errors on either side');
});

test('back office: a delete asks first — dismissing the dialog keeps the brand, accepting deletes it', async () => {
  const brand = `确认删除测试品牌 ${TAG}`;
  sql(`INSERT INTO brands (name_zh, name_en) VALUES ('${brand}', 'Confirm test ${TAG}')`);
  const id = Number(sql(`SELECT MAX(id) FROM brands WHERE name_zh = '${brand}'`));
  await open(admin, '/admin/brands');
  const button = admin.locator(`tr[data-id="${id}"] button.btn-danger`);
  const asked = [];
  const answer = (accept) => admin.once('dialog', async (d) => { asked.push(d.message()); await (accept ? d.accept() : d.dismiss()); });
  answer(false);
  await button.click();
  await admin.waitForTimeout(300); // a dismissed dialog sends nothing: there is no navigation to wait for
  assert.equal(new URL(admin.url()).pathname, '/admin/brands');
  assert.equal(sql(`SELECT COUNT(*) FROM brands WHERE id = ${id}`), '1', 'dismissed: the brand stays');
  answer(true);
  const res = await submit(admin, button);
  assert.equal(res.status(), 200);
  assert.equal(sql(`SELECT COUNT(*) FROM brands WHERE id = ${id}`), '0', 'accepted: the brand is gone');
  assert.deepEqual(asked, ['确定要删除吗?删除后无法恢复。', '确定要删除吗?删除后无法恢复。']);
  assert.equal(await admin.locator(`tr[data-id="${id}"]`).count(), 0);
  assert.deepEqual(problems, []);
});
