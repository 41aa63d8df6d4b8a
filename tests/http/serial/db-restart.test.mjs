// db-restart.test.mjs: the database is killed (kill -9) and started again while the mall is up; every FastCGI
// process holds a connection that died with it. No one sees a 500 for a restart that finished before their request:
// reads are sent again on a fresh connection, transactions run again whole. Runs alone (scripts/test.sh: serial/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { VAR, ROOT, sql } from '../lib/stack.mjs';
import { Client } from '../lib/client.mjs';
import { signedInMember } from '../lib/members.mjs';
import { adminClient } from '../lib/admin.mjs';
import { newMerchantClient } from '../lib/merchants.mjs';
import { makeProduct } from '../lib/shop.mjs';

// Enough at once that every one of each program's processes takes some (lighttpd spreads parallel requests).
const burst = (c, paths) => Promise.all(Array.from({ length: 16 }, (_, i) => c.get(paths[i % paths.length])));
const statuses = (rs) => rs.map((r) => r.status);

function restartDatabase() {
  const pid = Number(fs.readFileSync(`${VAR}/run/mariadb.pid`, 'utf8'));
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try { process.kill(pid, 0); } catch { break; }
    execFileSync('sleep', ['0.1']);
  }
  execFileSync('bash', ['-c', `source "${ROOT}/scripts/stack.sh" && stack_env "$1" && db_start "$1"`, '_', VAR], { stdio: 'inherit' });
}

test('after kill -9 and restart of MariaDB: every program answers its next requests, reads and writes, without a 500', async () => {
  const { c: member, mobile } = await signedInMember(1000);
  const { c: admin } = await adminClient('super');
  const merchant = await newMerchantClient(1, 'staff');
  const p = makeProduct();
  const pages = {
    mall: [new Client(), ['/', '/products', `/product/${p}`, '/healthz']],
    member: [member, ['/account', '/points', '/cart', '/orders']],
    admin: [admin, ['/admin/', '/admin/orders', '/admin/members']],
    merchant: [merchant, ['/merchant/', '/merchant/vouchers']],
  };
  for (const [name, [c, paths]] of Object.entries(pages)) {
    assert.deepEqual(statuses(await burst(c, paths)).filter((s) => s >= 500), [], `${name} before`);
  }
  const { c: tab, id: tabId } = await signedInMember();
  await tab.get(`/product/${p}`); // a CSRF token of a page seen before the restart

  restartDatabase();

  // The first request each process gets after the restart finds its connection dead.
  for (const [name, [c, paths]] of Object.entries(pages)) {
    const st = statuses(await burst(c, paths));
    assert.deepEqual(st.filter((s) => s >= 500), [], `${name} after the restart: ${st.join(' ')}`);
  }
  // A write in a transaction, from a form shown before the restart.
  const r = await tab.post('/favorites/add', { product_id: String(p) });
  assert.ok(r.status < 500, `favourite after the restart: ${r.status}`);
  assert.equal(sql(`SELECT COUNT(*) FROM favorites WHERE member_id = ${tabId} AND product_id = ${p}`), '1', 'the favourite is kept');
  const again = await member.post('/cart/add', { product_id: String(p), quantity: '1' }, '/cart');
  assert.ok(again.status < 500, `add to cart: ${again.status}`);
  assert.match(sql(`SELECT COUNT(*) FROM cart_items ci JOIN members m ON m.id = ci.member_id WHERE m.mobile = '${mobile}'`), /^[1-9]/, 'the cart line is there');
  assert.match(fs.readFileSync(`${VAR}/log/mall.log`, 'utf8'), /connection renewed after \[20(06|13)\]/, 'the renewal is logged');
});
