// Reader throughput on generated ~200 MB files (CSV 12 columns, NDJSON with nested objects, free-text
// log, and the same CSV gzipped). Run after `npm run build`:
//   node bench/readers.bench.mjs [MB=200] [csv,ndjson,text,json,sql,gz]
// Files are written once to $TMPDIR/breachdesk-bench-readers/ and reused. Prints MB/s and peak RSS.
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { createReadStream } from 'node:fs';

const { readPath } = await import('../dist/assessment/scanner/readers/index.js');

const MB = Number(process.argv[2] ?? 200);
const only = process.argv[3] ? new Set(process.argv[3].split(',')) : null;
const want = (k) => !only || only.has(k);
const dir = join(tmpdir(), 'breachdesk-bench-readers');
mkdirSync(dir, { recursive: true });

let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const FIRST = ['Ann', 'Bob', 'Chloé', 'Dieter', 'Elena', 'Farid', 'Grace', 'Hiro', 'Inès', 'José'];
const LAST = ['Smith', 'Müller', 'García', 'Rossi', 'Dubois', 'de Vries', 'Silva', 'Tanaka'];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

function csvRow(i) {
  const f = pick(FIRST);
  const l = pick(LAST);
  const notes = rnd() < 0.3 ? `"Called on ${digits(2)}/03, said ""call back"", ref ${digits(6)}"` : 'none';
  return [
    i,
    f,
    l,
    `${f.toLowerCase()}.${i}@example.com`,
    `+1 555 ${digits(3)} ${digits(4)}`,
    `${digits(3)}-${digits(2)}-${digits(4)}`,
    `4${digits(15)}`,
    `DE${digits(20)}`,
    `19${digits(2)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
    `"${digits(3)} Main St, Springfield"`,
    notes,
    `$2b$10$${'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0'.slice(0, 53)}`,
  ].join(',');
}

function jsonRow(i) {
  return JSON.stringify({
    id: i,
    name: { first: pick(FIRST), last: pick(LAST) },
    email: `u${i}@example.com`,
    phones: [`+1 555 ${digits(7)}`],
    address: { street: `${digits(3)} Main St`, city: 'Springfield', zip: digits(5) },
    card: `4${digits(15)}`,
    tags: ['a', 'b'],
  });
}

function logRow(i) {
  return `2024-03-0${1 + (i % 9)}T12:${digits(2)}:${digits(2)}Z INFO [req ${digits(8)}] user u${i}@example.com logged in from 10.0.${i % 256}.${digits(2)} ua="Mozilla/5.0 (X11; Linux x86_64)" took ${digits(3)}ms`;
}

function sqlRow(i) {
  return `(${i},'${pick(FIRST)} ${pick(LAST).replace("'", "\\'")}','u${i}@example.com','${digits(3)}-${digits(2)}-${digits(4)}',NULL,_binary 'x\\0y')`;
}

async function generate(name, header, row, opts = {}) {
  const p = join(dir, name);
  if (existsSync(p) && statSync(p).size >= MB * 1e6 * 0.98) return p;
  const out = createWriteStream(p);
  if (header) out.write(`${header}\n`);
  let bytes = 0;
  let i = 0;
  while (bytes < MB * 1e6) {
    const lines = [];
    for (let k = 0; k < 2000; k++) lines.push(row(i++));
    const s = opts.wrap ? opts.wrap(lines, bytes === 0) : `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await new Promise((r) => out.once('drain', r));
  }
  if (opts.footer) out.write(opts.footer);
  await new Promise((r) => out.end(r));
  return p;
}

let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

async function measure(label, path) {
  const size = statSync(path).size;
  peak = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let records = 0;
  let errors = 0;
  for await (const ev of readPath(path)) {
    if (ev.kind === 'records') records += ev.rows.length;
    else if (ev.kind === 'lines') records += ev.lines.length;
    else if (ev.kind === 'error') errors++;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const cu = process.cpuUsage(c0);
  // CPU seconds of this process: a fairer figure than wall time when the machine is shared.
  const cpu = (cu.user + cu.system) / 1e6;
  const mbps = size / 1e6 / s;
  const raw = path.endsWith('.gz') ? ` (${(statSync(path.slice(0, -3)).size / 1e6 / s).toFixed(0)} MB/s uncompressed)` : '';
  console.log(
    `${label.padEnd(16)} ${(size / 1e6).toFixed(0).padStart(5)} MB  ${s.toFixed(2).padStart(6)} s  ${mbps.toFixed(0).padStart(5)} MB/s wall  ${(size / 1e6 / cpu).toFixed(0).padStart(5)} MB/s per CPU-s  ${records} records  ${errors} errors  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB${raw}`,
  );
}

const csv = await generate('dense.csv', 'id,first_name,last_name,email,phone,ssn,card,iban,dob,address,notes,password_hash', csvRow);
const ndjson = await generate('records.ndjson', null, jsonRow);
const log = await generate('app.log', null, logRow);
const jsonArr = await generate('records.json', '[', jsonRow, { wrap: (l, first) => `${first ? '' : ',\n'}${l.join(',\n')}`, footer: ']\n' });
const sql = await generate('dump.sql', 'CREATE TABLE `users` (`id` int, `name` text, `email` text, `ssn` text, `note` text, `avatar` blob);', sqlRow, {
  wrap: (l) => `INSERT INTO \`users\` VALUES ${l.join(',')};\n`,
});
const gz = join(dir, 'dense.csv.gz');
if (!existsSync(gz)) await pipeline(createReadStream(csv), zlib.createGzip({ level: 6 }), createWriteStream(gz));

console.log(`node ${process.version}, single thread, warm page cache, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
if (want('csv')) await measure('csv', csv);
if (want('ndjson')) await measure('ndjson', ndjson);
if (want('text')) await measure('text (log)', log);
if (want('json')) await measure('json array', jsonArr);
if (want('sql')) await measure('sql (mysqldump)', sql);
if (want('gz')) await measure('csv.gz', gz);
clearInterval(timer);
