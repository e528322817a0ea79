#!/usr/bin/env node
/**
 * The API at 50 concurrent users on two `breachdesk serve` processes over one PostgreSQL
 * (issue 18 "Done when"): the job queue is pg-boss (BREACHDESK_JOB_QUEUE=pg-boss), each serve runs its
 * inline worker, and the users are spread over both processes, as behind a round-robin load
 * balancer. Each user (one connection, their own API token and incident) cycles through what a
 * responder's screen does: nine reads of incident pages (the list, the incident, its tasks,
 * timeline and decisions, /me) and one write (a timeline note), i.e. 10 % writes.
 *
 *   npm run build
 *   node bench/api/fleet.mjs [--duration 20] [--connections 50] [--serves 2]
 *
 * One autocannon instance per serve, aggregated into one latency histogram
 * (autocannon.aggregateResult); prints one JSON line and writes bench/results/api-fleet-*.json.
 * Figures: bench/api/README.md.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_ACTOR, benchStore, LOAD_OPTIONS, serveProcess, writeResult } from '../serve-harness.mjs';

const { values: args } = parseArgs({ options: { ...LOAD_OPTIONS, dialect: { type: 'string', default: 'postgresql' }, duration: { type: 'string', default: '20' }, serves: { type: 'string', default: '2' } } });
const USERS = Number(args.connections);
const DURATION = Number(args.duration);
const SERVES = Number(args.serves);

const store = await benchStore('fleet', args, args.dialect === 'postgresql' ? { BREACHDESK_JOB_QUEUE: 'pg-boss' } : {});
const tokens = await store.withPlatform(async (platform) => {
  if (platform.config.jobQueue !== 'pg-boss' && args.dialect === 'postgresql') throw new Error(`expected pg-boss on PostgreSQL, got ${platform.config.jobQueue}`);
  const out = [];
  for (let i = 0; i < USERS; i++) {
    await platform.accounts.createUser({ email: `user${i}@bench.test`, username: `user${i}`, roles: ['incident_commander'], password: `bench passphrase ${i} x` }, BENCH_ACTOR);
    out.push((await platform.accounts.createToken(`user${i}`, 'bench', BENCH_ACTOR)).token);
  }
  return out;
});

const serves = [];
// On any failure, stop the serves (they inherit stderr and would hold a pipe open) and clean up.
process.on('uncaughtException', async (e) => {
  console.error(e);
  for (const s of serves) await s.stop().catch(() => {});
  await store.close().catch(() => {});
  process.exit(1);
});
process.on('unhandledRejection', (e) => process.emit('uncaughtException', e));
for (let i = 0; i < SERVES; i++) serves.push(await serveProcess(store.env));

const api = async (base, token, path, init = {}) => {
  const r = await fetch(base + path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
};
// Each user's incident, made through a serve other than the one that user will read it from.
const incidents = [];
for (let u = 0; u < USERS; u++) {
  const id = (await api(serves[(u + 1) % SERVES].base, tokens[u], '/api/v1/incidents', { method: 'POST', body: JSON.stringify({ title: `Bench incident ${u}` }) })).id;
  await api(serves[u % SERVES].base, tokens[u], `/api/v1/incidents/${id}/tasks`, { method: 'POST', body: JSON.stringify({ phase: 'assess', title: 'Scope the leak' }) });
  incidents.push(id);
}

const STEPS = [
  ['GET', '/api/v1/incidents'],
  ['GET', '/api/v1/incidents/ID'],
  ['GET', '/api/v1/incidents/ID/tasks?limit=20'],
  ['GET', '/api/v1/incidents/ID/timeline?limit=50'],
  ['GET', '/api/v1/incidents/ID/decisions?limit=20'],
  ['GET', '/api/v1/me'],
  ['GET', '/api/v1/incidents/ID'],
  ['POST', '/api/v1/incidents/ID/timeline'],
  ['GET', '/api/v1/incidents/ID/timeline?limit=50'],
  ['GET', '/api/v1/incidents/ID/tasks?limit=20'],
];

function run(serve, users, title) {
  let next = 0;
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: serve.base,
        connections: users.length,
        duration: DURATION,
        title,
        skipAggregateResult: true,
        // One entry per step, in order: autocannon cycles each connection through the list (a
        // method set in setupRequest is not applied, so it is given here).
        requests: STEPS.map(([method, path]) => ({
          method,
          setupRequest: (req, context) => {
            context.user ??= users[next++ % users.length];
            const headers = { authorization: `Bearer ${tokens[context.user]}`, 'content-type': 'application/json' };
            const body = method === 'POST' ? JSON.stringify({ kind: 'note', at: new Date().toISOString(), text: `Checked with ${context.user}` }) : undefined;
            return { ...req, method, path: path.replace('ID', incidents[context.user]), headers, body };
          },
        })),
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    autocannon.track(inst, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function measure(title) {
  const cpu0 = serves.map((s) => s.cpuSeconds());
  const load = loadavg()[0];
  // Users u go to serve u % SERVES: a round-robin balancer with sticky connections.
  const results = await Promise.all(serves.map((s, i) => run(s, [...Array(USERS).keys()].filter((u) => u % SERVES === i), title)));
  const r = autocannon.aggregateResult(results, { url: serves[0].base, title, connections: USERS });
  const cpu = serves.map((s, i) => s.cpuSeconds() - cpu0[i]);
  // Aggregated results carry the latency histogram but no per-second request samples.
  const total = r.latency.totalCount;
  return {
    phase: title,
    serves: SERVES,
    users: USERS,
    loadAverage1m: [load, loadavg()[0]],
    requestsPerSecond: Math.round(total / DURATION),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors + r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
    requests: total,
    perServe: results.map((x) => x.totalCompletedRequests),
    serveCpuS: cpu.map((c) => Number(c.toFixed(2))),
    serveCpuMsPerRequest: Number(((cpu.reduce((a, b) => a + b, 0) * 1000) / Math.max(1, total)).toFixed(2)),
  };
}

const countNotes = () => store.withPlatform(async (p) => Number((await p.store.db.selectFrom('timeline_entries').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'note').executeTakeFirst())?.n ?? 0));
await measure('warm-up');
const notesBefore = await countNotes();
const result = await measure('50 users, 2 serves, 10 % writes');
console.log(JSON.stringify(result));
// The writes landed once each, whichever serve took them: a tenth of the requests, give or take
// the cycles cut off at the end, are notes in the store.
const notes = (await countNotes()) - notesBefore;
console.log(JSON.stringify({ notesWritten: notes, expectedAboutRequestsOver10: Math.round(result.requests / 10) }));
writeResult('api-fleet', args.dialect, { ...result, node: process.version, notesWritten: notes });
for (const s of serves) await s.stop();
await store.close();
