#!/usr/bin/env node
/**
 * The people index's grouping (engine/people-group.ts groupPartition) alone, for paired builds
 * (issue 21, dump21b): 256 partitions of synthetic values logs shaped like a scan's (a composite
 * link key and four single values a record, some strong, duplicates only after the first
 * `clean` records of each partition, as distinct columns come before repeats), grouped in one
 * thread as the scan groups under 4 M values. Prints each build's CPU ms a round and a hash of
 * its groups (two builds must print the same). With `--trace-deopt`, count groupPartition's deopts.
 *   node [--trace-deopt] bench/scan/group-partitions.mjs ROUNDS RECORDS_PER_PARTITION DIST_A [DIST_B …]
 */
import { createHash } from 'node:crypto';

const [rounds = '3', per = '3000', ...dists] = process.argv.slice(2);
const mods = await Promise.all(dists.map((d) => import(`${d}/assessment/scanner/engine/people-group.js`)));
const keys = await import(`${dists[0]}/assessment/scanner/engine/link-keys.js`);
const n = Number(per);
// mulberry32: the same partitions for every build.
let seed = 21;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const composite = [];
for (let t = 0; t < 256; t++) if (keys.COMPOSITE_TAGS[t] !== 0) composite.push(t);
const single = [1, 2, 3, 4];
const partitions = [];
for (let p = 0; p < 256; p++) {
  const words = [];
  const seen = [];
  const clean = n / 2;
  for (let rec = 0; rec < n; rec++) {
    const r = p * n + rec;
    for (const tag of [composite[Math.floor(rnd() * composite.length)], ...single]) {
      let hi = Math.floor(rnd() * 0xffffff);
      let lo = Math.floor(rnd() * 0xffffffff);
      if (rec > clean && seen.length > 0 && rnd() < 0.05) [hi, lo] = seen[Math.floor(rnd() * seen.length)];
      else if (seen.length < 5000) seen.push([hi, lo]);
      words.push(((hi << 8) | tag) >>> 0, lo, r);
    }
  }
  partitions.push(Uint32Array.from(words));
}
function run(m) {
  const h = createHash('sha1');
  const t = process.cpuUsage();
  for (const d of partitions) {
    const g = m.groupPartition(d, false);
    h.update(Buffer.from(g.distinct.buffer));
    h.update(Buffer.from(g.links.buffer, g.links.byteOffset, g.links.byteLength));
  }
  const u = process.cpuUsage(t);
  return { ms: Math.round((u.user + u.system) / 1e3), sig: h.digest('hex').slice(0, 12) };
}
const res = dists.map(() => []);
for (let r = 0; r < Number(rounds); r++) for (let i = 0; i < mods.length; i++) res[i].push(run(mods[i]));
for (let i = 0; i < dists.length; i++) console.error(`${dists[i]}: ${res[i].map((x) => x.ms).join(' ')} ms; hash ${res[i][0].sig}`);
