/** Metrics and the cost ledger over HTTP (thin: the service decides). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canWrite } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import { CostInputSchema, CostSchema, IncidentMetricsSchema, QuarterMetricsSchema } from './learn.schema.js';
import type { LearnService } from './learn.service.js';

const IncidentParams = z.object({ id: z.string().min(1) });
const tags = ['learn'];

export function learnRoutes(learn: LearnService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/incidents/:id/metrics',
      { config: { policy: authenticated }, schema: { tags, summary: 'Metrics of the incident from its record', params: IncidentParams, response: { 200: IncidentMetricsSchema } } },
      async (request) => learn.metrics(principalOf(request), request.params.id),
    );
    app.get(
      '/api/v1/metrics/quarterly',
      {
        config: { policy: authenticated },
        schema: {
          tags,
          summary: 'Trends per quarter across the incidents the caller may read',
          querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
          response: { 200: z.object({ quarters: z.array(QuarterMetricsSchema), incidents: z.array(IncidentMetricsSchema) }) },
        },
      },
      async (request) => learn.quarterly(principalOf(request), request.query),
    );
    app.get(
      '/api/v1/incidents/:id/costs',
      { config: { policy: authenticated }, schema: { tags, summary: 'The cost ledger of the incident', params: IncidentParams, response: { 200: z.object({ items: z.array(CostSchema) }) } } },
      async (request) => ({ items: await learn.listCosts(principalOf(request), request.params.id) }),
    );
    app.post(
      '/api/v1/incidents/:id/costs',
      { config: { policy: canWrite }, schema: { tags, summary: 'Record a cost item', params: IncidentParams, body: CostInputSchema, response: { 201: CostSchema } } },
      async (request, reply) => reply.code(201).send(await learn.addCost(principalOf(request), request.params.id, request.body)),
    );
    app.delete(
      '/api/v1/incidents/:id/costs/:costId',
      { config: { policy: canWrite }, schema: { tags, summary: 'Remove a cost item', params: z.object({ id: z.string(), costId: z.string() }), response: { 204: z.null() } } },
      async (request, reply) => {
        await learn.removeCost(principalOf(request), request.params.id, request.params.costId);
        return reply.code(204).send(null);
      },
    );
  };
}
