/** Stakeholder-update drafts over HTTP (thin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from '../../platform/auth/roles.js';
import { principalOf } from '../../platform/http/auth-hook.js';
import { AUDIENCES, type Audience } from './compose.js';
import type { UpdatesService } from './updates.service.js';

export function updatesRoutes(updates: UpdatesService) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/incidents/:id/updates/preview',
      {
        config: { policy: authenticated },
        schema: {
          tags: ['learn'],
          summary: 'Draft a stakeholder status update from the incident state (e-mail text, Slack or Teams webhook body)',
          params: z.object({ id: z.string().min(1) }),
          querystring: z.object({ audience: z.enum(Object.keys(AUDIENCES) as [Audience, ...Audience[]]), format: z.enum(['email', 'slack', 'teams']).default('email') }),
          response: { 200: z.object({ needsApproval: z.boolean(), body: z.unknown() }) },
        },
      },
      async (request) => updates.preview(principalOf(request), request.params.id, request.query.audience, request.query.format),
    );
  };
}
