// cash.test.mjs: C5 in a browser — a member buys a points + cash product, pays the cash part at the sandbox
// provider's cashier, comes back to the order ("cash paid"), confirms the points with the SMS code and sees the order
// paid with both parts; at 1280 px and on a 360 px phone (no sideways scrolling on the pages of the journey).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN, sql, q } from '../http/lib/stack.mjs';
import { makeMembers, lastCode, balance } from '../http/lib/members.mjs';
import { makeProduct } from '../http/lib/shop.mjs';
import { openBrowser, memberSignIn, steps, slug } from '../http/lib/browser.mjs';

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test(`points + cash order paid through the sandbox cashier at ${viewport.width} px`, async (t) => {
    const b = await openBrowser({ failStatus: 400, viewport });
    const { page, problems } = b;
    const shot = (name) => b.shot(`cash-${viewport.width}-${name}`);
    const [m] = makeMembers(1, 5000);
    const product = makeProduct({ type: 'virtual', points: 800, stock: 5, name: '现金测试商品' });
    sql(`UPDATE products SET cash_price_fen = 1234 WHERE id = ${product}`);
    let no;
    const step = steps(t, { onFail: (name) => shot(`failed-${slug(name)}`) });
    const noSideways = async (where) => assert.equal(await overflow(page), 0, `${where} scrolls sideways`);
    try {
      await step('signs in and redeems the product now', async () => {
        await memberSignIn(page, m, 'Demo@2026');
        await page.goto(`${ORIGIN}/product/${product}`);
        assert.match(await page.locator('.price').innerText(), /800[\s\S]*¥12\.34/);
        await page.locator('button[formaction="/checkout/now"]').click();
        await page.waitForLoadState();
        assert.match(await page.locator('.sum-cash').innerText(), /¥12\.34/);
        await Promise.all([page.waitForURL(/\/order\/P\d{16}\/pay$/), page.locator('button', { hasText: '提交订单' }).click()]);
        no = page.url().match(/(P\d{16})/)[1];
      });
      await step('the payment page asks for the cash part first', async () => {
        assert.match(await page.locator('.pay-cash').innerText(), /第一步在收银台支付现金部分/);
        assert.equal(await page.locator('.pay-send').count(), 0, 'no SMS code yet');
        await noSideways('the payment page');
        await shot('01-pay-cash-due');
      });
      await step('pays ¥12.34 at the sandbox cashier and comes back', async () => {
        await Promise.all([page.waitForURL(/\/sandbox-pay\/cashier\/C\d{23}$/), page.locator('.pay-cash button', { hasText: '去收银台支付' }).click()]);
        assert.match(await page.locator('.sandbox-amount').innerText(), /¥12\.34/);
        await noSideways('the cashier');
        await shot('02-cashier');
        await Promise.all([page.waitForURL(new RegExp(`/order/${no}/pay$`)), page.locator('button', { hasText: '确认支付' }).click()]);
        assert.match(await page.locator('#cash-paid').innerText(), /现金部分已支付/);
        assert.match(await page.locator('.cash-state').innerText(), /已支付/);
        await noSideways('the payment page with the cash paid');
        await shot('03-cash-paid');
      });
      await step('confirms the points with the SMS code: the order is paid', async () => {
        await page.locator('.pay-send button').click();
        await page.waitForLoadState();
        await page.fill('#f-code', lastCode(m));
        await Promise.all([page.waitForURL(new RegExp(`/order/${no}/done$`)), page.locator('.pay-form button[type="submit"]').click()]);
        assert.match(await page.locator('.sum-total').innerText(), /800[\s\S]*¥12\.34/);
        await noSideways('the result page');
        await shot('04-done');
        assert.equal(sql(`SELECT status FROM orders WHERE order_no = ${q(no)}`), 'paid');
        assert.equal(sql(`SELECT state FROM payments WHERE order_id = (SELECT id FROM orders WHERE order_no = ${q(no)})`), 'paid');
        assert.equal(balance(m), 5000 - 800);
      });
      await step('the order page shows both parts', async () => {
        await page.goto(`${ORIGIN}/order/${no}`);
        assert.match(await page.locator('.sum-cash').innerText(), /¥12\.34 · 已支付/);
        await noSideways('the order page');
      });
      assert.deepEqual(problems, []);
    } finally {
      await b.close();
    }
  });
}
