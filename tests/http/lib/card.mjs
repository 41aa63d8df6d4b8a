// card.mjs: the member card and offline payment — members with a card and a payment password, the terminal's steps.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql, q } from './stack.mjs';
import { flash } from './client.mjs';
import { makeMembers, memberId, lastCode } from './members.mjs';

// Sets m's payment password through /card (SMS code from the outbox); c is m's signed-in client.
export async function setPayPassword(c, m, pw) {
  assert.equal((await c.post('/card/code', {}, '/card')).status, 200);
  const r = await c.post('/card/password', { code: lastCode(m), password: pw, confirm: pw }, '/card');
  assert.equal(r.status, 303, `set payment password: ${flash(r.html)} ${(r.html.match(/field-error[^>]*>([^<]*)/) || [])[1]}`);
  assert.equal(r.location, '/card?done=set');
}

// n members with `points` each, a card number, and the payment password whose scrypt hash is `hash`
// (copied with SQL: one scrypt hash for all, as makeMembers shares one login password hash) → [{ mobile, id, card }].
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

// Terminal step 1 on merchant client mc: card + points → the confirm page's hidden fields (status 200 asserted).
export async function startPayment(mc, card, points) {
  const r = await mc.post('/merchant/terminal', { card_no: card, points }, '/merchant/terminal');
  assert.equal(r.status, 200, `terminal start: ${r.status} ${flash(r.html)}`);
  const form = { card_no: hidden(r.html, 'card_no'), points: hidden(r.html, 'points'), receipt: hidden(r.html, 'receipt'), sig: hidden(r.html, 'sig') };
  assert.match(form.receipt || '', /^\d{18}$/);
  return form;
}
// Terminal step 2: the member types the password.
export const confirmPayment = (mc, form, password) => mc.post('/merchant/terminal/pay', { ...form, password }, '/merchant/terminal');
