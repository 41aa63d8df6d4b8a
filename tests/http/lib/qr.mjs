// qr.mjs: QR codes read back the way a scanner would (zbarimg), from an image or from a page's inline SVG.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Decodes the QR code in an image (PNG, PGM, …) → its text.
export function decodeQr(bytes, ext = 'png') {
  const dir = mkdtempSync(path.join(tmpdir(), 'mall-qr-'));
  try {
    const file = path.join(dir, `qr.${ext}`);
    writeFileSync(file, bytes);
    const r = spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, `zbarimg: ${r.stderr}`);
    return r.stdout.trim();
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

// Draws a page's inline QR (runs "Mx yhNv1h-Nz" in module units) as a PGM and decodes it.
export function decodeSvgQr(html) {
  const svg = html.match(/<svg[^>]*viewBox="0 0 (\d+) \d+"[\s\S]*?<path fill="#000" d="([^"]*)"/);
  assert.ok(svg, 'inline QR svg');
  const size = Number(svg[1]), k = 8, w = size * k;
  const px = Buffer.alloc(w * w, 255);
  for (const [, x, y, n] of svg[2].matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let yy = Number(y) * k; yy < (Number(y) + 1) * k; yy++) px.fill(0, yy * w + Number(x) * k, yy * w + (Number(x) + Number(n)) * k);
  }
  return decodeQr(Buffer.concat([Buffer.from(`P5\n${w} ${w}\n255\n`), px]), 'pgm');
}
