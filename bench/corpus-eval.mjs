#!/usr/bin/env node
/**
 * Detector measurements against the compiled code (`npm run build` first).
 *
 *   node bench/corpus-eval.mjs [corpus.json] [--json]   recall / false positives of scanText per element
 *   node bench/corpus-eval.mjs --speed [MB]             scanText and detectRecord throughput, one core
 *
 * Accuracy: the public presidio-research synthetic corpus (test/fixtures/corpora/, a copy of
 * shared/corpora/presidio-synth-v2.json, MIT; texts with labelled spans), scored by
 * detectors/corpus-score.ts (how a span counts as found is described there).
 *
 * Speed: seeded, generated inputs; CPU seconds (process.cpuUsage) are reported beside wall time
 * because the project machines are shared and wall time understates the per-core rate under load.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = (p) => import(resolve(here, '../dist/assessment/scanner', p));
const { scanText } = await dist('detectors/index.js');
const { scoreCorpus } = await dist('detectors/corpus-score.js');
const args = process.argv.slice(2);
/** The project's shared/corpora copy, kept in the repository (test/fixtures/corpora/SOURCES.md). */
const defaultCorpus = resolve(here, '../test/fixtures/corpora/presidio-synth-v2.json');

// ---- accuracy (scoring shared with text-corpus.test.ts: detectors/corpus-score.ts) -----------

function accuracy(file, asJson) {
  const corpus = JSON.parse(readFileSync(file, 'utf8'));
  const bytes = corpus.reduce((n, r) => n + Buffer.byteLength(r.full_text), 0);
  const t0 = performance.now();
  const results = new Map(corpus.map((r) => [r.full_text, scanText(r.full_text)]));
  const ms = performance.now() - t0;
  let secrets = 0;
  for (const res of results.values()) secrets += res.secrets.length;
  const table = scoreCorpus(corpus, (text) => results.get(text).elements);
  if (asJson) {
    console.log(JSON.stringify({ file, texts: corpus.length, bytes, ms: Math.round(ms), secrets, table }, null, 2));
    return;
  }
  console.log(`${corpus.length} texts, ${bytes} bytes, scanText ${ms.toFixed(0)} ms, secret findings: ${secrets}`);
  console.log('| element | labelled | found | recall | findings | false positives | precision |');
  console.log('|---|---|---|---|---|---|---|');
  for (const t of table) console.log(`| ${t.element} | ${t.labelled} | ${t.found} | ${t.recall ?? '–'} | ${t.findings} | ${t.falsePositives} | ${t.precision ?? '–'} |`);
}

// ---- speed ------------------------------------------------------------------------------------

let seed = 42;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const pick = (a) => a[rnd(a.length)];
const pad = (n) => String(n).padStart(2, '0');

/** Ordinary application log lines; ~2 % carry personal data, ~1 % a secret. */
function logLine(i) {
  const ts = `2024-05-${pad(1 + rnd(28))}T${pad(rnd(24))}:${pad(rnd(60))}:${pad(rnd(60))}.${rnd(1000)}Z`;
  const path = pick(['/api/orders', '/api/users/me', '/static/app.js', '/healthz', '/api/cart/items', '/login', '/api/search?q=shoes']);
  const base = `${ts} ${pick(['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'])} [http-nio-8080-exec-${rnd(20)}] c.e.app.RequestLogger - ${pick(['GET', 'POST', 'PUT'])} ${path} status=${pick([200, 200, 201, 304, 404, 500])} dur=${rnd(900)}ms bytes=${rnd(90000)} req=${rnd(1e9).toString(16)}`;
  if (i % 50 === 0) return `${base} user=jane.doe${rnd(1000)}@example.com ip=${10 + rnd(200)}.${rnd(255)}.${rnd(255)}.${1 + rnd(250)}`;
  if (i % 97 === 0) return `${base} token=sk_live_${rnd(1e9).toString(36)}Ab9${rnd(1e9).toString(36)}`;
  return base;
}

function timed(name, bytes, fn) {
  fn(true);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const found = fn(false);
  const wall = (performance.now() - t0) / 1000;
  const u = process.cpuUsage(c0);
  const cpu = (u.user + u.system) / 1e6;
  const mb = bytes / 1e6;
  console.log(`${name}: ${mb.toFixed(1)} MB, wall ${wall.toFixed(2)} s = ${(mb / wall).toFixed(1)} MB/s, CPU ${cpu.toFixed(2)} s = ${(mb / cpu).toFixed(1)} MB/s per core, ${found} findings`);
}

function scanTextSpeed(targetMb) {
  const batches = [];
  let bytes = 0;
  for (let i = 0; bytes < targetMb * 1e6; ) {
    const lines = [];
    for (let j = 0; j < 1000; j++, i++) lines.push(logLine(i));
    const s = lines.join('\n');
    bytes += Buffer.byteLength(s);
    batches.push(s);
  }
  const count = (chunks, warm) => {
    let n = 0;
    for (const c of warm ? chunks.slice(0, 2) : chunks) {
      const r = scanText(c);
      n += r.elements.length + r.secrets.length;
    }
    return n;
  };
  timed('scanText, logs in 1,000-line chunks', bytes, (warm) => count(batches, warm));
  const lines = batches.flatMap((b) => b.split('\n'));
  timed('scanText, logs, one call per line', bytes, (warm) => count(lines, warm));
  const prose = JSON.parse(readFileSync(defaultCorpus, 'utf8'))
    .map((r) => r.full_text)
    .join('\n');
  const reps = Array.from({ length: Math.max(1, Math.round((targetMb / 5) * 1e6 / prose.length)) }, () => prose);
  timed('scanText, presidio prose (dense PII)', reps.length * Buffer.byteLength(prose), (warm) => count(reps, warm));
}

const withLuhn = (b) => {
  for (let c = 0; c < 10; c++) {
    const s = b + c;
    let sum = 0;
    let dbl = false;
    for (let i = s.length - 1; i >= 0; i--) {
      let d = +s[i];
      if (dbl) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      dbl = !dbl;
    }
    if (sum % 10 === 0) return s;
  }
};

async function detectRecordSpeed(rowsN) {
  const { classifyColumns, detectRecord } = await dist('classify/index.js');
  const cols = ['id', 'first_name', 'last_name', 'email', 'phone', 'ssn', 'card', 'iban', 'dob', 'address', 'notes', 'password_hash'];
  const rows = [];
  for (let i = 0; i < rowsN; i++) {
    rows.push([
      String(i),
      'Anna',
      'Schmidt',
      `anna.schmidt${i}@example.com`,
      `+1 202-${200 + rnd(700)}-${1000 + rnd(8999)}`,
      `${100 + rnd(500)}-${10 + rnd(89)}-${1000 + rnd(8999)}`,
      withLuhn(`4${String(1e14 + rnd(1e9) * 1000).slice(0, 14)}`),
      'DE89370400440532013000',
      `19${50 + rnd(49)}-0${1 + rnd(9)}-1${rnd(9)}`,
      `${rnd(999)} Main Street`,
      i % 10 === 0 ? 'called about the refund, email me at x@example.org' : 'ok thanks',
      `$2b$12$${'a'.repeat(53)}`,
    ]);
  }
  const c0 = process.cpuUsage();
  const classes = classifyColumns('customers', cols, rows.slice(0, 1000));
  const cu = process.cpuUsage(c0);
  console.log(`classifyColumns, 12 columns × 1,000-row sample: CPU ${((cu.user + cu.system) / 1000).toFixed(0)} ms → ${classes.map((c) => c.element ?? (c.freeText ? 'free text' : (c.geo ?? '-'))).join(', ')}`);
  const bytes = rows.reduce((a, r) => a + r.join(',').length + 1, 0);
  timed(`detectRecord, ${rowsN} dense rows (10 personal columns, all phones distinct)`, bytes, (warm) => {
    let n = 0;
    for (const r of warm ? rows.slice(0, 1000) : rows) n += detectRecord(classes, r).elements.length;
    return n;
  });
}

if (args.includes('--speed')) {
  const mb = Number(args.find((a) => /^\d+$/.test(a)) ?? 50);
  scanTextSpeed(mb);
  await detectRecordSpeed(100_000);
} else {
  accuracy(args.find((a) => !a.startsWith('--')) ?? defaultCorpus, args.includes('--json'));
}
