// sms-gateway.test.mjs: the http SMS driver against a fake gateway — JSON sent, outbox status recorded
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { sql, mallctlAsyncEnv } from './lib/stack.mjs';
import { mobile as randomMobile } from './lib/members.mjs';

const mobile = () => randomMobile('139');
// mallctl runs asynchronously on purpose: the fake gateway answers from this same event loop.

// A gateway that records every request and answers with the given status.
async function gateway(status) {
  const seen = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(status < 300 ? '{"ok":true}' : '{"error":"upstream down"}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/send`;
  return { seen, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

const outbox = (m) => sql(`SELECT driver, status, error, body FROM sms_outbox WHERE mobile = '${m}' ORDER BY id DESC LIMIT 1`).split('\t');

test('http driver posts JSON to the gateway and records "sent"', async () => {
  const gw = await gateway(200);
  try {
    const m = mobile();
    const r = await mallctlAsyncEnv({ MALL_SMS_DRIVER: 'http', MALL_SMS_URL: gw.url }, 'sms-send', m, '测试');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'sent');
    assert.equal(gw.seen.length, 1);
    assert.equal(gw.seen[0].method, 'POST');
    assert.equal(gw.seen[0].url, '/send');
    assert.match(gw.seen[0].type, /^application\/json/);
    assert.deepEqual(JSON.parse(gw.seen[0].body), { mobile: m, text: '测试' });
    assert.deepEqual(outbox(m), ['http', 'sent', '', '测试']);
    assert.match((await mallctlAsyncEnv({}, 'sms-outbox', '--phone', m)).stdout, /manual\thttp\tsent\t测试$/);
  } finally {
    await gw.close();
  }
});

test('a gateway answering 500 leaves a "failed" row with the error', async () => {
  const gw = await gateway(500);
  try {
    const m = mobile();
    const r = await mallctlAsyncEnv({ MALL_SMS_DRIVER: 'http', MALL_SMS_URL: gw.url }, 'sms-send', m, '测试');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, 'failed');
    assert.equal(gw.seen.length, 1);
    const [driver, status, error] = outbox(m);
    assert.equal(driver, 'http');
    assert.equal(status, 'failed');
    assert.match(error, /HTTP 500/);
  } finally {
    await gw.close();
  }
});

test('an unreachable gateway is a "failed" row, not a crash', async () => {
  const gw = await gateway(200);
  const url = gw.url;
  await gw.close();
  const m = mobile();
  const r = await mallctlAsyncEnv({ MALL_SMS_DRIVER: 'http', MALL_SMS_URL: url }, 'sms-send', m, '测试');
  assert.equal(r.status, 1);
  const [, status, error] = outbox(m);
  assert.equal(status, 'failed');
  assert.notEqual(error, '');
});

test('a code texted through the gateway verifies; a failed send voids the code', async () => {
  const gw = await gateway(200);
  try {
    const m = mobile();
    const env = { MALL_SMS_DRIVER: 'http', MALL_SMS_URL: gw.url };
    assert.equal((await mallctlAsyncEnv(env, 'sms-code-send', m, 'register')).stdout, 'sent');
    const { text } = JSON.parse(gw.seen[0].body);
    assert.match(text, /^【积分商城】您的注册验证码是\d{6},5分钟内有效,请勿泄露。$/);
    const code = text.match(/\d{6}/)[0];
    assert.equal((await mallctlAsyncEnv(env, 'sms-code-verify', m, 'register', '', code)).stdout, 'ok');
  } finally {
    await gw.close();
  }
  const down = await gateway(503);
  try {
    const m = mobile();
    const env = { MALL_SMS_DRIVER: 'http', MALL_SMS_URL: down.url };
    assert.equal((await mallctlAsyncEnv(env, 'sms-code-send', m, 'register')).stdout, 'failed');
    const code = JSON.parse(down.seen[0].body).text.match(/\d{6}/)[0];
    assert.notEqual((await mallctlAsyncEnv(env, 'sms-code-verify', m, 'register', '', code)).stdout, 'ok');
  } finally {
    await down.close();
  }
});
