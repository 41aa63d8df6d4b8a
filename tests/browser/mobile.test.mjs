// mobile.test.mjs: N5 on a 360 × 740 phone — no page of the mall scrolls sideways, the phone layout (tab bar with the
// cart count, sticky buy and totals bars, the member card's QR on screen, category rail), no serious or critical
// axe-core findings on the main pages, and screenshots of the main pages at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORIGIN, ROOT, DEMO, sql, mallctl } from '../http/lib/stack.mjs';
import { Client } from '../http/lib/client.mjs';
import { makeMembers, addAddress, skipCooldown } from '../http/lib/members.mjs';
import { placeNow, buyNow } from '../http/lib/shop.mjs';
import { setPayPassword, cardOf, startPayment, confirmPayment } from '../http/lib/card.mjs';
import { newMerchantClient } from '../http/lib/merchants.mjs';
import { SHOTS, launchChromium, watchPage, memberSignIn } from '../http/lib/browser.mjs';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let browser, phone, problems = [];
const ids = {}; // real ids: demo catalog and content, and orders, vouchers, receipts made for the test member
let member;

// The demo data's first row of a query (a catalog or content id).
const first = (query) => {
  const v = sql(query).split('\n')[0];
  assert.ok(v, `demo data has no row for: ${query}`);
  return v;
};

before(async () => {
  ids.product = first('SELECT id FROM products WHERE on_shelf = 1 AND type = \'physical\' AND stock > 20 AND per_member_limit = 0 ORDER BY id LIMIT 1');
  ids.voucherProduct = first('SELECT id FROM products WHERE on_shelf = 1 AND type = \'voucher\' AND stock > 20 AND per_member_limit = 0 ORDER BY id LIMIT 1');
  ids.notice = first('SELECT id FROM notices ORDER BY id LIMIT 1');
  ids.activity = first('SELECT id FROM activities ORDER BY id LIMIT 1');

  // A member of its own with one of everything a member page lists: a paid voucher order (its voucher), an
  // order waiting for payment, a completed order (a review to write), an offline payment (a receipt), an address,
  // a favourite and a cart line.
  [member] = makeMembers(1, 200000);
  const c = new Client();
  await c.login(member);
  ids.address = addAddress(member);
  ids.paid = await buyNow(c, member, ids.voucherProduct);
  ids.voucher = first(`SELECT v.voucher_no FROM vouchers v JOIN orders o ON o.id = v.order_id WHERE o.order_no = '${ids.paid}'`);
  skipCooldown(member); // one SMS code a minute: these three come at once
  ids.completed = await buyNow(c, member, ids.product, 1, { address_id: ids.address });
  mallctl('order-ship', ids.completed, 'SF', 'SF1234567890');
  mallctl('order-complete', ids.completed);
  ids.item = first(`SELECT oi.id FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.order_no = '${ids.completed}'`);
  ids.pending = await placeNow(c, ids.product, 1, { address_id: ids.address });
  assert.equal((await c.get('/card')).status, 200); // issues the card number
  skipCooldown(member);
  await setPayPassword(c, member, '258147');
  const mc = await newMerchantClient(1);
  const form = await startPayment(mc, cardOf(member), 100);
  assert.equal((await confirmPayment(mc, form, '258147')).status, 303);
  ids.receipt = form.receipt;
  assert.equal((await c.post('/favorites/add', { product_id: ids.product }, `/product/${ids.product}`)).status, 303);
  assert.equal((await c.post('/cart/add', { product_id: ids.product, quantity: 1 }, `/product/${ids.product}`)).status, 303);

  browser = await launchChromium();
  phone = await signedIn(PHONE);
});

after(async () => {
  await browser?.close();
});

// A page of a new context at viewport, signed in as the test member.
async function signedIn(viewport, options = {}) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', ...options });
  const page = await ctx.newPage();
  watchPage(page, `${viewport.width}px`, problems, { failStatus: 400, ignore: /\/favicon\.ico$/ });
  await memberSignIn(page, member, DEMO.password);
  return page;
}

// Every GET route of cgi/mall/main.c that renders a page (not /healthz, /lang, the qr.png, nor the GETs that
// only send back to the cart), with real ids.
const routes = () => [
  '/', '/categories', '/products', '/search?q=%E6%B4%97%E8%BD%A6', `/product/${ids.product}`, '/notices',
  `/notice/${ids.notice}`, '/activities', `/activity/${ids.activity}`, '/messages/public',
  '/account', '/account/password', '/cart', '/checkout', '/orders', `/order/${ids.completed}`, `/order/${ids.pending}/pay`,
  `/order/${ids.paid}/done`, `/order/${ids.pending}/cancel`, '/points', '/addresses', '/addresses/new',
  `/address/${ids.address}/edit`, `/address/${ids.address}/delete`, '/favorites', '/messages', '/consultations',
  `/review/new?item=${ids.item}`, '/reviews', '/inbox', '/vouchers', `/voucher/${ids.voucher}`, '/card',
  `/card/receipt/${ids.receipt}`,
];
// Pages a visitor sees (signed-in members are sent on from these).
const visitorRoutes = ['/login', '/register', '/forgot'];

async function go(page, path) {
  const res = await page.goto(ORIGIN + path);
  assert.equal(res.status(), 200, `${path} answered ${res.status()}`);
}
// How far the page reaches beyond the window, in CSS pixels (0: no horizontal scroll).
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
// The elements sticking out on the right (for the failure message).
const culprits = (page) => page.evaluate(() => [...document.querySelectorAll('body *')]
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.sr-only, [hidden]'))
  .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`));

test('no page of the mall scrolls sideways on a 360 px phone', async () => {
  const wide = [];
  for (const path of routes()) {
    await go(phone, path);
    const over = await overflow(phone);
    if (over > 0) wide.push(`${path}: ${over}px too wide (${(await culprits(phone)).join(', ')})`);
  }
  const visitor = await browser.newPage({ viewport: PHONE, locale: 'zh-CN' });
  for (const path of visitorRoutes) {
    await go(visitor, path);
    const over = await overflow(visitor);
    if (over > 0) wide.push(`${path}: ${over}px too wide (${(await culprits(visitor)).join(', ')})`);
  }
  await visitor.close();
  assert.deepEqual(wide, []);
  assert.deepEqual(problems, []);
});

// axe-core's serious and critical findings on the page now → ["rule: target …"].
async function axeFindings(page) {
  // Evaluated over the DevTools protocol, not as a <script>: the mall's CSP allows no inline script.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe-core finds nothing serious or critical on any page on a phone, nor on the main pages on a desktop', async () => {
  const main = ['/', '/products', `/product/${ids.product}`, '/search?q=%E6%B4%97%E8%BD%A6', '/cart', '/checkout',
    '/account', '/points', '/card', '/orders', `/order/${ids.completed}`];
  const desktop = await signedIn(DESKTOP);
  const visitor = await browser.newPage({ viewport: PHONE, locale: 'zh-CN' });
  const found = [];
  for (const [page, paths] of [[phone, routes()], [desktop, main], [visitor, visitorRoutes]]) {
    for (const path of paths) {
      await go(page, path);
      for (const f of await axeFindings(page)) found.push(`${page.viewportSize().width}px ${path} ${f}`);
    }
  }
  await desktop.context().close();
  await visitor.close();
  assert.deepEqual(found, []);
});

// The box of the first visible element matching selector, in CSS pixels of the window.
const box = async (page, selector) => {
  const el = page.locator(selector).locator('visible=true').first();
  await el.waitFor();
  return el.boundingBox();
};
// Is selector drawn inside the window at the moment (not scrolled away)?
const onScreen = async (page, selector) => {
  const b = await box(page, selector);
  return b.y >= 0 && b.y + b.height <= page.viewportSize().height + 0.5 && b.x >= 0 && b.x + b.width <= page.viewportSize().width + 0.5;
};
const tabs = (page) => page.locator('nav.tabbar a').allInnerTexts();

test('a phone gets the tab bar with the cart count, the sticky buy and totals bars, the card QR and the category rail', async (t) => {
  await t.test('tab bar: 首页 · 分类 · 购物车 · 我的, the cart count, the current tab', async () => {
    await go(phone, '/');
    assert.ok(await phone.locator('nav.tabbar').isVisible());
    assert.deepEqual((await tabs(phone)).map((s) => s.replace(/\s+/g, ' ').trim()), ['首页', '分类', '购物车 1 件商品', '我的']);
    assert.equal(await phone.locator('nav.tabbar a[aria-current=page]').innerText(), '首页');
    assert.ok(await onScreen(phone, 'nav.tabbar'), 'the tab bar is on screen at the top of the page');
    await phone.mouse.wheel(0, 3000);
    await phone.waitForFunction(() => window.scrollY > 1000);
    assert.ok(await onScreen(phone, 'nav.tabbar'), 'and after scrolling down');
    const b = await box(phone, 'nav.tabbar');
    assert.ok(b.y + b.height > PHONE.height - 2, 'at the bottom of the screen');
    await Promise.all([phone.waitForURL(/\/categories$/), phone.locator('nav.tabbar a', { hasText: '分类' }).click()]);
    assert.equal(await phone.locator('nav.tabbar a[aria-current=page]').innerText(), '分类');
  });

  await t.test('the wide screen keeps its header and has no tab bar', async () => {
    const desktop = await signedIn(DESKTOP);
    await go(desktop, '/');
    assert.equal(await desktop.locator('nav.tabbar').isVisible(), false);
    assert.ok(await desktop.locator('.site-header .header-cart').isVisible());
    assert.match(await desktop.locator('.site-header .header-cart').innerText(), /购物车\s*1/);
    await desktop.context().close();
  });

  await t.test('category page: a rail of the top categories beside their sub-categories', async () => {
    await go(phone, '/categories');
    const rail = await box(phone, 'nav.cat-rail');
    const grid = await box(phone, '.cat-tree');
    assert.ok(rail.x + rail.width <= grid.x + 1, 'the rail is left of the groups');
    const last = phone.locator('nav.cat-rail a').last();
    const target = await last.getAttribute('href');
    await last.click();
    assert.ok(await onScreen(phone, `${target} h2`), 'the rail jumps to the group');
  });

  await t.test('product page: favourite, add to cart and redeem now stay at the bottom in place of the tab bar', async () => {
    await go(phone, `/product/${ids.product}`);
    assert.equal(await phone.locator('nav.tabbar').isVisible(), false);
    for (const y of [0, 2000]) {
      await phone.evaluate((top) => window.scrollTo(0, top), y);
      for (const sel of ['.buy-form button:has-text("加入购物车")', '.buy-form button:has-text("立即兑换")', '.fav-form button']) {
        assert.ok(await onScreen(phone, sel), `${sel} on screen when scrolled to ${y}`);
        const b = await box(phone, sel);
        assert.ok(b.y > PHONE.height - 80, `${sel} in the bottom bar`);
      }
    }
    const qty = await box(phone, '#qty');
    assert.ok(qty.width > 40, 'the quantity stays in the page');
  });

  await t.test('cart: the totals bar stays on screen above the tab bar', async () => {
    await go(phone, '/cart');
    assert.ok(await onScreen(phone, '.cart-bar .cart-total'));
    const bar = await box(phone, '.cart-bar');
    const tab = await box(phone, 'nav.tabbar');
    assert.ok(bar.y + bar.height <= tab.y + 1, 'not under the tab bar');
    assert.ok(await onScreen(phone, '.cart-bar a[href="/checkout"]'));
  });

  await t.test('checkout: the total and the submit button stay at the bottom of the screen', async () => {
    await go(phone, '/checkout');
    await phone.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await onScreen(phone, '.checkout-sum button[type=submit]'), 'the submit button is reachable without scrolling');
    assert.ok(await onScreen(phone, '.checkout-sum .sum-total'));
  });

  await t.test('member card: the QR is large and on the first screen', async () => {
    await go(phone, '/card');
    assert.ok(await onScreen(phone, '.member-card-qr svg'));
    const qr = await box(phone, '.member-card-qr svg');
    assert.ok(qr.width >= 240, `the QR is ${qr.width}px wide`);
    assert.ok(await onScreen(phone, '#card-no'), 'the card number too, for a till that types it');
  });

  await t.test('without JavaScript: adding to the cart from the sticky bar works and counts', async () => {
    const nojs = await signedIn(PHONE, { javaScriptEnabled: false });
    const other = first(`SELECT id FROM products WHERE on_shelf = 1 AND type = 'physical' AND stock > 20 AND per_member_limit = 0 AND id <> ${ids.product} ORDER BY id LIMIT 1`);
    await go(nojs, `/product/${other}`);
    await Promise.all([nojs.waitForURL(/\/cart/), nojs.locator('.buy-form button:has-text("加入购物车")').click()]);
    assert.match(await nojs.locator('nav.tabbar a[href="/cart"]').innerText(), /购物车\s*2/);
    await nojs.context().close();
  });
  assert.deepEqual(problems, []);
});

// Tabs through the page from the top (at most 100 stops) → what each stop was, or why it is a problem: drawn nowhere,
// no focus indicator, or hidden under something else (the bars stuck to the bottom).
async function tabStops(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const stops = [];
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 16)}"`;
      const r = e.getBoundingClientRect();
      if (!r.width || !r.height) return `${name} NOT DRAWN`;
      const s = getComputedStyle(e);
      // A date field's focus is on the part being typed (year, month, day), which Chromium highlights itself; the
      // field's own :focus does not always match in headless Chromium then.
      const ring = e.type === 'date' || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' ||
        (e.closest('.search-box') && getComputedStyle(e.closest('.search-box')).boxShadow !== 'none');
      if (!ring) return `${name} NO FOCUS INDICATOR`;
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (top && !(top === e || e.contains(top) || top.contains(e))) return `${name} UNDER ${top.tagName.toLowerCase()}.${top.className}`;
      return name;
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

test('on a phone the keyboard reaches everything in reading order, each stop visible and never under a bar', async () => {
  const bad = [];
  for (const path of [`/product/${ids.product}`, '/cart', '/checkout', '/categories', '/card', '/points']) {
    await go(phone, path);
    const stops = await tabStops(phone);
    assert.ok(stops.length > 10, `${path}: ${stops.length} stops`);
    for (const s of stops) if (/ (NOT DRAWN|NO FOCUS INDICATOR|UNDER )/.test(s)) bad.push(`${path}: ${s}`);
    if (path.startsWith('/product/')) {
      const at = (re) => stops.findIndex((s) => re.test(s));
      const order = [at(/^input#qty /), at(/加入购物车/), at(/立即兑换/), at(/收藏/)];
      assert.ok(order.every((n, i) => n > 0 && (i === 0 || n === order[i - 1] + 1)), `quantity, add to cart, redeem, favourite in a row: ${stops.join(' | ')}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('screenshots of home, product, cart, card and points (and categories, checkout) at 360 and 1280 px', async () => {
  // On the phone: what the first screen shows, and the whole page (fixed bars are drawn where the window ends).
  const desktop = await signedIn(DESKTOP);
  for (const [name, path] of [['home', '/'], ['product', `/product/${ids.product}`], ['cart', '/cart'], ['card', '/card'],
    ['points', '/points'], ['categories', '/categories'], ['checkout', '/checkout']]) {
    await go(phone, path);
    await phone.screenshot({ path: join(SHOTS, `mobile-${name}-360.png`) });
    await phone.screenshot({ path: join(SHOTS, `mobile-${name}-360-full.png`), fullPage: true });
    await go(desktop, path);
    await desktop.screenshot({ path: join(SHOTS, `mobile-${name}-1280.png`), fullPage: true });
  }
  await desktop.context().close();
});
