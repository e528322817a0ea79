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
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const root = new URL('../../', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    'scan-mb': { type: 'string', default: '100' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const USERS = Number(args.connections);
const DURATION = Number(args.duration);

const dist = (p) => import(new URL(`dist/${p}`, `file://${root}`).href);
const { loadConfig } = await dist('platform/config.js');
const { openPlatform } = await dist('platform/platform.js');
const { ALL_MIGRATIONS } = await dist('main/migrations.js');
const { createLogger } = await dist('platform/logger.js');

const dir = mkdtempSync(join(tmpdir(), 'bd-bench-api-'));
let databaseUrl = null;
let dbName = null;
if (args.dialect === 'postgresql') {
  dbName = `bd_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: args.pg });
  await c.connect();
  await c.query(`CREATE DATABASE ${dbName}`);
  await c.end();
  const u = new URL(args.pg);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
}
const env = { BREACHDESK_DATA_DIR: dir, BREACHDESK_LOG_LEVEL: 'warn', ...(databaseUrl ? { BREACHDESK_DATABASE_URL: databaseUrl } : {}) };

// Seed users and tokens directly in the store (the sign-in route is rate limited per address).
const tokens = [];
{
  const platform = await openPlatform(loadConfig({ env, cwd: dir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
  const actor = { type: 'system', id: null, name: 'bench' };
  for (let i = 0; i < USERS; i++) {
    await platform.accounts.createUser({ email: `user${i}@bench.test`, username: `user${i}`, roles: ['incident_commander'], password: `bench passphrase ${i} x` }, actor);
    tokens.push((await platform.accounts.createToken(`user${i}`, 'bench', actor)).token);
  }
  await platform.close();
}

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const serve = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), join(root, 'bin/breachdesk.js'), 'serve'], {
  env: { ...process.env, ...env, BREACHDESK_PORT: String(port), BREACHDESK_HOST: '127.0.0.1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {}
  if (i > 300) throw new Error('serve did not start');
  await new Promise((r) => setTimeout(r, 100));
}

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

/** CPU seconds (user + system) the serve process has used: robust where the wall clock is not (a shared machine). */
function serveCpuSeconds() {
  const f = readFileSync(`/proc/${serve.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

function measure(title) {
  const cpu0 = serveCpuSeconds();
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
          serveCpuMsPerRequest: Number((((serveCpuSeconds() - cpu0) * 1000) / Math.max(1, r.requests.total)).toFixed(2)),
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

const out = join(root, 'bench/results', `api-${args.dialect}-${new Date().toISOString().slice(0, 16).replace(/[:]/g, '')}.json`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(out, `${JSON.stringify({ dialect: args.dialect, loadAverage1m: loadavg()[0], users: USERS, durationS: DURATION, node: process.version, idle, during: { ...during, scansStarted: scans } }, null, 2)}\n`);

serve.kill('SIGTERM');
await new Promise((r) => serve.once('exit', r));
if (dbName) {
  const c = new pg.Client({ connectionString: args.pg });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await c.end();
}
rmSync(dir, { recursive: true, force: true });
