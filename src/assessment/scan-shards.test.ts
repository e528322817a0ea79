/**
 * Distributed scans (issue 18 §2), in process: a multi-file leak read shard by shard (one per
 * file, each with its own run as on another worker, the logs cut into small parts) and merged
 * gives the single-process evidence scan's report exactly, people linked across shards included.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMultiLeak } from '../../test/generators/multi-leak.js';
import { writeQuotedCsv } from '../../test/generators/quoted-csv.js';
import { zipBuffer } from '../../test/generators/writers.js';
import { deserialize, serialize } from 'node:v8';
import { groupEvidencePeople, mergeEvidenceShards, type OpenChunks, scanEvidence, scanEvidenceShard } from './scan-evidence.js';
import type { CanaryRecord } from './scanner/engine/canaries.js';
import { type PartitionGroup, PEOPLE_PARTITIONS } from './scanner/engine/people.js';
import { planUnits, type ShardUnit } from './scan-plan.js';
import { defaultDetectionPort } from './scanner/engine/scan.js';
import { makeTar } from './scanner/readers/testing.js';
import { ShardFallback } from './scanner/types.js';

let dir: string;
let files: string[];
let leak: ReturnType<typeof writeMultiLeak>;
const open: OpenChunks = async (id, range) => ({
  name: basename(id),
  size: statSync(id).size,
  chunks: createReadStream(id, { highWaterMark: 1 << 20, ...(range ? { start: range.start, end: Math.max(range.start, Math.min(range.end, statSync(id).size)) - 1 } : {}) }),
});

/** Every shard of the planned units read (in reverse, as on several workers), then merged. */
async function planned(paths: string[], shardBytes: number) {
  const key = Buffer.alloc(32, 9);
  const items: { members: boolean; logs: AsyncIterable<Buffer>[] }[] = [];
  const kept: { members: boolean; logs: Buffer[][] }[] = [];
  const units: (ShardUnit | null)[][] = [];
  for (const path of paths) {
    const u = await planUnits((range) => open(path, range), shardBytes, defaultDetectionPort);
    units.push(u);
    const logs: Buffer[][] = u.map(() => []);
    for (let k = u.length - 1; k >= 0; k--) await scanEvidenceShard(path, open, { key, unit: u[k], partBytes: 32 << 10, onParts: async (p) => void logs[k]!.push(...p) });
    items.push({ members: u[0]?.kind === 'members', logs: logs.map(from) });
    kept.push({ members: u[0]?.kind === 'members', logs });
  }
  return { units, kept, key, merged: await mergeEvidenceShards(items, { key, bytesTotal: 0, started: performance.now() }) };
}

/** Fresh iterables over kept shard logs (each job replays them anew). */
const again = (kept: { members: boolean; logs: Buffer[][] }[]) => kept.map((k) => ({ members: k.members, logs: k.logs.map(from) }));

/**
 * The merge split as on a fleet (scan-shards.ts): `jobs` people jobs, each grouping its range of
 * the people index's partitions from its own replay, their groups crossing a process boundary
 * (v8 serialization, as stored), then the report job.
 */
async function inPeopleJobs(kept: { members: boolean; logs: Buffer[][] }[], key: Buffer, jobs: number, canaries?: CanaryRecord[]) {
  const groups: PartitionGroup[] = [];
  for (let k = 0; k < jobs; k++) {
    const range = [Math.floor((k * PEOPLE_PARTITIONS) / jobs), Math.floor(((k + 1) * PEOPLE_PARTITIONS) / jobs)] as const;
    for (const g of await groupEvidencePeople(again(kept), { key, partitions: range, canaries })) groups.push(deserialize(serialize(g)) as PartitionGroup);
  }
  return mergeEvidenceShards(again(kept), { key, bytesTotal: 0, started: performance.now(), canaries, groups });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-shards-'));
  leak = writeMultiLeak(dir, { seed: 18, people: 800, logLines: 3000 });
  files = leak.files;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* from(parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

async function sharded(order: number[], partBytes: number) {
  const key = Buffer.alloc(32, 7);
  const logs: Buffer[][] = files.map(() => []);
  // Shards finish in any order (here: `order`); the merge replays them in the assessment's.
  for (const i of order) await scanEvidenceShard(files[i]!, open, { key, partBytes, onParts: async (parts) => void logs[i]!.push(...parts) });
  return { merged: await mergeEvidenceShards(logs.map((l) => ({ members: false, logs: [from(l)] })), { key, bytesTotal: 0, started: performance.now() }), parts: logs.map((l) => l.length) };
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

  it('byte ranges of a quoted CSV and of a log, groups of zip and tar members: the single-process report', async () => {
    const csv = writeQuotedCsv(join(dir, 'crm-notes.csv'), 6000);
    const entries = files.map((f) => ({ name: `dump/${basename(f)}`, data: readFileSync(f) }));
    const zip = join(dir, 'leak.zip');
    writeFileSync(zip, zipBuffer(entries));
    const tar = join(dir, 'leak.tar');
    writeFileSync(tar, await makeTar([...entries, { name: 'dump/notes.csv', data: readFileSync(csv).subarray(0, 200_000) }]));
    const log = files.find((f) => f.endsWith('.log'))!;
    const paths = [csv, zip, log, tar];
    const single = await scanEvidence(paths, open, {});
    const { units, merged, kept, key } = await planned(paths, 64 << 10);
    const ranges = units[0]!.filter((u) => u?.kind === 'range');
    expect(ranges.length).toBeGreaterThanOrEqual(3);
    // The cuts fall inside quoted notes now and then; every range starts at a row all the same.
    expect(units[1]!.map((u) => u?.kind)).toEqual(units[1]!.map(() => 'members'));
    expect(units[1]!.length).toBeGreaterThanOrEqual(2);
    expect(units[2]!.length).toBeGreaterThanOrEqual(2);
    expect(units[3]!.length).toBeGreaterThanOrEqual(2);
    const { performance: _a, ...a } = single.report;
    const { performance: _b, ...b } = merged.report;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(merged.rawSamples).toEqual(single.rawSamples);
    // The people grouping in 1, 3 and 7 people jobs (uneven ranges): the same report again.
    for (const jobs of [1, 3, 7]) {
      const { performance: _c, ...c } = (await inPeopleJobs(kept, key, jobs)).report;
      expect(JSON.stringify(c)).toBe(JSON.stringify(a));
    }
  }, 180_000);

  it('people jobs with canaries: the report of the merge grouping alone, canaries found included', async () => {
    // Canaries: two people of the leak (by e-mail, by phone) and one not in it.
    const canaries: CanaryRecord[] = [
      { id: 'c1', dataset: 'crm', email: leak.people[3]!.email },
      { id: 'c2', dataset: 'billing', phone: leak.people[10]!.phone },
      { id: 'c3', dataset: 'hr', email: 'nobody-here@canary.example' },
    ];
    const single = await scanEvidence(files, open, { canaries });
    const { kept, key } = await planned(files, 1 << 20);
    const alone = await mergeEvidenceShards(again(kept), { key, bytesTotal: 0, started: performance.now(), canaries });
    const { performance: _a, ...a } = single.report;
    const { performance: _b, ...b } = alone.report;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(b.canaries?.found).toBeGreaterThanOrEqual(1);
    for (const jobs of [2, 5]) {
      const { performance: _c, ...c } = (await inPeopleJobs(kept, key, jobs, canaries)).report;
      expect(JSON.stringify(c)).toBe(JSON.stringify(a));
    }
    // A group missing (a job never ran) is refused, not reported as no people.
    await expect(mergeEvidenceShards(again(kept), { key, bytesTotal: 0, started: performance.now(), groups: [] })).rejects.toThrow(/0 of 256/);
  }, 180_000);

  it('a range that cannot be read apart (an unbalanced quote) falls back instead of guessing', async () => {
    const csv = writeQuotedCsv(join(dir, 'broken.csv'), 18_000, 0.9);
    const u = await planUnits((range) => open(csv, range), 256 << 10, defaultDetectionPort);
    expect(u.length).toBeGreaterThanOrEqual(3);
    // The range holding the stray quote (the others read as usual).
    const at = readFileSync(csv).indexOf('"Unclosed');
    const unit = u.find((x) => x?.kind === 'range' && x.start <= at && at < x.end)!;
    const outcome = await scanEvidenceShard(csv, open, { key: Buffer.alloc(32, 1), unit, onParts: async () => {} }).then(() => 'ok', (e: unknown) => e);
    expect(outcome).toBeInstanceOf(ShardFallback);
  }, 120_000);

  it('with a different key per shard the people no longer link (the key must be shared)', async () => {
    const logs: Buffer[] = [];
    for (const [i, f] of files.entries()) await scanEvidenceShard(f, open, { key: Buffer.alloc(32, i + 1), onParts: async (p) => void logs.push(...p) });
    const merged = await mergeEvidenceShards([{ members: false, logs: [from(logs)] }], { key: Buffer.alloc(32, 1), bytesTotal: 0, started: performance.now() });
    expect(merged.report.totals.individuals).toBeGreaterThan(800);
  }, 120_000);
});
