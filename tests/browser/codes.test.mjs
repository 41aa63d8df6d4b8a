// codes.test.mjs: a member with a phone scans a product's QR code (F5) — the QR drawn as a PNG and read back with
// zbarimg, its URL opened on a 360 px screen, sign-in and back to the code, the points collected, the scan on the
// points page; the page never scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ORIGIN, ROOT, mallctl } from '../http/lib/stack.mjs';
import { makeMembers, balance, DEMO_PASSWORD } from '../http/lib/members.mjs';
import { makeActivity } from '../http/lib/guards.mjs';
import { mallctlBatch } from '../http/lib/codes.mjs';
import { decodeQr } from '../http/lib/qr.mjs';
import { openBrowser, steps } from '../http/lib/browser.mjs';

let browser, page, problems, shot;
before(async () => {
  browser = await openBrowser({ failStatus: 500, viewport: { width: 360, height: 740 } });
  ({ page, problems, shot } = browser);
});
after(async () => { await browser?.close(); });

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
// axe-core's serious and critical findings (as mobile.test.mjs checks the other pages).
async function axeFindings() {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('phone: scan a QR code → sign in → back to the code → collect → the points arrive', async (t) => {
  const step = steps(t, { onFail: (name) => shot(`codes-fail-${name}`) });
  const [m] = makeMembers(1, 0);
  const { urls } = mallctlBatch(makeActivity([]), { count: 4, points: 8, per: 2, base: ORIGIN });
  let url;

  await step('the QR on the product reads back as its code URL', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mall-qr-'));
    try {
      mallctl('qr-png', urls[0], path.join(dir, 'code.png'));
      url = decodeQr(readFileSync(path.join(dir, 'code.png')));
    } finally { rmSync(dir, { recursive: true, force: true }); }
    assert.equal(url, urls[0]);
    assert.match(url, /\/c\/[2-9A-HJ-NP-Z]{13}$/);
  });

  await step('the code page offers sign-in that comes back here', async () => {
    const res = await page.goto(url);
    assert.equal(res.status(), 200);
    await assert.doesNotReject(page.locator('.code-plus', { hasText: '+8' }).waitFor());
    assert.ok(await overflow() <= 0, 'no sideways scroll at 360 px');
    assert.deepEqual(await axeFindings(), []);
    await shot('codes-scan-anonymous');
    await Promise.all([page.waitForURL(/\/login/), page.locator('#code-login').click()]);
    await page.locator('input[name=mobile]').first().fill(m);
    await page.locator('input[name=password]').first().fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/c/')), page.locator('main form:has(input[name=password]) [type=submit]').first().click()]);
    assert.equal(new URL(page.url()).pathname, new URL(url).pathname);
  });

  await step('collect: the points arrive, once', async () => {
    await Promise.all([page.waitForURL(/done=earned/), page.locator('#collect').click()]);
    assert.match(await page.locator('.flash-ok').innerText(), /积分已到账/);
    assert.match(await page.locator('#code-state').innerText(), /您已领取/);
    assert.ok(await overflow() <= 0, 'no sideways scroll at 360 px');
    assert.deepEqual(await axeFindings(), []);
    await shot('codes-scan-collected');
    assert.equal(balance(m), 8);
  });

  await step('the points page shows the scan', async () => {
    await page.goto(`${ORIGIN}/points?kind=scan`);
    const row = page.locator('tr.kind-scan').first();
    assert.match(await row.innerText(), /扫码[\s\S]*\+8/);
    assert.ok(await overflow() <= 0);
    assert.deepEqual(problems, []);
  });
});
