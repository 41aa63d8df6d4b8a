// admin-member-ledger.test.mjs: the back office's member detail pages through a long ledger — numbered pages while
// OFFSET is cheap, then "next" seeks from the last entry shown; the count stops at "1000+"; nothing skipped or repeated
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, num, checkLedger } from './lib/stack.mjs';
import { adminClient } from './lib/admin.mjs';
import { makeMembers, memberId } from './lib/members.mjs';

const N = 1234;

test('a member with 1,234 ledger entries: 1000+ shown, every entry once, newest first, through numbered and keyset pages', async () => {
  const [m] = makeMembers(1);
  const id = memberId(m);
  // N grants of 1 point, each a lot and its ledger entry (balance after = running sum): check-ledger holds.
  sql(`INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at)
         SELECT ${id}, 'grant', CONCAT('entry ', seq), 1, 1, '2030-12-31' FROM seq_1_to_${N};
       INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note)
         SELECT member_id, 'grant', 1, ROW_NUMBER() OVER (ORDER BY id), id, note FROM points_lots WHERE member_id = ${id} ORDER BY id;
       UPDATE members SET points_balance = ${N} WHERE id = ${id}`);
  const want = sql(`SELECT id FROM points_ledger WHERE member_id = ${id} ORDER BY id DESC`).split('\n').map(Number);
  assert.equal(want.length, N);
  const { c } = await adminClient('ops');
  const rowsOf = (html) => {
    assert.ok(html.includes('id="ledger"'), 'the ledger section');
    return [...html.slice(html.indexOf('id="ledger"')).matchAll(/<tr data-kind="grant">.*?<td>entry (\d+)<\/td><\/tr>/g)].map((x) => Number(x[1]));
  };
  const first = await c.get(`/admin/members/${id}`);
  assert.equal(first.status, 200);
  assert.match(first.html, /class="page-info">1000\+ /, 'the count stops at 1000+');
  const seen = [];
  let page = first, pages = 0, seeks = 0;
  for (;;) {
    const rows = rowsOf(page.html);
    assert.ok(rows.length > 0 && rows.length <= 20, `page ${pages + 1}: ${rows.length} rows`);
    seen.push(...rows);
    pages++;
    const next = page.html.match(/class="page-next" rel="next" href="([^"]+)"/);
    if (!next) break;
    const href = next[1].replace(/&amp;/g, '&');
    if (/after=/.test(href)) seeks++;
    page = await c.get(href);
    assert.equal(page.status, 200, href);
  }
  assert.equal(pages, Math.ceil(N / 20));
  assert.ok(seeks >= 10, `past page 50 the pages seek (${seeks})`);
  assert.equal(seen.length, N, 'every entry');
  assert.deepEqual(seen, Array.from({ length: N }, (_, i) => N - i), 'newest first, none skipped or repeated');
  for (const bad of ['after=abc', 'after=0', 'after=-5', 'page=0']) assert.equal((await c.get(`/admin/members/${id}?${bad}`)).status, 400, bad);
  assert.equal(num(sql(`SELECT points_balance FROM members WHERE id = ${id}`)), N);
  checkLedger();
});
