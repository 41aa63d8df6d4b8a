// node.mjs: another app node beside the test stack — its own lighttpd and FastCGI processes on their own port, with
// their own var directory (run/: sockets, pids and the generations file; log/, tmp/), on the SAME database (and the
// same secret.key and uploads, as machines of one mall share them). What one node's processes keep to themselves the
// other's cannot see: a test through both shows that a change made on one reaches the other through the database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { VAR, ROOT } from './stack.mjs';
import { Client } from './client.mjs';

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// Starts a node with `procs` mall.fcgi processes → { base (URL), dir, stop() }.
export async function startNode({ procs = 2 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mall-node.'));
  for (const d of ['run', 'log', 'tmp']) fs.mkdirSync(path.join(dir, d));
  fs.copyFileSync(path.join(VAR, 'secret.key'), path.join(dir, 'secret.key'));
  fs.chmodSync(path.join(dir, 'secret.key'), 0o600);
  const port = await freePort();
  const env = {
    ...process.env, // MALL_TZ, MALL_SMS_DRIVER, MALL_LIST_REFRESH … as the stack has them
    MALL_ROOT: ROOT, MALL_VAR: dir, MALL_UPLOADS: path.join(VAR, 'uploads'),
    MALL_DB_SOCKET: path.join(VAR, 'run', 'mariadb.sock'), MALL_DB_NAME: 'mall', MALL_DB_USER: 'root', MALL_DB_PASS: '',
    MALL_BUILD: process.env.MALL_BUILD || path.join(ROOT, 'build'), MALL_PROCS: String(procs), PORT: String(port),
  };
  const out = fs.openSync(path.join(dir, 'log', 'lighttpd.out'), 'a');
  const web = spawn('lighttpd', ['-D', '-f', path.join(ROOT, 'lighttpd.conf')], { env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exited = new Promise((resolve) => web.on('exit', resolve));
  const base = new URL(`http://127.0.0.1:${port}`);
  const stop = async () => {
    web.kill('SIGTERM'); // lighttpd stops the FastCGI processes it spawned
    await Promise.race([exited, sleep(5000)]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(new URL('/healthz', base)).then((r) => r.ok, () => false);
    if (ok) return { base, dir, stop };
    if (web.exitCode !== null) break;
    await sleep(100);
  }
  const log = fs.readFileSync(path.join(dir, 'log', 'lighttpd.out'), 'utf8');
  await stop();
  throw new Error(`the second node did not answer on port ${port}:\n${log}`);
}

// The same browser (cookies, source address) talking to another node, as a balancer would send it there.
export function onNode(c, node) {
  const other = new Client(c.localAddress, node.base);
  other.jar = c.jar;
  return other;
}
