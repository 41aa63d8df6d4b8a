// codes.mjs: one-item codes (F5) in tests — the code alphabet and its Luhn mod 32 check character, batches made with
// mallctl, encrypted packages opened with 7z, mapping files, and the keyed hash the server keeps.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VAR, mallctl, mallctlRun } from './stack.mjs';

export const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
// Luhn mod 32 over the data symbols (as cgi/domain/codes/code_format.c).
export function checkChar(data) {
  let factor = 2, sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(data[i]);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return ALPHABET[(32 - (sum % 32)) % 32];
}
// A well-formed code (right check character) that was never issued: "invalid", never "typo".
export const strayCode = () => {
  const d = Array.from({ length: 12 }, () => ALPHABET[randomInt(32)]).join('');
  return d + checkChar(d);
};
// The code with one data character changed: the check character catches it.
export const typo = (code) => code.slice(0, 3) + ALPHABET[(ALPHABET.indexOf(code[3]) + 5) % 32] + code.slice(4);
export const codeOf = (url) => url.slice(url.lastIndexOf('/c/') + 3);

// What the database keeps for a code: HMAC-SHA256 under a key derived from var/secret.key, first 128 bits.
export function keyedHash(code) {
  const key = createHmac('sha256', readFileSync(path.join(VAR, 'secret.key'))).update('points-mall one-item codes v1').digest();
  return createHmac('sha256', key).update(code).digest('hex').slice(0, 32);
}

// Runs 7z in a temp dir: extracts zip (bytes) with password → { status, files: { name: text } }.
export function unzip7z(bytes, password) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mall-codes-'));
  try {
    writeFileSync(path.join(dir, 'p.zip'), bytes);
    const r = spawnSync('7z', ['x', `-p${password}`, `-o${path.join(dir, 'out')}`, '-y', path.join(dir, 'p.zip')], { encoding: 'utf8' });
    const files = {};
    if (r.status === 0) for (const f of readdirSync(path.join(dir, 'out'))) files[f] = readFileSync(path.join(dir, 'out', f), 'utf8');
    return { status: r.status, files, out: r.stdout + r.stderr };
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
// A ZIP made by 7z with AES-256 (as a plant sends its mapping), holding name = text.
export function zip7z(name, text, password) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mall-codes-'));
  try {
    writeFileSync(path.join(dir, name), text);
    const r = spawnSync('7z', ['a', '-tzip', `-p${password}`, '-mem=AES256', path.join(dir, 'm.zip'), path.join(dir, name)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    return readFileSync(path.join(dir, 'm.zip'));
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
// The package's CSV → the code URLs in serial order.
export function urlsOf(csv) {
  const lines = csv.split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'serial,url');
  return lines.slice(1).map((l, i) => { const [s, u] = l.split(','); assert.equal(Number(s), i + 1); return u; });
}
// A mapping CSV: `per` codes a box, boxes named prefix + 3 digits from 001.
export const mappingOf = (urls, per, prefix = 'BOX') =>
  'box,code\n' + urls.map((u, i) => `${prefix}${String(Math.floor(i / per) + 1).padStart(3, '0')},${u}`).join('\n') + '\n';

// A batch made with mallctl, mapped `per` codes a box and every box activated → { batch, urls, password }.
export function mallctlBatch(activity, { count = 10, points = 5, per = 5, activate = true, base = 'http://mall.test' } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mall-codes-'));
  try {
    const zip = path.join(dir, 'b.zip');
    const out = mallctl('codes-generate', '--activity', String(activity), '--count', String(count), '--points', String(points),
      '--valid-until', '2030-12-31', '--points-expire', '2031-06-30', '--out', zip, '--name', `t${randomInt(1e6)}`,
      '--base-url', base);
    const batch = Number(out.match(/batch (\d+):/)[1]), password = out.match(/password: (\S+)/)[1];
    const urls = urlsOf(Object.values(unzip7z(readFileSync(zip), password).files)[0]);
    writeFileSync(path.join(dir, 'map.csv'), mappingOf(urls, per));
    mallctl('codes-import', '--batch', String(batch), path.join(dir, 'map.csv'));
    if (activate) mallctl('codes-activate', '--batch', String(batch), '--from', 'BOX000', '--to', 'BOX999');
    return { batch, urls, password };
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
export { mallctlRun };
