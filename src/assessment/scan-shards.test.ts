/**
 * Distributed scans (issue 18 §2), in process: a multi-file leak read shard by shard (one per
 * file, each with its own run as on another worker, the logs cut into small parts) and merged
 * gives the single-process evidence scan's report exactly, people linked across shards included.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMultiLeak } from '../../test/generators/multi-leak.js';
import { mergeEvidenceShards, type OpenChunks, scanEvidence, scanEvidenceShard } from './scan-evidence.js';

let dir: string;
let files: string[];
const open: OpenChunks = async (id) => ({ name: basename(id), size: statSync(id).size, chunks: createReadStream(id) });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-shards-'));
  files = writeMultiLeak(dir, { seed: 18, people: 800, logLines: 3000 }).files;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sharded(order: number[], partBytes: number) {
  const key = Buffer.alloc(32, 7);
  const logs: Buffer[][] = files.map(() => []);
  // Shards finish in any order (here: `order`); the merge replays them in the assessment's.
  for (const i of order) await scanEvidenceShard(files[i]!, open, { key, partBytes, onParts: async (parts) => void logs[i]!.push(...parts) });
  async function* all() {
    for (const l of logs) yield* l;
  }
  return { merged: await mergeEvidenceShards(all(), { key, bytesTotal: 0, started: performance.now() }), parts: logs.map((l) => l.length) };
}

describe('a scan in shards', () => {
  it('merges to the single-process report, byte for byte but for timings', async () => {
    const single = await scanEvidence(files, open, {});
    const { merged, parts } = await sharded([3, 1, 0, 2].filter((i) => i < files.length), 16 << 10);
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(parts.some((n) => n > 1)).toBe(true);
    const { performance: _a, ...a } = single.report;
    const { performance: _b, ...b } = merged.report;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(merged.rawSamples).toEqual(single.rawSamples);
    // People link across shards: an e-mail in the auth log is the CRM's customer.
    expect(b.totals.individuals).toBe(800);
  }, 120_000);

  it('with a different key per shard the people no longer link (the key must be shared)', async () => {
    const logs: Buffer[] = [];
    for (const [i, f] of files.entries()) await scanEvidenceShard(f, open, { key: Buffer.alloc(32, i + 1), onParts: async (p) => void logs.push(...p) });
    async function* all() {
      yield* logs;
    }
    const merged = await mergeEvidenceShards(all(), { key: Buffer.alloc(32, 1), bytesTotal: 0, started: performance.now() });
    expect(merged.report.totals.individuals).toBeGreaterThan(800);
  }, 120_000);
});
