// coupons.test.mjs: a member with a phone claims a coupon on an activity's page (F6), finds it in /coupons, buys a
// product with it chosen for them at checkout, pays with the SMS code the order's discounted amount, and sees the coupon
// used; /coupons and checkout never scroll sideways at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ORIGIN, ROOT, sql, q } from '../http/lib/stack.mjs';
import { makeMembers, balance, lastCode, memberId, DEMO_PASSWORD } from '../http/lib/members.mjs';
import { makeActivity } from '../http/lib/guards.mjs';
import { makeProduct } from '../http/lib/shop.mjs';
import { openBrowser, steps, memberSignIn, submit } from '../http/lib/browser.mjs';

let browser, page, problems, shot;
before(async () => {
  browser = await openBrowser({ failStatus: 500, viewport: { width: 360, height: 740 } });
  ({ page, problems, shot } = browser);
});
after(async () => { await browser?.close(); });

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
async function axeFindings() {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('phone: claim a coupon on the activity page, use it at checkout, pay the discounted amount', async (t) => {
  const step = steps(t, { onFail: (name) => shot(`coupons-fail-${name}`) });
  const [m] = makeMembers(1, 600);
  const p = makeProduct({ points: 200, stock: 5, name: '领券测试商品' });
  const a = makeActivity([p]);
  sql(`INSERT INTO coupon_campaigns (activity_id, name_zh, kind, face_value, threshold, quota, per_member, price_points,
         claim_from, claim_until, use_from, use_until)
       VALUES (${a}, '浏览器满减券', 'points_off', 50, 150, 10, 1, 0, NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 1 DAY,
         NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 7 DAY)`);
  let no;

  await step('sign in and claim on the activity page', async () => {
    await memberSignIn(page, m, DEMO_PASSWORD);
    const res = await page.goto(`${ORIGIN}/activity/${a}`);
    assert.equal(res.status(), 200);
    const card = page.locator('#activity-coupons .coupon-campaign', { hasText: '浏览器满减券' });
    assert.match(await card.innerText(), /满 150 积分减 50 积分/);
    assert.ok(await overflow() <= 0, 'activity page: no sideways scroll at 360 px');
    await Promise.all([page.waitForURL(/\/coupons\?done=claimed/), card.locator('button.coupon-claim').click()]);
    assert.match(await page.locator('.flash-ok').innerText(), /领取成功/);
  });

  await step('/coupons lists it as usable, at 360 px without sideways scroll', async () => {
    const mine = page.locator('#my-coupons .coupon-item', { hasText: '浏览器满减券' });
    await assert.doesNotReject(mine.waitFor());
    assert.ok(await overflow() <= 0, '/coupons: no sideways scroll at 360 px');
    assert.deepEqual(await axeFindings(), []);
    await shot('coupons-list-360');
  });

  await step('checkout suggests it and shows the total after the discount', async () => {
    await page.goto(`${ORIGIN}/product/${p}`);
    await submit(page, page.locator('.buy-form button', { hasText: '立即兑换' }));
    const choice = page.locator('#coupon-choice');
    await assert.doesNotReject(choice.waitFor());
    assert.ok(await choice.locator('label', { hasText: '浏览器满减券' }).locator('input').isChecked());
    assert.match(await page.locator('.sum-pay').innerText(), /150/);
    assert.ok(await overflow() <= 0, 'checkout: no sideways scroll at 360 px');
    await shot('coupons-checkout-360');
    await Promise.all([page.waitForURL(/\/order\/P\d{16}\/pay$/), page.locator('button', { hasText: '提交订单' }).click()]);
    no = page.url().match(/\/order\/(P\d{16})\/pay$/)[1];
    assert.equal(sql(`SELECT points_total, discount_points FROM orders WHERE order_no = ${q(no)}`), '150\t50');
  });

  await step('pay the discounted amount with the SMS code', async () => {
    assert.match(await page.locator('.coupon-discount').innerText(), /50/);
    await Promise.all([page.waitForNavigation(), page.locator('button', { hasText: '获取短信验证码' }).click()]);
    await page.fill('input[name=code]', lastCode(m));
    await Promise.all([page.waitForURL(/\/done$/), page.locator('button', { hasText: '确认支付' }).click()]);
    assert.equal(balance(m), 450);
  });

  await step('the coupon is listed as used, with its order', async () => {
    await page.goto(`${ORIGIN}/coupons?tab=used`);
    const used = page.locator('#my-coupons .coupon-item', { hasText: '浏览器满减券' });
    assert.match(await used.innerText(), new RegExp(no));
    assert.ok(await overflow() <= 0);
    assert.equal(sql(`SELECT status FROM coupons WHERE member_id = ${memberId(m)}`), 'used');
    assert.deepEqual(problems, []);
  });
});
