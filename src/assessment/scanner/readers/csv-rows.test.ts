import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../../test/generators/prng.js';
import { countBlockRows, countBlockRowsJs } from './csv-block.js';
import { WASM_ROWS_MAX_BYTES, wasmCountRows, wasmRowsActive } from './csv-rows.js';

const DELIMS = [',', ';', '\t', '|'].map((d) => d.charCodeAt(0));
const b = (s: string) => Buffer.from(s, 'latin1');

/** The kernel's answer, which must exist (SIMD is there on Node 20) and equal the JavaScript loop's. */
function agree(buf: Uint8Array, delim: number, width: number): number {
  const js = countBlockRowsJs(buf, delim, width);
  const what = `delim ${delim}, width ${width}, ${buf.length} bytes: ${JSON.stringify(Buffer.from(buf.subarray(0, 80)).toString('latin1'))}…`;
  expect(wasmCountRows(buf, delim, width), what).toBe(js);
  expect(countBlockRows(buf, delim, width)).toBe(js);
  return js;
}

/** A field's bytes: letters, bytes ≥ 0x80, stray CRs and the other delimiters — never `delim` or LF. */
function field(rng: Rng, delim: number, max: number): number[] {
  const out: number[] = [];
  for (let len = rng.int(0, max); out.length < len; ) {
    const r = rng.next();
    const c = r < 0.6 ? rng.int(0x61, 0x7a) : r < 0.8 ? rng.int(0x80, 0xff) : r < 0.88 ? 13 : r < 0.95 ? rng.pick(DELIMS) : rng.int(1, 0x7f);
    if (c !== delim && c !== 10) out.push(c);
  }
  return out;
}

/**
 * A block of CSV-like lines: mostly at most `width` fields, now and then a wider one (so both
 * answers come up), with empty lines, lines of only CR, one-byte lines, CRLF endings; cut to a
 * length that is random or next to a multiple of 16, so it often ends inside a line.
 */
function csvBlock(rng: Rng, delim: number, width: number): Uint8Array {
  const target = rng.chance(0.3) ? Math.max(0, 16 * rng.int(0, 20) + rng.int(-1, 1)) : rng.int(0, 5000);
  const pWide = rng.pick([0, 0.001, 0.01, 0.1]);
  const bytes: number[] = [];
  while (bytes.length < target) {
    const r = rng.next();
    if (r < 0.05) {
      // empty line
    } else if (r < 0.1) bytes.push(13);
    else if (r < 0.13) bytes.push(rng.pick([13, 0x41, 0xe9, delim]));
    else {
      const f = rng.chance(pWide) ? width + rng.int(1, 3) : rng.int(1, width);
      const max = Math.max(0, Math.floor(200 / f) - 1);
      for (let i = 0; i < f; i++) {
        if (i > 0) bytes.push(delim);
        bytes.push(...field(rng, delim, max));
      }
    }
    if (rng.chance(0.3)) bytes.push(13);
    bytes.push(10);
  }
  return Uint8Array.from(bytes.slice(0, target));
}

describe('countBlockRows in WebAssembly SIMD (csv-rows.wat)', () => {
  it('runs the SIMD kernel on this runtime', () => {
    expect(wasmRowsActive()).toBe(true);
    expect(wasmCountRows(b('a,b\n'), 44, 2)).toBe(1);
  });

  it('gives the JavaScript result on hand-picked edge cases', () => {
    const cases: [string, number][] = [
      ['', 1],
      ['\n', 1],
      ['\r', 1],
      ['\r\n', 1],
      ['\n\n\r\n\r', 1],
      ['a', 1],
      ['a,b', 1],
      ['a,b', 2],
      [',', 1],
      [',', 2],
      ['a,b\n', 1],
      ['a,b\r\n\r\nc', 2],
      ['\ra', 1],
      ['a\r', 1],
      ['\r\r\n', 1],
      ['x'.repeat(15) + '\n', 1],
      ['x'.repeat(16) + '\n', 1],
      ['x'.repeat(17) + '\n', 1],
      ['x'.repeat(15) + '\r\n\r', 1],
      ['x'.repeat(14) + ',\nx,y', 2],
      [','.repeat(15) + '\n', 16],
      [','.repeat(15) + '\n', 15],
      [','.repeat(16), 16],
      [','.repeat(16), 17],
      [','.repeat(40) + '\n' + ','.repeat(40), 41],
      ['\n'.repeat(16), 1],
      ['a\n'.repeat(8) + 'a', 1],
      ['é,ü\n\xff\xfe,\x80\n', 2],
      ['a,b\nc,d,e\nf', 2],
      ['a,b,c,d\n' + 'a\n'.repeat(100), 3],
      ['a\n'.repeat(100) + 'a,b,c,d', 3],
      ['a\n'.repeat(100) + 'a,b,c\r', 3],
    ];
    for (const [s, width] of cases) for (const d of DELIMS) agree(b(s.replaceAll(',', String.fromCharCode(d))), d, width);
    // A delimiter byte ≥ 0x80 compares as the same byte in the kernel's signed lanes.
    agree(b('a\xa7b\xa7c\nd\n'), 0xa7, 3);
    agree(b('a\xa7b\xa7c\nd\n'), 0xa7, 2);
  });

  it('gives the JavaScript result on seeded random blocks (delimiters , ; tab |, widths 1–20, 0–5000 bytes)', () => {
    const rng = createRng(20261127);
    let refused = 0;
    let rows = 0;
    for (let i = 0; i < 3000; i++) {
      const delim = rng.pick(DELIMS);
      const width = rng.int(1, 20);
      const r = agree(csvBlock(rng, delim, width), delim, width);
      if (r < 0) refused++;
      else rows += r;
    }
    // Both answers come up often, so neither path of the kernel goes untested.
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(2700);
    expect(rows).toBeGreaterThan(10_000);
  });

  it('gives the JavaScript result on random bytes, subarrays, and after a larger block left memory dirty', () => {
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const delim = rng.pick(DELIMS);
      const pLine = rng.pick([0.001, 0.02, 0.2]);
      const bytes = Uint8Array.from({ length: rng.int(0, 3000) }, () => (rng.chance(pLine) ? 10 : rng.chance(0.1) ? delim : rng.int(0, 255)));
      const from = rng.int(0, Math.min(17, bytes.length));
      agree(bytes.subarray(from), delim, rng.int(1, 40));
    }
    // The kernel's memory still holds the bytes above; a short block must not see them.
    agree(new Uint8Array(4096).fill(44), 44, 10_000);
    agree(b('a,b'), 44, 2);
    agree(b('a'), 44, 1);
  });

  it('leaves to the JavaScript loop what the kernel does not take (delimiter 0 or LF or not a byte, width < 1, blocks over the cap)', () => {
    const buf = b('a\0b\nc,d\n\n');
    for (const [delim, width] of [
      [0, 2],
      [10, 2],
      [0x12c, 2],
      [44, 0],
      [44, -1],
      [44, 1.5],
    ]) {
      expect(wasmCountRows(buf, delim, width)).toBeNull();
      expect(countBlockRows(buf, delim, width)).toBe(countBlockRowsJs(buf, delim, width));
    }
    const big = new Uint8Array(WASM_ROWS_MAX_BYTES + 1).fill(0x61);
    big[100] = 10;
    expect(wasmCountRows(big, 44, 1)).toBeNull();
    expect(countBlockRows(big, 44, 1)).toBe(2);
    expect(wasmCountRows(big.subarray(1), 44, 1)).toBe(2);
  });

  it('embeds exactly what scripts/gen-wasm.mjs compiles from the .wat', () => {
    const script = fileURLToPath(new URL('../../../../scripts/gen-wasm.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stdout).toContain('csv-rows.wasm.ts is up to date');
    expect(r.status).toBe(0);
  });
});
