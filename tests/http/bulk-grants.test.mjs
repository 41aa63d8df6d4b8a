// bulk-grants.test.mjs: B8 bulk grants — a 50,000-line file with a bad line is refused line by line before anything
// is written; the good file becomes a background job whose worker, killed mid-way, is resumed by cron's worker after
// its lease ran out, and every line is granted exactly once (ledger, budget, result CSV, check-ledger); a second
// upload of the same file leads to the first job.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, num, checkLedger, mallctl } from './lib/stack.mjs';
import { adminClient } from './lib/admin.mjs';
import { makeMembers } from './lib/members.mjs';

const tag = randomInt(1e9);
const E = `bulk-${tag}`;
const LINES = 50000;
const MEMBERS = 500;
const w = {};

// Line i (1-based, after the header) grants 1 + i % 7 points to member i % MEMBERS.
const pointsOf = (i) => 1 + (i % 7);
function file(bad = {}) {
  const out = ['mobile,points,reason,expiry'];
  for (let i = 1; i <= LINES; i++) {
    const line = bad[i + 1] ?? `${w.members[i % MEMBERS]},${pointsOf(i)},年终回馈 第${i}行,2030-12-31`;
    out.push(line);
  }
  return Buffer.from(out.join('\r\n') + '\r\n');
}
const upload = async (data, name = 'grants.csv') => {
  await w.ent.get('/admin/grants');
  return w.ent.multipart('/admin/grants', {}, [{ field: 'file', filename: name, type: 'text/csv', data }]);
};
const counts = () => sql(`SELECT (SELECT COUNT(*) FROM grant_jobs WHERE enterprise = '${E}'),
  (SELECT COUNT(*) FROM points_ledger l JOIN members m ON m.id = l.member_id WHERE m.enterprise = '${E}'),
  (SELECT budget_used FROM enterprises WHERE code = '${E}')`);
const job = (id) => {
  const [state, done, total, pid] = sql(`SELECT state, done_count, total, COALESCE(worker_pid, 0) FROM grant_jobs WHERE id = ${id}`).split('\t');
  return { state, done: num(done), total: num(total), pid: num(pid) };
};

before(async () => {
  sql(`INSERT INTO enterprises (code, name, budget) VALUES ('${E}', 'Bulk test', 1000000)`);
  w.members = makeMembers(MEMBERS);
  sql(`UPDATE members SET enterprise = '${E}' WHERE mobile IN (${w.members.map((m) => `'${m}'`).join(',')})`);
  ({ c: w.ent } = await adminClient('enterprise', { enterprise: E }));
});

test('50,000 lines with bad ones are refused line by line, and nothing is written', async () => {
  const was = counts();
  const r = await upload(file({ 31338: `${w.members[1]},abc,年终回馈,2030-12-31`, 40001: '19999999999,5,年终回馈,2030-12-31',
    45000: `${w.members[2]},5,年终回馈,2030-02-30` }));
  assert.equal(r.status, 422);
  const issues = [...r.html.matchAll(/<tr data-line="(\d+)"><td[^>]*>[^<]*<\/td><td class="issue-what" data-what="(\w+)"/g)]
    .map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(issues, ['31338:points', '45000:expiry', '40001:member']);
  assert.equal(counts(), was, 'no job, no ledger entry, no budget taken');
});

test('the good file is applied by a worker; killed mid-way and resumed, every line is granted exactly once', async () => {
  const data = file();
  const balances = () => sql(`SELECT COALESCE(SUM(points_balance), 0) FROM members WHERE enterprise = '${E}'`);
  const before = num(balances());
  const r = await upload(data, 'year-end.csv');
  assert.equal(r.status, 303, r.html.slice(0, 300));
  const id = num(r.location.match(/\/admin\/grants\/jobs\/(\d+)$/)[1]);
  let expected = 0;
  for (let i = 1; i <= LINES; i++) expected += pointsOf(i);
  assert.equal(job(id).total, LINES);

  // The worker the upload started: killed once it has granted some lines and not all.
  let j = job(id);
  for (let t = 0; t < 1200 && !(j.state === 'running' && j.done >= 500 && j.pid); t++) { await sleep(25); j = job(id); }
  assert.equal(j.state, 'running', 'the worker took the job');
  process.kill(j.pid, 'SIGKILL');
  await sleep(200);
  j = job(id);
  assert.ok(j.done > 0 && j.done < LINES, `killed mid-way (${j.done} of ${LINES})`);
  const page = await w.ent.get(`/admin/grants/jobs/${id}`);
  assert.match(page.html, new RegExp(`id="job-count">${j.done} / ${LINES}<`), 'the page shows where it stopped');

  // While the dead worker's lease holds, nobody takes the job (a live worker may only be slow) …
  await w.ent.get(`/admin/grants/jobs/${id}`);
  assert.equal((await w.ent.post(`/admin/grants/jobs/${id}/resume`, {}, `/admin/grants/jobs/${id}`)).status, 409);
  assert.match(mallctl('grants-worker'), /no job waiting/);
  assert.equal(job(id).done, j.done);
  // … once it ran out, cron's worker resumes it where it stopped.
  sql(`UPDATE grant_jobs SET lease_until = NOW() - INTERVAL 1 SECOND WHERE id = ${id}`);
  const stale = await w.ent.get(`/admin/grants/jobs/${id}`);
  assert.match(stale.html, /id="resume"/, 'an abandoned job offers to resume');
  assert.match(mallctl('grants-worker'), new RegExp(`grant job ${id}: ${LINES} / ${LINES} lines granted`));
  assert.equal(job(id).state, 'done');

  // Exactly once: one ledger entry per line, the right amount each, the budget and the balances to the point.
  const [entries, keys, sum] = sql(`SELECT COUNT(*), COUNT(DISTINCT once_key), SUM(amount) FROM points_ledger
    WHERE once_key LIKE 'bulk:${id}:%' AND kind = 'grant'`).split('\t').map(num);
  assert.deepEqual([entries, keys, sum], [LINES, LINES, expected]);
  assert.equal(sql(`SELECT COUNT(*) FROM grant_job_rows r JOIN points_ledger l ON l.id = r.ledger_id
    WHERE r.job_id = ${id} AND r.done = 1 AND l.amount = r.points AND l.member_id = r.member_id
      AND l.once_key = CONCAT('bulk:', r.job_id, ':', r.line)`), String(LINES));
  assert.equal(num(balances()) - before, expected);
  assert.equal(num(sql(`SELECT budget_used FROM enterprises WHERE code = '${E}'`)), expected);
  checkLedger();

  // The result: every line with its state and entry.
  const csv = await w.ent.getBytes(`/admin/grants/jobs/${id}/result.csv`);
  assert.equal(csv.status, 200);
  const rows = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(rows.length, LINES + 1);
  assert.match(rows[31338 - 1], new RegExp(`^31338,${w.members[31337 % MEMBERS]},${pointsOf(31337)},`));

  // The same file again: its job, nothing new.
  const again = await upload(data, 'year-end-copy.csv');
  assert.equal(again.status, 303);
  assert.equal(again.location, `/admin/grants/jobs/${id}?done=duplicate`);
  assert.equal(num(sql(`SELECT COUNT(*) FROM points_ledger WHERE once_key LIKE 'bulk:${id}:%'`)), LINES);
  assert.equal(num(balances()) - before, expected);
});
