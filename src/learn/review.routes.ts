/** The post-incident review and plan-change proposals over HTTP (thin: the service decides). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canWrite, isAdmin } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import { ActionItemInputSchema, ProposalInputSchema, ProposalSchema, ReviewInputSchema, ReviewSchema } from './learn.schema.js';
import type { ReviewService } from './review.service.js';

const IncidentParams = z.object({ id: z.string().min(1) });
const ProposalParams = z.object({ proposalId: z.string().min(1) });
const tags = ['learn'];

export function reviewRoutes(reviews: ReviewService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/incidents/:id/review',
      { config: { policy: authenticated }, schema: { tags, summary: 'The post-incident review (privileged notes only for legal)', params: IncidentParams, response: { 200: ReviewSchema } } },
      async (request) => reviews.get(principalOf(request), request.params.id),
    );
    app.put(
      '/api/v1/incidents/:id/review',
      { config: { policy: canWrite }, schema: { tags, summary: 'Write the review (fields given are replaced)', params: IncidentParams, body: ReviewInputSchema, response: { 200: ReviewSchema } } },
      async (request) => reviews.save(principalOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/incidents/:id/review/actions',
      { config: { policy: canWrite }, schema: { tags, summary: 'Add an action item (a task with an owner and due date)', params: IncidentParams, body: ActionItemInputSchema, response: { 201: ReviewSchema } } },
      async (request, reply) => reply.code(201).send(await reviews.addAction(principalOf(request), request.params.id, request.body)),
    );
    app.post(
      '/api/v1/incidents/:id/review/proposals',
      { config: { policy: canWrite }, schema: { tags, summary: 'Propose a change to the response plan', params: IncidentParams, body: ProposalInputSchema, response: { 201: ProposalSchema } } },
      async (request, reply) => reply.code(201).send(await reviews.propose(principalOf(request), request.params.id, request.body)),
    );
    for (const decision of ['accept', 'reject'] as const) {
      app.post(
        `/api/v1/plan-proposals/:proposalId/${decision}`,
        {
          config: { policy: isAdmin },
          schema: {
            tags,
            summary: decision === 'accept' ? 'Accept a proposed plan change into a new plan version (admin)' : 'Reject a proposed plan change (admin)',
            params: ProposalParams,
            body: z.object({ reason: z.string().max(2000).optional() }).optional(),
            response: { 200: ProposalSchema },
          },
        },
        async (request) => reviews.decide(principalOf(request), request.params.proposalId, decision, request.body?.reason),
      );
    }
    app.get(
      '/api/v1/response-plan/diff',
      {
        config: { policy: authenticated },
        schema: {
          tags,
          summary: 'Unified diff between two plan versions',
          querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
          response: { 200: z.object({ from: z.number(), to: z.number(), diff: z.string() }) },
        },
      },
      async (request) => ({ from: request.query.from, to: request.query.to, diff: await reviews.diff(request.query.from, request.query.to) }),
    );
  };
}
