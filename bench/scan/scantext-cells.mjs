#!/usr/bin/env node
/**
 * scanText on the free-text cells of a CSV (issue 21, wide21): the columns named (default: every
 * column whose header is one of notes, support_transcript, description, last_reply, agent_comments,
 * delivery_instructions) are parsed once with the reader's tokenizer, then each DIST's scanText
 * runs over all of them in alternated rounds (ABAB…, same load at the same moment). Prints each
 * build's best and median CPU ns a character and a hash of every finding (two builds must agree).
 *   node bench/scan/scantext-cells.mjs FILE ROUNDS DIST [DIST2] [--cols a,b]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const ci = args.indexOf('--cols');
const cols = ci >= 0 ? args.splice(ci, 2)[1].split(',') : ['notes', 'support_transcript', 'description', 'last_reply', 'agent_comments', 'delivery_instructions'];
const [file, rounds = '6', ...dists] = args;
const { parseCsvText } = await import(resolve(dists[0], 'assessment/scanner/readers/csv-tokenizer.js'));
const rows = [];
parseCsvText(readFileSync(file, 'utf8'), ',', 1, true, (f) => rows.push(f));
const head = rows.shift();
const idx = cols.map((c) => head.indexOf(c)).filter((i) => i >= 0);
const cells = rows.flatMap((r) => idx.map((i) => r[i] ?? '')).filter((c) => c.length > 0);
const chars = cells.reduce((n, c) => n + c.length, 0);
const builds = [];
for (const d of dists) builds.push({ d, scanText: (await import(resolve(d, 'assessment/scanner/detectors/text-scan.js'))).scanText, ns: [], sig: '' });
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
for (let r = 0; r < Number(rounds); r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    const h = r === 0 ? createHash('sha256') : null;
    const t = cpu();
    for (const c of cells) {
      const f = b.scanText(c);
      if (h && (f.elements.length || f.secrets.length)) h.update(JSON.stringify(f));
    }
    b.ns.push(((cpu() - t) * 1000) / chars);
    if (h) b.sig = h.digest('hex').slice(0, 12);
  }
}
for (const b of builds) {
  const s = [...b.ns].sort((x, y) => x - y);
  console.log(JSON.stringify({ dist: b.d, cells: cells.length, chars, bestNsPerChar: +s[0].toFixed(1), medianNsPerChar: +s[s.length >> 1].toFixed(1), sig: b.sig }));
}
