import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/accounts.service.js';
import { authenticated, canWrite, isAdmin } from '../../platform/auth/roles.js';
import { principalOf } from '../../platform/http/auth-hook.js';
import { NotFoundError } from '../../platform/http/problem.js';
import type { IncidentAccess } from '../../incidents/incident-access.js';
import type { ObligationsMetService } from './met.service.js';
import type { OrgProfileService } from './org-profile.service.js';
import { DEEMED_VIA, ELECTRONIC_NOTICE } from '../rule-notice.schema.js';
import { FactOverridesSchema } from './facts.service.js';
import { type IncidentObligations, type ObligationTrackingService, TRACKED_STATUSES } from './tracking.service.js';

const Params = z.object({ id: z.string() });
const Via = z.enum(DEEMED_VIA);
const Effect = z.enum(['deemed', 'exempt']);
const TrackedSchema = z
  .object({
    itemId: z.string(),
    id: z.string(),
    regime: z.string(),
    jurisdiction: z.string(),
    recipient: z.string(),
    required: z.union([z.boolean(), z.literal('review')]),
    deadline: z.string().nullable(),
    urgency: z.string().nullable(),
    citation: z.string(),
    why: z.string(),
    /** For `review` rows: what to settle (issue 20 §1). Absent on items computed before it existed. */
    questions: z.array(z.string()).optional(),
    deadlineRule: z.string(),
    relativeTo: z.object({ event: z.string(), at: z.string().nullable(), note: z.string().optional() }).nullable(),
    authority: z.object({ name: z.string(), url: z.string().optional(), portal: z.string().optional(), address: z.string().optional(), phone: z.string().optional() }).nullable(),
    content: z.array(z.string()),
    prohibitedContent: z.array(z.string()),
    channels: z.array(z.string()),
    substituteNotice: z.string().optional(),
    electronicNotice: z.object({ allowed: z.enum(ELECTRONIC_NOTICE), basis: z.string() }).optional(),
    /** Another notice the state law deems to satisfy this duty (docs/obligations-json.md). */
    satisfiedBy: z
      .array(z.object({ via: Via, effect: Effect, by: z.string().nullable(), condition: z.string(), basis: z.string(), alsoMet: z.array(z.string()).optional() }))
      .optional(),
    /** `satisfiedBy` as tracked: met by that notice (deemed compliance) or still owed until it is (tracking/deemed.service.ts). */
    deemedCompliance: z
      .object({
        state: z.enum(['met', 'pending']),
        via: Via,
        effect: Effect,
        by: z.string().nullable(),
        citation: z.string(),
        condition: z.string(),
        alsoMet: z.array(z.string()),
        waitingFor: z.array(z.string()),
        label: z.string(),
      })
      .optional(),
    relation: z.string().optional(),
    stages: z.array(z.object({ name: z.string(), deadline: z.string().nullable(), deadlineRule: z.string() })),
    extensions: z.array(z.string()),
    count: z.object({ individuals: z.number(), threshold: z.string().nullable() }),
    verified: z.string(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().optional(),
    source: z.object({ url: z.string(), title: z.string(), checkedOn: z.string(), checkedAgainst: z.string() }).optional(),
    /** Required or review, and still open: the row belongs in the owed table (issue 20 §1). */
    owed: z.boolean(),
    status: z.enum(TRACKED_STATUSES),
    statusReason: z.string().nullable(),
    /** How it was met: a sent notice or a recorded submission (issue 20 §4). */
    met: z
      .object({
        at: z.string(),
        noticeId: z.string(),
        channel: z.string(),
        reference: z.string().nullable(),
        late: z.boolean(),
        lateReason: z.string().nullable(),
        /** Jurisdictions covered so far, and those still owed while only partly met. */
        covered: z.array(z.string()).optional(),
        remaining: z.array(z.string()).optional(),
        /** Met by deemed compliance: the discharging notice and the clause (the other fields are that notice's). */
        deemed: z.object({ via: Via, effect: Effect, by: z.string(), citation: z.string(), condition: z.string(), label: z.string() }).optional(),
      })
      .nullable(),
    updatedAt: z.string(),
  });
const ListSchema = z.object({
  incidentId: z.string(),
  computedAt: z.string().nullable(),
  asOf: z.string().nullable(),
  severity: z.unknown(),
  nextDeadline: z.object({ id: z.string(), deadline: z.string() }).nullable(),
  /** A closed incident's countdowns are stopped (issue 20 §5). */
  incidentClosed: z.boolean(),
  uncovered: z.array(z.string()),
  /** People of unknown residence, counted apart (issue 19 §4). */
  unknownResidence: z.number(),
  /** Suspect facts (order of dates, contradictions), one line each. */
  warnings: z.array(z.string()),
  items: z.array(TrackedSchema),
});

export interface TrackingRouteOptions {
  /**
   * The stored answer brought up to date (see src/main/modules.ts): the list as read when it is
   * fresh, else the list the recomputation returned — never computed twice for one read.
   */
  ensureFresh?: (incidentId: string) => Promise<IncidentObligations>;
  /** Obligations met by notices: the reason for a late one is recorded here afterwards. */
  met?: ObligationsMetService;
}

export function trackingRoutes(svc: ObligationTrackingService, profile: OrgProfileService, access: IncidentAccess, opts: TrackingRouteOptions = {}) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['obligations'];

    app.get(
      '/api/v1/incidents/:id/obligations',
      { config: { policy: authenticated }, schema: { tags, summary: 'Tracked notification obligations of an incident, soonest deadline first', params: Params, response: { 200: ListSchema } } },
      async (req) => {
        await access.assertCanRead(principalOf(req), req.params.id);
        return opts.ensureFresh ? opts.ensureFresh(req.params.id) : svc.list(req.params.id);
      },
    );

    app.post(
      '/api/v1/incidents/:id/obligations/recompute',
      { config: { policy: canWrite }, schema: { tags, summary: 'Re-run the obligation engine on the current facts', params: Params, response: { 200: ListSchema } } },
      async (req) => {
        const p = principalOf(req);
        await access.assertCanWrite(p, req.params.id);
        return svc.recompute(req.params.id, actorOf(p));
      },
    );

    app.patch(
      '/api/v1/incidents/:id/obligations/:itemId',
      {
        config: { policy: canWrite },
        schema: {
          tags,
          summary: 'Set the status of a tracked obligation (not_required needs a reason)',
          params: z.object({ id: z.string(), itemId: z.string() }),
          body: z.object({ status: z.enum(TRACKED_STATUSES), reason: z.string().max(2000).nullable().optional() }),
          response: { 200: TrackedSchema },
        },
      },
      async (req) => {
        const p = principalOf(req);
        await access.assertCanWrite(p, req.params.id);
        return svc.setStatus(req.params.id, req.params.itemId, req.body.status, req.body.reason ?? null, actorOf(p));
      },
    );

    const met = opts.met;
    if (met)
      app.put(
        '/api/v1/incidents/:id/obligations/:itemId/late-reason',
        {
          config: { policy: canWrite },
          schema: {
            tags,
            summary: 'Record or correct why a late met obligation was late (GDPR Art. 33(1)); audited',
            params: z.object({ id: z.string(), itemId: z.string() }),
            body: z.object({ reason: z.string().max(2000) }),
            response: { 200: TrackedSchema },
          },
        },
        async (req) => {
          const p = principalOf(req);
          await access.assertCanWrite(p, req.params.id);
          await met.setLateReason(req.params.id, req.params.itemId, req.body.reason, actorOf(p));
          const item = (await svc.list(req.params.id)).items.find((i) => i.itemId === req.params.itemId);
          if (!item) throw new NotFoundError('obligation');
          return item;
        },
      );

    app.get(
      '/api/v1/incidents/:id/breach-facts',
      { config: { policy: authenticated }, schema: { tags, summary: 'Facts set by hand and the BreachFacts v1 the engine last used', params: Params } },
      async (req) => {
        await access.assertCanRead(principalOf(req), req.params.id);
        return { overrides: await svc.facts.getOverrides(req.params.id), facts: await svc.facts.buildFacts(req.params.id) };
      },
    );

    app.put(
      '/api/v1/incidents/:id/breach-facts',
      { config: { policy: canWrite }, schema: { tags, summary: 'Set breach facts (access/acquisition, encryption, risk, ENISA inputs); recomputes', params: Params, body: FactOverridesSchema } },
      async (req) => {
        const p = principalOf(req);
        await access.assertCanWrite(p, req.params.id);
        await svc.setOverrides(req.params.id, req.body, actorOf(p));
        return svc.list(req.params.id);
      },
    );

    app.get('/api/v1/org/profile', { config: { policy: authenticated }, schema: { tags: ['organisation'], summary: 'Organisation profile used to decide which regimes apply' } }, async () => profile.get());

    app.put(
      '/api/v1/org/profile',
      { config: { policy: isAdmin }, schema: { tags: ['organisation'], summary: 'Update the organisation profile (admin)', body: z.record(z.string(), z.unknown()) } },
      async (req) => profile.set(req.body, actorOf(principalOf(req))),
    );
  };
}
