#!/usr/bin/env node
/**
 * Alert intake under load (issue 15): 50 concurrent senders POST generic alerts (each unique, so
 * each is a new row, correlated) to `breachdesk serve`, with autocannon on loopback; then the same
 * while the server is killed (SIGKILL) mid-stream, restarted, and every acknowledged alert id is
 * looked up in the store — acknowledged must mean stored.
 *
 *   npm run build
 *   node bench/intake/load.mjs [--dialect sqlite|postgresql] [--duration 15] [--connections 50]
 *
 * Prints one JSON line per phase and writes bench/results/intake-<dialect>-<time>.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const dist = (p) => import(new URL(`dist/${p}`, `file://${root}`).href);
const { loadConfig } = await dist('platform/config.js');
const { openPlatform } = await dist('platform/platform.js');
const { ALL_MIGRATIONS } = await dist('main/migrations.js');
const { createLogger } = await dist('platform/logger.js');

const dir = mkdtempSync(join(tmpdir(), 'bd-bench-intake-'));
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
const env = { BREACHDESK_DATA_DIR: dir, BREACHDESK_LOG_LEVEL: 'warn', BREACHDESK_INLINE_WORKER: 'false', ...(databaseUrl ? { BREACHDESK_DATABASE_URL: databaseUrl } : {}) };

let adminToken;
{
  const platform = await openPlatform(loadConfig({ env, cwd: dir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
  const actor = { type: 'system', id: null, name: 'bench' };
  await platform.accounts.createUser({ email: 'bench@bench.test', username: 'bench', roles: ['admin'], password: 'bench passphrase admin x' }, actor);
  adminToken = (await platform.accounts.createToken('bench', 'bench', actor)).token;
  await platform.close();
}

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
let serve;
async function start() {
  serve = spawn(process.execPath, [join(root, 'bin/breachdesk.js'), 'serve'], { env: { ...process.env, ...env, BREACHDESK_PORT: String(port), BREACHDESK_HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    if (i > 300) throw new Error('serve did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}
await start();
const src = await (await fetch(`${base}/api/v1/intake-sources`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', auth: 'token' }) })).json();
const sourceToken = src.secret;

let seq = 0;
const hosts = Array.from({ length: 200 }, (_, i) => `host-${i}`);
const body = () => {
  const n = seq++;
  return JSON.stringify({ id: `bench-${n}`, title: `Bench alert ${n % 50}`, severity: ['low', 'medium', 'high'][n % 3], time: new Date().toISOString(), hosts: [hosts[n % hosts.length]], ips: [`198.51.100.${n % 250}`], users: [`user${n % 1000}`] });
};

function run(duration, onAck) {
  return new Promise((resolve) => {
    const inst = autocannon(
      {
        url: `${base}/api/v1/intake/bench`,
        connections: Number(args.connections),
        duration,
        method: 'POST',
        headers: { authorization: `Bearer ${sourceToken}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
      },
      (_err, r) => resolve(r),
    );
    if (onAck) inst.on('response', (_client, status, resBytes, _t) => status < 300 && onAck(resBytes));
  });
}

const results = [];
const dur = Number(args.duration);
const r1 = await run(dur);
const line1 = { phase: 'steady', dialect: args.dialect, connections: Number(args.connections), seconds: dur, alertsPerSecond: Math.round(r1.requests.average), p50ms: r1.latency.p50, p99ms: r1.latency.p99, non2xx: r1.non2xx, errors: r1.errors, loadavg: loadavg()[0] };
console.log(JSON.stringify(line1));
results.push(line1);

// Kill mid-stream: count what the server acknowledged, then check every acknowledged alert is stored.
const acked = [];
const inst = new Promise((resolve) => {
  const a = autocannon(
    {
      url: `${base}/api/v1/intake/bench`,
      connections: Number(args.connections),
      duration: 6,
      method: 'POST',
      headers: { authorization: `Bearer ${sourceToken}`, 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: body() }), onResponse: (status, resBody) => status === 201 && acked.push(JSON.parse(resBody).alerts[0].id) }],
    },
    (_err, r) => resolve(r),
  );
  void a;
});
await new Promise((r) => setTimeout(r, 3000));
serve.kill('SIGKILL');
const r2 = await inst;
await new Promise((r) => (serve.exitCode !== null || serve.signalCode ? r() : serve.once('exit', r)));
await start();
let missing = 0;
{
  const platform = await openPlatform(loadConfig({ env, cwd: dir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
  for (let i = 0; i < acked.length; i += 500) {
    const ids = acked.slice(i, i + 500);
    const rows = await platform.store.db.selectFrom('intake_alerts').select('id').where('id', 'in', ids).execute();
    missing += ids.length - rows.length;
  }
  await platform.close();
}
const line2 = { phase: 'kill -9 mid-stream', acknowledged: acked.length, missingAfterRestart: missing, failedRequests: r2.errors + r2.non2xx };
console.log(JSON.stringify(line2));
results.push(line2);

serve.kill('SIGTERM');
await new Promise((r) => serve.once('exit', r));
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/intake-${args.dialect}-${new Date().toISOString().slice(0, 16).replace(/:/g, '')}.json`), `${JSON.stringify(results, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
if (dbName) {
  await new Promise((r) => setTimeout(r, 500));
  const c = new pg.Client({ connectionString: args.pg });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await c.end();
}
process.exit(missing ? 1 : 0);
