/**
 * Test helper: one file scanned in-thread with and without the reader's blocks (csv-, sql-, text-
 * and xlsx-block events, all behind ScanOptions.csvBlocks), with each record's elements traced, so
 * a test can require the same report and the same per-record elements both ways.
 */
import { randomBytes } from 'node:crypto';
import { readPath } from '../readers/index.js';
import type { ReaderEvent, ReadOptions } from '../types.js';
import { scan } from './scan.js';

export interface BlocksRun {
  report: Omit<Awaited<ReturnType<typeof scan>>['report'], 'performance'>;
  trace: string[];
  /** How many events of the kind counted the reader yielded. */
  blocks: number;
}

export async function scanBothWays(file: string, kind: ReaderEvent['kind'], tmpDir: string): Promise<{ plain: BlocksRun; blocks: BlocksRun }> {
  const key = randomBytes(32);
  const run = async (blocks: boolean): Promise<BlocksRun> => {
    const trace: string[] = [];
    let n = 0;
    async function* read(path: string, o?: ReadOptions): AsyncGenerator<ReaderEvent> {
      for await (const e of readPath(path, o)) {
        if (e.kind === kind) n++;
        yield e;
      }
    }
    const r = await scan({ paths: [file], key, csvBlocks: blocks, read, tmpDir, onRecord: (_p, i, els) => trace.push(`${i}:${els.join(',')}`) });
    const { performance: _, ...report } = r.report;
    return { report, trace, blocks: n };
  };
  return { plain: await run(false), blocks: await run(true) };
}
