/**
 * Incidents, their life cycle and members, and the organisation's response plan. Thin: every
 * incident route declares a policy (org role) and checks incident access (membership).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canLead, canWrite, isAdmin } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import type { IncidentAccess } from './incident-access.js';
import {
  AddMemberSchema,
  CreateIncidentSchema,
  IncidentDetailSchema,
  IncidentSchema,
  ListIncidentsQuery,
  MemberSchema,
  page,
  TransitionSchema,
  UpdateIncidentSchema,
} from './incidents.schema.js';
import type { IncidentsService } from './incidents.service.js';

const IdParams = z.object({ id: z.string().min(1).max(100) });
const PageQuery = z.object({ cursor: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
const PlanSchema = z.object({ version: z.number().int(), yaml: z.string(), createdBy: z.string(), createdAt: z.string() });

export function incidentsRoutes(service: IncidentsService, access: IncidentAccess) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['incidents'];

    const detail = async (request: FastifyRequest, id: string) => {
      const p = principalOf(request);
      const [incident, myRole, privileged, deadlines] = await Promise.all([service.get(id), service.roleOf(p, id), access.canSeePrivileged(p, id), service.nextDeadlines([id])]);
      return {
        ...incident,
        nextDeadline: deadlines.get(id) ?? null,
        myRole,
        permissions: { read: true, write: canWrite(p), privileged, manageMembers: canWrite(p) && (canLead(p) || myRole === 'commander') },
      };
    };

    app.post(
      '/api/v1/incidents',
      { config: { policy: canWrite }, schema: { tags, summary: 'Open an incident (seeds its tasks from the response plan)', body: CreateIncidentSchema, response: { 201: IncidentSchema } } },
      async (request, reply) => reply.code(201).send(await service.create(principalOf(request), request.body)),
    );

    app.get(
      '/api/v1/incidents',
      { config: { policy: authenticated }, schema: { tags, summary: 'Incidents I may see, newest first', querystring: ListIncidentsQuery, response: { 200: page(IncidentSchema) } } },
      async (request) => service.list(principalOf(request), request.query),
    );

    app.get(
      '/api/v1/incidents/:id',
      { config: { policy: authenticated }, schema: { tags, summary: 'One incident, with my role and permissions', params: IdParams, response: { 200: IncidentDetailSchema } } },
      async (request) => {
        await access.assertCanRead(principalOf(request), request.params.id);
        return detail(request, request.params.id);
      },
    );

    app.patch(
      '/api/v1/incidents/:id',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Change fields (awareAt needs awareAtReason)', params: IdParams, body: UpdateIncidentSchema, response: { 200: IncidentSchema } },
      },
      async (request) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        return service.update(p, request.params.id, request.body);
      },
    );

    app.post(
      '/api/v1/incidents/:id/status',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Move the incident to another status (dismissed needs a reason)', params: IdParams, body: TransitionSchema, response: { 200: IncidentSchema } },
      },
      async (request) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        return service.transition(p, request.params.id, request.body);
      },
    );

    app.get(
      '/api/v1/incidents/:id/members',
      { config: { policy: authenticated }, schema: { tags, summary: 'Members and their incident roles', params: IdParams, querystring: PageQuery, response: { 200: page(MemberSchema) } } },
      async (request) => {
        await access.assertCanRead(principalOf(request), request.params.id);
        return service.listMembers(request.params.id, request.query);
      },
    );

    app.post(
      '/api/v1/incidents/:id/members',
      {
        config: { policy: canWrite },
        schema: { tags, summary: 'Add a member or change their role (commander)', params: IdParams, body: AddMemberSchema, response: { 200: MemberSchema } },
      },
      async (request) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        return service.addMember(p, request.params.id, request.body);
      },
    );

    app.delete(
      '/api/v1/incidents/:id/members/:userId',
      { config: { policy: canWrite }, schema: { tags, summary: 'Remove a member (commander)', params: IdParams.extend({ userId: z.string() }), response: { 204: z.null() } } },
      async (request, reply) => {
        const p = principalOf(request);
        await access.assertCanWrite(p, request.params.id);
        await service.removeMember(p, request.params.id, request.params.userId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/response-plan',
      { config: { policy: authenticated }, schema: { tags: ['response plan'], summary: "The organisation's current response plan (YAML)", response: { 200: PlanSchema } } },
      async () => service.planVersion((await service.currentPlan()).version),
    );

    app.get(
      '/api/v1/response-plan/versions',
      {
        config: { policy: authenticated },
        schema: { tags: ['response plan'], summary: 'Plan versions, newest first', response: { 200: z.object({ items: z.array(PlanSchema.omit({ yaml: true })), nextCursor: z.null() }) } },
      },
      async () => ({ items: await service.listPlanVersions(), nextCursor: null }),
    );

    app.get(
      '/api/v1/response-plan/versions/:version',
      { config: { policy: authenticated }, schema: { tags: ['response plan'], summary: 'One plan version', params: z.object({ version: z.coerce.number().int().min(1) }), response: { 200: PlanSchema } } },
      async (request) => service.planVersion(request.params.version),
    );

    app.put(
      '/api/v1/response-plan',
      {
        config: { policy: isAdmin },
        schema: { tags: ['response plan'], summary: 'Save a new plan version (admin); running incidents keep theirs', body: z.object({ yaml: z.string().min(1).max(500_000) }), response: { 200: PlanSchema } },
      },
      async (request) => {
        const { version } = await service.savePlan(principalOf(request), request.body.yaml);
        return service.planVersion(version);
      },
    );
  };
}
