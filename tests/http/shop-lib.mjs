// shop-lib.mjs: helpers for the shop tests — a cookie-keeping client with its own source address, SQL,
// mallctl, members and products made with SQL (not a test file itself: no .test. in the name).
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawnSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const BASE = new URL(process.env.MALL_URL || 'http://127.0.0.1:8080');
export const VAR = process.env.MALL_VAR;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
if (!VAR) throw new Error('MALL_VAR must point at the running stack\'s var directory');

export const DEMO_PASSWORD = 'Demo@2026';
const randomLoopback = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
export const mobile = () => '137' + String(randomInt(0, 1e8)).padStart(8, '0');

const MALLCTL = ['-c', 'source "$0/scripts/stack.sh"; stack_env "$1"; shift 2; exec "$MALL_BUILD/mallctl" "$@"'];
export function mallctl(...args) {
  const r = spawnSync('bash', [...MALLCTL, ROOT, VAR, '--', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mallctl ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}
// Same, without blocking the event loop (to race a job against HTTP requests).
export function mallctlAsync(...args) {
  return new Promise((resolve) => {
    const p = spawn('bash', [...MALLCTL, ROOT, VAR, '--', ...args]);
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('close', (status) => resolve({ status, out }));
  });
}
export function checkLedger() {
  const r = spawnSync('bash', [...MALLCTL, ROOT, VAR, '--', 'check-ledger'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `check-ledger failed:\n${r.stdout}${r.stderr}`);
}

export function sql(query) {
  const tz = process.env.MALL_TZ || '+08:00';
  const r = spawnSync('mariadb', [`--defaults-file=${VAR}/my.cnf`, '-uroot', '-N', '-B', 'mall', '-e', `SET time_zone = '${tz}'; ${query}`],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`sql: ${r.stderr}`);
  // Changes made behind the mall's back: make every process drop its page and session caches.
  if (/\b(UPDATE|DELETE|INSERT|REPLACE)\b/i.test(query)) mallctl('flush-caches');
  return r.stdout.trim();
}
export const q = (m) => { assert.match(String(m), /^[0-9A-Za-z]+$/); return `'${m}'`; };

// A browser-like client: keeps cookies, never follows redirects.
export class Client {
  constructor(localAddress = randomLoopback()) { this.jar = new Map(); this.localAddress = localAddress; this.csrf = null; }
  // form: an object, or URLSearchParams (which may repeat a field).
  request(method, p, form) {
    const body = form ? new URLSearchParams(form).toString() : '';
    const headers = { Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) { headers['Content-Type'] = 'application/x-www-form-urlencoded'; headers['Content-Length'] = Buffer.byteLength(body); }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: BASE.hostname, port: BASE.port, path: p, method, headers, localAddress: this.localAddress, agent: false }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          for (const sc of res.headers['set-cookie'] || []) {
            const [kv, ...attrs] = sc.split(';');
            const [k, v] = [kv.slice(0, kv.indexOf('=')).trim(), kv.slice(kv.indexOf('=') + 1).trim()];
            if (!v || attrs.some((a) => /max-age=0/i.test(a.trim()))) this.jar.delete(k); else this.jar.set(k, v);
          }
          const html = Buffer.concat(chunks).toString('utf8');
          const t = html.match(/name="csrf" value="([0-9a-f]{64})"/);
          if (t) this.csrf = t[1];
          resolve({ status: res.statusCode, location: res.headers.location, html });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  get(p) { return this.request('GET', p); }
  // Posts with the CSRF token of the last page seen (fetching `from` first when there is none).
  async post(action, form, from = '/cart') {
    if (!this.csrf) assert.equal((await this.get(from)).status, 200, `GET ${from}`);
    return this.request('POST', action, { csrf: this.csrf, ...form });
  }
  async login(m, password = DEMO_PASSWORD) {
    const page = await this.get('/login');
    assert.equal(page.status, 200);
    const r = await this.request('POST', '/login', { csrf: this.csrf, mobile: m, password });
    assert.equal(r.status, 303, `login ${m}: ${flash(r.html)}`);
    this.csrf = null; // the session's token differs from the sign-in form's
    return r;
  }
}

export const flash = (html) => (html.match(/class="flash flash-error"[^>]*>([^<]*)</) || [])[1];
export const notice = (html) => (html.match(/class="flash flash-ok"[^>]*>([^<]*)</) || [])[1];

// Members made with SQL share the demo member's password hash (one scrypt hash, no registration).
// Each gets `points` in one lot expiring on `expires`, written the way the ledger writes a grant.
export function makeMembers(n, points = 0, expires = '2030-12-31') {
  const ms = Array.from({ length: n }, mobile);
  const list = ms.map(q).join(',');
  sql(`INSERT IGNORE INTO members (mobile, name, password_hash) SELECT m.mobile, '', d.password_hash FROM
    (${ms.map((m) => `SELECT ${q(m)} AS mobile`).join(' UNION ALL ')}) m, members d WHERE d.mobile = '13800138000'`);
  const got = sql(`SELECT mobile FROM members WHERE mobile IN (${list})`).split('\n');
  assert.equal(got.length, n, 'test mobiles collided');
  if (points > 0) {
    sql(`INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at)
           SELECT id, 'grant', 'shop test', ${points}, ${points}, '${expires}' FROM members WHERE mobile IN (${list});
         INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note)
           SELECT l.member_id, 'grant', l.amount, l.amount, l.id, 'shop test' FROM points_lots l JOIN members m ON m.id = l.member_id
           WHERE m.mobile IN (${list});
         UPDATE members SET points_balance = ${points} WHERE mobile IN (${list});`);
  }
  return ms;
}
export const memberId = (m) => Number(sql(`SELECT id FROM members WHERE mobile = ${q(m)}`));
export const balance = (m) => Number(sql(`SELECT points_balance FROM members WHERE mobile = ${q(m)}`));

// A product of its own (initial stock = stock, so the stock invariant holds).
export function makeProduct({ type = 'virtual', points = 100, stock = 10, limit = 0, onShelf = 1, name = 'shop test' } = {}) {
  sql(`INSERT INTO products (type, category_id, name_zh, name_en, description_zh, description_en, points_price, stock,
         initial_stock, per_member_limit, on_shelf)
       SELECT '${type}', MIN(id), '${name} ${randomInt(1e6)}', '', '', '', ${points}, ${stock}, ${stock}, ${limit}, ${onShelf} FROM categories`);
  const id = Number(sql('SELECT MAX(id) FROM products'));
  // Indexed like a product the back office adds, so storefront searches keep finding what they list.
  sql(`REPLACE INTO product_search (product_id, title, body) SELECT id, name_zh, '' FROM products WHERE id = ${id}`);
  return id;
}

export function addAddress(m) {
  sql(`INSERT INTO addresses (member_id, recipient, mobile, province, city, district, detail, is_default)
       SELECT id, '测试收货人', mobile, '广东省', '深圳市', '南山区', '科技园测试路 1 号', 1 FROM members WHERE mobile = ${q(m)}`);
  return Number(sql(`SELECT MAX(id) FROM addresses WHERE member_id = ${memberId(m)}`));
}

// The newest payment code texted to m (read from the outbox).
export function lastCode(m) {
  const out = mallctl('sms-outbox', '--phone', m, '--last', '1');
  const found = out.match(/验证码是(\d{6})/);
  assert.ok(found, `no code texted to ${m}: ${out}`);
  return found[1];
}
// Lets the next code be sent at once (the 60 s cooldown is covered by its own test).
export const skipCooldown = (m) => sql(`UPDATE sms_codes SET created_at = created_at - INTERVAL 61 SECOND WHERE mobile = ${q(m)}`);

// Buy now → pending order number.
export async function placeNow(c, productId, quantity = 1, extra = {}) {
  const r = await c.post('/checkout/now', { product_id: productId, quantity, confirm: 1, ...extra });
  assert.equal(r.status, 303, `checkout/now: ${r.status} ${flash(r.html)}`);
  const no = (r.location.match(/\/order\/(P\d{16})\/pay$/) || [])[1];
  assert.ok(no, `unexpected redirect ${r.location}`);
  return no;
}
export async function sendCode(c, no, m) {
  const r = await c.post(`/order/${no}/code`, {});
  assert.equal(r.status, 200, `code: ${flash(r.html)}`);
  return lastCode(m);
}
export const orderStatus = (no) => sql(`SELECT status FROM orders WHERE order_no = ${q(no)}`);

// Runs fn over items with at most `limit` in flight.
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i], i); }
  }));
  return out;
}

// One more lot for m (ledger entry and cached balance kept in step, like a grant).
export function addLot(m, amount, expires) {
  const id = memberId(m);
  sql(`INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at) VALUES (${id}, 'grant', 'shop test', ${amount}, ${amount}, '${expires}');
       UPDATE members SET points_balance = points_balance + ${amount} WHERE id = ${id};
       INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note)
         SELECT ${id}, 'grant', ${amount}, m.points_balance, (SELECT MAX(id) FROM points_lots WHERE member_id = ${id}), 'shop test'
         FROM members m WHERE m.id = ${id};`);
}
