// members.mjs: members made with SQL (sharing the demo member's password hash: no scrypt work, no SMS), their
// points lots and addresses, and the SMS codes texted to them.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { DEMO, sql, q, mallctl } from './stack.mjs';
import { Client } from './client.mjs';

export const DEMO_PASSWORD = DEMO.password;
// A random mobile number that is no demo account's (a test file may pick its own prefix).
export const mobile = (prefix = '137') => prefix + String(randomInt(0, 10 ** (11 - prefix.length))).padStart(11 - prefix.length, '0');

// n members, each with `points` in one lot expiring on `expires`, written the way the ledger writes a grant.
export function makeMembers(n, points = 0, expires = '2030-12-31') {
  const ms = Array.from({ length: n }, () => mobile());
  const list = ms.map(q).join(',');
  sql(`INSERT IGNORE INTO members (mobile, name, password_hash) SELECT m.mobile, '', d.password_hash FROM
    (${ms.map((m) => `SELECT ${q(m)} AS mobile`).join(' UNION ALL ')}) m, members d WHERE d.mobile = '${DEMO.mobile}'`);
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

// A fresh member (see makeMembers) signed in on a client of its own → { m, mobile, c, id }.
export async function signedInMember(points = 0, expires) {
  const [m] = makeMembers(1, points, expires);
  const c = new Client();
  await c.login(m);
  return { m, mobile: m, c, id: memberId(m) };
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

// A default delivery address for m → its id.
export function addAddress(m) {
  sql(`INSERT INTO addresses (member_id, recipient, mobile, province, city, district, detail, is_default)
       SELECT id, '测试收货人', mobile, '广东省', '深圳市', '南山区', '科技园测试路 1 号', 1 FROM members WHERE mobile = ${q(m)}`);
  return Number(sql(`SELECT MAX(id) FROM addresses WHERE member_id = ${memberId(m)}`));
}

// The newest code texted to m (read from the outbox).
export function lastCode(m) {
  const out = mallctl('sms-outbox', '--phone', m, '--last', '1');
  const found = out.match(/验证码是(\d{6})/);
  assert.ok(found, `no code texted to ${m}: ${out}`);
  return found[1];
}
// Lets the next code be sent at once (the 60 s cooldown is covered by its own test).
export const skipCooldown = (m) => sql(`UPDATE sms_codes SET created_at = created_at - INTERVAL 61 SECOND WHERE mobile = ${q(m)}`);
