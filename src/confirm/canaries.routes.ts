/** Canary records over HTTP: generate and list (commanders), the public beacon, and leak attribution. */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canLead, canWrite } from '../platform/auth/roles.js';
import { newSpoolKey, readSpoolRange, spoolCipher } from '../platform/crypto/spool-cipher.js';
import { BadInputError } from '../platform/errors.js';
import { principalOf } from '../platform/http/auth-hook.js';
import type { CanariesService } from './canaries.service.js';

const tags = ['canaries'];
/** A transparent 1×1 GIF: what an image beacon answers. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const AttributionSchema = z.object({
  version: z.literal(1),
  canaries: z.number(),
  datasets: z.array(z.object({ dataset: z.string(), plantedWhere: z.array(z.string()), canariesFound: z.number(), canariesPlanted: z.number(), score: z.number() })),
});

export function canariesRoutes(canaries: CanariesService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/canaries',
      {
        config: { policy: canLead },
        schema: {
          tags,
          summary: 'Generate canary people for one dataset (shown in full once, to plant them)',
          body: z.object({ dataset: z.string().trim().min(1).max(200), count: z.number().int().min(1).max(100).default(3), plantedWhere: z.string().trim().min(1).max(500) }),
          response: { 201: z.object({ items: z.array(z.object({ id: z.string(), token: z.string(), name: z.string(), email: z.string(), phone: z.string(), card: z.string(), beaconUrl: z.string() })) }) },
        },
      },
      async (request, reply) => reply.code(201).send({ items: await canaries.generate(principalOf(request), request.body) }),
    );
    app.get(
      '/api/v1/canaries',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Datasets with planted canaries', response: { 200: z.object({ items: z.array(z.object({ dataset: z.string(), plantedWhere: z.array(z.string()), canaries: z.number(), lastHitAt: z.string().nullable() })) }) } },
      },
      async () => ({ items: await canaries.datasets() }),
    );
    app.get(
      '/api/v1/canaries/export',
      {
        config: { policy: canLead },
        schema: { tags, summary: 'The canary set as CSV (canary_id,dataset,planted_where,name,email,phone,card_number), for `breachdesk scan --canaries FILE`; audited', produces: ['text/csv'] },
      },
      async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', 'attachment; filename="canaries.csv"')
          .send(await canaries.exportCsv(principalOf(request))),
    );
    app.get(
      '/api/v1/canaries/beacon/:token',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags, summary: 'A canary beacon (image URL planted with the record): fetching it raises an alert', security: [], params: z.object({ token: z.string() }) },
      },
      async (request, reply) => {
        await canaries.beacon(request.params.token.replace(/\.(png|gif|jpg)$/, ''), { ip: request.ip, userAgent: request.headers['user-agent'] });
        return reply.type('image/gif').header('cache-control', 'no-store').send(PIXEL);
      },
    );
    app.post(
      '/api/v1/canaries/mail',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        bodyLimit: 64 * 1024,
        schema: {
          tags,
          summary: 'The e-mail beacon: the mail system forwards mail to the canary domain here; mail to a canary address raises a critical alert. Always 202 (it does not say which addresses are canaries)',
          security: [],
          body: z.object({ to: z.union([z.string().max(2000), z.array(z.string().max(500)).max(100)]), from: z.string().max(500).optional(), subject: z.string().max(1000).optional() }),
          response: { 202: z.object({ received: z.literal(true) }) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        await canaries.mailBeacon({ to: Array.isArray(b.to) ? b.to : b.to.split(','), from: b.from, subject: b.subject });
        return reply.code(202).send({ received: true as const });
      },
    );
  };
}

/**
 * `POST /api/v1/canaries/check`: the leak file as the raw body, streamed to a temp file encrypted at
 * rest (platform/crypto/spool-cipher.ts: the leak is personal data; its key lives in this request
 * only), scanned through a deciphering reader, deleted.
 */
export function canaryCheckRoute(canaries: CanariesService) {
  return async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/canaries/check',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Which datasets a leaked file came from, by the canaries it holds (raw file body; ?name= its file name)', querystring: z.object({ name: z.string().max(200).optional() }), response: { 200: AttributionSchema } },
      },
      async (request) => {
        if (!request.body) throw new BadInputError('body: send the leaked file as the request body (any content type)');
        const dir = mkdtempSync(join(tmpdir(), 'bd-leak-'));
        // The name keeps its extension: the scanner picks its reader by it.
        const name = basename(request.query.name ?? 'leak.csv').replace(/[^\w.-]/g, '_') || 'leak.csv';
        const file = join(dir, 'leak.bin');
        const key = newSpoolKey();
        try {
          await pipeline(request.body as Readable, spoolCipher(key), createWriteStream(file, { mode: 0o600 }));
          const size = statSync(file).size; // CTR: as many bytes as the plaintext
          const open = (range?: { start: number; end: number }) => {
            const start = range?.start ?? 0;
            const end = Math.min(range?.end ?? size, size);
            return end > start ? readSpoolRange(file, key, start, end - 1) : Readable.from([]);
          };
          return await canaries.attribute([{ name, size, open }]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  };
}
