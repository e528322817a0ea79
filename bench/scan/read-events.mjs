#!/usr/bin/env node
/**
 * The reading thread alone, for paired builds (issue 21): reads FILE with each build's reader as
 * `scan --workers 2` does (blocks on), ROUNDS times alternating the builds, and prints each
 * build's CPU ms a round (the first round, which also hashes every event, left out) and the hash
 * of its events: two builds must print the same hash.
 *   node bench/scan/read-events.mjs FILE ROUNDS DIST_A DIST_B …     # DIST: absolute path of a build's dist/
 */
import { createHash } from 'node:crypto';

const [file, rounds = '4', ...dists] = process.argv.slice(2);
const readers = await Promise.all(dists.map((d) => import(`${d}/assessment/scanner/readers/index.js`)));
async function run(m, hash) {
  const h = createHash('sha1');
  let events = 0;
  const t = process.cpuUsage();
  for await (const ev of m.readPath(file, { csvBlocks: true, sqlBlocks: true, textBlocks: true })) {
    events++;
    if (hash) h.update(JSON.stringify(ev, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
  }
  const u = process.cpuUsage(t);
  return { ms: Math.round((u.user + u.system) / 1e3), sig: h.digest('hex').slice(0, 12), events };
}
const res = dists.map(() => []);
for (let r = 0; r < Number(rounds); r++) for (let i = 0; i < readers.length; i++) res[i].push(await run(readers[i], r === 0));
for (let i = 0; i < dists.length; i++) {
  console.log(`${dists[i]}: ${res[i].slice(1).map((x) => x.ms).join(' ')} ms; events ${res[i][0].events}, hash ${res[i][0].sig}`);
}
