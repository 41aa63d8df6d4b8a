// bank.mjs: the bank test against the 3-node Galera cluster and two app nodes that scripts/cluster.sh started
// (`make cluster-test`). Members pay, cancel and are granted points concurrently through both app nodes; two
// database nodes are killed with -9 along the way (first app 1's, then the one the app nodes are using) and
// rejoin. At the end, on every node: check-ledger clean, the same balances and orders, every payment, cancel and
// grant the test saw acknowledged is there, and each member whose every operation was answered has exactly the
// balance the answers add up to.
//   Phases: one app node (no faults) → two app nodes (no faults) → two app nodes with the faults.
//   BANK_MEMBERS (default 48), BANK_PHASE_SECONDS (15), BANK_FAULT_SECONDS (60) tune it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const VAR = process.env.MALL_CLUSTER_VAR;
const ROOT = process.env.MALL_ROOT;
if (!VAR || !ROOT) throw new Error('run through scripts/cluster.sh test (MALL_CLUSTER_VAR, MALL_ROOT)');
const env = Object.fromEntries(fs.readFileSync(`${VAR}/cluster.env`, 'utf8').trim().split('\n').map((l) => l.split('=')));
const DB_PORTS = [1, 2, 3].map((i) => Number(env[`DB_PORT_${i}`]));
const APPS = [env.APP_URL_1, env.APP_URL_2].map((u) => new URL(u));
const SMS_PORT = Number(process.env.MALL_CLUSTER_SMS_PORT);
const MEMBERS = Number(process.env.BANK_MEMBERS || 48);
const PHASE_S = Number(process.env.BANK_PHASE_SECONDS || 15);
const FAULT_S = Number(process.env.BANK_FAULT_SECONDS || 60);
const PASSWORD = 'Demo@2026', ADMIN_PASSWORD = 'Admin@2026';
const START_POINTS = 1000000;

const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s]`;
const log = (...a) => console.log(stamp(), ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let failures = 0;
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures++; };

// ---- SQL on one node, with the mariadb client ----
function sqlOn(node, query) {
  const r = spawnSync('mariadb', ['-h127.0.0.1', `-P${DB_PORTS[node - 1]}`, '-uroot', '-N', '-B', 'mall', '-e', query],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`sql on db${node}: ${r.stderr}`);
  return r.stdout.trim();
}
// A long-lived client on one node for the test's own bookkeeping writes (ageing SMS codes): one process, not one
// per statement.
class SqlPipe {
  constructor(node) {
    this.p = spawn('mariadb', ['-h127.0.0.1', `-P${DB_PORTS[node - 1]}`, '-uroot', '-N', '-B', '-n', '--force', 'mall']);
    this.buf = '';
    this.waiting = [];
    this.p.stdout.on('data', (d) => {
      this.buf += d;
      let i;
      while ((i = this.buf.indexOf('__END__\n')) >= 0) {
        const out = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 8);
        this.waiting.shift()(out);
      }
    });
    this.conflicts = 0;
    this.p.stderr.on('data', (d) => { const s = String(d); if (/ERROR 1213/.test(s)) this.conflicts++; else if (!/^-+\s*$|^UPDATE sms_codes/m.test(s)) console.error(`sql pipe: ${s}`); });
  }
  run(q) { return new Promise((resolve) => { this.waiting.push(resolve); this.p.stdin.write(`${q};\nSELECT '__END__';\n`); }); }
  close() { this.p.stdin.end(); }
}

// ---- a small HTTP client: cookies, the session's CSRF token, one app node ----
const agents = APPS.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));
class Client {
  constructor(app) { this.app = app; this.jar = new Map(); this.csrf = null; }
  send(method, p, form) {
    const body = form ? new URLSearchParams(form).toString() : null;
    const headers = { Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '), Referer: `${APPS[this.app].origin}/` };
    if (body !== null) { headers['Content-Type'] = 'application/x-www-form-urlencoded'; headers['Content-Length'] = Buffer.byteLength(body); }
    return new Promise((resolve) => {
      const req = http.request({ host: APPS[this.app].hostname, port: APPS[this.app].port, path: p, method, headers, agent: agents[this.app], timeout: 60000 }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          for (const sc of res.headers['set-cookie'] || []) {
            const kv = sc.split(';')[0];
            const k = kv.slice(0, kv.indexOf('=')).trim(), v = kv.slice(kv.indexOf('=') + 1).trim();
            if (!v || /max-age=0/i.test(sc)) this.jar.delete(k); else this.jar.set(k, v);
          }
          const html = Buffer.concat(chunks).toString('utf8');
          const t = html.match(/name="csrf" value="([0-9a-f]{64})"/);
          if (t) this.csrf = t[1];
          resolve({ status: res.statusCode, location: res.headers.location, html });
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => resolve({ status: 0, error: e.message, html: '' }));
      req.end(body ?? '');
    });
  }
  post(p, form) { return this.send('POST', p, { csrf: this.csrf, ...form }); }
  async login(loginPath, form) {
    await this.send('GET', loginPath);
    const r = await this.send('POST', loginPath, { csrf: this.csrf, ...form });
    if (r.status !== 303) throw new Error(`${loginPath} on app ${this.app + 1}: ${r.status}`);
    this.csrf = null;
    const home = await this.send('GET', loginPath.startsWith('/admin') ? '/admin/' : '/cart');
    if (home.status !== 200 || !this.csrf) throw new Error(`no session token on app ${this.app + 1}`);
  }
}

// ---- the SMS gateway the app nodes text codes to (MALL_SMS_DRIVER=http) ----
const texts = new Map(); // mobile → latest code
let smsCount = 0;
const gateway = http.createServer((req, res) => {
  let b = '';
  req.on('data', (d) => { b += d; });
  req.on('end', () => {
    try {
      const { mobile, text } = JSON.parse(b);
      const m = text.match(/验证码是(\d{6})/);
      if (m) texts.set(mobile, m[1]);
      smsCount++;
    } catch { /* not ours */ }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"ok":true}');
  });
});
await new Promise((r) => gateway.listen(SMS_PORT, '127.0.0.1', r));

// ---- the bank: members, products, an admin per app node ----
const tag = String(randomInt(1e6)).padStart(6, '0');
const mobiles = Array.from({ length: MEMBERS }, (_, i) => `139${tag}${String(i).padStart(2, '0')}`);
const list = mobiles.map((m) => `'${m}'`).join(',');
log(`setting up ${MEMBERS} members with ${START_POINTS} points, 4 products, 2 admins (SQL on db1)`);
sqlOn(1, `
  INSERT INTO members (mobile, name, password_hash) SELECT m.mobile, 'bank', d.password_hash FROM
    (${mobiles.map((m) => `SELECT '${m}' AS mobile`).join(' UNION ALL ')}) m, members d WHERE d.mobile = '13800138000';
  INSERT INTO points_lots (member_id, source, note, amount, remaining, expires_at)
    SELECT id, 'grant', 'bank test', ${START_POINTS}, ${START_POINTS}, '2030-12-31' FROM members WHERE mobile IN (${list});
  INSERT INTO points_ledger (member_id, kind, amount, balance_after, lot_id, note)
    SELECT l.member_id, 'grant', l.amount, l.amount, l.id, 'bank test' FROM points_lots l JOIN members m ON m.id = l.member_id
    WHERE m.mobile IN (${list});
  UPDATE members SET points_balance = ${START_POINTS} WHERE mobile IN (${list});
  INSERT INTO products (type, category_id, name_zh, name_en, description_zh, description_en, points_price, stock, initial_stock, per_member_limit, on_shelf)
    SELECT 'virtual', MIN(id), CONCAT('bank ${tag} ', s.seq), '', '', '', 10 * s.seq, 1000000, 1000000, 0, 1 FROM categories, seq_1_to_4 s GROUP BY s.seq;
  INSERT INTO admins (username, password_hash, role) SELECT CONCAT('bank${tag}', s.seq), password_hash, 'super' FROM admins, seq_1_to_2 s WHERE username = 'admin';`);
const memberIds = new Map(sqlOn(1, `SELECT mobile, id FROM members WHERE mobile IN (${list})`).split('\n').map((l) => { const [m, id] = l.split('\t'); return [m, Number(id)]; }));
const products = sqlOn(1, `SELECT id, points_price FROM products WHERE name_zh LIKE 'bank ${tag} %' ORDER BY id`).split('\n').map((l) => l.split('\t').map(Number));
const pipe = new SqlPipe(3); // db3 is never killed below

// The model: what the answers say happened. unknown: operations whose outcome no answer settled (a 5xx, a dropped
// connection) — such a member's balance is only checked by the invariants, not against the model.
const model = new Map(mobiles.map((m) => [m, { balance: START_POINTS, unknown: 0 }]));
const paid = new Map(); // order no → mobile, acknowledged paid (303)
const cancelled = new Set(); // acknowledged cancelled
const cancelUnknown = new Set(); // paid, then a cancel without an answer: paid or cancelled are both right
const granted = []; // acknowledged grants: { mobile, amount, reason }
const statuses = {};
let ops = { pay: 0, cancel: 0, grant: 0 };
const bump = (k) => { statuses[k] = (statuses[k] || 0) + 1; };

async function codeFor(c, m, no) {
  for (let attempt = 0; attempt < 40; attempt++) {
    texts.delete(m);
    const r = await c.post(`/order/${no}/code`, {});
    if (r.status >= 500 || r.status === 0) return { status: r.status };
    if (texts.has(m)) return { code: texts.get(m) };
    // The cooldown (60 s per mobile) or daily cap (10): the test ages this member's codes and asks again (the
    // ageing is written on db3 and may take a moment to reach the app's node).
    await pipe.run(`UPDATE sms_codes SET created_at = created_at - INTERVAL 1 DAY WHERE mobile = '${m}'`);
    await sleep(20 + attempt * 10);
  }
  return { status: 'no code' };
}

// One member's loop on one app node until the deadline: buy now, get the code, pay; now and then cancel it.
async function member(m, app, until, counter) {
  const c = sessions.members[app].get(m);
  while (Date.now() < until) {
    const [pid, price] = products[randomInt(products.length)];
    const r1 = await c.post('/checkout/now', { product_id: pid, quantity: 1, confirm: 1 });
    const no = (r1.location || '').match(/\/order\/(P\d{16})\/pay$/)?.[1];
    if (!no) { bump(`checkout ${r1.status}`); if (r1.status === 0 || r1.status >= 500) await sleep(100); continue; }
    const code = await codeFor(c, m, no);
    if (!code.code) { bump(`code ${code.status}`); await sleep(100); continue; }
    const r2 = await c.post(`/order/${no}/pay`, { code: code.code });
    ops.pay++;
    // Paid: 303 to …/done. A refusal is a 303 too (POST/redirect/GET back to the form, with the reason).
    const ok2 = r2.status === 303 && /\/done$/.test(r2.location || '');
    if (ok2) {
      paid.set(no, m);
      model.get(m).balance -= price;
      counter.paid++;
    } else {
      bump(`pay ${r2.status}${r2.status === 303 ? ' refused' : ''}`);
      if (r2.status === 0 || r2.status >= 500) { model.get(m).unknown++; continue; }
    }
    // Its codes aged before the next one is asked for (awaited: ageing a newer code would expire it).
    await pipe.run(`UPDATE sms_codes SET created_at = created_at - INTERVAL 1 DAY WHERE mobile = '${m}'`);
    if (ok2 && randomInt(4) === 0) {
      const r3 = await c.post(`/order/${no}/cancel`, { reason: 'changed', confirm: 1 });
      ops.cancel++;
      if (r3.status === 303 && /done=cancelled/.test(r3.location || '')) { cancelled.add(no); model.get(m).balance += price; counter.cancelled++; }
      else {
        bump(`cancel ${r3.status}`);
        if (r3.status === 0 || r3.status >= 500) { model.get(m).unknown++; cancelUnknown.add(no); }
      }
    }
  }
}

// An admin on one app node granting points to random members until the deadline.
async function admin(app, until, counter) {
  const c = sessions.admins[app];
  let n = 0;
  while (Date.now() < until) {
    const m = mobiles[randomInt(mobiles.length)];
    const amount = 1 + randomInt(100);
    const reason = `bank ${tag} a${app + 1} #${++n}`;
    const r = await c.post(`/admin/members/${memberIds.get(m)}/grant`, { grant_amount: amount, grant_expires: '2030-12-31', grant_reason: reason });
    ops.grant++;
    if (r.status === 303 && /done=granted/.test(r.location || '')) { granted.push({ mobile: m, amount, reason }); model.get(m).balance += amount; counter.granted++; }
    else { bump(`grant ${r.status}`); if (r.status === 0 || r.status >= 500) { model.get(m).unknown++; await sleep(100); } }
    await sleep(50);
  }
}

// The app nodes' logs: db_tx logs each transaction it runs again after 1213, the connection layer each failover.
const appLogs = ['app1', 'app2'].flatMap((a) => ['mall.log', 'admin.log'].map((f) => `${VAR}/${a}/log/${f}`));
const logMarks = () => appLogs.map((f) => { try { return fs.statSync(f).size; } catch { return 0; } });
const logsSince = (marks) => appLogs.map((f, i) => { try { return fs.readFileSync(f).subarray(marks[i]).toString('utf8'); } catch { return ''; } }).join('\n');
const countIn = (text, re) => (text.match(re) || []).length;

async function phase(name, apps, seconds, during) {
  log(`${name}: app connections per database node ${JSON.stringify(appConnections())}`);
  const marks = logMarks();
  const until = Date.now() + seconds * 1000;
  const counter = { paid: 0, cancelled: 0, granted: 0 };
  const start = Date.now();
  const workers = mobiles.map((m, i) => member(m, apps[i % apps.length], until, counter));
  const admins = apps.map((a) => admin(a, until, counter));
  const faults = during ? during(until) : Promise.resolve();
  await Promise.all([...workers, ...admins]);
  const secs = (Date.now() - start) / 1000;
  await faults;
  const rate = counter.paid / secs;
  const text = logsSince(marks);
  counter.conflictsCommit = countIn(text, /write conflict \[1213\] at COMMIT/g);
  counter.conflictsStatement = countIn(text, /write conflict \[1213\] at a statement/g);
  counter.failovers = countIn(text, /failed over to node|connected to node/g);
  log(`answers other than success so far: ${JSON.stringify(statuses)}`);
  log(`${name}: ${counter.paid} payments in ${secs.toFixed(1)} s = ${rate.toFixed(1)} payments/s; ${counter.cancelled} cancels, ${counter.granted} grants`);
  return { name, ...counter, secs, rate };
}

// ---- faults ----
const cluster = (...a) => new Promise((resolve) => {
  const p = spawn('bash', [`${ROOT}/scripts/cluster.sh`, ...a], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (d) => { out += d; });
  p.stderr.on('data', (d) => { out += d; });
  p.on('close', (status) => resolve({ status, out: out.trim() }));
});
const state = (node) => { try { return sqlOn(node, "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_cluster_size')").split('\n').map((l) => l.split('\t')[1]).join('/'); } catch { return 'down'; } };
// Which database node each app node's processes are connected to now (their connections, counted on each node).
function appConnections() {
  const out = {};
  for (const n of [1, 2, 3]) {
    try { out[`db${n}`] = Number(sqlOn(n, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = 'mall' AND USER = 'root' AND ID <> CONNECTION_ID() AND HOST LIKE '127.0.0.1:%'")); } catch { out[`db${n}`] = 'down'; }
  }
  return out;
}
const timeline = [];
// How a restarted node caught up: from the lines its log gained since `from` bytes.
const logOf = (node) => `${VAR}/db${node}/log/mariadb.log`;
const logSize = (node) => { try { return fs.statSync(logOf(node)).size; } catch { return 0; } };
const caughtUp = (node, from) => {
  const s = fs.readFileSync(logOf(node)).subarray(from).toString('utf8');
  return /SST completed on joiner/.test(s) ? 'SST (mariabackup)' : /IST received/.test(s) ? `IST (${(s.match(/Receiving IST\.\.\. 100\.0% \((\d+)\/\d+ events/) || [])[1] || '?'} writesets)` : 'no IST/SST logged';
};
const event = (what) => { timeline.push(`${stamp()} ${what}`); log(what); };

async function faults(until) {
  const span = until - Date.now();
  await sleep(span * 0.15);
  event(`app connections per node ${JSON.stringify(appConnections())}; kill -9 db1 (app 1's node)`);
  await cluster('db-kill', VAR, '1');
  event(`db1 killed; cluster: db2 ${state(2)}, db3 ${state(3)}`);
  await sleep(span * 0.15);
  event(`app connections ${JSON.stringify(appConnections())}; restarting db1`);
  const t = Date.now(), l1 = logSize(1);
  const r1 = await cluster('db-start', VAR, '1');
  const how = caughtUp(1, l1);
  event(`db1 ${r1.status === 0 ? 'rejoined' : 'FAILED to rejoin'} (${((Date.now() - t) / 1000).toFixed(1)} s, ${how}; ${r1.out.split('\n').find((l) => /recovered/.test(l)) || ''}) cluster: ${state(1)}`);
  await sleep(Math.max(0, (until - Date.now()) * 0.3));
  const conns = appConnections();
  const busiest = Object.entries(conns).filter(([, v]) => v !== 'down').sort((a, b) => b[1] - a[1])[0][0];
  const victim = busiest === 'db3' ? '2' : busiest.slice(2); // db3 keeps the test's own SQL client
  event(`app connections ${JSON.stringify(conns)}; kill -9 db${victim} (the node the app nodes are using now)`);
  await cluster('db-kill', VAR, victim);
  event(`db${victim} killed; cluster: ${[1, 2, 3].map((n) => `db${n} ${state(n)}`).join(', ')}`);
  await sleep(Math.max(0, (until - Date.now()) * 0.4));
  event(`app connections ${JSON.stringify(appConnections())}; restarting db${victim}`);
  const t2 = Date.now(), l2 = logSize(Number(victim));
  const r2 = await cluster('db-start', VAR, victim);
  event(`db${victim} ${r2.status === 0 ? 'rejoined' : 'FAILED to rejoin'} (${((Date.now() - t2) / 1000).toFixed(1)} s, ${caughtUp(Number(victim), l2)}; ${r2.out.split('\n').find((l) => /recovered/.test(l)) || ''}) cluster: ${state(Number(victim))}`);
  if (r1.status !== 0 || r2.status !== 0) failures++;
}

// ---- run ----
// Every member signed in on both app nodes, and an admin on each, before anything is timed (scrypt is slow on
// purpose); a session made through one app node is good on the other (sessions live in the database).
async function pool(items, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } }));
}
const sessions = { members: [new Map(), new Map()], admins: [] };
log(`signing in ${MEMBERS} members on each app node`);
await pool([...[0, 1].flatMap((app) => mobiles.map((m) => [app, m]))], 8, async ([app, m]) => {
  const c = new Client(app);
  await c.login('/login', { mobile: m, password: PASSWORD });
  sessions.members[app].set(m, c);
});
for (const app of [0, 1]) {
  const c = new Client(app);
  await c.login('/admin/login', { username: `bank${tag}${app + 1}`, password: ADMIN_PASSWORD });
  sessions.admins.push(c);
}
const results = [];
results.push(await phase('one app node (app 1 → db1), no faults', [0], PHASE_S));
results.push(await phase('two app nodes, writes to all (app 1 → db1, app 2 → db2), no faults', [0, 1], PHASE_S));
// Writes to one node: app 2 restarted with db1 first in its list, then back to db2 for the fault phase.
const appRestart = (first) => { execFileSync('bash', [`${ROOT}/scripts/cluster.sh`, 'app-restart', VAR, '2', String(first)], { stdio: 'inherit' }); agents[1].destroy(); };
appRestart(1);
results.push(await phase('two app nodes, writes to one (app 1 and app 2 → db1), no faults', [0, 1], PHASE_S));
appRestart(2);
results.push(await phase('two app nodes with two database nodes killed and rejoining', [0, 1], FAULT_S, faults));
pipe.close();
gateway.close();
for (const a of agents) a.destroy();

// ---- the end: every node synced, then the same data on each ----
for (const n of [1, 2, 3]) execFileSync('bash', [`${ROOT}/scripts/cluster.sh`, 'db-start-wait', VAR, String(n)], { stdio: 'inherit' });
for (let i = 0; i < 100; i++) { // the last writesets applied everywhere
  const lc = [1, 2, 3].map((n) => sqlOn(n, "SHOW STATUS LIKE 'wsrep_last_committed'").split('\t')[1]);
  if (lc.every((x) => x === lc[0])) break;
  await sleep(200);
}
console.log('\n==== checks on every database node ====');
const checksumSql = `SELECT COUNT(*), SUM(points_balance), SUM(CRC32(CONCAT(id, ':', points_balance))) FROM members;
  SELECT COUNT(*), SUM(CRC32(CONCAT(order_no, ':', status))) FROM orders;
  SELECT COUNT(*), SUM(amount) FROM points_ledger;
  SELECT SUM(stock) FROM products`;
const sums = [1, 2, 3].map((n) => sqlOn(n, checksumSql).replace(/\n/g, ' | '));
for (const n of [1, 2, 3]) {
  const r = spawnSync('bash', ['-c', 'source "$0/scripts/stack.sh"; stack_env "$1/shared"; MALL_DB_HOSTS=127.0.0.1:$2 exec "$MALL_BUILD/mallctl" check-ledger', ROOT, VAR, String(DB_PORTS[n - 1])], { encoding: 'utf8' });
  check(r.status === 0 && /check-ledger: 0 violations/.test(r.stdout), `db${n}: mallctl check-ledger → ${(r.stdout + r.stderr).trim().split('\n').pop()}`);
  check(sums[n - 1] === sums[0], `db${n}: members/orders/ledger/stock checksum ${sums[n - 1]}`);
}
const paidNos = [...paid.keys()];
const inList = (nos) => nos.map((n) => `'${n}'`).join(',') || "''";
for (const n of [1, 2, 3]) {
  const st = new Map(paidNos.length ? sqlOn(n, `SELECT order_no, status FROM orders WHERE order_no IN (${inList(paidNos)})`).split('\n').map((l) => l.split('\t')) : []);
  const lostPaid = paidNos.filter((no) => !cancelled.has(no) && st.get(no) !== 'paid' && !(cancelUnknown.has(no) && st.get(no) === 'cancelled'));
  const lostCancel = [...cancelled].filter((no) => st.get(no) !== 'cancelled');
  check(lostPaid.length === 0, `db${n}: all ${paidNos.length - cancelled.size} orders acknowledged paid (and not cancelled) are paid${lostPaid.length ? ` — NOT: ${lostPaid.slice(0, 5)}` : ''}`);
  check(lostCancel.length === 0, `db${n}: all ${cancelled.size} acknowledged cancels are cancelled${lostCancel.length ? ` — NOT: ${lostCancel.slice(0, 5)}` : ''}`);
  const balances = new Map(sqlOn(n, `SELECT mobile, points_balance FROM members WHERE mobile IN (${list})`).split('\n').map((l) => { const [m, b] = l.split('\t'); return [m, Number(b)]; }));
  const settled = mobiles.filter((m) => model.get(m).unknown === 0);
  const off = settled.filter((m) => balances.get(m) !== model.get(m).balance);
  check(off.length === 0, `db${n}: ${settled.length} of ${MEMBERS} members had every operation answered; each balance = start + grants − payments + refunds as acknowledged${off.length ? ` — NOT: ${off.slice(0, 3).map((m) => `${m} ${balances.get(m)} ≠ ${model.get(m).balance}`)}` : ''}`);
  const grants = Number(sqlOn(n, `SELECT COUNT(*) FROM points_ledger l JOIN members m ON m.id = l.member_id WHERE m.mobile IN (${list}) AND l.kind = 'grant'`)) - MEMBERS;
  check(grants >= granted.length, `db${n}: ${grants} grants recorded ≥ ${granted.length} acknowledged`);
}

// ---- figures ----
const logs = appLogs.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
const count = (re) => (logs.match(re) || []).length;
console.log('\n==== figures ====');
for (const r of results) console.log(`${r.name}: ${r.rate.toFixed(1)} payments/s (${r.paid} in ${r.secs.toFixed(1)} s; ${r.cancelled} cancels, ${r.granted} grants); 1213 retried: ${r.conflictsCommit} at COMMIT, ${r.conflictsStatement} at a statement; reconnects to another node: ${r.failovers}`);
console.log(`two app nodes vs one: ×${(results[1].rate / results[0].rate).toFixed(2)} writing to all, ×${(results[2].rate / results[0].rate).toFixed(2)} writing to one`);
console.log(`conflicts retried in all (1213, logged by db_tx): ${count(/write conflict \[1213\] at COMMIT/g)} at COMMIT, ${count(/write conflict \[1213\] at a statement/g)} at a statement`);
console.log(`connections renewed: ${count(/connection renewed after/g)}; failovers to another node: ${count(/failed over to node/g)}`);
console.log(`operations: ${ops.pay} payments tried, ${ops.cancel} cancels, ${ops.grant} grants; SMS texted ${smsCount}`);
console.log(`answers other than success: ${JSON.stringify(statuses)}`);
console.log(`members with an operation of unknown outcome (5xx or dropped): ${mobiles.filter((m) => model.get(m).unknown > 0).length}`);
console.log('fault timeline:\n  ' + timeline.join('\n  '));
console.log(failures ? `\nbank test: ${failures} check(s) FAILED` : '\nbank test: all checks passed');
process.exit(failures ? 1 : 0);
