/**
 * Evidence, custody and notes over HTTP. Uploads stream the raw request body
 * (application/octet-stream) straight into the encrypting writer: nothing is buffered, so the
 * route's body limit is effectively unbounded. Every route first checks incident access
 * through the service (membership, privilege); org-level roles are the route policies.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canLead, canWrite } from '../../platform/auth/roles.js';
import { principalOf } from '../../platform/http/auth-hook.js';
import { HttpError } from '../../platform/http/problem.js';
import {
  ContentQuerySchema,
  CreateNoteSchema,
  CustodyRowSchema,
  DeleteQuerySchema,
  EvidenceItemSchema,
  EvidencePageSchema,
  HandoverSchema,
  LegalHoldSchema,
  NotePageSchema,
  NoteSchema,
  PageQuerySchema,
  PrivilegeSchema,
  UploadQuerySchema,
  VerifyResultSchema,
} from './evidence.schema.js';
import { canHold, type EvidenceService } from './evidence.service.js';
import type { NotesService } from './notes.service.js';

/** 1 TiB: uploads are streamed to disk, so the limit only guards against nonsense lengths. */
export const EVIDENCE_BODY_LIMIT = 2 ** 40;

const IncidentParams = z.object({ id: z.string().min(1) });
const ItemParams = z.object({ itemId: z.string().min(1) });
const IncidentItemParams = z.object({ id: z.string().min(1), itemId: z.string().min(1) });

function header(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined) return undefined;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** RFC 9110 §14.1.2 single byte range: "bytes=a-b", "bytes=a-" or "bytes=-n"; end exclusive. */
export function parseRange(value: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!value) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  if (m[1] === '') return { start: Math.max(0, size - Number(m[2])), end: size };
  const start = Number(m[1]);
  const end = m[2] === '' ? size : Math.min(size, Number(m[2]) + 1);
  return start < size && end > start ? { start, end } : 'invalid';
}

/** RFC 6266 Content-Disposition with an RFC 8187 UTF-8 file name. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function evidenceRoutes(evidence: EvidenceService, notes: NotesService) {
  return async (scope: FastifyInstance) => {
    // Pass the request stream through untouched: the handler reads request.raw.
    scope.addContentTypeParser('application/octet-stream', (_req, _payload, done) => done(null));
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['evidence'];

    app.post(
      '/api/v1/incidents/:id/evidence',
      {
        bodyLimit: EVIDENCE_BODY_LIMIT,
        // Refuse other bodies before they are parsed: a JSON parser would buffer up to the body limit.
        preParsing: async (request) => {
          const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          if (type !== 'application/octet-stream') throw new HttpError(415, `send the file as the raw body with Content-Type application/octet-stream (got ${type || 'none'})`);
        },
        config: { policy: canWrite },
        schema: {
          tags,
          summary: 'Upload an evidence file (raw body, application/octet-stream; streamed, encrypted at rest)',
          params: IncidentParams,
          querystring: UploadQuerySchema,
          response: { 201: EvidenceItemSchema },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const name = q.name ?? header(request.headers['x-evidence-name']);
        if (!name) throw new HttpError(400, 'name: give the file name as ?name= or the X-Evidence-Name header');
        const declared = request.headers['content-length'];
        const item = await evidence.upload(principalOf(request), request.params.id, {
          stream: request.raw,
          name,
          description: q.description ?? header(request.headers['x-evidence-description']),
          mediaType: header(request.headers['x-evidence-media-type']),
          privileged: q.privileged ?? header(request.headers['x-evidence-privileged']) === 'true',
          declaredSize: declared === undefined ? null : Number(declared),
        });
        return reply.code(201).send(item);
      },
    );

    app.get(
      '/api/v1/incidents/:id/evidence',
      {
        config: { policy: authenticated },
        schema: { tags, summary: 'List evidence items of an incident (privileged items only for legal roles)', params: IncidentParams, querystring: PageQuerySchema, response: { 200: EvidencePageSchema } },
      },
      async (request) => evidence.list(principalOf(request), request.params.id, { cursor: request.query.cursor ?? null, limit: request.query.limit }),
    );

    app.get(
      '/api/v1/evidence/:itemId',
      { config: { policy: authenticated }, schema: { tags, summary: 'An evidence item (recorded as an access in its custody ledger)', params: ItemParams, response: { 200: EvidenceItemSchema } } },
      async (request) => evidence.get(principalOf(request), request.params.itemId),
    );

    app.get(
      '/api/v1/incidents/:id/evidence/:itemId',
      { config: { policy: authenticated }, schema: { tags, summary: 'An evidence item of this incident (recorded as an access)', params: IncidentItemParams, response: { 200: EvidenceItemSchema } } },
      async (request) => evidence.get(principalOf(request), request.params.itemId, request.params.id),
    );

    app.get(
      '/api/v1/evidence/:itemId/custody',
      { config: { policy: authenticated }, schema: { tags, summary: 'The custody ledger of an item', params: ItemParams, response: { 200: z.object({ items: z.array(CustodyRowSchema) }) } } },
      async (request) => ({ items: await evidence.custody(principalOf(request), request.params.itemId) }),
    );

    app.get(
      '/api/v1/evidence/:itemId/content',
      {
        config: { policy: authenticated },
        schema: {
          tags,
          summary: 'Download the file, decrypted while streaming (Range supported); recorded in the custody ledger',
          params: ItemParams,
          querystring: ContentQuerySchema,
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const q = request.query;
        if (q.encoding === 'base64') {
          // For clients that cannot read a binary body (the CLI's in-process client): one bounded range as base64.
          const offset = q.offset ?? 0;
          const length = q.length ?? 8 * 1024 * 1024;
          const d = await evidence.download(p, request.params.itemId, { start: offset, end: offset + length });
          const parts: Buffer[] = [];
          for await (const c of d.stream) parts.push(c as Buffer);
          return reply.send({ offset: d.start, bytes: d.end - d.start, size: d.item.size, sha256: d.item.sha256, name: d.item.name, data: Buffer.concat(parts).toString('base64') });
        }
        const item = await evidence.peek(p, request.params.itemId);
        const range = parseRange(request.headers.range, item.size);
        if (range === 'invalid') {
          reply.header('content-range', `bytes */${item.size}`);
          throw new HttpError(416, `unsatisfiable range ${request.headers.range} for ${item.size} bytes`);
        }
        const d = await evidence.download(p, request.params.itemId, range ?? undefined);
        reply
          .header('content-type', 'application/octet-stream')
          .header('content-disposition', disposition(d.item.name))
          .header('content-length', String(d.end - d.start))
          .header('accept-ranges', 'bytes')
          .header('digest', `sha-256=${Buffer.from(d.item.sha256, 'hex').toString('base64')}`);
        if (range) reply.code(206).header('content-range', `bytes ${d.start}-${d.end - 1}/${d.item.size}`);
        return reply.send(d.stream);
      },
    );

    const handover = { body: HandoverSchema, response: { 200: EvidenceItemSchema } };
    app.post(
      '/api/v1/evidence/:itemId/handover',
      { config: { policy: canWrite }, schema: { tags, summary: 'Hand the item over to another custodian', params: ItemParams, ...handover } },
      async (request) => evidence.handover(principalOf(request), request.params.itemId, request.body),
    );
    app.post(
      '/api/v1/incidents/:id/evidence/:itemId/handover',
      { config: { policy: canWrite }, schema: { tags, summary: 'Hand the item over to another custodian', params: IncidentItemParams, ...handover } },
      async (request) => evidence.handover(principalOf(request), request.params.itemId, request.body, request.params.id),
    );

    app.post(
      '/api/v1/evidence/:itemId/verify',
      {
        config: { policy: authenticated },
        schema: { tags, summary: 'Re-hash the stored file and check the custody chain', params: ItemParams, response: { 200: VerifyResultSchema } },
      },
      async (request) => evidence.verify(principalOf(request), request.params.itemId),
    );

    app.put(
      '/api/v1/evidence/:itemId/legal-hold',
      { config: { policy: canHold }, schema: { tags, summary: 'Set or release a legal hold (no deletion while set)', params: ItemParams, body: LegalHoldSchema, response: { 200: EvidenceItemSchema } } },
      async (request) => evidence.setLegalHold(principalOf(request), request.params.itemId, request.body.hold, request.body.reason),
    );

    app.put(
      '/api/v1/evidence/:itemId/privileged',
      { config: { policy: canWrite }, schema: { tags, summary: 'Flag or unflag the item as privileged (legal roles)', params: ItemParams, body: PrivilegeSchema, response: { 200: EvidenceItemSchema } } },
      async (request) => evidence.setPrivileged(principalOf(request), request.params.itemId, request.body.privileged),
    );

    app.delete(
      '/api/v1/evidence/:itemId',
      {
        config: { policy: canLead },
        schema: { tags, summary: 'Delete the file (refused under legal hold); the record and ledger remain', params: ItemParams, querystring: DeleteQuerySchema, response: { 200: EvidenceItemSchema } },
      },
      async (request) => evidence.delete(principalOf(request), request.params.itemId, request.query.reason),
    );

    const noteTags = ['notes'];
    app.post(
      '/api/v1/incidents/:id/notes',
      { config: { policy: canWrite }, schema: { tags: noteTags, summary: 'Add a note (privileged: attorney–client)', params: IncidentParams, body: CreateNoteSchema, response: { 201: NoteSchema } } },
      async (request, reply) => reply.code(201).send(await notes.create(principalOf(request), request.params.id, request.body)),
    );
    app.get(
      '/api/v1/incidents/:id/notes',
      { config: { policy: authenticated }, schema: { tags: noteTags, summary: 'Notes of an incident (privileged ones only for legal roles)', params: IncidentParams, querystring: PageQuerySchema, response: { 200: NotePageSchema } } },
      async (request) => notes.list(principalOf(request), request.params.id, { cursor: request.query.cursor ?? null, limit: request.query.limit }),
    );
    app.get(
      '/api/v1/incidents/:id/notes/:noteId',
      { config: { policy: authenticated }, schema: { tags: noteTags, summary: 'A note', params: z.object({ id: z.string(), noteId: z.string() }), response: { 200: NoteSchema } } },
      async (request) => notes.get(principalOf(request), request.params.id, request.params.noteId),
    );
  };
}
