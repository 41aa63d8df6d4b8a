// merchants.mjs: alliance merchants — merchants and accounts made with SQL (sharing the demo owner's password hash:
// no scrypt per account, no throttle history), signing in at /merchant/login, valid business licence numbers.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql } from './stack.mjs';
import { Client, flash } from './client.mjs';

export const MERCHANT_PASSWORD = 'Merchant@2026'; // the demo merchants' (README: demo accounts)
const tag = () => `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;

// A fresh account of merchant `merchantId` → its username.
export function makeMerchantUser(merchantId, role = 'staff', username = `t${randomInt(1e9)}`) {
  sql(`INSERT INTO merchant_users (merchant_id, username, password_hash, role)
       SELECT ${Number(merchantId)}, '${username}', password_hash, '${role}' FROM merchant_users WHERE username = 'carwash'`);
  return username;
}

// A merchant of its own named `label tag`, with an owner and a staff account → { id, name, owner, staff, staffId }.
export function makeMerchant(label = '测试商户', { address = '测试路 1 号', phone = '0755-0000000' } = {}) {
  const t = tag();
  const name = `${label} ${t}`;
  sql(`INSERT INTO merchants (name, address, phone) VALUES ('${name}', '${address}', '${phone}')`);
  const id = Number(sql(`SELECT id FROM merchants WHERE name = '${name}'`));
  const owner = makeMerchantUser(id, 'owner', `po${t}`), staff = makeMerchantUser(id, 'staff', `ps${t}`);
  const staffId = Number(sql(`SELECT id FROM merchant_users WHERE username = '${staff}'`));
  return { id, name, owner, staff, staffId };
}

// Posts the sign-in form (with `next` when given) → the response; the session's token is read from the next page.
export async function merchantLogin(c, username, password = MERCHANT_PASSWORD, next) {
  const page = await c.get('/merchant/login');
  assert.equal(page.status, 200);
  const form = { csrf: c.csrf, username, password };
  if (next) form.next = next;
  const r = await c.request('POST', '/merchant/login', form);
  c.csrf = null;
  return r;
}
// A client signed in to the merchant portal as username.
export async function merchantClient(username, password = MERCHANT_PASSWORD) {
  const c = new Client();
  const r = await merchantLogin(c, username, password);
  assert.equal(r.status, 303, `merchant login ${username}: ${flash(r.html)}`);
  return c;
}
// A client signed in as a fresh account of merchantId.
export const newMerchantClient = (merchantId = 1, role = 'staff') => merchantClient(makeMerchantUser(merchantId, role));

// A unified social credit code (GB 32100-2015): 17 characters (random unless given) and the check character.
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function licenceNo(body = Array.from({ length: 17 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('')) {
  assert.equal(body.length, 17);
  const sum = [...body].reduce((s, ch, i) => s + CODE_CHARS.indexOf(ch) * CODE_WEIGHTS[i], 0);
  return body + CODE_CHARS[(31 - (sum % 31)) % 31];
}
