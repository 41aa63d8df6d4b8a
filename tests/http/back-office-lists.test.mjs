// back-office-lists.test.mjs: the back-office products, merchants and settlements lists and the merchant portal's
// vouchers and statements, walked page by page as their links lead (numbered pages, then ?after= keyset pages): every
// row once, in the order of a plain reference query, for each filter combination; counts exact or "1000+"; a row
// added while walking the keyset pages neither repeats nor hides a row. The rows made here keep every check-ledger
// invariant (other files run meanwhile), stay off the storefront, and are removed at the end of each test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, q } from './lib/stack.mjs';
import { adminClient } from './lib/admin.mjs';
import { makeMerchant, merchantClient, newMerchantClient } from './lib/merchants.mjs';
import { makeMembers, memberId } from './lib/members.mjs';

const unescape = (s) => s.replace(/&amp;/g, '&');
const rows = (sqlText) => { const out = sql(sqlText); return out ? out.split('\n') : []; };

// Follows the "next" links from url; attr names the row attribute (data-id, data-no, data-month) → { seen, keyset,
// pages, total } (total: the first page's #total or page-info text).
async function walk(c, url, attr, { between, re = new RegExp(`<tr ${attr}="([^"]+)"`, 'g') } = {}) {
  const seen = [];
  let keyset = 0, pages = 0, total = null;
  for (let next = url; next; pages++) {
    const r = await c.get(next);
    assert.equal(r.status, 200, next);
    if (pages === 0) total = (r.html.match(/id="total">([^<]+)</) || r.html.match(/class="page-info">([^ <]+)/) || [])[1] ?? null;
    seen.push(...[...r.html.matchAll(re)].map((m) => m[1]));
    const link = (r.html.match(/<a class="page-next" rel="next" href="([^"]+)"/) || [])[1];
    next = link ? unescape(link) : null;
    if (next && /[?&]after=/.test(next)) {
      keyset++;
      if (between && keyset === 1) await between(next);
    }
    assert.ok(pages < 200, 'the walk ends');
  }
  return { seen, keyset, pages, total };
}

const countText = (n) => (n > 1000 ? '1000+' : String(n));

test('admin products: every filter combination walks its rows once, newest first, numbered then keyset pages', async () => {
  const { c } = await adminClient('super');
  const t = randomInt(1e9);
  sql(`INSERT INTO categories (parent_id, name_zh) VALUES (NULL, 'bol-top-${t}')`);
  const top = Number(sql(`SELECT id FROM categories WHERE name_zh = 'bol-top-${t}'`));
  sql(`INSERT INTO categories (parent_id, name_zh) VALUES (${top}, 'bol-a-${t}'), (${top}, 'bol-b-${t}')`);
  const [a, b] = rows(`SELECT id FROM categories WHERE parent_id = ${top} ORDER BY id`).map(Number);
  sql(`INSERT INTO brands (name_zh) VALUES ('bol-brand-${t}')`);
  const brand = Number(sql(`SELECT id FROM brands WHERE name_zh = 'bol-brand-${t}'`));
  // Stock as initially stocked (I4); a tenth on the shelf (the storefront sees few of them).
  sql(`INSERT INTO products (type, category_id, brand_id, name_zh, name_en, description_zh, description_en, points_price,
         stock, initial_stock, on_shelf)
       SELECT ELT(seq % 3 + 1, 'physical', 'voucher', 'virtual'), IF(seq % 2, ${a}, ${b}), IF(seq % 3 = 0, ${brand}, NULL),
         CONCAT('bolq${t}-', seq), CONCAT('bolitem ', seq), '', '', 100, seq % 25, seq % 25, seq % 10 = 0
       FROM seq_1_to_450`);
  sql(`INSERT INTO product_search (product_id, on_shelf, title, body) SELECT id, on_shelf, CONCAT_WS(' ', name_zh, name_en), ''
       FROM products WHERE category_id IN (${a}, ${b})`);
  const cases = [
    [`cat=${top}`, `cat_root = ${top}`],
    [`cat=${a}`, `category_id = ${a}`],
    [`cat=${top}&brand=${brand}`, `cat_root = ${top} AND brand_id = ${brand}`],
    [`cat=${top}&low=1&shelf=on`, `cat_root = ${top} AND stock <= 10 AND on_shelf = 1`],
    [`cat=${b}&type=voucher&shelf=off`, `category_id = ${b} AND type = 'voucher' AND on_shelf = 0`],
    [`q=bolq${t}-1`, `name_zh LIKE 'bolq${t}-1%'`],
    [`cat=${top}&q=${encodeURIComponent('bolitem 4')}`, `cat_root = ${top} AND name_en LIKE '%bolitem 4%'`],
  ];
  let keysetSeen = 0;
  for (const [query, where] of cases) {
    const want = rows(`SELECT id FROM products WHERE ${where} ORDER BY id DESC`);
    assert.ok(want.length > 0, query);
    const got = await walk(c, `/admin/products?${query}`, 'data-id');
    assert.deepEqual(got.seen, want, query);
    assert.equal(got.total, countText(want.length), query);
    keysetSeen += got.keyset;
  }
  assert.ok(keysetSeen > 0, 'the subtree list reached its keyset pages');
  // A product added while walking the keyset pages is newer than every page: nothing repeats, nothing is hidden.
  const want = rows(`SELECT id FROM products WHERE cat_root = ${top} ORDER BY id DESC`);
  const got = await walk(c, `/admin/products?cat=${top}`, 'data-id', {
    between: () => sql(`INSERT INTO products (type, category_id, name_zh, name_en, description_zh, description_en,
      points_price, stock, initial_stock, on_shelf) VALUES ('virtual', ${a}, 'bolq${t}-new', '', '', '', 1, 1, 1, 0)`),
  });
  assert.deepEqual(got.seen, want);
  assert.equal((await c.get('/admin/products?after=x')).status, 400);
  sql(`DELETE s FROM product_search s JOIN products p ON p.id = s.product_id WHERE p.cat_root = ${top};
       DELETE FROM products WHERE cat_root = ${top}; DELETE FROM categories WHERE parent_id = ${top};
       DELETE FROM categories WHERE id = ${top}; DELETE FROM brands WHERE id = ${brand}`);
});

test('admin merchants and settlements: name and status/month filters walk every row once in list order', async () => {
  const { c } = await adminClient('super');
  const t = `bolm${randomInt(1e9)}`;
  sql(`INSERT INTO merchants (name, address, phone) SELECT CONCAT('${t}-', seq), 'x', '0' FROM seq_1_to_430`);
  const want = rows(`SELECT id FROM merchants WHERE name LIKE '${t}-%' ORDER BY id`);
  const got = await walk(c, `/admin/merchants?q=${t}`, 'data-id');
  assert.deepEqual(got.seen, want);
  assert.ok(got.keyset > 0, 'past the numbered pages');
  assert.equal(got.total, '430');
  const one = await walk(c, `/admin/merchants?q=${t}-43`, 'data-id');
  assert.deepEqual(one.seen, rows(`SELECT id FROM merchants WHERE name LIKE '${t}-43%' ORDER BY id`));

  // Statements of these merchants in two months far away; a month (and a status) list is month DESC, merchant id.
  const month = `20${40 + randomInt(50)}-0${1 + randomInt(8)}`;
  const [y, mo] = month.split('-').map(Number);
  const month2 = `${y}-${String(mo + 1).padStart(2, '0')}`;
  sql(`INSERT INTO settlements (merchant_id, month, status)
       SELECT m.id, ELT(s.seq, '${month}', '${month2}'), ELT((m.id + s.seq) % 3 + 1, 'draft', 'submitted', 'paid')
       FROM merchants m JOIN seq_1_to_2 s WHERE m.name LIKE '${t}-%'`);
  for (const [query, where] of [
    [`month=${month}`, `month = '${month}'`],
    [`month=${month2}&status=paid`, `month = '${month2}' AND status = 'paid'`],
    [`status=submitted&month=${month2}`, `status = 'submitted' AND month = '${month2}'`],
  ]) {
    const want2 = rows(`SELECT id FROM settlements WHERE ${where} ORDER BY month DESC, merchant_id`);
    const got2 = await walk(c, `/admin/settlements?${query}`, 'data-id');
    assert.deepEqual(got2.seen, want2, query);
    assert.equal(got2.total, countText(want2.length), query);
  }
  sql(`DELETE s FROM settlements s JOIN merchants m ON m.id = s.merchant_id WHERE m.name LIKE '${t}-%';
       DELETE FROM merchants WHERE name LIKE '${t}-%'`);
});

test('merchant portal: vouchers (ties on the time broken by id) and statements walk every row once', async () => {
  const m = makeMerchant('分页商户');
  const c = await newMerchantClient(m.id);
  const [mobile] = makeMembers(1, 0);
  const member = memberId(mobile);
  const no = `B${String(randomInt(1e9)).padStart(12, '0')}`;
  const tag = String(randomInt(1e6)).padStart(6, '0');
  // One paid order (no points: no spend) of one voucher item of 460 units, stock taken from a product of its own
  // (I3, I4, I5 hold throughout: one transaction). 450 vouchers of 2003, three issued in each minute; every third
  // redeemed by the staff account, two in each hour; every eighth issued one past its date.
  sql(`START TRANSACTION;
       INSERT INTO products (type, category_id, name_zh, name_en, description_zh, description_en, points_price, stock,
         initial_stock, on_shelf, merchant_id) SELECT 'voucher', MIN(id), 'bolv${tag}', '', '', '', 0, 40, 500, 0, ${m.id}
         FROM categories;
       SET @p = LAST_INSERT_ID();
       INSERT INTO orders (order_no, member_id, status, points_total, stock_taken) VALUES ('${no}', ${member}, 'paid', 0, 1);
       SET @o = LAST_INSERT_ID();
       INSERT INTO order_items (order_id, product_id, product_type, name, points_price, quantity)
         VALUES (@o, @p, 'voucher', 'bolv', 0, 460);
       SET @i = LAST_INSERT_ID();
       INSERT INTO vouchers (voucher_no, order_id, order_item_id, member_id, merchant_id, product_id, password_hash, status,
         valid_from, valid_to, points, settle_price_fen, redeemed_at, redeemed_by, created_at)
       SELECT CONCAT('V', '${tag}', LPAD(seq, 9, '0')), @o, @i, ${member}, ${m.id}, @p, 'x',
         ELT(seq % 3 + 1, 'issued', 'redeemed', 'expired'), '2003-01-01', IF(seq % 8 = 0, '2003-02-01', '2099-01-01'), 1, 1,
         IF(seq % 3 = 1, '2003-03-01' + INTERVAL seq DIV 6 HOUR, NULL), IF(seq % 3 = 1, ${m.staffId}, NULL),
         '2003-01-01' + INTERVAL seq DIV 3 MINUTE
       FROM seq_1_to_450;
       COMMIT`);
  const order = Number(sql(`SELECT id FROM orders WHERE order_no = '${no}'`));
  const item = Number(sql(`SELECT id FROM order_items WHERE order_id = ${order}`));
  const product = Number(sql(`SELECT product_id FROM order_items WHERE id = ${item}`));
  const shown = "IF(status = 'issued' AND valid_to < CURDATE(), 'expired', status)";
  for (const [query, where, order] of [
    ['', '1', 'created_at'],
    ['by=redeemed', '1', 'redeemed_at'],
    ['status=issued', `${shown} = 'issued'`, 'created_at'],
    ['status=expired&by=redeemed', `${shown} = 'expired'`, 'redeemed_at'],
    ['status=redeemed&by=redeemed&from=2003-03-02', `status = 'redeemed' AND redeemed_at >= '2003-03-02'`, 'redeemed_at'],
    ['from=2003-01-01&to=2003-01-01', `created_at >= '2003-01-01' AND created_at < '2003-01-02'`, 'created_at'],
  ]) {
    const want = rows(`SELECT voucher_no FROM vouchers WHERE merchant_id = ${m.id} AND ${where} ORDER BY ${order} DESC, id DESC`);
    assert.ok(want.length > 0, query);
    const got = await walk(c, `/merchant/orders?${query}`, 'data-no');
    assert.deepEqual(got.seen, want, query);
    assert.equal(got.total, countText(want.length), query);
    if (want.length > 400) assert.ok(got.keyset > 0, `${query}: past the numbered pages`);
  }
  // A voucher issued while the keyset pages are walked comes before them: it neither repeats a row nor hides one.
  const want = rows(`SELECT voucher_no FROM vouchers WHERE merchant_id = ${m.id} ORDER BY created_at DESC, id DESC`);
  const got = await walk(c, '/merchant/orders', 'data-no', {
    between: () => sql(`INSERT INTO vouchers (voucher_no, order_id, order_item_id, member_id, merchant_id, product_id,
      password_hash, valid_from, valid_to, points, settle_price_fen) VALUES ('W${tag}000000001', ${order}, ${item}, ${member},
      ${m.id}, ${product}, 'x', '2003-01-01', '2099-01-01', 1, 1)`),
  });
  assert.deepEqual(got.seen, want);
  // By redemption time: the voucher a keyset link names is redeemed before the link is followed. The link carries its
  // place (at=), so the walk goes on from there: nothing repeats, nothing is skipped.
  const byRedeemed = rows(`SELECT voucher_no FROM vouchers WHERE merchant_id = ${m.id}
    ORDER BY redeemed_at DESC, id DESC`);
  let moved = null;
  const walked = await walk(c, '/merchant/orders?by=redeemed', 'data-no', {
    between: (link) => {
      moved = Number(link.match(/[?&]after=(\d+)/)[1]);
      assert.match(link, /&at=0(&|$)/, 'a never-redeemed voucher: at=0');
      sql(`UPDATE vouchers SET status = 'redeemed', redeemed_at = NOW(), redeemed_by = ${m.staffId} WHERE id = ${moved}`);
    },
  });
  assert.ok(moved);
  assert.deepEqual(walked.seen, byRedeemed);
  // Another merchant's voucher is no cursor here.
  const other = Number(sql(`SELECT MIN(id) FROM vouchers WHERE merchant_id <> ${m.id}`));
  if (other) assert.doesNotMatch((await c.get(`/merchant/orders?after=${other}`)).html, /<tr data-no=/);

  // 430 monthly statements (1950 on: no test settles those months): numbered pages, then the month cursor.
  sql(`INSERT INTO settlements (merchant_id, month, status)
       SELECT ${m.id}, DATE_FORMAT('1950-01-01' + INTERVAL seq MONTH, '%Y-%m'), 'paid' FROM seq_0_to_429`);
  const months = rows(`SELECT month FROM settlements WHERE merchant_id = ${m.id} ORDER BY month DESC`);
  const owner = await merchantClient(m.owner); // statements are the owner's
  const bills = await walk(owner, '/merchant/settlements', 'data-month');
  assert.deepEqual(bills.seen, months);
  assert.ok(bills.keyset > 0);
  assert.equal((await owner.get('/merchant/settlements?after=abc')).status, 400);
  sql(`START TRANSACTION; DELETE FROM settlements WHERE merchant_id = ${m.id}; DELETE FROM vouchers WHERE order_id = ${order};
       DELETE FROM order_items WHERE order_id = ${order}; DELETE FROM orders WHERE id = ${order};
       DELETE FROM products WHERE id = ${product}; COMMIT`);
});

test('moderation queues: one state of messages, reviews and consultations walks every item once, newest first', async () => {
  const { c } = await adminClient('moderator');
  const [mobile] = makeMembers(1, 0);
  const member = memberId(mobile);
  const product = Number(sql('SELECT MIN(id) FROM products'));
  // 450 of each in the states no other test leaves many items in; the lists are global, so only ours are compared.
  sql(`INSERT INTO messages (member_id, content, status) SELECT ${member}, CONCAT('bol ', seq), 'rejected' FROM seq_1_to_450`);
  sql(`INSERT INTO reviews (product_id, member_id, score, content, status) SELECT ${product}, ${member}, 4, 'bol', 'hidden'
       FROM seq_1_to_450`);
  sql(`INSERT INTO consultations (product_id, member_id, question, answer) SELECT ${product}, ${member}, 'bol?', 'bol!'
       FROM seq_1_to_450`);
  for (const [path, table, re] of [
    ['/admin/moderation/messages?status=rejected', 'messages', /id="message-(\d+)"/g],
    ['/admin/moderation/reviews?status=hidden', 'reviews', /<tr id="review-(\d+)"/g],
    ['/admin/moderation/consultations?status=answered', 'consultations', /id="consultation-(\d+)"/g],
  ]) {
    const mine = rows(`SELECT id FROM ${table} WHERE member_id = ${member} ORDER BY id DESC`);
    const got = await walk(c, path, 'data-id', { re });
    assert.equal(new Set(got.seen).size, got.seen.length, `${path}: no item twice`);
    const ids = new Set(mine);
    assert.deepEqual(got.seen.filter((id) => ids.has(id)), mine, path);
    assert.ok(got.keyset > 0, `${path}: past the numbered pages`);
    const all = Number(sql(`SELECT COUNT(*) FROM ${table} WHERE ${table === 'consultations' ? 'answer IS NOT NULL' : `status = '${path.split('=')[1]}'`}`));
    assert.equal(got.total, countText(all), path);
  }
  assert.equal((await c.get('/admin/moderation/reviews?status=hidden&after=-4')).status, 400);
  sql(`DELETE FROM messages WHERE member_id = ${member}; DELETE FROM reviews WHERE member_id = ${member};
       DELETE FROM consultations WHERE member_id = ${member}`);
});

test('blacklist entries: kind, state and value prefix walk every entry once, newest first', async () => {
  const { c } = await adminClient('super');
  const tag = `bol${randomInt(1e9)}`;
  // 450 entries naming merchant accounts that do not exist (they block nothing): a third removed, a sixth expired.
  sql(`INSERT INTO blacklist_entries (kind, value, reason, created_at, expires_at, removed_at)
       SELECT 'merchant', CONCAT('${tag}-', seq), 'paging test', NOW() - INTERVAL seq MINUTE,
         IF(seq % 6 = 1, NOW() - INTERVAL 1 DAY, NULL), IF(seq % 3 = 2, NOW(), NULL) FROM seq_1_to_450`);
  const active = 'removed_at IS NULL AND (expires_at IS NULL OR expires_at > NOW())';
  for (const [query, where] of [
    [`kind=merchant&state=all&q=${tag}`, '1'],
    [`kind=merchant&state=active&q=${tag}-1`, `${active} AND value LIKE '${tag}-1%'`],
    [`kind=merchant&state=ended&q=${tag}`, `NOT (${active})`],
    ['kind=merchant&state=active', active],
    ['state=ended', `NOT (${active})`],
  ]) {
    const mine = rows(`SELECT id FROM blacklist_entries WHERE value LIKE '${tag}-%' AND ${where} ORDER BY id DESC`);
    assert.ok(mine.length > 0, query);
    const got = await walk(c, `/admin/blacklist?${query}`, 'data-id');
    assert.equal(new Set(got.seen).size, got.seen.length, `${query}: no entry twice`);
    const ids = new Set(mine);
    assert.deepEqual(got.seen.filter((id) => ids.has(id)), mine, query);
    if (query.includes(`q=${tag}`)) assert.deepEqual(got.seen, mine, `${query}: only the matches`);
    if (mine.length > 400) assert.ok(got.keyset > 0, `${query}: past the numbered pages`);
  }
  assert.equal((await c.get('/admin/blacklist?after=1.5')).status, 400);
  sql(`DELETE FROM blacklist_entries WHERE value LIKE '${tag}-%'`);
});

test('merchant applications: one status walks every application once, newest first', async () => {
  const { c } = await adminClient('super');
  const tag = `bol${randomInt(1e9)}`;
  sql(`INSERT INTO merchant_applications (company, contact, mobile, address, category, licence_no, username, status)
       SELECT CONCAT('${tag}-', seq), 'x', '19900009999', 'x', 'x', 'x', CONCAT('${tag}u', seq), 'rejected'
       FROM seq_1_to_430`);
  const mine = rows(`SELECT id FROM merchant_applications WHERE company LIKE '${tag}-%' ORDER BY id DESC`);
  const ids = new Set(mine);
  for (const query of ['status=rejected', '']) {
    const got = await walk(c, `/admin/applications?${query}`, 'data-id');
    assert.deepEqual(got.seen.filter((id) => ids.has(id)), mine, query);
    assert.ok(got.keyset > 0, `${query}: past the numbered pages`);
    const n = Number(sql(`SELECT COUNT(*) FROM merchant_applications${query ? " WHERE status = 'rejected'" : ''}`));
    if (n > 1000) assert.equal(got.total, '1000+');
  }
  assert.equal((await c.get('/admin/applications?after=0')).status, 400);
  sql(`DELETE FROM merchant_applications WHERE company LIKE '${tag}-%'`);
});

test('content admin lists: notices and banners walk every row once in their order, ties broken on id', async () => {
  const { c } = await adminClient('super');
  const tag = `bol${randomInt(1e9)}`;
  // Long past and unpinned (below every newer notice on the storefront); banners after the sort-0 ones; many share a
  // sort key.
  sql(`INSERT INTO notices (title_zh, body_zh, body_en, pinned, published_at)
       SELECT '${tag}', '', '', 0, '2001-01-01' + INTERVAL seq DIV 5 HOUR FROM seq_1_to_430`);
  sql(`INSERT INTO banners (title_zh, image, sort, starts_at, ends_at)
       SELECT '${tag}', 'x', 1 + seq % 30, '2001-01-01', '2001-02-01' FROM seq_1_to_430`);
  for (const [path, table, order] of [
    ['/admin/notices', 'notices', 'pinned DESC, published_at DESC, id DESC'],
    ['/admin/banners', 'banners', 'sort, id'],
  ]) {
    const mine = rows(`SELECT id FROM ${table} WHERE title_zh = '${tag}' ORDER BY ${order}`);
    const ids = new Set(mine);
    const got = await walk(c, path, 'data-id');
    assert.equal(new Set(got.seen).size, got.seen.length, `${path}: no row twice`);
    assert.deepEqual(got.seen.filter((id) => ids.has(id)), mine, path);
    assert.ok(got.keyset > 0, `${path}: past the numbered pages`);
  }
  assert.equal((await c.get('/admin/notices?after=x')).status, 400);
  sql(`DELETE FROM notices WHERE title_zh = '${tag}'; DELETE FROM banners WHERE title_zh = '${tag}'`);
});
