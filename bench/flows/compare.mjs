// Same findings from two builds: node bench/flows/compare.mjs BEFORE_DIR [AFTER_DIR=.] [PER_HOUR…]
// Each DIR holds bin/ and dist/ (e.g. `git archive` of a commit, built, node_modules linked). For every
// generator format at each PER_HOUR (default 10 and 100), gzip'd, with a line and a multi-byte
// character across the 1 MiB read-chunk boundary, and with broken lines (cut, bad time, bad count,
// blank, CRLF, whitespace), runs `breachdesk flows analyse --json` in both and compares stdout,
// stderr (the skipped lines named) and exit code byte for byte. Exits 1 on any difference.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [before, after = '.', ...hours] = process.argv.slice(2);
if (!before) {
  process.stderr.write('usage: node bench/flows/compare.mjs BEFORE_DIR [AFTER_DIR] [PER_HOUR…]\n');
  process.exit(2);
}
const perHour = hours.length ? hours : ['10', '100'];
const dir = '.bench-data/compare';
mkdirSync(dir, { recursive: true });

const run = (build, file) => {
  const r = spawnSync(process.execPath, [`${build}/bin/breachdesk.js`, 'flows', 'analyse', '--json', file], { maxBuffer: 1 << 28 });
  return { out: r.stdout, err: r.stderr, code: r.status };
};

/** The text field each format carries that no reader reads (uid, interface-id, flags). */
const spare = { 'zeek-tsv': (l, s) => l.replace(/\tC/, `\t${s}C`), 'zeek-json': (l, s) => l.replace('"uid":"', `"uid":"${s}`), vpc: (l, s) => l.replace(' eni-', ` ${s}eni-`), 'nfdump-csv': (l, s) => l.replace(',.AP', `,${s}.AP`) };

/** A run of `é` (2 bytes each) in the last data line that starts before byte 1 MiB, with the boundary on an é's second byte. */
function acrossChunk(format, lines) {
  const limit = 1 << 20;
  let at = 0;
  let pick = -1;
  let runAt = 0;
  for (let i = 0; i < lines.length && at < limit; i++) {
    const marked = spare[format](lines[i], '\u0000');
    if (marked !== lines[i]) {
      const p = Buffer.byteLength(marked.slice(0, marked.indexOf('\u0000')));
      if (at + p < limit) {
        pick = i;
        runAt = at + p;
      }
    }
    at += Buffer.byteLength(lines[i]) + 1;
  }
  if (pick < 0) throw new Error(`${format}: no line before 1 MiB`);
  const gap = limit - runAt;
  const out = [...lines];
  out[pick] = spare[format](lines[pick], `${gap % 2 ? '' : 'x'}${'é'.repeat(Math.ceil(gap / 2) + 5)}`);
  return out;
}

const broken = {
  'zeek-tsv': ['1773400000.1\tCx\t10.0.0.10', 'not-a-time\tCy\t10.0.0.10\t1\t1.2.3.4\t443\ttcp\t-\t1\t1\t1\tSF\t-\t-\t0\tS\t1\t1\t1\t1\t-', '1773400000.5\tCz\t10.0.0.10\t1\t203.0.113.9\t443\ttcp\t-\t1\t1\t1\tSF\t-\t-\t0\tS\t1\t-4\t1\t1\t-', '', '1773400001.000000\tCw\t10.0.0.10\t1\t203.0.113.9\t443\ttcp\t-\t1\t1\t1\tSF\t-\t-\t0\tS\t1\t900000000\t1\t1\t-\r'],
  'zeek-json': ['{"ts":1773400000,"uid":"Cx","id.orig_h":"10.0.0.10"', '{"ts":"yesterday","id.orig_h":"10.0.0.10","id.resp_h":"203.0.113.9"}', '', '{"ts":1773400001.25,"id.orig_h":"10.0.0.10","id.resp_h":"203.0.113.9","id.resp_p":443,"orig_ip_bytes":900000000}\r', ' {"ts":1773400002, "id.orig_h":"10.0.0.10","id.resp_h":"203.0.113.9","orig_bytes":900000000}'],
  vpc: ['2 123456789010 eni-1 10.0.0.10 203.0.113.9 1 443 6', '2 123456789010 eni-1 10.0.0.10 203.0.113.9 1 443 6 20 -5 1773400000 1773400060 ACCEPT OK', '', '2 123456789010 eni-1 10.0.0.10 203.0.113.9 1 443 6 20 900000000 1773400000 1773400060 ACCEPT OK\r', '  2 123456789010 eni-1 10.0.0.10  203.0.113.9 1 443 6 20 900000000 1773400001 1773400060 ACCEPT OK '],
  'nfdump-csv': ['2026-03-14 02:00:00,x,0,10.0.0.10', 'yesterday,x,0.000,10.0.0.10,203.0.113.9,40000,443,TCP,.AP.SF,0,0,10,900000000,0,0,0,0', '', '2026-03-14 02:00:06.250,2026-03-14 02:00:07,1.000,10.0.0.10,203.0.113.9,40000,443,TCP,.AP.SF,0,0,10,900000000,0,0,0,0\r'],
};

let differences = 0;
const compare = (label, file) => {
  const a = run(before, file);
  const b = run(after, file);
  const same = a.code === b.code && a.out.equals(b.out) && a.err.equals(b.err);
  if (!same) differences++;
  const report = a.out.length ? JSON.parse(a.out) : null;
  console.log(`${same ? 'same' : 'DIFFERENT'}  ${label}  exit ${a.code}/${b.code}  records ${report?.records ?? '-'}  skipped ${report?.skipped ?? '-'}  findings ${report?.findings.length ?? '-'}  ${a.out.length} bytes`);
};

for (const ph of perHour) {
  for (const format of ['zeek-tsv', 'zeek-json', 'vpc', 'nfdump-csv']) {
    const file = `${dir}/flows.${ph}.${format}`;
    spawnSync(process.execPath, ['bench/flows/gen.mjs', format, file, ph], { stdio: 'ignore' });
    compare(`${format} ${ph}/h`, file);
    if (ph !== perHour[0]) {
      rmSync(file);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    writeFileSync(`${file}.gz`, gzipSync(text));
    compare(`${format} ${ph}/h gzip`, `${file}.gz`);
    const lines = text.split('\n');
    writeFileSync(`${file}.chunk`, acrossChunk(format, lines).join('\n'));
    if ((readFileSync(`${file}.chunk`)[1 << 20] & 0xc0) !== 0x80) throw new Error(`${format}: byte 1 MiB is not inside a character`);
    compare(`${format} ${ph}/h é across the 1 MiB chunk boundary`, `${file}.chunk`);
    const withBroken = [...lines.slice(0, 2000), ...broken[format], ...lines.slice(2000)];
    writeFileSync(`${file}.broken`, withBroken.join('\n'));
    compare(`${format} ${ph}/h broken lines`, `${file}.broken`);
    for (const f of [file, `${file}.gz`, `${file}.chunk`, `${file}.broken`]) rmSync(f);
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(differences ? `${differences} difference(s)` : 'all the same');
process.exit(differences ? 1 : 0);
