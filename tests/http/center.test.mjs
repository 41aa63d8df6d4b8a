// center.test.mjs: member center (A2–A7, A9) — points, addresses, favorites, messages, consultations, reviews, inbox
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, num, mallctl, checkLedger } from './lib/stack.mjs';
import { Client, flash as errorFlash, notice, fieldError } from './lib/client.mjs';
import { signedInMember as member } from './lib/members.mjs';

// A fresh on-shelf product of our own, so what we check on its page is not cached from an earlier view.
function product(stock = 10) {
  const name = `测试商品${randomInt(1e9)}`;
  sql(`INSERT INTO products (category_id, name_zh, name_en, description_zh, description_en, points_price, stock, initial_stock)
       SELECT MIN(id), '${name}', 'Member center sample', '说明', 'About', 100, ${stock}, ${stock} FROM categories`);
  const id = num(sql(`SELECT id FROM products WHERE name_zh = '${name}'`));
  // Searchable like any product (other tests search for the newest product's name).
  sql(`INSERT INTO product_search (product_id, title, body) VALUES (${id}, '${name} Member center sample', '说明 About')`);
  return { id, name };
}

// A completed order of one item (0 points, stock taken) for member → its order item id. Keeps check-ledger clean.
function completedOrder(memberId, prod, status = 'completed') {
  const no = 'T' + String(randomInt(1e8)).padStart(8, '0') + String(randomInt(1e8)).padStart(8, '0');
  const taken = status === 'pending' ? 0 : 1;
  sql(`INSERT INTO orders (order_no, member_id, status, points_total, stock_taken, paid_at, completed_at)
       VALUES ('${no}', ${memberId}, '${status}', 0, ${taken}, ${taken ? 'NOW()' : 'NULL'}, ${status === 'completed' ? 'NOW()' : 'NULL'});
       INSERT INTO order_items (order_id, product_id, product_type, name, points_price, quantity)
       SELECT id, ${prod.id}, 'physical', '${prod.name}', 0, 1 FROM orders WHERE order_no = '${no}';
       UPDATE products SET stock = stock - ${taken} WHERE id = ${prod.id}`);
  return { no, item: num(sql(`SELECT oi.id FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.order_no = '${no}'`)) };
}

const ledgerOf = (html) => html.slice(html.indexOf('id="ledger"'));
const dateIn = (days) => new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

// ---- access ----
test('member center pages need a signed-in member; the public message board does not', async () => {
  const c = new Client();
  for (const p of ['/points', '/addresses', '/addresses/new', '/favorites', '/messages', '/consultations', '/reviews', '/inbox', '/review/new?item=1']) {
    const r = await c.get(p);
    assert.equal(r.status, 303, p);
    assert.match(r.location, /^\/login\?next=/, p);
  }
  const pub = await c.get('/messages/public');
  assert.equal(pub.status, 200);
  assert.match(pub.html, /留言板/);
});

test('every member center POST without a CSRF token is refused with 403 and changes nothing', async () => {
  const { c, id } = await member();
  sql(`INSERT INTO addresses (member_id, recipient, mobile, province, city, district, detail, is_default)
       VALUES (${id}, '张三', '13912345678', '浙江省', '杭州市', '西湖区', '文三路 100 号', 1)`);
  const addr = num(sql(`SELECT id FROM addresses WHERE member_id = ${id}`));
  const p = product();
  const posts = [
    ['/addresses', { recipient: '李四', mobile: '13912345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 200 号' }],
    [`/address/${addr}`, { recipient: '李四', mobile: '13912345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 200 号' }],
    [`/address/${addr}/delete`, {}], [`/address/${addr}/default`, {}],
    ['/favorites/add', { product_id: p.id }], ['/favorites/remove', { product_id: p.id }],
    ['/messages', { content: '你好' }], [`/product/${p.id}/ask`, { question: '有货吗' }],
    ['/review', { item: 1, score: 5, content: '非常好用的商品' }], ['/inbox/read-all', {}], ['/inbox/1/read', {}],
  ];
  for (const [action, form] of posts) {
    const r = await c.request('POST', action, form);
    assert.equal(r.status, 403, action);
    const bad = await c.request('POST', action, { csrf: 'f'.repeat(64), ...form });
    assert.equal(bad.status, 403, `${action} with a wrong token`);
  }
  assert.equal(sql(`SELECT COUNT(*) FROM addresses WHERE member_id = ${id}`), '1');
  assert.equal(sql(`SELECT recipient FROM addresses WHERE id = ${addr}`), '张三');
  assert.equal(sql(`SELECT COUNT(*) FROM favorites WHERE member_id = ${id}`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM messages WHERE member_id = ${id}`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM consultations WHERE member_id = ${id}`), '0');
});

// ---- A2 points ----
test('points center: 104 lots expiring soon of 110 open — the expiring list shows the 10 soonest and says more are due, lots page by 10 to the end', async () => {
  const { c, id } = await member();
  // 104 lots due in 5 days and 6 in 200 days, straight into the tables with their ledger entries (check-ledger holds).
  sql(`INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at)
         SELECT ${id}, 'grant', CONCAT('lot ', seq), 1, 1, CURDATE() + INTERVAL IF(seq <= 104, 5, 200) DAY FROM seq_1_to_110;
       INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note)
         SELECT member_id, 'grant', 1, ROW_NUMBER() OVER (ORDER BY id), id, note FROM points_lots WHERE member_id = ${id};
       UPDATE members SET points_balance = 110 WHERE id = ${id}`);
  const first = await c.get('/points');
  const expiring = first.html.slice(first.html.indexOf('id="expiring"'), first.html.indexOf('id="lots"'));
  assert.equal((expiring.match(/<li>/g) || []).length, 10, 'the 10 soonest');
  assert.match(expiring, /class="muted expiring-more"><a href="#lots">/, 'says more are due and points at the lots');
  assert.match(first.html, /class="points-expiring">104</, 'the sum counts every lot due');
  assert.match(first.html, /class="muted lots-summary">[^<]*<strong>110<\/strong>/, 'every open lot counted, past 100 too');
  const seen = [];
  let page = first, pages = 0;
  for (;;) {
    const lots = page.html.slice(page.html.indexOf('id="lots"'), page.html.indexOf('id="ledger"'));
    const rows = [...lots.matchAll(/<tr[^>]*><td>[^<]*<span class="muted">· (lot \d+)<\/span>/g)].map((m) => m[1]);
    assert.equal(rows.length, 10, `page ${pages + 1}`);
    seen.push(...rows);
    pages++;
    const more = lots.match(/class="lots-more" rel="next" href="([^"#]+)/);
    if (!more) break;
    page = await c.get(more[1].replace(/&amp;/g, '&'));
    assert.equal(page.status, 200);
  }
  assert.equal(pages, 11, 'ten full pages and the last one, no empty page after it');
  assert.equal(new Set(seen).size, 110, 'every lot once');
  assert.deepEqual(seen.slice(0, 3), ['lot 1', 'lot 2', 'lot 3'], 'soonest first');
});

test('points center: balance, expiring within 30 days, lots, ledger filtered by kind and date', async () => {
  const { c, mobile: m } = await member();
  const soon = dateIn(10), later = dateIn(200);
  mallctl('grant-points', m, '500', soon, '测试:即将过期');
  mallctl('grant-points', m, '300', later, '测试:长期有效');
  const r = await c.get('/points');
  assert.equal(r.status, 200);
  assert.match(r.html, /class="points-balance">800</);
  assert.match(r.html, /class="points-expiring">500</);
  const expiring = r.html.slice(r.html.indexOf('id="expiring"'), r.html.indexOf('id="lots"'));
  assert.match(expiring, new RegExp(`<strong>500</strong>.*${soon}`));
  assert.doesNotMatch(expiring, new RegExp(later), 'a lot expiring in 200 days is not "soon"');
  const lots = r.html.slice(r.html.indexOf('id="lots"'), r.html.indexOf('id="ledger"'));
  assert.match(lots, /class="muted lots-summary">[^<]*<strong>2<\/strong>/, 'two open lots');
  assert.match(lots, new RegExp(soon));
  assert.match(lots, new RegExp(later));
  const ledger = r.html.slice(r.html.indexOf('id="ledger"'));
  assert.match(ledger, /测试:即将过期/);
  assert.match(ledger, /\+300<\/td><td class="num">800</, 'amount with sign and balance after');

  const grants = await c.get('/points?kind=grant');
  assert.equal(grants.status, 200);
  assert.match(ledgerOf(grants.html), /测试:长期有效/);
  const spends = await c.get('/points?kind=spend');
  assert.doesNotMatch(ledgerOf(spends.html), /测试:长期有效/);
  assert.match(spends.html, /没有符合条件的积分记录/);
  const past = await c.get('/points?from=2001-01-01&to=2001-12-31');
  assert.match(past.html, /没有符合条件的积分记录/);
  const now = await c.get(`/points?from=${dateIn(-1)}&to=${dateIn(1)}`);
  assert.match(ledgerOf(now.html), /测试:长期有效/);

  for (const bad of ['2026-02-30', 'yesterday', '2026-1-1', "2026-01-01' OR 1=1"]) {
    const b = await c.get(`/points?from=${encodeURIComponent(bad)}`);
    assert.equal(b.status, 200, bad);
    assert.ok(fieldError(b.html, 'from'), `error beside "from" for ${bad}`);
  }
  const reversed = await c.get('/points?from=2026-05-01&to=2026-04-01');
  assert.ok(fieldError(reversed.html, 'to'));
  for (const q of ['kind=bogus', 'kind=earn&kind=spend', 'page=0', 'page=-1', 'page=abc', 'page=1000000000000']) {
    assert.equal((await c.get(`/points?${q}`)).status, 400, q);
  }
  const en = new Client(c.localAddress);
  en.jar = new Map(c.jar); en.jar.set('lang', 'en');
  assert.match((await en.get('/points')).html, /Points expiring soon/);
  checkLedger();
});

test('points center: later views of a member with many lots (their counts then read with the lists) show what the first did, and the right numbers once most lots expire', async () => {
  const { c, id } = await member();
  // 20 lots overdue (the nightly job has not run), 3 due in 200 days; each with its grant entry (check-ledger holds).
  sql(`INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at)
         SELECT ${id}, 'grant', CONCAT('lot ', seq), 2, 2, CURDATE() + INTERVAL IF(seq <= 20, -1, 200) DAY FROM seq_1_to_23;
       INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note)
         SELECT member_id, 'grant', 2, 2 * ROW_NUMBER() OVER (ORDER BY id), id, note FROM points_lots WHERE member_id = ${id};
       UPDATE members SET points_balance = 46 WHERE id = ${id}`);
  const page = (html) => html.slice(html.indexOf('class="points-summary'), html.indexOf('</main>'));
  const first = await c.get('/points');
  assert.match(first.html, /class="muted lots-summary">[^<]*<strong>23<\/strong>/, '23 open lots');
  // Sequential requests mostly reach the same process, which now reads the counts in the lists' statement.
  for (let i = 0; i < 6; i++) assert.equal(page((await c.get('/points')).html), page(first.html), `view ${i + 2}`);
  mallctl('expire-points');
  for (let i = 0; i < 6; i++) {
    const after = await c.get('/points');
    assert.match(after.html, /class="points-balance">6</, `view ${i + 1} after expiry: the balance`);
    assert.match(after.html, /class="points-expiring">0</, 'nothing due within 30 days any more');
    assert.match(after.html, /class="muted lots-summary">[^<]*<strong>3<\/strong>/, '3 open lots');
    assert.doesNotMatch(after.html, /class="lots-more"/, 'one page of lots');
    assert.match(after.html, /href="\/points\?page=2#ledger"/, '43 entries: a second page');
  }
  checkLedger();
});

test('points ledger pages through many entries', async () => {
  const { c, mobile: m } = await member();
  mallctl('grant-points', m, '7', dateIn(10), '快到期');
  for (let i = 0; i < 12; i++) mallctl('grant-points', m, String(i + 1), dateIn(100), `批次${i + 1}`);
  const p1 = await c.get('/points');
  assert.match(ledgerOf(p1.html), /批次12</);
  assert.doesNotMatch(ledgerOf(p1.html), /批次2</);
  assert.match(p1.html, /href="\/points\?page=2#ledger"/);
  const p2 = await c.get('/points?page=2');
  assert.match(ledgerOf(p2.html), /批次2</);
  assert.match(ledgerOf(p2.html), /批次1</);
  assert.doesNotMatch(ledgerOf(p2.html), /批次3</);
  const beyond = await c.get('/points?page=50');
  assert.equal(beyond.status, 200);
  // Every ledger page shows the same expiring lots and first page of open lots (read together in one statement).
  const lotsOf = (html) => html.slice(html.indexOf('id="expiring"'), html.indexOf('id="ledger"'));
  assert.match(lotsOf(p1.html), new RegExp(dateIn(10)), 'the lot due in 10 days is listed as expiring');
  assert.doesNotMatch(lotsOf(p1.html), /expiring-more/, 'the only lot due is shown: no "more"');
  assert.match(lotsOf(p1.html), /class="lots-more"/, '13 open lots: a link to the next 10');
  for (const p of [p2, beyond]) assert.equal(lotsOf(p.html), lotsOf(p1.html));
  checkLedger();
});

// ---- A3 addresses ----
const ADDRESS = { recipient: '王小明', mobile: '13912345678', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园南区 8 栋 301' };

test('addresses: create, first one is default, edit, make another default, delete default promotes the newest', async () => {
  const { c, id } = await member();
  const empty = await c.get('/addresses');
  assert.match(empty.html, /还没有收货地址/);
  let r = await c.submit('/addresses/new', '/addresses', ADDRESS);
  assert.equal(r.status, 303);
  assert.equal(r.location, '/addresses?done=saved');
  const first = num(sql(`SELECT id FROM addresses WHERE member_id = ${id}`));
  assert.equal(sql(`SELECT is_default FROM addresses WHERE id = ${first}`), '1', 'the first address is the default');
  const list = await c.get(r.location);
  assert.match(notice(list.html), /已保存/);
  assert.match(list.html, /王小明/);
  assert.match(list.html, /139\*{4}5678/, 'mobile masked in the list');

  r = await c.submit('/addresses/new', '/addresses', { ...ADDRESS, recipient: '李雷', is_default: '1' });
  assert.equal(r.status, 303);
  const second = num(sql(`SELECT MAX(id) FROM addresses WHERE member_id = ${id}`));
  r = await c.submit('/addresses/new', '/addresses', { ...ADDRESS, recipient: '韩梅梅' });
  const third = num(sql(`SELECT MAX(id) FROM addresses WHERE member_id = ${id}`));
  assert.equal(sql(`SELECT GROUP_CONCAT(id) FROM addresses WHERE member_id = ${id} AND is_default = 1`), String(second), 'exactly one default');

  const edit = await c.get(`/address/${first}/edit`);
  assert.equal(edit.status, 200);
  assert.match(edit.html, /value="王小明"/);
  r = await c.submit(`/address/${first}/edit`, `/address/${first}`, { ...ADDRESS, recipient: '王大明', detail: '科技园北区 1 栋' });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT CONCAT(recipient, '|', detail) FROM addresses WHERE id = ${first}`), '王大明|科技园北区 1 栋');

  r = await c.submit('/addresses', `/address/${first}/default`, {});
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT GROUP_CONCAT(id) FROM addresses WHERE member_id = ${id} AND is_default = 1`), String(first));

  const confirm = await c.get(`/address/${first}/delete`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /确定要删除/);
  assert.match(confirm.html, new RegExp(`action="/address/${first}/delete"`));
  assert.equal(sql(`SELECT COUNT(*) FROM addresses WHERE id = ${first}`), '1', 'asking is not deleting');
  r = await c.submit(`/address/${first}/delete`, `/address/${first}/delete`, {});
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT COUNT(*) FROM addresses WHERE id = ${first}`), '0');
  assert.equal(sql(`SELECT GROUP_CONCAT(id) FROM addresses WHERE member_id = ${id} AND is_default = 1`), String(third),
    'the newest remaining address became the default');
  assert.equal((await c.request('POST', `/address/${first}/delete`, { csrf: await c.token('/account') })).status, 404, 'deleting twice');
});

test('addresses: invalid input gets a message beside the field and saves nothing', async () => {
  const { c, id } = await member();
  const cases = [
    ['recipient', { recipient: '' }], ['recipient', { recipient: '   ' }], ['recipient', { recipient: '长'.repeat(21) }],
    ['mobile', { mobile: '' }], ['mobile', { mobile: '12345678901' }], ['mobile', { mobile: '1391234567' }],
    ['mobile', { mobile: '139123456789' }], ['mobile', { mobile: '1391234567a' }], ['mobile', { mobile: '10012345678' }],
    ['province', { province: '' }], ['city', { city: '市'.repeat(21) }], ['district', { district: '' }],
    ['detail', { detail: '四个字啊' }], ['detail', { detail: '路'.repeat(101) }], ['detail', { detail: 'ab\u0001cdef' }],
  ];
  for (const [field, change] of cases) {
    const r = await c.submit('/addresses/new', '/addresses', { ...ADDRESS, ...change });
    assert.equal(r.status, 200, `${field}=${JSON.stringify(change)}`);
    assert.ok(fieldError(r.html, field), `message beside ${field} for ${JSON.stringify(change)}`);
    assert.ok(errorFlash(r.html) || true);
  }
  const kept = await c.submit('/addresses/new', '/addresses', { ...ADDRESS, mobile: '123' });
  assert.match(kept.html, /value="王小明"/, 'the other values stay filled in');
  const repeated = await c.submit('/addresses/new', '/addresses', [...Object.entries(ADDRESS), ['recipient', '第二个']]);
  assert.equal(repeated.status, 200);
  assert.ok(fieldError(repeated.html, 'recipient'));
  const xss = await c.submit('/addresses/new', '/addresses', { ...ADDRESS, recipient: '<script>x</script>' });
  assert.equal(xss.status, 303, '18 characters of text is a valid name; it must come back escaped');
  const list = await c.get('/addresses');
  assert.doesNotMatch(list.html, /<script>x<\/script>/);
  assert.match(list.html, /&lt;script&gt;x&lt;\/script&gt;/);
  assert.equal(sql(`SELECT COUNT(*) FROM addresses WHERE member_id = ${id}`), '1');
});

test('addresses: at most 20 per member', async () => {
  const { c, id } = await member();
  const values = Array.from({ length: 20 }, (_, i) => `(${id}, '收件人${i}', '13912345678', '北京市', '北京市', '朝阳区', '建国路 ${i} 号', ${i === 0 ? 1 : 0})`);
  sql(`INSERT INTO addresses (member_id, recipient, mobile, province, city, district, detail, is_default) VALUES ${values.join(',')}`);
  const form = await c.get('/addresses/new');
  assert.match(form.html, /最多可保存 20 个/);
  const r = await c.submit('/addresses/new', '/addresses', ADDRESS);
  assert.equal(r.status, 200);
  assert.match(errorFlash(r.html), /最多可保存 20 个/);
  assert.equal(sql(`SELECT COUNT(*) FROM addresses WHERE member_id = ${id}`), '20');
});

test("addresses: another member's address, unknown and malformed ids are 404 and nothing changes", async () => {
  const a = await member(), b = await member();
  await a.c.submit('/addresses/new', '/addresses', ADDRESS);
  const theirs = num(sql(`SELECT id FROM addresses WHERE member_id = ${a.id}`));
  for (const p of [`/address/${theirs}/edit`, `/address/${theirs}/delete`, '/address/999999999999999999/edit', '/address/abc/edit',
    '/address/-1/edit', '/address/0/edit', '/address/1e3/edit']) {
    assert.equal((await b.c.get(p)).status, 404, p);
  }
  for (const [action, form] of [[`/address/${theirs}`, { ...ADDRESS, recipient: '黑客' }], [`/address/${theirs}/delete`, {}],
    [`/address/${theirs}/default`, {}], ['/address/999999999999999999/delete', {}]]) {
    assert.equal((await b.c.submit('/account', action, form)).status, 404, action);
  }
  assert.equal(sql(`SELECT CONCAT(recipient, is_default) FROM addresses WHERE id = ${theirs}`), '王小明1');
  assert.equal((await b.c.get('/addresses')).html.includes('王小明'), false, 'not listed for someone else');
});

// ---- A4 favorites ----
test('favorites: add from the product page (idempotent), list, remove; bad ids refused', async () => {
  const { c, id } = await member();
  const p = product();
  const page = await c.get(`/product/${p.id}`);
  assert.match(page.html, /action="\/favorites\/add"/);
  let r = await c.submit(`/product/${p.id}`, '/favorites/add', { product_id: p.id });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/favorites?done=added');
  r = await c.submit('/account', '/favorites/add', { product_id: p.id });
  assert.equal(r.status, 303, 'adding again is fine');
  assert.equal(sql(`SELECT COUNT(*) FROM favorites WHERE member_id = ${id}`), '1');
  const list = await c.get('/favorites?done=added');
  assert.match(notice(list.html), /已加入收藏/);
  assert.match(list.html, new RegExp(p.name));
  assert.match(list.html, new RegExp(`href="/product/${p.id}"`));

  for (const bad of ['', 'abc', '-1', '0', '1e3', '10000000000000000000']) {
    assert.equal((await c.submit('/account', '/favorites/add', { product_id: bad })).status, 400, `product_id=${bad}`);
  }
  assert.equal((await c.submit('/account', '/favorites/add', [['product_id', p.id], ['product_id', p.id]])).status, 400, 'repeated');
  assert.equal((await c.submit('/account', '/favorites/add', { product_id: '999999999999' })).status, 404, 'unknown product');
  sql(`UPDATE products SET on_shelf = 0 WHERE id = ${p.id}`);
  const off = await c.get('/favorites');
  assert.match(off.html, /已下架/);

  r = await c.submit('/favorites', '/favorites/remove', { product_id: p.id });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT COUNT(*) FROM favorites WHERE member_id = ${id}`), '0');
  assert.match((await c.get('/favorites')).html, /收藏夹还是空的/);
});

// ---- A5 messages ----
test('messages: post, see it pending, escaped; approved with a reply it shows on the public board with a masked mobile', async () => {
  const { c, id, mobile: m } = await member();
  const text = `<script>alert("x")</script> 建议增加更多电影票 ${randomInt(1e9)}`;
  let r = await c.submit('/messages', '/messages', { content: text });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/messages?done=posted');
  const mine = await c.get(r.location);
  assert.match(notice(mine.html), /留言已提交/);
  assert.doesNotMatch(mine.html, /<script>alert/);
  assert.match(mine.html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  assert.match(mine.html, /待审核/);
  const msg = num(sql(`SELECT id FROM messages WHERE member_id = ${id}`));

  const anon = new Client();
  assert.doesNotMatch((await anon.get('/messages/public')).html, new RegExp(text.slice(-9)), 'pending is not public');
  mallctl('message-approve', String(msg), '感谢建议,已安排!');
  const pub = await anon.get('/messages/public');
  assert.equal(pub.status, 200);
  assert.match(pub.html, new RegExp(text.slice(-9)));
  assert.match(pub.html, /感谢建议,已安排!/);
  assert.match(pub.html, new RegExp(`${m.slice(0, 3)}\\*{4}${m.slice(7)}`));
  assert.doesNotMatch(pub.html, new RegExp(m), 'the full mobile is never shown');
  assert.doesNotMatch(pub.html, /<script>alert/);
  const after = await c.get('/messages');
  assert.match(after.html, /已公开/);
  assert.match(after.html, /感谢建议,已安排!/);

  const other = await member();
  assert.doesNotMatch((await other.c.get('/messages')).html, new RegExp(text.slice(-9)), "someone else's messages are not listed");
});

test('messages: empty, too long and repeated content are refused beside the field', async () => {
  const { c, id } = await member();
  for (const content of ['', '字'.repeat(501)]) {
    const r = await c.submit('/messages', '/messages', { content });
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.html, 'content'), `length ${content.length}`);
  }
  const ok500 = await c.submit('/messages', '/messages', { content: '字'.repeat(500) });
  assert.equal(ok500.status, 303, '500 characters is allowed');
  const rep = await c.submit('/messages', '/messages', [['content', 'a'], ['content', 'b']]);
  assert.ok(fieldError(rep.html, 'content'));
  assert.equal(sql(`SELECT COUNT(*) FROM messages WHERE member_id = ${id}`), '1');
  assert.equal((await c.get('/messages/public?page=abc')).status, 400);
});

// ---- A6 consultations ----
test('consultations: ask on a product, see it in "my consultations", answer appears there and on the product page', async () => {
  const { c, id } = await member();
  const p = product();
  const q = `请问这个能开发票吗?${randomInt(1e9)}`;
  assert.match((await c.get(`/product/${p.id}`)).html, new RegExp(`action="/product/${p.id}/ask"`), 'members get the question form');
  let r = await c.submit(`/product/${p.id}`, `/product/${p.id}/ask`, { question: q });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/consultations?done=asked');
  const mine = await c.get(r.location);
  assert.match(notice(mine.html), /咨询已提交/);
  assert.match(mine.html, new RegExp(q.replace('?', '\\?')));
  assert.match(mine.html, /等待客服回复/);
  const cid = num(sql(`SELECT id FROM consultations WHERE member_id = ${id}`));
  mallctl('consultation-answer', String(cid), '可以开具电子发票。');
  assert.match((await c.get('/consultations')).html, /可以开具电子发票。/);
  const anon = new Client();
  const page = await anon.get(`/product/${p.id}`);
  assert.match(page.html, /可以开具电子发票。/);
  assert.match(page.html, /登录后提问/, 'visitors get a sign-in link instead of the form');

  for (const question of ['', '问'.repeat(201)]) {
    const bad = await c.submit('/account', `/product/${p.id}/ask`, { question });
    assert.equal(bad.status, 200);
    assert.ok(fieldError(bad.html, 'question'));
  }
  assert.equal((await c.submit('/account', '/product/999999999999/ask', { question: '有货吗' })).status, 404);
  assert.equal((await c.submit('/account', '/product/abc/ask', { question: '有货吗' })).status, 404);
  sql(`UPDATE products SET on_shelf = 0 WHERE id = ${p.id}`);
  assert.equal((await c.submit('/account', `/product/${p.id}/ask`, { question: '下架了吗' })).status, 404);
  assert.equal(sql(`SELECT COUNT(*) FROM consultations WHERE member_id = ${id}`), '1');
  const anonPost = await anon.request('POST', `/product/${p.id}/ask`, { question: 'x' });
  assert.ok([303, 403].includes(anonPost.status), 'a visitor cannot ask');
});

// ---- A7 reviews ----
test('reviews: only for own completed order items, once; pending until approved, then on the product page', async () => {
  const { c, id } = await member();
  const p = product();
  const done = completedOrder(id, p);
  const waiting = await c.get('/reviews');
  assert.match(waiting.html, new RegExp(`/review/new\\?item=${done.item}`), 'listed as waiting for a review');
  const form = await c.get(`/review/new?item=${done.item}`);
  assert.equal(form.status, 200);
  assert.match(form.html, /name="score"/);

  for (const [change, field] of [[{ score: '0' }, 'score'], [{ score: '6' }, 'score'], [{ score: 'abc' }, 'score'], [{ score: '' }, 'score'],
    [{ content: '四个字啊' }, 'content'], [{ content: '评'.repeat(501) }, 'content']]) {
    const r = await c.submit('/account', '/review', { item: done.item, score: '5', content: '物流很快,质量不错', ...change });
    assert.equal(r.status, 200, JSON.stringify(change));
    assert.ok(fieldError(r.html, field), JSON.stringify(change));
  }
  assert.equal(sql(`SELECT COUNT(*) FROM reviews WHERE member_id = ${id}`), '0');

  const text = `<b>物流很快</b>,质量不错 ${randomInt(1e9)}`;
  let r = await c.submit(`/review/new?item=${done.item}`, '/review', { item: done.item, score: '4', content: text });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/reviews?done=reviewed');
  const mine = await c.get(r.location);
  assert.match(mine.html, /审核中/);
  assert.match(mine.html, /&lt;b&gt;物流很快&lt;\/b&gt;/);
  assert.doesNotMatch(mine.html, new RegExp(`/review/new\\?item=${done.item}`), 'no longer waiting');

  r = await c.submit('/account', '/review', { item: done.item, score: '5', content: '再评价一次试试' });
  assert.equal(r.status, 409);
  assert.match(r.html, /已经评价过了/);
  assert.match((await c.get(`/review/new?item=${done.item}`)).html, /已经评价过了/);
  assert.equal(sql(`SELECT COUNT(*) FROM reviews WHERE order_item_id = ${done.item}`), '1');

  const anon = new Client();
  assert.doesNotMatch((await anon.get(`/product/${p.id}`)).html, new RegExp(text.slice(-9)), 'pending reviews are not shown');
  const rid = num(sql(`SELECT id FROM reviews WHERE order_item_id = ${done.item}`));
  mallctl('review-approve', String(rid));
  const p2 = { ...p };
  const page = await new Client().get(`/product/${p2.id}?rpage=1`);
  assert.match(page.html, new RegExp(text.slice(-9)));
  assert.match((await c.get('/reviews')).html, /已展示/);
  checkLedger();
});

test('reviews: not before completion, not for someone else, bad ids; a double submit in parallel stores one', async () => {
  const a = await member(), b = await member();
  const p = product();
  const pending = completedOrder(a.id, p, 'pending');
  let r = await a.c.get(`/review/new?item=${pending.item}`);
  assert.equal(r.status, 200);
  assert.match(r.html, /订单完成\(确认收货\)后才能评价/);
  r = await a.c.submit('/account', '/review', { item: pending.item, score: '5', content: '还没收到货先评价' });
  assert.equal(r.status, 409);
  assert.equal(sql(`SELECT COUNT(*) FROM reviews WHERE order_item_id = ${pending.item}`), '0');

  const done = completedOrder(a.id, p);
  assert.equal((await b.c.get(`/review/new?item=${done.item}`)).status, 404, "someone else's item");
  assert.equal((await b.c.submit('/account', '/review', { item: done.item, score: '1', content: '恶意差评差评' })).status, 404);
  for (const q of ['', 'item=abc', 'item=-1', 'item=0', 'item=1&item=2', 'item=10000000000000000000']) {
    assert.equal((await a.c.get(`/review/new?${q}`)).status, 400, q);
  }
  assert.equal((await a.c.get('/review/new?item=999999999999')).status, 404);

  const token = await a.c.token('/account');
  const results = await Promise.all(Array.from({ length: 6 }, () =>
    a.c.request('POST', '/review', { csrf: token, item: done.item, score: '5', content: '同时提交多次的评价' })));
  const codes = results.map((x) => x.status).sort();
  assert.deepEqual(codes, [303, 409, 409, 409, 409, 409], `one stored, the rest told "already": ${codes}`);
  assert.equal(sql(`SELECT COUNT(*) FROM reviews WHERE order_item_id = ${done.item}`), '1');
  checkLedger();
});

// ---- A9 inbox ----
test('inbox: newest first, unread highlighted and counted on the hub, mark one and all read', async () => {
  const a = await member(), b = await member();
  sql(`INSERT INTO inbox (member_id, kind, title, body, link) VALUES
       (${a.id}, 'points', '积分即将过期', '您有 500 积分将于月底过期', '/points'),
       (${a.id}, 'order', '订单已发货', '<i>顺丰</i> 已揽收', 'https://evil.example/'),
       (${b.id}, 'order', '别人的通知', '', '')`);
  const [older, newer] = sql(`SELECT id FROM inbox WHERE member_id = ${a.id} ORDER BY id`).split('\n').map(num);
  const other = num(sql(`SELECT id FROM inbox WHERE member_id = ${b.id}`));
  const hub = await a.c.get('/account');
  assert.match(hub.html, /class="unread-count">2</);
  let page = await a.c.get('/inbox');
  assert.ok(page.html.indexOf('订单已发货') < page.html.indexOf('积分即将过期'), 'newest first');
  assert.equal((page.html.match(/is-unread/g) || []).length, 2);
  assert.match(page.html, /&lt;i&gt;顺丰&lt;\/i&gt;/);
  assert.doesNotMatch(page.html, /href="https:\/\/evil/, 'only local links');
  assert.match(page.html, /href="\/points"/);
  assert.doesNotMatch(page.html, /别人的通知/);

  let r = await a.c.submit('/inbox', `/inbox/${older}/read`, {});
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT read_at IS NOT NULL FROM inbox WHERE id = ${older}`), '1');
  assert.match((await a.c.get('/account')).html, /class="unread-count">1</);
  assert.equal((await a.c.submit('/account', `/inbox/${other}/read`, {})).status, 404, "someone else's notice");
  assert.equal(sql(`SELECT read_at IS NULL FROM inbox WHERE id = ${other}`), '1');
  assert.equal((await a.c.submit('/account', '/inbox/999999999999/read', {})).status, 404);
  r = await a.c.submit('/inbox', '/inbox/read-all', {});
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT COUNT(*) FROM inbox WHERE member_id = ${a.id} AND read_at IS NULL`), '0');
  assert.equal(sql(`SELECT COUNT(*) FROM inbox WHERE member_id = ${b.id} AND read_at IS NULL`), '1', 'others untouched');
  page = await a.c.get('/inbox');
  assert.equal((page.html.match(/is-unread/g) || []).length, 0);
  assert.match((await a.c.get('/account')).html, /暂无未读通知/);
  assert.equal(newer > older, true);
});

test('inbox: 1,234 notices — "99+" unread, 50 numbered pages then next links walk every notice once', async () => {
  const a = await member();
  sql(`INSERT INTO inbox (member_id, kind, title) SELECT ${a.id}, 'notice', CONCAT('通知#', seq, '#') FROM seq_1_to_1234`);
  assert.match((await a.c.get('/account')).html, /class="unread-count">99\+</);
  const titles = (html) => [...html.matchAll(/通知#(\d+)#/g)].map((m) => Number(m[1]));
  const seen = [];
  let url = '/inbox', pages = 0;
  while (url) {
    const r = await a.c.get(url);
    assert.equal(r.status, 200, url);
    if (pages === 0) assert.match(r.html, /unread-count">99\+ /);
    seen.push(...titles(r.html));
    pages++;
    const next = r.html.match(/class="page-next" rel="next" href="([^"]+)"/);
    url = next ? next[1].replaceAll('&amp;', '&') : null;
    if (pages === 50) assert.match(url, /^\/inbox\?after=\d+$/, 'past page 50 the next link seeks');
    if (pages < 50) assert.equal(url, `/inbox?page=${pages + 1}`);
  }
  assert.equal(pages, 124);
  assert.deepEqual(seen, Array.from({ length: 1234 }, (_, i) => 1234 - i), 'newest first, each once');
  assert.equal((await a.c.get('/inbox?after=abc')).status, 400);
  assert.equal((await a.c.get('/inbox?page=0')).status, 400);
});

test('the account hub links to every member center page; every page is bilingual', async () => {
  const { c } = await member();
  const en = new Client(c.localAddress);
  en.jar = new Map(c.jar); en.jar.set('lang', 'en');
  for (const [p, title] of [['/account', 'My orders'], ['/points', 'Points history'], ['/addresses', 'Addresses'], ['/addresses/new', 'New address'],
    ['/favorites', 'Favorites'], ['/messages', 'Leave us a message'], ['/messages/public', 'Message board'], ['/consultations', 'My questions'],
    ['/reviews', 'Waiting for your review'], ['/inbox', 'Notifications']]) {
    const r = await en.get(p);
    assert.equal(r.status, 200, p);
    assert.match(r.html, new RegExp(title), p);
    assert.doesNotMatch(r.html, /Center\.[A-Z]/, `${p}: no untranslated keys`);
  }
  const hub = await c.get('/account');
  for (const href of ['/orders', '/cart', '/points', '/addresses', '/favorites', '/inbox', '/messages', '/consultations', '/reviews', '/account/password']) {
    assert.match(hub.html, new RegExp(`href="${href.replace('?', '\\?')}"`), href);
  }
  for (const p of ['/favorites', '/messages', '/consultations', '/reviews', '/inbox']) {
    for (const q of ['page=0', 'page=abc', 'page=1&page=2']) assert.equal((await c.get(`${p}?${q}`)).status, 400, `${p}?${q}`);
    assert.equal((await c.get(`${p}?done=bogus`)).status, 200, `${p} ignores a stale done=`);
  }
});
