import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ColumnClass, RecordFindings } from '../types.js';
import { processBatch } from './batch.js';
import type { DetectionPort } from './detection.port.js';
import { sameClasses } from './same-classes.js';

const table = (): ColumnClass[] => [
  { column: 'email', element: 'email', confidence: 1 },
  { column: 'state', element: null, geo: 'region', confidence: 0.9 },
  { column: 'ref', element: null, residual: 'strong', confidence: 0, invalidShare: 0.25 },
];

describe('sameClasses: one array per distinct column classes', () => {
  it('gives the first array seen back for a copy with the same content', () => {
    const first = table();
    expect(sameClasses(first)).toBe(first);
    expect(sameClasses(structuredClone(first))).toBe(first);
    expect(sameClasses(table())).toBe(first);
  });

  it('keeps apart lists that differ in any field, an absent field from an undefined one, NaN from null', () => {
    const first = table();
    sameClasses(first);
    const other = table();
    other[2].invalidShare = 0.5;
    expect(sameClasses(other)).toBe(other);
    const undef = table();
    undef[0].kind = undefined;
    expect(sameClasses(undef)).toBe(undef);
    const nan = table();
    nan[2].invalidShare = Number.NaN;
    const nul = table();
    (nul[2] as unknown as { invalidShare: null }).invalidShare = null;
    expect(sameClasses(nan)).toBe(nan);
    expect(sameClasses(nul)).toBe(nul);
  });

  it('hands detectRecord one array for every batch of a table, though each batch brings its own clone', () => {
    const seen: ColumnClass[][] = [];
    const port: DetectionPort = {
      classifyColumns: () => [],
      detectRecord: (classes): RecordFindings => {
        seen.push(classes);
        return { elements: [], secrets: [], geo: {} };
      },
      scanText: () => ({ elements: [], secrets: [] }),
      maskValue: (_el, v) => v,
      zipToState: () => null,
    };
    const key = randomBytes(32);
    for (let i = 0; i < 3; i++) processBatch({ kind: 'records', key, classes: structuredClone(table()), rows: [['a@x.io', 'CA', '1']] }, port);
    expect(seen).toHaveLength(3);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
  });
});
