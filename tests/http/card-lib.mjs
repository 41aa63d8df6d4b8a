// card-lib.mjs: helpers for the member card and offline payment tests — members with a card and a payment
// password, merchant accounts signed in at /merchant/login, the terminal's two steps (not a test file itself).
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { Client, flash, sql, q, makeMembers, memberId, lastCode } from './shop-lib.mjs';

export const MERCHANT_PASSWORD = 'Merchant@2026';

// A fresh account of merchant `merchantId` sharing the demo owner's password hash (no throttle history).
export function makeMerchantUser(merchantId, role = 'staff') {
  const username = `t${randomInt(1e9)}`;
  sql(`INSERT INTO merchant_users (merchant_id, username, password_hash, role)
       SELECT ${Number(merchantId)}, '${username}', password_hash, '${role}' FROM merchant_users WHERE username = 'carwash'`);
  return username;
}

// A client signed in to the merchant portal as a fresh account of merchantId.
export async function merchantClient(merchantId = 1, role = 'staff') {
  const username = makeMerchantUser(merchantId, role);
  const c = new Client();
  assert.equal((await c.get('/merchant/login')).status, 200);
  const r = await c.request('POST', '/merchant/login', { csrf: c.csrf, username, password: MERCHANT_PASSWORD });
  assert.equal(r.status, 303, `merchant login ${username}: ${flash(r.html)}`);
  c.csrf = null;
  return c;
}

// Sets m's payment password through /card (SMS code from the outbox); c is m's signed-in client.
export async function setPayPassword(c, m, pw) {
  assert.equal((await c.post('/card/code', {}, '/card')).status, 200);
  const r = await c.post('/card/password', { code: lastCode(m), password: pw, confirm: pw }, '/card');
  assert.equal(r.status, 303, `set payment password: ${flash(r.html)} ${(r.html.match(/field-error[^>]*>([^<]*)/) || [])[1]}`);
  assert.equal(r.location, '/card?done=set');
}

// n members with `points` each, a card number, and the payment password whose scrypt hash is `hash`
// (copied with SQL: one scrypt hash for all, as makeMembers shares one login password hash).
export function makeCardMembers(n, points, hash) {
  const ms = makeMembers(n, points);
  for (const m of ms) {
    const card = cardNumber();
    sql(`UPDATE members SET card_no = '${card}', pay_password_hash = ${hash === null ? 'NULL' : `'${hash}'`} WHERE mobile = ${q(m)}`);
  }
  return ms.map((m) => ({ mobile: m, id: memberId(m), card: cardOf(m) }));
}
const cardNumber = () => String(randomInt(1, 10)) + Array.from({ length: 15 }, () => randomInt(0, 10)).join('');
export const cardOf = (m) => sql(`SELECT card_no FROM members WHERE mobile = ${q(m)}`);
export const payHashOf = (m) => sql(`SELECT pay_password_hash FROM members WHERE mobile = ${q(m)}`);

const hidden = (html, name) => (html.match(new RegExp(`name="${name}" value="([^"]*)"`)) || [])[1];

// Terminal step 1: card + points → the confirm page's hidden fields (status 200 asserted).
export async function startPayment(mc, card, points) {
  const r = await mc.post('/merchant/terminal', { card_no: card, points }, '/merchant/terminal');
  assert.equal(r.status, 200, `terminal start: ${r.status} ${flash(r.html)}`);
  const form = { card_no: hidden(r.html, 'card_no'), points: hidden(r.html, 'points'), receipt: hidden(r.html, 'receipt'), sig: hidden(r.html, 'sig') };
  assert.match(form.receipt || '', /^\d{18}$/);
  return form;
}
// Terminal step 2: the member types the password.
export const confirmPayment = (mc, form, password) => mc.post('/merchant/terminal/pay', { ...form, password }, '/merchant/terminal');
