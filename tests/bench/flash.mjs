// flash.mjs: the flash-sale scenario of scripts/bench.sh — BUYERS members pay pending orders of one hot product
// at once through the real HTTP stack (POST /order/{no}/pay), timed; prints machine-readable lines for bench.sh:
//   FLASH <paid/s> <p50 ms> <p99 ms> <paid in window> <pay requests in window> <failed pays> <paid in all> <window s>
//   SETUP <product id> <buyers> <orders per buyer> <placed/s> <codes/s>
//   BUDGET <activity id> <daily points budget> <payments refused by the tripped budget>   (with FLASH_BUDGET only)
// The 60 s cooldown and 10-a-day cap on SMS codes allow one payment per member per minute, so payments cannot be
// driven in a loop: orders and their codes are made through HTTP beforehand (between rounds of code requests the
// bench backdates sms_codes.created_at with SQL — the product code is not changed), and only the payments are timed.
// The timed payments are driven by wrk with tests/bench/flash_pay.lua (one connection per buyer, a buyer's orders one
// at a time), from a file of requests written here after the setup: Node's http client spent ~300 µs of CPU per
// payment on the server's own 2 cores (~10% of the machine), which lowered the rate compared with the C ceiling
// client. FLASH_DRIVER=node pays with the Node loop instead, for comparison. Both print the CPU the driver used.
// A refused payment answers 303 to its pay page (POST/redirect/GET): both drivers fetch that page for the reason.
// env: MALL_URL, MALL_VAR, MALL_BUILD (mallctl), FLASH_BUYERS (64), FLASH_SECONDS (10), FLASH_WARMUP (2),
//      FLASH_ORDERS (orders per buyer), FLASH_PRICE (points per unit, 10),
//      FLASH_BUDGET (points: the hot product runs in an activity with this daily budget (F2), so every payment also
//      takes the activity's day counter — a second hot row; 0 = none, the plain flash sale),
//      FLASH_DRIVER (wrk | node: what sends the timed payments; default wrk)
import http from 'node:http';
import { spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BASE = new URL(process.env.MALL_URL || 'http://127.0.0.1:8080');
const VAR = process.env.MALL_VAR;
const BUYERS = Number(process.env.FLASH_BUYERS || 64);
const SECONDS = Number(process.env.FLASH_SECONDS || 10);
const WARMUP = Number(process.env.FLASH_WARMUP || 2);
const ORDERS = Number(process.env.FLASH_ORDERS || 200);
const PRICE = Number(process.env.FLASH_PRICE || 10);
const STOCK = 1000000;
const BUDGET = Number(process.env.FLASH_BUDGET || 0);
const DRIVER = process.env.FLASH_DRIVER || 'wrk';
const PASSWORD = 'Demo@2026'; // the demo member's: buyers share its scrypt hash
const say = (...a) => console.log('  ' + a.join(' '));
if (!VAR) { console.error('flash.mjs: MALL_VAR is not set'); process.exit(2); }
if (DRIVER !== 'wrk' && DRIVER !== 'node') { console.error(`flash.mjs: FLASH_DRIVER is wrk or node, not ${DRIVER}`); process.exit(2); }

// ---- SQL through one long-lived mariadb client (a process per statement would cost more than the rounds) ----
const db = spawn('mariadb', [`--defaults-file=${VAR}/my.cnf`, '-uroot', '-N', '-B', '--unbuffered',
  `--init-command=SET time_zone = '${process.env.MALL_TZ || '+08:00'}'`, 'mall'],
  { stdio: ['pipe', 'pipe', 'pipe'] });
let dbOut = '', dbErr = '', waiting = null, seq = 0;
db.stdout.setEncoding('utf8');
db.stdout.on('data', (d) => { dbOut += d; waiting?.(); });
db.stderr.on('data', (d) => { dbErr += d; waiting?.(); });
db.on('exit', (code) => { dbErr += `mariadb exited ${code}`; waiting?.(); });
function sql(text) {
  const mark = `--end-${++seq}--`;
  dbOut = '';
  db.stdin.write(`${text.trim().replace(/;$/, '')};\nSELECT '${mark}';\n`);
  return new Promise((resolve, reject) => {
    waiting = () => {
      if (dbErr) { waiting = null; reject(new Error(`sql: ${dbErr.trim()}\n  in: ${text.slice(0, 300)}`)); return; }
      const at = dbOut.indexOf(mark + '\n');
      if (at < 0) return;
      waiting = null;
      resolve(dbOut.slice(0, at).trim());
    };
    waiting();
  });
}

// ---- HTTP: one keep-alive connection per buyer, cookies kept, redirects not followed ----
class Buyer {
  constructor(mobile) {
    this.mobile = mobile;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    this.jar = new Map();
    this.csrf = null;
    this.orders = []; // { no, code }
  }
  cookie() { return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '); }
  request(method, path, form, retried = false) {
    const body = form ? new URLSearchParams(form).toString() : '';
    const headers = { Cookie: this.cookie() };
    if (form) { headers['Content-Type'] = 'application/x-www-form-urlencoded'; headers['Content-Length'] = Buffer.byteLength(body); }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: BASE.hostname, port: BASE.port, path, method, headers, agent: this.agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          for (const sc of res.headers['set-cookie'] || []) {
            const kv = sc.split(';')[0], i = kv.indexOf('=');
            const k = kv.slice(0, i).trim(), v = kv.slice(i + 1).trim();
            if (v && !/max-age=0/i.test(sc)) this.jar.set(k, v); else this.jar.delete(k);
          }
          const html = Buffer.concat(chunks).toString('utf8');
          const t = html.match(/name="csrf" value="([0-9a-f]{64})"/);
          if (t) this.csrf = t[1];
          resolve({ status: res.statusCode, location: res.headers.location || '', html });
        });
      });
      // A kept-alive connection the server closed as the request went out (lighttpd drops idle ones after 5 s): the
      // request never reached it, and a browser sends it again on a new connection — Node's client does not.
      req.on('error', (e) => {
        if (req.reusedSocket && e.code === 'ECONNRESET' && !retried) resolve(this.request(method, path, form, true));
        else reject(e);
      });
      req.end(body);
    });
  }
  async login() {
    await this.request('GET', '/login');
    const r = await this.request('POST', '/login', { csrf: this.csrf, mobile: this.mobile, password: PASSWORD });
    if (r.status !== 303) throw new Error(`login ${this.mobile}: ${r.status} ${flash(r.html)}`);
    const cart = await this.request('GET', '/cart'); // the signed-in session's CSRF token
    if (cart.status !== 200 || !this.csrf) throw new Error(`GET /cart after login: ${cart.status}`);
  }
}
const flash = (html) => ((html.match(/class="flash flash-error"[^>]*>([^<]*)</) || [])[1] || '').trim();
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

async function setup() {
  await sql(`INSERT INTO products (type, category_id, name_zh, name_en, description_zh, description_en, points_price, stock,
               initial_stock, per_member_limit, on_shelf)
             SELECT 'virtual', MIN(id), '秒杀压测商品', 'Flash sale bench item', '', '', ${PRICE}, ${STOCK}, ${STOCK}, 0, 1
             FROM categories`);
  const product = Number(await sql('SELECT LAST_INSERT_ID()'));
  // Members made with SQL like tests/http/shop-lib.mjs makeMembers: the demo member's password hash, one points lot
  // with its crediting ledger entry and the cached balance in step (so check-ledger holds).
  const run = String(randomInt(0, 1e4)).padStart(4, '0'); // a rerun on the same database gets other mobiles
  const mobiles = Array.from({ length: BUYERS }, (_, i) => `199${run}${String(i).padStart(4, '0')}`);
  const list = mobiles.map((m) => `'${m}'`).join(',');
  const points = PRICE * ORDERS * 2;
  await sql(`INSERT INTO members (mobile, name, password_hash) SELECT m.mobile, '', d.password_hash FROM
    (${mobiles.map((m) => `SELECT '${m}' AS mobile`).join(' UNION ALL ')}) m, members d WHERE d.mobile = '13800138000'`);
  await sql(`INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at)
               SELECT id, 'grant', 'flash bench', ${points}, ${points}, '2099-12-31' FROM members WHERE mobile IN (${list})`);
  await sql(`INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note)
               SELECT l.member_id, 'grant', l.amount, l.amount, l.id, 'flash bench' FROM points_lots l
               JOIN members m ON m.id = l.member_id WHERE m.mobile IN (${list})`);
  await sql(`UPDATE members SET points_balance = ${points} WHERE mobile IN (${list})`);
  const r = spawnSync(`${process.env.MALL_BUILD}/mallctl`, ['flush-caches'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mallctl flush-caches: ${r.stdout}${r.stderr}`);

  const buyers = mobiles.map((m) => new Buyer(m));
  let t = now();
  for (let i = 0; i < buyers.length; i += 8) await Promise.all(buyers.slice(i, i + 8).map((b) => b.login()));
  say(`${BUYERS} buyers signed in through /login in ${((now() - t) / 1000).toFixed(1)} s`);

  // Orders: every buyer places its ORDERS pending orders ("buy now", quantity 1), all buyers at once.
  t = now();
  await Promise.all(buyers.map(async (b) => {
    for (let k = 0; k < ORDERS; k++) {
      const r = await b.request('POST', '/checkout/now', { csrf: b.csrf, product_id: product, quantity: 1, confirm: 1 });
      const no = (r.location.match(/\/order\/(P\d{16})\/pay$/) || [])[1];
      if (r.status !== 303 || !no) throw new Error(`checkout/now: ${r.status} ${flash(r.html)}`);
      b.orders.push({ no, code: null });
    }
  }));
  const placedRate = (BUYERS * ORDERS) / ((now() - t) / 1000);
  say(`${BUYERS * ORDERS} pending orders placed through POST /checkout/now at ${placedRate.toFixed(0)}/s`);

  // Codes: one round = every buyer asks for the code of its k-th order; then the round's codes are backdated
  // two days so that the next round passes the 60 s cooldown and the daily cap (expiry is expires_at: untouched).
  t = now();
  for (let k = 0; k < ORDERS; k++) {
    await Promise.all(buyers.map(async (b) => {
      const r = await b.request('POST', `/order/${b.orders[k].no}/code`, { csrf: b.csrf });
      if (r.status !== 200) throw new Error(`order code: ${r.status} ${flash(r.html)}`);
    }));
    await sql(`UPDATE sms_codes SET created_at = created_at - INTERVAL 2 DAY
               WHERE mobile IN (${list}) AND created_at > NOW() - INTERVAL 1 DAY`);
  }
  const codeRate = (BUYERS * ORDERS) / ((now() - t) / 1000);
  say(`${BUYERS * ORDERS} payment codes sent through POST /order/{no}/code at ${codeRate.toFixed(0)}/s (rounds of ${BUYERS})`);
  // Each buyer's texts arrive in the order its codes were asked for: the k-th text is the k-th order's code.
  const texts = await sql(`SELECT mobile, body FROM sms_outbox WHERE purpose = 'pay' AND mobile IN (${list}) ORDER BY id`);
  const seen = new Map(buyers.map((b) => [b.mobile, 0]));
  const byMobile = new Map(buyers.map((b) => [b.mobile, b]));
  for (const line of texts.split('\n')) {
    const [m, body] = line.split('\t');
    const code = (body.match(/验证码是(\d{6})/) || [])[1];
    const k = seen.get(m);
    if (!code || k >= ORDERS) throw new Error(`unexpected text to ${m}: ${body}`);
    byMobile.get(m).orders[k].code = code;
    seen.set(m, k + 1);
  }
  for (const b of buyers) if (seen.get(b.mobile) !== ORDERS) throw new Error(`${b.mobile}: ${seen.get(b.mobile)} codes texted`);
  console.log(`SETUP ${product} ${BUYERS} ${ORDERS} ${placedRate.toFixed(0)} ${codeRate.toFixed(0)}`);
  let activity = 0;
  if (BUDGET > 0) {
    await sql(`INSERT INTO activities (title_zh, rules_zh, rules_en, starts_at, ends_at, style, points_budget)
               VALUES ('秒杀预算压测', '', '', NOW() - INTERVAL 1 DAY, NOW() + INTERVAL 1 DAY, 'lottery', ${BUDGET})`);
    activity = Number(await sql('SELECT LAST_INSERT_ID()'));
    await sql(`INSERT INTO activity_products (activity_id, product_id) VALUES (${activity}, ${product})`);
    say(`the product runs in activity ${activity} with a daily budget of ${BUDGET} points`);
  }
  return { buyers, product, activity };
}

// FLASH_DRIVER=node: every buyer pays its orders one after another for WARMUP + SECONDS over its own keep-alive
// connection; the window after the warm-up is measured.
async function payPhaseNode(buyers, activity) {
  const cpu0 = process.cpuUsage();
  const start = now(), from = start + WARMUP * 1000, deadline = from + SECONDS * 1000;
  let ranOut = Infinity;
  const done = []; // [t0, t1, paid]
  const failures = new Map();
  let tripped = 0; // refused by the activity's tripped budget: the breaker working, not a failure
  await Promise.all(buyers.map(async (b) => {
    for (const o of b.orders) {
      const t0 = now();
      if (t0 >= deadline) return;
      const r = await b.request('POST', `/order/${o.no}/pay`, { csrf: b.csrf, code: o.code });
      const t1 = now();
      const paid = r.status === 303 && r.location.endsWith(`/order/${o.no}/done`);
      // A refusal's page waits for the GET its 303 leads to (POST/redirect/GET): fetched (untimed) for the reason.
      const page = !paid && r.status === 303 && r.location === `/order/${o.no}/pay` ? await b.request('GET', r.location) : null;
      if (!paid && activity && page?.status === 409 && flash(page.html) === '谢谢参与') tripped++;
      else if (!paid) {
        const why = page ? `303 → /order/{no}/pay: ${page.status} ${flash(page.html)}`
          : `${r.status} ${flash(r.html) || r.location.replace(/P\d+/, '{no}')}`;
        failures.set(why, (failures.get(why) || 0) + 1);
      }
      done.push([t0, t1, paid]);
    }
    ranOut = Math.min(ranOut, now()); // this buyer has nothing left to pay: the full-load window ends here
  }));
  const end = Math.min(deadline, ranOut);
  if (ranOut < deadline) say(`!!! a buyer ran out of orders after ${((ranOut - from) / 1000).toFixed(1)} s of the window (raise FLASH_ORDERS)`);
  for (const [why, n] of failures) say(`!!! ${n} payment(s) answered ${why}`);
  const inWindow = done.filter(([t0, t1]) => t0 >= from && t1 <= end);
  const lat = inWindow.map(([t0, t1]) => t1 - t0).sort((a, b) => a - b);
  const paidWin = inWindow.filter((d) => d[2]).length;
  const secs = (end - from) / 1000;
  const failed = done.filter((d) => !d[2]).length - tripped;
  const paidAll = done.filter((d) => d[2]).length;
  console.log(`FLASH ${(secs > 0 ? paidWin / secs : 0).toFixed(1)} ${pct(lat, 50).toFixed(2)} ${pct(lat, 99).toFixed(2)} ` +
    `${paidWin} ${inWindow.length} ${failed} ${paidAll} ${secs.toFixed(1)}`);
  if (activity) console.log(`BUDGET ${activity} ${BUDGET} ${tripped}`);
  const cpu = process.cpuUsage(cpu0);
  say(`driver node: ${done.length} pay requests, ${((cpu.user + cpu.system) / Math.max(1, done.length)).toFixed(0)} µs CPU each`);
}

// FLASH_DRIVER=wrk (default): the same payments from wrk with tests/bench/flash_pay.lua, which times them itself
// (see there). The file holds one line per order — buyer, path, form body, the buyer's cookies — order k of every
// buyer before order k + 1 of any.
function payPhaseWrk(buyers, activity) {
  const file = `${VAR}/flash_pay.txt`;
  const lines = [];
  for (let k = 0; k < ORDERS; k++) {
    buyers.forEach((b, i) => {
      const o = b.orders[k];
      lines.push(`${i}\t/order/${o.no}/pay\t${new URLSearchParams({ csrf: b.csrf, code: o.code })}\t${b.cookie()}`);
    });
  }
  writeFileSync(file, lines.join('\n') + '\n');
  const script = fileURLToPath(new URL('./flash_pay.lua', import.meta.url));
  // -d only caps the run: the script ends it once every payment it sent is answered after the window.
  const cap = Math.ceil(WARMUP + SECONDS) + 120;
  const r = spawnSync('wrk', ['-t1', `-c${BUYERS}`, `-d${cap}s`, '--timeout', '10s', '-s', script, `${BASE.origin}/`,
    '--', file, String(WARMUP), String(SECONDS), activity ? '1' : '0'], { encoding: 'utf8', timeout: (cap + 30) * 1000 });
  rmSync(file, { force: true }); // it holds the buyers' session cookies
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  const m = out.match(/^WRKPAY (.*)$/m);
  if (r.status !== 0 || !m) throw new Error(`wrk: exit ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${out}`);
  const [paidWin, reqWin, secs, p50, p99, paidAll, tripped, failed, sent, answered, ranOut, , cpu] =
    m[1].trim().split(/\s+/).map(Number);
  for (const [, n, why] of out.matchAll(/^WRKFAIL (\d+) (.*)$/gm)) say(`!!! ${n} payment(s) answered ${why}`);
  const lost = sent - answered; // sent but never answered before -d: the server may have taken them
  if (lost > 0) say(`!!! ${lost} payment(s) got no answer before wrk's -d ${cap}s`);
  if (ranOut >= 0 && ranOut < SECONDS) say(`!!! a buyer ran out of orders after ${ranOut.toFixed(1)} s of the window (raise FLASH_ORDERS)`);
  if (/Socket errors/.test(out)) say(`wrk: ${out.match(/Socket errors.*/)[0]}`);
  console.log(`FLASH ${(secs > 0 ? paidWin / secs : 0).toFixed(1)} ${p50.toFixed(2)} ${p99.toFixed(2)} ` +
    `${paidWin} ${reqWin} ${failed + lost} ${paidAll} ${secs.toFixed(1)}`);
  if (activity) console.log(`BUDGET ${activity} ${BUDGET} ${tripped}`);
  say(`driver wrk: ${sent} pay requests, ${(cpu * 1e6 / Math.max(1, sent)).toFixed(0)} µs CPU each`);
}

try {
  const { buyers, activity } = await setup();
  if (DRIVER === 'node') await payPhaseNode(buyers, activity);
  else payPhaseWrk(buyers, activity);
  for (const b of buyers) b.agent.destroy();
} catch (e) {
  console.error(`flash.mjs: ${e.stack || e}`);
  process.exitCode = 1;
} finally {
  db.stdin.end();
}
