import { deflateRawSync, gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BYTES_PER_THREAD, groupingThreads, inputWeight, threadsFor } from './pool.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'threads-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.BREACHDESK_SCAN_BYTES_PER_THREAD;
});

describe('detection threads for an input (pool.ts threadsFor)', () => {
  it('runs one thread a BYTES_PER_THREAD of input, at least one, at most the threads asked for', () => {
    expect(threadsFor(2, 0)).toBe(1);
    expect(threadsFor(2, 1 << 20)).toBe(1);
    expect(threadsFor(2, BYTES_PER_THREAD)).toBe(1);
    expect(threadsFor(2, BYTES_PER_THREAD + 1)).toBe(2);
    expect(threadsFor(2, 40e6)).toBe(2);
    expect(threadsFor(8, 3 * BYTES_PER_THREAD - 1)).toBe(3);
    expect(threadsFor(1, 1e9)).toBe(1);
  });

  it('keeps in-thread detection in-thread', () => {
    expect(threadsFor(0, 1e9)).toBe(0);
  });

  it('takes BREACHDESK_SCAN_BYTES_PER_THREAD, ignoring a value that is not a whole number ≥ 1', () => {
    process.env.BREACHDESK_SCAN_BYTES_PER_THREAD = '1';
    expect(threadsFor(2, 10)).toBe(2);
    process.env.BREACHDESK_SCAN_BYTES_PER_THREAD = '1000';
    expect(threadsFor(4, 2500)).toBe(3);
    for (const bad of ['0', '-5', '1.5', 'many', '']) {
      process.env.BREACHDESK_SCAN_BYTES_PER_THREAD = bad;
      expect(threadsFor(2, 1 << 20)).toBe(1);
    }
  });
});

describe('input weight (pool.ts inputWeight)', () => {
  it('counts zip and gzip files (by their signature, whatever the name) at four times their size', () => {
    const zip = join(dir, 'leak.csv');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), deflateRawSync('a,b\n1,2\n')]));
    const gz = join(dir, 'leak.log');
    writeFileSync(gz, gzipSync('hello\n'));
    expect(inputWeight(zip, 1000)).toBe(4000);
    expect(inputWeight(gz, 1000)).toBe(4000);
  });

  it('counts a plain file, an empty one or a path that is not a file at its size', () => {
    const csv = join(dir, 'leak.zip');
    writeFileSync(csv, 'id,email\n1,a@example.com\n');
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    expect(inputWeight(csv, 1000)).toBe(1000);
    expect(inputWeight(empty, 0)).toBe(0);
    expect(inputWeight(join(dir, 'missing'), 1000)).toBe(1000);
    expect(inputWeight(dir, 1000)).toBe(1000);
  });
});

describe('grouping threads for a people index (pool.ts groupingThreads)', () => {
  it('groups the index of a 40 MB customer export (2.3 M values) in the reading thread, a larger one on the detection threads count', () => {
    // 2,279,179 values: 40 MB of bench/scan/gen-shapes.mjs customers-us; two threads cost more CPU than they save.
    expect(groupingThreads(2_279_179, 2)).toBe(0);
    expect(groupingThreads(3_999_999, 2)).toBe(0);
    expect(groupingThreads(4_675_194, 2)).toBe(2);
    expect(groupingThreads(50e6, 4)).toBe(4);
    expect(groupingThreads(50e6, 0)).toBe(0);
  });
});
