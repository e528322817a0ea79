/** Remediation items and containment suggestions over HTTP (thin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canWrite } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import { BulkSchema } from './contain.schema.js';
import { FixEvidenceSchema, RemediationInputSchema, RemediationSchema, SuggestionPlanInputSchema, SuggestionSchema } from './remediation.schema.js';
import type { RemediationService } from './remediation.service.js';
import type { SuggestionsService } from './suggestions.service.js';

const IncidentParams = z.object({ id: z.string().min(1) });

export function remediationRoutes(remediation: RemediationService, suggestions: SuggestionsService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['containment'];
    app.get(
      '/api/v1/incidents/:id/remediations',
      { config: { policy: authenticated }, schema: { tags, summary: 'Remediation items (root cause, fix, owner, due, evidence)', params: IncidentParams, response: { 200: z.object({ items: z.array(RemediationSchema) }) } } },
      async (request) => ({ items: await remediation.list(principalOf(request), request.params.id) }),
    );
    app.post(
      '/api/v1/incidents/:id/remediations',
      { config: { policy: canWrite }, schema: { tags, summary: 'Add a remediation item', params: IncidentParams, body: RemediationInputSchema, response: { 201: RemediationSchema } } },
      async (request, reply) => reply.code(201).send(await remediation.create(principalOf(request), request.params.id, request.body)),
    );
    app.post(
      '/api/v1/incidents/:id/remediations/:remediationId/close',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Close a remediation item with evidence of the fix', params: z.object({ id: z.string(), remediationId: z.string() }), body: z.object({ evidence: FixEvidenceSchema }).strict(), response: { 200: RemediationSchema } },
      },
      async (request) => remediation.close(principalOf(request), request.params.id, request.params.remediationId, request.body.evidence),
    );
    app.get(
      '/api/v1/incidents/:id/action-suggestions',
      { config: { policy: authenticated }, schema: { tags, summary: 'Ready-made action plans from observables and scan findings', params: IncidentParams, response: { 200: z.object({ items: z.array(SuggestionSchema) }) } } },
      async (request) => ({ items: await suggestions.list(principalOf(request), request.params.id) }),
    );
    app.post(
      '/api/v1/incidents/:id/action-suggestions/:suggestionId/plan',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Plan a suggestion on the targets Breachdesk holds for it (masked in the answer where they are secrets)', params: z.object({ id: z.string().min(1), suggestionId: z.string().min(1) }), body: SuggestionPlanInputSchema, response: { 201: BulkSchema } },
      },
      async (request, reply) => reply.code(201).send(await suggestions.plan(principalOf(request), request.params.id, request.params.suggestionId, request.body)),
    );
  };
}
