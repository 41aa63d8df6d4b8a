// idle-node.test.mjs: a machine that serves no request for a while stays registered in app_nodes — its idle FastCGI
// processes wake every few seconds and refresh its row — so the first visitor after a quiet spell is not the one whose
// request joins the machine again (a join waits 2 s for the other machines to notice; README: Caches across app
// nodes). Runs alone (scripts/test.sh: serial/): any other test's request would refresh the row itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VAR, sql } from '../lib/stack.mjs';
import { Client } from '../lib/client.mjs';

const row = (self) =>
  sql(`SELECT CONCAT(DATE_FORMAT(joined_at, '%Y-%m-%d %H:%i:%s.%f'), '|', DATE_FORMAT(seen_at, '%Y-%m-%d %H:%i:%s.%f'))
         FROM app_nodes WHERE node = '${self}'`, { flush: false }).split('|');

test('idle, the machine stays registered: its row is refreshed without requests and the next request does not join again', async () => {
  const self = fs.readFileSync(path.join(VAR, 'run', 'node-id'), 'utf8').trim();
  assert.match(self, /^[0-9a-f]{32}$/);
  const c = new Client();
  assert.equal((await c.get('/products')).status, 200);
  const [joined, seen] = row(self);
  assert.ok(joined && seen, 'the machine is listed');
  // No request for longer than a row may go unrefreshed (10 s) plus an idle process's wake-up (4 s): only the idle
  // processes can have refreshed it.
  await sleep(16000);
  const [joinedIdle, seenIdle] = row(self);
  assert.ok(seenIdle > seen, `refreshed while idle (seen ${seen} → ${seenIdle})`);
  assert.equal(joinedIdle, joined, 'not joined again while idle');
  // A quiet spell longer than a row lives unrefreshed (20 s) in all: the next request finds the machine still joined.
  await sleep(6000);
  assert.equal((await c.get('/products')).status, 200);
  assert.equal(row(self)[0], joined, 'the first request after 22 s of quiet did not join the machine again');
});
