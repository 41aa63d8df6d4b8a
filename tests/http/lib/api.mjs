// api.mjs: a partner API client — signs each request (HMAC-SHA256 over method, path, query, timestamp, nonce and the
// body's SHA-256, README "Partner API") and returns { status, headers, json, text }.
import crypto from 'node:crypto';
import http from 'node:http';
import { ORIGIN, sql, q } from './stack.mjs';

export const DEMO_PARTNER = { keyId: 'pk_demo_cmcc', secret: 'sk_demo_cmcc_local_only', enterprise: '中国移动' };

export function sign(secret, method, pathAndQuery, timestamp, nonce, body) {
  const i = pathAndQuery.indexOf('?');
  const path = i < 0 ? pathAndQuery : pathAndQuery.slice(0, i);
  const query = i < 0 ? '' : pathAndQuery.slice(i + 1);
  const bodyHash = crypto.createHash('sha256').update(body || '').digest('hex');
  const text = [method, path, query, String(timestamp), nonce, bodyHash].join('\n');
  return crypto.createHmac('sha256', secret).update(text).digest('hex');
}

// opts: { key, body (object or raw string), idem (Idempotency-Key), timestamp, nonce, signature, secret, headers }
export async function api(method, pathAndQuery, opts = {}) {
  const key = opts.key || DEMO_PARTNER;
  const body = opts.body === undefined ? '' : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = opts.nonce || crypto.randomBytes(16).toString('hex');
  const signature = opts.signature || sign(opts.secret || key.secret, method, pathAndQuery, timestamp, nonce, body);
  const headers = {
    'X-Api-Key': key.keyId, 'X-Api-Timestamp': String(timestamp), 'X-Api-Nonce': nonce, 'X-Api-Signature': signature,
    ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
    ...(opts.idem ? { 'Idempotency-Key': opts.idem } : {}),
    ...(method === 'POST' ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
    ...(opts.headers || {}),
  };
  // A connection of its own per request (as lib/client.mjs): no idle keep-alive socket the server closed meanwhile.
  const res = await new Promise((resolve, reject) => {
    const req = http.request(ORIGIN + pathAndQuery, { method, headers, agent: false }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => resolve({ status: r.statusCode, raw: r.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (e) => reject(new Error(`${method} ${pathAndQuery}: ${e.message}`)));
    req.end(method === 'POST' ? body : undefined);
  });
  res.headers = { get: (k) => { const v = res.raw[k.toLowerCase()]; return v === undefined ? null : String(v); } };
  const text = res.text;
  let json = null;
  try { json = JSON.parse(text); } catch { /* left null: the test says so */ }
  return { status: res.status, headers: res.headers, json, text, nonce, timestamp };
}

export const idem = () => 'k-' + crypto.randomBytes(12).toString('hex');
export const ref = (p = 'r') => `${p}-${crypto.randomBytes(8).toString('hex')}`;

// A partner of an enterprise (made if missing) with a fresh key pair read from `mallctl partner-key`.
export async function makePartner(mallctl, enterprise, { rate = 100000 } = {}) {
  sql(`INSERT IGNORE INTO enterprises (code, name) VALUES ('${enterprise}', '${enterprise}')`);
  sql(`INSERT INTO partners (name, enterprise, rate_per_minute) VALUES ('test ${enterprise}', '${enterprise}', ${rate})`);
  const id = Number(sql(`SELECT MAX(id) FROM partners WHERE enterprise = '${enterprise}'`));
  const out = mallctl('partner-key', String(id));
  const keyId = out.match(/key_id (\S+)/)[1], secret = out.match(/secret (\S+)/)[1];
  return { id, keyId, secret, enterprise };
}

// A member of an enterprise with some points (through the API itself when key is given).
export function memberOf(enterprise, mobile) {
  sql(`INSERT INTO members (mobile, name, password_hash, enterprise) VALUES (${q(mobile)}, 'api test', '!', '${enterprise}')`);
  return Number(sql(`SELECT id FROM members WHERE mobile = ${q(mobile)}`));
}
