/** The triage queue over HTTP (thin: the service decides). Responders and above; viewers do not triage. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canWrite } from '../platform/auth/roles.js';
import { principalOf } from '../platform/http/auth-hook.js';
import {
  AlertListQuery,
  AlertSchema,
  ConfirmResultSchema,
  ConfirmSchema,
  DismissSchema,
  LinkSchema,
  MergeSchema,
  SplitSchema,
  SuspectDetailSchema,
  SuspectListQuery,
  SuspectSchema,
} from './confirm.schema.js';
import type { TriageService } from './triage.service.js';

const tags = ['triage'];
const P = z.object({ suspectId: z.string().min(1) });
const page = <T extends z.ZodTypeAny>(s: T) => z.object({ items: z.array(s), nextCursor: z.string().nullable() });

export function triageRoutes(triage: TriageService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const opts = { config: { policy: canWrite } };
    app.get(
      '/api/v1/triage/suspects',
      { ...opts, schema: { tags, summary: 'Suspected incidents (open and acknowledged unless a status is given), newest first', querystring: SuspectListQuery, response: { 200: page(SuspectSchema) } } },
      async (request) => triage.list(request.query),
    );
    app.get(
      '/api/v1/triage/suspects/:suspectId',
      { ...opts, schema: { tags, summary: 'A suspected incident with its alerts', params: P, response: { 200: SuspectDetailSchema } } },
      async (request) => triage.get(request.params.suspectId),
    );
    app.post(
      '/api/v1/triage/suspects/:suspectId/acknowledge',
      { ...opts, schema: { tags, summary: 'Acknowledge (someone is looking at it)', params: P, response: { 200: SuspectSchema } } },
      async (request) => triage.acknowledge(principalOf(request), request.params.suspectId),
    );
    app.post(
      '/api/v1/triage/suspects/:suspectId/dismiss',
      { ...opts, schema: { tags, summary: 'Dismiss with a reason (false positive, benign, duplicate …)', params: P, body: DismissSchema, response: { 200: SuspectSchema } } },
      async (request) => triage.dismiss(principalOf(request), request.params.suspectId, request.body.reason),
    );
    app.post(
      '/api/v1/triage/suspects/:suspectId/merge',
      { ...opts, schema: { tags, summary: 'Fold other suspected incidents into this one', params: P, body: MergeSchema, response: { 200: SuspectSchema } } },
      async (request) => triage.merge(principalOf(request), request.params.suspectId, request.body.from),
    );
    app.post(
      '/api/v1/triage/suspects/:suspectId/split',
      { ...opts, schema: { tags, summary: 'Move some alerts into a new suspected incident', params: P, body: SplitSchema, response: { 200: z.object({ from: SuspectSchema, to: SuspectSchema }) } } },
      async (request) => triage.split(principalOf(request), request.params.suspectId, request.body.alertIds),
    );
    app.post(
      '/api/v1/triage/suspects/:suspectId/link',
      { ...opts, schema: { tags, summary: 'Attach to an existing incident (alerts and observables carried over)', params: P, body: LinkSchema, response: { 200: SuspectSchema } } },
      async (request) => triage.link(principalOf(request), request.params.suspectId, request.body.incidentId),
    );
    app.post(
      '/api/v1/triage/suspects/:suspectId/confirm',
      {
        ...opts,
        schema: { tags, summary: 'Confirm into a new incident with its awareness time (default now; a reason when earlier)', params: P, body: ConfirmSchema, response: { 201: ConfirmResultSchema } },
      },
      async (request, reply) => reply.code(201).send(await triage.confirm(principalOf(request), request.params.suspectId, request.body)),
    );
    app.get(
      '/api/v1/intake/alerts',
      { ...opts, schema: { tags, summary: 'Stored alerts, newest first (personal values masked)', querystring: AlertListQuery, response: { 200: page(AlertSchema) } } },
      async (request) => triage.listAlerts(request.query),
    );
    app.get(
      '/api/v1/intake/alerts/:alertId',
      {
        ...opts,
        schema: {
          tags,
          summary: 'One alert; ?unmask=true shows personal values and the raw payload (legal, incident commanders; audited)',
          params: z.object({ alertId: z.string().min(1) }),
          querystring: z.object({ unmask: z.enum(['true', 'false']).optional() }),
          response: { 200: AlertSchema },
        },
      },
      async (request) => triage.alert(principalOf(request), request.params.alertId, request.query.unmask === 'true'),
    );
  };
}
