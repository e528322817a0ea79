/**
 * Distributed scans (issue 18 §2): on a shared queue (pg-boss) an assessment's evidence items are
 * shards, each a job any worker of the fleet picks up. A shard reads and detects its item into a
 * shard log (engine/shard-log.ts) stored in parts, encrypted, in the database; when the last
 * shard is done a merge job replays the logs in the assessment's order into one aggregate and
 * builds the report as a single-process scan does (engine/scan.ts finishScan) — the same report.
 * Every shard digests with the assessment's one blind-index key (stored encrypted with it), so
 * the people index links a person across shards exactly as within one file.
 *
 * A worker that dies loses its shard's attempt, not the scan: the queue retries the shard
 * elsewhere under a new attempt id, and only the attempt that marks the shard done counts.
 * Cancelling stops queued shards at once and running ones at their next progress report;
 * resuming re-queues only the shards not done.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/audit/audit.service.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { JobContext, JobQueue } from '../platform/jobs/job-queue.js';
import type { AssessmentDatabase, AssessmentsTable } from './assessment.tables.js';
import type { ExposureReport } from './scan.schema.js';
import type { CanaryRecord } from './scanner/engine/canaries.js';
import { mergeEvidenceShards, type ScanProgress, scanEvidenceShard } from './scan-evidence.js';
import type { Readable } from 'node:stream';

export const SHARD_QUEUE = 'assessment.shard';
export const MERGE_QUEUE = 'assessment.merge';

export interface ShardPayload {
  assessmentId: string;
  seq: number;
  actor: Actor;
}

/** What the assessment service lends the shards. */
export interface ShardHost {
  open(evidenceId: string, incidentId: string, actor: Actor, assessmentId: string): Promise<{ name: string; size: number; stream: Readable }>;
  complete(id: string, incidentId: string, report: ExposureReport, raw: Record<string, string[]> | null, actor: Actor): Promise<void>;
  setStatus(id: string, patch: Partial<AssessmentsTable>): Promise<void>;
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
    const ids = JSON.parse(r.evidence_ids) as string[];
    const have = await this.db.selectFrom('assessment_shards').select(['seq', 'status']).where('assessment_id', '=', r.id).execute();
    const known = new Map(have.map((s) => [s.seq, s.status]));
    const missing = ids.map((evidence_id, seq) => ({ evidence_id, seq })).filter((s) => !known.has(s.seq));
    if (missing.length) {
      await this.db
        .insertInto('assessment_shards')
        .values(missing.map((s) => ({ assessment_id: r.id, seq: s.seq, evidence_id: s.evidence_id, status: 'queued', job_id: null, attempt: null, parts: null, worker: null, progress_json: null, error: null, updated_at: now() })))
        .execute();
    }
    const todo = ids.map((_, seq) => seq).filter((seq) => known.get(seq) !== 'done');
    if (todo.length === 0) {
      await this.jobs.send(MERGE_QUEUE, { assessmentId: r.id, actor }, { singletonKey: `assessment-merge:${r.id}`, maxAttempts: 3 });
      return { shards: ids.length, queued: 0 };
    }
    for (const seq of todo) {
      const jobId = await this.jobs.send<ShardPayload>(SHARD_QUEUE, { assessmentId: r.id, seq, actor }, { singletonKey: `assessment-shard:${r.id}:${seq}`, maxAttempts: 3 });
      await this.db.updateTable('assessment_shards').set({ status: 'queued', job_id: jobId, error: null, updated_at: now() }).where('assessment_id', '=', r.id).where('seq', '=', seq).execute();
    }
    return { shards: ids.length, queued: todo.length };
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
    if (!shard || shard.status === 'done') return { skipped: shard?.status ?? 'gone' };
    const attempt = randomUUID();
    await this.db.updateTable('assessment_shards').set({ status: 'running', attempt, worker: WORKER, error: null, updated_at: now() }).where('assessment_id', '=', p.assessmentId).where('seq', '=', p.seq).where('status', '!=', 'done').execute();
    if (r.status === 'queued') await this.host.setStatus(r.id, { status: 'running', error: null });
    const ctxName = `assessment:${r.id}:shard:${p.seq}`;
    const abort = new AbortController();
    const onAbort = () => abort.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    let size = 0;
    let part = 0;
    let last = 0;
    const started = performance.now();
    try {
      await scanEvidenceShard(shard.evidence_id, async () => {
        const f = await this.host.open(shard.evidence_id, r.incident_id, p.actor, r.id);
        size = f.size;
        return { name: f.name, size: f.size, chunks: f.stream };
      }, {
        key: this.keyOf(r),
        signal: abort.signal,
        onProgress: (pr) => {
          const t = Date.now();
          if (t - last < 1000) return;
          last = t;
          void this.progress(r.id, p.seq, { ...pr, bytesTotal: size }, abort).catch(() => {});
          void ctx.reportProgress({ ...pr, bytesTotal: size }).catch(() => {});
        },
        onParts: async (parts) => {
          for (const buf of parts) {
            await this.db.insertInto('assessment_shard_parts').values({ assessment_id: r.id, seq: p.seq, attempt, part: part++, data_enc: this.keyring.encrypt(buf.toString('base64'), ctxName) }).execute();
          }
        },
      });
    } catch (e) {
      await this.db.deleteFrom('assessment_shard_parts').where('assessment_id', '=', r.id).where('seq', '=', p.seq).where('attempt', '=', attempt).execute();
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
    await this.db.deleteFrom('assessment_shard_parts').where('assessment_id', '=', r.id).where('seq', '=', p.seq).where('attempt', mine ? '!=' : '=', attempt).execute();
    if (!mine) return { superseded: true };
    this.host.scanned(size, performance.now() - started);
    await this.progress(r.id, p.seq, null, abort);
    const left = await this.db.selectFrom('assessment_shards').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', r.id).where('status', '!=', 'done').executeTakeFirstOrThrow();
    if (Number(left.n) === 0) await this.jobs.send(MERGE_QUEUE, { assessmentId: r.id, actor: p.actor }, { singletonKey: `assessment-merge:${r.id}`, maxAttempts: 3 });
    return { shard: p.seq, parts: part, bytes: size };
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
    if (shards.some((s) => s.status !== 'done')) return { skipped: 'shards not done' };
    const db = this.db;
    const keyring = this.keyring;
    async function* parts(): AsyncGenerator<Buffer> {
      for (const s of shards) {
        for (let i = 0; i < (s.parts ?? 0); i++) {
          const row = await db.selectFrom('assessment_shard_parts').select('data_enc').where('assessment_id', '=', r!.id).where('seq', '=', s.seq).where('attempt', '=', s.attempt!).where('part', '=', i).executeTakeFirstOrThrow();
          yield Buffer.from(keyring.decrypt(row.data_enc, `assessment:${r!.id}:shard:${s.seq}`), 'base64');
        }
      }
    }
    const bytesTotal = shards.reduce((n, s) => n + ((s.progress_json ? (JSON.parse(s.progress_json) as ScanProgress).bytesTotal : 0) ?? 0), 0);
    // The report's duration is the whole distributed scan's, from the request on.
    const started = performance.now() - (Date.now() - Date.parse(r.created_at));
    const result = await mergeEvidenceShards(parts(), { key: this.keyOf(r), bytesTotal, started, canaries: await this.host.canaries() });
    const current = await this.db.selectFrom('assessments').select('status').where('id', '=', r.id).executeTakeFirst();
    if (current?.status === 'cancelled' || current?.status === 'done') return { skipped: current.status };
    await this.host.complete(r.id, r.incident_id, result.report, result.rawSamples, p.actor);
    // The logs hold digests and un-masked samples: kept no longer than the report needs them.
    await this.db.deleteFrom('assessment_shard_parts').where('assessment_id', '=', r.id).execute();
    return { individuals: result.report.totals.individuals, shards: shards.length };
  }
}
