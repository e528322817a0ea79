#!/usr/bin/env node
/**
 * The intake path's CPU per alert without sockets or a load generator (issue 15): the built server
 * (`buildServer`, every plugin and hook `serve` has) in this process over its store, `app.inject`
 * from 50 concurrent senders, one unique generic alert a request (each a new, correlated row), as
 * bench/intake/load.mjs sends them. It reports this process's CPU seconds (user + system) per
 * 1,000 alerts: on a shared machine the figure that survives the load, where alerts/s does not
 * (at load average 30–40, load.mjs got 20–30 alerts/s and a few hundred alerts a run).
 *
 *   npm run build
 *   node bench/intake/inject.mjs [--dialect sqlite|postgresql] [--alerts 4000] [--connections 50] [--rounds 3]
 *
 * Prints one JSON line per round (after a warm-up of 500 alerts).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { BENCH_ACTOR, benchStore, LOAD_OPTIONS, pgBackendCpu, root } from '../serve-harness.mjs';

const { values: args } = parseArgs({ options: { ...LOAD_OPTIONS, alerts: { type: 'string', default: '4000' }, rounds: { type: 'string', default: '3' } } });
const dist = (p) => import(new URL(`dist/${p}`, `file://${root}`).href);
const store = await benchStore('intake-inject', args, { BREACHDESK_INLINE_WORKER: 'false', BREACHDESK_LOG_LEVEL: 'silent' });
const { loadConfig } = await dist('platform/config.js');
const { openPlatform } = await dist('platform/platform.js');
const { ALL_MIGRATIONS } = await dist('main/migrations.js');
const { createLogger } = await dist('platform/logger.js');
const { buildServer } = await dist('main/server.js');
const platform = await openPlatform(loadConfig({ env: store.env, cwd: store.dir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
const app = await buildServer(platform);
await app.ready();
await platform.accounts.createUser({ email: 'bench@bench.test', username: 'bench', roles: ['admin'], password: 'bench passphrase admin x' }, BENCH_ACTOR);
const admin = (await platform.accounts.createToken('bench', 'bench', BENCH_ACTOR)).token;
const src = (await app.inject({ method: 'POST', url: '/api/v1/intake-sources', headers: { authorization: `Bearer ${admin}` }, payload: { name: 'bench', auth: 'token' } })).json();

let seq = 0;
const hosts = Array.from({ length: 200 }, (_, i) => `host-${i}`);
const alert = () => {
  const n = seq++;
  return JSON.stringify({ id: `bench-${n}`, title: `Bench alert ${n % 50}`, severity: ['low', 'medium', 'high'][n % 3], time: new Date().toISOString(), hosts: [hosts[n % hosts.length]], ips: [`198.51.100.${n % 250}`], users: [`user${n % 1000}`] });
};

async function run(total) {
  let left = total;
  let bad = 0;
  const sender = async () => {
    while (left-- > 0) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/intake/bench', headers: { authorization: `Bearer ${src.secret}`, 'content-type': 'application/json' }, payload: alert() });
      if (r.statusCode !== 201) bad++;
    }
  };
  const cpu0 = process.cpuUsage();
  const pg = store.dbName ? pgBackendCpu(store.dbName) : null;
  pg?.start();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Number(args.connections) }, sender));
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  const pgSeconds = pg?.stop();
  return {
    alerts: total,
    non201: bad,
    cpuSecondsPer1000: Number((((cpu.user + cpu.system) / 1e6 / total) * 1000).toFixed(3)),
    // PostgreSQL's backends of this database (the other process on the same cores).
    ...(pg ? { pgCpuSecondsPer1000: Number(((pgSeconds / total) * 1000).toFixed(3)) } : {}),
    wallSeconds: Number(wall.toFixed(2)),
    alertsPerSecondWall: Math.round(total / wall),
  };
}

await run(500);
for (let i = 0; i < Number(args.rounds); i++) console.log(JSON.stringify({ dialect: args.dialect, round: i + 1, ...(await run(Number(args.alerts))), loadavg: loadavg()[0] }));
await app.close();
await platform.close();
await store.close();
