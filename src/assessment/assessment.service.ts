/**
 * The exposure assessment inside the server (issue 4 §7): scan evidence items as a background
 * job with progress, cancel and resume, or take a report made by `breachdesk scan --incident`.
 * Results are stored encrypted on the incident; their per-jurisdiction counts feed the
 * obligation engine.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor, AuditService } from '../platform/audit/audit.service.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { Database } from '../platform/db/schema.js';
import { BadInputError } from '../platform/errors.js';
import { HttpError, NotFoundError } from '../platform/http/problem.js';
import type { JobContext, JobQueue } from '../platform/jobs/job-queue.js';
import { type Assessment, type CanarySource, newRow, type PopulationRow, populationOf } from './assessment.model.js';
import { AssessmentRepository } from './assessment.repository.js';
import type { AssessmentDatabase, AssessmentsTable } from './assessment.tables.js';
import { type ExposureReport, ExposureReportSchema } from './scan.schema.js';
import { SECRET_TARGETS_PREFIX } from './scanner/engine/secret-report.js';
import { runEvidenceScan } from './scan-runner.js';
import { MERGE_QUEUE, PEOPLE_QUEUE, type PeoplePayload, SHARD_QUEUE, ScanShards, type ShardPayload } from './scan-shards.js';
import { ShardParts } from './shard-parts.js';
import type { BlobStore } from '../platform/storage/blob-store.js';

export { MERGE_QUEUE, PEOPLE_QUEUE, SHARD_QUEUE };
export { type Assessment, type CanarySource, type PopulationRow, populationOf };

export const ASSESS_QUEUE = 'assessment.run';

/**
 * Evidence as the assessment sees it, always on behalf of the requester and within one incident:
 * an item of another incident, or one the requester may not see, is "not found" (issue 19 §1).
 */
export interface EvidenceSource {
  /** Throws NotFoundError unless every item belongs to the incident and is visible to the actor; gives each item's size in bytes, in order. */
  check(evidenceIds: string[], incidentId: string, onBehalfOf: Actor): Promise<number[]>;
  /** Opens a decrypted stream of an evidence item, or of bytes [start, end) of it (records the access in its custody ledger). */
  open(evidenceId: string, incidentId: string, onBehalfOf: Actor, assessmentId: string, range?: { start: number; end: number }): Promise<{ name: string; size: number; stream: Readable }>;
}

export class AssessmentService {
  private readonly db: Kysely<AssessmentDatabase>;
  private readonly repo: AssessmentRepository;
  private listeners: Array<(incidentId: string, actor: Actor) => void> = [];
  private scannedListeners: Array<(bytes: number, durationMs: number) => void> = [];

  constructor(
    db: Kysely<Database>,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly evidence: EvidenceSource,
    /**
     * Split scans into shards that any worker runs (a shared queue: pg-boss), scan-shards.ts, of
     * about `shardBytes` (scan-plan.ts), their logs on `blobs` when given (shard-parts.ts).
     * `canaries`: the organisation's canary records, looked for in every scan (a port: the canary
     * feature lives in src/confirm; src/main/modules.ts wires it).
     */
    opts: { distributed?: boolean; shardBytes?: number; peopleJobs?: number; partitionedMerge?: boolean; blobs?: BlobStore | null; canaries?: CanarySource } = {},
  ) {
    this.db = db as unknown as Kysely<AssessmentDatabase>;
    this.repo = new AssessmentRepository(this.db);
    this.canaries = opts.canaries ?? (async () => []);
    this.shards = opts.distributed
      ? new ScanShards(this.db, keyring, jobs, {
          open: (evidenceId, incidentId, actor, assessmentId, range) => this.evidence.open(evidenceId, incidentId, actor, assessmentId, range),
          complete: (id, incidentId, report, raw, actor) => this.complete(id, incidentId, report, raw, actor),
          setStatus: (id, patch) => this.setStatus(id, patch),
          markRunning: (id) => this.markRunning(id),
          scanned: (bytes, ms) => {
            for (const l of this.scannedListeners) l(bytes, ms);
          },
          canaries: () => this.canaries(),
        }, new ShardParts(this.db, keyring, opts.blobs ?? null), opts.shardBytes, opts.peopleJobs, opts.partitionedMerge)
      : null;
  }

  private readonly shards: ScanShards | null;
  private readonly canaries: CanarySource;

  /** A shard's job (distributed scans only). */
  runShard(payload: ShardPayload, ctx: JobContext): Promise<unknown> {
    if (!this.shards) throw new Error('shards run only on a shared queue (BREACHDESK_JOB_QUEUE=pg-boss)');
    return this.shards.runShard(payload, ctx);
  }

  /** A people job of a distributed scan's merge: its range of the people index's partitions grouped. */
  groupPeople(payload: PeoplePayload, ctx: JobContext): Promise<unknown> {
    if (!this.shards) throw new Error('shards run only on a shared queue (BREACHDESK_JOB_QUEUE=pg-boss)');
    return this.shards.groupPeople(payload, ctx);
  }

  /** The merge job of a distributed scan. */
  mergeShards(payload: { assessmentId: string; actor: Actor }, ctx: JobContext): Promise<unknown> {
    if (!this.shards) throw new Error('shards run only on a shared queue (BREACHDESK_JOB_QUEUE=pg-boss)');
    return this.shards.merge(payload, ctx);
  }

  /** Called after an assessment completes (the obligation engine recomputes). */
  onCompleted(listener: (incidentId: string, actor: Actor) => void): void {
    this.listeners.push(listener);
  }

  /** Called after this process finished scanning files (not for imported reports): throughput metrics. */
  onScanned(listener: (bytes: number, durationMs: number) => void): void {
    this.scannedListeners.push(listener);
  }

  private toAssessment(r: AssessmentsTable, opts: { unmask?: boolean } = {}): Assessment {
    const ctx = `assessment:${r.id}`;
    const a: Assessment = {
      id: r.id,
      incidentId: r.incident_id,
      source: r.source as Assessment['source'],
      evidenceIds: JSON.parse(r.evidence_ids) as string[],
      status: r.status as Assessment['status'],
      progress: r.progress_json ? JSON.parse(r.progress_json) : null,
      error: r.error,
      createdBy: r.created_by_name,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      completedAt: r.completed_at,
      report: r.report_enc ? this.keyring.decryptJson<ExposureReport>(r.report_enc, ctx) : null,
    };
    // Revocation targets are credentials: masked for everyone, used only to plan containment (secretTargets).
    if (opts.unmask) a.unmaskedSamples = Object.fromEntries(Object.entries(this.raw(r)).filter(([k]) => !k.startsWith(SECRET_TARGETS_PREFIX)));
    return a;
  }

  private raw(r: AssessmentsTable): Record<string, string[]> {
    return r.raw_samples_enc ? this.keyring.decryptJson<Record<string, string[]>>(r.raw_samples_enc, `assessment:${r.id}:raw`) : {};
  }

  /**
   * The values a responder revokes, found by a scan: secret type → provider → values (issue 16
   * §3). Never shown by the API; containment plans actions on them and shows them masked.
   */
  async secretTargets(id: string): Promise<Record<string, Record<string, string[]>>> {
    const out: Record<string, Record<string, string[]>> = {};
    for (const [k, vs] of Object.entries(this.raw(await this.row(id)))) {
      if (!k.startsWith(SECRET_TARGETS_PREFIX)) continue;
      const [type, provider] = k.slice(SECRET_TARGETS_PREFIX.length).split(':') as [string, string];
      out[type] = { ...out[type], [provider]: vs };
    }
    return out;
  }

  private async row(id: string): Promise<AssessmentsTable> {
    const r = await this.repo.get(id);
    if (!r) throw new NotFoundError('assessment');
    return r;
  }

  async incidentOf(id: string): Promise<string> {
    return (await this.row(id)).incident_id;
  }

  async get(id: string, opts: { unmask?: boolean; actor?: Actor } = {}): Promise<Assessment> {
    const r = await this.row(id);
    if (opts.unmask && opts.actor) {
      await this.audit.record({ actor: opts.actor, action: 'assessment.unmasked', subjectType: 'assessment', subjectId: id, incidentId: r.incident_id });
    }
    return this.toAssessment(r, opts);
  }

  async list(incidentId: string): Promise<Assessment[]> {
    const rows = await this.repo.listByIncident(incidentId);
    return rows.map((r) => ({ ...this.toAssessment({ ...r, report_enc: null }) }));
  }

  /** Queues a scan of evidence items; one assessment may cover several files so people are de-duplicated across them. */
  async start(incidentId: string, evidenceIds: string[], actor: Actor): Promise<Assessment> {
    if (evidenceIds.length === 0) throw new BadInputError('evidenceIds: name at least one evidence item');
    await this.evidence.check([...new Set(evidenceIds)], incidentId, actor);
    const row = newRow(incidentId, 'evidence', evidenceIds, 'queued', actor);
    const id = row.id;
    await this.repo.transaction(async (repo, trx) => {
      await repo.insert(row);
      await this.audit.record({ actor, action: 'assessment.started', subjectType: 'assessment', subjectId: id, incidentId, after: { evidenceIds } }, trx);
    });
    const jobId = await this.jobs.send(ASSESS_QUEUE, { assessmentId: id, actor }, { singletonKey: `assessment:${id}`, maxAttempts: 3 });
    await this.repo.update(id, { job_id: jobId });
    return this.get(id);
  }

  async cancel(id: string, actor: Actor): Promise<Assessment> {
    const r = await this.row(id);
    if (r.status !== 'queued' && r.status !== 'running') throw new HttpError(409, `assessment is ${r.status}; only queued or running ones can be cancelled`);
    if (r.job_id) await this.jobs.cancel(r.job_id);
    await this.repo.transaction(async (repo, trx) => {
      await repo.update(id, { status: 'cancelled', updated_at: new Date().toISOString() });
      await this.audit.record({ actor, action: 'assessment.cancelled', subjectType: 'assessment', subjectId: id, incidentId: r.incident_id }, trx);
    });
    await this.shards?.cancel(id);
    return this.get(id);
  }

  /**
   * Resumes a cancelled or failed assessment. Scans are deterministic; a single-process scan keeps
   * no partial aggregates and starts the files again, a distributed one keeps its finished shards
   * and runs only the others (scan-shards.ts).
   */
  async resume(id: string, actor: Actor): Promise<Assessment> {
    const r = await this.row(id);
    if (r.status !== 'cancelled' && r.status !== 'failed') throw new HttpError(409, `assessment is ${r.status}; only cancelled or failed ones can be resumed`);
    await this.evidence.check(JSON.parse(r.evidence_ids) as string[], r.incident_id, actor);
    // Queued before the job is sent: a worker may take the job up before send() returns (a
    // NOTIFY wakes it at once), and a job that found the assessment still cancelled skipped it and
    // left it queued for ever (distributed-scan.test.ts timed out after resume). Conditional, so
    // two resumes at once queue one job.
    if (!(await this.move(id, ['cancelled', 'failed'], { status: 'queued', error: null }))) throw new HttpError(409, 'assessment is no longer cancelled or failed');
    let jobId: string;
    try {
      jobId = await this.jobs.send(ASSESS_QUEUE, { assessmentId: id, actor }, { singletonKey: `assessment:${id}`, maxAttempts: 3 });
    } catch (e) {
      await this.setStatus(id, { status: r.status, error: r.error });
      throw e;
    }
    await this.repo.transaction(async (repo, trx) => {
      await repo.update(id, { job_id: jobId, updated_at: new Date().toISOString() });
      await this.audit.record({ actor, action: 'assessment.resumed', subjectType: 'assessment', subjectId: id, incidentId: r.incident_id }, trx);
    });
    return this.get(id);
  }

  /** Stores a report made elsewhere (`breachdesk scan --incident`). */
  async importReport(incidentId: string, input: unknown, rawSamples: Record<string, string[]> | null, actor: Actor): Promise<Assessment> {
    const parsed = ExposureReportSchema.safeParse(input);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new BadInputError(`report.${i.path.join('.')}: ${i.message}`);
    }
    const row = newRow(incidentId, 'import', [], 'running', actor);
    const id = row.id;
    await this.repo.insert(row);
    await this.complete(id, incidentId, parsed.data, rawSamples, actor);
    return this.get(id);
  }

  /** Stores the report; false when the assessment was cancelled meanwhile (nothing stored). */
  private async complete(id: string, incidentId: string, report: ExposureReport, raw: Record<string, string[]> | null, actor: Actor): Promise<boolean> {
    const now = new Date().toISOString();
    const ctx = `assessment:${id}`;
    const population = populationOf(report);
    const completed = await this.repo.transaction(async (repo, trx) => {
      // A cancel that landed while the report was built wins: the assessment stays cancelled
      // (a resume merges again), and no completion is recorded.
      const updated = await repo.updateIfStatus(id, ['queued', 'running'], {
        status: 'done',
        report_enc: this.keyring.encryptJson(report, ctx),
        raw_samples_enc: raw ? this.keyring.encryptJson(raw, `${ctx}:raw`) : null,
        population_json: JSON.stringify(population),
        updated_at: now,
        completed_at: now,
      });
      if (!updated) return false;
      await this.audit.record(
        {
          actor,
          action: 'assessment.completed',
          subjectType: 'assessment',
          subjectId: id,
          incidentId,
          after: {
            records: report.totals.records,
            individuals: report.totals.individuals,
            elements: Object.keys(report.elements).sort(),
            secretTypes: Object.keys(report.secrets).sort(),
            jurisdictions: Object.keys(report.jurisdictions).length,
            fileErrors: report.files.reduce((n, f) => n + f.errors.length, 0),
            // Datasets whose canary records the leak holds (names only; issue 15 §4).
            ...(report.canaries?.datasets.length ? { canaryDatasets: report.canaries.datasets.map((d) => d.dataset) } : {}),
          },
        },
        trx,
      );
      return true;
    });
    if (completed) for (const l of this.listeners) l(incidentId, actor);
    return completed;
  }

  /** queued → running (running stays): false when it was cancelled, done or failed meanwhile. */
  private markRunning(id: string): Promise<boolean> {
    return this.move(id, ['queued', 'running'], { status: 'running', error: null });
  }

  /** Applies `patch` only while the status is one of `from`; false when it was not. */
  private move(id: string, from: Assessment['status'][], patch: Partial<AssessmentsTable>): Promise<boolean> {
    return this.repo.updateIfStatus(id, from, { ...patch, updated_at: new Date().toISOString() });
  }

  private async setStatus(id: string, patch: Partial<AssessmentsTable>): Promise<void> {
    await this.repo.update(id, { ...patch, updated_at: new Date().toISOString() });
  }

  /** People per jurisdiction from the newest completed assessment of the incident. */
  async population(incidentId: string): Promise<PopulationRow[]> {
    const json = await this.repo.newestPopulation(incidentId);
    return json ? (JSON.parse(json) as PopulationRow[]) : [];
  }

  /** The job handler: scan the evidence streams, report progress, honour cancellation. */
  async run(payload: { assessmentId: string; actor: Actor }, ctx: JobContext): Promise<unknown> {
    const r = await this.row(payload.assessmentId);
    if (r.status === 'cancelled' || r.status === 'done') return { skipped: r.status };
    const ids = JSON.parse(r.evidence_ids) as string[];
    let sizes: number[];
    try {
      // Checked before scanning: the scan turns a file that cannot be opened into a file error
      // and goes on, which would record an empty "done" report instead of a refusal.
      sizes = await this.evidence.check(ids, r.incident_id, payload.actor);
    } catch (e) {
      await this.setStatus(r.id, { status: 'failed', error: (e as Error).message.split('\n')[0] ?? 'not allowed' });
      throw e;
    }
    // Only a queued or running assessment starts: one cancelled meanwhile stays cancelled.
    if (!(await this.markRunning(r.id))) return { skipped: 'cancelled' };
    if (this.shards) return this.shards.plan(r, payload.actor);
    let last = 0;
    try {
      // On a thread of its own: the API keeps answering while a scan runs (scan-runner.ts).
      const inputs = ids.map((id, i) => ({ id, size: sizes[i] ?? 0, open: () => this.evidence.open(id, r.incident_id, payload.actor, r.id) }));
      const result = await runEvidenceScan(inputs, {
        signal: ctx.signal,
        canaries: await this.canaries(),
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 1000) return;
          last = now;
          void this.setStatus(r.id, { progress_json: JSON.stringify(p) }).catch(() => {});
          void ctx.reportProgress(p).catch(() => {});
        },
      });
      if (!(await this.complete(r.id, r.incident_id, result.report, result.rawSamples ?? null, payload.actor))) return { cancelled: true };
      const bytes = result.report.files.reduce((n, f) => n + (f.bytes ?? 0), 0);
      for (const l of this.scannedListeners) l(bytes, result.report.performance.durationMs);
      return { individuals: result.report.totals.individuals };
    } catch (e) {
      const current = await this.row(r.id);
      if (current.status === 'cancelled') return { cancelled: true };
      const message = e instanceof Error ? e.message : String(e);
      await this.setStatus(r.id, { status: ctx.attempt >= 3 ? 'failed' : 'queued', error: message.split('\n')[0] ?? 'scan failed' });
      throw e;
    }
  }
}
