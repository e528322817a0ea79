import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDenseCsv } from '../../../../test/generators/dense-csv.js';
import { writeQuotedCsv } from '../../../../test/generators/quoted-csv.js';
import { readPath } from '../readers/index.js';
import type { ReaderEvent, ReadOptions } from '../types.js';
import { scanBothWays } from './blocks-testing.js';
import { scan } from './scan.js';

/**
 * The scan's two ways through a CSV — rows split by the reader, or quote-free blocks split where
 * detection runs (readers/csv-block.ts) — must give the same report, record by record. Run
 * in-thread with the real readers and detectors; worker threads run the same processBatch.
 */
describe('scan: CSV blocks split where detection runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-csvblocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const N = 30_000;
  const file = join(dir, 'leak.csv');
  writeDenseCsv(file, N);


  it('gives the same report and the same per-record elements with and without csv blocks', async () => {
    // The file is read in 1 MiB chunks: ≈ 3 blocks, the first (header, the quoted row) on the
    // ordinary path, the others raw.
    {
      const key = randomBytes(32);
      const run = async (csvBlocks: boolean) => {
        const trace: string[] = [];
        let blocks = 0;
        async function* read(path: string, o?: ReadOptions): AsyncGenerator<ReaderEvent> {
          for await (const e of readPath(path, o)) {
            if (e.kind === 'csv-block') blocks++;
            yield e;
          }
        }
        const r = await scan({ paths: [file], key, csvBlocks, read, tmpDir: dir, onRecord: (_p, i, els) => trace.push(`${i}:${els.join(',')}`) });
        const { performance: _, ...report } = r.report;
        return { report, trace, blocks };
      };
      const plain = await run(false);
      const blocks = await run(true);
      expect(plain.blocks).toBe(0);
      expect(blocks.blocks).toBeGreaterThanOrEqual(1);
      expect(blocks.report).toEqual(plain.report);
      expect(blocks.trace).toEqual(plain.trace);
      // The fixture really is personal data, linked across rows.
      expect(plain.report.totals.records).toBe(N);
      expect(plain.report.elements.us_ssn?.records).toBeGreaterThan(N * 0.95);
      expect(plain.report.elements.payment_card?.records).toBe(N);
      expect(plain.report.totals.individuals).toBeLessThan(N);
    }
  });

  it('gives the same report with notes whose quoted cells hold line breaks, also around an unbalanced quote', async () => {
    // ≈ 2.8 MB, a third of the rows with a three-line note: 512 KiB blocks end inside one most of
    // the time, and their complete rows still go over as blocks.
    for (const brokenAt of [0, 0.5]) {
      const file = writeQuotedCsv(join(dir, `notes-${brokenAt}.csv`), 36_000, brokenAt);
      const { plain, blocks } = await scanBothWays(file, 'csv-block', dir);
      expect(blocks.blocks).toBeGreaterThanOrEqual(brokenAt ? 1 : 2);
      expect(blocks.report).toEqual(plain.report);
      expect(blocks.trace).toEqual(plain.trace);
      expect(plain.report.totals.records).toBe(brokenAt ? 36_001 : 36_000);
      expect(plain.report.elements.email?.records).toBeGreaterThan(30_000);
    }
  });
});
