/**
 * Anchors found on a block's bytes (text-anchors.ts) must change nothing scanText reports: on
 * random log-like blocks (names at line start, IPv4/IPv6, e-mails inside URLs, phones, keywords of
 * every kind, non-ASCII letters, CRLF, invalid UTF-8, empty lines), every line's findings with the
 * anchors = its findings without them, and each anchor list = what the string walk stops at.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textBlockLines } from '../readers/text-reader.js';
import type { ValueFinding } from '../types.js';
import { anchorsKernelActive, type TextAnchors, useAnchorsKernel } from './text-anchors.js';
import { keywordFinder } from './text-keywords.js';
import { nameWords } from './text-names.js';
import { PREFILTER_WORDS, scanText, textBlockAnchors } from './text-scan.js';
import { NUMBER_RUN } from './text-numbers.js';

const finder = keywordFinder(PREFILTER_WORDS);
/** text-names.ts CANDIDATE, sticky: does it match at exactly `i`? */
const CANDIDATE_AT = /[A-Z\u00C0-\u00DE\u0100-\u024F](?:[a-z\u00DF-\u024F]|\.? )/y;

/** text-numbers.ts NUMBER_RUN, sticky. */
const NUMBER_AT = new RegExp(NUMBER_RUN.source, 'y');
const inT = (c: string | undefined) => c !== undefined && /[\d\-. ()/]/.test(c);
/**
 * Where the kernel's `numbers` must stop, by its definition: a digit with ≥ 7 characters of
 * [\d\-. ()/] from it, or '+'/'(' before such a digit. Checked here to hold every position where
 * NUMBER_RUN matches sticky, so the definition itself is checked against the RegExp.
 */
function numberStarts(t: string): number[] {
  // run[q]: length of the [\d\-. ()/] run from q.
  const run = new Int32Array(t.length + 2);
  for (let q = t.length - 1; q >= 0; q--) run[q] = inT(t[q]) ? run[q + 1] + 1 : 0;
  const digitStart = (k: number) => k < t.length && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57 && run[k] >= 7;
  const out: number[] = [];
  const missed: number[] = [];
  for (let q = 0; q < t.length; q++) {
    const start = digitStart(q) || ((t[q] === '+' || t[q] === '(') && digitStart(q + 1));
    if (start) out.push(q);
    if (!start && (t.charCodeAt(q) < 58 || t[q] === '+')) {
      NUMBER_AT.lastIndex = q;
      if (NUMBER_AT.test(t)) missed.push(q);
    }
  }
  expect(missed).toEqual([]);
  return out;
}

/** The possible starts the spans of line i give (text-scan.ts numberRunsAmong's test), in order. */
function startsOfSpans(a: TextAnchors, i: number, t: string): number[] {
  const out: number[] = [];
  const digit = (q: number) => t.charCodeAt(q) >= 48 && t.charCodeAt(q) <= 57;
  for (let c = a.numAt![i]; c < a.numAt![i + 1]; c += 2) {
    const [lo, hi] = [a.num![c], a.num![c + 1]];
    expect(lo).toBeLessThanOrEqual(hi);
    if (out.length > 0) expect(lo).toBeGreaterThan(out[out.length - 1]);
    for (let q = lo; q <= hi; q++) if (digit(q) || ((t[q] === '+' || t[q] === '(') && q < hi && digit(q + 1))) out.push(q);
  }
  return out;
}

const pieces = [
  // web-server and auth log parts
  '95.254.116.125', '10.0.0.7', '2001:db8::1', 'fe80::1ff:fe23:4567:890a', '::ffff:192.0.2.128', '[12/Mar/2024:03:24:14 +0000]', 'Mar 28 06:36:43',
  '"GET /static/app.599267.js HTTP/1.1"', '200 44125', '304', '"https://shop.example.com/"', '"Mozilla/5.0 (X11; Linux x86_64) Firefox/101.0"',
  '/account?email=amy.thompson24373%40yahoo.com', 'https://jane.doe@example.com/x', 'mailto:Bob.Smith@mail.example.co.uk', '/lookup?phone=(281)%20726-2590',
  'sshd[49425]:', 'Failed password for invalid user ukasz798 from', 'Accepted publickey for', 'pam_unix(sshd:session): session opened for user kathleen152(uid=35004) by (uid=0)',
  'port 16992 [preauth]', 'ssh2: RSA SHA256:12345678901234567890', 'password=S3cr3t!Pass', 'token: ghp_0123456789abcdefghijABCDEFGHIJ012345', 'postgres://app:pw@db:5432/x',
  // people, places, numbers
  'John Smith', 'Maria Kowalski', 'Dr. Anna Müller', 'Łukasz Nowak', 'Zoë', "O'Brien", 'J. K. Rowling', 'my name is Jane Doe', 'Dear Peter,', 'called Mark Twain',
  '137 Colorado Springs', '2450 Crown St', 'lives at 12 Main Street', 'New York', 'ssn 123-45-6789', 'card 4111 1111 1111 1111', 'phone +44 20 7219 3000',
  'tel (602) 272-9781', '+1 (555) 010-9999 ext. 12', '020 7946 0958 x 44', '(0)30 901820', '4111-1111-1111-1111', '1234567', '12.34.56.78.90', 'DOB 1984-03-05', 'IBAN DE89 3704 0044 0532 0130 00', 'passport X1234567', 'license number D1234-5678',
  // bare glue
  ' ', ' ', ' ', '\t', ', ', '. ', ': ', '-', '"', '(', ')', 'é', '北京', '😀', 'A', 'Ab', 'A.', 'A. ',
];
const keywordPieces = PREFILTER_WORDS.filter((_, i) => i % 3 === 0);
const line = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...pieces) },
      { weight: 2, arbitrary: fc.constantFrom(...keywordPieces) },
      { weight: 1, arbitrary: fc.constantFrom(...keywordPieces).map((w) => w.toUpperCase()) },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    ),
    { maxLength: 14 },
  )
  .map((a) => a.join(''));
/** Lines joined by LF or CRLF; sometimes a stray byte ≥ 128 (invalid UTF-8) or a lone CR inside. */
const block = fc
  .tuple(fc.array(fc.tuple(line, fc.constantFrom('\n', '\n', '\r\n'), fc.constantFrom(null, null, null, 0xff, 0x80, 13)), { maxLength: 12 }), fc.boolean())
  .map(([ls, last]) => {
    const parts: Buffer[] = [];
    for (const [l, eol, stray] of ls) {
      const b = Buffer.from(l, 'utf8');
      parts.push(stray === null ? b : Buffer.concat([b.subarray(0, b.length >> 1), Buffer.from([stray]), b.subarray(b.length >> 1)]), Buffer.from(eol));
    }
    // Without a final line end, sometimes.
    if (!last && parts.length > 0) parts.pop();
    return Buffer.concat(parts);
  });

describe.each([
  ['the WebAssembly kernel', true],
  ['the JavaScript loop', false],
])('anchors found on the bytes of a block of lines, by %s', (_, wasm) => {
  beforeAll(() => useAnchorsKernel(wasm));
  afterAll(() => useAnchorsKernel(true));
  it('scanText reports the same with them as without, line by line', () => {
    fc.assert(
      fc.property(block, (buf) => {
        const lines = textBlockLines(buf);
        const anchors = textBlockAnchors(buf, lines);
        expect(anchors).not.toBeNull();
        for (let i = 0; i < lines.length; i++) expect(scanText(lines[i], undefined, anchors, i)).toEqual(scanText(lines[i]));
      }),
      { numRuns: 3000 },
    );
  });

  it('marks exactly the ASCII lines, with the keyword finder\'s and CANDIDATE\'s stops', () => {
    fc.assert(
      fc.property(block, (buf) => {
        const lines = textBlockLines(buf);
        const a = textBlockAnchors(buf, lines)!;
        let s = 0;
        for (let i = 0; i < lines.length; i++) {
          const t = lines[i];
          let e = buf.indexOf(10, s);
          if (e === -1) e = buf.length;
          const raw = buf.subarray(s, e);
          s = e + 1;
          expect(a.ascii[i]).toBe(raw.every((b) => b < 128) ? 1 : 0);
          if (a.ascii[i] === 0) continue;
          const kw = a.kw.subarray(a.kwAt[i], a.kwAt[i + 1]);
          // From every offset, the candidates give next()'s match.
          for (let from = 0; from <= t.length; from++) {
            const f = finder.next(t, from);
            const g = finder.nextAmong(t, from, a.kw, a.kwAt[i], a.kwAt[i + 1]);
            expect(g ? `${g.index}:${g[0]}` : '-').toBe(f ? `${f.index}:${f[0]}` : '-');
          }
          expect([...kw].every((p, k) => k === 0 || p > kw[k - 1])).toBe(true);
          const want: number[] = [];
          for (let p = 0; p < t.length; p++) {
            CANDIDATE_AT.lastIndex = p;
            if (CANDIDATE_AT.test(t)) want.push(p);
          }
          expect([...a.name.subarray(a.nameAt[i], a.nameAt[i + 1])]).toEqual(want);
          if (wasm) expect(startsOfSpans(a, i, t)).toEqual(numberStarts(t));
          else expect(a.num).toBeNull();
          const withCands: ValueFinding[] = [];
          const without: ValueFinding[] = [];
          nameWords(t, withCands, true, a.name, a.nameAt[i], a.nameAt[i + 1]);
          nameWords(t, without, true);
          expect(withCands).toEqual(without);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('finds number runs at every offset of the kernel\'s 16-byte steps, on a 64 KiB line and on many lines', () => {
    // Runs shifted by 0…16 bytes, in one long line and in short ones.
    const filler = 'Q_'.repeat(32_000);
    const runs = ['+1 (555) 010-9999', '95.254.116.125', '(0)30 901820', '4111 1111 1111 1111', '1234567', '123456', 'ab+1234567'];
    for (const sep of [' ', '\n']) {
      const parts: string[] = [filler];
      for (let k = 0; k < 40; k++) parts.push(sep, '_'.repeat(k % 17), runs[k % runs.length]);
      parts.push(sep, filler, '\n');
      const buf = Buffer.from(parts.join(''));
      const lines = textBlockLines(buf);
      const a = textBlockAnchors(buf, lines)!;
      for (let i = 0; i < lines.length; i++) {
        if (wasm) expect(startsOfSpans(a, i, lines[i])).toEqual(numberStarts(lines[i]));
        expect(scanText(lines[i], undefined, a, i)).toEqual(scanText(lines[i]));
      }
    }
  });

  it('runs the kernel when asked (Node 20 has WebAssembly)', () => {
    expect(anchorsKernelActive()).toBe(wasm);
  });

  it('a typical log line is marked and its findings are unchanged', () => {
    const buf = Buffer.from(
      '95.254.116.125 - - [12/Mar/2024:03:24:14 +0000] "GET /account?email=amy.thompson24373@yahoo.com HTTP/1.1" 200 44125 "https://shop.example.com/" "Mozilla/5.0 (X11; Linux x86_64) Firefox/101.0"\r\n' +
        'John Smith logged in from 2001:db8::7 — Zoë\n' +
        'Mar 28 06:36:43 web-7 sshd[49425]: Failed password for invalid user ronald426 from 102.125.35.103 port 16992 ssh2\n',
    );
    const lines = textBlockLines(buf);
    const a = textBlockAnchors(buf, lines)!;
    expect([...a.ascii]).toEqual([1, 0, 1]);
    const with0 = scanText(lines[0], undefined, a, 0);
    expect(with0.elements.map((e) => e.element).sort()).toEqual(['email', 'ip_address']);
    expect(with0).toEqual(scanText(lines[0]));
    expect(scanText(lines[2], undefined, a, 2)).toEqual(scanText(lines[2]));
    // A block whose lines do not line up with its bytes is not marked.
    expect(textBlockAnchors(buf, lines.slice(1))).toBeNull();
  });
});

describe('the embedded kernel', () => {
  it('is exactly what scripts/gen-wasm.mjs compiles from text-anchors.wat', () => {
    const script = fileURLToPath(new URL('../../../../scripts/gen-wasm.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stdout).toContain('text-anchors.wasm.ts is up to date');
  });
});
