import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDenseCsv } from '../../../../test/generators/dense-csv.js';
import { makeZip } from '../readers/testing.js';
import { INFLATE_CHUNK } from '../readers/zip-entry.js';
import { scan } from './scan.js';

/**
 * A leak that arrives zipped gives the report of the same file unzipped: the member is inflated
 * by the reader in 256 KiB chunks (readers/zip-entry.ts), over many chunks here.
 */
describe('scan: a deflated zip member', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-scanzip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const csv = join(dir, 'leak.csv');
  writeDenseCsv(csv, 20_000);
  const zip = join(dir, 'leak.zip');
  writeFileSync(zip, makeZip([{ name: 'leak.csv', data: readFileSync(csv), deflate: true }]));

  it('gives the same report as the unzipped file', async () => {
    expect(statSync(csv).size).toBeGreaterThan(4 * INFLATE_CHUNK);
    const key = randomBytes(32);
    const records = new Map<string, string[]>();
    const run = async (path: string) => {
      const trace: string[] = [];
      records.set(path, trace);
      // Same size for both, so the throughput-independent parts compare.
      const r = await scan({ paths: [path], key, tmpDir: dir, sizeOf: () => 1, onRecord: (_p, i, els) => trace.push(`${i}:${els.join(',')}`) });
      const { performance: _, ...report } = r.report;
      return JSON.parse(JSON.stringify(report).replaceAll(`${zip}!/leak.csv`, csv));
    };
    const fromZip = await run(zip);
    const fromCsv = await run(csv);
    // The zip itself is listed too (no records of its own); the rest is the same, record by record.
    expect(fromZip.files[0]).toMatchObject({ format: 'zip', records: 0, errors: [] });
    fromZip.files.shift();
    expect(fromZip).toEqual(fromCsv);
    expect(records.get(zip)).toEqual(records.get(csv));
    expect(fromCsv.totals.records).toBe(20_000);
    expect(fromCsv.elements.payment_card?.records).toBe(20_000);
  });
});
