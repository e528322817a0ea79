/** Reports over HTTP: GET one kind in one format (thin: the service decides). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from '../../platform/auth/roles.js';
import { principalOf } from '../../platform/http/auth-hook.js';
import { REPORT_FORMATS } from '../../reports/report.model.js';
import { REPORT_KINDS } from './report-data.js';
import type { ReportService } from './report.service.js';

export function reportRoutes(reports: ReportService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/incidents/:id/reports/:kind',
      {
        config: { policy: authenticated },
        schema: {
          tags: ['learn'],
          summary: 'A report of the incident (post-incident, executive, insurer, regulator) as Markdown, HTML, PDF or DOCX',
          params: z.object({ id: z.string().min(1), kind: z.enum(REPORT_KINDS) }),
          querystring: z.object({
            format: z.enum(REPORT_FORMATS).default('md'),
            includePrivileged: z.enum(['true', 'false']).default('false').describe('privileged material; legal only'),
            encoding: z.enum(['base64']).optional().describe('answer JSON with the file as base64 (clients that cannot read a binary body)'),
          }),
        },
      },
      async (request, reply) => {
        const q = request.query;
        const r = await reports.render(principalOf(request), request.params.id, request.params.kind, q.format, q.includePrivileged === 'true');
        if (q.encoding === 'base64') return reply.send({ filename: r.filename, contentType: r.contentType, data: r.body.toString('base64') });
        return reply.header('content-type', r.contentType).header('content-disposition', `attachment; filename="${r.filename}"`).header('cache-control', 'no-store').send(r.body);
      },
    );
  };
}
