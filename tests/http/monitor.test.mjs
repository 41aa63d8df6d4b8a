// monitor.test.mjs: the live monitor (F1) through the real stack — the per-minute series the back office shows equal
// an independent count over the orders and the ledger for today and yesterday; alerts fire once and are texted once
// even with several evaluators at once (cron on two nodes and monitor pages open), are acknowledged (who and when,
// audited); the settings are audited; a product of a tripped activity shows the activity's message on its page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, mallctl, mallctlAsync, checkLedger } from './lib/stack.mjs';
import { Client } from './lib/client.mjs';
import { makeMembers, mobile as newMobile, skipCooldown } from './lib/members.mjs';
import { makeProduct, buyNow, placeNow, sendCode } from './lib/shop.mjs';
import { adminClient, adminPost, auditOf } from './lib/admin.mjs';
import { makeActivity } from './lib/guards.mjs';

const ids = (nos) => nos.map(q).join(',');

// The day turning for one activity, as guards.mjs's nextDay does for the budget rows — and for the monitor's rows and
// the orders they count, each moved by the same minutes (so a test can put payments at other minutes of the day).
// Only the rows of the payments just made move (paid within the last five minutes).
function movePaid(activity, nos, minutes) {
  sql(`UPDATE orders SET paid_at = paid_at - INTERVAL ${minutes} MINUTE WHERE order_no IN (${ids(nos)});
       UPDATE activity_minutes SET minute = minute - INTERVAL ${minutes} MINUTE
         WHERE activity_id = ${activity} AND minute >= NOW() - INTERVAL 5 MINUTE ORDER BY minute;
       UPDATE activity_payments SET paid_at = paid_at - INTERVAL ${minutes} MINUTE
         WHERE activity_id = ${activity} AND paid_at >= NOW() - INTERVAL 5 MINUTE ORDER BY paid_at`);
}

// The monitor's CSV of an activity → Set of "day minute orders points cash".
async function shown(admin, activity) {
  const r = await admin.get(`/admin/monitor/${activity}/minutes.csv`);
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /text\/csv/);
  const lines = r.html.replace(/^\uFEFF/, '').trim().split(/\r\n/);
  assert.equal(lines[0], 'day,minute,orders,points,cash_fen');
  return new Set(lines.slice(1).map((l) => l.split(',').join(' ')));
}

// The same series counted independently: the activity's products on paid orders (orders, order lines), by the
// minute of paid_at; and the points cross-checked against the ledger's spend entries of those orders.
function counted(activity) {
  const rows = sql(`SELECT IF(DATE(o.paid_at) = CURDATE(), 'today', 'yesterday'), DATE_FORMAT(o.paid_at, '%H:%i'),
      COUNT(DISTINCT o.id), SUM(i.points_price * i.quantity), SUM(i.cash_price_fen * i.quantity)
    FROM orders o JOIN order_items i ON i.order_id = o.id
    JOIN activity_products ap ON ap.product_id = i.product_id AND ap.activity_id = ${activity}
    WHERE o.status IN ('paid', 'shipped', 'completed') AND o.paid_at >= CURDATE() - INTERVAL 1 DAY
      AND o.paid_at < CURDATE() + INTERVAL 1 DAY
    GROUP BY 1, 2`);
  return new Set(rows ? rows.split('\n').map((l) => l.split('\t').join(' ')) : []);
}

test('the per-minute series shown for today and yesterday equal a count over the orders; totals and charts on the page', async () => {
  const p1 = makeProduct({ points: 30, stock: 200 });
  const p2 = makeProduct({ points: 70, stock: 200 });
  const outside = makeProduct({ points: 11, stock: 200 }); // in no activity: never counted
  const a = makeActivity([p1, p2], { budget: 1000000 });
  const members = makeMembers(3, 100000);
  const clients = await Promise.all(members.map(async (m) => { const c = new Client(); await c.login(m); return c; }));
  // One batch: the three members pay at once (one and two units, a line outside the activity on its own order).
  const batch = async (k) => {
    const plan = [[p1, 1 + (k % 2)], [p2, 1], [k % 2 ? outside : p1, 2]];
    return Promise.all(clients.map((c, i) => buyNow(c, members[i], plan[i][0], plan[i][1])));
  };
  const paid = [];
  // "Yesterday": two batches at two minutes of the day before, then the day turns for the budget row too.
  for (const [k, back] of [[0, 24 * 60 + 31], [1, 24 * 60 + 12]]) {
    const nos = await batch(k);
    paid.push(...nos);
    movePaid(a, nos, back);
    for (const m of members) skipCooldown(m);
  }
  sql(`UPDATE activity_days SET day = day - INTERVAL 1 DAY WHERE activity_id = ${a}`);
  // Today: a batch twenty minutes ago and one now.
  for (const [k, back] of [[2, 20], [3, 0]]) {
    const nos = await batch(k);
    paid.push(...nos);
    if (back) movePaid(a, nos, back);
    for (const m of members) skipCooldown(m);
  }
  const { c: admin } = await adminClient('ops');
  const want = counted(a);
  assert.ok([...want].some((l) => l.startsWith('today ')), 'payments today');
  assert.deepEqual(await shown(admin, a), want);
  // The ledger agrees with the order lines on the points the activity's orders took.
  const ledger = Number(sql(`SELECT -SUM(l.amount) FROM points_ledger l JOIN orders o ON o.id = l.order_id
    WHERE l.kind = 'spend' AND o.order_no IN (${ids(paid)})`));
  const lines = Number(sql(`SELECT SUM(i.points_price * i.quantity) FROM order_items i JOIN orders o ON o.id = i.order_id
    WHERE o.order_no IN (${ids(paid)})`));
  assert.equal(ledger, lines);

  // The page: today's figures are today's rows; yesterday "by now" counts yesterday's minutes up to this one.
  const page = await admin.get('/admin/monitor');
  assert.equal(page.status, 200);
  const card = page.html.slice(page.html.indexOf(`id="act-${a}"`));
  assert.ok(card.length > 0, 'the activity has its card');
  const today = [...want].filter((l) => l.startsWith('today ')).map((l) => l.split(' ').map(Number));
  const orders = today.reduce((s, r) => s + r[2], 0), points = today.reduce((s, r) => s + r[3], 0);
  assert.match(card, new RegExp(`data-k="orders">${orders}<`));
  assert.match(card, new RegExp(`data-k="points">${points}<`));
  const ydayByNow = Number(sql(`SELECT COUNT(DISTINCT o.id) FROM orders o JOIN order_items i ON i.order_id = o.id
    JOIN activity_products ap ON ap.product_id = i.product_id AND ap.activity_id = ${a}
    WHERE o.status = 'paid' AND o.paid_at >= CURDATE() - INTERVAL 1 DAY
      AND o.paid_at < DATE_FORMAT(NOW() - INTERVAL 1 DAY, '%Y-%m-%d %H:%i:00') + INTERVAL 1 MINUTE`));
  assert.match(card, new RegExp(`昨日同时刻 ${ydayByNow}<`));
  // Two SVG line charts (redemptions, points) with today's and yesterday's lines, the "now" mark on today's.
  const charts = card.slice(0, card.indexOf('</article>'));
  assert.equal((charts.match(/<svg class="chart-svg"/g) || []).length, 2);
  assert.match(charts, /chart-series s1[\s\S]*?<polyline class="chart-line" points="[\d., ]+"/);
  assert.match(charts, /class="chart-now"/);
  // Top members and IPs of the last hour: today's payments, each from its client's own address.
  assert.match(card, /近一小时兑换最多的会员[\s\S]*?\d{3}\*\*\*\*\d{4}/);
  assert.match(card, /class="mon-ip">127\./);
  // The big screen shows the activity too.
  const wall = await admin.get('/admin/monitor/wall');
  assert.equal(wall.status, 200);
  assert.match(wall.html, /<body class="admin wall">/);
  assert.match(wall.html, /<noscript><meta http-equiv="refresh" content="5"><\/noscript>/);
  assert.match(wall.html, new RegExp(`id="act-${a}"[\\s\\S]*?data-k="orders">${orders}<`));
  checkLedger();
});

test('alerts: fired once and texted once to the on-duty mobiles with evaluators racing; acknowledged with who and when; a tripped product says so', async () => {
  const p = makeProduct({ points: 200, stock: 100 });
  const a = makeActivity([p], { budget: 1000, style: 'lottery', message: '本场兑换已结束' });
  const duty = [newMobile('139'), newMobile('139')];
  const { c: ops, admin: who } = await adminClient('ops');

  // The settings, through the back office (audited): budget alert at 50 %, a surge is 2+ orders over 3× yesterday.
  assert.equal((await ops.get(`/admin/monitor/${a}/settings`)).status, 200);
  const bad = await adminPost(ops, `/admin/monitor/${a}/settings`, { surge_pct: 300, surge_minutes: 5, surge_min_orders: 2,
    budget_pct: 50, on_trip: 1, duty_mobiles: '123' }, `/admin/monitor/${a}/settings`);
  assert.equal(bad.status, 200);
  assert.match(bad.html, /id="e-duty_mobiles"/);
  const saved = await adminPost(ops, `/admin/monitor/${a}/settings`, { surge_pct: 300, surge_minutes: 5, surge_min_orders: 2,
    budget_pct: 50, on_trip: 1, duty_mobiles: `${duty[0]}, ${duty[1]}` }, `/admin/monitor/${a}/settings`);
  assert.equal(saved.status, 303);
  assert.equal(sql(`SELECT duty_mobiles FROM monitor_settings WHERE activity_id = ${a}`), `${duty[0]},${duty[1]}`);
  assert.equal(auditOf('monitor_settings', a).at(-1).after.budget_pct, '50');

  // Three payments: 600 of 1,000 points (60 %), three orders where yesterday had none.
  const [m] = makeMembers(1, 100000);
  const c = new Client();
  await c.login(m);
  for (let i = 0; i < 3; i++) { await buyNow(c, m, p, 1); skipCooldown(m); }

  const texts = (mobile) => Number(sql(`SELECT COUNT(*) FROM sms_outbox WHERE mobile = ${q(mobile)} AND purpose = 'monitor'`));
  const alerts = () => sql(`SELECT kind, COUNT(*) FROM monitor_alerts WHERE activity_id = ${a} GROUP BY kind ORDER BY CAST(kind AS CHAR)`);
  // Two cron runs (the job lease makes the second wait its turn), and monitor pages evaluating on their own.
  const { c: viewer } = await adminClient('monitor');
  const runs = await Promise.all([mallctlAsync('monitor-alerts'), mallctlAsync('monitor-alerts'),
    viewer.get('/admin/monitor'), ops.get('/admin/monitor/wall'), viewer.get('/admin/monitor/wall')]);
  assert.equal(runs[0].status, 0, runs[0].out);
  assert.equal(runs[1].status, 0, runs[1].out);
  for (const r of runs.slice(2)) assert.equal(r.status, 200);
  assert.equal(alerts(), 'budget\t1\nsurge\t1');
  assert.deepEqual(duty.map(texts), [2, 2]);
  const body = sql(`SELECT body FROM sms_outbox WHERE mobile = ${q(duty[0])} AND purpose = 'monitor' ORDER BY id`);
  assert.match(body, /预算已用60%/);
  assert.match(body, /近5分钟兑换3单,昨日同时段0单/);
  // Once: evaluating again changes nothing.
  mallctl('monitor-alerts');
  assert.equal(alerts(), 'budget\t1\nsurge\t1');
  assert.deepEqual(duty.map(texts), [2, 2]);

  // On the wall until acknowledged; the ack records who and when (audited), a second ack changes nothing.
  const budgetAlert = Number(sql(`SELECT id FROM monitor_alerts WHERE activity_id = ${a} AND kind = 'budget'`));
  assert.match((await ops.get('/admin/monitor/wall')).html, new RegExp(`data-alert="${budgetAlert}"`));
  const deskPage = await ops.get('/admin/monitor');
  assert.match(deskPage.html, new RegExp(`action="/admin/monitor/alerts/${budgetAlert}/ack"`));
  // The monitor role sees the alert, and no button to acknowledge it (and is refused if it posts anyway).
  const seen = await viewer.get('/admin/monitor');
  assert.match(seen.html, new RegExp(`data-alert="${budgetAlert}"`));
  assert.doesNotMatch(seen.html, /\/ack"/);
  assert.equal((await adminPost(viewer, `/admin/monitor/alerts/${budgetAlert}/ack`, {}, '/admin/monitor')).status, 403);
  assert.equal(sql(`SELECT acked_at IS NULL FROM monitor_alerts WHERE id = ${budgetAlert}`), '1');
  const ack = await adminPost(ops, `/admin/monitor/alerts/${budgetAlert}/ack`, {}, '/admin/monitor');
  assert.equal(ack.posted?.status ?? ack.status, 303);
  const [by, name, recent] = sql(`SELECT acked_by, acked_by_name, acked_at > NOW() - INTERVAL 1 MINUTE FROM monitor_alerts
    WHERE id = ${budgetAlert}`).split('\t');
  assert.deepEqual([Number(by), name, recent], [who.id, who.username, '1']);
  const trail = auditOf('monitor_alert', budgetAlert);
  assert.equal(trail.length, 1);
  assert.equal(trail[0].action, 'ack');
  assert.equal(trail[0].who, who.username);
  assert.equal(trail[0].after.acked_by_name, who.username);
  const again = await adminPost(ops, `/admin/monitor/alerts/${budgetAlert}/ack`, {}, '/admin/monitor');
  assert.match(again.posted?.location ?? again.location ?? '', /done=unchanged/);
  assert.equal(auditOf('monitor_alert', budgetAlert).length, 1);
  assert.doesNotMatch((await ops.get('/admin/monitor/wall')).html, new RegExp(`data-alert="${budgetAlert}"`));
  assert.match((await ops.get('/admin/monitor')).html, new RegExp(`已确认: ${who.username}`));

  // The breaker trips (1,200 > 1,000): one more alert, texted once; the product's own page shows the message.
  const more = [await placeNow(c, p, 1), await placeNow(c, p, 1), await placeNow(c, p, 1)];
  const paidThen = [];
  for (const no of more) {
    skipCooldown(m);
    paidThen.push((await c.post(`/order/${no}/pay`, { code: await sendCode(c, no, m) })).status);
  }
  assert.deepEqual(paidThen, [303, 303, 409]);
  assert.equal(sql(`SELECT tripped_at IS NOT NULL FROM activity_days WHERE activity_id = ${a} AND day = CURDATE()`), '1');
  await Promise.all([mallctlAsync('monitor-alerts'), mallctlAsync('monitor-alerts'), ops.get('/admin/monitor')]);
  assert.equal(alerts(), 'budget\t1\nsurge\t1\ntripped\t1');
  assert.deepEqual(duty.map(texts), [3, 3]);
  const product = await new Client().get(`/product/${p}`);
  assert.match(product.html, /class="flash flash-error activity-guard" role="alert">本场兑换已结束</);

  // The surge acknowledged while it goes on: no new alert at once; one once its 5-minute window has passed since the
  // ack (the ack moved back in time), texted once more.
  const surgeAlert = sql(`SELECT id FROM monitor_alerts WHERE activity_id = ${a} AND kind = 'surge'`);
  const surgeAck = await adminPost(ops, `/admin/monitor/alerts/${surgeAlert}/ack`, {}, '/admin/monitor');
  assert.equal(surgeAck.posted?.status ?? surgeAck.status, 303);
  mallctl('monitor-alerts');
  assert.equal(alerts(), 'budget\t1\nsurge\t1\ntripped\t1');
  sql(`UPDATE monitor_alerts SET acked_at = NOW() - INTERVAL 6 MINUTE WHERE id = ${surgeAlert}`);
  mallctl('monitor-alerts');
  assert.equal(alerts(), 'budget\t1\nsurge\t2\ntripped\t1');
  assert.deepEqual(duty.map(texts), [4, 4]);
  checkLedger();
});
