#!/usr/bin/env node
/**
 * The partitioned merge against the replay (issue 18 §2): CPU seconds of the shard phase, of the
 * serial merge and in all, per layout, in fresh processes, alternated round by round (paired on a
 * loaded machine). Layouts:
 *   main         — the replay as built from another tree (`--main DIR`, its dist/), if given;
 *   replay       — this tree, BREACHDESK_SCAN_MERGE=replay: shards log every digest, the merge
 *                  (or every people job) replays all logs;
 *   partitioned  — this tree, the default: shards keep their digests per block of partitions
 *                  (engine/shard-digests.ts), the merge (or each people job) reads only blocks.
 * Per layout and round: the shard phase on two worker processes (the files split between them),
 * then (a) the merge alone in one process, (b) `--jobs` people jobs on two processes, then the
 * report job. Reports must equal the replay's (checked). Logs and blocks are kept as files (no
 * PostgreSQL fetch, base64 or AES-GCM measured: those scale with the bytes, also reported).
 *
 *   npm run build && nice node bench/scale/merge-partitioned.mjs [--leak csv|multi] [--rounds 3] [--jobs 4] [--main DIR] [--shard-rounds N]
 *
 * `--shard-rounds N`: the shard phase only in the first N rounds; later rounds merge the same logs
 * again (more merge pairs for the same time).
 *
 * Leaks: `csv` = bench/scale/leak-csv.mjs 4 × 150,000 rows (44.5 MB, the "Distributed scans"
 * figures); `multi` = four shapes of bench/scan/gen-shapes.mjs (customers-us CSV, NDJSON, mysqldump,
 * auth log), `--mb` MB each.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { writeLeakCsvs } from './leak-csv.mjs';

const { values: args } = parseArgs({
  options: {
    leak: { type: 'string', default: 'csv' },
    mb: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    jobs: { type: 'string', default: '4' },
    main: { type: 'string' },
    'shard-rounds': { type: 'string' },
    role: { type: 'string' },
    dist: { type: 'string' },
    files: { type: 'string' },
    tag: { type: 'string' },
    ranges: { type: 'string' },
    dir: { type: 'string' },
  },
});
const key = Buffer.alloc(32, 9);
const here = new URL('../../dist/', import.meta.url).pathname;

if (args.role) {
  const ev = await import(join(args.dist, 'assessment/scan-evidence.js'));
  const files = JSON.parse(args.files);
  const partitioned = args.tag === 'partitioned';
  const open = async (p) => ({ name: basename(p), size: statSync(p).size, chunks: createReadStream(p) });
  const logOf = (f) => `${f}.${args.tag}.log`;
  const blocksOf = (f) => `${f}.${args.tag}.digests`;
  async function* parts(f) {
    yield* deserialize(readFileSync(logOf(f)));
  }
  const items = () => files.map((f) => ({ members: false, logs: [parts(f)] }));
  const digests = () =>
    files.map((f) => {
      const d = deserialize(readFileSync(blocksOf(f)));
      return { members: false, shards: [{ summary: d.summary, block: async (b) => d.blocks[b] }] };
    });
  const t0 = process.cpuUsage();
  let out = {};
  if (args.role === 'shard') {
    for (const f of files) {
      const log = [];
      let d = null;
      await ev.scanEvidenceShard(f, open, {
        key,
        onParts: async (p) => void log.push(...p),
        ...(partitioned ? { onDigests: async (summary, blocks) => {
          d = { summary, blocks: [...blocks] };
        } } : {}),
      });
      writeFileSync(logOf(f), serialize(log));
      if (d) writeFileSync(blocksOf(f), serialize(d));
    }
  } else if (args.role === 'people') {
    // Each job reads its shards' data anew (a job of the fleet fetches it from the store).
    for (const [from, to] of JSON.parse(args.ranges)) {
      const opts = { key, partitions: [from, to] };
      const groups = partitioned ? await ev.groupEvidenceDigests(digests(), opts) : await ev.groupEvidencePeople(items(), opts);
      writeFileSync(join(args.dir, `groups-${args.tag}-${from}.v8`), serialize(groups));
    }
  } else {
    let groups;
    if (args.role === 'report') {
      groups = [];
      for (const [from] of JSON.parse(args.ranges)) groups.push(...deserialize(readFileSync(join(args.dir, `groups-${args.tag}-${from}.v8`))));
    }
    const merged = await ev.mergeEvidenceShards(items(), { key, bytesTotal: 0, started: performance.now(), groups, ...(partitioned && !groups ? { digests: digests() } : {}) });
    const { performance: _p, ...report } = merged.report;
    writeFileSync(join(args.dir, `report-${args.tag}-${args.role}.json`), JSON.stringify(report));
    out = { individuals: report.totals.individuals };
  }
  const c = process.cpuUsage(t0);
  process.stdout.write(JSON.stringify({ cpuS: (c.user + c.system) / 1e6, rssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...out }));
  process.exit(0);
}

function child(argv) {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [new URL(import.meta.url).pathname, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${argv.slice(0, 2).join(' ')}: exited ${code}`))));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'bd-bench-pmerge-'));
let files;
if (args.leak === 'csv') files = writeLeakCsvs(dir, 4, 150_000);
else {
  const gen = new URL('../scan/gen-shapes.mjs', import.meta.url).pathname;
  files = [
    ['customers-us', 'customers.csv'],
    ['ndjson', 'events.ndjson'],
    ['mysqldump', 'dump.sql'],
    ['authlog', 'auth.log'],
  ].map(([shape, name]) => {
    const out = join(dir, name);
    const r = spawnSync(process.execPath, [gen, shape, args.mb, out], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`gen-shapes ${shape} failed`);
    return out;
  });
}
const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
const jobs = Number(args.jobs);
const ranges = Array.from({ length: jobs }, (_, k) => [Math.floor((k * 256) / jobs), Math.floor(((k + 1) * 256) / jobs)]);
const layouts = { ...(args.main ? { main: join(args.main, 'dist/') } : {}), replay: here, partitioned: here };

async function round(tag, withShards) {
  const dist = layouts[tag];
  const common = ['--dist', dist, '--files', JSON.stringify(files), '--tag', tag, '--dir', dir];
  const shards = withShards ? await Promise.all([0, 1].map((w) => child(['--role', 'shard', ...common, '--files', JSON.stringify(files.filter((_, i) => i % 2 === w))]))) : [];
  const alone = await child(['--role', 'alone', ...common]);
  // main's people jobs are the replay's (the same code): measured once, as `replay`.
  const people = tag === 'main' ? [] : await Promise.all([0, 1].map((w) => child(['--role', 'people', ...common, '--ranges', JSON.stringify(ranges.filter((_, k) => k % 2 === w))])));
  const report = tag === 'main' ? null : await child(['--role', 'report', ...common, '--ranges', JSON.stringify(ranges)]);
  const sum = (xs) => xs.reduce((n, x) => n + x.cpuS, 0);
  const bytes = (ext) => files.reduce((n, f) => n + (statSync(`${f}.${tag}.${ext}`, { throwIfNoEntry: false })?.size ?? 0), 0);
  return {
    shardsCpuS: withShards ? sum(shards) : null,
    aloneCpuS: alone.cpuS,
    peopleCpuS: people.map((p) => p.cpuS),
    reportCpuS: report?.cpuS ?? null,
    totalAloneCpuS: withShards ? sum(shards) + alone.cpuS : null,
    totalJobsCpuS: withShards && report ? sum(shards) + sum(people) + report.cpuS : null,
    logMB: bytes('log') / 1e6,
    digestMB: bytes('digests') / 1e6,
    rssMB: Math.max(alone.rssMB, ...shards.map((s) => s.rssMB)),
    mergeJobsCpuS: report ? sum(people) + report.cpuS : null,
    individuals: alone.individuals,
  };
}

const runs = Object.fromEntries(Object.keys(layouts).map((t) => [t, []]));
const load = [loadavg()[0]];
for (let r = 0; r < Number(args.rounds); r++) {
  const order = Object.keys(layouts);
  if (r % 2 === 1) order.reverse();
  for (const tag of order) runs[tag].push(await round(tag, r < Number(args['shard-rounds'] ?? args.rounds)));
  load.push(loadavg()[0]);
}
const ref = readFileSync(join(dir, 'report-replay-alone.json'), 'utf8');
const same = Object.fromEntries(
  Object.keys(layouts).flatMap((t) => ['alone', 'report'].filter((role) => statSync(join(dir, `report-${t}-${role}.json`), { throwIfNoEntry: false })).map((role) => [`${t}-${role}`, readFileSync(join(dir, `report-${t}-${role}.json`), 'utf8') === ref])),
);
rmSync(dir, { recursive: true, force: true });
const f = (x) => (x === null ? null : Array.isArray(x) ? x.map(f) : typeof x === 'number' ? +x.toFixed(2) : x);
const table = Object.fromEntries(Object.entries(runs).map(([t, xs]) => [t, xs.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, f(v)])))]));
console.log(JSON.stringify({ leak: args.leak, files: files.length, mb: f(mb), jobs, sameReports: same, load: load.map(f), ...table }, null, 1));
