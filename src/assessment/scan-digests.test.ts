/**
 * The partitioned merge (issue 18 §2, engine/shard-digests.ts), in process: shards that keep their
 * people-index digests per block of partitions, with shard-local record ids, give people jobs the
 * very groups the replay of the whole logs gives (same links between the same global record ids,
 * same matches, same distinct counts), and the report of the single-process scan — over byte
 * ranges of a quoted CSV, groups of zip and tar members, and whole files, canaries included.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMultiLeak } from '../../test/generators/multi-leak.js';
import { writeQuotedCsv } from '../../test/generators/quoted-csv.js';
import { zipBuffer } from '../../test/generators/writers.js';
import { groupEvidenceDigests, groupEvidencePeople, mergeEvidenceShards, type OpenChunks, scanEvidence, scanEvidenceShard } from './scan-evidence.js';
import { planUnits } from './scan-plan.js';
import type { CanaryRecord } from './scanner/engine/canaries.js';
import { type PartitionGroup, PEOPLE_PARTITIONS } from './scanner/engine/people.js';
import { defaultDetectionPort } from './scanner/engine/scan.js';
import { BLOCK_PARTITIONS, DIGEST_BLOCKS, type DigestItems, type DigestSummary } from './scanner/engine/shard-digests.js';
import { makeTar } from './scanner/readers/testing.js';

let dir: string;
let leak: ReturnType<typeof writeMultiLeak>;
const open: OpenChunks = async (id, range) => ({
  name: basename(id),
  size: statSync(id).size,
  chunks: createReadStream(id, { highWaterMark: 1 << 20, ...(range ? { start: range.start, end: Math.max(range.start, Math.min(range.end, statSync(id).size)) - 1 } : {}) }),
});
const key = Buffer.alloc(32, 5);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-digests-'));
  leak = writeMultiLeak(dir, { seed: 18, people: 600, logLines: 2000 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* from(parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

interface Shard {
  full: Buffer[];
  log: Buffer[];
  summary: DigestSummary;
  blocks: Buffer[];
}

/** Every planned shard read twice (in reverse, as on several workers): its whole log, and its log with the digests kept apart. */
async function shards(paths: string[], shardBytes: number) {
  const items: { members: boolean; shards: Shard[] }[] = [];
  for (const path of paths) {
    const units = await planUnits((range) => open(path, range), shardBytes, defaultDetectionPort);
    const out: Shard[] = units.map(() => ({ full: [], log: [], summary: { records: 0, marks: [] }, blocks: [] }));
    for (let k = units.length - 1; k >= 0; k--) {
      const s = out[k]!;
      await scanEvidenceShard(path, open, { key, unit: units[k], partBytes: 32 << 10, onParts: async (p) => void s.full.push(...p) });
      await scanEvidenceShard(path, open, {
        key,
        unit: units[k],
        partBytes: 32 << 10,
        onParts: async (p) => void s.log.push(...p),
        onDigests: async (summary, blocks) => {
          s.summary = summary;
          s.blocks = [...blocks];
        },
      });
    }
    items.push({ members: units[0]?.kind === 'members', shards: out });
  }
  /** Blocks read, per block index (a job must read only its own). */
  const reads = new Set<number>();
  const digests = (): DigestItems =>
    items.map((i) => ({ members: i.members, shards: i.shards.map((s) => ({ summary: s.summary, block: async (b: number) => {
          reads.add(b);
          return s.blocks[b]!;
        } })) }));
  const fullLogs = () => items.map((i) => ({ members: i.members, logs: i.shards.map((s) => from(s.full)) }));
  const logs = () => items.map((i) => ({ members: i.members, logs: i.shards.map((s) => from(s.log)) }));
  return { items, digests, fullLogs, logs, reads };
}

/** People jobs over the digests, their groups crossing a process boundary (v8, as stored). */
async function jobs(digests: () => DigestItems, n: number, canaries?: CanaryRecord[]): Promise<PartitionGroup[]> {
  const groups: PartitionGroup[] = [];
  for (let k = 0; k < n; k++) {
    const range = [Math.floor((k * PEOPLE_PARTITIONS) / n), Math.floor(((k + 1) * PEOPLE_PARTITIONS) / n)] as const;
    for (const g of await groupEvidenceDigests(digests(), { key, partitions: range, canaries })) groups.push(deserialize(serialize(g)) as PartitionGroup);
  }
  return groups;
}

const body = (r: { performance: unknown }) => {
  const { performance: _p, ...rest } = r;
  return JSON.stringify(rest);
};

describe('the partitioned merge', () => {
  it('ranges, zip and tar members, whole files: the replay\'s groups id for id, and the single-process report', async () => {
    const csv = writeQuotedCsv(join(dir, 'crm-notes.csv'), 5000);
    const entries = leak.files.map((f) => ({ name: `dump/${basename(f)}`, data: readFileSync(f) }));
    const zip = join(dir, 'leak.zip');
    writeFileSync(zip, zipBuffer(entries));
    const tar = join(dir, 'leak.tar');
    writeFileSync(tar, await makeTar([...entries, { name: 'dump/notes.csv', data: readFileSync(csv).subarray(0, 150_000) }]));
    const paths = [csv, zip, ...leak.files, tar];
    const s = await shards(paths, 64 << 10);
    expect(s.items.filter((i) => i.members).length).toBe(2);
    expect(s.items[0]!.shards.length).toBeGreaterThanOrEqual(3);
    // Members shards mark their slots; the logs without digests are smaller.
    expect(s.items[1]!.shards.every((x) => x.summary.marks.length > 0)).toBe(true);
    const bytes = (bs: Buffer[]) => bs.reduce((n, b) => n + b.length, 0);
    const all = s.items.flatMap((i) => i.shards);
    expect(bytes(all.flatMap((x) => x.log))).toBeLessThan(bytes(all.flatMap((x) => x.full)) / 2);

    // Every partition's group, from the blocks, equals the one from replaying every whole log.
    const replayed = await groupEvidencePeople(s.fullLogs(), { key, partitions: [0, PEOPLE_PARTITIONS] });
    const assembled = await groupEvidenceDigests(s.digests(), { key, partitions: [0, PEOPLE_PARTITIONS] });
    expect(assembled.length).toBe(PEOPLE_PARTITIONS);
    expect(assembled.reduce((n, g) => n + g.links.length, 0)).toBeGreaterThan(100);
    for (let p = 0; p < PEOPLE_PARTITIONS; p++) expect(assembled[p], `partition ${p}`).toEqual(replayed[p]);

    const single = await scanEvidence(paths, open, {});
    // The merge alone (it groups the blocks itself), then 1, 3 and 7 people jobs.
    const alone = await mergeEvidenceShards(s.logs(), { key, bytesTotal: 0, started: performance.now(), digests: s.digests() });
    expect(body(alone.report)).toBe(body(single.report));
    expect(alone.rawSamples).toEqual(single.rawSamples);
    for (const n of [1, 3, 7]) {
      const merged = await mergeEvidenceShards(s.logs(), { key, bytesTotal: 0, started: performance.now(), groups: await jobs(s.digests, n) });
      expect(body(merged.report), `${n} jobs`).toBe(body(single.report));
    }
  }, 300_000);

  it('a people job reads only the blocks of its partitions; canaries found as in the single-process scan', async () => {
    const canaries: CanaryRecord[] = [
      { id: 'c1', dataset: 'crm', email: leak.people[3]!.email },
      { id: 'c2', dataset: 'billing', phone: leak.people[10]!.phone },
      { id: 'c3', dataset: 'hr', email: 'nobody-here@canary.example' },
    ];
    const s = await shards(leak.files, 1 << 20);
    await groupEvidenceDigests(s.digests(), { key, partitions: [BLOCK_PARTITIONS * 2 + 3, BLOCK_PARTITIONS * 4] });
    expect([...s.reads].sort()).toEqual([2, 3]);
    expect(DIGEST_BLOCKS * BLOCK_PARTITIONS).toBe(PEOPLE_PARTITIONS);
    const single = await scanEvidence(leak.files, open, { canaries });
    expect(single.report.canaries?.found).toBeGreaterThanOrEqual(1);
    // Logs whose digests are kept apart are refused where they would silently count no one.
    await expect(mergeEvidenceShards(s.logs(), { key, bytesTotal: 0, started: performance.now() })).rejects.toThrow(/digests apart/);
    await expect(groupEvidencePeople(s.logs(), { key, partitions: [0, 16] })).rejects.toThrow(/digests apart/);
    for (const n of [1, 4]) {
      const merged = await mergeEvidenceShards(s.logs(), { key, bytesTotal: 0, started: performance.now(), canaries, groups: await jobs(s.digests, n, canaries) });
      expect(body(merged.report)).toBe(body(single.report));
    }
  }, 300_000);
});
