#!/usr/bin/env node
/**
 * Notices delivery benchmark: N recipients (default 100,000) through the outbox to a local SMTP
 * server process (smtp-sink.mjs, the `smtp-server` package), sent by a separate delivering
 * process (deliver-worker.mjs over dist/). Reports messages/s sustained (per 10 % slice) and the
 * worker's RSS over time. Run `npm run build` first.
 *
 *   node bench/notices/delivery.bench.mjs [--n 100000] [--pg] [--concurrency 20] [--pool 5]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { INCIDENTS_MIGRATIONS } from '../../dist/incidents/migrations/index.js';
import { ALL_MIGRATIONS } from '../../dist/main/migrations.js';
import { NOTICES_MIGRATIONS } from '../../dist/notices/migrations.js';
import { createNoticesModule } from '../../dist/notices/notices.module.js';
import { loadConfig } from '../../dist/platform/config.js';
import { createLogger } from '../../dist/platform/logger.js';
import { openPlatform } from '../../dist/platform/platform.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('n', 100000));
const usePg = process.argv.includes('--pg');
const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bd-bench-notices-'));
const sinkLog = join(dir, 'sink.log');
writeFileSync(sinkLog, '');

const sink = spawn(process.execPath, [join(here, 'smtp-sink.mjs')], { env: { ...process.env, SINK_OUT: sinkLog, SINK_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve) => {
  let b = '';
  sink.stdout.on('data', (d) => {
    b += d;
    const m = /\{"port":(\d+)\}/.exec(b);
    if (m) resolve(Number(m[1]));
  });
});

let dbName = null;
let databaseUrl = null;
if (usePg) {
  dbName = `bd_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await c.connect();
  await c.query(`CREATE DATABASE ${dbName}`);
  await c.end();
  databaseUrl = `postgres://postgres@127.0.0.1:5432/${dbName}`;
}
const env = {
  BREACHDESK_DATA_DIR: dir,
  BREACHDESK_MASTER_KEY: randomBytes(32).toString('hex'),
  BREACHDESK_SMTP_URL: `smtp://127.0.0.1:${port}?starttls=off`,
  BREACHDESK_MAIL_FROM: 'Bench <notices@example.test>',
  BREACHDESK_LOG_LEVEL: 'silent',
  ...(databaseUrl ? { BREACHDESK_DATABASE_URL: databaseUrl } : {}),
};

// Set-up (not timed as delivery): people, an approved notice, the outbox.
const t0 = Date.now();
const platform = await openPlatform(loadConfig({ env, cwd: dir }), { migrations: { ...ALL_MIGRATIONS, ...INCIDENTS_MIGRATIONS, ...NOTICES_MIGRATIONS }, log: createLogger('silent') });
const allow = { assertCanRead: async () => {}, assertCanWrite: async () => {} };
const { service } = createNoticesModule(platform, { access: allow, mailer: () => ({ send: async () => ({ code: 250, response: '' }), close: async () => {} }) });
const db = platform.store.db;
const at = new Date().toISOString();
await db.insertInto('incidents').values({ id: 'INC-B', title: 'b', summary: '', status: 'open', dismissed_reason: null, severity: 'high', categories: '[]', detected_at: at, aware_at: at, contained_at: null, closed_at: null, plan_version: 1, facts: '', effects: '', remedial_action: '', created_by: 'b', created_at: at, updated_at: at }).execute();
for (const [u, role] of [['u-legal', 'legal_counsel'], ['u-cmd', 'commander']]) await db.insertInto('incident_members').values({ incident_id: 'INC-B', user_id: u, role, added_by: 'b', added_at: at }).execute();
const legal = { userId: 'u-legal', username: 'l', email: 'l@x', roles: ['legal'], via: 'cli' };
const cmd = { userId: 'u-cmd', username: 'c', email: 'c@x', roles: ['incident_commander'], via: 'cli' };
for (let i = 0; i < N; i += 10000) {
  const people = Array.from({ length: Math.min(10000, N - i) }, (_, k) => ({ name: `Person ${i + k}`, email: `p${i + k}@example.test`, elements: ['person_name', 'email'] }));
  await service.importMatches(legal, 'INC-B', people, 'US-CA');
}
const inputs = {
  organisationName: 'Bench Inc.', contactPhone: '1-800-555-0100', contactEmail: 'privacy@example.test', breachDate: '2026-10-01', discoveryDate: '2026-10-05',
  whatHappened: 'A database was copied.', whatWeAreDoing: 'We closed the hole.', whatYouCanDo: 'Change your password.', lawEnforcementDelay: false,
};
const n = await service.draft(cmd, { incidentId: 'INC-B', recipient: 'individuals', jurisdiction: 'US-CA', inputs });
if (n.problems.length) throw new Error(JSON.stringify(n.problems));
await service.approve(legal, n.id);
await service.approve(cmd, n.id);
await service.requestSend(cmd, n.id, async () => {});
await platform.close();
const setupS = (Date.now() - t0) / 1000;

// Delivery, timed: the worker process drains the outbox.
const worker = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : []), join(here, 'deliver-worker.mjs')], {
  env: { ...process.env, ...env, NOTICE_ID: n.id, CONCURRENCY: arg('concurrency', '20'), POOL: arg('pool', '5'), BATCH: arg('batch', '100') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
worker.stdout.on('data', (d) => (out += d));
const samples = [];
const start = Date.now();
const timer = setInterval(() => {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${worker.pid}/status`, 'utf8'))[1]) * 1024;
    samples.push({ t: (Date.now() - start) / 1000, rss, bytes: statSync(sinkLog).size });
  } catch {}
}, 1000);
await new Promise((r) => worker.on('exit', r));
clearInterval(timer);
const lines = readFileSync(sinkLog, 'utf8').split('\n').filter(Boolean);
const res = JSON.parse(out.trim().split('\n').pop());
sink.kill('SIGTERM');
const mb = (b) => (b / 1048576).toFixed(0);
// Throughput per tenth of the run (sink log bytes → messages with the final bytes per line).
const perLine = statSync(sinkLog).size / Math.max(1, lines.length);
const slices = [];
for (let k = 1; k <= 10; k++) {
  const target = (lines.length * k) / 10;
  const i = samples.findIndex((s) => s.bytes / perLine >= target);
  if (i > 0) slices.push(i);
}
const rates = [];
let prev = { t: 0, bytes: 0 };
for (const i of slices) {
  const s = samples[i];
  if (s.t > prev.t) rates.push(Math.round((s.bytes - prev.bytes) / perLine / (s.t - prev.t)));
  prev = s;
}
const rssList = samples.map((s) => s.rss);
const q = (f) => rssList[Math.min(rssList.length - 1, Math.floor(rssList.length * f))];
console.log(
  JSON.stringify(
    {
      dialect: usePg ? 'postgresql' : 'sqlite',
      recipients: N,
      received: lines.length,
      distinctRecipients: new Set(lines.map((l) => l.split('\t')[0])).size,
      setupSeconds: setupS,
      deliverySeconds: res.seconds,
      messagesPerSecond: Math.round(N / res.seconds),
      ratePerTenth: rates,
      minRateMiddle80pct: Math.min(...rates.slice(1, -1)),
      loadAverageAtEnd: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      workerRssMB: { at10pct: mb(q(0.1)), at50pct: mb(q(0.5)), at90pct: mb(q(0.9)), max: mb(Math.max(...rssList)) },
      result: { sent: res.sent, retried: res.retried, failed: res.failed, bounced: res.bounced },
    },
    null,
    2,
  ),
);
if (dbName) {
  const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await c.end();
}
rmSync(dir, { recursive: true, force: true });
