// claims.mjs: the coupon claim storm of scripts/bench.sh (F6) — BUYERS signed-in members claim coupons through the real
// HTTP stack (POST /coupons/{id}/claim), first for a timed window from a campaign that never runs out (claims/s and
// latency), then STORM claims at once for a quota of QUOTA (2 per member): exactly QUOTA coupons, nobody above the
// limit, no 5xx. Prints machine-readable lines for bench.sh:
//   CLAIMS <claims/s> <p50 ms> <p99 ms> <claimed in window> <claim requests in window> <failed claims> <window s>
//   STORM <requests> <303> <409> <other answers> <coupons> <campaign claimed> <members above limit> <ms> <quota>
// env: MALL_URL, MALL_VAR, MALL_BUILD (mallctl), CLAIM_BUYERS (64), CLAIM_SECONDS (10), CLAIM_WARMUP (2),
//      CLAIM_STORM (2000), CLAIM_QUOTA (100)
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const BASE = new URL(process.env.MALL_URL || 'http://127.0.0.1:8080');
const VAR = process.env.MALL_VAR;
const BUYERS = Number(process.env.CLAIM_BUYERS || 64);
const SECONDS = Number(process.env.CLAIM_SECONDS || 10);
const WARMUP = Number(process.env.CLAIM_WARMUP || 2);
const STORM = Number(process.env.CLAIM_STORM || 2000);
const QUOTA = Number(process.env.CLAIM_QUOTA || 100);
const PASSWORD = 'Demo@2026'; // the demo member's: the members share its scrypt hash
const say = (...a) => console.log('  ' + a.join(' '));
if (!VAR) { console.error('claims.mjs: MALL_VAR is not set'); process.exit(2); }

function sql(text) {
  const r = spawnSync('mariadb', [`--defaults-file=${VAR}/my.cnf`, '-uroot', '-N', '-B', 'mall', '-e',
    `SET time_zone = '${process.env.MALL_TZ || '+08:00'}'; ${text}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`sql: ${r.stderr}\n  in: ${text.slice(0, 300)}`);
  return r.stdout.trim();
}

// One member: cookies kept, redirects not followed; keep-alive (one connection) for the timed loop, a connection of
// its own per request for the storm (every claim at once, as a crowd of phones would send them).
class Member {
  constructor(mobile) {
    this.mobile = mobile;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    this.jar = new Map();
    this.csrf = null;
  }
  request(method, path, form, agent = this.agent, retried = false) {
    const body = form ? new URLSearchParams(form).toString() : '';
    const headers = { Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) { headers['Content-Type'] = 'application/x-www-form-urlencoded'; headers['Content-Length'] = Buffer.byteLength(body); }
    return new Promise((resolve) => {
      const req = http.request({ host: BASE.hostname, port: BASE.port, path, method, headers, agent }, (res) => {
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
        if (req.reusedSocket && e.code === 'ECONNRESET' && !retried) resolve(this.request(method, path, form, agent, true));
        else resolve({ status: 0, location: '', html: String(e) });
      });
      req.end(body);
    });
  }
  async login() {
    await this.request('GET', '/login');
    const r = await this.request('POST', '/login', { csrf: this.csrf, mobile: this.mobile, password: PASSWORD });
    if (r.status !== 303) throw new Error(`login ${this.mobile}: ${r.status}`);
    const page = await this.request('GET', '/coupons'); // the signed-in session's CSRF token
    if (page.status !== 200 || !this.csrf) throw new Error(`GET /coupons after login: ${page.status}`);
  }
  claim(campaign, agent) { return this.request('POST', `/coupons/${campaign}/claim`, { csrf: this.csrf }, agent); }
}
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

function campaign(activity, quota, per) {
  sql(`INSERT INTO coupon_campaigns (activity_id, name_zh, kind, face_value, threshold, quota, per_member, claim_from,
         claim_until, use_from, use_until) VALUES (${activity}, '领券压测', 'points_off', 10, 0, ${quota}, ${per},
         NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 1 DAY, NOW() - INTERVAL 1 HOUR, NOW() + INTERVAL 7 DAY)`);
  return Number(sql(`SELECT MAX(id) FROM coupon_campaigns WHERE activity_id = ${activity}`));
}

async function main() {
  const title = `领券压测 ${randomInt(1e9)}`;
  sql(`INSERT INTO activities (title_zh, title_en, rules_zh, rules_en, starts_at, ends_at)
       VALUES ('${title}', '', '', '', NOW() - INTERVAL 1 DAY, NOW() + INTERVAL 7 DAY)`);
  const activity = Number(sql(`SELECT id FROM activities WHERE title_zh = '${title}'`));
  const run = String(randomInt(0, 1e4)).padStart(4, '0');
  const mobiles = Array.from({ length: BUYERS }, (_, i) => `198${run}${String(i).padStart(4, '0')}`);
  sql(`INSERT INTO members (mobile, name, password_hash) SELECT m.mobile, '', d.password_hash FROM
    (${mobiles.map((m) => `SELECT '${m}' AS mobile`).join(' UNION ALL ')}) m, members d WHERE d.mobile = '13800138000'`);
  const r = spawnSync(`${process.env.MALL_BUILD}/mallctl`, ['flush-caches'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mallctl flush-caches: ${r.stdout}${r.stderr}`);
  const members = mobiles.map((m) => new Member(m));
  let t = now();
  for (let i = 0; i < members.length; i += 8) await Promise.all(members.slice(i, i + 8).map((m) => m.login()));
  say(`${BUYERS} members signed in through /login in ${((now() - t) / 1000).toFixed(1)} s`);

  // Timed: every member claims in a loop from campaigns that never run out; claims after the warm-up count. A member
  // may hold at most 100 of a campaign (its CHECK), which 64 members reach within a few seconds: then they go on to the
  // next campaign together (one hot counter row at a time, like the ceiling's), so the whole window stays busy.
  const opens = Array.from({ length: 40 }, () => campaign(activity, 1000000, 100));
  const start = now(), from = start + WARMUP * 1000, until = from + SECONDS * 1000;
  const lat = [];
  let okWin = 0, reqWin = 0, failed = 0;
  const whyFailed = new Map(); // status → count
  await Promise.all(members.map(async (m) => {
    let claimed = 0;
    while (now() < until && claimed < 100 * opens.length) {
      const t0 = now();
      const res = await m.claim(opens[Math.floor(claimed / 100)]);
      const t1 = now();
      if (res.status === 303) claimed++;
      else {
        failed++;
        const key = res.status || `no answer: ${res.html}`;
        whyFailed.set(key, (whyFailed.get(key) || 0) + 1);
      }
      if (t0 >= from && t1 <= until) {
        reqWin++;
        lat.push(t1 - t0);
        if (res.status === 303) okWin++;
      }
    }
  }));
  lat.sort((a, b) => a - b);
  const rate = okWin / SECONDS;
  const why = [...whyFailed].map(([k, v]) => `${v} × ${k}`).join(', ');
  say(`claims: ${okWin} coupons of ${reqWin} requests in the ${SECONDS} s window; ${failed} not 303${why ? ` (${why})` : ''}`);
  console.log(`CLAIMS ${rate.toFixed(1)} ${pct(lat, 50).toFixed(2)} ${pct(lat, 99).toFixed(2)} ${okWin} ${reqWin} ${failed} ${SECONDS}`);

  // The storm: STORM claims at once, each on a connection of its own, for a quota of QUOTA, 2 per member.
  const storm = campaign(activity, QUOTA, 2);
  t = now();
  const rs = await Promise.all(Array.from({ length: STORM }, (_, i) => members[i % members.length].claim(storm, false)));
  const took = now() - t;
  const count = (s) => rs.filter((x) => x.status === s).length;
  const other = rs.length - count(303) - count(409);
  const coupons = sql(`SELECT COUNT(*) FROM coupons WHERE campaign_id = ${storm}`);
  const claimed = sql(`SELECT claimed FROM coupon_campaigns WHERE id = ${storm}`);
  const over = sql(`SELECT COUNT(*) FROM (SELECT member_id FROM coupons WHERE campaign_id = ${storm} GROUP BY member_id HAVING COUNT(*) > 2) d`);
  if (other) say(`storm answers other than 303/409: ${[...new Set(rs.filter((x) => x.status !== 303 && x.status !== 409).map((x) => x.status))].join(', ')}`);
  console.log(`STORM ${STORM} ${count(303)} ${count(409)} ${other} ${coupons} ${claimed} ${over} ${took.toFixed(0)} ${QUOTA}`);
  for (const m of members) m.agent.destroy();
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
