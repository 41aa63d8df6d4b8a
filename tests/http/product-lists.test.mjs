// product-lists.test.mjs: sold-out products come last in every product list (each sort, category pages, search) and
// "in stock only" leaves them out; a refused quantity is told on the product page, next to its field
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql } from './lib/stack.mjs';
import { Client, fieldError, flash } from './lib/client.mjs';
import { signedInMember } from './lib/members.mjs';
import { makeProduct } from './lib/shop.mjs';

// The product ids of a list page's cards, in page order.
const cards = (html) => [...html.matchAll(/class="product-card[^"]*">\s*<a class="product-link" href="\/product\/(\d+)"/g)].map((m) => Number(m[1]));
const get = (p) => new Client().get(p);

// A category of its own with three products: a sold-out best seller (newest, most viewed, cheapest) and two in stock.
function listFixture() {
  const word = `排序${randomInt(1e6)}`;
  sql(`INSERT INTO categories (name_zh, name_en) VALUES ('${word}', '')`);
  const cat = Number(sql('SELECT MAX(id) FROM categories'));
  const mk = (points, stock, sales, views, age) => {
    const id = makeProduct({ points, stock, name: `${word} 商品` });
    sql(`UPDATE products SET category_id = ${cat}, sales = ${sales}, views = ${views}, created_at = NOW() - INTERVAL ${age} DAY WHERE id = ${id}`);
    return id;
  };
  const soldOut = mk(10, 0, 9999, 9999, 0);
  const a = mk(300, 5, 50, 50, 2);
  const b = mk(200, 5, 20, 20, 1);
  return { word, cat, soldOut, a, b };
}

test('sold-out products come last in every sort of a category list, and "in stock only" leaves them out', async () => {
  const f = listFixture();
  const want = {
    '': [f.a, f.b, f.soldOut], // sales
    points_asc: [f.b, f.a, f.soldOut],
    points_desc: [f.a, f.b, f.soldOut],
    views: [f.a, f.b, f.soldOut],
    newest: [f.b, f.a, f.soldOut],
  };
  for (const [sort, order] of Object.entries(want)) {
    const url = `/products?cat=${f.cat}${sort ? `&sort=${sort}` : ''}`;
    const r = await get(url);
    assert.equal(r.status, 200, url);
    assert.deepEqual(cards(r.html), order, `${url}: sold-out last`);
    const only = await get(`${url}&instock=1`);
    assert.equal(only.status, 200);
    assert.deepEqual(cards(only.html), order.filter((id) => id !== f.soldOut), `${url}&instock=1`);
    assert.match(only.html, /class="result-count">[^<]*<strong>2<\/strong>/, 'the count leaves the sold-out one out too');
    assert.match(only.html, /class="instock-switch active"[^>]*aria-current="true"/, 'the switch shows it is on');
  }
  // The switch is a link that keeps the other filters; the links of the page keep the switch.
  const page = await get(`/products?cat=${f.cat}&sort=points_asc`);
  assert.match(page.html, new RegExp(`class="instock-switch" href="/products\\?cat=${f.cat}&amp;sort=points_asc&amp;instock=1"`));
  assert.match(page.html, /仅看有货/);
  const on = await get(`/products?cat=${f.cat}&instock=1`);
  assert.match(on.html, new RegExp(`href="/products\\?cat=${f.cat}&amp;instock=1&amp;sort=points_asc"`), "sort links keep it");
  assert.match(on.html, /name="instock" value="1"/, 'the points form keeps it');
  assert.equal((await get('/products?instock=2')).status, 400, 'only instock=1 is a value');
  assert.equal((await get('/products?instock=1&instock=1')).status, 400, 'not repeated');
});

test('the default product list and search put sold-out products after every product in stock', async () => {
  const f = listFixture();
  // The whole default list, page by page: once a sold-out card shows, no card in stock follows.
  const stock = new Map(sql('SELECT id, stock FROM products WHERE on_shelf = 1').split('\n').map((l) => l.split('\t').map(Number)));
  let seenSoldOut = false;
  for (let page = 1; page < 50; page++) {
    const ids = cards((await get(`/products?page=${page}`)).html);
    if (!ids.length) break;
    for (const id of ids) {
      if (stock.get(id) === 0) seenSoldOut = true;
      else assert.ok(!seenSoldOut, `in-stock product ${id} after a sold-out one (page ${page})`);
    }
  }
  assert.ok(seenSoldOut, 'the default list still shows sold-out products');

  const r = await get(`/search?q=${encodeURIComponent(f.word)}`);
  assert.equal(r.status, 200);
  assert.deepEqual(cards(r.html).slice(-1), [f.soldOut], 'search: the sold-out best seller comes last');
  assert.equal(cards(r.html).length, 3);
  const only = await get(`/search?q=${encodeURIComponent(f.word)}&instock=1`);
  assert.deepEqual(cards(only.html).sort(), [f.a, f.b].sort());
  assert.match(only.html, /class="instock-switch active"/);
  assert.match(only.html, /name="instock" value="1"/, 'a new search keeps the switch');
});

test('a kept search ranking pages without skips or repeats, and a product selling out moves it at once', async () => {
  const word = `分页${randomInt(1e6)}`;
  const ids = Array.from({ length: 25 }, (_, i) => {
    const id = makeProduct({ stock: 5, name: `${word} 商品` });
    sql(`UPDATE products SET sales = ${100 - i} WHERE id = ${id}`);
    return id;
  });
  sql(`UPDATE product_search SET rank_sales = (SELECT sales FROM products WHERE id = product_id) WHERE product_id IN (${ids.join(',')})`);
  // Every request below misses the page cache (nc=): each page is read from the ranking kept for the query.
  const page = async (n) => cards((await get(`/search?q=${encodeURIComponent(word)}&page=${n}&nc=${randomInt(1e9)}`)).html);
  const p1 = await page(1), p2 = await page(2);
  assert.equal(p1.length, 20);
  assert.equal(p2.length, 5);
  assert.deepEqual([...p1, ...p2].sort(), [...ids].sort(), 'every match once');
  assert.deepEqual([...p1, ...p2], ids, 'best sellers first (equal scores)');
  // Every FastCGI process keeps the ranking (several views of page 1)…
  for (let i = 0; i < 8; i++) assert.deepEqual(await page(1), ids.slice(0, 20));
  // … then the best seller sells out: the next views put it last, not where the kept rankings had it.
  // (as a sale would: no cache is flushed — the list's refresh must notice)
  sql(`UPDATE products SET stock = 0, initial_stock = 0 WHERE id = ${ids[0]}`, { flush: false });
  for (let i = 0; i < 8; i++) assert.deepEqual(await page(1), ids.slice(1, 21), `sold out: not first (view ${i + 1})`);
  assert.deepEqual(await page(2), [...ids.slice(21), ids[0]], 'sold out: last');
  const only = cards((await get(`/search?q=${encodeURIComponent(word)}&instock=1&page=2&nc=${randomInt(1e9)}`)).html);
  assert.deepEqual(only, ids.slice(21), '"in stock only" leaves it out');
});

test('kept list counts follow a sale: "in stock only" counts one less at once', async () => {
  const f = listFixture();
  const url = () => `/products?cat=${f.cat}&instock=1&nc=${randomInt(1e9)}`;
  const count = (html) => (html.match(/class="result-count">[^<]*<strong>(\d+)<\/strong>/) || [])[1];
  for (let i = 0; i < 8; i++) assert.equal(count((await get(url())).html), '2'); // every process keeps the counts
  sql(`UPDATE products SET stock = 0, initial_stock = 0 WHERE id = ${f.a}`, { flush: false }); // as a sale would: no flush
  for (let i = 0; i < 8; i++) {
    const r = await get(url());
    assert.equal(count(r.html), '1', `view ${i + 1}`);
    assert.deepEqual(cards(r.html), [f.b]);
  }
});

test('a refused quantity comes back on the product page, under the field that keeps it; nothing is written', async () => {
  const { c, id } = await signedInMember(100000);
  const p = makeProduct({ stock: 5, limit: 3 });
  const cases = [['0', 400, '数量无效:请输入 1 到 3 之间的整数。'], ['-1', 400, '数量无效:请输入 1 到 3 之间的整数。'],
    ['99999', 400, '数量无效:请输入 1 到 3 之间的整数。'], ['abc', 400, '数量无效:请输入 1 到 3 之间的整数。'],
    ['4', 400, '数量无效:请输入 1 到 3 之间的整数。']];
  for (const action of ['/cart/add', '/checkout/now']) {
    for (const [qty, status, msg] of cases) {
      const r = await c.post(action, { product_id: p, quantity: qty }, `/product/${p}`);
      assert.equal(r.status, status, `${action} quantity=${qty}`);
      assert.equal(fieldError(r.html, 'quantity'), msg, `${action} quantity=${qty}`);
      assert.match(r.html, new RegExp(`<input id="qty"[^>]* value="${qty}"[^>]*aria-invalid="true" aria-describedby="e-quantity"`), `the field keeps what was typed (${action} ${qty})`);
      assert.match(r.html, /class="buy-form"/, 'the product page, with its buy form');
      assert.equal(flash(r.html), undefined, 'one message, by the field');
      assert.match(r.html, new RegExp(`href="/lang\\?to=en&amp;next=%2Fproduct%2F${p}"`), 'the language switch returns to the product');
    }
  }
  // Over the per-member limit after buying some, and sold out: 409, on the product page.
  assert.equal((await c.post('/cart/add', { product_id: p, quantity: 3 })).status, 303);
  let r = await c.post('/cart/add', { product_id: p, quantity: 1 }, `/product/${p}`);
  assert.equal(r.status, 409);
  assert.match(fieldError(r.html, 'quantity'), /最大数量\(3 件\)/);
  const gone = makeProduct({ stock: 0 });
  for (const action of ['/cart/add', '/checkout/now']) {
    r = await c.post(action, { product_id: gone, quantity: 1 });
    assert.equal(r.status, 409, action);
    assert.equal(fieldError(r.html, 'quantity'), '很抱歉,该商品已售罄,暂时无法兑换。');
  }
  assert.equal(sql(`SELECT COALESCE(SUM(quantity), 0) FROM cart_items WHERE member_id = ${id}`), '3', 'only the one good add');
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE member_id = ${id}`), '0');
  // English too.
  c.jar.set('lang', 'en');
  const p2 = makeProduct({ stock: 2 });
  r = await c.post('/cart/add', { product_id: p2, quantity: 'x' }, `/product/${p2}`);
  assert.equal(r.status, 400);
  assert.match(fieldError(r.html, 'quantity'), /\b1\b.*\b2\b/);
  assert.doesNotMatch(fieldError(r.html, 'quantity'), /[\u4e00-\u9fff]/, 'in English');
});

test('deep numbered pages (kept anchors) show the reference query\'s rows in every sort, view after view, and follow the list when its order moves', async () => {
  // A category of its own with 170 products on the shelf (9 pages; pages 6 to 9 start from a kept anchor), every
  // sort key with ties, a tenth sold out.
  const word = `深页${randomInt(1e6)}`;
  sql(`INSERT INTO categories (name_zh, name_en) VALUES ('${word}', '')`);
  const cat = Number(sql(`SELECT id FROM categories WHERE name_zh = '${word}'`));
  sql(`INSERT INTO products (type, category_id, name_zh, name_en, description_zh, description_en, points_price, stock,
         initial_stock, sales, views, on_shelf, created_at)
       SELECT 'virtual', ${cat}, CONCAT('${word}-', seq), '', '', '', 100 + seq % 37, IF(seq % 10 = 0, 0, 5),
         IF(seq % 10 = 0, 0, 5), seq % 23, seq % 19, 1, NOW() - INTERVAL seq % 29 DAY
       FROM seq_1_to_170`, { flush: false });
  const sorts = {
    '': 'sales DESC, id DESC',
    points_asc: 'points_price ASC, id ASC',
    points_desc: 'points_price DESC, id DESC',
    views: 'views DESC, id DESC',
    newest: 'created_at DESC, id DESC',
  };
  const reference = (order, where = '') => sql(`SELECT id FROM products WHERE category_id = ${cat} AND on_shelf = 1 ${where}
    ORDER BY in_stock DESC, ${order}`).split('\n').map(Number);
  const page = async (query, n) => {
    const r = await get(`/products?cat=${cat}${query}&page=${n}&nc=${randomInt(1e9)}`);
    assert.equal(r.status, 200);
    return cards(r.html);
  };
  const check = async (label) => {
    for (const [sort, order] of Object.entries(sorts)) {
      const want = reference(order);
      assert.equal(want.length, 170);
      const query = sort ? `&sort=${sort}` : '';
      // Each deep page several times: every FastCGI process reads it once from the offset, then from its anchor.
      for (let n = 6; n <= 9; n++)
        for (let view = 0; view < 6; view++)
          assert.deepEqual(await page(query, n), want.slice((n - 1) * 20, n * 20), `${label}: sort ${sort || 'sales'} page ${n}`);
      const only = reference(order, 'AND stock > 0');
      assert.deepEqual(await page(`${query}&instock=1`, 7), only.slice(120, 140), `${label}: ${sort} in stock only`);
    }
  };
  await check('as loaded');
  // The best sellers' order moves (as sales would: no cache is flushed; the list's refresh must notice): a product
  // from page 8 jumps to the top, one from page 2 sells out. Pages kept from before would now start a card late.
  const byDefault = reference(sorts['']);
  sql(`UPDATE products SET sales = 1000, views = 1000, points_price = 1, created_at = NOW() + INTERVAL 1 DAY
       WHERE id = ${byDefault[150]}; UPDATE products SET stock = 0 WHERE id = ${byDefault[30]}`, { flush: false });
  await check('after the order moved');
  sql(`DELETE FROM products WHERE category_id = ${cat}; DELETE FROM categories WHERE id = ${cat}`);
});
