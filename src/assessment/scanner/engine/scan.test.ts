import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExposureReportSchema } from '../../scan.schema.js';
import type { ColumnClass, ElementId, ReaderEvent, RecordFindings, ValueFinding } from '../types.js';
import type { DetectionPort } from './detection.port.js';
import { scan } from './scan.js';

/** A tiny stand-in for the real detectors: meaning comes from the header name only. */
const HEADER: Record<string, Partial<ColumnClass>> = {
  name: { element: 'person_name' },
  email: { element: 'email' },
  ssn: { element: 'us_ssn' },
  phone: { element: 'phone' },
  zip: { geo: 'postal_code' },
  country: { geo: 'country' },
};
const fake: DetectionPort = {
  classifyColumns: (_t, columns) =>
    columns.map((c) => ({ column: c, element: null, confidence: 0.9, ...HEADER[c] })),
  detectRecord(classes, row): RecordFindings {
    const f: RecordFindings = { elements: [], secrets: [], geo: {} };
    classes.forEach((c, i) => {
      const v = row[i];
      if (!v) return;
      if (c.element) {
        const e: ValueFinding = { element: c.element, value: v.toLowerCase() };
        if (c.element === 'phone' && v.startsWith('+49')) e.country = 'DE';
        f.elements.push(e);
      }
      if (c.geo === 'postal_code') f.geo.postalCode = v;
      if (c.geo === 'country') f.geo.country = v;
    });
    return f;
  },
  scanText(text) {
    const elements = [...text.matchAll(/[\w.]+@[\w.]+\.\w+/g)].map((m) => ({ element: 'email' as ElementId, value: m[0] }));
    const secrets = [...text.matchAll(/ghp_\w{36}/g)].map((m) => ({ type: 'github_token' as const, value: m[0] }));
    return { elements, secrets };
  },
  maskValue: (_el, v) => `${v[0]}***`,
  zipToState: (z) => (z.startsWith('94') ? 'CA' : null),
};

const FILES: Record<string, ReaderEvent[]> = {
  'a.csv': [
    { kind: 'file-start', path: 'a.csv', format: 'csv', bytes: 100 },
    {
      kind: 'records', path: 'a.csv', table: 'a', columns: ['id', 'name', 'email', 'ssn', 'zip'],
      firstLocation: { unit: 'line', n: 2 },
      rows: [
        ['1', 'Ann', 'ann@x.org', '123456780', '94105'],
        ['2', 'Bob', 'bob@x.org', null, '10001'],
        ['3', 'Cy', null, null, null],
        ['4', null, null, null, null],
      ],
    },
    { kind: 'error', path: 'a.csv', message: 'unbalanced quote', location: 'line 7' },
    { kind: 'file-end', path: 'a.csv', records: 4 },
  ],
  'b.log': [
    { kind: 'file-start', path: 'b.log', format: 'text', bytes: 50 },
    {
      kind: 'lines', path: 'b.log', firstLine: 1,
      lines: ['login ann@x.org ok', 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'nothing'],
    },
    { kind: 'file-end', path: 'b.log', records: 3 },
  ],
  'customers.csv': [
    {
      kind: 'records', path: 'customers.csv', table: 'customers', columns: ['email', 'phone'],
      firstLocation: { unit: 'line', n: 2 },
      rows: [['ANN@x.org', null], ['zed@x.org', '+4930111']],
    },
  ],
};

async function* fakeRead(path: string): AsyncIterable<ReaderEvent> {
  const events = FILES[path];
  if (!events) throw new Error(`no such file ${path}`);
  yield* events;
}

describe('scan engine (fake readers and detectors)', () => {
  it('aggregates elements, combinations, people, jurisdictions, secrets and matching', async () => {
    const { report, matchedCustomers, rawSamples } = await scan({
      paths: ['a.csv', 'b.log', 'missing.bin'],
      read: fakeRead,
      detection: async () => fake,
      customers: 'customers.csv',
      rawSamples: true,
    });
    expect(rawSamples?.email).toEqual(['ann@x.org', 'bob@x.org']);
    expect(ExposureReportSchema.parse(report)).toBeTruthy();
    expect(report.totals.records).toBe(7);
    expect(report.totals.recordsWithPersonalData).toBe(4);
    expect(report.elements.email).toEqual({ records: 3, distinctValues: 2, samples: ['a***', 'b***'] });
    expect(report.elements.us_ssn.records).toBe(1);
    expect(report.combinations).toEqual([{ elements: ['email', 'person_name', 'us_ssn'], records: 1 }]);
    // Ann (csv + log, one person), Bob, Cy (named, no identifier)
    expect(report.totals.individuals).toBe(3);
    expect(report.jurisdictions).toEqual({ 'US-CA': 1, unknown: 2 });
    expect(report.secrets.github_token.count).toBe(1);
    expect(report.secrets.github_token.samples[0]).not.toContain('abcdefghijkl');
    expect(report.columns.map((c) => c.column)).toEqual(['name', 'email', 'ssn']);
    const a = report.files.find((f) => f.path === 'a.csv')!;
    expect(a).toMatchObject({ format: 'csv', bytes: 100, records: 4, errors: [{ message: 'unbalanced quote', location: 'line 7' }] });
    expect(report.files.find((f) => f.path === 'missing.bin')!.errors[0].message).toContain('read failed');
    expect(report.matching).toEqual({ customers: 2, matched: 1, unmatched: 2 });
    expect(matchedCustomers.map((m) => m.location)).toEqual(['line 2']);
    expect(report.performance.peakRssBytes).toBeGreaterThan(0);
  });

  it('gives the same counts when distinct sets and people spill to SQLite', async () => {
    const opts = { paths: ['a.csv', 'b.log'], read: fakeRead, detection: async () => fake };
    const mem = await scan(opts);
    const disk = await scan({ ...opts, valueMemoryBytes: 1, unionFindMemoryCap: 0 });
    expect(disk.report.elements).toEqual(mem.report.elements);
    expect(disk.report.totals).toEqual(mem.report.totals);
    expect(disk.report.jurisdictions).toEqual(mem.report.jurisdictions);
  });

  it('stops on abort and leaves no temporary files behind', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'breachdesk-abort-test-'));
    const abort = new AbortController();
    async function* endless(path: string): AsyncIterable<ReaderEvent> {
      for (let i = 0; ; i++) {
        yield { kind: 'lines', path, firstLine: i * 2 + 1, lines: [`mail u${i}@x.org`, `mail v${i}@x.org`] };
        if (i === 50) abort.abort();
      }
    }
    try {
      await expect(
        scan({ paths: ['endless.log'], read: endless, detection: async () => fake, signal: abort.signal, tmpDir: tmp, valueMemoryBytes: 1 }),
      ).rejects.toThrow(/abort/i);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
