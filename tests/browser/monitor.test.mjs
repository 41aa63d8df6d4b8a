// monitor.test.mjs: the live monitor (F1) in a real browser — the wall on a 1920×1080 LCD (dark, large type, SVG
// charts; the screenshot is checked not to be blank), updating in place after a new payment without reloading (and by
// its meta refresh with JavaScript off); the monitor on a 360 px phone without sideways scroll; axe-core on both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORIGIN, ROOT, sql } from '../http/lib/stack.mjs';
import { Client } from '../http/lib/client.mjs';
import { makeMembers, skipCooldown } from '../http/lib/members.mjs';
import { makeProduct, buyNow } from '../http/lib/shop.mjs';
import { makeAdmin } from '../http/lib/admin.mjs';
import { makeActivity } from '../http/lib/guards.mjs';
import { launchChromium, watchPage, shooter, adminSignIn, open, SHOTS } from '../http/lib/browser.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WALL = { width: 1920, height: 1080 }, PHONE = { width: 360, height: 740 };
const shot = shooter('monitor');

let browser, activity, product, member, shopper;
const problems = [];

before(async () => {
  browser = await launchChromium();
  product = makeProduct({ points: 40, stock: 500 });
  activity = makeActivity([product], { budget: 100000 });
  [member] = makeMembers(1, 100000);
  shopper = new Client();
  await shopper.login(member);
  await buyNow(shopper, member, product, 2);
});

after(async () => { await browser?.close(); });

// A signed-in monitor-role person at viewport (JavaScript on unless js = false).
async function viewer(viewport, js = true) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', javaScriptEnabled: js });
  const page = await ctx.newPage();
  watchPage(page, `monitor ${viewport.width}px`, problems, { failStatus: 400, ignore: /\/favicon\.ico$/ });
  if (js) await adminSignIn(page, makeAdmin('monitor').username);
  return page;
}

// Mean and standard deviation of the screenshot's pixel values, measured by the browser itself on a blank page.
async function pixelStats(png) {
  const page = await browser.newPage();
  const stats = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0, sum = 0, sq = 0;
    for (let i = 0; i < d.length; i += 16) { const v = (d[i] + d[i + 1] + d[i + 2]) / 3; n++; sum += v; sq += v * v; }
    const mean = sum / n;
    return { mean, sd: Math.sqrt(sq / n - mean * mean), width: c.width };
  }, png.toString('base64'));
  await page.close();
  return stats;
}

async function axeFindings(page) {
  // Evaluated over the DevTools protocol, not as a <script>: the back office's CSP allows no inline script.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const orders = (page) => page.locator(`#act-${activity} [data-k=orders]`).innerText();

test('the wall on a 1920×1080 LCD: dark, large, SVG charts, not blank; it updates in place after a payment', async () => {
  const page = await viewer(WALL);
  await open(page, '/admin/monitor/wall');
  assert.ok(await page.locator(`#act-${activity} svg.chart-svg polyline.chart-line`).count() >= 2, 'line charts drawn');
  const look = await page.evaluate(() => ({
    bg: getComputedStyle(document.body).backgroundColor,
    num: parseFloat(getComputedStyle(document.querySelector('.mon-num')).fontSize),
    title: parseFloat(getComputedStyle(document.querySelector('.wall-head h1')).fontSize),
  }));
  assert.equal(look.bg, 'rgb(11, 15, 23)');
  assert.ok(look.num >= 40 && look.title >= 32, JSON.stringify(look));
  const png = await page.screenshot({ path: join(SHOTS, 'monitor-wall.png') });
  const stats = await pixelStats(png);
  assert.equal(stats.width, WALL.width);
  assert.ok(stats.sd > 8, `the screenshot has content (pixel sd ${stats.sd.toFixed(1)})`);
  assert.ok(stats.mean < 90, `the wall is dark (mean ${stats.mean.toFixed(1)})`);

  // A payment now: the figure changes within a few refreshes, in the same document (no reload, no navigation).
  assert.equal(await orders(page), '1');
  await page.evaluate(() => { window.stillHere = 42; });
  let navigations = 0;
  page.on('framenavigated', () => { navigations++; });
  skipCooldown(member);
  await buyNow(shopper, member, product, 1);
  await page.waitForFunction((id) => document.querySelector(`#act-${id} [data-k=orders]`)?.textContent === '2',
    activity, { timeout: 20000 });
  assert.equal(await page.evaluate(() => window.stillHere), 42, 'not reloaded');
  assert.equal(navigations, 0);
  assert.ok(await page.locator('[data-live][data-updated]').count(), 'swapped by monitor.js');
  assert.ok(await page.locator(`#act-${activity} svg.chart-svg`).count() >= 2, 'charts still there');
  await shot(page, 'wall-updated');
  assert.deepEqual(await axeFindings(page), []);
  await page.context().close();
  assert.deepEqual(problems, []);
});

test('without JavaScript the wall reloads itself (meta refresh)', async () => {
  const page = await viewer(WALL, false);
  // Signed in through the HTTP client's session cookie: the sign-in form needs no script, but this is quicker.
  const c = new Client();
  const admin = makeAdmin('monitor');
  const login = await c.get('/admin/login');
  assert.equal(login.status, 200);
  assert.equal((await c.request('POST', '/admin/login', { csrf: c.csrf, username: admin.username, password: 'Admin@2026' })).status, 303);
  await page.context().addCookies([...c.jar].map(([name, value]) => ({ name, value, url: ORIGIN })));
  await open(page, '/admin/monitor/wall');
  const first = await page.locator('.wall-clock time').innerText();
  await page.waitForNavigation({ timeout: 12000 });
  await page.waitForSelector('.wall-clock time');
  assert.notEqual(await page.locator('.wall-clock time').innerText(), first);
  await page.context().close();
});

test('on a 360 px phone the monitor and the wall fit the width; axe finds nothing serious', async () => {
  const page = await viewer(PHONE);
  for (const path of ['/admin/monitor', '/admin/monitor/wall']) {
    await open(page, path);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`));
    assert.ok(over <= 0, `${path}: ${over}px too wide (${wide.join(', ')})`);
    assert.ok(await page.locator(`#act-${activity} svg.chart-svg`).count() >= 2, `${path}: charts`);
    await shot(page, `phone-${path.split('/').pop()}`);
    assert.deepEqual(await axeFindings(page), [], path);
  }
  await page.context().close();
  assert.deepEqual(problems, []);
  assert.ok(Number(sql(`SELECT COUNT(*) FROM activity_minutes WHERE activity_id = ${activity}`)) >= 1);
});
