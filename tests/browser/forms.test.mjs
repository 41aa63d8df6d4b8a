// forms.test.mjs: in Chromium — a live "12/500" counter under a limited field (forms.js), and date filters that
// show 年-月-日 text whatever the browser's locale
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../http/lib/stack.mjs';
import { openBrowser, open, memberSignIn, adminSignIn } from '../http/lib/browser.mjs';

let browser, page, problems, shot;

before(async () => {
  browser = await openBrowser({ failStatus: 500 });
  ({ page, problems, shot } = browser);
});
after(async () => {
  await browser?.close();
});

test('a limited text field counts what is typed, as the server counts it', async () => {
  await memberSignIn(page, DEMO.mobile, DEMO.password);
  await open(page, '/messages');
  const area = page.locator('textarea[name="content"]');
  const counter = page.locator('textarea[name="content"] + .char-count');
  assert.equal(await counter.innerText(), '0/500');
  await area.fill('积分商城很好用,谢谢!😀');
  assert.equal(await counter.innerText(), '12/500', 'an emoji is one character');
  assert.equal(await counter.evaluate((el) => el.classList.contains('over')), false);
  await shot('counter');
  assert.deepEqual(problems, []);
});

test('date filters show YYYY-MM-DD text in a zh-CN browser and take a typed date', async () => {
  await adminSignIn(page, 'admin');
  await open(page, '/admin/orders');
  const from = page.locator('input[name="from"]');
  assert.equal(await from.getAttribute('type'), 'text');
  assert.equal(await from.getAttribute('placeholder'), '2026-12-04');
  await from.fill('2026-01-01');
  await Promise.all([page.waitForNavigation(), from.press('Enter')]);
  assert.match(page.url(), /from=2026-01-01/);
  assert.equal(await page.locator('input[name="from"]').inputValue(), '2026-01-01');
  assert.equal(await page.locator('#e-from').count(), 0);
  assert.deepEqual(problems, []);
});

test('a refused form comes back at its own address; Reload then shows the page, not the form sent again', async () => {
  await open(page, '/messages'); // still signed in as the member of the first test
  // Past what the browser itself would stop (maxlength), as a pasted or scripted text can be.
  await page.locator('textarea[name="content"]').evaluate((el) => { el.removeAttribute('maxlength'); el.removeAttribute('required'); });
  await page.locator('textarea[name="content"]').fill('长'.repeat(501));
  await Promise.all([page.waitForNavigation(), page.locator('textarea[name="content"]').evaluate((el) => el.form.requestSubmit())]);
  assert.match(page.url(), /\/messages$/);
  assert.equal(await page.locator('#e-content').innerText(), '最多 500 字');
  assert.equal((await page.locator('textarea[name="content"]').inputValue()).length, 501);
  const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0].type);
  assert.equal(nav, 'navigate', 'the page on screen came from a GET (a 303 was followed)');
  await page.reload();
  assert.equal(await page.locator('#e-content').count(), 0, 'Reload asked for the page, not the form again');
  assert.equal(await page.locator('textarea[name="content"]').inputValue(), '');
  assert.deepEqual(problems, []);
});
