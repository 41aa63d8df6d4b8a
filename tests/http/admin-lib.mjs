// admin-lib.mjs: helpers for the back-office tests — admins of any role made with SQL, and signing in at /admin/login
// (not a test file itself: no .test. in the name).
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { Client, flash, sql } from './shop-lib.mjs';

export const ADMIN_PASSWORD = 'Admin@2026';
export const ROLES = ['super', 'ops', 'moderator', 'finance', 'enterprise'];

// A fresh admin of `role` sharing the demo admin's password hash (no scrypt work, no throttle history).
export function makeAdmin(role = 'super', prefix = 't') {
  assert.ok(ROLES.includes(role));
  const username = `${prefix}${randomInt(1e9)}`.toLowerCase();
  sql(`INSERT INTO admins (username, password_hash, role) SELECT '${username}', password_hash, '${role}' FROM admins WHERE username = 'admin'`);
  const id = Number(sql(`SELECT id FROM admins WHERE username = '${username}'`));
  return { id, username, role };
}

// Signs client in as username; returns the 303 response. The session's CSRF token is read from the next page.
export async function adminLogin(c, username, password = ADMIN_PASSWORD) {
  const page = await c.get('/admin/login');
  assert.equal(page.status, 200);
  const r = await c.request('POST', '/admin/login', { csrf: c.csrf, username, password });
  assert.equal(r.status, 303, `admin login ${username}: ${flash(r.html)}`);
  c.csrf = null;
  return r;
}

// A client signed in as a fresh admin of role.
export async function adminClient(role = 'super') {
  const a = makeAdmin(role);
  const c = new Client();
  await adminLogin(c, a.username);
  return { c, admin: a };
}

// Posts a back-office form with the session's CSRF token (fetching `from` first when none is known).
export async function adminPost(c, action, form, from = '/admin/') {
  if (!c.csrf) assert.equal((await c.get(from)).status, 200, `GET ${from}`);
  return c.request('POST', action, { csrf: c.csrf, ...form });
}
