#!/usr/bin/env node
/**
 * A distributed scan end to end (issue 18 "Done when": scan throughput with 1 and 2 worker
 * processes, and the per-worker figure): one `breachdesk serve` (no inline worker) and N
 * `breachdesk worker` processes over one fresh PostgreSQL database with pg-boss. A multi-file leak
 * made by bench/scan/gen-shapes.mjs (a CSV, an international CSV, NDJSON, a web log and an auth
 * log, plus one big CSV that BREACHDESK_SCAN_SHARD_BYTES cuts into byte ranges) is uploaded as
 * evidence through the API, the assessment is started and waited for. Recorded per run: wall
 * seconds, CPU seconds of serve, of each worker and of this database's PostgreSQL backends (from
 * /proc), MB/s, MB per worker CPU-second, the merge's share (CPU and wall after the last shard is
 * done: people jobs and the merge job), and whether the report equals the standalone
 * `breachdesk scan --json` of the same files (minus timings), which is also timed for comparison.
 *
 *   npm run build
 *   node bench/scale/fleet-scan.mjs [--mb 150] [--shard-mb 24] [--workers 1,2] [--merge partitioned,replay] [--repeat 1]
 *
 * Runs are alternated (each repeat: the standalone scan, then every merge setting × every fleet size), each on a fresh
 * database. The leak is cached in $TMPDIR/bd-fleet-scan-<mb>/ between invocations. On a shared
 * machine read CPU seconds and ratios, not wall clock (the load average is recorded). Prints one
 * JSON line a run and writes bench/results/fleet-scan-postgresql-*.json. Figures: bench/README.md
 * "Distributed scans end to end".
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { BENCH_ACTOR, benchStore, pgBackendCpu, root, serveProcess, writeResult } from '../serve-harness.mjs';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '150' },
    'shard-mb': { type: 'string', default: '24' },
    workers: { type: 'string', default: '1,2' },
    merge: { type: 'string', default: 'partitioned,replay' },
    repeat: { type: 'string', default: '1' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const MB = Number(args.mb);
const SHARD_BYTES = Math.round(Number(args['shard-mb']) * 1024 * 1024);
const BIN = join(root, 'bin/breachdesk.js');

// The leak: five files of 15 % of the total each (under the shard size at the defaults: one shard
// each) and one big CSV of 25 %… 40 % that is read as byte ranges.
const FILES = [
  ['customers-us', 'customers-big.csv', 0.4],
  ['customers-us', 'customers.csv', 0.12],
  ['customers-intl', 'customers-intl.csv', 0.12],
  ['ndjson', 'customers.ndjson', 0.12],
  ['weblog', 'access.log', 0.12],
  ['authlog', 'auth.log', 0.12],
];
const leakDir = join(tmpdir(), `bd-fleet-scan-${MB}`);
mkdirSync(leakDir, { recursive: true });
const files = [];
for (const [shape, name, share] of FILES) {
  const f = join(leakDir, name);
  if (!existsSync(f)) {
    const gen = spawn(process.execPath, [join(root, 'bench/scan/gen-shapes.mjs'), shape, String(Math.max(1, Math.round(MB * share))), f], { stdio: 'inherit' });
    const [code] = await once(gen, 'exit');
    if (code !== 0) throw new Error(`gen-shapes ${shape} exited with ${code}`);
  }
  files.push(f);
}
const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
const mbTotal = bytes / 1e6;

const procCpu = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
};
const withoutTimings = (report) => {
  const { performance: _p, ...rest } = report;
  return JSON.stringify(rest);
};
const r2 = (x) => Number(x.toFixed(2));

/** The standalone CLI scan of the same files, by name from their folder (the report names them as given). */
async function standalone() {
  const data = mkdtempSync(join(tmpdir(), 'bd-fleet-scan-cli-'));
  const load = loadavg()[0];
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', process.execPath, BIN, 'scan', '--json', ...files.map((f) => basename(f))], {
    cwd: leakDir,
    env: { ...process.env, BREACHDESK_DATA_DIR: data, BREACHDESK_LOG_LEVEL: 'warn', BREACHDESK_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = [];
  let err = '';
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => (err += d));
  const [code] = await once(child, 'exit');
  const wall = (performance.now() - t0) / 1000;
  rmSync(data, { recursive: true, force: true });
  if (code !== 0) throw new Error(`breachdesk scan exited with ${code}: ${err}`);
  const [user, sys, rssKb] = err.trim().split('\n').pop().split(' ').map(Number);
  const report = JSON.parse(Buffer.concat(out).toString('utf8'));
  const cpu = user + sys;
  return {
    body: withoutTimings(report),
    result: { run: 'standalone', mb: r2(mbTotal), wallS: r2(wall), cpuS: r2(cpu), maxRssMb: Math.round(rssKb / 1024), mbPerS: r2(mbTotal / wall), mbPerCpuS: r2(mbTotal / cpu), loadAverage1m: [r2(load), r2(loadavg()[0])] },
  };
}

async function fleet(workers, merge, expected) {
  const env = {
    BREACHDESK_JOB_QUEUE: 'pg-boss',
    BREACHDESK_INLINE_WORKER: 'false',
    BREACHDESK_SCAN_SHARD_BYTES: String(SHARD_BYTES),
    BREACHDESK_SCAN_MERGE: merge,
  };
  const store = await benchStore('fleet-scan', { dialect: 'postgresql', pg: args.pg }, env);
  const children = [];
  let serve;
  try {
    const token = await store.withPlatform(async (p) => {
      if (p.config.jobQueue !== 'pg-boss') throw new Error(`expected pg-boss, got ${p.config.jobQueue}`);
      await p.accounts.createUser({ email: 'ic@bench.test', username: 'ic', roles: ['incident_commander'], password: 'fleet scan bench passphrase' }, BENCH_ACTOR);
      return (await p.accounts.createToken('ic', 'bench', BENCH_ACTOR)).token;
    });
    serve = await serveProcess(store.env);
    const api = async (path, init = {}) => {
      const r = await fetch(`${serve.base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
      const text = await r.text();
      if (r.status >= 300) throw new Error(`${path}: ${r.status} ${text}`);
      return text ? JSON.parse(text) : null;
    };
    // Workers up before the scan: their start-up (detectors, JIT, pg-boss) is not the scan's cost.
    for (let i = 0; i < workers; i++) {
      const w = spawn(process.execPath, [BIN, 'worker', '--queues', 'assessment.run,assessment.shard,assessment.people,assessment.merge', '--concurrency', '1'], {
        env: { ...process.env, BREACHDESK_LOG_LEVEL: 'warn', ...store.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(w);
      let out = '';
      await new Promise((resolve, reject) => {
        w.stdout.on('data', (d) => {
          out += d;
          if (out.includes('worker running')) resolve();
        });
        w.once('exit', (c) => reject(new Error(`worker exited with ${c}`)));
      });
    }
    const incident = (await api('/incidents', { method: 'POST', body: JSON.stringify({ title: 'Fleet scan bench' }) })).id;
    const uploadCpu0 = serve.cpuSeconds();
    const evidenceIds = [];
    for (const f of files) {
      // Streamed: the route writes the body straight into the encrypting writer.
      const r = await fetch(`${serve.base}/api/v1/incidents/${incident}/evidence?name=${encodeURIComponent(basename(f))}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: Readable.toWeb(createReadStream(f)),
        duplex: 'half',
      });
      if (r.status !== 201) throw new Error(`upload ${f}: ${r.status} ${await r.text()}`);
      evidenceIds.push((await r.json()).id);
    }
    const uploadCpu = serve.cpuSeconds() - uploadCpu0;

    const pgCpu = pgBackendCpu(store.dbName);
    const snap = () => ({ t: performance.now(), serve: serve.cpuSeconds(), workers: children.map((w) => procCpu(w.pid)) });
    const load0 = loadavg()[0];
    pgCpu.start();
    const s0 = snap();
    const id = (await api(`/incidents/${incident}/assessments`, { method: 'POST', body: JSON.stringify({ evidenceIds }) })).id;
    // The shard phase ends when every shard is done: what follows is the merge (people jobs, if
    // any, and the merge job). Polled every 250 ms, through SQL (the API does not list shards).
    const pg = (await import('pg')).default;
    const sql = new pg.Client({ connectionString: store.env.BREACHDESK_DATABASE_URL });
    await sql.connect();
    let sShards = null;
    let a;
    for (;;) {
      const s = snap();
      if (!sShards) {
        const q = await sql.query("select count(*)::int as n, count(*) filter (where status = 'done')::int as done from assessment_shards where assessment_id = $1", [id]);
        if (q.rows[0].n > 0 && q.rows[0].n === q.rows[0].done) sShards = { ...s, shards: q.rows[0].n };
      }
      a = await api(`/assessments/${id}`);
      if (a.status === 'done' || a.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const s1 = snap();
    const pgS = pgCpu.stop();
    const load1 = loadavg()[0];
    const shardRows = (await sql.query('select seq, worker, unit_json from assessment_shards where assessment_id = $1 order by seq', [id])).rows;
    await sql.end();
    if (a.status !== 'done') throw new Error(`assessment ${a.status}: ${a.error}`);
    sShards ??= s1;
    const wall = (s1.t - s0.t) / 1000;
    const workerCpu = children.map((_, i) => s1.workers[i] - s0.workers[i]);
    const workerSum = workerCpu.reduce((x, y) => x + y, 0);
    const shardCpu = children.reduce((x, _, i) => x + sShards.workers[i] - s0.workers[i], 0);
    const mergeCpu = workerSum - shardCpu;
    const serveCpu = s1.serve - s0.serve;
    const total = workerSum + serveCpu + pgS;
    return {
      run: `${workers} worker${workers > 1 ? 's' : ''}, ${merge}`,
      workers,
      merge,
      mb: r2(mbTotal),
      shards: shardRows.length,
      shardUnits: shardRows.map((r) => (r.unit_json ? JSON.parse(r.unit_json).kind : 'whole')).join(','),
      shardsPerWorker: children.map((w) => shardRows.filter((r) => Number(r.worker?.split(':').pop()) === w.pid).length),
      wallS: r2(wall),
      cpuS: { serve: r2(serveCpu), workers: workerCpu.map(r2), workersSum: r2(workerSum), postgres: r2(pgS), total: r2(total) },
      mbPerS: r2(mbTotal / wall),
      mbPerWorkerCpuS: r2(mbTotal / workerSum),
      mbPerTotalCpuS: r2(mbTotal / total),
      shardPhase: { wallS: r2((sShards.t - s0.t) / 1000), workerCpuS: r2(shardCpu), mbPerWorkerCpuS: r2(mbTotal / shardCpu) },
      mergePhase: { wallS: r2((s1.t - sShards.t) / 1000), workerCpuS: r2(mergeCpu), shareOfWorkerCpu: r2(mergeCpu / workerSum), shareOfWall: r2((s1.t - sShards.t) / (s1.t - s0.t)) },
      uploadServeCpuS: r2(uploadCpu),
      reportEqualsStandalone: withoutTimings(a.report) === expected,
      loadAverage1m: [r2(load0), r2(load1)],
    };
  } finally {
    for (const w of children) if (w.exitCode === null) w.kill('SIGKILL');
    await serve?.stop().catch(() => {});
    await store.close();
  }
}

const results = [];
const sizes = args.workers.split(',').map(Number);
const merges = args.merge.split(',');
let expected = null;
for (let rep = 0; rep < Number(args.repeat); rep++) {
  // The standalone scan in every round too: its CPU-s is the baseline each round's fleet runs pair with.
  const cli = await standalone();
  console.log(JSON.stringify(cli.result));
  results.push(cli.result);
  if (expected !== null && cli.body !== expected) throw new Error('the standalone report changed between rounds');
  expected = cli.body;
  for (const merge of merges) {
    for (const n of sizes) {
      const r = await fleet(n, merge, expected);
      console.log(JSON.stringify(r));
      results.push(r);
      if (!r.reportEqualsStandalone) process.exitCode = 1;
    }
  }
}
const out = writeResult('fleet-scan', 'postgresql', { node: process.version, args, files: files.map((f) => ({ name: basename(f), mb: r2(statSync(f).size / 1e6) })), results });
console.error(`wrote ${out}`);
