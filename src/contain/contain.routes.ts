/** Connectors and containment actions over HTTP (thin: the services decide). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, canLead, canWrite } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import type { ActionsService } from './actions.service.js';
import type { ConnectorsService } from './connectors.service.js';
import { ActionSchema, BulkSchema, ConnectorInputSchema, ConnectorKindSchema, ConnectorSchema, PlanInputSchema, SelectionSchema, StepResultSchema } from './contain.schema.js';

const IncidentParams = z.object({ id: z.string().min(1) });

export function containRoutes(connectors: ConnectorsService, actions: ActionsService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['containment'];

    app.get(
      '/api/v1/connector-kinds',
      { config: { policy: authenticated }, schema: { tags, summary: 'Connector kinds and their manifests (operations, parameters, reversibility, secrets)', response: { 200: z.object({ items: z.array(ConnectorKindSchema) }) } } },
      async () => ({ items: connectors.manifests() }),
    );
    app.get(
      '/api/v1/connectors',
      { config: { policy: canWrite }, schema: { tags, summary: 'Configured connectors (secrets are never shown)', response: { 200: z.object({ items: z.array(ConnectorSchema) }) } } },
      async () => ({ items: await connectors.list() }),
    );
    app.post(
      '/api/v1/connectors',
      { config: { policy: canLead }, schema: { tags, summary: 'Add a connector; its secrets are stored encrypted', body: ConnectorInputSchema, response: { 201: ConnectorSchema } } },
      async (request, reply) => reply.code(201).send(await connectors.create(principalOf(request), request.body)),
    );
    app.post(
      '/api/v1/connectors/:connector/check',
      { config: { policy: canLead }, schema: { tags, summary: 'Check connection', params: z.object({ connector: z.string().min(1) }), response: { 200: ConnectorSchema } } },
      async (request) => connectors.check(principalOf(request), request.params.connector),
    );

    app.get(
      '/api/v1/incidents/:id/actions',
      {
        config: { policy: authenticated },
        schema: { tags, summary: "The incident's containment actions", params: IncidentParams, querystring: z.object({ bulkId: z.string().optional() }), response: { 200: z.object({ items: z.array(ActionSchema) }) } },
      },
      async (request) => ({ items: await actions.list(principalOf(request), request.params.id, request.query) }),
    );
    app.post(
      '/api/v1/incidents/:id/actions',
      { config: { policy: canWrite }, schema: { tags, summary: 'Plan an action on one or many targets (captures the pre-state and a dry run)', params: IncidentParams, body: PlanInputSchema, response: { 201: BulkSchema } } },
      async (request, reply) => reply.code(201).send(await actions.plan(principalOf(request), request.params.id, request.body)),
    );
    for (const [step, summary] of [
      ['approve', 'Approve actions (two-person actions: not by their requester)'],
      ['run', 'Run approved actions (queued as jobs)'],
      ['verify', 'Read the targets back'],
      ['undo', 'Restore the saved pre-state'],
    ] as const) {
      app.post(
        `/api/v1/incidents/:id/actions/${step}`,
        { config: { policy: canWrite }, schema: { tags, summary, params: IncidentParams, body: SelectionSchema, response: { 200: StepResultSchema } } },
        async (request) => actions[step](principalOf(request), request.params.id, request.body),
      );
    }
  };
}
