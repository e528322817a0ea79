/**
 * Flow analysis as an API job: the log is uploaded as the raw body (streamed to DATA_DIR/flows),
 * a job analyses it (streaming, constant memory) and, with `raise=true`, raises each finding's
 * suggested alert into triage. The upload is kept only until the job has read it. The job runs
 * where the file is: `serve` with its inline worker, or a worker sharing DATA_DIR.
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canWrite } from '../../platform/auth/roles.js';
import { BadInputError } from '../../platform/errors.js';
import { NotFoundError } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { INTERNAL_SOURCES, type IntakeService } from '../intake.service.js';
import { normalise } from '../normalise/index.js';
import type { FlowReport } from './analyse.js';
import { analyseFlows, fileInput } from './flow-files.js';

export const FLOWS_QUEUE = 'confirm.flows';
const tags = ['flows'];

export interface FlowJob {
  file: string;
  name: string;
  raise: boolean;
  vpcFields?: string[];
}

/** The job handler: analyse, raise the suggested alerts if asked, delete the upload. */
export function flowJob(intake: IntakeService) {
  return async (job: FlowJob): Promise<FlowReport & { raised: number }> => {
    try {
      const report = await analyseFlows([{ ...fileInput(job.file), name: job.name }], { vpcFields: job.vpcFields });
      let raised = 0;
      if (job.raise) {
        for (const f of report.findings) {
          const a = normalise(f.suggestedAlert, 'generic', new Date().toISOString());
          a.kind = 'flow';
          await intake.raise(INTERNAL_SOURCES.flow, a, { finding: f.kind, summary: f.summary, evidence: f.evidence });
          raised++;
        }
      }
      return { ...report, raised };
    } finally {
      rmSync(job.file, { force: true });
    }
  };
}

export function flowsRoutes(jobs: JobQueue, dataDir: string) {
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
        const dir = join(dataDir, 'flows');
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const file = join(dir, `${newId()}.log`);
        await pipeline(request.body as Readable, createWriteStream(file, { mode: 0o600 }));
        const payload: FlowJob = { file, name: (request.query.name ?? 'upload').replace(/[^\w.-]/g, '_'), raise: request.query.raise === 'true' };
        if (request.query.vpcFields) payload.vpcFields = request.query.vpcFields.split(/[\s,]+/).filter(Boolean);
        const id = await jobs.send(FLOWS_QUEUE, payload, { maxAttempts: 1 });
        return reply.code(202).send({ id });
      },
    );
    app.get(
      '/api/v1/flows/analyses/:analysisId',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'A flow analysis: status, and the report when done', params: z.object({ analysisId: z.string() }), response: { 200: z.object({ id: z.string(), status: z.string(), error: z.string().nullable(), report: z.unknown() }) } },
      },
      async (request) => {
        const j = await jobs.get(request.params.analysisId);
        if (!j || j.queue !== FLOWS_QUEUE) throw new NotFoundError('flow analysis');
        return { id: j.id, status: j.status, error: j.lastError, report: j.status === 'done' ? j.result : null };
      },
    );
  };
}
