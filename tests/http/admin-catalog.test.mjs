// admin-catalog.test.mjs: B2/B3 back office — products with uploaded images reach the storefront at once, stock
// keeps I4, bad input and upload attacks are refused with messages, roles and CSRF are enforced, every write audited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomInt, randomBytes } from 'node:crypto';
import { BASE, VAR, sql, q, checkLedger } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, skipCooldown } from './lib/members.mjs';
import { makeProduct, placeNow, sendCode } from './lib/shop.mjs';
import { adminClient, auditOf } from './lib/admin.mjs';
const UPLOADS = path.join(VAR, 'uploads');

// ---- a tiny valid PNG, built here (signature, IHDR, IDAT, IEND with real CRCs) ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(w = 2, h = 2) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const rows = Buffer.concat(Array.from({ length: h }, () => Buffer.concat([Buffer.from([0]), randomBytes(w * 3)])));
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// ---- a client signed in as a fresh admin of a role (its username kept), the dashboard reached ----
async function admin(role = 'super') {
  const { c, admin: a } = await adminClient(role);
  c.username = a.username;
  assert.equal((await c.get('/admin/')).status, 200);
  return c;
}
const store = (p) => fetch(new URL(p, BASE), { redirect: 'manual' }).then(async (r) => ({ status: r.status, text: await r.text() }));
const fieldError = (html, name) => {
  const row = html.split(`id="f-${name}"`)[1] || '';
  return (row.match(/class="field-error"[^>]*>([^<]*)</) || [])[1];
};
const uploadsList = () => new Set(fs.readdirSync(UPLOADS));
const newUploads = (before) => [...uploadsList()].filter((f) => !before.has(f));
const childCategory = () => Number(sql('SELECT MIN(id) FROM categories WHERE parent_id IS NOT NULL'));
const token = () => `Zq${randomInt(1e8)}x`;

function productForm(extra = {}) {
  return { type: 'virtual', category_id: childCategory(), name_zh: `测试兑换商品 ${token()}`, name_en: '', points_price: '100', cash_price: '', stock: '5', per_member_limit: '0', ...extra };
}

test('a role without catalog rights gets 403; anonymous visitors go to the sign-in page', async () => {
  const anon = new Client();
  const r = await anon.get('/admin/products');
  assert.equal(r.status, 303);
  assert.match(r.location, /\/admin\/login\?next=%2Fadmin%2Fproducts/);
  const mod = await admin('moderator');
  for (const p of ['/admin/products', '/admin/products/new', '/admin/products/1', '/admin/categories', '/admin/brands', '/admin/uploads', '/admin/notices', '/admin/banners', '/admin/ads', '/admin/activities']) {
    assert.equal((await mod.get(p)).status, 403, p);
  }
  for (const role of ['finance', 'enterprise']) {
    const other = await admin(role);
    assert.equal((await other.get('/admin/products')).status, 403, role);
    assert.equal((await other.get('/admin/banners')).status, 403, role);
  }
  const ops = await admin('ops');
  for (const p of ['/admin/products', '/admin/products/new', '/admin/products/1', '/admin/categories', '/admin/brands/new', '/admin/uploads', '/admin/notices/new', '/admin/banners', '/admin/ads/new', '/admin/activities']) {
    const page = await ops.get(p);
    assert.equal(page.status, 200, `ops ${p}`);
    assert.doesNotMatch(page.html, /href="\/admin\/audit/, `no audit link for ops on ${p}`);
  }
  assert.match((await (await admin()).get('/admin/products/1')).html, /href="\/admin\/audit\?entity=product&amp;entity_id=1"/);
  await mod.get('/admin/');
  const name = `越权商品 ${token()}`;
  const post = await mod.multipart('/admin/products', productForm({ name_zh: name }));
  assert.equal(post.status, 403);
  assert.equal((await mod.multipart('/admin/products/1/shelf', { on: '0' })).status, 403);
  assert.equal(sql(`SELECT COUNT(*) FROM products WHERE name_zh = ${q2(name)}`), '0');
  assert.equal(sql('SELECT on_shelf FROM products WHERE id = 1'), '1');
});

// Quoting for test-made names (letters, digits, spaces and CJK only).
function q2(s) { assert.match(s, /^[\p{L}\p{N} ]+$/u); return `'${s}'`; }

test('missing or wrong CSRF token → 403 and nothing is written', async () => {
  const a = await admin();
  await a.get('/admin/products/new');
  const name = `无令牌商品 ${token()}`;
  assert.equal((await a.multipart('/admin/products', productForm({ name_zh: name }), [], { csrf: false })).status, 403);
  assert.equal((await a.multipart('/admin/products', { ...productForm({ name_zh: name }), csrf: 'f'.repeat(64) }, [], { csrf: false })).status, 403);
  assert.equal((await a.request('POST', '/admin/notices', { title_zh: name, body_zh: 'x', published_at: '2026-01-01T00:00' })).status, 403);
  assert.equal(sql(`SELECT COUNT(*) FROM products WHERE name_zh = ${q2(name)}`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM notices WHERE title_zh = ${q2(name)}`), '0');
});

test('create with an uploaded PNG, shelve, find on the storefront, edit price, take off shelf — all audited', async () => {
  const a = await admin();
  const word = token();
  const name = `积分测试耳机 ${word}`;
  const image = png(3, 2);
  const before = uploadsList();
  const created = await a.postMultipart('/admin/products', productForm({
    type: 'physical', name_zh: name, name_en: `Test headset ${word}`, summary_zh: '测试简介', points_price: '123', cash_price: '12.3', stock: '5', per_member_limit: '2',
  }), [{ field: 'image_file', filename: 'headset.png', type: 'image/png', data: image }], '/admin/products');
  assert.equal(created.status, 303, fieldError(created.html, 'image_file') || created.html.slice(0, 300));
  const id = Number((created.location.match(/\/admin\/products\/(\d+)\?done=created$/) || [])[1]);
  assert.ok(id > 0, created.location);
  const [type, fen, stock, initial, limit, img, onShelf] = sql(`SELECT type, cash_price_fen, stock, initial_stock, per_member_limit, image, on_shelf FROM products WHERE id = ${id}`).split('\t');
  assert.deepEqual([type, fen, stock, initial, limit, onShelf], ['physical', '1230', '5', '5', '2', '0']);
  // Stored under a random name with the detected type's extension, world-readable, served as the same bytes.
  assert.match(img, /^\/uploads\/[0-9a-f]{32}\.png$/);
  assert.deepEqual(newUploads(before), [img.slice(9)]);
  assert.equal(fs.statSync(path.join(VAR, img)).mode & 0o777, 0o644);
  assert.equal(sql(`SELECT url FROM product_images WHERE product_id = ${id}`), img);
  const served = await fetch(new URL(img, BASE));
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(Buffer.from(await served.arrayBuffer()), image);

  // Off the shelf until put on it.
  assert.equal((await store(`/product/${id}`)).status, 404);
  assert.equal((await a.multipart(`/admin/products/${id}/shelf`, { on: '1' })).status, 303);
  const page = await store(`/product/${id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(name), 'the storefront shows the new product');
  assert.ok(page.text.includes(img), 'with its uploaded image');
  const found = await store(`/search?q=${encodeURIComponent(word)}`);
  assert.equal(found.status, 200);
  assert.ok(found.text.includes(`href="/product/${id}"`), 'search finds the new product');

  // A price edit shows at once although the page was just cached.
  await a.get(`/admin/products/${id}`);
  const edited = await a.multipart(`/admin/products/${id}`, productForm({
    type: 'physical', category_id: sql(`SELECT category_id FROM products WHERE id = ${id}`), name_zh: name, points_price: '456', cash_price: '0.05', stock: '9', stock_was: '5',
  }));
  assert.equal(edited.status, 303, fieldError(edited.html, 'points_price'));
  assert.equal(sql(`SELECT CONCAT_WS(',', points_price, cash_price_fen, stock, initial_stock) FROM products WHERE id = ${id}`), '456,5,9,9');
  const repriced = await store(`/product/${id}`);
  assert.match(repriced.text, /class="price"><strong>456<\/strong>/);

  // Off the shelf → gone from the storefront and its search.
  assert.equal((await a.multipart(`/admin/products/${id}/shelf`, { on: '0' })).status, 303);
  assert.equal((await store(`/product/${id}`)).status, 404);
  assert.ok(!(await store(`/search?q=${encodeURIComponent(word)}`)).text.includes(`href="/product/${id}"`));

  const log = auditOf('product', id);
  assert.deepEqual(log.map((e) => e.action), ['create', 'shelve', 'update', 'unshelve']);
  assert.equal(log[0].before, null);
  assert.equal(log[0].after.name_zh, name);
  assert.equal(log[1].before.on_shelf, '0');
  assert.equal(log[1].after.on_shelf, '1');
  assert.equal(log[2].before.points_price, '123');
  assert.equal(log[2].after.points_price, '456');
  assert.equal(log[2].before.cash_price_fen, '1230');
  assert.equal(log[2].after.cash_price_fen, '5');
  assert.equal(log[3].after.on_shelf, '0');
  assert.ok(log.every((e) => e.who === a.username), 'the acting admin is recorded');
  checkLedger();
});

test('a stock change moves stock and initial stock together (paid orders keep their share) and never below zero', async () => {
  const id = makeProduct({ stock: 10, onShelf: 1, points: 50 });
  // A member pays for 3: stock 7 of 10 released.
  const [m] = makeMembers(1, 1000);
  const buyer = new Client();
  await buyer.login(m);
  const no = await placeNow(buyer, id, 3);
  skipCooldown(m);
  const paid = await buyer.post(`/order/${no}/pay`, { code: await sendCode(buyer, no, m) });
  assert.equal(paid.status, 303, `pay: ${flash(paid.html)}`);
  assert.equal(sql(`SELECT CONCAT(stock, '/', initial_stock) FROM products WHERE id = ${id}`), '7/10');

  const cat = sql(`SELECT category_id FROM products WHERE id = ${id}`);
  const a = await admin();
  const form = await a.get(`/admin/products/${id}`);
  assert.match(form.html, /name="stock_was" value="7"/);
  assert.match(form.html, /id="stock-taken">3</);
  const base = { type: 'virtual', category_id: cat, points_price: '50', name_zh: sql(`SELECT name_zh FROM products WHERE id = ${id}`) };
  let r = await a.multipart(`/admin/products/${id}`, { ...base, stock: '20', stock_was: '7' });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT CONCAT(stock, '/', initial_stock) FROM products WHERE id = ${id}`), '20/23', 'initial − stock still equals the 3 paid for');
  checkLedger();
  r = await a.multipart(`/admin/products/${id}`, { ...base, stock: '4', stock_was: '20' });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT CONCAT(stock, '/', initial_stock) FROM products WHERE id = ${id}`), '4/7');
  // A stale form (it showed 6) asking for 0: that would take 6 from 4 — refused, and nothing else changes.
  r = await a.multipart(`/admin/products/${id}`, { ...base, name_zh: '改名不应生效', stock: '0', stock_was: '6' });
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'stock') || '', /小于 0/);
  assert.equal(sql(`SELECT CONCAT(stock, '/', initial_stock) FROM products WHERE id = ${id}`), '4/7');
  assert.notEqual(sql(`SELECT name_zh FROM products WHERE id = ${id}`), '改名不应生效');
  const log = auditOf('product', id);
  assert.deepEqual(log.map((e) => e.action), ['update', 'update']);
  assert.deepEqual([log[0].before.stock, log[0].before.initial_stock, log[0].after.stock, log[0].after.initial_stock], ['7', '10', '20', '23']);
  checkLedger();
});

test('bad product input gets a message beside the field and writes nothing', async () => {
  const a = await admin();
  await a.get('/admin/products/new');
  const before = uploadsList();
  const cases = [
    [{ points_price: '-5' }, 'points_price', /超出/],
    [{ points_price: '1000000000000' }, 'points_price', /超出/],
    [{ points_price: 'abc' }, 'points_price', /数字/],
    [{ points_price: '' }, 'points_price', /必填/],
    [{ stock: '-1' }, 'stock', /超出/],
    [{ stock: '1.5' }, 'stock', /数字/],
    [{ cash_price: '-1' }, 'cash_price', /金额/],
    [{ cash_price: '1.234' }, 'cash_price', /金额/],
    [{ cash_price: '1e3' }, 'cash_price', /金额/],
    [{ cash_price: '99999999' }, 'cash_price', /不能超过/],
    [{ name_zh: '' }, 'name_zh', /必填/],
    [{ name_zh: 'x'.repeat(121) }, 'name_zh', /^最多 120 字$/],
    [{ type: 'weapon' }, 'type', /选项/],
    [{ category_id: '999999' }, 'category_id', /分类不存在/],
    [{ category_id: 'x' }, 'category_id', /数字/],
    [{ brand_id: '999999' }, 'brand_id', /品牌不存在/],
    [{ type: 'voucher' }, 'merchant_id', /商户/],
  ];
  for (const [extra, field, message] of cases) {
    const form = productForm(extra);
    const name = form.name_zh || `空名 ${token()}`;
    const r = await a.multipart('/admin/products', form, [{ field: 'image_file', filename: 'ok.png', type: 'image/png', data: png() }]);
    assert.equal(r.status, 200, JSON.stringify(extra));
    assert.match(fieldError(r.html, field) || '', message, `${JSON.stringify(extra)} → message beside ${field}`);
    assert.match(r.html, /flash-error/, 'a summary at the top');
    if (extra.name_zh) assert.match(r.html, new RegExp(`name="name_zh"[^>]* value="${extra.name_zh}"`), 'the long name is kept to shorten');
    if (/^[\p{L}\p{N} ]+$/u.test(name)) assert.equal(sql(`SELECT COUNT(*) FROM products WHERE name_zh = ${q2(name)}`), '0');
  }
  assert.deepEqual(newUploads(before), [], 'a refused form leaves no uploaded file behind');
});

test('upload attacks are refused: scripts renamed .jpg, SVG with script, oversized, path traversal names', async () => {
  const a = await admin();
  await a.get('/admin/uploads');
  const up = (filename, type, data) => a.multipart('/admin/uploads', {}, [{ field: 'file', filename, type, data }]);
  const before = uploadsList();
  const attacks = [
    ['shell.jpg', 'image/jpeg', Buffer.from('<?php system($_GET["c"]); ?>')],
    ['shell.php', 'image/png', Buffer.from('<?php echo 1; ?>')],
    ['page.jpg', 'image/jpeg', Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')],
    ['logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['gif.png', 'image/png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;')],
  ];
  for (const [filename, type, data] of attacks) {
    const r = await up(filename, type, data);
    assert.equal(r.status, 200, filename);
    assert.match(fieldError(r.html, 'file') || '', /只支持 JPEG、PNG、WebP/, filename);
    assert.doesNotMatch(r.html, /id="upload-url"/, filename);
  }
  // Larger than 5 MB (but inside the 6 MB request limit): a real PNG start, then padding.
  const big = Buffer.concat([png(), Buffer.alloc(5 * 1024 * 1024 + 10 - png().length)]);
  const r = await up('big.png', 'image/png', big);
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'file') || '', /不能超过 5 MB/);
  assert.deepEqual(newUploads(before), [], 'nothing stored for refused files');
  // A request body above the server's limit is refused before any parsing.
  const huge = await up('huge.png', 'image/png', Buffer.alloc(7 * 1024 * 1024));
  assert.equal(huge.status, 413);

  // A traversal name is irrelevant: the file is stored under a random name inside uploads/.
  const good = png();
  const t = await up('../../x.png', 'image/png', good);
  assert.equal(t.status, 200, fieldError(t.html, 'file'));
  const url = (t.html.match(/id="upload-url">([^<]+)</) || [])[1];
  assert.match(url || '', /^\/uploads\/[0-9a-f]{32}\.png$/);
  assert.deepEqual(newUploads(before), [url.slice(9)]);
  assert.ok(!fs.existsSync(path.join(VAR, 'x.png')) && !fs.existsSync(path.join(VAR, '..', 'x.png')) && !fs.existsSync(path.join(UPLOADS, 'x.png')));
  // A JPEG or WebP body keeps its own type whatever it is called.
  const webp = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(24)]);
  const w = await up('photo.php', 'application/x-php', webp);
  assert.match((w.html.match(/id="upload-url">([^<]+)</) || [])[1] || '', /^\/uploads\/[0-9a-f]{32}\.webp$/);
  const served = await fetch(new URL(url, BASE));
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.match(served.headers.get('content-security-policy') || '', /sandbox/);
  assert.ok(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE entity = 'image' AND after_json LIKE ${q2s(url)}`)) === 1, 'the upload is audited');
});
const q2s = (url) => { assert.match(url, /^\/uploads\/[0-9a-f]+\.[a-z]+$/); return `'%${url}%'`; };

test('categories stay two levels; in-use categories and brands cannot be deleted; all audited', async () => {
  const a = await admin();
  await a.get('/admin/categories');
  const top = `顶级分类 ${token()}`;
  let r = await a.multipart('/admin/categories', { name_zh: top, name_en: 'Top', sort: '99' });
  assert.equal(r.status, 303);
  const topId = Number(sql(`SELECT id FROM categories WHERE name_zh = ${q2(top)}`));
  r = await a.multipart('/admin/categories', { parent_id: String(topId), name_zh: `子分类 ${token()}`, sort: '1' });
  assert.equal(r.status, 303);
  const childId = Number(sql(`SELECT MAX(id) FROM categories WHERE parent_id = ${topId}`));
  // A third level is refused.
  const third = `三级分类 ${token()}`;
  r = await a.multipart('/admin/categories', { parent_id: String(childId), name_zh: third });
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'parent_id') || '', /一级分类/);
  assert.equal(sql(`SELECT COUNT(*) FROM categories WHERE name_zh = ${q2(third)}`), '0');
  // A parent with children cannot move under another category.
  r = await a.multipart(`/admin/categories/${topId}`, { parent_id: '1', name_zh: top });
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'parent_id') || '', /子分类/);
  // Deleting: children first, and never a category with products.
  r = await a.multipart(`/admin/categories/${topId}/delete`, {});
  assert.equal(r.status, 200);
  assert.match(r.html, /还有子分类/);
  const used = Number(sql('SELECT p.category_id FROM products p WHERE NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = p.category_id) LIMIT 1'));
  r = await a.multipart(`/admin/categories/${used}/delete`, {});
  assert.equal(r.status, 200);
  assert.match(r.html, /仍有商品在使用/);
  assert.equal(sql(`SELECT COUNT(*) FROM categories WHERE id = ${used}`), '1');
  assert.equal((await a.multipart(`/admin/categories/${childId}/delete`, {})).status, 303);
  assert.equal((await a.multipart(`/admin/categories/${topId}/delete`, {})).status, 303);
  assert.equal(sql(`SELECT COUNT(*) FROM categories WHERE id IN (${topId}, ${childId})`), '0');
  assert.deepEqual(auditOf('category', topId).map((e) => e.action), ['create', 'delete']);
  assert.equal(auditOf('category', childId)[0].after.parent_id, String(topId));
  assert.equal(auditOf('category', childId)[1].before.parent_id, String(topId));

  // Brands: create, rename (search text follows), refuse deleting one in use.
  const brand = `测试品牌 ${token()}`;
  r = await a.multipart('/admin/brands', { name_zh: brand, name_en: 'Test Brand', logo: 'javascript:alert(1)' });
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'logo') || '', /本站路径/);
  r = await a.multipart('/admin/brands', { name_zh: brand, name_en: 'Test Brand' }, [{ field: 'logo_file', filename: 'l.png', type: 'image/png', data: png() }]);
  assert.equal(r.status, 303);
  const brandId = Number(sql(`SELECT id FROM brands WHERE name_zh = ${q2(brand)}`));
  assert.match(sql(`SELECT logo FROM brands WHERE id = ${brandId}`), /^\/uploads\/[0-9a-f]{32}\.png$/);
  r = await a.multipart(`/admin/brands/${brandId}`, { name_zh: `${brand} 新`, name_en: 'Renamed' });
  assert.equal(r.status, 303);
  const usedBrand = Number(sql('SELECT brand_id FROM products WHERE brand_id IS NOT NULL LIMIT 1'));
  r = await a.multipart(`/admin/brands/${usedBrand}/delete`, {});
  assert.match(r.html, /仍有商品在使用/);
  assert.equal((await a.multipart(`/admin/brands/${brandId}/delete`, {})).status, 303);
  const log = auditOf('brand', brandId);
  assert.deepEqual(log.map((e) => e.action), ['create', 'update', 'delete']);
  assert.equal(log[1].before.name_en, 'Test Brand');
  assert.equal(log[1].after.name_en, 'Renamed');
});

test('announcements, banners and activities show on the storefront at once; bad links and windows refused', async () => {
  const a = await admin();
  await a.get('/admin/notices');
  // Times as the datetime-local input sends them, on the database's clock (the mall's time zone).
  const at = (h) => sql(`SELECT DATE_FORMAT(NOW() + INTERVAL ${Number(h)} HOUR, '%Y-%m-%dT%H:%i')`);
  await store('/notices'); await store('/'); // cached before the change

  const title = `测试公告 ${token()}`;
  let r = await a.multipart('/admin/notices', { title_zh: title, body_zh: '公告正文<script>alert(1)</script>', pinned: '1', published_at: at(-1) });
  assert.equal(r.status, 303);
  const noticeId = Number(sql(`SELECT id FROM notices WHERE title_zh = ${q2(title)}`));
  const notices = await store('/notices');
  assert.ok(notices.text.includes(title), 'the new announcement is listed at once');
  const detail = await store(`/notice/${noticeId}`);
  assert.ok(detail.text.includes('&lt;script&gt;') && !detail.text.includes('<script>alert(1)'), 'body is escaped');

  const banner = `测试轮播 ${token()}`;
  for (const [link, ok] of [['javascript:alert(1)', false], ['//evil.example/x', false], ['data:text/html,x', false], ['https://example.com/a b', false]]) {
    r = await a.multipart('/admin/banners', { title_zh: banner, link, sort: '0', starts_at: at(-1), ends_at: at(24) }, [{ field: 'image_file', filename: 'b.png', type: 'image/png', data: png() }]);
    assert.equal(r.status, 200, link);
    assert.match(fieldError(r.html, 'link') || '', /本站路径/, link);
    assert.equal(ok, false);
  }
  r = await a.multipart('/admin/banners', { title_zh: banner, link: '/activities', sort: '0', starts_at: at(2), ends_at: at(1), image: '/img/x.png' });
  assert.match(fieldError(r.html, 'ends_at') || '', /晚于/);
  r = await a.multipart('/admin/banners', { title_zh: banner, link: '/activities', sort: '0', starts_at: '2026-02-30T10:00', ends_at: at(1), image: '/img/x.png' });
  assert.match(fieldError(r.html, 'starts_at') || '', /正确的时间/);
  r = await a.multipart('/admin/banners', { title_zh: banner, link: '/activities', sort: '0', starts_at: at(-1), ends_at: at(24) });
  assert.match(fieldError(r.html, 'image') || '', /上传图片/);
  assert.equal(sql(`SELECT COUNT(*) FROM banners WHERE title_zh = ${q2(banner)}`), '0');
  r = await a.multipart('/admin/banners', { title_zh: banner, link: '/activities', sort: '0', starts_at: at(-1), ends_at: at(24) }, [{ field: 'image_file', filename: 'b.png', type: 'image/png', data: png() }]);
  assert.equal(r.status, 303);
  const [bannerId, bannerImg] = sql(`SELECT id, image FROM banners WHERE title_zh = ${q2(banner)}`).split('\t');
  const home = await store('/');
  assert.ok(home.text.includes(bannerImg) && home.text.includes(banner), 'the banner is on the home page at once');

  // An ad pointing at an existing image path, scheduled: not shown before its window, shown once it starts.
  const adTitle = `测试广告 ${token()}`;
  r = await a.multipart('/admin/ads', { title_zh: adTitle, image: '/img/demo/ad1.jpg', link: 'https://example.com/promo', position: 'home', sort: '0', starts_at: at(2), ends_at: at(24) });
  assert.equal(r.status, 303);
  const adId = Number(sql(`SELECT id FROM ads WHERE title_zh = ${q2(adTitle)}`));
  assert.ok(!(await store('/')).text.includes(adTitle), 'a scheduled ad waits for its start');
  r = await a.multipart(`/admin/ads/${adId}`, { title_zh: adTitle, image: '/img/demo/ad1.jpg', link: 'https://example.com/promo', position: 'home', sort: '0', starts_at: at(-2), ends_at: at(24) });
  assert.equal(r.status, 303);
  assert.ok((await store('/')).text.includes(`alt="${adTitle}"`), 'the ad shows once its window is open');
  r = await a.multipart(`/admin/ads/${adId}`, { title_zh: adTitle, image: '/../../etc/passwd', link: '/', position: 'sidebar', sort: '0', starts_at: at(-2), ends_at: at(24) });
  assert.match(fieldError(r.html, 'image') || '', /本站路径/);
  assert.match(fieldError(r.html, 'position') || '', /选项/);
  assert.equal((await a.multipart(`/admin/ads/${adId}/delete`, {})).status, 303);
  assert.ok(!(await store('/')).text.includes(adTitle));
  const adLog = auditOf('ad', adId);
  assert.deepEqual(adLog.map((e) => e.action), ['create', 'update', 'delete']);
  assert.notEqual(adLog[1].before.starts_at, adLog[1].after.starts_at);

  const p1 = makeProduct({ name: '活动商品甲' }), p2 = makeProduct({ name: '活动商品乙' });
  const act = `测试活动 ${token()}`;
  r = await a.multipart('/admin/activities', { title_zh: act, rules_zh: '活动规则', starts_at: at(-1), ends_at: at(48), products: `${p2}, 999999999` });
  assert.equal(r.status, 200);
  assert.match(fieldError(r.html, 'products') || '', /999999999/);
  r = await a.multipart('/admin/activities', { title_zh: act, rules_zh: '活动规则', starts_at: at(-1), ends_at: at(48), products: `${p2}，${p1} ${p2}` });
  assert.equal(r.status, 303);
  const actId = Number(sql(`SELECT id FROM activities WHERE title_zh = ${q2(act)}`));
  assert.equal(sql(`SELECT GROUP_CONCAT(product_id ORDER BY sort) FROM activity_products WHERE activity_id = ${actId}`), `${p2},${p1}`);
  const zone = await store(`/activity/${actId}`);
  assert.equal(zone.status, 200);
  assert.ok(zone.text.indexOf(`/product/${p2}"`) >= 0 && zone.text.indexOf(`/product/${p2}"`) < zone.text.indexOf(`/product/${p1}"`), 'products in the chosen order');
  assert.ok((await store('/activities')).text.includes(act));
  // Editing the list replaces it.
  r = await a.multipart(`/admin/activities/${actId}`, { title_zh: act, rules_zh: '新规则', starts_at: at(-1), ends_at: at(48), products: `${p1}` });
  assert.equal(r.status, 303);
  assert.ok(!(await store(`/activity/${actId}`)).text.includes(`/product/${p2}"`));

  // Deleting takes them off the storefront at once.
  for (const [kind, id] of [['notices', noticeId], ['banners', bannerId], ['activities', actId]]) {
    assert.equal((await a.multipart(`/admin/${kind}/${id}/delete`, {})).status, 303, kind);
  }
  assert.ok(!(await store('/notices')).text.includes(title));
  assert.ok(!(await store('/')).text.includes(banner));
  assert.equal((await store(`/activity/${actId}`)).status, 404);
  assert.deepEqual(auditOf('notice', noticeId).map((e) => e.action), ['create', 'delete']);
  assert.deepEqual(auditOf('banner', bannerId).map((e) => e.action), ['create', 'delete']);
  const acts = auditOf('activity', actId);
  assert.deepEqual(acts.map((e) => e.action), ['create', 'update', 'delete']);
  assert.equal(acts[1].before.products, `${p2} ${p1}`);
  assert.equal(acts[1].after.products, `${p1}`);
  assert.equal(acts[1].after.rules_zh, '新规则');
});
