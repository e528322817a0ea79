/**
 * The work inside an incident: tasks, timeline, decisions, observables; and the breach
 * register across incidents. Every incident route declares a policy and checks incident access.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canWrite } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import type { IncidentAccess } from './incident-access.js';
import {
  CreateDecisionSchema,
  CreateObservableSchema,
  CreateTaskSchema,
  CreateTimelineEntrySchema,
  DecisionSchema,
  ListTasksQuery,
  ObservableSchema,
  page,
  RegisterEntrySchema,
  SearchObservablesQuery,
  TaskSchema,
  TimelineEntrySchema,
  TimelineQuery,
  UpdateTaskSchema,
} from './incidents.schema.js';
import type { IncidentsService } from './incidents.service.js';
import { registerCsv } from './register.js';
import { timelineCsv, timelineMarkdown } from './timeline.js';

const IdParams = z.object({ id: z.string().min(1).max(100) });
const PageQuery = z.object({ cursor: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

export function incidentWorkRoutes(service: IncidentsService, access: IncidentAccess) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();

    // --- tasks ---
    app.get(
      '/api/v1/incidents/:id/tasks',
      {
        config: { policy: authenticated },
        schema: { tags: ['tasks'], summary: 'Tasks in plan order; view=open|dueSoon|overdue', params: IdParams, querystring: ListTasksQuery, response: { 200: page(TaskSchema) } },
      },
      async (request) => {
        await access.assertCanRead(principalOf(request), request.params.id);
        return service.listTasks(request.params.id, request.query);
      },
    );
    app.get(
      '/api/v1/tasks',
      {
        config: { policy: authenticated },
        schema: {
          tags: ['tasks'],
          summary: 'Overdue or due-soon tasks across the incidents I may see, in due order (mine=true: assigned to me)',
          querystring: z.object({
            view: z.enum(['overdue', 'dueSoon']).default('overdue'),
            mine: z.stringbool().default(false),
            withinHours: z.coerce.number().int().min(1).max(24 * 30).default(24),
            cursor: z.string().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: page(TaskSchema) },
        },
      },
      async (request) => service.dueTasks(principalOf(request), request.query),
    );
    app.post(
      '/api/v1/incidents/:id/tasks',
      { config: { policy: canWrite }, schema: { tags: ['tasks'], summary: 'Add a task', params: IdParams, body: CreateTaskSchema, response: { 201: TaskSchema } } },
      async (request, reply) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        return reply.code(201).send(await service.createTask(p, request.params.id, request.body));
      },
    );
    app.patch(
      '/api/v1/incidents/:id/tasks/:taskId',
      {
        config: { policy: canWrite },
        schema: { tags: ['tasks'], summary: 'Update a task (status, assignee, due, notes, checklist)', params: IdParams.extend({ taskId: z.string() }), body: UpdateTaskSchema, response: { 200: TaskSchema } },
      },
      async (request) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        return service.updateTask(p, request.params.id, request.params.taskId, request.body);
      },
    );

    // --- timeline ---
    app.get(
      '/api/v1/incidents/:id/timeline',
      {
        config: { policy: authenticated },
        schema: { tags: ['timeline'], summary: 'Timeline entries in event order (automatic + manual)', params: IdParams, querystring: TimelineQuery, response: { 200: page(TimelineEntrySchema) } },
      },
      async (request) => {
        await access.assertCanRead(principalOf(request), request.params.id);
        const { kind, ...q } = request.query;
        return service.timelinePage(request.params.id, { ...q, kinds: kind?.split(',').map((k) => k.trim()).filter(Boolean) });
      },
    );
    app.get(
      '/api/v1/incidents/:id/timeline/export',
      {
        config: { policy: authenticated },
        schema: {
          tags: ['timeline'],
          summary: 'The whole timeline as JSON, CSV or Markdown',
          params: IdParams,
          querystring: z.object({ format: z.enum(['json', 'csv', 'md']).default('json'), kind: z.string().optional(), source: z.enum(['audit', 'manual']).optional() }),
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        await access.assertCanRead(principalOf(request), id);
        const kinds = request.query.kind?.split(',').map((k) => k.trim()).filter(Boolean);
        const entries = await service.timeline(id, { kinds, source: request.query.source });
        const name = `timeline-${id}`;
        switch (request.query.format) {
          case 'csv':
            return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(timelineCsv(entries));
          case 'md':
            return reply
              .type('text/markdown; charset=utf-8')
              .header('content-disposition', `attachment; filename="${name}.md"`)
              .send(timelineMarkdown((await service.get(id)).title, entries));
          default:
            return reply.type('application/json').send(JSON.stringify({ version: 1, incidentId: id, items: entries }));
        }
      },
    );
    app.post(
      '/api/v1/incidents/:id/timeline',
      {
        config: { policy: canWrite },
        schema: { tags: ['timeline'], summary: 'Record a manual entry (event time `at` ≠ record time)', params: IdParams, body: CreateTimelineEntrySchema, response: { 201: TimelineEntrySchema } },
      },
      async (request, reply) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        return reply.code(201).send(await service.addTimelineEntry(p, request.params.id, request.body));
      },
    );

    // --- decisions ---
    app.get(
      '/api/v1/incidents/:id/decisions',
      { config: { policy: authenticated }, schema: { tags: ['decisions'], summary: 'Decision log, oldest first', params: IdParams, querystring: PageQuery, response: { 200: page(DecisionSchema) } } },
      async (request) => {
        await access.assertCanRead(principalOf(request), request.params.id);
        return service.decisionsPage(request.params.id, request.query);
      },
    );
    app.post(
      '/api/v1/incidents/:id/decisions',
      { config: { policy: canWrite }, schema: { tags: ['decisions'], summary: 'Record a decision (who, when, what, why)', params: IdParams, body: CreateDecisionSchema, response: { 201: DecisionSchema } } },
      async (request, reply) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        return reply.code(201).send(await service.recordDecision(p, request.params.id, request.body));
      },
    );

    // --- observables ---
    app.get(
      '/api/v1/incidents/:id/observables',
      {
        config: { policy: authenticated },
        schema: {
          tags: ['observables'],
          summary: 'Observables (personal values masked unless unmask=true, which is audited)',
          params: IdParams,
          querystring: PageQuery.extend({ unmask: z.stringbool().default(false) }),
          response: { 200: page(ObservableSchema) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        await access.assertCanRead(p, request.params.id);
        return service.listObservables(p, request.params.id, request.query);
      },
    );
    app.post(
      '/api/v1/incidents/:id/observables',
      {
        config: { policy: canWrite },
        schema: {
          tags: ['observables'],
          summary: 'Link an observable (de-duplicated: 200 with the existing one, 201 when new)',
          params: IdParams,
          body: CreateObservableSchema,
          response: { 200: ObservableSchema, 201: ObservableSchema },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        const r = await service.addObservable(p, request.params.id, request.body);
        return reply.code(r.created ? 201 : 200).send(r.observable);
      },
    );
    app.get(
      '/api/v1/observables/search',
      {
        config: { policy: authenticated },
        schema: { tags: ['observables'], summary: 'Incidents (that I may see) sharing an observable', querystring: SearchObservablesQuery, response: { 200: z.object({ items: z.array(ObservableSchema), nextCursor: z.null() }) } },
      },
      async (request) => ({ items: await service.searchObservables(principalOf(request), request.query.kind, request.query.value), nextCursor: null }),
    );

    // --- breach register ---
    app.get(
      '/api/v1/register',
      { config: { policy: authenticated }, schema: { tags: ['register'], summary: 'Breach register (GDPR Art. 33(5)), oldest first', querystring: PageQuery, response: { 200: page(RegisterEntrySchema) } } },
      async (request) => {
        const all = await service.register(principalOf(request));
        const { cursor, limit } = request.query;
        const from = cursor ? Math.max(0, all.findIndex((e) => e.incidentId === Buffer.from(cursor, 'base64url').toString()) + 1) : 0;
        const items = all.slice(from, from + limit);
        return { items, nextCursor: from + limit < all.length ? Buffer.from(items[items.length - 1]!.incidentId).toString('base64url') : null };
      },
    );
    app.get(
      '/api/v1/register/export',
      {
        config: { policy: authenticated },
        schema: { tags: ['register'], summary: 'The whole breach register as CSV or JSON', querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }) },
      },
      async (request, reply) => {
        const entries = await service.register(principalOf(request));
        if (request.query.format === 'csv') {
          return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="breach-register.csv"').send(registerCsv(entries));
        }
        return reply.type('application/json').send(JSON.stringify({ version: 1, generatedAt: new Date().toISOString(), items: entries }));
      },
    );
  };
}
