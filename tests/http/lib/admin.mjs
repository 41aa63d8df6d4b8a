// admin.mjs: the back office — admins of any role made with SQL, signing in at /admin/login, posting its forms.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { sql } from './stack.mjs';
import { Client, flash } from './client.mjs';

export const ADMIN_PASSWORD = 'Admin@2026'; // the demo admins' (README: demo accounts)
export const ROLES = ['super', 'ops', 'moderator', 'finance', 'enterprise', 'monitor'];

// An enterprise admin is bound to one enterprise (B8): this one unless the test names another.
export const DEFAULT_ENTERPRISE = '中国移动';
// A fresh admin of `role` sharing the demo admin's password hash (no scrypt work, no throttle history).
export function makeAdmin(role = 'super', prefix = 't', { enterprise = DEFAULT_ENTERPRISE } = {}) {
  assert.ok(ROLES.includes(role));
  const username = `${prefix}${randomInt(1e9)}`.toLowerCase();
  assert.match(enterprise, /^[^'\\]+$/);
  const ent = role === 'enterprise' ? `'${enterprise}'` : 'NULL';
  sql(`INSERT INTO admins (username, password_hash, role, enterprise) SELECT '${username}', password_hash, '${role}', ${ent} FROM admins WHERE username = 'admin'`);
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

// A client signed in as a fresh admin of role → { c, admin }.
export async function adminClient(role = 'super', opts = {}) {
  const a = makeAdmin(role, 't', opts);
  const c = new Client();
  await adminLogin(c, a.username);
  return { c, admin: a };
}

// Posts a back-office form with the session's CSRF token (fetching `from` first when none is known).
export const adminPost = (c, action, form, from = '/admin/') => c.post(action, form, from);

// Audit entries of one entity, oldest first: { action, who, before, after } with the JSON parsed. The mariadb
// client's batch output escapes backslashes (and the JSON is ASCII with \u escapes): undone before parsing.
const unbatch = (s) => s.replace(/\\(.)/g, (_, ch) => ({ n: '\n', t: '\t', 0: '\0' }[ch] ?? ch));
export const auditOf = (entity, id) =>
  sql(`SELECT action, admin_name, COALESCE(before_json, ''), COALESCE(after_json, '') FROM audit_log
       WHERE entity = '${entity.replace(/[^a-z_]/g, '')}' AND entity_id = ${Number(id)} ORDER BY id`)
    .split('\n').filter(Boolean).map((l) => {
      const [action, who, before, after] = l.split('\t');
      return { action, who, before: before ? JSON.parse(unbatch(before)) : null, after: after ? JSON.parse(unbatch(after)) : null };
    });
