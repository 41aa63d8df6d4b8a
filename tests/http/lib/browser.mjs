// browser.mjs: Debian's headless Chromium through playwright-core, set up the same way for every journey — people
// (one cookie jar each) whose problems are recorded, screenshots, journeys told as named steps, and the sign-in
// and form moves every journey makes.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ORIGIN } from './stack.mjs';
import { ADMIN_PASSWORD } from './admin.mjs';
import { MERCHANT_PASSWORD } from './merchants.mjs';

export const SHOTS = process.env.MALL_SCREENSHOTS ||
  (process.env.MALL_VAR ? join(process.env.MALL_VAR, 'screenshots') : join(tmpdir(), 'mall-screenshots'));
// Without the background-networking flags Chromium keeps dialing out, and this machine has no network.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 900 };

// Several people in one browser (one context, so one cookie jar, each): launch once, then person() each.
export function launchChromium() {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}
// A person with a cookie jar of their own: a page in a new context of browser, watched into problems.
export async function person(browser, who, problems) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await ctx.newPage();
  watchPage(page, who, problems, { failStatus: 400, ignore: /\/favicon\.ico$/ });
  return page;
}

// Records in problems the console errors, page errors and responses with a status >= failStatus seen by page
// (URLs matching ignore aside), each prefixed with who (when given). A journey asserts problems stays empty.
export function watchPage(page, who, problems, { failStatus = 400, ignore = null } = {}) {
  const tag = who ? `${who} ` : '';
  page.setDefaultTimeout(15000);
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`${tag}console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${tag}page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= failStatus && !(ignore && ignore.test(r.url()))) problems.push(`${tag}${r.status()} ${r.url()}`);
  });
}

// Opens a fresh profile with one page (one person). problems collects what watchPage records; shot(name) saves a
// full-page screenshot.
export async function openBrowser({ failStatus = 400, viewport = VIEWPORT } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'mall-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport, locale: 'zh-CN',
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  watchPage(page, '', problems, { failStatus });
  return {
    context, page, problems,
    shot: (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

// shot(page, name) saving SHOTS/<prefix>-<name>.png (full page).
export const shooter = (prefix) => (page, name) => page.screenshot({ path: join(SHOTS, `${prefix}-${name}.png`), fullPage: true });

// A journey told as named steps: step(name, fn) runs fn as a subtest of t, so a failure names the step a person
// was on. The steps depend on each other: after a failed one the rest are skipped (and say which failed), and
// onFail(name) may save a screenshot of where it stopped.
export function steps(t, { onFail } = {}) {
  let failed = null;
  return async (name, fn) => {
    if (failed) return t.test(name, { skip: `the step "${failed}" failed` }, () => {});
    return t.test(name, async (st) => {
      try {
        await fn(st);
      } catch (e) {
        failed = name;
        if (onFail) await Promise.resolve().then(() => onFail(name)).catch(() => {});
        throw e;
      }
    });
  };
}
// A step's name as a file name.
export const slug = (name) => name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60);

// Goes to path and asserts it answered 200.
export async function open(page, path) {
  const res = await page.goto(ORIGIN + path);
  assert.ok(res, `no response for ${path}`);
  assert.equal(res.status(), 200, `${path} answered ${res.status()}`);
  return res;
}
// Submits a form by clicking its button and waits for the page it leads to → that page's response.
export async function submit(page, button) {
  const [res] = await Promise.all([page.waitForNavigation(), button.click()]);
  return res;
}
// The error messages a page shows (flash, beside fields).
export const errorsOn = (page) => page.locator('.flash-error, .field-error, .error').allInnerTexts();

// Member sign-in at /login; waits to be sent on.
export async function memberSignIn(page, mobile, password) {
  await open(page, '/login');
  const form = page.locator('main form:has(input[name=password])').first();
  await form.locator('input[name=mobile]').fill(mobile);
  await form.locator('input[name=password]').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), form.locator('[type=submit]').first().click()]);
  assert.ok(!new URL(page.url()).pathname.startsWith('/login'), `member ${mobile} signed in: ${await errorsOn(page)}`);
}
// Back-office sign-in at /admin/login → the dashboard's response.
export async function adminSignIn(page, username, password = ADMIN_PASSWORD) {
  await open(page, '/admin/login');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  const res = await submit(page, page.locator('form button[type=submit]').first());
  assert.equal(new URL(page.url()).pathname, '/admin/', `admin ${username} signed in: ${await errorsOn(page)}`);
  return res;
}
// Merchant-portal sign-in at /merchant/login.
export async function merchantSignIn(page, username, password = MERCHANT_PASSWORD) {
  await open(page, '/merchant/login');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await submit(page, page.locator('main form button[type=submit]').first());
  assert.ok(!new URL(page.url()).pathname.startsWith('/merchant/login'), `merchant ${username} signed in: ${await errorsOn(page)}`);
}

// A picture file for an upload field: made by ImageMagick's convert with args (output file last), checked to start
// with magic; a tiny built-in PNG when convert is missing.
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==';
export function imageFile(dir, name, args, magic) {
  const file = join(dir, name);
  const r = spawnSync('convert', [...args, file]);
  if (r.status !== 0) {
    const png = join(dir, name.replace(/\.\w+$/, '.png'));
    writeFileSync(png, Buffer.from(TINY_PNG, 'base64'));
    return png;
  }
  assert.deepEqual([...readFileSync(file).subarray(0, magic.length)], magic);
  return file;
}
