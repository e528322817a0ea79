/**
 * Flow analysis as an API job: the log is uploaded as the raw body, streamed encrypted onto the
 * blob store (platform/storage/sealed-blobs.ts: the data directory, or the object store the fleet
 * shares), a job analyses it (streaming, constant memory) on whichever process takes it up and,
 * with `raise=true`, raises each finding's suggested alert into triage. The upload is kept only
 * until the job has read it. The report is kept sealed in the store (flow-analyses.ts), not in the
 * job, which pg-boss deletes after 7 days.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/accounts.service.js';
import { canWrite } from '../../platform/auth/roles.js';
import { BadInputError } from '../../platform/errors.js';
import { principalOf } from '../../platform/http/auth-hook.js';
import { NotFoundError } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.js';
import type { SealedBlobs } from '../../platform/storage/sealed-blobs.js';
import { INTERNAL_SOURCES, type IntakeService } from '../intake.service.js';
import { normalise } from '../normalise/index.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import type { FlowReport } from './analyse.js';
import type { FlowAnalyses } from './flow-analyses.js';
import { analyseFlows, fileInput } from './flow-files.js';

export const FLOWS_QUEUE = 'confirm.flows';
const tags = ['flows'];

export interface FlowJob {
  /** The sealed upload on the blob store (its key and wrapped file key). */
  upload?: { key: string; keyEnc: string };
  /** A plaintext file in DATA_DIR/flows: jobs queued before uploads were sealed. */
  file?: string;
  name: string;
  raise: boolean;
  vpcFields?: string[];
  /** The analysis (the job's own id) and who started it: the report goes to the store, not the job. Absent on jobs queued before. */
  analysisId?: string;
  actor?: Actor;
}

/** What a job keeps as its result once its report is in the store: counts, nothing personal. */
export interface FlowJobResult {
  stored: true;
  findings: number;
  raised: number;
}

/** The job handler: analyse, raise the suggested alerts if asked, delete the upload. */
/**
 * Two attempts: a worker that dies mid-analysis (issue 18 §1: it loses nothing) has its job run
 * again elsewhere. One attempt was enough on the embedded queue, which takes an expired lease up
 * whatever the count, but pg-boss's expiry counts the dead worker's run and failed the analysis.
 * A file the analysis cannot read fails both attempts with the same message.
 */
export const FLOW_ATTEMPTS = 2;

export function flowJob(intake: IntakeService, uploads: SealedBlobs, analyses: FlowAnalyses) {
  return async (job: FlowJob, ctx?: Pick<JobContext, 'attempt'>): Promise<(FlowReport & { raised: number }) | FlowJobResult> => {
    let settled = false;
    try {
      const input = job.upload ? { name: job.name, stream: uploads.read(job.upload) } : { ...fileInput(job.file!), name: job.name };
      const report = await analyseFlows([input], { vpcFields: job.vpcFields });
      let raised = 0;
      if (job.raise) {
        for (const f of report.findings) {
          const a = normalise(f.suggestedAlert, 'generic', new Date().toISOString());
          a.kind = 'flow';
          await intake.raise(INTERNAL_SOURCES.flow, a, { finding: f.kind, summary: f.summary, evidence: f.evidence });
          raised++;
        }
      }
      if (!job.analysisId || !job.actor) {
        settled = true;
        return { ...report, raised };
      }
      await analyses.completed(job.analysisId, { ...report, raised }, job.actor);
      settled = true;
      return { stored: true, findings: report.findings.length, raised };
    } catch (e) {
      if (job.analysisId && (ctx?.attempt ?? FLOW_ATTEMPTS) >= FLOW_ATTEMPTS) await analyses.failed(job.analysisId, e instanceof Error ? e.message : String(e));
      throw e;
    } finally {
      // Kept for the next attempt after a failure; a worker that died never gets here, so its
      // retry elsewhere still finds the upload.
      if (settled || (ctx?.attempt ?? FLOW_ATTEMPTS) >= FLOW_ATTEMPTS) {
        if (job.upload) await uploads.remove(job.upload.key);
        if (job.file) rmSync(job.file, { force: true });
      }
    }
  };
}

export function flowsRoutes(jobs: JobQueue, uploads: SealedBlobs, analyses: FlowAnalyses) {
  return async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/flows/analyses',
      {
        config: { policy: canWrite },
        schema: {
          tags,
          summary: 'Analyse a flow log for exfiltration (raw body: Zeek conn.log, VPC Flow Log or nfdump CSV); answers the job id',
          querystring: z.object({ name: z.string().max(200).optional(), raise: z.enum(['true', 'false']).optional(), vpcFields: z.string().max(2000).optional() }),
          response: { 202: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) => {
        if (!request.body) throw new BadInputError('body: send the flow log as the request body');
        const { key, keyEnc, size } = await uploads.put(`uploads/flows/${newId()}.bdev`, request.body as Readable);
        // The row exists before the job, so the job (on any process) always finds it to complete.
        const id = randomUUID();
        const actor = actorOf(principalOf(request));
        const payload: FlowJob = { upload: { key, keyEnc }, name: (request.query.name ?? 'upload').replace(/[^\w.-]/g, '_'), raise: request.query.raise === 'true', analysisId: id, actor };
        if (request.query.vpcFields) payload.vpcFields = request.query.vpcFields.split(/[\s,]+/).filter(Boolean);
        await analyses.started(id, payload.name, size, actor);
        await jobs.send(FLOWS_QUEUE, payload, { maxAttempts: FLOW_ATTEMPTS, id });
        return reply.code(202).send({ id });
      },
    );
    app.get(
      '/api/v1/flows/analyses/:analysisId',
      {
        config: { policy: canWrite },
        schema: {
          tags,
          summary: 'A flow analysis: status, and the report when done',
          params: z.object({ analysisId: z.string() }),
          response: {
            200: z.object({
              id: z.string(),
              status: z.string(),
              error: z.string().nullable(),
              report: z.unknown(),
              name: z.string().optional().describe('the uploaded file name (analyses started before reports were stored have none)'),
              size: z.number().nullable().optional(),
              startedBy: z.string().nullable().optional().describe('the user id'),
              startedAt: z.string().optional(),
              finishedAt: z.string().nullable().optional(),
            }),
          },
        },
      },
      async (request) => {
        const id = request.params.analysisId;
        const stored = await analyses.get(id);
        const about = stored ? { name: stored.name, size: stored.size, startedBy: stored.startedBy, startedAt: stored.startedAt, finishedAt: stored.finishedAt } : {};
        // Settled: the store has it all, whether or not the queue still has the job.
        if (stored && stored.status !== 'queued') return { id, status: stored.status, error: stored.error, report: stored.report, ...about };
        const j = await jobs.get(id);
        if (j && j.queue === FLOWS_QUEUE) {
          // A job queued before reports were stored holds its report as its result.
          const report = j.status === 'done' && !(j.result as Partial<FlowJobResult> | null)?.stored ? j.result : null;
          return { id: j.id, status: j.status, error: j.lastError, report, ...about };
        }
        // The job is gone (a purge, or a restore that could not bring its upload back) before it settled.
        if (stored) return { id, status: stored.status, error: stored.error, report: null, ...about };
        throw new NotFoundError('flow analysis');
      },
    );
  };
}
