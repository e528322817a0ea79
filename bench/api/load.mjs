#!/usr/bin/env node
/**
 * API under load (issue 19 §6): 50 users, each with an API token and an incident of their own,
 * read their incident list, incident, tasks and /me as fast as `breachdesk serve` answers, with
 * autocannon on loopback — once idle and once while a scan job runs (a new scan is started
 * whenever one ends, so a scan runs through the whole measurement).
 *
 *   npm run build
 *   node bench/api/load.mjs [--dialect sqlite|postgresql] [--duration 15] [--connections 50] [--scan-mb 100]
 *
 * Prints one JSON line per phase and writes bench/results/api-<dialect>-<time>.json.
 * Figures and what they mean: bench/api/README.md.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_ACTOR, benchStore, LOAD_OPTIONS, root, serveProcess, writeResult } from '../serve-harness.mjs';

const { values: args } = parseArgs({ options: { ...LOAD_OPTIONS, 'scan-mb': { type: 'string', default: '100' } } });
const USERS = Number(args.connections);
const DURATION = Number(args.duration);

const store = await benchStore('api', args);
const dir = store.dir;

// Seed users and tokens directly in the store (the sign-in route is rate limited per address).
const tokens = await store.withPlatform(async (platform) => {
  const out = [];
  for (let i = 0; i < USERS; i++) {
    await platform.accounts.createUser({ email: `user${i}@bench.test`, username: `user${i}`, roles: ['incident_commander'], password: `bench passphrase ${i} x` }, BENCH_ACTOR);
    out.push((await platform.accounts.createToken(`user${i}`, 'bench', BENCH_ACTOR)).token);
  }
  return out;
});

const serve = await serveProcess(store.env);
const base = serve.base;

const api = async (token, path, init = {}) => {
  const r = await fetch(base + path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
};
const incidents = [];
for (const t of tokens) incidents.push((await api(t, '/api/v1/incidents', { method: 'POST', body: JSON.stringify({ title: 'Bench incident' }) })).body.id);

// The leak to scan: the scanner benchmark's dense CSV (12 columns, 6 personal).
const csv = join(dir, 'leak.csv');
spawnSync(process.execPath, [join(root, 'bench/scan/gen-data.mjs'), 'csv', args['scan-mb'], csv], { stdio: 'inherit' });
const evidenceId = await new Promise((resolve, reject) => {
  const req = request(`${base}/api/v1/incidents/${incidents[0]}/evidence?name=leak.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/octet-stream', 'content-length': statSync(csv).size },
  });
  req.on('response', (res) => {
    let b = '';
    res.on('data', (d) => (b += d));
    res.on('end', () => (res.statusCode === 201 ? resolve(JSON.parse(b).id) : reject(new Error(b))));
  });
  req.on('error', reject);
  createReadStream(csv).pipe(req);
});

function measure(title) {
  const cpu0 = serve.cpuSeconds();
  return new Promise((resolve) => {
    let next = 0;
    const paths = ['/api/v1/incidents', '/api/v1/incidents/ID', '/api/v1/incidents/ID/tasks?limit=20', '/api/v1/me'];
    const inst = autocannon(
      {
        url: base,
        connections: USERS,
        duration: DURATION,
        title,
        // Each connection is one user: their own token and incident, cycling through the reads.
        requests: [
          {
            setupRequest: (req, context) => {
              context.user ??= next++ % USERS;
              context.step = ((context.step ?? -1) + 1) % paths.length;
              return { ...req, method: 'GET', path: paths[context.step].replace('ID', incidents[context.user]), headers: { authorization: `Bearer ${tokens[context.user]}` } };
            },
          },
        ],
      },
      (err, r) => {
        if (err) throw err;
        resolve({
          phase: title,
          requestsPerSecond: Math.round(r.requests.average),
          p50ms: r.latency.p50,
          p99ms: r.latency.p99,
          maxMs: r.latency.max,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
          requests: r.requests.total,
          serveCpuMsPerRequest: Number((((serve.cpuSeconds() - cpu0) * 1000) / Math.max(1, r.requests.total)).toFixed(2)),
        });
      },
    );
    autocannon.track(inst, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

await measure('warm-up');
const idle = await measure('idle');
console.log(JSON.stringify({ dialect: args.dialect, loadAverage: loadavg()[0], ...idle }));

// During a scan: keep one assessment running for the whole measurement.
let scans = 0;
let scanning = true;
let current = null;
const startScan = async () => {
  const r = await api(tokens[0], `/api/v1/incidents/${incidents[0]}/assessments`, { method: 'POST', body: JSON.stringify({ evidenceIds: [evidenceId] }) });
  scans++;
  current = r.body.id;
  for (;;) {
    const a = await api(tokens[0], `/api/v1/assessments/${current}`);
    if (a.body.status === 'running') return;
    if (a.body.status === 'done' || a.body.status === 'failed') return;
    await new Promise((res) => setTimeout(res, 50));
  }
};
await startScan();
const keeper = (async () => {
  while (scanning) {
    const a = await api(tokens[0], `/api/v1/assessments/${current}`);
    if (a.body.status === 'done' || a.body.status === 'failed') {
      if (a.body.status === 'failed') console.error(`scan failed: ${a.body.error}`);
      if (scanning) await startScan();
    }
    await new Promise((res) => setTimeout(res, 200));
  }
})();
const during = await measure('during a scan');
scanning = false;
await keeper;
console.log(JSON.stringify({ dialect: args.dialect, ...during, scansStarted: scans, scanMb: Number(args['scan-mb']) }));

writeResult('api', args.dialect, { dialect: args.dialect, loadAverage1m: loadavg()[0], users: USERS, durationS: DURATION, node: process.version, idle, during: { ...during, scansStarted: scans } });

await serve.stop();
await store.close();
