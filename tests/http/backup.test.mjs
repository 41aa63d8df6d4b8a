// backup.test.mjs: `mallctl backup` while members are paying, `mallctl restore` into a fresh MariaDB instance — the
// ledger holds together there, every payment acknowledged before the backup began is in it, and a damaged or
// misplaced backup is refused before anything is written
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, VAR, sql, q, mallctlAsync } from './lib/stack.mjs';
import { Client } from './lib/client.mjs';
import { makeMembers, skipCooldown } from './lib/members.mjs';
import { makeProduct, buyNow } from './lib/shop.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mall-backup-'));
const other = path.join(work, 'fresh'); // the second instance's MALL_VAR
const stack = (script, ...args) => spawnSync('bash', ['-c', `source "${ROOT}/scripts/stack.sh"; ${script}`, '_', ...args], { encoding: 'utf8' });
// stack.sh runs under set -e: a refused restore would end the script before db_stop and leave that server running.
const RESTORE_AND_STOP = 'set +e; stack_env "$1"; db_start "$1" >/dev/null && "$MALL_BUILD/mallctl" restore "$2"; s=$?; db_stop "$1"; exit $s';
const otherCtl = (...args) => {
  const r = stack('stack_env "$1"; shift; exec "$MALL_BUILD/mallctl" "$@"', other, ...args);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};
const otherSql = (query) => {
  const r = spawnSync('mariadb', [`--defaults-file=${other}/my.cnf`, '-uroot', '-N', '-B', 'mall', '-e', query], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
};
const upload = `backup-test-${process.pid}.txt`;
after(() => {
  stack('db_stop "$1"', other);
  fs.rmSync(path.join(VAR, 'uploads', upload), { force: true });
  fs.rmSync(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
});

test('a backup taken while members pay restores into a fresh instance: check-ledger clean, nothing acknowledged lost', async () => {
  const members = makeMembers(6, 100000);
  const product = makeProduct({ points: 10, stock: 100000 });
  const clients = await Promise.all(members.map(async (m) => { const c = new Client(); await c.login(m); return c; }));
  let paying = true;
  const paid = []; // [order number, time acknowledged]
  const streams = clients.map(async (c, i) => {
    while (paying) {
      skipCooldown(members[i]); // one payment code a minute per mobile otherwise
      paid.push([await buyNow(c, members[i], product, 1), Date.now()]);
    }
  });
  while (paid.length < 6) await new Promise((r) => setTimeout(r, 50));
  // An uploaded file (as the back office stores them) must travel with the data that names it.
  fs.mkdirSync(path.join(VAR, 'uploads'), { recursive: true });
  fs.writeFileSync(path.join(VAR, 'uploads', upload), 'a picture, as far as this test is concerned');
  const dir = path.join(work, 'b1');
  const began = Date.now();
  const b = await mallctlAsync('backup', dir);
  await new Promise((r) => setTimeout(r, 300)); // payments go on after it too
  paying = false;
  await Promise.all(streams);
  assert.equal(b.status, 0, b.out);
  assert.match(b.stdout, /^backup: .* files, schema \d+_/);

  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  assert.ok(manifest.files.some((f) => f.path === 'database.sql' && /^[0-9a-f]{64}$/.test(f.sha256) && f.size > 1000));
  assert.ok(manifest.files.some((f) => f.path === 'secret.key' && f.size === 32));
  assert.ok(manifest.files.some((f) => f.path === `uploads/${upload}`), 'the uploads are in it');
  assert.doesNotMatch(fs.readFileSync(path.join(dir, 'database.sql'), 'utf8').slice(0, 2000), /password=/, 'no client password in the dump');
  assert.deepEqual(fs.readdirSync(path.join(VAR, 'tmp')).filter((f) => f.startsWith('backup-client')), [], 'the options file is gone');

  assert.equal(stack('db_start "$1"', other).status, 0, 'a fresh instance');
  const r = otherCtl('restore', dir);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /check-ledger: 0 violations/);
  assert.deepEqual(fs.readFileSync(path.join(other, 'secret.key')), fs.readFileSync(path.join(VAR, 'secret.key')), 'the secret came back');
  assert.equal(fs.readFileSync(path.join(other, 'uploads', upload), 'utf8'), 'a picture, as far as this test is concerned');

  const before = paid.filter(([, t]) => t < began).map(([no]) => no);
  assert.ok(before.length >= 6);
  const restored = otherSql(`SELECT COUNT(*) FROM orders WHERE status <> 'pending' AND order_no IN (${before.map(q).join(',')})`);
  assert.equal(Number(restored), before.length, 'every payment acknowledged before the backup began is there, paid');
  // Balances there are the ledger there: the snapshot is one moment, not a mix of two.
  assert.equal(otherSql(`SELECT COUNT(*) FROM members m WHERE m.points_balance <> (SELECT COALESCE(SUM(amount), 0) FROM points_ledger l WHERE l.member_id = m.id)`), '0');
  const live = Number(sql(`SELECT COUNT(*) FROM points_ledger`)), there = Number(otherSql('SELECT COUNT(*) FROM points_ledger'));
  assert.ok(there <= live && there > 0);

  // Restoring again: the database is not empty any more.
  const again = otherCtl('restore', dir);
  assert.notEqual(again.status, 0);
  assert.match(again.out, /is not empty/);
});

test('a damaged backup is refused with a clear message before anything is written', async () => {
  const dir = path.join(work, 'b2');
  const b = await mallctlAsync('backup', dir);
  assert.equal(b.status, 0, b.out);
  const exists = await mallctlAsync('backup', dir);
  assert.notEqual(exists.status, 0);
  assert.match(exists.stderr, /exists already/);

  const dump = path.join(dir, 'database.sql');
  const bytes = fs.readFileSync(dump);
  bytes[Math.floor(bytes.length / 2)] ^= 0x20;
  fs.writeFileSync(dump, bytes);
  const fresh = path.join(work, 'fresh2');
  const r = stack(RESTORE_AND_STOP, fresh, dir);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /database\.sql does not match the manifest \(damaged or changed since the backup\): refused/);

  fs.rmSync(path.join(dir, 'secret.key'));
  const missing = stack(RESTORE_AND_STOP, fresh, dir);
  assert.match(missing.stderr, /does not match|is missing/);
});
