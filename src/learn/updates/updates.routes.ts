/** Stakeholder updates over HTTP (thin: the services decide). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canWrite, isAdmin } from '../../platform/auth/roles.js';
import { principalOf } from '../../platform/http/auth-hook.js';
import type { AudiencesService } from './audiences.service.js';
import type { SchedulesService } from './schedules.service.js';
import {
  audienceRecipientsSchema,
  audienceSchema,
  audienceViewSchema,
  scheduleInputSchema,
  scheduleViewSchema,
  updateEditSchema,
  updateViewSchema,
} from './updates.schema.js';
import type { UpdatesService } from './updates.service.js';

const tags = ['learn'];
const IdParams = z.object({ id: z.string().min(1) });

export function updatesRoutes(d: { updates: UpdatesService; schedules: SchedulesService; audiences: AudiencesService }) {
  const { updates, schedules, audiences } = d;
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/incidents/:id/updates/preview',
      {
        config: { policy: authenticated },
        schema: {
          tags,
          summary: 'Draft a stakeholder status update from the incident state (e-mail text, Slack or Teams webhook body)',
          params: IdParams,
          querystring: z.object({ audience: audienceSchema, format: z.enum(['email', 'slack', 'teams']).default('email') }),
          response: { 200: z.object({ needsApproval: z.boolean(), body: z.unknown() }) },
        },
      },
      async (request) => updates.preview(principalOf(request), request.params.id, request.query.audience, request.query.format),
    );
    app.get(
      '/api/v1/incidents/:id/updates',
      { config: { policy: authenticated }, schema: { tags, summary: "The incident's stakeholder updates, newest first, with their delivery", params: IdParams, response: { 200: z.object({ items: z.array(updateViewSchema) }) } } },
      async (request) => ({ items: await updates.list(principalOf(request), request.params.id) }),
    );
    app.post(
      '/api/v1/incidents/:id/updates',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Store an editable draft composed from the incident state', params: IdParams, body: z.object({ audience: audienceSchema }), response: { 201: updateViewSchema } },
      },
      async (request, reply) => reply.code(201).send(await updates.draft(principalOf(request), request.params.id, request.body.audience)),
    );
    app.get('/api/v1/updates/:id', { config: { policy: authenticated }, schema: { tags, summary: 'One stakeholder update', params: IdParams, response: { 200: updateViewSchema } } }, async (request) =>
      updates.get(principalOf(request), request.params.id),
    );
    app.put(
      '/api/v1/updates/:id',
      { config: { policy: canWrite }, schema: { tags, summary: 'Edit a draft (an approval lapses: it covered other words)', params: IdParams, body: updateEditSchema, response: { 200: updateViewSchema } } },
      async (request) => updates.edit(principalOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/updates/:id/approve',
      { config: { policy: authenticated }, schema: { tags, summary: 'Approve an update to an external audience (not by its drafter)', params: IdParams, response: { 200: updateViewSchema } } },
      async (request) => updates.approve(principalOf(request), request.params.id),
    );
    // Idempotent by construction (one outbox row per recipient): repeating it, with or without an Idempotency-Key, sends nothing twice.
    app.post(
      '/api/v1/updates/:id/send',
      { config: { policy: canWrite }, schema: { tags, summary: "Send to the audience's e-mail addresses and chat webhooks through the outbox", params: IdParams, response: { 202: updateViewSchema } } },
      async (request, reply) => reply.code(202).send(await updates.send(principalOf(request), request.params.id)),
    );
    app.get(
      '/api/v1/incidents/:id/update-schedules',
      { config: { policy: authenticated }, schema: { tags, summary: "The incident's update schedules", params: IdParams, response: { 200: z.object({ items: z.array(scheduleViewSchema) }) } } },
      async (request) => ({ items: await schedules.list(principalOf(request), request.params.id) }),
    );
    app.post(
      '/api/v1/incidents/:id/update-schedules',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Send updates to an audience every N hours while the incident is open, and/or on events (confirmed, contained, notified)', params: IdParams, body: scheduleInputSchema, response: { 201: scheduleViewSchema } },
      },
      async (request, reply) => reply.code(201).send(await schedules.create(principalOf(request), request.params.id, request.body)),
    );
    app.post(
      '/api/v1/update-schedules/:id/stop',
      { config: { policy: canWrite }, schema: { tags, summary: 'Stop a schedule', params: IdParams, response: { 200: scheduleViewSchema } } },
      async (request) => schedules.stop(principalOf(request), request.params.id),
    );
    app.get(
      '/api/v1/update-audiences',
      { config: { policy: authenticated }, schema: { tags, summary: "Who receives each audience's updates (masked)", response: { 200: z.object({ items: z.array(audienceViewSchema) }) } } },
      async () => ({ items: await audiences.list() }),
    );
    app.put(
      '/api/v1/update-audiences/:audience',
      {
        config: { policy: isAdmin },
        schema: { tags, summary: "Set an audience's e-mail addresses and Slack/Teams webhooks (admin)", params: z.object({ audience: audienceSchema }), body: audienceRecipientsSchema, response: { 200: audienceViewSchema } },
      },
      async (request) => audiences.set(principalOf(request), request.params.audience, request.body),
    );
  };
}
