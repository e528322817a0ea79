/**
 * What the job queue costs at rest (bench/README.md "What pg-boss costs at rest"): one idle
 * `breachdesk serve` (inline worker) on a fresh PostgreSQL database per run, engines alternating
 * (embedded, pg-boss, …) so both see the same machine load. After --settle seconds of start-up,
 * serve CPU (user + system, /proc) and PostgreSQL transactions (pg_stat_database) over --idle s.
 *
 *   npm run build && node bench/api/idle-queue.mjs [--rounds 2] [--idle 30] [--settle 5]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchStore, LOAD_OPTIONS, serveProcess, writeResult } from '../serve-harness.mjs';

const { values: a } = parseArgs({ options: { ...LOAD_OPTIONS, rounds: { type: 'string', default: '2' }, idle: { type: 'string', default: '30' }, settle: { type: 'string', default: '5' } } });
const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));
const rows = [];
for (let round = 0; round < Number(a.rounds); round++) {
  for (const engine of ['embedded', 'pg-boss']) {
    const store = await benchStore('idle', { ...a, dialect: 'postgresql' }, { BREACHDESK_JOB_QUEUE: engine });
    const serve = await serveProcess(store.env);
    await sleep(Number(a.settle));
    const c = new pg.Client({ connectionString: store.env.BREACHDESK_DATABASE_URL });
    await c.connect();
    const tx = async () => Number((await c.query('select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()')).rows[0].n);
    const [cpu0, tx0, load] = [serve.cpuSeconds(), await tx(), loadavg()[0]];
    await sleep(Number(a.idle));
    const row = { engine, round, cpuSeconds: +(serve.cpuSeconds() - cpu0).toFixed(2), transactions: (await tx()) - tx0 - 1, load: +load.toFixed(1) };
    rows.push(row);
    console.log(JSON.stringify(row));
    await c.end();
    await serve.stop();
    await store.close();
  }
}
writeResult('idle-queue', 'postgresql', { idleSeconds: Number(a.idle), rows });
