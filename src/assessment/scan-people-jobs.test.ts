/**
 * The people jobs of a distributed scan's merge (scan-shards.ts groupPeople), against a real store
 * and queue: each stores one group per partition of its range, the job that completes the 256
 * queues the merge (once), and a job that cannot read the logs fails the scan on its last attempt
 * instead of leaving it running for ever.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMultiLeak } from '../../test/generators/multi-leak.js';
import { openTestPlatform, type TestPlatform } from '../../test/support/platform.js';
import { SYSTEM_ACTOR } from '../platform/audit/audit.service.js';
import type { AssessmentDatabase, AssessmentsTable } from './assessment.tables.js';
import { scanEvidenceShard } from './scan-evidence.js';
import { MERGE_QUEUE, ScanShards, type ShardHost } from './scan-shards.js';
import { ShardParts } from './shard-parts.js';
import type { DigestSummary } from './scanner/engine/shard-digests.js';
import { deserialize } from 'node:v8';

let t: TestPlatform;
let dir: string;
let file: string;

beforeAll(async () => {
  t = await openTestPlatform('sqlite');
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-people-jobs-'));
  file = writeMultiLeak(dir, { seed: 18, people: 200, logLines: 300 }).files[0]!;
}, 60_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const db = t.platform.store.db as unknown as Kysely<AssessmentDatabase>;
  const statuses: Partial<AssessmentsTable>[] = [];
  const host = {
    setStatus: async (_id: string, patch: Partial<AssessmentsTable>) => void statuses.push(patch),
    canaries: async () => [],
  } as unknown as ShardHost;
  const parts = new ShardParts(db, t.platform.keyring, null);
  const shards = new ScanShards(db, t.platform.keyring, t.platform.jobs, host, parts, 64 << 20, 4);
  return { db, parts, shards, statuses };
}

/** An assessment of one evidence item, its one shard done with `logParts` parts stored under attempt 'a'. */
async function assessment(db: Kysely<AssessmentDatabase>, parts: ShardParts, logParts: Buffer[], declared = logParts.length, digests: number | null = null, key = randomBytes(32)) {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('assessments')
    .values({ id, incident_id: randomUUID(), source: 'evidence', evidence_ids: JSON.stringify(['e1']), status: 'running', job_id: null, progress_json: null, report_enc: null, raw_samples_enc: null, population_json: null, error: null, created_by: null, created_by_name: null, created_at: now, updated_at: now, completed_at: null, scan_key_enc: t.platform.keyring.encrypt(key.toString('base64'), `assessment:${id}:scan-key`) })
    .execute();
  await db.insertInto('assessment_shards').values({ assessment_id: id, seq: 0, item: 0, evidence_id: 'e1', unit_json: null, status: 'done', job_id: null, attempt: 'a', parts: declared, digests, worker: null, progress_json: null, error: null, updated_at: now }).execute();
  for (const [i, b] of logParts.entries()) await parts.put(id, 0, 'a', i, b);
  return { id, key };
}

const ctx = (attempt: number) => ({ signal: new AbortController().signal, attempt, reportProgress: async () => {} });
const mergesQueued = async (id: string) => (await t.platform.store.db.selectFrom('jobs').select('payload').where('queue', '=', MERGE_QUEUE).execute()).filter((j) => j.payload.includes(id)).length;

describe('people jobs', () => {
  it('store one group per partition; the job completing the 256 queues the merge, once', async () => {
    const { db, parts, shards } = setup();
    const log: Buffer[] = [];
    const { id, key } = await assessment(db, parts, []);
    await scanEvidenceShard(file, async () => ({ name: basename(file), size: statSync(file).size, chunks: createReadStream(file) }), { key, partBytes: 16 << 10, onParts: async (p) => void log.push(...p) });
    for (const [i, b] of log.entries()) await parts.put(id, 0, 'a', i, b);
    await db.updateTable('assessment_shards').set({ parts: log.length }).where('assessment_id', '=', id).execute();
    const job = (from: number, to: number) => shards.groupPeople({ assessmentId: id, actor: SYSTEM_ACTOR, from, to }, ctx(1));
    expect(await job(0, 100)).toEqual({ partitions: 100, from: 0 });
    expect((await parts.seqs(id, { from: -256, below: 0 })).length).toBe(100);
    expect(await mergesQueued(id)).toBe(0);
    // A doubled job stores its groups again (the same ones) and does not complete the set.
    await job(0, 100);
    expect(await mergesQueued(id)).toBe(0);
    await job(100, 256);
    expect((await parts.seqs(id, { from: -256, below: 0 })).length).toBe(256);
    expect(await mergesQueued(id)).toBe(1);
    // The last job run again (a retry after its lease): no second merge.
    await job(100, 256);
    expect(await mergesQueued(id)).toBe(1);
  }, 60_000);

  it('partitioned layout: a job reads only its blocks and stores the groups the replay of the whole log stores', async () => {
    const { db, shards } = setup();
    const fetched: number[] = [];
    // The store, recording which parts the jobs fetch.
    const parts = new (class extends ShardParts {
      override get(id: string, seq: number, attempt: string, part: number) {
        fetched.push(part);
        return super.get(id, seq, attempt, part);
      }
    })(db, t.platform.keyring, null);
    const reports = new Map<string, string>();
    const host = {
      setStatus: async () => {},
      canaries: async () => [],
      complete: async (id: string, _incident: string, report: { performance: unknown }) => {
        const { performance: _p, ...rest } = report;
        reports.set(id, JSON.stringify(rest));
        return true;
      },
    } as unknown as ShardHost;
    const jobs = new ScanShards(db, t.platform.keyring, t.platform.jobs, host, parts, 64 << 20, 4);
    const key = randomBytes(32);
    const open = async () => ({ name: basename(file), size: statSync(file).size, chunks: createReadStream(file) });
    const whole: Buffer[] = [];
    await scanEvidenceShard(file, open, { key, partBytes: 16 << 10, onParts: async (p) => void whole.push(...p) });
    const log: Buffer[] = [];
    let digests: { summary: DigestSummary; blocks: Buffer[] } | null = null;
    await scanEvidenceShard(file, open, { key, partBytes: 16 << 10, onParts: async (p) => void log.push(...p), onDigests: async (summary, blocks) => {
      digests = { summary, blocks: [...blocks] };
    } });
    const a = await assessment(db, parts, whole, whole.length, null, key);
    const b = await assessment(db, parts, log, log.length, 1, key);
    await parts.putDigests(b.id, 0, 'a', digests!.summary, digests!.blocks);
    await shards.groupPeople({ assessmentId: a.id, actor: SYSTEM_ACTOR, from: 32, to: 64 }, ctx(1));
    fetched.length = 0;
    await jobs.groupPeople({ assessmentId: b.id, actor: SYSTEM_ACTOR, from: 32, to: 64 }, ctx(1));
    // The summary and blocks 2 and 3 (partitions 32–63), none of the log's parts.
    expect(fetched.sort((x, y) => x - y)).toEqual([999_999, 1_000_002, 1_000_003]);
    const groups = async (id: string) => {
      const out: unknown[] = [];
      for (const { seq, attempt } of await parts.seqs(id, { from: -256, below: 0 })) out.push([seq, deserialize(await parts.get(id, seq, attempt, 0))]);
      return out;
    };
    const replayed = await groups(a.id);
    expect(replayed).toHaveLength(32);
    expect(await groups(b.id)).toEqual(replayed);
    // The merges: the replay's (a), from 32 stored groups and the rest grouped from the blocks (b),
    // and, without people jobs, all grouped from the blocks by the merge job (c): one report.
    const c = await assessment(db, parts, log, log.length, 1, key);
    await parts.putDigests(c.id, 0, 'a', digests!.summary, digests!.blocks);
    await new ScanShards(db, t.platform.keyring, t.platform.jobs, host, parts, 64 << 20, 4).merge({ assessmentId: a.id, actor: SYSTEM_ACTOR }, ctx(1));
    await jobs.merge({ assessmentId: b.id, actor: SYSTEM_ACTOR }, ctx(1));
    await new ScanShards(db, t.platform.keyring, t.platform.jobs, host, parts, 64 << 20, 0).merge({ assessmentId: c.id, actor: SYSTEM_ACTOR }, ctx(1));
    expect(reports.get(a.id)).toContain('"individuals":');
    expect(reports.get(b.id)).toBe(reports.get(a.id));
    expect(reports.get(c.id)).toBe(reports.get(a.id));
  }, 60_000);

  it('a job that cannot read the logs fails the scan on its last attempt only', async () => {
    const { db, parts, shards, statuses } = setup();
    // The shard says one part; none is stored.
    const { id } = await assessment(db, parts, [], 1);
    const job = (attempt: number) => shards.groupPeople({ assessmentId: id, actor: SYSTEM_ACTOR, from: 64, to: 128 }, ctx(attempt));
    await expect(job(1)).rejects.toThrow();
    expect(statuses).toEqual([]);
    await expect(job(3)).rejects.toThrow();
    expect(statuses).toHaveLength(1);
    expect(statuses[0]!.status).toBe('failed');
    expect(statuses[0]!.error).toMatch(/^people partitions 64–127: /);
  }, 60_000);
});
