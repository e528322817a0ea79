/** HTTP API of the notices feature (thin: parse, authorise by policy, call the service). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canWrite } from '../platform/auth/roles.js';
import { BadInputError } from '../platform/errors.js';
import { principalOf } from '../platform/http/auth-hook.js';
import { draftBodySchema, reviseBodySchema } from './notices.schema.js';
import type { NoticesService } from './notices.service.js';
import { matchesBodySchema } from './people.schema.js';

const UPLOAD_TYPES = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const UPLOAD_LIMIT = 512 * 1024 * 1024;

const idParams = z.object({ id: z.string().min(1) });
const importQuery = z.object({
  /** Header overrides: `field=Header,field2=Header 2`. */
  map: z.string().optional(),
  jurisdiction: z.string().optional(),
});

function parseMap(s: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s) return out;
  for (const part of s.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) throw new BadInputError(`map: "${part}" is not field=Header`);
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function body(b: unknown): Buffer {
  if (Buffer.isBuffer(b)) return b;
  if (typeof b === 'string') return Buffer.from(b);
  throw new BadInputError('send the file as the request body (text/csv or XLSX)');
}

export interface NoticesRoutesDeps {
  service: NoticesService;
  enqueue(noticeId: string): Promise<void>;
}

export function noticesRoutes(deps: NoticesRoutesDeps) {
  const svc = deps.service;
  return async (scope: FastifyInstance) => {
    // Uploads (people files, result CSVs) arrive as raw bodies; scoped to this plugin.
    scope.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, b, done) => done(null, b));
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['notices'];

    app.post('/api/v1/incidents/:id/people/preview', { config: { policy: authenticated }, bodyLimit: UPLOAD_LIMIT, schema: { tags, summary: 'Preview the column mapping of a people file (CSV/XLSX body)', params: idParams, querystring: importQuery } }, async (req) =>
      svc.previewImport(principalOf(req), req.params.id, body(req.body), parseMap(req.query.map)),
    );
    app.post('/api/v1/incidents/:id/people/import', { config: { policy: canWrite }, bodyLimit: UPLOAD_LIMIT, schema: { tags, summary: 'Import affected people from a CSV/XLSX body', params: idParams, querystring: importQuery } }, async (req) =>
      svc.importFile(principalOf(req), req.params.id, body(req.body), { overrides: parseMap(req.query.map), defaultJurisdiction: req.query.jurisdiction?.toUpperCase() }),
    );
    app.post('/api/v1/incidents/:id/people/matches', { config: { policy: canWrite }, bodyLimit: UPLOAD_LIMIT, schema: { tags, summary: "Import the assessment's customer matches (JSON)", params: idParams, body: matchesBodySchema } }, async (req) =>
      svc.importMatches(principalOf(req), req.params.id, req.body.people as never, req.body.defaultJurisdiction),
    );
    app.get('/api/v1/incidents/:id/people', { config: { policy: authenticated }, schema: { tags, summary: 'Affected people (masked)', params: idParams, querystring: z.object({ after: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }) } }, async (req) =>
      svc.listPeople(principalOf(req), req.params.id, req.query.after ?? '', req.query.limit),
    );
    app.get('/api/v1/incidents/:id/people/counts', { config: { policy: authenticated }, schema: { tags, summary: 'Affected people per jurisdiction (obligation engine population)', params: idParams } }, async (req) => ({
      incidentId: req.params.id,
      byJurisdiction: await svc.countsFor(principalOf(req), req.params.id),
    }));

    app.get('/api/v1/incidents/:id/notices/email-primary', { config: { policy: authenticated }, schema: { tags, summary: 'Whether e-mail is declared the primary means of communication with the affected people (and by whom, when)', params: idParams } }, async (req) =>
      svc.emailPrimaryOf(principalOf(req), req.params.id),
    );
    app.put(
      '/api/v1/incidents/:id/notices/email-primary',
      {
        config: { policy: canWrite },
        schema: {
          tags,
          summary: 'Declare (or withdraw) that e-mail is the primary means of communication with the affected people: where the statute accepts it (e.g. C.R.S. §6-1-716(1)(f)(III)) notices e-mail people without E-SIGN consent; audited',
          params: idParams,
          body: z.object({ primaryEmail: z.boolean(), statement: z.string().max(2000).nullable().optional() }),
        },
      },
      async (req) => svc.declareEmailPrimary(principalOf(req), req.params.id, req.body),
    );

    app.post('/api/v1/notices', { config: { policy: canWrite }, schema: { tags, summary: 'Draft a notice for a jurisdiction and recipient', body: draftBodySchema } }, async (req, reply) => {
      const v = await svc.draft(principalOf(req), req.body);
      return reply.code(201).send(v);
    });
    app.get('/api/v1/incidents/:id/notices', { config: { policy: authenticated }, schema: { tags, summary: 'Notices of an incident', params: idParams } }, async (req) => ({ items: await svc.list(principalOf(req), req.params.id) }));
    app.get('/api/v1/incidents/:id/notices/tracking', { config: { policy: authenticated }, schema: { tags, summary: 'Per obligation: people reached by channel and when', params: idParams } }, async (req) =>
      svc.tracking(principalOf(req), req.params.id),
    );
    app.get('/api/v1/notices/:id', { config: { policy: authenticated }, schema: { tags, summary: 'A notice with its current version, problems and approvals', params: idParams } }, async (req) => svc.view(principalOf(req), req.params.id));
    app.patch('/api/v1/notices/:id', { config: { policy: canWrite }, schema: { tags, summary: 'Revise a draft (new version)', params: idParams, body: reviseBodySchema } }, async (req) =>
      svc.revise(principalOf(req), req.params.id, req.body),
    );
    app.get('/api/v1/notices/:id/preview', { config: { policy: authenticated }, schema: { tags, summary: 'Rendered notice (text, HTML e-mail or PDF letter)', params: idParams, querystring: z.object({ format: z.enum(['text', 'html', 'pdf']).default('text') }) } }, async (req, reply) => {
      const r = await svc.preview(principalOf(req), req.params.id, req.query.format);
      return reply.type(r.type).send(r.body);
    });
    app.post('/api/v1/notices/:id/submit', { config: { policy: canWrite }, schema: { tags, summary: 'Submit a draft for review', params: idParams } }, async (req) => svc.submit(principalOf(req), req.params.id));
    app.post('/api/v1/notices/:id/approve', { config: { policy: canWrite }, schema: { tags, summary: 'Approve as legal member or incident commander', params: idParams } }, async (req) => svc.approve(principalOf(req), req.params.id));
    // Idempotent by construction (one outbox row per person): repeating it, with or without an Idempotency-Key, sends nothing twice.
    app.post('/api/v1/notices/:id/send', { config: { policy: canWrite }, schema: { tags, summary: 'Send an approved individual notice', params: idParams } }, async (req, reply) => {
      const s = await svc.requestSend(principalOf(req), req.params.id, deps.enqueue);
      return reply.code(202).send(s);
    });
    app.post(
      '/api/v1/notices/:id/submission',
      {
        config: { policy: canWrite },
        schema: {
          tags,
          summary: 'Record that an approved regulator, credit-bureau or media notice was submitted (date, channel, reference); meets its obligations',
          params: idParams,
          body: z.object({ submittedAt: z.iso.datetime({ offset: true }), channel: z.string().min(1).max(200), reference: z.string().max(500).nullable().optional(), lateReason: z.string().max(2000).nullable().optional() }),
        },
      },
      async (req, reply) => reply.code(201).send(await svc.recordSubmission(principalOf(req), req.params.id, req.body)),
    );
    app.get('/api/v1/notices/:id/submission', { config: { policy: authenticated }, schema: { tags, summary: 'The recorded submission of a notice (null when none)', params: idParams } }, async (req) => ({ submission: await svc.submission(principalOf(req), req.params.id) }));
    app.get('/api/v1/notices/:id/audience', { config: { policy: authenticated }, schema: { tags, summary: 'Who an individual notice will reach: counts by e-mail, by post, unreachable, suppressed', params: idParams } }, async (req) =>
      svc.audience(principalOf(req), req.params.id),
    );
    app.post('/api/v1/notices/:id/test-send', { config: { policy: canWrite }, schema: { tags, summary: "Send the notice's current version to the caller's own address, marked [TEST]", params: idParams } }, async (req) =>
      svc.testSend(principalOf(req), req.params.id),
    );
    app.get('/api/v1/notices/:id/status', { config: { policy: authenticated }, schema: { tags, summary: 'Delivery counts per state', params: idParams } }, async (req) => svc.status(principalOf(req), req.params.id));
    app.get(
      '/api/v1/notices/:id/proof',
      { config: { policy: authenticated }, schema: { tags, summary: 'Proof-of-notice export (CSV; ?unmask=true for legal/commander, audited)', params: idParams, querystring: z.object({ unmask: z.enum(['true', 'false']).default('false') }) } },
      async (req, reply) => reply.type('text/csv; charset=utf-8').send(await svc.exportProof(principalOf(req), req.params.id, req.query.unmask === 'true')),
    );
    app.get('/api/v1/notices/:id/postal', { config: { policy: authenticated }, schema: { tags, summary: 'Postal batch for the print vendor (CSV or merged PDF)', params: idParams, querystring: z.object({ format: z.enum(['csv', 'pdf']).default('csv') }) } }, async (req, reply) => {
      const r = await svc.postalBatch(principalOf(req), req.params.id, req.query.format);
      return reply.type(r.type).header('x-letters', String(r.count)).send(r.body);
    });
    app.post('/api/v1/notices/:id/results', { config: { policy: canWrite }, bodyLimit: UPLOAD_LIMIT, schema: { tags, summary: 'Import bounces or print-vendor results (CSV body)', params: idParams } }, async (req) =>
      svc.importResults(principalOf(req), req.params.id, body(req.body)),
    );
  };
}
