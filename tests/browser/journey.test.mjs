// journey.test.mjs: a visitor searches, opens a product, signs in as the demo member and switches to English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../http/lib/stack.mjs';
import { openBrowser, open as openOn, steps, slug } from '../http/lib/browser.mjs';

let browser, context, page, shot;
let problems = []; // console errors, page errors and bad responses seen during the journey

before(async () => {
  browser = await openBrowser({ failStatus: 400 });
  ({ context, page, problems, shot } = browser);
});

after(async () => {
  await browser?.close();
});

const open = (path) => openOn(page, path);

// The page chrome (top bar, header, navigation) is everything in <body> before <main>.
const chromeText = () => page.evaluate(() => {
  const parts = [];
  for (const el of document.body.children) {
    if (el.tagName === 'MAIN' || el.querySelector('main')) break;
    parts.push(el.innerText);
  }
  return parts.join('\n');
});
const inChrome = (sel) => page.locator(`${sel}:not(main *)`).first();

// The steps depend on each other, so they run as one test; each step names itself when it fails.
test('visitor searches 洗车, opens a product, signs in and switches to English', async (t) => {
  const step = steps(t, { onFail: (name) => shot(`failed-journey-${slug(name)}`) });
  await step('open the home page', async () => {
    await open('/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.match(await page.title(), /积分商城/);
    await shot('01-home');
  });

  await step('search 洗车 from the home page', async () => {
    const q = page.locator('form input[name="q"]').first();
    await q.fill('洗车');
    await Promise.all([page.waitForURL(/\/search\?/), q.press('Enter')]);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/search');
    assert.equal(url.searchParams.get('q'), '洗车');
    const kept = await page.locator('input[name="q"]').evaluateAll((els) => els.some((e) => e.value === '洗车'));
    assert.ok(kept, 'the search box keeps the query');
    await shot('02-search');
  });

  let productPath;
  await step('open a product from the results', async () => {
    const hit = page.locator('main a[href^="/product/"]').first();
    await hit.waitFor();
    const href = await hit.getAttribute('href');
    await Promise.all([page.waitForURL(/\/product\/\d+$/), hit.click()]);
    productPath = new URL(page.url()).pathname;
    assert.equal(productPath, href);
    const h1 = (await page.locator('main h1').first().innerText()).trim();
    assert.ok(h1.length > 0, 'product page has a heading');
    await shot('03-product');
  });

  await step('sign in as the demo member', async () => {
    const login = inChrome('a[href^="/login"]');
    await Promise.all([page.waitForURL(/\/login/), login.click()]);
    await shot('04-login');
    const form = page.locator('form:has(input[name="password"])').first();
    await form.locator('input[name="mobile"]').fill(DEMO.mobile);
    await form.locator('input[name="password"]').fill(DEMO.password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')),
      form.locator('[type="submit"]').first().click()]);
    const head = await chromeText();
    assert.ok(head.includes(DEMO.masked), `header shows ${DEMO.masked}: ${head}`);
    assert.ok(!head.includes(DEMO.mobile), 'the full mobile number is not shown in the header');
    await shot('05-signed-in');
  });

  await step('switch to English on the same page', async () => {
    const before = new URL(page.url()).pathname;
    const sw = inChrome('a[href^="/lang?to=en"]');
    await sw.click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    assert.equal(new URL(page.url()).pathname, before, 'the switch returns to the same page');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const head = await chromeText();
    assert.match(head, /Points/, 'header shows the points label in English');
    assert.ok(head.includes(DEMO.masked), 'still signed in after switching');
    assert.ok(!/积分|登录/.test(head), `header still has Chinese words: ${head}`);
    assert.match(await page.title(), /Points Mall/);
    await shot('06-english');
  });

  await step('the choice is remembered: the home page is English too', async () => {
    await open('/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const nav = await chromeText();
    assert.ok(!/[\u4e00-\u9fff]{2}/.test(nav.replace('中文', '')), `page chrome still in Chinese: ${nav}`);
    await shot('07-home-english');
  });

  await step('the product from the search shows its English name', async () => {
    assert.ok(productPath, 'the product step found a product');
    await open(productPath);
    const name = (await page.locator('main h1').first().innerText()).trim();
    assert.ok(name && !/[\u4e00-\u9fff]/.test(name), `product name in English: ${name}`);
    await shot('08-product-english');
  });

  assert.deepEqual(problems, [], 'no server errors or script errors during the journey');
});
