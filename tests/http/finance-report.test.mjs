// finance-report.test.mjs: the monthly points liability report (P5) — after a scripted month of grants, spends,
// refunds, expiries and partner earns by rule with activity bonuses (one reversed), every figure equals an
// independent SQL sum, opening + issued − spent − expired = closing
// holds, the page and the CSV say so, an ended month's closing becomes the next month's opening, and a tampered
// closing is reported as broken (by the page and by mallctl's exit code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, q, mallctl, mallctlRun, checkLedger } from './lib/stack.mjs';
import { Client, flash } from './lib/client.mjs';
import { makeMembers, memberId, balance } from './lib/members.mjs';
import { makeProduct, buyNow } from './lib/shop.mjs';
import { adminClient } from './lib/admin.mjs';
import { api, idem, ref, makePartner } from './lib/api.mjs';
import { makeActivity } from './lib/guards.mjs';

const ENT = `FIN${Date.now() % 1e8}`; // an enterprise of this run alone
const MONTH = '2024-05';
const COLS = ['grant', 'consumption', 'activity', 'scan', 'refund', 'adjust_in', 'spent', 'expired'];

// The report's figures for ENT, summed straight from the ledger (nothing of the report's code).
function expected(month) {
  const [y, m] = month.split('-').map(Number);
  const start = `${month}-01`, next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const one = (cond) => Number(sql(`SELECT COALESCE(SUM(l.amount), 0) FROM points_ledger l JOIN members m ON m.id = l.member_id
    WHERE m.enterprise = ${q(ENT)} AND ${cond}`));
  const inMonth = `l.created_at >= '${start}' AND l.created_at < '${next}'`;
  const e = {
    opening: one(`l.created_at < '${start}'`),
    grant: one(`${inMonth} AND l.kind = 'grant'`),
    consumption: one(`${inMonth} AND l.kind IN ('earn', 'api_earn')`),
    activity: one(`${inMonth} AND l.kind = 'bonus' AND l.amount > 0`),
    scan: one(`${inMonth} AND l.kind = 'scan'`),
    refund: one(`${inMonth} AND (l.kind = 'refund' OR (l.kind = 'api_reverse' AND l.amount > 0))`),
    adjust_in: one(`${inMonth} AND l.kind = 'adjust' AND l.amount > 0`),
    spent: -one(`${inMonth} AND (l.kind IN ('spend', 'offline', 'api_spend', 'coupon') OR (l.kind IN ('adjust', 'api_reverse', 'bonus') AND l.amount < 0))`),
    expired: -one(`${inMonth} AND l.kind = 'expire'`),
    closing: one(`l.created_at < '${next}'`),
  };
  e.issued = e.grant + e.consumption + e.activity + e.scan + e.refund + e.adjust_in;
  return e;
}

// Ended months' closings are written once, as the ledger only grows; tests that move entries into the past (this one,
// month-reconcile …) rewrite history under them, so the kept closings are dropped before a report is checked.
const forgetClosings = () => sql('DELETE FROM points_months_closed; DELETE FROM points_month_closings', { flush: false });

// mallctl report-points --csv → { exit code, row of ENT by column name }.
function reportCsv(month) {
  const r = mallctlRun('report-points', '--month', month, '--csv');
  const lines = r.out.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const row = lines.slice(1).map((l) => l.split(',')).find((c) => c[1] === ENT);
  return { code: r.status, head, row: row && Object.fromEntries(head.map((h, i) => [h, /^-?\d+$/.test(row[i]) ? Number(row[i]) : row[i]])) };
}

test('a scripted month: every figure of the report equals the ledger summed by hand, and the identity holds', async () => {
  // Three members of one enterprise: grants, a spend, a cancelled (refunded) order, an expired lot.
  const ms = makeMembers(3, 1000);
  const [expiring] = makeMembers(1, 300, '2024-01-31');
  const all = [...ms, expiring];
  sql(`UPDATE members SET enterprise = ${q(ENT)} WHERE mobile IN (${all.map(q).join(',')})`);
  const p = makeProduct({ points: 120, stock: 50 });
  const buyers = [];
  for (const m of ms.slice(0, 2)) {
    const c = new Client();
    await c.login(m);
    buyers.push({ m, no: await buyNow(c, m, p, 2) });
  }
  assert.equal(balance(ms[0]), 760);
  const cancelled = mallctlRun('order-cancel', buyers[1].no, '财务月报测试');
  assert.equal(cancelled.status, 0, cancelled.out + cancelled.err);
  assert.equal(balance(ms[1]), 1000, 'the cancelled order\'s points came back');
  assert.equal(mallctlRun('expire-points').status, 0);
  assert.equal(balance(expiring), 0, 'the lot of January 2024 expired');
  // The enterprise's partner reports consumptions (P2): ms[2] earns 20 by rule and a double-points bonus of 20; ms[1]
  // earns 10 + 10 and the earn is reversed (its bonus taken back with it).
  const partner = await makePartner(mallctl, ENT);
  sql(`INSERT INTO earning_rules (enterprise, code, version, name, points_per_unit, unit_fen, rounding)
       VALUES (${q(ENT)}, 'yuan', 1, 'fin test', 1, 100, 'down')`);
  const act = makeActivity([]);
  sql(`INSERT INTO activity_bonuses (activity_id, enterprise, kind, multiplier_pct) VALUES (${act}, ${q(ENT)}, 'multiply', 200)`);
  const byRule = async (m, amount) => {
    const r = await api('POST', `/api/v1/members/${memberId(m)}/earn`, { key: partner, body: { rule: 'yuan', amount_fen: amount, reference: ref('fin') }, idem: idem() });
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  assert.equal((await byRule(ms[2], 2099)).balance, 1040);
  const back = await byRule(ms[1], 1000);
  const rv = await api('POST', '/api/v1/reversals', { key: partner, body: { reference: back.reference }, idem: idem() });
  assert.equal(rv.status, 201, rv.text);
  sql(`UPDATE activities SET ends_at = NOW() - INTERVAL 1 SECOND WHERE id = ${act}`);
  // Move this month's story into MONTH, the first grants into the month before (the opening).
  const ids = all.map(memberId).join(',');
  sql(`UPDATE points_ledger SET created_at = IF(kind = 'grant', '2024-04-20 10:00:00', '${MONTH}-15 12:00:00') WHERE member_id IN (${ids})`, { flush: false });
  forgetClosings();
  sql(`INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at) VALUES (${memberId(ms[2])}, 'grant', 'fin test', 50, 50, '2030-12-31');
       UPDATE members SET points_balance = points_balance + 50 WHERE id = ${memberId(ms[2])};
       INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note, created_at)
         VALUES (${memberId(ms[2])}, 'grant', 50, 1050, LAST_INSERT_ID(), 'fin test', '${MONTH}-20 09:00:00');`, { flush: false });
  checkLedger();

  const e = expected(MONTH);
  assert.equal(e.opening, 3300, 'the April grants');
  assert.equal(e.grant, 50);
  assert.equal(e.consumption, 30, 'earned by rule: 20 and 10');
  assert.equal(e.activity, 30, 'their bonuses');
  assert.equal(e.spent, 500, 'two orders of 240, one of them refunded; the reversed earn and its bonus');
  assert.equal(e.refund, 240);
  assert.equal(e.expired, 300);
  assert.equal(e.closing, e.opening + e.issued - e.spent - e.expired);

  const { code, head, row } = reportCsv(MONTH);
  assert.equal(code, 0, 'mallctl says the identity holds');
  assert.deepEqual(head, ['\uFEFFmonth', 'enterprise', 'opening', ...COLS.slice(0, 6), 'issued', 'spent', 'expired', 'closing', 'identity'].map((h, i) => (i === 0 ? h.replace('\uFEFF', '') : h)));
  assert.ok(row, 'the enterprise has its row');
  for (const k of ['opening', ...COLS, 'issued', 'closing']) assert.equal(row[k], e[k], `${k} equals the ledger's sum`);
  assert.equal(row.identity, 'holds');
  const text = mallctlRun('report-points', '--month', MONTH);
  assert.match(text.out, /holds on every row/);

  // The page, for finance.
  const { c: fin } = await adminClient('finance');
  const page = await fin.get(`/admin/reports/finance?month=${MONTH}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /id="fin-identity" data-holds="1"/);
  const tr = page.html.match(new RegExp(`<tr data-enterprise="${ENT}">([\\s\\S]*?)</tr>`));
  assert.ok(tr, 'the page lists the enterprise');
  const cells = [...tr[1].matchAll(/<td class="num">([^<]*)<\/td>/g)].map((x) => Number(x[1].replace(/,/g, '')));
  assert.deepEqual(cells, [e.opening, e.grant, e.consumption, e.activity, e.scan, e.refund, e.adjust_in, e.issued, e.spent, e.expired, e.closing]);
  const csv = await fin.get(`/admin/reports/finance.csv?month=${MONTH}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers['content-type'], /text\/csv/);
  assert.ok(csv.html.includes(`${MONTH},${ENT},${e.opening},`), 'the CSV has the same row');
});

test('an ended month is written down once: the next month opens at its closing, and tampering shows as broken', async () => {
  assert.equal(sql(`SELECT COUNT(*) FROM points_months_closed WHERE month IN ('2024-04', '${MONTH}')`), '2', 'April and May kept');
  const may = expected(MONTH);
  const june = reportCsv('2024-06');
  assert.equal(june.code, 0);
  assert.equal(june.row.opening, may.closing, 'June opens at May\'s closing');
  assert.equal(june.row.closing, may.closing, 'nothing moved in June');
  // A kept closing altered behind the report's back: the identity no longer holds, and both say so.
  sql(`UPDATE points_month_closings SET closing = closing + 7 WHERE month = '${MONTH}' AND enterprise = ${q(ENT)}`, { flush: false });
  try {
    const broken = reportCsv(MONTH);
    assert.equal(broken.code, 1, 'mallctl exits 1');
    assert.equal(broken.row.identity, 'BROKEN');
    const { c: fin } = await adminClient('finance');
    const page = await fin.get(`/admin/reports/finance?month=${MONTH}`);
    assert.match(page.html, /id="fin-identity" data-holds="0"/);
  } finally {
    sql(`UPDATE points_month_closings SET closing = closing - 7 WHERE month = '${MONTH}' AND enterprise = ${q(ENT)}`, { flush: false });
  }
});

test('the month running: closing is the members\' balances now, and the identity holds for every enterprise', async () => {
  const month = sql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m')");
  forgetClosings();
  const r = mallctlRun('report-points', '--month', month);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /month not ended/);
  const total = r.out.split('\n').find((l) => l.startsWith('TOTAL')).trim().split(/\s+/);
  assert.equal(Number(total[total.length - 2]), Number(sql(`SELECT (SELECT SUM(points_balance) FROM members)
    - (SELECT COALESCE(SUM(amount), 0) FROM points_ledger WHERE created_at >= '${month}-01' + INTERVAL 1 MONTH)`)));
});

test('bad months get a message next to the field; only report roles see the page', async () => {
  const { c: fin } = await adminClient('finance');
  for (const bad of ['2024-13', '24-05', 'x'.repeat(40), '2024-5']) {
    const page = await fin.get(`/admin/reports/finance?month=${encodeURIComponent(bad)}`);
    assert.equal(page.status, 400, bad);
    assert.match(page.html, /id="e-month"/);
  }
  const def = await fin.get('/admin/reports/finance');
  assert.equal(def.status, 200, 'last month by default');
  assert.equal(mallctlRun('report-points', '--month', '2024-13').status, 2);
  const { c: mod } = await adminClient('moderator');
  assert.equal((await mod.get('/admin/reports/finance')).status, 403);
  void flash;
});
