// stack.mjs: the running test stack — its address and var directory, mallctl, SQL on its database, the ledger check.
// Every HTTP and browser test reaches the stack through these (scripts/test.sh sets MALL_URL and MALL_VAR).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const BASE = new URL(process.env.MALL_URL || 'http://127.0.0.1:8080');
export const ORIGIN = BASE.origin; // for string concatenation: ORIGIN + '/path'
export const VAR = process.env.MALL_VAR;
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
if (!VAR) throw new Error('MALL_VAR must point at the running stack\'s var directory');
// The demo data's member (README: demo accounts); test-made members share this password's hash.
export const DEMO = { mobile: '13800138000', password: 'Demo@2026', masked: '138****8000' };

// mallctl with the stack's environment (scripts/stack.sh stack_env), run from the checkout.
const MALLCTL = ['-c', 'source "$0/scripts/stack.sh"; stack_env "$1"; shift 2; exec "$MALL_BUILD/mallctl" "$@"', ROOT, VAR, '--'];

// Runs mallctl; returns { status, out, err } (trimmed) whatever the exit status — for tests about the status.
export function mallctlRun(...args) {
  const r = spawnSync('bash', [...MALLCTL, ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}
// Runs mallctl and returns its output; throws when it exits non-zero.
export function mallctl(...args) {
  const r = mallctlRun(...args);
  if (r.status !== 0) throw new Error(`mallctl ${args.join(' ')}: ${r.out}${r.err}`);
  return r.out;
}
// Same without blocking the event loop (to race a job against HTTP requests).
// → { status, out: stdout and stderr as they came, stdout, stderr (both trimmed) }.
export const mallctlAsync = (...args) => spawnMallctl(args);
// With extra environment variables (e.g. another SMS driver), for a fake server in this same process to answer;
// killed after 20 s.
export const mallctlAsyncEnv = (env, ...args) => spawnMallctl(args, { env: { ...process.env, ...env }, timeout: 20000 });
function spawnMallctl(args, options = {}) {
  return new Promise((resolve) => {
    const p = spawn('bash', [...MALLCTL, ...args], options);
    let out = '', stdout = '', stderr = '';
    p.stdout.on('data', (d) => { out += d; stdout += d; });
    p.stderr.on('data', (d) => { out += d; stderr += d; });
    p.on('close', (status) => resolve({ status, out, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

// `mallctl check-ledger` (invariants I1–I6 of DESIGN.md) exits 0 and says so.
export function checkLedger() {
  const r = mallctlRun('check-ledger');
  assert.equal(r.status, 0, `check-ledger failed:\n${r.out}${r.err}`);
  assert.match(r.out, /check-ledger: 0 violations/);
}

// One batch of SQL as root on the stack's database, in the mall's time zone like the application's own
// connections; returns the tab-separated rows. Writes made behind the mall's back flush every process's page and
// session caches, unless { flush: false } (for tests about what invalidates those caches).
export function sql(query, { flush = true } = {}) {
  const tz = process.env.MALL_TZ || '+08:00';
  const r = spawnSync('mariadb', [`--defaults-file=${VAR}/my.cnf`, '-uroot', '-N', '-B', 'mall', '-e', `SET time_zone = '${tz}'; ${query}`],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`sql: ${r.stderr}`);
  if (flush && /\b(UPDATE|DELETE|INSERT|REPLACE)\b/i.test(query)) mallctl('flush-caches');
  return r.stdout.trim();
}
// Quotes a test-made value (mobile, order or voucher number: letters and digits only) for SQL text.
export const q = (v) => { assert.match(String(v), /^[0-9A-Za-z]+$/); return `'${v}'`; };
// A number read with SQL (asserting it is one).
export const num = (s) => { assert.match(String(s), /^-?\d+$/); return Number(s); };

// Runs fn over items with at most `limit` in flight; results in the items' order.
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i], i); }
  }));
  return out;
}
