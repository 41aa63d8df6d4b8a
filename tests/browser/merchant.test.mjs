// merchant.test.mjs: alliance merchants in a real browser — a visitor applies as a merchant with a licence image, the
// ops admin and then the super admin approve, the new merchant signs in with the texted password; the demo member buys a
// car-wash voucher, opens the printable voucher; the car-wash merchant verifies it through the QR's URL; the member's
// order shows the voucher used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { ORIGIN, DEMO, checkLedger, mallctl, sql } from '../http/lib/stack.mjs';
import { mobile as randomMobile, skipCooldown, lastCode } from '../http/lib/members.mjs';
import { licenceNo } from '../http/lib/merchants.mjs';
import { decodeQr } from '../http/lib/qr.mjs';
import {
  launchChromium, person, shooter, steps, slug, open, submit, errorsOn, memberSignIn, adminSignIn, merchantSignIn, imageFile,
} from '../http/lib/browser.mjs';

const CARWASH = { username: 'carwash' }; // the demo car-wash owner (merchant 1)
const TAG = randomInt(1e6, 1e7);

let browser, work;
const problems = []; // console errors, failed requests and 5xx responses seen by anyone
const pages = {};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'mall-merchant-browser-'));
  browser = await launchChromium();
  // One cookie jar per person: the applicant (later the new merchant), two admins, the member, the car wash.
  for (const who of ['applicant', 'ops', 'super', 'member', 'carwash']) pages[who] = await person(browser, who, problems);
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const shot = shooter('merchant');

// A scanned business licence: a real JPEG made by ImageMagick (a tiny built-in PNG when it is missing).
const licenceImage = () => imageFile(work, 'licence.jpg', ['-size', '800x560', 'xc:#fdf6e3', '-fill', '#b22222', '-pointsize', '48',
  '-gravity', 'north', '-annotate', '+0+40', 'BUSINESS LICENCE', '-fill', '#333', '-pointsize', '32', '-annotate', '+0+200',
  `No. 91110105MA${TAG}`], [0xff, 0xd8]);

// A unified social credit code made from the run's tag.
const creditCode = () => licenceNo(`91110108MA${TAG}`);

// The newest text to a mobile (the outbox driver keeps them; mallctl prints tab-separated rows, oldest first).
const lastText = (mobile) => mallctl('sms-outbox', '--phone', mobile, '--last', '1');

// One application review step (stage first / final) on /admin/applications: find it in the list, open it,
// approve with a reason.
async function review(page, stage, company, reason, name) {
  await open(page, '/admin/applications');
  const row = page.locator('tr, li, .card').filter({ hasText: company }).last();
  await row.waitFor();
  await shot(page, `${name}-list`);
  await submit(page, row.locator('a[href^="/admin/applications/"]').first());
  assert.match(await page.locator('main').innerText(), new RegExp(company));
  const licence = page.locator('main img[src^="/uploads/"]').first();
  assert.ok(await licence.evaluate((el) => el.complete && el.naturalWidth > 0), 'the licence image shows to the reviewer');
  const form = page.locator(`main form[action$="/${stage}"]`);
  await form.locator('textarea').fill(reason);
  await shot(page, `${name}-review`);
  const res = await submit(page, form.locator('button[value=approve]'));
  assert.equal(res.status(), 200, `${name}: ${await errorsOn(page)}`);
}

test('merchant onboarding, a car-wash voucher bought, printed, verified by the merchant and shown used', async (t) => {
  const applicant = pages.applicant;
  const company = `浏览器测试洗车行${TAG}`;
  const mobile = randomMobile('139');
  const username = `shop${TAG}`;
  let applicationId, merchantAccount, merchantPassword;
  const step = steps(t, { onFail: async (name) => { for (const [who, page] of Object.entries(pages)) await shot(page, `failed-${slug(name)}-${who}`); } });

  await step('a visitor applies at /merchant/apply with a licence image', async () => {
    await open(applicant, '/merchant/apply');
    const form = applicant.locator('main form[enctype="multipart/form-data"]');
    await form.locator('[name=company]').fill(company);
    await form.locator('[name=contact]').fill('王建国');
    await form.locator('[name=mobile]').fill(mobile);
    await form.locator('[name=address]').fill('北京市海淀区中关村大街 27 号 1 层');
    await form.locator('select[name=category]').selectOption('carwash');
    await form.locator('[name=licence_no]').fill(creditCode());
    await form.locator('[name=username]').fill(username);
    await form.locator('input[type=file]').setInputFiles(licenceImage());
    await shot(applicant, '01-apply');
    const res = await submit(applicant, form.locator('button[type=submit]'));
    assert.equal(res.status(), 200, `apply: ${await errorsOn(applicant)}`);
    assert.deepEqual(await errorsOn(applicant), []);
    await shot(applicant, '02-applied');
    const row = sql(`SELECT id, status, licence_image FROM merchant_applications WHERE company = '${company}'`).split('\t');
    applicationId = Number(row[0]);
    assert.ok(applicationId > 0, 'the application is stored');
    assert.equal(row[1], 'submitted');
    assert.match(row[2], /\S/, 'the licence image is stored');
    assert.match(await applicant.locator('main').innerText(), new RegExp(`申请编号\\s*[:：]?\\s*${applicationId}\\b`), 'the number is shown');
    assert.match(lastText(mobile), new RegExp(`编号 ${applicationId}\\b`), 'and texted to the applicant');
  });

  await step('the ops admin approves the first review', async () => {
    await adminSignIn(pages.ops, 'ops');
    await review(pages.ops, 'first', company, '资料齐全,营业执照清晰,同意进入终审。', '03-first');
    assert.equal(sql(`SELECT status FROM merchant_applications WHERE id = ${applicationId}`), 'first_approved');
    assert.match(await pages.ops.locator('main').innerText(), /资料齐全/, 'the review record shows the reason');
    assert.equal(await pages.ops.locator('main form[action$="/final"]').count(), 0, 'the final review is not offered to ops');
    await shot(pages.ops, '04-first-approved');
  });

  await step('the super admin approves the final review; the applicant gets the password by SMS', async () => {
    await adminSignIn(pages.super, 'admin');
    await review(pages.super, 'final', company, '终审通过,欢迎加入联盟商户。', '05-final');
    const [status, merchantId] = sql(`SELECT status, merchant_id FROM merchant_applications WHERE id = ${applicationId}`).split('\t');
    assert.equal(status, 'approved');
    assert.ok(Number(merchantId) > 0, 'approval creates the merchant');
    await shot(pages.super, '06-final-approved');
    const text = lastText(mobile);
    const account = sql(`SELECT username FROM merchant_users WHERE merchant_id = ${Number(merchantId)} AND role = 'owner'`);
    assert.ok(account, 'approval creates the owner account');
    assert.ok(text.includes(account), `the text names the account ${account}: ${text}`);
    merchantPassword = (text.match(/密码[^A-Za-z0-9]{0,4}([A-Za-z0-9@#$%^&*!_\-]{6,})/) || [])[1];
    assert.ok(merchantPassword, `the text carries the password: ${text}`);
    merchantAccount = account;
  });

  await step('the new merchant signs in with the texted password', async () => {
    await merchantSignIn(applicant, merchantAccount, merchantPassword);
    assert.match(await applicant.locator('body').innerText(), new RegExp(company));
    await shot(applicant, '07-merchant-home');
  });

  // ---- the demo member buys a car-wash voucher ----
  const member = pages.member;
  // The cheapest car-wash voucher (merchant 1) with no per-member limit, so reruns on one database keep working.
  const [productId] = sql(`SELECT id FROM products WHERE type = 'voucher' AND merchant_id = 1
    AND on_shelf = 1 AND stock > 0 AND per_member_limit = 0 AND cash_price_fen = 0 ORDER BY points_price, id LIMIT 1`).split('\t').map(Number);
  assert.ok(productId > 0, 'the demo catalog has a car-wash voucher');
  // Another test or run may have sent the demo member a payment code within the last minute.
  skipCooldown(DEMO.mobile);
  let orderNo, voucherNo, voucherPassword, verifyUrl;

  await step('the demo member signs in and orders the voucher now, without an address', async () => {
    await memberSignIn(member, DEMO.mobile, DEMO.password);
    await open(member, `/product/${productId}`);
    await shot(member, '08-product');
    await submit(member, member.locator('.buy-form button', { hasText: '立即兑换' }));
    assert.match(await member.locator('main').innerText(), /无需收货地址|无需配送/, 'a voucher needs no address');
    await Promise.all([member.waitForURL(/\/order\/P\d{16}\/pay$/), member.locator('button', { hasText: '提交订单' }).click()]);
    orderNo = member.url().match(/(P\d{16})/)[1];
  });

  await step('pays with the SMS code and gets the voucher by text', async () => {
    await Promise.all([member.waitForNavigation(), member.locator('button', { hasText: '获取短信验证码' }).click()]);
    assert.match(member.url(), /\/order\/P\d{16}\/pay$/, 'the code step is shown at the pay page (POST/redirect/GET)');
    const code = lastCode(DEMO.mobile);
    await member.fill('input[name=code]', code);
    await Promise.all([member.waitForURL(/\/done$/), member.locator('button', { hasText: '确认支付' }).click()]);
    assert.match(await member.locator('h1').innerText(), /兑换成功/);
    await shot(member, '09-paid');
    const rows = sql(`SELECT v.voucher_no, v.status FROM vouchers v JOIN orders o ON o.id = v.order_id WHERE o.order_no = '${orderNo}'`);
    assert.deepEqual(rows ? rows.split('\n').map((l) => l.split('\t')[1]) : [], ['issued'], 'one voucher for one unit');
    voucherNo = rows.split('\t')[0];
    assert.ok(mallctl('sms-outbox', '--phone', DEMO.mobile, '--last', '3').includes(voucherNo), 'the voucher is texted to the member');
  });

  await step('opens the printable voucher from the order', async () => {
    await open(member, `/order/${orderNo}`);
    const link = member.locator(`main a[href="/voucher/${voucherNo}"]`).first();
    await submit(member, link);
    assert.equal(new URL(member.url()).pathname, `/voucher/${voucherNo}`);
    const body = await member.locator('main').innerText();
    assert.ok(body.includes(voucherNo), 'the voucher number is shown');
    assert.match(body, /途虎洗车/, 'the merchant is named');
    assert.match(body, /建国路88号/, 'with its address');
    voucherPassword = (body.match(/验证密码\s*(\d{8})\b/) || [])[1];
    assert.ok(voucherPassword, 'the 8-digit password is shown to its owner');
    assert.ok(await member.locator('main svg').count() >= 1, 'the QR code is drawn inline as SVG');
    await shot(member, '10-voucher');
  });

  await step('prints the voucher without the site header', async () => {
    await member.emulateMedia({ media: 'print' });
    assert.ok(!(await member.locator('body > header, .site-header').first().isVisible()), 'the site header is not printed');
    await shot(member, '11-voucher-print');
    await member.emulateMedia({ media: 'screen' });
  });

  await step('the voucher\'s QR code, scanned, opens the merchant\'s verify page with number and password', async () => {
    // The PNG of the same QR code, decoded like a shop's scanner would.
    const png = await member.request.get(`${ORIGIN}/voucher/${voucherNo}/qr.png`);
    assert.equal(png.status(), 200);
    assert.equal(png.headers()['content-type'], 'image/png');
    verifyUrl = decodeQr(await png.body());
    assert.match(verifyUrl, /\/merchant\/verify/, `the QR opens the merchant's verify page: ${verifyUrl}`);
    assert.ok(verifyUrl.includes(voucherNo) && verifyUrl.includes(voucherPassword), 'with number and password');
  });

  const shop = pages.carwash;
  await step('the car-wash merchant signs in and opens the QR URL: number and password are filled in', async () => {
    await merchantSignIn(shop, CARWASH.username);
    const u = new URL(verifyUrl);
    await open(shop, u.pathname + u.search);
    const lookup = shop.locator('main form:has(input[name=no])').first();
    assert.equal(await lookup.locator('input[name=no]').inputValue(), voucherNo, 'the QR URL pre-fills the number');
    assert.equal(await lookup.locator('input[name=pw]').inputValue(), voucherPassword,
      'and the password');
    await shot(shop, '12-verify-prefilled');
  });

  await step('the merchant looks the voucher up and confirms the redemption', async () => {
    const lookup = shop.locator('main form:has(input[name=no])').first();
    await submit(shop, lookup.locator('button[type=submit]'));
    const details = await shop.locator('main').innerText();
    assert.ok(details.includes(voucherNo), 'the voucher details name the number');
    assert.match(details, /洗车/, 'and the product');
    await shot(shop, '13-verify-details');
    const res = await submit(shop, shop.locator('main form button', { hasText: '确认核销' }));
    assert.equal(res.status(), 200);
    assert.match(await shop.locator('main').innerText(), /核销成功/);
    await shot(shop, '14-verified');
    assert.equal(sql(`SELECT status FROM vouchers WHERE voucher_no = '${voucherNo}'`), 'redeemed');
  });

  await step('the merchant\'s voucher list shows it redeemed', async () => {
    await open(shop, '/merchant/orders');
    assert.match(await shop.locator('main').innerText(), new RegExp(`${voucherNo}[^\\n]*已核销`), 'the merchant\'s voucher list shows it redeemed');
    await shot(shop, '15-merchant-orders');
  });

  await step('the member\'s order and voucher show it used', async () => {
    await open(member, `/order/${orderNo}`);
    assert.match(await member.locator('main').innerText(), new RegExp(`${voucherNo}\\s+已使用`));
    await shot(member, '16-order-used');
    await open(member, `/voucher/${voucherNo}`);
    assert.match(await member.locator('main').innerText(), /已使用/);
    await open(member, '/inbox');
    assert.ok((await member.locator('main').innerText()).includes(voucherNo), 'the inbox tells the member the voucher was used');
    await shot(member, '17-inbox');
  });

  checkLedger();
  assert.deepEqual(problems, [], 'no server errors or script errors on any side');
});
