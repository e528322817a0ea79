/** Drills over HTTP (thin: the service decides). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canLead } from '../../platform/auth/roles.js';
import { principalOf } from '../../platform/http/auth-hook.js';
import type { DrillService } from './drill.service.js';
import { loadScenarios } from './scenarios.js';

const DrillSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  scenario: z.string(),
  speed: z.number(),
  startedBy: z.string(),
  startedAt: z.string(),
  evidenceId: z.string().nullable(),
  events: z.array(z.object({ index: z.number(), dueAt: z.string(), injectedAt: z.string().nullable(), text: z.string() })),
});
const ScoreSchema = z.object({
  drill: DrillSchema,
  score: z.number().describe('percent of tasks and obligations met on time'),
  items: z.array(z.object({ kind: z.enum(['task', 'obligation']), title: z.string(), due: z.string().nullable(), doneAt: z.string().nullable(), outcome: z.enum(['on_time', 'late', 'missed', 'open']) })),
  phases: z.array(z.object({ phase: z.string(), tasks: z.number(), done: z.number(), hoursToLastDone: z.number().nullable() })),
  missed: z.array(z.string()),
  events: z.object({ scheduled: z.number(), injected: z.number() }),
});
const tags = ['learn'];
const DrillParams = z.object({ drillId: z.string().min(1) });

export function drillRoutes(drills: DrillService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/drill-scenarios',
      { config: { policy: authenticated }, schema: { tags, summary: 'The drill scenarios shipped (data files)', response: { 200: z.object({ items: z.array(z.object({ name: z.string(), title: z.string(), summary: z.string(), events: z.number() })) }) } } },
      async () => ({ items: [...loadScenarios().values()].map((s) => ({ name: s.name, title: s.title, summary: s.summary, events: s.events.length })) }),
    );
    app.post(
      '/api/v1/drills',
      {
        config: { policy: canLead },
        schema: { tags, summary: 'Start a drill: a practice incident on a synthetic leak, events injected on schedule', body: z.object({ scenario: z.string().min(1), speed: z.number().int().min(1).max(1_000_000).default(1) }), response: { 201: DrillSchema } },
      },
      async (request, reply) => reply.code(201).send(await drills.start(principalOf(request), request.body.scenario, { speed: request.body.speed })),
    );
    app.get('/api/v1/drills', { config: { policy: authenticated }, schema: { tags, summary: 'Drills the caller may see', response: { 200: z.object({ items: z.array(DrillSchema) }) } } }, async (request) => ({
      items: await drills.list(principalOf(request)),
    }));
    app.get('/api/v1/drills/:drillId', { config: { policy: authenticated }, schema: { tags, summary: 'A drill and its injected events', params: DrillParams, response: { 200: DrillSchema } } }, async (request) =>
      drills.get(principalOf(request), request.params.drillId),
    );
    app.get(
      '/api/v1/drills/:drillId/score',
      { config: { policy: authenticated }, schema: { tags, summary: 'Score: each task and obligation against its deadline, each phase, what was missed', params: DrillParams, response: { 200: ScoreSchema } } },
      async (request) => drills.score(principalOf(request), request.params.drillId),
    );
  };
}
