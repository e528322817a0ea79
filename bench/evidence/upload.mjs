#!/usr/bin/env node
/**
 * Evidence streaming benchmark: uploads SIZE_MB (default 1024) through the HTTP API into an
 * in-process server on SQLite, then verifies and downloads it, sampling this process's RSS.
 * Needs a build (`npm run build`). Usage: node bench/evidence/upload.mjs [SIZE_MB]
 * Figures are in bench/evidence/README.md.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const dist = new URL('../../dist/', import.meta.url);
const { loadConfig } = await import(new URL('platform/config.js', dist).href);
const { startHarness } = await import(new URL('incidents/evidence/testing.js', dist).href);

const MB = 1024 * 1024;
const size = Number(process.argv[2] ?? 1024) * MB;
const dir = mkdtempSync(join(tmpdir(), 'bd-bench-evidence-'));
const config = loadConfig({ env: { BREACHDESK_DATA_DIR: dir, BREACHDESK_LOG_LEVEL: 'silent', BREACHDESK_INLINE_WORKER: 'false' }, cwd: dir });
const h = await startHarness(config);
const { token } = await h.user('ic', 'incident_commander');
const incident = await h.incident({ ic: 'commander' });

function source(hash) {
  const block = Buffer.alloc(256 * 1024);
  let sent = 0;
  let n = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const len = Math.min(block.length, size - sent);
      block.fill(n++ % 251);
      block.writeUInt32BE(n, 0);
      const chunk = Buffer.from(block.subarray(0, len));
      hash.update(chunk);
      sent += len;
      this.push(chunk);
    },
  });
}

function sample() {
  const base = process.memoryUsage().rss;
  let max = base;
  const t = setInterval(() => (max = Math.max(max, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  return () => {
    clearInterval(t);
    return { growthMb: (max - base) / MB, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  };
}

const sent = createHash('sha256');
const u = new URL(`${h.url}/api/v1/incidents/${incident}/evidence?name=big.bin`);
let stop = sample();
const text = await new Promise((resolve, reject) => {
  const req = request(u, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' } }, (r) => {
    let t = '';
    r.on('data', (d) => (t += d));
    r.on('end', () => resolve(t));
  });
  req.on('error', reject);
  pipeline(source(sent), req).catch(reject);
});
const up = stop();
const item = JSON.parse(text);
if (item.sha256 !== sent.digest('hex')) throw new Error('sha256 mismatch');

stop = sample();
const v = await h.api(`/api/v1/evidence/${item.id}/verify`, { method: 'POST', token, body: {} });
const ver = stop();
if (!v.body.ok) throw new Error(`verify failed: ${v.body.problems}`);

stop = sample();
const got = createHash('sha256');
const res = await fetch(`${h.url}/api/v1/evidence/${item.id}/content`, { headers: { authorization: `Bearer ${token}` } });
for await (const c of res.body) got.update(c);
const down = stop();
if (got.digest('hex') !== item.sha256) throw new Error('download sha256 mismatch');

const line = (what, r) => `${what.padEnd(9)} ${(size / MB / r.seconds).toFixed(0).padStart(5)} MB/s  ${r.seconds.toFixed(1).padStart(6)} s  RSS growth ${r.growthMb.toFixed(1)} MB`;
console.log(`evidence ${size / MB} MB on SQLite (Node ${process.version})`);
console.log(line('upload', up));
console.log(line('verify', ver));
console.log(line('download', down));
await h.close();
rmSync(dir, { recursive: true, force: true });
