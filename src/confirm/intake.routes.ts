/**
 * Alert intake over HTTP. `POST /api/v1/intake/{source}` is public to the user sign-in (a
 * detection tool has no session) and authenticated per source instead: its token, or an HMAC
 * signature over the raw body (signature.ts). The body is read raw so the signature covers
 * exactly the bytes sent; one JSON alert, an array or NDJSON.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canWrite, isAdmin } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import { CorrelationInputSchema, IngestResultSchema, SourceInputSchema, SourceSchema } from './confirm.schema.js';
import { MAX_ALERTS_PER_REQUEST, parseAlertsBody } from './intake-body.js';
import type { Json } from './normalise/alert.js';
import type { IntakeService } from './intake.service.js';
import { SIGNATURE_HEADER } from './signature.js';

const tags = ['intake'];
const Problem = z.object({ title: z.string(), status: z.number(), detail: z.string() }).passthrough();

/** The intake endpoint, in a scope of its own: it replaces the JSON body parser with a raw one. */
export function intakeEndpoint(intake: IntakeService, bodyLimit: number) {
  return async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/intake/:source',
      {
        bodyLimit,
        config: { public: true },
        schema: {
          tags,
          summary: 'Send alerts from a detection tool (one JSON alert, an array or NDJSON); see docs/intake.md',
          description: `Authenticated by the source's token (Authorization: Bearer, X-Breachdesk-Token, or ?token= for webhook senders that cannot set headers) or by ${SIGNATURE_HEADER}: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">. 201 when every alert was read, 202 when some were kept as unparsed.`,
          params: z.object({ source: z.string() }),
          querystring: z.object({ token: z.string().optional() }),
          security: [],
          response: { 201: IngestResultSchema, 202: IngestResultSchema, 400: Problem, 401: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const auth = request.headers.authorization;
        const bearer = auth && /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
        const token = bearer ?? (request.headers['x-breachdesk-token'] as string | undefined) ?? request.query.token;
        const src = await intake.authenticate(request.params.source, { token, signature: request.headers[SIGNATURE_HEADER] as string | undefined }, raw);
        const docs = parseAlertsBody(raw.toString('utf8'));
        const result = await intake.ingest(src, docs);
        return reply.code(result.unparsed ? 202 : 201).send(result);
      },
    );
  };
}

/** Configuring sources: admins create them (the secret is shown once); responders may list them. */
export function intakeSourceRoutes(intake: IntakeService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/intake-sources',
      { config: { policy: canWrite }, schema: { tags, summary: 'Configured alert sources', response: { 200: z.object({ items: z.array(SourceSchema) }) } } },
      async () => ({ items: await intake.listSources() }),
    );
    app.post(
      '/api/v1/intake-sources',
      {
        config: { policy: isAdmin },
        schema: { tags, summary: 'Add an alert source; answers its token or HMAC secret once', body: SourceInputSchema, response: { 201: z.object({ source: SourceSchema, secret: z.string() }) } },
      },
      async (request, reply) => reply.code(201).send(await intake.createSource(principalOf(request), request.body)),
    );
    app.patch(
      '/api/v1/intake-sources/:source',
      {
        config: { policy: isAdmin },
        schema: {
          tags,
          summary: "Set a source's correlation lists (null: the defaults again); its token and other settings stay",
          params: z.object({ source: z.string() }),
          body: z.object({ correlation: CorrelationInputSchema.nullable() }),
          response: { 200: SourceSchema },
        },
      },
      async (request) => intake.setCorrelation(principalOf(request), request.params.source, request.body.correlation),
    );
    // Backfills and tests (`breachdesk intake replay`): the operator's own sign-in stands in for the source's credential.
    app.post(
      '/api/v1/intake-sources/:source/replay',
      {
        config: { policy: isAdmin },
        schema: {
          tags,
          summary: 'Feed stored alerts into a source as if it had sent them (backfill)',
          params: z.object({ source: z.string() }),
          body: z.object({ alerts: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_ALERTS_PER_REQUEST) }),
          response: { 201: IngestResultSchema, 202: IngestResultSchema },
        },
      },
      async (request, reply) => {
        const src = await intake.sourceFor(principalOf(request), request.params.source);
        const result = await intake.ingest(src, request.body.alerts as Json[]);
        return reply.code(result.unparsed ? 202 : 201).send(result);
      },
    );
  };
}
