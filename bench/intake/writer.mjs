#!/usr/bin/env node
/**
 * The intake group commit alone (issue 15): `IntakeWriter` over the built store, fed groups of a
 * fixed size (every request of a batch queued in one tick is one group), no HTTP, no load
 * generator — so the CPU of this process (normalising aside: rows, encryption, correlation, the
 * pg client) and of PostgreSQL's backends per alert are measured on the same work in any tree.
 * The alerts are the load bench's (bench/intake/load.mjs: unique, 200 hosts, 250 IPs, 1,000 users,
 * 50 titles), observed 1 ms apart.
 *
 *   npm run build
 *   node bench/intake/writer.mjs [--dialect postgresql|sqlite] [--group 40 [--group-max 80]] [--groups 200] [--rounds 3]
 *
 * Prints one JSON line per round (after a warm-up round of 20 groups).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchStore, LOAD_OPTIONS, pgBackendCpu, root } from '../serve-harness.mjs';

const { values: args } = parseArgs({
  options: { ...LOAD_OPTIONS, dialect: { type: 'string', default: 'postgresql' }, group: { type: 'string', default: '40' }, 'group-max': { type: 'string' }, groups: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' } },
});
const dist = (p) => import(new URL(`dist/${p}`, `file://${root}`).href);
const store = await benchStore('intake-writer', args, { BREACHDESK_INLINE_WORKER: 'false', BREACHDESK_LOG_LEVEL: 'silent' });
const { loadConfig } = await dist('platform/config.js');
const { openPlatform } = await dist('platform/platform.js');
const { ALL_MIGRATIONS } = await dist('main/migrations.js');
const { createLogger } = await dist('platform/logger.js');
const { IntakeRepository } = await dist('confirm/intake.repository.js');
const { IntakeWriter } = await dist('confirm/intake-writer.js');
const { normalise } = await dist('confirm/normalise/index.js');
const platform = await openPlatform(loadConfig({ env: store.env, cwd: store.dir }), { migrations: ALL_MIGRATIONS, log: createLogger('silent') });
const writer = new IntakeWriter(new IntakeRepository(platform.store.db, platform.store.dialect), platform.keyring);
const cfg = { dedupKeys: ['rule', 'hosts', 'users', 'ips'], dedupWindowS: 300, correlateWindowS: 3600 };

let seq = 0;
const t0 = Date.parse('2026-12-07T12:00:00.000Z');
const item = (at) => {
  const n = seq++;
  const doc = { id: `bench-${n}`, title: `Bench alert ${n % 50}`, severity: ['low', 'medium', 'high'][n % 3], time: new Date(t0 + n).toISOString(), hosts: [`host-${n % 200}`], ips: [`198.51.100.${n % 250}`], users: [`user${n % 1000}`] };
  return { alert: normalise(doc, 'generic', at), raw: JSON.stringify(doc) };
};

/** Group sizes: `--group` each, or with `--group-max`, from `--group` to it, the same sequence in every tree (a fixed-seed LCG). */
let lcg = 12345;
const sizeOf = () => {
  if (!args['group-max']) return Number(args.group);
  lcg = (lcg * 1103515245 + 12345) % 2 ** 31;
  return Number(args.group) + (lcg % (Number(args['group-max']) - Number(args.group) + 1));
};

async function run(groups) {
  const batches = Array.from({ length: groups }, () => Array.from({ length: sizeOf() }, () => item(new Date().toISOString())));
  const pg = store.dbName ? pgBackendCpu(store.dbName) : null;
  pg?.start();
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  for (const batch of batches) await Promise.all(batch.map((it) => writer.store('bench', cfg, [it], new Date().toISOString())));
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - w0;
  const pgSeconds = pg?.stop();
  const alerts = batches.reduce((n, b) => n + b.length, 0);
  return {
    alerts,
    group: Number((alerts / groups).toFixed(1)),
    writerCpuMsPerAlert: Number(((cpu.user + cpu.system) / 1000 / alerts).toFixed(4)),
    ...(pg ? { pgCpuMsPerAlert: Number(((pgSeconds * 1000) / alerts).toFixed(4)) } : {}),
    wallMsPerGroup: Number((wall / groups).toFixed(2)),
  };
}

await run(20);
for (let i = 0; i < Number(args.rounds); i++) console.log(JSON.stringify({ dialect: args.dialect, round: i + 1, ...(await run(Number(args.groups))), loadavg: loadavg()[0] }));
await writer.close();
await platform.close();
await store.close();
