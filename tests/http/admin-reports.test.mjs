// admin-reports.test.mjs: B9 reports — points per day/month and redemptions reconcile with the ledger and the
// orders, CSV export (BOM, header, rows, escaping), date validation and who may see reports.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { checkLedger, mallctl, q, sql } from './lib/stack.mjs';
import { Client } from './lib/client.mjs';
import { makeMembers, memberId, skipCooldown } from './lib/members.mjs';
import { makeProduct, placeNow, payOrder } from './lib/shop.mjs';
import { adminClient } from './lib/admin.mjs';

// ---- the activity: two members, grants, three paid orders (one cancelled), one expired lot, all moved into a
// window of past days nobody else writes to, so every number is known exactly ----
const W = {};
const day = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const SAFE_NAME = `报表商品 ${randomInt(1e6)}`;
const NASTY_NAME = `=HYPERLINK("http://x",${randomInt(1e6)})`;
const MERCHANT_NAME = `@报表商户,"甲" ${randomInt(1e6)}`;

// The same member buys several times in a row: each payment code is sent at once.
async function buyPaid(c, m, productId, quantity) {
  const no = await placeNow(c, productId, quantity);
  skipCooldown(m);
  await payOrder(c, m, no);
  return no;
}

before(async () => {
  // A month in 2001–2019 with no ledger entries or paid orders around it.
  for (;;) {
    W.y = randomInt(2001, 2020);
    W.m = randomInt(1, 12); // 1..11, so m + 1 stays in the same year
    W.last = new Date(Date.UTC(W.y, W.m, 0)).getUTCDate(); // the month's last day
    W.d1 = day(W.y, W.m, W.last - 1);
    W.d2 = day(W.y, W.m, W.last);
    W.d3 = day(W.y, W.m + 1, 1);
    const busy = sql(`SELECT (SELECT COUNT(*) FROM points_ledger WHERE created_at >= '${day(W.y, W.m, 1)}' AND created_at < '${day(W.y, W.m + 1, 28)}')
      + (SELECT COUNT(*) FROM orders WHERE paid_at >= '${day(W.y, W.m, 1)}' AND paid_at < '${day(W.y, W.m + 1, 28)}')`);
    if (busy === '0') break;
  }
  const [a, b] = makeMembers(2);
  W.a = a; W.b = b;
  const ida = memberId(a), idb = memberId(b);
  mallctl('grant-points', a, '5000', '2099-12-31', '报表测试发放');
  mallctl('grant-points', b, '3000', '2099-12-31', '报表测试发放');
  // A merchant with a name that must be escaped in CSV, a second-level category.
  sql(`INSERT INTO merchants (name) VALUES ('${MERCHANT_NAME.replace(/'/g, "''")}')`);
  W.merchant = Number(sql('SELECT MAX(id) FROM merchants'));
  W.p1 = makeProduct({ points: 100, stock: 50 });
  W.p2 = makeProduct({ points: 300, stock: 50 });
  sql(`UPDATE products SET name_zh = '${SAFE_NAME}' WHERE id = ${W.p1};
       UPDATE products SET name_zh = '${NASTY_NAME.replace(/'/g, "''")}', merchant_id = ${W.merchant},
         category_id = (SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1) WHERE id = ${W.p2};
       REPLACE INTO product_search (product_id, title, body) SELECT id, name_zh, '' FROM products WHERE id IN (${W.p1}, ${W.p2})`);
  W.cat1 = Number(sql(`SELECT category_id FROM products WHERE id = ${W.p1}`));
  W.cat2 = Number(sql(`SELECT category_id FROM products WHERE id = ${W.p2}`));
  const c = new Client();
  await c.login(a);
  const o1 = await buyPaid(c, a, W.p1, 2); // 200
  const o2 = await buyPaid(c, a, W.p2, 1); // 300
  const o3 = await buyPaid(c, a, W.p1, 1); // 100, cancelled below → refund 100, not a redemption
  mallctl('order-cancel', o3, '报表测试取消');
  // An expired lot for b: 40 points that ran out yesterday, expired by the nightly job.
  sql(`INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at) VALUES (${idb}, 'grant', '报表测试', 40, 40, CURDATE() - INTERVAL 1 DAY);
       UPDATE members SET points_balance = points_balance + 40 WHERE id = ${idb};
       INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note)
         SELECT ${idb}, 'grant', 40, points_balance, (SELECT MAX(id) FROM points_lots WHERE member_id = ${idb}), '报表测试' FROM members WHERE id = ${idb};`);
  mallctl('expire-points');
  // Into the window: grants on d1, the orders at the very end of d2, refund and expiry at the very start of d3.
  const orders = [o1, o2, o3].map(q).join(',');
  sql(`UPDATE points_ledger SET created_at = '${W.d1} 09:30:00' WHERE member_id IN (${ida}, ${idb}) AND kind = 'grant';
       UPDATE points_ledger SET created_at = '${W.d2} 23:59:59' WHERE member_id = ${ida} AND kind = 'spend';
       UPDATE points_ledger SET created_at = '${W.d3} 00:00:00' WHERE member_id IN (${ida}, ${idb}) AND kind IN ('refund', 'expire');
       UPDATE orders SET created_at = '${W.d2} 23:50:00', paid_at = '${W.d2} 23:59:59' WHERE order_no IN (${orders})`);
  W.orders = [o1, o2, o3];
  checkLedger();
});

const num = (s) => Number(String(s).replace(/[,+\s]/g, ''));
// The table's cells per row: opening, earn, grant, scan, api earn, adjust+, spend, offline, api spend, coupon, refund,
// api reverse+, expire, adjust−, api reverse−, net, closing.
function pointsCells(html) {
  const rows = {};
  for (const m of html.matchAll(/<tr (?:class="[^"]*" )?data-period="([^"]+)">([\s\S]*?)<\/tr>/g))
    rows[m[1]] = [...m[2].matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)].map((c) => num(c[1]));
  return rows;
}
// …folded into the legend's groups: { period: [issued, spent, refunded, expired, net, closing] }
const groups = ([, earn, grant, scan, apiEarn, bonus, adjIn, spend, offline, apiSpend, coupon, refund, revIn, expire, adjOut, revOut,
  bonusOut, net, closing]) => [earn + grant + scan + apiEarn + bonus + adjIn, -(spend + offline + apiSpend + coupon + adjOut + revOut + bonusOut) || 0,
  refund + revIn, -expire || 0, net, closing]; // || 0: no -0
function pointsTable(html) {
  const out = {};
  for (const [k, v] of Object.entries(pointsCells(html))) if (k !== 'total') out[k] = groups(v);
  return out;
}
// The same numbers straight from the ledger, for [from, to] by day or month.
function ledgerSums(from, to, month) {
  const fmt = month ? '%Y-%m' : '%Y-%m-%d';
  const out = {};
  const lines = sql(`SELECT DATE_FORMAT(created_at, '${fmt}'),
      SUM(IF(kind IN ('earn','grant','scan','api_earn') OR (kind IN ('adjust', 'bonus') AND amount > 0), amount, 0)),
      SUM(IF(kind IN ('spend', 'offline', 'api_spend', 'coupon') OR (kind IN ('adjust', 'api_reverse', 'bonus') AND amount < 0), -amount, 0)),
      SUM(IF(kind = 'refund' OR (kind = 'api_reverse' AND amount > 0), amount, 0)), SUM(IF(kind = 'expire', -amount, 0)), SUM(amount)
    FROM points_ledger WHERE created_at >= '${from}' AND created_at < '${to}' + INTERVAL 1 DAY GROUP BY 1`);
  for (const l of lines.split('\n').filter(Boolean)) { const [k, ...v] = l.split('\t'); out[k] = v.map(Number); }
  return out;
}
const nextDay = (d) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400e3).toISOString().slice(0, 10);
const balanceAt = (end) => Number(sql(`SELECT COALESCE(SUM(amount), 0) FROM points_ledger WHERE created_at < '${end}'`));

// RFC 4180 parser (quoted fields, doubled quotes, CRLF).
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', i = 0, quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      cell += ch; i++; continue;
    }
    if (ch === '"') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(cell); cell = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    cell += ch; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('daily points report equals the ledger: issued, spent, refunded, expired, outstanding; CSV the same', async () => {
  const { c } = await adminClient('finance');
  const from = day(W.y, W.m, W.last - 2), to = W.d3;
  const r = await c.get(`/admin/reports?from=${from}&to=${to}&group=day`);
  assert.equal(r.status, 200);
  const t = pointsTable(r.html);
  assert.deepEqual(Object.keys(t), [from, W.d1, W.d2, W.d3], 'one row per day, empty days included');
  // What this test did, exactly:
  assert.deepEqual(t[from].slice(0, 5), [0, 0, 0, 0, 0]);
  assert.deepEqual(t[W.d1].slice(0, 5), [8040, 0, 0, 0, 8040]);
  assert.deepEqual(t[W.d2].slice(0, 5), [0, 600, 0, 0, -600], 'a spend at 23:59:59 belongs to its day');
  assert.deepEqual(t[W.d3].slice(0, 5), [0, 0, 100, 40, 60], 'refund and expiry at 00:00:00 belong to the next day');
  // …and the ledger agrees, including the running balance of all members.
  const sums = ledgerSums(from, to, false);
  for (const [d, row] of Object.entries(t)) {
    assert.deepEqual(row.slice(0, 5), sums[d] || [0, 0, 0, 0, 0], d);
    assert.equal(row[5], balanceAt(nextDay(d)), `outstanding at the end of ${d}`);
  }
  assert.equal(num(r.html.match(/id="sum-opening">([^<]*)/)[1]), balanceAt(from));
  assert.equal(num(r.html.match(/id="sum-issued">([^<]*)/)[1]), 8040);
  assert.equal(num(r.html.match(/id="sum-spent">([^<]*)/)[1]), 600);
  assert.equal(num(r.html.match(/id="sum-closing">([^<]*)/)[1]), balanceAt(nextDay(W.d3)));
  assert.match(r.html, /<svg class="chart-svg"[\s\S]*?<polyline class="chart-line" points="[\d., ]+"/, 'an inline SVG chart');

  const csv = await c.getBytes(`/admin/reports/points.csv?from=${from}&to=${to}&group=day`);
  assert.equal(csv.status, 200);
  assert.equal(csv.type, 'text/csv; charset=utf-8');
  assert.match(csv.disposition, new RegExp(`^attachment; filename="points-daily-${from.replace(/-/g, '')}-${to.replace(/-/g, '')}\\.csv"$`));
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM first');
  const rows = parseCsv(csv.text.slice(1));
  assert.deepEqual(rows[0], ['日期', '起始日', '截止日', '期初余额', '消费赠送', '运营发放', '扫码积分', '接口发放', '活动奖励', '正向调整', '商城兑换', '终端支付',
    '接口扣减', '兑换消费券', '订单退还', '接口冲正退还', '过期', '后台扣减', '接口冲正扣回', '活动奖励收回', '净变动', '期末余额']);
  assert.equal(rows.length, 1 + 4 + 1, 'header, four days, total');
  const cells = pointsCells(r.html);
  for (const row of rows.slice(1, 5)) assert.deepEqual(row.slice(3).map(Number), cells[row[0]], row[0]);
  assert.deepEqual(rows[5].slice(0, 3), ['合计', from, to]);
  assert.deepEqual(groups(rows[5].slice(3).map(Number)), [8040, 600, 100, 40, 7500, balanceAt(nextDay(W.d3))]);
  assert.deepEqual(rows[5].slice(3).map(Number), cells.total, 'the CSV total is the page total');
  assert.ok(csv.text.includes('\r\n'), 'CRLF line ends');
});

test('monthly points report: months clipped to the range, sums equal the daily ones', async () => {
  const { c } = await adminClient('super');
  const from = day(W.y, W.m, 1), to = day(W.y, W.m + 1, 15);
  const r = await c.get(`/admin/reports?from=${from}&to=${to}&group=month`);
  assert.equal(r.status, 200);
  const t = pointsTable(r.html);
  const m1 = from.slice(0, 7), m2 = to.slice(0, 7);
  assert.deepEqual(Object.keys(t), [m1, m2]);
  assert.deepEqual(t[m1].slice(0, 5), [8040, 600, 0, 0, 7440]);
  assert.deepEqual(t[m2].slice(0, 5), [0, 0, 100, 40, 60]);
  const sums = ledgerSums(from, to, true);
  assert.deepEqual(t[m1].slice(0, 5), sums[m1]);
  assert.deepEqual(t[m2].slice(0, 5), sums[m2]);
  assert.equal(t[m2][5], balanceAt(day(W.y, W.m + 1, 16)), 'outstanding at the end of the clipped month');
  // a month row drills down into its days
  assert.match(r.html, new RegExp(`href="/admin/reports\\?from=${from}&amp;to=${day(W.y, W.m, W.last)}&amp;group=day"`));
  const csv = await c.getBytes(`/admin/reports/points.csv?from=${from}&to=${to}&group=month`);
  const rows = parseCsv(csv.text.slice(1));
  assert.equal(rows[0][0], '月份');
  assert.deepEqual(rows.slice(1, 3).map((x) => x.slice(0, 3)), [[m1, from, day(W.y, W.m, W.last)], [m2, day(W.y, W.m + 1, 1), to]]);
  assert.match(csv.disposition, /filename="points-monthly-/);
});

test('redemptions by product, category and merchant: paid lines only, totals, CSV escaping', async () => {
  const { c } = await adminClient('finance');
  const range = `from=${W.d1}&to=${W.d3}`;
  const table = (html) => {
    const rows = {};
    for (const m of html.matchAll(/<tr data-id="(\d*)">([\s\S]*?)<\/tr>/g))
      rows[m[1]] = [...m[2].matchAll(/<td class="num">([^<]*)<\/td>/g)].map((x) => x[1]);
    return rows;
  };
  let r = await c.get(`/admin/reports/redemptions?${range}&by=product`);
  assert.equal(r.status, 200);
  let t = table(r.html);
  // rank, qty, orders, points, cash, share — the cancelled order's line is not counted
  assert.deepEqual(t[W.p2], ['1', '1', '1', '300', '0.00', '60.0%']);
  assert.deepEqual(t[W.p1], ['2', '2', '1', '200', '0.00', '40.0%']);
  assert.equal(r.html.match(/id="charged-points">([^<]*)/)[1], '500', 'no coupons: charged = the lines');
  assert.equal(Object.keys(t).length, 2);
  assert.equal(num(r.html.match(/id="sum-orders">([^<]*)/)[1]), 2, 'two paid orders (the cancelled one is out)');
  assert.equal(num(r.html.match(/id="sum-points">([^<]*)/)[1]), 500);
  // reconciles with the spend entries of the orders still paid
  const spent = sql(`SELECT -SUM(l.amount) FROM points_ledger l JOIN orders o ON o.id = l.order_id
    WHERE l.kind = 'spend' AND o.status IN ('paid','shipped','completed') AND o.paid_at >= '${W.d1}' AND o.paid_at < '${W.d3}' + INTERVAL 1 DAY`);
  assert.equal(Number(spent), 500);
  assert.ok(r.html.includes(NASTY_NAME.replace(/&/g, '&amp;').replace(/"/g, '&quot;')), 'names are escaped in HTML');
  assert.match(r.html, /<svg class="chart-svg chart-svg-bars"[\s\S]*?<rect /, 'a bar chart');

  r = await c.get(`/admin/reports/redemptions?${range}&by=category`);
  t = table(r.html);
  if (W.cat1 === W.cat2) assert.deepEqual(t[W.cat1].slice(1, 4), ['3', '2', '500']);
  else {
    assert.deepEqual(t[W.cat2].slice(1, 4), ['1', '1', '300']);
    assert.deepEqual(t[W.cat1].slice(1, 4), ['2', '1', '200']);
    const parent = sql(`SELECT p.name_zh FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.id = ${W.cat2}`);
    assert.ok(r.html.includes(`${parent} / `), 'a child category is shown under its parent');
  }

  r = await c.get(`/admin/reports/redemptions?${range}&by=merchant`);
  t = table(r.html);
  assert.deepEqual(t[W.merchant].slice(1, 4), ['1', '1', '300']);
  assert.deepEqual(t[''].slice(1, 4), ['2', '1', '200'], 'own products under the platform');
  assert.match(r.html, /平台自营/);

  let csv = await c.getBytes(`/admin/reports/redemptions.csv?${range}&by=product`);
  assert.equal(csv.status, 200);
  assert.equal(csv.type, 'text/csv; charset=utf-8');
  assert.match(csv.disposition, /^attachment; filename="redemptions-product-\d{8}-\d{8}\.csv"$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  let rows = parseCsv(csv.text.slice(1));
  assert.deepEqual(rows[0], ['编号', '商品', '兑换数量', '订单数', '消耗积分', '现金(元)']);
  assert.deepEqual(rows[1], [String(W.p2), `'${NASTY_NAME}`, '1', '1', '300', '0.00'], 'a formula-looking name is neutralised with a quote');
  assert.deepEqual(rows[2], [String(W.p1), SAFE_NAME, '2', '1', '200', '0.00']);
  assert.deepEqual(rows[3], ['', '合计', '3', '2', '500', '0.00']);
  assert.deepEqual(rows[4], ['', '优惠券抵扣', '', '', '0', '0.00']);
  assert.deepEqual(rows[5], ['', '实付', '', '2', '500', '0.00']);
  assert.ok(csv.text.includes(`"'=HYPERLINK(""http://x"",`), 'quotes doubled inside a quoted field');

  csv = await c.getBytes(`/admin/reports/redemptions.csv?${range}&by=merchant`);
  rows = parseCsv(csv.text.slice(1));
  assert.equal(rows[0][1], '商户');
  assert.deepEqual(rows[1], [String(W.merchant), `'${MERCHANT_NAME}`, '1', '1', '300', '0.00'], '@ is a formula prefix too; commas and quotes survive');
  assert.deepEqual(rows[2], ['', '平台自营', '2', '1', '200', '0.00']);
});

test('bad dates and ranges get a message next to the field, never a 500; CSV too', async () => {
  const { c } = await adminClient('ops');
  const cases = [
    ['from=2024-02-30&to=2024-03-01', 'from', '请按 年-月-日 填写日期'],
    ['from=abc&to=2024-03-01', 'from', '请按 年-月-日 填写日期'],
    ['from=2024-03-01&to=2024-13-01', 'to', '请按 年-月-日 填写日期'],
    ['from=2024-03-10&to=2024-03-01', 'to', '结束日期不能早于开始日期'],
    ['from=2023-01-01&to=2024-01-02', 'from', '日期范围不能超过 366 天'],
    [`from=${'9'.repeat(200)}`, 'from', '请按 年-月-日 填写日期'],
  ];
  for (const [qs, field, msg] of cases) {
    for (const path of ['/admin/reports', '/admin/reports/redemptions', '/admin/reports/points.csv', '/admin/reports/redemptions.csv']) {
      const r = await c.get(`${path}?${qs}`);
      assert.equal(r.status, 400, `${path}?${qs}`);
      assert.match(r.html, new RegExp(`<input[^>]* name="${field}"[^>]*aria-invalid="true"[\\s\\S]*?class="field-error"[^>]*>${msg}`), `${path}?${qs}`);
      assert.match(r.html, /日期有误,请修正后重新查询/);
      assert.doesNotMatch(r.html, /id="points-report"|id="redemptions-report"/, 'no numbers for a bad range');
    }
  }
  // The longest allowed range works (366 days, a leap year).
  assert.equal((await c.get('/admin/reports?from=2024-01-01&to=2024-12-31')).status, 200);
  assert.equal((await c.get('/admin/reports?from=2024-01-01&to=2024-12-31&group=month')).status, 200);
  // Unknown choices are a plain 400 page.
  assert.equal((await c.get('/admin/reports?group=week')).status, 400);
  assert.equal((await c.get('/admin/reports/redemptions?by=brand')).status, 400);
  // Defaults: the last 30 days by day, the last 12 months by month.
  const d = await c.get('/admin/reports');
  assert.equal(d.status, 200);
  assert.equal(Object.keys(pointsTable(d.html)).length, 30);
  const m = await c.get('/admin/reports?group=month');
  assert.equal(Object.keys(pointsTable(m.html)).length, 12);
});

test('finance, ops, super and an enterprise admin (its own members, B8) see reports; a moderator gets 403; anonymous goes to sign-in', async () => {
  const paths = ['/admin/reports', '/admin/reports/points.csv', '/admin/reports/redemptions', '/admin/reports/redemptions.csv'];
  for (const role of ['finance', 'ops', 'super', 'enterprise']) {
    const { c } = await adminClient(role);
    for (const p of paths) assert.equal((await c.get(p)).status, 200, `${role} ${p}`);
  }
  for (const role of ['moderator']) {
    const { c } = await adminClient(role);
    for (const p of paths) {
      const r = await c.get(`${p}?from=2024-01-01&to=2024-01-31`);
      assert.equal(r.status, 403, `${role} ${p}`);
      assert.doesNotMatch(r.html, /points-report|redemptions-report|发放,消费/);
    }
  }
  const anon = new Client();
  for (const p of paths) {
    const r = await anon.get(p);
    assert.equal(r.status, 303);
    assert.match(r.location, /^\/admin\/login\?next=/);
  }
  // A member's storefront session opens nothing here.
  const member = new Client();
  await member.login(W.a);
  assert.equal((await member.get('/admin/reports')).status, 303);
  checkLedger();
});
