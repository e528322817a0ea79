#!/usr/bin/env node
/**
 * Distributed-scan throughput (issue 18 §2): the shard phase on 1 and 2 worker processes, and the
 * merge. Each worker process runs `scanEvidenceShard` (dist/) on its share of the files — the work a
 * `breachdesk worker` does per shard job, without the queue and the database round trips — and
 * reports its CPU seconds; the merge replays all shard logs in one process, as the merge job does.
 * Figures are CPU-seconds per MB (stable on a loaded machine) and wall clock (not, under load).
 *
 *   npm run build && node bench/scale/shards.mjs [--files 4] [--rows 100000]
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { files: { type: 'string', default: '4' }, rows: { type: 'string', default: '100000' }, child: { type: 'string' }, key: { type: 'string' } } });
const dist = new URL('../../dist/assessment/scan-evidence.js', import.meta.url);
const { scanEvidenceShard, mergeEvidenceShards } = await import(dist.href);
const open = async (p) => ({ name: basename(p), size: statSync(p).size, chunks: createReadStream(p) });

if (args.child) {
  // A worker process: scan the files named, write each shard's parts beside the file.
  const key = Buffer.from(args.key, 'hex');
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  for (const f of JSON.parse(args.child)) {
    const parts = [];
    await scanEvidenceShard(f, open, { key, onParts: async (p) => void parts.push(...p) });
    writeFileSync(`${f}.log`, JSON.stringify(parts.map((b) => b.toString('base64'))));
  }
  const c = process.cpuUsage(t0);
  process.stdout.write(JSON.stringify({ cpuS: (c.user + c.system) / 1e6, wallS: (performance.now() - w0) / 1000 }));
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'bd-bench-shards-'));
const files = [];
const states = ['CA', 'TX', 'NY', 'FL', 'WA'];
for (let f = 0; f < Number(args.files); f++) {
  const lines = ['name,email,ssn,phone,state'];
  for (let i = 0; i < Number(args.rows); i++) {
    const n = f * 1_000_000 + i;
    lines.push(`Person ${n % 9973} Name${n % 311},user${n}@example.com,${String(100 + (n % 600)).padStart(3, '0')}-${String(10 + (n % 80)).padStart(2, '0')}-${String(1000 + (n % 9000)).padStart(4, '0')},+1 415 555 ${String(n % 10000).padStart(4, '0')},${states[n % 5]}`);
  }
  const p = join(dir, `leak-${f}.csv`);
  writeFileSync(p, `${lines.join('\n')}\n`);
  files.push(p);
}
const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
const key = Buffer.alloc(32, 9).toString('hex');

function runWorker(share) {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [new URL(import.meta.url).pathname, '--child', JSON.stringify(share), '--key', key], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}`))));
  });
}

const results = {};
for (const n of [1, 2]) {
  const shares = Array.from({ length: n }, (_, w) => files.filter((_, i) => i % n === w));
  const w0 = performance.now();
  const per = await Promise.all(shares.map(runWorker));
  const wallS = (performance.now() - w0) / 1000;
  const cpuS = per.reduce((a, r) => a + r.cpuS, 0);
  results[n] = { wallS, cpuS, mbPerCpuS: mb / cpuS, mbPerWallS: mb / wallS, perWorker: per };
}
// The merge: every shard log replayed in order, the report built (one process).
const { readFileSync } = await import('node:fs');
async function* parts(f) {
  for (const b of JSON.parse(readFileSync(`${f}.log`, 'utf8'))) yield Buffer.from(b, 'base64');
}
const m0 = process.cpuUsage();
const mw = performance.now();
const merged = await mergeEvidenceShards(files.map((f) => ({ members: false, logs: [parts(f)] })), { key: Buffer.from(key, 'hex'), bytesTotal: 0, started: performance.now() });
const mc = process.cpuUsage(m0);
const merge = { cpuS: (mc.user + mc.system) / 1e6, wallS: (performance.now() - mw) / 1000, individuals: merged.report.totals.individuals, records: merged.report.totals.records };
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ files: files.length, mb: Number(mb.toFixed(1)), load: loadavg()[0], shards: results, merge, mergeMbPerCpuS: mb / merge.cpuS }, null, 1));
