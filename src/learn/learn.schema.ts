/** zod types of the learn feature: request and response bodies (they feed OpenAPI). */
import { z } from 'zod';

const IsoTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);

export const COST_CATEGORIES = ['forensics', 'legal', 'notification', 'credit_monitoring', 'call_centre', 'pr', 'regulatory_fine', 'ransom', 'recovery', 'staff_time', 'other'] as const;

export const CostInputSchema = z.object({
  vendor: text(300).min(1),
  /** Decimal with at most two places, e.g. "12500.00" or 12500. */
  amount: z.union([z.number(), z.string()]).describe('decimal amount, at most two places'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
  category: z.enum(COST_CATEGORIES),
  description: text(2000).default(''),
  incurredOn: z.iso.date().describe('YYYY-MM-DD'),
});
export type CostInput = z.infer<typeof CostInputSchema>;

export const CostSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  vendor: z.string(),
  amount: z.string(),
  currency: z.string(),
  category: z.string(),
  description: z.string(),
  incurredOn: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Cost = z.infer<typeof CostSchema>;

export const NotifyMetricSchema = z.object({
  obligationId: z.string(),
  jurisdiction: z.string(),
  recipient: z.string(),
  citation: z.string(),
  deadline: z.string().nullable(),
  metAt: z.string().nullable(),
  hours: z.number().nullable().describe('awareness → met, in hours'),
  outcome: z.enum(['on_time', 'late', 'open', 'overdue', 'not_required']),
  reason: z.string().nullable(),
});
export type NotifyMetric = z.infer<typeof NotifyMetricSchema>;

export const MoneyTotalsSchema = z.record(z.string(), z.string()).describe('currency → total');

export const IncidentMetricsSchema = z.object({
  incidentId: z.string(),
  title: z.string(),
  status: z.string(),
  quarter: z.string(),
  firstCompromiseAt: z.string().nullable(),
  awareAt: z.string(),
  containedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  timeToDetectHours: z.number().nullable(),
  timeToContainHours: z.number().nullable(),
  timeToCloseHours: z.number().nullable(),
  notify: z.array(NotifyMetricSchema),
  obligations: z.object({ onTime: z.number(), late: z.number(), open: z.number(), overdue: z.number(), notRequired: z.number() }),
  peopleNotified: z.record(z.string(), z.number()).describe('channel → people reached'),
  costs: z.object({ total: MoneyTotalsSchema, byCategory: z.record(z.string(), MoneyTotalsSchema) }),
});
export type IncidentMetrics = z.infer<typeof IncidentMetricsSchema>;

export const QuarterMetricsSchema = z.object({
  quarter: z.string(),
  incidents: z.number(),
  medianTimeToDetectHours: z.number().nullable(),
  medianTimeToContainHours: z.number().nullable(),
  medianTimeToCloseHours: z.number().nullable(),
  obligationsOnTime: z.number(),
  obligationsLate: z.number(),
  peopleNotified: z.number(),
  costs: MoneyTotalsSchema,
});
export type QuarterMetrics = z.infer<typeof QuarterMetricsSchema>;

export const RootCauseSchema = z.object({ cause: text(5000).min(1), remediationTaskIds: z.array(z.string()).max(100).default([]) });

export const ActionItemInputSchema = z.object({
  title: text(500).min(1),
  assigneeId: z.string().optional().describe('the owner (a user id)'),
  dueAt: IsoTime.optional(),
  notes: text(20_000).optional(),
});

export const ReviewInputSchema = z.object({
  summary: text(50_000).optional(),
  timelineIds: z.array(z.string()).max(2000).optional().describe('timeline entries chosen for the review'),
  rootCauses: z.array(RootCauseSchema).max(50).optional(),
  wentWell: text(50_000).optional(),
  wentBadly: text(50_000).optional(),
  privilegedNotes: text(50_000).optional().describe('attorney–client privileged; shown only to legal'),
});
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

export const ReviewSchema = z.object({
  incidentId: z.string(),
  summary: z.string(),
  timelineIds: z.array(z.string()),
  timeline: z.array(z.object({ id: z.string(), at: z.string(), kind: z.string(), actor: z.string().nullable(), text: z.string() })),
  rootCauses: z.array(z.object({ cause: z.string(), remediationTaskIds: z.array(z.string()) })),
  wentWell: z.string(),
  wentBadly: z.string(),
  actionItems: z.array(z.object({ taskId: z.string(), title: z.string(), status: z.string(), assigneeId: z.string().nullable(), dueAt: z.string().nullable() })),
  /** null when the caller may not see privileged material. */
  privilegedNotes: z.string().nullable(),
  proposals: z.array(z.lazy(() => ProposalSchema)),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ProposalInputSchema = z.object({
  title: text(300).min(1),
  rationale: text(20_000).default(''),
  yaml: z.string().min(1).max(500_000).describe('the whole proposed plan (YAML)'),
});

export const ProposalSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  title: z.string(),
  rationale: z.string(),
  baseVersion: z.number(),
  status: z.enum(['proposed', 'accepted', 'rejected']),
  acceptedVersion: z.number().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Unified diff of the base plan version against the proposal. */
  diff: z.string(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
