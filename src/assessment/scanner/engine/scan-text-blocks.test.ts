import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPath } from '../readers/index.js';
import type { ReaderEvent, ReadOptions } from '../types.js';
import { scan } from './scan.js';

/**
 * A log's lines reach detection either split by the reader (`lines`) or as undecoded blocks split
 * where detection runs (`text-block`, issue 21): same report, record by record. In-thread; the
 * worker threads run the same processBatch.
 */
describe('scan: text blocks split where detection runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-textblocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Short lines, so one block holds more than BATCH_LINES (8192) of them and is scanned as
  // several batches; PEM keys every few thousand lines, some across a batch boundary; CRLF lines,
  // blank lines, and a last line without a newline.
  const lines: string[] = [];
  const body = randomBytes(600).toString('base64').match(/.{1,64}/g) ?? [];
  for (let i = 0; lines.length < 12_000; i++) {
    if (i % 1_931 === 7) lines.push('-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----');
    else if (i % 5 === 0) lines.push(`u${i} mail anna.${i}@example.org ok\r`);
    else if (i % 7 === 0) lines.push(`from 91.${i % 200}.3.${i % 250} call (212) 555-${String(1000 + (i % 9000)).slice(0, 4)}`);
    else if (i % 11 === 0) lines.push('');
    else lines.push(`GET /x/${i} 200 Ünïcode`);
  }
  const file = join(dir, 'app.log');
  writeFileSync(file, `${lines.join('\n')}\nlast line zoe@example.net`);

  it('gives the same report and the same per-record elements with and without text blocks', async () => {
    const key = randomBytes(32);
    const run = async (blocks: boolean) => {
      const trace: string[] = [];
      let textBlocks = 0;
      async function* read(path: string, o?: ReadOptions): AsyncGenerator<ReaderEvent> {
        for await (const e of readPath(path, o)) {
          if (e.kind === 'text-block') textBlocks++;
          yield e;
        }
      }
      const r = await scan({ paths: [file], key, csvBlocks: blocks, read, tmpDir: dir, onRecord: (_p, i, els) => trace.push(`${i}:${els.join(',')}`) });
      const { performance: _, ...report } = r.report;
      return { report, trace, textBlocks };
    };
    const plain = await run(false);
    const blocks = await run(true);
    expect(plain.textBlocks).toBe(0);
    expect(blocks.textBlocks).toBeGreaterThanOrEqual(1);
    expect(blocks.report).toEqual(plain.report);
    expect(blocks.trace).toEqual(plain.trace);
    expect(plain.report.totals.records).toBe(lines.length + 1);
    expect(plain.report.elements.email?.records).toBeGreaterThan(500);
    expect(plain.report.elements.ip_address?.records).toBeGreaterThan(500);
  });
});
