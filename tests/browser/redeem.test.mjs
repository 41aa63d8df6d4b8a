// redeem.test.mjs: the demo member adds two products to the cart, checks out with an address, pays with the SMS
// code, sees the lower balance, cancels, and sees the points back in the same lots with their original expiry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN, DEMO, sql } from '../http/lib/stack.mjs';
import { lastCode, skipCooldown } from '../http/lib/members.mjs';
import { openBrowser, memberSignIn, steps, slug } from '../http/lib/browser.mjs';

let browser, context, page, shot;
let problems = []; // console errors, page errors and bad responses seen during the journey

before(async () => {
  browser = await openBrowser({ failStatus: 500 });
  ({ context, page, problems, shot } = browser);
});

after(async () => {
  await browser?.close();
});

const headerPoints = async () => Number(await page.locator('.header-points strong').innerText());
// The lots table of /points: source, amount, remaining, expiry per row.
const lotsOnPointsPage = async () => {
  await page.goto(`${ORIGIN}/points`);
  return page.locator('table').first().innerText();
};

test('demo member: cart with two products → address → SMS code → pay → cancel → points back with their expiry', async (t) => {
  const demoId = sql(`SELECT id FROM members WHERE mobile = '${DEMO.mobile}'`);
  // Two in-stock physical products without a per-member limit, cheap enough for the demo balance.
  const picks = sql(`SELECT id, points_price FROM products WHERE type = 'physical' AND on_shelf = 1 AND stock >= 5
    AND per_member_limit = 0 AND cash_price_fen = 0 AND points_price BETWEEN 100 AND 3000 ORDER BY id LIMIT 2`).split('\n').map((l) => l.split('\t').map(Number));
  assert.equal(picks.length, 2, 'the demo catalog has two affordable physical products');
  const total = picks[0][1] + picks[1][1];
  sql(`DELETE FROM cart_items WHERE member_id = ${demoId}`);
  // Another test or run may have sent the demo member a payment code within the last minute.
  skipCooldown(DEMO.mobile);
  const lotsBefore = sql(`SELECT id, remaining, expires_at FROM points_lots WHERE member_id = ${demoId} ORDER BY id`);
  let balanceBefore, no;

  const step = steps(t, { onFail: (name) => shot(`redeem-failed-${slug(name)}`) });

  await step('signs in as the demo member', async () => {
    await memberSignIn(page, DEMO.mobile, DEMO.password);
    balanceBefore = await headerPoints();
    assert.ok(balanceBefore >= total, `demo balance ${balanceBefore} covers ${total}`);
  });

  let lotsShown;
  await step('notes the lots on the points page', async () => { lotsShown = await lotsOnPointsPage(); });

  await step('adds two products to the cart from their pages', async () => {
    for (const [id] of picks) {
      await page.goto(`${ORIGIN}/product/${id}`);
      await Promise.all([page.waitForURL(/\/cart\?done=added$/), page.locator('.buy-form button', { hasText: '加入购物车' }).click()]);
      assert.match(await page.locator('.flash-ok').innerText(), /已加入购物车/);
    }
    assert.equal(await page.locator('.cart-line').count(), 2);
    assert.match(await page.locator('.cart-total').innerText(), new RegExp(String(total)));
    await shot('redeem-01-cart');
  });

  await step('checks out with an address', async () => {
    await Promise.all([page.waitForURL(/\/checkout$/), page.locator('a', { hasText: '去结算' }).click()]);
    if (await page.locator('input[name="address_id"]').count() === 0) {
      // No address yet: add one through the address page, which comes back to the checkout.
      await Promise.all([page.waitForURL(/\/addresses\/new/), page.locator('main a', { hasText: '新增收货地址' }).first().click()]);
      await page.fill('input[name="recipient"]', '张小明');
      await page.fill('input[name="mobile"]', '13800138000');
      await page.fill('input[name="province"]', '广东省');
      await page.fill('input[name="city"]', '深圳市');
      await page.fill('input[name="district"]', '南山区');
      await page.fill('input[name="detail"]', '科技园南区 8 栋 1201');
      await Promise.all([page.waitForURL(/\/checkout$/), page.locator('main form button[type="submit"]').click()]);
    }
    assert.ok(await page.locator('input[name="address_id"]:checked').count() === 1, 'an address is chosen');
    await page.fill('input[name="remark"]', '请工作日送货');
    await shot('redeem-02-checkout');
    await Promise.all([page.waitForURL(/\/order\/P\d{16}\/pay$/), page.locator('button', { hasText: '提交订单' }).click()]);
    no = page.url().match(/(P\d{16})/)[1];
  });

  await step('pays with the SMS code', async () => {
    await Promise.all([page.waitForNavigation(), page.locator('button', { hasText: '获取短信验证码' }).click()]);
    assert.match(page.url(), /\/order\/P\d{16}\/pay$/, 'the code step is shown at the pay page (POST/redirect/GET)');
    assert.match(await page.locator('.flash-ok').innerText(), /验证码已发送/);
    const code = lastCode(DEMO.mobile);
    await page.fill('input[name="code"]', code);
    await shot('redeem-03-pay');
    await Promise.all([page.waitForURL(/\/done$/), page.locator('button', { hasText: '确认支付' }).click()]);
    assert.match(await page.locator('h1').innerText(), /兑换成功/);
    assert.equal(await headerPoints(), balanceBefore - total, 'the header shows the lower balance');
    await shot('redeem-04-done');
  });

  await step('sees the payment on the order page', async () => {
    await Promise.all([page.waitForURL(new RegExp(`/order/${no}$`)), page.locator('a', { hasText: '查看订单' }).click()]);
    assert.match(await page.locator('.order-status').first().innerText(), /待发货/);
    assert.match(await page.locator('.order-ledger').innerText(), new RegExp(`积分支付\\s+-${total}`));
    assert.match(await page.locator('main').innerText(), /请工作日送货/);
    await shot('redeem-05-order');
  });

  await step('cancels the order after confirming', async () => {
    await Promise.all([page.waitForURL(/\/cancel$/), page.locator('a', { hasText: '取消订单' }).click()]);
    await page.check('input[name="confirm"]');
    await shot('redeem-06-cancel');
    await Promise.all([page.waitForURL(/done=cancelled$/), page.locator('button', { hasText: '确认取消' }).click()]);
    assert.match(await page.locator('.flash-ok').innerText(), /按原有效期退回/);
    assert.match(await page.locator('.order-status').first().innerText(), /已取消/);
    assert.match(await page.locator('.order-ledger').innerText(), new RegExp(`积分退回\\s+\\+${total}`));
    assert.equal(await headerPoints(), balanceBefore);
    await shot('redeem-07-cancelled');
  });

  await step('sees the points back in the same lots with their original expiry', async () => {
    assert.equal(await lotsOnPointsPage(), lotsShown, '/points lists the same lots, amounts and expiry dates as before');
    await shot('redeem-08-points');
    assert.equal(sql(`SELECT id, remaining, expires_at FROM points_lots WHERE member_id = ${demoId} ORDER BY id`), lotsBefore);
  });

  assert.deepEqual(problems, []);
});
