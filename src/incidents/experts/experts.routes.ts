/** The experts directory and per-incident engagements over HTTP (thin: the service decides). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from '../../platform/auth/roles.js';
import { principalOf } from '../../platform/http/auth-hook.js';
import {
  EngageInputSchema,
  EngagementPatchSchema,
  EngagementSchema,
  ExpertInputSchema,
  ExpertListQuery,
  ExpertPatchSchema,
  ExpertSchema,
} from './experts.schema.js';
import { canManageExperts, type ExpertsService } from './experts.service.js';

const ExpertParams = z.object({ expertId: z.string().min(1) });
const IncidentParams = z.object({ id: z.string().min(1) });

export function expertsRoutes(experts: ExpertsService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['experts'];

    app.get(
      '/api/v1/experts',
      {
        config: { policy: authenticated },
        schema: { tags, summary: 'The directory of outside experts', querystring: ExpertListQuery, response: { 200: z.object({ items: z.array(ExpertSchema), nextCursor: z.string().nullable() }) } },
      },
      async (request) => experts.list(principalOf(request), { kind: request.query.kind, cursor: request.query.cursor ?? null, limit: request.query.limit }),
    );
    app.post(
      '/api/v1/experts',
      { config: { policy: canManageExperts }, schema: { tags, summary: 'Add an expert to the directory', body: ExpertInputSchema, response: { 201: ExpertSchema } } },
      async (request, reply) => reply.code(201).send(await experts.create(principalOf(request), request.body)),
    );
    app.get(
      '/api/v1/experts/:expertId',
      { config: { policy: authenticated }, schema: { tags, summary: 'An expert', params: ExpertParams, response: { 200: ExpertSchema } } },
      async (request) => experts.get(principalOf(request), request.params.expertId),
    );
    app.patch(
      '/api/v1/experts/:expertId',
      { config: { policy: canManageExperts }, schema: { tags, summary: 'Change an expert', params: ExpertParams, body: ExpertPatchSchema, response: { 200: ExpertSchema } } },
      async (request) => experts.update(principalOf(request), request.params.expertId, request.body),
    );
    app.delete(
      '/api/v1/experts/:expertId',
      { config: { policy: canManageExperts }, schema: { tags, summary: 'Remove an expert from the directory', params: ExpertParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await experts.remove(principalOf(request), request.params.expertId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/incidents/:id/experts',
      { config: { policy: canManageExperts }, schema: { tags, summary: 'Engage an expert on the incident', params: IncidentParams, body: EngageInputSchema, response: { 201: EngagementSchema } } },
      async (request, reply) => reply.code(201).send(await experts.engage(principalOf(request), request.params.id, request.body)),
    );
    app.get(
      '/api/v1/incidents/:id/experts',
      { config: { policy: authenticated }, schema: { tags, summary: 'Experts engaged on the incident', params: IncidentParams, response: { 200: z.object({ items: z.array(EngagementSchema) }) } } },
      async (request) => ({ items: await experts.engagements(principalOf(request), request.params.id) }),
    );
    app.patch(
      '/api/v1/incidents/:id/experts/:engagementId',
      {
        config: { policy: canManageExperts },
        schema: { tags, summary: 'Change an engagement (role, terms, status)', params: z.object({ id: z.string(), engagementId: z.string() }), body: EngagementPatchSchema, response: { 200: EngagementSchema } },
      },
      async (request) => experts.updateEngagement(principalOf(request), request.params.id, request.params.engagementId, request.body),
    );
  };
}
