import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IncidentAccess } from '../incidents/incident-access.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import { authenticated, canUnmask, canWrite } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import { ForbiddenError } from '../platform/http/problem.js';
import type { AssessmentService } from './assessment.service.js';
import { ExposureReportSchema } from './scan.schema.js';

const AssessmentSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  source: z.enum(['evidence', 'import']),
  evidenceIds: z.array(z.string()),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  progress: z.object({ bytesRead: z.number(), bytesTotal: z.number(), records: z.number() }).nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  report: ExposureReportSchema.nullable(),
  unmaskedSamples: z.record(z.string(), z.array(z.string())).optional(),
});

export function assessmentRoutes(svc: AssessmentService, access: IncidentAccess) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['assessment'];
    const Params = z.object({ id: z.string() });

    app.get(
      '/api/v1/incidents/:id/assessments',
      { config: { policy: authenticated }, schema: { tags, summary: 'Assessments of an incident, newest first (without reports)', params: Params, response: { 200: z.object({ items: z.array(AssessmentSchema) }) } } },
      async (req) => {
        await access.assertCanRead(principalOf(req), req.params.id);
        return { items: await svc.list(req.params.id) };
      },
    );

    app.post(
      '/api/v1/incidents/:id/assessments',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Assess evidence items in the background (one job; people de-duplicated across the files)', params: Params, body: z.object({ evidenceIds: z.array(z.string()).min(1).max(1000) }), response: { 202: AssessmentSchema } },
      },
      async (req, reply) => {
        const p = principalOf(req);
        await access.assertCanWrite(p, req.params.id);
        return reply.code(202).send(await svc.start(req.params.id, req.body.evidenceIds, actorOf(p)));
      },
    );

    app.post(
      '/api/v1/incidents/:id/assessments/import',
      {
        config: { policy: canWrite },
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Store an ExposureReport v1 made by `breachdesk scan --incident` (re-runs the obligation engine)',
          params: Params,
          body: z.object({ report: z.unknown(), rawSamples: z
              .record(z.string(), z.array(z.string()).max(1000))
              // Up to 5 samples per element; `secret:<type>:<provider>` carries up to 1,000 values to revoke (scanner secret-report.ts).
              .refine((r) => Object.entries(r).every(([k, v]) => k.startsWith('secret:') || v.length <= 5), 'at most 5 samples per element')
              .nullable()
              .optional(),
          }),
          response: { 201: AssessmentSchema },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        await access.assertCanWrite(p, req.params.id);
        return reply.code(201).send(await svc.importReport(req.params.id, req.body.report, req.body.rawSamples ?? null, actorOf(p)));
      },
    );

    app.get(
      '/api/v1/assessments/:id',
      {
        config: { policy: authenticated },
        schema: {
          tags,
          summary: 'An assessment with its report; samples are masked — `unmask=true` (legal, incident commander) adds un-masked samples and is audited',
          params: Params,
          querystring: z.object({ unmask: z.enum(['true', 'false']).optional() }),
          response: { 200: AssessmentSchema },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await access.assertCanRead(p, await svc.incidentOf(req.params.id));
        const unmask = req.query.unmask === 'true';
        if (unmask && !canUnmask(p)) throw new ForbiddenError(`un-masking personal data needs the role ${canUnmask.description}`);
        return svc.get(req.params.id, { unmask, actor: actorOf(p) });
      },
    );

    for (const action of ['cancel', 'resume'] as const) {
      app.post(
        `/api/v1/assessments/:id/${action}`,
        { config: { policy: canWrite }, schema: { tags, summary: `${action === 'cancel' ? 'Cancel a queued or running' : 'Resume a cancelled or failed'} assessment`, params: Params, response: { 200: AssessmentSchema } } },
        async (req) => {
          const p = principalOf(req);
          await access.assertCanWrite(p, await svc.incidentOf(req.params.id));
          return action === 'cancel' ? svc.cancel(req.params.id, actorOf(p)) : svc.resume(req.params.id, actorOf(p));
        },
      );
    }
  };
}
