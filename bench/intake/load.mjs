#!/usr/bin/env node
/**
 * Alert intake under load (issue 15): 50 concurrent senders POST generic alerts (each unique, so
 * each is a new row, correlated) to `breachdesk serve`, with autocannon on loopback; then the same
 * while the server is killed (SIGKILL) mid-stream, restarted, and every acknowledged alert id is
 * looked up in the store — acknowledged must mean stored.
 *
 *   npm run build
 *   node bench/intake/load.mjs [--dialect sqlite|postgresql] [--duration 15] [--connections 50] [--alerts-per-request 1] [--skip-kill]
 *   BENCH_PROFILE=/tmp/prof node bench/intake/load.mjs --skip-kill      # serve's CPU profile of the steady phase
 *   BENCH_PG_GROUPS=/tmp/g.json NODE_OPTIONS=--import=$PWD/bench/intake/pg-groups.mjs node bench/intake/load.mjs --dialect postgresql
 *                                                                        # + the group commits: size, BEGIN→COMMIT ms, overlap
 *
 * Prints one JSON line per phase and writes bench/results/intake-<dialect>-<time>.json.
 * Shares the store, serve and CPU accounting with bench/api/load.mjs (../serve-harness.mjs).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_ACTOR, benchStore, LOAD_OPTIONS, pgBackendCpu, serveProcess, writeResult } from '../serve-harness.mjs';

const { values: args } = parseArgs({ options: { ...LOAD_OPTIONS, 'alerts-per-request': { type: 'string', default: '1' }, 'skip-kill': { type: 'boolean', default: false } } });
const PER_REQUEST = Number(args['alerts-per-request']);
const store = await benchStore('intake', args, { BREACHDESK_INLINE_WORKER: 'false' });
const adminToken = await store.withPlatform(async (platform) => {
  await platform.accounts.createUser({ email: 'bench@bench.test', username: 'bench', roles: ['admin'], password: 'bench passphrase admin x' }, BENCH_ACTOR);
  return (await platform.accounts.createToken('bench', 'bench', BENCH_ACTOR)).token;
});

const serve = await serveProcess(store.env);
const src = await (
  await fetch(`${serve.base}/api/v1/intake-sources`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', auth: 'token' }) })
).json();

let seq = 0;
const hosts = Array.from({ length: 200 }, (_, i) => `host-${i}`);
const alert = () => {
  const n = seq++;
  return JSON.stringify({ id: `bench-${n}`, title: `Bench alert ${n % 50}`, severity: ['low', 'medium', 'high'][n % 3], time: new Date().toISOString(), hosts: [hosts[n % hosts.length]], ips: [`198.51.100.${n % 250}`], users: [`user${n % 1000}`] });
};
const body = () => (PER_REQUEST === 1 ? alert() : Array.from({ length: PER_REQUEST }, alert).join('\n'));

/** autocannon against the intake endpoint; `onAck(ids)` gets the alert ids of each 201. */
function send(duration, onAck) {
  return new Promise((resolve) => {
    autocannon(
      {
        url: `${serve.base}/api/v1/intake/bench`,
        connections: Number(args.connections),
        duration,
        method: 'POST',
        headers: { authorization: `Bearer ${src.secret}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, body: body() }), ...(onAck ? { onResponse: (status, resBody) => status === 201 && onAck(JSON.parse(resBody).alerts.map((a) => a.id)) } : {}) }],
      },
      (_err, r) => resolve(r),
    );
  });
}

/**
 * The group commits of the steady phase, from serve's preload `pg-groups.mjs` (PostgreSQL, when
 * BENCH_PG_GROUPS names its file): how many, alerts each, BEGIN→COMMIT ms (mean, p50, p99) and
 * the share of the time two or more were open at once.
 */
async function groupCounters() {
  const file = process.env.BENCH_PG_GROUPS;
  if (!file) return null;
  await new Promise((r) => setTimeout(r, 300)); // the preload writes every 250 ms
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
function groupsOver(a, b, seconds) {
  if (!a || !b) return null;
  const n = b.groups - a.groups;
  const hist = [];
  for (const [ms, k] of Object.entries(b.hist)) for (let i = 0; i < k - (a.hist[ms] ?? 0); i++) hist.push(Number(ms));
  hist.sort((x, y) => x - y);
  const q = (f) => hist[Math.min(hist.length - 1, Math.floor(f * hist.length))] ?? null;
  return {
    count: n,
    alertsPerGroup: Number(((b.alerts - a.alerts) / Math.max(1, n)).toFixed(1)),
    meanMs: Number(((b.msSum - a.msSum) / Math.max(1, n)).toFixed(1)),
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    twoOrMoreOpenShare: Number(((b.overlapMs - a.overlapMs) / 1000 / seconds).toFixed(2)),
    // Mean ms a group spends in each step (to_X: from the previous step's answer to X sent).
    phasesMs: Object.fromEntries(Object.entries(b.phases ?? {}).map(([k, v]) => [k, Number(((v - (a.phases?.[k] ?? 0)) / Math.max(1, n)).toFixed(2))])),
  };
}

const results = [];
const dur = Number(args.duration);
await send(3); // warm-up: JIT, statement cache, a few suspects
const cpu0 = serve.cpuSeconds();
const threads0 = serve.threadCpuSeconds();
const senderCpu0 = process.cpuUsage();
const pgCpu = store.dbName ? pgBackendCpu(store.dbName) : null;
pgCpu?.start();
const groups0 = await groupCounters();
const r1 = await send(dur);
const senderCpu = process.cpuUsage(senderCpu0);
const threads1 = serve.threadCpuSeconds();
const pgSeconds = pgCpu?.stop();
const groups = groupsOver(groups0, await groupCounters(), dur);
const alerts = r1['2xx'] * PER_REQUEST;
const line1 = {
  phase: 'steady',
  dialect: args.dialect,
  connections: Number(args.connections),
  alertsPerRequest: PER_REQUEST,
  seconds: dur,
  alertsPerSecond: Math.round(alerts / dur),
  p50ms: r1.latency.p50,
  p99ms: r1.latency.p99,
  non2xx: r1.non2xx,
  errors: r1.errors + r1.timeouts,
  serveCpuMsPerAlert: Number((((serve.cpuSeconds() - cpu0) * 1000) / Math.max(1, alerts)).toFixed(3)),
  // Per thread name (main = the event loop): where serve's CPU went beside the main thread's profile.
  serveThreadsCpuMsPerAlert: Object.fromEntries(
    Object.entries(threads1)
      .map(([k, v]) => [k, Number((((v - (threads0[k] ?? 0)) * 1000) / Math.max(1, alerts)).toFixed(3))])
      .filter(([, v]) => v > 0),
  ),
  // The 50 senders (autocannon, this process) share the machine's cores with serve: their CPU counts against the same budget.
  senderCpuMsPerAlert: Number(((senderCpu.user + senderCpu.system) / 1000 / Math.max(1, alerts)).toFixed(3)),
  // PostgreSQL's backends of this run's database (same machine, same cores): the third share of the budget.
  ...(pgCpu ? { pgCpuMsPerAlert: Number(((pgSeconds * 1000) / Math.max(1, alerts)).toFixed(3)) } : {}),
  loadavg: loadavg()[0],
  ...(groups ? { groups } : {}),
};
console.log(JSON.stringify(line1));
results.push(line1);

// --skip-kill (profiling with BENCH_PROFILE=DIR: a SIGKILLed serve writes no profile): stop here.
if (args['skip-kill']) {
  await serve.stop();
  writeResult('intake', args.dialect, results);
  await store.close();
  process.exit(0);
}

// Kill mid-stream: collect what the server acknowledged, then check every acknowledged alert is stored.
const acked = [];
const killed = send(6, (ids) => acked.push(...ids));
await new Promise((r) => setTimeout(r, 3000));
await serve.stop('SIGKILL');
const r2 = await killed;
await serve.start();
await serve.stop();
const missing = await store.withPlatform(async (platform) => {
  let n = 0;
  for (let i = 0; i < acked.length; i += 500) {
    const ids = acked.slice(i, i + 500);
    const rows = await platform.store.db.selectFrom('intake_alerts').select('id').where('id', 'in', ids).execute();
    n += ids.length - rows.length;
  }
  return n;
});
const line2 = { phase: 'kill -9 mid-stream', acknowledged: acked.length, missingAfterRestart: missing, failedRequests: r2.errors + r2.non2xx };
console.log(JSON.stringify(line2));
results.push(line2);

writeResult('intake', args.dialect, results);
await store.close();
process.exit(missing ? 1 : 0);
