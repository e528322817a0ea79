/**
 * Distributed scans (issue 18 §2): on a shared queue (pg-boss) an assessment's evidence items are
 * shards, each a job any worker of the fleet picks up. A shard reads and detects its item into a
 * shard log (engine/shard-log.ts) stored in parts, encrypted, in the database; when the last
 * shard is done a merge job replays the logs in the assessment's order into one aggregate and
 * builds the report as a single-process scan does (engine/scan.ts finishScan) — the same report.
 * Every shard digests with the assessment's one blind-index key (stored encrypted with it), so
 * the people index links a person across shards exactly as within one file. With the partitioned
 * merge (the assessment's layout, `assessment_shards.digests`) a shard also stores those digests
 * per block of the index's partitions (engine/shard-digests.ts): people jobs, or the merge, group
 * from the blocks, and the merge replays logs that no longer carry them.
 *
 * A worker that dies loses its shard's attempt, not the scan: the queue retries the shard
 * elsewhere under a new attempt id, and only the attempt that marks the shard done counts.
 * Cancelling stops queued shards at once and running ones at their next progress report;
 * resuming re-queues only the shards not done.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/audit/audit.service.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { JobContext, JobQueue } from '../platform/jobs/job-queue.js';
import type { AssessmentDatabase, AssessmentShardsTable, AssessmentsTable } from './assessment.tables.js';
import type { ExposureReport } from './scan.schema.js';
import type { CanaryRecord } from './scanner/engine/canaries.js';
import { groupEvidenceDigests, groupEvidencePeople, mergeEvidenceShards, type ScanProgress, scanEvidenceShard } from './scan-evidence.js';
import { type PartitionGroup, PEOPLE_PARTITIONS } from './scanner/engine/people.js';
import { type OpenRange, planUnits, type ShardUnit } from './scan-plan.js';
import { defaultDetectionPort } from './scanner/engine/scan.js';
import { ShardFallback } from './scanner/types.js';
import type { ShardParts } from './shard-parts.js';
import type { Readable } from 'node:stream';

export const SHARD_QUEUE = 'assessment.shard';
export const MERGE_QUEUE = 'assessment.merge';
/** The merge's grouping of the people index, a range of its partitions per job (any worker). */
export const PEOPLE_QUEUE = 'assessment.people';

export interface PeoplePayload {
  assessmentId: string;
  actor: Actor;
  /** Partitions [from, to) of the people index (engine/people.ts). */
  from: number;
  to: number;
}

/** A people job's group of partition p is kept as the part of this (negative) seq: shard logs have seq ≥ 0. */
const groupSeq = (p: number) => -(p + 1);
/** The seqs of all groups: [GROUPS_FROM, 0). */
const GROUPS_FROM = -PEOPLE_PARTITIONS;
/** The claim of queueing the people jobs (ShardParts.claim): below every group's seq. */
const PEOPLE_QUEUED = GROUPS_FROM - 1;
/** The claim of queueing the merge once every group is stored (the last people jobs can end at once). */
const MERGE_QUEUED = GROUPS_FROM - 2;

export interface ShardPayload {
  assessmentId: string;
  seq: number;
  actor: Actor;
}

/** What the assessment service lends the shards. */
export interface ShardHost {
  open(evidenceId: string, incidentId: string, actor: Actor, assessmentId: string, range?: { start: number; end: number }): Promise<{ name: string; size: number; stream: Readable }>;
  /** False when the assessment was cancelled meanwhile (nothing stored). */
  complete(id: string, incidentId: string, report: ExposureReport, raw: Record<string, string[]> | null, actor: Actor): Promise<boolean>;
  setStatus(id: string, patch: Partial<AssessmentsTable>): Promise<void>;
  /** queued → running, unless it was cancelled, done or failed meanwhile (false then). */
  markRunning(id: string): Promise<boolean>;
  scanned(bytes: number, durationMs: number): void;
  /** The canary records the merged report looks for (scanner/engine/canaries.ts). */
  canaries(): Promise<CanaryRecord[]>;
}

const WORKER = `${hostname()}:${process.pid}`;
const now = () => new Date().toISOString();

export class ScanShards {
  constructor(
    private readonly db: Kysely<AssessmentDatabase>,
    private readonly keyring: Keyring,
    private readonly jobs: JobQueue,
    private readonly host: ShardHost,
    /** Where the shard logs are kept: the database, or the shared object store (shard-parts.ts). */
    private readonly parts: ShardParts,
    /** A file larger than this is cut into ranges or groups of members (BREACHDESK_SCAN_SHARD_BYTES). */
    private readonly shardBytes = 64 * 1024 * 1024,
    /** People jobs the merge's grouping is split into (BREACHDESK_SCAN_PEOPLE_JOBS); 0 = the merge groups alone. */
    private readonly peopleJobs = 0,
    /** Shards keep their digests per block of partitions (BREACHDESK_SCAN_MERGE=partitioned, engine/shard-digests.ts). */
    private readonly partitioned = true,
  ) {}

  private keyOf(r: AssessmentsTable): Buffer {
    return Buffer.from(this.keyring.decrypt(r.scan_key_enc!, `assessment:${r.id}:scan-key`), 'base64');
  }

  /**
   * The assessment's job on a distributed queue: its key and shards made (once), the shards not
   * yet done queued; returns without waiting for them.
   */
  async plan(r: AssessmentsTable, actor: Actor): Promise<unknown> {
    if (!r.scan_key_enc) {
      const enc = this.keyring.encrypt(randomBytes(32).toString('base64'), `assessment:${r.id}:scan-key`);
      await this.db.updateTable('assessments').set({ scan_key_enc: enc }).where('id', '=', r.id).where('scan_key_enc', 'is', null).execute();
    }
    const have = await this.db.selectFrom('assessment_shards').select(['seq', 'status']).where('assessment_id', '=', r.id).execute();
    if (have.length === 0) {
      const rows = await this.units(r, actor);
      await this.db
        .insertInto('assessment_shards')
        .values(rows.map((s, seq) => ({ assessment_id: r.id, seq, item: s.item, evidence_id: s.evidenceId, unit_json: s.unit ? JSON.stringify(s.unit) : null, digests: this.partitioned ? 1 : null, status: 'queued', job_id: null, attempt: null, parts: null, worker: null, progress_json: null, error: null, updated_at: now() })))
        .execute();
      have.push(...rows.map((_, seq) => ({ seq, status: 'queued' })));
    }
    const todo = have.filter((s) => s.status !== 'done' && s.status !== 'unsplit').map((s) => s.seq);
    if (todo.length === 0) {
      await this.jobs.send(MERGE_QUEUE, { assessmentId: r.id, actor }, { singletonKey: `assessment-merge:${r.id}`, maxAttempts: 3 });
      return { shards: have.length, queued: 0 };
    }
    for (const seq of todo) await this.queue(r.id, seq, actor);
    return { shards: have.length, queued: todo.length };
  }

  /** The shards of each evidence item, in order (scan-plan.ts): the whole item, its byte ranges or its groups of members. */
  private async units(r: AssessmentsTable, actor: Actor): Promise<{ item: number; evidenceId: string; unit: ShardUnit | null }[]> {
    const out: { item: number; evidenceId: string; unit: ShardUnit | null }[] = [];
    for (const [item, evidenceId] of (JSON.parse(r.evidence_ids) as string[]).entries()) {
      const open: OpenRange = async (range) => {
        const f = await this.host.open(evidenceId, r.incident_id, actor, r.id, range);
        return { name: f.name, size: f.size, chunks: f.stream };
      };
      for (const unit of await planUnits(open, this.shardBytes, defaultDetectionPort)) out.push({ item, evidenceId, unit });
    }
    return out;
  }

  private async queue(id: string, seq: number, actor: Actor): Promise<void> {
    const jobId = await this.jobs.send<ShardPayload>(SHARD_QUEUE, { assessmentId: id, seq, actor }, { singletonKey: `assessment-shard:${id}:${seq}`, maxAttempts: 3 });
    await this.db.updateTable('assessment_shards').set({ status: 'queued', job_id: jobId, error: null, updated_at: now() }).where('assessment_id', '=', id).where('seq', '=', seq).execute();
  }

  /** Cancels the shards' queued jobs; running ones stop at their next progress report. */
  async cancel(id: string): Promise<void> {
    const rows = await this.db.selectFrom('assessment_shards').select('job_id').where('assessment_id', '=', id).where('status', 'in', ['queued', 'running']).execute();
    for (const s of rows) if (s.job_id) await this.jobs.cancel(s.job_id).catch(() => false);
  }

  /** One shard's job: read and detect its evidence item into parts, then mark it done. */
  async runShard(p: ShardPayload, ctx: JobContext): Promise<unknown> {
    const r = await this.db.selectFrom('assessments').selectAll().where('id', '=', p.assessmentId).executeTakeFirst();
    if (!r || r.status === 'cancelled' || r.status === 'done' || r.status === 'failed') return { skipped: r?.status ?? 'gone' };
    const shard = await this.db.selectFrom('assessment_shards').selectAll().where('assessment_id', '=', p.assessmentId).where('seq', '=', p.seq).executeTakeFirst();
    if (!shard || shard.status === 'done' || shard.status === 'unsplit') return { skipped: shard?.status ?? 'gone' };
    const unit = shard.unit_json ? (JSON.parse(shard.unit_json) as ShardUnit) : null;
    const attempt = randomUUID();
    await this.db.updateTable('assessment_shards').set({ status: 'running', attempt, worker: WORKER, error: null, updated_at: now() }).where('assessment_id', '=', p.assessmentId).where('seq', '=', p.seq).where('status', '!=', 'done').execute();
    // Conditional: a cancel that landed since the read stays (this shard then stops at its first progress report).
    if (r.status === 'queued') await this.host.markRunning(r.id);
    const abort = new AbortController();
    const onAbort = () => abort.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    // This shard's share of the item's bytes: its range, or (a group of members reads the whole archive) its part of it.
    let size = 0;
    let part = 0;
    let last = 0;
    const started = performance.now();
    const groups = unit?.kind === 'members' ? unit.groups : 1;
    try {
      await scanEvidenceShard(shard.evidence_id, async (_id, range) => {
        const f = await this.host.open(shard.evidence_id, r.incident_id, p.actor, r.id, range);
        size = range ? range.end - range.start : Math.round(f.size / groups);
        return { name: f.name, size: f.size, chunks: f.stream };
      }, {
        key: this.keyOf(r),
        unit,
        signal: abort.signal,
        onProgress: (pr) => {
          const t = Date.now();
          if (t - last < 1000) return;
          last = t;
          const share = { ...pr, bytesRead: Math.min(size, Math.round(pr.bytesRead / groups)), bytesTotal: size };
          void this.progress(r.id, p.seq, share, abort).catch(() => {});
          void ctx.reportProgress(share).catch(() => {});
        },
        onParts: async (parts) => {
          for (const buf of parts) {
            await this.parts.put(r.id, p.seq, attempt, part++, buf);
          }
        },
        // The layout planned for the assessment, whatever this worker's own setting.
        ...(shard.digests === 1 ? { onDigests: (summary, blocks) => this.parts.putDigests(r.id, p.seq, attempt, summary, blocks) } : {}),
      });
    } catch (e) {
      await this.parts.remove(r.id, { seq: p.seq, attempt });
      if (e instanceof ShardFallback) {
        // The item is read whole instead (merge, below): this part is finished with.
        await this.db.updateTable('assessment_shards').set({ status: 'unsplit', error: e.message, updated_at: now() }).where('assessment_id', '=', r.id).where('seq', '=', p.seq).where('attempt', '=', attempt).execute();
        await this.mergeWhenDone(r.id, p.actor);
        return { fallback: e.message };
      }
      const current = await this.db.selectFrom('assessments').select('status').where('id', '=', r.id).executeTakeFirst();
      if (current?.status === 'cancelled') {
        // Back in line for a resume; its parts are gone.
        await this.db.updateTable('assessment_shards').set({ status: 'queued', updated_at: now() }).where('assessment_id', '=', r.id).where('seq', '=', p.seq).where('attempt', '=', attempt).execute();
        return { cancelled: true };
      }
      const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'shard failed';
      const last = ctx.attempt >= 3;
      await this.db.updateTable('assessment_shards').set({ status: last ? 'failed' : 'queued', error: message, updated_at: now() }).where('assessment_id', '=', r.id).where('seq', '=', p.seq).where('attempt', '=', attempt).execute();
      if (last) await this.host.setStatus(r.id, { status: 'failed', error: `shard ${p.seq + 1}: ${message}` });
      throw e;
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
    }
    const done = await this.db
      .updateTable('assessment_shards')
      .set({ status: 'done', parts: part, progress_json: JSON.stringify({ bytesRead: size, bytesTotal: size, records: null }), updated_at: now() })
      .where('assessment_id', '=', r.id)
      .where('seq', '=', p.seq)
      .where('attempt', '=', attempt)
      .where('status', '!=', 'done')
      .executeTakeFirst();
    // Another attempt finished first (this one outlived its lease): its parts count, not these.
    const mine = Number(done.numUpdatedRows) === 1;
    await this.parts.remove(r.id, mine ? { seq: p.seq, otherThan: attempt } : { seq: p.seq, attempt });
    if (!mine) return { superseded: true };
    this.host.scanned(size, performance.now() - started);
    await this.progress(r.id, p.seq, null, abort);
    await this.mergeWhenDone(r.id, p.actor);
    return { shard: p.seq, parts: part, bytes: size };
  }

  /**
   * Once no shard is left to run: the people jobs (each a range of the people index's partitions,
   * groupPeople), whose last queues the merge; the merge at once when there are none, or when an
   * item must be read whole first (unsplit).
   */
  private async mergeWhenDone(id: string, actor: Actor): Promise<void> {
    const rows = await this.db.selectFrom('assessment_shards').select('status').where('assessment_id', '=', id).execute();
    if (rows.some((s) => s.status !== 'done' && s.status !== 'unsplit')) return;
    const n = Math.min(this.peopleJobs, PEOPLE_PARTITIONS);
    if (n === 0 || rows.some((s) => s.status === 'unsplit')) return this.queueMerge(id, actor);
    // The last shards can finish at once, each seeing none left: one of them queues the jobs.
    if (!(await this.parts.claim(id, PEOPLE_QUEUED))) return;
    for (let k = 0; k < n; k++) {
      const from = Math.floor((k * PEOPLE_PARTITIONS) / n);
      const to = Math.floor(((k + 1) * PEOPLE_PARTITIONS) / n);
      await this.jobs.send<PeoplePayload>(PEOPLE_QUEUE, { assessmentId: id, actor, from, to }, { singletonKey: `assessment-people:${id}:${from}`, maxAttempts: 3 });
    }
  }

  private async queueMerge(id: string, actor: Actor): Promise<void> {
    await this.jobs.send(MERGE_QUEUE, { assessmentId: id, actor }, { singletonKey: `assessment-merge:${id}`, maxAttempts: 3 });
  }

  /**
   * A people job: every shard's log replayed as the merge replays it, only partitions [from, to)
   * of the people index kept and grouped (scan-evidence.ts groupEvidencePeople), each group stored
   * as a part; the job that completes the set queues the merge. The groups are a pure function of
   * the logs, so a retried or doubled job stores the same groups, and the merge takes any one.
   */
  async groupPeople(p: PeoplePayload, ctx: JobContext): Promise<unknown> {
    const r = await this.db.selectFrom('assessments').selectAll().where('id', '=', p.assessmentId).executeTakeFirst();
    if (!r || r.status === 'cancelled' || r.status === 'done' || r.status === 'failed') return { skipped: r?.status ?? 'gone' };
    const shards = await this.db.selectFrom('assessment_shards').selectAll().where('assessment_id', '=', r.id).orderBy('seq').execute();
    if (shards.some((s) => s.status !== 'done')) return { skipped: 'shards not done' };
    let groups: PartitionGroup[];
    try {
      groups = await this.group(r, shards, [p.from, p.to]);
    } catch (e) {
      // The merge waits for every group: without this job's, the scan would never end.
      const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'people job failed';
      if (ctx.attempt >= 3) await this.host.setStatus(r.id, { status: 'failed', error: `people partitions ${p.from}–${p.to - 1}: ${message}` });
      throw e;
    }
    const now = await this.db.selectFrom('assessments').select('status').where('id', '=', r.id).executeTakeFirst();
    // Done meanwhile (a doubled job): its parts are gone, and these would outlive the report.
    if (!now || now.status === 'done') return { skipped: now?.status ?? 'gone' };
    const attempt = randomUUID();
    for (const [j, g] of groups.entries()) await this.parts.put(r.id, groupSeq(p.from + j), attempt, 0, serialize(g));
    const have = await this.parts.seqs(r.id, { from: GROUPS_FROM, below: 0 });
    if (have.length === PEOPLE_PARTITIONS && (await this.parts.claim(r.id, MERGE_QUEUED))) await this.queueMerge(r.id, p.actor);
    return { partitions: groups.length, from: p.from };
  }

  /** Partitions [from, to) grouped: from the shards' digest blocks (the partitioned merge), or by replaying their whole logs. */
  private async group(r: AssessmentsTable, shards: AssessmentShardsTable[], partitions: readonly [number, number]): Promise<PartitionGroup[]> {
    const opts = { key: this.keyOf(r), partitions, canaries: await this.host.canaries() };
    return digested(shards) ? groupEvidenceDigests(await this.parts.digests(r.id, shards), opts) : groupEvidencePeople(this.parts.logs(r.id, shards), opts);
  }

  /**
   * The people jobs' groups, all PEOPLE_PARTITIONS of them, or undefined when there are none (the
   * merge groups alone). Partitions no job stored (a resume queues the merge directly) are grouped
   * here, from the same logs: the groups are the same whoever makes them.
   */
  private async peopleGroups(r: AssessmentsTable, shards: AssessmentShardsTable[]): Promise<PartitionGroup[] | undefined> {
    if (this.peopleJobs === 0) return undefined;
    const stored = await this.parts.seqs(r.id, { from: GROUPS_FROM, below: 0 });
    if (stored.length === 0) return undefined;
    const groups: (PartitionGroup | undefined)[] = new Array(PEOPLE_PARTITIONS);
    for (const { seq, attempt } of stored) groups[-seq - 1] = deserialize(await this.parts.get(r.id, seq, attempt, 0)) as PartitionGroup;
    const missing = [...groups.keys()].filter((p) => !groups[p]);
    if (missing.length > 0) {
      const from = missing[0]!;
      const to = missing[missing.length - 1]! + 1;
      const made = await this.group(r, shards, [from, to]);
      for (const [j, g] of made.entries()) groups[from + j] ??= g;
    }
    return groups as PartitionGroup[];
  }

  /**
   * Items with a part that could not be read apart (status `unsplit`) become one shard of the whole
   * item again (the first part's place in the order), queued; the merge runs when it is done.
   */
  private async unsplit(id: string, shards: AssessmentShardsTable[], actor: Actor): Promise<number[]> {
    const items = [...new Set(shards.filter((s) => s.status === 'unsplit').map((s) => s.item ?? s.seq))];
    // Groups made from the logs as they were would be stale once an item is read whole.
    await this.parts.remove(id, { below: 0 });
    for (const item of items) {
      const mine = shards.filter((s) => (s.item ?? s.seq) === item);
      const seq = Math.min(...mine.map((s) => s.seq));
      await this.parts.remove(id, { seq: mine.map((s) => s.seq) });
      await this.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('assessment_shards').where('assessment_id', '=', id).where('seq', 'in', mine.map((s) => s.seq)).where('seq', '!=', seq).execute();
        await trx.updateTable('assessment_shards').set({ unit_json: null, status: 'queued', attempt: null, parts: null, progress_json: null, updated_at: now() }).where('assessment_id', '=', id).where('seq', '=', seq).execute();
      });
      await this.queue(id, seq, actor);
    }
    return items;
  }

  /** The shard's progress, and the assessment's as the sum of its shards'; stops the shard if the assessment was cancelled. */
  private async progress(id: string, seq: number, p: ScanProgress | null, abort: AbortController): Promise<void> {
    if (p) await this.db.updateTable('assessment_shards').set({ progress_json: JSON.stringify(p), updated_at: now() }).where('assessment_id', '=', id).where('seq', '=', seq).execute();
    const rows = await this.db.selectFrom('assessment_shards').select('progress_json').where('assessment_id', '=', id).execute();
    const sum = { bytesRead: 0, bytesTotal: 0, records: 0, shards: rows.length };
    for (const row of rows) {
      const s = row.progress_json ? (JSON.parse(row.progress_json) as Partial<ScanProgress>) : {};
      sum.bytesRead += s.bytesRead ?? 0;
      sum.bytesTotal += s.bytesTotal ?? 0;
      sum.records += s.records ?? 0;
    }
    const a = await this.db.selectFrom('assessments').select('status').where('id', '=', id).executeTakeFirst();
    if (a?.status === 'cancelled') abort.abort(new Error('cancelled'));
    else await this.host.setStatus(id, { progress_json: JSON.stringify(sum) });
  }

  /** The merge job: every shard's log replayed in order, the report built and stored. */
  async merge(p: { assessmentId: string; actor: Actor }, _ctx: JobContext): Promise<unknown> {
    const r = await this.db.selectFrom('assessments').selectAll().where('id', '=', p.assessmentId).executeTakeFirst();
    if (!r || r.status === 'cancelled' || r.status === 'done') return { skipped: r?.status ?? 'gone' };
    const shards = await this.db.selectFrom('assessment_shards').selectAll().where('assessment_id', '=', r.id).orderBy('seq').execute();
    if (shards.some((s) => s.status !== 'done' && s.status !== 'unsplit')) return { skipped: 'shards not done' };
    if (shards.some((s) => s.status === 'unsplit')) return { readWhole: await this.unsplit(r.id, shards, p.actor) };
    const groups = await this.peopleGroups(r, shards);
    const bytesTotal = shards.reduce((n, s) => n + ((s.progress_json ? (JSON.parse(s.progress_json) as ScanProgress).bytesTotal : 0) ?? 0), 0);
    // The report's duration is the whole distributed scan's, from the request on.
    const started = performance.now() - (Date.now() - Date.parse(r.created_at));
    // Without people jobs, shards that kept their digests apart are grouped from those by the merge itself.
    const digests = !groups && digested(shards) ? await this.parts.digests(r.id, shards) : undefined;
    const result = await mergeEvidenceShards(this.parts.logs(r.id, shards), { key: this.keyOf(r), bytesTotal, started, canaries: await this.host.canaries(), groups, digests });
    const current = await this.db.selectFrom('assessments').select('status').where('id', '=', r.id).executeTakeFirst();
    if (current?.status === 'cancelled' || current?.status === 'done') return { skipped: current.status };
    // Cancelled while merging: the logs stay for the resume's merge.
    if (!(await this.host.complete(r.id, r.incident_id, result.report, result.rawSamples, p.actor))) return { skipped: 'cancelled' };
    // The logs hold digests and un-masked samples: kept no longer than the report needs them.
    await this.parts.remove(r.id);
    return { individuals: result.report.totals.individuals, shards: shards.length, peopleJobs: groups ? 'grouped' : 'none' };
  }
}

/** Whether the shards keep their digests apart (all of them: the layout is the assessment's, planned once). */
function digested(shards: AssessmentShardsTable[]): boolean {
  const n = shards.filter((s) => s.digests === 1).length;
  if (n > 0 && n < shards.length) throw new Error(`${n} of ${shards.length} shards keep their digests apart: one layout per assessment`);
  return n > 0;
}
