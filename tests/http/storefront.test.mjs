// storefront.test.mjs: S1–S8 storefront pages — content, filters, bad input, escaping, search, language, headers
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN, sql } from './lib/stack.mjs';

async function get(path, { lang, headers = {} } = {}) {
  const h = { ...headers };
  if (lang) h.cookie = `lang=${lang}`;
  const res = await fetch(ORIGIN + path, { headers: h, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

// Every page, error pages included, is wrapped in the layout.
function assertLayout(text) {
  assert.match(text, /class="site-header"/, 'layout header');
  assert.match(text, /href="\/lang\?to=/, 'language switch');
  assert.match(text, /class="site-footer"/, 'layout footer');
}

function assertNoSqlLeak(text) {
  assert.doesNotMatch(text, /SQL syntax|mysql|mariadb|MATCH\(|Traceback|NEOERR|DatabaseError/i);
}

const ids = (text, re) => [...text.matchAll(re)].map((m) => m[1]);
const productIds = (text) => ids(text, /href="\/product\/(\d+)"/g);
const cardPoints = (text) => ids(text, /<strong class="points">(\d+)<\/strong>/g).map(Number);

test('home page shows the storefront sections and the anonymous header', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assertLayout(r.text);
  assert.match(r.text, /积分商城/);
  for (const href of ['/categories', '/products', '/activities', '/notices', '/login', '/register'])
    assert.ok(r.text.includes(`href="${href}"`), `link to ${href}`);
  assert.match(r.text, /<form class="search-box" method="get" action="\/search"/);
  assert.match(r.text, /热门兑换/);
  assert.match(r.text, /新品上架/);
  assert.ok(productIds(r.text).length > 0, 'hot/new products are listed');
  assert.doesNotMatch(r.text, /action="\/logout"/, 'no logout form for visitors');
});

test('security headers are present on storefront pages', async () => {
  for (const path of ['/', '/products', '/product/999999999', '/search?q=x']) {
    const r = await get(path);
    assert.match(r.headers.get('content-security-policy') || '', /default-src 'self'/, path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
  }
});

test('categories page lists a two-level tree linking to product lists', async () => {
  const r = await get('/categories');
  assert.equal(r.status, 200);
  assertLayout(r.text);
  const cats = ids(r.text, /href="\/products\?cat=(\d+)"/g);
  assert.ok(cats.length > 0, 'categories link to /products?cat=');
  const list = await get(`/products?cat=${cats[0]}`);
  assert.equal(list.status, 200);
  assert.match(list.text, /class="breadcrumb"/);
});

test('product list: cards, sort orders, points range and pagination keep the filters', async () => {
  const r = await get('/products');
  assert.equal(r.status, 200);
  assert.ok(productIds(r.text).length > 0 && productIds(r.text).length <= 20, '1–20 cards per page');

  const asc = cardPoints((await get('/products?sort=points_asc')).text);
  assert.ok(asc.length > 1);
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b), 'points ascending');
  const desc = cardPoints((await get('/products?sort=points_desc')).text);
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a), 'points descending');

  const lo = asc[0], hi = asc[Math.floor(asc.length / 2)];
  const ranged = await get(`/products?min=${lo}&max=${hi}&sort=points_asc`);
  assert.equal(ranged.status, 200);
  const pts = cardPoints(ranged.text);
  assert.ok(pts.length > 0);
  assert.ok(pts.every((p) => p >= lo && p <= hi), 'every card inside the points range');

  const total = Number((r.text.match(/class="result-count">[^<]*<strong>(\d+)<\/strong>/) || [])[1]);
  assert.ok(total > 0, 'the total count is shown');
  if (total > 20) {
    const p2 = await get('/products?sort=points_desc&page=2');
    assert.equal(p2.status, 200);
    assert.match(p2.text, /class="pagination"/);
    assert.match(p2.text, /href="\/products\?sort=points_desc&amp;page=1"/, 'pager links keep the sort');
    const first = new Set(productIds((await get('/products?sort=points_desc')).text));
    assert.ok(productIds(p2.text).some((id) => !first.has(id)), 'page 2 shows other products');
  }
  const far = await get('/products?page=99999');
  assert.equal(far.status, 200);
  assert.match(far.text, /class="empty-state"/);
  assert.equal(productIds(far.text.split('class="empty-state"')[1] || '').length, 0);
});

test('home page: the brand wall shows the first 16 brands in the back office\'s order, and "more" leads to every brand', async () => {
  const order = sql('SELECT id FROM brands ORDER BY sort, id').split('\n').filter(Boolean);
  assert.ok(order.length > 16, `the demo data has more than 16 brands (${order.length})`);
  const r = await get(`/?nc=${Date.now()}`);
  const wall = r.text.split('class="brand-wall"')[1].split('</ul>')[0];
  assert.deepEqual(ids(wall, /href="\/products\?brand=(\d+)"/g), order.slice(0, 16));
  assert.match(r.text, /<h2>精选品牌<\/h2><a href="\/products\?brands=all">更多 ›<\/a>/);
});

test('product list: the brand row shows the first 12 brands and "more brands"; brands=all shows every one; a chosen brand past them shows first, active', async () => {
  // The brands as the back office orders them (sort, id): the row shows the first 12 of this order.
  const order = sql('SELECT id FROM brands ORDER BY sort, id').split('\n').filter(Boolean);
  assert.ok(order.length > 13, `the demo data has more than 13 brands (${order.length})`);
  const chips = (text) => ids(text.split('class="filter-label">品牌')[1].split('</ul>')[0], /brand=(\d+)"/g);
  const first = await get('/products');
  assert.deepEqual(chips(first.text), order.slice(0, 12), 'the first 12 brands, in order');
  assert.ok(first.text.includes(`<a class="chip chip-more" href="/products?brands=all">更多品牌 (${order.length - 12})</a>`),
    'a "more brands" chip counting the rest');
  const all = await get('/products?brands=all');
  assert.equal(all.status, 200);
  assert.deepEqual(chips(all.text), order, 'brands=all: every brand');
  assert.ok(all.text.includes('<a class="chip chip-more" href="/products?">收起品牌</a>'), 'and a chip to fold them again');
  const last = order[order.length - 1];
  const chosen = await get(`/products?brand=${last}&sort=points_asc`);
  assert.equal(chosen.status, 200);
  assert.deepEqual(chips(chosen.text), [last, ...order.slice(0, 12)], 'the chosen brand first (seen on a phone\'s scrolling row), then the 12');
  assert.match(chosen.text, new RegExp(`<a class="chip active" href="/products\\?sort=points_asc&amp;brand=${last}">`));
  assert.ok(chosen.text.includes(`href="/products?brand=${last}&amp;sort=points_asc&amp;brands=all"`), 'more brands keeps the filters');
  const shown = await get(`/products?brand=${order[3]}`);
  assert.deepEqual(chips(shown.text), order.slice(0, 12), 'a chosen brand among the 12 is not repeated');
  assert.equal((await get('/products?brands=some')).status, 400);
  const en = await get('/products', { lang: 'en' });
  assert.match(en.text, /More brands \(\d+\)/);
});

test('product list: invalid parameters get a friendly 400 page, never a 500', async () => {
  const bad = ['-1', '1' + '0'.repeat(30), 'abc', '1.5', '0x10', ' 1'];
  for (const name of ['cat', 'brand', 'min', 'max', 'page']) {
    for (const v of bad) {
      const r = await get(`/products?${name}=${encodeURIComponent(v)}`);
      assert.equal(r.status, 400, `${name}=${v}`);
      assertLayout(r.text);
      assert.match(r.text, /请求有误/);
      assertNoSqlLeak(r.text);
    }
    const rep = await get(`/products?${name}=1&${name}=2`);
    assert.equal(rep.status, 400, `repeated ${name}`);
  }
  for (const q of ['sort=bogus', 'sort=', 'min=500&max=100']) {
    const r = await get(`/products?${q}`);
    assert.ok(q === 'sort=' ? r.status === 200 : r.status === 400, `${q} → ${r.status}`);
    assertLayout(r.text);
  }
  assert.match((await get('/products?min=500&max=100')).text, /最低积分不能大于最高积分/);
  // empty optional filters are simply ignored (an empty price form must work)
  assert.equal((await get('/products?cat=&brand=&min=&max=&page=')).status, 200);
  const unknown = await get('/products?cat=2147483000');
  assert.equal(unknown.status, 404);
  assertLayout(unknown.text);
  assert.equal((await get('/products?brand=2147483000')).status, 404);
});

test('product detail shows price, stock, forms with CSRF field, reviews and Q&A; unknown ids are 404', async () => {
  const list = await get('/products');
  const id = productIds(list.text)[0];
  const r = await get(`/product/${id}`);
  assert.equal(r.status, 200);
  assertLayout(r.text);
  assert.match(r.text, /class="product-title"/);
  assert.match(r.text, /class="price"><strong>\d+<\/strong>/);
  for (const action of ['/cart/add', '/favorites/add']) {
    const form = r.text.match(new RegExp(`<form[^>]*method="post" action="${action}"[\\s\\S]*?</form>`));
    assert.ok(form, `form posting to ${action}`);
    assert.match(form[0], /name="csrf"/);
    assert.match(form[0], new RegExp(`name="product_id" value="${id}"`));
  }
  assert.match(r.text, /formaction="\/checkout\/now"|type="button" disabled/);
  assert.match(r.text, /id="reviews"/);
  assert.match(r.text, /id="qa"/);
  for (const path of ['/product/999999999999', '/product/0', '/product/abc', `/product/${id}x`, `/product/${id}/x`]) {
    const nf = await get(path);
    assert.equal(nf.status, 404, path);
    assertLayout(nf.text);
    assert.match(nf.text, /页面不存在/);
  }
  for (const v of ['-1', '0', 'x', '1' + '0'.repeat(30)]) assert.equal((await get(`/product/${id}?rpage=${v}`)).status, 400, v);
  assert.equal((await get(`/product/${id}?rpage=999`)).status, 200);
});

test('search finds two-character Chinese words and English words, ranked, escaped', async () => {
  const r = await get('/search?q=' + encodeURIComponent('洗车'));
  assert.equal(r.status, 200);
  assert.match(r.text, /class="result-line"/, 'results for 洗车');
  assert.ok(productIds(r.text.split('class="result-line"')[1]).length > 0);

  // An English word taken from a real product's English name must find that product.
  const en = await get('/products?sort=newest', { lang: 'en' });
  // A demo product's (other test files add hundreds named "shop test", which outrank any one of them).
  const first = [...en.text.matchAll(/href="\/product\/(\d+)">[\s\S]*?class="product-name">([^<]+)</g)].find((m) => !/test/i.test(m[2]));
  assert.ok(first, 'an English product card');
  const word = first[2].split(/[^A-Za-z]+/).find((w) => w.length >= 4);
  if (word) {
    const s = await get('/search?q=' + encodeURIComponent(word.toLowerCase()), { lang: 'en' });
    assert.equal(s.status, 200);
    assert.ok(productIds(s.text).includes(first[1]), `searching "${word}" finds product ${first[1]}`);
  }

  const none = await get('/search?q=' + encodeURIComponent('zzqqxxnotaword'));
  assert.equal(none.status, 200);
  assert.match(none.text, /没有找到/);
  assert.ok(productIds(none.text).length > 0, 'hot products shown when nothing is found');
  const empty = await get('/search?q=');
  assert.equal(empty.status, 200);
  assert.ok(productIds(empty.text).length > 0, 'hot products on empty query');
});

test('user input comes back escaped, never raw', async () => {
  const evil = ['<script>alert(1)</script>', '"\'><img src=x onerror=alert(1)>'];
  for (const q of evil) {
    const r = await get('/search?q=' + encodeURIComponent(q));
    assert.equal(r.status, 200);
    assert.ok(!r.text.includes('<script>alert(1)'), 'no raw script');
    assert.ok(!r.text.includes('"\'><img'), 'no raw attribute break-out');
    assert.ok(!r.text.includes('<img src=x'), 'no raw tag');
  }
  assert.match((await get('/search?q=' + encodeURIComponent('<script>alert(1)</script>'))).text, /&lt;script&gt;alert\(1\)/);
  for (const path of ['/products?sort=%3Cscript%3Ealert(1)%3C/script%3E', '/activities?tab=%22%27%3E%3C', '/products?cat=%22%27%3E%3C']) {
    const r = await get(path);
    assert.equal(r.status, 400, path);
    assert.ok(!r.text.includes('<script>alert(1)') && !r.text.includes('"\'><'), path);
  }
});

test('quotes and SQL metacharacters are harmless', async () => {
  const inputs = ['\0', "' OR 1=1 --", '%', '_', '\\', "%' AND '1'='1", '"', '+-<>()~*@', 'a"b\\c', '——', '　'];
  for (const q of inputs) {
    for (const path of [`/search?q=${encodeURIComponent(q)}`, `/products?sort=${encodeURIComponent(q)}`,
      `/notices?page=${encodeURIComponent(q)}`, `/activities?tab=${encodeURIComponent(q)}`]) {
      const r = await get(path);
      assert.ok(r.status === 200 || r.status === 400, `${path} → ${r.status}`);
      assertNoSqlLeak(r.text);
    }
  }
  const total = Number((await get('/products')).text.match(/class="result-count">[^<]*<strong>(\d+)</)[1]);
  for (const q of ['%', '_', '*']) {
    const s = await get('/search?q=' + encodeURIComponent(q));
    const found = Number((s.text.match(/class="result-line">[^<]*<strong>(\d+)</) || [0, 0])[1]);
    assert.ok(found < total, `"${q}" is not a wildcard that matches everything (${found} of ${total})`);
  }
  const long = await get('/search?q=' + encodeURIComponent('洗'.repeat(300)));
  assert.equal(long.status, 400, 'an absurdly long query is refused');
  const tooLongButOk = await get('/search?q=' + encodeURIComponent('洗车'.repeat(40)));
  assert.equal(tooLongButOk.status, 200, 'a long query is cut, not refused');
});

test('notices: list, detail, 404 and bad page', async () => {
  const r = await get('/notices');
  assert.equal(r.status, 200);
  assertLayout(r.text);
  const id = ids(r.text, /href="\/notice\/(\d+)"/g)[0];
  if (id) {
    const d = await get(`/notice/${id}`);
    assert.equal(d.status, 200);
    assert.match(d.text, /class="card article"/);
  } else {
    assert.match(r.text, /class="empty-state"/);
  }
  assert.equal((await get('/notice/999999999')).status, 404);
  for (const v of ['-1', 'x', '1' + '0'.repeat(30)]) assert.equal((await get(`/notices?page=${v}`)).status, 400);
  assert.equal((await get('/notices?page=9999')).status, 200);
});

test('activities: tabs, detail with rules and products, 404 and invalid tab', async () => {
  for (const tab of ['ongoing', 'upcoming', 'past', 'all']) {
    const r = await get(`/activities?tab=${tab}`);
    assert.equal(r.status, 200, tab);
    assert.match(r.text, new RegExp(`class="active" href="/activities\\?tab=${tab}"`));
  }
  const def = await get('/activities');
  assert.match(def.text, /class="active" href="\/activities\?tab=ongoing"/, 'ongoing is the default tab');
  const all = await get('/activities?tab=all');
  const id = ids(all.text, /href="\/activity\/(\d+)"/g)[0];
  if (id) {
    const d = await get(`/activity/${id}`);
    assert.equal(d.status, 200);
    assert.match(d.text, /活动规则/);
  }
  assert.equal((await get('/activity/999999999')).status, 404);
  for (const q of ['tab=bogus', 'tab=ongoing&tab=past', 'tab=ONGOING', 'page=0']) {
    const r = await get(`/activities?${q}`);
    assert.equal(r.status, 400, q);
    assertLayout(r.text);
  }
});

test('lang=en cookie gives English UI strings on every page', async () => {
  const home = await get('/', { lang: 'en' });
  assert.equal(home.status, 200);
  assert.match(home.text, /<html lang="en">/);
  assert.match(home.text, /Points Mall/);
  assert.match(home.text, /Most redeemed/);
  assert.match(home.text, /href="\/lang\?to=zh-CN/);
  assert.doesNotMatch(home.text, /热门兑换|全部分类|积分商品/);
  const list = await get('/products', { lang: 'en' });
  assert.match(list.text, /Best selling/);
  const id = productIds(list.text)[0];
  const p = await get(`/product/${id}`, { lang: 'en' });
  assert.match(p.text, /Add to cart|Sold out/);
  assert.doesNotMatch(p.text, /加入购物车|立即兑换|商品详情/);
  assert.match((await get('/activities', { lang: 'en' })).text, /Ongoing/);
  assert.match((await get('/product/999999999', { lang: 'en' })).text, /Page not found/);
});

test('the language switch remembers the choice and returns to the page', async () => {
  const res = await fetch(`${ORIGIN}/lang?to=en&next=${encodeURIComponent('/products?sort=newest')}`, { redirect: 'manual' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/products?sort=newest');
  assert.match(res.headers.get('set-cookie') || '', /lang=en/);
});

test('a POST without a CSRF token is refused with 403', async () => {
  const res = await fetch(`${ORIGIN}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'mobile=13800138000&password=whatever123',
    redirect: 'manual',
  });
  assert.equal(res.status, 403);
});
