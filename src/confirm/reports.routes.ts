/**
 * Outside reports over HTTP: the public form endpoint (rate-limited per IP, size-capped, nothing
 * echoed back but a reference) and `/.well-known/security.txt` (RFC 9116) pointing to it; the
 * reports themselves are read by responders.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canWrite } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import { REPORT_CATEGORIES, type ReportsService } from './reports.service.js';

const tags = ['reports'];
/** Three attachments of up to 2 MB each, base64 in JSON (4/3 larger), plus the text. */
export const REPORT_BODY_LIMIT = 9 * 1024 * 1024;
const MAX_ATTACHMENT = 2 * 1024 * 1024;

export const ReportInputSchema = z.object({
  category: z.enum(REPORT_CATEGORIES).default('exposed_data'),
  message: z.string().trim().min(10, 'say what you found (at least 10 characters)').max(20_000),
  affected: z.string().trim().max(2000).optional().describe('where: a URL, system or file name'),
  name: z.string().trim().max(200).optional(),
  contact: z.string().trim().max(320).optional().describe('how to reach you (optional)'),
  attachments: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        contentBase64: z
          .string()
          .max(Math.ceil((MAX_ATTACHMENT * 4) / 3) + 4, 'an attachment may be at most 2 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
      }),
    )
    .max(3)
    .optional(),
});

const ReportSchema = z.object({
  id: z.string(),
  reference: z.string(),
  category: z.string(),
  receivedAt: z.string(),
  alertId: z.string().nullable(),
  message: z.string(),
  affected: z.string().nullable(),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  masked: z.boolean(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), sha256: z.string(), size: z.number() })),
});

export function securityTxt(publicUrl: string, contact: string | null, now: Date): string {
  const base = publicUrl.replace(/\/$/, '');
  // Expires is required (RFC 9116 §2.5.5) and should be under a year away: served fresh, 180 days out.
  const expires = new Date(now.getTime() + 180 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [...(contact ? [`Contact: ${contact}`] : []), `Contact: ${base}/report`, `Expires: ${expires}`, 'Preferred-Languages: en', `Canonical: ${base}/.well-known/security.txt`, ''].join('\n');
}

export function reportsRoutes(reports: ReportsService, site: { publicUrl: string; securityContact: string | null }) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get('/.well-known/security.txt', { schema: { hide: true } }, async (_req, reply) => reply.type('text/plain; charset=utf-8').send(securityTxt(site.publicUrl, site.securityContact, new Date())));
    app.post(
      '/api/v1/reports',
      {
        bodyLimit: REPORT_BODY_LIMIT,
        config: { public: true, rateLimit: { max: 5, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary: 'Report exposed data or a vulnerability (public; answers only a reference)',
          security: [],
          body: ReportInputSchema,
          response: { 201: z.object({ reference: z.string(), message: z.string() }) },
        },
      },
      async (request, reply) => {
        const r = await reports.submit(request.body, request.ip);
        return reply.code(201).send({ reference: r.reference, message: 'Thank you. Your report was received; quote this reference if you write again.' });
      },
    );
    app.get(
      '/api/v1/reports',
      { config: { policy: canWrite }, schema: { tags, summary: 'Outside reports, newest first (reporters masked)', response: { 200: z.object({ items: z.array(ReportSchema) }) } } },
      async () => ({ items: await reports.list() }),
    );
    app.get(
      '/api/v1/reports/:reportId',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'One report; ?unmask=true shows the reporter (legal, commanders; audited)', params: z.object({ reportId: z.string() }), querystring: z.object({ unmask: z.enum(['true', 'false']).optional() }), response: { 200: ReportSchema } },
      },
      async (request) => reports.get(principalOf(request), request.params.reportId, request.query.unmask === 'true'),
    );
    app.get(
      '/api/v1/reports/:reportId/attachments/:attachmentId',
      { config: { policy: canWrite }, schema: { tags, summary: 'Download a quarantined attachment (never rendered inline)', params: z.object({ reportId: z.string(), attachmentId: z.string() }) } },
      async (request, reply) => {
        const a = await reports.attachment(principalOf(request), request.params.reportId, request.params.attachmentId);
        return reply
          .type('application/octet-stream')
          .header('content-disposition', `attachment; filename="quarantined-${a.sha256.slice(0, 12)}.bin"`)
          .header('x-content-type-options', 'nosniff')
          .send(a.bytes);
      },
    );
  };
}
