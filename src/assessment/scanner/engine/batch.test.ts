import { readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ElementId, RecordFindings, ValueFinding } from '../types.js';
import { type BatchTask, processBatch, TAG_OF } from './batch.js';
import { namespaceOf } from './batch-digests.js';
import type { DetectionPort } from './detection.port.js';
import { KeyedSip64Batch } from './keyed-siphash.js';
import { PartitionedLog, TempDir } from './spill-log.js';

/** A port whose records are given as a list of (element, value) pairs in the row's cells. */
const fake: DetectionPort = {
  classifyColumns: () => [],
  detectRecord: (_classes, row): RecordFindings => ({
    elements: row.flatMap((cell) => {
      if (!cell) return [];
      const [element, value] = cell.split('=') as [ElementId, string];
      return [{ element, value } as ValueFinding];
    }),
    secrets: [],
    geo: {},
  }),
  scanText: () => ({ elements: [], secrets: [] }),
  maskValue: (_el, v) => `m:${v}`,
  zipToState: () => null,
};

function run(rows: (string | null)[][], key: Buffer) {
  const task: BatchTask = { kind: 'records', key, classes: [], rows, trace: true };
  return processBatch(task, fake);
}

describe('processBatch', () => {
  it('counts elements per record once, sorted combinations and the named flag', () => {
    const r = run(
      [
        ['person_name=Ann', 'us_ssn=123456789', 'email=a@x.io', 'email=b@x.io'],
        ['email=c@x.io'],
        ['person_name=Bob', 'date_of_birth=1970-01-01'],
        [null],
      ],
      randomBytes(32),
    );
    expect(r.records).toBe(4);
    expect(r.withPersonal).toBe(3);
    expect(r.elementRecords).toEqual({ person_name: 2, email: 2, us_ssn: 1, date_of_birth: 1 });
    expect(r.combos).toEqual({ 'email,person_name,us_ssn': 1, 'date_of_birth,person_name': 1 });
    // An SSN implies the US (jurisdiction hint).
    expect(Array.from(r.meta)).toEqual([4, 1, 1, 1, 0, 0, 2, 0, 1]);
    expect([...r.hints].map((i) => r.hintNames[i])).toEqual(['US']);
    expect(r.trace).toEqual(['email,person_name,us_ssn', 'email', 'date_of_birth,person_name', '']);
    expect(r.samples.email).toEqual(['m:a@x.io', 'm:b@x.io', 'm:c@x.io']);
  });

  it('gives values their exact keyed digests, sending a repeated non-identifying value once per key', () => {
    const key = randomBytes(32);
    const ref = new KeyedSip64Batch(key).scalar;
    const digest = (cell: string) => {
      const [element, value] = cell.split('=') as [ElementId, string];
      ref.digest(namespaceOf({ element, value }), value);
      return [ref.hi, ref.lo, TAG_OF.get(element)!];
    };
    const rows = [
      ['person_name=Ann', 'email=a@x.io'],
      ['person_name=Ann', 'email=a@x.io'],
      ['date_of_birth=Ann', 'person_name=Bob'],
    ];
    const r = run(rows, key);
    // The second Ann is cached and not sent again; the repeated e-mail (a strong identifier,
    // which links person-records) is.
    const expected = ['person_name=Ann', 'email=a@x.io', 'email=a@x.io', 'date_of_birth=Ann', 'person_name=Bob'].flatMap(digest);
    expect(Array.from(r.values)).toEqual(expected);
    expect(Array.from(r.meta)).toEqual([2, 0, 1, 1, 0, 1, 2, 0, 1]);
    // Same value under two elements: different digests (namespaces).
    expect(r.values[0] === r.values[9] && r.values[1] === r.values[10]).toBe(false);
    // A later batch under the same key does not resend Ann or Bob; under a new key it does.
    const again = run([['person_name=Bob', 'person_name=Cy', 'email=a@x.io']], key);
    expect(Array.from(again.values)).toEqual(['person_name=Cy', 'email=a@x.io'].flatMap(digest));
    expect(Array.from(again.meta)).toEqual([2, 0, 1]);
    const other = run([['person_name=Bob']], randomBytes(32));
    expect(other.values.length).toBe(3);
    expect(Array.from(other.meta)).toEqual([1, 0, 1]);
  });

  it('sends again a value first seen in a batch that failed (its result never reached the caller)', () => {
    const key = randomBytes(32);
    const throwing: DetectionPort = {
      ...fake,
      detectRecord: (classes, row) => {
        if (row[0] === 'boom') throw new Error('detector bug');
        return fake.detectRecord(classes, row);
      },
    };
    const task = (rows: string[][]): BatchTask => ({ kind: 'records', key, run: 'r1', classes: [], rows });
    processBatch(task([['person_name=Old']]), throwing);
    expect(() => processBatch(task([['person_name=Zed'], ['boom']]), throwing)).toThrow('detector bug');
    const r = processBatch(task([['person_name=Zed'], ['person_name=Old']]), throwing);
    expect(r.values.length).toBe(6);
    expect(Array.from(r.meta)).toEqual([1, 0, 1, 1, 0, 1]);
  });

  it('stops sampling at five distinct masks per element', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`person_name=P${i % 7}`]);
    const r = run(rows, randomBytes(32));
    expect(r.samples.person_name).toEqual(['m:P0', 'm:P1', 'm:P2', 'm:P3', 'm:P4']);
  });
});

describe('PartitionedLog', () => {
  it('keeps each partition intact when many flushes of many partitions share one spill file', () => {
    const temp = new TempDir();
    // 3 words a record, 8 partitions, a budget of a few records each: hundreds of extents.
    const log = new PartitionedLog(3, 8, 8 * 3 * 4 * 5, temp);
    const expected: number[][] = Array.from({ length: 8 }, () => []);
    try {
      let x = 7;
      for (let i = 0; i < 5000; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        const p = (x >>> 13) & 7;
        // Half through append3, half through reserve + buffer: the two write the same records.
        if (i % 2) log.append3(p, i, x, p);
        else {
          const at = log.reserve(p);
          const buf = log.buffer(p);
          buf[at] = i;
          buf[at + 1] = x;
          buf[at + 2] = p;
        }
        expected[p].push(i, x, p);
      }
      expect(log.spilledBytes).toBeGreaterThan(5000 * 12 * 0.8);
      for (let p = 0; p < 8; p++) {
        expect(Array.from(log.load(p))).toEqual(expected[p]);
        const chunks = [...log.chunks(p, 36)];
        // Spilled chunks respect the chunk size; the last one may be the in-memory tail.
        expect(chunks.slice(0, -1).every((c) => c.length > 0 && c.length % 3 === 0 && c.length <= 9)).toBe(true);
        expect(chunks.flatMap((c) => Array.from(c))).toEqual(expected[p]);
      }
      // Spilled data lives in one file, whatever the partition count.
      expect(readdirSync(temp.path)).toHaveLength(1);
    } finally {
      log.close();
      temp.remove();
    }
  });

  it('returns spilled and in-memory records of a partition in write order', () => {
    const temp = new TempDir();
    const log = new PartitionedLog(2, 2, 64, temp);
    try {
      for (let i = 0; i < 1000; i++) {
        const p = i & 1;
        const at = log.reserve(p);
        const buf = log.buffer(p);
        buf[at] = i;
        buf[at + 1] = i * 3;
      }
      expect(log.spilledBytes).toBeGreaterThan(0);
      const odd = log.load(1);
      expect(odd.length).toBe(1000);
      for (let k = 0; k < 500; k++) {
        expect(odd[k * 2]).toBe(k * 2 + 1);
        expect(odd[k * 2 + 1]).toBe((k * 2 + 1) * 3);
      }
      const chunks = [...log.chunks(0, 40)];
      expect(chunks.every((c) => c.length % 2 === 0)).toBe(true);
      expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(1000);
    } finally {
      log.close();
      temp.remove();
    }
  });
});
