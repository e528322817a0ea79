#!/usr/bin/env node
/**
 * The people index at scale (issue 18, "people index at 10, 30 and 100 M records"): synthetic
 * person-records fed straight into `PeopleIndex` (dist/, engine/people.ts) — the index API the
 * scan's aggregate and the distributed merge feed — then `finish()` (256 partitions grouped,
 * union-find, jurisdictions). No file is read or detected: this measures the index, not the
 * readers (their throughput is bench/scale/shards.mjs).
 *
 * Records are seeded (src/platform/prng.ts, mulberry32): each is one of `people` persons
 * (records / 1.4 by default, so ≈ 30 % of records repeat a person), with an e-mail (strong),
 * an SSN (strong; 10 % of records carry a second e-mail of their own, so people also link
 * transitively, e-mail → SSN → e-mail), a phone (match-only) and one or two jurisdiction hints.
 * Digests are a bijective 32-bit mix of (person, kind): no false collisions.
 *
 *   npm run build && nice node bench/scale/people.mjs --records 10000000
 *
 * Prints one JSON line: records, values, seconds (add, finish), CPU-s, peak RSS (MB), temp bytes
 * (values log + hints + union-find spill at their largest), load average before/after.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    people: { type: 'string' },
    seed: { type: 'string', default: '18' },
    'uf-cap': { type: 'string' },
  },
});
const engine = (m) => import(new URL(`../../dist/assessment/scanner/engine/${m}`, import.meta.url).href);
const { PeopleIndex, groupPartition } = await engine('people.js');
const { TempDir } = await engine('spill-log.js');
const { SpillStore } = await engine('spill-store.js');
const { STRONG_TAGS } = await engine('batch.js');
const { ELEMENT_IDS } = await import(new URL('../../dist/assessment/scanner/types.js', import.meta.url).href);
const { mulberry32 } = await import(new URL('../../dist/platform/prng.js', import.meta.url).href);

const N = Math.round(Number(args.records));
const P = Math.max(1, Math.round(Number(args.people ?? N / 1.4)));
const tag = (e) => ELEMENT_IDS.indexOf(e);
const EMAIL = tag('email');
const SSN = tag('us_ssn');
const PHONE = tag('phone');

/** murmur3's 32-bit finaliser: a bijection, so distinct inputs give distinct digests. */
function fmix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const root = mkdtempSync(join(tmpdir(), 'bd-bench-people-'));
const dirBytes = (d) => {
  let n = 0;
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
};
let peakTemp = 0;
const sampleTemp = () => {
  peakTemp = Math.max(peakTemp, dirBytes(root));
};

const load0 = loadavg();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const temp = new TempDir(root);
const spill = new SpillStore(root);
const index = new PeopleIndex(temp, spill, args['uf-cap'] ? { unionFindMemoryCap: Number(args['uf-cap']) } : {});
const states = ['US-CA', 'US-TX', 'US-NY', 'US-FL', 'US-WA', 'US', 'DE', 'FR'].map((h) => index.hintCode(h));
const rnd = mulberry32(Number(args.seed));
const values = new Uint32Array(4 * 3);
const hints = [0, 0];
for (let i = 0; i < N; i++) {
  const p = Math.floor(rnd() * P);
  // kind in the low 2 bits of the mixed input: e-mail 0, SSN 1, phone 2, own second e-mail 3.
  const base = p * 4;
  let n = 0;
  const put = (x, t) => {
    values[n * 3] = fmix(x ^ 0x9e3779b9);
    values[n * 3 + 1] = fmix(x);
    values[n * 3 + 2] = t;
    n++;
  };
  put(base, EMAIL);
  put(base + 1, SSN);
  put(base + 2, PHONE);
  if (rnd() < 0.1) put((N + i) * 4 + 3, EMAIL);
  hints[0] = states[p % 6];
  const h = p % 7 === 0 ? 2 : 1;
  if (h === 2) hints[1] = states[6 + (p % 2)];
  index.addRecord(values, 0, n, STRONG_TAGS, hints, 0, h, true);
  if ((i & 0xfffff) === 0) sampleTemp();
}
sampleTemp();
const tAdd = performance.now();
const valuesLogged = index.values;
const spilledAdd = index.spilledBytes;
let groups = 0;
const result = await index.finish(async (data, customers) => {
  if ((groups++ & 15) === 0) sampleTemp();
  return groupPartition(data, customers);
});
sampleTemp();
const tEnd = performance.now();
spill.close();
temp.remove();
rmSync(root, { recursive: true, force: true });
const cpu = process.cpuUsage(cpu0);
const ru = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    records: N,
    people: P,
    values: valuesLogged,
    individuals: result.individuals,
    distinctEmail: result.distinct.get(EMAIL),
    addS: +((tAdd - t0) / 1000).toFixed(1),
    finishS: +((tEnd - tAdd) / 1000).toFixed(1),
    wallS: +((tEnd - t0) / 1000).toFixed(1),
    cpuUserS: +(cpu.user / 1e6).toFixed(1),
    cpuSysS: +(cpu.system / 1e6).toFixed(1),
    peakRssMB: Math.round(ru.maxRSS / 1024),
    spilledDuringAddMB: Math.round(spilledAdd / 1e6),
    peakTempMB: Math.round(peakTemp / 1e6),
    load: [load0[0], loadavg()[0]].map((x) => +x.toFixed(1)),
  })}\n`,
);
