// browser-lib.mjs: Debian's headless Chromium through playwright-core, set up the same way for every journey.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.MALL_URL || 'http://127.0.0.1:8080';
export const SHOTS = process.env.MALL_SCREENSHOTS ||
  (process.env.MALL_VAR ? join(process.env.MALL_VAR, 'screenshots') : join(tmpdir(), 'mall-screenshots'));
// Without the background-networking flags Chromium keeps dialing out, and this machine has no network.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Several people in one browser (one context, so one cookie jar, each): launch once, watch each page.
export function launchChromium() {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// Records console errors, page errors and responses >= 400 (the browser's own favicon probe aside) of page.
export function watchPage(page, who, problems) {
  page.setDefaultTimeout(15000);
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`${who} console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${who} page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !/\/favicon\.ico$/.test(r.url())) problems.push(`${who} ${r.status()} ${r.url()}`);
  });
}

// Opens a fresh profile with one page. problems collects console errors, page errors and responses with a
// status >= failStatus (a journey asserts it stays empty). shot(name) saves a full-page screenshot.
export async function openBrowser({ failStatus = 400, viewport = { width: 1280, height: 900 } } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'mall-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport, locale: 'zh-CN',
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(15000);
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= failStatus) problems.push(`${r.status()} ${r.url()}`); });
  return {
    context, page, problems,
    shot: (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
